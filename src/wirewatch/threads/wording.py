"""What a claim's wording is made of, for matching and for drift: content words, numbers, speakers.

Matching compares sets of content words (stop words out, plural and case folded) because
relays paraphrase, shorten and reorder a statement but keep its nouns, names and verbs.
Numbers are kept as written ("several hundred", "120") so drift can show both sides.
"""

from __future__ import annotations

import re

# Function words carry no claim: two unrelated sentences share them all the time.
STOP_WORDS = frozenset(
    """a an the and or but if of in on at to for from by with as into onto over under about after before
    than then that this these those there here it its it's is are was were be been being am has have had
    do does did will would shall should can could may might must not no nor so too very just also only
    he she they we you i me him her them us our their his hers my your who whom whose which what when
    where why how all any both each few more most other some such own same one ones said says say told
    according while since because though although until up down out off again further once""".split()
)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_NUMBER_WORD = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundreds|thousands|millions|dozens|hundred|thousand|million|billion|dozen"
)
# "several hundred", "hundreds of", "a dozen", "120", "1,500", "3.5 million", "two thousand"
_NUMBER = re.compile(
    rf"\b(?:(?:a few|several|some|many|dozens|hundreds|thousands|millions|a|an)\s+)?"
    rf"(?:\d[\d,]*(?:\.\d+)?|(?:{_NUMBER_WORD})(?:[\s-]+(?:{_NUMBER_WORD}))*)"
    rf"(?:\s+(?:{_NUMBER_WORD}))?(?:\s+percent|%)?(?=\W|$)",
    re.IGNORECASE,
)
# Words that read as numbers only in company ("one of his generals" is not a count).
_NOT_A_COUNT = frozenset({"one", "a", "an"})


def _fold(word: str) -> str:
    word = word.lower().replace("’", "'").strip("'-.,")
    if word.endswith("'s"):
        word = word[:-2]
    # Plural folding: "soldiers"/"soldier", "forces"/"force"; not "is"/"was"/"news".
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def content_words(text: str) -> list[str]:
    """The content words of ``text``, folded, in order of first appearance, each once."""
    seen: dict[str, None] = {}
    for match in _WORD.finditer(text):
        raw = match.group(0).lower().replace("’", "'")
        if raw in STOP_WORDS:
            continue
        word = _fold(raw)
        if word and word not in STOP_WORDS and len(word) > 1:
            seen.setdefault(word, None)
    return list(seen)


# Words that name a role rather than say anything ("former Arkansas governor Mike Huckabee"):
# with the names beside them they make noun phrases that many unrelated claims share.
ROLE_WORDS = frozenset(
    """former governor gov senator sen rep representative congressman congresswoman president presidential
    vice candidate nominee nomination chair chairman chairwoman secretary state leader minister prime
    spokesman spokeswoman spokesperson official general colonel director chief head mayor republican
    democratic democrat gop party national committee campaign""".split()
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n“\"‘(]\s*)$")


def name_words(text: str) -> list[str]:
    """Folded words written with a capital where a sentence does not start: the names in ``text``."""
    found: dict[str, None] = {}
    for match in _WORD.finditer(text):
        raw = match.group(0)
        if raw[0].isupper() and not _SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]):
            found.setdefault(_fold(raw.lower().replace("’", "'")), None)
    return list(found)


def numbers(text: str) -> list[str]:
    """Counts and amounts as written ("several hundred", "120"), lower-cased, each once."""
    found: dict[str, None] = {}
    for match in _NUMBER.finditer(text):
        value = " ".join(match.group(0).lower().split())
        if value in _NOT_A_COUNT or value.startswith(("a ", "an ")) and value.split()[-1] in _NOT_A_COUNT:
            continue
        found.setdefault(value, None)
    return list(found)


def speaker_key(name: str | None) -> str | None:
    """A person or body's name reduced to what survives relays: the last name word, folded
    ("General Kyrlo Budanov", "Kyrylo Budanov" and "Budanov" all become "budanov")."""
    if not name:
        return None
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", name) if w.lower() not in STOP_WORDS]
    return _fold(words[-1]) if words else None
