"""The filter options of the listing commands, generated from the store's filter tables
(``store.filters``): the same names, values and meanings as the HTTP API's parameters.

``with_filters(table)`` adds the table's options to a command's signature (Typer reads the
signature) and hands the command one ``query`` instead of the loose values.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any, Optional

import typer

from wirewatch.store.filters import CHOICE, FLAG, FRACTION, NUMBER, TEXT, TEXTS, YES_NO, Filter, FilterTable


def _parameter(spec: Filter) -> inspect.Parameter:
    """The Typer option for one filter, as a keyword-only parameter."""
    names = (spec.flags,) if spec.flags else (spec.option,)
    option: Any
    annotation: Any  # a type or a typing form, read by Typer at run time
    if spec.kind == TEXT:
        annotation, option, default = Optional[str], typer.Option(*names, help=spec.help), None
    elif spec.kind == TEXTS:
        annotation, option, default = Optional[list[str]], typer.Option(*names, help=spec.help), None
    elif spec.kind == YES_NO:
        annotation = Optional[bool] if spec.default is None else bool
        option, default = typer.Option(*names, help=spec.help), spec.default
    elif spec.kind == FLAG:
        annotation, option, default = bool, typer.Option(*names, help=spec.help), False
    elif spec.kind in (NUMBER, FRACTION):
        number = int if spec.kind == NUMBER else float
        option = typer.Option(*names, help=spec.help, min=spec.minimum, max=spec.maximum)
        annotation, default = (number, spec.default) if spec.default is not None else (Optional[number], None)
    elif spec.kind == CHOICE:
        annotation, option, default = str, typer.Option(*names, help=spec.help), spec.default
    else:
        raise ValueError(f"filter {spec.name}: unknown kind {spec.kind!r}")
    return inspect.Parameter(spec.name, inspect.Parameter.KEYWORD_ONLY, default=default,
                             annotation=Annotated[annotation, option])


def with_filters(table: FilterTable) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give a command (which takes ``query``) the options of ``table`` instead."""
    added = [_parameter(spec) for spec in table.filters]
    names = table.names()

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(command, eval_str=True)
        own = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in signature.parameters.values() if p.name != "query"]

        @functools.wraps(command)
        def wrapper(**kwargs: Any) -> Any:
            values = {name: kwargs.pop(name) for name in names if name in kwargs}
            return command(query=table.build(values), **kwargs)

        # Typer builds the options from the signature and the type hints: both get the filters'.
        wrapper.__signature__ = signature.replace(parameters=[*own, *added])  # type: ignore[attr-defined]
        hints = {k: v for k, v in inspect.get_annotations(command, eval_str=True).items() if k != "query"}
        wrapper.__annotations__ = {**hints, **{p.name: p.annotation for p in added}}
        return wrapper

    return decorate
