"""Reporting verbs the tagger read as plural nouns, in sentences it then found no verb in:
"Trump claims that he should be the exception", "Sanders Vows To Eliminate Tax Breaks" (a
headline's capitals), "..., the candidate's former doctor maintains."

The parse around such a word is no guide (the name before it becomes the sentence's root, the
clause after it a noun's modifier), so the claim is read off the word order: the words before
the verb, back to the sentence start or a comma, speak; the words after it are what was said,
or, with none after it, the sentence before the comma.
"""

from __future__ import annotations

from spacy.attrs import TAG
from spacy.tokens import Doc, Span, Token

from wirewatch.claims.cues import ClaimCues
from wirewatch.claims.draft import ClaimDraft, token_chars, trim
from wirewatch.claims.quotes import QuoteIndex
from wirewatch.claims.stance import can_hold_views
from wirewatch.nlp.doc_sents import token_sentence
from wirewatch.nlp.token_arrays import tokens_at

_MAX_SPEAKER_WORDS = 6
_MIN_CONTENT_WORDS = 3
# What a reported clause or an intention opens with, after the verb.
_OPENERS = {"that", "to", "the", "a", "an", "he", "she", "they", "it", "we", "i", "his", "her", "their"}


def find_misread_verbs(doc: Doc, quotes: QuoteIndex, cues: ClaimCues) -> list[ClaimDraft]:
    drafts: list[ClaimDraft] = []
    done: set[int] = set()  # one report per verbless sentence
    # Plural nouns picked from ``doc.to_array``: most sentences hold none worth a Token.
    strings = doc.vocab.strings
    tags = doc.to_array(TAG)
    for tok in tokens_at(doc, (tags == strings["NNS"]) | (tags == strings["NNPS"])):
        sent = token_sentence(tok)
        if sent.start in done or sent.root.pos_ in ("VERB", "AUX"):
            continue  # the tagger found the sentence's verb: the other finders read it
        draft = _draft(doc, sent, tok, quotes, cues)
        if draft is not None:
            drafts.append(draft)
            done.add(sent.start)
    return drafts


def _draft(doc: Doc, sent: Span, tok: Token, quotes: QuoteIndex, cues: ClaimCues) -> ClaimDraft | None:
    if tok.tag_ not in ("NNS", "NNPS") or not tok.lower_.endswith("s") or not cues.is_cue_verb(tok.lemma_.lower()):
        return None
    start = tok.i
    while start > sent.start and not (doc[start - 1].is_punct or doc[start - 1].is_space):
        start -= 1
    speaker = trim(doc, start, tok.i)
    if speaker is None or speaker[1] - speaker[0] > _MAX_SPEAKER_WORDS or not _names_someone(doc[speaker[0] : speaker[1]], cues):
        return None
    after = trim(doc, tok.i + 1, sent.end)
    content: tuple[int, int] | None
    if after is not None:
        if doc[after[0]].lower_ not in _OPENERS:
            return None  # "Budget Plans For The New Year" reports nothing
        content = after
    elif start - 1 > sent.start and doc[start - 1].text == ",":
        content = trim(doc, sent.start, start - 1)  # "..., the doctor maintains."
    else:
        return None
    if content is None or content[1] - content[0] < _MIN_CONTENT_WORDS:
        return None
    chars = quotes.widen(token_chars(doc, *content), tok.idx)
    return ClaimDraft(
        kind=quotes.kind_of(chars),
        anchor=tok,
        cue=(tok.i, tok.i + 1),
        content=chars,
        speaker=speaker,
        verb_certainty=cues.verb_certainty.get(tok.lemma_.lower(), "medium"),
    )


def _names_someone(span: Span, cues: ClaimCues) -> bool:
    """Someone who can hold a view, or a capitalised name the tagger misread too ("Sanders")."""
    last = span[-1]
    if last.pos_ not in ("NOUN", "PROPN"):
        return False
    return can_hold_views(span, cues) or last.is_title
