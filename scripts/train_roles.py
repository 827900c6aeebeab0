#!/usr/bin/env python3
"""Build the role ranker's weights (src/wirewatch/events/data/role_model.json).

    .venv/bin/python scripts/train_roles.py [--gsr ../shared/data/plover_gsr/dev.json] [--check] [--cv]

Reads the PLOVER GSR dev records and training/roles/written.txt (see ``wirewatch.training.roles``);
``--check`` rebuilds and compares with the shipped file instead of writing it; ``--cv`` also prints
the 5-fold cross-validated GSR figures with the ranker off and on (each fold's ranker trained
without that fold). Deterministic: no randomness, fixed steps, the pipeline's own parse.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "src" / "wirewatch" / "events" / "data" / "role_model.json"
WRITTEN = ROOT / "training" / "roles" / "written.txt"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gsr", type=Path, default=ROOT.parent / "shared" / "data" / "plover_gsr" / "dev.json")
    parser.add_argument("--check", action="store_true", help="compare with the shipped weights, write nothing")
    parser.add_argument("--cv", action="store_true", help="print the 5-fold cross-validated GSR figures")
    args = parser.parse_args()

    from wirewatch.nlp.pipeline import load_pipeline
    from wirewatch.settings import Settings
    from wirewatch.training.roles import build_examples, cross_validate, dump_model, read_gsr, read_written, train
    from wirewatch.training.shipped import write_or_check

    settings = Settings()
    started = time.perf_counter()
    nlp = load_pipeline(settings.model, settings.gemm)
    written = build_examples(read_written(WRITTEN), nlp)
    gsr = build_examples(read_gsr(args.gsr), nlp)
    text = dump_model(train(written + gsr))
    seconds = time.perf_counter() - started
    print(f"{len(written)} candidates from written sentences, {len(gsr)} from the GSR ({seconds:.0f}s)")
    if args.cv:
        for mode, figures in cross_validate(args.gsr, written, gsr).items():
            print(f"GSR 5-fold, ranker {mode}: " + ", ".join(f"{k} {v:.4f}" for k, v in figures.items()))
    return write_or_check(SHIPPED, text, args.check)


if __name__ == "__main__":
    sys.exit(main())
