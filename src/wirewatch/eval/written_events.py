"""`wirewatch eval written-events`: does the coder find each event of our written sentences at its
word, with its PLOVER type, and leave the look-alike non-events alone?

The set (``training/events/written/*.txt``, in this repository) is our own: about 1,700 sentences
written in the manner of wire copy by people other than the coder's rule writers, covering every
PLOVER type with many verbs and event nouns, every modality, passives, coordination, reported
speech, headlines, and words that look like an event and are none ("the storm struck the coast",
"requested anonymity"). Format (one event per line; a sentence with two events is written twice)::

    CAMEO MODALITY | [S source] [E trigger] [T target] ...
    NONE | a sentence whose [E word] is no codable event

Each sentence is coded alone, as a one-sentence article. An event line is **found** when a coded
event's trigger overlaps its ``[E ...]`` words and **typed** when one of them has its PLOVER type;
a NONE line is a **false alarm** when any coded event's trigger overlaps its word, and a **shown**
false alarm when one of those events is what every interface shows by default (asserted, with an
actor, at the confidence floor: ``events.confidence.shown_by_default``). Actors are not
scored here (the GSR and news_events suites score them); this set measures detection and typing
over a breadth of wording no article set of ours has.

Sentences fall in two fixed halves by a hash of their text (``half``): ``tune``, whose errors may
be read when rules are written, and ``held``, scored only. The report gives both.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirewatch.errors import EvalDataError
from wirewatch.eval.report import EvalReport
from wirewatch.events.codes import PLOVER_TYPES, CameoTable, read_cameo_table
from wirewatch.events.confidence import shown_by_default
from wirewatch.records import Article, stable_id
from wirewatch.settings import Settings
from wirewatch.stages import Knowledge, analyze_parsed

DEFAULT_PATH = Path("training/events/written")
NONE = "NONE"
MODALITIES = ("asserted", "negated", "hypothetical", "future", "hedged")
HALVES = ("tune", "held")
PUBLISHED = "2025-06-01"  # the sentences are about today's world
HEADLINE = "HEADLINE: "  # written headlines say so; the coder reads the words after it
MAX_LISTED = 300
_MARK = re.compile(r"\[([SET]) ([^\[\]]+?)\]")


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    label: str  # a PLOVER type, or NONE
    line: str  # "file:line", to find it again
    sources: tuple[tuple[int, int], ...] = ()  # the [S ...] spans of its line
    targets: tuple[tuple[int, int], ...] = ()  # the [T ...] spans

    def overlaps(self, start: int, end: int) -> bool:
        """Does a coded event's trigger at characters ``start``-``end`` share a character with this word?"""
        return start < self.end and self.start < end


@dataclass(slots=True)
class Sentence:
    text: str
    triggers: list[Trigger] = field(default_factory=list)

    @property
    def half(self) -> str:
        return half(self.text)


def half(text: str) -> str:
    """The sentence's fixed half: a hash of its words, so adding sentences never moves another."""
    return HALVES[zlib.crc32(text.encode("utf-8")) % 2]


def read_written(path: Path, codes: CameoTable | None = None) -> list[Sentence]:
    """Every sentence of the set (a folder of ``*.txt`` or one file), each once with all its lines'
    triggers. A malformed line is refused with its file and line number."""
    files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
    if not files or not all(f.is_file() for f in files):
        raise EvalDataError(f"{path}: no written event sentences (*.txt) found")
    table = codes or read_cameo_table()
    by_text: dict[str, Sentence] = {}
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            where = f"{file.name}:{number}"
            head, sep, marked = line.partition(" | ")
            if not sep:
                raise EvalDataError(f"{file}:{number}: expected 'CAMEO MODALITY | sentence' or 'NONE | sentence'")
            label = _label(head.split(), table, f"{file}:{number}")
            text, spans = _unmark(marked)
            words = [(s, e) for kind, s, e in spans if kind == "E"]
            if len(words) != 1:
                raise EvalDataError(f"{file}:{number}: a line marks exactly one [E ...], found {len(words)}")
            if label == NONE and any(kind != "E" for kind, _, _ in spans):
                raise EvalDataError(f"{file}:{number}: a NONE line marks no [S ...] or [T ...]")
            shift = len(HEADLINE) if text.startswith(HEADLINE) else 0
            text, spans = text[shift:], [(kind, s - shift, e - shift) for kind, s, e in spans]
            if any(s < 0 for _, s, _ in spans):
                raise EvalDataError(f"{file}:{number}: a marked word is inside 'HEADLINE:'")
            start, end = next((s, e) for kind, s, e in spans if kind == "E")
            sentence = by_text.setdefault(text, Sentence(text))
            found = Trigger(start, end, label, where, tuple((s, e) for kind, s, e in spans if kind == "S"),
                            tuple((s, e) for kind, s, e in spans if kind == "T"))
            same = next((n for n, t in enumerate(sentence.triggers)
                         if (t.start, t.end, t.label) == (start, end, label)), None)
            if same is None:
                sentence.triggers.append(found)
            else:  # another dyad of the same event ("Russia and Syria accused ..."): its actors join
                old = sentence.triggers[same]
                sentence.triggers[same] = Trigger(start, end, label, old.line,
                                                  tuple(dict.fromkeys(old.sources + found.sources)),
                                                  tuple(dict.fromkeys(old.targets + found.targets)))
    return list(by_text.values())


def _label(head: list[str], codes: CameoTable, where: str) -> str:
    if head == [NONE]:
        return NONE
    if len(head) != 2 or head[1] not in MODALITIES:
        raise EvalDataError(f"{where}: the line must start 'CAMEO MODALITY' ({', '.join(MODALITIES)}) or 'NONE'")
    entry = codes.codes.get(head[0])
    if entry is None or entry.plover_type is None:
        raise EvalDataError(f"{where}: {head[0]!r} is no CAMEO code with a PLOVER type (root 01 is not coded)")
    return entry.plover_type


def _unmark(marked: str) -> tuple[str, list[tuple[str, int, int]]]:
    """The plain sentence and the (kind, start, end) of each bracketed span in it."""
    parts: list[str] = []
    spans: list[tuple[str, int, int]] = []
    at = length = 0
    for m in _MARK.finditer(marked):
        before = marked[at:m.start()]
        parts.append(before)
        length += len(before)
        spans.append((m.group(1), length, length + len(m.group(2))))
        parts.append(m.group(2))
        length += len(m.group(2))
        at = m.end()
    parts.append(marked[at:])
    return "".join(parts), spans


@dataclass(slots=True)
class _Tally:
    events: Counter[str] = field(default_factory=Counter)  # half -> event lines
    found: Counter[str] = field(default_factory=Counter)
    typed: Counter[str] = field(default_factory=Counter)
    nones: Counter[str] = field(default_factory=Counter)
    alarms: Counter[str] = field(default_factory=Counter)
    shown_alarms: Counter[str] = field(default_factory=Counter)  # of the false alarms, shown by default
    by_type: Counter[tuple[str, bool]] = field(default_factory=Counter)  # (type, typed right)


def evaluate(path: Path | str = DEFAULT_PATH, settings: Settings | None = None) -> EvalReport:
    path = Path(path)
    if not path.exists():
        raise EvalDataError(f"{path}: written event sentences not found (pass training/events/written)")
    settings = settings or Settings.from_env()
    knowledge = Knowledge.load(settings)
    sentences = read_written(path, knowledge.events.codes)
    articles = as_articles(sentences)
    tally = _Tally()
    listed: list[dict[str, Any]] = []
    for sentence, analysis in zip(sentences, analyze_parsed(articles, settings, knowledge), strict=True):
        coded = [(e.trigger_start, e.trigger_end, e.plover_type, shown_by_default(e)) for e in analysis.events
                 if e.trigger_start is not None and e.trigger_end is not None]
        _score(sentence, coded, tally, listed)
    return _report(str(path), len(sentences), tally, listed)


def as_articles(sentences: list[Sentence]) -> list[Article]:
    """Each sentence as an article of its own, as the suite and the confidence's training code them."""
    return [Article(article_id=stable_id(f"written:{s.text}"), text=s.text, published_at=PUBLISHED) for s in sentences]


def _score(sentence: Sentence, coded: list[tuple[int, int, str, bool]], tally: _Tally,
           listed: list[dict[str, Any]]) -> None:
    part = sentence.half
    for trigger in sentence.triggers:
        overlapping = [c for c in coded if trigger.overlaps(c[0], c[1])]
        hits = [c[2] for c in overlapping]
        word = sentence.text[trigger.start:trigger.end]
        if trigger.label == NONE:
            tally.nones[part] += 1
            if hits:
                tally.alarms[part] += 1
                tally.shown_alarms[part] += any(c[3] for c in overlapping)
                listed.append({"half": part, "kind": "false alarm", "word": word, "gold": NONE, "coded": hits[0],
                               "line": trigger.line, "sentence": sentence.text})
            continue
        tally.events[part] += 1
        right = trigger.label in hits
        tally.found[part] += bool(hits)
        tally.typed[part] += right
        tally.by_type[(trigger.label, right)] += 1
        if not right:
            listed.append({"half": part, "kind": "wrong type" if hits else "missed", "word": word,
                           "gold": trigger.label, "coded": hits[0] if hits else "", "line": trigger.line,
                           "sentence": sentence.text})


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _report(dataset: str, sentences: int, tally: _Tally, listed: list[dict[str, Any]]) -> EvalReport:
    events = sum(tally.events.values())
    nones = sum(tally.nones.values())
    figures: dict[str, float | int] = {
        "typed_recall": _share(sum(tally.typed.values()), events),
        "found_recall": _share(sum(tally.found.values()), events),
        "false_alarm_rate": _share(sum(tally.alarms.values()), nones),
        "false_alarm_shown_rate": _share(sum(tally.shown_alarms.values()), nones),
        "n": events, "non_events": nones, "sentences": sentences,
    }
    for part in HALVES:
        figures[f"typed_recall_{part}"] = _share(tally.typed[part], tally.events[part])
        figures[f"false_alarm_rate_{part}"] = _share(tally.alarms[part], tally.nones[part])
    table = [("sentences", str(sentences)), ("event lines", str(events)), ("non-event lines", str(nones)),
             ("found at its word, right PLOVER type", f"{figures['typed_recall']:.3f}"),
             ("  tune half / held half", f"{figures['typed_recall_tune']:.3f} / {figures['typed_recall_held']:.3f}"),
             ("found at its word, any type", f"{figures['found_recall']:.3f}"),
             ("non-events coded as events (false alarms)", f"{figures['false_alarm_rate']:.3f}"),
             ("  of them shown by default (asserted, an actor, at the confidence floor)",
              f"{figures['false_alarm_shown_rate']:.3f}"),
             ("  tune half / held half",
              f"{figures['false_alarm_rate_tune']:.3f} / {figures['false_alarm_rate_held']:.3f}")]
    rows = [["PLOVER type", "lines", "typed right"]]
    for kind in PLOVER_TYPES:
        right, wrong = tally.by_type[(kind, True)], tally.by_type[(kind, False)]
        if right + wrong:
            rows.append([kind, str(right + wrong), f"{right / (right + wrong):.3f}"])
    kinds = Counter(m["kind"] for m in listed)
    # the tune half's errors first: the held half's are for counting, not for writing rules from
    listed.sort(key=lambda m: (m["half"] != "tune", m["kind"], m["line"]))
    return EvalReport(suite="written-events", dataset=dataset, figures=figures, table=table,
                      misses=[m for m in listed if m["half"] == "tune"][:MAX_LISTED],
                      sections={"typed recall by PLOVER type": rows,
                                "errors": [["kind", "count"]] + [[k, str(v)] for k, v in kinds.most_common()]})
