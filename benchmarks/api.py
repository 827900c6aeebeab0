"""HTTP API latency over a store of 1,000,000 synthetic events.

    python benchmarks/api.py [--events 1000000] [--requests 200] [--concurrency 4] [--db PATH]

1. Builds the store with DuckDB SQL alone (no Python loop over rows): ``--events`` events
   spread over ``events / 20`` articles and two years, 30 countries, the 16 PLOVER types
   with their CAMEO roots and quad classes, a mix of modalities, places with coordinates.
   A store already at ``--db`` with the right count is reused.
2. Starts ``wirewatch serve`` on 127.0.0.1 (a free port) in a child process.
3. Sends a bounded load from ``--concurrency`` client threads: ``--requests`` requests per
   endpoint, cycling through filter variants, never longer than ``--max-seconds`` per endpoint.
4. Prints p50/p95/max latency per endpoint and whether the target (p95 <= 150 ms for
   filtered event pages and dyad time series) is met; exits 1 when it is not.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import httpx

from wirewatch.store import open_store

TARGET_P95_MS = 150.0
COUNTRIES = ["RUS", "USA", "VEN", "CHN", "UKR", "MEX", "NIC", "CUB", "IRN", "ISR", "GBR", "FRA", "DEU", "TUR", "SYR",
             "IND", "PAK", "BRA", "COL", "PRK", "KOR", "JPN", "SAU", "EGY", "NGA", "ZAF", "POL", "BLR", "AFG", "IRQ"]
# PLOVER type, a CAMEO code for it, quad class, Goldstein weight.
TYPES = [("agree", "057", 1, 8.0), ("consult", "040", 1, 1.0), ("support", "051", 1, 3.4),
         ("concede", "080", 2, 5.0), ("cooperate", "061", 2, 6.4), ("aid", "074", 2, 3.4),
         ("retreat", "087", 2, 9.0), ("request", "020", 1, 3.0), ("accuse", "112", 3, -2.0),
         ("reject", "120", 3, -4.0), ("threaten", "138", 3, -7.0), ("protest", "141", 3, -6.5),
         ("sanction", "163", 4, -8.0), ("mobilize", "154", 4, -7.2), ("coerce", "173", 4, -5.0),
         ("assault", "190", 4, -10.0)]
SECTORS = ["GOV", "MIL", "MED", "BUS", "OPP"]


def _sql_list(values: list[str]) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def build_store(path: Path, events: int) -> float:
    """Create the store with ``events`` synthetic events; returns the seconds it took."""
    started = time.perf_counter()
    open_store(path).close()  # schema and migrations, exactly as the product makes them
    articles = max(1, events // 20)
    types = ", ".join(f"('{t}', '{c}', {q}, {g})" for t, c, q, g in TYPES)
    with duckdb.connect(str(path)) as con:
        con.execute(f"CREATE TEMP TABLE types AS SELECT * FROM (VALUES {types}) t(plover_type, cameo_code, quad_class, goldstein)")
        con.execute("CREATE TEMP TABLE types_n AS SELECT row_number() OVER () - 1 AS n, * FROM types")
        con.execute(f"""
            INSERT INTO articles (article_id, text, url, title, publisher, published_at, language, source)
            SELECT printf('%016x', hash(i)), 'Synthetic article ' || i, 'https://example.org/' || i,
                   'Synthetic report ' || i, ['Daily Star', 'Reuters', 'RT', 'TASS', 'AP'][1 + i % 5],
                   strftime(DATE '2024-01-01' + CAST(i * 730 // {articles} AS INTEGER), '%Y-%m-%d'), 'en', 'bench/' || i
            FROM range({articles}) r(i)
        """)
        # BY NAME: columns added by later migrations keep their defaults.
        con.execute(f"""
            INSERT INTO events BY NAME
            SELECT printf('%016x', hash(i, 'e')) AS event_id,
                   printf('%016x', hash(i // 20)) AS article_id,
                   CAST(i % 20 AS INTEGER) AS sentence_index, 0 AS char_start, 40 AS char_end,
                   'Synthetic evidence sentence number ' || i AS evidence,
                   src AS source_text, src || sec AS source_code, src AS source_country, sec AS source_sector,
                   tgt AS target_text, tgt || tsec AS target_code, tgt AS target_country, tsec AS target_sector,
                   t.cameo_code, substr(t.cameo_code, 1, 2) AS cameo_root, t.quad_class, t.goldstein, t.plover_type,
                   CAST([] AS VARCHAR[]) AS plover_contexts,
                   CASE WHEN i % 10 < 7 THEN 'asserted' WHEN i % 10 = 7 THEN 'hedged'
                        WHEN i % 10 = 8 THEN 'future' ELSE 'hypothetical' END AS modality,
                   ['high', 'medium', 'low'][1 + (i // 7) % 3] AS certainty,
                   CASE WHEN i % 3 = 0 THEN printf('%016x', hash(i, 'c')) END AS claim_id,
                   CASE WHEN i % 3 = 0 THEN 'an official' END AS claimant,
                   tgt AS place_text, 'Capital of ' || tgt AS place_name, tgt AS place_country,
                   1000 + hash(tgt) % 100000 AS place_geonameid,
                   (hash(tgt) % 120) - 60.0 AS lat, (hash(tgt, 'lon') % 340) - 170.0 AS lon,
                   CASE WHEN i % 4 = 0 THEN NULL
                        ELSE strftime(DATE '2024-01-01' + CAST((i // 20) * 730 // {articles} AS INTEGER), '%Y-%m-%d')
                   END AS date,
                   CASE WHEN i % 4 = 0 THEN NULL ELSE 'day' END AS date_granularity,
                   'synthetic' AS rule, 0.8 AS confidence,
                   CASE WHEN i % 5 = 0 THEN printf('c%06d', i % 50000) END AS cluster_id
            FROM (
                SELECT i,
                       {_sql_list(COUNTRIES)}[1 + CAST(hash(i, 's') % 30 AS INTEGER)] AS src,
                       -- Target: any other country, every ordered pair equally likely.
                       {_sql_list(COUNTRIES)}[1 + CAST((hash(i, 's') % 30 + 1 + hash(i * 7919 + 13) % 29) % 30 AS INTEGER)] AS tgt,
                       {_sql_list(SECTORS)}[1 + CAST(hash(i, 'ss') % 5 AS INTEGER)] AS sec,
                       {_sql_list(SECTORS)}[1 + CAST(hash(i, 'ts') % 5 AS INTEGER)] AS tsec,
                       CAST(hash(i, 'k') % 16 AS INTEGER) AS k
                FROM range({events}) r(i)
            ) g JOIN types_n t ON t.n = g.k
        """)
        con.execute("CHECKPOINT")
    return time.perf_counter() - started


def stored_events(path: Path) -> int:
    if not path.exists():
        return -1
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            return int(con.execute("SELECT count(*) FROM events").fetchone()[0])
    except duckdb.Error:
        return -1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


ENDPOINTS: dict[str, list[str]] = {
    "events page, dyad": [
        "/api/events?source=RUS&target=VEN&modality=all&limit=50",
        "/api/events?source=USA&target=IRN&limit=50",
        "/api/events?source=CHN&target=UKR&modality=all&limit=50&offset=100",
    ],
    "events page, facets": [
        "/api/events?country=VEN&type=assault&limit=50",
        "/api/events?actor=RUS&since=2025-01&until=2025-03&limit=50",
        "/api/events?type=19&certainty=low&attributed=true&limit=50",
        "/api/events?place=capital of mex&quad_class=4&limit=50",
    ],
    "events page, unfiltered": ["/api/events?limit=50", "/api/events?modality=all&limit=50&offset=500"],
    "series, dyad per day": [
        "/api/series?source=RUS&target=VEN&by=dyad&interval=day&modality=all",
        "/api/series?source=USA&target=CHN&by=dyad&interval=day",
    ],
    "series, Goldstein per week": [
        "/api/series?source=RUS&by=dyad&interval=week&modality=all",
        "/api/series?target=UKR&by=plover_type&interval=week",
    ],
    "event count": ["/api/events/count?source=RUS&target=VEN&modality=all"],
    "network": ["/api/network?modality=all"],
    "places": ["/api/places?country=VEN"],
}
TARGETED = ("events page, dyad", "events page, facets", "series, dyad per day", "series, Goldstein per week")


def load(base: str, urls: list[str], requests: int, concurrency: int, max_seconds: float) -> list[float]:
    """Latencies (ms) of ``requests`` GETs cycling through ``urls``; stops early after ``max_seconds``."""
    deadline = time.monotonic() + max_seconds

    def one(n: int, client: httpx.Client) -> float | None:
        if time.monotonic() > deadline:
            return None
        started = time.perf_counter()
        response = client.get(base + urls[n % len(urls)])
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise RuntimeError(f"{urls[n % len(urls)]}: HTTP {response.status_code}: {response.text[:200]}")
        return elapsed

    with httpx.Client(timeout=30, limits=httpx.Limits(max_connections=concurrency)) as client:
        for url in urls:  # warm up: first touch of each query shape
            client.get(base + url)
        with ThreadPoolExecutor(concurrency) as pool:
            return [t for t in pool.map(lambda n: one(n, client), range(requests)) if t is not None]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--max-seconds", type=float, default=60.0, help="time cap per endpoint")
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "wirewatch-bench-api.duckdb")
    args = parser.parse_args()

    if stored_events(args.db) != args.events:
        for stale in (args.db, Path(str(args.db) + ".wal")):
            stale.unlink(missing_ok=True)
        print(f"building {args.db} with {args.events:,} events ...", flush=True)
        print(f"  built in {build_store(args.db, args.events):.1f} s", flush=True)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "wirewatch.cli.app", "serve", "--db", str(args.db), "--port", str(port)],
        stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/api/summary", timeout=5).raise_for_status()
                break
            except httpx.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    print(f"server did not start: {server.stderr.read() if server.stderr else ''}", file=sys.stderr)
                    return 2
                time.sleep(0.2)
        print(f"{args.requests} requests per endpoint, {args.concurrency} concurrent clients, 127.0.0.1:{port}")
        print(f"{'endpoint':<30}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}  target")
        ok = True
        for name, urls in ENDPOINTS.items():
            times = load(base, urls, args.requests, args.concurrency, args.max_seconds)
            p50, p95 = statistics.median(times), percentile(times, 0.95)
            verdict = ""
            if name in TARGETED:
                met = p95 <= TARGET_P95_MS
                ok &= met
                verdict = "ok" if met else f"MISSED (p95 > {TARGET_P95_MS:.0f} ms)"
            print(f"{name:<30}{len(times):>6}{p50:>9.1f}{p95:>9.1f}{max(times):>9.1f}  {verdict}", flush=True)
        return 0 if ok else 1
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
