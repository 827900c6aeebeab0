#!/usr/bin/env python3
"""Build the attribution-cue model's weights (src/wirewatch/claims/data/cue_model.json).

    .venv/bin/python scripts/train_attribution.py [--gum ../shared/data/gum] [--check]

Reads GUM's train partition and training/attribution/written.txt (see
``wirewatch.training.attribution_cues``); ``--check`` rebuilds and compares with the shipped file
instead of writing it. Deterministic: fixed seed, fixed passes, the pipeline's own parse.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "src" / "wirewatch" / "claims" / "data" / "cue_model.json"
WRITTEN = ROOT / "training" / "attribution" / "written.txt"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gum", type=Path, default=ROOT.parent / "shared" / "data" / "gum")
    parser.add_argument("--check", action="store_true", help="compare with the shipped weights, write nothing")
    args = parser.parse_args()

    from wirewatch.nlp.pipeline import load_pipeline
    from wirewatch.settings import Settings
    from wirewatch.training.attribution_cues import build_model, dump_model
    from wirewatch.training.shipped import write_or_check

    settings = Settings()
    started = time.perf_counter()
    text = dump_model(build_model(args.gum, WRITTEN, load_pipeline(settings.model, settings.gemm)))
    seconds = time.perf_counter() - started
    return write_or_check(SHIPPED, text, args.check, f"{len(text)} bytes, {seconds:.0f}s")


if __name__ == "__main__":
    sys.exit(main())
