"""Hand-built analyses of two short articles, and stand-ins for ingest and the NLP stages,
so store, export, runner and CLI tests need no model.

Loaded by path from the conftest files of tests/store, tests/export and tests/cli.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from wirewatch.records import ActorMention, Analysis, Article, Claim, Event, InputProblem, stable_id
from wirewatch.settings import Settings

VENEZUELA_TEXT = (
    "Russia has sent a general and 120 military trainers to Venezuela, a Ukrainian intelligence "
    "chief told The War Zone. Maduro would not leave if the United States launched an attack, he said. "
    "A banner read [bold]Viva[/bold] <script>alert(1)</script> outside the embassy."
)
MEXICO_TEXT = (
    "RT bought billboards across Mexico City in June to promote its Spanish-language channel, "
    "according to officials in Washington. Mexico did not protest the campaign."
)


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _event(article: Article, phrase: str, **fields: object) -> Event:
    start, end = _span(article.text, phrase)
    base: dict[str, object] = dict(
        event_id=stable_id(article.article_id, start, fields.get("cameo_code")),
        article_id=article.article_id, sentence_index=0, char_start=start, char_end=end, evidence=phrase,
        source_text=None, source_code=None, source_country=None, source_sector=None,
        target_text=None, target_code=None, target_country=None, target_sector=None,
        rule="test", confidence=0.8,
    )
    base.update(fields)
    return Event(**base)  # type: ignore[arg-type]


def venezuela(publisher: str = "Daily Star") -> Analysis:
    article = Article(
        article_id=stable_id(VENEZUELA_TEXT), text=VENEZUELA_TEXT, url="https://www.dailystar.co.uk/news/x",
        title="Putin sends general to Venezuela", publisher=publisher, authors=["Jane Doe", "John Roe"],
        published_at="2025-11-03T10:00:00", language="en", source="seed/venezuela.html",
    )
    c_start, c_end = _span(VENEZUELA_TEXT, "Russia has sent a general and 120 military trainers to Venezuela")
    s_start, s_end = _span(VENEZUELA_TEXT, "a Ukrainian intelligence chief")
    q_start, q_end = _span(VENEZUELA_TEXT, "told")
    claim = Claim(
        claim_id=stable_id(article.article_id, "claim", c_start), article_id=article.article_id, kind="indirect",
        speaker_text="a Ukrainian intelligence chief", speaker_name="Kyrylo Budanov", speaker_code="UKRGOV",
        speaker_kind="person", cue="told", content=VENEZUELA_TEXT[c_start:c_end], char_start=c_start,
        char_end=c_end, certainty="medium", hedges=[], chain=["Kyrylo Budanov", "The War Zone", "Daily Mail", publisher],
        speaker_start=s_start, speaker_end=s_end, cue_start=q_start, cue_end=q_end,
    )
    sent = _event(
        article, "Russia has sent a general and 120 military trainers to Venezuela",
        source_text="Russia", source_code="RUS", source_country="RUS", target_text="Venezuela",
        target_code="VEN", target_country="VEN", cameo_code="074", cameo_root="07", quad_class=2,
        goldstein=3.4, plover_type="aid", plover_mode="military", plover_contexts=["military"],
        claim_id=claim.claim_id, claimant="Kyrylo Budanov", certainty="medium",
        place_text="Venezuela", place_name="Venezuela", place_country="VEN", place_geonameid=3625428,
        lat=8.0, lon=-66.0, date="2025-11", date_granularity="month", date_text="November",
    )
    attack = _event(
        article, "the United States launched an attack",
        source_text="the United States", source_code="USA", source_country="USA", target_code="VEN",
        target_country="VEN", cameo_code="190", cameo_root="19", quad_class=4, goldstein=-10.0,
        plover_type="assault", modality="hypothetical", certainty="low",
    )
    mention = ActorMention(
        mention_id=stable_id(article.article_id, 0), article_id=article.article_id, sentence_index=0,
        char_start=0, char_end=6, text="Russia", code="RUS", name="Russia", country="RUS", kind="state",
    )
    return Analysis(article=article, mentions=[mention], events=[sent, attack], claims=[claim])


def mexico() -> Analysis:
    article = Article(
        article_id=stable_id(MEXICO_TEXT), text=MEXICO_TEXT, url="https://example.org/rt-billboards",
        title="RT billboards in Mexico City", publisher="Example Times", published_at="2024-06-10",
        language="en", source="feeds/mexico.txt",
    )
    campaign = _event(
        article, "RT bought billboards across Mexico City",
        source_text="RT", source_code="RUSMED", source_country="RUS", source_sector="MED",
        target_text="Mexico", target_code="MEX", target_country="MEX", cameo_code="010", cameo_root="01",
        quad_class=1, goldstein=0.0, plover_type="influence", plover_contexts=["misinformation"],
        place_text="Mexico City", place_name="Mexico City", place_country="MEX", place_geonameid=3530597,
        lat=19.43, lon=-99.13, date="2024-06", date_granularity="month", date_text="in June",
    )
    refusal = _event(
        article, "Mexico did not protest the campaign",
        source_text="Mexico", source_code="MEXGOV", source_country="MEX", target_text="RT", target_code="RUSMED",
        target_country="RUS", cameo_code="141", cameo_root="14", quad_class=3, goldstein=-6.5,
        plover_type="protest", modality="negated",
    )
    c_start, c_end = _span(MEXICO_TEXT, "RT bought billboards across Mexico City in June")
    claim = Claim(
        claim_id=stable_id(article.article_id, "claim", c_start), article_id=article.article_id,
        kind="according_to", speaker_text="officials in Washington", speaker_name="US officials",
        speaker_code="USAGOV", speaker_kind="state", cue="according to", content=MEXICO_TEXT[c_start:c_end],
        char_start=c_start, char_end=c_end, chain=["US officials", "Example Times"],
    )
    return Analysis(article=article, events=[campaign, refusal], claims=[claim])


# Stand-ins for ingest.load_articles and an engine (scale.engines), for runner tests.

def numbered_article(n: int, text: str | None = None) -> Article:
    text = text or f"Article {n}: Russia sent {n} trainers to Venezuela, officials said."
    return Article(article_id=stable_id(text), text=text, source=f"inbox/{n}.txt", published_at=f"2025-11-{n + 1:02d}")


class ChunkedEngine:
    """An engine like the real ones: reads ``chunk`` articles ahead, then yields one result per
    article in order, an ``InputProblem`` in the place of one whose analysis raised."""

    def __init__(self, chunk: int = 3, interrupt_after: int | None = None) -> None:
        self.chunk = chunk
        self.interrupt_after = interrupt_after
        self.interruption: type[BaseException] = KeyboardInterrupt
        self.seen: list[str] = []

    def analysed(self, article: Article) -> Analysis:
        if article.text.startswith("BOOM"):
            raise RuntimeError("parser fell over")
        template = mexico()
        events = [replace(e, event_id=stable_id(article.article_id, i), article_id=article.article_id)
                  for i, e in enumerate(template.events)]
        return Analysis(article=article, events=events, claims=[])

    def analyse(self, articles: Iterable[Article]) -> Iterator[Analysis | InputProblem]:
        it = iter(articles)
        while True:
            block = [a for _, a in zip(range(self.chunk), it, strict=False)]
            if not block:
                return
            for article in block:
                if self.interrupt_after is not None and len(self.seen) == self.interrupt_after:
                    raise self.interruption()
                self.seen.append(article.article_id)
                try:
                    yield self.analysed(article)
                except RuntimeError as exc:
                    yield InputProblem(article.source or article.article_id, f"analysis failed: {type(exc).__name__}: {exc}")


def reader(items: list[Article | InputProblem]):
    def read(paths: list, settings: Settings) -> Iterator[Article | InputProblem]:
        yield from items

    return read
