"""Claims framed by a prepositional source: "According to X, ...", "..., according to X.",
"In a new poll, ...".

The source is the object of the phrase's last word ("to", "by", "per"); the content is the
clause the phrase modifies, less the phrase itself. Whether an outlet named here is the source
of a claim or only relays someone else's claim is decided later, in ``extract``.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, LOWER
from spacy.tokens import Doc, Token

from wirewatch.claims.cues import ClaimCues
from wirewatch.claims.draft import ClaimDraft, subtree_range, token_chars, trim
from wirewatch.nlp.token_arrays import string_ids, tokens_at


def find_according_to(doc: Doc, cues: ClaimCues) -> list[ClaimDraft]:
    drafts: list[ClaimDraft] = []
    # Words as string ids from ``doc.to_array``, phrases by their first word: making a Token of
    # every word and trying every phrase at it cost more than the rest of this finder.
    strings = doc.vocab.strings
    lowered = doc.to_array(LOWER)
    by_first: dict[int, list[tuple[int, ...]]] = {}
    for phrase in cues.according_to:
        by_first.setdefault(strings[phrase[0]], []).append(tuple(strings[word] for word in phrase))
    firsts = np.fromiter(by_first, dtype=np.uint64)
    for i in np.flatnonzero(np.isin(lowered, firsts)).tolist():  # where some phrase's first word is
        for ids in by_first[int(lowered[i])]:
            n = len(ids)
            if tuple(lowered[i : i + n].tolist()) != ids:
                continue
            draft = _draft(doc, i, i + n)
            if draft is not None:
                drafts.append(draft)
            break
    drafts.extend(_document_framed(doc, cues))
    return drafts


def _document_framed(doc: Doc, cues: ClaimCues) -> list[ClaimDraft]:
    """"In a CNN/ORC poll released Monday, 31% of Republicans ...": a fronted phrase whose object
    is a poll, survey or report presents the clause as its finding. Only fronted phrases count:
    "mentioned in the report" is the verb's own claim."""
    drafts: list[ClaimDraft] = []
    rows = doc.to_array([LOWER, DEP])
    picked = np.isin(rows[:, 0], string_ids(cues.document_preps)) & (rows[:, 1] == doc.vocab.strings["prep"])
    for prep in tokens_at(doc, picked):
        if prep.i > prep.head.i:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in cues.document_nouns or prep.head.pos_ not in ("VERB", "AUX"):
            continue
        if cues.is_cue_verb(prep.head.lemma_.lower()):
            continue  # "In a statement, Cecil said ...": the speaker's own claim, found as such
        source = trim(doc, *subtree_range(obj))
        content = trim(doc, *subtree_range(prep.head, skip={prep.i}))
        if source is None or content is None or content[1] - content[0] < 3:
            continue
        drafts.append(
            ClaimDraft(
                kind="according_to",
                anchor=prep,
                cue=(prep.i, prep.i + 1),
                content=token_chars(doc, *content),
                speaker=source,
                verb_certainty="high",
            )
        )
    return drafts


def _draft(doc: Doc, start: int, end: int) -> ClaimDraft | None:
    prep = doc[end - 1]
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return None
    source = trim(doc, *subtree_range(obj))
    if source is None:
        return None
    first = doc[start]
    phrase_top = _phrase_top(doc, start, end)
    head = _clause_head(phrase_top)
    if head is None:
        return None
    # The phrase's own subtree is left out; when it sits mid-clause ("Russia, according to X,
    # has ...") the content runs across it, and scorers subtract source and cue.
    content = trim(doc, *subtree_range(head, skip={phrase_top.i}))
    if content is None or content[1] - content[0] < 2:
        return None
    return ClaimDraft(
        kind="according_to",
        anchor=first,
        cue=(start, end),
        content=token_chars(doc, *content),
        speaker=source,
        verb_certainty="high",
    )


def _phrase_top(doc: Doc, start: int, end: int) -> Token:
    """The token of the phrase that attaches it to the clause (its head lies outside the phrase)."""
    for tok in doc[start:end]:
        if not (start <= tok.head.i < end) or tok.head.i == tok.i:
            return tok
    return doc[start]


def _clause_head(top: Token) -> Token | None:
    head = top.head
    # Climb from a noun to the verb of its clause: "the poll, according to X, shows ..."
    steps = 0
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i and steps < 4:
        head = head.head
        steps += 1
    return None if head.i == top.i else head
