"""A speaker's actor code beyond the actor mention on its span.

The resolver (``claims.speakers``) codes a speaker from the actor mention its span overlaps.
Most speakers' spans carry none ("Mohib", "he", "I" in an interview turn, "the government"), so
this module keeps what the article says of them elsewhere, in this order (steps 1 and 2 and the
story's country are read by ``actors.descriptions``, which the event coder shares):

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
   the places it names name most; an interview's introduction first): a person, an outlet the
   lists lack whose name names no place ("the Evening Courier" in a story set in Kenya;
   "the Milan Gazette" is Italian), an organisation, and a body named by its sector alone ("the
   government", "officials") with that sector; ordinary people ("people": CVL) stay uncoded, as
   anyone may be; an outlet known by name keeps its own country, or none (Wikinews); a person
   the dictionary dates out of office (ELI) whom the span still titles ("Prime Minister X said
   in 2021") speaks in that office, unless the span says "former";
4. a person with a country and no office is CVL (CAMEO's civilian); an outlet MED, of the
   country its name gives ("The Canadian Press") or "---MED".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from spacy.tokens import Doc, Span

from wirewatch.actors.descriptions import DescriptionWords, article_descriptions
from wirewatch.records import ActorMention

_FORMER = {"former", "ex", "ex-", "late", "retired", "onetime", "one-time"}
_OFFICES = {"GOV", "MIL", "LEG", "JUD", "COP"}  # sectors of an office a title names
_PRONOUNS = {"he", "she", "him", "her", "his", "i", "we", "me", "us", "they", "them", "it", "you", "who", "which", "that"}


class SpeakerCodes:
    """What one article says of its speakers' codes (``mentions`` sorted by start).

    The reading of names, titles, appositions and the story's country is
    ``actors.descriptions.ArticleDescriptions``, worked out once per article and read by the event coder too; this class
    completes a speaker's code from it by the speaker's kind (steps 3 and 4)."""

    def __init__(self, doc: Doc, mentions: list[ActorMention], words: DescriptionWords, sectors: Mapping[str, str],
                 place_country: Callable[[str], str | None] | None = None, intro_end: int | None = None) -> None:
        self.reading = article_descriptions(doc, mentions, words, sectors, place_country)
        self.sectors = self.reading.sectors
        self.organisation_types = words.organisation_types
        # The organisations the dictionary does not hold, coded by the kind of body their name
        # says ("the Croucher Foundation" ---NGO): the reading's copy of the mentions.
        self.mentions = self.reading.mentions
        # An interview's introduction says where it is set; its answers talk about anything (an
        # American professor asked about Russia): the introduction's country first, where it has one.
        self.story_country: str | None = None
        if intro_end is not None:
            self.story_country = self.reading.story_country(intro_end, first_named=True)
        if self.story_country is None:
            self.story_country = self.reading.story_country(first_named=True)
        self.by_name: dict[str, str] = {}
        self.by_surname = self.reading.by_surname
        self.place_country = place_country

    def describe(self, ent: Span, name: str) -> None:
        """Note a person entity's described code under their full ``name`` (the first counts)."""
        code = self.reading.described(ent, places=True)
        if code and name:
            self.by_name.setdefault(name, code)

    def complete(self, code: str | None, name: str | None, kind: str | None, span: Span,
                 is_outlet: bool = False, is_document: bool = False) -> str | None:
        """The speaker's code: ``code`` as its span gave it, completed by steps 1-4."""
        if kind == "person" and code is not None and code[3:6] == "ELI":
            code = self._titled(code, span)
        if kind == "person" and name:
            described = self.by_name.get(name) or self.by_surname.get(name.split()[-1]) or self._by_given_name(name)
            # A bare country on this span ("Ambassador Mohib" read in the actor stage's
            # "United States Hamdullah Mohib") says less than the person's described code.
            if code is None or len(code) == 3 and described and len(described) > 3:
                if code is not None and described is not None and described.startswith("---"):
                    # "Swedish biologist Anna Lind": the span's country with the description's sector
                    code = code + described[3:]
                else:
                    code = described or code
            elif not code.startswith("---"):
                self.by_name.setdefault(name, code)
            if (code is None or code.startswith("---")) and self.story_country:
                # Someone the article gives no country (a poet in a story set in New York, a
                # dictionary's person of unknown country) belongs to the country the story is about.
                code = self.story_country + (code or "")[3:]
        outlet = is_outlet or kind == "outlet"
        if code is None and outlet:
            # "the Lakeside Gazette": the country of a place its name holds, else the story's
            code = self._outlet_place(span) or self.story_country
        if code is None and kind != "person" and not is_document and not is_outlet:
            code = self.reading.organisation_code(span)  # "the Home Office", "the M5S party"
        if kind != "person" and not outlet and code is not None and code.startswith("---") and self.story_country:
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

    def _titled(self, code: str, span: Span) -> str:
        """A person the dictionary dates out of office (ELI, as of the article's date) whom the span
        still gives their office ("Prime Minister X said in 2021"): the office's sector, unless the
        span says they left it ("former", "ex-")."""
        if any(t.lower_ in _FORMER for t in span):
            return code
        for t in span:
            sector = self.sectors.get(t.lemma_.lower())
            if t.ent_type_ != "PERSON" and sector in _OFFICES:
                return code[:3] + sector
        return code

    def _outlet_place(self, span: Span) -> str | None:
        """The country of the place an outlet's name starts with ("the Milan Gazette", "the Sydney
        Morning Herald"): the longest run of its first proper nouns that the gazetteer knows, short
        of the whole name, else a state mention or a place inside it."""
        within = self.reading.country_within(span)
        if within != "---":
            return within
        names = [t.text for t in span if t.pos_ == "PROPN"]
        if self.place_country is None or len(names) < 2:
            return None
        for n in range(len(names) - 1, 0, -1):
            if country := self.place_country(" ".join(names[:n])):
                return country
        return None

    def _by_given_name(self, name: str) -> str | None:
        """The described code of the one person whose full name starts with ``name`` ("Daniel"
        for "Daniel Okafor", as a story calls someone by their given name), None when it is no
        single word or two people share it."""
        if " " in name:
            return None
        codes = {code for full, code in self.by_name.items() if full.startswith(name + " ")}
        return codes.pop() if len(codes) == 1 else None


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
