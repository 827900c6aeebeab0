"""What an article says of the actors the dictionary cannot code, read once for every stage.

The actor stage codes what its dictionary knows; the article often says what the rest are:

1. an organisation the dictionary lacks is coded by the head noun of its name ("the Croucher
   Foundation" NGO, "the Dallas Police Department" COP: ``organisation_types`` in
   ``data/descriptions.yaml``), with the country of a state mention or a place inside the name
   ("the Kenyan Wildlife Agency" KENGOV, "the University of Tampere" FINEDU), else "---";
2. a person's code as the article first describes them: the first coded state or organisation
   of their title ("Afghan Ambassador to the United States Hamdullah Mohib" AFGGOV), else of
   their apposition ("Khaled Al-Maeena, editor at large at the Saudi Gazette" SAUMED), else a
   copular sentence ("Shalev is a Professor at Hebrew University" ISREDU, by surname), with the
   sector of the title's sector word or occupation noun ("biologist" EDU); a named body the
   title places them in gives its own kind ("president of the Chess Association" NGO);
3. the story's country: the one its state mentions and the places it names name most, which a
   person the article gives no country is taken to belong to (``described_mentions``).

``ArticleDescriptions`` is the reading; ``claims.speaker_codes`` completes a speaker's code from
it and ``described_mentions`` gives the event coder its own copy of the mentions coded by it. The
actor stage's mentions stay as the dictionary coded them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import ChainMap, Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from wirewatch.errors import DictionaryError
from wirewatch.nlp.doc_ents import doc_ents
from wirewatch.nlp.doc_memo import remembered
from wirewatch.records import ActorMention

_FILE = "wirewatch.actors.data/descriptions.yaml"
# Tokens from a person's name to look for their title or apposition: "Professor Cres Eastman,
# Director of the ... study and Chairman of the Australian Centre for ..." reaches 14.
TITLE_REACH = 20
PlaceCountry = Callable[[str], str | None]


@dataclass(frozen=True, slots=True)
class DescriptionWords:
    """``data/descriptions.yaml``, each table as word (lemma) -> CAMEO sector."""

    occupations: dict[str, str]
    organisation_types: dict[str, str]
    # Offices "general" follows as no rank: "secretary general", "director general".
    offices_before_general: frozenset[str] = frozenset()


def read_description_words() -> DescriptionWords:
    """The tables of ``data/descriptions.yaml`` (``stages.Knowledge.load`` reads them once)."""
    try:
        data = yaml.safe_load(resources.files("wirewatch.actors").joinpath("data/descriptions.yaml")
                              .read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DictionaryError(_FILE, f"cannot read: {exc}") from exc
    if not isinstance(data, dict):
        raise DictionaryError(_FILE, "expected a mapping at the top level")
    offices = data.get("offices_before_general", [])
    if not isinstance(offices, list) or not all(isinstance(w, str) for w in offices):
        raise DictionaryError(_FILE, f"'offices_before_general' must list words, got {offices!r}")
    return DescriptionWords(_sector_table(data, "occupations"), _sector_table(data, "organisation_types"),
                            frozenset(w.strip().lower() for w in offices))


def _sector_table(data: dict[str, Any], key: str) -> dict[str, str]:
    """A table (sector -> words) as word -> sector; a word listed under two sectors is refused,
    since it could not say which."""
    table = data.get(key)
    if not isinstance(table, dict):
        raise DictionaryError(_FILE, f"{key!r} must map a sector to words, got {table!r}")
    out: dict[str, str] = {}
    for sector, words in table.items():
        if not isinstance(sector, str) or len(sector) != 3 or not sector.isupper():
            raise DictionaryError(_FILE, f"{key}: {sector!r} is no CAMEO sector (three capitals)")
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise DictionaryError(_FILE, f"{key}: {sector} must list words")
        for word in (w.strip().lower() for w in words):
            if out.setdefault(word, sector) != sector:
                raise DictionaryError(_FILE, f"{key}: {word!r} is listed under {out[word]} and {sector}")
    return out


@dataclass(frozen=True, slots=True)
class DescriptionKnowledge:
    """What ``described_mentions`` reads with: the description words, the actor dictionary's
    sector words and the gazetteer's country of a place name (None: names' countries only)."""

    words: DescriptionWords
    sectors: Mapping[str, str]
    place_country: PlaceCountry | None = None

    def described(self, doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
        return described_mentions(doc, mentions, self.words, self.sectors, self.place_country)


def subtree_span(tok: Token) -> tuple[int, int]:
    """Token range of ``tok``'s subtree without punctuation at its edges."""
    words = [t.i for t in tok.subtree if not t.is_punct] or [tok.i]
    return min(words), max(words) + 1


class ArticleDescriptions:
    """What one article says of its actors' codes (``mentions`` sorted by start); ``sectors`` are
    the actor dictionary's sector words, read after the occupations."""

    def __init__(self, doc: Doc, mentions: list[ActorMention], words: DescriptionWords,
                 sectors: Mapping[str, str], place_country: PlaceCountry | None = None) -> None:
        self.doc = doc
        self.sectors: Mapping[str, str] = ChainMap(words.occupations, sectors)  # type: ignore[arg-type]
        self.organisation_types = words.organisation_types
        self.offices_before_general = words.offices_before_general
        self.place_country = place_country
        self._starts = [m.char_start for m in mentions]
        self.mentions = mentions  # as given while ``typed`` reads the countries inside names
        self.mentions = [self.typed(m) for m in mentions]
        self.by_surname = self._predicated()
        self._whole_story: dict[bool, str | None] = {}  # the whole article's story_country, once asked

    def story_country(self, end: int | None = None, first_named: bool = False) -> str | None:
        """``story_country`` of the mentions and the places named before character ``end`` (all if
        None); ``first_named`` breaks a tie by the country named first (the speakers' reading: the
        event coder's confidence was trained without it)."""
        if end is None and first_named in self._whole_story:
            return self._whole_story[first_named]
        mentions = self.mentions if end is None else [m for m in self.mentions if m.char_start < end]
        if self.place_country is None:
            found = story_country(mentions, first_named=first_named)
        else:
            found = story_country(mentions, placed_countries(self.doc, mentions, self.place_country, end),
                                  first_named=first_named)
        if end is None:
            self._whole_story[first_named] = found
        return found

    # -- what an organisation's name says ---------------------------------------------------------
    def typed(self, mention: ActorMention) -> ActorMention:
        """An uncoded organisation mention with the code its name gives (``organisation_code``)."""
        if mention.code is not None or mention.kind != "organisation":
            return mention
        span = self.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        code = self.organisation_code(span) if span is not None else None
        return mention if code is None else replace(mention, code=code)

    def organisation_code(self, span: Span) -> str | None:
        """The code of a named body the dictionary lacks, by the head noun of its name: the last
        organisation type word before the name's first preposition ("the Council on Foreign
        Affairs" is a council), with a sector word before a generic government head taking its
        place ("Police Department" COP); the country of a state mention inside the name ("the
        Kenyan Wildlife Agency" KENGOV), else of the place its "of" names ("the University of
        Tampere") or, for a government body, the place before its type word ("the Lakeview
        Police Department"), else "---". None for a name with no proper noun (a bare "the
        ministry" is anyone's) or no type word."""
        words = [t for t in span if not t.is_punct]
        cut = next((k for k, t in enumerate(words) if t.pos_ == "ADP" and k > 0), len(words))
        # "the University of Tampere", "the Bank of Kenya": what follows "of" names where the body is
        of_place = [t for t in words[cut + 1 :] if t.pos_ == "PROPN"] if cut < len(words) and words[cut].lower_ == "of" else []
        words = words[:cut]
        if not any(t.pos_ == "PROPN" for t in words):
            return None
        for k in range(len(words) - 1, -1, -1):
            sector = self.organisation_types.get(words[k].lemma_.lower()) or self.organisation_types.get(words[k].lower_)
            if sector is None:
                continue
            country = self.country_within(span)
            if country == "---" and of_place:
                country = self._place_in_name(of_place)
            if sector == "GOV":
                sector = next((self.sectors[w] for t in reversed(words[:k]) if (w := t.lemma_.lower()) in self.sectors
                               and self.sectors[w] not in ("GOV", "CVL")), sector)
                if country == "---":
                    # A government body is named after the place it serves ("the Dallas Police
                    # Department"), where the tagger sees one organisation and no place in it; a
                    # foundation or a firm is as often named after a person ("Hartley").
                    country = self._place_in_name(words[:k])
            return country + sector
        return None

    def _place_in_name(self, words: list[Token]) -> str:
        """The country of the place the proper nouns before a body's type word name ("Dallas",
        "Los Angeles"), the whole run first, else "---"."""
        names = [t.text for t in words if t.pos_ == "PROPN"]
        if self.place_country is None or not names:
            return "---"
        for run in (" ".join(names), *names):
            if run[:1].isupper() and (country := self.place_country(run)):
                return country
        return "---"

    def country_within(self, span: Span) -> str:
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

    # -- what the article says of a person ------------------------------------------------------
    def described(self, ent: Span, places: bool = False) -> str | None:
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
        if code is None and places:
            # "Anna Lind, a biologist from Uppsala": the country of a place the description names
            # (the speakers' reading: the event coder's confidence was trained without it)
            code = self._place_country(sorted(before)) or self._place_country(sorted(after))
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

    def _place_country(self, tokens: list[int]) -> str | None:
        """The country of the first place (a GPE the gazetteer knows) among ``tokens``."""
        if self.place_country is None or not tokens:
            return None
        inside = set(tokens)
        for ent in self.doc[tokens[0] : tokens[-1] + 1].ents:
            if ent.label_ == "GPE" and ent.start in inside and not (ent.text.isupper() and len(ent.text) <= 3):
                country = self.place_country(ent.text)
                if country:
                    return country
        return None

    def _named_body(self, tokens: list[int]) -> str | None:
        """The type code (``organisation_code``) of the first named body among ``tokens`` that a
        title or apposition places the person in: the object of a preposition ("of the X
        Association", "at Y University")."""
        for i in tokens:
            tok = self.doc[i]
            if tok.dep_ == "pobj" and tok.pos_ == "PROPN":
                start, end = subtree_span(tok)
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
            start, end = subtree_span(attr)
            tokens = list(range(start, min(end, start + TITLE_REACH)))
            code = self._first_code(tokens, self.doc[start].idx)
            if code is not None and len(code) == 3:
                code += self._sector(tokens) or ""
            if code is not None and (tok.text not in codes or len(code) > 3):
                codes[tok.text] = code
        return codes

    def _sector(self, tokens: list[int]) -> str | None:
        """The sector of the first of ``tokens`` that is a sector word (by lemma); "general" after an
        office ("secretary general", "Director General") is no military rank."""
        for i in tokens:
            word = self.doc[i].lemma_.lower()
            if word == "general" and i > 0 and self.doc[i - 1].lemma_.lower() in self.offices_before_general:
                continue
            if word in self.sectors:
                return self.sectors[word]
        return None

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
            if m.code and (m.kind in ("state", "organisation", "outlet") or titled) and m.char_start in inside:
                return m.code
        return None


_READINGS = "actors.descriptions"


def article_descriptions(doc: Doc, mentions: list[ActorMention], words: DescriptionWords, sectors: Mapping[str, str],
                         place_country: PlaceCountry | None = None) -> ArticleDescriptions:
    """The reading of ``doc`` with ``mentions`` (sorted by start), worked out once per article:
    the claims stage's speakers and the event coder ask for the same one (kept on the Doc,
    ``nlp.doc_memo``). Other mentions or other words get a reading of their own."""
    readings: list[tuple[tuple[Any, ...], ArticleDescriptions]] = remembered(doc, _READINGS, lambda _doc: [])
    given = (mentions, words, sectors, place_country)
    for inputs, reading in readings:
        if inputs == given:
            return reading
    reading = ArticleDescriptions(doc, mentions, words, sectors, place_country)
    readings.append((given, reading))
    return reading


def story_country(mentions: list[ActorMention], places: Iterable[str | tuple[int, str]] = (),
                  first_named: bool = False) -> str | None:
    """The country the article is about: the one its state mentions and the other places it
    names (``places``, their countries, or (character, country) pairs as ``placed_countries``
    gives them) name most often, at least twice; of two named as often, with ``first_named``, the
    one the article names first (its lede says where it is set: "from Sydney, Australia" before
    the Indian-born parents' origins), where places' characters are given; else None."""
    named = [(m.char_start, m.code[:3]) for m in mentions
             if m.kind == "state" and m.code and m.code[:3] not in ("IGO", "---")]
    placed = [p if isinstance(p, tuple) else (None, p) for p in places]
    counts = Counter(country for _, country in named)
    counts.update(country for _, country in placed)
    ranked = counts.most_common()
    if not ranked or ranked[0][1] < 2:
        return None
    tied = [country for country, n in ranked if n == ranked[0][1]]
    if len(tied) == 1:
        return tied[0]
    if not first_named or any(at is None for at, _ in placed):
        return None  # no order to break the tie by
    first: dict[str, int] = {}
    for at, country in sorted((at, c) for at, c in [*named, *placed] if at is not None):
        first.setdefault(country, at)
    return min(tied, key=lambda c: first[c])


def placed_countries(doc: Doc, mentions: list[ActorMention], place_country: PlaceCountry,
                     end: int | None = None) -> list[tuple[int, str]]:
    """The countries of the places the article names (before character ``end``, if given) that
    are no state mention, each with the place's first character: cities, regions and states of a
    country ("Las Vegas", "Arkansas", "Sydney"). An interview set in the US rarely says "the
    United States", but names where its people live and work."""
    states = [(m.char_start, m.char_end) for m in mentions if m.kind == "state"]
    found: list[tuple[int, str]] = []
    for ent in doc_ents(doc):
        if end is not None and ent.start_char >= end:
            continue
        if ent.text.isupper() and len(ent.text) <= 3:
            continue  # "QC" after a barrister's name is Queen's Counsel, not Quebec
        if ent.label_ != "GPE" or any(s < ent.end_char and ent.start_char < e for s, e in states):
            continue
        country = place_country(ent.text)
        if country:
            found.append((ent.start_char, country))
    return found


def described_mentions(doc: Doc, mentions: list[ActorMention], words: DescriptionWords, sectors: Mapping[str, str],
                       place_country: PlaceCountry | None = None) -> list[ActorMention]:
    """A copy of ``mentions`` in which the organisations and people the dictionary left uncoded
    carry what the article says of them (the event coder's actors, in start order):

    - an organisation the kind of body its name says ("the Dallas Police Department" USACOP);
    - a person the code of their first description, kept for every later mention of the same
      name or surname ("Ana Ruiz, a biologist at the University of Tampere" FINEDU);
    - a person the article gives no country (described by a sector alone, "Moretti, a lawyer",
      or not at all) the story's country, as a reader takes them, with that sector or CVL;
      but not in a sentence that names another country, where the coder's own reading of the
      sentence (its one country, the subject before) says more than the story.

    An organisation with no country in its name keeps its sector alone (code None), for the
    coder to place as it places an uncoded "police": a foundation in a story about Kenya is as
    often foreign as Kenyan."""
    ordered = sorted(mentions, key=lambda m: m.char_start)
    reading = article_descriptions(doc, ordered, words, sectors, place_country)
    by_name: dict[str, str] = {}
    for m in reading.mentions:
        if m.kind != "person" or m.code is not None or not m.name:
            continue
        span = doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
        code = reading.described(span) if span is not None else None
        if code is not None:
            by_name.setdefault(m.name, code)
    surnames = {name.split()[-1]: code for name, code in by_name.items() if " " in name}
    story = reading.story_country()
    countries = _sentence_countries(reading.mentions)
    out = []
    for original, m in zip(ordered, reading.mentions, strict=True):
        code = m.code if m is not original else None
        if m.kind == "person" and m.code is None and m.name:
            last = m.name.split()[-1]
            code = by_name.get(m.name) or surnames.get(last) or reading.by_surname.get(last) or "---CVL"
            if code.startswith("---") and story and countries.get(m.sentence_index, set()) <= {story}:
                code = story + code[3:]  # "Professor Eastman" in a story set in Australia
        out.append(original if code is None else _with_code(original, code))
    return out


def _sentence_countries(mentions: list[ActorMention]) -> dict[int, set[str]]:
    """Sentence index -> the countries of the state mentions in that sentence."""
    out: dict[int, set[str]] = {}
    for m in mentions:
        if m.kind == "state" and m.code and m.code[:3] not in ("IGO", "---"):
            out.setdefault(m.sentence_index, set()).add(m.code[:3])
    return out


def _with_code(mention: ActorMention, code: str) -> ActorMention:
    """``mention`` with a description's ``code``: coded when it gives a country, else its sector
    alone; a person with a country and no office is CAMEO's civilian (CVL)."""
    country, sector = code[:3], code[3:6] or None
    if mention.kind == "person" and sector is None:
        sector = "CVL"
    if country in ("---", ""):
        return replace(mention, sector=mention.sector or sector)
    if country == "IGO":
        return replace(mention, code=code, country=None, sector=mention.sector or sector)
    return replace(mention, code=country + (sector or ""), country=country, sector=sector)
