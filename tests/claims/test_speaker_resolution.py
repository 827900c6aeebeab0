"""Speaker resolution beyond names: interview turns, "they"/"it" for organisations and groups."""

from __future__ import annotations

import pytest
from stage_lexicons import claim_lexicons, coreference, media

from wirewatch.claims.extract import find_claims
from wirewatch.claims.turns import find_turns
from wirewatch.records import Article

pytestmark = [pytest.mark.slow]

INTERVIEW = (
    "Wikinews interviews Anna Petrova, candidate for mayor of Riga\n\n"
    "William Saturn: Why are you running for mayor?\n\n"
    "Anna Petrova: I believe that the city deserves better roads.\n\n"
    "William Saturn: Do you think that the council will support you?\n\n"
    "Anna Petrova: I expect that most of the council will back the plan.\n"
)


def _claims(nlp, text):
    return find_claims(nlp(text), Article(article_id="t", text=text), [], claim_lexicons())


def test_turns_know_who_asks_and_who_answers():
    turns = find_turns(INTERVIEW)
    assert [t.label for t in turns.turns] == ["William Saturn", "Anna Petrova"] * 2
    assert (turns.asker, turns.answerer) == ("William Saturn", "Anna Petrova")
    assert turns.at(INTERVIEW.index("I believe")).label == "Anna Petrova"
    assert turns.at(0) is None


def test_no_layout_without_two_speakers():
    assert not find_turns("Update: the talks ended.\n\nNote: more later.").turns
    assert not find_turns("Anna Petrova: I believe it.\n\nAnna Petrova: And this.").turns


def test_in_an_interview_i_is_the_one_answering_and_you_the_one_asked(nlp):
    by_cue = {c.cue: c for c in _claims(nlp, INTERVIEW)}
    assert by_cue["believe"].speaker_name == "Anna Petrova"
    assert by_cue["expect"].speaker_name == "Anna Petrova"
    assert by_cue["think"].speaker_name == "Anna Petrova"  # "Do you think ...?" asked of her


def test_they_and_it_refer_to_the_last_group_or_organisation(nlp):
    text = (
        "KCNA reported that the missile had been launched from a submarine. "
        "It added that the test was a success."
    )
    claims = _claims(nlp, text)
    assert [c.speaker_name for c in claims] == ["KCNA", "KCNA"]
    text = (
        "The ministry said that the drills would last a week. "
        "Anna Petrova said the drills were routine. They added that no ships would leave port."
    )
    # "They" is not a person: Anna Petrova spoke last, but the ministry is who "they" are.
    assert _claims(nlp, text)[-1].speaker_name == "ministry"


def test_she_skips_a_man_named_since(nlp):
    text = (
        "Anna Berg met Peter Holm in Oslo on Monday. Holm said that the talks went well. "
        "She said that the deal was close."
    )
    claims = _claims(nlp, text)
    assert [c.speaker_name for c in claims] == ["Peter Holm", "Anna Berg"]


def test_plural_description_is_not_the_last_person(nlp):
    text = (
        "Colette Heald led the study at the university. "
        "The researchers found that ozone damaged the crops."
    )
    [*_, c] = _claims(nlp, text)
    assert c.speaker_name == "researchers"


def test_the_ukrainian_official_is_the_official_named_before(nlp):
    text = (
        "According to a senior Ukraine intelligence official, General Kyrlo Budanov, Russia has set up a base. "
        "The Ukrainian official said that the trainers would stay."
    )
    [*_, c] = _claims(nlp, text)
    assert c.speaker_name == "Kyrlo Budanov"


def test_a_person_named_only_as_a_modifier_is_not_the_speaker(nlp):
    text = "Ed Rendell, a Clinton surrogate, said that the debate would be close."
    [c] = _claims(nlp, text)
    assert c.speaker_name == "Ed Rendell"
    text = "Clinton's campaign said that the debate would be close."
    [c] = _claims(nlp, text)
    assert c.speaker_name != "Clinton"


def test_an_outlet_named_post_is_not_a_social_post(nlp):
    text = (
        "A letter from his doctor said that he was healthy. "
        "The Washington Post reported that the letter was four lines long."
    )
    [*_, c] = _claims(nlp, text)
    assert c.speaker_name == "Washington Post" and c.speaker_kind == "outlet"


def test_social_posts_go_to_the_poster_and_name_the_network(nlp):
    text = (
        "The White House said on Monday that the governor had ignored the warnings. "
        "Governor Gretchen Whitmer answered on Twitter. She tweeted that the state had followed every rule."
    )
    [*_, c] = _claims(nlp, text)
    assert c.speaker_name == "Gretchen Whitmer"  # not the network the tagger took for a name
    text = "Donald Trump wrote on Truth Social that the trial was a hoax."
    [c] = find_claims(nlp(text), Article(article_id="t", text=text, publisher="Daily Star"), [], claim_lexicons())
    assert c.chain == ["Donald Trump", "Truth Social", "Daily Star"]


def test_a_surname_or_given_name_that_is_a_country_does_not_code_the_person(nlp):
    from wirewatch.actors.dictionary import load_actor_dictionary
    from wirewatch.actors.resolve import find_mentions

    dictionary = load_actor_dictionary()
    for text, code in [
        ("Michael Jordan said that the team would win.", None),
        ("Senator Chad Hill said that the bill would pass.", None),
        ("Russian Foreign Minister Sergei Lavrov said that the talks would continue.", "RUSGOV"),
    ]:
        doc = nlp(text)
        article = Article(article_id="t", text=text)
        [c] = find_claims(doc, article, find_mentions(doc, article, dictionary, coreference(), media()), claim_lexicons())
        assert c.speaker_code == code, (text, c.speaker_code)


def test_he_in_an_answer_is_neither_of_the_two_talking(nlp):
    text = (
        "William Saturn: What do you make of Governor Bob McDonnell?\n\n"
        "Robert Sarvis: I think that he has failed the state. He said that taxes would fall.\n\n"
        "William Saturn: Will you debate him?\n\n"
        "Robert Sarvis: I hope that we will meet in October.\n"
    )
    he = next(c for c in _claims(nlp, text) if c.speaker_text == "He")
    assert he.speaker_name == "Bob McDonnell"


def test_transcript_labels_in_capitals_and_lists_that_are_not_interviews(nlp):
    text = (
        "Jake Tapper interviewed Governor Mary Fallin on Sunday.\n\n"
        "TAPPER: Do you think that the party will unite?\n\n"
        "FALLIN: I believe that the party will come together by July.\n"
    )
    [*_, c] = _claims(nlp, text)
    assert (c.cue, c.speaker_name) == ("believe", "Mary Fallin")
    text = (
        "Where the candidates stand on trade.\n\n"
        "Bush: He said that the deal would cost jobs in Ohio.\n\n"
        "Carson: He said that the deal was a good start.\n"
    )
    claims = _claims(nlp, text)
    assert [c.speaker_name for c in claims] == ["Bush", "Carson"]  # a list, not an interview


def test_i_in_a_pull_quote_is_the_person_the_article_features(nlp):
    text = (
        "Biologist Nick Bos tells Wikinews about ants that treat themselves.\n\n"
        "Nick Bos, of the University of Helsinki, studies how ants fight parasites. "
        "Bos and colleagues describe ants that eat hydrogen peroxide when they are ill, "
        "said Anna Lee, who was not involved.\n\n"
        "\u201cI have no doubt that there will be more cases documented in the years to come.\u201d\n"
    )
    stray = [c for c in _claims(nlp, text) if c.speaker_text == "I"]
    assert [c.speaker_name for c in stray] == ["Nick Bos"]


def test_i_in_a_pull_quote_stays_unresolved_when_no_one_is_featured(nlp):
    text = (
        "Nick Bos and Anna Lee study ants in Helsinki.\n\n"
        "\u201cI have no doubt that there will be more cases documented in the years to come.\u201d\n"
    )
    assert [c.speaker_name for c in _claims(nlp, text) if c.speaker_text == "I"] in ([], [None], ["I"])


def test_a_speaker_span_never_cuts_a_hyphenated_word(nlp):
    # The tokenizer splits "e-mail" and "Min-Woo" at the hyphen and the parser may give each
    # piece the verb as head: the speaker is the whole written word.
    [c] = _claims(nlp, "The e-mail said that the meeting had been cancelled.")
    assert c.speaker_text == "The e-mail"
    found = _claims(nlp, "In the 62nd minute Kim Min-Woo conceded a penalty which the match referee awarded.")
    assert [c.speaker_text for c in found] in ([], ["Kim Min-Woo"])


def test_you_in_an_answer_is_nobody_and_in_a_question_whoever_answers(nlp):
    text = (
        "Wikinews: Do you think that students dislike mathematics?\n\n"
        "Aner Shalev: Maybe. If you study physics, you should describe the real world.\n\n"
        "Wikinews: And do you believe that the panel will decide soon?\n\n"
        "Dana Levi: I believe that the panel will meet again.\n"
    )
    claims = _claims(nlp, text)
    asked = [c.speaker_name for c in claims if c.speaker_text == "you" and c.cue in ("think", "believe")]
    assert asked == ["Aner Shalev", "Dana Levi"]  # two people answer: each question is put to its answerer
    generic = [c.speaker_name for c in claims if c.speaker_text == "you" and c.cue not in ("think", "believe")]
    assert set(generic) <= {None}


def test_i_in_a_quotation_running_over_paragraphs_is_the_one_quoted(nlp):
    text = (
        'After the match, Hernan Gomez, the Panama coach, said, "I think we have learned a lot from this game.\n\n'
        'It was a very emotional day."\n'
    )
    claims = _claims(nlp, text)
    assert {c.speaker_name for c in claims} == {"Hernan Gomez"}


def test_a_person_the_dictionary_lacks_takes_the_code_their_title_names(nlp):
    from wirewatch.actors.dictionary import load_actor_dictionary
    from wirewatch.actors.resolve import find_mentions

    text = "UN envoy Martin Griffiths said the war must end."
    doc = nlp(text)
    article = Article(article_id="t", text=text, published_at="2019-09-20")
    mentions = find_mentions(doc, article, load_actor_dictionary(), coreference(), media())
    [c] = find_claims(doc, article, mentions, claim_lexicons())
    assert (c.speaker_name, c.speaker_code) == ("Martin Griffiths", "IGOUNO")


def _speakers(nlp, text):
    return [(c.speaker_text, c.speaker_name) for c in _claims(nlp, text) if c.cue != ":"]


def test_role_labels_answer_for_the_person_interviewed(nlp):
    text = (
        "Wikinews interviewed Anna Petrova, the mayor of Riga, about the new bridge.\n\n"
        "Q: Why did the bridge take so long?\n\n"
        "A: I think the council was slow.\n\n"
        "Q: Tell me about the budget.\n\n"
        "A: I believe the budget is fine.\n"
    )
    claims = _claims(nlp, text)
    assert [c.speaker_name for c in claims if c.speaker_text == "I"] == ["Anna Petrova"] * 2
    assert all(c.speaker_name is None for c in claims if c.speaker_text == "Q")


def test_a_label_is_the_name_as_the_article_writes_it(nlp):
    text = (
        "Wikinews interviewed Anna Petrova and Mario J. Lucero about the festival.\n\n"
        "Wikinews: Why a festival?\n\n"
        "Anna: I think the town needed one.\n\n"
        "Wikinews: And the music?\n\n"
        "Mario J Lucero: I believe the bands are the best part.\n"
    )
    by_cue = {c.cue: c.speaker_name for c in _claims(nlp, text)}
    assert by_cue["think"] == "Anna Petrova"
    assert by_cue["believe"] == "Mario J. Lucero"


def test_a_surname_the_tagger_takes_for_a_place_is_the_person(nlp):
    text = (
        "The mayor of Riga, Anna Petrova, spoke to reporters on Monday about the new bridge.\n\n"
        "Petrova said the council had approved the budget in March.\n"
    )
    by_cue = {c.cue: c for c in _claims(nlp, text)}
    assert by_cue["said"].speaker_name == "Anna Petrova"
    assert by_cue["said"].speaker_kind == "person"


def test_he_is_not_the_person_named_in_his_own_clause(nlp):
    text = ("Jan Kowal was arrested in May. The next day his lawyer met reporters. "
            "He said Kowal had done nothing wrong.")
    said = next(c for c in _claims(nlp, text) if c.speaker_text == "He")
    assert said.speaker_name != "Jan Kowal"
    # a name before the pronoun, outside its clause, may still be who it is
    text = "When Jan Kowal left the court, he said that the judge had been fair."
    said = next(c for c in _claims(nlp, text) if c.speaker_text == "he")
    assert said.speaker_name == "Jan Kowal"


def test_they_that_nothing_else_resolves_goes_on_with_the_plural_subject_before(nlp):
    text = "The dockworkers were on strike for a third week. They argued that the port owed them back pay."
    argued = next(c for c in _claims(nlp, text) if c.speaker_text == "They")
    assert argued.speaker_name == "dockworkers"
    # no plural subject before it: still no one
    text = "The port was closed for a third week. They argued that the owners owed back pay."
    argued = next(c for c in _claims(nlp, text) if c.speaker_text == "They")
    assert argued.speaker_name is None
