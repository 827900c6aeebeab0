"""The words of evaluation (``data/evaluations.yaml``): which words judge for or against, which verbs
label their object, which verbs report words, which verbs link a subject to what it is said to be.
``events.evaluations`` reads the constructions they occur in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from wirewatch.errors import DictionaryError

EVALUATIONS_FILE = Path(__file__).parent / "data" / "evaluations.yaml"
NEGATIVE_CODE = "111"  # criticize or denounce
POSITIVE_CODE = "051"  # praise or endorse
ACCUSE_CODE = "112"  # accuse, not specified: what wrongdoing a speaker says another did
_LISTS = ("negative", "positive", "attributive", "wrongdoing_verbs", "labelling_verbs", "speech_verbs",
          "copulas", "affirming_nouns", "blame", "harms")


@dataclass(frozen=True, slots=True)
class EvaluationLexicon:
    words: dict[str, str]  # evaluative word (lower case) -> CAMEO code of its polarity
    attributive: frozenset[str]  # negative adjectives that judge what they modify, in anyone's words
    wrongdoing_verbs: frozenset[str]  # "X betrayed Y" in someone's words: the speaker accuses X
    labelling_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    copulas: frozenset[str]
    affirming_nouns: frozenset[str]  # "no doubt that ...": a denial that affirms
    blame: frozenset[str]  # "X was behind the blast", "responsible for": an accusation of X
    harms: frozenset[str]  # what "behind" or "responsible for" must name to blame


def read_evaluation_lexicon(path: Path = EVALUATIONS_FILE) -> EvaluationLexicon:
    """The word lists of ``data/evaluations.yaml``, read with the other event lexicons; a broken file
    is refused naming the file and the list."""
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise DictionaryError(str(path), "not valid YAML") from err
    if not isinstance(raw, dict):
        raise DictionaryError(str(path), f"needs the word lists {list(_LISTS)}")
    lists: dict[str, list[str]] = {}
    for key in _LISTS:
        value = raw.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(w, str) for w in value):
            raise DictionaryError(str(path), f"{key!r} must be a list of words")
        lists[key] = [w.lower() for w in value]
    both = sorted(set(lists["negative"]) & set(lists["positive"]))
    if both:
        raise DictionaryError(str(path), f"words listed as both negative and positive: {both}")
    unlisted = sorted(set(lists["attributive"]) - set(lists["negative"]))
    if unlisted:
        raise DictionaryError(str(path), f"attributive words not listed as negative: {unlisted}")
    return EvaluationLexicon(
        words={w: NEGATIVE_CODE for w in lists["negative"]} | {w: POSITIVE_CODE for w in lists["positive"]},
        attributive=frozenset(lists["attributive"]),
        wrongdoing_verbs=frozenset(lists["wrongdoing_verbs"]),
        labelling_verbs=frozenset(lists["labelling_verbs"]),
        speech_verbs=frozenset(lists["speech_verbs"]),
        copulas=frozenset(lists["copulas"]),
        affirming_nouns=frozenset(lists["affirming_nouns"]),
        blame=frozenset(lists["blame"]),
        harms=frozenset(lists["harms"]),
    )
