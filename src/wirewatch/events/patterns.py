"""Verb patterns from ``events/data/verbs.yaml``: which verb, with which objects, codes which CAMEO event."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Token

from wirewatch.errors import DictionaryError
from wirewatch.events.codes import PLOVER_TYPES, CameoTable

VERBS_FILE = Path(__file__).parent / "data" / "verbs.yaml"
# The last three name a recipient only when nothing else does: "mediation between X and Y", "an offer
# from Afghanistan", "calls by Kofi Annan" (the author of what is rejected or answered).
DEFAULT_TARGETS = ("dobj", "iobj", "to", "with", "against", "toward", "towards", "on", "at", "for", "into", "in",
                   "ccomp", "between", "from", "by")
# Dependents that open another clause: their words belong to that clause's event, not this one.
CLAUSE_DEPS = {"ccomp", "advcl", "parataxis", "conj", "csubj", "pcomp"}
# Inside an object phrase, these dependents still belong to the object ("military aid", "number of troops").
_CORE_DEPS = {"compound", "amod", "nmod", "conj", "appos", "nummod", "poss", "npadvmod", "advmod"}
_MODIFIER_DEPS = {"compound", "amod", "nmod", "nummod", "poss", "npadvmod", "advmod", "det", "case", "punct"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
# The object word a sum of money stands for (the entity recogniser's MONEY), whatever its noun.
MONEY = "@money"
# The object word a named person stands for (the entity recogniser's PERSON) when the object is the name
# itself ("freed reporter Evan Gershkovich"), not a name modifying it ("Taylor Swift's album").
PERSON = "@person"


@dataclass(frozen=True, slots=True)
class VerbPattern:
    id: str
    verb: str  # the lemma that triggers the pattern
    extra: tuple[str, ...]  # other words of a phrasal verb ("up" in "ramp up")
    objects: tuple[str, ...]
    purpose: tuple[str, ...]
    targets: tuple[str, ...]
    code: str
    mode: str | None
    mode_set: bool  # the pattern sets (or clears) the PLOVER mode itself
    plover: str | None  # PLOVER type where PLOVER 2.0 splits the CAMEO code
    requires: tuple[str, ...]  # dependency labels of which the verb must have one ("ask" X "to" do: xcomp)
    needs_other: bool  # a meeting or a call needs someone met: a target, or two or more sources
    reciprocal: bool = False  # both sides do it to each other (meet, negotiate, sign with): two directed events
    subjects: tuple[str, ...] = ()  # lemmas of which one must be in the subject ("peacekeepers arrived")
    not_event: bool = False  # a sense of the verb that is no act on anyone ("requested anonymity"): code nothing
    # prepositions naming the doer of a passive without "by" ("diplomats expelled from Turkey")
    passive_source: tuple[str, ...] = ()
    # dependency labels of which the verb must have none ("warned that ...", not "warned Iran that ...")
    excludes: tuple[str, ...] = ()
    # the objects must be in the direct object: "put tariffs on X", not "put pressure on X over tariffs"
    direct_objects: bool = False
    # the subject must name someone (a name, a nationality, "he"/"she"): "Blinken travelled to Beijing",
    # not "we travelled to Google's offices in London"
    named_subject: bool = False

    @property
    def constrained(self) -> bool:
        return bool(self.objects or self.purpose or self.subjects)

    @property
    def specific(self) -> bool:
        return bool(self.objects or self.purpose)


@dataclass(frozen=True, slots=True)
class VerbLexicon:
    by_lemma: dict[str, tuple[VerbPattern, ...]]
    light_verbs: frozenset[str]
    intent_verbs: frozenset[str]
    intent_codes: dict[str, str]
    intent_subcodes: dict[str, str]
    demand_codes: dict[str, str]
    refusal_codes: dict[str, str]
    reporting_verbs: frozenset[str]
    contexts: dict[str, tuple[str, ...]]
    demand_nouns: frozenset[str] = frozenset()
    irregular_forms: dict[str, str] = field(default_factory=dict)  # "retook" -> "retake"
    thing_subjects: frozenset[str] = frozenset()  # "the U.S. benchmark index hit a record": no act


def _words(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DictionaryError(str(VERBS_FILE), f"{where}: {key!r} must be a list of words, got {value!r}")
    return tuple(v.strip().lower() for v in value)


def read_verb_lexicon(codes: CameoTable) -> VerbLexicon:
    """The verb patterns and their companions, read from ``VERBS_FILE`` (``Knowledge.load`` calls this
    once); each pattern's code must be in ``codes``."""
    try:
        raw = yaml.safe_load(VERBS_FILE.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DictionaryError(str(VERBS_FILE), f"not valid YAML: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("patterns"), list):
        raise DictionaryError(str(VERBS_FILE), "needs a 'patterns' list")
    by_lemma: dict[str, list[VerbPattern]] = {}
    seen: set[str] = set()
    for i, item in enumerate(raw["patterns"]):
        where = f"patterns[{i}]"
        if not isinstance(item, dict) or not item.get("id") or not item.get("verbs"):
            raise DictionaryError(str(VERBS_FILE), f"{where}: needs an 'id' and 'verbs', got {item!r}")
        pid = str(item["id"])
        where = f"patterns[{i}] ({pid})"
        if pid in seen:
            raise DictionaryError(str(VERBS_FILE), f"{where}: duplicate id")
        seen.add(pid)
        not_event = bool(item.get("not_event"))
        code = str(item.get("code", ""))
        if not_event and "code" in item:
            raise DictionaryError(str(VERBS_FILE), f"{where}: a not_event pattern codes nothing; drop its code")
        if not not_event and code not in codes:
            raise DictionaryError(str(VERBS_FILE), f"{where}: {code!r} is not a CAMEO code")
        targets = _words(item.get("target"), where, "target") or DEFAULT_TARGETS
        plover = item.get("plover")
        if plover is not None and plover not in PLOVER_TYPES:
            raise DictionaryError(str(VERBS_FILE),
                                  f"{where}: {plover!r} is not a PLOVER 2.0 type ({', '.join(PLOVER_TYPES)})")
        for phrase in _words(item["verbs"], where, "verbs"):
            verb, *extra = phrase.split()
            pattern = VerbPattern(
                id=pid, verb=verb, extra=tuple(extra),
                objects=_words(item.get("objects"), where, "objects"),
                purpose=_words(item.get("purpose"), where, "purpose"),
                targets=targets, code=code, mode=item.get("mode"), mode_set="mode" in item, plover=plover,
                requires=_words(item.get("requires"), where, "requires"), needs_other=bool(item.get("needs_other")),
                reciprocal=bool(item.get("reciprocal")),
                subjects=_words(item.get("subjects"), where, "subjects"), not_event=not_event,
                passive_source=_words(item.get("passive_source"), where, "passive_source"),
                excludes=_words(item.get("excludes"), where, "excludes"),
                direct_objects=bool(item.get("direct_objects")),
                named_subject=bool(item.get("named_subject")),
            )
            by_lemma.setdefault(verb, []).append(pattern)
    # Specific patterns first, then phrasal ones; file order within each group.
    ordered = {
        lemma: tuple(sorted(ps, key=lambda p: (not p.constrained, not p.extra)))
        for lemma, ps in by_lemma.items()
    }
    contexts = {str(k): _words(v, "contexts", str(k)) for k, v in (raw.get("contexts") or {}).items()}
    return VerbLexicon(
        by_lemma=ordered,
        light_verbs=frozenset(_words(raw.get("light_verbs"), "light_verbs", "light_verbs")),
        intent_verbs=frozenset(_words(raw.get("intent_verbs"), "intent_verbs", "intent_verbs")),
        intent_codes={str(k): str(v) for k, v in (raw.get("intent_codes") or {}).items()},
        intent_subcodes={str(k): str(v) for k, v in (raw.get("intent_subcodes") or {}).items()},
        demand_codes={str(k): str(v) for k, v in (raw.get("demand_codes") or {}).items()},
        refusal_codes={str(k): str(v) for k, v in (raw.get("refusal_codes") or {}).items()},
        reporting_verbs=frozenset(_words(raw.get("reporting_verbs"), "reporting_verbs", "reporting_verbs")),
        contexts=contexts,
        demand_nouns=frozenset(_words(raw.get("demand_nouns"), "demand_nouns", "demand_nouns")),
        irregular_forms={str(k).lower(): str(v).lower() for k, v in (raw.get("irregular_forms") or {}).items()},
        thing_subjects=frozenset(_words(raw.get("thing_subjects"), "thing_subjects", "thing_subjects")),
    )


def clause_tokens(verb: Token, skip_subjects: bool = True) -> list[Token]:
    """The tokens of ``verb``'s own clause: its subtree without subordinate clauses (and subjects)."""
    out: list[Token] = []
    stack = [c for c in verb.children]
    while stack:
        tok = stack.pop()
        if tok.dep_ in CLAUSE_DEPS and tok.pos_ in ("VERB", "AUX"):
            continue
        if skip_subjects and tok.head == verb and tok.dep_ in SUBJECT_DEPS:
            continue
        out.append(tok)
        stack.extend(tok.children)
    return sorted(out, key=lambda t: t.i)


_TIME_ENTITIES = {"DATE", "TIME"}
# First words of two-word prepositions ("out of", "away from", "back from"), parsed as a preposition
# whose object hangs on the second.
_COMPOUND_PREP_HEADS = {"out", "away", "back", "off", "up", "down"}


def object_core(verb: Token, direct_only: bool = False) -> list[Token]:
    """The verb's object phrases: direct/indirect objects, prepositional objects, their modifiers and "of" phrases."""
    children = list(verb.children)  # once: each walk of Token.children scans the verb's whole span
    deps = [c.dep_ for c in children]
    passive = "auxpass" in deps or "nsubjpass" in deps
    heads = [c for c, dep in zip(children, deps, strict=False) if dep in ("dobj", "attr", "oprd", "acomp")
             or (dep == "dative" and c.pos_ != "ADP") or (passive and dep == "nsubjpass")]
    if not direct_only:
        # A time phrase is no object: "called on X ... on March 28" is no call for a march.
        preps = [c for c, dep in zip(children, deps, strict=False) if dep in ("prep", "dative", "agent")]
        # a two-word preposition hangs its object on its second word: "pulled out of the deal"
        preps += [q for c in preps for q in c.children if q.dep_ == "prep" and c.lower_ in _COMPOUND_PREP_HEADS]
        heads += [p for c in preps for p in c.children
                  if p.dep_ in ("pobj", "pcomp") and p.ent_type_ not in _TIME_ENTITIES]
        heads += [p.head for p in list(heads) if p.dep_ == "pcomp"]
    if verb.dep_ == "acl":  # "bombers dispatched to Venezuela": the noun is the verb's object
        heads.append(verb.head)
    out: list[Token] = []
    seen: set[int] = set()
    stack = list(heads)
    while stack:
        tok = stack.pop()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        out.append(tok)
        for c in tok.children:
            dep = c.dep_
            if dep in _CORE_DEPS or dep == "dobj" or (dep == "punct" and c.text == "-"):
                stack.append(c)
            elif dep == "prep" and c.lower_ == "of":
                stack.extend(p for p in c.children if p.dep_ == "pobj")
    return sorted(out, key=lambda t: t.i)


def object_words(verb: Token, direct_only: bool = False) -> set[str]:
    """What the objects match against: head nouns of the object phrases, and every two- and
    three-word run of them with their modifiers ("military aid", "state of emergency").
    A lone modifier does not count: "military education exchanges" is not about "military"."""
    core = object_core(verb, direct_only)
    lemmas = [t.lemma_.lower() for t in core]
    lowers = [t.lower_ for t in core]
    words = _phrases(lemmas, lowers, [t.i for t in core])
    singles = set(lemmas) | set(lowers)
    heads = [n for n, t in enumerate(core) if t.dep_ not in _MODIFIER_DEPS]
    found = (words - singles) | {lemmas[n] for n in heads} | {lowers[n] for n in heads}
    if any(t.ent_type_ == "MONEY" for t in core):
        # a sum is money whatever it is called: "a $5 billion credit line", "the next 4.2 billion euro tranche"
        found.add(MONEY)
    if any(core[n].ent_type_ == "PERSON" for n in heads):
        found.add(PERSON)
    return found


def phrase_set(tokens: list[Token]) -> set[str]:
    """Lemmas and lower-cased forms of ``tokens``, single and as adjacent two- and three-word phrases."""
    return _phrases([t.lemma_.lower() for t in tokens], [t.lower_ for t in tokens], [t.i for t in tokens])


def _phrases(lemmas: list[str], lowers: list[str], at: list[int]) -> set[str]:
    """``phrase_set`` of the tokens at ``at`` with these lemmas and lower-cased forms."""
    out = set(lemmas) | set(lowers)
    for i in range(1, len(at) - 1):  # a hyphenated word the tokenizer split: "sit" "-" "in" is "sit-in"
        if lowers[i] == "-" and at[i + 1] - at[i - 1] == 2:
            out.add(f"{lemmas[i - 1]}-{lemmas[i + 1]}")
            out.add(f"{lowers[i - 1]}-{lowers[i + 1]}")
    for n in (2, 3):
        for i in range(len(at) - n + 1):
            if at[i + n - 1] - at[i] != n - 1:
                continue
            out.add(" ".join(lemmas[i : i + n]))
            out.add(" ".join(lowers[i : i + n]))
    return out


def _purpose_lemmas(verb: Token) -> set[str]:
    """Verbs of purpose and relative clauses under the verb or its object ("sent X to train")."""
    out: set[str] = set()
    for tok in verb.subtree:
        if tok == verb or tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.dep_ in ("xcomp", "advcl", "relcl", "acl", "ccomp", "pcomp", "dep"):
            out.add(tok.lemma_.lower())
            out.update(c.lemma_.lower() for c in tok.children if c.dep_ in ("xcomp", "prt"))
    return out


def _subject_words(verb: Token) -> set[str]:
    """Lemmas and two-word runs of the verb's (active) subject phrase, without its clauses."""
    tokens = [t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
              for t in c.subtree if t.dep_ not in ("relcl", "acl", "appos")]
    return phrase_set(sorted(tokens, key=lambda t: t.i))


def verb_forms(verb: Token) -> list[str]:
    """The lemma, then guesses from the surface form: small models mislemmatise ("staged" -> "stag")."""
    return list(_forms(verb.lemma_.lower(), verb.lower_, verb.pos_ in ("VERB", "AUX")))


@lru_cache(maxsize=8192)  # the same few thousand words come back in every article
def _forms(lemma: str, low: str, is_verb: bool) -> tuple[str, ...]:
    forms = [lemma, low]
    if is_verb:
        for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
                             ("es", ""), ("s", "")):
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                stem = low[: -len(suffix)] + repl
                forms.append(stem)
                if repl == "" and len(stem) > 3 and stem[-1] == stem[-2]:
                    forms.append(stem[:-1])  # "planned" -> "plan"
    return tuple(forms)


def match_verb(verb: Token, lexicon: VerbLexicon) -> VerbPattern | None:
    """The first pattern whose verb, particles, objects and purpose all hold for ``verb``."""
    forms = verb_forms(verb)
    irregular = lexicon.irregular_forms.get(verb.lower_)
    if irregular is not None:
        forms = [irregular, *forms]
    candidates = next((lexicon.by_lemma[f] for f in forms if f in lexicon.by_lemma), None)
    if not candidates:
        return None
    # Objects of the direct object first ("stopped work ... of a strike" is about work), then any object.
    # Each word set is worked out when a pattern first needs it: most verbs need few of them.
    near: set[str] | None = None
    purposes: set[str] | None = None
    for direct_only in (True, False):
        words: set[str] | None = None
        for p in candidates:
            if direct_only and not p.objects:
                continue  # plain patterns wait until every object has had its say
            if p.direct_objects and not direct_only:
                continue
            if p.extra:
                near = _near_words(verb) if near is None else near
                if not all(w in near for w in p.extra):
                    continue
            if p.requires and not any(c.dep_ in p.requires for c in verb.children):
                continue
            if p.excludes and any(c.dep_ in p.excludes for c in verb.children):
                continue
            if p.objects:
                words = object_words(verb, direct_only) if words is None else words
                if words.isdisjoint(p.objects):
                    continue
            if p.purpose:
                purposes = _purpose_lemmas(verb) if purposes is None else purposes
                if purposes.isdisjoint(p.purpose):
                    continue
            if p.subjects and _subject_words(verb).isdisjoint(p.subjects):
                continue
            if p.named_subject and not _names_someone(verb):
                continue
            return p
    return None


_NAMING_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}
_PERSON_PRONOUNS = {"he", "she"}


def _names_someone(verb: Token) -> bool:
    """Does the verb's subject (or, for a verb under "plans to", its governor's) name someone: a
    person, a body, a place or a nationality, or "he"/"she" standing for a person?"""
    tok = verb
    while tok.dep_ in ("xcomp", "conj") and not any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        tok = tok.head
    subjects = [t for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
    return any(t.ent_type_ in _NAMING_ENTITIES or t.lower_ in _PERSON_PRONOUNS for t in subjects)


def _near_words(verb: Token) -> set[str]:
    """Lemmas and lower-cased forms of the verb's dependents up to five tokens either side. A
    preposition of a date is no particle: "called Erdogan on Tuesday" is no "call on"."""
    near = [t for t in verb.subtree if abs(t.i - verb.i) <= 5 and t != verb and not _of_time(t)]
    return {t.lemma_.lower() for t in near} | {t.lower_ for t in near}


def _of_time(tok: Token) -> bool:
    """Is ``tok`` a preposition whose object is a date or a time ("on Tuesday", "in March")?"""
    return tok.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in _TIME_ENTITIES for c in tok.children)
