"""Encodings detected honestly (issue 18, case 5): Latin-1 read right, UTF-16/32 without a
byte-order mark read, charsets that are not text encodings never a traceback, and bytes no
encoding reads cleanly reported."""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli.app import app
from wirewatch.errors import InputError
from wirewatch.ingest.decode import decode_bytes, wide_encoding
from wirewatch.run import run_corpus
from wirewatch.store import open_store

runner = CliRunner(env={"COLUMNS": "250"})
WESTERN = "The fare rose to £5½ in São Paulo, and Genève’s mayor said the café would stay open."
SHORT = "The fare rose to £5½ in São Paulo."


@pytest.mark.parametrize("text", [WESTERN, SHORT, "Le président a déclaré à Genève que les négociations reprendraient."])
def test_latin1_is_read_as_latin1(text: str) -> None:
    assert decode_bytes(text.replace("’", "'").encode("latin-1"), "old.txt") == text.replace("’", "'")
    assert decode_bytes(text.encode("cp1252"), "old.txt") == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_text_without_a_byte_order_mark(encoding: str) -> None:
    assert wide_encoding(WESTERN.encode(encoding)) == encoding
    assert decode_bytes(WESTERN.encode(encoding), "wide.txt") == WESTERN


@pytest.mark.parametrize(("text", "encoding"), [
    ("東京都の知事は月曜日に記者会見を開き、新しい政策を発表した。" * 3, "cp932"),
    ("Россия направила генерала и 120 военных инструкторов в Венесуэлу, сообщил представитель разведки.", "cp1251"),
    ("Ελλάδα και Τουρκία υπέγραψαν συμφωνία για τη μετανάστευση στην Αθήνα τη Δευτέρα.", "iso8859-7"),
])
def test_other_scripts_are_still_detected(text: str, encoding: str) -> None:
    # windows-1252 wins only a tie: text in another script reads as noise in it.
    assert decode_bytes(text.encode(encoding), "other.txt") == text


@pytest.mark.parametrize("charset", ["rot13", "base64", "hex", "zlib", "uu", "no-such-charset"])
def test_a_declared_charset_that_is_no_text_encoding_is_ignored(charset: str) -> None:
    page = f'<html><head><meta charset="{charset}"></head><body><p>{WESTERN}</p></body></html>'
    assert WESTERN in decode_bytes(page.encode("utf-8"), "page.html", html=True)


def test_bytes_no_encoding_reads_are_reported_on_one_line() -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(bytes(range(0x80, 0x100)) * 40, "garbage.txt")
    assert caught.value.reason.startswith("undecodable bytes: not UTF-8") and "\n" not in str(caught.value)


def test_a_folder_of_mixed_encodings_through_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, samples, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr("wirewatch.cli.analyze_command.run_corpus",
                        functools.partial(run_corpus, engine=samples.ChunkedEngine()))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a_latin1.txt").write_bytes(WESTERN.replace("’", "'").encode("latin-1"))
    (inbox / "b_wide.txt").write_bytes(("Officials in Kyiv said " + WESTERN).encode("utf-16-le"))
    for n, charset in enumerate(("rot13", "base64", "hex", "zlib")):
        body = f"<p>Officials in city {n} said on Monday that the army would attack the border. {WESTERN}</p>"
        (inbox / f"c_{charset}.html").write_text(
            f'<html><head><meta charset="{charset}"><title>t{n}</title></head><body><article>{body}</article></body></html>'
        )
    (inbox / "d_garbage.txt").write_bytes(bytes(range(0x80, 0x100)) * 40)
    db = tmp_path / "s.duckdb"
    with caplog.at_level(logging.ERROR):
        result = runner.invoke(app, ["analyze", str(inbox), "--db", str(db), "--no-print"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and not caplog.records
    (problem,) = result.stderr.splitlines()[1:]
    assert problem.startswith(f"{inbox}/d_garbage.txt: undecodable bytes: not UTF-8")
    with open_store(db, read_only=True) as store:
        texts = {Path(a["source"]).name: a["text"] for a in store.articles()}
    assert sorted(texts) == ["a_latin1.txt", "b_wide.txt", "c_base64.html", "c_hex.html", "c_rot13.html", "c_zlib.html"]
    assert all("£5½ in São Paulo" in text for text in texts.values())
