"""Event-coder evaluation on the PLOVER gold-standard records (GSR).

Each record is one sentence with a gold PLOVER event type and source/target actor codes. Labels are
PLOVER 0.5b1 names, mapped to PLOVER 2.0 (DEMAND->REQUEST, DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE,
FIGHT->ASSAULT); DOCUMENT records are file documentation and are skipped.

The sentence is coded like any article. Its main event is the one whose verb is nearest the root of
the parse (ties: higher confidence, then earlier). Figures:

- ``type_accuracy``: share of records whose main event has the gold type (no event counts as wrong);
- ``type_macro_f1``: F1 per gold type, averaged;
- ``source_f1`` / ``target_f1``: micro F1 of country codes (the first three letters of actor codes,
  "IGO" for international organisations) of the main verb's events against the gold actors. A
  reciprocal event (two directed CAMEO events, marked in the rule) counts as PLOVER lists it: both
  parties are actors, there is no recipient (PLOVER manual, "Compound and Reciprocal Actors").
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from wirewatch.actors.resolve import find_mentions
from wirewatch.errors import EvalDataError
from wirewatch.eval.report import EvalReport
from wirewatch.events.coding import code_events_with_verbs
from wirewatch.events.lexicons import EventLexicons
from wirewatch.petrarch.event_records import combine_pairs, petrarch_events_with_verbs
from wirewatch.records import Article, Event, stable_id
from wirewatch.settings import Settings
from wirewatch.stages import Knowledge

DEFAULT_PATH = Path("../shared/data/plover_gsr/dev.json")
LABEL_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
NO_EVENT = "NONE"
MAX_MISSES = 300


def _actors(value: Any) -> set[str]:
    if not isinstance(value, list):
        return set()
    return {str(a["code"])[:3] for a in value if isinstance(a, dict) and a.get("code")}


def read_records(path: Path) -> list[dict[str, Any]]:
    """The GSR records with a sentence and an event type, labels mapped to PLOVER 2.0."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalDataError(f"{path}: cannot read the PLOVER GSR JSON ({exc})") from exc
    if not isinstance(raw, list):
        raise EvalDataError(f"{path}: expected a JSON array of PLOVER GSR records")
    records = []
    for r in raw:
        if not isinstance(r, dict) or r.get("event") in (None, "DOCUMENT") or not r.get("text"):
            continue
        records.append({
            "id": r.get("id"), "text": r["text"], "date": r.get("date"),
            "type": LABEL_MAP.get(r["event"], r["event"]),
            "sources": _actors(r.get("source")), "targets": _actors(r.get("target")),
        })
    if not records:
        raise EvalDataError(f"{path}: no records with an event and a text (not the PLOVER GSR layout?)")
    return records


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head != tok and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def main_events(pairs: list[tuple[Event, Token]]) -> list[Event]:
    """The events of the sentence's main coded verb."""
    if not pairs:
        return []
    best = min(pairs, key=lambda p: (_depth(p[1]), -p[0].confidence, p[1].i))[1]
    return [e for e, v in pairs if v.i == best.i]


def plover_actors(events: list[Event]) -> dict[str, set[str]]:
    """Country codes of actors and recipients as PLOVER lists them: the two directed events of a
    reciprocal event (CAMEO's "A meets B" and "B meets A") are one event whose actors are both."""
    out: dict[str, set[str]] = {"source": set(), "target": set()}
    for e in events:
        if e.rule.endswith(" reciprocal"):
            out["source"].update(c[:3] for c in (e.source_code, e.target_code) if c)
            continue
        if e.source_code:
            out["source"].add(e.source_code[:3])
        if e.target_code:
            out["target"].add(e.target_code[:3])
    return out


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(path: Path | str = DEFAULT_PATH, settings: Settings | None = None,
             lexicons: EventLexicons | None = None) -> EvalReport:
    """The GSR figures; ``lexicons`` other than the shipped ones (the role ranker's cross-validation
    scores each fold with the weights trained without it)."""
    path = Path(path)
    if not path.exists():
        raise EvalDataError(f"{path}: PLOVER GSR file not found (pass the path of plover_gsr/dev.json)")
    settings = settings or Settings.from_env()
    records = read_records(path)
    knowledge = Knowledge.load(settings)
    nlp, dictionary, petrarch = knowledge.nlp, knowledge.actors, knowledge.petrarch
    lexicons = lexicons or knowledge.events
    confusion: Counter[tuple[str, str]] = Counter()
    counts = {"source": [0, 0, 0], "target": [0, 0, 0]}  # tp, fp, fn
    misses: list[dict[str, Any]] = []
    right = 0
    for doc, record in nlp.pipe(((r["text"], r) for r in records), as_tuples=True, batch_size=64):
        article = Article(article_id=stable_id(record["id"]), text=record["text"], published_at=record["date"])
        mentions = find_mentions(doc, article, dictionary, knowledge.coreference, knowledge.media)
        pairs = code_events_with_verbs(doc, article, mentions, lexicons)
        if petrarch is not None:  # --dictionaries: PETRARCH dictionaries first (issue 7)
            pairs = combine_pairs(petrarch_events_with_verbs(doc, article, mentions, petrarch, lexicons), pairs)
        chosen = main_events(pairs)
        predicted = chosen[0].plover_type if chosen else NO_EVENT
        confusion[(record["type"], predicted)] += 1
        ok = predicted == record["type"]
        right += ok
        found = plover_actors(chosen)
        for role, gold in (("source", record["sources"]), ("target", record["targets"])):
            c = counts[role]
            c[0] += len(found[role] & gold)
            c[1] += len(found[role] - gold)
            c[2] += len(gold - found[role])
        if (not ok or found["source"] != record["sources"]) and len(misses) < MAX_MISSES:
            misses.append({
                "id": record["id"], "text": record["text"], "gold": record["type"], "predicted": predicted,
                "rule": chosen[0].rule if chosen else None,
                "gold_source": sorted(record["sources"]), "source": sorted(found["source"]),
                "gold_target": sorted(record["targets"]), "target": sorted(found["target"]),
            })
    n = len(records)
    labels = sorted({g for g, _ in confusion})
    f1s = []
    for label in labels:
        tp = confusion[(label, label)]
        fp = sum(v for (g, p), v in confusion.items() if p == label and g != label)
        fn = sum(v for (g, p), v in confusion.items() if g == label and p != label)
        f1s.append(_f1(tp, fp, fn)[2])
    src = _f1(*counts["source"])
    tgt = _f1(*counts["target"])
    figures: dict[str, float | int] = {
        "type_accuracy": round(right / n, 4),
        "type_macro_f1": round(sum(f1s) / len(f1s), 4),
        "source_f1": round(src[2], 4), "source_precision": round(src[0], 4), "source_recall": round(src[1], 4),
        "target_f1": round(tgt[2], 4), "target_precision": round(tgt[0], 4), "target_recall": round(tgt[1], 4),
        "n": n,
        "no_event": sum(v for (g, p), v in confusion.items() if p == NO_EVENT),
    }
    table = [("type accuracy", f"{right / n:.3f}"), ("type macro F1", f"{figures['type_macro_f1']:.3f}"),
             ("source country F1 (P/R)", f"{src[2]:.3f} ({src[0]:.3f}/{src[1]:.3f})"),
             ("target country F1 (P/R)", f"{tgt[2]:.3f} ({tgt[0]:.3f}/{tgt[1]:.3f})"),
             ("records", str(n)), ("records with no event", str(figures["no_event"]))]
    rows = [["gold", "predicted", "count"]] + [
        [g, p, str(v)] for (g, p), v in sorted(confusion.items(), key=lambda kv: (kv[0][0], -kv[1]))
    ]
    return EvalReport(suite="events", dataset=str(path), figures=figures, table=table, misses=misses,
                      sections={"confusion (gold, predicted)": rows})
