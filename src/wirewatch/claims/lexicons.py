"""The claim stage's lexicons, read together: the cue words (``data/verbs.yaml``, ``hedges.yaml``,
``sources.yaml``, ``given_names.yaml``) and the learned cue model (``data/cue_model.json``).

``stages.Knowledge.load`` builds one ``ClaimLexicons`` per process and hands it to ``find_claims``;
nothing in ``claims/`` reads these files on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from wirewatch.claims.cue_model import CueModel, read_cue_model
from wirewatch.claims.cues import ClaimCues, read_claim_cues


@dataclass(frozen=True, slots=True)
class ClaimLexicons:
    cues: ClaimCues
    cue_model: CueModel

    @classmethod
    def load(cls) -> ClaimLexicons:
        return cls(cues=read_claim_cues(), cue_model=read_cue_model())
