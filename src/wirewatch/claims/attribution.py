"""attach_claims: hang each event on the claim whose content holds its evidence.

An event sits in a claim when its evidence span lies within the claim's content span, or,
since an event's evidence may be its whole sentence ("Budanov said that the Russians would not
leave"), when the claim's content covers at least half of that span. When several claims hold it, the innermost (the
shortest content) wins: "Budanov said that officials believe X" credits X to the officials.
The event takes the claim's id, its claimant (the resolved speaker name, else the speaker's
words, else "unattributed") and its certainty; an asserted event inside a hedged or
low-certainty claim becomes ``hedged``.
"""

from __future__ import annotations

from wirewatch.records import Claim, Event

_MIN_SHARE = 0.5


def attach_claims(events: list[Event], claims: list[Claim]) -> None:
    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article_id, []).append(claim)
    for event in events:
        holder = _innermost(event, by_article.get(event.article_id, []))
        if holder is None:
            continue
        event.claim_id = holder.claim_id
        event.claimant = holder.speaker_name or holder.speaker_text or "unattributed"
        event.certainty = holder.certainty
        if event.modality == "asserted" and (holder.hedges or holder.certainty == "low"):
            event.modality = "hedged"


def _innermost(event: Event, claims: list[Claim]) -> Claim | None:
    best: Claim | None = None
    length = max(1, event.char_end - event.char_start)
    for claim in claims:
        overlap = min(event.char_end, claim.char_end) - max(event.char_start, claim.char_start)
        if overlap >= _MIN_SHARE * length:
            if best is None or (claim.char_end - claim.char_start) < (best.char_end - best.char_start):
                best = claim
    return best
