"""The public schema: the records every stage takes and returns.

Field names are the public schema (docs/schema.md) and are stable: they are the JSON keys, CSV
columns and DuckDB columns alike. Bump ``SCHEMA_VERSION`` (and add a store
migration) whenever a field is added, renamed or changes meaning.
"""

from __future__ import annotations

import copyreg
import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, TypeVar

SCHEMA_VERSION = 6
# Event.sentence_index of an event stated in the article's title (its offsets are into the title).
TITLE_SENTENCE = -1

Modality = Literal["asserted", "negated", "hypothetical", "future", "hedged"]
MODALITIES: tuple[str, ...] = ("asserted", "negated", "hypothetical", "future", "hedged")

ClaimKind = Literal["direct", "indirect", "mixed", "according_to", "unattributed"]
CLAIM_KINDS: tuple[str, ...] = ("direct", "indirect", "mixed", "according_to", "unattributed")

# Certainty levels shared by claims and events, from least to most sure.
Certainty = Literal["low", "medium", "high"]
CERTAINTIES: tuple[str, ...] = ("low", "medium", "high")

ActorKind = Literal["state", "person", "organisation", "outlet"]


def stable_id(*parts: object, length: int = 16) -> str:
    """A short, stable hex id from the given parts (same parts, same id, any machine)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(slots=True)
class Article:
    article_id: str
    text: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: str | None = None  # ISO 8601 date or datetime, as found
    language: str | None = None
    source: str | None = None  # file path (and record position) it came from
    near_duplicate_of: str | None = None
    boilerplate_removed: int = 0  # lines or blocks dropped as boilerplate
    state_media: bool = False  # published on a state-affiliated outlet's domain (media.registry)


@dataclass(slots=True)
class ActorMention:
    mention_id: str
    article_id: str
    sentence_index: int
    char_start: int
    char_end: int
    text: str
    code: str | None  # CAMEO style: country ISO3 + sector, e.g. RUSGOV, VENMIL, IGOEUREU
    name: str | None = None  # canonical name of who is meant ("Vladimir Putin", "Russia")
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # GOV, MIL, MED, ...
    kind: str | None = None  # one of ActorKind
    state_media: bool = False


@dataclass(slots=True)
class Event:
    event_id: str
    article_id: str
    sentence_index: int
    char_start: int
    char_end: int
    evidence: str
    source_text: str | None
    source_code: str | None
    source_country: str | None
    source_sector: str | None
    target_text: str | None
    target_code: str | None
    target_country: str | None
    target_sector: str | None
    cameo_code: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover_type: str
    plover_mode: str | None = None
    plover_contexts: list[str] = field(default_factory=list)
    modality: str = "asserted"
    certainty: str = "high"
    claim_id: str | None = None
    claimant: str | None = None
    place_text: str | None = None
    place_name: str | None = None
    place_country: str | None = None
    place_geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    date: str | None = None  # ISO value at its granularity: 2024, 2024-05, 2024-05-03, 2022/2025
    date_granularity: str | None = None  # day, month, year, range, decade
    date_text: str | None = None
    rule: str = ""
    confidence: float = 0.0
    cluster_id: str | None = None
    # A state-affiliated outlet speaks (source actor), relays it (claim chain) or publishes it.
    state_media: bool = False
    # The word(s) that express the event ("shelled", "talks"), as offsets in the same text as
    # char_start/char_end: the evidence is the whole sentence, the trigger says which part of it
    # the event was read from (a sentence can hold a speaker's verb and the reported act).
    trigger_start: int | None = None
    trigger_end: int | None = None


@dataclass(slots=True)
class Claim:
    claim_id: str
    article_id: str
    kind: str  # one of CLAIM_KINDS
    speaker_text: str | None
    speaker_name: str | None
    speaker_code: str | None
    speaker_kind: str | None
    cue: str | None
    content: str
    char_start: int  # of the content span in Article.text
    char_end: int
    certainty: str = "high"
    hedges: list[str] = field(default_factory=list)
    chain: list[str] = field(default_factory=list)  # speaker -> first outlet -> relays -> publisher
    state_media: bool = False
    # Offsets of the speaker and cue spans (None when the claim has none, e.g. unattributed).
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None


@dataclass(slots=True)
class InputProblem:
    """An input that could not be analysed, and why. Recorded, never fatal to a batch."""

    source: str
    reason: str


@dataclass(slots=True)
class Analysis:
    """Everything found in one article."""

    article: Article
    mentions: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": to_dict(self.article),
            "mentions": [to_dict(m) for m in self.mentions],
            "events": [to_dict(e) for e in self.events],
            "claims": [to_dict(c) for c in self.claims],
        }


R = TypeVar("R", Article, ActorMention, Event, Claim, InputProblem)


def _pickle_by_values(record: Any) -> tuple[type, tuple[Any, ...]]:
    # A record pickles as its constructor call with every field's value: about two thirds
    # of the bytes, and under half the unpickling time, of the default slot-by-slot state.
    # Worker processes send tens of records per article to the one parent that stores them.
    return type(record), tuple(getattr(record, name) for name in record.__slots__)


for _record_type in (Article, ActorMention, Event, Claim, InputProblem, Analysis):
    copyreg.pickle(_record_type, _pickle_by_values)


def to_dict(record: Any) -> dict[str, Any]:
    return asdict(record)


def field_names(record_type: type) -> list[str]:
    return [f.name for f in fields(record_type)]


def from_dict(record_type: type[R], data: dict[str, Any]) -> R:
    """Build a record from a mapping, ignoring keys the record does not have."""
    names = set(field_names(record_type))
    return record_type(**{k: v for k, v in data.items() if k in names})
