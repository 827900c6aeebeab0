"""Actor mentions: dictionary hits grouped by noun phrase and resolved to codes.

1. dictionary hits (names, adjectives, capitals, seats, people, organisations, sector words);
2. hits are grouped by the noun they modify ("Venezuelan" + "army" -> one phrase);
3. each phrase resolves to a code: a person or organisation wins; otherwise country + sector;
4. NER people and organisations the dictionary does not know become uncoded mentions;
5. nobody named in a dateline or wire credit ("KIEV, Ukraine (Reuters) -") is an actor
   (``actors.datelines``);
6. coreference: appositions ("an official, General X"), definite descriptions ("the
   Ukrainian official", "the Russian leader": the person the article's coreference in
   ``actors.coreference`` links them to, else the latest person from that country) and later
   surnames ("Algerian President Abdelaziz Bouteflika ... Bouteflika said") take the name and
   code of the person they refer to, and a bare title ("the president") the latest person named
   with that title; a surname the dictionary knows as someone famous is the article's own person
   when the article names another of that surname in full. Pronouns ("he said") are resolved by
   the event coder through the same coreference (``events.arguments.earlier_subject``).

``resolve_span`` resolves any span on its own (used by the claims stage for speakers).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from wirewatch.actors.coreference import CoreferenceKnowledge, article_coreference
from wirewatch.actors.datelines import dateline_spans, in_dateline
from wirewatch.actors.dictionary import ActorDictionary
from wirewatch.actors.matching import (
    ADJECTIVE,
    CAPITAL,
    COUNTRY,
    ORGANISATION,
    PERSON,
    SEAT,
    SECTOR,
    Hit,
    term_matcher,
)
from wirewatch.media.credits import MediaKnowledge
from wirewatch.nlp.doc_ents import doc_ents
from wirewatch.records import ActorMention, Article, stable_id

# Dependencies by which a modifier belongs to the noun phrase of its head.
_PHRASE_DEPS = {"compound", "amod", "poss", "nmod", "conj", "appos_title"}
# The sector of political parties (CAMEO PTY), whose names several countries' parties share.
PARTY = "PTY"
# Roles in which a capital city stands for its government ("Moscow sent ..."), as CAMEO codes it.
_ACTING_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj_agent", "iobj"}


@dataclass(frozen=True, slots=True)
class Resolution:
    code: str | None
    name: str | None
    country: str | None
    sector: str | None
    kind: str | None
    state_media: bool = False


def article_date(article: Article) -> date:
    """The date leaders' terms are read at: the article's publication date, else today."""
    raw = (article.published_at or "")[:10]
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return date.today()


def _phrase_head(token: Token, sector_tokens: frozenset[int] = frozenset()) -> Token:
    """Climb from a modifier to the noun it modifies ("Venezuelan" -> "army", "of Venezuela" -> "army")."""
    for _ in range(8):
        head, dep = token.head, token.dep_
        if head == token:
            break
        if dep == "pobj":  # "the army of Venezuela": of -> army (but "dozens of activists" stay activists)
            if token.i in sector_tokens or head.lower_ != "of" or head.head.pos_ not in ("NOUN", "PROPN"):
                break
            token = head.head
        elif dep == "conj" and _modifier(token) and _modifier(head) and (head.pos_ == "ADJ" or _first_conjunct(head).dep_ == "amod"):
            # "Hungarian and Romanian officials"; "Chinese, Japanese, and South Korean officials", where
            # the parser tags demonyms PROPN: each conjunct modifies the head noun, one country apiece
            token = head
        elif dep in _PHRASE_DEPS and dep != "conj" and head.pos_ in ("NOUN", "PROPN"):
            token = head
        else:
            break
    return token


def _modifier(token: Token) -> bool:
    return token.pos_ in ("ADJ", "PROPN")


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


# Sector words that, right before another office, only say its rank.
_RANKS = {"deputy"}


def _pick_sector(hits: list[Hit], dictionary: ActorDictionary, doc: Doc) -> tuple[str | None, list[Hit]]:
    """The sector of a phrase: a specific sector word beats a generic person noun ("intelligence official")."""
    sectors = [h for h in hits if h.kind == SECTOR]
    if not sectors:
        return None, []
    specific = [h for h in sectors if doc[h.start:h.end].text.lower() not in dictionary.generic_words
                and doc[h.start:h.end].lemma_.lower() not in dictionary.generic_words]
    # "deputy" before another office is its rank, not a legislator: "the deputy foreign minister" is GOV
    ranked = [h for h in specific if not (doc[h.start:h.end].text.lower() in _RANKS
                                          and any(o.start == h.end for o in sectors))]
    chosen = (ranked or specific or sectors)[0]
    return chosen.key, sectors


def _resolve_hits(hits: list[Hit], head: Token, dictionary: ActorDictionary, when: date,
                  doc: Doc) -> list[tuple[Resolution, int, int]]:
    """Resolve the hits of one phrase into (resolution, start, end) token ranges."""
    people = [h for h in hits if h.kind == PERSON]
    orgs = [h for h in hits if h.kind == ORGANISATION]
    places = [h for h in hits if h.kind in (COUNTRY, ADJECTIVE, CAPITAL, SEAT)]
    sector, sector_hits = _pick_sector(hits, dictionary, doc)
    out: list[tuple[Resolution, int, int]] = []
    for h in people:
        p = dictionary.people[h.key]
        psector = p.sector_on(when)
        code = p.code or f"{p.country}{psector}"
        start = min([h.start] + [s.start for s in sector_hits if s.end <= h.start])
        out.append((Resolution(code, p.name, p.country, None if p.code else psector, "person"), start, h.end))
    for h in orgs:
        o = dictionary.organisations[h.key]
        home = [dictionary.countries[p.key] for p in places if p.key in dictionary.countries]
        if o.sector == PARTY and home and home[0].iso3 != o.country:
            # party names are shared across countries ("Italy's Democratic Party", "Australian
            # Labor"): the country the phrase names is the party's
            iso3 = home[0].iso3
            out.append((Resolution(f"{iso3}{PARTY}", None, iso3, PARTY, o.kind), h.start, h.end))
            continue
        out.append((Resolution(o.code, o.name, o.country, o.sector, o.kind, o.state_media), h.start, h.end))
    if out:
        return out
    person_ent = head.ent_type_ == "PERSON" and head.pos_ == "PROPN"
    if not places:
        # No country: still a known kind of actor ("President Laurent Gbagbo", "riot police"),
        # uncoded, so later stages can place it from context.
        if sector is None:
            return []
        covered = list(sector_hits)
        name = None
        if person_ent:
            ent = next((e for e in doc_ents(doc) if e.start <= head.i < e.end), None)
            if ent is not None:
                name = ent.text
                covered.append(Hit(ent.start, ent.end, PERSON, ent.text))
        elif not any(h.start <= head.i < h.end for h in sector_hits):
            return []  # the sector word only modifies something else ("military education")
        start, end = min(x.start for x in covered), max(x.end for x in covered)
        return [(Resolution(None, name, None, sector, "person" if person_ent else None), start, end)]
    # "Bosnian Serbs", "Croatian Serb refugees": the group's own name is its ethnicity, the modifier
    # the state it belongs to, as CAMEO and the PLOVER GSR code it.
    outer = [h for h in places if not (h.start <= head.i < h.end)]
    group: list[Hit] = []  # the ethnic name the phrase is headed by, still part of the mention's span
    if len(outer) < len(places) and outer and all(h.kind == ADJECTIVE for h in places):
        group = [h for h in places if h not in outer]
        places = outer[:1]
    # "anti-Syria journalist", "pro-Russian separatists": what they are for or against, not where from.
    places = [h for h in places if not _stance(doc, h)]
    if not places and sector is None:
        return []
    # "ethnic Albanians": an ethnic group, not the state; it is placed where the text puts it.
    ethnic = [h for h in places if h.kind == ADJECTIVE and _ethnic(doc, h)]
    if ethnic and len(ethnic) < len(places):  # "Macedonian and ethnic Albanian parties": the state's
        places = [h for h in places if h not in ethnic]
    elif ethnic or not places:
        anchor = ethnic[0] if ethnic else min(sector_hits, key=lambda x: x.start)
        start = min([anchor.start - (1 if ethnic else 0)] + [x.start for x in sector_hits])
        end = max([anchor.end] + [x.end for x in sector_hits])
        return [(Resolution(None, doc[start:end].text, None, sector or "CVL", None), start, end)]
    for h in places:
        c = dictionary.countries[h.key]
        s = sector
        if s is None and h.kind == SEAT:
            s = "GOV"
        if s is None and h.kind == CAPITAL and _acting(doc[h.start:h.end].root):
            s = "GOV"
        kind = "person" if person_ent else "state"
        name = None
        start, end = h.start, h.end
        if len(places) == 1:  # the phrase is about this one country: it spans the sector words too
            covered = [h] + sector_hits + group
            if person_ent:
                ent = next((e for e in doc_ents(doc) if e.start <= head.i < e.end), None)
                if ent is not None:
                    name = ent.text
                    covered.append(Hit(ent.start, ent.end, PERSON, ent.text))
            start, end = min(x.start for x in covered), max(x.end for x in covered)
        name = name or (c.names[0] if c.names and s is None else None)
        out.append((Resolution(f"{c.iso3}{s or ''}", name, c.iso3, s, kind), start, end))
    return out


def _not_in_names(doc: Doc, hits: list[Hit]) -> list[Hit]:
    """Drop place names that are part of a person's name: "Michael Jordan", "Chad Johnson", "Paris
    Hilton" are people, and a person's name is never a country code. A place is part of a name when
    the parser's PERSON entity runs past it over other proper nouns; "Jordan's King Abdullah" is a
    possessive, not a name."""
    places = [h for h in hits if h.kind in (COUNTRY, CAPITAL)]
    if not places:
        return hits
    names = [e for e in doc_ents(doc) if e.label_ == "PERSON" and len(e) > 1]
    dropped = set()
    for h in places:
        if h.end < len(doc) and doc[h.end].tag_ == "POS":
            continue
        for e in names:
            others = [t for t in e if not (h.start <= t.i < h.end)]
            if e.start <= h.start and h.end <= e.end and others and all(t.pos_ == "PROPN" for t in others):
                dropped.add(h)
    return [h for h in hits if h not in dropped]


def _not_in_places(doc: Doc, hits: list[Hit], places: frozenset[tuple[str, ...]]) -> list[Hit]:
    """Drop a country or capital read inside another place's name: "Mexico" in "New Mexico",
    "Wales" in "New South Wales" (``ActorDictionary.other_places``, as lower-case words)."""
    if not places:
        return hits
    longest = max(len(p) for p in places)
    dropped = set()
    for h in hits:
        if h.kind not in (COUNTRY, CAPITAL):
            continue
        for start in range(max(0, h.end - longest), h.start + 1):
            for end in range(h.end, min(len(doc), start + longest) + 1):
                if tuple(t.lower_ for t in doc[start:end]) in places and (start, end) != (h.start, h.end):
                    dropped.add(h)
    return [h for h in hits if h not in dropped]


def _ethnic(doc: Doc, hit: Hit) -> bool:
    """Is the demonym introduced as an ethnicity ("ethnic Albanians", "ethnic Albanian guerrillas")?"""
    return hit.start > 0 and doc[hit.start - 1].lower_ in ("ethnic", "ethnically")


# Participles after a hyphen that make the place a group's backer, not its home ("Turkish-backed").
_BACKED = {"backed", "sponsored", "supported", "funded", "financed", "trained", "armed", "allied", "aligned", "friendly"}


def _stance(doc: Doc, hit: Hit) -> bool:
    """Is the place what the phrase is for, against or backed by ("anti-Syria", "pro-Russian",
    "Turkish-backed"), not where its head is from?"""
    if hit.start >= 2 and doc[hit.start - 1].text == "-" and doc[hit.start - 2].lower_ in ("anti", "pro"):
        return True
    # "Turkish-backed militiamen", "Iranian-sponsored groups": the backer, not the group
    return hit.end + 1 < len(doc) and doc[hit.end].text == "-" and doc[hit.end + 1].lower_ in _BACKED


def _acting(token: Token) -> bool:
    dep = token.dep_
    if dep == "pobj" and token.head.lower_ == "by":
        dep = "pobj_agent"
    return dep in _ACTING_DEPS


def _other_party(doc: Doc, hit: Hit, relations: frozenset[str]) -> bool:
    """Does the hit name the other party of a relation noun it modifies ("NATO ally Germany",
    "a US ally, Qatar", "Russia's ally Syria", "Assad's allies")? A demonym describes the party itself
    ("Russian allies")."""
    if hit.kind not in (PERSON, COUNTRY, ORGANISATION, CAPITAL, SEAT):
        return False
    root = doc[hit.start:hit.end].root
    if root.dep_ not in ("compound", "poss", "nmod") or root.head.lemma_.lower() not in relations:
        return False
    if hit.kind != ORGANISATION:
        return True
    # a body's "partners" or "allies" with nobody else named are its members ("its European Community
    # partners" are the EC's); the other party only when the phrase names it ("NATO ally Germany")
    # (however the parser hangs the name: "sell NATO ally Germany drones" parses Germany as a sibling)
    relation = root.head
    named_next = relation.i + 1 < len(doc) and doc[relation.i + 1].pos_ == "PROPN"
    return relation.dep_ == "compound" or named_next or any(c.dep_ == "appos" for c in relation.children)


def _groups(doc: Doc | Span, hits: list[Hit], relations: frozenset[str] = frozenset()) -> dict[int, list[Hit]]:
    groups: dict[int, list[Hit]] = {}
    d = doc.doc if isinstance(doc, Span) else doc
    sector_tokens = frozenset(i for h in hits if h.kind == SECTOR for i in range(h.start, h.end))
    for h in hits:
        if _other_party(d, h, relations):
            continue
        head = _phrase_head(d[h.start:h.end].root, sector_tokens)
        groups.setdefault(head.i, []).append(h)
    return groups


def resolve_span(span: Span, dictionary: ActorDictionary, when: date | None = None) -> Resolution | None:
    """Resolve one span ("the Ukrainian official", "Putin", "Russia's outlet RT") on its own."""
    when = when or date.today()
    hits = term_matcher(dictionary, span.doc.vocab).hits(span)
    if not hits:
        return None
    results = _resolve_hits(hits, span.root, dictionary, when, span.doc)
    if not results:
        return None
    named = [r for r, _, _ in results if r.kind in ("person", "organisation", "outlet")]
    return named[0] if named else results[0][0]


def find_mentions(doc: Doc, article: Article, dictionary: ActorDictionary, coreference: CoreferenceKnowledge,
                  media: MediaKnowledge) -> list[ActorMention]:
    """Every actor named in ``doc`` (the parse of ``article.text``), with codes as of the article's
    date; ``coreference`` links descriptions to the people named, ``media`` knows the wire credits
    of datelines."""
    when = article_date(article)
    hits = _not_in_places(doc, _not_in_names(doc, term_matcher(dictionary, doc.vocab).hits(doc)), dictionary.other_places)
    sentence_of = {}
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sentence_of[i] = n
    found: list[tuple[Resolution, int, int, int]] = []  # resolution, start, end, head
    for head_i, group in _groups(doc, hits, dictionary.relation_words).items():
        for res, start, end in _resolve_hits(group, doc[head_i], dictionary, when, doc):
            found.append((res, start, end, head_i))
    covered = {i for _, s, e, _ in found for i in range(s, e)}
    for ent in doc_ents(doc):  # people and organisations the dictionary does not know
        if ent.label_ in ("PERSON", "ORG") and not any(i in covered for i in range(ent.start, ent.end)) \
                and any(t.pos_ == "PROPN" for t in ent):
            kind = "person" if ent.label_ == "PERSON" else "organisation"
            found.append((Resolution(None, ent.text, None, None, kind), ent.start, ent.end, ent.root.i))
    datelines = dateline_spans(article.text, media)
    if datelines:  # "BEIRUT (AP) —": where and by whom a story was filed, nobody who acts in it
        found = [f for f in found if not in_dateline(datelines, doc[f[1]].idx, doc[f[2] - 1].idx + len(doc[f[2] - 1]))]
    found.sort(key=lambda f: (f[1], f[2]))
    found = _corefer(doc, dictionary, found, coreference)
    mentions = []
    spans: set[tuple[int, int]] = set()
    for res, start, end, _ in found:
        span = doc[start:end]
        # Two hits can widen to one phrase (both halves of "Abuja Chamber of Commerce and
        # Industry" take the whole organisation name): one span is one mention, and its id
        # (made from the span) must be unique in the store. The first, sorted, resolution wins.
        if (start, end) in spans:
            continue
        spans.add((start, end))
        mentions.append(ActorMention(
            mention_id=stable_id(article.article_id, span.start_char, span.end_char),
            article_id=article.article_id,
            sentence_index=sentence_of.get(start, 0),
            char_start=span.start_char,
            char_end=span.end_char,
            text=span.text,
            code=res.code,
            name=res.name,
            country=res.country,
            sector=res.sector,
            kind=res.kind,
            state_media=res.state_media,
        ))
    return mentions


Found = list[tuple[Resolution, int, int, int]]  # resolution, start token, end token, phrase head

def _definite_title(doc: Doc, start: int, head: int, titles: frozenset[str]) -> str | None:
    """The title of "the president" / "the prime minister" (``titles`` in sectors.yaml), else None."""
    if doc[start].lower_ != "the" and not (start > 0 and doc[start - 1].lower_ == "the"):
        return None
    word = doc[head].lemma_.lower()
    return word if word in titles else None


def _article_namesake(doc: Doc, dictionary: ActorDictionary, res: Resolution, start: int, end: int,
                      coreference: CoreferenceKnowledge) -> Resolution:
    """A name the dictionary knows as someone famous is the article's own person when the
    article names another of that surname in full: "Mayor Anna Merkel ... Merkel said" is not
    Angela Merkel, nor is "Brown" after "Gov. Kate Brown" a better-known Brown. The article's
    coreference (``actors.coreference``) gives the full name it uses for the surname."""
    person = dictionary.people.get(res.name or "")
    # Any proper noun, whatever the tagger's entity label: a bare surname is often labelled a place
    # or an organisation ("accused Machado"), and the dictionary already took it for a person.
    words = [t.text for t in doc[start:end] if t.pos_ == "PROPN"]
    if person is None or not words:
        return res
    full = article_coreference(doc, coreference).full_names.get(words[-1].casefold())
    if full is None or full == person.name or full in person.aliases:
        return res
    ours = _given_names(full)
    theirs = _given_names(person.name).union(*(_given_names(a) for a in person.aliases))
    if not ours or _given_names_agree(ours, theirs):
        # "Joe"/"Joseph", "V. Putin", "Maria"/"María": the same person written another way; the
        # article's full name may carry a title the tagger took into it ("Spokeswoman Maria Zakharova")
        return res
    return Resolution(None, full, None, None, "person")


def _same_person(ours: str, theirs: str) -> bool:
    """Two writings of one name: the same surname and given names that agree ("Vladimir V. Putin",
    the article's, and "Vladimir Putin", the dictionary's)."""
    if ours == theirs:
        return True
    a, b = ours.casefold().split(), theirs.casefold().split()
    if not a or not b or a[-1] != b[-1]:
        return False
    given_a, given_b = _given_names(ours), _given_names(theirs)
    return not given_a or not given_b or _given_names_agree(given_a, given_b)


def _given_names_agree(ours: set[str], theirs: set[str]) -> bool:
    """Some given name of one is written as, or shortened to, one of the other's ("Joe"/"Joseph", "V.")."""
    return any(o.startswith(t) or t.startswith(o) for o in ours for t in theirs)


def _given_names(name: str) -> set[str]:
    """The words before the surname, case and accents folded, initials without their dot."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return {w.rstrip(".") for w in plain.split()[:-1] if w.rstrip(".")}


def _corefer(doc: Doc, dictionary: ActorDictionary, found: Found, coreference: CoreferenceKnowledge) -> Found:
    """Give descriptions of a person the person's name and code (appositions, "the <country> official")."""
    by_head = {head: i for i, (_, _, _, head) in enumerate(found)}
    out = list(found)
    people_seen: list[Resolution] = []
    by_surname: dict[str, Resolution] = {}
    titled: list[tuple[frozenset[str], Resolution]] = []  # coded people with the words of their mention
    for i, (res, start, end, head) in enumerate(found):
        if res.code is None and res.country is None and res.sector and res.kind is None:
            # "President Barack Obama ... the president held": the latest person named with that title
            title = _definite_title(doc, start, head, dictionary.title_words)
            named = next((p for words, p in reversed(titled) if title in words), None) if title else None
            if named is not None:
                out[i] = (Resolution(named.code, named.name, named.country, named.sector, "person"), start, end, head)
            elif (linked := article_coreference(doc, coreference).described(doc[head])) is not None and linked.kind == "ORG":
                # "the Russian Foreign Ministry ... the ministry said": the organisation's code
                org = next((r for r, s, e, _ in reversed(out[:i]) if r.code
                            and doc[s:e].text.removeprefix("the ").removeprefix("The ") == linked.name), None)
                if org is not None:
                    out[i] = (org, start, end, head)
            continue
        if res.kind == "person" and res.code and res.name:
            res = _article_namesake(doc, dictionary, res, start, end, coreference)
            out[i] = (res, start, end, head)
        if res.kind == "person" and res.name and not res.code:
            # "Algerian President Abdelaziz Bouteflika ... Bouteflika said": the earlier full mention
            earlier = by_surname.get(res.name.split()[-1])
            if earlier is not None:
                out[i] = (Resolution(earlier.code, earlier.name, earlier.country, earlier.sector, "person"),
                          start, end, head)
                res = out[i][0]
        if res.kind == "person" and res.name:
            people_seen.append(res)
            if res.code:
                by_surname.setdefault(res.name.split()[-1], res)
                titled.append((frozenset(t.lemma_.lower() for t in doc[start:end]), res))
            continue
        if res.kind != "state" or res.sector is None:
            continue
        head_tok = doc[head]
        # "a senior Ukraine intelligence official, General Kyrlo Budanov"
        appos = [c for c in head_tok.children if c.dep_ == "appos" and c.i in by_head]
        target = next((found[by_head[c.i]][0] for c in appos if found[by_head[c.i]][0].kind == "person"), None)
        definite = doc[start].lower_ == "the" or (start > 0 and doc[start - 1].lower_ == "the")
        if target is None and definite:
            # "the Russian leader": the person the article's coreference links the description to
            # (``actors.coreference``, the speaker resolver's answer too), when named before
            linked = article_coreference(doc, coreference).described(head_tok)
            target = next((p for p in reversed(people_seen) if linked is not None and p.name
                           and _same_person(p.name, linked.name) and p.country in (None, res.country)), None)
        if target is None and definite and head_tok.lemma_.lower() in dictionary.generic_words:
            # "the Ukrainian official": the latest person from that country named before
            target = next((p for p in reversed(people_seen) if p.country == res.country and p.name), None)
        if target is not None and not target.code:
            # "Iran's religious leader, Ayatollah Khomeini": the description codes the person it names
            merged = Resolution(res.code, target.name, res.country, res.sector, "person")
            out[i] = (merged, start, end, head)
            for c in appos:
                j = by_head[c.i]
                if found[j][0].kind == "person" and not found[j][0].code:
                    out[j] = (merged, *found[j][1:])
        elif target is not None:
            out[i] = (Resolution(target.code, target.name, target.country, target.sector, "person"), start, end, head)
    return out
