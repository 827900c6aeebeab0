"""PETRARCH's unit-test records file (PETR.UnitTest.records.xml): sentences, expected codings, options.

Each ``<Sentence>`` has a date, an id, a category, its ``<Text>`` and zero or more
``<EventCoding sourcecode targetcode eventcode>`` (or ``noevents`` / ``error``: nothing should be
coded). ``<Config option value>`` elements between sentences change options for the records that
follow (``require_dyad``, ``new_actor_length``, ...). ``<Environment>`` names the dictionaries.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from wirewatch.errors import EvalDataError

Triple = tuple[str, str, str]  # (source code, target code, event code)


@dataclass(slots=True)
class UnitRecord:
    record_id: str
    category: str
    when: date | None
    text: str
    expected: list[Triple]
    expects_nothing: bool  # noevents or an error record (discarded story/sentence, bad input)
    options: dict[str, str] = field(default_factory=dict)
    # The record's CoreNLP tree has unbalanced brackets: PETRARCH stops with bad_input_parse and
    # codes nothing. The tree itself is not used (we parse the text with spaCy).
    bad_parse: bool = False


@dataclass(slots=True)
class UnitSuite:
    path: Path
    dictionaries: dict[str, str]  # kind (verbs, actors, agents, discards) -> file name
    records: list[UnitRecord]


def _date(raw: str | None) -> date | None:
    raw = (raw or "").strip()
    if len(raw) == 8 and raw.isdigit():
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    return None


def parse_balanced(tree: str) -> bool:
    """Whether a bracketed parse tree closes every bracket it opens, and only those."""
    depth = 0
    for ch in tree:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def read_unit_suite(path: Path) -> UnitSuite:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvalDataError(f"{path}: cannot read the PETRARCH unit-test records ({exc})") from exc
    env = root.find("Environment")
    names = {"Verbfile": "verbs", "Actorfile": "actors", "Agentfile": "agents", "Discardfile": "discards"}
    dictionaries = {kind: (env.findtext(tag) or "").strip() for tag, kind in names.items()} if env is not None else {}
    options: dict[str, str] = {}
    records: list[UnitRecord] = []
    sentences = root.find("Sentences")
    if sentences is None:
        raise EvalDataError(f"{path}: no <Sentences> element (not a PETRARCH unit-test file?)")
    for el in sentences:
        if el.tag == "Config":
            options[el.get("option", "").strip().lower()] = el.get("value", "").strip()
        elif el.tag == "Sentence":
            expected: list[Triple] = []
            nothing = False
            for coding in el.findall("EventCoding"):
                if coding.get("noevents") is not None or coding.get("error") is not None:
                    nothing = True
                    continue
                source, target, code = (coding.get(k, "").strip().strip('"')
                                        for k in ("sourcecode", "targetcode", "eventcode"))
                expected.append((source, target, code))
            text = " ".join((el.findtext("Text") or "").split())
            records.append(UnitRecord(
                record_id=el.get("id", "").strip(), category=el.get("category", "").strip(),
                when=_date(el.get("date")), text=text, expected=expected,
                expects_nothing=nothing or not expected, options=dict(options),
                bad_parse=not parse_balanced(el.findtext("Parse") or ""),
            ))
    if not records:
        raise EvalDataError(f"{path}: no <Sentence> records")
    return UnitSuite(path=path, dictionaries=dictionaries, records=records)
