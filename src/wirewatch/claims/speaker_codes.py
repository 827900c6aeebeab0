"""A speaker's actor code beyond the actor mention on its span.

The resolver (``claims.speakers``) codes a speaker from the actor mention its span overlaps.
Most speakers' spans carry none ("Mohib", "he", "I" in an interview turn, "the government"), so
this module keeps what the article says of them elsewhere, in this order:

1. a person's code as the article first describes them: the first coded state or organisation
   of their title ("Afghan Ambassador to the United States Hamdullah Mohib" AFGGOV, not
   American), else of their apposition ("Khaled Al-Maeena, editor at large at the Saudi
   Gazette" SAUMED), else a copular sentence ("Shalev is a Professor at Hebrew University"
   ISREDU, by surname), with the sector of the title's sector word ("Professor" EDU); it beats
   a bare country read on a later span;
2. a speaker the article gives no country takes the story's (the country its state mentions name
   most): a person, an outlet ("the Sydney Morning Herald" in a story set in Australia), and a
   body named by its sector alone ("the government", "officials") with that sector; ordinary
   people ("people": CVL) stay uncoded, as anyone may be;
3. a person with a country and no office is CVL (CAMEO's civilian); an outlet MED, of the
   country its name gives ("The Canadian Press") or "---MED".
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping

from spacy.tokens import Doc, Span

from wirewatch.claims.draft import subtree_range
from wirewatch.records import ActorMention

# Tokens from a person's name to look for their title or apposition: "Professor Cres Eastman,
# Director of the ... study and Chairman of the Australian Centre for ..." reaches 14.
TITLE_REACH = 20
_PRONOUNS = {"he", "she", "him", "her", "his", "i", "we", "me", "us", "they", "them", "it", "you", "who", "which", "that"}


class SpeakerCodes:
    """What one article says of its speakers' codes (``mentions`` sorted by start)."""

    def __init__(self, doc: Doc, mentions: list[ActorMention], sectors: Mapping[str, str]) -> None:
        self.doc = doc
        self.mentions = mentions
        self.sectors = sectors
        self._starts = [m.char_start for m in mentions]
        self.story_country = story_country(mentions)
        self.by_name: dict[str, str] = {}
        self.by_surname = self._predicated()

    def describe(self, ent: Span, name: str) -> None:
        """Note a person entity's described code under their full ``name`` (the first counts)."""
        code = self._described(ent)
        if code and name:
            self.by_name.setdefault(name, code)

    def complete(self, code: str | None, name: str | None, kind: str | None, span: Span,
                 is_outlet: bool = False, is_document: bool = False) -> str | None:
        """The speaker's code: ``code`` as its span gave it, completed by steps 1-3."""
        if kind == "person" and name:
            described = self.by_name.get(name) or self.by_surname.get(name.split()[-1])
            # A bare country on this span ("Ambassador Mohib" read in the actor stage's
            # "United States Hamdullah Mohib") says less than the person's described code.
            if code is None or len(code) == 3 and described and len(described) > 3:
                code = described or code
            elif not code.startswith("---"):
                self.by_name.setdefault(name, code)
            if (code is None or code.startswith("---")) and self.story_country:
                # Someone the article gives no country (a poet in a story set in New York, a
                # dictionary's person of unknown country) belongs to the country the story is about.
                code = self.story_country + (code or "")[3:]
        if code is None and (is_outlet or kind == "outlet") and self.story_country:
            code = self.story_country  # "the Sydney Morning Herald" in a story set in Australia
        if code is None and kind != "person" and not is_document and self.story_country:
            root = span.root
            sector = self.sectors.get(root.lemma_.lower()) if root.lower_ not in _PRONOUNS else None
            if sector and sector != "CVL":
                code = self.story_country + sector
        return with_sector(code, kind, is_outlet)

    # -- what the article says of a person ------------------------------------------------------
    def _described(self, ent: Span) -> str | None:
        """The first coded state or organisation of the person's title, else of what follows the
        name, with the sector of the nearest sector word where the code has none; "---" and the
        sector when the title names no country ("Professor Eastman"). A country inside the name
        itself ("Chad Hill") is no title."""
        root = ent.root
        head = root.head if root.dep_ == "appos" and root.head.i < ent.start else root
        before = [t.i for t in head.subtree if t.i < ent.start and head.i - t.i <= TITLE_REACH]
        if head is not root:
            before.append(head.i)
        after = [t.i for c in root.children if c.dep_ in ("appos", "prep", "amod") and c.i >= ent.end
                 for t in c.subtree if t.i - ent.end <= TITLE_REACH]
        code = None
        for tokens in (sorted(before), sorted(after)):
            code = self._first_code(tokens, ent.end_char)
            if code is not None:
                break
        if code is not None and len(code) > 3:
            return code
        sector = self._sector(sorted(before, reverse=True) + sorted(after))
        if code is None:
            return "---" + sector if sector else None
        return code + sector if sector else code

    def _predicated(self) -> dict[str, str]:
        """Codes a copular sentence gives a named person, by surname: "Shalev is a Professor at
        Hebrew University" (ISREDU), "Aner Shalev is an Israeli mathematician" (ISR). The tagger
        often misses the name of an interviewee introduced this way, so the subject is any proper
        noun (or a capitalised noun mid-sentence: "Currently Shalev is"); the first description
        with a sector counts, else the first."""
        codes: dict[str, str] = {}
        for tok in self.doc:
            proper = tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and tok.text[:1].isupper() and not tok.is_sent_start
            if tok.dep_ != "nsubj" or not proper or tok.head.lemma_ != "be" or len(codes.get(tok.text, "")) > 3:
                continue
            attr = next((c for c in tok.head.children if c.dep_ == "attr" and c.i > tok.i), None)
            if attr is None:
                continue
            start, end = subtree_range(attr)
            tokens = list(range(start, min(end, start + TITLE_REACH)))
            code = self._first_code(tokens, self.doc[start].idx)
            if code is not None and len(code) == 3:
                code += self._sector(tokens) or ""
            if code is not None and (tok.text not in codes or len(code) > 3):
                codes[tok.text] = code
        return codes

    def _sector(self, tokens: list[int]) -> str | None:
        """The sector of the first of ``tokens`` that is a sector word (by lemma)."""
        return next((self.sectors[w] for i in tokens if (w := self.doc[i].lemma_.lower()) in self.sectors), None)

    def _first_code(self, tokens: list[int], name_end: int) -> str | None:
        """The code of the first coded state or organisation mention starting within ``tokens``,
        or of the actor stage's mention of the titled name itself ("Afghan Ambassador Hamdullah
        Mohib" AFGGOV); another person in the title ("Clinton campaign chairman John Podesta")
        is not theirs."""
        if not tokens:
            return None
        lo = self.doc[tokens[0]].idx
        hi = self.doc[tokens[-1]].idx + len(self.doc[tokens[-1]])
        inside = {self.doc[i].idx for i in tokens}
        for m in self.mentions[bisect_left(self._starts, lo) :]:
            if m.char_start >= hi:
                break
            titled = m.kind == "person" and m.char_end >= name_end and len(m.code or "") > 3
            if m.code and (m.kind in ("state", "organisation") or titled) and m.char_start in inside:
                return m.code
        return None


def story_country(mentions: list[ActorMention]) -> str | None:
    """The country the article is about: the one its state mentions name most often, at least
    twice and more often than any other; None when no country stands out."""
    counts = Counter(m.code[:3] for m in mentions if m.kind == "state" and m.code and m.code[:3] not in ("IGO", "---"))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def with_sector(code: str | None, kind: str | None, is_outlet: bool) -> str | None:
    """``code`` with the sector the speaker's kind implies where the code gave none: an outlet
    speaks as media (a country's, or "---MED" when no country is known), a person with a country
    and no office as a civilian. A state stays bare: it speaks as itself."""
    if is_outlet or kind == "outlet":
        if code is None:
            return "---MED"
        return code + "MED" if len(code) == 3 else code
    if kind == "person" and code is not None and len(code) == 3 and code != "IGO":
        return code + "CVL"
    return code
