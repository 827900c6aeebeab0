"""Datelines, credit lines and wire credits (wirewatch.media.credits): which agency a piece came from."""

from __future__ import annotations

import pytest
from stage_lexicons import media

from wirewatch.media.credits import (
    CREDIT_KINDS,
    credit_spans,
    credited_outlets,
    find_credits,
    wire_services,
)


def agency_named(text: str) -> str | None:
    """The agency called ``text``, by the built-in registry and wire list (``MediaKnowledge``)."""
    return media().agency_named(text)


@pytest.mark.parametrize(
    ("text", "outlet", "kind", "place"),
    [
        ("WASHINGTON (AP) — The senator said the bill would pass.", "Associated Press", "dateline", "WASHINGTON"),
        ("MOSCOW, March 3 (Reuters) - The Kremlin said the talks would go on.", "Reuters", "dateline", "MOSCOW"),
        ("Talks stall\n\nPARIS (AFP) – The minister said ...", "Agence France-Presse", "dateline", "PARIS"),
        ("KYIV, Ukraine (AP) — Officials said ...", "Associated Press", "dateline", "KYIV, Ukraine"),
        ("WASHINGTON, D.C. (UPI) -- The senator said ...", "United Press International", "dateline", "WASHINGTON, D.C."),
        ("(Reuters) - The company said ...", "Reuters", "dateline", None),
        ("The minister said the navy would hold drills. (Xinhua, 03/12/2024)", "Xinhua", "credit_line", None),
        ("The talks ended without a deal. (TASS, March 3)", "TASS", "credit_line", None),
        ("The ships docked on Monday. (Actualidad RT, 4 de marzo de 2024)", "RT en Español", "credit_line", None),
        ("The talks ended.\n(Reuters)\n", "Reuters", "credit_line", None),
        ("The Associated Press contributed to this report.", "Associated Press", "contributed", None),
        ("Associated Press writer Jill Colvin contributed from Albuquerque.", "Associated Press", "contributed", None),
        ("Reuters contributed to this story.", "Reuters", "contributed", None),
        ("h/t: The Hill", "The Hill", "hat_tip", None),
    ],
)
def test_credit_forms(text, outlet, kind, place):
    [credit] = find_credits(text, agency_named)
    assert (credit.outlet, credit.kind, credit.place) == (outlet, kind, place)
    assert credit.kind in CREDIT_KINDS
    words = text[credit.start : credit.end]
    assert "(" in words or "contributed" in words or "h/t" in words


@pytest.mark.parametrize(
    "text",
    [
        "Rep. Lamar Smith (R-Texas) — who chairs the committee — said ...",  # a party label, not a wire
        "Sen. Bernie Sanders (Vt.) - said ...",
        "Trump never contributed to Pell Grants, Clinton said.",
        "The group (about 40 people) met on Monday (in Paris).",
        "the ap of it (ap) — nothing",  # short forms keep their case
    ],
)
def test_no_credit_where_no_agency(text):
    assert find_credits(text, agency_named) == []


def test_credited_outlets_once_each_in_order_and_spans():
    text = "WASHINGTON (AP) — The senator said the bill would pass.\n\n(AP) — More.\n\nReuters contributed to this report."
    assert credited_outlets(text, agency_named) == ["Associated Press", "Reuters"]
    spans = credit_spans(text, agency_named)
    assert text[spans[0][0] : spans[0][1]] == "WASHINGTON (AP) —"


def test_agency_names_come_from_the_wire_list_and_the_registry():
    assert media().wire_names["Associated Press"] == "Associated Press"
    assert agency_named("AP") == "Associated Press"
    assert agency_named("ap") is None
    assert agency_named("the Associated Press") == "Associated Press"
    assert agency_named("Tass") == "TASS"  # a state agency, from the state-media registry
    assert agency_named("Sputnik Mundo") == "Sputnik Mundo"
    assert agency_named("R-Texas") is None
    assert all(w.name for w in wire_services())
