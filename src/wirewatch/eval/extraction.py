"""Article-body extraction scored on the Article Extraction Benchmark (AEB).

The layout is the benchmark's own: ``html/<id>.html.gz`` pages and ``ground-truth.json``
mapping each id to ``{"articleBody": ...}``. Scoring follows the benchmark's evaluate.py:
per page, bags of word 4-shingles (``\\w+`` tokens) of gold and extracted body give TP/FP/FN
counts normalised to sum 1; precision is averaged over pages with any predicted shingle
(TP+FP > 0), recall over pages with any gold shingle (TP+FN > 0); F1 is the harmonic mean
of the two averages. Pages go through the product's own reading and extraction code.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from wirewatch.errors import EvalDataError, InputError
from wirewatch.eval.report import EvalReport
from wirewatch.ingest.extract import extract_document
from wirewatch.ingest.language import guess_language
from wirewatch.ingest.read import InputRef, decode_input, read_bytes
from wirewatch.settings import Settings

DEFAULT_PATH = Path("../shared/data/aeb")
GROUND_TRUTH = "ground-truth.json"
SHINGLE = 4
MISSES_KEPT = 20

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PageScore:
    page_id: str
    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fn == 0:
            return 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    # A text shorter than n tokens still counts as one (short) shingle.
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def score_page(page_id: str, gold: str, predicted: str) -> PageScore:
    g, p = shingles(gold), shingles(predicted)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    if total:  # normalised so that long pages do not outweigh short ones
        return PageScore(page_id, tp / total, fp / total, fn / total)
    return PageScore(page_id, 0.0, 0.0, 0.0)


def corpus_figures(scores: list[PageScore]) -> dict[str, float | int]:
    precisions = [s.precision for s in scores if s.tp + s.fp > 0]
    recalls = [s.recall for s in scores if s.tp + s.fn > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall, "n": len(scores)}


def load_ground_truth(path: Path) -> dict[str, dict[str, str]]:
    truth_file = path / GROUND_TRUTH
    if not truth_file.is_file() or not (path / "html").is_dir():
        raise EvalDataError(
            f"{path}: not an AEB set (expected {GROUND_TRUTH} and html/<id>.html.gz beside it)"
        )
    try:
        raw = json.loads(truth_file.read_text("utf-8"))
        return {
            page_id: {"body": entry.get("articleBody") or "", "url": entry.get("url") or ""}
            for page_id, entry in raw.items()
        }
    except (ValueError, AttributeError) as exc:
        raise EvalDataError(f"{truth_file}: not a JSON object of {{id: {{articleBody}}}} ({exc})") from exc


def extract_page(page: Path, settings: Settings) -> tuple[str, str | None]:
    """(body text, refusal reason) for one page, through the product's reading and extraction."""
    ref = InputRef(page, str(page))
    try:
        text, _ = decode_input(read_bytes(ref, settings.max_input_bytes), ref)
        return extract_document(text, is_html=True).text, None
    except (InputError, OSError) as exc:
        return "", str(exc)


def evaluate(path: Path | None, settings: Settings) -> EvalReport:
    path = Path(path) if path is not None else DEFAULT_PATH
    if not path.exists():
        raise EvalDataError(f"{path}: AEB evaluation set not found")
    gold = load_ground_truth(path)
    scores: list[PageScore] = []
    unread: list[dict[str, str]] = []
    not_english = 0
    for page_id in sorted(gold):
        page = path / "html" / f"{page_id}.html.gz"
        if not page.is_file():
            raise EvalDataError(f"{page}: page listed in {GROUND_TRUTH} is missing")
        predicted, problem = extract_page(page, settings)
        if problem:
            unread.append({"page": page_id, "problem": problem})
        elif not guess_language(predicted).is_english:
            not_english += 1
        scores.append(score_page(page_id, gold[page_id]["body"], predicted))
    figures = corpus_figures(scores)
    worst = sorted(scores, key=lambda s: (s.f1, s.page_id))[:MISSES_KEPT]
    return EvalReport(
        suite="extraction",
        dataset=str(path),
        figures=figures,
        table=[
            ("pages", str(figures["n"])),
            ("body F1", f"{figures['f1']:.3f}"),
            ("body precision", f"{figures['precision']:.3f}"),
            ("body recall", f"{figures['recall']:.3f}"),
            ("pages unreadable", str(len(unread))),
            ("pages not English (scored; the pipeline refuses them)", str(not_english)),
        ],
        misses=[
            {
                "page": s.page_id,
                "url": gold[s.page_id]["url"],
                "f1": round(s.f1, 3),
                "precision": round(s.precision, 3),
                "recall": round(s.recall, 3),
            }
            for s in worst
        ]
        + unread,
    )
