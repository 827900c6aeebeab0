"""Knowledge is loaded in one place (issue 16, item 3), read with ast (no import runs).

A stage module must not read a data file through a module-level ``lru_cache``/``cache`` loader of
its own: what the stages look things up in is built by ``stages.Knowledge.load`` and handed to
them (the model, the dictionaries, the registry, each stage's lexicons), so ``Knowledge.build_all``
has every table at hand before workers fork. The module-level caches that remain are listed in
``NOT_LEXICONS`` with their reason: memos of a pure function of its arguments; the loaders that
``Knowledge.load`` calls and the faces share (one model, gazetteer and state-media registry per
setting, not a second copy); and tables read by the article reader or by the faces, never by a stage.
The list is checked against the code, so it cannot go stale.
"""

from __future__ import annotations

import ast
import re

from test_layers import SRC, STAGES

NOT_LEXICONS: dict[str, str] = {
    # Memos: the answer depends only on the arguments, no file is read.
    "events/patterns.py:_forms": "memo of a word's verb forms (the same words recur in every article)",
    "ingest/language.py:_script": "memo of a character's Unicode script",
    "petrarch/matching.py:*": "memos of PETRARCH pattern matching over word tuples",
    # The model, the gazetteer and the state-media registry: Knowledge.load calls these, and the
    # faces (eval, export) and the article reader share the same one per settings instead of
    # loading a second copy.
    "nlp/pipeline.py:load_pipeline": "the spaCy model, not a lexicon; one per model name and process",
    "places/gazetteer.py:load_gazetteer": "one gazetteer per GeoNames dump, shared with eval geo and export",
    "media/registry.py:load_registry": "one registry per file set: MediaKnowledge's, the article reader's",
    # Read by the article reader, which runs where articles are read, before any stage.
    "ingest/language.py:english_function_words": "the reader's language check, before the stages",
    "ingest/language.py:other_function_words": "the reader's language check, before the stages",
    "ingest/boilerplate.py:load_boilerplate_patterns": "the reader's boilerplate cleaning, before the stages",
    # Read by the faces (CLI, HTTP API, store views, exports) to name codes, not by a stage.
    "actors/names.py:*": "code -> name tables for display (cli, api, store views, export)",
    "media/matrix_import.py:_countries": "country names for `wirewatch registry import`, a CLI face",
}


def _is_cache(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
    return name in ("lru_cache", "cache")


def cached_loaders() -> set[str]:
    """``path:function`` for every module-level cached function in a stage folder."""
    found: set[str] = set()
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC)
        if relative.parts[0] not in STAGES:
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and any(_is_cache(d) for d in node.decorator_list):
                found.add(f"{relative.as_posix()}:{node.name}")
    return found


def _allowed(loader: str) -> bool:
    path, _, _name = loader.partition(":")
    return loader in NOT_LEXICONS or f"{path}:*" in NOT_LEXICONS


def test_no_stage_module_hides_a_cached_loader() -> None:
    hidden = sorted(loader for loader in cached_loaders() if not _allowed(loader))
    assert not hidden, (
        f"cached loaders in stage modules: {hidden}; build the table in stages.Knowledge.load and "
        f"pass it to the stage (see events/lexicons.py), or list it in NOT_LEXICONS with a reason"
    )


def test_the_list_names_only_loaders_that_exist() -> None:
    loaders = cached_loaders()
    stale = [k for k in NOT_LEXICONS if not k.endswith(":*") and k not in loaders]
    stale += [k for k in NOT_LEXICONS if k.endswith(":*") and not any(x.startswith(k[:-1]) for x in loaders)]
    assert not stale, f"NOT_LEXICONS names loaders that are gone: {stale}"


_DATA_PACKAGE = re.compile(r"wirewatch\.(\w+)\.data\b")
# Reaches still to be handed over, by module, with what they read; the test fails on an entry
# that no longer reaches, so the list cannot go stale.
KNOWN_REACHES: dict[str, str] = {}


def test_no_stage_module_reads_another_stages_data_files() -> None:
    """A stage reads its own ``data/`` only: what it needs of another stage's words is handed to it
    (the coreference gets the claims' words about people as ``PersonWords``, not their files)."""
    reaches: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC)
        if relative.parts[0] not in STAGES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                reaches += [f"{relative.as_posix()}: {node.value!r}" for m in _DATA_PACKAGE.finditer(node.value)
                            if m.group(1) != relative.parts[0]]
    unknown = [r for r in reaches if r.partition(":")[0] not in KNOWN_REACHES]
    assert not unknown, unknown
    stale = [k for k in KNOWN_REACHES if not any(r.startswith(f"{k}:") for r in reaches)]
    assert not stale, f"KNOWN_REACHES names modules that no longer reach: {stale}"
