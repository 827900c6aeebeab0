"""The prefilter keeps sentences that cannot hold an event or claim out of the parse, and loses nothing."""

from __future__ import annotations

import pytest
from stage_lexicons import claim_lexicons

from wirewatch.actors.dictionary import load_actor_dictionary
from wirewatch.nlp.prefilter import droppable, parse
from wirewatch.settings import Settings
from wirewatch.stages import analyze, prefilter_rules

RULES = prefilter_rules(load_actor_dictionary(), claim_lexicons())

pytestmark = [pytest.mark.slow, pytest.mark.needs_shared]

TEXT = (
    "Senator Maria Lopez met the mayor of Houston on Tuesday.\n\n"
    "The weather was mild and the roads were quiet for most of the day.\n\n"
    "She said the city would receive more money for flood defences next year.\n\n"
    "\u201cWe have waited long enough. Nothing was done after the last storm. Now it will be,\u201d "
    "Lopez told reporters.\n\n"
    "Prices of fruit and vegetables rose slightly over the summer months."
)


def _sentences(text: str, ranges: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in ranges]


def test_only_sentences_without_actor_cue_or_quote_are_dropped() -> None:
    dropped = _sentences(TEXT, droppable(TEXT, RULES))
    assert dropped == [
        "The weather was mild and the roads were quiet for most of the day.",
        "Prices of fruit and vegetables rose slightly over the summer months.",
    ]
    # "Nothing was done after the last storm." has no mark of its own but sits inside a quotation.
    assert not any("storm" in s for s in dropped)


def test_rebuilt_doc_has_the_original_text_and_the_kept_parse(nlp) -> None:
    (filtered,) = parse(nlp, [TEXT], batch_size=4, rules=RULES)
    full = nlp(TEXT)
    assert filtered.text == TEXT
    kept = [t for t in full if t.idx < TEXT.index("The weather")]
    for token in kept:  # the first sentence is parsed as it would be without the filter
        other = filtered.char_span(token.idx, token.idx + len(token.text))
        assert other is not None and len(other) == 1
        assert (other[0].lemma_, other[0].pos_, other[0].dep_, other[0].ent_type_) == (
            token.lemma_, token.pos_, token.dep_, token.ent_type_
        )
    assert [e.text for e in filtered.ents if e.label_ == "PERSON"][:1] == ["Maria Lopez"]
    dropped_word = filtered.char_span(TEXT.index("weather"), TEXT.index("weather") + 7)
    assert dropped_word is not None and dropped_word[0].pos_ == "X"


def test_seed_article_gives_the_same_events_and_claims(seed_text: str) -> None:
    plain = analyze(seed_text, settings=Settings.from_env(prefilter=False))
    filtered = analyze(seed_text, settings=Settings.from_env(prefilter=True))
    key = lambda e: (e.char_start, e.char_end, e.cameo_code, e.source_code, e.target_code, e.modality)  # noqa: E731
    assert [key(e) for e in filtered.events] == [key(e) for e in plain.events]
    assert [(c.char_start, c.char_end, c.speaker_name) for c in filtered.claims] == [
        (c.char_start, c.char_end, c.speaker_name) for c in plain.claims
    ]


def test_the_function_words_are_the_readers_list_not_its_file() -> None:
    # Handed over from ingest.language (the reader's language check): the file's comment lines are
    # no words ("Running English prose has ..." once made "running" a function word here).
    from wirewatch.ingest.language import english_function_words

    assert RULES.function_words == english_function_words()
    assert "the" in RULES.function_words and "running" not in RULES.function_words
