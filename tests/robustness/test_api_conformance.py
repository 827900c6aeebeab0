"""The HTTP API conforms to its own OpenAPI schema (issue 18, case 7 and "must show"):
schemathesis generates requests for every route from ``/openapi.json`` and sends them to the
real server (``wirewatch serve`` on 127.0.0.1), bounded in examples and time; every response
must be no server error and match the documented status codes, content types and schemas.
Also the impossible date the issue found (HTTP 500 before)."""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from live_server import live_server

from wirewatch.api.responses import BODIES

# Per route (11 routes). WIREWATCH_FUZZ_EXAMPLES raises it for a longer run by hand.
EXAMPLES = int(os.environ.get("WIREWATCH_FUZZ_EXAMPLES", "25"))
SECONDS_PER_ROUTE = 20.0
# Valid requests (must be answered, as documented) and invalid ones (must be refused with a
# documented 4xx in the error shape).
MODES = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import sample_analyses

    from wirewatch.store import open_store

    path = tmp_path_factory.mktemp("conformance") / "store.duckdb"
    with open_store(path) as store:
        store.write_batch([sample_analyses.venezuela(), sample_analyses.mexico()])
    return path


@pytest.fixture(scope="module")
def server(sample_db: Path) -> Iterator[str]:
    with live_server(sample_db) as (base, _):
        yield base


def test_impossible_dates_are_400_in_the_error_shape(server: str) -> None:
    for query in ("day_from=2025-02-30", "day_to=2025-13-01", "since=2025-02-30", "until=2025-13"):
        response = httpx.get(f"{server}/api/events?{query}", timeout=10)
        assert response.status_code == 400, (query, response.text)
        body = response.json()
        assert body["error"]["status"] == 400 and "is not a" in body["error"]["message"]


def test_the_schema_documents_400_not_422(server: str) -> None:
    schema = httpx.get(f"{server}/openapi.json", timeout=10).json()
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            responses = operation["responses"]
            assert "422" not in responses and "400" in responses, path
            assert responses["200"]["content"]["application/json"]["schema"], path


def test_every_route_conforms_to_the_schema(server: str) -> None:
    schema = schemathesis.openapi.from_url(f"{server}/openapi.json")
    tally: Counter[str] = Counter()
    failures: list[str] = []
    for result, mode in ((r, m) for r in schema.get_all_operations() for m in MODES):
        operation = result.ok()

        @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(generation_mode=mode))
        def exercise(case: schemathesis.Case) -> None:
            tally["requests"] += 1
            try:
                response = case.call_and_validate(base_url=server, timeout=10)
            except (Exception, BaseExceptionGroup) as exc:  # noqa: BLE001 - collected, then asserted
                failures.append(f"{case.method} {case.formatted_path} {case.query}: {str(exc).splitlines()[0]}")
                tally["failed"] += 1
                return
            # exercise() runs within this loop iteration, so `mode` is this iteration's.
            tally[f"{mode.value} status {response.status_code}"] += 1  # noqa: B023
            if response.status_code >= 500:
                tally["server errors"] += 1

        started = time.monotonic()
        exercise()
        tally["routes"] += 1
        assert time.monotonic() - started < SECONDS_PER_ROUTE * 3, operation.label
    print(f"\nschemathesis: {dict(sorted(tally.items()))}")
    assert not failures, "\n".join(failures[:20])
    assert tally["server errors"] == 0 and tally["routes"] == 2 * len(BODIES)
