"""The speakers suite: is a claim's resolved speaker the right entity?

Speaker resolution is scored on its own, on the speaker spans the claims stage finds (finding
attributions is the claims suite's job). Two kinds of set, told apart by their layout:

**GUM** (``PATH/dep/*.conllu``, the default ``../shared/data/gum``): the news and interview
documents with their coreference. A document's text is rebuilt from its tokens (paragraphs
from ``# newpar``; in interviews each turn starts a paragraph with its speaker's name and a
colon, "Christopher Hill: ...", the Q&A layout interviews are published in). For each claim
with a speaker span:

- the gold entity is the one GUM marks on the speaker span: the smallest entity mention that
  covers the span (else the one sharing most characters with it); spans GUM leaves unmarked are
  not scored;
- the resolved speaker is right when ``speaker_name`` names that entity: it equals one of the
  entity's proper-name mentions, or shares their last word ("Hill" for "Christopher Hill"), or,
  for an entity the document never names ("the researchers"), equals one of its mentions
  (ignoring case and a leading article). An unresolved speaker (no name, or a pronoun) is
  wrong. First-person and second-person speakers count: GUM links "I" in an answer to the
  interviewee. An entity that is only ever a pronoun (a generic "you", "they") has nothing to
  be resolved to and is not scored (``n_unnamed``).

**PolNeAR** (``PATH/text`` and ``PATH/attributions``, brat): a predicted claim is paired with
the gold attribution whose cue it overlaps; where the gold source names someone (its head is a
proper noun: "Donald Trump", "Sen. Tim Kaine of Virginia"), the resolved speaker is right when
its words include that head ("Trump"). Gold sources headed by a pronoun or a common noun ("he",
"the Republican nominee", "Clinton's campaign") name no one here and are not scored.

Figures: ``accuracy`` and ``n`` over the whole set; ``accuracy_<kind>`` for speaker spans that
are names, pronouns or descriptions; ``accuracy_tune`` / ``accuracy_held`` on two fixed halves
of the documents (by a CRC of the document name: tune on one, report the other untouched);
for GUM also ``accuracy_test`` on the corpus's test partition.

GUM also scores each claim's speaker **code** against our own gold codes
(``eval.speaker_codes``): ``code_accuracy`` over the claims whose gold speaker has a code, with
``code_accuracy_tune`` / ``_held`` / ``_test`` and counts, ``code_none_accuracy`` over those whose
gold speaker has none (right when uncoded), and the errors by class (``code_country_wrong``,
``code_sector_wrong``, ``code_not_coded``, ``code_coded_where_none``).

The listing of misses (entities, and GUM's codes as a section) shows the tune half only, outside
GUM's test partition (``listed``): the held half and the test partition are judged by their
figures and never read one by one.
"""

from __future__ import annotations

import html
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from wirewatch.errors import EvalDataError
from wirewatch.eval import speaker_codes
from wirewatch.eval.report import EvalReport
from wirewatch.records import Article, Claim
from wirewatch.settings import Settings

DEFAULT_PATH = Path("../shared/data/gum")
_PRONOUNS = {"i", "me", "we", "us", "you", "he", "him", "she", "her", "they", "them", "it", "who", "which", "that"}
# Possessive, reflexive and reciprocal forms: an entity GUM marks only with these and the
# pronouns ("you ... your", "we ... our ... each other") is as unnamed as one marked only "you".
_PRONOUN_FORMS = _PRONOUNS | {"my", "mine", "myself", "our", "ours", "ourselves", "your", "yours", "yourself",
                              "yourselves", "his", "himself", "hers", "herself", "its", "itself", "their",
                              "theirs", "themselves", "each other", "one another", "whom", "whose"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_MAX_MISSES = 40
_WORD = re.compile(r"[\w’'.-]+")


@dataclass(slots=True)
class Mention:
    entity: str
    start: int  # characters
    end: int
    proper: bool = False  # headed by a proper noun
    text: str = ""
    first: int = 0  # tokens [first, last] of the document
    last: int = 0
    head: str = ""  # the head word ("Democrats" in "Senate Democrats who wanted ...")
    name: str = ""  # the proper nouns at or right after the head ("Mu Li" in "researcher Mu Li")


@dataclass(slots=True)
class GumDocument:
    name: str
    partition: str
    text: str
    mentions: list[Mention] = field(default_factory=list)
    # Each GUM token's characters in ``text``: the attribution trainer maps RST segments through them.
    token_chars: list[tuple[int, int]] = field(default_factory=list)
    # The article's own date (the xml's dateCreated), given to the pipeline as a publisher's date
    # would be: leaders' dated terms code "President Obama" by the year he was named.
    date: str | None = None
    title: str = ""  # the xml's title (the news_events annotations of GUM code its events too)


@dataclass(slots=True)
class _Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


def evaluate(path: Path, settings: Settings) -> EvalReport:
    path = Path(path)
    if (path / "dep").is_dir():
        return _evaluate_gum(path, settings)
    if (path / "attributions").is_dir() or (path / "text").is_dir():
        return _evaluate_polnear(path, settings)
    raise EvalDataError(f"{path}: expected GUM (dep/*.conllu) or PolNeAR (text/ and attributions/)")


def half_of(name: str) -> str:
    """"tune" or "held": a fixed split of documents by name."""
    return "tune" if zlib.crc32(name.encode("utf-8")) % 2 == 0 else "held"


# -- GUM ----------------------------------------------------------------------------------------
def read_gum(path: Path) -> list[GumDocument]:
    files = sorted((path / "dep").glob("*.conllu"))
    if not files:
        raise EvalDataError(f"{path}/dep: no .conllu files")
    docs = []
    for f in files:
        header = _header(path, f.stem)
        doc = _read_conllu(f, header.get("partition") or "unknown")
        doc.date = header.get("dateCreated")
        doc.title = header.get("title", "")
        docs.append(doc)
    return docs


def _header(path: Path, name: str) -> dict[str, str]:
    """The attributes of the document's xml header (``partition``, ``dateCreated``, ``title``), read
    once; none when it has no xml file."""
    xml = path / "xml" / f"{name}.xml"
    if not xml.exists():
        return {}
    head = xml.read_text(encoding="utf-8")[:2000]
    return {key: html.unescape(value) for key, value in re.findall(r'\b(\w+)="([^"]*)"', head)}


def _label(who: str) -> str:
    """"ChristopherHill" -> "Christopher Hill": a turn's speaker as a transcript names them."""
    return re.sub(r"(?<=[a-z])(?<!Mc)(?<!Mac)(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", who.lstrip("#"))


def _read_conllu(file: Path, partition: str) -> GumDocument:
    parts: list[str] = []
    pos = 0
    open_: dict[str, list[tuple[int, int]]] = {}  # entity -> stack of (start char, first token)
    mentions: list[Mention] = []
    tokens: list[tuple[str, int]] = []  # (upos, head as a document token index or -1)
    words: list[str] = []
    chars: list[tuple[int, int]] = []
    speaker = None
    new_par = True
    sent_base = 0
    for line in file.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar"):
            new_par = True
            continue
        if line.startswith("# speaker = "):
            who = line.split("=", 1)[1].strip()
            if who != speaker:  # a new turn: a paragraph opening with the speaker's name
                speaker = who
                prefix = ("\n\n" if parts else "") + f"{_label(who)}: "
                parts.append(prefix)
                pos += len(prefix)
                new_par = False
            continue
        if line.startswith("# sent_id"):
            sent_base = len(tokens)
            continue
        if not line or line.startswith("#"):
            if not line and parts and not parts[-1].endswith(("\n", " ")):
                parts.append(" ")
                pos += 1
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        if new_par:
            while parts and parts[-1] == " ":
                parts.pop()
                pos -= 1
            if parts:
                parts.append("\n\n")
                pos += 2
            new_par = False
        word, upos, head, misc = cols[1], cols[3], int(cols[6]), cols[9]
        start = pos
        parts.append(word)
        pos += len(word)
        tokens.append((upos, sent_base + head - 1 if head else -1))
        words.append(word)
        chars.append((start, pos))
        _entities(misc, start, pos, len(tokens) - 1, open_, mentions)
        if "SpaceAfter=No" not in misc:
            parts.append(" ")
            pos += 1
    text = "".join(parts).rstrip() + "\n"
    for m in mentions:
        m.text = text[m.start : m.end]
        # The mention's head: its token whose syntactic head lies outside it.
        heads = [t for t in range(m.first, m.last + 1) if not m.first <= tokens[t][1] <= m.last]
        m.proper = bool(heads) and tokens[heads[0]][0] == "PROPN"
        m.head = words[heads[0]] if heads else ""
        if heads:
            # The name the mention carries: the proper nouns from its head on ("Tom Molomby, SC"),
            # or right after a common-noun head ("Senior researcher Mu Li, of ...").
            i = heads[0] if m.proper else heads[0] + 1
            run = []
            while i <= m.last and tokens[i][0] == "PROPN":
                run.append(words[i])
                i += 1
            m.name = " ".join(run)
    return GumDocument(file.stem, partition, text, mentions, chars)


def _entities(misc: str, start: int, end: int, token: int, open_, mentions: list[Mention]) -> None:
    value = next((f[7:] for f in misc.split("|") if f.startswith("Entity=")), None)
    if value is None:
        return
    i = 0
    while i < len(value):
        if value[i] == "(":
            j = i + 1
            while j < len(value) and value[j] not in "()":
                j += 1
            entity = value[i + 1 : j].split("-", 1)[0]
            if j < len(value) and value[j] == ")":  # opens and closes on this token
                mentions.append(Mention(entity, start, end, first=token, last=token))
                i = j + 1
            else:
                open_.setdefault(entity, []).append((start, token))
                i = j
        else:
            m = re.match(r"(\d+)\)", value[i:])
            if not m:
                i += 1
                continue
            entity = m.group(1)
            if open_.get(entity):
                m_start, first = open_[entity].pop()
                mentions.append(Mention(entity, m_start, end, first=first, last=token))
            i += len(m.group(0))


def _gold_entity(doc: GumDocument, start: int, end: int) -> str | None:
    """The entity GUM marks on a speaker span: the smallest mention covering it, else the
    widest mention starting where it starts ("Nick Bos" in "Nick Bos, of the University of
    Helsinki"), else the mention sharing most characters with it."""
    covering = [m for m in doc.mentions if m.start <= start and end <= m.end]
    if covering:
        return min(covering, key=lambda m: m.end - m.start).entity
    starting = [m for m in doc.mentions if m.start == start and m.end <= end]
    if starting:
        return max(starting, key=lambda m: m.end - m.start).entity
    best = max(doc.mentions, key=lambda m: min(end, m.end) - max(start, m.start), default=None)
    if best is None or min(end, best.end) - max(start, best.start) <= 0:
        return None
    return best.entity


def _norm(text: str) -> str:
    text = re.sub(r"\s*([-‐–])\s*", r"\1", text)  # "Al - Maeena" as the tokens joined it: "Al-Maeena"
    words = [w.casefold().strip(".,’'") for w in _WORD.findall(text)]
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    while words and words[-1] in ("s", "’s", "'s"):
        words = words[:-1]
    return " ".join(w for w in words if w)


def names_entity(name: str | None, mentions: list[Mention]) -> bool:
    """Whether ``name`` (a resolved speaker name) names the entity whose mentions these are: it
    is one of the mentions, or ends one ("team member Rodaba Noori"), or, for an entity the text
    names, its last word is the head of a proper-name mention ("Hill", "Senate Democrats who
    ..."). A pronoun is never a name."""
    if not name:
        return False
    said = _norm(name)
    if not said or said in _PRONOUNS:
        return False
    texts = [_norm(m.text) for m in mentions]
    if any(said == t or t.endswith(" " + said) for t in texts if t):
        return True
    # The same noun phrase with or without what follows its head: "Voters" for "Voters who
    # meet me", "Local municipalities in Italy" for "Local municipalities".
    for m, t in zip(mentions, texts, strict=False):
        head = _norm(m.head)
        if t and head and head in said.split() and (t.startswith(said + " ") or said.startswith(t + " ")):
            return True
    # A name's head is its first word in UD ("Mario" in "Mario J. Lucero"): its last word counts too.
    heads = {_norm(m.head) for m in mentions if m.proper and m.head}
    heads |= {_norm(m.name).split()[-1] for m in mentions if _norm(m.name)}
    heads |= {_norm(m.text).split()[-1] for m in mentions if m.proper and _norm(m.text)}
    if heads:
        return said.split()[-1] in heads or any(said.endswith(" " + h) or said == h for h in heads)
    return False


def span_kind(text: str) -> str:
    """"pronoun", "name" (holds a capitalised word after the first) or "description"."""
    words = text.split()
    if len(words) == 1 and words[0].casefold() in _PRONOUNS:
        return "pronoun"
    if any(w[:1].isupper() for w in words[1:]) or (words and words[0][:1].isupper() and words[0].casefold() not in _DETERMINERS):
        return "name"
    return "description"


def _evaluate_gum(path: Path, settings: Settings) -> EvalReport:
    docs = read_gum(path)
    tallies: dict[str, _Tally] = {}
    misses: list[dict[str, str]] = []
    code_misses: list[list[str]] = []
    unnamed = 0
    gold_codes = speaker_codes.load_codes()
    codes = _CodeTally()
    for doc, claims in _run(settings, [(d.text, d) for d in docs]):
        by_entity: dict[str, list[Mention]] = {}
        for m in doc.mentions:
            by_entity.setdefault(m.entity, []).append(m)
        for c in claims:
            if c.speaker_start is None or c.speaker_end is None:
                continue
            entity = _gold_entity(doc, c.speaker_start, c.speaker_end)
            if entity is None:
                continue
            if all(_norm(m.text) in _PRONOUN_FORMS for m in by_entity[entity]):
                unnamed += 1  # a generic "you", "they": nothing in the text to resolve it to
                continue
            ok = names_entity(c.speaker_name, by_entity[entity])
            text = doc.text[c.speaker_start : c.speaker_end]
            for key in ("all", span_kind(text), half_of(doc.name), doc.partition):
                tallies.setdefault(key, _Tally()).add(ok)
            accepted = speaker_codes.gold_code(gold_codes.get(doc.name, {}), by_entity[entity], _norm)
            error = codes.add(accepted, c.speaker_code, ("all", half_of(doc.name), doc.partition))
            if not listed(doc):
                continue  # the held half and the test partition are scored, never read one by one
            if error is not None and accepted is not None and len(code_misses) < _MAX_MISSES:
                code_misses.append([doc.name, text, c.speaker_name or "", c.speaker_code or "-",
                                    " or ".join(accepted), error])
            if not ok and len(misses) < _MAX_MISSES:
                gold = next((m.text for m in by_entity[entity] if m.proper), by_entity[entity][0].text)
                misses.append({"document": doc.name, "speaker": text, "resolved": c.speaker_name or "",
                               "gold": gold, "cue": c.cue})
    report = _report("speakers", str(path), tallies, misses, partitions=True)
    report.figures["n_unnamed"] = unnamed
    report.table.append(("speakers only ever a pronoun (not scored)", str(unnamed)))
    codes.report(report)
    if code_misses:
        header = ["document", "speaker", "resolved", "code", "gold", "error"]
        report.sections["speaker code misses (tune half)"] = [header, *code_misses]
    return report


def listed(doc: GumDocument) -> bool:
    """Whether a document's misses are listed: the tune half's, outside GUM's test partition. The
    held half and the test partition are the figures a change is judged on; they are only ever
    counted, so that no one tunes to their sentences by reading them."""
    return half_of(doc.name) == "tune" and doc.partition != "test"


@dataclass(slots=True)
class _CodeTally:
    """Speaker codes against the gold codes: right/total per split where a code applies, right
    where none applies, and the errors by class."""

    coded: dict[str, _Tally] = field(default_factory=dict)
    uncoded: _Tally = field(default_factory=_Tally)
    errors: Counter[str] = field(default_factory=Counter)
    unannotated: int = 0

    def add(self, accepted: tuple[str, ...] | None, predicted: str | None, keys: tuple[str, ...]) -> str | None:
        """Count one speaker's code; its error class (``speaker_codes.ERRORS``), None when right or unscored."""
        if accepted is None:
            self.unannotated += 1  # a speaker the gold file has no code for: not scored
            return None
        error = speaker_codes.judge(predicted, accepted)
        if error is not None:
            self.errors[error] += 1
        if accepted == (speaker_codes.NONE,):
            self.uncoded.add(error is None)
            return error
        for key in keys:
            self.coded.setdefault(key, _Tally()).add(error is None)
        return error

    def report(self, report: EvalReport) -> None:
        everything = self.coded.get("all", _Tally())
        report.figures["code_accuracy"] = round(everything.accuracy, 4)
        report.figures["n_code"] = everything.total
        report.table.append(("speaker code right (gold code applies)",
                             f"{everything.accuracy:.3f} ({everything.right} of {everything.total})"))
        for key in ("tune", "held", "test"):
            t = self.coded.get(key, _Tally())
            report.figures[f"code_accuracy_{key}"] = round(t.accuracy, 4)
            report.figures[f"n_code_{key}"] = t.total
            report.table.append((f"  {key}", f"{t.accuracy:.3f} ({t.right} of {t.total})"))
        report.figures["code_none_accuracy"] = round(self.uncoded.accuracy, 4)
        report.figures["n_code_none"] = self.uncoded.total
        report.table.append(("left uncoded where no code applies",
                             f"{self.uncoded.accuracy:.3f} ({self.uncoded.right} of {self.uncoded.total})"))
        for error in speaker_codes.ERRORS:
            report.figures[f"code_{error}"] = self.errors[error]
            report.table.append((f"  code errors: {error.replace('_', ' ')}", str(self.errors[error])))
        report.figures["n_code_unannotated"] = self.unannotated


# -- PolNeAR ------------------------------------------------------------------------------------
def _evaluate_polnear(path: Path, settings: Settings) -> EvalReport:
    from wirewatch.eval.claims import _pairs, _tokens, read_brat

    pairs = _pairs(path)
    tallies: dict[str, _Tally] = {}
    misses: list[dict[str, str]] = []
    inputs = [(txt.read_text(encoding="utf-8"), (txt, ann)) for txt, ann in pairs]
    for (txt, ann), claims, doc in _run_polnear(settings, inputs):
        text = doc.text
        tokens = _tokens(text)
        gold = read_brat(ann, tokens)
        for c in claims:
            if c.cue_start is None or c.speaker_start is None:
                continue
            cue = _token_range(tokens, c.cue_start, c.cue_end)
            match = next((g for g in gold if g.spans.get("cue", frozenset()) & cue and g.spans.get("source")), None)
            if match is None:
                continue
            ids = sorted(match.spans["source"])
            source = doc.char_span(tokens[ids[0]][0], tokens[ids[-1]][1], alignment_mode="expand")
            if source is None or source.root.pos_ != "PROPN":
                continue  # a pronoun or description ("the Republican nominee"): the gold names no one
            # Words split at hyphens on both sides: the parser heads "Holtz-Eakin" by "Eakin".
            said = {w.casefold() for w in _WORD.findall((c.speaker_name or "").replace("-", " "))}
            ok = source.root.text.casefold().strip("-") in said
            for key in ("all", span_kind(text[c.speaker_start : c.speaker_end]), half_of(txt.stem)):
                tallies.setdefault(key, _Tally()).add(ok)
            if not ok and half_of(txt.stem) == "tune" and len(misses) < _MAX_MISSES:
                misses.append({"document": txt.stem, "speaker": text[c.speaker_start : c.speaker_end],
                               "resolved": c.speaker_name or "", "gold": source.text[:80], "cue": c.cue})
    return _report("speakers", str(path), tallies, misses, partitions=False)


def _token_range(tokens: list[tuple[int, int]], start: int, end: int) -> frozenset[int]:
    return frozenset(i for i, (s, e) in enumerate(tokens) if s < end and start < e)


# -- running the product ------------------------------------------------------------------------
def _pipeline(settings: Settings):
    from functools import partial

    from wirewatch.claims.extract import find_claims
    from wirewatch.eval.claims import _mention_finder
    from wirewatch.stages import Knowledge

    knowledge = Knowledge.load(settings)
    found = partial(find_claims, lexicons=knowledge.claims)
    return knowledge.nlp, _mention_finder(knowledge), found


def _run(settings: Settings, inputs):
    nlp, mentions_for, find_claims = _pipeline(settings)
    for doc, gum in nlp.pipe(inputs, as_tuples=True, batch_size=settings.batch_size):
        article = Article(article_id=gum.name, text=doc.text, published_at=gum.date)
        yield gum, find_claims(doc, article, mentions_for(doc, article))


def _run_polnear(settings: Settings, inputs):
    nlp, mentions_for, find_claims = _pipeline(settings)
    for doc, pair in nlp.pipe(inputs, as_tuples=True, batch_size=settings.batch_size):
        article = Article(article_id=pair[0].stem, text=doc.text)
        claims: list[Claim] = find_claims(doc, article, mentions_for(doc, article))
        yield pair, claims, doc


def _report(suite: str, dataset: str, tallies: dict[str, _Tally], misses, partitions: bool) -> EvalReport:
    figures: dict[str, float | int] = {}
    table: list[tuple[str, str]] = []
    everything = tallies.get("all", _Tally())
    figures["accuracy"] = round(everything.accuracy, 4)
    figures["n"] = everything.total
    table.append(("resolved speaker right", f"{everything.accuracy:.3f} ({everything.right} of {everything.total})"))
    keys = ["name", "pronoun", "description", "tune", "held"] + (["train", "dev", "test"] if partitions else [])
    for key in keys:
        t = tallies.get(key)
        if t is None:
            continue
        figures[f"accuracy_{key}"] = round(t.accuracy, 4)
        figures[f"n_{key}"] = t.total
        table.append((f"  {key}", f"{t.accuracy:.3f} ({t.right} of {t.total})"))
    kinds = Counter(m["speaker"].split()[0].casefold() if m["speaker"] else "" for m in misses)
    sections = {"most frequent first words of missed speakers": [[k, str(n)] for k, n in kinds.most_common(8)]}
    return EvalReport(suite=suite, dataset=dataset, figures=figures, table=table, misses=misses, sections=sections)
