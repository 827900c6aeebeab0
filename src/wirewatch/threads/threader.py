"""Threading articles as they arrive: each new claim joins the thread it matches or starts one.

1. Every claim with enough content words (``match.MIN_WORDS``) is sketched and matched
   against the index (``match.ThreadIndex.best``); it joins the best thread, or founds its own
   (a thread of one, which later claims can join). Claims of one article are threaded in text
   order, articles in the order they are given (the runner gives them oldest first).
2. Sentences the publisher states in its own voice (outside every claim span) may join an
   existing thread but never found one: that is how a claim presented without its source
   (laundering) is found. Only threads already in the index are seen, so such a sentence must
   arrive after the claim it repeats (the usual order of relays).
3. A near-duplicate article (never analysed: ingest stored it as a reprint) appears in every
   thread its original appears in, with the original's text, as a ``reprint``.

Nothing here reads or writes the store: the runner loads the index and writes what is returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from wirewatch.claims.cues import ClaimCues
from wirewatch.claims.hedges import find_hedges
from wirewatch.records import CERTAINTIES, stable_id
from wirewatch.threads.appearance import OWN_VOICE, REPRINT, Appearance
from wirewatch.threads.match import MIN_WORDS, Member, ThreadIndex, sketch
from wirewatch.threads.wording import content_words, name_words, speaker_key

# A sentence ends at . ! ? (and any closing quote) before a capital or an opening quote, or at a line end.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'A-Z])|\n+")
# No hedge: high; one: medium; two or more: low (the record's certainty scale, read from its top).
_CERTAINTY_BY_HEDGES = CERTAINTIES[::-1]
# An own-voice sentence must say more than a claim to be taken for one: short sentences are
# mostly names and titles ("Former Secretary of State Hillary Clinton and Sen.").
OWN_VOICE_MIN_WORDS = 8


@dataclass(slots=True)
class ArticleClaims:
    """One article with what threading needs: its metadata, text and stored claims."""

    article_id: str
    text: str
    publisher: str | None = None
    published_at: str | None = None
    url: str | None = None
    state_media: bool = False
    claims: list[dict[str, Any]] = field(default_factory=list)  # Claim fields, as stored
    clusters: dict[str, set[str]] = field(default_factory=dict)  # claim_id -> event cluster ids


@dataclass(slots=True)
class Threaded:
    """A new appearance and what the index keeps of it (``words`` and ``minhash``; empty for reprints)."""

    appearance: Appearance
    words: list[str]
    speaker_key: str | None
    clusters: list[str]
    minhash: list[int]
    names: list[str] = field(default_factory=list)


def sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for end_match in _SENTENCE_END.finditer(text):
        spans.append((start, end_match.start()))
        start = end_match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _base(article: ArticleClaims, thread_id: str, claim_id: str, kind: str, text: str) -> Appearance:
    return Appearance(
        thread_id=thread_id, article_id=article.article_id, claim_id=claim_id, kind=kind, text=text,
        publisher=article.publisher, published_at=article.published_at, url=article.url,
        state_media=article.state_media,
    )


class Threader:
    """Steps 1-3 of the module docstring over an index loaded from the store."""

    def __init__(self, index: ThreadIndex, cues: ClaimCues) -> None:
        self.index = index
        self.cues = cues  # the hedge words of sentences in the publisher's own voice

    def add_article(self, article: ArticleClaims) -> list[Threaded]:
        out: list[Threaded] = []
        for claim in sorted(article.claims, key=lambda c: (c.get("char_start") or 0, c["claim_id"])):
            words = content_words(claim.get("content") or "")
            if len(words) < MIN_WORDS:
                continue
            out.append(self._claim(article, claim, words))
        out.extend(self._own_voice(article))
        return out

    def _claim(self, article: ArticleClaims, claim: dict[str, Any], words: list[str]) -> Threaded:
        key = speaker_key(claim.get("speaker_name")) if claim.get("speaker_kind") != "anonymous" else None
        clusters = frozenset(article.clusters.get(claim["claim_id"], ()))
        signature = sketch(words)
        names = name_words(claim.get("content") or "")
        match = self.index.best(article.article_id, frozenset(words), key, clusters, signature, frozenset(names))
        thread_id = match.thread_id if match else stable_id("thread", article.article_id, claim["claim_id"])
        appearance = _base(article, thread_id, claim["claim_id"], claim.get("kind") or "", claim.get("content") or "")
        appearance.state_media = bool(claim.get("state_media")) or article.state_media
        appearance.speaker_name = claim.get("speaker_name")
        appearance.speaker_kind = claim.get("speaker_kind")
        appearance.cue = claim.get("cue")
        appearance.certainty = claim.get("certainty")
        appearance.hedges = list(claim.get("hedges") or [])
        appearance.chain = list(claim.get("chain") or [])
        appearance.char_start, appearance.char_end = claim.get("char_start"), claim.get("char_end")
        if match:
            appearance.match = match.explain()
            appearance.shared_words = list(match.shared_words)
            appearance.same_speaker, appearance.same_event = match.same_speaker, match.same_event
        else:
            appearance.match = "origin: first appearance of this statement"
        self.index.add(
            Member(f"{article.article_id}:{claim['claim_id']}", thread_id, article.article_id, frozenset(words), key,
                   clusters, frozenset(names)),
            signature,
        )
        return Threaded(appearance, words, key, sorted(clusters), [int(v) for v in signature.hashvalues], names)

    def _own_voice(self, article: ArticleClaims) -> list[Threaded]:
        claimed = [(c.get("char_start") or 0, c.get("char_end") or 0) for c in article.claims]
        out: list[Threaded] = []
        for start, end in sentences(article.text):
            if any(s < end and start < e for s, e in claimed):
                continue
            text = article.text[start:end].strip()
            words = content_words(text)
            # Most sentences share too little with every indexed claim to match: no sketch for them.
            if len(words) < OWN_VOICE_MIN_WORDS or not self.index.could_match(frozenset(words)):
                continue
            match = self.index.best(article.article_id, frozenset(words), None, frozenset(), sketch(words),
                                    frozenset(name_words(text)))
            if match is None:
                continue
            appearance = _base(article, match.thread_id, f"s:{start}", OWN_VOICE, text)
            appearance.hedges = find_hedges(text, self.cues)
            appearance.certainty = _CERTAINTY_BY_HEDGES[min(2, len(appearance.hedges))]
            appearance.char_start, appearance.char_end = start, end
            appearance.match = match.explain() + "; stated in the publisher's own voice"
            appearance.shared_words = list(match.shared_words)
            self.index.join(match.thread_id, article.article_id)
            out.append(Threaded(appearance, words, None, [], []))
        return out

    def add_reprint(self, article: ArticleClaims, original: list[Appearance], similarity: float | None) -> list[Threaded]:
        """Step 3: the reprint appears wherever its original does."""
        out: list[Threaded] = []
        for source in original:
            appearance = _base(article, source.thread_id, source.claim_id, REPRINT, source.text)
            appearance.speaker_name, appearance.speaker_kind = source.speaker_name, source.speaker_kind
            appearance.cue, appearance.certainty = source.cue, source.certainty
            appearance.hedges, appearance.chain = list(source.hedges), list(source.chain)
            appearance.char_start, appearance.char_end = source.char_start, source.char_end
            near = f" (similarity {similarity:.2f})" if similarity is not None else ""
            appearance.match = f"near-duplicate of article {source.article_id}{near}"
            self.index.join(source.thread_id, article.article_id)
            out.append(Threaded(appearance, [], None, [], []))
        return out
