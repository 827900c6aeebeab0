"""Reprints across a real corpus: every copy is found with its original and share reused.

The corpus is PolNeAR (924 US political news articles) and AEB pages; the reprints are made
here the way outlets make them: a new headline and boilerplate, wire copy cut by its last
paragraph or extended by one, and a story that reuses half of another inside its own text.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from wirewatch.ingest import read_articles
from wirewatch.ingest.article import article_from_string
from wirewatch.ingest.reuse import ReuseIndex, fingerprints
from wirewatch.records import Article

pytestmark = [pytest.mark.needs_shared]

LOCAL_PARAGRAPH = (
    "Local officials in the county said they had not been told about the decision in advance "
    "and would ask the state legislature for a hearing before the end of the month."
)
OWN_REPORTING = [
    "Residents queued outside the community centre from early morning, many of them saying "
    "they had driven for more than an hour to be heard at the meeting.",
    "The council chairwoman told reporters the budget shortfall would not be closed by "
    "cutting library hours again, and promised a vote on new revenue in the spring.",
    "Several small business owners described rising rents on the main street and said "
    "they feared the changes would push them out within a year.",
]


def _paragraphs(article: Article) -> list[str]:
    return [p for p in article.text.split("\n\n") if p.strip()]


def reprints_of(original: Article, kind: str) -> str:
    paras = _paragraphs(original)
    if kind == "headline_boilerplate":
        return "\n\n".join(
            ["EXCLUSIVE: What you need to know today", *paras, "Follow us on Twitter for the latest updates.",
             "Copyright 2016 Example Media Group. All rights reserved."]
        )
    if kind == "cut":
        return "\n\n".join(paras[:-1])
    if kind == "extended":
        return "\n\n".join([*paras, LOCAL_PARAGRAPH])
    if kind == "partial":
        half = paras[: max(1, len(paras) // 2)]
        return "\n\n".join([*OWN_REPORTING, *half, *OWN_REPORTING[::-1]])
    raise ValueError(kind)


@pytest.fixture(scope="module")
def corpus(shared_data: Path) -> list[Article]:
    from wirewatch.settings import Settings

    settings = Settings()
    aeb = sorted((shared_data / "aeb" / "html").glob("*.html.gz"))[:30]
    paths = [shared_data / "polnear" / "train" / "text", shared_data / "polnear" / "dev" / "text", *aeb]
    return [a for a in read_articles(paths, settings) if isinstance(a, Article)]


def test_every_reprint_is_found_with_its_share(corpus: list[Article]) -> None:
    from wirewatch.settings import Settings

    settings = Settings()
    rng = random.Random(5)
    long_enough = [a for a in corpus if len(_paragraphs(a)) >= 6 and len(a.text.split()) >= 300]
    originals = rng.sample(long_enough, 24)
    reprints: list[tuple[Article, Article, str]] = []
    for number, original in enumerate(originals):
        kind = ("headline_boilerplate", "cut", "extended", "partial")[number % 4]
        copy = article_from_string(reprints_of(original, kind), settings=settings)
        reprints.append((copy, original, kind))

    index = ReuseIndex()
    flagged_originals = 0
    for article in corpus:  # the corpus first: reprints are published later
        finding = index.check(article)
        flagged_originals += finding.is_duplicate
    for copy, original, kind in reprints:
        if copy.article_id == original.article_id:
            assert kind == "headline_boilerplate"  # cleaning took the new lines away: an exact copy
            continue
        finding = index.check(copy)
        assert finding.reused_from == original.article_id, (kind, original.source)
        if kind == "partial":
            assert not finding.is_duplicate
            own = len(fingerprints("\n\n".join(OWN_REPORTING)))
            assert 0.3 <= finding.reuse_share <= 1 - own / len(finding.fingerprints) + 0.1, finding.reuse_share
        else:
            assert finding.near_duplicate_of == original.article_id, (kind, finding.similarity)
            assert finding.reuse_share >= 0.9
    # Distinct reports stay distinct: PolNeAR holds only a handful of genuine copies.
    assert flagged_originals <= 5


def test_reuse_index_sketches_round_trip(corpus: list[Article]) -> None:
    """What a later run loads from the store finds the same original as the live index."""
    first, second = corpus[0], corpus[1]
    live = ReuseIndex()
    found = live.check(first)
    reloaded = ReuseIndex()
    reloaded.add(first.article_id, found.minhash, found.fingerprints)
    cut = Article(article_id="x", text="\n\n".join(_paragraphs(first)[:-1]))
    assert reloaded.check(cut).near_duplicate_of == first.article_id
    assert reloaded.check(second).near_duplicate_of is None
