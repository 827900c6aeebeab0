"""Matching PETRARCH verbs and verb patterns against a spaCy sentence.

A verb entry matches a token whose lemma or surface form is one of its forms, with the words of a
multi-word verb right before or after it (a particle may also be its ``prt`` child: "broke the
talks down"). A pattern's items are matched outwards from the verb: the part after ``*`` to the
right, the part before it to the left, each item either right next to the previous one (joined by
``_``) or further on in the sentence. ``+``/``$``/``%`` take the next coded phrase found there.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from wirewatch.petrarch.agents import regular_plural
from wirewatch.petrarch.phrases import CodedPhrase
from wirewatch.petrarch.verbs import Item, Pattern, VerbDictionary, VerbEntry, verb_forms

_PARTICLE_DEPS = {"prt", "prep", "advmod", "compound:prt"}
# TABARI's "complex event" code, which PETRARCH never implemented: such a pattern is passed over.
COMPLEX = "+++"


@dataclass(slots=True)
class PatternMatch:
    pattern: Pattern
    source: CodedPhrase | None = None
    target: CodedPhrase | None = None
    compound: CodedPhrase | None = None


@lru_cache(maxsize=65536)
def _plural(word: str) -> str:
    return regular_plural(word)


def token_words(tok: Token) -> frozenset[str]:
    return frozenset((tok.text.upper(), tok.lemma_.upper()))


def _in(word: str, forms: frozenset[str] | set[str]) -> bool:
    """A dictionary word matches a token's forms as written or in its regular plural."""
    return word in forms or _plural(word) in forms


def word_matches(word: str, tok: Token) -> bool:
    return _in(word, token_words(tok))


def _joined_words(sent: Span, start: int, words: tuple[str, ...], step: int) -> bool:
    """``words`` lie right next to token ``start`` going in direction ``step``."""
    doc = sent.doc
    for k, w in enumerate(words if step > 0 else reversed(words)):
        i = start + step * (k + 1)
        if not (sent.start <= i < sent.end) or not word_matches(w, doc[i]):
            return False
    return True


@lru_cache(maxsize=65536)
def _misspelled_form(surface: str, base: str) -> bool:
    """The lemma is trusted for irregular forms ("broke" -> BREAK), but PETRARCH matches only the forms
    it knows: a form built on the verb word that no regular rule makes ("departes") is not the verb."""
    return surface.startswith(base) and surface not in verb_forms(base)


def verb_entries(tok: Token, verbs: VerbDictionary) -> list[VerbEntry]:
    """The dictionary verbs ``tok`` is an instance of (multi-word verbs checked around it)."""
    found: list[VerbEntry] = []
    seen: set[int] = set()
    surface = tok.text.upper()
    for word in (surface, tok.lemma_.upper()):
        for entry in verbs.by_word.get(word, ()):
            if id(entry) in seen:
                continue
            if word != surface and _misspelled_form(surface, entry.base):
                continue
            seen.add(id(entry))
            if entry.pre and not _joined_words(tok.sent, tok.i, entry.pre, -1):
                continue
            if entry.post and not (_joined_words(tok.sent, tok.i, entry.post, 1) or (
                    len(entry.post) == 1 and any(c.dep_ in _PARTICLE_DEPS and word_matches(entry.post[0], c)
                                                 for c in tok.children))):
                continue
            found.append(entry)
    # A multi-word verb is more specific than its head verb alone ("break down" over "break").
    found.sort(key=lambda e: -(len(e.pre) + len(e.post)))
    return found


class SentenceMatcher:
    """Pattern matching in one sentence; the tokens' forms are computed once for every verb in it."""

    def __init__(self, sent: Span, verbs: VerbDictionary, phrases: list[CodedPhrase]) -> None:
        self.sent, self.doc, self.verbs = sent, sent.doc, verbs
        self.forms = {t.i: token_words(t) for t in sent}
        self.all_forms: set[str] = set().union(*self.forms.values()) if self.forms else set()
        self._chunks: list[tuple[int, int]] | None = None  # noun chunks, found when a '^' first needs them
        self.phrase_at: dict[int, CodedPhrase] = {}
        for p in phrases:
            if p.code:
                for i in range(p.start, p.end):
                    self.phrase_at.setdefault(i, p)

    def _skip_phrase(self, i: int, step: int) -> int:
        """Where TABARI's ``^`` (skip a noun phrase) starting at ``i`` ends: past the noun chunk or coded
        phrase that starts there ("warned at [the Gondor] of the Prince" with ``* AT ^ +``), else one word."""
        nxt = i + step
        if self._chunks is None:
            self._chunks = [(c.start, c.end) for c in self.sent.noun_chunks] if self.doc.has_annotation("DEP") else []
        for lo, hi in self._chunks:
            if (lo if step > 0 else hi - 1) == i:
                nxt = hi if step > 0 else lo - 1
        phrase = self.phrase_at.get(i)
        if phrase is not None:
            nxt = max(nxt, phrase.end) if step > 0 else min(nxt, phrase.start - 1)
        return nxt

    def possible(self, pattern: Pattern) -> bool:
        """A cheap test first: every literal word (and some member of every synset) is in the sentence."""
        for item in (*pattern.before, *pattern.after):
            if item.kind == "word" and not _in(item.value, self.all_forms):
                return False
            if item.kind == "synset" and not any(
                    _in(first, self.all_forms) for first in self.verbs.synset_firsts(item.value)):
                return False
        return True

    def _item_at(self, item: Item, i: int, step: int) -> list[tuple[int, CodedPhrase | None]]:
        """Ways ``item`` can match with its first token at ``i``: (index after it, phrase taken)."""
        forms = self.forms.get(i)
        if forms is None:
            return []
        if item.kind == "word":
            return [(i + step, None)] if _in(item.value, forms) else []
        if item.kind == "synset":
            out: list[tuple[int, CodedPhrase | None]] = []
            for words in self.verbs.synsets.get(item.value, ()):
                seq = words if step > 0 else words[::-1]
                if all((f := self.forms.get(i + step * k)) is not None and _in(w, f) for k, w in enumerate(seq)):
                    out.append((i + step * len(words), None))
            return out
        if item.kind in ("source", "target", "compound"):
            phrase = self.phrase_at.get(i)
            if phrase is None:
                return []
            nxt = phrase.end if step > 0 else phrase.start - 1
            return [(nxt, phrase)]
        if item.kind == "skip":
            return [(self._skip_phrase(i, step), None)]
        return []

    def match_after(self, items: tuple[Item, ...], start: int, limit: int = 12) -> dict | None:
        """Match ``items`` rightwards from token ``start``; the actor slots taken."""
        return self._match(list(items), 0, start, 1, limit, {}, tight_next=False)

    def match_before(self, items: tuple[Item, ...], start: int, joined: bool, limit: int = 12) -> dict | None:
        """Match ``items`` leftwards from token ``start`` (the last item first); ``joined``: "X_*"."""
        return self._match(list(reversed(items)), 0, start, -1, limit, {}, tight_next=joined)

    def _match(self, seq: list[Item], k: int, pos: int, step: int, limit: int, taken: dict,
               tight_next: bool) -> dict | None:
        if k == len(seq):
            return taken
        item = seq[k]
        # Going left, an item is tight when the item after it (already matched) was joined to it.
        tight = item.tight if step > 0 else (seq[k - 1].tight if k > 0 else tight_next)
        candidates = [pos] if tight else [pos + step * d for d in range(limit)]
        for i in candidates:
            for nxt, phrase in self._item_at(item, i, step):
                slot = dict(taken)
                if phrase is not None:
                    slot.setdefault(item.kind, phrase)
                result = self._match(seq, k + 1, nxt, step, limit, slot, tight_next=False)
                if result is not None:
                    return result
        return None


def match_patterns(entry: VerbEntry, matcher: SentenceMatcher, verb_span: tuple[int, int]) -> PatternMatch | None:
    """The most specific pattern of the verb's block that matches around it."""
    best: PatternMatch | None = None
    for pattern in entry.block.patterns:
        if best is not None and pattern.weight <= best.pattern.weight:
            continue
        if pattern.codes.forward == COMPLEX or not matcher.possible(pattern):
            continue
        after = matcher.match_after(pattern.after, verb_span[1]) if pattern.after else {}
        if after is None:
            continue
        before = matcher.match_before(pattern.before, verb_span[0] - 1, pattern.joined_before) if pattern.before else {}
        if before is None:
            continue
        slots = {**before, **after}
        best = PatternMatch(pattern, source=slots.get("source"), target=slots.get("target"),
                            compound=slots.get("compound"))
    return best

