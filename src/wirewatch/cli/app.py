"""The `wirewatch` command line: a thin Typer app over plain functions that return results.

Every command lives in its own module; this file only registers them. A WirewatchError
anywhere becomes `error: <message>` on stderr with exit status 2 (see ``failure.py``).
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from wirewatch.cli.analyze_command import analyze_command
from wirewatch.cli.articles import articles_command
from wirewatch.cli.claims import claims_command
from wirewatch.cli.duplicates_command import duplicates_command
from wirewatch.cli.eval_command import eval_command
from wirewatch.cli.events import events_command
from wirewatch.cli.export_command import export_command
from wirewatch.cli.registry_command import registry_app
from wirewatch.cli.serve_command import serve_command
from wirewatch.cli.show import show_command
from wirewatch.cli.threads_command import thread_command, threads_command

app = typer.Typer(
    name="wirewatch",
    help="News articles to event data with provenance: who did what to whom, where and when, and who says so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from wirewatch import __version__

        print(f"wirewatch {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = None,
) -> None:
    """wirewatch: event data with provenance from news articles."""


app.command("analyze")(analyze_command)
app.command("events")(events_command)
app.command("claims")(claims_command)
app.command("articles")(articles_command)
app.command("show")(show_command)
app.command("duplicates")(duplicates_command)
app.command("threads")(threads_command)
app.command("thread")(thread_command)
app.command("export")(export_command)
app.command("eval")(eval_command)
app.add_typer(registry_app, name="registry")
app.command("serve")(serve_command)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
