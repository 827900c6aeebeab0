"""attach_claims: hang each event on the claim whose content holds it.

An event's evidence is its whole sentence, which often holds the speaker's verb and the reported
act alike ("The state news agency Tass said on Monday that Ukraine had shelled Donetsk"), so an
event sits in a claim when the claim's content holds the event's trigger ("shelled"), whatever
share of the sentence the content covers; and the speaker's own act ("Russia denied that it had
attacked the convoy, the ministry said": "denied") sits in the claim whose content holds its
verb, not in the one it reports. An event without a trigger (made by other code) sits in a claim
whose content covers at least half its evidence. When several claims hold it, the innermost (the
shortest content) wins: "Budanov said that officials believe X" credits X to the officials.
Title events (offsets into the title) are never held by a claim of the body.
The event takes the claim's id, its claimant (the resolved speaker name, else the speaker's
words, else "unattributed") and its certainty; an asserted event inside a hedged or
low-certainty claim becomes ``hedged``.

An event is state media (``Event.state_media``) when a state-affiliated outlet is its source
actor ("RT bought billboards"), speaks or relays the claim it sits in, or publishes the article.
"""

from __future__ import annotations

from collections.abc import Sequence

from wirewatch.media.registry import MediaRegistry
from wirewatch.nlp.person_words import FIRST_PERSON
from wirewatch.records import CERTAINTIES, TITLE_SENTENCE, ActorMention, Article, Claim, Event

_MIN_SHARE = 0.5
# Claims whose content is the speaker's own words, where "we" and "I" are the speaker.
_QUOTED = frozenset({"direct", "mixed"})
# CAMEO roots of acts done in words: comment, appeal, praise, demand, disapprove, reject, threaten
_SPEECH_ROOTS = frozenset({"01", "02", "05", "10", "11", "12", "13"})


def attach_claims(
    events: list[Event],
    claims: list[Claim],
    registry: MediaRegistry,
    article: Article | None = None,
    mentions: Sequence[ActorMention] = (),
) -> None:
    published_by_state = bool(article and article.state_media)
    # "Russia's state-sponsored media outlet RT has placed ads": the source text is the
    # description, the outlet's name is a mention with the same code inside the evidence.
    state_outlets = [m for m in mentions if m.code and registry.is_state_media(m.name or m.text)]
    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article_id, []).append(claim)
    for event in events:
        event.state_media = (
            event.state_media
            or published_by_state
            or registry.is_state_media(event.source_text)
            or any(
                m.code == event.source_code and event.char_start <= m.char_start < event.char_end
                for m in state_outlets
            )
        )
        in_article = by_article.get(event.article_id, [])
        first_person = event.source_code is None and (event.source_text or "").lower() in FIRST_PERSON
        holder = _innermost(event, in_article)
        if holder is None and first_person and event.sentence_index != TITLE_SENTENCE:
            # "We will not negotiate," the minister said on Monday: a quote in the event's sentence
            # holds its "we", however little of the sentence the quote covers.
            holder = next((c for c in in_article if c.kind in _QUOTED and _overlap(event, c) > 0), None)
        if first_person and (holder is None or holder.kind not in _QUOTED):
            # "I work with", "we recommended a grant" outside any quote: the writer, whom the
            # article does not name as an actor; the event keeps no actor rather than "I"
            event.source_text = None
        if holder is None:
            continue
        if not first_person and _speakers_own_word(event, holder):
            # "Clinton suggested the United States should send more forces": the demand is
            # Clinton's act of speech, which the paper itself reports; crediting it to her as
            # her claim would say the paper only has her word that she made it.
            event.state_media = event.state_media or holder.state_media
            continue
        event.claim_id = holder.claim_id
        if first_person and holder.kind in _QUOTED:
            # "We will not negotiate," the minister said: the speaker is the one who acts.
            code = holder.speaker_code
            event.source_text = holder.speaker_name or holder.speaker_text
            event.source_code = code
            if code and not code.startswith("IGO"):  # country ISO3 + sector, e.g. IRNGOV
                # "---MED": a sector whose country is unknown; country fields hold ISO3 only
                event.source_country = None if code.startswith("---") else code[:3]
                event.source_sector = code[3:] or None
        event.claimant = holder.speaker_name or holder.speaker_text or "unattributed"
        # A claim can only make an event less sure than its own wording does: "if the United
        # States launched an attack" stays low however confidently the speaker says it.
        event.certainty = _less_sure(event.certainty, holder.certainty)
        event.state_media = event.state_media or holder.state_media
        if event.modality == "asserted" and (holder.hedges or holder.certainty == "low") \
                and not _speakers_own_word(event, holder):
            event.modality = "hedged"


def _speakers_own_word(event: Event, claim: Claim) -> bool:
    """Is the event the speaker's own act of speech ("Lou suggested that foreign officials should
    curb their complaints": Lou's demand)? The paper asserts that the suggestion was made: the
    claim's hedges are about what is asked or said, not about whether it was, and the event is
    not the speaker's claim. The same code is not enough when both sides name someone: "Kerry said
    Obama demanded ..." is Kerry's report of Obama's demand, though both are USAGOV."""
    if not event.source_code or event.source_code != claim.speaker_code or event.cameo_code[:2] not in _SPEECH_ROOTS:
        return False
    source = _name_words(event.source_text)
    speaker = _name_words(claim.speaker_name) | _name_words(claim.speaker_text)
    return not source or not speaker or bool(source & speaker)


def _name_words(text: str | None) -> set[str]:
    return {w for w in (text or "").casefold().replace("'s", " ").split() if w[:1].isalpha() and len(w) > 2}


def _less_sure(own: str, claimed: str) -> str:
    known = [c for c in (own, claimed) if c in CERTAINTIES]
    return min(known, key=CERTAINTIES.index) if known else (own or claimed)


def _overlap(event: Event, claim: Claim) -> int:
    return min(event.char_end, claim.char_end) - max(event.char_start, claim.char_start)


def _holds(claim: Claim, event: Event) -> bool:
    if event.trigger_start is not None and event.trigger_end is not None:
        return claim.char_start <= event.trigger_start and event.trigger_end <= claim.char_end
    return _overlap(event, claim) >= _MIN_SHARE * max(1, event.char_end - event.char_start)


def _innermost(event: Event, claims: list[Claim]) -> Claim | None:
    if event.sentence_index == TITLE_SENTENCE:
        return None
    best: Claim | None = None
    for claim in claims:
        if _holds(claim, event):
            if best is None or (claim.char_end - claim.char_start) < (best.char_end - best.char_start):
                best = claim
    return best
