"""Whose gender an article shows, so that "she said" can skip a man named just before.

Evidence, per person, counted across the article: a title or description ("Ms. Ruiz", "the
spokeswoman, Anna Berg", ``sources.yaml`` ``gendered_words``), a given name borne by women or
by men (``data/given_names.yaml``, counted double), and the pronouns that follow the name in its
sentence before anyone else is named ("Ruiz said she ..."). No evidence, or a tie, is no answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from spacy.tokens import Doc

from wirewatch.claims.cues import ClaimCues
from wirewatch.nlp.doc_sents import token_sentence

_SHE = frozenset({"she", "her", "hers", "herself"})
_HE = frozenset({"he", "him", "his", "himself"})


class NamedPerson(Protocol):
    name: str  # the full name the article uses
    start: int  # first and last token of the name
    token: int
    described_as: frozenset[str]  # lemmas of the nouns that describe the person


def genders(doc: Doc, people: Iterable[NamedPerson], cues: ClaimCues) -> dict[str, str]:
    """Full name -> "f" or "m", for the people the article shows the gender of."""
    votes: dict[str, list[int]] = {}
    for person in people:
        tally = votes.setdefault(person.name, [0, 0])
        before = doc[person.start - 1].lower_ if person.start > 0 else ""
        words = set(person.described_as) | {before, doc[person.start].lower_}
        tally[0] += len(words & cues.female_words)
        tally[1] += len(words & cues.male_words)
        given = person.name.split()[0].casefold()
        tally[0] += 2 * (given in cues.female_names)
        tally[1] += 2 * (given in cues.male_names)
        for tok in doc[person.token + 1 : token_sentence(doc[person.start]).end]:
            if tok.ent_type_ == "PERSON":
                break
            tally[0] += tok.lower_ in _SHE
            tally[1] += tok.lower_ in _HE
    return {name: ("f" if f > m else "m") for name, (f, m) in votes.items() if f != m}
