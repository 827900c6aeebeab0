"""Keep sentences that cannot hold an event or a claim out of the statistical pipeline.

A sentence with no quotation mark, no capitalised content word (no name of a person, place
or organisation), no reporting cue, no sector noun ("police", "troops") and no pronoun
cannot give an event (which needs an actor) or a claim (which needs a cue or a quotation).
Such sentences are blanked (letters to spaces, line breaks kept) in the text given to spaCy,
so its tagger, parser and NER see one whitespace token where the sentence was. The parse is
then rebuilt over the original text (``rebuild``): kept tokens keep every annotation, the
blanked sentence's words come back as plain tokens attached to the word before them. So
``doc.text == article.text`` and every offset still maps to ``Article.text`` exactly.

The test is deliberately generous (capitalised words and pronouns keep a sentence: the full
name a later pronoun refers back to sits in a sentence that is kept); see
``benchmarks/throughput.py`` for the share of words it drops on PolNeAR.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.errors import DictionaryError

_WORD = re.compile(r"[^\W\d_][\w'’\-.]*")
# A sentence ends at . ! ? (and a closing quote or bracket) before a space, or at a line break.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)\]]*[ \t]+|\n+")


@dataclass(frozen=True, slots=True)
class KeepRules:
    words: frozenset[str]  # lower-case forms that keep a sentence (cues, sector nouns, pronouns)
    function_words: frozenset[str]  # capitalised at a sentence start, these are not names
    names: frozenset[str]  # lower-case one-word country names, adjectives and capitals
    quote_marks: str


def _forms(lemma: str) -> set[str]:
    """Regular inflections of an English verb or noun lemma."""
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        out.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouywx" and lemma[-2] in "aeiou":
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "admit" -> "admitted"
    return out


def keep_rules(cue_words: Iterable[str], sector_words: Iterable[str], names: Iterable[str],
               function_words: Iterable[str]) -> KeepRules:
    """The rules from the word lists the other stages know, handed over by the wiring
    (``stages.prefilter_rules``) so that this lowest floor imports no stage and reads no other
    stage's files: the lemmas of the claim cues, the sector nouns of the actor dictionary (phrases:
    their last word), its one-word country names, adjectives and capitals, and the English function
    words of the article reader's language check."""
    where = "wirewatch/nlp/data/prefilter.yaml"
    try:
        data = yaml.safe_load(resources.files("wirewatch.nlp.data").joinpath("prefilter.yaml").read_text("utf-8"))
        pronouns, irregular, quotes = data["pronouns"], data["irregular_forms"], data["quote_marks"]
    except (KeyError, TypeError, yaml.YAMLError) as exc:
        raise DictionaryError(where, f"expected lists 'pronouns', 'irregular_forms', 'quote_marks' ({exc})") from exc
    words: set[str] = {w.lower() for w in [*pronouns, *irregular]}
    for lemma in cue_words:
        words |= _forms(lemma.lower())
    for phrase in sector_words:
        words |= _forms(phrase.split()[-1].lower())
    closed = frozenset(w.lower() for w in function_words)
    one_word_names = frozenset(n.lower() for n in names if " " not in n)
    return KeepRules(frozenset(words - closed), closed, one_word_names, "".join(quotes))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Cheap sentence boundaries: character ranges of the non-blank pieces between breaks."""
    spans, start = [], 0
    for brk in _BOUNDARY.finditer(text):
        if brk.start() > start:
            spans.append((start, brk.start()))
        start = brk.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def can_hold_event_or_claim(sentence: str, rules: KeepRules, proper: frozenset[str] = frozenset()) -> bool:
    """``proper``: words the article capitalises mid-sentence (so names, when one opens a sentence)."""
    if any(mark in sentence for mark in rules.quote_marks):
        return True
    words = _WORD.findall(sentence)
    for n, word in enumerate(words):
        lower = word.lower()
        if lower in rules.words:
            return True
        if not word[0].isupper():
            continue
        if n > 0:
            return True
        # A capital opening a sentence says nothing by itself ("Prices rose"): a name is one
        # the article writes capitalised elsewhere too, a country, or one followed by a name.
        if lower in proper or lower in rules.names:
            return True
        if len(words) > 1 and words[1][0].isupper():
            return True
    return False


def _mid_sentence_capitals(text: str, spans: list[tuple[int, int]]) -> frozenset[str]:
    found: set[str] = set()
    for start, end in spans:
        words = _WORD.findall(text, start, end)
        found.update(w.lower() for w in words[1:] if w[0].isupper())
    return frozenset(found)


def droppable(text: str, rules: KeepRules) -> list[tuple[int, int]]:
    """Character ranges of the sentences of ``text`` that cannot hold an event or a claim.

    Sentences inside a quotation that runs over several sentences are kept (they are part of
    a claim's content even without a quotation mark of their own).
    """
    out: list[tuple[int, int]] = []
    in_quote = False
    spans = sentence_spans(text)
    proper = _mid_sentence_capitals(text, spans)
    for start, end in spans:
        sentence = text[start:end]
        opened = sum(sentence.count(m) for m in ('"', "“", "«", "„")) - sentence.count("”") - sentence.count("»")
        straight = sentence.count('"')
        if not in_quote and not can_hold_event_or_claim(sentence, rules, proper):
            out.append((start, end))
        # Straight quotes alternate; curly ones say which way they go.
        in_quote = (in_quote ^ bool(straight % 2)) if straight else (in_quote or opened > 0) and opened >= 0
    return out


def blank(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with the letters of ``ranges`` turned to spaces (line breaks kept): same length."""
    chars = list(text)
    for start, end in ranges:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def rebuild(parsed: Doc, text: str, ranges: list[tuple[int, int]], nlp: Language) -> Doc:
    """A Doc over ``text`` from ``parsed`` (the parse of ``blank(text, ranges)``)."""
    if not ranges:
        return parsed
    dropped = [False] * (len(text) + 1)
    for start, end in ranges:
        for i in range(start, end):
            dropped[i] = True
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    pos: list[str] = []
    morphs: list[str] = []
    lemmas: list[str] = []
    deps: list[str] = []
    heads: list[int | None] = []
    ents: list[str] = []
    new_index: dict[int, int] = {}

    def add_plain(token_text: str, space: bool, is_space: bool) -> None:
        words.append(token_text)
        spaces.append(space)
        tags.append("_SP" if is_space else "XX")
        pos.append("SPACE" if is_space else "X")
        morphs.append("")
        lemmas.append(token_text if is_space else token_text.lower())
        deps.append("dep")
        heads.append(None)  # the word before it, filled in below
        ents.append("O")

    position = 0
    for token in parsed:
        if token.idx < position:
            continue
        blanked = token.is_space and any(dropped[token.idx : token.idx + len(token)])
        if blanked:
            continue
        if token.idx > position:  # a gap holding blanked text: the original words, re-tokenized
            for piece in nlp.tokenizer(text[position : token.idx]):
                add_plain(piece.text, bool(piece.whitespace_), piece.is_space)
        new_index[token.i] = len(words)
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
        tags.append(token.tag_)
        pos.append(token.pos_)
        morphs.append(str(token.morph))
        lemmas.append(token.lemma_)
        deps.append(token.dep_)
        heads.append(token.head.i)  # an old index, mapped below
        ents.append(f"{token.ent_iob_}-{token.ent_type_}" if token.ent_iob_ in ("B", "I") else "O")
        position = token.idx + len(token.text_with_ws)
    if position < len(text):
        for piece in nlp.tokenizer(text[position:]):
            add_plain(piece.text, bool(piece.whitespace_), piece.is_space)
    final_heads: list[int] = []
    for i, head in enumerate(heads):
        if head is None or head not in new_index:  # re-tokenized word, or a head that was blanked
            final_heads.append(i - 1 if i > 0 else i)
            if i == 0:
                deps[i] = "ROOT"
        else:
            final_heads.append(new_index[head])
    doc = Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs, lemmas=lemmas,
              heads=final_heads, deps=deps, ents=ents)
    if doc.text != text:  # would break every offset: refuse loudly rather than mislead
        raise ValueError("prefilter rebuild changed the article text")
    return doc


def parse(nlp: Language, texts: list[str], batch_size: int, rules: KeepRules) -> list[Doc]:
    """``nlp.pipe`` over ``texts`` with droppable sentences kept out of it; docs over the original texts."""
    ranges = [droppable(t, rules) for t in texts]
    docs = nlp.pipe((blank(t, r) if r else t for t, r in zip(texts, ranges, strict=False)), batch_size=batch_size)
    return [rebuild(doc, t, r, nlp) for doc, t, r in zip(docs, texts, ranges, strict=False)]
