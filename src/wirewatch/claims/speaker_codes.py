"""A speaker's actor code beyond the actor mention on its span.

The resolver (``claims.speakers``) codes a speaker from the actor mention its span overlaps.
Most speakers' spans carry none ("Mohib", "he", "I" in an interview turn, "the government"), so
this module keeps what the article says of them elsewhere, in this order:

1. a person's code as the article first describes them: the first coded state or organisation
   of their title ("Afghan Ambassador to the United States Hamdullah Mohib" AFGGOV, not
   American), else of their apposition ("Khaled Al-Maeena, editor at large at the Saudi
   Gazette" SAUMED), else a copular sentence ("Shalev is a Professor at Hebrew University"
   ISREDU, by surname), with the sector of the title's sector word or occupation noun
   ("Professor", "biologist" EDU); a named body the title places them in gives its own kind
   ("president of the Chess Association" NGO); it beats a bare country read on a later span;
2. an organisation the dictionary lacks is coded by the head noun of its name ("the Croucher
   Foundation" NGO, "the Home Office" GOV: ``organisation_types``), with the country named
   inside it;
3. a speaker the article gives no country takes the story's (the country its state mentions and
   the places it names name most; an interview's introduction first): a person, an outlet ("the
   Sydney Morning Herald" in a story set in Australia), an organisation, and a body named by
   its sector alone ("the government", "officials") with that sector; ordinary people
   ("people": CVL) stay uncoded, as anyone may be;
4. a person with a country and no office is CVL (CAMEO's civilian); an outlet MED, of the
   country its name gives ("The Canadian Press") or "---MED".
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from spacy.tokens import Doc, Span

from wirewatch.claims.draft import subtree_range
from wirewatch.nlp.doc_ents import doc_ents
from wirewatch.records import ActorMention

# Tokens from a person's name to look for their title or apposition: "Professor Cres Eastman,
# Director of the ... study and Chairman of the Australian Centre for ..." reaches 14.
TITLE_REACH = 20
_PRONOUNS = {"he", "she", "him", "her", "his", "i", "we", "me", "us", "they", "them", "it", "you", "who", "which", "that"}


class SpeakerCodes:
    """What one article says of its speakers' codes (``mentions`` sorted by start)."""

    def __init__(self, doc: Doc, mentions: list[ActorMention], sectors: Mapping[str, str],
                 place_country: Callable[[str], str | None] | None = None,
                 organisation_types: Mapping[str, str] | None = None, intro_end: int | None = None) -> None:
        self.doc = doc
        self.sectors = sectors
        self.organisation_types = organisation_types or {}
        self._starts = [m.char_start for m in mentions]
        # The organisations the dictionary does not hold, coded by the kind of body their name
        # says ("the Croucher Foundation" ---NGO): a copy, the event coder's mentions stay as they are.
        self.place_country = place_country
        self.mentions = mentions  # as given while ``_typed`` reads the countries inside names
        self.mentions = [self._typed(m) for m in mentions]
        # An interview's introduction says where it is set; its answers talk about anything (an
        # American professor asked about Russia): the introduction's country first, where it has one.
        self.story_country: str | None = None
        if intro_end is not None:
            self.story_country = self._story_country([m for m in mentions if m.char_start < intro_end], intro_end)
        if self.story_country is None:
            self.story_country = self._story_country(mentions, None)
        self.by_name: dict[str, str] = {}
        self.by_surname = self._predicated()

    def _story_country(self, mentions: list[ActorMention], end: int | None) -> str | None:
        """``story_country`` of ``mentions`` and the places named before ``end`` (all if None)."""
        if self.place_country is None:
            return story_country(mentions)
        return story_country(mentions, _place_countries(self.doc, mentions, self.place_country, end))

    def describe(self, ent: Span, name: str) -> None:
        """Note a person entity's described code under their full ``name`` (the first counts)."""
        code = self._described(ent)
        if code and name:
            self.by_name.setdefault(name, code)

    def complete(self, code: str | None, name: str | None, kind: str | None, span: Span,
                 is_outlet: bool = False, is_document: bool = False) -> str | None:
        """The speaker's code: ``code`` as its span gave it, completed by steps 1-4."""
        if kind == "person" and name:
            described = self.by_name.get(name) or self.by_surname.get(name.split()[-1]) or self._by_given_name(name)
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
        if code is None and kind != "person" and not is_document and not is_outlet:
            code = self.organisation_code(span)  # "the Home Office", "the M5S party"
        if kind != "person" and code is not None and code.startswith("---") and self.story_country:
            code = self.story_country + code[3:]
        bare = code is not None and len(code) == 3 and code not in ("IGO", "---")
        if (code is None and self.story_country or bare) and kind != "person" and not is_document and not is_outlet:
            root = span.root
            lemma = root.lemma_.lower()
            sector = None if root.lower_ in _PRONOUNS else self.sectors.get(lemma) or self.organisation_types.get(lemma)
            # "the government", "the municipality" of the story's country; "local
            # municipalities in Italy" of the country the span names
            country = code if bare else self.story_country
            if sector and sector != "CVL" and country:
                code = country + sector
        return with_sector(code, kind, is_outlet)

    def _by_given_name(self, name: str) -> str | None:
        """The described code of the one person whose full name starts with ``name`` ("Daniel"
        for "Daniel Okafor", as a story calls someone by their given name), None when it is no
        single word or two people share it."""
        if " " in name:
            return None
        codes = {code for full, code in self.by_name.items() if full.startswith(name + " ")}
        return codes.pop() if len(codes) == 1 else None

    # -- what an organisation's name says ---------------------------------------------------------
    def organisation_code(self, span: Span) -> str | None:
        """The code of a named body the dictionary lacks, by the head noun of its name: the last
        organisation type word before the name's first preposition ("the Council on Foreign
        Affairs" is a council), with a sector word before a generic government head taking its
        place ("Police Department" COP); the country of a state mention inside the name ("the
        Kenyan Wildlife Agency" KENGOV), else "---". None for a name with no proper noun (a
        bare "the ministry" is the story's, ``complete``) or no type word."""
        words = [t for t in span if not t.is_punct]
        cut = next((k for k, t in enumerate(words) if t.pos_ == "ADP" and k > 0), len(words))
        words = words[:cut]
        if not any(t.pos_ == "PROPN" for t in words):
            return None
        for k in range(len(words) - 1, -1, -1):
            sector = self.organisation_types.get(words[k].lemma_.lower()) or self.organisation_types.get(words[k].lower_)
            if sector is None:
                continue
            if sector == "GOV":
                sector = next((self.sectors[w] for t in reversed(words[:k]) if (w := t.lemma_.lower()) in self.sectors
                               and self.sectors[w] not in ("GOV", "CVL")), sector)
            return self._country_within(span) + sector
        return None

    def _country_within(self, span: Span) -> str:
        """The country of a state mention inside ``span``, else of a place its name holds ("the
        University of Tampere", "the Lakeside Police Department" where the gazetteer knows
        Lakeside), else "---"."""
        lo, hi = span.start_char, span.end_char
        for m in self.mentions[bisect_left(self._starts, lo) :]:
            if m.char_start >= hi:
                break
            if m.kind == "state" and m.code and m.char_end <= hi and m.code[:3] not in ("IGO", "---"):
                return m.code[:3]
        if self.place_country is not None:
            for ent in span.ents:
                if ent.label_ == "GPE" and (country := self.place_country(ent.text)):
                    return country
        return "---"

    def _typed(self, mention: ActorMention) -> ActorMention:
        if mention.code is not None or mention.kind != "organisation":
            return mention
        span = self.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        code = self.organisation_code(span) if span is not None else None
        return mention if code is None else replace(mention, code=code)

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
        body = self._named_body(sorted(before) + sorted(after))
        if body is not None and (code is None or len(code) == 3 or body[3:] != "GOV"):
            # "president of the Nairobi Chess Association": the body's kind, not the title's
            # GOV (nor the actor stage's "president of the Nairobi" KENGOV); a country read in
            # its name or the title is its country.
            return (code[:3] if code and body.startswith("---") else body[:3]) + body[3:]
        if code is not None and len(code) > 3:
            return code
        sector = self._sector(sorted(before, reverse=True) + sorted(after))
        if code is None:
            return "---" + sector if sector else None
        return code + sector if sector else code

    def _named_body(self, tokens: list[int]) -> str | None:
        """The type code (``organisation_code``) of the first named body among ``tokens`` that a
        title or apposition places the person in: the object of a preposition ("of the X
        Association", "at Y University")."""
        for i in tokens:
            tok = self.doc[i]
            if tok.dep_ == "pobj" and tok.pos_ == "PROPN":
                start, end = subtree_range(tok)
                code = self.organisation_code(self.doc[start:end])
                if code is not None:
                    return code
        return None

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


def story_country(mentions: list[ActorMention], places: Iterable[str] = ()) -> str | None:
    """The country the article is about: the one its state mentions and the other places it
    names (``places``, their countries) name most often, at least twice and more often than any
    other; None when no country stands out."""
    counts = Counter(m.code[:3] for m in mentions if m.kind == "state" and m.code and m.code[:3] not in ("IGO", "---"))
    counts.update(places)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def _place_countries(doc: Doc, mentions: list[ActorMention], place_country: Callable[[str], str | None],
                     end: int | None = None) -> list[str]:
    """The countries of the places the article names (before character ``end``, if given) that
    are no state mention: cities, regions and states of a country ("Las Vegas", "Arkansas",
    "Sydney"). An interview set in the US rarely says "the United States", but names where its
    people live and work."""
    states = [(m.char_start, m.char_end) for m in mentions if m.kind == "state"]
    found = []
    for ent in doc_ents(doc):
        if end is not None and ent.start_char >= end:
            continue
        if ent.text.isupper() and len(ent.text) <= 3:
            continue  # "QC" after a barrister's name is Queen's Counsel, not Quebec
        if ent.label_ != "GPE" or any(s < ent.end_char and ent.start_char < e for s, e in states):
            continue
        country = place_country(ent.text)
        if country:
            found.append(country)
    return found


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
