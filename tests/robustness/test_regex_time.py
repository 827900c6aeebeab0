"""Every regular expression that sees article text runs in linear (or bounded) time.

Each pattern is run the way the code runs it, on inputs built to make a backtracking
engine explode: runs of the pattern's own openers that never close, runs of the characters
its quantifiers overlap on, and the issue-18 comment run. One slow pattern is a hung
``analyze`` and a frozen ``serve --watch``, so each gets a wall-clock bound.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

import pytest
from stage_lexicons import date_words, media

from wirewatch.actors import datelines
from wirewatch.claims import extract as claims_extract
from wirewatch.claims import quotes, reported, turns
from wirewatch.clusters import events as cluster_events
from wirewatch.dates import normalise
from wirewatch.dates.expressions import resolve_date_expression
from wirewatch.ingest import boilerplate, decode, html, jsonl, language, plaintext
from wirewatch.media import credits
from wirewatch.media.registry import default_registry
from wirewatch.nlp import prefilter
from wirewatch.petrarch import discards
from wirewatch.places import gazetteer, resolve, scene, toponyms
from wirewatch.threads import threader, wording

# Far longer than any one of these patterns is given in practice, short enough for the suite.
N = 20_000
SECONDS = 0.5
_REGISTRY = default_registry()  # built once: the bound is on matching, not on loading the registry
_MEDIA = media()

# Text shapes that make backtracking regexes go quadratic or exponential.
HOSTILE: tuple[str, ...] = (
    "<!---->" * 40 + "x Russia said the army would attack.",
    "<!--" * (N // 4),
    "<!-- -- -" * (N // 9),
    "<?xml " * (N // 6),
    "<meta " * (N // 6),
    "<p " * (N // 3),
    " " * N + "x",
    "\t \n" * (N // 3) + "x",
    "\n \n" * (N // 3),
    "a" * N + "!",
    "A" * N,
    "A " * (N // 2),
    "A-" * (N // 2),
    "A'" * (N // 2),
    "Aa of " * (N // 6),
    "." * N + "x",
    '."' * (N // 2) + "x",
    "#a " * (N // 3) + "x",
    "share, " * (N // 7) + "x",
    "and " * (N // 4),
    "(" * N,
    "-" * N,
    "1" * N,
    "é" * N + "\u0800",
    "one " * (N // 4) + "onex",
    "hundred-" * (N // 8) + "x",
    ". " * (N // 2) + "A",
)


def _bounded(call: Callable[[str], Any], name: str) -> None:
    for text in HOSTILE:
        started = time.perf_counter()
        call(text)
        took = time.perf_counter() - started
        assert took < SECONDS, f"{name} took {took:.2f}s on {text[:20]!r}... ({len(text)} chars)"


def _search_bytes(pattern: re.Pattern[bytes]) -> Callable[[str], Any]:
    return lambda text: pattern.search(text.encode("utf-8"))


# (name, how the code applies it). Patterns given only dictionary files, the store's own
# messages or eval gold data are not here: no article text reaches them.
PATTERNS: list[tuple[str, Callable[[str], Any]]] = [
    ("ingest.html._HTML_START", lambda t: html._HTML_START.match(t[:4096])),
    ("ingest.html._HTML_START (unbounded)", html._HTML_START.match),
    ("ingest.html._BLOCK_TAG", html._BLOCK_TAG.findall),
    ("ingest.decode._DECLARED", _search_bytes(decode._DECLARED)),
    ("ingest.jsonl._AUTHOR_SPLIT", jsonl._AUTHOR_SPLIT.split),
    ("ingest.plaintext._SENTENCE_END", plaintext._SENTENCE_END.search),
    ("ingest.plaintext._HAS_LETTER", plaintext._HAS_LETTER.search),
    ("ingest.plaintext._BYLINE_OR_STAMP", plaintext._BYLINE_OR_STAMP.search),
    ("ingest.plaintext._CONTROL", lambda t: plaintext._CONTROL.sub("", t)),
    ("ingest.language._WORD", language._WORD.findall),
    ("ingest.language._NON_ASCII", language._NON_ASCII.findall),
    ("ingest.boilerplate._BLANK_RUN", lambda t: boilerplate._BLANK_RUN.sub("\n\n", t)),
    ("nlp.prefilter._WORD", prefilter._WORD.findall),
    ("nlp.prefilter._BOUNDARY", prefilter._BOUNDARY.split),
    ("claims.quotes._PARAGRAPH", quotes._PARAGRAPH.split),
    ("claims.quotes._CURLY_DOUBLE", quotes._CURLY_DOUBLE.findall),
    ("claims.quotes._STRAIGHT_DOUBLE", quotes._STRAIGHT_DOUBLE.findall),
    ("claims.quotes._CURLY_SINGLE", quotes._CURLY_SINGLE.findall),
    ("claims.extract._CONTINUATION_GAP", claims_extract._CONTINUATION_GAP.match),
    ("claims.extract._SAME_LINE_GAP", claims_extract._SAME_LINE_GAP.match),
    ("claims.extract._PARAGRAPH", claims_extract._PARAGRAPH.split),
    ("claims.reported._GAP_BEFORE_CLAUSE", reported._GAP_BEFORE_CLAUSE.match),
    ("claims.reported._GAP_AFTER_CLAUSE", reported._GAP_AFTER_CLAUSE.match),
    ("media.credits (dateline, credit line, contributed, hat tip)", lambda t: credits.find_credits(t, _MEDIA.agency_named)),
    ("media.credits._DATELINE (unbounded)", credits._DATELINE.search),
    ("media.credits._CONTRIBUTED (unbounded)", credits._CONTRIBUTED.search),
    ("media.registry.occurrences (every outlet name)", lambda t: _REGISTRY.occurrences(t)),
    ("actors.datelines.dateline_spans", lambda t: datelines.dateline_spans(t, _MEDIA)),
    ("claims.turns._TURN", turns._TURN.findall),
    ("threads.wording.content_words", wording.content_words),
    ("threads.wording.name_words", wording.name_words),
    ("threads.wording.numbers", wording.numbers),
    ("threads.threader.sentences", threader.sentences),
    ("places.scene._DATELINE", lambda t: scene._DATELINE.match(t[:120])),
    ("places.scene._DATELINE (unbounded)", scene._DATELINE.match),
    ("places.scene._CREDITED", lambda t: scene._CREDITED.match(t[:120])),
    ("places.scene._CREDITED (unbounded)", scene._CREDITED.match),
    ("places.gazetteer._SPACES", gazetteer._SPACES.split),
    ("places.gazetteer._LATIN", gazetteer._LATIN.match),
    ("places.gazetteer._ARTICLE", gazetteer._ARTICLE.match),
    ("places.resolve._WORD", resolve._WORD.findall),
    ("places.toponyms._CAPITALISED_RUN", toponyms._CAPITALISED_RUN.findall),
    ("petrarch.discards._WORD", discards._WORD.findall),
    ("clusters.events._LEADING_ARTICLE", lambda t: cluster_events._LEADING_ARTICLE.sub("", t)),
    ("dates.normalise._YEAR", normalise._YEAR.findall),
    ("dates.expressions (every pattern, through the resolver)", lambda t: resolve_date_expression(t, "2025-01-01", date_words())),
]


@pytest.mark.parametrize(("name", "call"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_pattern_runs_in_bounded_time(name: str, call: Callable[[str], Any]) -> None:
    _bounded(call, name)


def test_boilerplate_line_patterns_run_in_bounded_time() -> None:
    # The data file's patterns, applied as the code applies them: one stripped line at a time.
    patterns = boilerplate.load_boilerplate_patterns()
    for pattern in (*patterns.lines, *patterns.tail_markers):
        _bounded(lambda t, p=pattern: p.fullmatch(t.strip()), pattern.pattern)


def test_the_issue_18_comment_run_is_sniffed_at_once() -> None:
    started = time.perf_counter()
    assert not html.looks_like_html("<!---->" * 40 + "x Russia said the army would attack.")
    assert html.looks_like_html("<!---->" * 40 + "<html><body><p>x</p></body></html>")
    assert time.perf_counter() - started < 0.1


def test_html_start_still_reads_real_prologs() -> None:
    assert html.looks_like_html('<?xml version="1.0"?>\n<!-- a -- b --->\n<!DOCTYPE html><html>')
    assert html.looks_like_html("\n  <!-- saved from url=(0014)about:internet -->\n<html lang=en>")
    assert not html.looks_like_html("<!-- unclosed comment <html>")


def test_author_split_keeps_its_names() -> None:
    assert jsonl._authors({"author": " Ana Ruiz and  Li Wei; Bo & Al "}, "x") == ["Ana Ruiz", "Li Wei", "Bo", "Al"]


def test_the_comment_run_through_the_cli_file_stdin_and_jsonl(tmp_path, monkeypatch, samples) -> None:
    # The issue's reproduction, as a file, on standard input and as a JSON Lines text: each
    # comes back at once (stored as the text it is), nothing hangs.
    import functools
    import json

    from typer.testing import CliRunner

    from wirewatch.cli.app import app
    from wirewatch.run import run_corpus

    monkeypatch.setattr("wirewatch.cli.analyze_command.run_corpus",
                        functools.partial(run_corpus, engine=samples.ChunkedEngine()))
    hostile = "<!---->" * 40 + "x Russia said the army would attack."
    (tmp_path / "x.txt").write_text(hostile)
    (tmp_path / "x.jsonl").write_text(json.dumps({"text": hostile + " Again, on a JSON line."}))
    runner = CliRunner()
    started = time.perf_counter()
    for args, stdin in ((["x.txt"], None), (["-"], hostile + " From standard input."), (["x.jsonl"], None)):
        paths = [str(tmp_path / a) if a != "-" else a for a in args]
        result = runner.invoke(app, ["analyze", *paths, "--db", str(tmp_path / "s.duckdb"), "--no-print"], input=stdin)
        assert result.exit_code == 0, result.output
        assert ", 1 analysed," in result.stderr.splitlines()[0]
    assert time.perf_counter() - started < 20


def test_the_models_attribute_ruler_patterns_run_in_bounded_time(nlp) -> None:
    # REGEX conditions come with the model (nlp.fast_ruler applies them to single tokens, as
    # spaCy's own ruler does); a token can be as long as the text, so they are timed too.
    ruler = nlp.get_pipe("attribute_ruler")
    stock = getattr(ruler, "stock", ruler)
    found: set[str] = set()
    for pattern in stock.patterns:
        for token in pattern["patterns"][0]:
            found |= {value["REGEX"] for value in token.values() if isinstance(value, dict) and "REGEX" in value}
    assert found, "the model's ruler was expected to hold REGEX conditions"
    for regex in found:
        compiled = re.compile(regex)
        _bounded(compiled.search, regex)
