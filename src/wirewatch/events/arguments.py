"""Who did it and to whom: source and target actors of an event verb, read off the dependency parse.

Source: the verb's subject (through relative pronouns, "whose" and xcomp/conj chains), or the
agent of a passive. Target: the first of the pattern's slots (direct object, indirect object or a
preposition such as "to" or "with") that holds a coded actor; conjoined actors ("with Nicaragua and
Venezuela") each become a target of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from wirewatch.events.patterns import clause_tokens
from wirewatch.records import ActorMention

_RELATIVE = {"who", "which", "that", "whom", "whose"}
# A group named only by where it is ("demonstrators in Baghdad") is coded with that place's country.
_PLACE_PREPS = {"in", "throughout", "from", "across", "inside", "of"}
# Inside a noun phrase, these dependents start something else (a clause or a place/time phrase).
_NOT_IN_PHRASE = {"relcl", "acl", "prep", "advcl", "ccomp", "punct", "cc"}


@dataclass(slots=True)
class MentionIndex:
    """Actor mentions of one doc, found by token."""

    by_token: dict[int, ActorMention]

    @classmethod
    def build(cls, doc: Doc, mentions: list[ActorMention]) -> "MentionIndex":
        by_token: dict[int, ActorMention] = {}
        for m in mentions:
            span = doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                by_token.setdefault(tok.i, m)
        return cls(by_token)

    def in_phrase(self, head: Token) -> list[ActorMention]:
        """The actors named in the noun phrase headed by ``head``, one per conjunct."""
        out: list[ActorMention] = []
        for conjunct in _conjuncts(head):
            own = self.by_token.get(conjunct.i)
            if own is not None:  # the phrase's head is itself an actor ("Russia's outlet RT")
                found = [own]
            else:  # actors modifying the head ("Hungarian and Romanian officials")
                found = []
                for tok in sorted(_phrase(conjunct), key=lambda t: t.i):
                    m = self.by_token.get(tok.i)
                    if m is not None and m not in found:
                        found.append(m)
                coded = [m for m in found if m.code]
                found = coded if coded else found[:1]
            if not any(m.code for m in found):  # "students throughout Indonesia", "police in Caracas"
                found += [m for p in conjunct.children if p.dep_ == "prep" and p.lower_ in _PLACE_PREPS
                          for o in p.children if o.dep_ == "pobj"
                          for m in self.in_phrase(o) if m.code and m.kind == "state"][:1]
            for m in found:
                if m not in out:
                    out.append(m)
        return out


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


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def subject_heads(verb: Token) -> list[Token]:
    """The tokens that head the verb's subject, following relative clauses and verb chains."""
    for_subject = _for_to_subject(verb)
    if for_subject is not None:
        return [for_subject]
    tok = verb
    for _ in range(10):
        if _is_passive(tok):
            agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if agents:
                return agents
            if tok is verb:
                return []  # a passive without an agent names no source
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            s = min(subjects, key=lambda c: abs(c.i - tok.i))  # a misparse can hang two subjects on one verb
            relative = s.lower_ in _RELATIVE or any(c.lower_ == "whose" for c in s.children)
            if relative and tok.dep_ == "relcl":
                return [tok.head]
            return [s]
        if tok.dep_ == "relcl":
            return [tok.head]
        if tok.head is tok:
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


def source_mentions(verb: Token, index: MentionIndex) -> tuple[list[ActorMention], Token | None]:
    """The source actors of ``verb`` and the subject token they came from."""
    heads = subject_heads(verb)
    for h in heads:
        found = index.in_phrase(h)
        if found:
            return found, h
    return [], heads[0] if heads else None


def target_mentions(verb: Token, slots: tuple[str, ...], index: MentionIndex,
                    exclude: set[str]) -> tuple[list[ActorMention], str | None]:
    """The target actors of ``verb``: the first slot that names a coded actor not among the sources."""
    area = clause_tokens(verb)
    # Actors in relative/participial clauses under the object only count when no other slot has one.
    nested = {d.i for t in area if t.dep_ in ("acl", "relcl") for d in t.subtree}
    for pass_area in ([t for t in area if t.i not in nested], area):
        found, slot = _first_slot(verb, slots, pass_area, index, exclude)
        if found:
            return found, slot
    return [], None


def _first_slot(verb: Token, slots: tuple[str, ...], area: list[Token], index: MentionIndex,
                exclude: set[str]) -> tuple[list[ActorMention], str | None]:
    passive = _is_passive(verb)
    for slot in slots:
        heads: list[Token] = []
        if slot == "dobj":
            deps = ("nsubjpass",) if passive else ("dobj",)
            heads = [c for c in verb.children if c.dep_ in deps]
            # "Turkey's efforts", "the release of X": the actor behind the object counts too
        elif slot == "ccomp":  # "demanded that X refuse ...": the one asked is the clause's subject
            heads = [s for c in verb.children if c.dep_ in ("ccomp", "xcomp") for s in c.children
                     if s.dep_ in ("nsubj", "nsubjpass")]
        elif slot == "iobj":
            heads = [c for c in verb.children if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP"]
            heads += [p for c in verb.children if c.dep_ == "dative" and c.pos_ == "ADP" for p in c.children]
        else:
            heads = [p for prep in area if prep.dep_ in ("prep", "dative", "agent") and prep.lower_ == slot
                     and not (slot == "by" and passive) for p in prep.children if p.dep_ == "pobj"]
        found = [m for h in heads for m in index.in_phrase(h)]
        found = [m for m in found if m.code and m.code not in exclude]
        if found:
            unique: list[ActorMention] = []
            for m in found:
                if all(u.mention_id != m.mention_id for u in unique):
                    unique.append(m)
            return unique, slot
    return [], None


def earlier_subject(doc: Doc, index: MentionIndex, verb: Token, sentences_back: int = 2) -> ActorMention | None:
    """The latest coded actor that was a subject before ``verb`` (same or recent sentences).

    Used when the verb's own subject is a pronoun or names no actor ("It has done so", "a cohort
    of 120 soldiers who are training ...").
    """
    sent = verb.sent
    start = sent.start
    for _ in range(sentences_back):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    for i in range(verb.i - 1, start - 1, -1):
        tok = doc[i]
        if tok.head is verb:
            continue
        if tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "pobj" and tok.head.dep_ == "agent"):
            found = [m for m in index.in_phrase(tok) if m.code]
            if found:
                return found[0]
    return None
