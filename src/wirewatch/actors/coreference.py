"""Article-level coreference of people, organisations and groups: one answer to "who is he?".

Both the event coder (``events.arguments.earlier_subject``, ``actors.resolve``) and the speaker
resolver (``claims.speakers``) ask this module, so an event and a claim in the same sentence
cannot disagree on who "he" or "the Russian leader" is.

Built once per parsed article (``article_coreference``, kept on the Doc) from what
``stages.Knowledge.load`` reads once per process (``CoreferenceKnowledge``: the word lists and the
ranker's weights), which the actor, claim and event stages are each handed:

1. referring expressions: named entities (PERSON, ORG, GPE, NORP), noun phrases headed by a
   common noun, and third-person pronouns, in text order;
2. names cluster by name form: "Jacob J. Lew", "Lew", "Mr. Lew", "Treasury Secretary Lew" are
   one person, the first full name the article uses (so a surname is this article's person,
   never a better-known namesake the actor dictionary knows);
3. definite descriptions link to a named person: by the article's appositions ("the
   party's nominee, Mitt Romney") and pre-name titles ("Foreign Minister Sergei Lavrov" ... "the
   minister"), by nationality ("the Russian leader" skips a Turkish president), else the person
   the last sentences are about; "the ministry" to the latest organisation named with that noun;
4. each pronoun is linked to one earlier expression, or to none, by a linear ranker
   (``data/coreference_model.json``, an averaged perceptron trained on GUM's train documents by
   ``scripts/train_coreference.py``) over gender and number agreement, the candidate's kind
   (person, organisation, place, group, thing), its role (subject, the subject of its
   sentence, speaker of a reporting verb), sentence distance and its rank among the compatible
   candidates; on top, "he"/"she" never take a place, a group or someone of the other gender,
   and a person named as subject of this or the previous sentence outranks an unnamed
   description. A pronoun linked to a pronoun takes that pronoun's antecedent, so chains ("Lew
   said ... He added ... his") stay on one person.

``Referent.name`` is what a pronoun resolves to: the full name of a named person, else the
expression's own words without a leading article ("the terrorists" -> "terrorists").
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from importlib import resources

import yaml
from spacy.tokens import Doc, Token

from wirewatch.nlp.doc_ents import doc_ents
from wirewatch.nlp.doc_memo import remembered
from wirewatch.nlp.doc_sents import sentence_number

_KEY = "wirewatch.coreference"
_DATA = "wirewatch.actors.data"
MODEL_FILE = "coreference_model.json"
WINDOW = 3  # sentences back from a pronoun in which its antecedent is looked for

PRONOUN_FORMS = {
    "he": "he", "him": "he", "his": "he", "himself": "he",
    "she": "she", "her": "she", "hers": "she", "herself": "she",
    "it": "it", "its": "it", "itself": "it",
    "they": "they", "them": "they", "their": "they", "theirs": "they", "themselves": "they",
}
_GENDER = {"he": "m", "she": "f"}
_PREMODIFIERS = {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod"}
_ARTICLES = {"the", "a", "an", "this", "that", "these", "those"}


@dataclass(frozen=True, slots=True)
class PersonWords:
    """What the claim stage knows of people and the coreference reads too: its gendered words,
    given names, role nouns and collective speakers, and social platforms (``claims/data``). Handed
    over by the loader (``claims.lexicons.person_words``), so this module reads no claims file."""

    female: frozenset[str]
    male: frozenset[str]
    female_names: frozenset[str]
    male_names: frozenset[str]
    role_nouns: frozenset[str]  # role nouns and collective speakers
    platforms: frozenset[str]  # as written


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Words that tell a person's gender and that a noun is a person: the claims stage's lists
    (``PersonWords``) with this stage's own (``data/coreference.yaml``)."""

    female: frozenset[str]
    male: frozenset[str]
    female_names: frozenset[str]
    male_names: frozenset[str]
    person_nouns: frozenset[str]
    platforms: frozenset[str] = frozenset()  # "Twitter", "X": networks, never people, as written
    # actors/data/coreference.yaml: verbs of saying, organisation head nouns, titles before names
    saying: frozenset[str] = frozenset()
    organisation_nouns: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()


def read_lexicon(people: PersonWords) -> Lexicon:
    own = yaml.safe_load(resources.files(_DATA).joinpath("coreference.yaml").read_text(encoding="utf-8"))
    female, male = people.female, people.male
    return Lexicon(female=female, male=male, female_names=people.female_names,
                   male_names=people.male_names,
                   person_nouns=people.role_nouns | _words(own.get("person_nouns", [])) | female | male,
                   platforms=people.platforms,
                   saying=_words(own.get("saying_verbs", [])),
                   organisation_nouns=_words(own.get("organisation_nouns", [])),
                   titles=_words(own.get("titles", [])))


def _words(listed: list[str]) -> frozenset[str]:
    return frozenset(str(w).casefold() for w in listed)


def read_weights() -> dict[str, float]:
    """The pronoun ranker's weights (``data/coreference_model.json``)."""
    raw = json.loads(resources.files(_DATA).joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    return {k: float(v) for k, v in raw["weights"].items()}


@dataclass(frozen=True, slots=True)
class CoreferenceKnowledge:
    """What the coreference looks things up in: its word lists and the ranker's weights, read once
    per process by ``stages.Knowledge.load`` and handed to the stages that ask who "he" is."""

    lexicon: Lexicon
    weights: dict[str, float]
    # From the actor dictionary (``with_countries``): country names and adjectives (lower case) and
    # people's names (case-folded) to ISO3, so "the Russian leader" is not a Swiss official.
    countries: dict[str, str] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, people: PersonWords) -> CoreferenceKnowledge:
        return cls(lexicon=read_lexicon(people), weights=read_weights())

    def with_countries(self, countries: dict[str, str], people: dict[str, str]) -> CoreferenceKnowledge:
        return replace(self, countries=countries, people=people)


@dataclass(slots=True)
class Referent:
    """One referring expression of the article."""

    head: int  # token index of the head
    start: int  # first token of the expression
    end: int  # one past its last token
    sentence: int
    kind: str  # PER, ORG, GPE, NORP, noun, pnoun (a noun for a person), or a pronoun form
    gender: str | None  # "m", "f" or None
    plural: bool
    name: str  # what the expression names: a person's full name, else its own words
    dep: str
    speaker: bool = False  # subject of a reporting verb
    named: bool = False  # a description linked to a named person ("the Russian leader" -> Putin)
    antecedent: Referent | None = field(default=None, repr=False)  # for pronouns, once resolved

    @property
    def pronoun(self) -> bool:
        return self.kind in ("he", "she", "it", "they")

    def resolved(self) -> Referent | None:
        """The named or described expression a pronoun ends at (itself for any other)."""
        ref: Referent | None = self
        for _ in range(50):
            if ref is None or not ref.pronoun:
                return ref
            ref = ref.antecedent
        return None


class Coreference:
    """The referring expressions of one article and what each pronoun refers to."""

    def __init__(self, doc: Doc, lexicon: Lexicon, weights: dict[str, float],
                 countries: dict[str, str] | None = None, people: dict[str, str] | None = None) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.weights = weights
        self.countries = countries or {}
        self.people = people or {}
        self._countries: dict[int, str | None] = {}  # referent head -> _country_of
        self.full_names: dict[str, str] = {}  # surname (folded) -> the article's full name
        self.referents: list[Referent] = []
        self._heads: list[int] = []
        self._candidates: dict[int, list[Referent]] = {}
        self._compatible_counts: dict[int, list[int]] = {}
        self.by_head: dict[int, Referent] = {}
        self._collect()
        for ref in self.referents:
            if ref.pronoun:
                ref.antecedent = self._rank(ref)

    # -- public -------------------------------------------------------------------------------
    def full_name(self, name: str) -> str:
        """The article's full name for a surname or titled name ("Mr. Lew" -> "Jacob J. Lew")."""
        words = _name_words(name, self.lexicon.titles)
        if len(words) == 1:
            return self.full_names.get(words[0].casefold(), words[0])
        return " ".join(words) if words else name

    def antecedent(self, token: Token) -> Referent | None:
        """What the pronoun ``token`` refers to (a named or described expression), or None."""
        ref = self.by_head.get(token.i)
        if ref is None or not ref.pronoun:
            return None
        return ref.resolved()

    def candidates(self, pronoun: Referent) -> list[Referent]:
        """Earlier expressions within ``WINDOW`` sentences of ``pronoun``, nearest first."""
        cached = self._candidates.get(pronoun.head)
        if cached is not None:
            return cached
        out = []
        for n in range(bisect_left(self._heads, pronoun.head) - 1, -1, -1):
            ref = self.referents[n]
            if ref.start <= pronoun.head < ref.end:
                continue
            if pronoun.sentence - ref.sentence > WINDOW:
                break
            out.append(ref)
        self._candidates[pronoun.head] = out
        return out

    def compatible_before(self, pronoun: Referent, rank: int) -> int:
        """How many named or described candidates nearer than the ``rank``-th could be it."""
        counts = self._compatible_counts.get(pronoun.head)
        if counts is None:
            counts = [0]
            for c in self.candidates(pronoun):
                counts.append(counts[-1] + (not c.pronoun and _compatible(pronoun, c)))
            self._compatible_counts[pronoun.head] = counts
        return counts[rank]

    def features(self, pronoun: Referent, candidate: Referent | None, rank: int = 0) -> list[str]:
        return pair_features(self, pronoun, candidate, rank)

    # -- building -----------------------------------------------------------------------------
    def _collect(self) -> None:
        doc = self.doc
        taken: set[int] = set()
        for ent in doc_ents(doc):
            if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            words = _name_words(ent.text, self.lexicon.titles)
            if not words:
                continue
            kind = "PER" if ent.label_ == "PERSON" or self._titled(ent.start, ent.end, words) else ent.label_
            if " ".join(words) in self.lexicon.platforms:
                kind = "ORG"  # "answered on Twitter": the network the tagger took for a name
            if kind == "PER" and len(words) > 1:
                self.full_names.setdefault(words[-1].casefold(), " ".join(words))
            elif kind != "PER" and len(words) == 1 and words[0].casefold() in self.full_names:
                kind = "PER"  # "Montalvo" read as a place after "Daniel Montalvo": the person
            self._add(ent.root, ent.start, ent.end, kind, " ".join(words))
            taken.update(range(ent.start, ent.end))
        for tok in doc:
            if tok.i in taken:
                continue
            if tok.pos_ == "PROPN" and tok.text.casefold() in self.full_names and tok.dep_ not in ("compound", "flat"):
                # a surname the tagger missed, once the article has named the person in full
                self._add(tok, tok.i, tok.i + 1, "PER", tok.text)
                continue
            lower = tok.lower_
            if lower in PRONOUN_FORMS and tok.pos_ in ("PRON", "DET"):
                self._add(tok, tok.i, tok.i + 1, PRONOUN_FORMS[lower], tok.text)
            elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "flat", "amod"):
                start = min([tok.i] + [c.left_edge.i for c in tok.lefts if c.dep_ in _PREMODIFIERS])
                start = max(start, next((t.i + 1 for t in reversed(doc[start:tok.i]) if t.i in taken), start))
                lemma = tok.lemma_.casefold()
                nouns = self.lexicon.person_nouns
                modifiers = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod")]
                # "the billionaire developer": a noun a person noun modifies is a person too
                kind = "pnoun" if lemma in nouns or lower in nouns or any(m in nouns for m in modifiers) else "noun"
                words = [t.text for t in doc[start : tok.i + 1]]
                if words and words[0].casefold() in _ARTICLES:
                    words = words[1:]
                self._add(tok, start, tok.i + 1, kind, " ".join(words) or tok.text)
        self.referents.sort(key=lambda r: r.head)
        self._heads = [r.head for r in self.referents]
        # A surname, or a name only ever written short, is the article's full name.
        for ref in self.referents:
            if ref.kind == "PER":
                ref.name = self.full_name(ref.name)
                ref.gender = ref.gender or self._name_gender(ref.name)
        # Appositions and "X, the official": a description of a named person is that person.
        for ref in self.referents:
            if ref.kind != "pnoun":
                continue
            tok = doc[ref.head]
            linked = [c for c in tok.children if c.dep_ == "appos"]
            if tok.dep_ == "appos":
                linked.append(tok.head)
            for other in linked:
                named = self.by_head.get(other.i)
                if named is not None and named.kind in ("ORG", "GPE") and " " in named.name \
                        and all(t.pos_ == "PROPN" for t in doc[named.start : named.end]):
                    named.kind = "PER"  # "the candidate, Helena Marsh" tagged ORG: a person by the apposition
                if named is not None and named.kind == "PER":
                    ref.name, ref.gender, ref.named = named.name, ref.gender or named.gender, True
                    break
            else:
                if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not ref.plural:
                    self._describe(ref)
        for ref in self.referents:
            tok = doc[ref.head]
            if ref.kind == "noun" and not ref.plural and tok.lemma_.casefold() in self.lexicon.organisation_nouns \
                    and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                self._describe_organisation(ref)

    def _titled(self, start: int, end: int, words: list[str]) -> bool:
        """A name the tagger calls an organisation or place but a personal title gives away
        ("Chancellor Olaf Scholz" tagged ORG)."""
        doc = self.doc
        before = doc[start - 1].lower_ if start > 0 else ""
        titles = self.lexicon.titles
        titled = before in titles or doc[start].lower_ in titles
        return titled and len(words) >= 2 and all(t.pos_ == "PROPN" for t in doc[start:end] if t.lower_ not in titles)

    def _nationality(self, start: int, end: int) -> str | None:
        """The nationality a mention is written with ("the Russian leader", "German Chancellor X",
        "President X of Russia"), as ISO3 when the actor dictionary knows the word."""
        doc = self.doc
        words = list(doc[max(0, start - 3) : end])
        if end + 1 < len(doc) and doc[end].lower_ == "of":  # "President Vladimir V. Putin of Russia"
            words.append(doc[end + 1])
        for tok in words:
            if tok.ent_type_ in ("NORP", "GPE") and tok.pos_ in ("ADJ", "PROPN"):
                pair = doc[tok.i : tok.i + 2].text.lower()  # "South Korean", "North Korea"
                return self.countries.get(pair) or self.countries.get(tok.lower_, tok.lower_)
        return None

    def _country_of(self, ref: Referent) -> str | None:
        """The country a named person is written with, else the one the actor dictionary gives
        the full name (never a surname alone: a namesake is not the famous one). Worked out once
        per referent: every later description with a nationality asks it of every earlier person."""
        if ref.head not in self._countries:
            self._countries[ref.head] = self._read_country(ref)
        return self._countries[ref.head]

    def _read_country(self, ref: Referent) -> str | None:
        found = self._nationality(ref.start, ref.end)
        if found is not None or ref.kind != "PER":
            return found
        words = ref.name.split()
        forms = [ref.name, f"{words[0]} {words[-1]}"] if len(words) >= 2 else []
        return next((self.people[f.casefold()] for f in forms if f.casefold() in self.people), None)

    def _describe(self, ref: Referent) -> None:
        """A definite description ("the German leader", "the president") names the latest person
        the article described with that noun ("President X", "X, the party's leader"), anywhere
        before, else the latest person named in the sentence or the one before, or a subject
        within reach (of no other gender or nationality)."""
        noun = self.doc[ref.head].lemma_.casefold()
        doc = self.doc
        nationality = self._nationality(ref.start, ref.end)
        verb = doc[ref.head].head.i
        earlier = [r for r in reversed(self.referents) if r.kind == "PER" and r.head < ref.start
                   and (ref.gender is None or r.gender in (None, ref.gender))
                   and doc[r.head].head.i != verb  # "Scholz met the French president": not Scholz
                   and (nationality is None or self._country_of(r) in (None, nationality))]
        compatriots = [r for r in earlier if nationality is not None and self._country_of(r) == nationality]
        if compatriots:
            # "the Russian leader" is a Russian the article named, before anyone of no known country,
            # however far back: the one named with that title, else the one it names most
            earlier = compatriots
        titled = next((r for r in earlier if noun in {t.lemma_.casefold() for t in self.doc[max(0, r.start - 3) : r.end]}), None)
        if compatriots:
            times = Counter(r.name for r in compatriots)
            near: Referent | None = max(compatriots, key=lambda r: times[r.name])  # the latest of the most named
        else:
            # else the person the last sentences are about: named in this sentence or the one before,
            # or a subject further back ("Trump spent ... Aides described ... The billionaire developer")
            near = next((r for r in earlier if r.dep not in ("compound", "poss") and ref.sentence - r.sentence <= WINDOW
                         and (ref.sentence - r.sentence <= 1 or r.dep in ("nsubj", "nsubjpass"))), None)
        named = titled or near
        if named is not None:
            ref.name, ref.gender, ref.named = named.name, ref.gender or named.gender, True

    def _describe_organisation(self, ref: Referent) -> None:
        """"the ministry" names the latest organisation within reach whose name holds the noun
        ("the Russian Foreign Ministry"), of the same nationality when the description has one."""
        noun = self.doc[ref.head].lemma_.casefold()
        nationality = self._nationality(ref.start, ref.end)
        for r in reversed(self.referents):
            if r.head >= ref.start or ref.sentence - r.sentence > 2 * WINDOW:
                continue
            if r.kind == "ORG" and noun in r.name.casefold().split() \
                    and (nationality is None or self._nationality(r.start, r.end) in (None, nationality)):
                words = r.name.split()
                ref.name, ref.named, ref.kind = " ".join(words[1:] if words[0] in ("The", "the") else words), True, "ORG"
                return

    def described(self, token: Token) -> Referent | None:
        """The named person or organisation a description headed by ``token`` refers to ("the
        Russian leader", "the party's nominee", "the billionaire developer", "the ministry"), or
        None."""
        ref = self.by_head.get(token.i)
        return ref if ref is not None and ref.kind in ("pnoun", "ORG") and ref.named else None

    def _add(self, head: Token, start: int, end: int, kind: str, name: str) -> None:
        doc = self.doc
        words = {t.lower_ for t in doc[max(0, start - 2) : end]}
        gender = _GENDER.get(kind)
        if gender is None and kind in ("PER", "pnoun"):
            if words & self.lexicon.female or head.lower_ in self.lexicon.female:
                gender = "f"
            elif words & self.lexicon.male or head.lower_ in self.lexicon.male:
                gender = "m"
        plural = kind == "they" or head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)
        dep = head.dep_
        speaker = dep in ("nsubj", "nsubjpass") and head.head.lemma_.casefold() in self.lexicon.saying
        ref = Referent(head.i, start, end, sentence_number(self.doc, head.i), kind, gender, plural, name, dep, speaker)
        self.referents.append(ref)
        self.by_head.setdefault(head.i, ref)

    def _name_gender(self, name: str) -> str | None:
        given = name.split()[0].casefold()
        if given in self.lexicon.female_names:
            return "f"
        if given in self.lexicon.male_names:
            return "m"
        return None

    def _rank(self, pronoun: Referent) -> Referent | None:
        best, best_score = None, self._score(self.features(pronoun, None))
        named_subject: Referent | None = None
        for rank, cand in enumerate(self.candidates(pronoun)):
            if pronoun.kind in ("he", "she", "they") and not _compatible(pronoun, cand):
                continue  # "he" is never a place, a group or a woman the article names; "they" no one person
            if pronoun.speaker and cand.kind == "noun" and not cand.speaker \
                    and not (pronoun.kind == "they" and cand.plural and cand.dep == "nsubj"
                             and self.doc[cand.head].head.pos_ == "VERB"):
                # "they added": people or an organisation, never "the drills" (were routine);
                # but a plural subject of a verb ("the terrorists are protesting ... They
                # think") may be people the person-noun lists do not know
                continue
            score = self._score(self.features(pronoun, cand, rank))
            if score > best_score:
                best, best_score = cand, score
            target = cand.resolved() if cand.pronoun else cand
            if named_subject is None and target is not None and target.kind == "PER" \
                    and cand.dep in ("nsubj", "nsubjpass") and pronoun.sentence - cand.sentence <= 1:
                named_subject = cand
        # News names the people it is about: a person named as subject of this sentence or the
        # one before outranks an unnamed description for "he"/"she" ("Putin met the Turkish
        # envoy. He said ..."), which GUM's interviews, full of unnamed people, do not teach.
        if pronoun.kind in ("he", "she") and named_subject is not None and best is not None \
                and best is not named_subject:
            target = best.resolved() if best.pronoun else best
            if target is None or (target.kind != "PER" and not target.named):
                return named_subject
        return best

    def _score(self, features: list[str]) -> float:
        w = self.weights
        return sum(w.get(f, 0.0) for f in features)


def article_coreference(doc: Doc, knowledge: CoreferenceKnowledge) -> Coreference:
    """The coreference of ``doc``, worked out on first use and kept on the Doc."""
    return remembered(doc, _KEY, lambda d: Coreference(d, knowledge.lexicon, knowledge.weights,
                                                       knowledge.countries, knowledge.people))


def _name_words(text: str, titles: frozenset[str]) -> list[str]:
    words = [w for w in text.replace("’s", "").replace("'s", "").split() if w not in ("'", "’")]
    while words and words[0].casefold() in titles:
        words = words[1:]
    return words


def _gender_of(ref: Referent) -> str | None:
    target = ref.resolved() if ref.pronoun else ref
    return ref.gender or (target.gender if target is not None else None)


def _compatible(pronoun: Referent, cand: Referent) -> bool:
    """Could ``cand`` be what ``pronoun`` stands for, by gender, number and animacy?"""
    form = pronoun.kind
    if cand.pronoun:
        if form in ("he", "she"):
            return cand.kind == form
        return cand.kind == form
    if form in ("he", "she"):
        g = _gender_of(cand)
        return cand.kind in ("PER", "pnoun") and not cand.plural and g in (None, _GENDER[form])
    if form == "it":
        return cand.kind not in ("PER", "pnoun") and not cand.plural
    return cand.plural or cand.kind in ("ORG", "NORP", "GPE")


def pair_features(coref: Coreference, pronoun: Referent, cand: Referent | None, rank: int) -> list[str]:
    """The ranker's features for linking ``pronoun`` to ``cand`` (None: to nothing).

    Few features, shared across pronoun forms where the reading is the same (a subject is
    salient for "he" as for "they"): GUM's few hundred pronouns overfit conjunctions (kind x
    distance, both roles, a name's frequency, token distance lowered the cross-validated accuracy
    over the training documents, and per-form weights preferred objects over subjects)."""
    form = pronoun.kind
    animate = "person" if form in ("he", "she") else form
    pdep = _role(pronoun.dep)
    if cand is None:
        return ["none", "none|" + form, "none|" + form + "|" + pdep]
    doc = coref.doc
    kind = "pron" if cand.pronoun and cand.kind == form else cand.kind if not cand.pronoun else "pron-other"
    sd = min(pronoun.sentence - cand.sentence, WINDOW)
    role = _role(cand.dep)
    compatible = _compatible(pronoun, cand)
    f = ["bias", "k=" + animate + "|" + kind, "sd=" + str(sd), "r=" + role, "compat=" + str(compatible)]
    if compatible:  # rank among the compatible candidates: the nearest one is the usual antecedent
        before = coref.compatible_before(pronoun, rank)
        f.append("crank=" + str(min(before, 3)))
    if form in ("he", "she"):
        g = _gender_of(cand)
        f.append("g=" + ("unknown" if g is None else "agree" if g == _GENDER[form] else "clash"))
    if cand.speaker:
        f.append("speaker")
    if cand.dep in ("nsubj", "nsubjpass") and doc[cand.head].head.dep_ == "ROOT":
        f.append("main_subject|" + str(min(sd, 2)))  # what the sentence is about
    if cand.sentence == pronoun.sentence and doc[cand.head].head.i == doc[pronoun.head].head.i \
            and pronoun.dep != "poss":
        f.append("same_verb")  # "Lew praised him": not Lew
    return f


def _role(dep: str) -> str:
    if dep in ("nsubj", "nsubjpass", "csubj"):
        return "subj"
    if dep in ("dobj", "iobj", "dative"):
        return "obj"
    if dep in ("pobj", "poss", "appos", "attr", "conj"):
        return dep
    if dep in ("compound", "amod", "nmod"):
        return "mod"  # a name as a modifier ("the Trump meeting") is seldom what "he" stands for
    return "other"
