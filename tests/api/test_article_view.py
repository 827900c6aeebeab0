"""Hedge cues are located in the text for the article view: in a claim's content or just before it."""

from __future__ import annotations

from wirewatch.records import Claim
from wirewatch.store.article_view import hedge_spans

TEXT = (
    "The Ukrainian official added that Makarevich appears to have had his stay extended. "
    "It's said that the increased presence is reportedly due to drug traffickers. "
    "Analysts disappeared from view."
)


def claim(content: str, hedges: list[str], cue: str | None = None) -> Claim:
    start = TEXT.index(content)
    cue_start = TEXT.index(cue) if cue else None
    return Claim(claim_id="c", article_id="a", kind="unattributed", speaker_text=None, speaker_name=None,
                 speaker_code=None, speaker_kind=None, cue=cue, content=content, char_start=start,
                 char_end=start + len(content), hedges=hedges, cue_start=cue_start,
                 cue_end=cue_start + len(cue) if cue else None)


def found(c: Claim) -> list[str]:
    return [TEXT[s["char_start"]:s["char_end"]] for s in hedge_spans(TEXT, c)]


def test_hedge_inside_the_content() -> None:
    assert found(claim("Makarevich appears to have had his stay extended", ["appears to"])) == ["appears to"]


def test_hedge_lead_in_before_the_content_and_case_and_words() -> None:
    c = claim("the increased presence is reportedly due to drug traffickers", ["it's said", "reportedly"], cue="It's said")
    assert found(c) == ["It's said", "reportedly"]


def test_whole_words_only_and_nothing_outside_the_window() -> None:
    # "appear" must not match inside "disappeared", and a hedge far after the claim is not its own.
    assert found(claim("Analysts disappeared from view", ["appear"])) == []
    assert found(claim("Makarevich appears to have had his stay extended", ["reportedly"])) == []
