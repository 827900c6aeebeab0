"""Constructions that are no event, or not the event their verb usually codes (issue 13).

Each case is a construction written for the test, not a sentence from an evaluation set: a verb sense
that acts on nobody, a capability, a negated or halted act.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow]


def _show(events) -> list[tuple]:
    return [(e.source_code, e.cameo_code, e.target_code, e.modality, e.rule) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        # a source asking not to be named
        "An aide, requesting anonymity, said the ministry had approved the budget.",
        "A diplomat who asked for anonymity described the mood as tense.",
        # declining to talk to the press
        "The foreign ministry declined to comment on the report.",
        # pressing on with an operation or a plan
        "The army is pressing its offensive in the south.",
        "The government pressed ahead with its pension plans.",
        # opposing a bill or fighting an illness is not combat
        "Opposition parties are fighting the bill in parliament.",
        "Doctors are battling the disease in the north of the country.",
        # a politician rallying supporters is campaigning, not a protest
        "The prime minister rallied supporters at a stadium on Sunday.",
        # capabilities
        "Pyongyang has rockets able to hit Tokyo.",
        "The navy is capable of striking ships anywhere in the Gulf.",
        "Moscow lacks the capacity to supply weapons to Venezuela.",
        # habits
        "The Greek prime minister often meets with Turkish diplomats.",
        "Vienna usually criticizes Budapest over migration.",
        # generic "you"
        "You cannot let Iran have a nuclear weapon.",
    ],
)
def test_no_event(code, text: str) -> None:
    assert code(text) == [], _show(code(text))


def test_engaging_in_talks_is_a_consultation_not_an_attack(code) -> None:
    events = code("Iran said it was engaging in dialogue with Saudi Arabia.")
    assert events and all(e.cameo_root == "04" for e in events), _show(events)


def test_forces_pressing_into_a_place_advance_on_it(code) -> None:
    events = code("Ethiopian troops pressed into the border region for a third day.")
    assert [e.plover_type for e in events] == ["ASSAULT"], _show(events)
    assert events[0].source_country == "ETH"


def test_striking_a_deal_is_an_agreement(code) -> None:
    events = code("Chile and Peru struck a trade deal on Monday.")
    assert events and all(e.cameo_code == "057" for e in events), _show(events)


@pytest.mark.parametrize(
    "text, root",
    [
        # a negating determiner on the noun the act completes
        ("The general said he has given no order to withdraw troops from the border.", "08"),
        ("Russia has no plans to send troops to Belarus.", "15"),
        # a halt: what is halted no longer happens
        ("Germany stopped selling arms to Saudi Arabia last year.", "07"),
        ("The rebels ceased attacking the convoys.", "19"),
    ],
)
def test_negated_and_halted_acts_are_not_asserted(code, text: str, root: str) -> None:
    events = [e for e in code(text) if e.cameo_root == root]
    assert events and all(e.modality == "negated" for e in events), _show(code(text))


def test_an_ability_that_was_used_is_an_act(code) -> None:
    events = code("The army was able to retake the city from the rebels.")
    assert events and all(e.modality == "asserted" for e in events), _show(events)


def test_a_clause_as_subject_is_asked_nothing(code) -> None:
    events = code("Chinese leaders said cutting steel output must be a priority.")
    assert not [e for e in events if e.rule.startswith("obligation")], _show(events)


def test_reported_abuse_done_routinely_is_an_event(code) -> None:
    events = code("Soldiers routinely beat detainees in the prison, a court was told.")
    assert any(e.cameo_root == "18" for e in events), _show(events)


@pytest.mark.parametrize(
    "text",
    [
        # a month named in the date is no object of the verb: no call for a march, no staged protest
        "On March 12, the president called on parliament to repeal the tax.",
        "In March, the minister called on the banks to lower their rates.",
    ],
)
def test_a_date_is_no_object(code, text: str) -> None:
    events = code(text)
    assert events and all(e.cameo_root == "10" for e in events), _show(events)


@pytest.mark.parametrize(
    "text, root",
    [
        # a warning told to nobody about how things are is no threat, and about no actor no event
        ("The electoral commission warned that voters are entitled to know who pays for the adverts.", None),
        # ... about what another actor does, a criticism of it
        ("The German foreign minister warned that Russian policy toward Ukraine was dangerous.", "11"),
        # a warning to someone, or of what the speaker will do, is still a threat
        ("The Pentagon warned Iran that it would face consequences.", "13"),
        ("Russia warned that it would retaliate against any strike on its bases.", "13"),
    ],
)
def test_a_warning_is_a_threat_only_to_someone_or_of_ones_own_act(code, text: str, root: str | None) -> None:
    events = code(text)
    assert {e.cameo_root for e in events} == ({root} if root else set()), _show(events)


@pytest.mark.parametrize(
    "text",
    [
        # a market, a commodity or the weather does nothing to anyone, whatever country it is of
        "The U.S. benchmark index hit a record high on Monday.",
        "Chinese steel flooded European markets last year.",
        "A powerful storm struck the Philippine coast on Sunday.",
    ],
)
def test_a_thing_as_subject_is_another_sense_of_the_verb(code, text: str) -> None:
    assert code(text) == [], _show(code(text))


def test_a_thing_only_in_an_earlier_clause_does_not_silence_the_verb(code) -> None:
    # "gunfire" is no thing that cannot act, and "praised" keeps its own doer past the economy
    assert any(e.cameo_root == "18" or e.cameo_root == "19" for e in code("Israeli fire killed two Palestinians."))
    events = code("Mr. Putin forecast that the slumping economy would soon rebound and praised Germany's efforts.",
                  "2015-12-19")
    assert any(e.cameo_root == "05" and e.source_country == "RUS" for e in events), _show(events)


@pytest.mark.parametrize(
    "text",
    [
        # countries as such on both sides of a beating: a match
        "Russia beat Croatia on Monday in the second game of the tournament.",
        "Wales beat Hungary 2-0 to earn the last place on Tuesday.",
        # a contest or a forecast beaten
        "The senator beat her challenger by twelve points in the primary.",
        "Norway's oil production beat forecasts in October, the agency said.",
    ],
)
def test_a_contest_won_is_no_beating(code, text: str) -> None:
    assert not [e for e in code(text) if e.cameo_root == "18"], _show(code(text))


def test_people_beaten_by_people_are_still_assaulted(code) -> None:
    events = code("Israeli soldiers beat a Palestinian man near Hebron on Friday.")
    assert [(e.source_country, e.cameo_root, e.target_country) for e in events] == [("ISR", "18", "PSE")]


@pytest.mark.parametrize(
    "text",
    [
        # selling something is no intent towards anyone
        "A mall in Delhi offers fresh air for 300 rupees an hour.",
        "American Airlines offered discounts to students from Mexico.",
    ],
)
def test_an_offer_of_goods_is_no_intent(code, text: str) -> None:
    assert not [e for e in code(text) if e.cameo_root == "03"], _show(code(text))


def test_an_offer_to_act_is_an_intent(code) -> None:
    events = code("Turkey offered to mediate between Russia and Ukraine.")
    assert any(e.plover_type == "AGREE" and e.source_country == "TUR" for e in events), _show(events)


@pytest.mark.parametrize(
    "text, root",
    [
        ("A Texas man pleaded guilty on Monday to sending letters to the governor of Ohio.", "02"),
        ("Spain will play on Wednesday against defending champion Croatia.", "05"),
        ("Police in Berlin arrested a man suspected of committing the murder of a Georgian exile.", "03"),
        ("Beijing is worried by his unpredictable behaviour, as demonstrated by his departure from the summit.", "14"),
        ("The navy demonstrated its new missile off the coast of Crimea.", "14"),
    ],
)
def test_other_senses_of_event_verbs(code, text: str, root: str) -> None:
    assert not [e for e in code(text) if e.cameo_root == root], _show(code(text))


def test_demonstrators_still_protest(code) -> None:
    events = code("Thousands of Iraqis demonstrated in Baghdad against the government on Friday.")
    assert [(e.source_country, e.cameo_root) for e in events] == [("IRQ", "14")], _show(events)


@pytest.mark.parametrize(
    "text, row",
    [
        # an attack made in words is criticism (111), not force (190)
        ("Mike Pence attacked Tim Kaine during the debate in Virginia on Tuesday.", ("USA", "11", "USA")),
        ("Clinton hit back at Trump in a speech on Monday.", ("USA", "11", "USA")),
        ("The minister attacked Germany's refugee policy in an interview with a French newspaper.", (None, "11", "DEU")),
    ],
)
def test_an_attack_in_words_is_criticism(code, text: str, row: tuple) -> None:
    events = code(text, "2016-10-05")
    assert row[1:] in {(e.cameo_root, e.target_country) for e in events}, _show(events)
    assert not [e for e in events if e.cameo_root == "19"], _show(events)


def test_an_attack_by_force_is_still_an_assault(code) -> None:
    events = code("Israeli jets attacked Hamas positions in Gaza on Monday.")
    assert [(e.source_country, e.cameo_root) for e in events] == [("ISR", "19")], _show(events)


@pytest.mark.parametrize(
    "text, row",
    [
        # stepping up or widening force is force; what a demand asks for is the one asked's act, hypothetical
        ("Turkey escalated its offensive against Kurdish militias on Monday.", ("TUR", "19", "asserted")),
        ("Clinton called for the United States to step up military efforts against the Islamic State.",
         ("USA", "19", "hypothetical")),
        # a cyber attack by its target word
        ("Russian hackers targeted the computer systems of several U.S. states, officials said.", ("RUS", "17", None)),
    ],
)
def test_widened_force_and_targeted_systems(code, text: str, row: tuple) -> None:
    events = code(text, "2016-10-08")
    found = {(e.source_country, e.cameo_root, e.modality if row[2] else None) for e in events}
    assert row in found, _show(events)


def test_a_fight_against_a_social_ill_is_no_attack(code) -> None:
    assert not [e for e in code("The government will step up the fight against corruption, the minister said.")
                if e.cameo_root in ("19", "13")]
