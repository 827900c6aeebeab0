"""Evaluations: what one actor says another is, coded as disapproval (CAMEO 111, ACCUSE) or praise
(CAMEO 051, SUPPORT).

News reports judgements in a few regular constructions; four are read here:

1. a labelling verb, its object and a complement: "Germany called Russia a threat to peace",
   "the State Department described the kingdom as a reliable partner";
2. a copular clause in someone's words: "'He is a racist,' said X", "X claimed that the former
   president is dangerous", "'There is no doubt that he is a talented man,' the leader said";
3. a judging adjective on an actor's act or thing in someone's words: "he said Russia's reckless
   actions ...", "adding that it could protect against 'Russia's worrying actions'";
4. a wrong someone says another did: "'Israel was sold out by Kerry,' Trump said" (CAMEO 112).

The event is the saying or labelling: it hangs on that verb, whose modality it takes (a judgement
denied in the words, "he is no threat", is negated). Evaluative nouns ("sharp words for Washington")
are not read: tried, they found such events on the tuned half but one with the wrong actors on the
untouched half.

The words of ``data/evaluations.yaml`` (``events.evaluation_words``) decide the polarity; a judgement
is an event only when both the one judging and the one judged are coded actors (a pronoun through
the article's coreference). A negative word about nobody ("the situation is dangerous"), about an
act with no actor named ("such a ban would be unacceptable"), or in the writer's own voice (no
speaker) makes no event.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from wirewatch.actors.coreference import article_coreference
from wirewatch.events.arguments import MentionIndex, coreferent_mention, source_mentions
from wirewatch.events.evaluation_words import ACCUSE_CODE, NEGATIVE_CODE, POSITIVE_CODE, EvaluationLexicon
from wirewatch.events.modality import ModalityCues, modality_of
from wirewatch.events.obligations import reported_speakers
from wirewatch.records import ActorMention

# Words that judge someone, not something: a pronoun for a thing or the speaker names nobody judged.
_PERSON_PRONOUNS = {"he", "she", "they", "him", "her", "them"}
_FIRST_PERSON = {"i", "we", "me", "us"}
# How an evaluative phrase is built: its head's modifiers and coordinated heads, and what it is of or to
# ("a danger to the free world", "a contributor of stability").
_PHRASE_DEPS = {"amod", "compound", "conj", "nmod", "advmod", "acomp", "attr", "appos"}
_PHRASE_PREPS = {"of", "to", "for"}
_COMPLEMENT_DEPS = ("attr", "acomp", "oprd")
# Sectors of people at large (civilians, refugees), whom a word on their own doing describes, not judges.
_POPULATIONS = {"CVL", "REF"}


@dataclass(slots=True)
class Evaluation:
    anchor: Token  # the verb of saying or labelling the event hangs on
    code: str  # NEGATIVE_CODE, POSITIVE_CODE or ACCUSE_CODE
    sources: list[ActorMention]
    targets: list[ActorMention]
    modality: str
    construction: str  # "label", "said", "attributive" or "wrongdoing": the rule that fired


def _phrase_words(head: Token) -> list[Token]:
    """The words of the evaluative phrase headed by ``head``: the head, its modifiers and conjuncts,
    and what it is of or to; not its relative clauses nor its places ("an ally in Asia")."""
    out, stack = [], [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for c in tok.children:
            if c.dep_ in _PHRASE_DEPS:
                stack.append(c)
            elif c.dep_ == "prep" and c.lower_ in _PHRASE_PREPS:
                stack.extend(o for o in c.children if o.dep_ == "pobj")
    return out


def polarity(heads: list[Token], lexicon: EvaluationLexicon) -> str | None:
    """The code the phrases headed by ``heads`` judge with: negative if any word is, else positive if
    any is ("a threat to stability" is a judgement against), else None."""
    found = {lexicon.words.get(t.lower_) or lexicon.words.get(t.lemma_.lower())
             for h in heads for t in _phrase_words(h)}
    if NEGATIVE_CODE in found:
        return NEGATIVE_CODE
    return POSITIVE_CODE if POSITIVE_CODE in found else None


def judged(head: Token, index: MentionIndex) -> list[ActorMention]:
    """The coded actors a phrase judges: the actor it names or its possessor ("Russia's policy"), or
    the person a pronoun refers to; not a place the phrase merely mentions ("the situation in Syria")."""
    doc = head.doc
    out: list[ActorMention] = []
    for tok in [head, *(c for c in head.children if c.dep_ == "conj")]:
        keys = {tok.i} | {c.i for c in tok.children if c.dep_ in ("poss", "compound", "amod")}
        spans = [m for m in index.in_phrase(tok) if m.code]
        found = [m for m in spans if any(index.by_token.get(i) is m for i in keys)]
        if not found and (tok.lower_ in _PERSON_PRONOUNS or tok.pos_ == "NOUN"):
            # "he", or a description no coded mention covers ("the former president")
            linked = coreferent_mention(doc, index, tok)
            found = [linked] if linked is not None else []
        else:
            found += [linked for c in tok.children if c.dep_ == "poss" and c.lower_ in ("his", "her", "their")
                      if (linked := coreferent_mention(doc, index, c)) is not None]
        out.extend(m for m in found if m not in out)
    return out


def _complements(verb: Token) -> list[Token]:
    """What a copula or labelling verb says its subject or object is: "is a racist", "called X a
    threat", "described X as a partner", "is in danger of becoming an apartheid state"."""
    out = [c for c in verb.children if c.dep_ in _COMPLEMENT_DEPS]
    # "a racist, but a danger to ...": parsers hang the second predicate on the verb
    out += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "ADJ")]
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        objects = [o for o in prep.children if o.dep_ == "pobj"]
        if prep.lower_ == "as":  # "described the kingdom as a leading contributor", "as groundless"
            out += [c for c in prep.children if c.dep_ in ("pobj", "amod", "acomp")]
        for o in objects:  # "in danger of becoming an apartheid state"
            out += [c for p in o.children if p.dep_ == "prep" for b in p.children
                    if b.dep_ == "pcomp" and b.lemma_.lower() == "become"
                    for c in b.children if c.dep_ in _COMPLEMENT_DEPS]
    return out


def _speech_verb(clause: Token, lexicon: EvaluationLexicon) -> Token | None:
    """The verb whose words ``clause`` is: "'He is X,' said Y", "claimed that he is X", "'There is
    no doubt that he is X,' Y said"; None for the writer's own statement."""
    tok = clause
    for _ in range(4):
        if tok.dep_ not in ("ccomp", "acl", "attr") or tok.head == tok:
            return None
        came_by = tok.dep_
        tok = tok.head
        if came_by == "ccomp" and tok.lemma_.lower() in lexicon.speech_verbs:
            return tok
    return None


def _quoted(clause: Token, speech: Token) -> bool:
    """The clause is a direct quote of the speaker: a quotation mark stands between them."""
    doc = clause.doc
    between = range(clause.right_edge.i + 1, speech.i) if speech.i > clause.i \
        else range(speech.i + 1, clause.left_edge.i)
    return any(doc[i].is_quote for i in between)


def _other_person(pronoun: Token, index: MentionIndex, speakers: list[ActorMention]) -> list[ActorMention]:
    """Whom "he" means in a speaker's own quoted words when the coreference took it for the speaker:
    someone quoted says "I" of himself, so "he" is the nearest other person of that gender named before."""
    doc = pronoun.doc
    coref = article_coreference(doc, index.coreference)
    ref = coref.by_head.get(pronoun.i)
    if ref is None:
        return []
    spoken = {m.code for m in speakers}
    for cand in coref.candidates(ref):
        if cand.kind != "PER" or (ref.gender and cand.gender and ref.gender != cand.gender):
            continue
        named = [m for m in index.in_phrase(doc[cand.head]) if m.code and m.kind == "person"]
        if named and named[0].code not in spoken:
            return named[:1]
    return []


def _modality(verb: Token, cues: ModalityCues, lexicon: EvaluationLexicon) -> str:
    modality, _cue_words = modality_of(verb, cues)
    if modality == "negated" and any(n.lower_ == "only" for c in verb.children for n in c.children
                                     if c.dep_ in ("neg", "preconj")):
        return "asserted"  # "not only a racist, but ...": more said, not less
    if modality == "negated" and verb.dep_ == "acl" and verb.head.lemma_.lower() in lexicon.affirming_nouns:
        return "asserted"  # "there is no doubt that he is ..."
    if modality == "asserted" and any(d.lower_ in cues["negation_determiners"]
                                      for c in _complements(verb) for d in c.children if d.dep_ == "det"):
        return "negated"  # "he is no threat"
    return modality


def _blames(verb: Token, lexicon: EvaluationLexicon) -> bool:
    """The copula says its subject is to blame: "is to blame", or "was behind" or "is responsible for" a
    harm ("the blast", "the violence"); "behind the decision" blames nobody."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in lexicon.blame and _harm(c, lexicon):
            return True
        if c.dep_ in ("acomp", "xcomp", "attr"):
            for g in c.children:
                words = " ".join(t.lower_ for t in sorted((c, g), key=lambda t: t.i))
                if g.dep_ in ("prep", "aux") and words in lexicon.blame and (g.dep_ == "aux" or _harm(g, lexicon)):
                    return True
    return False


def _harm(prep: Token, lexicon: EvaluationLexicon) -> bool:
    objects = [o for o in prep.children if o.dep_ == "pobj"]
    return any(o.lemma_.lower() in lexicon.harms for o in objects) or polarity(objects, lexicon) is not None


def _said(verb: Token, index: MentionIndex, lexicon: EvaluationLexicon, cues: ModalityCues) -> Evaluation | None:
    """Construction 2: a copular clause in someone's words."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ in _FIRST_PERSON:
        return None
    code = polarity(_complements(verb), lexicon)
    if code is None and _blames(verb, lexicon):
        code = ACCUSE_CODE  # "said Moscow was behind the blast", "is responsible for the violence"
    if code is None:
        return None
    speech = _speech_verb(verb, lexicon)
    if speech is None:
        return None
    sources = reported_speakers(speech, verb, index)
    targets = judged(subjects[0], index)
    if subjects[0].lower_ in _PERSON_PRONOUNS and _quoted(verb, speech) \
            and {m.code for m in targets} <= {m.code for m in sources}:
        targets = _other_person(subjects[0], index, sources)
    # The judgement is the saying: "suggested that Israel is ..." hedges what Israel is, not that it was
    # said; a judgement denied in the words themselves ("he is no threat") is negated.
    modality = _modality(verb, cues, lexicon)
    if modality != "negated":
        modality = _modality(speech, cues, lexicon)
    # the act is the saying, reported by the article: its verb carries the event, outside the words said
    return _judgement(speech, code, sources, targets, modality, "said")


def _labelled(verb: Token, index: MentionIndex, lexicon: EvaluationLexicon,
              cues: ModalityCues) -> Evaluation | None:
    """Construction 1: "called X a threat", "described X as a reliable partner"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    complements = [c for c in _complements(verb) if c.dep_ != "attr"]
    if not objects or not complements:
        return None
    code = polarity(complements, lexicon)
    if code is None:
        return None
    # "what he called China's coercive actions": the complement names whom the label is for
    targets = judged(objects[0], index) if objects[0].tag_ not in ("WP", "WDT") \
        else [m for c in complements for m in judged(c, index)]
    sources = reported_speakers(verb, verb, index)
    return _judgement(verb, code, sources, targets, _modality(verb, cues, lexicon), "label")


def _speaker_above(tok: Token, lexicon: EvaluationLexicon) -> Token | None:
    """The nearest verb of saying whose reported clause holds ``tok``; None in the writer's own words."""
    for anc in (tok, *tok.ancestors):
        if anc.dep_ == "ccomp" and anc.head.lemma_.lower() in lexicon.speech_verbs:
            return anc.head
    return None


def _attributive(adjective: Token, index: MentionIndex, lexicon: EvaluationLexicon,
                 cues: ModalityCues) -> Evaluation | None:
    """Construction 3: a judging adjective on an actor's act or thing in someone's words ("he said
    Russia's reckless actions ...", "adding that it could protect against 'Russia's worrying actions'")."""
    noun = adjective.head
    if adjective.dep_ != "amod" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    speech = _speaker_above(noun, lexicon)
    if speech is None:
        return None
    owners = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod") and c != adjective]
    found = [m for t in [noun, *owners] if (m := index.by_token.get(t.i)) is not None and m.code]
    found += [linked for c in owners if c.dep_ == "poss" and c.lower_ in ("his", "her", "their")
              if (linked := coreferent_mention(adjective.doc, index, c)) is not None]
    # "illegal Mexican immigrants" describes people, it judges no political actor
    targets = [m for n, m in enumerate(found) if m not in found[:n] and m.sector not in _POPULATIONS]
    if not targets:
        return None
    sources = reported_speakers(speech, noun, index)
    return _judgement(speech, NEGATIVE_CODE, sources, targets, _modality(speech, cues, lexicon), "attributive")


def _wrongdoing(verb: Token, index: MentionIndex, lexicon: EvaluationLexicon,
                cues: ModalityCues) -> Evaluation | None:
    """Construction 4: a wrong someone says another did ("'Israel was sold out by Kerry,' Trump said")."""
    speech = _speaker_above(verb, lexicon)
    if speech is None:
        return None
    doers = [m for m in source_mentions(verb, index)[0] if m.code]
    if not doers:
        return None
    modality = _modality(verb, cues, lexicon)  # "he said Moscow had not lied": no accusation
    if modality != "negated":
        modality = _modality(speech, cues, lexicon)
    return _judgement(speech, ACCUSE_CODE, reported_speakers(speech, verb, index), doers, modality, "wrongdoing")


def _judgement(anchor: Token, code: str, sources: list[ActorMention], targets: list[ActorMention],
               modality: str, construction: str) -> Evaluation | None:
    """The evaluation, when someone other than the judged judges: not the judge itself, nor the judge's
    own country as a whole ("'America is already great,' he said" is no event between actors)."""
    said = {m.code for m in sources}
    home = {m.country for m in sources}
    targets = [m for m in targets if m.code not in said
               and not (m.kind == "state" and m.sector is None and m.country in home)]
    if not sources or not targets:
        return None
    return Evaluation(anchor, code, sources, targets, modality, construction)


def _phrasal(verb: Token) -> str:
    """The verb's lemma with its particle ("sell out"), or alone."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return f"{lemma} {particle}" if particle else lemma


def evaluations(doc: Doc, index: MentionIndex, lexicon: EvaluationLexicon,
                cues: ModalityCues) -> Iterator[Evaluation]:
    """Every judgement of one actor by another that the four constructions find in ``doc``."""
    for tok in doc:
        lemma = tok.lemma_.lower()
        found: Evaluation | None = None
        if tok.pos_ in ("AUX", "VERB") and lemma in lexicon.copulas:
            found = _said(tok, index, lexicon, cues)
        elif tok.pos_ == "VERB" and lemma in lexicon.labelling_verbs:
            found = _labelled(tok, index, lexicon, cues)
        elif tok.pos_ == "VERB" and _phrasal(tok) in lexicon.wrongdoing_verbs:
            found = _wrongdoing(tok, index, lexicon, cues)
        elif tok.dep_ == "amod" and tok.lower_ in lexicon.attributive:
            found = _attributive(tok, index, lexicon, cues)
        if found is not None:
            yield found
