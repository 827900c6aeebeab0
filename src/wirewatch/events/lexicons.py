"""The event stage's lexicons, read together: the verb patterns (``data/verbs.yaml``), the event
nouns (``data/event_nouns.yaml``), the words of evaluation (``data/evaluations.yaml``), the role
ranker's weights (``data/role_model.json``), the modality cues (``data/modality.yaml``) and the
CAMEO code table (``data/cameo_codes.tsv``, ``cameo_plover.tsv``).

``stages.Knowledge.load`` builds one ``EventLexicons`` per process and hands it to ``code_events``;
nothing in ``events/`` reads these files on its own, so what a stage looks things up in is whatever
it was given (a test can give it a changed copy) and worker processes forked after ``load`` share it.
The coreference (``actors.coreference``), which the actor stage is handed too, comes with them: the
coder asks it who a pronoun subject is; so do the description words (``actors.descriptions``), shared
with the claims stage.
"""

from __future__ import annotations

from dataclasses import dataclass

from wirewatch.actors.coreference import CoreferenceKnowledge
from wirewatch.actors.descriptions import DescriptionKnowledge
from wirewatch.events.codes import CameoTable, read_cameo_table
from wirewatch.events.confidence import ConfidenceModel, read_confidence_model
from wirewatch.events.evaluation_words import EvaluationLexicon, read_evaluation_lexicon
from wirewatch.events.event_nouns import NounEntry, read_event_nouns
from wirewatch.events.modality import ModalityCues, read_modality_cues
from wirewatch.events.patterns import VerbLexicon, read_verb_lexicon
from wirewatch.events.roles import RoleModel, read_role_model


@dataclass(frozen=True, slots=True)
class EventLexicons:
    verbs: VerbLexicon
    nouns: dict[str, NounEntry]  # event noun (lemma, lower case) -> its verb or code and role slots
    modality: ModalityCues
    codes: CameoTable
    coreference: CoreferenceKnowledge
    evaluations: EvaluationLexicon
    # The learned role ranker's weights (``events.roles``); None codes with the parse-path rules
    # alone (training builds its examples so, and scores folds with its own weights).
    roles: RoleModel | None = None
    # The learned confidence (``events.confidence``); None leaves each event the rules' prior
    # (training reads the prior as a feature, so it codes without a model).
    confidence: ConfidenceModel | None = None
    # What the article says of the actors the dictionary leaves uncoded (``actors.descriptions``:
    # "the Dallas Police Department", "Ana Ruiz, a biologist at the University of Tampere"), as
    # the claims stage reads its speakers; None codes with the dictionary's codes alone.
    descriptions: DescriptionKnowledge | None = None

    @classmethod
    def load(cls, coreference: CoreferenceKnowledge, descriptions: DescriptionKnowledge | None = None) -> EventLexicons:
        codes = read_cameo_table()
        return cls(verbs=read_verb_lexicon(codes), nouns=read_event_nouns(codes), modality=read_modality_cues(),
                   codes=codes, coreference=coreference, evaluations=read_evaluation_lexicon(),
                   roles=read_role_model(), confidence=read_confidence_model(),
                   descriptions=descriptions)
