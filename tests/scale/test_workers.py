"""Several worker processes give the same records as one, in input order."""

from __future__ import annotations

import copyreg
import gc
import pickle
import shutil
from dataclasses import fields
from pathlib import Path

import pytest

from wirewatch.records import InputProblem
from wirewatch.run import run_corpus
from wirewatch.scale import workers
from wirewatch.settings import Settings
from wirewatch.store import ClaimQuery, EventQuery, open_store

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]


def _records(db: Path) -> tuple[list, list]:
    with open_store(db, read_only=True) as store:
        events = store.events(EventQuery(include_all_modalities=True, coded=None, min_confidence=0))
        claims = store.claims(ClaimQuery())
    return (
        sorted((e["event_id"], e["cameo_code"], e["modality"], e["claim_id"]) for e in events),
        sorted((c["claim_id"], c["speaker_name"], c["content"]) for c in claims),
    )


def test_two_workers_equal_one_process(tmp_path: Path, shared_data: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted((shared_data / "polnear" / "dev" / "text").glob("*.txt"))[2:7]:
        shutil.copy(path, corpus / path.name)
    one = Settings.from_env(db_path=tmp_path / "one.duckdb", batch_size=2)
    two = Settings.from_env(db_path=tmp_path / "two.duckdb", batch_size=2, n_process=2)
    with open_store(one.db_path) as store:
        single = run_corpus([corpus], one, store)
    with open_store(two.db_path) as store:
        double = run_corpus([corpus], two, store)
    assert double.article_ids == single.article_ids  # input order kept
    assert gc.get_freeze_count() == 0  # the models were frozen for the workers' fork only
    assert (double.analysed, double.failed) == (5, 0)
    events, claims = _records(one.db_path)
    assert events and claims
    assert _records(two.db_path) == (events, claims)


def test_a_worker_sends_back_records_without_the_article(monkeypatch: pytest.MonkeyPatch, samples) -> None:
    found, problem = samples.venezuela(), InputProblem("feeds/mexico.txt", "analysis failed: boom")
    monkeypatch.setattr(workers, "analyse_batch", lambda articles, settings, knowledge: [found, problem])
    monkeypatch.setattr(workers, "_worker", workers._Worker(Settings(), object()))  # type: ignore[arg-type]
    sent = workers.analyse_chunk([found.article, samples.mexico().article])
    assert sent == [(found.mentions, found.events, found.claims), problem]
    assert pickle.loads(pickle.dumps(sent)) == sent


def test_records_pickle_as_their_field_values(samples) -> None:
    analysis = samples.mexico()
    assert pickle.loads(pickle.dumps(analysis)) == analysis
    event = analysis.events[0]
    values = tuple(getattr(event, f.name) for f in fields(event))
    assert copyreg.dispatch_table[type(event)](event) == (type(event), values)


def test_build_all_builds_what_the_workers_would_each_build(settings) -> None:
    from dataclasses import replace

    from wirewatch.stages import Knowledge

    knowledge = Knowledge.load(settings)
    # Every table the stages read is on the knowledge, built by load: nothing is left for a
    # worker's first article to read through a module's cache of its own.
    assert knowledge.media.registry.lookup("TASS") and knowledge.media.wire_names and knowledge.coreference.weights
    assert knowledge.events.codes.codes and knowledge.events.modality.sets and knowledge.claims.countries
    assert knowledge.claims.media is knowledge.media and knowledge.claims.coreference is knowledge.coreference
    assert knowledge.events.coreference is knowledge.coreference
    knowledge.build_all(replace(settings, prefilter=True))
    assert knowledge.keep is not None and knowledge.actors._matchers and knowledge.media.registry._compiled
