"""Drop scraped-page junk (ad slots, comment forms, share bars, sign-up prompts) from text.

The patterns are data (``data/boilerplate.yaml``). Lines are dropped whole and only when a
pattern matches the entire line, so a sentence of the article is never cut in half; a
trailing block (comment form, "Related news" rail) is cut from its heading on, but only
in the last third of the text, where such rails live.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from wirewatch.errors import DictionaryError

DATA_FILE = "data/boilerplate.yaml"
# A tail marker only ends the article when this share of the text's lines comes before it.
TAIL_START_SHARE = 2 / 3


@dataclass(frozen=True, slots=True)
class BoilerplatePatterns:
    lines: tuple[re.Pattern[str], ...]
    tail_markers: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class CleanedText:
    text: str
    removed: int  # non-empty lines dropped


@lru_cache(maxsize=1)
def load_boilerplate_patterns() -> BoilerplatePatterns:
    path = resources.files("wirewatch.ingest").joinpath(DATA_FILE)
    raw = yaml.safe_load(path.read_text("utf-8")) or {}
    return BoilerplatePatterns(
        lines=_compile(raw.get("lines", []), "lines"),
        tail_markers=_compile(raw.get("tail_markers", []), "tail_markers"),
    )


def _compile(patterns: list[str], section: str) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern, re.IGNORECASE))
        except re.error as exc:
            raise DictionaryError(DATA_FILE, f"bad regular expression in {section}: {pattern!r} ({exc})") from exc
    return tuple(compiled)


def is_boilerplate_line(line: str, patterns: BoilerplatePatterns | None = None) -> bool:
    patterns = patterns or load_boilerplate_patterns()
    stripped = line.strip()
    return bool(stripped) and any(p.fullmatch(stripped) for p in patterns.lines)


def remove_boilerplate(text: str) -> CleanedText:
    """Return ``text`` without its boilerplate lines, blank-line runs collapsed."""
    patterns = load_boilerplate_patterns()
    lines = text.split("\n")
    content_lines = [i for i, line in enumerate(lines) if line.strip()]
    cut = len(lines)
    if content_lines:
        earliest_tail = content_lines[int(len(content_lines) * TAIL_START_SHARE)]
        for i in content_lines:
            if i >= earliest_tail and any(p.fullmatch(lines[i].strip()) for p in patterns.tail_markers):
                cut = i
                break
    removed = sum(1 for line in lines[cut:] if line.strip())
    kept: list[str] = []
    for line in lines[:cut]:
        if is_boilerplate_line(line, patterns):
            removed += 1
            continue
        kept.append(line)
    return CleanedText(text=collapse_blank_lines("\n".join(kept)), removed=removed)


_BLANK_RUN = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def collapse_blank_lines(text: str) -> str:
    """Trim each line's right end and keep at most one blank line between paragraphs."""
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUN.sub("\n\n", text).strip()
