"""The one error shape of the CLI: `error: <message>` on stderr, exit status 2, no traceback."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer

from wirewatch.errors import WirewatchError

P = ParamSpec("P")
T = TypeVar("T")

EXIT_USER_ERROR = 2


def fail(message: str) -> typer.Exit:
    """Print ``message`` in the error shape; returns the Exit to raise."""
    # One line: messages quoting multi-line DuckDB errors would otherwise spill over; and a
    # path or value with escape codes in it is shown escaped, never sent to the terminal.
    # (Imported here: loading ingest costs every command half a second, and only errors need it.)
    from wirewatch.ingest.source_names import source_name

    print(f"error: {source_name(' '.join(str(message).split()))}", file=sys.stderr)
    return typer.Exit(EXIT_USER_ERROR)


def user_errors(command: Callable[P, T]) -> Callable[P, T]:
    """Turn every WirewatchError raised by ``command`` into the error shape."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return command(*args, **kwargs)
        except WirewatchError as exc:
            raise fail(str(exc)) from None

    return wrapper
