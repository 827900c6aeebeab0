"""The PETRARCH coder on spaCy parses, with small dictionaries written here."""

from __future__ import annotations

from datetime import date

import pytest
from stage_lexicons import event_lexicons

from wirewatch.petrarch.coder import code_doc
from wirewatch.petrarch.dictionaries import load_dictionaries
from wirewatch.petrarch.event_records import combine_events, petrarch_events
from wirewatch.records import ActorMention, Article

pytestmark = [pytest.mark.slow]

ACTORS = """GONDOR [GON]
+MINAS_TIRITH
ARNOR [ARN]
OSGILIATH [OSG]
MORDOR [MOR]
ROHAN [ROH]
DENETHOR
\t[GONGOV 19500101-20000101]
\t[GONELI > 20000102]
"""
AGENTS = """!PERSON! = MAN, MEN, WOMAN, WOMEN
GOVERNMENT [~GOV]
SOLDIER [~MIL]
LAWMAKER [~LEG]
AMBASSADOR [~GOV]
CHARITY_WORKER [NGO~]
"""
VERBS = """&TIETYPES
+MILITARY
+ECONOMIC
--- RESTORE [064] ---
RESTORE
- * &TIETYPES TIES [065]
--- CONDEMN [111] ---
CONDEMN
DENOUNCE
--- VISIT [042:043] ---
VISIT
--- WELCOME [041] ---
WELCOME
--- SAY [---] ---
SAY {SAID SAYS SAYING}
- * $ WAS_ATTACKED_BY + [0200]
--- ATTACK [190] ---
ATTACK
--- CORDON [---] ---
+CORDON_OFF [171]
"""
DISCARDS = "+WORLD CUP\nFOOTBALL\n"


@pytest.fixture(scope="module")
def dictionaries(tmp_path_factory):
    folder = tmp_path_factory.mktemp("petr")
    for name, text in (("t.actors.txt", ACTORS), ("t.agents.txt", AGENTS), ("t.verbs.txt", VERBS),
                       ("t.discards.txt", DISCARDS)):
        (folder / name).write_text(text, encoding="utf-8")
    return load_dictionaries([folder])


def _triples(nlp, dictionaries, text: str, when: date | None = date(1995, 1, 1), **kw) -> set[tuple[str, str, str]]:
    return {e.triple for e in code_doc(nlp(text), dictionaries, when, **kw)}


def test_verb_code_subject_and_object(nlp, dictionaries) -> None:
    assert _triples(nlp, dictionaries, "Arnor restored diplomatic relations with Gondor on Monday.") == {
        ("ARN", "GON", "064")}
    assert _triples(nlp, dictionaries, "The Rohan government strongly denounced Mordor.") == {
        ("ROHGOV", "MOR", "111")}


def test_pattern_with_synset_beats_the_verb_code(nlp, dictionaries) -> None:
    assert _triples(nlp, dictionaries, "Arnor restored economic ties with Gondor.") == {("ARN", "GON", "065")}


def test_paired_code_gives_the_reverse_event(nlp, dictionaries) -> None:
    assert _triples(nlp, dictionaries, "Arnor's ambassador visited Osgiliath on Tuesday.") == {
        ("ARNGOV", "OSG", "042"), ("OSG", "ARNGOV", "043")}


def test_compound_actors_each_get_an_event(nlp, dictionaries) -> None:
    found = _triples(nlp, dictionaries, "Lawmakers in Arnor and Rohan welcomed the talks with Gondor and Osgiliath.")
    assert found == {(s, t, "041") for s in ("ARNLEG", "ROHLEG") for t in ("GON", "OSG")}


def test_passive_agent_is_the_source(nlp, dictionaries) -> None:
    assert _triples(nlp, dictionaries, "Osgiliath was attacked by soldiers from Mordor.") == {
        ("MORMIL", "OSG", "190")}


def test_dated_actor_code(nlp, dictionaries) -> None:
    text = "Denethor condemned Mordor."
    assert _triples(nlp, dictionaries, text, when=date(1995, 1, 1)) == {("GONGOV", "MOR", "111")}
    assert _triples(nlp, dictionaries, text, when=date(2005, 1, 1)) == {("GONELI", "MOR", "111")}


def test_multi_word_verb_and_prefixed_agent(nlp, dictionaries) -> None:
    assert _triples(nlp, dictionaries, "Charity workers from Rohan cordoned off the road to Mordor.") == {
        ("NGOROH", "MOR", "171")}


def test_require_dyad_and_discards(nlp, dictionaries) -> None:
    assert _triples(nlp, dictionaries, "Gondor condemned the violence.") == set()
    assert _triples(nlp, dictionaries, "Gondor condemned the violence.", require_dyad=False) == {
        ("GON", "---", "111")}
    assert _triples(nlp, dictionaries, "Gondor condemned Mordor after the football match.") == set()
    text = "Gondor condemned Mordor. Later the World Cup began."
    assert _triples(nlp, dictionaries, text) == set()  # a story discard stops the whole story


def test_records_and_combination_with_our_coder(nlp, dictionaries) -> None:
    text = "Arnor condemned Mordor on Monday. Russia attacked Ukraine."
    doc = nlp(text)
    article = Article(article_id="a1", text=text, published_at="1995-01-01")
    # our own actor mentions fill in where the PETRARCH actor files know nobody
    ru = text.index("Russia")
    ua = text.index("Ukraine")
    mentions = [ActorMention("m1", "a1", 1, ru, ru + 6, "Russia", "RUS", country="RUS"),
                ActorMention("m2", "a1", 1, ua, ua + 7, "Ukraine", "UKR", country="UKR")]
    events = petrarch_events(doc, article, mentions, dictionaries, event_lexicons())
    by_code = {(e.source_code, e.target_code, e.cameo_code): e for e in events}
    assert set(by_code) == {("ARN", "MOR", "111"), ("RUS", "UKR", "190")}
    condemn = by_code[("ARN", "MOR", "111")]
    assert condemn.plover_type == "ACCUSE" and condemn.cameo_root == "11" and condemn.source_country == "ARN"
    assert condemn.evidence.startswith("Arnor condemned") and condemn.rule.startswith("petrarch:")
    assert condemn.sentence_index == 0 and by_code[("RUS", "UKR", "190")].sentence_index == 1
    first = [e for e in events if e.sentence_index == 0]
    second = [e for e in events if e.sentence_index == 1]
    # sentences PETRARCH coded keep its events; the others keep the built-in coder's
    assert combine_events(first, events) == first + second
    assert combine_events(events, second) == events
