"""The Ray engine gives the local engine's events and claims, through Parquet shards and DuckDB."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from wirewatch.run import run_corpus
from wirewatch.settings import Settings
from wirewatch.store import ClaimQuery, EventQuery, open_store

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]

ray = pytest.importorskip("ray")

EVENT_KEYS = ("event_id", "article_id", "char_start", "char_end", "cameo_code", "source_code", "target_code",
              "modality", "certainty", "place_name", "date", "claim_id", "cluster_id")
CLAIM_KEYS = ("claim_id", "article_id", "kind", "speaker_name", "cue", "content", "certainty", "chain")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, object_store_memory=80 * 2**20, include_dashboard=False, log_to_driver=False,
             ignore_reinit_error=True)
    yield
    ray.shutdown()


def _rows(db: Path) -> tuple[list[tuple], list[tuple]]:
    with open_store(db, read_only=True) as store:
        events = store.events(EventQuery(include_all_modalities=True, coded=None))
        claims = store.claims(ClaimQuery())
    return (
        sorted(tuple(str(e[k]) for k in EVENT_KEYS) for e in events),
        sorted(tuple(str(c[k]) for k in CLAIM_KEYS) for c in claims),
    )


def test_ray_engine_equals_local_engine(local_ray, tmp_path: Path, seed_text: str, shared_data: Path) -> None:
    from wirewatch.scale.engines import engine_for
    from wirewatch.scale.ray_engine import RayEngine, shard_root

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "seed.txt").write_text(seed_text, encoding="utf-8")
    other = sorted((shared_data / "polnear" / "dev" / "text").glob("*.txt"))[1]
    (corpus / "other.jsonl").write_text(json.dumps({"text": other.read_text(encoding="utf-8"), "publisher": "NYT"}) + "\n")

    local = Settings.from_env(db_path=tmp_path / "local.duckdb", batch_size=2)
    with open_store(local.db_path) as store:
        run_corpus([corpus], local, store)
    on_ray = Settings.from_env(db_path=tmp_path / "ray.duckdb", batch_size=2, n_process=1, engine="ray")
    assert isinstance(engine_for(on_ray), RayEngine)  # chosen by the settings alone
    with open_store(on_ray.db_path) as store:
        summary = run_corpus([corpus], on_ray, store)
    assert summary.analysed == 2 and summary.failed == 0

    local_events, local_claims = _rows(local.db_path)
    ray_events, ray_claims = _rows(on_ray.db_path)
    assert local_events and local_claims
    assert ray_events == local_events
    assert ray_claims == local_claims

    # The shards stay queryable on their own, through DuckDB.
    shards = str(shard_root(on_ray) / "**" / "*.parquet")
    count = duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [shards]).fetchone()[0]
    assert count == 2
