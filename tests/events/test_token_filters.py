"""The event coder's shortcuts pick the tokens and patterns the plain per-token checks picked."""

from __future__ import annotations

import pytest

from wirewatch.events.codes import read_cameo_table
from wirewatch.events.coding import _verbs
from wirewatch.events.event_nouns import read_event_nouns
from wirewatch.events.nominal import _hyphenated, _maybe_event_nouns
from wirewatch.events.patterns import (
    _purpose_lemmas,
    _subject_words,
    match_verb,
    object_words,
    read_verb_lexicon,
    verb_forms,
)

pytestmark = [pytest.mark.slow]

TEXT = (
    "Russia's deployment of warships to Cuba and the US build-up near Venezuela worried Caracas. "
    "In 2024, Moscow sent bombers to Venezuela and agreed to provide military aid to Nicaragua, "
    "officials said. Palestinian riots against Israeli military policies were denounced by Egypt, "
    "which threatened to shell the border and refused to release the prisoners. Kremlin-backed "
    "campaigns stopped work at the plant; the strikers staged a protest and met with the minister."
)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_verbs_as_the_pos_check(doc):
    expected = [t for t in doc if t.pos_ in ("VERB", "AUX") or (t.pos_ == "NOUN" and t.dep_ == "ROOT")]
    assert _verbs(doc) == expected


def test_event_noun_candidates_hold_every_event_noun(doc):
    nouns = read_event_nouns(read_cameo_table())
    keyed = [t.i for t in doc if any(k in nouns for k in (t.lemma_.lower(), t.lower_, _hyphenated(t)))]
    assert keyed and set(keyed) <= set(_maybe_event_nouns(doc, nouns))


def _old_match_verb(verb, lexicon):
    """``match_verb`` as it was, every word set worked out up front."""
    candidates = next((lexicon.by_lemma[f] for f in verb_forms(verb) if f in lexicon.by_lemma), None)
    if not candidates:
        return None
    tiers = (object_words(verb, direct_only=True), object_words(verb))
    near = {t.lemma_.lower() for t in verb.subtree if abs(t.i - verb.i) <= 5 and t != verb}
    near |= {t.lower_ for t in verb.subtree if abs(t.i - verb.i) <= 5 and t != verb}
    for words in tiers:
        for p in candidates:
            if p.extra and not all(w in near for w in p.extra):
                continue
            if p.requires and not any(c.dep_ in p.requires for c in verb.children):
                continue
            if p.objects and not any(o in words for o in p.objects):
                continue
            if p.purpose and not _purpose_lemmas(verb) & set(p.purpose):
                continue
            if p.subjects and not set(p.subjects) & _subject_words(verb):
                continue
            if words is tiers[0] and not p.objects:
                continue
            return p
    return None


def test_match_verb_as_before(doc):
    lexicon = read_verb_lexicon(read_cameo_table())
    matched = [match_verb(t, lexicon) for t in doc]
    assert any(matched)
    assert matched == [_old_match_verb(t, lexicon) for t in doc]


def test_event_noun_candidates_as_the_per_word_check(doc):
    nouns = read_event_nouns(read_cameo_table())
    dashes = {t.i for t in doc if t.text == "-"}
    expected = [t.i for t in doc if t.lemma_.lower() in nouns or t.lower_ in nouns
                or t.i + 1 in dashes or t.i - 1 in dashes]
    assert _maybe_event_nouns(doc, nouns) == expected


def test_object_words_as_before(doc):
    from wirewatch.events.patterns import _MODIFIER_DEPS, object_core, phrase_set

    for verb in _verbs(doc):
        for direct_only in (True, False):
            core = object_core(verb, direct_only)
            singles = {w for t in core for w in (t.lemma_.lower(), t.lower_)}
            heads = {w for t in core if t.dep_ not in _MODIFIER_DEPS for w in (t.lemma_.lower(), t.lower_)}
            assert object_words(verb, direct_only) == (phrase_set(core) - singles) | heads
