"""Exports of stored events, claims and articles.

``csv``, ``parquet`` and ``jsonl`` hold any table with the public field names of docs/schema.md
(matching `wirewatch events --format json`); ``plover`` (PLOVER's JSON Lines layout) and
``gdelt`` (a GDELT 2.0-style event TSV) hold events only. Every export goes through the
store's query layer with the caller's ``EventQuery``: by default, as everywhere, asserted events
that have an actor; every layout carries each event's modality, so a wider export never passes
a negated or hypothetical event off as one that happened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from wirewatch.errors import WirewatchError
from wirewatch.export.csv_file import write_csv
from wirewatch.export.gdelt_tsv import write_gdelt_tsv
from wirewatch.export.jsonl_file import write_jsonl
from wirewatch.export.parquet_file import write_parquet
from wirewatch.export.plover_jsonl import write_plover_jsonl
from wirewatch.store import ArticleQuery, ClaimQuery, EventQuery, HopQuery, Store, ThreadQuery
from wirewatch.store.query import Query


class ExportError(WirewatchError):
    """An export that cannot be written; names the format, target or path."""


@dataclass(frozen=True, slots=True)
class ExportedFile:
    what: str
    path: Path | str
    rows: int


@dataclass(frozen=True, slots=True)
class Format:
    """One export layout: the file suffix, whether it holds only events, and its writer, which
    takes the store and the query and writes to a text or (``binary``) byte stream."""

    suffix: str
    write: Callable[[Store, Query, Any], int]
    binary: bool = False
    events_only: bool = False


def _write_table(writer: Callable[[Iterable[dict[str, Any]], Sequence[str], TextIO], int]) -> Callable[..., int]:
    def write(store: Store, query: Query, out: TextIO) -> int:
        return writer(store.fetch(query), query.fields, out)

    return write


def _write_parquet(store: Store, query: Query, out: BinaryIO) -> int:
    return write_parquet(store.fetch_arrow(query), out)


def _cited_articles(store: Store) -> dict[str, dict[str, Any]]:
    # Both event layouts cite the article (url, publication date) beside each event.
    return {a["article_id"]: {k: v for k, v in a.items() if k != "text"} for a in store.articles(ArticleQuery())}


def _write_plover(store: Store, query: Query, out: TextIO) -> int:
    from wirewatch import __version__

    return write_plover_jsonl(store.fetch(query), _cited_articles(store), out, coder=f"wirewatch {__version__}")


def _write_gdelt(store: Store, query: Query, out: TextIO) -> int:
    return write_gdelt_tsv(store.fetch(query), _cited_articles(store), out)


# The registry: a new layout is one entry here and one writer module.
EXPORT_FORMATS: dict[str, Format] = {
    "csv": Format(".csv", _write_table(write_csv)),
    "parquet": Format(".parquet", _write_parquet, binary=True),
    "jsonl": Format(".jsonl", _write_table(write_jsonl)),
    "plover": Format(".plover.jsonl", _write_plover, events_only=True),
    "gdelt": Format(".tsv", _write_gdelt, events_only=True),
}
FORMATS: dict[str, str] = {name: f.suffix for name, f in EXPORT_FORMATS.items()}
EVENT_ONLY_FORMATS: tuple[str, ...] = tuple(name for name, f in EXPORT_FORMATS.items() if f.events_only)

# The tables, each with the query that selects what an export holds by default: events as the
# caller's filters say; threads carried by two articles or more, as `wirewatch threads` lists
# them, and their hops.
TABLES: dict[str, Callable[[EventQuery | None], Query]] = {
    "events": lambda events: events or EventQuery(),
    "claims": lambda events: ClaimQuery(),
    "articles": lambda events: ArticleQuery(),
    "threads": lambda events: ThreadQuery(),
    "hops": lambda events: HopQuery(min_articles=2),
}
WHATS: tuple[str, ...] = tuple(TABLES)
# `--what all`: the per-article tables (threads and hops are exported by name).
ALL_WHATS: tuple[str, ...] = ("events", "claims", "articles")


def _format(fmt: str) -> Format:
    if fmt not in EXPORT_FORMATS:
        raise ExportError(f"format {fmt!r} is not one of {', '.join(EXPORT_FORMATS)}")
    return EXPORT_FORMATS[fmt]


def _check(what: str, fmt: str) -> Format:
    layout = _format(fmt)
    if what not in TABLES:
        raise ExportError(f"{what!r} cannot be exported; choose one of {', '.join(WHATS)} or all")
    if layout.events_only and what != "events":
        raise ExportError(f"format {fmt!r} holds events only; use --what events")
    return layout


def export_table(
    store: Store, what: str, fmt: str, path: Path, query: Query | None = None, events: EventQuery | None = None
) -> ExportedFile:
    """Write one of events/claims/articles to ``path`` in ``fmt`` (events as ``events`` filters them)."""
    layout = _check(what, fmt)
    query = query or TABLES[what](events)
    try:
        if layout.binary:
            with path.open("wb") as binary:
                rows = layout.write(store, query, binary)
        else:
            with path.open("w", encoding="utf-8", newline="") as out:
                rows = layout.write(store, query, out)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    return ExportedFile(what=what, path=path, rows=rows)


def export_to_stream(
    store: Store, what: str, fmt: str, text: TextIO, binary: BinaryIO | None, events: EventQuery | None = None
) -> ExportedFile:
    """Write one table to an open stream (``--out -``): text formats to ``text``, Parquet to ``binary``."""
    if what == "all":
        raise ExportError("--what all writes one file per table; give a folder as --out, not -")
    layout = _check(what, fmt)
    if not layout.binary:
        rows = layout.write(store, TABLES[what](events), text)
        text.flush()
        return ExportedFile(what=what, path="stdout", rows=rows)
    if binary is None:
        raise ExportError(f"{fmt} is binary; it needs a file or a byte stream")
    text.flush()
    rows = layout.write(store, TABLES[what](events), binary)
    binary.flush()
    return ExportedFile(what=what, path="stdout", rows=rows)


def export_store(store: Store, what: str, fmt: str, out: Path, events: EventQuery | None = None) -> list[ExportedFile]:
    """Export ``what`` (events, claims, articles, threads, hops or all) to ``out``.

    For one table ``out`` is the file to write, or a folder to write ``<what>.<ext>`` into;
    for ``all`` it is a folder (created if missing) that receives one file per table.
    """
    layout = _format(fmt)
    if what != "all" and what not in TABLES:
        raise ExportError(f"{what!r} cannot be exported; choose one of {', '.join(WHATS)} or all")
    out = Path(out)
    if what == "all":
        if out.exists() and not out.is_dir():
            raise ExportError(f"{out}: --what all writes one file per table, so --out must be a folder")
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ExportError(f"{out}: cannot create folder: {exc.strerror or exc}") from exc
        whats = ("events",) if layout.events_only else ALL_WHATS
        return [export_table(store, w, fmt, out / f"{w}{FORMATS[fmt]}", events=events) for w in whats]
    target = out / f"{what}{FORMATS[fmt]}" if out.is_dir() else out
    return [export_table(store, what, fmt, target, events=events)]


__all__ = [
    "EVENT_ONLY_FORMATS", "EXPORT_FORMATS", "FORMATS", "TABLES", "WHATS", "ExportError", "ExportedFile", "Format",
    "export_store", "export_table", "export_to_stream",
]
