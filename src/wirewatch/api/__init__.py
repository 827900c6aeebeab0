"""The HTTP API and the dashboard: ``create_app(store)`` and ``wirewatch serve``."""

from wirewatch.api.app import create_app

__all__ = ["create_app"]
