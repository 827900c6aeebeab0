"""The command-line reference (docs/cli.md), generated from the commands' own ``--help``.

Written by hand, a reference drifts from the options the code accepts; generated from the same
click objects that parse the arguments, it cannot. ``tests/test_cli_reference.py`` fails when
docs/cli.md differs from what this module prints, and says how to regenerate it:

    python -m wirewatch.cli.reference > docs/cli.md
"""

from __future__ import annotations

from typing import Any

import typer.main

from wirewatch.cli.app import app

# A fixed width: the help text wraps to the terminal otherwise, and the file must not depend on
# the terminal of whoever regenerated it.
WIDTH = 100

HEADER = """# Command-line reference

Generated from `wirewatch --help` and every command's `--help` by `python -m wirewatch.cli.reference > docs/cli.md`;
`tests/test_cli_reference.py` keeps it equal to the code. The README and the other documents show the commands in use.
"""


# Typer builds its commands on its own copy of click (``typer._click``), so the commands are
# typed loosely here and each builds its context with its own ``context_class``.
def _context(command: Any, name: str, parent: Any) -> Any:
    return command.context_class(command, info_name=name, parent=parent, terminal_width=WIDTH, max_content_width=WIDTH)


def _sections(command: Any, path: list[str], parent: Any) -> list[str]:
    ctx = _context(command, path[-1], parent)
    heading = "#" * min(len(path) + 1, 4)
    text = command.get_help(ctx).rstrip()
    out = [f"{heading} `{' '.join(path)}`\n\n```text\n{text}\n```\n"]
    if hasattr(command, "list_commands"):  # a group: `wirewatch` itself, `wirewatch registry`
        # Registration order, as `--help` lists them, so the reference reads like the tool.
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                out.extend(_sections(sub, [*path, name], ctx))
    return out


def cli_reference() -> str:
    """docs/cli.md: the root help, then each command's help in the order `--help` lists them."""
    root = typer.main.get_command(app)
    return HEADER + "\n" + "\n".join(_sections(root, ["wirewatch"], None))


if __name__ == "__main__":
    print(cli_reference(), end="")
