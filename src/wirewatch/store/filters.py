"""The filters of every listing, declared once: the CLI options and the HTTP parameters are both
generated from these tables, so each interface offers the same filters under the same names.

A ``Filter`` is named once: ``--name`` on the command line (underscores as dashes; a yes/no
filter may spell its two flags, ``--attributed/--publisher-voice``) and ``name`` in a query
string. ``build_query`` turns the values given (from either side) into the query object, so
the meaning of a value is written here and nowhere else: a blank text is no filter, text is
stripped, ``modality=all`` is every modality, ``coding`` picks the actor coverage.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from wirewatch.events.confidence import SHOWN_FLOOR
from wirewatch.records import CERTAINTIES, CLAIM_KINDS, MODALITIES
from wirewatch.store.copies_query import CopiesQuery
from wirewatch.store.event_dates import PRECISIONS
from wirewatch.store.query import ArticleQuery, ClaimQuery, EventQuery, QueryError
from wirewatch.store.thread_query import DRIFT_MARKS, ThreadQuery

# What kind of value a filter takes; each interface maps these to its own types.
TEXT = "text"  # one string; blank is no filter
TEXTS = "texts"  # repeatable strings (--x a --x b; x=a&x=b)
YES_NO = "yes_no"  # True, False or not given (or its default)
FLAG = "flag"  # given or not
NUMBER = "number"  # an integer, within minimum..maximum
FRACTION = "fraction"  # a decimal number, within minimum..maximum
CHOICE = "choice"  # one of ``choices``, with a default

CODINGS = ("coded", "uncoded", "all")
_CODED = {"coded": True, "uncoded": False, "all": None}


@dataclass(frozen=True, slots=True)
class Filter:
    name: str  # the public name (CLI ``--name`` with dashes, HTTP ``name``)
    field: str  # the query object's attribute it sets
    kind: str
    help: str
    choices: tuple[str, ...] = ()
    default: Any = None
    minimum: int | None = None
    maximum: int | None = None
    flags: str | None = None  # the CLI's yes/no spelling ("--state-media/--no-state-media")
    max_length: int | None = None  # HTTP: longest text accepted (free-text search)

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")


Q = TypeVar("Q")


@dataclass(frozen=True, slots=True)
class FilterTable:
    """The filters of one listing, in the order ``--help`` and the API schema list them."""

    query_type: type
    filters: tuple[Filter, ...]

    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.filters)

    def build(self, values: Mapping[str, Any], **extra: Any) -> Any:
        """The query object for ``values`` (by filter name; missing ones are not given)."""
        fields: dict[str, Any] = {}
        for spec in self.filters:
            value = _clean(spec, values.get(spec.name, spec.default))
            _CONVERT.get(spec.name, _plain)(spec, value, fields)
        return self.query_type(**fields, **extra)


def _clean(spec: Filter, value: Any) -> Any:
    if spec.kind == TEXT:
        return (value or "").strip() or None
    if spec.kind == TEXTS:
        values = tuple(v.strip() for v in value or () if v and v.strip())
        # Checked here too, not only by the query: a value its query would ignore (a modality
        # beside all_modalities) is still refused, so a typo never passes unnoticed.
        for bad in (v for v in values if spec.choices and v not in spec.choices):
            raise QueryError(f"{spec.name} {bad!r} is not one of {', '.join(spec.choices)}")
        return values
    if spec.kind == FLAG:
        return bool(value)
    if spec.kind == CHOICE and value not in spec.choices:
        raise QueryError(f"{spec.option} {value!r} is not one of {', '.join(spec.choices)}")
    return value


def _plain(spec: Filter, value: Any, fields: dict[str, Any]) -> None:
    fields[spec.field] = value


def _modality(spec: Filter, value: tuple[str, ...], fields: dict[str, Any]) -> None:
    # "all" among the modalities is every modality (what the dashboard's menu sends).
    if "all" in value:
        fields["include_all_modalities"] = True
        value = ()
    fields["modality"] = value


def _all_modalities(spec: Filter, value: bool, fields: dict[str, Any]) -> None:
    fields["include_all_modalities"] = value or fields.get("include_all_modalities", False)


def _coding(spec: Filter, value: str, fields: dict[str, Any]) -> None:
    fields["coded"] = _CODED[value]


_CONVERT: dict[str, Callable[[Filter, Any, dict[str, Any]], None]] = {
    "modality": _modality,
    "all_modalities": _all_modalities,
    "coding": _coding,
}

_SINCE = Filter("since", "since", TEXT, "From this date: YYYY, YYYY-MM or YYYY-MM-DD.")
_UNTIL = Filter("until", "until", TEXT, "Up to this date (inclusive), same forms.")
_ARTICLE = Filter("article", "article_id", TEXT, "Only this article (id or id prefix).")
_CERTAINTY = Filter("certainty", "certainty", TEXTS, f"Certainty levels to include (repeatable): {', '.join(CERTAINTIES)}.",
                    choices=CERTAINTIES)

EVENT_FILTERS = FilterTable(EventQuery, (
    Filter("actor", "actor", TEXT, "Source or target: actor code prefix (RUS, VENMIL) or words."),
    Filter("source", "source", TEXT, "Source actor only (code prefix); with target, a dyad."),
    Filter("target", "target", TEXT, "Target actor only (code prefix)."),
    Filter("country", "country", TEXT, "ISO3 country of source, target or place."),
    Filter("sector", "sector", TEXT, "Sector code of source or target (GOV, MIL, MED...)."),
    Filter("type", "event_type", TEXT, "PLOVER type (e.g. protest) or CAMEO code/root prefix (e.g. 19, 042)."),
    Filter("quad_class", "quad_class", NUMBER, "1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict.",
           minimum=1, maximum=4),
    Filter("modality", "modality", TEXTS,
           f"Include events of this modality (repeatable: {', '.join(MODALITIES)}), or all; default: asserted only.",
           choices=(*MODALITIES, "all")),
    Filter("all_modalities", "include_all_modalities", FLAG, "Include negated, hypothetical, future and hedged events.",
           default=False),
    Filter("coding", "coded", CHOICE,
           "coded (default: events with a source or target actor), uncoded (neither: kept for review) or all.",
           choices=CODINGS, default="coded"),
    Filter("min_confidence", "min_confidence", FRACTION,
           f"Only events at least this likely right, as the confidence model estimates (0 to 1; default "
           f"{SHOWN_FLOOR}: not held very likely wrong; 0 shows every event).",
           default=SHOWN_FLOOR, minimum=0, maximum=1),
    _CERTAINTY,
    Filter("attributed", "attributed", YES_NO,
           "Only events inside someone's claim (yes) / only those the publisher asserts itself (no).",
           flags="--attributed/--publisher-voice"),
    _SINCE,
    _UNTIL,
    Filter("day_from", "day_from", TEXT, "From this day (YYYY-MM-DD) as the timeline's bars count it: the event's own "
           "day, or its article's when it has no date (events dated to a month or year have no day)."),
    Filter("day_to", "day_to", TEXT, "Up to this day, same reckoning."),
    Filter("precision", "precision", TEXTS, "How the event is dated (repeatable): day, report (no date of its own: "
           "its article's day), month, year, range, undated.", choices=PRECISIONS),
    Filter("place", "place", TEXT, "Words of the place name, or its ISO3 country."),
    Filter("q", "text", TEXT, "Words of the evidence sentence.", max_length=200),
    _ARTICLE,
    Filter("claim", "claim_id", TEXT, "Events inside this claim (claim id)."),
    Filter("cluster", "cluster_id", TEXT, "Events of this cluster (cluster id)."),
    Filter("claimant", "claimant", TEXT, "Who says so: words of the speaker's name, or a speaker code prefix."),
    Filter("outlet", "outlet", TEXT, "An outlet in the reporting chain of the event's claim, or the publisher (words)."),
    Filter("state_media", "state_media", YES_NO,
           "Only events a state-affiliated outlet is source of, relays or publishes (yes) / only the others (no).",
           flags="--state-media/--no-state-media"),
))

CLAIM_FILTERS = FilterTable(ClaimQuery, (
    Filter("speaker", "speaker", TEXT, "Words of the speaker's text or name, or a code prefix."),
    Filter("kind", "kind", TEXT, f"{', '.join(CLAIM_KINDS[:-1])} or {CLAIM_KINDS[-1]}.", choices=CLAIM_KINDS),
    Filter("outlet", "outlet", TEXT, "An outlet in the reporting chain, or the publisher (words)."),
    Filter("state_media", "state_media", YES_NO,
           "Only claims a state-affiliated outlet speaks, relays or publishes (yes) / only the others (no).",
           flags="--state-media/--no-state-media"),
    _CERTAINTY,
    Filter("since", "since", TEXT, "Published from this date: YYYY, YYYY-MM or YYYY-MM-DD."),
    Filter("until", "until", TEXT, "Published up to this date (inclusive), same forms."),
    _ARTICLE,
))

ARTICLE_FILTERS = FilterTable(ArticleQuery, (
    Filter("publisher", "publisher", TEXT, "Words of the publisher."),
    Filter("since", "since", TEXT, "Published from this date: YYYY, YYYY-MM or YYYY-MM-DD."),
    Filter("until", "until", TEXT, "Published up to this date (inclusive), same forms."),
    _ARTICLE,
))

THREAD_FILTERS = FilterTable(ThreadQuery, (
    Filter("speaker", "speaker", TEXT, "Words of the thread's speaker."),
    Filter("outlet", "outlet", TEXT, "An outlet that carried it or is named in its chain."),
    Filter("state_media", "state_media", YES_NO,
           "Only threads a state-affiliated outlet carried (yes) / the others (no).",
           flags="--state-media/--no-state-media"),
    Filter("drift", "drift", TEXT, "Only threads with this drift: any, " + ", ".join(repr(d) for d in DRIFT_MARKS) + ".",
           choices=("any", *DRIFT_MARKS)),
    Filter("laundering", "laundering", YES_NO,
           "Only threads where an outlet dropped the attribution (yes) / the others (no).",
           flags="--laundering/--no-laundering"),
    Filter("min_articles", "min_articles", NUMBER, "Threads carried by at least this many articles (1 lists every claim's thread).",
           default=2, minimum=1),
    Filter("since", "since", TEXT, "Seen on or after this date: YYYY, YYYY-MM or YYYY-MM-DD."),
    Filter("until", "until", TEXT, "Seen on or before this date (inclusive), same forms."),
    Filter("article", "article_id", TEXT, "Threads with an appearance in this article (id or id prefix)."),
))

COPIES_FILTERS = FilterTable(CopiesQuery, (
    Filter("partial", "partial", YES_NO, "Include partial reuse (wire copy inside a longer story).",
           default=True, flags="--partial/--no-partial"),
))
