"""Exports of stored events, claims and articles.

``csv``, ``parquet`` and ``jsonl`` hold any table with the public field names of docs/schema.md
(matching `wirewatch events --format json`); ``plover`` (PLOVER's JSON Lines layout) and
``gdelt`` (a GDELT 2.0-style event TSV) hold events only. Every export goes through the
store's query layer with the caller's ``EventQuery``: by default, as everywhere, asserted events
that have an actor; every layout carries each event's modality, so a wider export never passes
a negated or hypothetical event off as one that happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from wirewatch.errors import WirewatchError
from wirewatch.export.csv_file import write_csv
from wirewatch.export.gdelt_tsv import write_gdelt_tsv
from wirewatch.export.jsonl_file import write_jsonl
from wirewatch.export.parquet_file import write_parquet
from wirewatch.export.plover_jsonl import write_plover_jsonl
from wirewatch.store import ArticleQuery, ClaimQuery, EventQuery, HopQuery, Store, ThreadQuery
from wirewatch.store.query import Query

FORMATS: dict[str, str] = {
    "csv": ".csv", "parquet": ".parquet", "jsonl": ".jsonl", "plover": ".plover.jsonl", "gdelt": ".tsv",
}
EVENT_ONLY_FORMATS: tuple[str, ...] = ("plover", "gdelt")
WHATS: tuple[str, ...] = ("events", "claims", "articles", "threads", "hops")
# `--what all`: the per-article tables (threads and hops are exported by name).
ALL_WHATS: tuple[str, ...] = ("events", "claims", "articles")


class ExportError(WirewatchError):
    """An export that cannot be written; names the format, target or path."""


@dataclass(frozen=True, slots=True)
class ExportedFile:
    what: str
    path: Path | str
    rows: int


def _query(what: str, events: EventQuery | None) -> Query:
    if what == "events":
        return events or EventQuery()
    if what == "claims":
        return ClaimQuery()
    # Threads carried by two articles or more, as `wirewatch threads` lists them, and their hops.
    if what == "threads":
        return ThreadQuery()
    if what == "hops":
        return HopQuery(min_articles=2)
    return ArticleQuery()


def _check(what: str, fmt: str) -> None:
    if fmt not in FORMATS:
        raise ExportError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    if what not in WHATS:
        raise ExportError(f"{what!r} cannot be exported; choose one of {', '.join(WHATS)} or all")
    if fmt in EVENT_ONLY_FORMATS and what != "events":
        raise ExportError(f"format {fmt!r} holds events only; use --what events")


def _write(store: Store, fmt: str, query: Query, text: TextIO, binary: BinaryIO | None) -> int:
    if fmt in EVENT_ONLY_FORMATS:
        return _write_event_layout(store, query, fmt, text)
    if fmt == "parquet":
        if binary is None:
            raise ExportError("parquet is binary; it needs a file or a byte stream")
        return write_parquet(store.fetch_arrow(query), binary)
    writer = write_csv if fmt == "csv" else write_jsonl
    return writer(store.fetch(query), query.fields, text)


def export_table(
    store: Store, what: str, fmt: str, path: Path, query: Query | None = None, events: EventQuery | None = None
) -> ExportedFile:
    """Write one of events/claims/articles to ``path`` in ``fmt`` (events as ``events`` filters them)."""
    _check(what, fmt)
    query = query or _query(what, events)
    try:
        if fmt == "parquet":
            with path.open("wb") as binary:
                rows = _write(store, fmt, query, None, binary)  # type: ignore[arg-type]
        else:
            with path.open("w", encoding="utf-8", newline="") as out:
                rows = _write(store, fmt, query, out, None)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    return ExportedFile(what=what, path=path, rows=rows)


def export_to_stream(
    store: Store, what: str, fmt: str, text: TextIO, binary: BinaryIO | None, events: EventQuery | None = None
) -> ExportedFile:
    """Write one table to an open stream (``--out -``): text formats to ``text``, Parquet to ``binary``."""
    if what == "all":
        raise ExportError("--what all writes one file per table; give a folder as --out, not -")
    _check(what, fmt)
    if fmt == "parquet":
        text.flush()
    rows = _write(store, fmt, _query(what, events), text, binary)
    (binary if fmt == "parquet" else text).flush()  # type: ignore[union-attr]
    return ExportedFile(what=what, path="stdout", rows=rows)


def _write_event_layout(store: Store, query: Query, fmt: str, out: TextIO) -> int:
    from wirewatch import __version__

    # Both layouts cite the article (url, publication date) beside each event.
    articles = {
        a["article_id"]: {k: v for k, v in a.items() if k != "text"} for a in store.articles(ArticleQuery())
    }
    if fmt == "plover":
        return write_plover_jsonl(store.fetch(query), articles, out, coder=f"wirewatch {__version__}")
    return write_gdelt_tsv(store.fetch(query), articles, out)


def export_store(store: Store, what: str, fmt: str, out: Path, events: EventQuery | None = None) -> list[ExportedFile]:
    """Export ``what`` (events, claims, articles, threads, hops or all) to ``out``.

    For one table ``out`` is the file to write, or a folder to write ``<what>.<ext>`` into;
    for ``all`` it is a folder (created if missing) that receives one file per table.
    """
    if fmt not in FORMATS:
        raise ExportError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    if what != "all" and what not in WHATS:
        raise ExportError(f"{what!r} cannot be exported; choose one of {', '.join(WHATS)} or all")
    out = Path(out)
    if what == "all":
        if out.exists() and not out.is_dir():
            raise ExportError(f"{out}: --what all writes one file per table, so --out must be a folder")
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ExportError(f"{out}: cannot create folder: {exc.strerror or exc}") from exc
        whats = ("events",) if fmt in EVENT_ONLY_FORMATS else ALL_WHATS
        return [export_table(store, w, fmt, out / f"{w}{FORMATS[fmt]}", events=events) for w in whats]
    target = out / f"{what}{FORMATS[fmt]}" if out.is_dir() else out
    return [export_table(store, what, fmt, target, events=events)]


__all__ = ["EVENT_ONLY_FORMATS", "FORMATS", "WHATS", "ExportError", "ExportedFile", "export_store", "export_table", "export_to_stream"]
