#!/usr/bin/env python3
"""Build the pronoun ranker's weights (src/wirewatch/actors/data/coreference_model.json).

    .venv/bin/python scripts/train_coreference.py [--gum ../shared/data/gum] [--check]

Reads GUM's train partition, the speakers suite's tune half only (see
``wirewatch.training.coreference``), and prints the ranker's accuracy on the held half of the
train partition and on the test partition, which it never trains on. ``--check`` rebuilds and
compares with the shipped file instead of writing it. Deterministic: fixed seed, fixed passes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "src" / "wirewatch" / "actors" / "data" / "coreference_model.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gum", type=Path, default=ROOT.parent / "shared" / "data" / "gum")
    parser.add_argument("--check", action="store_true", help="compare with the shipped weights, write nothing")
    args = parser.parse_args()

    from wirewatch.nlp.pipeline import load_pipeline
    from wirewatch.settings import Settings
    from wirewatch.training import coreference as T
    from wirewatch.training.shipped import write_or_check

    settings = Settings()
    nlp = load_pipeline(settings.model, settings.gemm)
    weights = T.train(T.parse(T.training_documents(args.gum), nlp))
    for label, docs in (("train, held half", T.training_documents(args.gum, ("held",))),
                        ("test", T.training_documents(args.gum, ("tune", "held"), ("test",)))):
        tally = T.score(T.parse(docs, nlp), weights)
        print(label + ": " + " ".join(f"{k} {right / total:.3f} ({right}/{total})"
                                      for k, (right, total) in sorted(tally.items())))
    return write_or_check(SHIPPED, T.dump_model(weights), args.check, f"{len(weights)} weights")


if __name__ == "__main__":
    sys.exit(main())
