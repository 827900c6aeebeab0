"""Claims introduced by a reporting verb: "X said (that) ...", "“...,” X said", "X told Y: “...”".

For each verb whose lemma is a cue (data/verbs.yaml), the content is found in this order:

1. a clausal complement (ccomp; xcomp for "promised to ..."), widened to the whole quotation
   when it sits inside one;
2. a quotation right next to the verb's clause ("“...,” he said" / "he said: “...”");
3. the clause the verb hangs off when it comes after it ("Russia will stay, he said.");
4. for verbs like "describe" and "deny", the direct object and what follows it.

The speaker is the verb's subject, or the subject of the verb it is coordinated with or
subordinate to ("..., adding that ..."). Impersonal passives ("it is said that") are left to
``unattributed``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from wirewatch.claims.cues import ClaimCues
from wirewatch.claims.draft import ClaimDraft, subtree_range, token_chars, trim
from wirewatch.claims.quotes import QuoteIndex

_SUBJECTS = ("nsubj", "nsubjpass")
_RELATIVE = {"who", "that", "which", "whom"}
# A quotation belongs to a verb only within its paragraph: a blank line ends the statement.
_GAP_BEFORE_CLAUSE = re.compile(r"^[ \t,:;—–-]*$")
_GAP_AFTER_CLAUSE = re.compile(r"^[ \t,:—–-]*\n?[ \t]*$")
_MIN_QUOTE_WORDS = 3  # shorter quotations are scare quotes or titles, not statements


def find_reported(doc: Doc, quotes: QuoteIndex, cues: ClaimCues) -> list[ClaimDraft]:
    drafts: list[ClaimDraft] = []
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        lemma = tok.lemma_.lower()
        quote_only = lemma in cues.quote_only_verbs and not cues.is_cue_verb(lemma)
        if is_impersonal(tok):
            continue
        cue = _cue_range(tok)
        if cues.is_cue_verb(lemma) or quote_only:
            speaker = find_speaker(tok)
            content = _content(doc, tok, speaker, quotes, cues, quote_only) if speaker else None
        else:
            speaker, content = _clause_cue(doc, tok, quotes, cues)
        if speaker and cues.verb_certainty.get(lemma) != "high" and not _can_hold_views(doc[speaker[0] : speaker[1]], cues):
            # Stance verbs need a subject that can hold a stance ("GOP rules favor" is no claim).
            continue
        if content is None and lemma in cues.prep_cues:
            speaker = speaker or find_speaker(tok)
            found = _prep_content(doc, tok, cues.prep_cues[lemma], quotes) if speaker else None
            if found:
                content, cue = found
        if speaker is None or content is None:
            continue
        drafts.append(
            ClaimDraft(
                kind=_kind(content, quotes),
                anchor=tok,
                cue=cue,
                content=content,
                speaker=speaker,
                verb_certainty=cues.verb_certainty.get(lemma, "medium"),
            )
        )
    return drafts


def _clause_cue(
    doc: Doc, verb: Token, quotes: QuoteIndex, cues: ClaimCues
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """A verb outside the cue lists still reports a view when someone holds a that-clause:
    "Democrats know (that) the tide is turning"."""
    if verb.lemma_.lower() in cues.not_clause_cues:
        return None, None
    comp = next(
        (c for c in verb.rights if (c.dep_ == "ccomp" and _has_subject(c)) or (c.dep_ == "xcomp" and _infinitive(c))),
        None,
    )
    if comp is None:
        return None, None
    speaker = find_speaker(verb)
    if speaker is None or not _can_hold_views(doc[speaker[0] : speaker[1]], cues):
        return None, None
    rng = _clause_chars(doc, comp, verb)
    return (speaker, _widen_to_quote(rng, quotes, verb)) if rng else (None, None)


def _infinitive(tok: Token) -> bool:
    return tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _has_subject(tok: Token) -> bool:
    # A finite clause with its own subject; "what's known as" is a free relative, not a view.
    return any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in tok.children)


def _can_hold_views(span, cues: ClaimCues) -> bool:
    root = span.root
    if root.lower_ in ("i", "we", "you", "he", "she", "they"):
        return True
    if any(e.label_ in ("PERSON", "ORG", "NORP", "GPE") and e.start <= root.i < e.end for e in span.ents):
        return True
    if root.pos_ == "PROPN":
        return True
    lemma, lower = root.lemma_.lower(), root.lower_
    if lemma in cues.role_nouns or lower in cues.collective_speakers or lemma in cues.holder_nouns:
        return True
    return lemma in cues.document_nouns or lower.endswith(cues.person_suffixes)


def is_impersonal(verb: Token) -> bool:
    """True for "it is said", "it's believed", "is said to": passive reporting with no one saying."""
    left = [t for t in verb.doc[max(verb.sent.start, verb.i - 4) : verb.i]]
    words = [t.lower_.replace("’", "'") for t in left]
    if "it" in words and any(w in ("is", "'s", "was", "be", "been", "being") for w in words[words.index("it") :]):
        return verb.tag_ in ("VBN", "VBD")
    if verb.tag_ != "VBN":
        return False
    # A passive without an agent has no speaker: "he was told" names the hearer.
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def find_speaker(verb: Token, depth: int = 0) -> tuple[int, int] | None:
    """Token range of the one who speaks through ``verb``."""
    for child in verb.children:
        if child.dep_ == "agent":  # "was described by officials as ..."
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return trim(verb.doc, *subtree_range(obj))
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            if child.lower_ in _RELATIVE:  # "a senator who called for ..." speaks as the senator
                clause = next((a for a in verb.ancestors if a.dep_ == "relcl"), verb if verb.dep_ == "relcl" else None)
                if clause is None:
                    return None
                return trim(verb.doc, *subtree_range(clause.head, skip={clause.i}))
            if child.lower_ in ("it", "there", "what", "this", "that", "which"):
                return None
            return trim(verb.doc, *subtree_range(child))
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
        return find_speaker(verb.head, depth + 1)
    return None


def _cue_range(verb: Token) -> tuple[int, int]:
    # A phrasal particle belongs to the cue ("pointed out"); auxiliaries and adverbs do not.
    end = verb.i + 1
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return verb.i, end


def _content(
    doc: Doc,
    verb: Token,
    speaker: tuple[int, int],
    quotes: QuoteIndex,
    cues: ClaimCues,
    quote_only: bool,
) -> tuple[int, int] | None:
    lemma = verb.lemma_.lower()
    if not quote_only:
        for child in verb.children:
            if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and lemma in cues.infinitive_verbs):
                rng = _clause_chars(doc, child, verb)
                if rng:
                    return _widen_to_quote(rng, quotes, verb)
    adjacent = _adjacent_quote(doc, verb, speaker, quotes)
    if adjacent or quote_only:
        return adjacent
    if _is_comment_clause(verb, cues):
        rng = _clause_chars(doc, verb.head, verb, skip_self=verb.head.i < verb.i)
        if rng:
            return _widen_to_quote(rng, quotes, verb)
    if lemma in cues.object_verbs:
        return _object_content(doc, verb, quotes)
    return None


def _is_comment_clause(verb: Token, cues: ClaimCues) -> bool:
    """"Russia will stay, he said." / "The hashtag, he said, was popular": a reporting clause set
    off by a comma, hanging off the clause it reports (not a complement of another cue verb)."""
    head = verb.head
    if head.i == verb.i or verb.dep_ not in ("parataxis", "ccomp", "advcl"):
        return False
    if any(c.dep_ == "mark" for c in verb.children) or cues.is_cue_verb(head.lemma_.lower()):
        return False
    doc = verb.doc
    words = [t.i for t in verb.subtree if not t.is_punct]
    before, after = min(words) - 1, max(words) + 1
    if before < verb.sent.start or doc[before].text not in (",", "—", "–", "”", '"', "’"):
        return False
    # Mid-sentence ("The hashtag, he said, was popular") the comment is fenced by commas.
    return head.i < verb.i or (after < len(doc) and doc[after].text in (",", "—", "–"))


def _clause_chars(doc: Doc, head: Token, verb: Token, skip_self: bool = False) -> tuple[int, int] | None:
    skip = {c.i for c in head.children if _is_according_to(c)}
    if head.i != verb.head.i or verb.dep_ in ("parataxis", "ccomp"):
        skip.add(verb.i)  # "X, he said, was Y": the reporting clause is not part of what was said
    start, end = subtree_range(head, skip=skip)
    if skip_self:
        # Only the part of the clause before the reporting verb is what was said.
        end = min(end, verb.left_edge.i)
    rng = trim(doc, start, end)
    if rng is None or rng[1] - rng[0] < 2:
        return None
    return token_chars(doc, *rng)


def _is_according_to(tok: Token) -> bool:
    return tok.lower_ in ("according", "per") and tok.dep_ == "prep"


def _widen_to_quote(rng: tuple[int, int], quotes: QuoteIndex, verb: Token) -> tuple[int, int]:
    for q in quotes.inside(*rng):
        if q[0] <= verb.idx < q[1]:
            continue  # a verb inside the quotation ("I think ...") reports only its own clause
        # A content that starts or ends inside a quotation takes the whole quotation.
        if q[0] <= rng[0] < q[1] or q[0] < rng[1] <= q[1]:
            rng = (min(rng[0], q[0]), max(rng[1], q[1]))
    return rng


def _adjacent_quote(
    doc: Doc, verb: Token, speaker: tuple[int, int], quotes: QuoteIndex
) -> tuple[int, int] | None:
    text = doc.text
    clause_start = min(doc[speaker[0]].idx, verb.idx)
    clause_end = max(token_chars(doc, *speaker)[1], verb.idx + len(verb.text))
    for child in verb.rights:  # "told The War Zone:", "said in an interview:"
        if child.dep_ in ("dative", "dobj", "prep", "npadvmod", "advmod") and not _in_quote(child, quotes):
            clause_end = max(clause_end, token_chars(doc, *subtree_range(child))[1])
    before = quotes.ending_at_or_before(clause_start)
    if before and _long_enough(text, before) and _GAP_BEFORE_CLAUSE.match(text[before[1] : clause_start]):
        return before
    after = quotes.starting_at_or_after(clause_end)
    if after and _long_enough(text, after) and _GAP_AFTER_CLAUSE.match(text[clause_end : after[0]]):
        return after
    return None


def _in_quote(tok: Token, quotes: QuoteIndex) -> bool:
    return quotes.covering(tok.idx, tok.idx + len(tok.text)) is not None


def _long_enough(text: str, span: tuple[int, int]) -> bool:
    return len(text[span[0] : span[1]].split()) >= _MIN_QUOTE_WORDS


def _object_content(doc: Doc, verb: Token, quotes: QuoteIndex) -> tuple[int, int] | None:
    obj = next((c for c in verb.rights if c.dep_ in ("dobj", "attr")), None)
    if obj is None:
        return None
    end = subtree_range(obj)[1]
    for child in verb.rights:
        # "described the task force as being made up of ..." / "called him a liar"
        if child.i > obj.i and (child.dep_ in ("oprd", "xcomp", "ccomp") or child.lower_ == "as"):
            end = max(end, subtree_range(child)[1])
    rng = trim(doc, obj.left_edge.i, end)
    return _widen_to_quote(token_chars(doc, *rng), quotes, verb) if rng else None


def _prep_content(
    doc: Doc, verb: Token, preps: frozenset[str], quotes: QuoteIndex
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """"called for a ban": the cue runs from the verb to the preposition, the content is its object."""
    for child in verb.rights:
        if child.dep_ not in ("prep", "prt", "dobj") or child.lower_ not in preps:
            continue
        obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
        if child.dep_ == "prt":  # "spoke out against": the object hangs off the next preposition
            nxt = next((c for c in verb.rights if c.dep_ == "prep" and c.i > child.i), None)
            obj = next((c for c in nxt.children if c.dep_ in ("pobj", "pcomp")), None) if nxt else None
            child = nxt or child
        if obj is None:
            continue
        rng = trim(doc, *subtree_range(obj))
        if rng:
            return _widen_to_quote(token_chars(doc, *rng), quotes, verb), (verb.i, child.i + 1)
    return None


def _kind(content: tuple[int, int], quotes: QuoteIndex) -> str:
    if quotes.covering(*content):
        return "direct"
    inner = [q for q in quotes.inside(*content) if q[0] >= content[0] and q[1] <= content[1]]
    if inner:
        covered = sum(e - s for s, e in inner)
        return "direct" if covered >= 0.9 * (content[1] - content[0]) else "mixed"
    return "indirect"
