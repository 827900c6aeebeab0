"""The `slow` and `needs_shared` markers are facts about a test, checked, not conventions.

- A test module any of whose tests runs a spaCy pipeline (a ``Language`` with components called
  on text, in the test or in a fixture it triggers) carries ``pytestmark = pytest.mark.slow``, so
  ``pytest -m "not slow"`` is a quick run of the rule-level tests.
- A module that reads ../shared (through ``shared_paths.need_shared``) carries
  ``pytest.mark.needs_shared``; without ../shared those tests skip, saying what is missing.

A test in an unmarked module that does either fails in teardown, naming the marker to add.
With WIREWATCH_RECORD_MARKERS=<file> the run writes ``<module> <marker>`` lines there instead
(how the marks were first placed).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from spacy.language import Language

_current: pytest.Item | None = None
_used: dict[str, set[str]] = {}  # nodeid -> markers the test turned out to need
# A fixture set up once (session, module) does its work for the first test that asks for it;
# what it needed is remembered by name and charged to every test that requests it, so the
# verdict does not depend on which test ran first.
_fixture_needs: dict[str, set[str]] = {}
_setting_up: list[set[str]] = []  # the fixtures being set up now, innermost last


def note(marker: str) -> None:
    """Called where a test does what ``marker`` names."""
    if _current is not None:
        _used.setdefault(_current.nodeid, set()).add(marker)
    if _setting_up:
        _setting_up[-1].add(marker)


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef[object], request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    _setting_up.append(set())
    try:
        yield
    finally:
        needed = _setting_up.pop()
        if needed:
            _fixture_needs.setdefault(fixturedef.argname, set()).update(needed)
            if _setting_up:  # a fixture that needs it passes the need on
                _setting_up[-1].update(needed)


def _charging(method):  # type: ignore[no-untyped-def]
    def wrapped(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.pipe_names:  # a blank Language (tokenizer only) is as quick as a rule test
            note("slow")
        return method(self, *args, **kwargs)

    wrapped.__wrapped__ = method  # type: ignore[attr-defined]
    return wrapped


def pytest_configure(config: pytest.Config) -> None:
    Language.__call__ = _charging(Language.__call__)  # type: ignore[method-assign]
    Language.pipe = _charging(Language.pipe)  # type: ignore[method-assign]


def pytest_unconfigure(config: pytest.Config) -> None:
    for name in ("__call__", "pipe"):
        method = getattr(Language, name)
        setattr(Language, name, getattr(method, "__wrapped__", method))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    global _current
    _current = item


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    global _current
    _current = None
    needed = _used.pop(item.nodeid, set())
    for name in getattr(item, "fixturenames", ()):
        needed |= _fixture_needs.get(name, set())
    missing = sorted(m for m in needed if item.get_closest_marker(m) is None)
    if not missing:
        return
    record = os.environ.get("WIREWATCH_RECORD_MARKERS")
    if record:
        with Path(record).open("a", encoding="utf-8") as out:
            for marker in missing:
                out.write(f"{item.path} {marker}\n")
        return
    pytest.fail(f"{item.path.name} runs {' and '.join(missing)} work: add "
                f"`pytestmark = [{', '.join(f'pytest.mark.{m}' for m in missing)}]` to the module", pytrace=False)
