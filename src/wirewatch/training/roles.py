"""Training the role ranker (``events.roles``) reproducibly from data the project may ship.

Not used at run time. ``scripts/train_roles.py`` calls ``build_examples`` and ``train``:

1. the PLOVER GSR dev records (CC BY-SA 4.0): the sentence's main coded verb (as ``wirewatch eval
   events`` picks it), every candidate actor of its sentence labelled source / target by the gold
   actor codes (country level, as the GSR is scored);
2. our own sentences (``training/roles/written.txt``): ``[E ...]`` marks the event word, ``[S ...]``
   and ``[T ...]`` its source(s) and target(s); a candidate is labelled by the countries the actors
   inside those marks resolve to;
3. features are computed on the pipeline's own parse, with the rules' choices, as at run time;
   two logistic regressions (numpy, full-batch gradient descent, L2, fixed number of steps: no
   randomness at all) learn the weights; features seen fewer than twice are dropped.

news_events and PolNeAR texts are never read here: they are for evaluation only.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Token

from wirewatch.actors.resolve import find_mentions
from wirewatch.events.arguments import MentionIndex
from wirewatch.events.coding import code_events_with_verbs
from wirewatch.events.lexicons import EventLexicons
from wirewatch.events.roles import RoleModel, candidates, country_of
from wirewatch.records import Article, Event, stable_id
from wirewatch.settings import Settings
from wirewatch.stages import Knowledge

STEPS = 600
RATE = 0.5
L2 = 1e-3
MIN_COUNT = 2
# chosen on the GSR cross-validation and the tuning half of news_events
THRESHOLD = 0.4
TARGET_THRESHOLD = 0.3
PUBLISHED = "2025-06-01"  # the written sentences are about today's world
_MARK = re.compile(r"\[([EST]) ([^\[\]]+?)\]")
GSR_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


@dataclass(slots=True)
class Item:
    """One sentence and one event in it, with gold roles."""

    key: str
    text: str
    published: str | None
    trigger: tuple[int, int] | None  # char span of the event word (written), or None: the main verb (GSR)
    source_spans: list[tuple[int, int]]
    target_spans: list[tuple[int, int]]
    source_codes: set[str]  # gold countries (GSR)
    target_codes: set[str]


@dataclass(slots=True)
class Example:
    key: str
    features: list[str]
    source: bool
    target: bool


def read_written(path: Path) -> list[Item]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        text, spans = "", {"E": [], "S": [], "T": []}  # type: ignore[var-annotated]
        last = 0
        for m in _MARK.finditer(line):
            text += line[last:m.start()]
            spans[m.group(1)].append((len(text), len(text) + len(m.group(2))))
            text += m.group(2)
            last = m.end()
        text += line[last:]
        if not spans["E"]:
            raise ValueError(f"{path}:{n + 1}: no [E ...] mark")
        items.append(Item(f"written:{n + 1}", text, PUBLISHED, spans["E"][0], spans["S"], spans["T"], set(), set()))
    return items


def _codes(value: Any) -> set[str]:
    if not isinstance(value, list):
        return set()
    return {str(a["code"])[:3] for a in value if isinstance(a, dict) and a.get("code")}


def read_gsr(path: Path) -> list[Item]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return [Item(f"gsr:{r['id']}", r["text"], r.get("date"), None, [], [], _codes(r.get("source")),
                 _codes(r.get("target")))
            for r in raw if isinstance(r, dict) and r.get("text") and r.get("event") not in (None, "DOCUMENT")]


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head != tok and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def _main_verb(pairs: list[tuple[Event, Token]]) -> Token | None:
    if not pairs:
        return None
    return min(pairs, key=lambda p: (_depth(p[1]), -p[0].confidence, p[1].i))[1]


def _span_countries(spans: list[tuple[int, int]], index: MentionIndex, doc: Any) -> set[str]:
    out: set[str] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            m = index.by_token.get(tok.i)
            if m is not None and m.code:
                out.add(country_of(m))
        out.update(country_of(m) for m in index.in_phrase(span.root) if m.code)
    return out


def build_examples(items: list[Item], nlp: Language) -> list[Example]:
    """Candidates of each item's event with their labels, the rules' choices made without the ranker."""
    knowledge = Knowledge.load(Settings.from_env())
    return _examples(items, nlp, knowledge, replace(knowledge.events, roles=None))


def _examples(items: list[Item], nlp: Language, knowledge: Knowledge, lexicons: EventLexicons) -> list[Example]:
    dictionary = knowledge.actors
    out: list[Example] = []
    for doc, item in nlp.pipe(((i.text, i) for i in items), as_tuples=True, batch_size=64):
        article = Article(article_id=stable_id(item.key), text=item.text, published_at=item.published)
        mentions = find_mentions(doc, article, dictionary, knowledge.coreference, knowledge.media)
        index = MentionIndex.build(doc, mentions, knowledge.coreference)
        pairs = code_events_with_verbs(doc, article, mentions, lexicons)
        if item.trigger is not None:
            span = doc.char_span(*item.trigger, alignment_mode="expand")
            if span is None:
                continue
            verb = next((t for t in span if t.pos_ in ("VERB", "AUX")),
                        next((t for t in span if t.pos_ == "NOUN"), span.root))
            sources = _span_countries(item.source_spans, index, doc)
            targets = _span_countries(item.target_spans, index, doc)
        else:
            main = _main_verb(pairs)
            if main is None:
                continue
            verb, sources, targets = main, item.source_codes, item.target_codes
        events = [e for e, v in pairs if v.i == verb.i]
        root = events[0].cameo_root if events else "none"
        rule_src = {e.source_code[:3] for e in events if e.source_code}
        rule_tgt = {e.target_code[:3] for e in events if e.target_code}
        # the rules' candidates as the ranker sees them at run time: before its own filling
        rule_src |= {e.target_code[:3] for e in events if e.target_code and e.rule.endswith(" reciprocal")}
        for c in candidates(verb, index, root, rule_src, rule_tgt):
            out.append(Example(item.key, c.features, c.country in sources, c.country in targets))
    return out


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    w = np.zeros(x.shape[1])
    b = 0.0
    n = len(y)
    for _ in range(STEPS):
        z = np.clip(x @ w + b, -30, 30)
        p = 1.0 / (1.0 + np.exp(-z))
        g = p - y
        w -= RATE * (x.T @ g / n + L2 * w)
        b -= RATE * float(g.mean())
    return w, b


def train(examples: list[Example], threshold: float = THRESHOLD,
          target_threshold: float = TARGET_THRESHOLD) -> RoleModel:
    counts: dict[str, int] = {}
    for ex in examples:
        for f in set(ex.features):
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    at = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(examples), len(vocab)))
    for r, ex in enumerate(examples):
        for f in ex.features:
            if f in at:
                x[r, at[f]] = 1.0
    weights = {}
    for role in ("source", "target"):
        y = np.array([float(getattr(ex, role)) for ex in examples])
        w, b = _fit(x, y)
        weights[role] = ({f: round(float(w[i]), 4) for i, f in enumerate(vocab) if abs(w[i]) >= 0.01}, round(b, 4))
    return RoleModel(source=weights["source"][0], target=weights["target"][0], source_bias=weights["source"][1],
                     target_bias=weights["target"][1], threshold=threshold, target_threshold=target_threshold)


def dump_model(model: RoleModel) -> str:
    data = {"about": "wirewatch role ranker (events/roles.py), trained by scripts/train_roles.py",
            "trained_on": "PLOVER GSR dev records (CC BY-SA 4.0, Open Event Data Alliance) and "
                          "training/roles/written.txt (written by the project)",
            "threshold": model.threshold, "target_threshold": model.target_threshold, "source_bias": model.source_bias, "target_bias": model.target_bias,
            "source": dict(sorted(model.source.items())), "target": dict(sorted(model.target.items()))}
    return json.dumps(data, indent=0, sort_keys=False, ensure_ascii=False) + "\n"


def cross_validate(gsr_path: Path, written: list[Example], gsr: list[Example], folds: int = 5
                   ) -> dict[str, dict[str, float]]:
    """The GSR figures with the ranker off and on, each fold's ranker trained without that fold's
    records (record ``i`` is in fold ``i % folds``), averaged over the folds."""
    import tempfile

    from wirewatch.eval import events as eval_events

    raw = [r for r in json.loads(gsr_path.read_text(encoding="utf-8"))
           if isinstance(r, dict) and r.get("text") and r.get("event") not in (None, "DOCUMENT")]
    fold_of = {f"gsr:{r['id']}": i % folds for i, r in enumerate(raw)}
    keys = ("type_accuracy", "source_f1", "target_f1")
    sums = {"off": dict.fromkeys(keys, 0.0), "on": dict.fromkeys(keys, 0.0)}
    shipped = Knowledge.load(Settings.from_env()).events
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            model = train(written + [e for e in gsr if fold_of.get(e.key) != k])
            part = Path(tmp) / f"fold{k}.json"
            part.write_text(json.dumps([r for i, r in enumerate(raw) if i % folds == k]), encoding="utf-8")
            for mode in ("off", "on"):
                lexicons = replace(shipped, roles=None if mode == "off" else model)
                figures = eval_events.evaluate(part, lexicons=lexicons).figures
                for key in keys:
                    sums[mode][key] += float(figures[key]) / folds
    return {mode: {k: round(v, 4) for k, v in figures.items()} for mode, figures in sums.items()}
