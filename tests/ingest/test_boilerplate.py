from __future__ import annotations

import pytest

from wirewatch.ingest.boilerplate import is_boilerplate_line, remove_boilerplate

pytestmark = [pytest.mark.needs_shared]

# The seed's scraped junk, line by line (as it appears in the file).
SEED_JUNK = {
    "- Advertisement -spot_imgspot_img",
    "- Advertisement -spot_img",
    "For the latest breaking news and stories from across the globe from the Daily Star, sign up for our newsletters.",
    "#Putin #Trumps #pincer #movement #South #America #troops #build #border",
    "Latest news",
    "Related news",
    "LEAVE A REPLY",
    "Please enter your comment!",
    "Please enter your name here",
}


def test_seed_keeps_every_real_paragraph_and_drops_every_junk_line(seed_text: str) -> None:
    cleaned = remove_boilerplate(seed_text)
    kept = set(cleaned.text.split("\n"))
    lines = [line.strip() for line in seed_text.split("\n") if line.strip()]
    assert SEED_JUNK <= set(lines), "the seed changed; update SEED_JUNK"
    for line in lines:
        if line in SEED_JUNK:
            assert line not in kept, line
        else:
            assert line in kept, line
    assert cleaned.removed == sum(1 for line in lines if line in SEED_JUNK)
    assert "\n\n\n" not in cleaned.text


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "- Advertisement -",
        "Story continues below advertisement",
        "Continue reading below",
        "Leave a comment",
        "Please enter your email address here",
        "You have entered an incorrect email address!",
        "#Ukraine #Russia #war",
        "Sign up for our free daily newsletter to get the best stories in your inbox.",
        "Subscribe to our newsletter",
        "Related stories",
        "You may also like",
        "READ MORE: Kremlin denies sending troops to Caracas",
        "See also: The ten tanks that changed the war",
        "Share this article",
        "Share on Facebook",
        "Facebook Twitter WhatsApp Email",
        "Follow us on Twitter and Instagram",
        "We use cookies to give you the best experience on our website.",
        "This website uses cookies. By continuing to browse you agree to our use of cookies.",
        "Accept all cookies",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Russia also signed new agreements strengthening military education exchanges with Nicaragua and Venezuela.",
        "Share prices in Moscow fell 5% after the announcement.",
        "Comments by the foreign minister drew a sharp rebuke from Washington.",
        "More than 120 soldiers were sent to the region, the official said.",
        "Readers who sign up for the programme will be trained in Caracas, the ministry said.",
        "The advertisement campaign by RT ran on Mexico City's busiest roads.",
        "Related news outlets in the region repeated the claim without checking it.",
        "Follow-up talks are planned for December.",
        "The hashtag #NoWar trended in Caracas on Monday.",
        "Latest news from the front suggests the offensive has stalled.",
    ],
)
def test_article_sentences_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate_line(line)


def test_tail_rail_is_cut_only_near_the_end(paragraphs: list[str]) -> None:
    body = "\n\n".join(paragraphs)
    tail = "Related news\n\nKremlin denies plan for base in Cuba\n\nSanctions bite as rouble slides"
    cleaned = remove_boilerplate(f"{body}\n\n{tail}")
    assert cleaned.text == body
    assert cleaned.removed == 3

    # The same heading early in an article is only a line, never a cut.
    early = f"{paragraphs[0]}\n\nRelated news\n\n" + "\n\n".join(paragraphs[1:])
    cleaned = remove_boilerplate(early)
    assert cleaned.text == body
    assert cleaned.removed == 1
