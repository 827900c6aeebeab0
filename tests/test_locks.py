"""The locks alone decide what is installed: complete, consistent, and installed as written.

The README installs each lock with `pip install --no-deps --require-hashes`, so pip resolves nothing and no
upstream release can change or break the install (a new lxml once broke pip 23's resolution of justext's
`lxml[html_clean]` extra under `--require-hashes`). The price of `--no-deps` is that a lock missing one
requirement would install a broken environment quietly; these tests are what makes that loud.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version
from shared_paths import REPO

PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
SELF = canonicalize_name(PROJECT["name"])
_ENTRY = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)\s*\\?\s*$")


@dataclass
class Lock:
    path: Path
    pins: dict[str, str] = field(default_factory=dict)
    unpinned: list[str] = field(default_factory=list)
    without_hash: list[str] = field(default_factory=list)


def read_lock(path: Path) -> Lock:
    lock = Lock(path)
    current: str | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if line[0].isspace():
            if stripped.startswith("--hash=sha256:") and current is not None:
                lock.without_hash = [name for name in lock.without_hash if name != current]
            continue
        match = _ENTRY.match(line)
        if match is None:
            lock.unpinned.append(stripped)
            current = None
            continue
        current = canonicalize_name(match.group(1))
        lock.pins[current] = match.group(2)
        lock.without_hash.append(current)
    return lock


RUNTIME = read_lock(REPO / "requirements.lock")
TEST = read_lock(REPO / "requirements-test.lock")


def project_roots(extras: set[str]) -> list[Requirement]:
    """The project's own requirements with the given extras, its self-references (`wirewatch[ray]`) expanded."""
    roots = [Requirement(text) for text in PROJECT["dependencies"]]
    pending, seen = list(extras), set()
    while pending:
        extra = pending.pop()
        if extra in seen:
            continue
        seen.add(extra)
        for text in PROJECT.get("optional-dependencies", {}).get(extra, []):
            requirement = Requirement(text)
            if canonicalize_name(requirement.name) == SELF:
                pending.extend(requirement.extras)
            else:
                roots.append(requirement)
    return roots


def applies(requirement: Requirement, extras: set[str]) -> bool:
    """Whether a requirement holds on this interpreter and platform (the locks target Linux, CPython 3.11)."""
    if requirement.marker is None:
        return True
    environment = dict(default_environment())
    return any(requirement.marker.evaluate({**environment, "extra": extra}) for extra in extras | {""})


def missing_from(lock: Lock, roots: list[Requirement]) -> list[str]:
    """Every requirement reachable from `roots`, through extras and markers, that `lock` does not satisfy."""
    problems: list[str] = []
    seen: set[tuple[str, frozenset[str]]] = set()
    pending: list[tuple[Requirement, str]] = [(root, "pyproject.toml") for root in roots]
    while pending:
        requirement, wanted_by = pending.pop()
        name = canonicalize_name(requirement.name)
        pinned = lock.pins.get(name)
        if pinned is None:
            problems.append(f"{requirement} (wanted by {wanted_by}) is not in {lock.path.name}")
            continue
        if not requirement.specifier.contains(Version(pinned), prereleases=True):
            problems.append(f"{requirement} (wanted by {wanted_by}) is pinned at {pinned} in {lock.path.name}")
        key = (name, frozenset(requirement.extras))
        if key in seen:
            continue
        seen.add(key)
        for text in metadata.distribution(name).requires or []:
            dependency = Requirement(text)
            if applies(dependency, set(requirement.extras)):
                extras = f"[{','.join(sorted(requirement.extras))}]" if requirement.extras else ""
                pending.append((dependency, f"{name}{extras}=={pinned}"))
    return sorted(set(problems))


@pytest.mark.parametrize("lock", [RUNTIME, TEST], ids=lambda lock: lock.path.name)
def test_every_lock_entry_is_pinned_exactly_and_hashed(lock: Lock) -> None:
    assert lock.pins, f"{lock.path.name} names no packages"
    assert not lock.unpinned, f"{lock.path.name} has entries not pinned with ==: {lock.unpinned}"
    assert not lock.without_hash, f"{lock.path.name} has entries without a hash: {lock.without_hash}"


def test_the_runtime_lock_is_the_test_lock_minus_the_test_tools() -> None:
    """One version of each package everywhere: what the tests pass on is what users install."""
    differing = {name: (version, TEST.pins.get(name)) for name, version in RUNTIME.pins.items()
                 if TEST.pins.get(name) != version}
    assert not differing, f"runtime and test locks disagree (runtime, test): {differing}"


def test_this_environment_holds_exactly_the_test_lock() -> None:
    installed = {canonicalize_name(dist.metadata["Name"]): dist.version for dist in metadata.distributions()}
    wrong = {name: (version, installed.get(name)) for name, version in TEST.pins.items()
             if installed.get(name) != version}
    assert not wrong, f"installed versions differ from requirements-test.lock (locked, installed): {wrong}"


@pytest.mark.parametrize(("lock", "extras"), [(RUNTIME, set()), (TEST, {"test"})],
                         ids=["requirements.lock", "requirements-test.lock"])
def test_the_lock_is_complete_through_extras_and_markers(lock: Lock, extras: set[str]) -> None:
    problems = missing_from(lock, project_roots(extras))
    assert not problems, "\n".join(problems)


def test_an_incomplete_lock_is_caught() -> None:
    """The checker itself: a lock without the package behind an extra (lxml's html_clean) is reported."""
    trimmed = Lock(TEST.path, {name: version for name, version in TEST.pins.items() if name != "lxml-html-clean"})
    problems = missing_from(trimmed, [Requirement("justext")])
    assert any(canonicalize_name(Requirement(problem.split(" (")[0]).name) == "lxml-html-clean"
               for problem in problems), problems


def test_pip_check_finds_the_installed_set_consistent() -> None:
    result = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_readme_installs_resolve_nothing() -> None:
    """Every pip install in the README's two commands takes the lock as written and fetches no build backend."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```bash\n(.*?)```", readme, flags=re.S)[:2]
    for command in commands:
        installs = re.findall(r"pip install [^&]*", command)
        assert installs, command
        for install in installs:
            assert "--no-deps" in install, install
            if "-r " in install:
                assert "--require-hashes" in install, install
            if "-e ." in install:
                assert "--no-build-isolation" in install, install
        assert "pip check" in command, command
