"""PETRARCH's ``new_actor_length``: noun phrases not in the dictionaries coded by their own words.

With the option above zero, a noun phrase that holds no dictionary actor or agent and has at most
that many words becomes an actor whose code is its text in capitals ("Gryffindor's head Minerva
McGonagall" -> ``GRYFFINDOR HEAD MINERVA MCGONAGALL``; "the Ministry of Magic" -> ``THE MINISTRY OF
MAGIC``). Words are counted as PETRARCH counts them: tokens starting with a letter, so a possessive
"'s" is dropped. Each conjunct is its own phrase ("Eriador's death and injury toll" -> ERI and
``INJURY TOLL``); clauses inside the phrase (relative clauses, participles) are not part of it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from wirewatch.petrarch.phrases import CodedPhrase, Hit, phrase_head

_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "obj", "pobj", "dative", "attr", "appos", "conj", "oprd"}
# Times and amounts are not actors ("left for Minas Tirith on Wednesday")
_NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
_NOT_IN_PHRASE = {"conj", "cc", "punct", "relcl", "acl", "advcl", "appos", "parataxis"}


def _in_phrase(child: Token) -> bool:
    """An apposition written without a comma is part of the name ("head Minerva McGonagall")."""
    if child.dep_ == "appos":
        lo, hi = sorted((child.i, child.head.i))
        return not any(t.is_punct for t in child.doc[lo:hi + 1])
    return child.dep_ not in _NOT_IN_PHRASE


def _phrase_tokens(head: Token) -> list[Token]:
    out: list[Token] = []
    stack = [head]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if _in_phrase(c))
    return sorted(out, key=lambda t: t.i)


def new_actor_phrases(sent: Span, phrases: list[CodedPhrase], max_words: int,
                      removed: frozenset[int] = frozenset()) -> list[CodedPhrase]:
    """Phrases for the noun phrases of ``sent`` no dictionary phrase covers, at most ``max_words`` long."""
    if max_words <= 0:
        return []
    covered = {i for p in phrases for i in range(p.start, p.end)} | {p.head.i for p in phrases}
    out: list[CodedPhrase] = []
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in _ARGUMENT_DEPS or tok.i in removed:
            continue
        if tok.ent_type_ in _NOT_ACTORS:
            continue
        if phrase_head(tok) != tok:
            continue  # a modifier of a larger phrase
        tokens = _phrase_tokens(tok)
        if any(t.i in covered or t.i in removed for t in tokens):
            continue
        # a phrase's parts are not phrases of their own: not "Magic" from "the Ministry of Magic",
        # nor from a phrase too long to be an actor
        covered.update(t.i for t in tokens)
        words = [t.text.upper() for t in tokens if t.text[:1].isalpha()]
        if not words or len(words) > max_words:
            continue
        hit = Hit(tokens[0].i, tokens[-1].i + 1, code=" ".join(words))
        out.append(CodedPhrase(head=tok, start=hit.start, end=hit.end, actors=[hit]))
    return out
