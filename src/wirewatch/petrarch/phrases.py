"""Actors and agents of a sentence found with PETRARCH dictionaries, grouped into coded noun phrases.

Actor and agent phrases are matched on the uppercased words of the sentence, longest first. Each
match belongs to the noun phrase its words hang from in the dependency parse (compounds, modifiers,
possessors, and "of/in/from" attachments: "the government of Gondor", "lawmakers in Fornost"). A
phrase's code is PETRARCH's: agent prefixes (``NGO~``) + the actor code + agent suffixes (``~GOV``);
an agent with no actor is ``---`` + its code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from wirewatch.petrarch.actors import PetrarchActorDictionary
from wirewatch.petrarch.agents import Agent, AgentDictionary
from wirewatch.records import ActorMention

# Attachments that describe the same actor: "the ambassador of Arnor", "soldiers from Gondor".
_OWNER_PREPS = {"of", "in", "from", "at"}
_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "nummod", "det", "case", "flat", "npadvmod", "quantmod"}
NULL = "---"


@dataclass(slots=True)
class Hit:
    start: int  # token index in the doc
    end: int
    code: str | None = None  # actor code
    agent: Agent | None = None


@dataclass(slots=True)
class CodedPhrase:
    head: Token
    start: int  # first token of the matched words
    end: int
    actors: list[Hit] = field(default_factory=list)
    agents: list[Hit] = field(default_factory=list)
    # Phrases conjoined inside this one's attachment ("ambassadors of Arnor, Osgiliath and Gondor"):
    # each is an actor of its own with this phrase's agents.
    siblings: list[CodedPhrase] = field(default_factory=list)
    owner: CodedPhrase | None = None

    @property
    def codes(self) -> list[str]:
        """The code, split where the actor code names several actors ("FRO/BIL/SAM")."""
        code = self.code
        if code is None:
            return []
        if "/" not in code:
            return [code]
        base = next((h.code for h in self.actors if h.code), "") or ""
        return [code.replace(base, part, 1) for part in base.split("/") if part]

    @property
    def code(self) -> str | None:
        base = next((h.code for h in self.actors if h.code), None)
        agents = self.agents if self.agents or self.owner is None else self.owner.agents
        if base is None and not agents:
            return None
        prefix = "".join(h.agent.code for h in agents if h.agent and h.agent.prefix)
        suffix = "".join(h.agent.code for h in agents if h.agent and not h.agent.prefix)
        if base is None:
            return NULL + suffix if suffix or prefix else None
        if suffix and base.endswith(suffix):  # "Gondor police" coded GONCOP already
            suffix = ""
        return prefix + base + suffix

    @property
    def has_actor(self) -> bool:
        return any(h.code for h in self.actors)


def _words(span: Span) -> tuple[list[str], list[tuple[int, int]]]:
    """The sentence's words as the dictionaries write them, each with its first and last token. An
    underscore joins words ("Dol_Amroth" is the words DOL AMROTH); a hyphenated word the tokenizer split
    is one word again ("Barad - dur" is BARAD-DUR), as CoreNLP and the dictionaries keep it."""
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    toks = list(span)
    k = 0
    while k < len(toks):
        t = toks[k]
        last = k
        while (last + 2 < len(toks) and toks[last + 1].text == "-" and not toks[last].whitespace_
               and not toks[last + 1].whitespace_ and toks[last + 2].text[:1].isalnum()):
            last += 2
        if last > k:
            words.append("".join(x.text for x in toks[k:last + 1]).upper())
            spans.append((t.i, toks[last].i))
        elif "_" in t.text and t.text.strip("_"):
            for w in (w for w in t.text.upper().split("_") if w):
                words.append(w)
                spans.append((t.i, t.i))
        else:
            words.append(t.text.upper())
            spans.append((t.i, t.i))
        k = last + 1
    return words, spans


def _match_at(words: list[str], i: int, phrase: tuple[str, ...]) -> int:
    """Words the phrase covers from ``i`` (0: no match)."""
    n = len(phrase)
    if words[i:i + n] == list(phrase):
        return n
    return 0


def find_hits(sent: Span, actors: PetrarchActorDictionary, agents: AgentDictionary, when: date | None) -> list[Hit]:
    words, spans = _words(sent)
    hits: list[Hit] = []

    def whole_tokens(i: int, n: int) -> bool:  # a phrase never covers part of a token
        return ((i == 0 or spans[i - 1][1] != spans[i][0])
                and (i + n == len(words) or spans[i + n][0] != spans[i + n - 1][1]))
    i = 0
    while i < len(words):
        best: Hit | None = None
        best_n = 0
        for phrase, entry in actors.by_first.get(words[i], ()):
            n = _match_at(words, i, phrase.words)
            if n > best_n and whole_tokens(i, n):
                best, best_n = Hit(spans[i][0], spans[i + n - 1][1] + 1, code=entry.code_on(when) or NULL), n
        for phrase_words, agent in agents.by_first.get(words[i], ()):
            n = _match_at(words, i, phrase_words)
            if n > best_n and whole_tokens(i, n):
                best, best_n = Hit(spans[i][0], spans[i + n - 1][1] + 1, agent=agent), n
        if best is not None:
            if best.code == NULL:
                best.code = None  # a known phrase with the null code: matched, so not coded from parts
            hits.append(best)
            i += best_n
        else:
            i += 1
    return hits


def mention_hits(sent: Span, mentions: list[ActorMention], taken: set[int]) -> list[Hit]:
    """Our own actor mentions in this sentence, where no PETRARCH phrase already matched."""
    out = []
    for m in mentions:
        if not m.code or not (sent.start_char <= m.char_start < sent.end_char):
            continue
        span = sent.doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
        if span is None or any(t.i in taken for t in span):
            continue
        out.append(Hit(span.start, span.end, code=m.code))
    return out


def phrase_head(token: Token, anchored: frozenset[int] = frozenset()) -> Token:
    """The head noun of the phrase ``token`` describes. An "of/in/from" attachment joins the phrase
    only when the noun it hangs from is itself an actor or agent word ("lawmakers in Fornost"), not
    for places of events ("an attack in Ithilen")."""
    seen = 0
    while seen < 8:
        seen += 1
        if (token.dep_ == "pobj" and token.head.lower_ in _OWNER_PREPS and token.head.head.i in anchored
                and token.head.head.pos_ in ("NOUN", "PROPN", "PRON")):
            token = token.head.head
        elif any(c.dep_ in ("cc", "conj") for c in token.children):
            break  # "Fornost and the evil Gondor" misparsed as a modifier: a coordination is its own phrase
        elif (token.dep_ in _MODIFIER_DEPS and token.head != token and token.head.i > token.i - 8
              and token.head.pos_ not in ("VERB", "AUX")):  # "parade" as a bare adverbial of a verb: not a modifier
            token = token.head
        elif (token.dep_ == "appos" and token.head.pos_ in ("NOUN", "PROPN")
              and not any(c.dep_ in ("cc", "conj") for c in (*token.children, *token.head.children))):
            # "Mordor, the Shire, Fornost and Bree": an apposition inside a list is a list item
            token = token.head
        else:
            break
    return token


def _textual_owners(sent: Span, groups: dict[int, CodedPhrase], owners: dict[int, int]) -> None:
    """"Lawmakers in Fornost and Gondor" parsed with Gondor joined to "Lawmakers": an actor right after
    "and"/"," that follows an attached actor ("in Fornost") shares that attachment's owner."""
    doc = sent.doc
    ends = {}
    for g in groups.values():
        for h in g.actors:
            if g.head.i not in range(h.start, h.end) and g.agents:
                ends[h.end] = g  # an actor attached to an agent phrase ends here
    for g in groups.values():
        if g.agents or g.owner is not None or g.head.i in owners or not g.actors:
            continue
        i = g.start - 1
        while i >= sent.start and doc[i].pos_ == "DET":
            i -= 1
        if i >= sent.start and doc[i].lower_ in ("and", ",", "or"):
            owner = ends.get(i)
            if owner is not None and owner is not g:
                owners[g.head.i] = owner.head.i


def coded_phrases(hits: list[Hit], sent: Span) -> list[CodedPhrase]:
    """Hits grouped by the phrase they belong to, in text order."""
    groups: dict[int, CodedPhrase] = {}
    # "of/in/from" attachments join the phrase of an agent word ("the government of Gondor"), not of
    # another actor ("warned the Gondor of the Prince of Dol Amroth": two actors)
    anchored = frozenset(i for h in hits if h.agent is not None for i in range(h.start, h.end))
    owners: dict[int, int] = {}  # phrase head -> head of the phrase it is conjoined inside
    for hit in hits:
        root = sent.doc[hit.start:hit.end].root
        head = phrase_head(root, anchored)
        if hit.agent is None and head == root and root.dep_ == "conj":
            first = root
            while first.dep_ == "conj" and first.head != first:
                first = first.head
            owner = phrase_head(first, anchored)
            if owner != first:
                owners[head.i] = owner.i
        group = groups.setdefault(head.i, CodedPhrase(head=head, start=hit.start, end=hit.end))
        group.start, group.end = min(group.start, hit.start), max(group.end, hit.end)
        (group.actors if hit.agent is None else group.agents).append(hit)
    _textual_owners(sent, groups, owners)
    for member_head, owner_head in owners.items():
        if owner_head in groups and member_head in groups:
            groups[member_head].owner = groups[owner_head]
            groups[owner_head].siblings.append(groups[member_head])
    _share_conjoined_actors(groups)
    return sorted(groups.values(), key=lambda g: g.start)


def _share_conjoined_actors(groups: dict[int, CodedPhrase]) -> None:
    """Conjoined agents share the actor that modifies their coordination: "Danish media and government"
    (DNKMED, DNKGOV), "lawmakers and officials in Fornost and Gondor" (…LEG and …GOV for both). Only
    where the actor is a modifier or attachment of the first conjunct, not its head: "Gondor and
    officials" are two actors."""
    for g in list(groups.values()):
        if g.actors or not g.agents or g.head.dep_ != "conj":
            continue
        first = g.head
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        q = groups.get(first.i)
        if q is None or not q.actors or not q.agents:
            continue
        if any(h.start <= q.head.i < h.end for h in q.actors):
            continue  # the first conjunct is itself an actor
        # "the Danish media and government": a determiner closes the first conjunct, so the actors
        # before its head are its own; attachments after it ("in Fornost") still cover both
        closed = any(c.dep_ == "det" and c.i < q.head.i for c in q.head.children)
        shared = [h for h in q.actors if not (closed and h.end <= q.head.i)]
        if not shared:
            continue
        g.actors = shared
        g.siblings.extend(CodedPhrase(head=s.head, start=s.start, end=s.end, actors=s.actors, owner=g)
                          for s in q.siblings)
