"""Is this text English? A cheap, offline test on function words and script.

The spaCy pipeline is English-only, so anything else must be refused before parsing.
No language-identification package ships with wirewatch's dependencies, and English has a
tell that needs no model: roughly 35-55% of running English prose is closed-class words
("the", "of", "and", "was"...), while other Latin-script languages share only a few of them.
Text light on prose (recipes, score tables) scores lower, so a middling English share is
accepted when it clearly beats the function words of the other common Latin-script
languages, which also name what a refused text looks like.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import repeat

# At or above this share of English function words a text is English prose.
ENGLISH_SHARE = 0.22
# Between this and ENGLISH_SHARE, English must beat every other language by OTHER_MARGIN times.
ENGLISH_MIN_SHARE = 0.08
OTHER_MARGIN = 2.0
# Below this share of Latin letters the text is written in another script.
LATIN_MIN_SHARE = 0.6
# Enough words to judge; more only costs time.
SAMPLE_WORDS = 2000

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    is_english: bool
    english_share: float  # share of words that are English function words
    other_share: float  # the highest share of another language's function words
    looks_like: str  # "English", or the language or script the text most resembles

    def describe(self) -> str:
        """Why the text is not English, in a few words."""
        if self.looks_like.endswith(" script"):
            return f"written in {self.looks_like}"
        if self.looks_like == "no words":
            return "it has no words"
        share = f"{self.english_share:.0%} English function words"
        if self.looks_like == "unknown":
            return f"{share}, in no language wirewatch recognises"
        return f"looks like {self.looks_like}; {share}"


def _data_lines(name: str) -> list[str]:
    text = resources.files("wirewatch.ingest").joinpath(f"data/{name}").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def english_function_words() -> frozenset[str]:
    return frozenset(_data_lines("english_function_words.txt"))


@lru_cache(maxsize=1)
def other_function_words() -> dict[str, frozenset[str]]:
    table: dict[str, frozenset[str]] = {}
    for line in _data_lines("other_function_words.tsv"):
        language, _, words = line.partition("\t")
        table[language] = frozenset(words.split())
    return table


def guess_language(text: str) -> LanguageGuess:
    """Judge from the first ``SAMPLE_WORDS`` words whether ``text`` is English."""
    sample = text[: SAMPLE_WORDS * 12]
    letters, scripts = _letter_scripts(sample)
    if not letters:
        return LanguageGuess(False, 0.0, 0.0, "no words")
    if scripts.get("Latin", 0) / letters < LATIN_MIN_SHARE:
        script = max((s for s in scripts if s != "Latin"), key=scripts.__getitem__)
        return LanguageGuess(False, 0.0, 0.0, f"{script} script")
    words = _WORD.findall(sample)[:SAMPLE_WORDS]
    # Lowered in one go: a newline is neither cased nor case-ignorable, so every word lowers
    # exactly as it would alone (Greek final sigma included). Then each function word is
    # looked up once in the counts, instead of each word in the function words.
    counts = Counter("\n".join(words).lower().replace("’", "'").split("\n"))
    english = sum(map(counts.get, english_function_words(), repeat(0))) / len(words)
    others = {
        language: sum(map(counts.get, vocabulary, repeat(0))) / len(words)
        for language, vocabulary in other_function_words().items()
    }
    closest = max(others, key=others.__getitem__)
    other = others[closest]
    if english >= ENGLISH_SHARE or (english >= ENGLISH_MIN_SHARE and english >= OTHER_MARGIN * other):
        return LanguageGuess(True, english, other, "English")
    looks_like = closest if other > english / OTHER_MARGIN and other > 0 else "unknown"
    return LanguageGuess(False, english, other, looks_like)


_ASCII_LETTERS = string.ascii_letters.encode("ascii")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _letter_scripts(sample: str) -> tuple[int, Counter[str]]:
    """How many letters ``sample`` has, and how many of them each script has (in order of
    first appearance, after Latin). ASCII letters are counted in bulk as Latin; only the
    rest are looked up one by one, so English text costs almost nothing here."""
    encoded = sample.encode("utf-8", "surrogatepass")  # non-ASCII never encodes to ASCII bytes
    ascii_letters = len(encoded) - len(encoded.translate(None, _ASCII_LETTERS))
    scripts: Counter[str] = Counter({"Latin": ascii_letters} if ascii_letters else {})
    letters = ascii_letters
    if not sample.isascii():
        for ch in _NON_ASCII.findall(sample):
            if ch.isalpha():
                scripts[_script(ch)] += 1
                letters += 1
    return letters, scripts


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "UNKNOWN"
    first = name.split(" ", 1)[0]
    # Japanese kana and Chinese ideographs are reported as one family.
    return "CJK" if first in {"HIRAGANA", "KATAKANA", "CJK"} else first.title()
