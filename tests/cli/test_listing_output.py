"""`wirewatch events|claims|articles`: one set of output options, same rows as the Python API."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli.app import app
from wirewatch.store import CLAIM_FIELDS, EVENT_FIELDS, ArticleQuery, ClaimQuery, EventQuery, open_store

runner = CliRunner(env={"COLUMNS": "250"})  # wide enough that Rich does not wrap


def _run(*args: str):
    return runner.invoke(app, list(args))


def test_events_json_is_the_python_api_result(filled_db: Path) -> None:
    result = _run("events", "--db", str(filled_db), "--format", "json", "--actor", "RUS", "--all-modalities")
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    with open_store(filled_db, read_only=True) as store:
        assert printed == store.events(EventQuery(actor="RUS", include_all_modalities=True))
    assert [e["plover_type"] for e in printed] == ["aid", "influence", "protest"]
    assert all(list(e) == list(EVENT_FIELDS) for e in printed)


def test_events_filters_reach_the_query(filled_db: Path) -> None:
    def types(*args: str) -> list[str]:
        result = _run("events", "--db", str(filled_db), "-f", "json", *args)
        assert result.exit_code == 0, result.output
        return sorted(e["plover_type"] for e in json.loads(result.stdout))

    assert types() == ["aid", "influence"]
    assert types("--modality", "hypothetical", "--modality", "negated") == ["assault", "protest"]
    assert types("--all-modalities", "--country", "MEX") == ["influence", "protest"]
    assert types("--all-modalities", "--type", "19") == ["assault"]
    assert types("--type", "influence", "--since", "2024-06", "--until", "2024-06-30") == ["influence"]
    assert types("--all-modalities", "--limit", "1") == ["aid"]


def test_db_from_environment(filled_db: Path) -> None:
    result = runner.invoke(app, ["articles", "-f", "json"], env={"WIREWATCH_DB": str(filled_db)})
    assert result.exit_code == 0, result.output
    assert [a["publisher"] for a in json.loads(result.stdout)] == ["Daily Star", "Example Times"]


def test_claims_csv_parses_back(filled_db: Path) -> None:
    result = _run("claims", "--db", str(filled_db), "--format", "csv", "--outlet", "War Zone")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == list(CLAIM_FIELDS)
    assert [r["speaker_name"] for r in rows] == ["Kyrylo Budanov"]
    assert json.loads(rows[0]["chain"])[1] == "The War Zone"
    with open_store(filled_db, read_only=True) as store:
        assert rows[0]["claim_id"] == store.claims(ClaimQuery(outlet="War Zone"))[0]["claim_id"]


def test_table_shows_article_text_literally(filled_db: Path) -> None:
    result = _run("articles", "--db", str(filled_db))
    assert result.exit_code == 0, result.output
    assert "Putin sends general to Venezuela" in result.stdout
    assert "articles (2)" in result.stdout


def test_articles_json_includes_text(filled_db: Path, samples) -> None:
    result = _run("articles", "--db", str(filled_db), "-f", "json", "--publisher", "example")
    with open_store(filled_db, read_only=True) as store:
        assert json.loads(result.stdout) == store.articles(ArticleQuery(publisher="example"))
    assert json.loads(result.stdout)[0]["text"] == samples.MEXICO_TEXT


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "--format", "xml"], "error: format 'xml' is not one of table, json, csv"),
        (["events", "--modality", "maybe"], "error: modality 'maybe' is not one of asserted, negated"),
        (["claims", "--kind", "gossip"], "error: kind 'gossip' is not one of direct"),
        (["events", "--since", "yesterday"], "error: since='yesterday' is not a date"),
    ],
)
def test_bad_values_give_the_one_error_shape(filled_db: Path, args: list[str], message: str) -> None:
    result = _run(*args, "--db", str(filled_db))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_missing_store_is_a_one_line_error(tmp_path: Path) -> None:
    missing = tmp_path / "none.duckdb"
    result = _run("events", "--db", str(missing))
    assert result.exit_code == 2
    assert result.stderr == f"error: {missing}: no store here yet; run `wirewatch analyze` to create one, or pass --db\n"


def test_a_cut_listing_says_n_of_m_in_every_format(filled_db: Path) -> None:
    import json as json_module

    from typer.testing import CliRunner

    from wirewatch.cli.app import app

    runner = CliRunner()
    table = runner.invoke(app, ["events", "--db", str(filled_db), "--all-modalities", "--limit", "1"])
    assert "1 of 4 events shown; --limit 0 for all" in table.stdout
    as_json = runner.invoke(app, ["events", "--db", str(filled_db), "--all-modalities", "--limit", "1", "-f", "json"])
    assert len(json_module.loads(as_json.stdout)) == 1  # still a plain JSON array on stdout
    assert as_json.stderr == "note: 1 of 4 events shown; --limit 0 for all\n"
    as_csv = runner.invoke(app, ["claims", "--db", str(filled_db), "--limit", "1", "-f", "csv"])
    assert as_csv.stderr == "note: 1 of 2 claims shown; --limit 0 for all\n"
    whole = runner.invoke(app, ["events", "--db", str(filled_db), "--all-modalities", "-f", "json"])
    assert whole.stderr == ""


def test_clustered_lists_real_events_whose_reports_pass_the_filters(filled_db: Path) -> None:
    """--clustered keeps the listing's safe default (a real event one of whose reports is asserted,
    has an actor and is at the confidence floor) and applies every other event filter the same way."""
    from typer.testing import CliRunner

    from wirewatch.cli.app import app
    from wirewatch.cluster_run import recluster_store
    from wirewatch.store import open_store

    with open_store(filled_db) as store:
        recluster_store(store)

    def listed(*options: str) -> list[dict]:
        result = CliRunner().invoke(app, ["events", "--db", str(filled_db), "--clustered", "-f", "json",
                                          "--limit", "0", *options])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    every = listed("--all-modalities", "--coding", "all", "--min-confidence", "0")
    shown = listed()
    assert len(every) == 4 and {c["modality"] for c in every} >= {"hypothetical", "negated"}
    assert shown and {c["modality"] for c in shown} == {"asserted"} and len(shown) < len(every)
    mexico = listed("--actor", "MEX", "--all-modalities")
    assert mexico and all("MEX" in (c["source"] or "") + (c["target"] or "") for c in mexico)
    assert len(mexico) < len(every)
    assert listed("--min-confidence", "0.99") == []  # no report is that sure
    assert listed("--since", "2030-01-01") == []


def test_uncoded_events_are_reviewable_but_never_counted_by_default(tmp_path: Path, samples) -> None:
    from dataclasses import replace

    from typer.testing import CliRunner

    from wirewatch.cli.app import app

    analysis = samples.mexico()
    actorless = replace(analysis.events[0], event_id="uncoded1", source_text=None, source_code=None, source_country=None,
                        source_sector=None, target_text=None, target_code=None, target_country=None)
    db = tmp_path / "u.duckdb"
    with open_store(db) as store:
        store.write_batch([replace(analysis, events=[*analysis.events, actorless])])

    def ids(command: str, *options: str) -> set[str]:
        args = [command, "--db", str(db), *options]
        args += ["--format", "jsonl", "--out", "-"] if command == "export" else ["--format", "json"]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines() if command == "export" else [json.dumps(r) for r in json.loads(result.stdout)]
        return {json.loads(line)["event_id"] for line in lines}

    assert "uncoded1" not in ids("events") | ids("export")
    assert ids("events", "--coding", "uncoded") == ids("export", "--coding", "uncoded") == {"uncoded1"}
    assert "uncoded1" in ids("events", "--coding", "all") and "uncoded1" in ids("export", "--coding", "all")
    table = CliRunner(env={"COLUMNS": "250"}).invoke(app, ["events", "--db", str(db), "--coding", "uncoded"])
    assert "uncoded: -010 influence->" in table.stdout
    bad = CliRunner().invoke(app, ["events", "--db", str(db), "--coding", "some"])
    assert bad.exit_code == 2 and "--coding 'some' is not one of coded, uncoded, all" in bad.stderr
