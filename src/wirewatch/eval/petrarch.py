"""PETRARCH's own unit suite (PETR.UnitTest.records.xml) coded with the PETRARCH coder on spaCy parses.

Each record names no dictionaries itself: the file's ``<Environment>`` does (the ``PETR.Validate.*``
toy dictionaries), looked up beside the records file or in a sibling ``dictionaries`` folder. The
records carry CoreNLP parse trees; we ignore them and parse the text with spaCy. ``<Config>``
options apply from where they appear (``require_dyad``, ``new_actor_length``, ``comma_*``: see
``petrarch.options``). A record whose tree has unbalanced brackets is refused, as PETRARCH refuses it.

Figures (shares in 0..1):

- ``triples_found``: expected (source, target, event code) triples coded, over all expected ones;
- ``extra_triples``: triples coded that were not expected, over all expected ones;
- ``records_passed``: records whose coded triples are exactly the expected ones (none for
  ``noevents`` and error records), over all records.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.errors import EvalDataError
from wirewatch.eval.report import EvalReport
from wirewatch.nlp.pipeline import load_pipeline
from wirewatch.petrarch.coder import code_doc
from wirewatch.petrarch.dictionaries import load_dictionaries
from wirewatch.petrarch.options import CoderOptions
from wirewatch.petrarch.unit_suite import UnitSuite, read_unit_suite
from wirewatch.settings import Settings

DEFAULT_PATH = Path("../shared/data/petrarch/text/PETR.UnitTest.records.xml")


def _dictionary_paths(suite: UnitSuite) -> list[Path]:
    out = []
    for kind, name in suite.dictionaries.items():
        if not name:
            continue
        candidates = [suite.path.parent / name, suite.path.parent.parent / "dictionaries" / name,
                      suite.path.parent / "dictionaries" / name]
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            raise EvalDataError(f"{suite.path}: the {kind} dictionary {name} is not beside it "
                                f"nor in a sibling 'dictionaries' folder")
        out.append(found)
    return out


def _one_sentence(nlp: Language, text: str) -> Doc:
    """Each record is one sentence, as PETRARCH is given it: keep spaCy from splitting it ("an anti-
    Gondor parade" is otherwise cut after "anti-"); the parser respects preset boundaries."""
    doc = nlp.make_doc(text)
    for tok in doc[1:]:
        tok.is_sent_start = False
    return doc


def _share(n: int, d: int) -> float:
    return round(n / d, 4) if d else 0.0


def evaluate(path: Path | str = DEFAULT_PATH, settings: Settings | None = None) -> EvalReport:
    path = Path(path)
    if not path.exists():
        raise EvalDataError(f"{path}: PETRARCH unit-test records not found")
    settings = settings or Settings.from_env()
    suite = read_unit_suite(path)
    dictionaries = load_dictionaries(_dictionary_paths(suite))
    nlp = load_pipeline(settings.model, settings.gemm)
    per_category: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])  # records, passed, expected, found, extra
    misses: list[dict[str, Any]] = []
    for doc, record in nlp.pipe(((_one_sentence(nlp, r.text), r) for r in suite.records), as_tuples=True,
                                batch_size=64):
        # PETRARCH refuses a record whose given tree is unbalanced (bad_input_parse) and codes nothing
        coded = [] if record.bad_parse else code_doc(doc, dictionaries, record.when,
                                                     options=CoderOptions.from_config(record.options))
        got = {e.triple for e in coded}
        want = set() if record.expects_nothing else set(record.expected)
        row = per_category[record.category or "?"]
        exact = got == want
        row[0] += 1
        row[1] += exact
        row[2] += len(want)
        row[3] += len(got & want)
        row[4] += len(got - want)
        if not exact:
            misses.append({
                "id": record.record_id, "category": record.category,
                "expected": " ".join("/".join(t) for t in sorted(want)) or "(none)",
                "coded": " ".join("/".join(t) for t in sorted(got)) or "(none)",
                "text": record.text,
            })
    total = [sum(r[k] for r in per_category.values()) for k in range(5)]
    records, passed, expected, found, extra = total
    figures: dict[str, float | int] = {
        "triples_found": _share(found, expected),
        "extra_triples": _share(extra, expected),
        "records_passed": _share(passed, records),
        "records": records, "expected_triples": expected,
        "dictionary_entries_skipped": len(dictionaries.ignored),
    }
    table = [
        ("records passed", f"{passed}/{records} ({_share(passed, records):.3f})"),
        ("expected triples found", f"{found}/{expected} ({_share(found, expected):.3f})"),
        ("extra triples (share of expected)", f"{extra} ({_share(extra, expected):.3f})"),
        ("dictionary entries skipped", str(len(dictionaries.ignored))),
    ]
    rows = [["category", "records", "passed", "expected", "found", "extra"]] + [
        [cat, str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4])] for cat, r in sorted(per_category.items())
    ]
    return EvalReport(suite="petrarch", dataset=str(path), figures=figures, table=table, misses=misses,
                      sections={"by category": rows})
