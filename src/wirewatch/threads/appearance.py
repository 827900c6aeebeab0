"""The typed records of threading: one appearance of a claim in one article, and a thread's summary."""

from __future__ import annotations

from dataclasses import dataclass, field

# How a claim came to be in an article:
#   a claim the extractor found ("direct", "indirect", ... as in Claim.kind),
#   "reprint": the article is a near-duplicate of one holding the claim (never analysed itself),
#   "own_voice": a sentence the publisher states itself that says what the thread's claim says.
REPRINT = "reprint"
OWN_VOICE = "own_voice"


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
