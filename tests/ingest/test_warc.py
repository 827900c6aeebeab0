"""WARC and WARC.gz: HTML responses become articles that remember their record offset."""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirewatch.ingest import load_articles
from wirewatch.records import Article, InputProblem

STORY = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>{who} said on Tuesday that the government would send a delegation to Geneva next week "
    "to resume talks with the opposition, officials in the capital confirmed.</p>"
    "<p>The talks collapsed in March after both sides accused each other of breaking a ceasefire "
    "agreed in the autumn, and diplomats said a new round was overdue.</p></article></body></html>"
)


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers)
    writer.write_record(record)
    record.raw_stream.close()  # warcio buffers a payload of unknown length in a temporary file it leaves open


def write_warc(path: Path, gz: bool) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        _response(writer, "https://news.example/a", STORY.format(title="Talks to resume", who="The foreign minister").encode())
        _response(writer, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), content_type="image/png")
        _response(writer, "https://news.example/gone", b"<html>not found</html>", status="404 Not Found")
        _response(writer, "https://news.example/b", STORY.format(title="Ceasefire talks", who="The prime minister").encode())


@pytest.mark.parametrize("gz", [False, True])
def test_html_responses_become_articles_with_offsets(tmp_path: Path, settings, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, gz)
    items = list(load_articles([path], settings))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.url for a in articles] == ["https://news.example/a", "https://news.example/b"]
    assert not [i for i in items if isinstance(i, InputProblem)]
    assert "foreign minister" in articles[0].text
    raw = path.read_bytes()
    for article in articles:
        assert article.source.startswith(f"{path}:offset ")
        offset = int(article.source.rsplit(" ", 1)[1])
        # The offset points at the record itself: its bytes start a WARC record there.
        chunk = raw[offset:]
        head = gzip.decompress(chunk)[:200] if gz else chunk[:200]
        assert head.startswith(b"WARC/1.")
        assert article.url.encode() in (gzip.GzipFile(fileobj=BytesIO(chunk)).read(2000) if gz else chunk[:2000])


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_warc_keeps_earlier_records_and_reports_the_break(tmp_path: Path, settings, gz: bool) -> None:
    whole = tmp_path / "whole.warc"
    write_warc(whole, gz)
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(whole.read_bytes()[: len(whole.read_bytes()) - 300])
    good = tmp_path / "z_after.txt"
    good.write_text("Officials said the border crossing reopened on Monday after a week of protests by farmers.")
    items = list(load_articles([tmp_path], settings))
    by_source = {i.source.split(":")[0]: i for i in items}
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert any(str(cut) in p.source for p in problems), items
    assert any("truncated" in p.reason or "broken" in p.reason for p in problems)
    cut_articles = [i for i in items if isinstance(i, Article) and i.source.startswith(str(cut))]
    assert [a.url for a in cut_articles] == ["https://news.example/a"]
    assert isinstance(by_source[str(good)], Article)  # the rest goes on


def test_garbage_named_warc_is_a_problem(tmp_path: Path, settings) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this is not a web archive at all\n" * 20)
    items = list(load_articles([path], settings))
    assert len(items) == 1 and isinstance(items[0], InputProblem)
    assert items[0].source.startswith(str(path))
