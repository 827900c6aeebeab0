"""Who a speaker span refers to: a named person, an organisation or outlet, a document's
publisher, or an anonymous group.

Resolution order for a speaker span:

1. first-person pronouns inside someone's quotation -> that quotation's speaker; in an
   interview's Q&A layout (``claims.turns``) "I" and "we" -> the turn's speaker, "you" in a
   question -> the one who answers it (in an answer "you" is people in general: no one); a
   label is the name as the article writes it, and "A:" the person it interviews
   (``claims.turn_names``);
2. a registered outlet by any name form ("the Russian state news agency Tass", "Actualidad
   RT"), with the outlet's own code (RUSMED);
3. a person named in the span ("General Kyrlo Budanov" -> "Kyrlo Budanov"; a bare surname
   becomes the full name used elsewhere in the article, whatever the tagger took it for);
4. he/she/they/it -> what the article's coreference (``actors.coreference``, shared with the
   event coder) links the pronoun to: a named person by the article's full name, a group or an
   organisation by its words; where it links to nothing, he/she -> the last person who spoke,
   else the last person named (skipping people of the other gender and, in an interview turn,
   the two people talking), they/it -> the last speaker who is not a person, else "they" -> the
   nearest plural subject in its sentence or the one before; a subject he/she
   is never a person named after it in its own clause ("He described Kowal as ...");
5. a definite description ("the Russian leader", "the party's nominee") -> the named person the
   coreference links it to (by the article's appositions and titles, nationality, recency);
   else the last person described with that noun, else the last person who spoke; a plural
   one ("the researchers") stays a group;
6. a document ("a briefing published by the European Parliament") -> its publisher;
   "the paper" -> the last document cited;
7. an organisation, country or outlet named in the span; otherwise the span's own words.

A person's actor code comes from the actor mention on the span, except a country read inside
the person's own name ("Chad" in "Senator Chad Hill") or a namesake of the same surname; a
pronoun or description takes the code of the person's own named mention. Beyond the span:

a. each person's code as the article first describes them (title, apposition, or "X is a
   professor at ...") is kept for all their references and beats a bare country on a span;
b. an organisation the dictionary lacks is coded by the head noun of its name ("Foundation");
c. a speaker the article gives no country takes the story's (its countries and places), and a
   body named by its sector alone ("the government", "officials") that country with the sector;
d. a person with a country and no office is CVL; an outlet MED (``claims.speaker_codes``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from wirewatch.actors.coreference import article_coreference
from wirewatch.claims.draft import subtree_range
from wirewatch.claims.gender import genders
from wirewatch.claims.lexicons import ClaimLexicons
from wirewatch.claims.quotes import QuoteIndex
from wirewatch.claims.speaker_codes import SpeakerCodes
from wirewatch.claims.turn_names import TurnNames
from wirewatch.claims.turns import find_turns, label_role
from wirewatch.media.registry import StateOutlet
from wirewatch.nlp.doc_ents import doc_ents, span_ents
from wirewatch.nlp.doc_sents import token_sentence
from wirewatch.nlp.doc_text import doc_text
from wirewatch.records import ActorMention

_THIRD_PERSON = {"he", "she", "him", "her", "his"}
_FIRST_PERSON = {"i", "we", "me", "us"}
_PRONOUNS = _THIRD_PERSON | _FIRST_PERSON | {"they", "them", "it", "you", "who", "which", "that"}
_DEFINITE = {"the", "this", "that", "these", "those"}
_NAMED_KINDS = {"ORG": "organisation", "GPE": "state", "NORP": "state", "FAC": "organisation"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_GROUP_REACH = 60  # tokens back from a "they"/"it" speaker's sentence to look for who they are


@dataclass(slots=True)
class Speaker:
    name: str | None
    kind: str | None = None
    code: str | None = None
    state_media: bool = False
    is_document: bool = False
    is_outlet: bool = False


@dataclass(slots=True)
class _Person:
    token: int  # index of the entity's last token
    name: str
    described_as: frozenset[str]  # lemmas of nouns that describe the person
    start: int = 0  # index of the entity's first token


class SpeakerResolver:
    """Resolves speaker spans of one article, in text order (it remembers who spoke)."""

    def __init__(self, doc: Doc, lexicons: ClaimLexicons, mentions: list[ActorMention]) -> None:
        self.doc = doc
        self.cues = lexicons.cues
        self.registry = lexicons.media.registry
        self.coreference = lexicons.coreference
        self.countries = lexicons.countries
        self.mentions = sorted(mentions, key=lambda m: m.char_start)
        self._starts = [m.char_start for m in self.mentions]
        self._longest = max((m.char_end - m.char_start for m in self.mentions), default=0)
        self.persons: list[_Person] = []
        self.surnames: dict[str, str] = {}
        self.spoken: list[tuple[int, Speaker]] = []  # (token index, speaker) of resolved claims
        self._last_person: tuple[int, int] | None = None
        self._quotes: QuoteIndex | None = None  # built when a stray "I" needs it
        # Registered outlets named in the text, found once on its characters (one regex pass).
        self.outlets_named = self.registry.occurrences(doc_text(doc))
        self.turns = find_turns(doc_text(doc))  # an interview's Q&A layout, if it has one
        self._turn_names: TurnNames | None = None  # built when a turn's label is first named
        self._country_names = {name for names in self.countries.values() for name in names}
        # Surnames of the people named in full, first: the tagger takes a lone surname for a
        # place or an organisation as often as for a person ("Petrova said" tagged GPE).
        for ent in doc_ents(doc):
            if ent.label_ == "PERSON" and not self.is_platform(ent):
                parts = self._person_name(ent).split()
                if len(parts) > 1:
                    self.surnames.setdefault(parts[-1], " ".join(parts))
        for ent in doc_ents(doc):
            if not self._is_person(ent):
                continue
            name = self._person_name(ent)
            if not name:
                continue
            parts = name.split()
            if len(parts) > 1:
                self.surnames.setdefault(parts[-1], name)
            self.persons.append(_Person(ent.end - 1, name, self._descriptions(ent), ent.start))
        # A lone surname seen before the full name still maps to the full name.
        for person in self.persons:
            if " " not in person.name:
                person.name = self.surnames.get(person.name, person.name)
        self.gender = genders(doc, self.persons, self.cues)  # "f"/"m" where the article shows it
        # What the article says of its speakers' codes beyond their spans (``claims.speaker_codes``).
        self.codes = SpeakerCodes(doc, self.mentions, lexicons.descriptions, lexicons.sectors, lexicons.place_country,
                                 intro_end=self.turns.turns[0].start if self.turns.turns and self.turns.asker else None)
        # Its copy of the mentions codes the organisations the dictionary lacks by their type.
        self.mentions = self.codes.mentions
        for ent in doc_ents(doc):
            if self._is_person(ent):
                self.codes.describe(ent, self._full(self._person_name(ent)))

    # -- public -------------------------------------------------------------------------------
    def resolve(self, start: int, end: int, quoted_by: Speaker | None = None) -> Speaker:
        self._last_person = None  # the person entity ``_person_in`` found, as characters
        span = self._antecedent_of_relative(self.doc[start:end])
        speaker = self._resolve(span, quoted_by)
        mention = self._mention(span)
        if mention is not None and speaker.kind == "person" and not self._codes_person(mention, speaker.name):
            mention = None
        # An outlet speaks as media: "the Russian state news agency Tass" overlaps the mention
        # "Russian" (RUSGOV), but its code is the outlet's own (RUSMED).
        if mention is not None and speaker.code is None and not (speaker.is_outlet and mention.kind != "outlet"):
            speaker.code = mention.code
            speaker.kind = mention.kind or speaker.kind
            speaker.state_media = speaker.state_media or self.registry.is_state_media(mention.name or mention.text)
            speaker.is_outlet = speaker.is_outlet or mention.kind == "outlet"
        if speaker.is_outlet and speaker.code is None and mention is not None and mention.kind == "state" and mention.code:
            speaker.code = mention.code[:3]  # "The Canadian Press": a Canadian outlet
        if speaker.is_outlet and speaker.code is None and mention is not None and mention.kind == "outlet" and mention.sector:
            speaker.code = "---" + mention.sector  # an outlet the dictionary knows to be of no one country
        if speaker.is_outlet and speaker.code is None and speaker.name:
            # An outlet known by name publishes from its own country ("Kyodo" JPN), or from none
            # ("Wikinews" "---"): never the story's
            known = self.cues.outlet_named(speaker.name)
            if known is not None and known.country:
                speaker.code = known.country
        if speaker.kind == "person" and speaker.code is None and self._last_person is not None:
            speaker.code = self._title_code(span, self._last_person[0])
        if speaker.kind in ("person", "organisation") and speaker.code is None and speaker.name:
            # "he", "the billionaire developer", "the ministry": the code of the named mention
            named = next((m for m in self.mentions if m.kind in ("person", "organisation", "state") and m.code
                          and (speaker.name in (m.name, m.text) or m.text.endswith(" " + speaker.name))), None)
            if named is not None:
                speaker.code = named.code
        speaker.code = self.codes.complete(speaker.code, speaker.name, speaker.kind, span, speaker.is_outlet,
                                           speaker.is_document)
        self.spoken.append((start, speaker))
        return speaker

    def is_outlet(self, span: Span) -> bool:
        mention = self._mention(span)
        if mention is not None and mention.kind == "outlet":
            return True
        text = _strip_determiner(span)
        if self.cues.outlet_named(text) or self.registry.lookup(text) or self._registered_outlet(span):
            return True
        lowered = text.lower()
        if lowered in self.cues.not_outlets or any(t.lower_ in self.cues.not_outlets for t in span):
            return False
        proper = any(t.pos_ == "PROPN" for t in span)
        words = {t.lower_ for t in span}
        named = words & self.cues.outlet_words
        # "the Environmental Protection Agency" is no news agency; "the Kenya News Agency" is
        return proper and bool(named - self.cues.news_only_outlet_words or named and words & {"news", "press"})

    def is_platform(self, span: Span | Token) -> bool:
        """A social network named as written ("Twitter", "X", "Truth Social"); a token stands
        for its phrase."""
        if isinstance(span, Token):
            start, end = subtree_range(span)
            span = span.doc[start:end]
        return _strip_determiner(span) in self.cues.social_platforms

    def outlet_name(self, span: Span) -> str:
        text = _strip_determiner(span)
        registered = self.registry.lookup(text)  # "Sputnik Mundo" stays itself, not "Sputnik"
        if registered is not None:
            return registered.name
        known = self.cues.outlet_named(text)
        if known is not None:
            return known.name
        described = self._registered_outlet(span)  # "the state news agency Tass"
        return described.name if described is not None else text

    # -- resolution steps ---------------------------------------------------------------------
    def _antecedent_of_relative(self, span: Span) -> Span:
        """"who" in "Beck, who supported Cruz, said" stands for "Beck"."""
        if len(span) != 1 or span[0].lower_ not in ("who", "that", "which", "whom"):
            return span
        clause = next((a for a in span[0].ancestors if a.dep_ == "relcl"), None)
        if clause is None:
            return span
        noun = clause.head
        words = [t.i for t in noun.subtree if not (clause.left_edge.i <= t.i <= clause.right_edge.i)]
        while len(words) > 1 and self.doc[words[-1]].is_punct:
            words.pop()
        return self.doc[min(words) : max(words) + 1]

    def _resolve(self, span: Span, quoted_by: Speaker | None) -> Speaker:
        root = span.root
        lower = span.text.lower()
        if lower in _FIRST_PERSON and quoted_by is not None:
            return Speaker(quoted_by.name, quoted_by.kind, quoted_by.code, quoted_by.state_media)
        in_turn = self._turn_speaker(span, lower)
        if in_turn is not None:
            return in_turn
        if lower in ("i", "me"):
            featured = self._featured_person(span)
            if featured is not None:
                return featured
        outlet = self._registered_outlet(span)
        if outlet is not None:
            return Speaker(outlet.name, "outlet", outlet.code, outlet.state_affiliated, is_outlet=True)
        person = self._person_in(span)
        if person:
            return Speaker(person, "person")
        if lower in _THIRD_PERSON:
            listed = self._listed(span)
            if listed is not None:
                return listed
            besides = self._in_conversation(span) | self._commanded(root)
            linked = self._coreferent(root)
            if linked is not None and linked.name not in besides:
                return linked
            return self._antecedent(span.start, lower, besides) or Speaker(None)
        lemma = root.lemma_.lower()
        definite = span[0].lower_ in _DEFINITE
        if lemma in self.cues.document_nouns and root.pos_ != "PROPN":  # "The Washington Post" is no post
            return self._document(span, definite)
        if definite and not any(t.pos_ == "PROPN" for t in span):
            # "the Russian leader", "the billionaire developer": the person the article's
            # coreference links the description to, by title, nationality and recency
            described = article_coreference(self.doc, self.coreference).described(root)
            if described is not None:
                return Speaker(described.name, "person" if described.kind == "pnoun" else "organisation")
        if definite and lemma in self.cues.role_nouns and not any(t.pos_ == "PROPN" for t in span):
            if root.tag_ in ("NNS", "NNPS"):
                return Speaker(_strip_determiner(span))  # "the researchers" are not one person
            return self._described(span.start, lemma) or Speaker(_strip_determiner(span))
        if self.is_outlet(span):
            return Speaker(self.outlet_name(span), "outlet", is_outlet=True, state_media=self._state_outlet(span))
        for ent in span_ents(span):
            if ent.label_ in _NAMED_KINDS and ent.start <= root.i < ent.end:
                return Speaker(_strip_determiner(ent), _NAMED_KINDS[ent.label_])
        if lower in ("they", "it"):
            return (self._coreferent(root) or self._group_antecedent(span.start, lower)
                    or (self._plural_subject_before(root) if lower == "they" else None) or Speaker(None))
        if lower in ("you", "we", "us", "them"):
            return Speaker(None)
        text = _strip_determiner(span)
        if text in self.surnames:  # "Karimzai added": the tagger missed the surname it tagged in full before
            return Speaker(self.surnames[text], "person")
        return Speaker(text)

    def _title_code(self, span: Span, name_start: int) -> str | None:
        """A person the dictionary does not know takes the code of the organisation or state
        their title names before the name ("UN Secretary-General Ban Ki-moon" IGOUNO, "Italian
        Prime Minister X"): the nearest coded mention of the span that ends before the name."""
        titles = [m for m in self.mentions if span.start_char <= m.char_start and m.char_end <= name_start
                  and m.code and m.kind in ("organisation", "state")]
        return titles[-1].code if titles else None

    def _codes_person(self, mention: ActorMention, name: str | None) -> bool:
        """Whether an actor mention's code is this person's: not when the mention is a country
        read inside the person's name ("Chad" in "Senator Chad Hill", "Jordan" in "Michael
        Jordan"), nor when it is another person of the same surname ("Brown" coded as a better
        known Brown, where this article's Brown is Pat Brown)."""
        named = self._last_person
        if mention.kind != "person":
            # A country or sector word before the name ("Russian Foreign Minister Sergei
            # Lavrov") codes the person; one inside the name does not.
            return named is None or not (mention.char_start < named[1] and named[0] < mention.char_end)
        if not name or not mention.name:
            return True
        if _names_its_country(name, mention.code, self.countries):
            return False  # "Michael Jordan" coded JOR, "Kenya Moore" KEN: the name, not a state
        ours, theirs = name.split(), mention.name.split()
        if ours[-1].casefold() != theirs[-1].casefold() or len(ours) < 2 or len(theirs) < 2:
            return True
        # "General Kyrlo Budanov" is the dictionary's Kyrylo Budanov by an alias written in full
        return ours[0].casefold() == theirs[0].casefold() or f" {name.casefold()} " in f" {mention.text.casefold()} "

    def _turn_speaker(self, span: Span, lower: str) -> Speaker | None:
        """In an interview turn, "I" is the turn's speaker and "you" in a question the one who
        answers it (``claims.turns``). "You" in an answer is nobody to resolve: the one answering
        means people in general ("if you study physics, you describe the real world") far more
        often than the interviewer (GUM's interviews: 4 of about 95)."""
        if not self.turns.turns:
            return None
        turn = self.turns.at(span.start_char)
        if turn is None:
            return None
        if span.text == turn.label and not doc_text(self.doc)[turn.start : span.start_char].strip(' \t"“'):
            # The label itself, speaking its turn (``layouts``): "TAPPER" is "Jake Tapper".
            label = self._label_name(turn.label)
            if label is None and label_role(turn.label) == "asks":
                return Speaker(None)  # "Q:" is nobody the reader is told of
            if label is not None and self.is_outlet(span):
                # "Wikinews: What is ...?": an outlet asks its questions as itself
                return Speaker(self.outlet_name(span), "outlet", is_outlet=True, state_media=self._state_outlet(span))
            return Speaker(label, "person") if label else None
        if lower not in ("i", "me", "you", "we"):
            return None
        if lower == "you" and self.turns.asker is not None and turn.label != self.turns.asker:
            return None
        who = self._label_name(self.turns.addressee(turn) if lower == "you" else turn.label)
        return Speaker(who, "person") if who else None

    def _featured_person(self, span: Span) -> Speaker | None:
        """A pull quote nobody is said to speak ("“I have no doubt that ...”" under "Biologist Nick
        Bos tells Wikinews ..."): "I" in it is the person the article features, the one it names
        most often, when that person is named at least twice and more often than anyone else."""
        if self._quotes is None:
            self._quotes = QuoteIndex(doc_text(self.doc))
        if self._quotes.covering(span.start_char, span.end_char) is None:
            return None
        counts = Counter(p.name for p in self.persons)
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return None
        return Speaker(ranked[0][0], "person")

    def _registered_outlet(self, span: Span) -> StateOutlet | None:
        """A registered outlet the span is about, by any name form: "Tass", "the Russian state
        news agency Tass", "China's state broadcaster CCTV", "Actualidad RT", or a name the parser
        cut ("according to Russia Today" read as "Russia"). The span's head must lie in the
        outlet's name or be a word for an outlet, so "RT's correspondent Ivan Petrov" stays the
        correspondent."""
        root = span.root
        if root.lower_ in _PRONOUNS:
            return None
        start, end = span.start_char, span.end_char
        for o_start, o_end, outlet in self.outlets_named:
            if o_start >= end:
                break
            if o_end > start and (o_start <= root.idx < o_end or root.lemma_.lower() in self.cues.outlet_words):
                return outlet
        return None

    def _person_in(self, span: Span) -> str | None:
        people = [e for e in span_ents(span) if self._is_person(e)]
        if not people:
            return None
        root = span.root
        for ent in people:  # the person the span is about, not one it mentions ("Clinton campaign chairman John Podesta")
            if ent.start <= root.i < ent.end or ent.root.head.i == root.i and ent.root.dep_ == "appos":
                self._last_person = (ent.start_char, ent.end_char)
                return self._full(self._person_name(ent))
        # Otherwise the last person the span names, unless only as a modifier of something
        # else: "Rendell, a Clinton surrogate" is not Clinton, "Clinton's campaign" is not her.
        named = [e for e in people if e.root.dep_ not in ("compound", "poss", "nmod", "amod")]
        if not named:
            return None
        self._last_person = (named[-1].start_char, named[-1].end_char)
        return self._full(self._person_name(named[-1]))

    def _in_conversation(self, span: Span) -> frozenset[str]:
        """The two people talking in the interview turn holding ``span``: "he" in an answer is
        neither of them (they are "I" and "you")."""
        # Only an interview (someone asks): in a list of "Bush: He said ..." paragraphs the
        # label is who "he" is.
        if not self.turns.asker:
            return frozenset()
        turn = self.turns.at(span.start_char)
        if turn is None:
            return frozenset()
        return frozenset(filter(None, (self._label_name(turn.label), self._label_name(self.turns.addressee(turn)))))

    def _commanded(self, pronoun: Token) -> frozenset[str]:
        """The people a subject pronoun cannot be: those named after it in its own clause ("He
        described Montalvo as ...", "She said Berg was late"), which a pronoun that governs
        them never stands for. A name before it ("When Berg arrived, he said") may be it."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return frozenset()
        verb = pronoun.head
        return frozenset(p.name for p in self.persons if pronoun.i < p.start and p.token <= verb.right_edge.i)

    def _listed(self, span: Span) -> Speaker | None:
        """"Carson: He said ...": in paragraphs that open with a name but are no interview (no
        one asks), he/she in the paragraph's first sentence is the one the label names."""
        if not self.turns.turns or self.turns.asker:
            return None
        turn = self.turns.at(span.start_char)
        if turn is None or token_sentence(span[0]).start_char > turn.start + len(turn.label) + 2:
            return None
        name = self._label_name(turn.label)
        return Speaker(name, "person") if name else None

    def _label_name(self, label: str | None) -> str | None:
        """A turn label as the person's name the article uses (``claims.turn_names``): "JAKE
        TAPPER" -> "Jake Tapper", "TAPPER" or "Tapper" -> the full name; "Q" names no one."""
        if self._turn_names is None:
            self._turn_names = TurnNames(self.doc, self.persons, self.turns, self.surnames)
        return self._turn_names.name(label)

    def _antecedent(self, before: int, pronoun: str | None = None, besides: frozenset[str] = frozenset()) -> Speaker | None:
        """The last person who spoke (within reach), else the last person named; a "she" skips
        people known to be men, a "he" people known to be women, and neither is one of
        ``besides`` (the people talking in an interview turn)."""
        unlike = {"she": "m", "her": "m", "he": "f", "him": "f", "his": "f"}.get(pronoun or "")
        sent_start = token_sentence(self.doc[before]).start
        for tok_i, spoke in reversed(self.spoken):
            if tok_i < before and spoke.kind == "person" and spoke.name and sent_start - tok_i < 200:
                if unlike and self.gender.get(spoke.name) == unlike or spoke.name in besides:
                    continue
                return Speaker(spoke.name, "person", spoke.code)
        for person in reversed(self.persons):
            if person.token < before and not (unlike and self.gender.get(person.name) == unlike) and person.name not in besides:
                return Speaker(person.name, "person")
        return None

    def _coreferent(self, pronoun: Token) -> Speaker | None:
        """What the article's coreference (``actors.coreference``) links the pronoun to: a named
        person by the full name the article uses, a group or organisation by its words."""
        ref = article_coreference(self.doc, self.coreference).antecedent(pronoun)
        if ref is None:
            return None
        if ref.kind in ("PER", "pnoun"):
            if ref.kind == "pnoun" and ref.plural:
                return Speaker(ref.name)
            name = self._full(ref.name)
            # the code the person spoke with before ("Nauert said ... she added")
            code = next((spoke.code for _, spoke in reversed(self.spoken) if spoke.name == name and spoke.code), None)
            return Speaker(name, "person", code)
        return Speaker(ref.name, _NAMED_KINDS.get(ref.kind))

    def _group_antecedent(self, before: int, pronoun: str) -> Speaker | None:
        """"They say ...", "it added": the last speaker who is not a person, in this sentence or
        the two before ("Researchers found ... They say"; "KCNA reported ... It added"). "it" is
        an organisation, outlet, state or document, never a group of people."""
        sent_start = token_sentence(self.doc[before]).start
        for tok_i, spoke in reversed(self.spoken):
            if tok_i >= before or not spoke.name:
                continue
            if sent_start - tok_i > _GROUP_REACH:
                break
            if spoke.kind == "person" or (pronoun == "they" and spoke.is_document):
                continue  # a study or report is "it", never "they"
            if pronoun == "it" and not (spoke.is_outlet or spoke.is_document or spoke.kind in ("organisation", "state", "outlet")):
                continue
            return Speaker(spoke.name, spoke.kind, spoke.code, spoke.state_media, spoke.is_document, spoke.is_outlet)
        return None

    def _plural_subject_before(self, pronoun: Token) -> Speaker | None:
        """"They" that nothing else resolves: the nearest plural subject before it, in its own
        sentence or the one before ("War planes of the army crossed the line. They fired ..."):
        a sentence is about its subject, and the next one's "they" most often goes on with it."""
        sentence = token_sentence(pronoun)
        previous = token_sentence(self.doc[sentence.start - 1]) if sentence.start > 0 else sentence
        for i in range(pronoun.i - 1, previous.start - 1, -1):
            token = self.doc[i]
            if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ == "PRON" or token.tag_ not in ("NNS", "NNPS"):
                continue
            start, end = subtree_range(token)
            return Speaker(_strip_determiner(self.doc[start:end]))
        return None

    def _described(self, before: int, noun: str) -> Speaker | None:
        for person in reversed(self.persons):
            if person.token < before and noun in person.described_as:
                return Speaker(person.name, "person")
        return self._antecedent(before)

    def _document(self, span: Span, definite: bool) -> Speaker:
        for ent in span_ents(span):  # "a briefing published by the European Parliament"
            if ent.label_ in ("ORG", "PERSON", "GPE", "NORP") and ent.root.i != span.root.i:
                name = self._full(self._person_name(ent)) if ent.label_ == "PERSON" else _strip_determiner(ent)
                kind = "person" if ent.label_ == "PERSON" else _NAMED_KINDS.get(ent.label_)
                outlet = self.is_outlet(ent)
                return Speaker(name, "outlet" if outlet else kind, is_document=True, is_outlet=outlet)
        if definite:
            for _, spoke in reversed(self.spoken):
                if spoke.is_document:
                    return Speaker(spoke.name, spoke.kind, spoke.code, spoke.state_media, is_document=True)
        return Speaker(_strip_determiner(span), None, is_document=True)

    # -- helpers ------------------------------------------------------------------------------
    def _is_person(self, ent: Span) -> bool:
        """PERSON entities, and names the tagger mislabels but a personal title gives away
        ("Chancellor Olaf Scholz" tagged ORG)."""
        if self.is_platform(ent):
            return False  # "answered on Twitter": the network is no person
        if ent.label_ == "PERSON":
            return True
        if len(ent) == 1 and ent[0].pos_ == "PROPN" and ent.text in self.surnames and ent.text.casefold() not in self._country_names:
            return True  # the surname of someone named in full, whatever the tagger took it for
        if ent.label_ not in ("ORG", "GPE", "NORP") or not all(t.pos_ == "PROPN" for t in ent):
            return False
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        titled = (before is not None and before.lower_ in self.cues.titles) or ent[0].lower_ in self.cues.titles
        return titled and len(self._person_name(ent).split()) >= 2

    def _person_name(self, ent: Span) -> str:
        words = [t for t in ent if t.text not in _POSSESSIVE]
        while words and words[0].lower_ in self.cues.titles:
            words = words[1:]
        if not words:
            return ""
        # The text as written between the first and last word: "Kim Min-Woo", not "Kim Min - Woo".
        return " ".join(self.doc[words[0].i : words[-1].i + 1].text.split())

    def _full(self, name: str) -> str:
        return self.surnames.get(name, name) if " " not in name else name

    def _descriptions(self, ent: Span) -> frozenset[str]:
        words: set[str] = set()
        root = ent.root
        related = [root.head] if root.dep_ == "appos" else []
        related += [c for c in root.children if c.dep_ in ("appos", "compound", "amod")]
        related += [t for t in self.doc[max(0, ent.start - 3) : ent.start] if t.lower_ in self.cues.titles]
        for tok in related:
            words.add(tok.lemma_.lower())
            if tok.dep_ == "appos" or tok.i == root.head.i:
                words.update(c.lemma_.lower() for c in tok.children if c.pos_ in ("NOUN", "PROPN"))
        return frozenset(words)

    def _mention(self, span: Span) -> ActorMention | None:
        start, end = span.start_char, span.end_char
        root = span.root
        best: tuple[int, ActorMention] | None = None
        # A mention that starts more than the longest mention's length before ``start`` ends before it.
        for m in self.mentions[bisect_left(self._starts, start - self._longest) :]:
            if m.char_start >= end:
                break
            overlap = min(end, m.char_end) - max(start, m.char_start)
            if overlap <= 0:
                continue
            score = overlap + (10_000 if m.char_start <= root.idx < m.char_end else 0)
            if best is None or score > best[0]:
                best = (score, m)
        return best[1] if best else None

    def _state_outlet(self, span: Span) -> bool:
        return self.registry.is_state_media(self.outlet_name(span))


def _names_its_country(name: str, code: str | None, countries: dict[str, tuple[str, ...]]) -> bool:
    """Whether the country of ``code`` is a word of the person's ``name`` ("Chad Hill", TCD);
    ``countries`` as ``claims.lexicons.read_country_names`` gives them."""
    if not code or len(code) < 3:
        return False
    folded = f" {name.casefold()} "
    return any(f" {country} " in folded for country in countries.get(code[:3], ()))


def _strip_determiner(span: Span) -> str:
    """Span text without a lower-case leading article ("the Daily Mail" -> "Daily Mail");
    a capitalised "The" mid-sentence is part of a name ("The War Zone") and stays."""
    tokens = list(span)
    while tokens and tokens[0].pos_ == "DET" and (tokens[0].lower_ in ("a", "an") or tokens[0].text == tokens[0].lower_ or tokens[0].i == token_sentence(tokens[0]).start):
        tokens = tokens[1:]
    while tokens and tokens[-1].text in _POSSESSIVE:
        tokens = tokens[:-1]
    if not tokens:
        return span.text
    return span.doc[tokens[0].i : tokens[-1].i + 1].text


SPEAKER_KINDS = ("person", "organisation", "government", "outlet", "document", "anonymous")


def speaker_kind(speaker: Speaker | None, anonymous: bool) -> str | None:
    """One of SPEAKER_KINDS: who the speaker is, as an analyst filters on it. A state named as
    speaker ("Moscow aims to ...", "Russia said") speaks as its government; a document or study
    stays a document even when its publisher is named; "officials", "sources" are anonymous."""
    if speaker is None:
        return None
    if anonymous:
        return "anonymous"
    if speaker.is_document:
        return "document"
    if speaker.is_outlet or speaker.kind == "outlet":
        return "outlet"
    if speaker.kind == "state" or (speaker.code or "").endswith(("GOV", "MIL")) and speaker.kind != "person":
        return "government"
    return speaker.kind if speaker.kind in SPEAKER_KINDS else None
