"""Who "we" is when a named person says it: the group the article says the person speaks for.

An interviewee's "we" is rarely the interviewee alone. The article says who the group is where
it introduces the people talking:

1. the person named together with others ("Wikinews interviews Ana Ruiz and Tom Berg of
   Redline Games"): "we" is the names so joined, "Ana Ruiz and Tom Berg";
2. the organisation a description of the person names ("Tom Berg, a member of the national
   rowing team, known as the Oarsmen"; "Ana Ruiz, chief editor of The Ledger"): "we" is that
   organisation, the proper name the description ends in.

Neither found, "we" stays the person: a lone speaker's "we" names no one else the reader is told of.
Only proper names count: a description's common nouns ("a group of friends") say too little.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# Named entities that are no group a person speaks for: places, peoples, dates, amounts.
_NOT_GROUPS = frozenset({"PERSON", "GPE", "NORP", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY",
                         "PERCENT", "QUANTITY", "EVENT"})
_NAME_PARTS = ("compound", "flat", "nmod")


def speaker_group(doc: Doc, name: str, before: int) -> str | None:
    """The group ``name`` (a person's full name) speaks for as "we", from what the article says of
    them before character ``before``; None when it says nothing of a group."""
    words = name.split()
    if len(words) < 2:
        return None  # a one-word name is too easily another person's too
    last = words[-1].casefold()
    names = [t for t in doc if t.idx < before and t.pos_ == "PROPN" and t.text.casefold() == last]
    for token in names:
        joined = _joined_names(token)
        if joined is not None:
            return joined
    for token in names:
        group = _described_group(token)
        if group is not None:
            return group
    return None


def _joined_names(token: Token) -> str | None:
    """"Ana Ruiz and Tom Berg" when ``token`` ("Berg") is one of two or more names joined by a
    conjunction: every conjunct a proper noun, the whole in text order."""
    top = token
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    conjuncts = [top, *top.conjuncts]
    if len(conjuncts) < 2 or any(c.pos_ != "PROPN" for c in conjuncts):
        return None
    if not any(c.lower_ != token.lower_ for c in conjuncts):
        return None
    first = _name_start(top)
    last = max(c.i for c in conjuncts)
    return token.doc[first : last + 1].text.replace("\n", " ")


def _name_start(token: Token) -> int:
    """The first token of the proper name ``token`` heads ("Ana" for "Ruiz" in "Ana Ruiz")."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in _NAME_PARTS and child.pos_ == "PROPN":
            start = min(start, child.left_edge.i if child.left_edge.pos_ == "PROPN" else child.i)
    return start


def _described_group(token: Token) -> str | None:
    """The organisation an apposition to the name ends in: "Tom Berg, a member of the national
    rowing team, known as the Oarsmen" -> "the Oarsmen"."""
    head = token
    while head.dep_ in _NAME_PARTS and head.head.i != head.i and head.head.pos_ == "PROPN":
        head = head.head
    descriptions = [c for c in head.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")]
    for description in descriptions:
        found = _last_group_name(description.doc[description.left_edge.i : description.right_edge.i + 1])
        if found is not None:
            return found
    return None


def _last_group_name(span: Span) -> str | None:
    """The last proper name in ``span`` that is no person, place, people or date: a name the
    tagger marks as an organisation, or a run of proper nouns it leaves unmarked."""
    i = span.end - 1
    while i >= span.start:
        token = span.doc[i]
        if token.pos_ != "PROPN" or token.ent_type_ in _NOT_GROUPS:
            i -= 1
            continue
        end = i + 1
        while i > span.start and span.doc[i - 1].pos_ == "PROPN" and span.doc[i - 1].ent_type_ not in _NOT_GROUPS:
            i -= 1
        start = i - 1 if i > span.start and span.doc[i - 1].lower_ == "the" else i
        return span.doc[start:end].text
    return None
