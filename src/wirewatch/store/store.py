"""The DuckDB store: one file, one writing process, transactional batches, versioned schema.

``open_store`` applies pending migrations when opened for writing. ``write_batch`` replaces
each article it is given (with all its mentions, events and claims) inside one
transaction, so re-running an ingest never duplicates rows and a failure mid-batch leaves
the store as it was before the batch.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from wirewatch.errors import StoreError
from wirewatch.records import ActorMention, Analysis, Article, Claim, Event, InputProblem, from_dict
from wirewatch.store import clusters, copies
from wirewatch.store.cluster_query import ClusterQuery
from wirewatch.store.copies_query import CopiesQuery
from wirewatch.store.migrations import apply_migrations, pending_migrations, schema_version
from wirewatch.store.query import ArticleQuery, ClaimQuery, CountQuery, EventQuery, Query, SqlQuery
from wirewatch.store.threads import ThreadTables
from wirewatch.store.write import TABLE_OF, copies_table, problems_table, records_table, reuse_table

_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


def _open_error(path: Path, exc: duckdb.Error, read_only: bool) -> StoreError:
    message = str(exc)
    holder = _LOCK_HOLDER.search(message)
    if holder:
        return StoreError(
            f"{path}: store is in use by another process ({holder['program']}, PID {holder['pid']}); "
            "DuckDB allows one writing process per file - wait for it to finish or use another --db"
        )
    if "lock" in message.lower():
        return StoreError(f"{path}: store is locked by another process: {message}")
    if read_only and not path.exists():
        return StoreError(f"{path}: no store here yet; run `wirewatch analyze` to create one, or pass --db")
    return StoreError(f"{path}: cannot open store: {message}")


class Store:
    """An open store. Use as a context manager, or call ``close()``."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, read_only: bool, shared: bool = False) -> None:
        self._con = con
        self.path = path
        self.read_only = read_only
        # Other connections (a server's request threads) use the same database: settings that
        # hold for the whole database, such as its thread count, are left as they are.
        self.shared = shared

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own to the same database, for another thread (DuckDB's ``cursor()``)."""
        return self._con.cursor()

    # -- life cycle -------------------------------------------------------------------
    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return schema_version(self._con)

    # -- writing ----------------------------------------------------------------------
    @contextmanager
    def single_threaded(self) -> Iterator[None]:
        """DuckDB on one thread for a run of small batch writes: for statements this small
        its worker threads only add hand-over waits, and take CPU from the analysis processes.
        Not on a shared store: the setting is the database's, and would slow its other users."""
        if self.shared:
            yield
            return
        row = self._con.execute("SELECT current_setting('threads')").fetchone()
        self._con.execute("SET threads = 1")
        try:
            yield
        finally:
            self._con.execute(f"SET threads = {int(row[0]) if row else 1}")

    def write_batch(
        self,
        analyses: list[Analysis],
        problems: Sequence[InputProblem] = (),
        reuse: Sequence[Any] = (),
        exact_copies: Sequence[Article] = (),
    ) -> None:
        """Store ``analyses`` (replacing any article already stored) and ``problems``, atomically.

        ``reuse`` holds ``ingest.reuse.Reuse`` findings for articles of this batch: written in
        the same transaction, so a stored article always has the sketches later runs compare with.
        ``exact_copies`` are articles whose text (so id) is already stored, found at another
        source: recorded as reprints, not analysed again.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: store was opened read-only; cannot write")
        # Later copies of the same article in one batch win, as they would across batches.
        latest = {a.article.article_id: a for a in analyses}
        batch = list(latest.values())
        tables = {
            Article: records_table(Article, [a.article for a in batch]),
            ActorMention: records_table(ActorMention, [m for a in batch for m in a.mentions]),
            Event: records_table(Event, [e for a in batch for e in a.events]),
            Claim: records_table(Claim, [c for a in batch for c in a.claims]),
        }
        problem_rows = problems_table(list(problems), datetime.now(UTC))
        reuse_rows = reuse_table([r for r in reuse if r.article_id in latest])
        copy_rows = copies_table(list(exact_copies))
        # An input that failed before and was analysed (or failed again) now loses its old problems.
        sources = [a.article.source for a in batch if a.article.source] + problem_rows.column("source").to_pylist()
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            stored, troubled = self._stored(list(latest), sources)
            if stored:
                # Every row of the other tables belongs to a stored article (written and
                # replaced together, here), so only stored ids have anything to replace.
                for table in ("events", "claims", "actor_mentions", "articles", "article_reuse"):
                    con.execute(f"DELETE FROM {table} WHERE list_contains(?, article_id)", [stored])
            if troubled:
                con.execute("DELETE FROM input_problems WHERE list_contains(?, source)", [troubled])
            for record_type, arrow in tables.items():
                self._insert(TABLE_OF[record_type], arrow)
            self._insert("article_reuse", reuse_rows)
            if copy_rows.num_rows:
                # A re-run over the original file is not a reprint of itself.
                _copies = copy_rows  # noqa: F841 - read by name in the SQL (a replacement scan)
                con.execute(
                    "INSERT OR REPLACE INTO article_copies BY NAME SELECT c.* FROM _copies c "
                    "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.article_id = c.article_id "
                    "AND a.source = c.source)"
                )
            self._insert("input_problems", problem_rows)
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: batch of {len(batch)} articles not written: {exc}") from exc
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def _stored(self, ids: list[str], sources: list[str]) -> tuple[list[str], list[str]]:
        """Which of ``ids`` are stored articles and which of ``sources`` have input problems,
        in one query: in a corpus run neither usually has any, and then nothing is deleted."""
        if not ids and not sources:
            return [], []
        rows = self._con.execute(
            "SELECT 'article', article_id FROM articles WHERE list_contains($ids, article_id) "
            "UNION ALL SELECT 'problem', source FROM input_problems WHERE list_contains($sources, source)",
            {"ids": ids, "sources": sources},
        ).fetchall()
        return [v for kind, v in rows if kind == "article"], sorted({v for kind, v in rows if kind == "problem"})

    def _insert(self, table: str, arrow: pa.Table) -> None:
        if arrow.num_rows == 0:
            return
        # DuckDB finds the Arrow table by its local name (a replacement scan): no
        # register/unregister round trips, which cost more than a small batch's insert.
        _incoming = arrow  # noqa: F841
        self._con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _incoming")

    # -- reading ----------------------------------------------------------------------
    def known_article_ids(self, ids: list[str] | set[str]) -> set[str]:
        """Which of ``ids`` are already stored (the runner skips them)."""
        if not ids:
            return set()
        rows = self._con.execute(
            "SELECT article_id FROM articles WHERE list_contains(?, article_id)", [list(ids)]
        ).fetchall()
        return {r[0] for r in rows}

    def fetch(self, query: SqlQuery) -> list[dict[str, Any]]:
        """Rows for ``query`` as dicts keyed by the public field names."""
        sql, params = query.sql()
        try:
            cursor = self._con.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=False)) for row in cursor.fetchall()]
        except duckdb.IOException as exc:
            raise damaged_store(self.path, exc) from exc

    def fetch_arrow(self, query: SqlQuery) -> pa.Table:
        """Rows for ``query`` as an Arrow table (column types kept, for Parquet)."""
        sql, params = query.sql()
        relation = self._con.sql(sql, params=params)
        # DuckDB renamed .arrow() to .to_arrow_table() in 1.4; the project allows both.
        table = relation.to_arrow_table() if hasattr(relation, "to_arrow_table") else relation.arrow()
        return table if isinstance(table, pa.Table) else table.read_all()

    def count(self, query: Query) -> int:
        """How many rows ``query`` matches, ignoring its ``limit`` and ``offset``."""
        (row,) = self.fetch(CountQuery(query))
        return int(row["rows"])

    def events(self, query: EventQuery | None = None) -> list[dict[str, Any]]:
        return self.fetch(query or EventQuery())

    def claims(self, query: ClaimQuery | None = None) -> list[dict[str, Any]]:
        return self.fetch(query or ClaimQuery())

    def articles(self, query: ArticleQuery | None = None) -> list[dict[str, Any]]:
        return self.fetch(query or ArticleQuery())

    def resolve_article_id(self, prefix: str) -> str:
        """The one stored article id starting with ``prefix`` (ids may be shortened like git's)."""
        rows = self._con.execute(
            "SELECT article_id FROM articles WHERE starts_with(article_id, ?) ORDER BY 1 LIMIT 3", [prefix]
        ).fetchall()
        if not rows:
            raise StoreError(f"{prefix}: no stored article has this id")
        if len(rows) > 1:
            raise StoreError(f"{prefix}: ambiguous article id prefix ({', '.join(r[0] for r in rows)}, ...)")
        return str(rows[0][0])

    def analysis(self, article_id: str) -> Analysis:
        """The full records of one stored article (all fields, all modalities)."""
        article_id = self.resolve_article_id(article_id)

        def records(record_type: type, order: str) -> list[Any]:
            cursor = self._con.execute(
                f"SELECT * FROM {TABLE_OF[record_type]} WHERE article_id = ? ORDER BY {order}", [article_id]
            )
            names = [d[0] for d in cursor.description]
            return [from_dict(record_type, dict(zip(names, row, strict=False))) for row in cursor.fetchall()]

        (article,) = records(Article, "article_id")
        return Analysis(
            article=article,
            mentions=records(ActorMention, "char_start, mention_id"),
            events=records(Event, "char_start, event_id"),
            claims=records(Claim, "char_start, claim_id"),
        )

    # -- copying and event clusters ----------------------------------------------------
    def reuse_index_rows(self) -> Iterator[tuple[str, list[int], list[int]]]:
        """(article_id, MinHash values, fingerprints) of every stored original, for ``ingest.reuse``."""
        return copies.index_rows(self._con)

    def copies(self, query: CopiesQuery | None = None) -> list[dict[str, Any]]:
        """Originals that were reprinted or reused, with their copies and who published first."""
        query = query or CopiesQuery()
        query.check()
        groups = copies.duplicate_clusters(self._con)
        if not query.partial:
            groups = [g for g in groups if g["exact"] or g["duplicates"]]
        end = query.offset + query.limit if query.limit else None
        return groups[query.offset:end]

    def reuse_of(self, article_id: str) -> dict[str, Any] | None:
        return copies.reuse_of(self._con, article_id)

    def events_for_clustering(self) -> list[dict[str, Any]]:
        """Every event of an original article, with its article's date, publisher and url."""
        return clusters.events_for_clustering(self._con)

    def clusters_pending(self) -> bool:
        """True when some stored event has not been clustered yet (a run stopped before or
        during its final clustering): the next run clusters even if it analyses nothing."""
        return clusters.clusters_pending(self._con)

    def write_event_clusters(self, summaries: list[dict[str, Any]], assignment: dict[str, str]) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: store was opened read-only; cannot write")
        clusters.write_event_clusters(self._con, summaries, assignment)

    def event_clusters(self, query: ClusterQuery | None = None) -> list[dict[str, Any]]:
        """Real events (clusters of reports), most reported first."""
        return self.fetch(query or ClusterQuery())

    @property
    def threads(self) -> ThreadTables:
        """The claim-thread tables, for the threading runner (``wirewatch.thread_run``)."""
        return ThreadTables(self._con)

    def input_problems(self) -> list[InputProblem]:
        rows = self._con.execute('SELECT source, reason FROM input_problems ORDER BY "when", source').fetchall()
        return [InputProblem(source=s, reason=r) for s, r in rows]

    def counts(self) -> dict[str, int]:
        """Rows per table, for summaries and the dashboard."""
        out: dict[str, int] = {}
        for table in ("articles", "actor_mentions", "events", "claims", "input_problems"):
            row = self._con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out


def open_store(path: str | Path | None = None, *, read_only: bool = False) -> Store:
    """Open (creating and migrating when writable) the DuckDB store at ``path``.

    ``path`` defaults to the settings' ``db_path`` (``WIREWATCH_DB`` or ``./wirewatch.duckdb``).
    Raises ``StoreError`` when another process holds the file, when the file is not a store,
    or when it was written by a newer wirewatch.
    """
    if path is None:
        from wirewatch.settings import Settings

        path = Settings.from_env().db_path
    path = Path(path)
    if not read_only and path.parent and not path.parent.exists():
        raise StoreError(f"{path}: folder {path.parent} does not exist")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        raise _open_error(path, exc, read_only) from exc
    try:
        if read_only:
            pending = pending_migrations(con, str(path))
            if pending:
                raise StoreError(
                    f"{path}: store needs migration {pending[0].name}; open it for writing once "
                    "(e.g. `wirewatch analyze`) to upgrade it"
                )
        else:
            apply_migrations(con, str(path))
    except duckdb.Error as exc:
        # DuckDB opens a cut-off file and fails on the first page it cannot read.
        con.close()
        raise damaged_store(path, exc) from exc
    except BaseException:
        con.close()
        raise
    return Store(con, path, read_only)


def damaged_store(path: Path, exc: duckdb.Error) -> StoreError:
    reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return StoreError(f"{path}: cannot read the store (a truncated or damaged file?): {reason}")
