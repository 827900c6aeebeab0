"""Wire credits, datelines and credit lines: which agency an article (or a paragraph of it) came from.

Forms read, each into a ``Credit`` with the character span of the credit's own words (so other
stages can keep them out of speakers and event actors):

1. ``dateline``: at the start of a line, an optional place and date, then the agency in
   parentheses and a dash: "WASHINGTON (AP) —", "MOSCOW, March 3 (Reuters) -", "(AFP) –";
2. ``credit_line``: the agency in parentheses with a date, "(Xinhua, 03/12/2024)", "(TASS, March
   3)", or alone at the end of a line, "... the talks ended. (Reuters)";
3. ``contributed``: "Reuters contributed to this report", "Associated Press writer Jill Colvin
   contributed";
4. ``hat_tip``: "h/t: The Hill", "(h/t Politico)": the outlet the story was picked up from.

Only agencies the project knows are credited in forms 1-3 ("(R-Texas) —" is a party label, not a
wire): the wire services in ``data/wire_services.yaml`` and every outlet of the state-media
registry (a republished Tass piece is credited "(TASS, date)"). A hat tip names its outlet
outright, so any capitalised name is taken.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from wirewatch.errors import DictionaryError
from wirewatch.media.registry import MediaRegistry, load_registry

_DATA = "wirewatch.media.data"
CREDIT_KINDS = ("dateline", "credit_line", "contributed", "hat_tip")

# A place in capitals (and an optional date) before "(AGENCY) —"; the agency is checked afterwards.
# The dashes a dateline ends with; GeoWebNews and other scraped copy keep some em dashes as U+FFFD.
DATELINE_DASH = r"(?:—|–|―|--|-|\ufffd)"
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?:(?P<place>[A-Z][A-Z.'’ -]*[A-Z.](?:,[ \t]*[A-Z][A-Za-z.]*)?)(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]*\d{1,2})?[ \t]*)?"
    r"\((?P<name>\w[^()\n]{0,40}?)\)[ \t]*(?:[—–―-]|\ufffd)+"
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CREDIT_LINE = re.compile(
    rf"\((?P<name>\w[^(),\n]{{0,40}}?),[ \t]*(?P<date>[^()\n]{{0,30}}?(?:\d|{_MONTH})[^()\n]{{0,30}}?)\)"
    r"|\((?P<alone>\w[^(),\n]{0,40}?)\)[ \t]*$",
    re.MULTILINE,
)
# The name starts where a word starts and its words are taken whole (*+), so a run of capitals
# thousands long is read once, not retried from each of its letters (quadratic before).
_CONTRIBUTED = re.compile(
    r"(?<![\w.&'’-])(?P<name>(?:The[ \t]+)?[A-Z][\w.&'’-]*+(?:[ \t]+[A-Z][\w.&'’-]*+){0,4})"
    r"(?:\s+(?:staff\s+)?(?:writers?|reporters?|correspondents?|journalists?)\b[^.\n]{0,80}?)?"
    r"\s+contributed\b"
)
_HAT_TIP = re.compile(r"\b[Hh]/[Tt]:?[ \t]+(?P<name>[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,4})")


@dataclass(frozen=True, slots=True)
class Credit:
    outlet: str  # the agency's name as the project spells it ("Associated Press" for "AP")
    kind: str  # one of CREDIT_KINDS
    start: int  # character span of the credit in the text ("WASHINGTON (AP) —" whole)
    end: int
    place: str | None = None  # a dateline's place ("WASHINGTON")


@dataclass(frozen=True, slots=True)
class WireService:
    name: str
    aliases: tuple[str, ...] = ()


def wire_services() -> tuple[WireService, ...]:
    """The built-in wire services (``data/wire_services.yaml``), read by ``MediaKnowledge.load``."""
    path = f"{_DATA}/wire_services.yaml"
    raw = yaml.safe_load(resources.files(_DATA).joinpath("wire_services.yaml").read_text(encoding="utf-8"))
    rows = raw.get("wire_services") if isinstance(raw, dict) else None
    if not isinstance(rows, list):
        raise DictionaryError(path, "expected a mapping with a 'wire_services' list")
    out = []
    for i, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not isinstance(row.get("name"), str):
            raise DictionaryError(path, f"wire service #{i} needs a 'name'")
        out.append(WireService(row["name"], tuple(str(a) for a in row.get("aliases") or ())))
    return tuple(out)


def read_wire_names() -> dict[str, str]:
    """Every name and alias of a wire service -> its name; the longer forms folded too."""
    names: dict[str, str] = {}
    for wire in wire_services():
        for form in (wire.name, *wire.aliases):
            names[form] = wire.name
            if len(form) > 4:  # short forms ("AP", "dpa") keep their case: "ap" is no agency
                names[form.casefold()] = wire.name
    return names


@dataclass(frozen=True, slots=True)
class MediaKnowledge:
    """What the stages look outlets and agencies up in: the state-media registry and the wire
    services. ``stages.Knowledge.load`` builds one per process (the registry from
    ``settings.state_media_files``) and hands it to the actor and claim stages, so no stage module
    looks the registry up on its own."""

    registry: MediaRegistry
    wire_names: dict[str, str]  # ``read_wire_names``

    @classmethod
    def load(cls, state_media_files: tuple[Path, ...] = ()) -> MediaKnowledge:
        return cls(registry=load_registry(state_media_files), wire_names=read_wire_names())

    def agency_named(self, text: str) -> str | None:
        """The wire service or registered outlet called ``text`` ("AP" -> "Associated Press",
        "Tass" -> "TASS"), else None."""
        text = re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.IGNORECASE).strip(" .,")
        if not text:
            return None
        # The registry first: a state agency keeps the registry's name, the one its flag is found by.
        outlet = self.registry.lookup(text)
        if outlet is not None:
            return outlet.name
        names = self.wire_names
        return names.get(text) or names.get(text.casefold())


def find_credits(text: str, named: Callable[[str], str | None]) -> list[Credit]:
    """Every credit in ``text``, in text order; ``named`` says which agency a name is (or None)."""
    found: list[Credit] = []
    for m in _DATELINE.finditer(text):
        whole = named(m.group("name"))  # "(RFE/RL)" is one outlet, "(AP/Reuters)" two
        parts = [m.group("name")] if whole else re.split(r"\s*/\s*|\s+and\s+", m.group("name"))
        for part in parts:
            outlet = named(part)
            if outlet:
                place = (m.group("place") or "").strip() or None
                found.append(Credit(outlet, "dateline", m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end(), place))
    for m in _CREDIT_LINE.finditer(text):
        outlet = named(m.group("name") or m.group("alone") or "")
        if outlet:
            found.append(Credit(outlet, "credit_line", m.start(), m.end()))
    for m in _CONTRIBUTED.finditer(text):
        outlet = _named_within(m.group("name"), named)
        if outlet:
            found.append(Credit(outlet, "contributed", m.start(), m.end()))
    for m in _HAT_TIP.finditer(text):
        found.append(Credit(named(m.group("name")) or m.group("name").strip(" ."), "hat_tip", m.start(), m.end()))
    return _without_overlaps(found)


def credited_outlets(text: str, named: Callable[[str], str | None]) -> list[str]:
    """The outlets credited anywhere in ``text``, each once, in text order."""
    out: list[str] = []
    for credit in find_credits(text, named):
        if credit.outlet not in out:
            out.append(credit.outlet)
    return out


def credit_spans(text: str, named: Callable[[str], str | None]) -> list[tuple[int, int]]:
    """Character spans of the credits in ``text``: words no speaker or actor should be read from."""
    return [(c.start, c.end) for c in find_credits(text, named)]


def _named_within(name: str, named: Callable[[str], str | None]) -> str | None:
    """"Associated Press writer Jill Colvin", "More. Reuters": the longest run of words that is an agency."""
    words = name.split()
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            outlet = named(" ".join(words[i : i + n]))
            if outlet:
                return outlet
    return None


def _without_overlaps(credits: list[Credit]) -> list[Credit]:
    kept: list[Credit] = []
    for c in sorted(credits, key=lambda c: (c.start, -(c.end - c.start))):
        if not any(k.start <= c.start < k.end and k.outlet == c.outlet for k in kept):
            kept.append(c)
    return kept
