"""Place mentions in a parsed article, resolved together.

1. GPE/LOC/FAC entities; person or organisation entities that are really places (a country, a
   metonym like "the Kremlin", a city right after "in"); proper-noun runs the NER left untagged
   that name a country, state, region or large city.
2. Demonyms that locate a place noun ("Venezuelan waters", "the Polish border").
3. All names are resolved together (``places.resolve``), so namesakes are settled by the others.
4. Definite anaphors ("the region", "the country") take the most salient earlier place of their
   kind, counting places in the title and lede double.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.attrs import POS, TAG
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span

from wirewatch.nlp.doc_ents import doc_ents
from wirewatch.nlp.token_arrays import tokens_at
from wirewatch.places.gazetteer import MATCH_DEMONYM, MATCH_NAME, Gazetteer, Place
from wirewatch.places.lexicons import PlaceLexicons
from wirewatch.places.locatives import Locatives, is_place_noun
from wirewatch.places.resolve import resolve_toponyms

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_STRONG_KINDS = frozenset({"country", "state", "region"})
_UNTAGGED_CITY_POPULATION = 100_000  # a proper noun the NER missed is taken as a city only if this large
_LEDE_CHARS = 300  # the title and first lines: places named there are what the article is about


@dataclass(slots=True)
class Toponym:
    span: Span
    text: str
    place: Place | None = None
    demonym: bool = False
    anaphor: str | None = None  # the kind of place an anaphor ("the region") refers back to


def _clean_span(span: Span) -> Span:
    doc = span.doc
    start, end = span.start, span.end
    while start < end and doc[start].lower_ in ("the", "’s", "'s"):
        start += 1
    while end > start and ((last := doc[end - 1]).tag_ == "POS" or last.lower_ in ("’s", "'s", "’", "'")):
        end -= 1
    return doc[start:end]


def _strong_name(gazetteer: Gazetteer, text: str, cities: bool = False) -> bool:
    return any(
        c.match == MATCH_NAME
        and (c.place.kind in _STRONG_KINDS or (cities and c.place.population >= _UNTAGGED_CITY_POPULATION))
        for c in gazetteer.lookup(text)
    )


def find_toponyms(doc: Doc, gazetteer: Gazetteer, lexicons: PlaceLexicons, title: str | None = None) -> list[Toponym]:
    """Every place mention in ``doc``, resolved in the context of all the others."""
    loc = lexicons.locatives
    found: list[Toponym] = []
    taken: set[int] = set()
    for ent in doc_ents(doc):
        span = _clean_span(ent)
        if not len(span):
            continue
        if ent.label_ in PLACE_LABELS or (ent.label_ != "NORP" and _mislabelled_place(span, gazetteer, loc)):
            found.append(Toponym(span, span.text))
        elif ent.label_ == "NORP" and is_place_noun(span.root.head, loc):
            found.append(Toponym(span, span.text, demonym=True))
        taken.update(range(ent.start, ent.end))  # people and organisations are not searched again
    found.extend(_untagged_names(doc, gazetteer, taken))
    names = [t.text for t in found]
    for top, res in zip(found, resolve_toponyms(names, gazetteer, lexicons.toponyms), strict=False):
        top.place = res.place
        top.demonym = top.demonym or res.match == MATCH_DEMONYM
    found.extend(_anaphors(doc, taken, loc))
    found.sort(key=lambda t: t.span.start)
    _resolve_anaphors(found, _title_places(title, gazetteer))
    return found


def _mislabelled_place(span: Span, gazetteer: Gazetteer, loc: Locatives) -> bool:
    # A person or organisation entity that is a country or region ("Cuba" read as a person), a
    # metonym ("the Kremlin"), a large city right after "in"/"near" ("in Lyon"), or a town that a
    # verb like "shelled" takes as its object.
    text = span.text
    if _strong_name(gazetteer, text) or gazetteer.is_alias(text):
        return True
    root = span.root
    if root.dep_ == "dobj" and root.head.lemma_.casefold() in loc.place_only_object_verbs and any(
            c.match == MATCH_NAME and c.place.kind in ("city", "state") for c in gazetteer.lookup(text)):
        return True  # "shelled Kharkiv", whatever the NER thought
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ == "the" and span.start > 1:
        before = span.doc[span.start - 2]
    return before is not None and before.lower_ in loc.at_place and _strong_name(gazetteer, text, cities=True)


def _untagged_names(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> list[Toponym]:
    # Places the NER left untagged or mislabelled ("Cuba" read as a person happens): countries,
    # states and regions, and cities large enough that a namesake person is unlikely.
    out = []
    proper = [pos == PROPN for pos in doc.to_array(POS).tolist()]  # no Token made per word
    i = 0
    while i < len(doc):
        if i in taken or not proper[i]:
            i += 1
            continue
        for size in (4, 3, 2, 1):
            if i + size > len(doc) or not all(proper[j] and j not in taken for j in range(i, i + size)):
                continue
            span = doc[i : i + size]
            if _strong_name(gazetteer, span.text, cities=True):
                out.append(Toponym(span, span.text))
                taken.update(range(span.start, span.end))
                i += size
                break
        else:
            i += 1
    return out


def _anaphors(doc: Doc, taken: set[int], loc: Locatives) -> list[Toponym]:
    out = []
    rows = doc.to_array([POS, TAG])  # singular common nouns only
    for tok in tokens_at(doc, (rows[:, 0] == NOUN) & (rows[:, 1] == doc.vocab.strings["NN"])):
        kind = loc.anaphors.get(tok.lemma_.casefold())
        if kind and tok.i not in taken:
            if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not any(
                c.dep_ in ("amod", "compound", "prep", "acl", "relcl") for c in tok.children
            ):
                span = doc[tok.i - 1 : tok.i + 1] if tok.i and doc[tok.i - 1].lower_ == "the" else doc[tok.i : tok.i + 1]
                out.append(Toponym(span, span.text, anaphor=kind))
    return out


_CAPITALISED_RUN = re.compile(r"[A-Z][\w'\u2019.-]*(?: (?:of |the )?[A-Z][\w'\u2019.-]*)*")


def _title_places(title: str | None, gazetteer: Gazetteer) -> list[Place]:
    """Countries, states and regions named in the title (the title is not part of the parsed text)."""
    places: list[Place] = []
    for run in _CAPITALISED_RUN.findall(title or ""):
        words = re.sub(r"['\u2019]s\b", "", run).split(" ")
        for size in range(len(words), 0, -1):
            for start in range(len(words) - size + 1):
                text = " ".join(words[start : start + size])
                hits = [c.place for c in gazetteer.lookup(text) if c.match == MATCH_NAME and c.place.kind in _STRONG_KINDS]
                if hits and hits[0].lat is not None:
                    places.append(hits[0])
    return places


def _resolve_anaphors(toponyms: Sequence[Toponym], title_places: Sequence[Place]) -> None:
    # Salience: mentions so far, double in the title and lede; ties go to the most recent.
    weights: dict[int, float] = {}
    last: dict[int, int] = {}
    places: dict[int, Place] = {}
    for title_place in title_places:
        weights[id(title_place)] = weights.get(id(title_place), 0.0) + 2.0
        last[id(title_place)] = -1
        places[id(title_place)] = title_place
    for top in toponyms:
        if top.anaphor is None:
            place = top.place
            if place is None or place.lat is None:
                continue
            pid = id(place)
            bonus = 2.0 if top.span.start_char < _LEDE_CHARS else 1.0
            weights[pid] = weights.get(pid, 0.0) + (0.5 if top.demonym else 1.0) * bonus
            last[pid] = top.span.start
            places[pid] = place
            continue
        kinds = {"region": ("region",), "country": ("country",)}.get(top.anaphor, (top.anaphor,))
        best = max((pid for pid, p in places.items() if p.kind in kinds),
                   key=lambda pid: (weights[pid], last[pid]), default=None)
        top.place = places[best] if best is not None else None
