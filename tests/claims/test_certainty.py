import pytest
from stage_lexicons import claim_lexicons

from wirewatch.claims.certainty import claim_certainty
from wirewatch.claims.hedges import find_boosters, find_hedges


def test_levels():
    assert claim_certainty("high", kind="indirect", hedges=[], boosters=[], anonymous=False) == "high"
    assert claim_certainty("high", kind="indirect", hedges=["may"], boosters=[], anonymous=False) == "medium"
    assert claim_certainty("high", kind="direct", hedges=["may", "likely"], boosters=[], anonymous=False) == "low"
    assert claim_certainty("medium", kind="indirect", hedges=[], boosters=["clearly"], anonymous=False) == "high"
    assert claim_certainty("high", kind="according_to", hedges=[], boosters=[], anonymous=True) == "medium"
    assert claim_certainty("high", kind="unattributed", hedges=[], boosters=["clearly"], anonymous=False) == "low"
    with pytest.raises(ValueError, match="certain"):
        claim_certainty("sure", kind="indirect", hedges=[], boosters=[], anonymous=False)


def test_hedge_words_match_whole_words_and_curly_apostrophes():
    cues = claim_lexicons().cues
    assert find_hedges("While it’s said that troops may stay", cues) == ["it's said", "may"]
    assert find_hedges("Mayor Smith mayhem", cues) == []
    assert find_boosters("It is clearly a game, in fact", cues) == ["clearly", "in fact"]


def test_first_letter_lookahead_changes_no_match():
    """The hedge and booster patterns look ahead for a phrase's first letter before trying the
    phrases; without that lookahead they find the same words at the same places."""
    import re

    from wirewatch.claims.cues import _phrase_pattern

    cues = claim_lexicons().cues
    text = ("It’s said the deal MAY hold; Reportedly, officials ‘may’ have agreed. Clearly, "
            "in\nfact, it is understood to be final — undoubtedly so, said mayhem-free 'tis folk.")
    for pattern in (cues.hedges, cues.boosters, _phrase_pattern(["'tis", "may have"])):
        plain = re.compile(re.sub(r"^\(\?=\[[^]]*\]\)", "", pattern.pattern), pattern.flags)
        assert plain.pattern != pattern.pattern
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert pattern.findall(text)
