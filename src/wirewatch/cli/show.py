"""`wirewatch show ARTICLE_ID`: one article's cleaned text with its events and claims marked.

The article text is untrusted web content: every piece of it goes through
``rich.markup.escape`` before it meets our own markup, so a ``[bold]`` or ``<script>`` in
an article is shown as the characters it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from wirewatch.cli.failure import user_errors
from wirewatch.cli.options import DbOption, open_for_reading
from wirewatch.cli.output import check_format, stdout_console, to_json
from wirewatch.events.confidence import SHOWN_FLOOR
from wirewatch.records import Analysis
from wirewatch.store.article_view import article_record

EVENT_STYLE = "on grey23"
CLAIM_STYLE = "cyan"
SPEAKER_STYLE = "bold magenta"
CUE_STYLE = "underline magenta"
EVENT_MARK = "bold yellow"
CLAIM_MARK = "bold cyan"


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    style: str
    mark: str | None = None  # label printed right after the span ends, e.g. E1
    mark_style: str = ""


def _spans(analysis: Analysis) -> list[_Span]:
    spans: list[_Span] = []
    for n, event in enumerate(analysis.events, 1):
        if event.sentence_index < 0:  # a title event: its offsets are in the title (events.titles)
            continue
        spans.append(_Span(event.char_start, event.char_end, EVENT_STYLE, f"E{n}", EVENT_MARK))
    for n, claim in enumerate(analysis.claims, 1):
        spans.append(_Span(claim.char_start, claim.char_end, CLAIM_STYLE, f"C{n}", CLAIM_MARK))
        if claim.speaker_start is not None and claim.speaker_end is not None:
            spans.append(_Span(claim.speaker_start, claim.speaker_end, SPEAKER_STYLE))
        if claim.cue_start is not None and claim.cue_end is not None:
            spans.append(_Span(claim.cue_start, claim.cue_end, CUE_STYLE))
    return spans


def text_markup(analysis: Analysis) -> str:
    """The article text as Rich markup with every span styled and labelled.

    The text is cut at every span boundary; each piece gets the styles of all spans
    covering it, so overlapping spans (an event inside a claim) never need nested tags.
    """
    text = analysis.article.text
    size = len(text)
    spans = [
        _Span(max(0, s.start), min(size, s.end), s.style, s.mark, s.mark_style)
        for s in _spans(analysis)
        if s.start < s.end and s.start < size
    ]
    cuts = sorted({0, size, *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[left:right])
        styles = [s.style for s in spans if s.start <= left and right <= s.end]
        out.append(f"[{' '.join(styles)}]{piece}[/]" if styles else piece)
        for s in spans:
            if s.end == right and s.mark:
                out.append(f"[{s.mark_style}]{escape('[' + s.mark + ']')}[/]")
    return "".join(out)


def legend_markup(analysis: Analysis) -> list[str]:
    """One line per event and claim, numbered like the marks in the text."""
    lines: list[str] = []
    for n, e in enumerate(analysis.events, 1):
        where = f" at {e.place_name}" if e.place_name else ""
        when = f" on {e.date}" if e.date else ""
        said = f" per {e.claimant}" if e.claimant else ""
        said += " (in the title)" if e.sentence_index < 0 else ""
        line = (
            f"{e.source_code or e.source_text or '?'} -{e.cameo_code}/{e.plover_type}-> "
            f"{e.target_code or e.target_text or '-'} ({e.modality}, p right {e.confidence:.2f}"
            f"{'' if e.confidence >= SHOWN_FLOOR else ', under the shown floor'}){where}{when}{said}"
        )
        lines.append(f"[{EVENT_MARK}]{escape('[E' + str(n) + ']')}[/] {escape(line)}")
    for n, c in enumerate(analysis.claims, 1):
        chain = " → ".join(c.chain)
        line = f"{c.kind}: {c.speaker_name or c.speaker_text or 'unattributed'}"
        line += f" ({c.cue})" if c.cue else ""
        line += f", certainty {c.certainty}"
        line += f", via {chain}" if chain else ""
        line += ", state media" if c.state_media else ""
        lines.append(f"[{CLAIM_MARK}]{escape('[C' + str(n) + ']')}[/] {escape(line)}")
    return lines


def article_view(db: Path | None, article_id: str) -> Analysis:
    with open_for_reading(db) as store:
        return store.analysis(article_id)


@user_errors
def show_command(
    article_id: Annotated[str, typer.Argument(help="Article id (or a unique prefix of it).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table (marked-up text) or json.")] = "table",
    db: DbOption = None,
) -> None:
    """Show one article's cleaned text with its events and claims marked."""
    check_format(fmt, ("table", "json"))
    analysis = article_view(db, article_id)
    if fmt == "json":
        print(to_json(article_record(analysis)))  # the API's shape: GET /api/articles/{id}
        return
    a = analysis.article
    console = stdout_console()
    console.print(f"[bold]{escape(a.title or '(no title)')}[/]")
    meta = " · ".join(x for x in (a.publisher, a.published_at, a.url) if x)
    if meta:
        console.print(escape(meta))
    console.print(f"[dim]{escape(a.article_id)}[/]\n")
    console.print(text_markup(analysis))
    console.print()
    for line in legend_markup(analysis):
        console.print(line)
