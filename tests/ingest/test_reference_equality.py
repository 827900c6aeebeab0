"""The fast paths of ingest give exactly what the straightforward versions they replaced gave.

Each reference below is the earlier, obviously-correct code, kept here as the specification:
the language guess, the control-character filter, the id normalisation, the MinHash
signature and the reuse fingerprints must not move, since article ids, acceptance and the
sketches stored for later runs all depend on them.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections import Counter

from datasketch import MinHash
from shared_paths import SHARED_DATA

from wirewatch.ingest import language
from wirewatch.ingest.dedup import NUM_PERM, SHINGLE_WORDS, signature
from wirewatch.ingest.identity import normalise_for_id
from wirewatch.ingest.plaintext import normalise_text
from wirewatch.ingest.reuse import FINGERPRINT_SAMPLE, FINGERPRINT_WORDS, fingerprints
from wirewatch.minhash import MINHASH_SCHEME

CRAFTED = [
    "",
    "   ",
    "12345 67890 ... !!!",
    "Russia’s envoy met Venezuela’s “defence” minister — in Caracas\u00a0on Tuesday.",
    "RUSSIA'S envoy met Venezuela's \"defence\" minister - in Caracas on Tuesday.",
    "The ﬁnal ｆｕｌｌ-width report, ½ done, Ⅻ chapters; cafe\u0301 and naïve coöperation.",
    "ΟΔΥΣΣΕΥΣ ΣΟΦΟΣ and the Greek ΣΑΣ said ΑΣ'x; İstanbul DİYARBAKIR ǅemal ß STRASSE.",
    "Россия направила в Венесуэлу генерала и около 120 военных инструкторов, заявил представитель.",
    "俄罗斯向委内瑞拉派遣了一名将军和大约一百二十名军事教官。 The Kremlin said so.",
    "El presidente de Venezuela recibió el martes a una delegación militar rusa en Caracas, según el ministerio.",
    "Mixed: the army and la armée et le peuple; der Staat und die Armee; ça va, n'est-ce pas?",
    "Tabs\tand\nnewlines\r\nand\rcarriage\x0breturns\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029 end",
    "Controls \x00\x07\x1b\x7f\x80\x9f kept out; emoji 🚀🇺🇦 and a lone surrogate \ud800 here.",
    "word " * 3000,
    "short",
    "a b c d e",
    "a b c d e f g h",
    "a b c d e f g h i",
]
_WHITESPACE = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())


def _texts() -> list[str]:
    texts = list(CRAFTED) + [f"one{_WHITESPACE}two {_WHITESPACE} three"]
    folder = SHARED_DATA / "polnear" / "dev" / "text"
    if folder.exists():
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:150]]
    return texts


TEXTS = _texts()

# -- the references ---------------------------------------------------------------------


def reference_guess(text: str) -> language.LanguageGuess:
    sample = text[: language.SAMPLE_WORDS * 12]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return language.LanguageGuess(False, 0.0, 0.0, "no words")
    scripts = Counter(language._script(ch) for ch in letters)
    if scripts.get("Latin", 0) / len(letters) < language.LATIN_MIN_SHARE:
        script = max((s for s in scripts if s != "Latin"), key=scripts.__getitem__)
        return language.LanguageGuess(False, 0.0, 0.0, f"{script} script")
    words = [w.lower().replace("’", "'") for w in language._WORD.findall(sample)][: language.SAMPLE_WORDS]
    english = sum(w in language.english_function_words() for w in words) / len(words)
    others = {
        name: sum(w in vocabulary for w in words) / len(words)
        for name, vocabulary in language.other_function_words().items()
    }
    closest = max(others, key=others.__getitem__)
    other = others[closest]
    if english >= language.ENGLISH_SHARE or (
        english >= language.ENGLISH_MIN_SHARE and english >= language.OTHER_MARGIN * other
    ):
        return language.LanguageGuess(True, english, other, "English")
    looks_like = closest if other > english / language.OTHER_MARGIN and other > 0 else "unknown"
    return language.LanguageGuess(False, english, other, looks_like)


def reference_normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "".join(ch for ch in text if ch in "\t\n" or unicodedata.category(ch) != "Cc")


_FOLD = str.maketrans({"‘": "'", "’": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "‐": "-", "\u00a0": " "})


def reference_normalise_for_id(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()
    return re.sub(r"\s+", " ", text).strip()


def reference_signature(text: str) -> list[int]:
    words = reference_normalise_for_id(text).split()
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash = MinHash(num_perm=NUM_PERM, scheme=MINHASH_SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return [int(v) for v in minhash.hashvalues]


def reference_fingerprints(text: str) -> list[int]:
    words = reference_normalise_for_id(text).split()
    kept: set[int] = set()
    for i in range(max(1, len(words) - FINGERPRINT_WORDS + 1)):
        gram = " ".join(words[i : i + FINGERPRINT_WORDS]).encode("utf-8")
        value = int.from_bytes(hashlib.blake2b(gram, digest_size=8).digest(), "big") >> 1
        if value % FINGERPRINT_SAMPLE == 0:
            kept.add(value)
    return sorted(kept)


# -- the tests --------------------------------------------------------------------------


def test_same_language_guess() -> None:
    for n, text in enumerate(TEXTS):
        for part in (text, text[:300]):
            assert language.guess_language(part) == reference_guess(part), n


def test_same_language_guess_for_script_mixtures() -> None:
    # Which non-Latin script a refused text is named after depends on counts and on order.
    for text in ("абв αβγ", "αβγ абв", "αβ абв", "абв αβγ x", "abc αβγδ абвг", "ひらがな 漢字 한글 한글"):
        assert language.guess_language(text) == reference_guess(text)


def test_same_normalised_text_and_id_text() -> None:
    for n, text in enumerate(TEXTS):
        assert normalise_text(text) == reference_normalise_text(text), n
        assert normalise_for_id(text) == reference_normalise_for_id(text), n


def test_control_characters_are_exactly_unicode_cc_but_tab_and_newline() -> None:
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    assert normalise_text(every.replace("\r", "")) == reference_normalise_text(every.replace("\r", ""))


def _outcome(function, text: str) -> object:
    try:
        return function(text)
    except UnicodeEncodeError:  # a lone surrogate has no UTF-8: both refuse it
        return UnicodeEncodeError


def test_same_minhash_signature_and_fingerprints() -> None:
    for n, text in enumerate(TEXTS):
        assert _outcome(lambda t: signature(t).hashvalues.tolist(), text) == _outcome(reference_signature, text), n
        assert _outcome(fingerprints, text) == _outcome(reference_fingerprints, text), n
