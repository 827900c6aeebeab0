"""Where the tests find the repository and the shared evaluation data (../shared beside the checkout)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SHARED_DATA = SHARED / "data"
SEED = SHARED / "seed" / "000_0fc1f3b002085bc3.txt"
EXAMPLES = REPO / "examples"


def need_shared(path: Path) -> Path:
    """Return ``path`` inside ../shared, or skip the test saying what is missing."""
    from markers_plugin import note

    note("needs_shared")
    if not path.exists():
        pytest.skip(f"needs {path} (the shared evaluation data beside this checkout); not present")
    return path
