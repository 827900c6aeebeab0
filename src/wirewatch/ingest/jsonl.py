"""JSON Lines: one article per line, ``text`` or ``html`` plus optional metadata.

Recognised keys: ``text`` | ``html``, ``url``, ``title``, ``published_at`` (or ``published``,
``date``), ``publisher`` (or ``site``, ``source_name``), ``authors`` (list or string; or
``author``). A bad line yields an ``InputProblem`` for ``path:line N``; the others still load.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from wirewatch.errors import InputError
from wirewatch.ingest.article import build_article
from wirewatch.records import Article, InputProblem
from wirewatch.settings import Settings

DATE_KEYS = ("published_at", "published", "date")
PUBLISHER_KEYS = ("publisher", "site", "source_name")
AUTHOR_KEYS = ("authors", "author")
# Separators only; the names are stripped after splitting (a "\s*" on both sides of the
# separator rescans a run of spaces from every position in it: quadratic time).
_AUTHOR_SPLIT = re.compile(r"[;&]|\band\b")


def looks_like_jsonl(text: str) -> bool:
    """True when the first non-blank line is a JSON object."""
    for line in text.splitlines():
        if line.strip():
            try:
                return isinstance(json.loads(line), dict)
            except ValueError:
                return False
            except RecursionError:  # nested too deeply to parse; an object if it opens like one
                return line.lstrip().startswith("{")
    return False


def read_jsonl(text: str, source: str, settings: Settings) -> Iterator[Article | InputProblem]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:line {number}"
        try:
            yield article_from_record(_parse(line, where), where, settings)
        except InputError as exc:
            yield InputProblem(source=where, reason=exc.reason)


def _parse(line: str, where: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"malformed JSON ({exc.msg} at column {exc.colno})") from exc
    except RecursionError as exc:  # one such line must not cost the lines after it
        raise InputError(where, "JSON nested too deeply to parse") from exc
    if not isinstance(record, dict):
        raise InputError(where, f"expected a JSON object per line, got {type(record).__name__}")
    return record


def article_from_record(record: dict[str, Any], where: str, settings: Settings) -> Article:
    html, text = record.get("html"), record.get("text")
    content = html if html else text
    if content is None:
        raise InputError(where, f"no 'text' or 'html' field (keys: {', '.join(sorted(record)) or 'none'})")
    if not isinstance(content, str):
        key = "html" if html else "text"
        raise InputError(where, f"'{key}' must be a string, got {type(content).__name__}")
    return build_article(
        content,
        source=where,
        settings=settings,
        is_html=True if html else None,
        url=_string(record, ("url",), where),
        title=_string(record, ("title",), where),
        published_at=_string(record, DATE_KEYS, where),
        publisher=_string(record, PUBLISHER_KEYS, where),
        authors=_authors(record, where),
    )


def _string(record: dict[str, Any], keys: tuple[str, ...], where: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            raise InputError(where, f"'{key}' must be a string, got {type(value).__name__}")
        return value.strip() or None
    return None


def _authors(record: dict[str, Any], where: str) -> list[str]:
    for key in AUTHOR_KEYS:
        value = record.get(key)
        if not value:
            continue
        if isinstance(value, str):
            return [name.strip() for name in _AUTHOR_SPLIT.split(value) if name.strip()]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [v.strip() for v in value if v.strip()]
        raise InputError(where, f"'{key}' must be a string or a list of strings")
    return []
