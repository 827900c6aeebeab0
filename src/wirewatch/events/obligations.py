"""What someone says another party should or must do is that speaker's demand of it (CAMEO 100, REQUEST).

"China said all sides should work toward denuclearization", "'Countries outside the region should
stick to their promises,' he said": the speaker asks something of the party named as the subject,
whatever the verb (most such verbs code no event of their own: "work toward", "stick to", "be
careful"). Verbs that do code an event are reframed the same way in ``events.framing`` and
``events.coding``; this module covers the rest.

Kept safe: the obligation must be someone's reported words (``framing.obligation_speaker``), the
speaker a coded actor (a pronoun speaker takes the latest coded subject before it), and the one asked
not the speaker, nor a pronoun ("we should" is a plan; whom "he must" means is unclear). A speaker
may ask something of its own country ("America must lead", says a candidate).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from wirewatch.events.arguments import (
    MentionIndex,
    coreferent_mention,
    earlier_subject,
    person_named,
    source_mentions,
)
from wirewatch.events.framing import obligation_speaker
from wirewatch.events.modality import ModalityCues
from wirewatch.records import ActorMention

_FIRST_PERSON = {"i", "we", "us", "me"}
_PRONOUNS = {"he", "she", "they", "it"}


@dataclass(slots=True)
class Obligation:
    verb: Token  # the verb under "should"/"must"
    speakers: list[ActorMention]
    asked: list[ActorMention]  # coded actors in the verb's subject; empty when it names none


def has_obligation(verb: Token, cues: ModalityCues) -> bool:
    """A "should"/"must"/"ought" auxiliary on the verb itself (cheap: read before anything else)."""
    obligation = cues["obligation"]
    return any(c.dep_ == "aux" and c.lower_ in obligation for c in verb.children)


def reported_speakers(speaker_verb: Token, verb: Token, index: MentionIndex) -> list[ActorMention]:
    """The coded actors who say the words of ``verb`` through ``speaker_verb`` ("China said ...");
    a pronoun speaker is the latest coded subject before it, a speaker named again without a code
    the actor the coreference or the name links it to. Empty when no coded actor speaks."""
    speakers, said_by = source_mentions(speaker_verb, index)
    speakers = [m for m in speakers if m.code]
    if not speakers and said_by is not None and said_by.lower_ in _PRONOUNS:
        latest = earlier_subject(verb.doc, index, speaker_verb)
        speakers = [latest] if latest is not None and latest.code else []
    elif not speakers and said_by is not None:
        # a speaker named again without a code ("Wang told ..." after "Foreign Minister Wang Yi said"):
        # the coded actor the coreference links the description to, or the one person of that name
        linked = coreferent_mention(verb.doc, index, said_by)
        if linked is None and said_by.pos_ == "PROPN":
            linked = person_named(index, said_by)
        speakers = [linked] if linked is not None else []
    return speakers


def obligation_of(verb: Token, index: MentionIndex, cues: ModalityCues) -> Obligation | None:
    """The demand in "X said Y should do ...", or None when the words are nobody's or Y is the speaker."""
    speaker_verb = obligation_speaker(verb, cues)
    if speaker_verb is None:
        return None
    speakers = reported_speakers(speaker_verb, verb, index)
    if not speakers:
        return None
    if any(c.dep_ == "csubj" for c in verb.children):
        return None  # "cutting output must be a priority": a clause is asked nothing
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s.lower_ in _FIRST_PERSON or s.lower_ in _PRONOUNS for s in subjects):
        return None  # "we should ...": the speaker's own plan; "he must ...": who is asked is unclear
    said = {m.code for m in speakers}
    asked = [m for s in subjects for m in index.in_phrase(s) if m.code and m.code not in said]
    if subjects and not asked and any(m.code in said for s in subjects for m in index.in_phrase(s)):
        return None  # the speaker's own obligation
    return Obligation(verb, speakers, asked)
