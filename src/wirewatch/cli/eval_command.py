"""`wirewatch eval SUITE [PATH]`: score wirewatch on an evaluation set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table
from rich.text import Text

from wirewatch.cli.failure import user_errors
from wirewatch.cli.options import load_settings
from wirewatch.cli.output import stdout_console
from wirewatch.errors import EvalDataError
from wirewatch.eval import SUITES
from wirewatch.eval import suite as registered
from wirewatch.eval.floors import shortfalls
from wirewatch.eval.report import EvalReport

MAX_MISSES = 10


def run_eval(suite: str, path: Path | None, gazetteer: Path | None = None,
             dictionaries: tuple[Path, ...] | None = None) -> EvalReport:
    module = registered(suite).load()
    target = Path(path) if path is not None else Path(module.DEFAULT_PATH)
    if not target.exists():
        raise EvalDataError(f"{target}: evaluation set not found")
    return module.evaluate(target, load_settings(gazetteer_file=gazetteer, dictionaries=dictionaries or None))


def _report_tables(report: EvalReport) -> list[Table]:
    figures = Table(title=Text(f"{report.suite} — {report.dataset}"))
    figures.add_column("measure")
    figures.add_column("value", justify="right")
    rows = report.table or [(k, f"{v:.3f}" if isinstance(v, float) else str(v)) for k, v in report.figures.items()]
    for label, value in rows:
        figures.add_row(Text(str(label)), Text(str(value)))
    tables = [figures]
    for title, section in report.sections.items():
        table = Table(title=Text(str(title)), show_header=False)
        for row in section:
            table.add_row(*(Text(str(cell)) for cell in row))
        tables.append(table)
    if report.misses:
        keys = list(report.misses[0])
        misses = Table(title=f"first misses ({min(MAX_MISSES, len(report.misses))} of {len(report.misses)})")
        for key in keys:
            misses.add_column(key, overflow="fold")
        for miss in report.misses[:MAX_MISSES]:
            misses.add_row(*(Text(str(miss.get(k, ""))[:200]) for k in keys))
        tables.append(misses)
    return tables


@user_errors
def eval_command(
    suite: Annotated[str, typer.Argument(help=f"One of {', '.join(SUITES)}.")],
    path: Annotated[Optional[Path], typer.Argument(help="Evaluation set (file or folder) [default: the suite's].")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object of figures.")] = False,
    gazetteer: Annotated[Optional[Path], typer.Option(
        "--gazetteer", help="A GeoNames dump (allCountries.txt layout) to add to the built-in gazetteer.")] = None,
    dictionaries: Annotated[Optional[list[Path]], typer.Option(
        "--dictionaries", help="PETRARCH dictionary file or folder (repeatable), e.g. for `eval events`.")] = None,
    check: Annotated[bool, typer.Option(
        "--check", help="Exit 1 when a figure falls below the suite's floor (eval/data/floors.yaml); "
                        "the default set only.")] = False,
) -> None:
    """Score wirewatch on an evaluation set and print the figures."""
    if check and (path is not None or gazetteer is not None or dictionaries):
        # The floors were measured on the default set with the built-in knowledge; another set
        # or other dictionaries would be judged against figures that never described them.
        raise EvalDataError("--check judges the default set with the built-in knowledge: drop PATH, "
                            "--gazetteer and --dictionaries")
    report = run_eval(suite, path, gazetteer, tuple(dictionaries) if dictionaries else None)
    if as_json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        console = stdout_console()
        for table in _report_tables(report):
            console.print(table)
    if check:
        problems = shortfalls(report)
        for line in problems:
            typer.echo(f"regression: {suite}: {line}", err=True)
        if problems:
            raise typer.Exit(1)
