"""The event stage's lexicons, read together: the verb patterns (``data/verbs.yaml``) and the event
nouns (``data/event_nouns.yaml``).

``stages.Knowledge.load`` builds one ``EventLexicons`` per process and hands it to ``code_events``;
nothing in ``events/`` reads these files on its own, so what a stage looks things up in is whatever
it was given (a test can give it a changed copy) and worker processes forked after ``load`` share it.
"""

from __future__ import annotations

from dataclasses import dataclass

from wirewatch.events.nominal import read_event_nouns
from wirewatch.events.patterns import VerbLexicon, read_verb_lexicon


@dataclass(frozen=True, slots=True)
class EventLexicons:
    verbs: VerbLexicon
    nouns: dict[str, str]  # event noun (lemma, lower case) -> verb phrase or CAMEO code

    @classmethod
    def load(cls) -> EventLexicons:
        return cls(verbs=read_verb_lexicon(), nouns=read_event_nouns())
