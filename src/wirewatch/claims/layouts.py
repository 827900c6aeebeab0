"""Claims that the page's layout attributes, with no verb saying so:

1. an interview or transcript's turns ("WALLACE: Do you see those two as equivalent?", found by
   ``claims.turns``): each turn is its speaker's words, when someone asks (paragraphs opening
   with names and no one asking are a list in the writer's words: "Bush: He said ...");
2. a headline that names its speaker before a colon ("Sanders: Clinton needs to change course",
   "Poll: Voters split on trade"): only the text's first line, and only a label that names a
   person, an organisation, a role or a document, since a topic comes before the colon as often
   ("Ukraine war: Russia says ...", "Brexit: ...");
3. a quotation credited after a dash at the end of its paragraph ("“We deserve better.” ― Ana
   Ruiz"), as vox pops and epigraphs print them.

The cue is the colon or the dash: the mark is all that introduces the words, so a scorer that
counts words finds no cue there (PolNeAR gives these attributions none).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from wirewatch.claims.cues import ClaimCues
from wirewatch.claims.draft import ClaimDraft
from wirewatch.claims.quotes import QuoteIndex
from wirewatch.claims.turns import LABEL, find_turns, speaker_label
from wirewatch.nlp.doc_ents import doc_ents
from wirewatch.nlp.doc_text import doc_text

# A headline's label is read as ``turns`` reads a turn's.
_HEADLINE = re.compile(r"\A\s*(?P<label>" + LABEL + r")[ \t]*(?P<colon>:)[ \t]+(?P<rest>[^\n]*\S)")
# A closing quotation mark, a dash, and a name that ends the paragraph. Some pages print the
# opening mark for the closing one (”...” ― Name), so any double mark closes here.
_CREDIT = re.compile(
    r"(?P<close>[”\"“])[ \t]*(?P<dash>[―—–])[ \t]*(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})[ \t]*$",
    re.MULTILINE,
)
_OPENING = ("“", '"', "”", "‘")
_MIN_WORDS = 3  # "Update: none" is no statement


def layout_cue(cue: str) -> bool:
    """A layout claim's cue: a mark, no word. Such a claim holds the claims its speaker makes
    with verbs ("I believe ..." in an interviewee's turn) without swallowing them: they say how
    the words are meant, and who "I" is in each is resolved and scored on its own."""
    return not any(ch.isalnum() for ch in cue)


def find_layout_claims(doc: Doc, quotes: QuoteIndex, cues: ClaimCues) -> list[ClaimDraft]:
    text = doc_text(doc)
    headline = _headline_claim(doc, text, quotes, cues)
    drafts = [] if headline is None else [headline]
    return drafts + _turn_claims(doc, text) + _credited_quotes(doc, text)


def _draft(doc: Doc, kind: str, speaker: tuple[int, int], mark: int, content: tuple[int, int]) -> ClaimDraft | None:
    """A draft from character ranges: the speaker's, the mark's (one character) and the content's."""
    who = doc.char_span(*speaker, alignment_mode="expand")
    cue = doc.char_span(mark, mark + 1, alignment_mode="expand")
    if who is None or cue is None or len(doc_text(doc)[content[0] : content[1]].split()) < _MIN_WORDS:
        return None
    return ClaimDraft(
        kind=kind, anchor=cue[0], cue=(cue.start, cue.end), content=content, speaker=(who.start, who.end)
    )


def _turn_claims(doc: Doc, text: str) -> list[ClaimDraft]:
    drafts = []
    first_line = len(text) - len(text.lstrip()) + len(text.lstrip().split("\n", 1)[0])
    turns = find_turns(text)
    if turns.asker is None:
        return []  # "Bush: He said ...", "Carson: ...": a list by name, the writer's words, not turns
    for turn in turns.turns:
        if turn.start < first_line:
            continue  # a headline's label ("Sanders: ...") is the headline rule's to judge
        label_start = text.index(turn.label, turn.start)
        colon = text.index(":", label_start + len(turn.label))
        start = colon + 1
        while start < turn.end and text[start].isspace():
            start += 1
        end = len(text[:turn.end].rstrip())
        draft = _draft(doc, "direct", (label_start, label_start + len(turn.label)), colon, (start, end))
        if draft is not None:
            drafts.append(draft)
    return drafts


def _headline_claim(doc: Doc, text: str, quotes: QuoteIndex, cues: ClaimCues) -> ClaimDraft | None:
    m = _HEADLINE.match(text)
    if m is None or not speaker_label(m.group("label")):
        return None
    label = doc.char_span(m.start("label"), m.end("label"), alignment_mode="expand")
    if label is None or not _names_a_speaker(label, cues):
        return None
    content = (m.start("rest"), m.end("rest"))
    return _draft(doc, quotes.kind_of(content), (m.start("label"), m.end("label")), m.start("colon"), content)


def _names_a_speaker(label: Span, cues: ClaimCues) -> bool:
    """A role or a document ("Poll", "Report"), or a person or organisation the article names:
    the NER misreads a lone word before a colon ("Sanders:" as a common noun), so the label's
    last word is looked for among the names the text gives ("Bernie Sanders said ...")."""
    lemma = label.root.lemma_.lower()
    if lemma in cues.document_nouns or lemma in cues.role_nouns:
        return True
    # A person is named in full somewhere ("Bernie Sanders" for "Sanders:"): the small model
    # takes a lone topic word ("Brexit") for a person's name as readily.
    last = label[-1].lower_
    return any(
        e[-1].lower_ == last and e[-1].pos_ == "PROPN" and (e.label_ == "ORG" or e.label_ == "PERSON" and len(e) > 1)
        for e in doc_ents(label.doc)
    )


def _credited_quotes(doc: Doc, text: str) -> list[ClaimDraft]:
    drafts = []
    for m in _CREDIT.finditer(text):
        para = text.rfind("\n", 0, m.start()) + 1
        while para < m.start() and text[para] in " \t":
            para += 1
        if text[para] not in _OPENING:
            continue  # only a quotation that fills its paragraph is credited so
        draft = _draft(doc, "direct", (m.start("name"), m.end("name")), m.start("dash"), (para, m.end("close")))
        if draft is not None:
            drafts.append(draft)
    return drafts
