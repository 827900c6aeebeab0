"""What extraction yields before an input is accepted as an Article."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class ExtractedDocument:
    """Cleaned body text and the metadata found beside it (any field may be missing)."""

    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: str | None = None
    boilerplate_removed: int = 0
    kind: str = "text"  # "text" or "html": how the body was found
