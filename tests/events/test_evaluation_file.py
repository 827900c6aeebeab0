"""A broken evaluations.yaml is refused on load with one line naming the file and the list; the
shipped file reads, with no word listed as both negative and positive."""

from __future__ import annotations

import pytest

from wirewatch.errors import DictionaryError
from wirewatch.events.evaluation_words import NEGATIVE_CODE, POSITIVE_CODE, read_evaluation_lexicon

_LISTS = ("attributive: [racist]\nwrongdoing_verbs: [lie]\nlabelling_verbs: [call]\nspeech_verbs: [say]\n"
          "copulas: [be]\naffirming_nouns: [doubt]\nblame: [behind]\nharms: [attack]\n")


def test_the_shipped_word_lists_read() -> None:
    lexicon = read_evaluation_lexicon()
    assert lexicon.words["racist"] == NEGATIVE_CODE and lexicon.words["talented"] == POSITIVE_CODE
    assert {"call", "describe"} <= lexicon.labelling_verbs and "be" in lexicon.copulas


@pytest.mark.parametrize(
    "text, message",
    [
        ("negative: [racist]\npositive: racist\n" + _LISTS, "'positive' must be a list of words"),
        ("negative: [racist]\npositive: [bright]\n", "'attributive' must be a list of words"),
        ("negative: [racist]\npositive: [bright]\n" + _LISTS.replace("[racist]", "[reckless]"),
         "attributive words not listed as negative"),
        ("negative: [racist, bright]\npositive: [bright]\n" + _LISTS, "both negative and positive"),
        ("- racist\n", "needs the word lists"),
        ("negative: [\n", "not valid YAML"),
    ],
)
def test_a_broken_evaluation_file_is_refused_naming_the_list(tmp_path, text: str, message: str) -> None:
    path = tmp_path / "evaluations.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError, match=message) as caught:
        read_evaluation_lexicon(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)
