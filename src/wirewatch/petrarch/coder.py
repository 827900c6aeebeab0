"""Code events with PETRARCH dictionaries on spaCy dependency parses.

For each sentence not stopped by the discard list, with PETRARCH's options (``options.CoderOptions``:
short comma-delimited clauses removed first, ``petrarch.commas``; unknown noun phrases coded as
new actors when ``new_actor_length`` is set, ``petrarch.new_actors``):

1. actor and agent phrases are found and grouped into coded noun phrases (``petrarch.phrases``);
   our own actor mentions fill in where the PETRARCH actors found nothing, so the two combine;
2. every verb token in the verb dictionary is matched against its block's patterns
   (``petrarch.matching``); the most specific pattern wins, else the verb's own or block code;
3. the source is the phrase a pattern's ``+`` took, else the subject (climbing through xcomp,
   conj and relative clauses to the clause that has one; the ``by`` agent of a passive); the
   target is the pattern's ``$``, else the first coded phrase in the verb's object, prepositional
   or clausal complements; conjoined phrases give one event each ("Fornost and Gondor welcomed");
4. a code ``A:B`` gives the event A from source to target and B back from target to source.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from wirewatch.petrarch.commas import removed_tokens
from wirewatch.petrarch.dictionaries import PetrarchDictionaries
from wirewatch.petrarch.matching import PatternMatch, SentenceMatcher, match_patterns, verb_entries
from wirewatch.petrarch.new_actors import new_actor_phrases
from wirewatch.petrarch.options import CoderOptions
from wirewatch.petrarch.phrases import NULL, CodedPhrase, coded_phrases, find_hits, mention_hits
from wirewatch.petrarch.verbs import EventCodes, VerbEntry
from wirewatch.records import ActorMention

_SUBJECTS = {"nsubj", "csubj", "expl"}
_CLIMB = {"xcomp", "conj", "acomp", "advcl", "pcomp", "relcl", "acl", "ccomp", "prep", "pobj"}
_OBJECTS = ("dobj", "dative", "attr", "oprd", "obj", "pobj")
_CLAUSES = {"ccomp", "advcl", "relcl", "parataxis", "csubj"}


@dataclass(frozen=True, slots=True)
class CodedEvent:
    source: str
    target: str
    code: str
    verb: Token
    rule: str  # "VERB line N" of the pattern, or "VERB" for the verb's own code
    source_phrase: CodedPhrase | None
    target_phrase: CodedPhrase | None

    @property
    def triple(self) -> tuple[str, str, str]:
        return (self.source, self.target, self.code)


_COORDINATION = {",", "and", "or", "nor", "&", "as well as"}
_GAP_POS = {"DET", "ADJ", "ADV", "CCONJ", "PUNCT"}


def _coordinated(phrase: CodedPhrase, phrases: dict[int, CodedPhrase]) -> list[CodedPhrase]:
    """Phrases joined to this one by "and", "or" or commas in the text, whatever the parse made of it.

    A list is "A, B and C": a chain needs an "and"/"or" link, and comma links at its right end are
    not list members ("Gondor and Dagolath, the Osgiliath newspaper said")."""
    ordered = sorted((p for p in phrases.values() if p.code), key=lambda p: p.start)
    if phrase not in ordered:
        return []
    doc = phrase.head.doc

    def link(a: CodedPhrase, b: CodedPhrase) -> str | None:
        gap = doc[a.end:b.start]
        if not (0 < len(gap) <= 4 and all(t.pos_ in _GAP_POS or t.dep_ in ("amod", "conj") for t in gap)):
            return None
        words = {t.lower_ for t in gap}
        return "and" if words & _COORDINATION - {","} else "," if "," in words else None
    k = ordered.index(phrase)
    left: list[tuple[CodedPhrase, str]] = []
    j = k
    while j > 0 and (kind := link(ordered[j - 1], ordered[j])) is not None:
        j -= 1
        left.append((ordered[j], kind))
    right: list[tuple[CodedPhrase, str]] = []
    j = k
    while j + 1 < len(ordered) and (kind := link(ordered[j], ordered[j + 1])) is not None:
        j += 1
        right.append((ordered[j], kind))
    while right and right[-1][1] == ",":
        right.pop()
    chain = left + right
    return [p for p, _ in chain] if any(kind == "and" for _, kind in chain) else []


def _conjuncts(phrase: CodedPhrase, phrases: dict[int, CodedPhrase]) -> list[CodedPhrase]:
    """The phrase and those conjoined with it ("Mordor, Rohan, Fornost and Bree")."""
    out = [phrase] + [p for p in _coordinated(phrase, phrases) if p is not phrase]
    for tok in phrase.head.conjuncts:
        other = phrases.get(tok.i)
        if other is not None and other.code and other not in out:
            out.append(other)
    for p in list(out):
        out.extend(s for s in p.siblings if s.code and s not in out)
    return sorted(out, key=lambda p: p.start)


def _phrases_under(tok: Token, by_head: dict[int, CodedPhrase], stop_clauses: bool = True) -> list[CodedPhrase]:
    """Coded phrases in ``tok``'s subtree, nearest first, not entering other clauses."""
    found: list[CodedPhrase] = []
    queue = [tok]
    while queue:
        t = queue.pop(0)
        p = by_head.get(t.i)
        if p is not None and p.code:
            found.append(p)
            continue
        for c in t.children:
            # a participle describing the noun is part of it ("memos sent by Bree"); other verbs are clauses
            if stop_clauses and c.pos_ in ("VERB", "AUX") and (c.dep_ in _CLAUSES or c.dep_ not in ("amod", "acl")):
                continue
            queue.append(c)
    return found


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def source_of(verb: Token, by_head: dict[int, CodedPhrase]) -> list[CodedPhrase]:
    """The doer: the ``by`` agent of a passive, else the subject (a passive's subject too, as
    PETRARCH reads "X was criticized over its dispute with Y" as X against Y)."""
    tok = verb
    for _ in range(6):
        if _is_passive(tok):
            for c in tok.children:
                if c.dep_ == "agent":
                    found = _phrases_under(c, by_head)
                    if found:
                        return _conjuncts(found[0], by_head)
        # a subject the parse hangs on the verb's auxiliary ("The Philippines was[<-] criticized") is its own
        heads = [tok, *(c for c in tok.children if c.dep_ in ("aux", "auxpass"))]
        subjects = [c for h in heads for c in h.children if c.dep_ in _SUBJECTS or c.dep_ == "nsubjpass"]
        for s in subjects:
            found = _phrases_under(s, by_head)
            if found:
                return _conjuncts(found[0], by_head)
        if any(s.pos_ != "PRON" for s in subjects):
            return []  # a pronoun ("Ethiopia indicated it would act") stands for the governing subject
        if tok.dep_ in ("relcl", "acl") and tok.head.i in by_head:
            return _conjuncts(by_head[tok.head.i], by_head)
        if tok.dep_ not in _CLIMB or tok.head == tok:
            return []
        tok = tok.head
    return []


def target_of(verb: Token, by_head: dict[int, CodedPhrase], sources: list[CodedPhrase]) -> list[CodedPhrase]:
    """The first coded phrase among the verb's complements; else the subject of a complement clause
    ("Arnor believes Dagolath and Osgiliath can cope" -> Dagolath, Osgiliath)."""
    if _is_passive(verb) and any(c.dep_ == "agent" for c in verb.children):
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                found = _phrases_under(c, by_head)
                if found:
                    return _conjuncts(found[0], by_head)
    taken = {p.head.i for p in sources}
    ordered = sorted((c for c in verb.children if c.i > verb.i or c.dep_ in _OBJECTS),
                     key=lambda c: (c.dep_ not in _OBJECTS[:4], c.i))
    for c in ordered:
        if c.dep_ in _SUBJECTS or c.dep_ in ("nsubjpass", "agent", "punct", "cc", "conj", "mark", "aux"):
            continue
        if c.dep_ in ("ccomp", "advcl") and any(g.dep_ in _SUBJECTS for g in c.children):
            continue  # another clause with its own subject codes its own event
        for p in _phrases_under(c, by_head, stop_clauses=c.dep_ not in ("xcomp",)):
            if p.head.i not in taken:
                return _conjuncts(p, by_head)
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i > verb.i:  # not "X did Y, an official said"
            for g in c.children:
                if g.dep_ in ("nsubj", "nsubjpass"):
                    found = [p for p in _phrases_under(g, by_head) if p.head.i not in taken]
                    if found:
                        return _conjuncts(found[0], by_head)
    if verb.dep_ == "xcomp" and verb.head != verb:
        # an open complement shares its governor's phrase: "was seen to break into [an anti-Gondor
        # parade]" where the parse hangs the object on "seen", after the complement
        for c in verb.head.children:
            if c.i > verb.i and c.dep_ in ("npadvmod", "dobj", "obj", "pobj"):
                found = [p for p in _phrases_under(c, by_head) if p.head.i not in taken]
                if found:
                    return _conjuncts(found[0], by_head)
    return []


def _codes(entry: VerbEntry, match: PatternMatch | None) -> tuple[EventCodes, str]:
    if match is not None:
        return match.pattern.codes, f"{entry.base} line {match.pattern.line}"
    return entry.codes, entry.base


def code_sentence(sent: Span, dictionaries: PetrarchDictionaries, when: date | None,
                  mentions: list[ActorMention] | None = None, require_dyad: bool | None = None,
                  options: CoderOptions | None = None) -> list[CodedEvent]:
    options = options or CoderOptions()
    if require_dyad is None:
        require_dyad = options.require_dyad
    if dictionaries.discards.match(" " + sent.text) or dictionaries.discards.match(" " + sent.text, story=True):
        return []
    removed = removed_tokens(sent, options)
    hits = find_hits(sent, dictionaries.actors, dictionaries.agents, when)
    if mentions:
        taken = {i for h in hits for i in range(h.start, h.end)}
        hits = sorted(hits + mention_hits(sent, mentions, taken), key=lambda h: h.start)
    if removed:
        hits = [h for h in hits if not any(i in removed for i in range(h.start, h.end))]
    phrases = coded_phrases(hits, sent)
    if options.new_actor_length:
        phrases = sorted(phrases + new_actor_phrases(sent, phrases, options.new_actor_length, removed),
                         key=lambda p: p.start)
    by_head = {p.head.i: p for p in phrases}
    events: list[CodedEvent] = []
    seen: set[tuple[str, str, str]] = set()
    coded_verbs: set[int] = set()
    matcher: SentenceMatcher | None = None
    for tok in sent:
        if not (tok.pos_ == "VERB" or tok.tag_.startswith("VB")) or tok.dep_ == "amod" or tok.i in removed:
            continue
        entries = verb_entries(tok, dictionaries.verbs)
        if not entries:
            continue
        if _governed_by(tok, coded_verbs):
            continue  # "called on Gondor to be allowed to leave": the governing verb's event covers it
        entry = entries[0]
        span = (tok.i - len(entry.pre), tok.i + 1 + len(entry.post))
        if entry.post and not all(0 <= i < len(tok.doc) for i in range(*span)):
            span = (tok.i, tok.i + 1)
        matcher = matcher or SentenceMatcher(sent, dictionaries.verbs, phrases)
        match = match_patterns(entry, matcher, span)
        codes, rule = _codes(entry, match)
        if codes.null:
            continue
        pairs: list[tuple[CodedPhrase | None, CodedPhrase | None]]
        if match is not None and match.compound is not None:
            group = _conjuncts(match.compound, by_head)
            pairs = [(a, b) for a in group for b in group if a is not b]
        else:
            sources = [match.source] if match is not None and match.source is not None else source_of(tok, by_head)
            targets = [match.target] if match is not None and match.target is not None else target_of(tok, by_head, sources)
            pairs = [(s, t) for s in _or_none(sources) for t in _or_none(targets)]
        for s, t, s_code, t_code in _coded_pairs(pairs):
            if s_code is not None and s_code == t_code:
                continue
            # A side with no code (None included) fails a required dyad before its actor is read.
            if require_dyad and (s is None or t is None or s_code is None or t_code is None
                                 or not s.has_actor and not t.has_actor):
                continue
            for code, a, b, pa, pb in ((codes.forward, s_code, t_code, s, t), (codes.backward, t_code, s_code, t, s)):
                if code is None or (a is None and b is None):
                    continue
                triple = (a or NULL, b or NULL, code)
                if triple in seen:
                    continue
                seen.add(triple)
                coded_verbs.add(tok.i)
                events.append(CodedEvent(triple[0], triple[1], code, tok, rule, pa, pb))
    return events


# A verb reached from a coded verb through these is part of that verb's phrase: its open complement
# ("called on Gondor to be allowed to leave") or an adverbial clause or phrase inside its verb phrase
# ("restored ties after crowds burned its embassy"). PETRARCH codes the governing verb phrase only.
_GOVERNED_DEPS = {"xcomp", "advcl", "pcomp", "pobj", "prep"}
_PREDICATE_DEPS = {"xcomp", "acomp"}


def _predicate(tok: Token) -> set[int]:
    """The verb and the open complements it carries ("is about to restore" -> is, about, restore)."""
    out = {tok.i}
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in _PREDICATE_DEPS:
                out.add(c.i)
                stack.append(c)
    return out


def _governed_by(verb: Token, coded: set[int]) -> bool:
    """Whether ``verb`` hangs, through complements and adverbial clauses, from an already coded verb
    (or from a predicate one of whose open complements is coded: "is about to restore ..., after X")."""
    tok = verb
    while tok.dep_ in _GOVERNED_DEPS and tok.head != tok:
        tok = tok.head
        if tok.i in coded or (tok.pos_ in ("VERB", "AUX") and _predicate(tok) & coded):
            return True
    return False


def _or_none(phrases: list[CodedPhrase]) -> list[CodedPhrase | None]:
    """The phrases, or one empty side when there are none (an event may lack a source or target)."""
    return list(phrases) or [None]


def _codes_or_none(phrase: CodedPhrase | None) -> list[str | None]:
    return list(phrase.codes if phrase is not None else []) or [None]


def _coded_pairs(
    pairs: list[tuple[CodedPhrase | None, CodedPhrase | None]],
) -> Iterator[tuple[CodedPhrase | None, CodedPhrase | None, str | None, str | None]]:
    """Each phrase pair with every code each side stands for."""
    for s, t in pairs:
        for s_code in _codes_or_none(s):
            for t_code in _codes_or_none(t):
                yield s, t, s_code, t_code


def code_doc(doc: Doc, dictionaries: PetrarchDictionaries, when: date | None = None,
             mentions: list[ActorMention] | None = None, require_dyad: bool | None = None,
             options: CoderOptions | None = None) -> list[CodedEvent]:
    """Every event the dictionaries code in ``doc``; a story-level discard phrase stops the whole doc."""
    if dictionaries.discards.match(" " + doc.text, story=True):
        return []
    out: list[CodedEvent] = []
    for sent in doc.sents:
        out.extend(code_sentence(sent, dictionaries, when, mentions, require_dyad, options))
    return out
