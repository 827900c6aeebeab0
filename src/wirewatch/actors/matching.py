"""Find dictionary terms in a parsed Doc: country names, adjectives, capitals, seats, people,
organisations and sector words. Returns raw hits; ``resolve`` turns them into actor mentions."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from wirewatch.actors.dictionary import ActorDictionary

# Hit kinds, in the order a phrase prefers them when it holds several.
PERSON, ORGANISATION, COUNTRY, ADJECTIVE, CAPITAL, SEAT, SECTOR = (
    "person", "organisation", "country", "adjective", "capital", "seat", "sector",
)


@dataclass(frozen=True, slots=True)
class Hit:
    start: int  # token offsets in the doc, end exclusive
    end: int
    kind: str
    key: str  # iso3, person name, organisation name or sector code


def _plural(word: str) -> str | None:
    """The plural of a demonym or sector noun ("Russian" -> "Russians"), or None when it has none."""
    low = word.lower()
    if low.endswith(("ese", "ss", "sh", "ch", "s")) or " " in low and low.endswith("s"):
        return None
    if low.endswith("man"):
        return word[:-3] + "men"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _variants(term: str) -> list[str]:
    term = term.strip()
    if term.lower().startswith("the "):
        term = term[4:]
    return [term]


class TermMatcher:
    """Two PhraseMatchers over one vocab: case-sensitive for names, lower-case for sector phrases."""

    def __init__(self, dictionary: ActorDictionary, nlp_vocab) -> None:
        self.names = PhraseMatcher(nlp_vocab, attr="ORTH")
        self.sectors = PhraseMatcher(nlp_vocab, attr="LOWER")
        self.labels: dict[int, tuple[str, str]] = {}
        # Patterns are tokenised by the same English rules as the texts they must match.
        tokenizer = English(vocab=nlp_vocab).tokenizer

        def add(matcher: PhraseMatcher, kind: str, key: str, terms: list[str]) -> None:
            label = f"{kind}|{key}"
            patterns = [tokenizer(t) for t in terms if t]
            if patterns:
                matcher.add(label, patterns)
                self.labels[nlp_vocab.strings[label]] = (kind, key)

        for c in dictionary.countries.values():
            add(self.names, COUNTRY, c.iso3, [v for n in c.names for v in _variants(n)])
            adjectives = [v for a in c.adjectives for v in _variants(a)]
            adjectives += [plural for a in adjectives if (plural := _plural(a)) and not a.isupper()]
            add(self.names, ADJECTIVE, c.iso3, adjectives)
            add(self.names, CAPITAL, c.iso3, list(c.capitals))
            add(self.names, SEAT, c.iso3, [v for s in c.seats for v in _variants(s)])
        for p in dictionary.people.values():
            add(self.names, PERSON, p.name, [p.name, *p.aliases])
        for o in dictionary.organisations.values():
            add(self.names, ORGANISATION, o.name, [v for t in (o.name, *o.aliases) for v in _variants(t)])
        by_sector: dict[str, list[str]] = {}
        for word, sector in dictionary.sector_words.items():
            forms = [word]
            if (plural := _plural(word)) is not None:
                forms.append(plural)
            by_sector.setdefault(sector, []).extend(forms)
        for sector, forms in by_sector.items():
            add(self.sectors, SECTOR, sector, forms)

    def hits(self, doc: Doc | Span) -> list[Hit]:
        doc_obj = doc.doc if isinstance(doc, Span) else doc
        spans = []
        for match_id, start, end in self.names(doc):
            span = Span(doc_obj, start, end, label=match_id)
            spans.append(span)
        names = filter_spans(spans)
        taken = {i for s in names for i in range(s.start, s.end)}
        sector_spans = [
            Span(doc_obj, s, e, label=m)
            for m, s, e in self.sectors(doc)
            if not any(i in taken for i in range(s, e))
        ]
        out = []
        for span in names + filter_spans(sector_spans):
            kind, key = self.labels[span.label]
            out.append(Hit(span.start, span.end, kind, key))
        return sorted(out, key=lambda h: (h.start, h.end))


def term_matcher(dictionary: ActorDictionary, vocab) -> TermMatcher:
    """The matcher for ``dictionary`` over ``vocab``, built once and cached on the dictionary."""
    key = id(vocab)
    matcher = dictionary._matchers.get(key)
    if matcher is None:
        matcher = dictionary._matchers[key] = TermMatcher(dictionary, vocab)
    return matcher
