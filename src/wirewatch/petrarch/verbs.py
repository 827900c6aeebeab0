"""PETRARCH/TABARI verb dictionaries: synsets, verb synonym blocks, and their patterns.

- ``&NAME`` followed by ``+phrase`` lines defines a synset (members may be other ``&`` synsets);
- ``--- DESCRIPTION [CODE] ---`` opens a block of synonymous verbs sharing its patterns;
- a verb line is ``VERB {irregular forms} [code]``; ``+`` marks the verb word of a multi-word
  verb (``+BEEF_UP``, ``WIRE_+TAP``);
- ``- before * after [CODE]`` is a pattern; ``_`` joins words that must be adjacent, ``$``/``+``
  mark the source/target actor, ``%`` a compound actor, ``^`` skips a phrase, ``{A B}`` is a noun
  phrase headed by B, ``(PREP NOUN)`` a prepositional phrase;
- codes are ``[source->target:target->source]``; ``---`` is the null code;
- ``~`` lines are verb-verb transformations (kept, not applied).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from wirewatch.errors import DictionaryError
from wirewatch.petrarch.agents import regular_plural
from wirewatch.petrarch.lines import dictionary_lines

_CODE = re.compile(r"\[([^\]]*)\]")
_BLOCK = re.compile(r"^-{3}\s*(?P<label>.*?)\s*(?:\[(?P<code>[^\]]*)\])?\s*(?:-{3})?\s*$")
_PATTERN_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|[^\s{}()]+")
# TABARI's marks: "$" is the source, "+" the target, "%" a compound actor that is both.
ACTOR_MARKS = {"$": "source", "+": "target", "%": "compound", "^": "skip", "*": "verb"}


@dataclass(frozen=True, slots=True)
class Item:
    kind: str  # word, synset, source, target, compound, skip, verb
    value: str = ""
    tight: bool = False  # must directly follow the previous item (joined by '_')


@dataclass(frozen=True, slots=True)
class EventCodes:
    forward: str | None  # source -> target
    backward: str | None  # target -> source (the second half of a paired code "032:033")

    @property
    def null(self) -> bool:
        return self.forward is None and self.backward is None


@dataclass(frozen=True, slots=True)
class Pattern:
    before: tuple[Item, ...]  # in reading order, ending just before the verb
    after: tuple[Item, ...]
    codes: EventCodes
    line: int
    joined_before: bool = False  # "IN_*": the last item before the verb must touch it

    @property
    def weight(self) -> int:
        """How specific the pattern is: its literal words count most."""
        return sum(2 if i.kind in ("word", "synset") else 1 for i in (*self.before, *self.after) if i.kind != "verb")


@dataclass(slots=True)
class VerbEntry:
    base: str  # the verb word ("BREAK")
    forms: frozenset[str]  # surface forms of the verb word, irregular ones included
    pre: tuple[str, ...]  # words that come right before the verb word ("WIRE" in WIRE_+TAP)
    post: tuple[str, ...]  # right after ("DOWN" in +BREAK_DOWN)
    codes: EventCodes
    block: VerbBlock


@dataclass(slots=True)
class VerbBlock:
    label: str
    codes: EventCodes
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(slots=True)
class VerbDictionary:
    synsets: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    by_word: dict[str, list[VerbEntry]] = field(default_factory=dict)  # base and every form -> entries
    blocks: list[VerbBlock] = field(default_factory=list)
    transformations: list[str] = field(default_factory=list)
    ignored: list[tuple[str, int, str]] = field(default_factory=list)  # (file, line, why) skipped patterns
    _firsts: dict[str, frozenset[str]] = field(default_factory=dict)

    def synset_firsts(self, name: str) -> frozenset[str]:
        """The first words of a synset's phrases (to rule out a pattern quickly)."""
        found = self._firsts.get(name)
        if found is None:
            found = self._firsts[name] = frozenset(p[0] for p in self.synsets.get(name, ()) if p)
        return found

    def add_verb(self, entry: VerbEntry) -> None:
        for word in {entry.base, *entry.forms}:
            self.by_word.setdefault(word, []).append(entry)


def parse_codes(text: str, where: str, line: int) -> EventCodes:
    text = text.strip()
    if not text:
        raise DictionaryError(where, "empty code []", line)
    forward, _, backward = text.partition(":")

    def one(c: str) -> str | None:
        c = c.strip()
        return None if c in ("", "---") else c
    return EventCodes(one(forward), one(backward))


def verb_forms(base: str) -> set[str]:
    """Regular English forms of a verb word."""
    forms = {base, base + "S", base + "ED", base + "ING"}
    if base.endswith("E"):
        forms |= {base + "D", base[:-1] + "ING"}
    if base.endswith("Y") and len(base) > 1 and base[-2] not in "AEIOU":
        forms |= {base[:-1] + "IES", base[:-1] + "IED"}
    if base.endswith(("SS", "SH", "CH", "X", "O")):
        forms.add(base + "ES")
    if len(base) >= 3 and base[-1] not in "AEIOUWXY" and base[-2] in "AEIOU" and base[-3] not in "AEIOU":
        forms |= {base + base[-1] + "ED", base + base[-1] + "ING"}  # stop -> stopped
    return forms


def _split_multiword(text: str) -> tuple[tuple[str, ...], int]:
    """``WIRE_+TAP`` -> (("WIRE", "TAP"), 1); a phrase without '+' has its verb first."""
    words = [w for w in re.split(r"[_\s]+", text.upper()) if w]
    index = next((n for n, w in enumerate(words) if w.startswith("+")), 0)
    return tuple(w.lstrip("+") for w in words), index


def _read_verb(text: str, block: VerbBlock, where: str, line: int) -> VerbEntry:
    own = _CODE.search(text)
    codes = parse_codes(own.group(1), where, line) if own else block.codes
    head = text[:own.start()] if own else text
    irregular = ""
    if "{" in head:
        if "}" not in head:
            raise DictionaryError(where, f"verb entry {text.strip()!r} has '{{' without '}}'", line)
        head, _, rest = head.partition("{")
        irregular = rest.partition("}")[0]
    words, index = _split_multiword(head.strip())
    if not words or not words[index].isascii() or not re.match(r"^[A-Z'&.-]+$", words[index]):
        raise DictionaryError(where, f"verb entry {text.strip()!r} has no verb word", line)
    base = words[index]
    forms = set() if irregular.strip() else verb_forms(base)
    forms.add(base)
    for form in irregular.split():
        form_words, form_index = _split_multiword(form)
        if form_words:
            forms.add(form_words[form_index])
    return VerbEntry(base=base, forms=frozenset(forms), pre=words[:index], post=words[index + 1:],
                     codes=codes, block=block)


def _items(tokens: list[str], where: str, line: int) -> list[Item]:
    items: list[Item] = []
    for token in tokens:
        if token.startswith("{") or token.startswith("("):
            inner = token[1:-1].replace("{", " ").replace("}", " ")
            items.extend(Item("synset" if w.startswith("&") else "word", w.upper().lstrip("&"))
                         for w in inner.replace("_", " ").split())
            continue
        tight = False
        for n, part in enumerate(token.split("_")):
            if not part:
                tight = True  # "IN_*" / "*_OUT" / "OFF_": the joint itself
                continue
            kind = ACTOR_MARKS.get(part)
            if kind is not None:
                items.append(Item(kind, part, tight=tight and n > 0 or (tight and bool(items))))
            elif part.startswith("&"):
                items.append(Item("synset", part[1:].upper(), tight=tight))
            else:
                items.append(Item("word", part.upper(), tight=tight))
            tight = True
    return items


def parse_pattern(text: str, where: str, line: int) -> Pattern:
    m = _CODE.search(text)
    if m is None:
        raise DictionaryError(where, f"pattern {text.strip()!r} has no [CODE]", line)
    body = text[:m.start()].strip().lstrip("-").strip()
    if body.count("{") != body.count("}") or body.count("(") != body.count(")"):
        raise DictionaryError(where, f"pattern {body!r} has unbalanced brackets", line)
    # "*SCEPTICAL" in the distributed files means "* SCEPTICAL": a star glued to a word is still the verb
    body = re.sub(r"\*(?=[A-Za-z&{(])", "* ", re.sub(r"(?<=[A-Za-z}),])\*", " *", body))
    items = _items(_PATTERN_TOKEN.findall(body), where, line)
    verbs = [n for n, i in enumerate(items) if i.kind == "verb"]
    if len(verbs) != 1:
        raise DictionaryError(where, f"pattern {body!r} needs exactly one '*' for the verb", line)
    v = verbs[0]
    return Pattern(before=tuple(items[:v]), after=tuple(items[v + 1:]),
                   codes=parse_codes(m.group(1), where, line), line=line, joined_before=items[v].tight)


def _synset_phrase(member: str, plural: bool) -> list[tuple[str, ...]]:
    no_plural = member.endswith("_") or not plural
    words = tuple(w for w in member.rstrip("_").replace("_", " ").upper().split() if w)
    if not words:
        return []
    out = [words]
    if not no_plural:
        out.append(words[:-1] + (regular_plural(words[-1]),))
    return out


def read_verb_file(path: Path, into: VerbDictionary | None = None, strict: bool = False) -> VerbDictionary:
    """Read one verb file. A pattern PETRARCH could not use (no '*', unbalanced brackets, an undefined
    synset) is skipped and listed in ``ignored`` with file and line, or raised when ``strict``; every
    other malformed entry raises ``DictionaryError``."""
    where = str(path)
    out = into if into is not None else VerbDictionary()
    block: VerbBlock | None = None
    synset: str | None = None
    synset_plurals = True
    for line in dictionary_lines(path):
        text = line.text.strip()
        if text.startswith("---"):
            m = _BLOCK.match(text)
            if m is None:
                raise DictionaryError(where, f"block header {text!r} is not '--- NAME [CODE] ---'", line.number)
            codes = parse_codes(m["code"], where, line.number) if m["code"] else EventCodes(None, None)
            block, synset = VerbBlock(m["label"], codes), None
            out.blocks.append(block)
        elif text.startswith("&"):
            label = text.split()[0][1:]
            synset, synset_plurals = label.rstrip("_").upper(), not label.endswith("_")
            out.synsets[synset] = []
        elif text.startswith("+") and synset is not None:
            member = text[1:].strip()
            if member.startswith("&"):
                ref = member[1:].rstrip("_").upper()
                if ref not in out.synsets:
                    raise DictionaryError(where, f"synset &{ref} is used before it is defined", line.number)
                out.synsets[synset].extend(out.synsets[ref])
            else:
                out.synsets[synset].extend(_synset_phrase(member, synset_plurals))
        elif text.startswith("~"):
            out.transformations.append(text)
        elif text.startswith("-"):
            synset = None
            if block is None:
                raise DictionaryError(where, "pattern before any '--- VERB [CODE] ---' block", line.number)
            try:
                pattern = parse_pattern(text, where, line.number)
            except DictionaryError as exc:
                if strict or "[CODE]" in exc.reason:
                    raise
                out.ignored.append((where, line.number, exc.reason))
                continue
            missing = [i.value for i in (*pattern.before, *pattern.after)
                       if i.kind == "synset" and i.value not in out.synsets]
            if missing and strict:
                raise DictionaryError(where, f"pattern uses undefined synset &{missing[0]}", line.number)
            if missing:  # as PETRARCH does: a pattern naming an undefined synset is ignored
                out.ignored.append((where, line.number, f"undefined synset &{missing[0]}"))
                continue
            block.patterns.append(pattern)
        else:
            synset = None
            if block is None:
                raise DictionaryError(where, f"verb {text!r} before any '--- VERB [CODE] ---' block", line.number)
            out.add_verb(_read_verb(text, block, where, line.number))
    return out
