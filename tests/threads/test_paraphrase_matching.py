"""The paraphrase matcher measured on our pair set (tests/thread_paraphrase_pairs.py).

Word weights come from an index of the set's own claims, as in a small store; docs/threads.md
reports the same figures and the comparison with plain Jaccard.
"""

from __future__ import annotations

from thread_paraphrase_pairs import PAIRS

from wirewatch.threads.match import Member, ThreadIndex, judge, sketch
from wirewatch.threads.wording import content_words, name_words, numbers, speaker_key


def scores() -> tuple[float, float]:
    index = ThreadIndex()
    for n, (_, a, _, b, _) in enumerate(PAIRS):
        for side, text in (("a", a), ("b", b)):
            words = content_words(text)
            index.add(Member(f"{n}{side}", f"{n}{side}", f"{n}{side}", frozenset(words), None), sketch(words))
    tp = fp = fn = 0
    for speaker_a, a, speaker_b, b, same in PAIRS:
        other = Member("b", "t", "x", frozenset(content_words(b)), speaker_key(speaker_b), names=frozenset(name_words(b)))
        found = judge(frozenset(content_words(a)), speaker_key(speaker_a), frozenset(), other, index.weight, index.rare,
                      frozenset(name_words(a)))
        tp += bool(found) and same
        fp += bool(found) and not same
        fn += (not found) and same
    return tp / (tp + fp), tp / (tp + fn)


def test_precision_and_recall_on_the_pair_set() -> None:
    precision, recall = scores()
    assert precision >= 0.94 and recall >= 0.94, (precision, recall)


def test_numbers_as_written() -> None:
    assert numbers("several hundred military personnel") == ["several hundred"]
    assert numbers("a cohort of 120 soldiers and 1,500 drones") == ["120", "1,500"]
    assert numbers("one of his most senior generals") == []


def test_speaker_key_survives_spellings_and_titles() -> None:
    assert speaker_key("General Kyrlo Budanov") == speaker_key("Kyrylo Budanov") == speaker_key("Budanov")
