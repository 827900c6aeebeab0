"""The claim knowledge (reporting verbs, hedges, speakers, outlets), loaded once from data/.

The YAML files beside this module are the whole of what the claim finder knows about English
attribution; the code only walks the parse. A malformed file raises ``DictionaryError`` naming
the file and the key that is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from wirewatch.errors import DictionaryError

_DATA = "wirewatch.claims.data"


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    wire: bool
    country: str | None = None  # ISO3 of where it publishes; "---" of no one country; None unknown


@dataclass(frozen=True, slots=True)
class ClaimCues:
    verb_certainty: dict[str, str]  # lemma -> high | medium
    object_verbs: frozenset[str]
    thing_object_verbs: frozenset[str]
    saying_verbs: frozenset[str]  # whatever follows them is what was said, never a hearer
    quote_only_verbs: frozenset[str]
    infinitive_verbs: frozenset[str]
    not_clause_cues: frozenset[str]
    prep_cues: dict[str, frozenset[str]]
    evidential_verbs: frozenset[str]
    noun_cues: frozenset[str]
    light_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    stance_adjectives: frozenset[str]
    impersonal_adjectives: dict[str, str]  # adjective -> certainty
    as_verbs: frozenset[str]
    impersonal_verbs: frozenset[str]
    hearsay_adverbs: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]  # lower-case word sequences
    document_preps: frozenset[str]  # "In a new poll, ...": prepositions framing a finding
    hedges: re.Pattern[str]
    boosters: re.Pattern[str]
    titles: frozenset[str]
    female_words: frozenset[str]
    female_names: frozenset[str]
    male_names: frozenset[str]
    male_words: frozenset[str]
    role_nouns: frozenset[str]
    collective_speakers: frozenset[str]
    document_nouns: frozenset[str]
    holder_nouns: frozenset[str]
    person_suffixes: tuple[str, ...]
    outlets: tuple[Outlet, ...]
    # (outlet, name without "the", the same lower-cased or None for a short alias) per name and
    # alias, in ``outlets`` order: prepared once for ``outlet_named``.
    outlet_keys: tuple[tuple[Outlet, str, str | None], ...]
    outlet_words: frozenset[str]
    news_only_outlet_words: frozenset[str]  # outlet words only beside "news" or "press" ("agency")
    not_outlets: frozenset[str]
    social_platforms: frozenset[str]  # as written: "X" the network, not "x"
    recipient_verbs: frozenset[str]
    interview_nouns: frozenset[str]
    first_report_cues: tuple[str, ...]

    def is_cue_verb(self, lemma: str) -> bool:
        return lemma in self.verb_certainty

    def outlet_named(self, text: str) -> Outlet | None:
        """The known outlet whose name or alias is ``text`` (case-sensitive for short aliases)."""
        key = _strip_article(text)
        folded = key.lower()
        for outlet, name, name_folded in self.outlet_keys:
            if key == name or (name_folded is not None and folded == name_folded):
                return outlet
        return None


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", text.strip())


def _read(name: str) -> dict[str, Any]:
    path = f"{_DATA}/{name}"
    try:
        raw = resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")
        data = yaml.safe_load(raw)
    except (OSError, yaml.YAMLError) as exc:
        raise DictionaryError(path, f"cannot read claim knowledge file: {exc}") from exc
    if not isinstance(data, dict):
        raise DictionaryError(path, "expected a mapping at the top level")
    return data


def _words(data: dict[str, Any], key: str, file: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DictionaryError(f"{_DATA}/{file}", f"{key!r} must be a list of strings")
    return [v.strip().lower() for v in value]


def _names(data: dict[str, Any], key: str, file: str) -> list[str]:
    """Like ``_words`` but keeping case: names such as "X" must match as written."""
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DictionaryError(f"{_DATA}/{file}", f"{key!r} must be a list of strings")
    return [v.strip() for v in value]


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    # Longest first so "may have" wins over "may"; apostrophes match either form.
    # The lookahead for a phrase's first letter comes first: most positions fail it at once,
    # where the lookbehind and every alternative would otherwise be tried there.
    alts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        alts.append(r"\s+".join(re.escape(w).replace("'", "['’]") for w in phrase.split()))
    firsts = {c for p in phrases for c in ("'’" if p[:1] == "'" else p[:1])}
    ahead = "(?=[" + re.escape("".join(sorted(firsts))) + "])" if phrases and all(phrases) else ""
    return re.compile(ahead + r"(?<![\w'’])(?:" + "|".join(alts) + r")(?![\w'’])", re.IGNORECASE)


def _outlets(data: dict[str, Any]) -> tuple[Outlet, ...]:
    rows = data.get("outlets")
    if not isinstance(rows, list):
        raise DictionaryError(f"{_DATA}/sources.yaml", "'outlets' must be a list of mappings")
    out = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict) or not isinstance(row.get("name"), str):
            raise DictionaryError(f"{_DATA}/sources.yaml", f"outlet #{i + 1} needs a 'name'")
        out.append(
            Outlet(
                name=row["name"],
                aliases=tuple(str(a) for a in row.get("aliases", [])),
                wire=bool(row.get("wire", False)),
                country=_outlet_country(row, i),
            )
        )
    return tuple(out)


def _outlet_country(row: dict[str, Any], i: int) -> str | None:
    country = row.get("country")
    if country is not None and (not isinstance(country, str) or len(country) != 3
                                or not (country.isalpha() and country.isupper() or country == "---")):
        raise DictionaryError(f"{_DATA}/sources.yaml",
                              f"outlet #{i + 1} ({row['name']}): country {country!r} is no ISO3 code or '---'")
    return country


def _outlet_keys(outlets: tuple[Outlet, ...]) -> tuple[tuple[Outlet, str, str | None], ...]:
    keys = []
    for outlet in outlets:
        for name in (outlet.name, *outlet.aliases):
            key = _strip_article(name)
            keys.append((outlet, key, key.lower() if len(name) > 4 else None))
    return tuple(keys)


def _prep_cues(data: dict[str, Any]) -> dict[str, frozenset[str]]:
    table = data.get("prep_cues")
    if not isinstance(table, dict):
        raise DictionaryError(f"{_DATA}/verbs.yaml", "'prep_cues' must map a verb lemma to prepositions")
    return {str(verb).lower(): frozenset(_words(table, verb, "verbs.yaml")) for verb in table}


def _levels(data: dict[str, Any], key: str) -> dict[str, str]:
    table = data.get(key)
    if not isinstance(table, dict):
        raise DictionaryError(f"{_DATA}/verbs.yaml", f"{key!r} must map a certainty level to words")
    out: dict[str, str] = {}
    for level in ("low", "medium", "high"):
        for word in _words(table, level, "verbs.yaml"):
            out.setdefault(word, level)
    return out


def read_claim_cues() -> ClaimCues:
    """The cue words in ``data/`` (``Knowledge.load`` calls this once; a tool outside the stages may too)."""
    verbs = _read("verbs.yaml")
    hedges = _read("hedges.yaml")
    sources = _read("sources.yaml")
    given_names = _read("given_names.yaml")
    levels = verbs.get("verbs")
    if not isinstance(levels, dict):
        raise DictionaryError(f"{_DATA}/verbs.yaml", "'verbs' must map a certainty level to lemmas")
    outlets = _outlets(sources)
    certainty: dict[str, str] = {}
    for level in ("high", "medium"):
        for lemma in _words(levels, level, "verbs.yaml"):
            certainty.setdefault(lemma, level)
    return ClaimCues(
        verb_certainty=certainty,
        object_verbs=frozenset(_words(verbs, "object_verbs", "verbs.yaml")),
        thing_object_verbs=frozenset(_words(verbs, "thing_object_verbs", "verbs.yaml")),
        saying_verbs=frozenset(_words(verbs, "saying_verbs", "verbs.yaml")),
        quote_only_verbs=frozenset(_words(verbs, "quote_only_verbs", "verbs.yaml")),
        infinitive_verbs=frozenset(_words(verbs, "infinitive_verbs", "verbs.yaml")),
        not_clause_cues=frozenset(_words(verbs, "not_clause_cues", "verbs.yaml")),
        prep_cues=_prep_cues(verbs),
        evidential_verbs=frozenset(_words(verbs, "evidential_verbs", "verbs.yaml")),
        noun_cues=frozenset(_words(verbs, "noun_cues", "verbs.yaml")),
        light_verbs=frozenset(_words(verbs, "light_verbs", "verbs.yaml")),
        addressee_verbs=frozenset(_words(verbs, "addressee_verbs", "verbs.yaml")),
        stance_adjectives=frozenset(_words(verbs, "stance_adjectives", "verbs.yaml")),
        impersonal_adjectives=_levels(verbs, "impersonal_adjectives"),
        as_verbs=frozenset(_words(verbs, "as_verbs", "verbs.yaml")),
        impersonal_verbs=frozenset(_words(verbs, "impersonal_verbs", "verbs.yaml")),
        hearsay_adverbs=frozenset(_words(verbs, "hearsay_adverbs", "verbs.yaml")),
        according_to=tuple(tuple(p.split()) for p in _words(verbs, "according_to", "verbs.yaml")),
        document_preps=frozenset(_words(verbs, "document_preps", "verbs.yaml")),
        hedges=_phrase_pattern(_words(hedges, "hedges", "hedges.yaml")),
        boosters=_phrase_pattern(_words(hedges, "boosters", "hedges.yaml")),
        titles=frozenset(_words(sources, "titles", "sources.yaml")),
        female_words=frozenset(_words(sources.get("gendered_words") or {}, "female", "sources.yaml")),
        male_words=frozenset(_words(sources.get("gendered_words") or {}, "male", "sources.yaml")),
        female_names=frozenset(_words(given_names, "female", "given_names.yaml")),
        male_names=frozenset(_words(given_names, "male", "given_names.yaml")),
        role_nouns=frozenset(_words(sources, "role_nouns", "sources.yaml")),
        collective_speakers=frozenset(_words(sources, "collective_speakers", "sources.yaml")),
        document_nouns=frozenset(_words(sources, "document_nouns", "sources.yaml")),
        holder_nouns=frozenset(_words(sources, "holder_nouns", "sources.yaml")),
        person_suffixes=tuple(_words(sources, "person_suffixes", "sources.yaml")),
        outlets=outlets,
        outlet_keys=_outlet_keys(outlets),
        outlet_words=frozenset(_words(sources, "outlet_words", "sources.yaml")),
        news_only_outlet_words=frozenset(_words(sources, "news_only_outlet_words", "sources.yaml")),
        not_outlets=frozenset(_words(sources, "not_outlets", "sources.yaml")),
        social_platforms=frozenset(_names(sources, "social_platforms", "sources.yaml")),
        recipient_verbs=frozenset(_words(sources, "recipient_verbs", "sources.yaml")),
        interview_nouns=frozenset(_words(sources, "interview_nouns", "sources.yaml")),
        first_report_cues=tuple(_words(sources, "first_report_cues", "sources.yaml")),
    )
