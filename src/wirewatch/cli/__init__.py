"""The `wirewatch` command line (Typer). Entry point: ``wirewatch.cli.app:main``."""
