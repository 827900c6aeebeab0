"""Claims introduced by a reporting verb: "X said (that) ...", "“...,” X said", "X told Y: “...”".

For each verb whose lemma is a cue (data/verbs.yaml), the content is found in this order:

1. a clausal complement (ccomp; xcomp for "promised to ..."), widened to the whole quotation
   when it sits inside one;
2. a quotation right next to the verb's clause ("“...,” he said" / "he said: “...”");
3. the clause the verb hangs off when it comes after it ("Russia will stay, he said.");
4. for verbs like "describe" and "deny", the direct object and what follows it, and for
   "call for"-like verbs the prepositional object (``stance``).

Verbs outside the cue lists count when someone who can hold a view takes a that-clause
("Democrats know the tide is turning", ``stance.clause_cue``).

The speaker is the verb's subject, or the subject of the verb it is coordinated with or
subordinate to ("..., adding that ..."). Impersonal passives ("it is said that") are left to
``unattributed``.
"""

from __future__ import annotations

import re

from spacy.attrs import POS
from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from wirewatch.claims.cues import ClaimCues
from wirewatch.claims.draft import ClaimDraft, clause_chars, subtree_range, token_chars, trim
from wirewatch.claims.quotes import QuoteIndex
from wirewatch.claims.stance import can_hold_views, clause_cue, object_content, prep_content, view_clause
from wirewatch.media.registry import MediaRegistry
from wirewatch.nlp.doc_ents import doc_ents
from wirewatch.nlp.doc_sents import token_sentence
from wirewatch.nlp.doc_text import doc_text
from wirewatch.nlp.token_arrays import tokens_at

_SUBJECTS = ("nsubj", "nsubjpass")
_QUOTE_MARKS = {'"', "“", "”", "''", "’"}
_RELATIVE = {"who", "that", "which", "whom"}
# A quotation belongs to a verb only within its paragraph: a blank line ends the statement.
_GAP_BEFORE_CLAUSE = re.compile(r"^[ \t,:;—–-]*$")
# Possessive: the spaces before a line break are never re-tried as the spaces after it.
_GAP_AFTER_CLAUSE = re.compile(r"^[ \t,:—–-]*+\n?[ \t]*$")
_MIN_QUOTE_WORDS = 3  # shorter quotations are scare quotes or titles, not statements


def find_reported(doc: Doc, quotes: QuoteIndex, cues: ClaimCues, registry: MediaRegistry) -> list[ClaimDraft]:
    drafts: list[ClaimDraft] = []
    for tok in _verbs(doc):
        lemma = tok.lemma_.lower()
        quote_only = lemma in cues.quote_only_verbs and not cues.is_cue_verb(lemma)
        reporting = cues.is_cue_verb(lemma) or quote_only
        if not reporting and lemma not in cues.prep_cues and view_clause(tok, cues) is None:
            continue  # no cue and no view held: nothing to report, so no speaker to look for
        if is_impersonal(tok):
            continue
        cue = _cue_range(tok)
        outer = _first_report(tok, cues)
        speaker = find_speaker(outer if outer is not None else tok, registry)
        if reporting:
            content = _content(doc, tok, speaker, quotes, cues, quote_only) if speaker else None
        else:
            content = clause_cue(doc, tok, speaker, quotes, cues)
        if speaker and cues.verb_certainty.get(lemma) != "high" and not can_hold_views(doc[speaker[0] : speaker[1]], cues):
            # Stance verbs need a subject that can hold a stance ("GOP rules favor" is no claim).
            continue
        if content is None and lemma in cues.prep_cues:
            found = prep_content(doc, tok, cues.prep_cues[lemma], quotes) if speaker else None
            if found:
                # The cue runs on to the preposition and keeps the verb group before it ("has
                # called for", "did not respond to").
                content, (_, cue_end) = found
                cue = (cue[0], cue_end)
        if speaker is None or content is None:
            continue
        drafts.append(
            ClaimDraft(
                kind=quotes.kind_of(content),
                anchor=tok,
                cue=_with_governing_verb(tok, cue, cues),
                content=content,
                speaker=speaker,
                verb_certainty=cues.verb_certainty.get(lemma, "medium"),
            )
        )
    return drafts


def _verbs(doc: Doc) -> list[Token]:
    # Picked from ``doc.to_array``: making a Token of every word only to read its POS costs more.
    return tokens_at(doc, doc.to_array(POS) == VERB)


def is_impersonal(verb: Token) -> bool:
    """True for "it is said", "it's believed", "is said to": passive reporting with no one saying."""
    if any(c.dep_ == "nsubj" and c.lower_ != "it" and c.pos_ in ("PRON", "PROPN", "NOUN") for c in verb.children):
        return False  # "It was, he said, one of ...": the verb has a speaker of its own
    left = [t for t in verb.doc[max(token_sentence(verb).start, verb.i - 4) : verb.i]]
    words = [t.lower_.replace("’", "'") for t in left]
    if "it" in words and any(w in ("is", "'s", "was", "be", "been", "being") for w in words[words.index("it") :]):
        return verb.tag_ in ("VBN", "VBD")
    if verb.tag_ != "VBN":
        return False
    # A passive without an agent has no speaker: "he was told" names the hearer.
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def find_speaker(verb: Token, registry: MediaRegistry, depth: int = 0) -> tuple[int, int] | None:
    """Token range of the one who speaks through ``verb`` (``registry`` knows the outlets' names)."""
    for child in verb.children:
        if child.dep_ == "agent":  # "was described by officials as ..."
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return trim(verb.doc, *subtree_range(obj))
    for child in _subjects(verb):
        if child.dep_ in _SUBJECTS:
            if child.lower_ in _RELATIVE:
                # "a senator who called for ...": the span is "who"; speakers resolves it.
                in_relative = verb.dep_ == "relcl" or any(a.dep_ == "relcl" for a in verb.ancestors)
                return (child.i, child.i + 1) if in_relative else None
            if child.lower_ in ("there", "what", "this", "that", "which"):
                return None
            if child.lower_ == "it" and (verb.tag_ == "VBN" or any(c.dep_ in ("auxpass", "expl") for c in verb.children)):
                return None  # "it is said", "it was reported": no one speaks

            # Relative clauses describe the speaker but are not part of the name.
            skip = {c.i for c in child.children if c.dep_ == "relcl"}
            start, end = subtree_range(child, skip=skip)
            # "the state news agency Tass said": the parser may give the verb the description and
            # the name as two subjects side by side; together they are one speaker.
            for other in verb.children:
                if other.i > child.i and other.left_edge.i == end and _misread_name(other, registry):
                    end = subtree_range(other)[1]
            return _within_paragraph(verb.doc, trim(verb.doc, start, end))
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        # "those supporting Clinton", "the share of Republicans saying ...": the noun speaks.
        head = verb.head
        skip = {verb.i} | {c.i for c in head.children if c.dep_ in ("relcl", "acl")}
        return _within_paragraph(verb.doc, trim(verb.doc, *subtree_range(head, skip=skip)))
    if depth < 3 and verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):
        # "pressured them by threatening ...", "since announcing ...": the main clause's subject.
        return find_speaker(verb.head.head, registry, depth + 1)
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
        return find_speaker(verb.head, registry, depth + 1)
    return (
        _subject_lost_to_relative(verb)
        or _name_misread_as_modifier(verb, registry)
        or _subject_lost_to_fronted_phrase(verb)
        or _inverted_speaker(verb)
    )


def _with_governing_verb(verb: Token, cue: tuple[int, int], cues: ClaimCues) -> tuple[int, int]:
    """A report carried by a verb of phase or seeming is one cue with it: "went on to explain",
    "seemed to think", "started off by emphasizing" (the governing verb says nothing alone:
    ``not_clause_cues``)."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.i == cue[0] - 1:
        cue, head = (head.i, cue[1]), head.head  # "by emphasizing"
    elif verb.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return cue
    lemma = head.lemma_.lower()
    if head.i >= cue[0] or head.pos_ not in ("VERB", "AUX") or lemma not in cues.not_clause_cues or cues.is_cue_verb(lemma):
        return cue
    # Only right before the report ("went on to explain"): "travelled to Ohio to explain" is a
    # purpose, its verb no part of the cue.
    between = verb.doc[head.i + 1 : cue[0]]
    if any(t.head.i != head.i or t.dep_ not in ("prt", "advmod") for t in between):
        return cue
    return (_cue_range(head)[0], cue[1])


def _subjects(verb: Token) -> list[Token]:
    """The verb's children, a subject the parser found inside a quotation before the verb last:
    in "“... Full panic mode,” said Leslie Wimes" the quotation's last words are no speaker when
    the verb has a subject of its own after it."""
    children = list(verb.children)
    quoted = [c for c in children if c.dep_ in _SUBJECTS and c.i < verb.i
              and any(t.text in _QUOTE_MARKS for t in verb.doc[c.i + 1 : verb.i])]
    if quoted and any(c.dep_ in _SUBJECTS and c.i > verb.i for c in children):
        return [c for c in children if c not in quoted]
    return children


def _subject_lost_to_fronted_phrase(verb: Token) -> tuple[int, int] | None:
    """"In a meeting with the board of the Post Trump said ...": with no comma after a fronted
    phrase the parser reads the name as the phrase's last object; right before the verb, in a
    phrase hung on the verb, it is the verb's subject."""
    doc = verb.doc
    end = verb.i
    while end - 1 >= 0 and doc[end - 1].dep_ in ("aux", "neg", "advmod") and doc[end - 1].head.i == verb.i:
        end -= 1  # "Trump has also said"
    last = doc[end - 1] if end > 0 else None
    if last is None or last.pos_ != "PROPN" or last.dep_ not in ("pobj", "compound"):
        return None
    if not any(a.dep_ == "prep" and a.head.i == verb.i for a in last.ancestors):
        return None
    # Only a whole name the NER found, a person's or a one-word one: "the Washington Post Trump",
    # read as one organisation, is two names run together.
    name = next((e for e in doc_ents(doc) if e.start <= last.i < e.end), None)
    if name is None or name.end != end or not (name.label_ == "PERSON" or len(name) == 1 and name.label_ in ("ORG", "GPE", "NORP")):
        return None
    return (name.start, end)


def _misread_name(tok: Token, registry: MediaRegistry) -> bool:
    """A name the parser hung on the verb as a second subject or a modifier: "Tass" in "the
    news agency Tass said", "Today" in "Russia Today reported", "Ruptly" (read as an adverb)."""
    if tok.dep_ not in _SUBJECTS and tok.dep_ not in ("npadvmod", "advmod"):
        return False
    return tok.pos_ == "PROPN" or (tok.is_title and registry.lookup(tok.text) is not None)


def _name_misread_as_modifier(verb: Token, registry: MediaRegistry) -> tuple[int, int] | None:
    """"Russia Today reported ...", "Ruptly reported ...": with no subject, a name right before
    the verb that the parser read as its modifier is the speaker."""
    if verb.pos_ != "VERB":
        return None
    for child in verb.lefts:
        start, end = subtree_range(child)
        if end == verb.i and _misread_name(child, registry) and child.dep_ != "nsubj":
            return _within_paragraph(verb.doc, trim(verb.doc, start, end))
    return None


def _subject_lost_to_relative(verb: Token) -> tuple[int, int] | None:
    """"Sanders, who sits at zero endorsements, said ...": the parser may read the relative
    clause as the verb's complement and hang the real subject on it, next to "who"."""
    for clause in verb.lefts:
        if clause.dep_ not in ("ccomp", "advcl", "csubj"):
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        relative = next((c for c in subjects if c.lower_ in ("who", "which")), None)
        named = next((c for c in subjects if relative is not None and c.i < relative.i), None)
        if named is not None and named.pos_ in ("NOUN", "PROPN"):
            return _within_paragraph(verb.doc, trim(verb.doc, *subtree_range(named)))
    return None


def _inverted_speaker(verb: Token) -> tuple[int, int] | None:
    """"“It's Bernie's to lose,” added another New Hampshire Democrat.": after a quotation the
    speaker may follow the verb, where the parser reads it as an object."""
    doc = verb.doc
    before = verb.i - 1
    sent_start = token_sentence(verb).start
    while before >= sent_start and doc[before].is_punct and doc[before].text in (",", "—", "–"):
        before -= 1
    if before < sent_start or doc[before].text not in ("”", '"', "’", "''", "'"):
        return None
    noun = next((c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod", "dative", "nsubj")), None)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    return trim(doc, *subtree_range(noun, skip={c.i for c in noun.children if c.dep_ in ("relcl", "acl")}))


def _within_paragraph(doc: Doc, rng: tuple[int, int] | None) -> tuple[int, int] | None:
    """A speaker span does not reach back over a line break (a dateline or heading above)."""
    if rng is None:
        return None
    start, end = rng
    for i in range(end - 1, start - 1, -1):
        if doc[i].is_space and "\n" in doc[i].text:
            return trim(doc, i + 1, end)
    return rng


def _cue_range(verb: Token) -> tuple[int, int]:
    # The verb group is the cue: auxiliaries, negation and adverbs right before the verb ("has
    # also said", "hasn't yet endorsed") and a phrasal particle after it ("pointed out").
    start, end = verb.i, verb.i + 1
    left = {c.i for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg", "advmod")}
    while start - 1 in left:
        start -= 1
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return start, end


def verb_content(
    doc: Doc, verb: Token, speaker: tuple[int, int], quotes: QuoteIndex, cues: ClaimCues
) -> tuple[int, int] | None:
    """What ``verb`` reports, found as for a listed reporting verb (the learned model's cues)."""
    return _content(doc, verb, speaker, quotes, cues, False)


def cue_range(verb: Token) -> tuple[int, int]:
    return _cue_range(verb)


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
        # A complement after the verb before one the parser found in a fronted clause ("While he
        # acknowledged funding was a reason, he noted several things left him ..."): rights first.
        for child in sorted(verb.children, key=lambda c: c.i < verb.i):
            if child.i < verb.i and child.left_edge.i <= speaker[0] <= child.right_edge.i and any(
                c.lower_ in ("who", "which") and c.dep_ == "nsubj" for c in child.children
            ):
                continue  # a relative clause misread as the complement holds the speaker
            if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and lemma in cues.infinitive_verbs):
                rng = clause_chars(doc, child, verb)
                if rng:
                    return quotes.widen(_before_aside(doc, child, _before_second_report(doc, child, rng, cues)), verb.idx)
    if lemma in cues.saying_verbs and not quote_only:
        for child in verb.rights:
            # "Trump said after the convention he would not ...": a clause with a subject of its
            # own and no conjunction, read as adverbial, is what was said.
            if child.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children) and not any(
                c.dep_ == "mark" or c.lower_ in ("when", "where", "while", "as", "if", "because") for c in child.children
            ):
                subject = next(c for c in child.children if c.dep_ in ("nsubj", "nsubjpass"))
                rng = trim(doc, subject.left_edge.i, subtree_range(child)[1])
                if rng and rng[1] - rng[0] >= 2:
                    return quotes.widen(token_chars(doc, *rng), verb.idx)
        said = _words_said(doc, verb, quotes)
        if said:
            return said
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("as", "like") for c in verb.children):
        # "As The Daily Caller reported, the creator gave ...": the main clause is what was reported.
        rng = trim(doc, *subtree_range(verb.head, skip={verb.i}))
        if rng:
            return quotes.widen(token_chars(doc, *rng), verb.idx)
    # "“...,” Ramos said, smiling": the quotation belongs to the verb the participle hangs off.
    subordinate = verb.dep_ in ("advcl", "conj", "xcomp") and cues.is_cue_verb(verb.head.lemma_.lower())
    adjacent = None if subordinate else _adjacent_quote(doc, verb, speaker, quotes)
    if adjacent or quote_only:
        return adjacent
    if _is_comment_clause(verb, cues):
        rng = clause_chars(doc, verb.head, verb, skip_self=verb.head.i < verb.i and not _mid_clause(verb))
        if rng:
            return quotes.widen(rng, verb.idx)
    if lemma in cues.as_verbs and any(c.lower_ == "as" for c in verb.rights):
        return object_content(doc, verb, quotes)
    if lemma in cues.object_verbs or not (lemma in cues.thing_object_verbs or _addressee_object(verb)):
        # "stressed his executive experience", "questioning her lead": what the verb takes is
        # what was said; "told reporters" names who heard it, not what.
        found = object_content(doc, verb, quotes)
        if found:
            return found
    return _passive_subject(doc, verb, quotes) or _following_words(doc, verb, quotes)


def _before_aside(doc: Doc, clause: Token, rng: tuple[int, int]) -> tuple[int, int]:
    """What was said ends before a comma-fenced aside that closes the clause: a participle
    ("..., arguing that ...", "..., citing ...") or a non-restrictive relative clause ("...,
    which lets the rest off the hook"): the writer's addition, not the speaker's words."""
    end = rng[1]
    for tok in clause.subtree:
        aside = (tok.dep_ == "advcl" and tok.tag_ == "VBG") or (
            tok.dep_ == "relcl" and tok.left_edge.lower_ in ("which", "who")
        )
        if not aside or tok.left_edge.i == 0 or doc[tok.left_edge.i - 1].text != ",":
            continue
        last = tok.right_edge
        if last.idx + len(last.text) < rng[1] - 1 and not all(t.is_punct for t in doc[last.i + 1 : clause.right_edge.i + 1]):
            continue  # not the clause's end
        cut = trim(doc, clause.left_edge.i, tok.left_edge.i - 1)
        if cut is not None:
            end = min(end, token_chars(doc, *cut)[1])
    return (rng[0], end) if rng[0] < end else rng


def _first_report(verb: Token, cues: ClaimCues) -> Token | None:
    """The cue verb whose reported clause the parser hung ``verb`` on, when ``verb`` is the
    same speaker's next report: "China said it was opposed to the test and warned ...", "He
    said he did not believe it, arguing that ..."."""
    clause = verb.head
    if clause.dep_ != "ccomp" or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    if not cues.is_cue_verb(verb.lemma_.lower()) or not cues.is_cue_verb(clause.head.lemma_.lower()):
        return None
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        start = verb.left_edge.i
        return clause.head if start > 0 and verb.doc[start - 1].text == "," else None
    # In the tense of the first report ("said ... and warned"); "said Russia would attack and
    # target refineries" coordinates what was said, under "would".
    if verb.dep_ != "conj" or verb.tag_ != clause.head.tag_ or verb.tag_ in ("VB", "VBG", "VBN"):
        return None
    return clause.head if any(c.dep_ == "cc" and c.i < verb.i for c in clause.children) else None


def _before_second_report(doc: Doc, clause: Token, rng: tuple[int, int], cues: ClaimCues) -> tuple[int, int]:
    """"China said it was opposed to the test and warned Pyongyang ...": the parser may hang
    the speaker's next report (a cue verb with no subject of its own, after "and") on the
    reported clause; what was said ends before it, and the next report is a claim of its own."""
    for conj in clause.rights:
        if conj.dep_ != "conj" or _first_report(conj, cues) is None:
            continue
        cc = [c for c in clause.children if c.dep_ == "cc" and c.i < conj.i]
        cut = trim(doc, clause.left_edge.i, min([conj.left_edge.i] + [c.i for c in cc]))
        if cut is not None:
            end = token_chars(doc, *cut)[1]
            if rng[0] < end < rng[1]:
                return (rng[0], end)
    return rng


def _words_said(doc: Doc, verb: Token, quotes: QuoteIndex) -> tuple[int, int] | None:
    """"Clinton Says Russians Hacked DNC": the parser reads a headline's clause as an object or
    an infinitive; after a saying verb it can only be what was said."""
    rights = [c for c in verb.rights if c.dep_ in ("dobj", "xcomp", "attr", "oprd")]
    if not rights or rights[0].left_edge.i != verb.i + 1 or _in_quote(rights[0], quotes):
        return None
    rng = trim(doc, verb.i + 1, max(subtree_range(c)[1] for c in rights))
    if rng is None or rng[1] - rng[0] < 2:
        return None
    return quotes.widen(token_chars(doc, *rng), verb.idx)


def _following_words(doc: Doc, verb: Token, quotes: QuoteIndex) -> tuple[int, int] | None:
    """Last resort for a parse that hides the complement ("noting that at one point ...", with
    "that" read as a preposition): the words right after the verb, to the end of its subtree."""
    rights = [c for c in verb.rights if c.dep_ in ("prep", "ccomp", "dobj", "attr", "xcomp", "oprd")]
    if not rights or rights[0].left_edge.i > verb.i + 2 or rights[0].lower_ not in ("that", "whether", "if", "how", "why", "what"):
        return None
    end = max(subtree_range(c)[1] for c in rights)
    rng = trim(doc, rights[0].left_edge.i, end)
    if rng is None or rng[1] - rng[0] < 3:
        return None
    return quotes.widen(token_chars(doc, *rng), verb.idx)


def _addressee_object(verb: Token) -> bool:
    obj = next((c for c in verb.rights if c.dep_ in ("dobj", "dative")), None)
    if obj is None:
        return True
    if obj.lower_ in ("him", "her", "them", "me", "us", "you", "it", "reporters", "journalists"):
        return True
    # Only an entity holding the object can be headed by it: that test first, ``Span.root`` is slow.
    return any(e.start <= obj.i < e.end and e.label_ in ("PERSON", "NORP", "ORG", "GPE") and e.root.i == obj.i
               for e in doc_ents(verb.doc))


def _passive_subject(doc: Doc, verb: Token, quotes: QuoteIndex) -> tuple[int, int] | None:
    """"Cruz was endorsed by Fiorina": with an agent, the passive subject is what was said of."""
    if not any(c.dep_ == "agent" for c in verb.children):
        return None
    subj = next((c for c in verb.lefts if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.lower_ in _RELATIVE:
        return None
    rng = trim(doc, *subtree_range(subj))
    return quotes.widen(token_chars(doc, *rng), verb.idx) if rng else None


def _is_comment_clause(verb: Token, cues: ClaimCues) -> bool:
    """"Russia will stay, he said." / "The hashtag, he said, was popular": a reporting clause set
    off by a comma, hanging off the clause it reports (not a complement of another cue verb)."""
    head = verb.head
    if head.i == verb.i or verb.dep_ not in ("parataxis", "ccomp", "advcl", "conj"):
        return False
    if verb.dep_ == "conj" and (head.i > verb.i or any(c.dep_ == "cc" and c.i < verb.i for c in head.children)):
        return False  # "X remains, his aide told Y" is read as a conjunct; "X and told Y" is one
    if any(c.dep_ == "mark" for c in verb.children):
        return False
    if verb.dep_ != "parataxis" and cues.is_cue_verb(head.lemma_.lower()):
        return False  # "..., adding that ...": a complement of another cue, found from it
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False  # "..., revealing ...": a participle comments on nothing it was told
    doc = verb.doc
    words = [t.i for t in verb.subtree if not t.is_punct]
    before, after = min(words) - 1, max(words) + 1
    if before < token_sentence(verb).start or doc[before].text not in (",", "—", "–", "”", '"', "’"):
        return False
    # Mid-sentence ("The hashtag, he said, was popular") the comment is fenced by commas.
    return head.i < verb.i or (after < len(doc) and doc[after].text in (",", "—", "–"))


def _mid_clause(verb: Token) -> bool:
    """"It was, he said, one of the bitterest failures": a comment fenced by commas inside the
    clause it reports, which goes on after it (not "..., he said, and then ..." or a new clause)."""
    doc = verb.doc
    after = max(t.i for t in verb.subtree if not t.is_punct) + 1
    if after + 1 >= len(doc) or doc[after].text not in (",", "—", "–"):
        return False
    nxt = doc[after + 1]
    return nxt.head.i == verb.head.i and nxt.dep_ not in ("cc", "conj", "advcl", "parataxis") or (
        nxt.head.head.i == verb.head.i and nxt.head.dep_ in ("attr", "acomp", "dobj", "oprd", "xcomp", "ccomp")
    )


def _adjacent_quote(
    doc: Doc, verb: Token, speaker: tuple[int, int], quotes: QuoteIndex
) -> tuple[int, int] | None:
    text = doc_text(doc)
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
