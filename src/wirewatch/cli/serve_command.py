"""`wirewatch serve`: the HTTP API and the dashboard over one store, on 127.0.0.1 by default.

The server holds the store for as long as it runs (DuckDB: one process per file while it
writes). To add articles meanwhile, give it a folder with ``--watch``: it analyses new files
there itself. Another process that tries to write the store gets an error naming this one.
"""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from wirewatch.cli.failure import user_errors
from wirewatch.cli.options import DbOption, SettingsError, load_settings, store_path

DEFAULT_PORT = 8765


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@user_errors
def serve_command(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to bind; anything but loopback exposes the store to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = DEFAULT_PORT,
    watch: Annotated[Optional[Path], typer.Option("--watch", help="Folder whose new files the server analyses into the store, each once it has stopped changing.")] = None,
    poll: Annotated[float, typer.Option("--poll", help="Seconds between looks at the --watch folder.")] = 5.0,
    query_seconds: Annotated[float, typer.Option("--query-timeout", help="Stop any query after this many seconds.")] = 10.0,
    engine: Annotated[Optional[str], typer.Option(
        "--engine", help="Where --watch analyses: local or ray, as for analyze [default: local, or WIREWATCH_ENGINE].")] = None,
    processes: Annotated[Optional[int], typer.Option("--processes", min=1, help="Processes (or Ray actors) --watch analyses with.")] = None,
) -> None:
    """Serve the JSON API (/api, schema at /openapi.json) and the dashboard (/)."""
    import uvicorn

    from wirewatch.api import create_app
    from wirewatch.api.app import LOOPBACK_HOSTS

    if watch is not None and not watch.is_dir():
        raise SettingsError(f"--watch {watch}: not an existing folder")
    if not 0 < port < 65536:
        raise SettingsError(f"--port {port}: must be between 1 and 65535")
    if query_seconds <= 0 or poll <= 0:
        raise SettingsError("--query-timeout and --poll must be more than 0 seconds")
    path = store_path(db)
    settings = load_settings(db_path=path, engine=engine, n_process=processes)
    loopback = is_loopback(host)
    app = create_app(
        path, settings=settings, watch=watch, watch_seconds=poll, query_seconds=query_seconds,
        allowed_hosts=[*LOOPBACK_HOSTS] if loopback else None,
    )
    shown = f"[{host}]" if ":" in host else host
    print(f"wirewatch: serving {path} at http://{shown}:{port}/"
          + (f", watching {watch}" if watch else " (read-only)"), file=sys.stderr, flush=True)
    if not loopback:
        print("wirewatch: warning: not bound to loopback; anyone who can reach this address can read the store",
              file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
