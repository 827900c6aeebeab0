"""PETRARCH codings as wirewatch ``Event`` records, and how they combine with the built-in coder's.

A coding becomes an event like the built-in coder's: CAMEO code, root, quad class, Goldstein and
PLOVER type from the event lexicons' code table; modality and certainty from their modality cues
(``events.modality``), so the two coders read one table; evidence is the
sentence. Codes that are not CAMEO (the validation dictionaries use old WEIS codes such as "1717")
cannot be given a PLOVER type and are left out of the records (the unit suite scores them directly).

Combining: the PETRARCH dictionaries speak first. In a sentence where they code an event, theirs
are kept and the built-in ones dropped; sentences they do not code keep the built-in events, so
users moving over keep our coverage where their dictionaries are silent.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirewatch.actors.resolve import article_date
from wirewatch.events.lexicons import EventLexicons
from wirewatch.events.modality import modality_certainty, modality_of
from wirewatch.petrarch.coder import CodedEvent, code_doc
from wirewatch.petrarch.dictionaries import PetrarchDictionaries
from wirewatch.petrarch.phrases import NULL
from wirewatch.records import ActorMention, Article, Event, stable_id

# Leading parts of CAMEO actor codes that are not countries.
_NON_STATE = {"IGO", "NGO", "IMG", "MNC", "NGM", "UIS", "REB", "SEP", "INS", "ELI", "GOV", "MIL"}


def _country_sector(code: str | None) -> tuple[str | None, str | None]:
    if not code or code.startswith(NULL):
        return None, (code[3:6] or None) if code else None
    head = code[:3]
    if head in _NON_STATE or not head.isalpha():
        return None, head
    return head, code[3:6] or None


def _text(phrase) -> str | None:
    if phrase is None:
        return None
    return phrase.head.doc[phrase.start:phrase.end].text


def to_event(coded: CodedEvent, article: Article, sentence_index: int, lexicons: EventLexicons) -> Event | None:
    code = lexicons.codes.codes.get(coded.code)
    if code is None or code.plover_type is None:
        return None
    verb = coded.verb
    sent = verb.sent
    modality, _cues = modality_of(verb, lexicons.modality)
    source = None if coded.source.startswith(NULL) and len(coded.source) == 3 else coded.source
    target = None if coded.target == NULL else coded.target
    s_country, s_sector = _country_sector(source)
    t_country, t_sector = _country_sector(target)
    return Event(
        event_id=stable_id(article.article_id, "petrarch", verb.idx, coded.code, coded.source, coded.target),
        article_id=article.article_id,
        sentence_index=sentence_index,
        char_start=sent.start_char,
        char_end=sent.end_char,
        evidence=sent.text,
        source_text=_text(coded.source_phrase), source_code=source,
        source_country=s_country, source_sector=s_sector,
        target_text=_text(coded.target_phrase), target_code=target,
        target_country=t_country, target_sector=t_sector,
        cameo_code=code.code, cameo_root=code.root, quad_class=code.quad_class, goldstein=code.goldstein,
        plover_type=code.plover_type, plover_mode=code.plover_mode, plover_contexts=list(code.plover_contexts),
        modality=modality, certainty=modality_certainty(modality),
        rule=f"petrarch:{coded.rule}",
        confidence=0.7 if source and target else 0.5,
        trigger_start=verb.idx,
        trigger_end=verb.idx + len(verb.text),
    )


def petrarch_events_with_verbs(doc: Doc, article: Article, mentions: list[ActorMention],
                               dictionaries: PetrarchDictionaries, lexicons: EventLexicons) -> list[tuple[Event, Token]]:
    """As ``petrarch_events``, each event with the verb that carries it."""
    sentence_of = {sent.start: n for n, sent in enumerate(doc.sents)}
    out: list[tuple[Event, Token]] = []
    for coded in code_doc(doc, dictionaries, article_date(article), mentions):
        event = to_event(coded, article, sentence_of.get(coded.verb.sent.start, 0), lexicons)
        if event is not None:
            out.append((event, coded.verb))
    return out


def petrarch_events(doc: Doc, article: Article, mentions: list[ActorMention],
                    dictionaries: PetrarchDictionaries, lexicons: EventLexicons) -> list[Event]:
    """Events the PETRARCH dictionaries code in ``doc`` (our actor mentions fill in for missing
    actors), with CAMEO entries and modality from the event ``lexicons``."""
    return [e for e, _verb in petrarch_events_with_verbs(doc, article, mentions, dictionaries, lexicons)]


def combine_events(petrarch: list[Event], builtin: list[Event]) -> list[Event]:
    """PETRARCH's events, plus the built-in ones in sentences PETRARCH did not code."""
    covered = {e.sentence_index for e in petrarch}
    return petrarch + [e for e in builtin if e.sentence_index not in covered]


def combine_pairs(petrarch: list[tuple[Event, Token]], builtin: list[tuple[Event, Token]]) -> list[tuple[Event, Token]]:
    """``combine_events`` for (event, verb) pairs."""
    covered = {e.sentence_index for e, _ in petrarch}
    return petrarch + [(e, v) for e, v in builtin if e.sentence_index not in covered]
