"""The registry of state-affiliated outlets: names, domains, country and ownership.

One source of truth for "is this outlet state media?": the claims stage asks it about speakers,
outlets in a reporting chain and publishers, ingest asks it about an article's URL. The built-in
list (data/state_media.yaml) is ours; users add files in the same layout (``wirewatch registry
import`` writes one from the State Media Matrix CSV) and list them in ``WIREWATCH_STATE_MEDIA``
(paths separated by the OS path separator).

Matching: a domain (or URL) matches an outlet's domain or any subdomain of it; a name matches
an outlet's name or alias ignoring case and a leading "the", except short aliases (4 letters or
fewer: "RT", "AA", "CNS") which must match case and all, so "rt" in running text is not RT.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from wirewatch.errors import DictionaryError
from wirewatch.settings import STATE_MEDIA_ENV, state_media_files

ENV_FILES = STATE_MEDIA_ENV
_BUILT_IN = "wirewatch.media.data/state_media.yaml"

# Ownership types (state-media typology); only the first three are flagged as state media.
FLAGGED_OWNERSHIP: tuple[str, ...] = ("state_controlled", "captured_public", "captured_private")
OWNERSHIP_TYPES: tuple[str, ...] = FLAGGED_OWNERSHIP + (
    "independent_state_funded_managed",
    "independent_state_funded",
    "independent_state_managed",
    "independent_public",
)
_SHORT_ALIAS = 4
_REMEMBERED = 50_000  # lookups remembered at most
_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class StateOutlet:
    name: str
    country: str | None  # ISO 3166 alpha-3 of the state behind it
    ownership: str  # one of OWNERSHIP_TYPES
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    parent: str | None = None

    @property
    def state_affiliated(self) -> bool:
        return self.ownership in FLAGGED_OWNERSHIP

    @property
    def code(self) -> str | None:
        """The outlet's actor code (its state's ISO3 and the media sector, ``RUSMED``): an outlet
        speaks as media, never as the government that owns it."""
        return f"{self.country}MED" if self.country else None

    def to_dict(self) -> dict[str, Any]:
        row: dict[str, Any] = {"name": self.name, "aliases": list(self.aliases), "domains": list(self.domains)}
        row.update(country=self.country, ownership=self.ownership)
        if self.parent:
            row["parent"] = self.parent
        return row


@dataclass(slots=True)
class MediaRegistry:
    """Outlets indexed by normalised name and by domain; later files win over earlier ones."""

    outlets: list[StateOutlet] = field(default_factory=list)
    _names: dict[str, StateOutlet] = field(default_factory=dict)
    _exact: dict[str, StateOutlet] = field(default_factory=dict)
    _domains: dict[str, StateOutlet] = field(default_factory=dict)
    _names_as_written: set[str] = field(default_factory=set)
    _compiled: tuple[re.Pattern[str], ...] | None = None  # for ``occurrences``, built on first use
    # Answers already given: an article asks about the same speakers and outlets claim after claim.
    _remembered: Callable[[str], StateOutlet | None] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._remembered = lru_cache(maxsize=_REMEMBERED)(self._lookup)

    def add(self, outlet: StateOutlet) -> None:
        self._remembered.cache_clear()  # type: ignore[attr-defined]
        self._compiled = None
        self.outlets.append(outlet)
        for name in (outlet.name, *outlet.aliases):
            key = _name_key(name)
            if not key:
                continue
            if len(key) <= _SHORT_ALIAS:
                self._exact[_strip_the(name.strip())] = outlet
            else:
                self._names[key] = outlet
            self._names_as_written.add(_strip_the(name.strip()))
        for domain in outlet.domains:
            self._domains[domain] = outlet

    def lookup(self, name_or_domain: str) -> StateOutlet | None:
        """The outlet named by ``name_or_domain`` (a name, alias, domain or URL), else None."""
        return self._remembered(name_or_domain)

    def _lookup(self, name_or_domain: str) -> StateOutlet | None:
        text = (name_or_domain or "").strip()
        if not text:
            return None
        domain = domain_of(text)
        if domain:
            parts = domain.split(".")
            for i in range(len(parts) - 1):  # actualidad.rt.com, then rt.com
                found = self._domains.get(".".join(parts[i:]))
                if found:
                    return found
            return None
        text = re.sub(r"['’]s?$", "", text)  # "RT's"
        return self._exact.get(_strip_the(text)) or self._names.get(_name_key(text))

    def occurrences(self, text: str) -> list[tuple[int, int, StateOutlet]]:
        """Every place ``text`` names a registered outlet, as (start, end, outlet), longest form
        first where forms overlap. Found on the characters, so a name the tokenizer splits
        ("Rusiya Al-Yaum", "RFE/RL") or the parser cuts ("according to Russia Today") is whole."""
        found: list[tuple[int, int, StateOutlet]] = []
        taken: list[tuple[int, int]] = []
        for pattern in self._patterns():
            for m in pattern.finditer(text or ""):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                outlet = self.lookup(m.group(0))
                if outlet is not None:
                    found.append((m.start(), m.end(), outlet))
                    taken.append((m.start(), m.end()))
        return sorted(found, key=lambda f: f[0])

    def _patterns(self) -> tuple[re.Pattern[str], ...]:
        if self._compiled is None:
            # Longest first, so "RT en Español" wins over "RT"; short forms keep their case.
            long = sorted({n for n in self._names_as_written if len(_name_key(n)) > _SHORT_ALIAS}, key=len, reverse=True)
            short = sorted(self._exact, key=len, reverse=True)
            self._compiled = (
                re.compile(rf"(?<![\w/-]){_alternation(long)}(?![\w/-])", re.IGNORECASE),
                re.compile(rf"(?<![\w/-]){_alternation(short)}(?![\w/-])"),
            )
        return self._compiled

    def is_state_media(self, name_or_domain: str | None) -> bool:
        found = self.lookup(name_or_domain or "")
        return bool(found and found.state_affiliated)


def _alternation(names: list[str]) -> str:
    """One regex alternative per name (spaces match any run of spaces), behind a lookahead on
    the names' first letters: most positions in a text fail it at once."""
    if not names:
        return "(?!)"
    firsts = "".join(sorted({re.escape(n[0]) for n in names}))
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return f"(?=[{firsts}])(?:{body})"


def domain_of(text: str) -> str | None:
    """The host of a URL or a bare domain, lower-case without "www."; None for anything else."""
    text = text.strip()
    if " " in text or "." not in text:
        return None
    host = urlsplit(text if "//" in text else f"//{text}").hostname
    if not host or not re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", host):
        return None
    return host[4:] if host.startswith("www.") else host


def _strip_the(name: str) -> str:
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)


def _name_key(name: str) -> str:
    return " ".join(_strip_the(name.strip()).replace("’", "'").casefold().split())


# -- files ------------------------------------------------------------------------------------
def parse_outlets(data: Any, path: str) -> list[StateOutlet]:
    """Outlets of a registry file's parsed YAML; a bad entry raises ``DictionaryError``."""
    rows = data.get("outlets") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise DictionaryError(path, "expected a mapping with an 'outlets' list")
    out = []
    for i, row in enumerate(rows, 1):
        where = f"outlet #{i}"
        if not isinstance(row, dict) or not isinstance(row.get("name"), str) or not row["name"].strip():
            raise DictionaryError(path, f"{where} needs a 'name'")
        ownership = row.get("ownership")
        if ownership not in OWNERSHIP_TYPES:
            raise DictionaryError(
                path, f"{where} ({row['name']}): ownership {ownership!r} is not one of {', '.join(OWNERSHIP_TYPES)}"
            )
        country = row.get("country")
        if country is not None and not (isinstance(country, str) and _ISO3.match(country)):
            raise DictionaryError(path, f"{where} ({row['name']}): country {country!r} is not an ISO3 code")
        out.append(
            StateOutlet(
                name=row["name"].strip(),
                country=country,
                ownership=ownership,
                aliases=tuple(str(a) for a in row.get("aliases") or ()),
                domains=tuple(d for d in (domain_of(str(x)) for x in row.get("domains") or ()) if d),
                parent=row.get("parent"),
            )
        )
    return out


def read_registry_file(path: Path) -> list[StateOutlet]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DictionaryError(str(path), f"cannot read state-media registry: {exc}") from exc
    return parse_outlets(data, str(path))


def write_registry_file(outlets: Iterable[StateOutlet], path: Path) -> int:
    """Write ``outlets`` in the registry layout; returns how many were written."""
    rows = [o.to_dict() for o in outlets]
    header = "# State-affiliated outlets for wirewatch (layout: src/wirewatch/media/data/state_media.yaml)\n"
    Path(path).write_text(header + yaml.safe_dump({"outlets": rows}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return len(rows)


def built_in_outlets() -> list[StateOutlet]:
    package, name = _BUILT_IN.split("/")
    raw = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return parse_outlets(yaml.safe_load(raw), _BUILT_IN)


# One registry per set of files, like the gazetteer: ``stages.Knowledge.load`` hands it to the stages
# (``media.credits.MediaKnowledge``) and the article reader and the faces ask for the same one.
@lru_cache(maxsize=8)
def load_registry(extra_files: tuple[Path, ...] = ()) -> MediaRegistry:
    """The built-in registry plus ``extra_files`` (later entries win on a shared name or domain)."""
    registry = MediaRegistry()
    for outlet in built_in_outlets():
        registry.add(outlet)
    for path in extra_files:
        for outlet in read_registry_file(Path(path)):
            registry.add(outlet)
    return registry


def registry_files_from_env() -> tuple[Path, ...]:
    return state_media_files()  # settings is the one reader of the environment


def default_registry() -> MediaRegistry:
    """Built-in outlets plus the files named in ``WIREWATCH_STATE_MEDIA``: for the faces and the
    claim threads, which are not handed a ``Knowledge``; the stages are handed theirs."""
    return load_registry(registry_files_from_env())


def lookup_outlet(name_or_domain: str, registry: MediaRegistry | None = None) -> StateOutlet | None:
    """The registered outlet for a name, alias, domain or URL ("RT en Español", "rt.com")."""
    return (registry or default_registry()).lookup(name_or_domain)
