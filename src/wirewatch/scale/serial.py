"""The serial engine: articles parsed and analysed in this process, a batch at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from wirewatch.records import Analysis, Article, InputProblem
from wirewatch.scale.loading import LoadsOnFirstArticle
from wirewatch.stages import analyse_batch


class SerialEngine(LoadsOnFirstArticle):
    """``settings.batch_size`` articles per ``nlp.pipe`` call, then the stages on each (``stages.analyse_batch``)."""

    def analyse(self, articles: Iterable[Article]) -> Iterator[Analysis | InputProblem]:
        stream = iter(articles)
        while batch := list(islice(stream, self.settings.batch_size)):
            yield from analyse_batch(batch, self.settings, self.knowledge())
