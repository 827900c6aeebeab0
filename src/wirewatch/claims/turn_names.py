"""Whom an interview turn's label names, as the article itself names them.

A transcript labels its turns in its own way, and the article names the same people in full
elsewhere; the resolved speaker is the article's name:

- a label spelled with other marks or spaces than the article's name ("Mario J Lucero",
  "Khaled Al Maeena") is the name as the article writes it ("Mario J. Lucero", "Khaled
  Al-Maeena");
- a label in capitals ("JAKE TAPPER", "TAPPER") is the person of that surname, else the label
  in title case;
- a lone first name or surname ("Anna:", "Petrova:") is the one person the article names in
  full with it;
- a role ("A:", "Interviewee:", ``turns.label_role``) answering is the person the article says it
  interviews ("Wikinews interviewed Anna Petrova ..."), else the person it names most; a role
  asking, or a bare initialism ("Q", "WN"), names no one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from spacy.tokens import Doc

from wirewatch.claims.turns import Turns, label_role
from wirewatch.nlp.doc_text import doc_text

# What may stand between a label's words in the article's spelling of the name.
_BETWEEN = r"[\s.\-‐–’']*"
_INTERVIEW = frozenset({"interview", "speak", "talk"})  # "Wikinews interviewed Anna Petrova"


class NamedPerson(Protocol):
    name: str  # the full name the article uses
    start: int  # first and last token of the name
    token: int


class TurnNames:
    """Label -> name for one article (each label looked up once)."""

    def __init__(self, doc: Doc, persons: Sequence[NamedPerson], turns: Turns, full: dict[str, str]) -> None:
        self.doc = doc
        self.persons = persons
        self.turns = turns
        self.full = full  # surname -> the full name the article uses
        self._names: dict[str, str | None] = {}

    def name(self, label: str | None) -> str | None:
        if not label:
            return None
        if label not in self._names:
            self._names[label] = self._name(label)
        return self._names[label]

    def _name(self, label: str) -> str | None:
        role = label_role(label)
        if role == "answers":
            return self._interviewee()
        if role == "asks" or len(label) <= 2:
            return None
        if label.isupper():
            name = label.title()
            last = name.split()[-1].casefold()
            for person in reversed(self.persons):
                if person.name.split()[-1].casefold() == last:
                    return person.name
            return name
        if " " not in label:
            return self.full.get(label) or self._by_first_name(label) or label
        return self._as_written(label) or label

    def _as_written(self, label: str) -> str | None:
        """The article's own spelling of a label's name, where it differs only in marks and
        spaces: the first such spelling outside the labels themselves."""
        words = label.split()
        pattern = re.compile(r"(?<!\w)" + _BETWEEN.join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)
        text = doc_text(self.doc)
        for m in pattern.finditer(text):
            found = " ".join(m.group().split())
            if found != label and not found.endswith(("-", ".", "’", "'")):
                return found
        return None

    def _by_first_name(self, label: str) -> str | None:
        """"Anna" -> "Anna Petrova" when she is the only person of that first name named in full."""
        named = {p.name for p in self.persons if len(p.name.split()) > 1 and p.name.split()[0] == label}
        return named.pop() if len(named) == 1 else None

    def _interviewee(self) -> str | None:
        """The person the article says it interviews (named before the first turn as the object of
        "interview", "speak to", "talk with"), else the person it names most often (at least
        twice, and more than anyone else)."""
        first_turn = self.turns.turns[0].start if self.turns.turns else len(doc_text(self.doc))
        for person in self.persons:
            token = self.doc[person.token]
            if token.idx >= first_turn:
                break
            verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "NOUN")), None)
            if verb is not None and verb.lemma_.lower() in _INTERVIEW:
                return person.name
        ranked = Counter(p.name for p in self.persons).most_common(2)
        if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return None
        return ranked[0][0]
