"""One article with everything to show it: the one JSON shape of `wirewatch show -f json` and
``GET /api/articles/{id}`` (``ArticleView``, run by the store like any query object).

The text stays plain data: the browser places it with ``textContent`` and wraps spans in
elements it creates itself, and the CLI escapes it, so nothing in an article is ever read as markup.
"""

from __future__ import annotations

import re
from typing import Any

from wirewatch.actors.names import actor_name
from wirewatch.records import Analysis, Claim, to_dict
from wirewatch.store.query import ARTICLE_FIELDS, CLAIM_FIELDS, EVENT_FIELDS

# How far before a claim's content a hedge cue may stand ("it's said that ...", "reportedly").
HEDGE_WINDOW = 80


def hedge_spans(text: str, claim: Claim) -> list[dict[str, Any]]:
    """Where the claim's hedge cues occur: inside its content, or just before it (its speaker
    and cue, or a lead-in like "it is said that"). Whole-word, case-insensitive matches."""
    starts = [claim.char_start, *(s for s in (claim.speaker_start, claim.cue_start) if s is not None)]
    window_start = max(0, min(starts) - HEDGE_WINDOW)
    window_end = min(len(text), claim.char_end)
    spans: list[dict[str, Any]] = []
    for hedge in dict.fromkeys(claim.hedges):
        words = hedge.strip()
        if not words:
            continue
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words.split()) + r"(?!\w)", re.IGNORECASE)
        for match in pattern.finditer(text, window_start, window_end):
            spans.append({"char_start": match.start(), "char_end": match.end(), "hedge": hedge})
    return sorted(spans, key=lambda s: (s["char_start"], s["char_end"]))


def article_record(analysis: Analysis) -> dict[str, Any]:
    """The article (public fields), its events (every modality, coded or not) and claims, the
    spans of speakers, cues, hedges and actor mentions, all as character offsets into
    ``article.text``, and ``names`` for the events' actor codes."""
    text = analysis.article.text
    article = to_dict(analysis.article)
    claims = []
    for claim in analysis.claims:
        data = to_dict(claim)
        record = {name: data[name] for name in CLAIM_FIELDS}
        record["speaker_span"] = _span(claim.speaker_start, claim.speaker_end)
        record["cue_span"] = _span(claim.cue_start, claim.cue_end)
        record["hedge_spans"] = hedge_spans(text, claim)
        claims.append(record)
    events = []
    for event in analysis.events:
        data = to_dict(event)
        events.append({name: data[name] for name in EVENT_FIELDS})
    mentions = [
        {k: m[k] for k in ("char_start", "char_end", "text", "code", "name", "kind", "state_media")}
        for m in (to_dict(x) for x in analysis.mentions)
    ]
    codes = sorted({c for e in analysis.events for c in (e.source_code, e.target_code) if c})
    return {
        "article": {name: article[name] for name in ARTICLE_FIELDS},
        "events": events,
        "claims": claims,
        "mentions": mentions,
        "names": {code: name for code in codes if (name := actor_name(code))},
    }


def _span(start: int | None, end: int | None) -> dict[str, int] | None:
    if start is None or end is None or end <= start:
        return None
    return {"char_start": start, "char_end": end}
