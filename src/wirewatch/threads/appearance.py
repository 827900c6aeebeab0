"""The typed records of threading: one appearance of a claim in one article, and a thread's summary."""

from __future__ import annotations

from dataclasses import dataclass, field

# How a claim came to be in an article:
#   a claim the extractor found ("direct", "indirect", ... as in Claim.kind),
#   "reprint": the article is a near-duplicate of one holding the claim (never analysed itself),
#   "own_voice": a sentence the publisher states itself that says what the thread's claim says.
REPRINT = "reprint"
OWN_VOICE = "own_voice"

# The public fields of a hop and of a thread (docs/schema.md), in this order.
HOP_FIELDS: tuple[str, ...] = (
    "thread_id", "position", "article_id", "claim_id", "kind", "publisher", "published_at", "url",
    "state_media", "speaker_name", "cue", "certainty", "hedges", "chain", "text", "char_start", "char_end",
    "relayed_from", "credits", "attribution", "laundering", "match", "shared_words", "same_speaker",
    "same_event", "drift", "hedges_added", "hedges_dropped", "certainty_change", "speaker_change",
    "numbers_before", "numbers_after", "words_added", "words_dropped",
)
THREAD_FIELDS: tuple[str, ...] = (
    "thread_id", "speaker", "content", "origin_article_id", "origin_claim_id", "origin_publisher",
    "origin_published_at", "first_outlet", "chain", "articles", "outlets", "state_hops", "laundered_hops",
    "drift", "first_seen", "last_seen",
)


@dataclass(slots=True)
class Appearance:
    thread_id: str
    article_id: str
    claim_id: str  # the claim's id; for own-voice text "s:<char_start>"; for a reprint, the original's claim
    kind: str
    text: str
    publisher: str | None = None
    published_at: str | None = None
    url: str | None = None
    state_media: bool = False
    speaker_name: str | None = None
    speaker_kind: str | None = None
    cue: str | None = None
    certainty: str | None = None
    hedges: list[str] = field(default_factory=list)
    chain: list[str] = field(default_factory=list)
    char_start: int | None = None
    char_end: int | None = None
    match: str = ""  # why it joined the thread, in words
    shared_words: list[str] = field(default_factory=list)
    same_speaker: bool = False
    same_event: bool = False
