"""Named schema migrations, applied in order, each in its own transaction.

A migration is frozen once released: to change the schema, append a new one (and bump
``records.SCHEMA_VERSION``), never edit an old one, so every store can be brought forward
from whatever version it was created with. Applied migrations are recorded by name in
``schema_migrations`` together with the schema version they lead to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from wirewatch.errors import StoreError
from wirewatch.records import SCHEMA_VERSION


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    schema_version: int
    statements: tuple[str, ...]


_V1_TABLES = (
    """
    CREATE TABLE articles (
        article_id VARCHAR PRIMARY KEY,
        text VARCHAR NOT NULL,
        url VARCHAR,
        title VARCHAR,
        publisher VARCHAR,
        authors VARCHAR[],
        published_at VARCHAR,
        language VARCHAR,
        source VARCHAR,
        near_duplicate_of VARCHAR,
        boilerplate_removed INTEGER
    )
    """,
    """
    CREATE TABLE actor_mentions (
        mention_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        sentence_index INTEGER,
        char_start INTEGER,
        char_end INTEGER,
        text VARCHAR,
        code VARCHAR,
        name VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        kind VARCHAR,
        state_media BOOLEAN
    )
    """,
    """
    CREATE TABLE events (
        event_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        sentence_index INTEGER,
        char_start INTEGER,
        char_end INTEGER,
        evidence VARCHAR,
        source_text VARCHAR,
        source_code VARCHAR,
        source_country VARCHAR,
        source_sector VARCHAR,
        target_text VARCHAR,
        target_code VARCHAR,
        target_country VARCHAR,
        target_sector VARCHAR,
        cameo_code VARCHAR,
        cameo_root VARCHAR,
        quad_class INTEGER,
        goldstein DOUBLE,
        plover_type VARCHAR,
        plover_mode VARCHAR,
        plover_contexts VARCHAR[],
        modality VARCHAR,
        certainty VARCHAR,
        claim_id VARCHAR,
        claimant VARCHAR,
        place_text VARCHAR,
        place_name VARCHAR,
        place_country VARCHAR,
        place_geonameid BIGINT,
        lat DOUBLE,
        lon DOUBLE,
        date VARCHAR,
        date_granularity VARCHAR,
        date_text VARCHAR,
        rule VARCHAR,
        confidence DOUBLE,
        cluster_id VARCHAR
    )
    """,
    """
    CREATE TABLE claims (
        claim_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        kind VARCHAR,
        speaker_text VARCHAR,
        speaker_name VARCHAR,
        speaker_code VARCHAR,
        speaker_kind VARCHAR,
        cue VARCHAR,
        content VARCHAR,
        char_start INTEGER,
        char_end INTEGER,
        certainty VARCHAR,
        hedges VARCHAR[],
        chain VARCHAR[],
        state_media BOOLEAN,
        speaker_start INTEGER,
        speaker_end INTEGER,
        cue_start INTEGER,
        cue_end INTEGER
    )
    """,
    """
    CREATE TABLE input_problems (
        source VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        "when" TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (source, reason)
    )
    """,
    "CREATE INDEX events_article ON events (article_id)",
    "CREATE INDEX claims_article ON claims (article_id)",
    "CREATE INDEX mentions_article ON actor_mentions (article_id)",
)

# Copying and event clusters (corpus scale): the sketches a later run compares new articles
# against, what each article copies, and one row per real event reported across articles.
_V2_REUSE_AND_CLUSTERS = (
    """
    CREATE TABLE article_reuse (
        article_id VARCHAR PRIMARY KEY,
        near_duplicate_of VARCHAR,
        similarity DOUBLE,
        reused_from VARCHAR,
        reuse_share DOUBLE,
        minhash BIGINT[],
        fingerprints BIGINT[]
    )
    """,
    """
    CREATE TABLE article_copies (
        source VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        url VARCHAR,
        publisher VARCHAR,
        published_at VARCHAR
    )
    """,
    """
    CREATE TABLE event_clusters (
        cluster_id VARCHAR PRIMARY KEY,
        first_event_id VARCHAR NOT NULL,
        first_article_id VARCHAR NOT NULL,
        first_reported VARCHAR,
        events INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        outlets INTEGER NOT NULL,
        source VARCHAR,
        target VARCHAR,
        cameo_code VARCHAR,
        plover_type VARCHAR,
        date VARCHAR,
        place_name VARCHAR,
        place_country VARCHAR,
        modality VARCHAR,
        certainty VARCHAR
    )
    """,
)

# State-affiliated media (media.registry): articles from a state outlet's domain, and events
# a state outlet speaks, relays or publishes.
_V3_STATE_MEDIA = (
    "ALTER TABLE articles ADD COLUMN state_media BOOLEAN DEFAULT false",
    "ALTER TABLE events ADD COLUMN state_media BOOLEAN DEFAULT false",
)

# Claim threads (threads/, thread_run): each claim's thread and sketch (the index later runs
# match against), which articles are threaded, and the derived hops and thread summaries.
_V4_CLAIM_THREADS = (
    """
    CREATE TABLE thread_members (
        article_id VARCHAR NOT NULL,
        claim_id VARCHAR NOT NULL,
        thread_id VARCHAR NOT NULL,
        kind VARCHAR,
        text VARCHAR,
        publisher VARCHAR,
        published_at VARCHAR,
        url VARCHAR,
        state_media BOOLEAN,
        speaker_name VARCHAR,
        speaker_kind VARCHAR,
        cue VARCHAR,
        certainty VARCHAR,
        hedges VARCHAR[],
        chain VARCHAR[],
        char_start INTEGER,
        char_end INTEGER,
        match VARCHAR,
        shared_words VARCHAR[],
        same_speaker BOOLEAN,
        same_event BOOLEAN,
        words VARCHAR[],
        speaker_key VARCHAR,
        clusters VARCHAR[],
        minhash BIGINT[],
        name_words VARCHAR[],
        PRIMARY KEY (article_id, claim_id)
    )
    """,
    "CREATE INDEX thread_members_thread ON thread_members (thread_id)",
    "CREATE TABLE threaded_articles (article_id VARCHAR PRIMARY KEY)",
    """
    CREATE TABLE thread_hops (
        thread_id VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        article_id VARCHAR NOT NULL,
        claim_id VARCHAR NOT NULL,
        kind VARCHAR,
        publisher VARCHAR,
        published_at VARCHAR,
        url VARCHAR,
        state_media BOOLEAN,
        speaker_name VARCHAR,
        cue VARCHAR,
        certainty VARCHAR,
        hedges VARCHAR[],
        chain VARCHAR[],
        text VARCHAR,
        char_start INTEGER,
        char_end INTEGER,
        relayed_from VARCHAR,
        credits VARCHAR[],
        attribution VARCHAR,
        laundering BOOLEAN,
        match VARCHAR,
        shared_words VARCHAR[],
        same_speaker BOOLEAN,
        same_event BOOLEAN,
        drift VARCHAR[],
        hedges_added VARCHAR[],
        hedges_dropped VARCHAR[],
        certainty_change VARCHAR,
        speaker_change VARCHAR,
        numbers_before VARCHAR[],
        numbers_after VARCHAR[],
        words_added VARCHAR[],
        words_dropped VARCHAR[],
        PRIMARY KEY (thread_id, position)
    )
    """,
    """
    CREATE TABLE claim_threads (
        thread_id VARCHAR PRIMARY KEY,
        speaker VARCHAR,
        content VARCHAR,
        origin_article_id VARCHAR,
        origin_claim_id VARCHAR,
        origin_publisher VARCHAR,
        origin_published_at VARCHAR,
        first_outlet VARCHAR,
        chain VARCHAR[],
        articles INTEGER,
        outlets INTEGER,
        state_hops INTEGER,
        laundered_hops INTEGER,
        drift VARCHAR[],
        first_seen VARCHAR,
        last_seen VARCHAR
    )
    """,
)

# Events stated in the title (issue 13): sentence_index -1, offsets into articles.title. No row
# changes (no stored event had -1), but the field's meaning grew: a wirewatch that predates it
# would mark title offsets in the body, so the version is bumped and the column says so itself.
_V5_TITLE_EVENTS = (
    "COMMENT ON COLUMN events.sentence_index IS "
    "'index of the body sentence the event was coded from; -1: the title (char offsets into articles.title)'",
)

# The event's trigger (issue 14): which words of the evidence sentence the event was read from,
# so a claim whose content holds the trigger holds the event. Rows stored before have none.
_V6_EVENT_TRIGGERS = (
    "ALTER TABLE events ADD COLUMN trigger_start INTEGER",
    "ALTER TABLE events ADD COLUMN trigger_end INTEGER",
    "COMMENT ON COLUMN events.trigger_start IS "
    "'char offset of the word(s) expressing the event, in the same text as char_start; null for rows stored before'",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial_tables", 1, _V1_TABLES),
    Migration("0002_reuse_and_event_clusters", 2, _V2_REUSE_AND_CLUSTERS),
    Migration("0003_state_media_flags", 3, _V3_STATE_MEDIA),
    Migration("0004_claim_threads", 4, _V4_CLAIM_THREADS),
    Migration("0005_title_events", 5, _V5_TITLE_EVENTS),
    Migration("0006_event_triggers", 6, _V6_EVENT_TRIGGERS),
)

_LEDGER = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    name VARCHAR PRIMARY KEY,
    schema_version INTEGER NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL
)
"""


def _has_ledger(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", ["schema_migrations"]
    ).fetchone()
    return bool(row and row[0])


def applied_migrations(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Names of the migrations already applied, with the schema version each led to."""
    if not _has_ledger(con):
        return {}
    rows = con.execute("SELECT name, schema_version FROM schema_migrations").fetchall()
    return {name: version for name, version in rows}


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of the store (0 for an empty file)."""
    return max(applied_migrations(con).values(), default=0)


def pending_migrations(con: duckdb.DuckDBPyConnection, where: str) -> list[Migration]:
    """Migrations still to apply; refuses a store written by a newer wirewatch."""
    applied = applied_migrations(con)
    known = {m.name for m in MIGRATIONS}
    newer = max(applied.values(), default=0) > SCHEMA_VERSION or bool(set(applied) - known)
    if newer:
        raise StoreError(
            f"{where}: store has schema version {max(applied.values())} but this wirewatch "
            f"understands up to {SCHEMA_VERSION}; upgrade wirewatch to open it"
        )
    return [m for m in MIGRATIONS if m.name not in applied]


def apply_migrations(con: duckdb.DuckDBPyConnection, where: str) -> list[str]:
    """Apply every pending migration, each atomically with its ledger row; returns their names."""
    con.execute(_LEDGER)
    done: list[str] = []
    for migration in pending_migrations(con, where):
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in migration.statements:
                con.execute(statement)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                [migration.name, migration.schema_version, datetime.now(UTC)],
            )
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"{where}: migration {migration.name} failed: {exc}") from exc
        done.append(migration.name)
    return done
