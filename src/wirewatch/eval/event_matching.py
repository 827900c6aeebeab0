"""The news_events matching rule: which coded events are the same as which gold events.

A coded event matches a gold event, one to one, at three nested levels (the rule in
``news_events/README.md``):

- **located**: the coded event's evidence sentence holds the gold trigger and shares at least half
  of the gold evidence's words;
- **typed**: located, and the same PLOVER type or the same CAMEO root;
- **strict**: typed, and the same source country and target country (the first three letters of
  the codes, so ``USAGOV`` is ``USA`` and ``IGOUNO`` is ``IGO``); either direction when the gold
  event is reciprocal; a gold ``---`` country matches any country, and a gold event with no
  source (or target) matches only a coded event with none.

A reciprocal act is one gold record ("mutual acts one record"), while the coder writes CAMEO's two
directed events ("A meets B", "B meets A", marked ``reciprocal`` in the rule): ``fold_reciprocal``
counts the two as one coded event, as the GSR scoring folds them into one actor list.

Each level is its own maximum one-to-one matching (augmenting paths), so a stricter level never
matches more pairs than a looser one. Words are lower-cased ``\\w+`` runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

LEVELS = ("located", "typed", "strict")
ANY_COUNTRY = "---"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One annotated event, reduced to what the matching rule and the report need."""

    ident: str  # article and id, for the misses list
    evidence: str
    trigger: str
    source: str | None  # country part of the code, "---" for unknown, None for no actor
    target: str | None
    cameo_root: str
    plover: str
    modality: str
    reciprocal: bool = False
    in_title: bool = False
    attributed_to: str | None = None  # who reports the event, when it is someone's claim
    date: str | None = None  # YYYY-MM-DD, YYYY-MM, YYYY or A/B (a range); None when not given
    place_country: str | None = None  # ISO3 of where it happened; None when not given


@dataclass(frozen=True, slots=True)
class CodedEvent:
    """One event the coder produced, reduced the same way."""

    evidence: str
    source: str | None
    target: str | None
    cameo_root: str
    plover: str
    modality: str
    rule: str = ""
    claimant: str | None = None  # the speaker of the claim the event sits in, if any
    date: str | None = None  # the coder's value at its granularity (2024, 2024-05, 2024-05-03, 2022/2025)
    place_country: str | None = None
    confidence: float = 1.0  # the model's probability that the event is right (events.confidence)
    shown: bool = False  # shown by the interfaces by default (events.confidence.shown_by_default)


def country(code: str | None) -> str | None:
    """The country part of a CAMEO-style actor code (``USAGOV`` -> ``USA``), None for no actor."""
    return code[:3].upper() if code else None


def words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


def located(coded: CodedEvent, gold: GoldEvent) -> bool:
    if _squash(gold.trigger) not in _squash(coded.evidence):
        return False
    wanted = words(gold.evidence)
    return len(wanted & words(coded.evidence)) * 2 >= len(wanted)


def typed(coded: CodedEvent, gold: GoldEvent) -> bool:
    return located(coded, gold) and (coded.plover == gold.plover or coded.cameo_root == gold.cameo_root)


def _same(gold: str | None, coded: str | None) -> bool:
    if gold == ANY_COUNTRY:
        return True
    return gold == coded


def strict(coded: CodedEvent, gold: GoldEvent) -> bool:
    if not typed(coded, gold):
        return False
    if _same(gold.source, coded.source) and _same(gold.target, coded.target):
        return True
    return gold.reciprocal and _same(gold.source, coded.target) and _same(gold.target, coded.source)


# Words that name nobody: a claimant and a gold attribution must share another word.
_NOT_NAMES = frozenset({"the", "a", "an", "of", "and", "his", "her", "its", "their", "mr", "mrs", "ms", "dr"})


def attribution_right(coded: CodedEvent, gold: GoldEvent) -> bool:
    """The event is credited to the right reporter: nobody when the gold event is stated by the
    article itself; else a claimant sharing a name word with the gold attribution ("Nureddine
    Mehmud" / "Mehmud", "Russian state TV and Interfax" / "Interfax"). An unresolved pronoun
    ("he") shares none and is wrong."""
    claimant = None if coded.claimant in (None, "unattributed") else coded.claimant
    if gold.attributed_to is None:
        return claimant is None
    if claimant is None:
        return False
    return bool((words(claimant) & words(gold.attributed_to)) - _NOT_NAMES)


def _bounds(value: str) -> tuple[str, str]:
    """The first and last day a date value covers, as ISO strings ("2018-03" -> 2018-03-01, 2018-03-31;
    months are taken as 31 days: only the order of the strings is compared)."""
    first, _, last = value.partition("/")
    last = last or first

    def fill(v: str, low: bool) -> str:
        parts = v.split("-")
        parts += ["01" if low else "12", "01" if low else "31"][len(parts) - 1:]
        return "-".join(parts[:3])

    return fill(first, True), fill(last, False)


def date_right(coded: CodedEvent, gold: GoldEvent) -> bool:
    """The coded date is the gold date or lies inside it (a day within the gold range or month), or
    holds it (the year 2017 for a gold 2017-05-14: less precise, not wrong)."""
    if gold.date is None or coded.date is None:
        return False
    (g0, g1), (c0, c1) = _bounds(gold.date), _bounds(coded.date)
    return (g0 <= c0 and c1 <= g1) or (c0 <= g0 and g1 <= c1)


TESTS: dict[str, Callable[[CodedEvent, GoldEvent], bool]] = {"located": located, "typed": typed, "strict": strict}


def match(coded: Sequence[CodedEvent], gold: Sequence[GoldEvent], level: str) -> dict[int, int]:
    """Maximum one-to-one matching at ``level``: {coded index: gold index}.

    Among the gold events a coded event could take, the one with the same modality is tried first,
    so the modality accuracy is measured on the best pairing the matching allows.
    """
    test = TESTS[level]
    options: list[list[int]] = []
    for c in coded:
        fits = [g for g, ref in enumerate(gold) if test(c, ref)]
        fits.sort(key=lambda g: gold[g].modality != c.modality)
        options.append(fits)
    owner: dict[int, int] = {}  # gold index -> coded index

    def claim(c: int, seen: set[int]) -> bool:
        for g in options[c]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or claim(owner[g], seen):
                owner[g] = c
                return True
        return False

    for index in range(len(coded)):
        claim(index, set())
    return {c: g for g, c in owner.items()}


def fold_reciprocal(coded: Sequence[CodedEvent]) -> list[CodedEvent]:
    """The coded events with the second of each reciprocal pair dropped: the same clause, rule and
    type with the two sides swapped is the one mutual act the gold records once."""
    seen: set[tuple[str, str, str, frozenset[str | None]]] = set()
    out: list[CodedEvent] = []
    for event in coded:
        if event.rule.endswith(" reciprocal"):
            key = (event.evidence, event.rule, event.cameo_root, frozenset((event.source, event.target)))
            if key in seen:
                continue
            seen.add(key)
        out.append(event)
    return out
