"""The spaCy stage: model from settings, clear errors, sentences that stop at line breaks."""

from __future__ import annotations

import pytest

from wirewatch.errors import ModelError
from wirewatch.nlp.pipeline import load_pipeline

pytestmark = [pytest.mark.slow]


def test_sentences_stop_at_line_breaks(nlp) -> None:
    doc = nlp("Putin and Trump's pincer movement on South America\n\nVladimir Putin has sent a general to Venezuela.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Putin and Trump's pincer movement on South America"
    assert sents[1] == "Vladimir Putin has sent a general to Venezuela."


def test_a_sentence_without_line_breaks_is_left_to_the_parser(nlp) -> None:
    doc = nlp("Russia signed an agreement with Nicaragua. It also trained troops.")
    assert len(list(doc.sents)) == 2


def test_missing_model_names_the_model_and_the_choices() -> None:
    with pytest.raises(ModelError) as err:
        load_pipeline("en_core_web_nonexistent")
    message = str(err.value)
    assert "en_core_web_nonexistent" in message and "WIREWATCH_MODEL" in message and "en_core_web_trf" in message
