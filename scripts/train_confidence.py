#!/usr/bin/env python3
"""Build the event confidence's weights (src/wirewatch/events/data/confidence_model.json).

    .venv/bin/python scripts/train_confidence.py [--gsr ../shared/data/plover_gsr/dev.json] [--check] [--cv]

Reads the PLOVER GSR dev records, our annotations of GUM's news documents (training/events/gum,
over the GUM texts in ../shared/data/gum) and our written sentences (training/events/written); see
``wirewatch.training.confidence``. ``--check``
rebuilds and compares with the shipped file instead of writing it; ``--cv`` also prints the 5-fold
cross-validated figures (folds by record and document). Deterministic: no randomness, fixed
steps, the pipeline's own parse.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "src" / "wirewatch" / "events" / "data" / "confidence_model.json"
GUM = ROOT / "training" / "events" / "gum"
WRITTEN = ROOT / "training" / "events" / "written"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gsr", type=Path, default=ROOT.parent / "shared" / "data" / "plover_gsr" / "dev.json")
    parser.add_argument("--check", action="store_true", help="compare with the shipped weights, write nothing")
    parser.add_argument("--cv", action="store_true", help="print the 5-fold cross-validated figures")
    args = parser.parse_args()

    from wirewatch.events.confidence import SHOWN_FLOOR
    from wirewatch.settings import Settings
    from wirewatch.training.confidence import build_examples, cross_validate, dump_model, train
    from wirewatch.training.shipped import write_or_check

    started = time.perf_counter()
    examples = build_examples(args.gsr, GUM, Settings(), WRITTEN)
    counts = dict(sorted(Counter(e.source for e in examples).items()))
    rights = Counter(e.source for e in examples if e.right)
    text = dump_model(train(examples), counts)
    seconds = time.perf_counter() - started
    print(", ".join(f"{n} events from {k} ({rights[k]} right)" for k, n in counts.items()) + f" ({seconds:.0f}s)")
    if args.cv:
        held = cross_validate(examples)
        for floor in (0.1, 0.2, 0.3, 0.4, 0.5):
            figures = held.figures(floor)
            marker = "  <- SHOWN_FLOOR" if floor == SHOWN_FLOOR else ""
            print(f"5-fold, floor {floor}: " + ", ".join(f"{k} {v:.3f}" for k, v in figures.items()) + marker)
    return write_or_check(SHIPPED, text, args.check)


if __name__ == "__main__":
    sys.exit(main())
