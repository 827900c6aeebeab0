"""The claims suite: attribution source, cue and content against PolNeAR (brat standoff).

Layout read: ``PATH/text/NAME.txt`` with ``PATH/attributions/NAME_ANNOTATOR.ann`` (PolNeAR),
or ``NAME.txt`` beside ``NAME.ann``; PATH may also be one ``.ann`` file. When several annotators
annotated one text, the first annotation file in name order is the gold standard, so every
article counts once.

The product's own pipeline is run: the spaCy model from settings, ``find_mentions`` when the
actors stage is importable (else no mentions), ``find_claims``.

Scoring, per role (source, cue, content):

- tokens: ``\\w+`` runs (with inner apostrophes) and single punctuation marks; a span's tokens
  are those its character ranges touch, and only word tokens count (punctuation and quote marks
  are ignored, so '“We will win,”' and 'We will win' are the same span);
- a predicted content is the claim's content range less the tokens of its own speaker and cue,
  so "“A,” he said. “B.”" is the two-part content PolNeAR annotates;
- PolNeAR gives each token to at most one attribution, so a predicted claim whose cue lies
  inside another predicted claim's content is not scored (the product keeps nested claims);
- token-overlap match (``*_f1``): a predicted span matches a gold span of the same role when
  they share at least one token, pairs matched one-to-one, greedily by most shared tokens;
  precision = matched / predicted spans, recall = matched / gold spans;
- exact match (``*_exact_f1``): the same, but a pair matches only with identical token sets;
- token F1 (``*_token_f1``, for information): precision and recall over role tokens pooled
  across the set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wirewatch.errors import EvalDataError
from wirewatch.eval.report import EvalReport
from wirewatch.records import Article, Claim
from wirewatch.settings import Settings

if TYPE_CHECKING:  # the stages load spaCy: imported where a suite runs, not where it is listed
    from wirewatch.stages import Knowledge

DEFAULT_PATH = Path("../shared/data/polnear/dev")
ROLES = ("source", "cue", "content")
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_MAX_MISSES = 30


@dataclass(slots=True)
class Attribution:
    """One attribution's roles as sets of word-token indices (empty when a role is absent)."""

    spans: dict[str, frozenset[int]] = field(default_factory=dict)


@dataclass(slots=True)
class _Tally:
    matched: int = 0
    exact: int = 0
    predicted: int = 0
    gold: int = 0
    tok_shared: int = 0
    tok_predicted: int = 0
    tok_gold: int = 0


def evaluate(path: Path, settings: Settings) -> EvalReport:
    pairs = _pairs(Path(path))
    from wirewatch.claims.extract import find_claims
    from wirewatch.stages import Knowledge

    knowledge = Knowledge.load(settings)
    nlp, lexicons = knowledge.nlp, knowledge.claims
    mentions_for = _mention_finder(knowledge)
    texts = [(txt.read_text(encoding="utf-8"), (txt, ann)) for txt, ann in pairs]
    tallies = {role: _Tally() for role in ROLES}
    misses: list[dict[str, str]] = []
    n_gold = 0
    for doc, (txt, ann) in nlp.pipe(texts, as_tuples=True, batch_size=settings.batch_size):
        article = Article(article_id=txt.stem, text=doc.text)
        claims = find_claims(doc, article, mentions_for(doc, article), lexicons)
        tokens = _tokens(doc.text)
        gold = read_brat(ann, tokens)
        predicted = [_predicted(c, tokens) for c in _outermost(claims)]
        n_gold += len(gold)
        for role in ROLES:
            _score(role, predicted, gold, tallies[role])
        _collect_misses(txt.stem, doc.text, tokens, gold, predicted, misses)
    return _report(str(path), tallies, n_gold, len(pairs), misses)


# -- reading the gold standard -----------------------------------------------------------------
def _pairs(path: Path) -> list[tuple[Path, Path]]:
    if not path.exists():
        raise EvalDataError(f"{path}: no such file or folder (expected PolNeAR text/ and attributions/)")
    if path.is_file():
        if path.suffix != ".ann":
            raise EvalDataError(f"{path}: expected a brat .ann file or a folder")
        anns = [path]
    else:
        folder = path / "attributions" if (path / "attributions").is_dir() else path
        anns = sorted(folder.glob("*.ann"))
    chosen: dict[Path, Path] = {}
    for ann in anns:
        txt = _text_for(ann)
        if txt is not None:
            chosen.setdefault(txt, ann)
    if not chosen:
        raise EvalDataError(f"{path}: found no .ann file with its .txt text (text/NAME.txt or NAME.txt)")
    return sorted(chosen.items())


def _text_for(ann: Path) -> Path | None:
    stem = ann.stem
    names = [stem, re.sub(r"_[0-9a-f]{4}$", "", stem)]  # PolNeAR appends the annotator id
    for folder in (ann.parent, ann.parent.parent / "text"):
        for name in names:
            candidate = folder / f"{name}.txt"
            if candidate.exists():
                return candidate
    return None


def _char_range(text: str) -> tuple[int, int]:
    """"12 40" -> (12, 40); anything else is a ValueError the reader turns into a one-line error."""
    start, end = text.split()
    return int(start), int(end)


def read_brat(ann: Path, tokens: list[tuple[int, int]]) -> list[Attribution]:
    """Attributions of one brat file: T lines give role spans, E lines tie them together."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for number, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split("\t")
        try:
            if parts[0].startswith("T") and len(parts) >= 2:
                label, ranges = parts[1].split(" ", 1)
                spans[parts[0]] = (label, [_char_range(r) for r in ranges.split(";")])
            elif parts[0].startswith("E") and len(parts) >= 2:
                events.append(dict(item.split(":", 1) for item in parts[1].split()))
        except ValueError as exc:
            raise EvalDataError(f"{ann}:{number}: not a brat annotation line ({exc})") from exc
    out = []
    for event in events:
        att = Attribution()
        for role in ROLES:
            ref = event.get(role.capitalize())
            if ref in spans:
                att.spans[role] = _token_ids(tokens, spans[ref][1])
        out.append(att)
    return out


# -- predictions -------------------------------------------------------------------------------
def _mention_finder(knowledge: Knowledge):
    try:
        from wirewatch.actors.resolve import find_mentions
    except ImportError:
        return lambda doc, article: []
    return lambda doc, article: find_mentions(doc, article, knowledge.actors, knowledge.coreference, knowledge.media)


def _outermost(claims: list[Claim]) -> list[Claim]:
    """Claims not nested in another kept claim's content, widest contents first."""
    kept: list[Claim] = []
    for claim in sorted(claims, key=lambda c: c.char_start - c.char_end):
        start = claim.cue_start if claim.cue_start is not None else claim.char_start
        if not any(o.char_start <= start < o.char_end for o in kept):
            kept.append(claim)
    return sorted(kept, key=lambda c: c.char_start)


def _predicted(claim: Claim, tokens: list[tuple[int, int]]) -> Attribution:
    att = Attribution()
    source = (
        _token_ids(tokens, [(claim.speaker_start, claim.speaker_end)])
        if claim.speaker_start is not None and claim.speaker_end is not None else frozenset()
    )
    cue = (_token_ids(tokens, [(claim.cue_start, claim.cue_end)])
           if claim.cue_start is not None and claim.cue_end is not None else frozenset())
    content = _token_ids(tokens, [(claim.char_start, claim.char_end)]) - source - cue
    att.spans = {"source": source, "cue": cue, "content": content}
    return att


# -- tokens ------------------------------------------------------------------------------------
def _tokens(text: str) -> list[tuple[int, int]]:
    """Word tokens only (punctuation is ignored in every comparison)."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text) if any(ch.isalnum() for ch in m.group(0))]


def _token_ids(tokens: list[tuple[int, int]], ranges: list[tuple[int, int]]) -> frozenset[int]:
    from bisect import bisect_left

    ends = [e for _, e in tokens]
    ids: set[int] = set()
    for start, end in ranges:
        i = bisect_left(ends, start + 1)
        while i < len(tokens) and tokens[i][0] < end:
            ids.add(i)
            i += 1
    return frozenset(ids)


# -- scoring -----------------------------------------------------------------------------------
def _score(role: str, predicted: list[Attribution], gold: list[Attribution], tally: _Tally) -> None:
    pred = [p.spans.get(role, frozenset()) for p in predicted]
    pred = [p for p in pred if p]
    ref = [g.spans.get(role, frozenset()) for g in gold]
    ref = [g for g in ref if g]
    tally.predicted += len(pred)
    tally.gold += len(ref)
    tally.matched += _match(pred, ref, exact=False)
    tally.exact += _match(pred, ref, exact=True)
    pred_tokens = frozenset().union(*pred) if pred else frozenset()
    gold_tokens = frozenset().union(*ref) if ref else frozenset()
    tally.tok_shared += len(pred_tokens & gold_tokens)
    tally.tok_predicted += len(pred_tokens)
    tally.tok_gold += len(gold_tokens)


def _match(pred: list[frozenset[int]], ref: list[frozenset[int]], exact: bool) -> int:
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(ref):
            shared = len(p & g)
            if shared and (not exact or p == g):
                pairs.append((shared, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def _prf(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _collect_misses(name, text, tokens, gold, predicted, misses) -> None:
    if len(misses) >= _MAX_MISSES:
        return
    for g in gold:
        cue = g.spans.get("cue", frozenset())
        if not cue or any(cue & p.spans["cue"] for p in predicted):
            continue
        ids = sorted(cue | g.spans.get("content", frozenset()) | g.spans.get("source", frozenset()))
        start, end = tokens[ids[0]][0], tokens[ids[-1]][1]
        cue_ids = sorted(cue)
        misses.append(
            {
                "article": name,
                "missed cue": text[tokens[cue_ids[0]][0] : tokens[cue_ids[-1]][1]],
                "context": text[start:end][:200],
            }
        )
        if len(misses) >= _MAX_MISSES:
            return


def _report(dataset: str, tallies: dict[str, _Tally], n: int, articles: int, misses) -> EvalReport:
    figures: dict[str, float | int] = {}
    table: list[tuple[str, str]] = [("articles", str(articles)), ("attributions (gold)", str(n))]
    for role, t in tallies.items():
        p, r, f = _prf(t.matched, t.predicted, t.gold)
        ep, er, ef = _prf(t.exact, t.predicted, t.gold)
        tp, tr, tf = _prf(t.tok_shared, t.tok_predicted, t.tok_gold)
        figures.update(
            {
                f"{role}_f1": round(f, 4),
                f"{role}_precision": round(p, 4),
                f"{role}_recall": round(r, 4),
                f"{role}_exact_f1": round(ef, 4),
                f"{role}_exact_precision": round(ep, 4),
                f"{role}_exact_recall": round(er, 4),
                f"{role}_token_f1": round(tf, 4),
            }
        )
        table.append((f"{role} F1 overlap (P / R)", f"{f:.3f} ({p:.3f} / {r:.3f})"))
        table.append((f"{role} F1 exact (P / R)", f"{ef:.3f} ({ep:.3f} / {er:.3f})"))
        table.append((f"{role} token F1 (P / R)", f"{tf:.3f} ({tp:.3f} / {tr:.3f})"))
    figures["n"] = n
    return EvalReport(suite="claims", dataset=dataset, figures=figures, table=table, misses=misses)
