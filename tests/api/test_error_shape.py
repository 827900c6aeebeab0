"""Every failure of the HTTP API has one shape: {"error": {"status": int, "message": str}}."""

from __future__ import annotations

import time

import pytest

from wirewatch.api.store_access import StoreAccess
from wirewatch.store import open_store


def assert_error(response, status: int, *words: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert list(body) == ["error"] and sorted(body["error"]) == ["message", "status"]
    assert body["error"]["status"] == status
    message = body["error"]["message"]
    assert isinstance(message, str) and "\n" not in message and "Traceback" not in message
    for word in words:
        assert word in message, message


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/api/events?since=03/11/2025", 400, ("since='03/11/2025'", "YYYY-MM-DD")),
        ("/api/events?modality=likely", 400, ("'likely'", "asserted")),
        ("/api/events?certainty=sure", 400, ("'sure'", "low, medium, high")),
        ("/api/events?limit=100000", 400, ("limit",)),
        ("/api/events?limit=abc", 400, ("limit",)),
        ("/api/events?quad_class=7", 400, ("quad_class",)),
        ("/api/events?format=xml", 400, ("format",)),
        ("/api/events?day_from=2025-11", 400, ("day_from='2025-11'",)),
        ("/api/claims?kind=rumour", 400, ("'rumour'", "according_to")),
        ("/api/series?interval=decade", 400, ("interval 'decade'", "day, week, month, year")),
        ("/api/series?by=colour", 400, ("by 'colour'",)),
        ("/api/network?level=planet", 400, ("level 'planet'",)),
        ("/api/articles/ffffffffffffffff", 404, ("ffffffffffffffff", "no stored article")),
        ("/api/articles/not-hex", 400, ("article_id",)),
        ("/api/nothing-here", 404, ("no such route", "/api/nothing-here")),
        ("/static/../../pyproject.toml", 404, ()),
    ],
)
def test_errors_have_one_shape(client, url: str, status: int, words: tuple[str, ...]) -> None:
    assert_error(client.get(url), status, *words)


def test_wrong_method_has_the_shape(client) -> None:
    assert_error(client.post("/api/events"), 405)


def test_a_query_past_the_time_limit_is_stopped_with_503(filled_db) -> None:
    with open_store(filled_db, read_only=True) as store:
        access = StoreAccess(store, query_seconds=0.2)

        def slow(s):
            # A cross join big enough to outlast the limit; interrupt() must stop it.
            return s._con.execute("SELECT count(*) FROM range(100000000) a, range(1000) b").fetchall()

        started = time.perf_counter()
        from wirewatch.api.store_access import QueryTimeout

        with pytest.raises(QueryTimeout, match="stopped after 0.2 s"):
            access.read(slow)
        assert time.perf_counter() - started < 5
        # The cursor is usable again after the interrupt.
        assert access.read(lambda s: s.counts())["events"] == 4


def test_timeout_and_internal_errors_render_in_the_shape(filled_db) -> None:
    from fastapi.testclient import TestClient

    from wirewatch.api import create_app
    from wirewatch.api.store_access import QueryTimeout

    app = create_app(filled_db)

    @app.get("/api/test-timeout")
    def _timeout() -> None:
        raise QueryTimeout("query stopped after 10 s (the server's limit); narrow the filter")

    @app.get("/api/test-crash")
    def _crash() -> None:
        raise RuntimeError("secret internals")

    with TestClient(app, raise_server_exceptions=False) as client:
        assert_error(client.get("/api/test-timeout"), 503, "narrow the filter")
        crash = client.get("/api/test-crash")
        assert_error(crash, 500, "internal server error")
        assert "secret" not in crash.text
