"""The event filter shared by `wirewatch events` and `wirewatch export`: one definition of the
options and of how they become an ``EventQuery``, so an export holds exactly the events the
listing shows (asserted events with an actor unless the options say otherwise).

``with_event_filter`` adds the options to a command's signature (Typer reads the signature)
and hands the command one ``query`` instead of fourteen loose values.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any, Optional

import typer

from wirewatch.errors import WirewatchError
from wirewatch.store import EventQuery

CODINGS = ("coded", "uncoded", "all")
_CODED = {"coded": True, "uncoded": False, "all": None}


class FilterOptionError(WirewatchError):
    """A filter option value that makes no query."""


def _option(annotation: Any, *names: str, help: str, **extra: Any) -> Any:  # noqa: A002 - Typer's word
    return Annotated[annotation, typer.Option(*names, help=help, **extra)]


# name -> (annotation with its Typer option, default). Order is the order `--help` lists them.
OPTIONS: dict[str, tuple[Any, Any]] = {
    "actor": (_option(Optional[str], "--actor", help="Source or target: code prefix (RUS, VENMIL) or words."), None),
    "country": (_option(Optional[str], "--country", help="ISO3 country of source, target or place."), None),
    "event_type": (_option(Optional[str], "--type", help="PLOVER type (e.g. protest) or CAMEO code/root prefix (e.g. 19)."), None),
    "modality": (_option(Optional[list[str]], "--modality", help="Include events of this modality (repeatable); default: asserted only."), None),
    "all_modalities": (_option(bool, "--all-modalities", help="Include negated, hypothetical, future and hedged events."), False),
    "coding": (_option(str, "--coding", help="coded (default: events with a source or target actor), uncoded (neither: kept for review) or all."), "coded"),
    "since": (_option(Optional[str], "--since", help="From this date: YYYY, YYYY-MM or YYYY-MM-DD."), None),
    "until": (_option(Optional[str], "--until", help="Up to this date (inclusive), same forms."), None),
    "article": (_option(Optional[str], "--article", help="Only this article (id or id prefix)."), None),
    "attributed": (_option(Optional[bool], "--attributed/--publisher-voice", help="Only events inside someone's claim / only those the publisher asserts itself."), None),
    "claimant": (_option(Optional[str], "--claimant", help="Who says so: words of the speaker's name or a speaker code prefix."), None),
    "outlet": (_option(Optional[str], "--outlet", help="An outlet in the claim's reporting chain, or the publisher (words)."), None),
    "state_media": (_option(Optional[bool], "--state-media/--no-state-media", help="Only events a state-affiliated outlet is source of, relays or publishes / only the others."), None),
    "certainty": (_option(Optional[list[str]], "--certainty", help="low, medium or high (repeatable)."), None),
}


def event_query(
    *, actor: str | None = None, country: str | None = None, event_type: str | None = None,
    modality: list[str] | None = None, all_modalities: bool = False, coding: str = "coded",
    since: str | None = None, until: str | None = None, article: str | None = None,
    attributed: bool | None = None, claimant: str | None = None, outlet: str | None = None,
    state_media: bool | None = None, certainty: list[str] | None = None,
) -> EventQuery:
    """The options' values as the one query object every interface uses."""
    if coding not in _CODED:
        raise FilterOptionError(f"--coding {coding!r} is not one of {', '.join(CODINGS)}")
    return EventQuery(
        actor=actor, country=country, event_type=event_type, modality=tuple(modality or ()),
        include_all_modalities=all_modalities, coded=_CODED[coding], date_from=since, date_to=until,
        article_id=article, attributed=attributed, claimant=claimant, outlet=outlet, state_media=state_media,
        certainty=tuple(certainty or ()),
    )


def with_event_filter(command: Callable[..., Any]) -> Callable[..., Any]:
    """Give ``command`` (which takes ``query: EventQuery``) the event filter options instead."""
    signature = inspect.signature(command, eval_str=True)
    own = [p for p in signature.parameters.values() if p.name != "query"]
    added = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
        for name, (annotation, default) in OPTIONS.items()
    ]
    keyword_own = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own]

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> Any:
        values = {name: kwargs.pop(name) for name in OPTIONS if name in kwargs}
        return command(query=event_query(**values), **kwargs)

    # Typer builds the options from the signature and the type hints: both get the filter's.
    wrapper.__signature__ = signature.replace(parameters=[*keyword_own, *added])  # type: ignore[attr-defined]
    hints = {k: v for k, v in inspect.get_annotations(command, eval_str=True).items() if k != "query"}
    wrapper.__annotations__ = {**hints, **{name: annotation for name, (annotation, _) in OPTIONS.items()}}
    return wrapper
