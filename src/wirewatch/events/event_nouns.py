"""The event nouns of ``events/data/event_nouns.yaml``: which nouns name an act, coded like which verb,
and which of the noun's own prepositions name its doer and its target.

A noun licenses its own role prepositions, as its verb does: "talks with X", "talks between A and B",
"allegations against X", "criticism on the part of X", "complaints from X that Y ...". An entry is
either the verb (or CAMEO code) alone, which keeps the general slots (doer in a "by" phrase, target in
any of ``GENERAL_TARGETS``), or a mapping that names the noun's own slots.

A noun nobody is named doing may still have a doer: the subject of the verb it is the object of, when
that verb only carries out what the noun names ("Putin ordered the release of ...", "Riyadh has led an
intervention in Yemen", "the crown prince is coming to the end of a US tour"). The file's
``doer_verbs`` are those verbs for every noun; an entry's own ``doer_verbs`` add to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from wirewatch.errors import DictionaryError
from wirewatch.events.codes import CameoTable

NOUNS_FILE = Path(__file__).parent / "data" / "event_nouns.yaml"
# Where the target of a noun with no slots of its own is looked for ("deployment of warships to Cuba").
GENERAL_TARGETS = ("to", "against", "on", "into", "toward", "towards", "with", "at", "in", "for", "of")
# A target slot that is no preposition: the subject of the noun's "that" clause ("complaints that China ...").
CONTENT_SLOT = "that"
_KEYS = {"act", "source", "target", "unnamed_source", "needs_target", "place_modifier_target", "doer_verbs",
         "recipient_verbs"}


@dataclass(frozen=True, slots=True)
class NounEntry:
    act: str  # the verb (lemma, with its particle) whose patterns code the noun, or a CAMEO code
    # prepositions (or phrases such as "on the part of") naming the doer when no possessor or modifier does
    sources: tuple[str, ...] = ("by",)
    # the noun's own target slots, in order; empty: the general ones
    targets: tuple[str, ...] = ()
    # coded with its target alone when no doer is named ("the allegations against Russia")
    unnamed_source: bool = False
    needs_target: bool = False  # "Moscow's concern": an event only when what it is about is named
    # a country modifying the noun is where the act goes, not who does it ("a US tour")
    place_modifier_target: bool = False
    # verbs (lemmas) whose subject does what their object names ("ordered the release of X")
    doer_verbs: frozenset[str] = frozenset()
    # verbs (lemmas) whose subject is the target of what their object names ("Trump drew criticism
    # from Democrats", "came under criticism"): the one who draws or faces the act receives it
    recipient_verbs: frozenset[str] = frozenset()

    @property
    def target_slots(self) -> tuple[str, ...]:
        return self.targets or GENERAL_TARGETS


def _entry(noun: str, value: Any, codes: CameoTable, doer_verbs: frozenset[str]) -> NounEntry:
    if not isinstance(value, dict):
        return NounEntry(act=_act(noun, value, codes), doer_verbs=doer_verbs)
    unknown = set(value) - _KEYS
    if unknown:
        raise DictionaryError(str(NOUNS_FILE), f"{noun!r}: unknown keys {sorted(unknown)} (valid: {sorted(_KEYS)})")
    return NounEntry(
        act=_act(noun, value.get("act"), codes),
        sources=_words(noun, value, "source") or ("by",),
        targets=_words(noun, value, "target"),
        unnamed_source=bool(value.get("unnamed_source")),
        needs_target=bool(value.get("needs_target")),
        place_modifier_target=bool(value.get("place_modifier_target")),
        doer_verbs=doer_verbs | frozenset(_words(noun, value, "doer_verbs")),
        recipient_verbs=frozenset(_words(noun, value, "recipient_verbs")),
    )


def _act(noun: str, value: Any, codes: CameoTable) -> str:
    act = str(value or "").strip()
    if not act or (act[0].isdigit() and act not in codes):
        raise DictionaryError(str(NOUNS_FILE), f"{noun!r}: {value!r} is neither a verb nor a CAMEO code")
    return act


def _words(noun: str, value: dict[str, Any], key: str) -> tuple[str, ...]:
    words = value.get(key) or []
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        kind = "verbs" if key.endswith("_verbs") else "prepositions"
        raise DictionaryError(str(NOUNS_FILE), f"{noun!r}: {key!r} must be a list of {kind}, got {words!r}")
    return tuple(w.strip().lower() for w in words)


def read_event_nouns(codes: CameoTable) -> dict[str, NounEntry]:
    """Noun (lemma, lower case) -> its entry (a CAMEO code one of ``codes``), read from ``NOUNS_FILE``."""
    try:
        raw = yaml.safe_load(NOUNS_FILE.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise DictionaryError(str(NOUNS_FILE), f"not valid YAML: {exc}") from exc
    nouns = raw.get("nouns")
    if not isinstance(nouns, dict):
        raise DictionaryError(str(NOUNS_FILE), "needs a 'nouns' mapping of noun -> verb, CAMEO code or entry")
    doer_verbs = frozenset(_words("doer_verbs", raw, "doer_verbs"))
    return {str(noun).lower(): _entry(str(noun), value, codes, doer_verbs) for noun, value in nouns.items()}
