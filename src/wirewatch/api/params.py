"""Query-string parameters shared by the event list and every chart, turned into query objects.

The dashboard sends the same filter to the event list, the timeline, the network and the map,
so one dependency builds the ``EventQuery`` for all of them; a chart's "show the events
behind this" link is then just the event list with the same parameters.
"""

from __future__ import annotations

from typing import Annotated, Optional

from fastapi import Query

from wirewatch.store import ClaimQuery, EventQuery

# Page sizes: what a client gets without asking, and the most it may ask for.
DEFAULT_PAGE = 50
MAX_PAGE = 1000

Text = Optional[str]


def blank_to_none(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def event_filter(
    actor: Annotated[Text, Query(description="Source or target: actor code prefix (RUS, VENMIL) or words.")] = None,
    source: Annotated[Text, Query(description="Source actor only (code prefix or words); with target, a dyad.")] = None,
    target: Annotated[Text, Query(description="Target actor only (code prefix or words).")] = None,
    country: Annotated[Text, Query(description="ISO3 country of source, target or place.")] = None,
    sector: Annotated[Text, Query(description="Sector code of source or target (GOV, MIL, MED...).")] = None,
    type: Annotated[Text, Query(description="PLOVER type (e.g. aid) or CAMEO code / root prefix (e.g. 19, 042).")] = None,
    quad_class: Annotated[Optional[int], Query(ge=1, le=4, description="1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict.")] = None,
    modality: Annotated[list[str], Query(description="Modalities to include (repeatable), or `all`; default asserted only.")] = [],  # noqa: B006
    coding: Annotated[str, Query(pattern="^(coded|uncoded|all)$", description="coded (default): events with a source or target actor; uncoded: events with neither (for review); all.")] = "coded",
    certainty: Annotated[list[str], Query(description="Certainty levels to include (repeatable): low, medium, high.")] = [],  # noqa: B006
    attributed: Annotated[Optional[bool], Query(description="true: events inside someone's claim; false: the publisher's own voice.")] = None,
    since: Annotated[Text, Query(description="From this date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[Text, Query(description="Up to this date (inclusive), same forms.")] = None,
    day_from: Annotated[Text, Query(description="From this day (YYYY-MM-DD) as the timeline's bars count it: the event's own day, or its article's when it has no date (events dated to a month or year have no day).")] = None,
    day_to: Annotated[Text, Query(description="Up to this day, same reckoning.")] = None,
    precision: Annotated[list[str], Query(description="How the event is dated (repeatable): day, report (no date of its own: its article's day), month, year, range, undated.")] = [],  # noqa: B006
    place: Annotated[Text, Query(description="Words of the place name, or its ISO3 country.")] = None,
    q: Annotated[Text, Query(description="Words of the evidence sentence.", max_length=200)] = None,
    article: Annotated[Text, Query(description="Article id or id prefix.")] = None,
    claim: Annotated[Text, Query(description="Events inside this claim.")] = None,
    cluster: Annotated[Text, Query(description="Events of this cluster.")] = None,
    claimant: Annotated[Text, Query(description="Words of who claims the event, or the speaker code prefix of its claim.")] = None,
    outlet: Annotated[Text, Query(description="An outlet in the reporting chain of the event's claim, or the publisher.")] = None,
    state_media: Annotated[Optional[bool], Query(description="true: a state outlet is the source, in the chain or the publisher.")] = None,
) -> EventQuery:
    wanted = tuple(m for m in modality if m)
    return EventQuery(
        actor=blank_to_none(actor), source=blank_to_none(source), target=blank_to_none(target),
        country=blank_to_none(country), sector=blank_to_none(sector), event_type=blank_to_none(type),
        quad_class=quad_class,
        modality=() if "all" in wanted else wanted, include_all_modalities="all" in wanted,
        coded={"coded": True, "uncoded": False}.get(coding),
        certainty=tuple(c for c in certainty if c), attributed=attributed,
        date_from=blank_to_none(since), date_to=blank_to_none(until), place=blank_to_none(place),
        day_from=blank_to_none(day_from), day_to=blank_to_none(day_to), precision=tuple(p for p in precision if p),
        text=blank_to_none(q), article_id=blank_to_none(article), claim_id=blank_to_none(claim),
        cluster_id=blank_to_none(cluster), claimant=blank_to_none(claimant), outlet=blank_to_none(outlet),
        state_media=state_media,
    )


def claim_filter(
    speaker: Annotated[Text, Query(description="Words of the speaker's text or name, or a code prefix.")] = None,
    kind: Annotated[Text, Query(description="direct, indirect, mixed, according_to or unattributed.")] = None,
    outlet: Annotated[Text, Query(description="Any name in the reporting chain, or the publisher.")] = None,
    state_media: Annotated[Optional[bool], Query(description="true: state-affiliated media in the chain.")] = None,
    certainty: Annotated[list[str], Query(description="Certainty levels to include (repeatable).")] = [],  # noqa: B006
    since: Annotated[Text, Query(description="Published from this date.")] = None,
    until: Annotated[Text, Query(description="Published up to this date.")] = None,
    article: Annotated[Text, Query(description="Article id or id prefix.")] = None,
) -> ClaimQuery:
    return ClaimQuery(
        speaker=blank_to_none(speaker), kind=blank_to_none(kind), outlet=blank_to_none(outlet),
        state_media=state_media, certainty=tuple(c for c in certainty if c),
        date_from=blank_to_none(since), date_to=blank_to_none(until), article_id=blank_to_none(article),
    )


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Rows per page (at most {MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip (paging).")]
Format = Annotated[str, Query(pattern="^(json|csv)$", description="json (default) or csv.")]
