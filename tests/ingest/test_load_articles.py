"""load_articles over real files: every format and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from wirewatch.ingest import load_articles
from wirewatch.records import Article, InputProblem

pytestmark = [pytest.mark.needs_shared]

SPANISH = (
    "El presidente de Venezuela recibió el martes a una delegación militar rusa en Caracas, según "
    "informó el Ministerio de Defensa, pero no dio más detalles sobre su número."
)


def _load(paths, settings) -> list[Article | InputProblem]:
    return list(load_articles([str(p) for p in paths], settings))


def _only(results: list[Article | InputProblem], kind: type):
    assert len(results) == 1, results
    assert isinstance(results[0], kind), results[0]
    return results[0]


def test_text_file(tmp_path: Path, settings, headline: str, article_text: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"{headline}\n\n{article_text}\n", encoding="utf-8")
    article = _only(_load([path], settings), Article)
    assert (article.title, article.text, article.source) == (headline, article_text, str(path))
    assert article.language == "en"


def test_seed_file(tmp_path: Path, settings, seed_text: str) -> None:
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    article = _only(_load([path], settings), Article)
    assert article.title.startswith("Putin and Trump")
    assert article.boilerplate_removed == 12
    assert "spot_img" not in article.text and "Please enter" not in article.text
    assert article.text.endswith("with Nicaragua and Venezuela.")


def test_html_file_and_html_sniffed_in_a_txt_file(tmp_path: Path, settings, page_html: str) -> None:
    (tmp_path / "page.html").write_text(page_html, encoding="utf-8")
    (tmp_path / "saved.txt").write_text(page_html, encoding="utf-8")
    html, sniffed = _load([tmp_path / "page.html", tmp_path / "saved.txt"], settings)
    assert isinstance(html, Article) and isinstance(sniffed, Article)
    assert html.publisher == sniffed.publisher == "The Daily Courier"
    assert html.text == sniffed.text
    assert "<p>" not in sniffed.text


def test_html_in_declared_legacy_charset(tmp_path: Path, settings, make_page) -> None:
    page = make_page(charset="windows-1252", body_extra="<p>The envoy’s café meeting — “cordial”, aides said.</p>")
    path = tmp_path / "legacy.htm"
    path.write_bytes(page.encode("cp1252"))
    article = _only(_load([path], settings), Article)
    assert "The envoy’s café meeting — “cordial”, aides said." in article.text


def test_gzip_files(tmp_path: Path, settings, page_html: str, article_text: str) -> None:
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(page_html.encode("utf-8")))
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(article_text.encode("utf-8")))
    results = _load([tmp_path], settings)
    assert [type(r) for r in results] == [Article, Article]
    assert results[0].source.endswith("a.txt.gz")
    assert results[1].publisher == "The Daily Courier"


def test_folder_is_recursive_sorted_and_skips_hidden_and_unknown_files(
    tmp_path: Path, settings, paragraphs: list[str]
) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text(paragraphs[1], encoding="utf-8")
    (tmp_path / "b" / "1.txt").write_text(paragraphs[0], encoding="utf-8")
    (tmp_path / "a.txt").write_text(paragraphs[2], encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(paragraphs[3], encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text(paragraphs[3], encoding="utf-8")
    (tmp_path / "notes.md").write_text(paragraphs[3], encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    results = _load([tmp_path], settings)
    assert [Path(r.source).relative_to(tmp_path).as_posix() for r in results] == ["a.txt", "b/1.txt", "b/2.txt"]
    assert all(isinstance(r, Article) for r in results)


def test_stdin(monkeypatch, settings, article_text: str, page_html: str) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(article_text.encode("utf-8"))))
    article = _only(_load(["-"], settings), Article)
    assert article.text == article_text and article.source == "<stdin>"
    # Gzipped HTML on stdin is recognised by its content.
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(page_html.encode()))))
    assert _only(_load(["-"], settings), Article).publisher == "The Daily Courier"


def test_jsonl(tmp_path: Path, settings, page_html: str, paragraphs: list[str]) -> None:
    lines = [
        json.dumps({"text": "\n\n".join(paragraphs[:2]), "url": "https://x.example/1", "title": "One",
                    "published": "2025-11-18", "publisher": "Courier", "authors": ["A. Writer", "B. Writer"]}),
        "",
        '{"text": "broken',
        json.dumps({"html": page_html, "date": "2025-11-19"}),
        json.dumps({"url": "https://x.example/none"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": SPANISH}),
        json.dumps({"text": "\n\n".join(paragraphs[2:]), "author": "C. Writer and D. Writer"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = _load([path], settings)
    assert [r.source for r in results] == [f"{path}:line {n}" for n in (1, 3, 4, 5, 6, 7, 8)]
    first, broken, html, no_text, not_object, spanish, last = results
    assert isinstance(first, Article)
    assert (first.title, first.url, first.published_at, first.publisher) == ("One", "https://x.example/1", "2025-11-18", "Courier")
    assert first.authors == ["A. Writer", "B. Writer"]
    assert isinstance(broken, InputProblem) and broken.reason.startswith("malformed JSON")
    assert isinstance(html, Article) and html.published_at == "2025-11-19" and html.publisher == "The Daily Courier"
    assert isinstance(no_text, InputProblem) and "no 'text' or 'html' field" in no_text.reason
    assert isinstance(not_object, InputProblem) and "expected a JSON object" in not_object.reason
    assert isinstance(spanish, InputProblem) and "not English" in spanish.reason
    assert isinstance(last, Article) and last.authors == ["C. Writer", "D. Writer"]


def test_same_article_in_two_files_gets_one_id(tmp_path: Path, settings, article_text: str) -> None:
    (tmp_path / "a.txt").write_text(article_text, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": article_text.replace("’", "'")}) + "\n", encoding="utf-8")
    a, b = _load([tmp_path / "a.txt", tmp_path / "b.jsonl"], settings)
    assert a.article_id == b.article_id
    assert a.source != b.source


BAD_FILES = [
    ("empty.txt", b"", "empty input"),
    ("blank.txt", b"  \n\n\t  \n", "only whitespace"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "looks like a PNG image"),
    ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "looks like a JPEG image"),
    ("nul.txt", b"Russia sent trainers\x00\x00 to Venezuela", "contains NUL bytes"),
    ("latin.txt", bytes(range(0x80, 0x100)) * 40, "undecodable bytes"),
    ("short.txt", b"Russia sent trainers.", "too short"),
    ("spanish.txt", SPANISH.encode("utf-8"), "not English (looks like Spanish"),
    ("cut.html", b"<!DOCTYPE html><html><head><title>Russia sends gen", "no article text found"),
    ("bad.gz", b"\x1f\x8b\x08\x00garbage", "gzip"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_become_problems(tmp_path: Path, settings, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    problem = _only(_load([path], settings), InputProblem)
    assert problem.source == str(path)
    assert reason in problem.reason
    assert "\n" not in problem.reason


def test_bad_files_do_not_stop_the_batch(tmp_path: Path, settings, article_text: str) -> None:
    for name, data, _ in BAD_FILES:
        (tmp_path / name).write_bytes(data)
    (tmp_path / "zz_good.txt").write_text(article_text, encoding="utf-8")
    results = _load([tmp_path, tmp_path / "missing.txt"], settings)
    # photo.jpg and bad.gz name no known format, so a folder walk skips them.
    problems = {Path(r.source).name for r in results if isinstance(r, InputProblem)}
    assert problems == {name for name, _, _ in BAD_FILES} - {"photo.jpg", "bad.gz"} | {"missing.txt"}
    assert isinstance(results[-2], Article) and results[-2].source.endswith("zz_good.txt")
    assert results[-1] == InputProblem(str(tmp_path / "missing.txt"), "no such file or directory")


def test_huge_file_is_refused_without_being_read(tmp_path: Path, settings, monkeypatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse: large on paper, nothing written
        f.truncate(settings.max_input_bytes + 1)
    opened: list[Path] = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k))
    problem = _only(_load([path], settings), InputProblem)
    assert "input too large" in problem.reason and f"{settings.max_input_bytes:,}" in problem.reason
    assert opened == []


def test_huge_stdin_and_gzip_bomb_are_refused(tmp_path: Path, settings, monkeypatch) -> None:
    small = type(settings)(max_input_bytes=10_000)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"word " * 100_000)))
    assert "input too large" in _only(_load(["-"], small), InputProblem).reason
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"word " * 100_000))
    assert "after decompression" in _only(_load([bomb], small), InputProblem).reason


def test_long_text_is_cut(tmp_path: Path, settings, article_text: str) -> None:
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join([article_text] * 20), encoding="utf-8")
    article = _only(_load([path], type(settings)(max_text_chars=5000)), Article)
    assert 4000 < len(article.text) <= 5000
    assert article.text.endswith(".")


def test_permission_denied(tmp_path: Path, settings, monkeypatch, article_text: str) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(article_text, encoding="utf-8")
    real_open = Path.open

    def deny(self: Path, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    # Tests may run as root, where chmod cannot deny a read; deny it at the call instead.
    monkeypatch.setattr(Path, "open", deny)
    assert _only(_load([path], settings), InputProblem) == InputProblem(str(path), "permission denied")


def test_unreadable_folder(tmp_path: Path, settings, monkeypatch) -> None:
    import os

    real_scandir = os.scandir

    def deny(path):
        if Path(path) == tmp_path:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", deny)
    assert _only(_load([tmp_path], settings), InputProblem) == InputProblem(str(tmp_path), "permission denied")


def test_missing_stdin_is_a_problem(monkeypatch, settings) -> None:
    monkeypatch.setattr("sys.stdin", None)
    assert _only(_load(["-"], settings), InputProblem) == InputProblem("<stdin>", "no standard input to read")


def test_text_only_stdin(monkeypatch, settings, article_text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(article_text))
    assert _only(_load(["-"], settings), Article).text == article_text


def test_an_extractor_crash_is_a_problem_not_an_exception(tmp_path: Path, settings, monkeypatch, caplog, page_html: str) -> None:
    def crash(*args, **kwargs):
        raise ValueError("lxml could not parse it")

    monkeypatch.setattr("trafilatura.bare_extraction", crash)
    path = tmp_path / "page.html"
    path.write_text(page_html, encoding="utf-8")
    problem = _only(_load([path], settings), InputProblem)
    assert problem.reason == "could not be processed (ValueError: lxml could not parse it)"
    assert "unexpected error while reading" in caplog.text
