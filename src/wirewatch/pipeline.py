"""The pipeline: Article -> spaCy Doc -> actor mentions -> claims -> events (places, dates, attribution).

Stages, in the order they run on each parsed article:

1. ``actors.resolve.find_mentions``     who is named (codes, kinds, state media)
2. ``claims.extract.find_claims``       who says what, with which cue and chain
3. ``events.coding.code_events``        who did what to whom (CAMEO + PLOVER, modality)
4. ``places.geoparse.locate_events``    where each event happened
5. ``dates.normalise.date_events``      when each event happened
6. ``claims.attribution.attach_claims`` which claim each event sits in, and how sure it is

Every stage is a plain function over typed records; this module only wires them together.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.actors.dictionary import ActorDictionary, load_actor_dictionary
from wirewatch.actors.resolve import find_mentions
from wirewatch.claims.attribution import attach_claims
from wirewatch.claims.extract import find_claims
from wirewatch.dates.normalise import date_events
from wirewatch.events.coding import code_events
from wirewatch.ingest.article import article_from_string
from wirewatch.nlp.pipeline import load_pipeline
from wirewatch.places.gazetteer import Gazetteer, default_gazetteer
from wirewatch.places.geoparse import locate_events
from wirewatch.records import Analysis, Article
from wirewatch.settings import Settings


@dataclass(slots=True)
class Knowledge:
    """What the stages look things up in; loaded once per process."""

    nlp: Language
    actors: ActorDictionary
    gazetteer: Gazetteer

    @classmethod
    def load(cls, settings: Settings) -> "Knowledge":
        return cls(
            nlp=load_pipeline(settings.model),
            actors=load_actor_dictionary(settings.actor_files),
            gazetteer=default_gazetteer(),
        )


def analyze_doc(doc: Doc, article: Article, knowledge: Knowledge) -> Analysis:
    """Run every stage after spaCy on one parsed article."""
    mentions = find_mentions(doc, article, knowledge.actors)
    claims = find_claims(doc, article, mentions)
    events = code_events(doc, article, mentions)
    locate_events(doc, article, events, knowledge.gazetteer)
    date_events(doc, article, events)
    attach_claims(events, claims)
    return Analysis(article=article, mentions=mentions, events=events, claims=claims)


def analyze_articles(
    articles: Iterable[Article], settings: Settings, knowledge: Knowledge | None = None
) -> Iterator[Analysis]:
    """Parse articles with ``nlp.pipe`` (batched, optionally multi-process) and analyse each."""
    knowledge = knowledge or Knowledge.load(settings)
    pairs = ((a.text, a) for a in articles)
    n_process = max(1, settings.n_process)
    for doc, article in knowledge.nlp.pipe(
        pairs, as_tuples=True, batch_size=settings.batch_size, n_process=n_process
    ):
        yield analyze_doc(doc, article, knowledge)


def analyze(
    text_or_html: str,
    *,
    url: str | None = None,
    published_at: str | None = None,
    title: str | None = None,
    settings: Settings | None = None,
) -> Analysis:
    """Analyse one article given as plain text or HTML; returns records, needs no store.

    Raises ``InputError`` for input that cannot be analysed (empty, binary, not English...).
    """
    settings = settings or Settings.from_env()
    article = article_from_string(
        text_or_html, settings=settings, url=url, published_at=published_at, title=title
    )
    return next(analyze_articles([article], settings))
