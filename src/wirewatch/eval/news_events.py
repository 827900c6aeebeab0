"""The news-events suite: every codable event of real articles, coded by wirewatch and matched.

Layout read (``news_events/README.md``): a folder of YAML files (or one file), each naming its
article (``GWN.dev.xml#N`` in ``geowebnews/``, or ``polnear/<split>/<name>.txt``, found in that
folder's ``text/`` as PolNeAR ships it) with its publication date, title and gold events. The texts
are looked up in the nearest folder above the YAML file that holds them (``../shared/data/``).

Each article is analysed as a user's would be: its body as the article text, its title and date
as given metadata (``ingest.article.article_from_string``), every stage of the pipeline
(``stages.analyze_articles``, what ``wirewatch.analyze`` runs), all modalities kept. The
matching rule is ``eval.event_matching``. Figures (fractions):

- ``{located,typed,strict}_{precision,recall,f1}``: one-to-one matches over coded / gold events;
- ``modality_accuracy``: share of strict matches whose modality is the gold one;
- ``asserted_{precision,recall,f1}``: the strict level with asserted coded events against asserted
  gold events only;
- ``shown_{precision,recall,f1}``: the same, counting only the coded events every interface shows
  by default (``events.confidence.shown_by_default``: asserted, an actor coded or named, and a
  confidence of at least ``SHOWN_FLOOR``);
- ``confidence_auc``: how well each coded event's confidence ranks the strictly matched events
  above the others (0.5 is chance);
- ``attribution_accuracy``: share of located matches credited to the right reporter (the claim's
  speaker sharing a name word with the gold ``attributed_to``, or nobody where the article states
  the event itself: ``event_matching.attribution_right``); ``attribution_recall`` of those the gold
  credits to someone, ``attribution_precision`` of those wirewatch credits to a claimant;
- ``date_accuracy``: share of located matches with a gold date whose coded date is it, lies within
  it or holds it (``event_matching.date_right``: a day in the gold range, or the year of a gold
  day); ``place_accuracy``: share of located matches with a gold place whose coded place is in
  the gold place's country;
- counts: ``n`` gold events, ``coded`` events, ``articles``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from wirewatch.errors import EvalDataError, InputError
from wirewatch.eval.event_matching import (
    LEVELS,
    CodedEvent,
    GoldEvent,
    attribution_right,
    country,
    date_right,
    fold_reciprocal,
    match,
)
from wirewatch.eval.ranking import auc
from wirewatch.eval.report import EvalReport
from wirewatch.eval.speakers import read_gum
from wirewatch.events.confidence import shown_by_default
from wirewatch.ingest.article import article_from_string
from wirewatch.records import Article, Event
from wirewatch.settings import Settings
from wirewatch.stages import analyze_articles

DEFAULT_PATH = Path("../shared/data/news_events/dev")
MAX_LISTED = 400


@dataclass(slots=True)
class GoldArticle:
    name: str  # the YAML file's stem
    reference: str  # its ``article`` field
    title: str | None
    published: str | None
    body: str
    events: list[GoldEvent] = field(default_factory=list)


# -- reading the set ---------------------------------------------------------------------------
def _yaml_files(path: Path) -> list[Path]:
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    if not files or not all(f.is_file() for f in files):
        raise EvalDataError(f"{path}: no news_events YAML files found (expected news_events/dev/*.yaml)")
    return files


def _find_text(yaml_file: Path, relative: str) -> Path:
    """``relative`` (a path under ../shared/data/) in the nearest folder above ``yaml_file``.
    PolNeAR keeps its texts in ``<split>/text/``; the annotations name them without it."""
    rel = Path(relative)
    for folder in yaml_file.resolve().parents:
        for candidate in (folder / rel, folder / rel.parent / "text" / rel.name):
            if candidate.is_file():
                return candidate
    raise EvalDataError(f"{yaml_file}: the article {relative!r} is not in any folder above it")


@lru_cache(maxsize=4)
def _geowebnews(xml_file: Path) -> dict[str, tuple[str, str]]:
    """GeoWebNews articles by their ``file`` attribute: (title, text)."""
    try:
        root = ET.parse(xml_file).getroot()
    except ET.ParseError as exc:
        raise EvalDataError(f"{xml_file}: not well-formed XML ({exc})") from exc
    return {a.get("file") or "": ((a.findtext("title") or "").strip(), (a.findtext("text") or "").strip())
            for a in root.iter("article")}


@lru_cache(maxsize=2)
def _gum(folder: Path) -> dict[str, tuple[str, str]]:
    """GUM documents by name: (title, text), as ``eval.speakers.read_gum`` reads them."""
    return {d.name: (d.title, d.text) for d in read_gum(folder)}


def _gum_folder(yaml_file: Path) -> Path:
    """../shared/data/gum from a set beside it (news_events) or from this repository's
    training data (training/events/gum), whose checkout has ../shared beside it."""
    for folder in yaml_file.resolve().parents:
        for candidate in (folder / "gum", folder / "shared" / "data" / "gum"):
            if (candidate / "dep").is_dir():
                return candidate
    raise EvalDataError(f"{yaml_file}: the GUM corpus (gum/dep/) is not in any folder above it")


def _title_and_body(yaml_file: Path, reference: str) -> tuple[str, str]:
    if reference.startswith("gum:"):  # our own annotations of GUM's news documents
        documents = _gum(_gum_folder(yaml_file))
        if reference[4:] not in documents:
            raise EvalDataError(f"{yaml_file}: no GUM document {reference[4:]!r}")
        return documents[reference[4:]]
    file_part, _, number = reference.partition("#")
    if number:  # GeoWebNews: GWN.dev.xml#N
        articles = _geowebnews(_find_text(yaml_file, f"geowebnews/{file_part}"))
        if number not in articles:
            raise EvalDataError(f"{yaml_file}: no <article file={number!r}> in {file_part}")
        return articles[number]
    text = _find_text(yaml_file, reference).read_text(encoding="utf-8")
    title, _, body = text.strip().partition("\n")  # PolNeAR: the first line is the title
    return title.strip(), body.strip()


def _actor(value: Any) -> str | None:
    if isinstance(value, dict):
        return country(value.get("code"))
    return None


def _place_country(value: Any) -> str | None:
    country = value.get("country") if isinstance(value, dict) else None
    return str(country).upper() if country else None


def read_set(path: Path) -> list[GoldArticle]:
    """Every annotated article of a set: a folder of YAML files, or one file."""
    return [read_article(f) for f in _yaml_files(path)]


def read_article(yaml_file: Path) -> GoldArticle:
    try:
        raw = yaml.safe_load(yaml_file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise EvalDataError(f"{yaml_file}: cannot read the annotation YAML ({exc})") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("article"), str) or not isinstance(raw.get("events"), list):
        raise EvalDataError(f"{yaml_file}: expected a mapping with 'article' and a list of 'events'")
    title, body = _title_and_body(yaml_file, raw["article"])
    gold = GoldArticle(yaml_file.stem, raw["article"], raw.get("title") or title,
                       str(raw["published"]) if raw.get("published") else None, body)
    for e in raw["events"]:
        try:
            within = (gold.title or "") if e.get("in_title") else body
            gold.events.append(GoldEvent(
                ident=f"{yaml_file.stem}#{e['id']}", evidence=_quoted(e["evidence"], within, yaml_file),
                trigger=_quoted(e["trigger"], within, yaml_file),
                source=_actor(e.get("source")), target=_actor(e.get("target")),
                cameo_root=str(e["cameo"]).zfill(2)[:2], plover=str(e["plover"]),
                modality=str(e.get("modality") or "asserted"), reciprocal=bool(e.get("reciprocal")),
                in_title=bool(e.get("in_title")),
                attributed_to=str(e["attributed_to"]) if e.get("attributed_to") else None,
                date=str(e["date"]) if e.get("date") else None,
                place_country=_place_country(e.get("place")),
            ))
        except (KeyError, TypeError) as exc:
            raise EvalDataError(f"{yaml_file}: event {e!r:.80} lacks {exc}") from exc
    return gold


def _quoted(value: Any, text: str, yaml_file: Path) -> str:
    """An evidence or trigger: the words themselves, or ``{start, end}`` characters of the text (the
    form of annotations kept in this repository, which never copies a corpus's text)."""
    if isinstance(value, dict):
        start, end = int(value["start"]), int(value["end"])
        if not 0 <= start < end <= len(text):
            raise EvalDataError(f"{yaml_file}: span {start}-{end} is outside its text ({len(text)} characters)")
        return text[start:end]
    return str(value)


# -- coding and scoring ------------------------------------------------------------------------
def coded_event(event: Event) -> CodedEvent:
    """An event reduced to what the matching rule and the report read."""
    return CodedEvent(evidence=event.evidence, source=country(event.source_code), target=country(event.target_code),
                      cameo_root=event.cameo_root, plover=event.plover_type, modality=event.modality, rule=event.rule,
                      claimant=event.claimant, date=event.date, place_country=event.place_country,
                      confidence=event.confidence, shown=shown_by_default(event))


def code_articles(articles: list[GoldArticle], settings: Settings) -> list[list[CodedEvent]]:
    """Every event wirewatch codes in each article, all modalities, in article order."""
    inputs: list[Article] = []
    for a in articles:
        try:
            inputs.append(article_from_string(a.body, settings=settings, title=a.title, published_at=a.published))
        except InputError as exc:
            raise EvalDataError(f"{a.name}: the article text was refused ({exc.reason})") from exc
    return [[coded_event(e) for e in analysis.events] for analysis in analyze_articles(inputs, settings)]


@dataclass(slots=True)
class _Tally:
    matched: Counter[str] = field(default_factory=Counter)
    coded: int = 0
    gold: int = 0
    modality_right: int = 0
    asserted_matched: int = 0
    asserted_coded: int = 0
    asserted_gold: int = 0
    shown_matched: int = 0
    shown_coded: int = 0
    # Every coded event's confidence beside whether it matched strictly: how well it ranks them.
    scored: list[tuple[float, bool]] = field(default_factory=list)
    # Provenance, on located matches: right reporter overall, of gold-attributed and of credited events.
    located_pairs: int = 0
    attribution_right: int = 0
    attributed_gold: int = 0
    attributed_gold_right: int = 0
    credited: int = 0
    credited_right: int = 0
    # When and where, on located matches whose gold gives a date / a place.
    dated_gold: int = 0
    dated_right: int = 0
    placed_gold: int = 0
    placed_right: int = 0


def _prf(matched: int, coded: int, gold: int) -> tuple[float, float, float]:
    p = matched / coded if coded else 0.0
    r = matched / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _share(right: int, of: int) -> float:
    return round(right / of, 4) if of else 0.0


def _show(e: GoldEvent | CodedEvent) -> str:
    return f"{e.plover}/{e.cameo_root} {e.source or '-'}->{e.target or '-'} {e.modality}"


def score_article(name: str, coded: list[CodedEvent], gold: list[GoldEvent], tally: _Tally,
                  listed: list[dict[str, Any]], errors: Counter[str]) -> None:
    """Add one article's matches to ``tally``; its misses and extras to ``listed``."""
    coded = fold_reciprocal(coded)
    tally.coded += len(coded)
    tally.gold += len(gold)
    pairs = {level: match(coded, gold, level) for level in LEVELS}
    for level in LEVELS:
        tally.matched[level] += len(pairs[level])
    tally.modality_right += sum(coded[c].modality == gold[g].modality for c, g in pairs["strict"].items())
    for c, g in pairs["located"].items():
        right = attribution_right(coded[c], gold[g])
        credited = coded[c].claimant not in (None, "unattributed")
        tally.located_pairs += 1
        tally.attribution_right += right
        tally.attributed_gold += gold[g].attributed_to is not None
        tally.attributed_gold_right += right and gold[g].attributed_to is not None
        tally.credited += credited
        tally.credited_right += right and credited
        tally.dated_gold += gold[g].date is not None
        tally.dated_right += date_right(coded[c], gold[g])
        tally.placed_gold += gold[g].place_country is not None
        tally.placed_right += gold[g].place_country is not None and coded[c].place_country == gold[g].place_country
    asserted_coded = [c for c in coded if c.modality == "asserted"]
    asserted_gold = [g for g in gold if g.modality == "asserted"]
    tally.asserted_coded += len(asserted_coded)
    tally.asserted_gold += len(asserted_gold)
    tally.asserted_matched += len(match(asserted_coded, asserted_gold, "strict"))
    shown = [c for c in asserted_coded if c.shown]
    tally.shown_coded += len(shown)
    tally.shown_matched += len(match(shown, asserted_gold, "strict"))
    tally.scored += [(c.confidence, i in pairs["strict"]) for i, c in enumerate(coded)]
    strict_gold = set(pairs["strict"].values())
    reached: set[int] = set(strict_gold)
    stood_in = set(pairs["strict"])  # coded events shown beside a miss are not listed again as extras
    for level in ("typed", "located"):  # the strictest level a gold event reached, and what stood for it
        for c, g in pairs[level].items():
            if g in reached:
                continue
            reached.add(g)
            stood_in.add(c)
            kind = _error_kind(coded[c], gold[g]) if level == "typed" else "type"
            errors[kind] += 1
            listed.append(_row(name, "miss", level, gold[g], coded[c], kind))
    for g, ref in enumerate(gold):
        if g not in reached:
            kind = "title" if ref.in_title else "not found"
            errors[kind] += 1
            listed.append(_row(name, "miss", "-", ref, None, kind))
    for c, event in enumerate(coded):
        if c not in stood_in:
            errors["extra"] += 1
            listed.append(_row(name, "extra", "-", None, event, "extra"))


def _error_kind(coded: CodedEvent, gold: GoldEvent) -> str:
    """Why a typed pair is not strict: which role is empty or of the wrong country."""
    kinds = []
    for role in ("source", "target"):
        want, got = getattr(gold, role), getattr(coded, role)
        if want == got or want == "---":
            continue
        kinds.append(f"{role} {'missing' if got is None else 'extra' if want is None else 'wrong'}")
    return ", ".join(kinds) or "direction"


def _row(name: str, kind: str, level: str, gold: GoldEvent | None, coded: CodedEvent | None,
         why: str) -> dict[str, Any]:
    evidence = gold.evidence if gold else coded.evidence if coded else ""
    return {"article": name, "kind": kind, "reached": level, "why": why,
            "trigger": gold.trigger if gold else "", "gold": _show(gold) if gold else "",
            "coded": _show(coded) if coded else "", "rule": coded.rule if coded else "",
            "evidence": " ".join(evidence.split())}


def evaluate(path: Path | str = DEFAULT_PATH, settings: Settings | None = None) -> EvalReport:
    path = Path(path)
    if not path.exists():
        raise EvalDataError(f"{path}: news_events set not found (pass the path of news_events/dev)")
    settings = settings or Settings.from_env()
    articles = read_set(path)
    tally = _Tally()
    listed: list[dict[str, Any]] = []
    errors: Counter[str] = Counter()
    for article, coded in zip(articles, code_articles(articles, settings), strict=False):
        score_article(article.name, coded, article.events, tally, listed, errors)
    return _report(str(path), tally, len(articles), listed, errors)


def _report(dataset: str, tally: _Tally, articles: int, listed: list[dict[str, Any]],
            errors: Counter[str]) -> EvalReport:
    figures: dict[str, float | int] = {}
    table: list[tuple[str, str]] = [("articles", str(articles)), ("gold events", str(tally.gold)),
                                    ("coded events", str(tally.coded))]
    for level in LEVELS:
        p, r, f = _prf(tally.matched[level], tally.coded, tally.gold)
        figures |= {f"{level}_f1": round(f, 4), f"{level}_precision": round(p, 4), f"{level}_recall": round(r, 4)}
        table.append((f"{level} F1 (P / R)", f"{f:.3f} ({p:.3f} / {r:.3f})"))
    strict = tally.matched["strict"]
    modality = tally.modality_right / strict if strict else 0.0
    ap, ar, af = _prf(tally.asserted_matched, tally.asserted_coded, tally.asserted_gold)
    sp, sr, sf = _prf(tally.shown_matched, tally.shown_coded, tally.asserted_gold)
    figures |= {"modality_accuracy": round(modality, 4), "asserted_f1": round(af, 4),
                "asserted_precision": round(ap, 4), "asserted_recall": round(ar, 4),
                "shown_f1": round(sf, 4), "shown_precision": round(sp, 4), "shown_recall": round(sr, 4),
                "n": tally.gold, "coded": tally.coded, "articles": articles,
                "confidence_auc": round(auc([s for s, _ in tally.scored], [y for _, y in tally.scored]), 4)}
    figures |= {"attribution_accuracy": _share(tally.attribution_right, tally.located_pairs),
                "attribution_recall": _share(tally.attributed_gold_right, tally.attributed_gold),
                "attribution_precision": _share(tally.credited_right, tally.credited),
                "date_accuracy": _share(tally.dated_right, tally.dated_gold),
                "place_accuracy": _share(tally.placed_right, tally.placed_gold)}
    table += [("modality accuracy (strict matches)", f"{modality:.3f} of {strict}"),
              ("asserted only: strict F1 (P / R)", f"{af:.3f} ({ap:.3f} / {ar:.3f})"),
              ("shown (asserted, an actor, at the confidence floor): strict F1 (P / R)",
               f"{sf:.3f} ({sp:.3f} / {sr:.3f})"),
              ("confidence ranks strict matches above the rest (AUC)", f"{figures['confidence_auc']:.3f}"),
              ("who reports it: right reporter (located matches)",
               f"{figures['attribution_accuracy']:.3f} of {tally.located_pairs}"),
              ("  of events the gold credits to someone",
               f"{figures['attribution_recall']:.3f} of {tally.attributed_gold}"),
              ("  of events credited to a claimant", f"{figures['attribution_precision']:.3f} of {tally.credited}"),
              ("when: right date (located matches the gold dates)",
               f"{figures['date_accuracy']:.3f} of {tally.dated_gold}"),
              ("where: right place country (located matches the gold places)",
               f"{figures['place_accuracy']:.3f} of {tally.placed_gold}")]
    kinds = [["why", "count"]] + [[k, str(v)] for k, v in errors.most_common()]
    listed.sort(key=lambda m: (m["kind"] != "miss", m["article"]))
    return EvalReport(suite="news-events", dataset=dataset, figures=figures, table=table,
                      misses=listed[:MAX_LISTED], sections={"misses and extras by cause": kinds})
