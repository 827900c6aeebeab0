from __future__ import annotations

import pytest

from wirewatch.errors import InputError
from wirewatch.ingest.decode import declared_charset, decode_bytes
from wirewatch.ingest.guards import check_not_binary, gunzip_limited, read_limited

TEXT = "Russia’s envoy met Venezuela’s defence minister in Caracas — a café near the Miraflores palace."


def test_declared_charset_is_honoured() -> None:
    page = f'<html><head><meta charset="windows-1252"></head><body><p>{TEXT}</p></body></html>'
    assert declared_charset(page.encode("cp1252")) == "cp1252"
    assert TEXT in decode_bytes(page.encode("cp1252"), "page.html", html=True)


def test_http_equiv_declaration_and_latin1_read_as_windows_1252() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        f"</head><body><p>{TEXT}</p></body></html>"
    )
    # Pages labelled latin-1 routinely use cp1252's curly quotes, as browsers assume.
    assert TEXT in decode_bytes(page.encode("cp1252"), "page.html", html=True)


def test_wrong_declaration_falls_back_to_utf8() -> None:
    page = f'<html><head><meta charset="shift_jis"></head><body><p>{TEXT}</p></body></html>'
    assert TEXT in decode_bytes(page.encode("utf-8"), "page.html", html=True)


def test_undeclared_legacy_encoding_is_detected() -> None:
    text = " ".join([TEXT] * 5)
    assert decode_bytes(text.encode("cp1252"), "old.txt") == text


def test_byte_order_marks() -> None:
    assert decode_bytes("\ufeff" .encode("utf-8") + TEXT.encode("utf-8"), "bom.txt") == TEXT
    assert decode_bytes(TEXT.encode("utf-16"), "wide.txt") == TEXT


def test_undecodable_bytes_are_refused() -> None:
    garbage = bytes(range(0x80, 0x100)) * 40
    with pytest.raises(InputError, match="undecodable bytes"):
        decode_bytes(garbage, "garbage.txt")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF document"),
        (b"some text\x00with a NUL byte", "NUL bytes"),
    ],
)
def test_binary_content_is_refused(data: bytes, what: str) -> None:
    with pytest.raises(InputError, match=what):
        check_not_binary(data, "file.bin")


def test_utf16_text_is_not_binary() -> None:
    check_not_binary(TEXT.encode("utf-16"), "wide.txt")


def test_read_limited_stops_past_the_limit() -> None:
    import io

    class Counting(io.BytesIO):
        read_total = 0

        def read(self, size: int = -1) -> bytes:
            chunk = super().read(size)
            Counting.read_total += len(chunk)
            return chunk

    stream = Counting(b"x" * 1_000_000)
    with pytest.raises(InputError, match="input too large"):
        read_limited(stream, 1000, "big")
    assert Counting.read_total <= 1001


def test_gunzip_refuses_a_bomb_and_truncated_data() -> None:
    import gzip

    bomb = gzip.compress(b"\x00" * 5_000_000)
    with pytest.raises(InputError, match="after decompression"):
        gunzip_limited(bomb, 100_000, "bomb.gz")
    packed = gzip.compress(TEXT.encode("utf-8"))
    assert gunzip_limited(packed, 100_000, "ok.gz") == TEXT.encode("utf-8")
    with pytest.raises(InputError, match="truncated gzip"):
        gunzip_limited(packed[:-10], 100_000, "cut.gz")
