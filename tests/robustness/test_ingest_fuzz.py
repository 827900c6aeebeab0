"""Fuzzing the ingest sniffers and decoders with hypothesis (issue 18): on any bytes or text
they answer, or raise ``InputError`` with a one-line reason, and never anything else; and the
whole reading path gives articles or problems, never the catch-all "could not be processed"
that marks an unexpected exception. Bounded in examples and time."""

from __future__ import annotations

import codecs
import gzip
import os
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch.errors import InputError
from wirewatch.ingest.decode import declared_charset, decode_bytes, wide_encoding
from wirewatch.ingest.feeds import looks_like_feed
from wirewatch.ingest.guards import check_not_binary, gunzip_limited
from wirewatch.ingest.html import looks_like_html
from wirewatch.ingest.jsonl import looks_like_jsonl
from wirewatch.ingest.read import InputRef, read_input
from wirewatch.records import Article, InputProblem
from wirewatch.settings import Settings

# WIREWATCH_FUZZ_EXAMPLES raises the count for a longer run by hand (docs/robustness.md).
EXAMPLES = int(os.environ.get("WIREWATCH_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=2000, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])

# Fragments of the formats the sniffers look for, so generated inputs reach past the first test.
FRAGMENTS = st.sampled_from([
    "<!--", "-->", "<!---->", "<?xml ", 'encoding="rot13"?>', "<html>", "<meta charset=", '"utf-16"', "base64",
    "<p>", "</p>", "<rss>", "<feed>", "<item><link>../../etc/passwd</link></item>", '{"text": "', '"}', "[", "{",
    "\n", "\r\n", " ", "\x00", "\ufeff", "é", "£", "—", "Russia said the army would attack. ", "\u202e",
])
TEXTS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=40)), max_size=40).map("".join)
# Long enough to pass the length check, so extraction and the language test run too.
STORY = " Officials in Kyiv said the army would attack the border town on Monday, and the talks failed." * 4
BYTES = st.one_of(
    st.binary(max_size=2000),
    st.tuples(TEXTS, TEXTS).map(lambda p: (p[0] + STORY + p[1]).encode("utf-8", "replace")),
    TEXTS.flatmap(lambda t: st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "latin-1", "cp1252", "utf-32"]).map(
        lambda e: t.encode(e, "replace"))),
)


def _one_line(exc: InputError) -> None:
    assert "\n" not in str(exc) and "\r" not in str(exc), str(exc)


@FUZZ
@given(TEXTS)
def test_text_sniffers_always_answer(text: str) -> None:
    started = time.perf_counter()
    for sniff in (looks_like_html, looks_like_jsonl, looks_like_feed):
        assert isinstance(sniff(text), bool)
    assert time.perf_counter() - started < 1.0


@FUZZ
@given(BYTES, st.booleans())
def test_decoders_answer_or_refuse_in_one_line(data: bytes, html: bool) -> None:
    assert declared_charset(data) is None or codecs.lookup(declared_charset(data))
    assert wide_encoding(data) in (None, "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
    for check in (lambda: check_not_binary(data, "f"), lambda: decode_bytes(data, "f", html=html),
                  lambda: gunzip_limited(data, 100_000, "f")):
        try:
            check()
        except InputError as exc:
            _one_line(exc)


@FUZZ
@given(st.lists(st.binary(min_size=1, max_size=200), min_size=1, max_size=4), st.integers(0, 40))
def test_gzip_members_and_cuts(members: list[bytes], cut: int) -> None:
    data = b"".join(gzip.compress(m) for m in members)
    assert gunzip_limited(data, 10_000, "f") == b"".join(members)
    try:
        gunzip_limited(data[: max(2, len(data) - cut)], 10_000, "f")
    except InputError as exc:
        _one_line(exc)


@settings(max_examples=max(1, EXAMPLES * 3 // 5), deadline=10_000, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(BYTES, st.sampled_from(["x.txt", "x.html", "x.jsonl", "x.xml", "x", "x.txt.gz"]))
def test_reading_any_bytes_gives_articles_or_problems(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    for item in read_input(InputRef(path, str(path)), Settings.from_env(db_path=tmp_path / "s.duckdb")):
        assert isinstance(item, (Article, InputProblem))
        if isinstance(item, InputProblem):
            assert not item.reason.startswith("could not be processed"), item.reason
            assert "\n" not in item.reason and "\n" not in item.source
