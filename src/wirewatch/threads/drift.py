"""What changed between two appearances of one claim: hedges, certainty, speaker, numbers, words.

Each hop is compared with the hop before it in the thread's order, because that is the text
the relaying outlet had in front of it ("each hop a little surer than the last").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wirewatch.threads.appearance import OWN_VOICE, Appearance
from wirewatch.threads.wording import content_words, numbers, speaker_key

_LEVEL = {"low": 0, "medium": 1, "high": 2}
# Speakers that are no one in particular: a claim carried on by them has lost its source.
_NAMELESS_KINDS = frozenset({"anonymous"})


@dataclass(slots=True)
class Drift:
    hedges_added: list[str] = field(default_factory=list)
    hedges_dropped: list[str] = field(default_factory=list)
    certainty_change: str = ""  # "up", "down" or ""
    speaker_change: str = ""  # "renamed", "lost", "named" or ""
    numbers_before: list[str] = field(default_factory=list)
    numbers_after: list[str] = field(default_factory=list)
    words_added: list[str] = field(default_factory=list)
    words_dropped: list[str] = field(default_factory=list)

    @property
    def numbers_changed(self) -> bool:
        return set(self.numbers_before) != set(self.numbers_after) and bool(self.numbers_before or self.numbers_after)

    def marks(self) -> list[str]:
        """The drift at a glance, in the order an analyst reads it."""
        out: list[str] = []
        if self.hedges_dropped:
            out.append("hedge dropped")
        if self.hedges_added:
            out.append("hedge added")
        if self.certainty_change:
            out.append(f"certainty {self.certainty_change}")
        if self.speaker_change:
            out.append(f"speaker {self.speaker_change}")
        if self.numbers_changed:
            out.append("number changed")
        if self.words_added or self.words_dropped:
            out.append("words changed")
        return out


def named_speaker(appearance: Appearance) -> str | None:
    if appearance.kind == OWN_VOICE or appearance.kind == "unattributed":
        return None
    if appearance.speaker_kind in _NAMELESS_KINDS:
        return None
    return appearance.speaker_name or None


def compare(before: Appearance, after: Appearance) -> Drift:
    drift = Drift()
    drift.hedges_added = [h for h in after.hedges if h not in before.hedges]
    drift.hedges_dropped = [h for h in before.hedges if h not in after.hedges]
    if before.certainty and after.certainty and before.certainty != after.certainty:
        up = _LEVEL.get(after.certainty, 1) > _LEVEL.get(before.certainty, 1)
        drift.certainty_change = "up" if up else "down"
    was, now = named_speaker(before), named_speaker(after)
    if was and not now:
        drift.speaker_change = "lost"
    elif now and not was:
        drift.speaker_change = "named"
    elif was and now and speaker_key(was) != speaker_key(now):
        drift.speaker_change = "renamed"
    drift.numbers_before = numbers(before.text)
    drift.numbers_after = numbers(after.text)
    old, new = content_words(before.text), content_words(after.text)
    drift.words_added = [w for w in new if w not in set(old)]
    drift.words_dropped = [w for w in old if w not in set(new)]
    return drift
