"""Contents of stance verbs: held clauses, objects and prepositional objects.

- "Democrats know (that) the tide is turning": any verb outside the cue lists whose subject can
  hold a view (a person, a group, an organisation) and that takes a that-clause or a
  to-infinitive of intent reports that view (``clause_cue``);
- "He described the force as ...", "She denied the report": the object and what follows it
  (``object_content``);
- "called for a ban", "pointed to the polls": the preposition joins the cue and its object is
  the content (``prep_content``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from wirewatch.claims.cues import ClaimCues
from wirewatch.claims.draft import clause_chars, subtree_range, token_chars, trim
from wirewatch.claims.quotes import QuoteIndex
from wirewatch.nlp.doc_ents import span_ents

_VIEW_PRONOUNS = {"i", "we", "you", "he", "she", "they", "who", "whom"}


def clause_cue(
    doc: Doc, verb: Token, speaker: tuple[int, int] | None, quotes: QuoteIndex, cues: ClaimCues
) -> tuple[int, int] | None:
    """A verb outside the cue lists still reports a view when someone holds a that-clause:
    "Democrats know (that) the tide is turning"."""
    if speaker is None:
        return None
    comp = view_clause(verb, cues)
    if comp is None or not can_hold_views(doc[speaker[0] : speaker[1]], cues):
        return None
    rng = clause_chars(doc, comp, verb)
    return quotes.widen(rng, verb.idx) if rng else None


def view_clause(verb: Token, cues: ClaimCues) -> Token | None:
    """The that-clause or to-infinitive through which a verb outside the cue lists may report a
    view (``clause_cue``, given a speaker who can hold one)."""
    if verb.lemma_.lower() in cues.not_clause_cues:
        return None
    return next(
        (c for c in verb.rights if (c.dep_ == "ccomp" and has_subject(c)) or (c.dep_ == "xcomp" and _infinitive(c))),
        None,
    )


def _infinitive(tok: Token) -> bool:
    return tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def has_subject(tok: Token) -> bool:
    # A finite clause with its own subject; "what's known as" is a free relative, not a view.
    return any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in tok.children)


def can_hold_views(span: Span, cues: ClaimCues) -> bool:
    """A person, a group of people, an organisation, or a document that states findings."""
    root = span.root
    if root.lower_ in _VIEW_PRONOUNS:
        return True
    if root.lower_ in ("that", "which") and root.head.dep_ == "relcl" and root.head.head.i < root.i:
        # "an FBI investigation, which said ...": the relative pronoun stands for its noun.
        noun = root.head.head
        return can_hold_views(span.doc[noun.i : noun.i + 1], cues)
    if root.like_num or root.lower_ in ("%", "percent"):
        return True  # "71 percent of Sanders supporters", "58.9 percent": shares of a poll
    if any(e.label_ in ("PERSON", "ORG", "NORP", "GPE") and e.start <= root.i < e.end for e in span_ents(span)):
        return True
    if root.pos_ == "PROPN":
        return True
    lemma, lower = root.lemma_.lower(), root.lower_
    if lemma in cues.role_nouns or lower in cues.collective_speakers or lemma in cues.holder_nouns:
        return True
    return lemma in cues.document_nouns or lower.endswith(cues.person_suffixes)


def object_content(doc: Doc, verb: Token, quotes: QuoteIndex) -> tuple[int, int] | None:
    obj = next((c for c in verb.rights if c.dep_ in ("dobj", "attr")), None)
    if obj is None:
        return _relative_object(doc, verb, quotes)
    clause = next((c for c in obj.rights if c.dep_ in ("acl", "ccomp") and has_subject(c)), None)
    if clause is not None:  # "expressed concern that the rallies were violent"
        rng = trim(doc, *subtree_range(clause))
        return quotes.widen(token_chars(doc, *rng), verb.idx) if rng else None
    end = subtree_range(obj)[1]
    for child in verb.rights:
        # "described the task force as being made up of ..." / "called him a liar"
        if child.i > obj.i and (child.dep_ in ("oprd", "xcomp", "ccomp") or child.lower_ == "as"):
            end = max(end, subtree_range(child)[1])
    rng = trim(doc, obj.left_edge.i, end)
    return quotes.widen(token_chars(doc, *rng), verb.idx) if rng else None


def _relative_object(doc: Doc, verb: Token, quotes: QuoteIndex) -> tuple[int, int] | None:
    """"a charge that party leaders strongly denied": the object is the relative pronoun, and
    what was denied is the noun the clause describes."""
    rel = next((c for c in verb.lefts if c.dep_ == "dobj" and c.tag_ in ("WDT", "WP")), None)
    if rel is None or verb.dep_ != "relcl":
        return None
    noun = verb.head
    rng = trim(doc, noun.left_edge.i, verb.left_edge.i)
    if rng is None:
        return None
    return quotes.widen(token_chars(doc, *rng), verb.idx)


def prep_content(
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
            return quotes.widen(token_chars(doc, *rng), verb.idx), (verb.i, child.i + 1)
    return None
