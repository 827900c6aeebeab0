"""The README, docs/ and .ci/run stay true to the code."""

from __future__ import annotations

import re

import pytest
from shared_paths import REPO
from typer.testing import CliRunner

from wirewatch.cli.app import app
from wirewatch.records import ActorMention, Article, Claim, Event, field_names

README = (REPO / "README.md").read_text(encoding="utf-8")
SCHEMA = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")


def bash_blocks(markdown: str) -> list[str]:
    return re.findall(r"```bash\n(.*?)```", markdown, flags=re.S)


def test_readme_starts_with_the_two_commands_and_ci_runs_the_second() -> None:
    blocks = bash_blocks(README)
    run_examples, run_tests = blocks[0].strip(), blocks[1].strip()
    assert "examples/" in run_examples and "requirements.lock" in run_examples
    assert "pytest" in run_tests and "requirements-test.lock" in run_tests
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert run_tests in ci.splitlines(), "README's test command and .ci/run differ"


@pytest.mark.parametrize("record", [Article, ActorMention, Event, Claim])
def test_every_record_field_is_documented(record: type) -> None:
    documented = set(re.findall(r"`([a-z_]+)`", SCHEMA))
    missing = [name for name in field_names(record) if name not in documented]
    assert not missing, f"{record.__name__} fields missing from docs/schema.md: {missing}"


def test_documented_article_fields_exist() -> None:
    section = SCHEMA.split("## Article", 1)[1].split("##", 1)[0]
    documented = re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.M)
    assert set(documented) <= set(field_names(Article))


def test_commands_in_the_readme_exist() -> None:
    code = "\n".join(bash_blocks(README))
    used = set(re.findall(r"(?:^|/)wirewatch ([a-z]+)", code, flags=re.M))
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    listed = set(re.findall(r"^\s{2,}([a-z]+)\s", result.output, flags=re.M))
    assert used and used <= listed, used - listed


LISTING = re.compile(r"^wirewatch (?:events|claims|articles|show|export)\b.*$", flags=re.M)


def test_the_using_it_commands_run(filled_db, tmp_path, monkeypatch) -> None:
    """Each listing and export command of the README's "Using it" block, and those shown in docs/,
    runs as written on a store of the sample analyses (analyze, eval and serve are run by their
    own tests: tests/test_readme_seed.py runs the seed's)."""
    import shlex

    block = README.split("## Using it", 1)[1].split("```bash\n", 1)[1].split("```", 1)[0]
    for page in sorted((REPO / "docs").glob("*.md")):
        block += "\n" + "\n".join(LISTING.findall("\n".join(bash_blocks(page.read_text(encoding="utf-8")))))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WIREWATCH_DB", str(filled_db))
    from wirewatch.store import open_store

    with open_store(filled_db, read_only=True) as store:
        article_id = store.articles()[0]["article_id"]
    ran = []
    for line in block.splitlines():
        command = shlex.split(line.split("#", 1)[0] if " # " in line else line)
        if not command or command[1] in ("analyze", "eval", "serve"):
            continue
        args = [article_id if a == "ARTICLE_ID" else a for a in command[1:]]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, (line, result.output)
        ran.append(command[1])
    assert {"events", "claims", "articles", "show", "export"} <= set(ran)
    assert len(ran) >= 14  # the README's eight and docs/claims.md's six
    assert (tmp_path / "events.parquet").exists()


def test_the_serve_synopsis_in_docs_matches_its_options() -> None:
    synopsis = (REPO / "docs" / "api.md").read_text(encoding="utf-8").split("```", 2)[1]
    shown = set(re.findall(r"--[a-z-]+", synopsis))
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, ["serve", "--help"])
    assert shown <= set(re.findall(r"--[a-z-]+", result.output)), shown
    from wirewatch.cli.serve_command import DEFAULT_PORT

    assert f"--port {DEFAULT_PORT}" in synopsis and f"127.0.0.1:{DEFAULT_PORT}" in README
