"""Exports of stored events, claims and articles.

``csv``, ``parquet`` and ``jsonl`` hold any table with the public field names of DESIGN.md
(matching `wirewatch events --format json`); ``plover`` (PLOVER's JSON Lines layout) and
``gdelt`` (a GDELT 2.0-style event TSV) hold events only. Every export goes through the
store's query layer, with events of every modality.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wirewatch.errors import WirewatchError
from wirewatch.export.csv_file import write_csv
from wirewatch.export.gdelt_tsv import write_gdelt_tsv
from wirewatch.export.jsonl_file import write_jsonl
from wirewatch.export.parquet_file import write_parquet
from wirewatch.export.plover_jsonl import write_plover_jsonl
from wirewatch.store import ArticleQuery, ClaimQuery, EventQuery, Store
from wirewatch.store.query import Query

FORMATS: dict[str, str] = {
    "csv": ".csv", "parquet": ".parquet", "jsonl": ".jsonl", "plover": ".plover.jsonl", "gdelt": ".tsv",
}
EVENT_ONLY_FORMATS: tuple[str, ...] = ("plover", "gdelt")
WHATS: tuple[str, ...] = ("events", "claims", "articles")


class ExportError(WirewatchError):
    """An export that cannot be written; names the format, target or path."""


@dataclass(frozen=True, slots=True)
class ExportedFile:
    what: str
    path: Path
    rows: int


def _query(what: str) -> Query:
    if what == "events":
        return EventQuery(include_all_modalities=True)
    if what == "claims":
        return ClaimQuery()
    return ArticleQuery()


def export_table(store: Store, what: str, fmt: str, path: Path, query: Query | None = None) -> ExportedFile:
    """Write one of events/claims/articles to ``path`` in ``fmt``."""
    if fmt not in FORMATS:
        raise ExportError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    if what not in WHATS:
        raise ExportError(f"{what!r} cannot be exported; choose one of {', '.join(WHATS)} or all")
    if fmt in EVENT_ONLY_FORMATS and what != "events":
        raise ExportError(f"format {fmt!r} holds events only; use --what events")
    query = query or _query(what)
    try:
        if fmt in EVENT_ONLY_FORMATS:
            rows = _write_event_layout(store, query, fmt, path)
        elif fmt == "parquet":
            rows = write_parquet(store.fetch_arrow(query), path)
        else:
            writer = write_csv if fmt == "csv" else write_jsonl
            with path.open("w", encoding="utf-8", newline="") as out:
                rows = writer(store.fetch(query), query.fields, out)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    return ExportedFile(what=what, path=path, rows=rows)


def _write_event_layout(store: Store, query: Query, fmt: str, path: Path) -> int:
    from wirewatch import __version__

    # Both layouts cite the article (url, publication date) beside each event.
    articles = {
        a["article_id"]: {k: v for k, v in a.items() if k != "text"} for a in store.articles(ArticleQuery())
    }
    with path.open("w", encoding="utf-8", newline="") as out:
        if fmt == "plover":
            return write_plover_jsonl(store.fetch(query), articles, out, coder=f"wirewatch {__version__}")
        return write_gdelt_tsv(store.fetch(query), articles, out)


def export_store(store: Store, what: str, fmt: str, out: Path) -> list[ExportedFile]:
    """Export ``what`` (events, claims, articles or all) to ``out``.

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
        whats = ("events",) if fmt in EVENT_ONLY_FORMATS else WHATS
        return [export_table(store, w, fmt, out / f"{w}{FORMATS[fmt]}") for w in whats]
    target = out / f"{what}{FORMATS[fmt]}" if out.is_dir() else out
    return [export_table(store, what, fmt, target)]


__all__ = ["EVENT_ONLY_FORMATS", "FORMATS", "WHATS", "ExportError", "ExportedFile", "export_store", "export_table"]
