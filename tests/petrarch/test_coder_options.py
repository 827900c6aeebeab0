"""PETRARCH's coding options (comma clauses, new actors) and the documented matching rules added for them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.tokens import Doc

from wirewatch.errors import DictionaryError
from wirewatch.petrarch.coder import code_doc
from wirewatch.petrarch.commas import removed_tokens
from wirewatch.petrarch.dictionaries import load_dictionaries
from wirewatch.petrarch.matching import verb_entries
from wirewatch.petrarch.options import CoderOptions
from wirewatch.petrarch.unit_suite import parse_balanced, read_unit_suite

pytestmark = [pytest.mark.slow]

ACTORS = """GONDOR [GON]
ARNOR [ARN]
MORDOR [MOR]
+BARAD-DUR
DENMARK [DNK]
+DANISH
FORNOST [FOR]
PHILIPPINES [PHL]
PRINCE_OF_DOL_AMROTH [DOL]
"""
AGENTS = """GOVERNMENT [~GOV]
MEDIA {} [~MED]
LAWMAKER [~LEG]
OFFICIAL [~GOV]
"""
VERBS = """--- RESTORE [064] ---
RESTORE
--- SAY [023] ---
SAY {SAID SAYS SAYING}
--- BURN [---] ---
BURN
- * DOWN [222]
--- DEPART [032] ---
DEPART
--- LEAVE [---] ---
LEAVE {LEFT LEAVES LEAVING}
- * FOR + [032:033]
--- WARN [160] ---
WARN
- * AT ^ + [162]
--- WELCOME [041] ---
WELCOME
--- FREE [066] ---
FREE
- + * FROM $ [066]
--- CRITICIZE [121] ---
CRITICIZE
- HEAVILY * [122]
"""


@pytest.fixture(scope="module")
def dictionaries(tmp_path_factory):
    folder = tmp_path_factory.mktemp("petr_options")
    for name, text in (("o.actors.txt", ACTORS), ("o.agents.txt", AGENTS), ("o.verbs.txt", VERBS)):
        (folder / name).write_text(text, encoding="utf-8")
    return load_dictionaries([folder])


def _triples(nlp, dictionaries, text: str, **options) -> set[tuple[str, str, str]]:
    return {e.triple for e in code_doc(nlp(text), dictionaries, date(1995, 1, 1),
                                       options=CoderOptions(**options))}


def test_options_from_config_strings() -> None:
    opts = CoderOptions.from_config({"require_dyad": "False", "new_actor_length": "4", "comma_emax": "0",
                                     "stop_on_error": "True"})
    assert (opts.require_dyad, opts.new_actor_length, opts.comma_emax, opts.comma_max) == (False, 4, 0, 8)
    with pytest.raises(DictionaryError, match="new_actor_length='four'"):
        CoderOptions.from_config({"new_actor_length": "four"})
    with pytest.raises(DictionaryError, match="not true or false"):
        CoderOptions.from_config({"require_dyad": "maybe"})


def test_terminal_comma_clause_is_removed_within_its_bounds(nlp, dictionaries) -> None:
    text = "Arnor restored ties with Gondor, a senior Fornost official said on Saturday."
    # by default (terminal clauses of 2-8 words removed) only the main clause codes
    assert _triples(nlp, dictionaries, text, require_dyad=False) == {("ARN", "GON", "064")}
    # with the check off the attribution codes too
    assert _triples(nlp, dictionaries, text, require_dyad=False, comma_emax=0) == {
        ("ARN", "GON", "064"), ("FORGOV", "---", "023")}
    sent = next(nlp(text).sents)
    assert {sent.doc[i].text for i in removed_tokens(sent, CoderOptions())} >= {"official", "said"}


def test_list_and_apposition_commas_are_not_clause_commas(nlp) -> None:
    sent = next(nlp("Arnor welcomed Gondor, Mordor, Rohan and Fornost on Monday.").sents)
    assert removed_tokens(sent, CoderOptions()) == frozenset()
    sent = next(nlp("Arnor signed a protocol with Dagolath, its biggest trading partner, officials said.").sents)
    removed = {sent.doc[i].text for i in removed_tokens(sent, CoderOptions())}
    assert "partner" not in removed and {"officials", "said"} <= removed


def test_adverbial_clause_inside_a_coded_verb_phrase_is_not_coded_again(nlp, dictionaries) -> None:
    text = "Arnor is about to restore ties with Gondor almost five years after Mordor crowds burned down its embassy."
    assert _triples(nlp, dictionaries, text, require_dyad=False) == {("ARN", "GON", "064")}


def test_new_actors_from_noun_phrases(nlp, dictionaries) -> None:
    text = "The head of the guild Minerva left for the Ministry of Magic on Wednesday."
    assert _triples(nlp, dictionaries, "Minerva McGonagall left for the Ministry of Magic on Wednesday.",
                    new_actor_length=4) == {("MINERVA MCGONAGALL", "THE MINISTRY OF MAGIC", "032"),
                                            ("THE MINISTRY OF MAGIC", "MINERVA MCGONAGALL", "033")}
    # too long a phrase is no actor, nor is any part of it ("MAGIC")
    assert _triples(nlp, dictionaries, "Minerva McGonagall left for the Ministry of Magic on Wednesday.",
                    new_actor_length=3) == set()
    assert _triples(nlp, dictionaries, text, new_actor_length=0) == set()


def test_underscore_in_text_joins_words_like_the_dictionaries(nlp, dictionaries) -> None:
    assert _triples(nlp, dictionaries, "Gondor warned at the Mordor of the Prince of Dol_Amroth.") == {
        ("GON", "DOL", "162")}


def test_hyphenated_word_split_by_the_tokenizer_is_one_word(nlp, dictionaries) -> None:
    doc = nlp("Gondor's militia was freed from Barad-dur after the war.")
    assert "Barad-dur" not in [t.text for t in doc]  # spaCy splits it; the dictionary has BARAD-DUR
    assert {e.triple for e in code_doc(doc, dictionaries, date(1995, 1, 1))} == {("MOR", "GON", "066")}


def test_subject_hung_on_the_auxiliary_is_the_verbs(nlp, dictionaries) -> None:
    doc = nlp("The Philippines was heavily and unjustly criticized over its territorial dispute with Gondor.")
    assert doc[1].head.lemma_ == "be"  # the parse this rule is for
    assert {e.triple for e in code_doc(doc, dictionaries, date(1995, 1, 1))} == {("PHL", "GON", "122")}


def test_conjoined_agents_share_the_actor_of_their_coordination(nlp, dictionaries) -> None:
    assert _triples(nlp, dictionaries, "Danish media and government warned Gondor.") == {
        ("DNKMED", "GON", "160"), ("DNKGOV", "GON", "160")}
    assert _triples(nlp, dictionaries, "Lawmakers and officials in Fornost welcomed Arnor.") == {
        ("FORLEG", "ARN", "041"), ("FORGOV", "ARN", "041")}
    # an actor conjoined with an agent is not its modifier
    assert _triples(nlp, dictionaries, "Gondor and officials welcomed Arnor.") == {
        ("GON", "ARN", "041"), ("---GOV", "ARN", "041")}


def test_misspelled_regular_form_is_not_the_verb(nlp, dictionaries) -> None:
    assert _triples(nlp, dictionaries, "Arnor departed from Gondor on Monday.") == {("ARN", "GON", "032")}
    # a lemmatiser reads "departes" as DEPART; PETRARCH knows only the regular forms (and {irregular} ones)
    words = ["Arnor", "departes", "from", "Gondor", "but", "left", "Mordor"]
    lemmas = ["Arnor", "depart", "from", "Gondor", "but", "leave", "Mordor"]
    doc = Doc(nlp.vocab, words=words, lemmas=lemmas, sent_starts=[True] + [False] * 6)
    assert verb_entries(doc[1], dictionaries.verbs) == []
    assert [e.base for e in verb_entries(doc[5], dictionaries.verbs)] == ["LEAVE"]


def test_unbalanced_parse_marks_the_record(tmp_path: Path) -> None:
    assert parse_balanced("(ROOT (S (NP (NNP Arnor)) (VP (VBD left))))")
    assert not parse_balanced("(ROOT (S (NP (NNP Arnor)) (VP (VBD left)))")
    assert not parse_balanced("(ROOT (S (NP (NNP Arnor))) (VP (VBD left)))))(")
    path = tmp_path / "records.xml"
    path.write_text("""<Validation><Sentences>
<Sentence date="19950101" id="E" category="ERROR" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Arnor left.</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD left)))</Parse>
</Sentence>
<Sentence date="19950101" id="F" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="032"></EventCoding>
<Text>Arnor left Gondor.</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD left) (NP (NNP Gondor)))))</Parse>
</Sentence>
</Sentences></Validation>""", encoding="utf-8")
    records = read_unit_suite(path).records
    assert [r.bad_parse for r in records] == [True, False]
