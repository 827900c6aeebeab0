"""A thread's appearances put in order: origin first, each relay after the outlets it credits.

1. Order: publication time first; at the same (or an unknown) time, an article whose chain
   credits another appearance's publisher ("according to the Daily Mail") comes after it.
2. Origin: the first appearance; the first outlet is the one its chain credits (the outlet
   the speaker "told"), else its publisher.
3. Each hop: the outlet it relays from (the latest earlier publisher its chain credits),
   whether it cites a source (a named speaker or an outlet) or states the claim as its own,
   and "laundering" when it drops an attribution an earlier hop had.
4. Drift against the hop before (``drift.compare``).
"""

from __future__ import annotations

from typing import Any

from wirewatch.media.registry import lookup_outlet
from wirewatch.threads.appearance import HOP_FIELDS, THREAD_FIELDS, Appearance  # noqa: F401 - re-exported
from wirewatch.threads.drift import Drift, compare, named_speaker


def _name(outlet: str | None) -> str:
    words = (outlet or "").lower().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def credits(appearance: Appearance) -> list[str]:
    """Outlets the appearance names as its sources: its chain past the speaker, without its publisher."""
    own = _name(appearance.publisher)
    chain = appearance.chain
    # The chain starts with the speaker whenever there is one, named or not ("officials").
    if chain and appearance.speaker_name and _name(chain[0]) == _name(appearance.speaker_name):
        chain = chain[1:]
    return [c for c in chain if _name(c) and _name(c) != own]


def is_state(appearance: Appearance) -> bool:
    if appearance.state_media:
        return True
    for name in (appearance.publisher, appearance.url):
        outlet = lookup_outlet(name) if name else None
        if outlet is not None and outlet.state_affiliated:
            return True
    return False


def order(appearances: list[Appearance]) -> list[Appearance]:
    """Step 1 of the module docstring."""
    publishers = {_name(a.publisher) for a in appearances if a.publisher}

    def rank(a: Appearance) -> int:
        return len({_name(c) for c in credits(a)} & publishers)

    return sorted(appearances, key=lambda a: (a.published_at is None, a.published_at or "", rank(a), a.article_id,
                                              a.char_start or 0))


def _drift_row(drift: Drift) -> dict[str, Any]:
    return {
        "drift": drift.marks(), "hedges_added": drift.hedges_added, "hedges_dropped": drift.hedges_dropped,
        "certainty_change": drift.certainty_change, "speaker_change": drift.speaker_change,
        "numbers_before": drift.numbers_before, "numbers_after": drift.numbers_after,
        "words_added": drift.words_added, "words_dropped": drift.words_dropped,
    }


def hops_and_summary(thread_id: str, appearances: list[Appearance]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The hop rows (HOP_FIELDS) and the thread row (THREAD_FIELDS) of one thread."""
    ordered = order(appearances)
    hops: list[dict[str, Any]] = []
    attributed_before = False
    chain: list[str] = []
    for position, hop in enumerate(ordered):
        cited = credits(hop)
        speaker = named_speaker(hop)
        earlier = {_name(h["publisher"]): h["publisher"] for h in hops if h["publisher"]}
        relayed_from = next((earlier[_name(c)] for c in reversed(cited) if _name(c) in earlier), None)
        attribution = "cited" if speaker or cited else "dropped"
        row: dict[str, Any] = {
            "thread_id": thread_id, "position": position, "article_id": hop.article_id, "claim_id": hop.claim_id,
            "kind": hop.kind, "publisher": hop.publisher, "published_at": hop.published_at, "url": hop.url,
            "state_media": is_state(hop), "speaker_name": hop.speaker_name, "cue": hop.cue,
            "certainty": hop.certainty, "hedges": list(hop.hedges), "chain": list(hop.chain), "text": hop.text,
            "char_start": hop.char_start, "char_end": hop.char_end, "relayed_from": relayed_from,
            "credits": cited, "attribution": attribution,
            "laundering": attribution == "dropped" and attributed_before,
            "match": hop.match, "shared_words": list(hop.shared_words), "same_speaker": hop.same_speaker,
            "same_event": hop.same_event,
        }
        row.update(_drift_row(compare(ordered[position - 1], hop) if position else Drift()))
        hops.append(row)
        attributed_before = attributed_before or attribution == "cited"
        for name in ([speaker] if speaker and not chain else []) + cited + [hop.publisher or ""]:
            if name and _name(name) not in {_name(c) for c in chain}:
                chain.append(name)
    origin = hops[0]
    origin_credits = origin["credits"]
    dates = [h["published_at"] for h in hops if h["published_at"]]
    summary = {
        "thread_id": thread_id,
        "speaker": next((named_speaker(a) for a in ordered if named_speaker(a)), None),
        "content": origin["text"],
        "origin_article_id": origin["article_id"], "origin_claim_id": origin["claim_id"],
        "origin_publisher": origin["publisher"], "origin_published_at": origin["published_at"],
        "first_outlet": origin_credits[0] if origin_credits else origin["publisher"],
        "chain": chain,
        "articles": len({h["article_id"] for h in hops}),
        "outlets": len({_name(h["publisher"]) for h in hops if h["publisher"]}),
        "state_hops": sum(bool(h["state_media"]) for h in hops),
        "laundered_hops": sum(bool(h["laundering"]) for h in hops),
        "drift": sorted({m for h in hops for m in h["drift"]}),
        "first_seen": min(dates) if dates else None,
        "last_seen": max(dates) if dates else None,
    }
    return hops, summary
