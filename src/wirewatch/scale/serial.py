"""The serial engine: articles parsed and analysed in this process, a batch at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from wirewatch.records import Analysis, Article, InputProblem
from wirewatch.scale.engines import Announce
from wirewatch.scale.loading import load_knowledge
from wirewatch.settings import Settings
from wirewatch.stages import Knowledge, analyse_batch


class SerialEngine:
    """``settings.batch_size`` articles per ``nlp.pipe`` call, then the stages on each (``stages.analyse_batch``)."""

    def __init__(self, settings: Settings, announce: Announce | None = None, knowledge: Knowledge | None = None) -> None:
        self.settings = settings
        self.announce = announce
        self._knowledge = knowledge  # loaded on the first article when not given

    def analyse(self, articles: Iterable[Article]) -> Iterator[Analysis | InputProblem]:
        stream = iter(articles)
        while batch := list(islice(stream, self.settings.batch_size)):
            if self._knowledge is None:  # on the first article: a run with nothing new loads nothing
                self._knowledge = load_knowledge(self.settings, self.announce)
            yield from analyse_batch(batch, self.settings, self._knowledge)
