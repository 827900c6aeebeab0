"""PETRARCH dictionary readers: actors, agents, discards, verbs; errors name file and line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wirewatch.errors import DictionaryError
from wirewatch.petrarch.actors import read_actor_file
from wirewatch.petrarch.agents import read_agent_file
from wirewatch.petrarch.dictionaries import kind_of, load_dictionaries
from wirewatch.petrarch.discards import read_discard_file
from wirewatch.petrarch.verbs import read_verb_file


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


ACTORS = """<!-- a header
spanning lines -->
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL_

MOHAMMAD_ZAHIR_SHAH_  ; CountryInfo.txt
\t[AFGELI 320101-331108]
\t[AFGGOV 331108-730717]
\t[AFGELI 730717-070723]

HAMID_KARZAI_  [AFGMIL]; CountryInfo.txt
+BABRAK_KARMAL_  ; CountryInfo.txt
\t[AFGGOV 791227-861124]

ROVER [---]  # a known name with the null code
SLINKER
\t[HOB < 950601]
\t[HOBREB > 990816]
"""


def _entry(d, *words):
    for phrase, entry in d.by_first[words[0]]:
        if phrase.words == words:
            return entry
    raise AssertionError(words)


def test_actor_synonyms_share_codes_and_dates_pick_the_code(tmp_path: Path) -> None:
    d = read_actor_file(_write(tmp_path, "x.actors.txt", ACTORS), strict=True)
    assert _entry(d, "KABUL").code_on(date(2000, 1, 1)) == "AFG"
    shah = _entry(d, "MOHAMMAD", "ZAHIR", "SHAH")
    assert shah.code_on(date(1935, 1, 1)) == "AFGGOV"  # two-digit years: 33 -> 1933, 73 -> 1973
    assert shah.code_on(date(2000, 1, 1)) == "AFGELI"  # 07 -> 2007
    assert shah.code_on(date(2010, 1, 1)) is None  # no restriction covers it and no default
    karmal = _entry(d, "BABRAK", "KARMAL")
    assert karmal.code_on(date(1980, 1, 1)) == "AFGGOV"
    assert karmal.code_on(date(2005, 1, 1)) == "AFGMIL"  # the primary phrase's code is the default
    assert _entry(d, "ROVER").code_on(date(2000, 1, 1)) is None
    slinker = _entry(d, "SLINKER")
    assert slinker.code_on(date(1990, 1, 1)) == "HOB"
    assert slinker.code_on(date(2001, 1, 1)) == "HOBREB"


@pytest.mark.parametrize("bad, reason", [
    ("GONDOR [GON]\n\t[GONGOV 9008223-911221]\n", "bad code restriction"),
    ("FAEROYENE]_ [FRO]\n", "unbalanced"),
    ("OLD_KING [GON]\n\t[GONGOV 19991340-20000101]\n", "bad date"),
])
def test_malformed_actor_entries_name_file_and_line(tmp_path: Path, bad: str, reason: str) -> None:
    path = _write(tmp_path, "bad.actors.txt", "# comment\nARNOR [ARN]\n" + bad)
    with pytest.raises(DictionaryError) as err:
        read_actor_file(path, strict=True)
    assert err.value.path == str(path) and err.value.line in (3, 4)
    assert reason in str(err.value) and f"{path}:" in str(err.value)
    # not strict: the entry is skipped and listed, the rest is read
    d = read_actor_file(path)
    assert d.ignored and d.ignored[0][0] == str(path) and "ARNOR" in d.by_first


def test_restriction_before_any_phrase(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match=r"early\.actors\.txt:1: date restriction before any actor phrase"):
        read_actor_file(_write(tmp_path, "early.actors.txt", "\t[GON]\nGONDOR [GON]\n"), strict=True)


def test_agents_plurals_substitutions_and_code_sides(tmp_path: Path) -> None:
    path = _write(tmp_path, "x.agents.txt", "\n".join([
        "!PERSON! = MAN, MEN, WOMAN, WOMEN",
        "CONGRESS!PERSON! [~LEG]",
        "POLICE {} [~COP]",
        "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]",
        "MINISTRY [~GOV]",
        "HUMAN_RIGHTS_BODY [NGO~]",
    ]))
    d = read_agent_file(path, strict=True)
    words = {w for entries in d.by_first.values() for w, _ in entries}
    assert {("CONGRESSMAN",), ("CONGRESSWOMEN",)} <= words
    assert ("POLICES",) not in words  # {} : no plural
    assert ("ATTORNEYS", "GENERAL") in words and ("ATTORNEY", "GENERALS") not in words
    assert ("MINISTRIES",) in words  # regular plural: Y -> IES
    body = dict(d.by_first["HUMAN"])[("HUMAN", "RIGHTS", "BODY")]
    assert body.prefix and body.code == "NGO"
    with pytest.raises(DictionaryError, match=r"bad\.agents\.txt:2: .*'~'"):
        read_agent_file(_write(tmp_path, "bad.agents.txt", "POLICE [~COP]\nSOLDIER [MIL]\n"), strict=True)
    with pytest.raises(DictionaryError, match=r":1: .*!CLERIC! is not defined"):
        read_agent_file(_write(tmp_path, "bad2.agents.txt", "HIGH!CLERIC! [~REL]\n"), strict=True)


def test_discards_sentence_story_and_stems(tmp_path: Path) -> None:
    d = read_discard_file(_write(tmp_path, "x.discards.txt",
                                 "+WORLD CUP  # story\nBASEBALL\nGRAND FINAL_\nMONTHS LATER\n"))
    assert d.match("They played baseballs all day.") == "BASEBALL"  # a stem
    assert d.match("The grand finale was cancelled.") is None  # '_': whole word only
    assert d.match("At the Grand Final, Rohan won.") == "GRAND FINAL"
    assert d.match("Months later, the talks resumed.") == "MONTHS LATER"
    assert d.match("The World Cup opened.") is None  # story-level phrases are a separate list
    assert d.match("The World Cup opened.", story=True) == "WORLD CUP"
    assert d.match("Worldwide cups") is None


VERBS = """&CURRENCY
+DOLLAR
+SWISS FRANC
&MONEYSYN_
+&CURRENCY
+GOLD_
--- ABANDON  [345]  ---
ABANDON
KLM_NOP_+RST [002]
- * NEW_&CURRENCY_RELATIONS [903]
- * EFFORT  [987]  # comment
- $ * (WITH {FORMAL TIES}) [041]
- IN_* + [075]
--- BREAK [1717] ---
BREAK { BROKE BROKEN  }
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN +BROKEN_DOWN }
- * DEADLOCK  [102]
- * &UNDEFINED [111]
--- ARRIVE  [032:033]
ARRIVE
~ a (a b ATTACK) SAY = a b 015
"""


def test_verbs_synsets_blocks_patterns_and_codes(tmp_path: Path) -> None:
    v = read_verb_file(_write(tmp_path, "x.verbs.txt", VERBS))
    assert ("SWISS", "FRANCS") in v.synsets["CURRENCY"]  # regular plurals generated
    assert ("GOLD",) in v.synsets["MONEYSYN"] and ("GOLDS",) not in v.synsets["MONEYSYN"]  # label ends '_'
    assert ("DOLLARS",) in v.synsets["MONEYSYN"]  # embedded &CURRENCY
    rst = v.by_word["RST"][0]
    assert rst.pre == ("KLM", "NOP") and rst.codes.forward == "002"
    abandon = v.by_word["ABANDONED"][0]  # regular forms generated
    assert abandon.codes.forward == "345" and len(abandon.block.patterns) == 4
    p = abandon.block.patterns[0]
    assert [(i.kind, i.value, i.tight) for i in p.after] == [
        ("word", "NEW", False), ("synset", "CURRENCY", True), ("word", "RELATIONS", True)]
    with_ties = abandon.block.patterns[2]
    assert [i.kind for i in with_ties.before] == ["source"]
    assert [i.value for i in with_ties.after] == ["WITH", "FORMAL", "TIES"]
    assert abandon.block.patterns[3].joined_before and abandon.block.patterns[3].after[0].kind == "target"
    assert {"BROKE", "BROKEN"} <= v.by_word["BROKE"][0].forms and "BREAKED" not in v.by_word["BREAK"][0].forms
    down = next(e for e in v.by_word["BROKE"] if e.post)
    assert down.post == ("DOWN",)
    assert v.ignored and "UNDEFINED" in v.ignored[0][2]  # PETRARCH skips such a pattern
    arrive = v.by_word["ARRIVES"][0]
    assert (arrive.codes.forward, arrive.codes.backward) == ("032", "033")
    assert v.transformations == ["~ a (a b ATTACK) SAY = a b 015"]
    with pytest.raises(DictionaryError, match=r"x\.verbs\.txt:\d+: .*undefined synset &UNDEFINED"):
        read_verb_file(tmp_path / "x.verbs.txt", strict=True)


@pytest.mark.parametrize("bad, line, reason", [
    ("- * TIES [064]\n", 1, "before any"),
    ("--- RESTORE [064] ---\nRESTORE\n- * TIES\n", 3, "no [CODE]"),
    ("&ODD\n+&NOTYET\n", 2, "before it is defined"),
    ("--- RESTORE [064] ---\nRESTORE\n- * {FULL TIES [064]\n", 3, "unbalanced"),
])
def test_malformed_verb_entries_name_file_and_line(tmp_path: Path, bad: str, line: int, reason: str) -> None:
    path = _write(tmp_path, "bad.verbs.txt", bad)
    with pytest.raises(DictionaryError) as err:
        read_verb_file(path, strict=True)
    assert err.value.line == line and reason in err.value.reason


def test_loader_tells_kinds_and_reads_folders(tmp_path: Path) -> None:
    _write(tmp_path, "mine.verbs.txt", VERBS)
    _write(tmp_path, "mine.actors.txt", ACTORS)
    _write(tmp_path, "mine.discards.txt", "BASEBALL\n")
    d = load_dictionaries([tmp_path])
    assert len(d.files) == 3 and "AFGHANISTAN" in d.actors.by_first and "ABANDON" in d.verbs.by_word
    assert kind_of(Path("CAMEO.2.0.txt")) == "verbs" and kind_of(Path("Phoenix.agents.txt")) == "agents"
    with pytest.raises(DictionaryError, match="cannot tell the dictionary kind"):
        kind_of(Path("notes.txt"))
    with pytest.raises(DictionaryError, match="no such dictionary"):
        load_dictionaries([tmp_path / "missing.txt"])
