"""Who is paired with whom in an event: reciprocal events, and targets the verb's own slots miss.

Reciprocal events. CAMEO codes "Obama met Abe" as two directed events (USA->JPN and JPN->USA);
PLOVER 2.0 lists both as actors with no recipient. We keep CAMEO's two directed events, which any
dyadic table can count, and mark them ``reciprocal`` in the rule so that a PLOVER view (and the
GSR evaluation) can fold them into one actor list. An event is reciprocal when its pattern says so
(meet, negotiate, telephone, sign an agreement *with*), or when two or more states are the subject
of a cooperative verb with nobody else named ("Hungarian and Romanian officials agreed"), unless the
act is aimed at a third party ("France and Germany praised the decision": each praises, no target).

Fallback targets, tried in order when the verb's slots name no actor:

1. the target of the act the verb governs: "threatened to shell Iraqi towns" -> IRQ;
2. the subject of a condition on it: "threatened to stop talks if the United States ..." -> USA;
3. an object pronoun's antecedent, also after the pattern's preposition ("when Idi Amin expelled
   them" -> the British nationals before; "will meet with him");
   else an uncoded title or group in a target slot (or in the slots of the act the verb is done
   for: "opened fire to disperse demonstrators"), placed in the one country the sentence is about:
   "demanding that President Mugabe abandon ..." in a sentence about Zimbabwe -> ZWEGOV;
4. for a domestic protest, repression or concession with nobody named, the state's authorities
   or population (``DOMESTIC_RECIPIENTS``), marked as implicit in the target text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from wirewatch.events.arguments import MentionIndex, actor_key, domestic_actor, target_mentions
from wirewatch.events.codes import CameoCode
from wirewatch.events.modality import ModalityCues
from wirewatch.events.patterns import DEFAULT_TARGETS, VerbPattern
from wirewatch.nlp.doc_sents import token_sentence
from wirewatch.records import ActorMention

# Roots whose event two subjects do together ("X and Y agreed / held talks / cooperated").
MUTUAL_ROOTS = {"03", "04", "05", "06"}
# ... except acts aimed at a third party: "France and Germany praised the decision" is no praise of
# each other (praise, defend, rally support, recognise, apologise, forgive).
JOINT_NOT_MUTUAL = ("051", "052", "053", "054", "055", "056")

# Whom a domestic event with no named recipient is aimed at: protests at the state's authorities,
# repression and eased restrictions (080-081, not a resignation or a retreat) at its population;
# the PLOVER GSR codes both with the country. Keys are CAMEO code prefixes.
# A refusal or a demand gets no such target: whom it is aimed at is whoever the sentence names (the
# "other side at home" was a guess that put "(RUS population)" on a spokeswoman's appeal to UN agencies).
DOMESTIC_RECIPIENTS = {"14": "GOV", "17": "CVL", "080": "CVL", "081": "CVL"}
STATE_SECTORS = {"GOV", "JUD", "LEG", "COP", "MIL", "SPY"}

Pair = tuple[ActorMention | None, ActorMention | None, bool]


def actor_pairs(sources: list[ActorMention], targets: list[ActorMention], code: CameoCode,
                pattern: VerbPattern) -> list[Pair]:
    """(source, target, reciprocal) for every event the verb yields."""
    # Only the act itself is mutual: an offer or a demand to meet ("offered to negotiate with X") is not.
    as_coded = code.code == pattern.code
    if pattern.reciprocal and as_coded and sources and targets:
        pairs: list[Pair] = []
        for s in sources:
            for t in targets:
                pairs.append((s, t, True))
                pairs.append((t, s, True))
        return pairs
    countries = {m.country or m.code for m in sources if m.code}
    mutual_root = code.root in MUTUAL_ROOTS and not code.code.startswith(JOINT_NOT_MUTUAL)
    if not targets and len(countries) >= 2 and ((pattern.reciprocal and as_coded) or mutual_root):
        return [(a, b, True) for a in sources for b in sources
                if a is not b and (a.country or a.code) != (b.country or b.code)]
    # A side with no actor is one pair with None there: an event may lack its source or target.
    either_sources: list[ActorMention | None] = list(sources) or [None]
    either_targets: list[ActorMention | None] = list(targets) or [None]
    return [(s, t, False) for s in either_sources for t in either_targets]


def _governed(verb: Token) -> list[Token]:
    """The verbs an event verb governs through "to" ("threatened to shell", "prepared to resume shelling")."""
    out: list[Token] = []
    # "threatened to shell", "opened fire to disperse", "weapons to use against ..."
    stack = [c for c in verb.children if c.dep_ == "xcomp" or (c.dep_ == "advcl" and _infinitive(c))]
    stack += [a for o in verb.children if o.dep_ == "dobj" for a in o.children if a.dep_ in ("acl", "relcl")
              and _infinitive(a)]
    while stack and len(out) < 4:
        tok = stack.pop(0)
        out.append(tok)
        # "to unite and mobilise against X": conjoined acts share the governing verb
        stack.extend(c for c in tok.children if c.dep_ in ("xcomp", "dobj", "pcomp", "conj") and c.pos_ in ("VERB", "NOUN"))
    return out


def _infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def governs_act(verb: Token) -> bool:
    """Does the verb take an act rather than an object ("refused to meet X", "threatened to shell X")?"""
    return any(c.dep_ == "xcomp" for c in verb.children) and not any(
        c.dep_ in ("dobj", "dative") for c in verb.children)


def governed_targets(verb: Token, index: MentionIndex, exclude: set[str],
                     governed_purpose: bool = True) -> list[ActorMention]:
    """The target of the first act the verb governs that names one (with ``governed_purpose``, also
    an act of purpose: "opened fire to disperse demonstrators")."""
    for governed in _governed(verb):
        if governed.pos_ != "VERB" or (governed.dep_ != "xcomp" and not governed_purpose):
            continue
        found, _ = target_mentions(governed, DEFAULT_TARGETS, index, exclude)
        if found:
            return found
    return []


_OBJECT_PRONOUNS = {"them": "plural", "him": "person", "her": "person"}


def pronoun_target(verb: Token, index: MentionIndex, exclude: set[str],
                   slots: tuple[str, ...] = ()) -> ActorMention | None:
    """The antecedent of an object pronoun ("when Idi Amin expelled them" -> the British nationals
    named before): the nearest coded actor before it in this or the previous sentence that is not the
    source, a person for "him"/"her", a group or state for "them"."""
    # the object, or the object of a preposition the pattern takes ("will meet with him")
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    objects += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in slots for p in c.children if p.dep_ == "pobj"]
    pronoun = next((c for c in objects if c.lower_ in _OBJECT_PRONOUNS), None)
    if pronoun is None:
        return None
    want = _OBJECT_PRONOUNS[pronoun.lower_]
    doc = verb.doc
    start = token_sentence(verb).start
    if start > 0:
        start = token_sentence(doc[start - 1]).start
    seen: set[str] = set()
    for i in range(pronoun.i - 1, start - 1, -1):
        m = index.by_token.get(i)
        if m is None or not m.code or m.mention_id in seen:
            continue
        seen.add(m.mention_id)
        if actor_key(m) in exclude:
            continue
        if (want == "person") == (m.kind == "person"):
            return m
    return None


def _condition_subjects(verb: Token, cues: ModalityCues) -> list[Token]:
    """Subjects of "if"/"unless" clauses on the verb or on the verbs it governs."""
    conditional = cues["conditional"]
    heads = [verb, *_governed(verb)]
    out: list[Token] = []
    for head in heads:
        for clause in head.children:
            if clause.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in conditional
                                                 for m in clause.children):
                continue
            out.extend(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
    return out


def _implicit_target(verb: Token, code: CameoCode, sources: list[ActorMention],
                     index: MentionIndex) -> ActorMention | None:
    """The state a domestic protest, repression or concession is aimed at when nobody is named:
    "Egyptian demonstrators rioted" (at the Egyptian authorities), "Nigerian authorities jailed 52
    members ..." (people of Nigeria). Only when the sentence names no other country."""
    sector = next((v for k, v in DOMESTIC_RECIPIENTS.items() if code.code.startswith(k)), None)
    countries = {m.country for m in sources if m.country}
    if sector is None or len(countries) != 1:
        return None
    state = any(m.sector in STATE_SECTORS or m.sector is None for m in sources)
    if sector == "CVL" and not state:
        return None  # only a state represses or relents towards its population
    country = next(iter(countries))
    sent = token_sentence(verb)
    named = {m.country for i, m in index.by_token.items() if m.country and sent.start <= i < sent.end}
    if named - {country}:
        return None
    source = sources[0]
    return replace(source, mention_id=f"{source.mention_id}:implicit", code=f"{country}{sector}", sector=sector,
                   kind="state", name=None, text=f"({country} {'authorities' if sector == 'GOV' else 'population'})",
                   state_media=False)


def fallback_targets(verb: Token, code: CameoCode, slots: tuple[str, ...], index: MentionIndex,
                     exclude: set[str], sources: Sequence[ActorMention] = (), *,
                     cues: ModalityCues) -> list[ActorMention]:
    """Targets found beyond the verb's own slots (see the module docstring), or none."""
    # A purpose says whom force is aimed at; a resignation "to allow elections" is aimed at nobody.
    found = governed_targets(verb, index, exclude, governed_purpose=code.root not in ("08",))
    if found:
        return found
    for subject in _condition_subjects(verb, cues):
        found = [m for m in index.in_phrase(subject) if m.code and actor_key(m) not in exclude]
        if found:
            return found
        placed = [p for m in index.in_phrase(subject) if (p := domestic_actor(m, verb, index)) is not None]
        if placed:
            return placed
    referent = pronoun_target(verb, index, exclude, slots)
    if referent is not None:
        return [referent]
    uncoded, _ = target_mentions(verb, slots, index, exclude, coded=False)
    for governed in _governed(verb) if not uncoded and code.root not in ("08",) else ():
        uncoded, _ = target_mentions(governed, DEFAULT_TARGETS, index, exclude, coded=False)
        if uncoded:  # "opened fire to disperse demonstrators"
            break
    placed = [p for m in uncoded[:1] if (p := domestic_actor(m, verb, index)) is not None]
    placed = [p for p in placed if actor_key(p) not in exclude]
    if placed:
        return placed
    implicit = _implicit_target(verb, code, list(sources), index)
    return [implicit] if implicit is not None and actor_key(implicit) not in exclude else []
