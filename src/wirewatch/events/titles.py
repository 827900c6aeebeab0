"""Events stated in an article's title ("Turkey shells Syrian city", "Putin chides Turkey").

A headline often states the article's main event in words the body does not repeat, so it is
coded like a sentence of its own. It is kept apart from the body so that nothing about the body
changes: the article's text (and so its id), the offsets of every body event, mention and
claim. A title event says where it is by

- ``sentence_index`` = ``TITLE_SENTENCE`` (-1): it is in the title, not in the text;
- ``char_start``/``char_end``: offsets into ``Article.title``; ``evidence`` is that slice.

Viewers mark body events in the text and list title events under the title. The title is
parsed on its own (it is one or two short sentences), a Title Case headline with its ordinary
words lowered for the parser; a bare surname in it ("Netanyahu rejects
...") takes the code of the body's full mention of that person, since the headline is written
for readers who go on to read the body. A title that is also the first line of the text (some
extractors keep the headline in the body) is not coded twice.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.actors.coreference import CoreferenceKnowledge
from wirewatch.actors.dictionary import ActorDictionary
from wirewatch.actors.matching import term_matcher
from wirewatch.actors.resolve import find_mentions
from wirewatch.dates.expressions import DateWords
from wirewatch.dates.normalise import ResolvedDate, date_events
from wirewatch.events.coding import code_events
from wirewatch.events.lexicons import EventLexicons
from wirewatch.media.credits import MediaKnowledge
from wirewatch.nlp.doc_memo import forget_all
from wirewatch.nlp.doc_text import remember_text
from wirewatch.places.gazetteer import Gazetteer
from wirewatch.places.geoparse import locate_events
from wirewatch.places.lexicons import PlaceLexicons
from wirewatch.places.scene import Scene
from wirewatch.records import TITLE_SENTENCE, ActorMention, Article, Event, stable_id

# Longer "titles" are a page's whole lede or a scraping accident, not a headline.
MAX_TITLE_CHARS = 300


def codable_title(article: Article) -> str | None:
    """The title to code, or None: none given, too long, or already the start of the text."""
    title = (article.title or "").strip()
    if not title or len(title) > MAX_TITLE_CHARS:
        return None
    if _words(article.text[: len(title) * 2]).startswith(_words(title)):
        return None  # the headline is the text's first line: the body coding has it
    return article.title


def _words(text: str) -> str:
    return " ".join(text.lower().split())


class TitleKnowledge(Protocol):
    """What coding a title looks things up in (``stages.Knowledge`` has all of it)."""

    @property
    def nlp(self) -> Language: ...
    @property
    def actors(self) -> ActorDictionary: ...
    @property
    def coreference(self) -> CoreferenceKnowledge: ...
    @property
    def media(self) -> MediaKnowledge: ...
    @property
    def gazetteer(self) -> Gazetteer: ...
    @property
    def events(self) -> EventLexicons: ...
    @property
    def places(self) -> PlaceLexicons: ...
    @property
    def dates(self) -> DateWords: ...


def title_events(article: Article, knowledge: TitleKnowledge, body_mentions: list[ActorMention],
                 story_day: ResolvedDate | None = None, scene: Scene | None = None) -> list[Event]:
    """The events of ``article``'s title, located in the title (see the module docstring); a title
    with no date of its own reports the day the body's lede names (``story_day``), and a thing
    said or met with no place of its own is where the body's speakers are (``scene``)."""
    title = codable_title(article)
    if title is None:
        return []
    nlp, actors = knowledge.nlp, knowledge.actors
    doc = nlp(_sentence_case(title, nlp, actors))
    remember_text(doc, title)  # the same length: offsets and evidence are the title as written
    _name_headline_subjects(doc)
    headline = replace(article, text=title)  # the same article, read as its title alone
    found = find_mentions(doc, headline, actors, knowledge.coreference, knowledge.media)
    mentions = [_as_in_body(m, body_mentions) for m in found]
    events = code_events(doc, headline, mentions, knowledge.events)
    locate_events(doc, headline, events, knowledge.gazetteer, knowledge.places, scene)
    date_events(doc, headline, events, knowledge.dates, story_day)
    forget_all(doc)
    for e in events:
        # A title verb may sit at the same offset as a body verb: the id must still be unique.
        e.event_id = stable_id(e.event_id, "title")
        e.sentence_index = TITLE_SENTENCE
    return events


def _sentence_case(title: str, nlp: Language, actors: ActorDictionary) -> str:
    """A Title Case headline ("U.S. Flexes Muscles As Asia Worries") with the capitals of its
    ordinary words lowered, for the parser, which reads every capitalised word as a name. Names
    the actor dictionary knows, the first word and acronyms keep theirs. Only letters' case
    changes, so every offset into the parsed text is an offset into the title."""
    doc = nlp.make_doc(title)
    words = [t for t in doc if t.is_alpha and len(t) > 3]
    if len(words) < 3 or sum(t.is_title for t in words) < 0.6 * len(words):
        return title  # written in sentence case already
    named = {i for h in term_matcher(actors, doc.vocab).hits(doc) for i in range(h.start, h.end)}
    chars = list(title)
    for t in doc:
        if t.i > 0 and t.i not in named and t.is_alpha and t.is_title:
            chars[t.idx] = chars[t.idx].lower()
    return "".join(chars)


# How the small parser attaches a headline's subject when it reads "Turkey shells Syrian city" as a
# noun compound or "US to update ..." as a fragment.
_MISREAD_SUBJECT = {"compound", "dep", "npadvmod", "nmod"}


def _name_headline_subjects(doc: Doc) -> None:
    """Headlines drop articles and auxiliaries, and the parser often misses their subject. Three
    repairs, of dependency labels and heads only:
    - a subjectless verb whose first dependent is a proper noun just before it takes that noun as
      its subject ("Turkey shells ...", and "Trump slams Clinton", whose verb the tagger calls a
      noun but which has a direct object);
    - "Obama to visit Cuba", parsed as a noun with a clause on it: the clause is read as a relative
      one, whose head is its subject;
    - "Russia, China block ...": the name before the comma is the subject's conjunct."""
    for verb in doc:
        if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ == "PROPN" \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # "Obama to visit Cuba": the headline's future, read as a noun with a clause on it; the
            # noun is the clause's subject, as a relative clause's head is
            verb.dep_ = "relcl"
            continue
        # "Trump slams Clinton": a root with a direct object is a verb, whatever the tagger says
        as_verb = verb.pos_ == "VERB" or (verb.dep_ == "ROOT" and any(c.dep_ == "dobj" for c in verb.children))
        if not as_verb or verb.dep_ not in ("ROOT", "conj"):
            continue
        children = list(verb.children)
        subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            # "Russia, China block ...": the name before the comma is the subject's conjunct
            listed = [c for c in children if c.i < subject.i and c.pos_ == "PROPN" and c.dep_ in _MISREAD_SUBJECT
                      and c.i + 1 < len(doc) and doc[c.i + 1].text == ","]
            for name in listed:
                name.head, name.dep_ = subject, "conj"
            continue
        if any(c.dep_ == "csubj" for c in children):
            continue
        left = [c for c in children if c.i < verb.i and c.dep_ not in ("aux", "punct", "neg", "advmod")]
        if left and left[0].dep_ in _MISREAD_SUBJECT and (left[0].pos_ == "PROPN" or left[0].is_title):
            left[0].dep_ = "nsubj"


def _as_in_body(mention: ActorMention, body: list[ActorMention]) -> ActorMention:
    """An uncoded person in the title named in full in the body takes the body's code:
    "Netanyahu" in the headline is the body's "Benjamin Netanyahu"."""
    if mention.code or mention.kind != "person":
        return mention
    surname = mention.text.split()[-1].lower() if mention.text.split() else ""
    for m in body:
        names = (m.name or m.text).split()
        if m.code and m.kind == "person" and names and names[-1].lower() == surname:
            return replace(mention, code=m.code, name=m.name, country=m.country, sector=m.sector)
    return mention
