"""The pipeline: Article -> spaCy Doc -> actor mentions -> claims -> events (places, dates, attribution).

Stages, in the order they run on each parsed article:

1. ``actors.resolve.find_mentions``     who is named (codes, kinds, state media)
2. ``claims.extract.find_claims``       who says what, with which cue and chain
3. ``events.coding.code_events``        who did what to whom (CAMEO + PLOVER, modality)
4. ``places.geoparse.locate_events``    where each event happened
5. ``dates.normalise.date_events``      when each event happened
6. ``claims.attribution.attach_claims`` which claim each event sits in, and how sure it is
7. ``events.titles.title_events``       the title's own events, located in the title
8. ``events.confidence.score_events``   how likely each event is right (a learned probability)

Every stage is a plain function over typed records; this module only wires them together.

What the stages look things up in is built here, by ``Knowledge.load``, and handed to them: the
model, the actor dictionary, the gazetteer, the state-media registry and wire services
(``media.credits.MediaKnowledge``), the coreference's word lists and ranker
(``actors.coreference.CoreferenceKnowledge``), each stage's lexicons (``events.lexicons`` with the
modality cues and the CAMEO table, ``claims.lexicons``, ``places.lexicons``, the date words) and
the PETRARCH dictionaries. No stage module reads a table through a cached loader of its own
(``tests/test_knowledge_loading.py``), so ``Knowledge.build_all`` has all of them at hand to build,
with what is otherwise built on first use, before worker processes fork.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.actors.coreference import CoreferenceKnowledge
from wirewatch.actors.descriptions import DescriptionKnowledge, read_description_words
from wirewatch.actors.dictionary import ActorDictionary, load_actor_dictionary, nationality_words
from wirewatch.actors.matching import term_matcher
from wirewatch.actors.resolve import find_mentions
from wirewatch.claims.attribution import attach_claims
from wirewatch.claims.cues import read_claim_cues
from wirewatch.claims.extract import find_claims
from wirewatch.claims.lexicons import ClaimLexicons, person_words
from wirewatch.dates.expressions import DateWords, read_date_words
from wirewatch.dates.normalise import date_events
from wirewatch.events.coding import code_events
from wirewatch.events.confidence import score_events
from wirewatch.events.lexicons import EventLexicons
from wirewatch.events.titles import title_events
from wirewatch.ingest.article import article_from_string
from wirewatch.ingest.language import english_function_words
from wirewatch.media.credits import MediaKnowledge
from wirewatch.nlp.doc_memo import forget_all
from wirewatch.nlp.doc_text import remember_text
from wirewatch.nlp.pipeline import load_pipeline
from wirewatch.nlp.prefilter import KeepRules, keep_rules, parse
from wirewatch.petrarch.dictionaries import PetrarchDictionaries, load_dictionaries
from wirewatch.petrarch.event_records import combine_events, petrarch_events
from wirewatch.places.gazetteer import Gazetteer, load_gazetteer
from wirewatch.places.geoparse import locate_events
from wirewatch.places.lexicons import PlaceLexicons
from wirewatch.records import Analysis, Article, InputProblem
from wirewatch.settings import Settings


@dataclass(slots=True)
class Knowledge:
    """What the stages look things up in, built by ``load`` once per process."""

    nlp: Language
    actors: ActorDictionary
    gazetteer: Gazetteer
    # Shared by several stages: the actors get both; the claim, event and place lexicons carry the
    # same objects (the claims both, the events the coreference, the places the media), and the
    # title coder reads them here.
    media: MediaKnowledge
    coreference: CoreferenceKnowledge
    events: EventLexicons
    claims: ClaimLexicons
    places: PlaceLexicons
    dates: DateWords
    petrarch: PetrarchDictionaries | None = None  # settings.dictionaries, loaded (issue 7)
    # The prefilter's word lists (settings.prefilter), built on first use (or by build_all) so
    # that a run without the prefilter never builds them.
    keep: KeepRules | None = None

    @classmethod
    def load(cls, settings: Settings) -> Knowledge:
        media = MediaKnowledge.load(settings.state_media_files)
        cues = read_claim_cues()  # the claims' words about people are the coreference's too
        actors = load_actor_dictionary(settings.actor_files, media.registry)
        coreference = CoreferenceKnowledge.load(person_words(cues)).with_countries(*nationality_words(actors))
        gazetteer = load_gazetteer(settings.gazetteer_file)
        # Occupations and organisation types: the claims read them for speakers, the event coder
        # for its uncoded actors (``actors.descriptions``), one copy for both.
        descriptions = read_description_words()
        return cls(
            nlp=load_pipeline(settings.model, settings.gemm),
            actors=actors,
            gazetteer=gazetteer,
            media=media,
            coreference=coreference,
            events=EventLexicons.load(coreference, DescriptionKnowledge(descriptions, actors.sector_words,
                                                                        gazetteer.country_of)),
            claims=ClaimLexicons.load(media, coreference, cues, sectors=actors.sector_words,
                                      place_country=gazetteer.country_of, descriptions=descriptions),
            places=PlaceLexicons.load(media),
            dates=read_date_words(),
            petrarch=load_dictionaries(settings.dictionaries) if settings.dictionaries else None,
        )

    def keep_rules(self) -> KeepRules:
        if self.keep is None:
            self.keep = prefilter_rules(self.actors, self.claims)
        return self.keep

    def build_all(self, settings: Settings) -> None:
        """Build now what is otherwise built on the first article that needs it.

        Called before worker processes are forked: they then share these tables with the
        parent instead of each building them again.
        """
        self.gazetteer.lookup("London")  # its name index is built on the first lookup
        term_matcher(self.actors, self.nlp.vocab)  # the actor names' matcher, built on first match
        if settings.prefilter:
            self.keep_rules()
        self.media.registry.occurrences("")  # the outlet names' patterns, compiled on first search
        # Not a table: a process whose first parse is a whole batch keeps about 16 MB more
        # resident afterwards than one that parsed a sentence first (measured on 20 PolNeAR texts:
        # 454 against 438 MB), which the analysed dummy article used to do in passing.
        self.nlp(_FIRST_PARSE)


_FIRST_PARSE = "Russian troops attacked Kharkiv on Tuesday, officials said."


def prefilter_rules(actors: ActorDictionary, claims: ClaimLexicons) -> KeepRules:
    """The prefilter's rules from the claim cues and ``actors``: a sentence with none of these
    words, names or quotation marks cannot hold an event or a claim (``nlp/prefilter.py``)."""
    cues = claims.cues
    return keep_rules(
        # "according to", "in the words of": the first word is the cue, not "the" or "of".
        [*cues.verb_certainty, *cues.noun_cues, *(p[0] for p in cues.according_to if p)],
        actors.sector_words,
        [n for country in actors.countries.values() for n in (*country.names, *country.adjectives, *country.capitals)],
        english_function_words(),
    )


def analyze_doc(doc: Doc, article: Article, knowledge: Knowledge) -> Analysis:
    """Run every stage after spaCy on one parsed article."""
    mentions = find_mentions(doc, article, knowledge.actors, knowledge.coreference, knowledge.media)
    claims = find_claims(doc, article, mentions, knowledge.claims)
    events = code_events(doc, article, mentions, knowledge.events)
    if knowledge.petrarch is not None:  # PETRARCH dictionaries first; built-in events fill uncoded sentences
        events = combine_events(petrarch_events(doc, article, mentions, knowledge.petrarch, knowledge.events), events)
    scene = locate_events(doc, article, events, knowledge.gazetteer, knowledge.places)
    story_day = date_events(doc, article, events, knowledge.dates)
    attach_claims(events, claims, knowledge.media.registry, article, mentions)
    # The title is coded on its own, after the body: its events are located in the title (events.titles).
    events += title_events(article, knowledge, mentions, story_day, scene)
    # Last, on finished events (actors, claimant, title): how likely each is right.
    score_events(events, knowledge.events.confidence)
    forget_all(doc)  # remembered entities and coreference hold Spans and Tokens: a reference cycle
    return Analysis(article=article, mentions=mentions, events=events, claims=claims)


def analyze_articles(
    articles: Iterable[Article], settings: Settings, knowledge: Knowledge | None = None
) -> Iterator[Analysis]:
    """Parse articles with ``nlp.pipe`` (batched) and analyse each, in input order, in this
    process; raises when an article cannot be analysed (the Python API and the eval suites).

    Corpus runs go through an engine instead (``scale.engines``), which also runs in worker
    processes or on Ray and turns a failing article into an ``InputProblem`` in its place.
    """
    yield from analyze_parsed(articles, settings, knowledge or Knowledge.load(settings))


def analyze_parsed(articles: Iterable[Article], settings: Settings, knowledge: Knowledge) -> Iterator[Analysis]:
    """Parse in this process and run the stages on each article, in input order."""
    for doc, article in _parsed(articles, settings, knowledge):
        yield analyze_doc(doc, article, knowledge)


def analyse_batch(articles: list[Article], settings: Settings, knowledge: Knowledge) -> list[Analysis | InputProblem]:
    """Exactly one result per article, in order: its ``Analysis``, or an ``InputProblem`` naming it
    when its parse or a stage raised. What every engine runs on each batch it is given.

    The batch is parsed together (``nlp.pipe``); only when that raises is each article parsed
    on its own, so one bad article costs its batch-mates a second parse, not their results.
    """
    results: list[Analysis | InputProblem] = []
    try:
        for doc, article in _parsed(articles, settings, knowledge):
            try:
                results.append(analyze_doc(doc, article, knowledge))
            except Exception as exc:  # noqa: BLE001 - one bad article must not end the batch
                results.append(_failed(article, exc))
    except Exception as exc:  # noqa: BLE001 - the parse of the batch failed: find whose it was
        if len(articles) == 1:
            return [_failed(articles[0], exc)]
        return [result for article in articles for result in analyse_batch([article], settings, knowledge)]
    return results


def _failed(article: Article, exc: Exception) -> InputProblem:
    reason = f"analysis failed: {type(exc).__name__}: {exc}".splitlines()[0]
    return InputProblem(article.source or article.article_id, reason)


def _parsed(articles: Iterable[Article], settings: Settings, knowledge: Knowledge) -> Iterator[tuple[Doc, Article]]:
    """Each article with its parse. The Doc's text is the article's (it is what was parsed), so
    the stages read that instead of joining the tokens' text again; ``doc_text`` still checks
    the length on every read and joins them after all should the two ever differ."""
    for doc, article in _parses(articles, settings, knowledge):
        remember_text(doc, article.text)
        yield doc, article


def _parses(articles: Iterable[Article], settings: Settings, knowledge: Knowledge) -> Iterator[tuple[Doc, Article]]:
    if not settings.prefilter:
        yield from knowledge.nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=settings.batch_size)
        return
    stream = iter(articles)
    while batch := list(islice(stream, settings.batch_size)):
        docs = parse(knowledge.nlp, [a.text for a in batch], settings.batch_size, knowledge.keep_rules())
        yield from zip(docs, batch, strict=False)


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
