"""``create_app``: the FastAPI application serving the JSON API and the dashboard over one store.

1. The store is opened once (read-only unless a folder is watched) and shared through
   ``StoreAccess``: one cursor per request thread, a time limit on every query.
2. ``/api/...`` routes (``routes.py``) answer JSON or CSV; ``/openapi.json`` describes them.
3. ``/`` is the dashboard: a static page and plain JavaScript modules from the package
   (``static/``), no CDN; world outlines come from the vendored world-atlas file.
4. Every response carries a Content-Security-Policy that allows scripts from this server only,
   so even a mistake in escaping could not run an article's ``<script>``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from wirewatch import __version__
from wirewatch.api.downloads import router as downloads
from wirewatch.api.errors import error_response, install_error_handlers
from wirewatch.api.responses import document_responses
from wirewatch.api.routes import router
from wirewatch.api.store_access import StoreAccess
from wirewatch.api.watch import FolderWatcher
from wirewatch.settings import Settings
from wirewatch.store import Store, open_store

STATIC = Path(__file__).with_name("static")

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")


def create_app(
    store: Store | str | Path,
    *,
    settings: Settings | None = None,
    watch: Path | None = None,
    watch_seconds: float = 5.0,
    query_seconds: float = 10.0,
    allowed_hosts: Sequence[str] | None = None,
) -> FastAPI:
    """The app over ``store`` (an open Store, or a path the app opens and closes itself).

    ``watch``: a folder whose new files the app analyses into the store (needs it writable).
    ``allowed_hosts``: Host headers accepted (``serve`` passes the loopback names when bound
    to 127.0.0.1, which stops DNS-rebinding pages from reading the API); None accepts any.
    """
    if isinstance(store, Store):
        opened, owns_store = store, False
    else:
        opened, owns_store = open_store(store, read_only=watch is None), True
    access = StoreAccess(opened, query_seconds=query_seconds)
    watcher = (
        FolderWatcher(Path(watch), access, settings or Settings.from_env(), seconds=watch_seconds)
        if watch is not None else None
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if watcher is not None:
            watcher.start()
        try:
            yield
        finally:
            if watcher is not None:
                watcher.stop()
            if owns_store:
                access.close()

    app = FastAPI(
        title="wirewatch",
        version=__version__,
        description="Event data with provenance: who did what to whom, where and when, and who says so.",
        lifespan=lifespan,
        docs_url=None,  # the Swagger page loads its scripts from a CDN; /openapi.json is the schema
        redoc_url=None,
    )
    app.state.access = access
    app.state.watcher = watcher
    install_error_handlers(app)
    app.include_router(downloads)  # before /api/events/{...}-like routes could shadow it
    app.include_router(router)
    document_responses(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    if allowed_hosts is not None:
        accepted = {h.lower() for h in allowed_hosts}

        # In place of Starlette's TrustedHostMiddleware, whose refusal is a text/plain body: a
        # refused Host header gets the one error shape like every other failure.
        @app.middleware("http")
        async def loopback_names_only(request: Request, call_next):
            host = request.headers.get("host", "").lower()
            name = host[: host.index("]") + 1] if host.startswith("[") and "]" in host else host.split(":")[0]
            if name not in accepted:
                return error_response(
                    400, f"Host header {name!r} is not accepted: this server answers only {', '.join(sorted(accepted))}"
                )
            return await call_next(request)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response: Response = await call_next(request)
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response
    return app
