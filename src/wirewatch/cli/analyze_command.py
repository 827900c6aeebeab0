"""`wirewatch analyze PATH...`: analyse files, folders or stdin into the store.

Progress goes to stderr (on a terminal, a live bar with the total and an ETA where the inputs say
how many articles they hold, and the model's loading as a step of its own), then a one-line summary and one line per
failed input (`path: reason`). The events and claims found are printed on stdout when
asked with ``--print``, and by default when the run analysed between 1 and ``AUTO_PRINT_MAX``
articles (looking at one or two files is the common small case; a corpus run is not).
Exit status: 0, or 1 when some inputs failed; 2 for a usage or store error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from wirewatch.cli import claims as claims_cli
from wirewatch.cli import events as events_cli
from wirewatch.cli.expected_total import expected_articles
from wirewatch.cli.failure import user_errors
from wirewatch.cli.options import DbOption, load_settings, store_path
from wirewatch.cli.output import check_format, rows_table, stdout_console, to_json
from wirewatch.ingest.source_names import source_name
from wirewatch.run import RunSummary, run_corpus
from wirewatch.settings import Settings
from wirewatch.store import ClaimQuery, EventQuery, Store, open_store

AUTO_PRINT_MAX = 3


def found_rows(store: Store, article_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Events (every modality) and claims of the given articles, through the query layer."""
    events: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    for article_id in article_ids:
        events += store.events(EventQuery.every(article_id=article_id))
        claims += store.claims(ClaimQuery(article_id=article_id))
    return {"events": events, "claims": claims}


def analyze_paths(
    paths: list[str], settings: Settings, show_progress: bool = False, want_rows: bool | None = None,
) -> tuple[RunSummary, dict[str, list[dict[str, Any]]] | None]:
    """Run the corpus runner on ``paths`` into ``settings.db_path``; rows found if wanted (None = auto).

    The runner analyses with the engine ``settings`` choose (``scale.engines``).
    """
    with open_store(settings.db_path) as store:
        if show_progress:
            summary = _run_with_bar(paths, settings, store)
        else:
            summary = run_corpus(paths, settings, store)
        wanted = want_rows if want_rows is not None else 0 < summary.analysed <= AUTO_PRINT_MAX
        rows = found_rows(store, summary.article_ids) if wanted else None
    return summary, rows


def _run_with_bar(paths: list[str], settings: Settings, store: Store) -> RunSummary:
    """The run under a progress bar on stderr: articles read of the total (when the inputs can
    say how many: folders, files, JSON Lines, WARC) with an ETA, and the model's loading shown
    as a step of its own instead of a silent pause."""
    err = Console(stderr=True)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("counting inputs", total=None)
        bar.update(task, description="reading")
        # Passed only for a person watching the bar, so a caller's own run_corpus defaults (tests) stand.
        options: dict[str, Any] = {}
        if err.is_terminal:
            bar.update(task, total=expected_articles(paths))
            options["announce"] = lambda text: bar.update(task, description=text)

        def update(s: RunSummary) -> None:
            rate = s.analysed / s.seconds if s.seconds else 0.0
            bar.update(
                task, completed=s.articles_read,
                # Short, so the bar and its ETA keep their room on an 80-column terminal; the full
                # counts come in the summary line at the end.
                description=f"{s.analysed} analysed · {rate:.1f}/s · {s.skipped} skipped · {s.failed} failed",
            )

        return run_corpus(paths, settings, store, progress=update, **options)


def summary_line(s: RunSummary) -> str:
    return (
        f"{s.articles_read} articles read, {s.analysed} analysed, {s.skipped} skipped as already stored or repeated, "
        f"{s.failed} failed{f', {s.duplicates} near-duplicate reprints stored uncoded' if s.duplicates else ''}; {s.events} events, {s.claims} claims in {s.seconds:.1f}s"
    )


@user_errors
def analyze_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for stdin.")],
    db: DbOption = None,
    model: Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline to use.")] = None,
    batch_size: Annotated[Optional[int], typer.Option("--batch-size", min=1, help="Articles per batch and per store transaction.")] = None,
    processes: Annotated[Optional[int], typer.Option("--processes", min=1, help="Processes for spaCy's nlp.pipe.")] = None,
    print_found: Annotated[
        Optional[bool],
        typer.Option("--print/--no-print", help=f"Print the events and claims found [default: when at most {AUTO_PRINT_MAX} articles were analysed]."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="How to print what was found: table or json.")] = "table",
    gazetteer: Annotated[Optional[Path], typer.Option(
        "--gazetteer", help="A GeoNames dump (allCountries.txt layout) to add to the built-in gazetteer.")] = None,
    dictionaries: Annotated[Optional[list[Path]], typer.Option(
        "--dictionaries", help="PETRARCH dictionary file or folder (repeatable): code events with it first.")] = None,
    engine: Annotated[Optional[str], typer.Option(
        "--engine", help="local (this machine's processes) or ray (Ray Data; needs wirewatch[ray]; RAY_ADDRESS picks a cluster) [default: local, or WIREWATCH_ENGINE].")] = None,
) -> None:
    """Analyse articles into the store; already stored articles are skipped."""
    check_format(fmt, ("table", "json"))
    settings = load_settings(db_path=store_path(db), model=model, batch_size=batch_size, n_process=processes,
                             gazetteer_file=gazetteer, dictionaries=tuple(dictionaries) if dictionaries else None,
                             engine=engine)
    summary, rows = analyze_paths(paths, settings, show_progress=True, want_rows=print_found)
    print(summary_line(summary), file=sys.stderr)
    for problem in summary.problems:
        # Sources are escaped when read; reasons may quote a parser's words about the input.
        print(source_name(f"{problem.source}: {' '.join(problem.reason.split())}"), file=sys.stderr)
    if rows is not None:
        if fmt == "json":
            print(to_json({"summary": summary.to_json(), **rows}))
        else:
            console = stdout_console()
            console.print(rows_table(rows["events"], events_cli.TABLE_COLUMNS, title=f"events ({len(rows['events'])})"))
            console.print(rows_table(rows["claims"], claims_cli.TABLE_COLUMNS, title=f"claims ({len(rows['claims'])})"))
    if summary.failed:
        raise typer.Exit(1)
