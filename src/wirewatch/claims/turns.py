"""Interview and Q&A layouts: who speaks in each turn, who asks and who answers.

An interview is published as turns, each a paragraph that opens with its speaker's name and a
colon ("Christopher Hill: My qualifications ...", "WN: Why run?"). In a turn, "I" is the turn's
speaker, and "you" in a question is the one who answers. Found once per article on its
characters; an article with fewer than two turns or only one speaker has no layout.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

# A turn's label: one to four capitalised words (or an initialism), "WALLACE", "Sen. Tim Kaine";
# after the first, a name's lower-case particle counts as a word ("Khaled al-Maeena", "Ana de Vries").
_PARTICLE = r"(?:al|el|as|ash|bin|ibn|da|de|del|della|der|den|di|do|dos|das|du|la|le|ter|van|von|zu)"
_WORD = r"[A-Z][\w.'’-]*"
LABEL = _WORD + r"(?:[ \t]+(?:" + _WORD + r"|" + _PARTICLE + r"(?:[-’']|[ \t]+)" + _WORD + r")){0,3}"
# A paragraph opening: a label, then a colon and a space. A transcript quoted paragraph by
# paragraph opens each turn with a quotation mark ("WALLACE: ...).
_TURN = re.compile(r"(?m)^[ \t]*[\"“]?(?P<label>" + LABEL + r")[ \t]*:[ \t]+(?=\S)")
# Labels that open a paragraph with a colon without naming a speaker.
_NOT_SPEAKERS = frozenset({"update", "note", "editor's note", "editor’s note", "source", "sources", "photo",
                           "related", "see also", "correction", "warning", "breaking", "read more", "watch",
                           "video", "image", "caption", "credit", "disclaimer", "background", "interview"})
# Labels that name a role, not a person ("Q:", "A:"): who answers is the one the article
# says it interviews, who asks no one the reader is told of.
_ASKING = frozenset({"q", "question", "interviewer"})
_ANSWERING = frozenset({"a", "answer", "interviewee"})
_MIN_TURNS = 2


@dataclass(frozen=True, slots=True)
class Turn:
    start: int  # characters: from the label to the next turn (or the end of the text)
    end: int
    label: str
    question: bool  # the turn asks something (ends with a question mark)


@dataclass(frozen=True, slots=True)
class Turns:
    turns: tuple[Turn, ...]
    asker: str | None  # the label whose turns are mostly questions
    answerer: str | None  # the one other label that answers, when there is exactly one

    def at(self, char: int) -> Turn | None:
        """The turn holding character ``char``, if any."""
        i = bisect_right([t.start for t in self.turns], char) - 1
        if i >= 0 and char < self.turns[i].end:
            return self.turns[i]
        return None

    def addressee(self, turn: Turn) -> str | None:
        """Who "you" is in ``turn``: in the asker's turns the one who answers, the asker in the
        answers. With several people answering (a couple, a panel, a transcript that spells one
        name two ways) a question is put to whoever answers it: the next turn's speaker."""
        if turn.label == self.asker:
            if self.answerer is not None:
                return self.answerer
            later = self.turns[self.turns.index(turn) + 1 :]
            return next((t.label for t in later[:1] if t.label != self.asker), None)
        if turn.label == self.answerer or self.asker is not None and self.answerer is None:
            return self.asker
        return None


NO_TURNS = Turns((), None, None)


def speaker_label(label: str) -> bool:
    """A label before a colon may name a speaker: not "Update", "Watch" or a caption's credit
    ("Tina McKenzie. Image: ..." ends in one of those words too)."""
    return label.casefold() not in _NOT_SPEAKERS and label.split()[-1].casefold() not in _NOT_SPEAKERS


def label_role(label: str) -> str | None:
    """"asks" or "answers" for a label naming a role ("Q", "Interviewee"), else None."""
    folded = label.casefold().rstrip(".")
    return "asks" if folded in _ASKING else "answers" if folded in _ANSWERING else None


def find_turns(text: str) -> Turns:
    found = [m for m in _TURN.finditer(text) if speaker_label(m.group("label"))]
    if len(found) < _MIN_TURNS or len({m.group("label") for m in found}) < 2:
        return NO_TURNS
    turns = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        paragraph_end = text.find("\n\n", m.end())
        # A turn runs on over later paragraphs until the next label ("I was born ...\n\nThen ...").
        body = text[m.end() : end].rstrip()
        question = body.endswith("?") or (0 <= paragraph_end < end and text[m.end() : paragraph_end].rstrip().endswith("?"))
        turns.append(Turn(m.start(), end, m.group("label"), question))
    asked = Counter(t.label for t in turns if t.question)
    answered = Counter(t.label for t in turns if not t.question)
    # The share of a label's turns that ask, not their number: one who answers at length ends
    # a few of many turns with "you know?", one who asks ends most of theirs so.
    spoken = Counter(t.label for t in turns)
    asker = max(asked, key=lambda label: (asked[label] / spoken[label], asked[label])) if asked else None
    others = [label for label in answered if label != asker]
    answerer = others[0] if len(others) == 1 else None
    return Turns(tuple(turns), asker, answerer)
