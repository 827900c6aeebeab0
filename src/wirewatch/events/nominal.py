"""Nominal events: acts named by a noun ("Russia's deployment of warships to Cuba", "the US build-up",
"his talks with Lavrov", "allegations against the Syrian government and Russia").

A noun from ``events/data/event_nouns.yaml`` (read by ``events.event_nouns``) is coded like its verb when

- someone is named doing it: a possessor or modifier ("Russia's", "US", "Palestinian"), a possessive
  pronoun the article's coreference resolves ("his talks" after "Wang said"), or one of the noun's
  own doer prepositions ("by", "from", "on the part of"; "talks between A and B": both);
  a noun marked ``unnamed_source`` is coded with its target alone ("the allegations against Russia");
- no coded verb already covers it: the object of "launched an attack" or "denounced the invasion"
  belongs to that verb's event.

The noun's "of" phrase, compounds and modifiers play the verb's object ("deployment of warships" is
"deploy warships"), and its own prepositions the verb's target slots ("talks with X", "criticism of X",
"complaints that China ..."); conjoined actors are each a participant. Modality is the noun's own
("no deployment") or its governing verb's ("plans a deployment", "would go ahead with the meeting").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.tokens import Doc, Token

from wirewatch.actors.coreference import PRONOUN_FORMS, article_coreference
from wirewatch.events.arguments import (
    MentionIndex,
    actor_key,
    coreferent_mention,
    earlier_subject,
    exclusion_keys,
    person_named,
    source_mentions,
    subject_heads,
)
from wirewatch.events.event_nouns import CONTENT_SLOT, GENERAL_TARGETS, NounEntry
from wirewatch.events.modality import ModalityCues, modality_of
from wirewatch.events.patterns import VerbLexicon, VerbPattern, phrase_set
from wirewatch.nlp.token_arrays import ids_folding_to, string_ids
from wirewatch.records import ActorMention

_AGENT_DEPS = {"poss", "compound", "amod", "nmod"}
_OBJECT_DEPS = {"compound", "amod", "nmod"}
# Possessives that stand for a person: the clause's subject when the coreference finds no one else.
_PERSON_POSSESSIVES = {"his", "her"}
# Possessives of a state or a group, and the subject pronouns they go with ("unless it ends its occupation").
_THING_POSSESSIVES = {"its": "it", "their": "they"}
# Heads that govern a noun's modality through a preposition ("would go ahead with the meeting").
_GOVERNING_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj")
# Nouns that name a stretch of an act, looked through to the act ("the end of a tour", "the start of talks").
_SPAN_NOUNS = {"end", "start", "beginning", "course", "middle", "conclusion", "close", "leg", "part", "remainder",
               "rest", "first", "last", "final"}
# Prepositions of time and circumstance: a noun in their phrase is no object of the verb they hang on
# ("shunned Carter during his trips to Israel": the trips are no part of the shunning).
_ADVERBIAL_PREPS = {"during", "after", "before", "since", "amid", "amidst", "ahead", "following", "despite",
                    "until", "throughout", "prior"}


# Prepositions of a phrase that sets an act's occasion: "after talks with", "during a visit to",
# "at a meeting with", "for talks with", "ahead of a summit with".
_CIRCUMSTANCE_PREPS = _ADVERBIAL_PREPS | {"at", "for", "in", "on"}
# CAMEO roots of acts the doer takes part in with the other side (04: consult).
_JOINED_ROOTS = ("04",)


@dataclass(frozen=True, slots=True)
class NominalEvent:
    noun: Token
    pattern: VerbPattern
    sources: list[ActorMention]
    targets: list[ActorMention]
    modality: str
    cues: list[str]


def _object_words(noun: Token) -> set[str]:
    """What plays the verb's object: the noun itself, its modifiers and its "of" phrase."""
    tokens = [noun] + [c for c in noun.children if c.dep_ in _OBJECT_DEPS]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                tokens.extend(t for t in pobj.subtree if t.dep_ not in ("prep", "relcl", "acl"))
    return phrase_set(sorted(set(tokens), key=lambda t: t.i))


def _pattern(noun: Token, key: str, entry: NounEntry, lexicon: VerbLexicon) -> VerbPattern | None:
    value = entry.act
    if value[0].isdigit():
        return VerbPattern(id="event_noun", verb=key, extra=(), objects=(),
                           purpose=(), targets=GENERAL_TARGETS, code=value, mode=None, mode_set=False, plover=None,
                           requires=(), needs_other=False)
    verb, *extra = value.split()
    words = _object_words(noun)
    for p in lexicon.by_lemma.get(verb, ()):
        if p.extra and tuple(p.extra) != tuple(extra):
            continue
        if p.purpose or p.requires or p.subjects:  # a noun has no subject to hold them to
            continue
        if p.not_event:  # the noun in the sense no verb pattern codes ("a fight over the bill")
            if p.objects and not any(o in words for o in p.objects):
                continue
            return None
        if p.objects and not any(o in words for o in p.objects):
            continue
        return p
    return None


def nominal_agents(noun: Token, index: MentionIndex, preps: tuple[str, ...] = ("by",),
                   places_aside: bool = False, doer_verbs: frozenset[str] = frozenset(),
                   joined: bool = False) -> list[ActorMention]:
    """Who does what the noun names: its possessor or modifiers (a possessive pronoun through the
    coreference), else the actors in its doer prepositions ``preps``, else the subject of the verb
    an "in" phrase of the noun hangs on ("in talks with X, Y agreed"), else the subject of one of
    ``doer_verbs`` the noun is the object of ("Putin ordered the release of X"). With ``places_aside``
    a country modifying the noun is not its doer ("a US tour" goes to the US). With ``joined`` (an
    act one takes part in: talks, a visit, a meeting) the subject of the verb a circumstance phrase of
    the noun hangs on is its doer too ("Putin said during a visit to Beijing", "agreed after talks
    with X"); never for an act done to someone ("after the attack on X, Y said": Y did not attack)."""
    found: list[ActorMention] = []
    for child in noun.children:
        if child.dep_ not in _AGENT_DEPS:
            continue
        if child.dep_ == "poss" and child.lower_ in PRONOUN_FORMS:
            linked = coreferent_mention(noun.doc, index, child)  # "his talks", "its occupation"
            if linked is None and child.lower_ in _PERSON_POSSESSIVES \
                    and article_coreference(noun.doc, index.coreference).antecedent(child) is None:
                linked = _clause_subject_person(noun, index)
            if linked is None and child.lower_ in _THING_POSSESSIVES:
                linked = _pronoun_subject_actor(noun, index)
            if linked is not None and linked not in found:
                found.append(linked)
            continue
        for tok in child.subtree:
            m = index.by_token.get(tok.i)
            if m is None or not m.code or m in found or _spans(m, noun):
                continue
            if places_aside and child.dep_ != "poss" and m.kind == "state" and m.sector is None:
                continue
            found.append(m)
    if not found:
        found = [m for h in _prep_objects(noun, preps) for m in index.in_phrase(h) if m.code]
    if not found and noun.dep_ == "dobj":
        # the parser often hangs the noun's phrase on its verb: "drew criticism on the part of X"
        found = [m for h in _prep_objects(noun.head, tuple(p for p in preps if p != "by"))
                 for m in index.in_phrase(h) if m.code]
    if not found and noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ in ("VERB", "AUX"):
        # "In coordination with X, Russia secured ...": the manner of the subject's act is its own
        found = [m for m in source_mentions(noun.head.head, index)[0] if m.code]
    if not found and joined and noun.dep_ == "pobj" and noun.head.lower_ in _CIRCUMSTANCE_PREPS \
            and noun.head.head.pos_ in ("VERB", "AUX"):
        found = [m for m in source_mentions(noun.head.head, index)[0] if m.code]
    if not found and doer_verbs:
        verb = _governing_verb(noun, doer_verbs)
        if verb is not None:
            found = [m for m in source_mentions(verb, index)[0] if m.code]
    return found


def _governing_verb(noun: Token, verbs: frozenset[str]) -> Token | None:
    """The verb of ``verbs`` whose object ``noun`` is, directly, through a preposition or through a
    noun naming a stretch of it: "ordered the release", "is on a visit", "is coming to the end of a
    tour", "came under criticism". The lists say what the verb's subject is to the act: its doer
    (``doer_verbs``: "condemned the release" is no doer's) or its target (``recipient_verbs``)."""
    tok = noun
    for _ in range(3):
        head = tok.head
        if tok.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
            return head if head.lemma_.lower() in verbs else None
        if tok.dep_ != "pobj" or head.dep_ != "prep":
            return None
        governor = head.head
        if governor.pos_ in ("VERB", "AUX"):
            return governor if governor.lemma_.lower() in verbs else None
        if head.lower_ != "of" or governor.lemma_.lower() not in _SPAN_NOUNS:
            return None
        tok = governor
    return None


def _pronoun_subject_actor(noun: Token, index: MentionIndex) -> ActorMention | None:
    """"unless it ends its occupation of X": the possessor is the pronoun subject of the verb the noun
    is the object of, and that subject is the actor it stands for (``earlier_subject``)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX"):
        return None
    possessor = next(c.lower_ for c in noun.children if c.dep_ == "poss")
    if not any(c.dep_ == "nsubj" and c.lower_ == _THING_POSSESSIVES[possessor] for c in verb.children):
        return None
    return earlier_subject(noun.doc, index, verb)


def _spans(mention: ActorMention, noun: Token) -> bool:
    """Does the mention hold the noun itself? A modifier read as a sector can swallow the phrase
    ("military occupation of the West Bank" taken for the West Bank's military): that is the act, not its doer."""
    return mention.char_start <= noun.idx < mention.char_end


def _clause_subject_person(noun: Token, index: MentionIndex) -> ActorMention | None:
    """The coded person who is the subject of the clause holding ``noun``: "Wang told reporters after
    his talks" when the coreference found no one for "his" (a name it did not take for a person)."""
    verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
    heads = subject_heads(verb) if verb is not None else []
    if not heads:
        return None
    people = [m for m in index.in_phrase(heads[0]) if m.code and m.kind == "person"]
    if people:
        return people[0]
    return person_named(index, heads[0]) if heads[0].pos_ == "PROPN" else None


def _prep_objects(noun: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of the noun's prepositions ``preps``, in their order; a phrase such as "on the
    part of" is followed through its noun ("criticism on the part of the EU")."""
    out: list[Token] = []
    for phrase in preps:
        first, *rest = phrase.split()
        for prep in noun.children:
            if prep.dep_ not in ("prep", "agent") or prep.lower_ != first:
                continue
            objects = [p for p in prep.children if p.dep_ == "pobj"]
            if rest:  # "on the part of": the pobj is "part", whose "of" holds the doer
                inner, last = [w for w in rest[:-1] if w not in ("the", "a")], rest[-1]
                objects = [o for p in objects if p.lower_ in inner for q in p.children
                           if q.dep_ == "prep" and q.lower_ == last for o in q.children if o.dep_ == "pobj"]
            out.extend(objects)
        if out:
            return out
    return out


def _content_subjects(noun: Token) -> list[Token]:
    """The subject of the noun's "that" clause ("complaints that China's glut ... were ...")."""
    return [s for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]


def _targets(noun: Token, slots: tuple[str, ...], index: MentionIndex, exclude: set[str]) -> list[ActorMention]:
    for slot in slots:
        heads = _content_subjects(noun) if slot == CONTENT_SLOT else _prep_objects(noun, (slot,))
        found = [m for h in heads for m in index.in_phrase(h) if m.code and actor_key(m) not in exclude]
        if found:
            return found
    return []


def _recipients(noun: Token, verbs: frozenset[str], index: MentionIndex, exclude: set[str]) -> list[ActorMention]:
    """The subject of the verb of ``verbs`` the noun is the object of ("Trump drew criticism from X",
    "the law came under criticism"): who receives the act."""
    verb = _governing_verb(noun, verbs)
    if verb is None:
        return []
    found, _ = source_mentions(verb, index)
    return [m for m in found if m.code and actor_key(m) not in exclude]


def _place_targets(noun: Token, index: MentionIndex, exclude: set[str]) -> list[ActorMention]:
    """Countries modifying the noun, where the act goes ("a three-week US tour")."""
    return [m for c in noun.children if c.dep_ in ("compound", "nmod", "amod")
            if (m := index.by_token.get(c.i)) is not None and m.code and m.kind == "state"
            and m.sector is None and actor_key(m) not in exclude]


def _covered(noun: Token, fired: set[int]) -> bool:
    """Is the noun an object (or the subject of a passive) of a coded verb?"""
    head = noun.head
    if head.i in fired and noun.dep_ not in ("nsubj",):
        return True
    return head.dep_ in ("prep", "agent") and head.head.i in fired and head.lower_ not in _ADVERBIAL_PREPS


def _governor(noun: Token) -> Token | None:
    """The verb whose subject or object the noun is, directly or through a preposition."""
    if noun.dep_ not in _GOVERNING_DEPS:
        return None
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return head if head != noun and head.pos_ in ("VERB", "AUX") else None


def _modality(noun: Token, cues: ModalityCues) -> tuple[str, list[str]]:
    for child in noun.children:
        if child.dep_ in ("amod", "compound"):
            for kind in ("future", "hypothetical", "hedged"):
                if child.lower_ in cues[f"noun_{kind}"]:
                    return kind, [child.text]
    own = modality_of(noun, cues)
    if own[0] != "asserted":
        return own
    governor = _governor(noun)
    if governor is not None:
        governing = modality_of(governor, cues)
        if governing[0] in ("future", "hypothetical", "hedged"):
            return governing
    return own


def _hyphenated(tok: Token) -> str:
    """"build-up" when the tokenizer split it ("build" "-" "up"): the parser may head it on either part."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and not doc[tok.i + 1].whitespace_ \
            and not tok.whitespace_:
        return f"{tok.lower_}-{doc[tok.i + 2].lower_}"
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ and not doc[tok.i - 2].whitespace_:
        return f"{doc[tok.i - 2].lower_}-{tok.lower_}"
    return ""


def _maybe_event_nouns(doc: Doc, nouns: dict[str, NounEntry]) -> list[int]:
    """Indices of the tokens whose lemma or form is an event noun, or that touch a hyphen ("build"
    "-" "up"): read off ``doc.to_array``, as making a Token of every word costs more than the rest."""
    rows = doc.to_array([LEMMA, LOWER, ORTH])
    lemmas = ids_folding_to(doc.vocab.strings, rows[:, 0], nouns)
    dash = rows[:, 2] == doc.vocab.strings["-"]
    picked = np.isin(rows[:, 0], lemmas) | np.isin(rows[:, 1], string_ids(nouns))
    picked[:-1] |= dash[1:]  # the word before a hyphen
    picked[1:] |= dash[:-1]  # and the word after it
    return np.flatnonzero(picked).tolist()


def nominal_events(
    doc: Doc, index: MentionIndex, lexicon: VerbLexicon, nouns: dict[str, NounEntry], fired: set[int],
    modality_cues: ModalityCues,
) -> list[NominalEvent]:
    """Every free-standing event noun of ``doc`` with a named doer (or, for a noun marked so, a named
    target); ``nouns`` as ``events.event_nouns.read_event_nouns`` gives them."""
    out: list[NominalEvent] = []
    for i in _maybe_event_nouns(doc, nouns):
        tok = doc[i]
        hyphenated = _hyphenated(tok)
        key = next((k for k in (tok.lemma_.lower(), tok.lower_, hyphenated) if k in nouns), None)
        if key is None or tok.i in fired or _covered(tok, fired):
            continue
        # a split noun ("build" "-" "up") may be tagged anything; its head part is the one with dependents
        if tok.pos_ != "NOUN" and not (hyphenated and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")):
            continue
        entry = nouns[key]
        pattern = _pattern(tok, key, entry, lexicon)
        if pattern is None:
            continue
        sources = nominal_agents(tok, index, entry.sources, entry.place_modifier_target, entry.doer_verbs,
                                 joined=pattern.code[:2] in _JOINED_ROOTS)
        if not sources and not entry.unnamed_source:
            continue
        exclude = exclusion_keys(sources)
        # the noun's own slots; else the verb's, as far as a noun has them (a noun has no object)
        slots = entry.targets or tuple(s for s in pattern.targets + GENERAL_TARGETS if s in GENERAL_TARGETS)
        targets = _targets(tok, slots, index, exclude)
        if not targets and entry.recipient_verbs:
            targets = _recipients(tok, entry.recipient_verbs, index, exclude)
        if not targets and entry.place_modifier_target:
            targets = _place_targets(tok, index, exclude)
        if not targets and (entry.needs_target or not sources):
            continue
        if pattern.needs_other and not targets and len(sources) < 2:
            continue
        modality, cues = _modality(tok, modality_cues)
        out.append(NominalEvent(tok, pattern, sources, targets, modality, cues))
    return out
