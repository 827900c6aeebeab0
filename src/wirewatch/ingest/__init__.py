"""Ingest: files, folders, stdin and strings to ``Article`` records (or ``InputProblem``s).

``load_articles`` is the batch entry point; ``article.article_from_string`` takes one
string. Modules, in the order an input passes through them:

- ``read``        find inputs (files, folders, ``-``), read bytes within the size limit
- ``guards``      size, gzip and binary-content checks
- ``decode``      bytes to text (BOM, declared charset, UTF-8, detection)
- ``jsonl``       one article per JSON line
- ``extract``     body text: ``html`` (trafilatura cascade) or ``plaintext`` (headline split),
                  both through ``boilerplate`` line patterns
- ``article``     acceptance (length, ``language``), cut to size, ``identity`` (stable id)
- ``dedup``       near-duplicates among the articles of one call
- ``reuse``       near-duplicates and partial reuse against a whole store (the corpus runner)
- ``warc``        WARC(.gz) web archives, one article per HTML response
- ``feeds``       RSS/Atom feeds, one article per item (or the linked page saved locally)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from wirewatch.ingest.dedup import mark_near_duplicates
from wirewatch.ingest.read import discover, read_input
from wirewatch.records import Article, InputProblem
from wirewatch.settings import Settings

__all__ = ["load_articles", "read_articles"]


def load_articles(paths: Sequence[str | Path], settings: Settings) -> Iterator[Article | InputProblem]:
    """Every article in ``paths`` in order, or an ``InputProblem`` for each input that has none.

    Accepts files, folders (recursive, sorted, hidden entries skipped), ``-`` for stdin, and
    ``.gz`` of any of these; formats ``.txt``, ``.html``/``.htm``, ``.jsonl``, ``.warc`` and
    RSS/Atom feeds (``.rss``, ``.atom``, ``.xml``; JSON Lines and feeds are sniffed when the
    name does not say). Articles that copy an earlier one of the same call with small
    edits get ``near_duplicate_of``. Never raises for a bad input.
    """
    return mark_near_duplicates(_read_all(paths, settings))


def read_articles(paths: Sequence[str | Path], settings: Settings) -> Iterator[Article | InputProblem]:
    """``load_articles`` without the per-call near-duplicate marking: for the corpus runner,
    which checks every article against the whole store instead (``ingest.reuse``)."""
    return _read_all(paths, settings)


def _read_all(paths: Sequence[str | Path], settings: Settings) -> Iterator[Article | InputProblem]:
    for item in discover(paths):
        if isinstance(item, InputProblem):
            yield item
        else:
            yield from read_input(item, settings)
