"""Named migrations on a fresh file, on re-open, and refusal of newer or missing stores."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from wirewatch.errors import StoreError
from wirewatch.records import SCHEMA_VERSION, ActorMention, Article, Claim, Event, field_names
from wirewatch.store import open_store
from wirewatch.store.migrations import MIGRATIONS


def _columns(path: Path, table: str) -> list[str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table],
        ).fetchall()
    finally:
        con.close()
    return [r[0] for r in rows]


def test_fresh_file_gets_every_migration_once(db_path: Path) -> None:
    with open_store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
    with open_store(db_path) as store:  # re-open: nothing to apply, nothing duplicated
        assert store.schema_version == SCHEMA_VERSION
    con = duckdb.connect(str(db_path), read_only=True)
    names = [r[0] for r in con.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]
    con.close()
    assert names == [m.name for m in MIGRATIONS]


@pytest.mark.parametrize(
    ("table", "record"),
    [("articles", Article), ("actor_mentions", ActorMention), ("events", Event), ("claims", Claim)],
)
def test_tables_have_a_column_per_record_field(db_path: Path, table: str, record: type) -> None:
    # A field added to records.py without a migration fails here.
    open_store(db_path).close()
    assert set(_columns(db_path, table)) == set(field_names(record))


def test_store_from_a_newer_wirewatch_is_refused(db_path: Path) -> None:
    open_store(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute(
        "INSERT INTO schema_migrations VALUES (?, ?, now())", ["0099_from_the_future", SCHEMA_VERSION + 1]
    )
    con.close()
    with pytest.raises(StoreError, match=r"schema version .* upgrade wirewatch"):
        open_store(db_path)
    with pytest.raises(StoreError, match="newer|upgrade"):
        open_store(db_path, read_only=True)


def test_read_only_open_of_a_missing_file_says_how_to_create_one(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.duckdb"
    with pytest.raises(StoreError, match="no store here yet") as info:
        open_store(missing, read_only=True)
    assert str(missing) in str(info.value)
    assert not missing.exists()


def test_read_only_store_refuses_writes(db_path: Path, samples) -> None:
    open_store(db_path).close()
    with open_store(db_path, read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.write_batch([samples.venezuela()])


def test_a_file_that_is_not_a_store_is_a_store_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("these are not the tables you are looking for\n" * 50)
    with pytest.raises(StoreError, match="notes.duckdb"):
        open_store(bogus)


def test_default_path_comes_from_wirewatch_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "from_env.duckdb"
    monkeypatch.setenv("WIREWATCH_DB", str(target))
    with open_store() as store:
        assert store.path == target
    assert target.exists()
