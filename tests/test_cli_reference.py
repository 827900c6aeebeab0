"""docs/cli.md is the commands' own --help, so the reference cannot drift from the code."""

from __future__ import annotations

from shared_paths import REPO

from wirewatch.cli.reference import cli_reference


def test_docs_cli_md_is_the_generated_reference() -> None:
    written = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == cli_reference(), (
        "docs/cli.md differs from the commands' --help; regenerate it with "
        "`python -m wirewatch.cli.reference > docs/cli.md`"
    )


def test_the_reference_covers_every_command_and_option() -> None:
    text = cli_reference()
    for command in ("analyze", "events", "claims", "articles", "show", "duplicates", "threads", "thread",
                    "export", "eval", "serve", "registry import", "registry list"):
        assert f"`wirewatch {command}`" in text, command
    # Options are there as --help prints them, wrapped at a fixed width whatever the terminal.
    assert "--since <str>" in text and "--until <str>" in text
    assert all(len(line) <= 110 for line in text.splitlines() if not line.startswith(("Generated", "`tests"))), \
        "lines wider than the fixed help width"
