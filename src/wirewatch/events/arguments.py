"""Who did it and to whom: source and target actors of an event verb, read off the dependency parse.

Source: the verb's subject (through relative pronouns, "whose" and xcomp/conj chains), or the
agent of a passive. Target: the first of the pattern's slots (direct object, indirect object or a
preposition such as "to" or "with") that holds a coded actor; conjoined actors ("with Nicaragua and
Venezuela") each become a target of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from wirewatch.actors.coreference import PRONOUN_FORMS, CoreferenceKnowledge, article_coreference
from wirewatch.events.patterns import clause_tokens
from wirewatch.nlp.doc_sents import token_sentence
from wirewatch.records import ActorMention

_RELATIVE = {"who", "which", "that", "whom", "whose"}
# A group named only by where it is ("demonstrators in Baghdad") is coded with that place's country.
_PLACE_PREPS = {"in", "throughout", "from", "across", "inside", "of"}
# Inside a noun phrase, these dependents start something else (a clause or a place/time phrase).
_NOT_IN_PHRASE = {"relcl", "acl", "prep", "advcl", "ccomp", "punct", "cc"}
# "according to", "due to", "thanks to": a source of information or a cause, never a recipient.
_NOT_RECIPIENT = {"according", "due", "thanks", "owing", "prior", "close", "next", "contrary"}
# Modifiers that say a group is not of the country a sentence is about.
_NOT_DOMESTIC = {"foreign", "overseas", "outside", "international", "western", "other", "neighboring",
                 "neighbouring", "regional", "global", "world"}


@dataclass(slots=True)
class MentionIndex:
    """Actor mentions of one doc, found by token, and what the doc's pronouns refer to."""

    by_token: dict[int, ActorMention]
    coreference: CoreferenceKnowledge  # the article's coreference is worked out from it (earlier_subject)
    # ``in_phrase`` by head token: the coder asks about the same phrases for many verbs and slots.
    _phrases: dict[int, list[ActorMention]] = field(default_factory=dict, repr=False, compare=False)
    # ``target_mentions``' two search areas by verb: it is asked again for uncoded targets.
    _areas: dict[int, tuple[list[Token], list[Token]]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, doc: Doc, mentions: list[ActorMention], coreference: CoreferenceKnowledge) -> MentionIndex:
        by_token: dict[int, ActorMention] = {}
        for m in mentions:
            span = doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                by_token.setdefault(tok.i, m)
        return cls(by_token, coreference)

    def target_areas(self, verb: Token) -> tuple[list[Token], list[Token]]:
        """``_target_areas(verb)``, worked out once per verb."""
        areas = self._areas.get(verb.i)
        if areas is None:
            areas = self._areas[verb.i] = _target_areas(verb)
        return areas

    def in_phrase(self, head: Token) -> list[ActorMention]:
        """The actors named in the noun phrase headed by ``head``, one per conjunct."""
        found = self._phrases.get(head.i)
        if found is None:
            found = self._phrases[head.i] = self._in_phrase(head)
        return list(found)

    def _in_phrase(self, head: Token) -> list[ActorMention]:
        out: list[ActorMention] = []
        for conjunct in _conjuncts(head):
            own = self.by_token.get(conjunct.i)
            if own is not None and own.code:  # the phrase's head is itself an actor ("Russia's outlet RT")
                found = [own]
            elif own is not None:
                coded = [m for t in _phrase(conjunct) if (m := self.by_token.get(t.i)) is not None and m.code]
                states = [m for m in coded if m.kind == "state" and m.sector is None]
                if states and states[0].country and own.sector:  # "Vietnamese-led forces": the head's
                    found = [placed_in(own, states[0].country)]  # sector, the modifier's country
                else:  # "U.N. mediator Diego Cordovez": who the person acts for
                    found = coded[:1] or [own]
            elif (named := self._apposition(conjunct)):  # "a fellow US ally, Qatar": Qatar, not the US
                found = named
            else:  # actors modifying the head ("Hungarian and Romanian officials")
                found = []
                for tok in sorted(_phrase(conjunct), key=lambda t: t.i):
                    m = self.by_token.get(tok.i)
                    if m is not None and m not in found:
                        found.append(m)
                coded = [m for m in found if m.code]
                found = coded if coded else found[:1]
            if not any(m.code for m in found) and conjunct.pos_ == "NOUN":
                # "relevant parties, including the DPRK and South Korea": the ones named
                found = self._members(conjunct) or found
            if not any(m.code for m in found):  # "students throughout Indonesia", "police in Caracas"
                # also through a participle: "guerrillas operating in Macedonia", "a group based in Trinidad"
                preps = [p for p in conjunct.children if p.dep_ == "prep"]
                preps += [p for a in conjunct.children if a.dep_ == "acl" for p in a.children if p.dep_ == "prep"]
                places = [m for p in preps if p.lower_ in _PLACE_PREPS
                          for o in p.children if o.dep_ == "pobj"
                          for m in self.in_phrase(o) if m.code and m.kind == "state"]
                if places and found and found[0].sector:  # the group keeps its sector: VENCOP
                    # "officials from Japan, South Korea and China": a group from each country, each
                    # its own actor (one event per dyad)
                    group = found[0]
                    countries = list(dict.fromkeys(m.country for m in places if m.country))
                    found = [replace(placed_in(group, country),
                                     mention_id=group.mention_id if n == 0 else f"{group.mention_id}:{country}")
                             for n, country in enumerate(countries)]
                else:
                    found += places[:1]
            for m in found:
                if m not in out:
                    out.append(m)
        return out


    def _members(self, noun: Token) -> list[ActorMention]:
        """"relevant parties, including the DPRK and South Korea": the members named."""
        preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("including", "like")]
        preps += [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "as"
                  and c.i > 0 and c.doc[c.i - 1].lower_ == "such"]
        return [m for p in preps for o in p.children if o.dep_ == "pobj" for m in self.in_phrase(o) if m.code]

    def _apposition(self, head: Token) -> list[ActorMention]:
        """The coded actor an apposition names: "its neighbour, Chad"; "a US ally, Qatar" is Qatar."""
        for appos in head.children:
            if appos.dep_ != "appos":
                continue
            own = self.by_token.get(appos.i)
            if own is not None and own.code:
                return [own]
        return []


def placed_in(mention: ActorMention, country: str) -> ActorMention:
    """An uncoded mention taken to be of ``country`` (by its sentence, its phrase or the story's
    earlier actor), keeping its own sector and name: "riot police" -> LBRCOP, "Mueller" -> USA."""
    return replace(mention, code=f"{country}{mention.sector or ''}", country=country)


def unknown_person(mention: ActorMention) -> bool:
    """A person the text names whom the dictionary does not know ("Mueller", "Emily Maitlis")."""
    return mention.kind == "person" and bool(mention.name) and mention.code is None


def actor_key(mention: ActorMention) -> str | None:
    """Who a mention stands for, to keep an actor from being its own target: a person or an
    organisation by name (two senators share the code USALEG, two parties USAPTY, not an identity:
    "Cruz criticized Clinton", "Democrats blamed Republicans" are USA -> USA), any other actor by
    code ("Russia said Moscow ..." is one actor)."""
    if mention.kind in ("person", "organisation") and mention.name and mention.code:
        return f"{mention.code}/{mention.name}"
    return mention.code


def exclusion_keys(sources: list[ActorMention]) -> set[str]:
    """What no target of ``sources`` may be: the same named actor, or an unnamed one of a source's
    code ("Bosnian Serbs ... withdrew from the Bosnian town": the town's country is the doer's own)."""
    return {k for m in sources for k in (m.code, actor_key(m)) if k}


def _conjuncts(head: Token) -> list[Token]:
    out = [head]
    for c in head.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
            out.extend(_conjuncts(c))
    return out


def _phrase(head: Token) -> list[Token]:
    """The core noun phrase of ``head``: modifiers, possessors and "of" phrases, no clauses or conjuncts."""
    out = [head]
    stack = [c for c in head.children if c.dep_ not in _NOT_IN_PHRASE and c.dep_ != "conj"]
    stack += [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in _NOT_IN_PHRASE or (c.dep_ == "prep" and c.lower_ == "of"))
    return out


# Participles that describe their subject's stance, not something done to it: "Israel is opposed to ...".
_STATIVE = {"oppose", "commit", "prepare", "determine", "dedicate", "resolve", "poise", "set", "intent"}


def _is_passive(verb: Token) -> bool:
    if verb.lemma_.lower() in _STATIVE and not any(c.dep_ == "agent" for c in verb.children):
        return False
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or is_participle(verb)


def is_participle(verb: Token, via: tuple[str, ...] = ()) -> bool:
    """A past participle describing the noun it was done to, with its doer named: "a case filed by the
    Philippines", or with a ``via`` preposition, "diplomats expelled from Turkey". The noun is the
    target. (Without a doer named, the small model's "acl" is too often a misparsed main verb:
    "Palestinian youths resorted to ...".)"""
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return False
    return any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in via) for c in verb.children)


# "accused Ukraine of shelling", "criticised Japan for sending", "stopped Iran from building": the one
# accused, criticised or stopped is who does the act in the "of"/"for"/"from" phrase.
_ACT_OF_OBJECT = {"of", "for", "from"}
_OBJECT_PREPS = {"at", "on"}  # "lashed out at Turkey for having shot down ..."


def _doer_of_gerund(verb: Token) -> Token | None:
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ not in _ACT_OF_OBJECT or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    governor = prep.head
    for c in governor.children:
        if c.dep_ == "dobj" or (c.dep_ == "nsubjpass" and _is_passive(governor)):
            return c
    for c in governor.children:
        if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS:
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def subject_heads(verb: Token, passive_source: tuple[str, ...] = ()) -> list[Token]:
    """The tokens that head the verb's subject, following relative clauses and verb chains.

    ``passive_source``: prepositions that name the doer of a passive with no "by" agent
    ("diplomats expelled from Turkey": Turkey expelled them)."""
    for_subject = _for_to_subject(verb)
    if for_subject is not None:
        return [for_subject]
    doer = _doer_of_gerund(verb)
    if doer is not None:
        return [doer]
    tok = verb
    for _ in range(10):
        if _is_passive(tok) or (tok == verb and is_participle(verb, passive_source)):
            agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if agents:
                return agents
            if tok == verb:
                named = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in passive_source
                         for p in c.children if p.dep_ == "pobj"]
                return named  # else a passive without an agent names no source
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")
                    or (c.dep_ == "nsubjpass" and not _is_passive(tok))]
        if not subjects and tok.tag_ == "VBG":  # "the United States' backing Kosovo": the possessor acts
            subjects = [c for c in tok.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
            marker = tok.doc[tok.i - 1] if tok.i > 0 else None  # ... also when parsed as "about the States"
            if not subjects and marker is not None and marker.tag_ == "POS" and marker.head.pos_ == "PROPN":
                subjects = [marker.head]
        if subjects:
            s = min(subjects, key=lambda c: abs(c.i - tok.i))  # a misparse can hang two subjects on one verb
            relative = s.lower_ in _RELATIVE or any(c.lower_ == "whose" for c in s.children)
            if relative and tok.dep_ == "relcl":
                return [tok.head]
            return [s]
        if tok.dep_ == "relcl":
            return [tok.head]
        if tok.head == tok:
            return []
        tok = tok.head
    return []


def _for_to_subject(verb: Token) -> Token | None:
    """"a push for America's military to invade Mexico": the "for" object is the doer."""
    to = [c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"]
    if not to or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or to[0].i == 0:
        return None
    before = verb.doc[to[0].i - 1]
    while before.dep_ in ("compound", "amod", "poss", "case") and before.head.i > before.i:
        before = before.head
    if before.dep_ == "pobj" and before.head.lower_ == "for":
        return before
    return None


# "called on X to ...", "appealed to X": the one a demand or an appeal is made of.
_ADDRESSEE_PREPS = {"on", "upon", "to"}


def addressee_mentions(verb: Token, index: MentionIndex) -> list[ActorMention] | None:
    """Whom a demand or appeal is addressed to: its object ("urged Serbia to"), "on"/"to" object
    ("called on the government to", "appealed to Kenya"), or the subject of a "for ... to" clause
    ("called for the United States to send ..."); coded or not. None when the verb names nobody
    addressed, so that the target may still come from what is demanded ("called for sanctions on Iran")."""
    heads = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    heads += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in _ADDRESSEE_PREPS
              for p in c.children if p.dep_ == "pobj"]
    heads += [s for c in verb.children if c.dep_ in ("advcl", "ccomp", "xcomp")
              and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
              for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    found = [m for h in heads for m in index.in_phrase(h) if m.code or m.sector]
    return found or None


def source_mentions(verb: Token, index: MentionIndex,
                    passive_source: tuple[str, ...] = ()) -> tuple[list[ActorMention], Token | None]:
    """The source actors of ``verb`` and the subject token they came from."""
    heads = subject_heads(verb, passive_source)
    for h in heads:
        found = index.in_phrase(h)
        if found:
            return found, h
    return [], heads[0] if heads else None


def target_mentions(verb: Token, slots: tuple[str, ...], index: MentionIndex,
                    exclude: set[str], coded: bool = True) -> tuple[list[ActorMention], str | None]:
    """The target actors of ``verb``: the first slot that names a coded actor not among the sources
    (with ``coded=False``: an uncoded title or group, "President Mugabe", for placing from context)."""
    for pass_area in index.target_areas(verb):
        found, slot = _first_slot(verb, slots, pass_area, index, exclude, coded)
        if found:
            return found, slot
    return [], None


def _target_areas(verb: Token) -> tuple[list[Token], list[Token]]:
    """Where ``target_mentions`` looks: the verb's clause without what sits in relative or
    participial clauses, then all of it."""
    area = clause_tokens(verb)
    # "according to a report submitted to X": neither the report nor anything in it is a recipient
    aside = {d.i for t in area if t.dep_ == "prep" and t.lower_ == "to" and t.head.lower_ in _NOT_RECIPIENT
             for d in t.subtree}
    area = [t for t in area if t.i not in aside]
    # Actors in relative/participial clauses under the object only count when no other slot has one.
    nested = {d.i for t in area if t.dep_ in ("acl", "relcl") for d in t.subtree}
    return [t for t in area if t.i not in nested], area


def _first_slot(verb: Token, slots: tuple[str, ...], area: list[Token], index: MentionIndex,
                exclude: set[str], coded: bool = True) -> tuple[list[ActorMention], str | None]:
    passive = _is_passive(verb)
    children = list(verb.children)  # once: each walk of Token.children scans the verb's whole span
    # The prepositions of the area that may introduce a recipient, by word, found once for every slot.
    recipient_preps: dict[str, list[Token]] = {}
    # Inside the "by" agent everything belongs to the doer: "attacked by protesters from Serbia".
    agent = {t.i for c in children if c.dep_ == "agent" for t in c.subtree} if passive else set()
    for prep in area:
        if prep.dep_ in ("prep", "dative", "agent") and prep.head.lower_ not in _NOT_RECIPIENT and prep.i not in agent:
            recipient_preps.setdefault(prep.lower_, []).append(prep)
    for slot in slots:
        heads: list[Token] = []
        if slot == "dobj":
            deps = ("nsubjpass",) if passive else ("dobj",)
            heads = [c for c in children if c.dep_ in deps]
            if verb.dep_ == "relcl":  # "Putin, who has been praised by Trump", "Merkel, whom he accused"
                heads = [verb.head if h.lower_ in _RELATIVE else h for h in heads]
            if is_participle(verb):  # "diplomats expelled from Turkey": the diplomats were expelled
                heads.append(verb.head)
            # "Turkey's efforts", "the release of X": the actor behind the object counts too
        elif slot == "ccomp":  # "demanded that X refuse ...": the one asked is the clause's subject
            clauses = [c for c in children if c.dep_ in ("ccomp", "xcomp")]
            # ... also of a demand's content: "insisted on its demands that Burundi's government grant ..."
            objects = [c for c in children if c.dep_ == "dobj"]
            objects += [p for c in children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
            clauses += [cl for o in objects for cl in o.children if cl.dep_ in ("acl", "ccomp")
                        and cl.pos_ in ("VERB", "AUX")]
            heads = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        elif slot == "iobj":
            heads = [c for c in children if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP"]
            heads += [p for c in children if c.dep_ == "dative" and c.pos_ == "ADP" for p in c.children]
        else:
            preps = [] if slot == "by" and passive else recipient_preps.get(slot, [])
            if not preps:
                continue
            # the preposition nearest the verb outranks one deeper in its objects ("break off relations
            # with Congo over their ties with Israel" -> Congo)
            naming = [prep for prep in preps if _names_actor(prep, index, coded)]
            nearest = min((_depth_below(prep, verb) for prep in naming), default=0)
            heads = [p for prep in naming if _depth_below(prep, verb) == nearest
                     for p in prep.children if p.dep_ == "pobj"]
        if not heads:
            continue
        found = [m for h in heads for m in index.in_phrase(h)]
        found = [m for m in found if ((m.code and actor_key(m) not in exclude) if coded else (not m.code and m.sector))]
        if found:
            unique: list[ActorMention] = []
            for m in found:
                if all(u.mention_id != m.mention_id for u in unique):
                    unique.append(m)
            return unique, slot
    return [], None


def _depth_below(tok: Token, verb: Token) -> int:
    depth = 0
    while tok != verb and tok.head != tok and depth < 20:
        tok, depth = tok.head, depth + 1
    return depth


def _names_actor(prep: Token, index: MentionIndex, coded: bool = True) -> bool:
    return any((m.code if coded else m.sector) for p in prep.children if p.dep_ == "pobj" for m in index.in_phrase(p))


def earlier_subject(doc: Doc, index: MentionIndex, verb: Token, sentences_back: int = 2) -> ActorMention | None:
    """The latest coded actor that was a subject before ``verb`` (same or recent sentences).

    Used when the verb's own subject is a pronoun or names no actor ("It has done so", "a cohort
    of 120 soldiers who are training ..."). A pronoun subject is first asked of the article's
    coreference (``actors.coreference``, the same answer the speaker resolver gets): "he" is the
    person it links to, with that person's code from any mention of the person in the article.
    """
    linked = _coreferent_subject(doc, index, verb)
    if linked is not None:
        return linked
    fits = _pronoun_fit(_clause_subjects(verb))
    sent = token_sentence(verb)
    start = sent.start
    for _ in range(sentences_back):
        if start == 0:
            break
        start = token_sentence(doc[start - 1]).start
    uncoded: ActorMention | None = None
    person: ActorMention | None = None  # a named person the dictionary does not know, met first
    for i in range(verb.i - 1, start - 1, -1):
        tok = doc[i]
        dep = tok.dep_  # read before the head: most words are neither subjects nor objects
        if dep not in ("nsubj", "nsubjpass", "pobj"):
            continue
        head = tok.head
        if head.i == verb.i:
            continue
        if dep != "pobj" or head.dep_ == "agent":
            found = [m for m in index.in_phrase(tok) if fits(m)]
            coded = [m for m in found if m.code]
            if coded and person is not None:
                # "Schiff said ... Mueller was tasked with investigating": the act is Mueller's,
                # whom the story's earlier actor only places in a country
                return placed_in(person, coded[0].country) if coded[0].country else person
            if coded:
                return coded[0]
            # an uncoded title ("President Gbagbo ... he will") may still be placed from context
            uncoded = uncoded or next((m for m in found if m.sector), None)
            if uncoded is None and person is None:
                person = next((m for m in found if unknown_person(m)), None)
    return uncoded or person


def _clause_subjects(verb: Token) -> list[Token]:
    """The subject of the verb's own clause, or of the verb it complements ("it has talked of nothing
    but attacking X": "it" attacks); not of a noun's clause ("a campaign to pressure Maduro")."""
    tok = verb
    for _ in range(4):
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or tok.dep_ not in ("xcomp", "pcomp", "pobj"):
            return subjects
        tok = tok.head if tok.dep_ == "xcomp" else tok.head.head  # pcomp/pobj: across the preposition
    return []


def _pronoun_fit(subjects: list[Token]) -> Callable[[ActorMention], bool]:
    """Which earlier actors a pronoun subject can stand for: "it" no person ("it has not talked of
    anything but attacking Trump" is the House, not the senator named before), "he"/"she" no state
    or body. Any actor when the verb's own subject is no such pronoun (a clause the verb hangs on
    may have one: "it's part of a campaign to pressure Maduro" is no act of "it")."""
    word = subjects[0].lower_ if subjects else ""
    if word == "it":
        return lambda m: m.kind != "person"
    if word in ("he", "she"):  # a country as such or a body; "a Russian official" may be "he"
        return lambda m: m.kind not in ("organisation", "outlet") and not (m.kind == "state" and m.sector is None)
    return lambda m: True


def _coreferent_subject(doc: Doc, index: MentionIndex, verb: Token) -> ActorMention | None:
    """The coded actor a pronoun or description subject of ``verb`` refers to ("He ordered ..."
    after "Putin said ..."), or None when the subject is neither or its referent has no code."""
    heads = subject_heads(verb)
    return coreferent_mention(doc, index, heads[0]) if heads else None


def coreferent_mention(doc: Doc, index: MentionIndex, head: Token) -> ActorMention | None:
    """The coded actor the pronoun or description ``head`` refers to (a subject "he", a possessor
    "his talks"), through the article's coreference; None when it is neither or has no code."""
    coref = article_coreference(doc, index.coreference)
    # a pronoun ("He ordered ..."), or a description no actor mention covers ("the billionaire
    # developer called for ...")
    ref = coref.antecedent(head) if head.lower_ in PRONOUN_FORMS else coref.described(head)
    if ref is None:
        return None
    found = [m for m in index.in_phrase(doc[ref.head]) if m.code]
    if found:
        return found[0]
    if ref.kind != "PER" and not ref.named:
        return None
    # the person named elsewhere with a code ("President Vladimir Putin" before "Putin ... he")
    return next((m for m in index.by_token.values() if m.code and m.kind == "person" and m.name
                 and m.name.split()[-1] == ref.name.split()[-1]), None)


def person_named(index: MentionIndex, name: Token) -> ActorMention | None:
    """The one coded person of the article whose name holds the word ``name`` ("Wang" for "Foreign
    Minister Wang Yi", "Lew" for "Jacob J. Lew"); None when no person or several people have it."""
    people = {m.name: m for m in index.by_token.values()
              if m.kind == "person" and m.name and name.text in m.name.split()}
    # "Wang" and "Wang Yi" are one person; "Wang Yi" and "Wang Jun" two, and "Wang" either
    fullest = [m for n, m in people.items()
               if not any(other != n and set(n.split()) <= set(other.split()) for other in people)]
    if len(fullest) != 1:
        return None
    coded = [m for m in people.values() if m.code]
    return coded[0] if coded and {m.code for m in coded} == {coded[0].code} else None


def object_mentions(verb: Token, index: MentionIndex) -> list[ActorMention]:
    """Actors (coded or not) named in the verb's direct object, or its subject when passive."""
    deps = ("nsubjpass",) if _is_passive(verb) else ("dobj",)
    return [m for c in verb.children if c.dep_ in deps for m in index.in_phrase(c)]


def domestic_actor(mention: ActorMention, verb: Token, index: MentionIndex,
                   other_side: frozenset[str] = frozenset()) -> ActorMention | None:
    """An uncoded title or group ("President Gbagbo", "riot police") in a sentence about one country
    is taken to be of that country, as a reader would: the actor keeps its sector."""
    if mention.sector is None:  # a bare name tells nothing of its role; NER may even misread a place
        return None
    sent = token_sentence(verb)
    doc = verb.doc
    span = doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
    if span is not None and any(t.lower_ in _NOT_DOMESTIC for t in _phrase(span.root)):
        return None  # "foreign officials", "Western governments" are not of the country at hand
    countries = {m.country for i, m in index.by_token.items() if m.country and sent.start <= i < sent.end} - other_side
    if len(countries) != 1:
        return None
    return placed_in(mention, countries.pop())
