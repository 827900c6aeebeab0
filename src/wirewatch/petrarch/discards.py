"""PETRARCH discard lists: phrases that stop a sentence (or, with ``+``, a whole story) being coded.

Matching is case-insensitive on the text with a blank in front: the phrase must start a word; a
phrase ending in ``_`` must also end at a blank or punctuation mark, otherwise its last word is a
stem ("BASEBALL" also stops "baseballs"). Phrases are indexed by the start of their first word, so
a sentence is checked word by word rather than against hundreds of phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from wirewatch.errors import DictionaryError
from wirewatch.petrarch.lines import dictionary_lines

_WORD = re.compile(r"[^\W_]+(?:['.\-&][^\W_]+)*", re.UNICODE)
_KEY = 3  # phrases are filed under the first three letters of their first word


@dataclass(frozen=True, slots=True)
class Discard:
    words: tuple[str, ...]
    whole: bool  # the last word must end there (the phrase ended with '_')
    text: str


@dataclass(slots=True)
class DiscardList:
    sentence: list[Discard] = field(default_factory=list)
    story: list[Discard] = field(default_factory=list)
    _index: dict[bool, dict[str, list[Discard]]] = field(default_factory=dict)

    def _indexed(self, story: bool) -> dict[str, list[Discard]]:
        if story not in self._index:
            index: dict[str, list[Discard]] = {}
            for d in self.story if story else self.sentence:
                index.setdefault(d.words[0][:_KEY], []).append(d)
            self._index[story] = index
        return self._index[story]

    def match(self, text: str, story: bool = False) -> str | None:
        """The discard phrase found in ``text`` (sentence list, or story list), or None."""
        index = self._indexed(story)
        if not index:
            return None
        words = [w.upper() for w in _WORD.findall(text)]
        for i, word in enumerate(words):
            for d in index.get(word[:_KEY], ()):
                n = len(d.words)
                if i + n > len(words):
                    continue
                if words[i:i + n - 1] != list(d.words[:-1]):
                    continue
                last = words[i + n - 1]
                if last == d.words[-1] or (not d.whole and last.startswith(d.words[-1])):
                    return d.text
        return None


def read_discard_file(path: Path, into: DiscardList | None = None) -> DiscardList:
    out = into if into is not None else DiscardList()
    for line in dictionary_lines(path):
        text = line.text.strip()
        story = text.startswith("+")
        phrase = text[1:].strip() if story else text
        words = tuple(w.upper() for w in _WORD.findall(phrase.replace("_", " ")))
        if not words:
            raise DictionaryError(str(path), "discard entry has no phrase", line.number)
        (out.story if story else out.sentence).append(Discard(words, phrase.endswith("_"), phrase.rstrip("_")))
    out._index.clear()
    return out
