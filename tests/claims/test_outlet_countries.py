"""The claims' outlet list (``claims/data/sources.yaml``) gives outlets their country; a country that
is no ISO3 code is a one-line error naming the file and the outlet, never a silent wrong code."""

from __future__ import annotations

import pytest

from wirewatch.claims.cues import _outlets, read_claim_cues
from wirewatch.errors import DictionaryError


def test_the_shipped_outlets_carry_iso3_codes_or_none() -> None:
    countries = [o.country for o in read_claim_cues().outlets if o.country is not None]
    assert countries and all(c == "---" or (len(c) == 3 and c.isalpha() and c.isupper()) for c in countries)


@pytest.mark.parametrize("country", ["usa", "US", "USAA", 840, "-", ""])
def test_a_country_that_is_no_iso3_code_is_refused(country: object) -> None:
    with pytest.raises(DictionaryError, match=r"sources\.yaml.*outlet #2 \(The Ledger\): country"):
        _outlets({"outlets": [{"name": "Kyodo", "country": "JPN"}, {"name": "The Ledger", "country": country}]})


def test_a_known_country_and_none_are_read() -> None:
    kyodo, wiki, plain = _outlets({"outlets": [{"name": "Kyodo", "country": "JPN"},
                                               {"name": "Wikinews", "country": "---"}, {"name": "The Ledger"}]})
    assert (kyodo.country, wiki.country, plain.country) == ("JPN", "---", None)
