"""Copied articles (reprints and reuse, grouped by original) as a query object: the rows of
`wirewatch duplicates` and ``GET /api/duplicates``, in one JSON shape."""

from __future__ import annotations

from dataclasses import dataclass

from wirewatch.store.query import _check_paging

# The columns of a copies listing in CSV (JSON adds each group's ``members``).
COPIES_FIELDS: tuple[str, ...] = (
    "original_id", "articles", "exact", "duplicates", "partial", "outlets", "first_article_id",
    "first_publisher", "first_published_at", "title",
)


@dataclass(frozen=True, slots=True)
class CopiesQuery:
    """Originals that were reprinted or reused, most copied first. ``partial`` False leaves out
    groups with only partial reuse (wire copy inside a longer story). Grouping is done in
    Python over the store's copy tables (``store.copies``), so ``Store.copies`` runs it."""

    partial: bool = True
    limit: int | None = None
    offset: int = 0

    fields = COPIES_FIELDS

    def check(self) -> None:
        _check_paging(self.limit, self.offset)
