"""The last step every training script shares: write the rebuilt weights where the package ships
them, or, with ``--check``, compare the rebuild with the shipped file (the tests and a reviewer use
that to see that the weights are what the repository builds)."""

from __future__ import annotations

from pathlib import Path


def write_or_check(shipped: Path, text: str, check: bool, note: str = "") -> int:
    """The script's exit status: 1 when checking and the shipped file differs (or is missing)."""
    suffix = f" ({note})" if note else ""
    if check:
        same = shipped.exists() and shipped.read_text(encoding="utf-8") == text
        print(f"{'same as' if same else 'DIFFERS from'} {shipped}{suffix}")
        return 0 if same else 1
    shipped.write_text(text, encoding="utf-8")
    print(f"wrote {shipped}{suffix}")
    return 0
