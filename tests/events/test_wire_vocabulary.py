"""The event vocabulary of wire copy, by CAMEO root (issue 13): meetings, calls and travel (04),
agreements (05), purchases of arms and joint action (06), aid (07), releases (08), weapons tests (15),
sanctions and reduced relations (16), coercion (17) and armed force (19), as verbs, multiword verbs and
event nouns with their own role prepositions. Each group is exercised with sentences written for the
test, with its misleading senses beside it."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow]


def _show(events) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(e.source_code, e.cameo_code, e.target_code, e.modality, e.rule) for e in events]


@pytest.mark.parametrize(
    "text, cameo, source, target",
    [
        # 04: a call held with someone; sitting down with someone; summits, dialogues between named parties
        ("Biden had a phone call with Xi Jinping on Tuesday.", "041", "USA", "CHN"),
        ("The French president sat down with the Iranian foreign minister in Paris.", "040", "FRA", "IRN"),
        ("The China-Russia summit opened in Moscow.", "040", "CHN", "RUS"),
        ("Iran's dialogue with Saudi Arabia continued.", "040", "IRN", "SAU"),
        ("Trump attended a meeting with Putin in Helsinki.", "040", "USA", "RUS"),
        # 05: an agreement clinched with someone
        ("Turkey clinched a deal with Libya on maritime borders.", "057", "TUR", "LBY"),
        # 06: joining forces; buying arms from a state; investing in one
        ("Japan joined forces with Australia.", "060", "JPN", "AUS"),
        ("Poland bought 250 tanks from the United States.", "062", "POL", "USA"),
        ("China's investment in Kenya rose.", "061", "CHN", "KEN"),
        # 07: aid given, by the noun and its "to" phrase
        ("Japanese aid to the Philippines doubled.", "071", "JPN", "PHL"),
        # 08: ordering or announcing a release is releasing
        ("Putin ordered the release of the jailed journalist.", "0841", "RUS", "RUS"),
        ("The Kremlin announced the release of two Ukrainian prisoners.", "0841", "RUS", "UKR"),
        # 16: sanctions put or raised, duties, lifted tariffs, cooperation halted, a deal left
        ("The EU imposed anti-dumping duties on Chinese steel.", "163", "IGO", "CHN"),
        ("The United States hiked tariffs on Chinese goods.", "163", "USA", "CHN"),
        ("The US Commerce Department put heavy tariffs on Chinese steel makers.", "163", "USA", "CHN"),
        ("Beijing eliminated the tariffs on Australian wine.", "085", "CHN", "AUS"),
        ("The EU suspended cooperation with Belarus.", "160", "IGO", "BLR"),
        ("The United States withdrew from the nuclear deal with Iran.", "160", "USA", "IRN"),
        ("The United States tore up the nuclear deal with Iran.", "160", "USA", "IRN"),
        ("Washington sought to isolate China.", "160", "USA", "CHN"),
        ("China banned imports of Australian coal.", "163", "CHN", "AUS"),
        # 17: house arrest, persecution, papers revoked, fines, bans, seizures, sieges, occupation
        ("Police placed the Pakistani opposition leader under house arrest.", "173", "PAK", "PAK"),
        ("Chinese authorities persecuted Uyghur activists.", "175", "CHN", "CHN"),
        ("Russia revoked the accreditation of the German broadcaster.", "172", "RUS", "DEU"),
        ("China's ban on Australian coal hurt exporters.", "172", "CHN", "AUS"),
        ("Hungary curbed the freedom of Serbian journalists.", "172", "HUN", "SRB"),
        ("Iran's seizure of a British tanker angered London.", "1711", "IRN", "GBR"),
        ("Israel's siege of Gaza continued.", "191", "ISR", "PSE"),
        ("Israel's occupation of the West Bank continued.", "192", "ISR", "PSE"),
        # 08: ending an occupation is giving the place up; "it ... its": the pronoun's actor
        ("Israel is in danger unless it ends its military occupation of the West Bank.", "0874", "ISR", "PSE"),
        # 15: heavy weaponry dispatched
        ("Russia dispatched heavy weaponry to Syria.", "150", "RUS", "SYR"),
        # 19: shooting down, missiles fired at a place, strikes on and interventions in a country
        ("Iran shot down a US drone.", "190", "IRN", "USA"),
        ("Hamas fired rockets at Israel.", "190", "PSE", "ISR"),
        ("US strikes on Syria killed five people.", "190", "USA", "SYR"),
        ("Russia's intervention in Syria saved Assad.", "190", "RUS", "SYR"),
    ],
)
def test_wire_vocabulary_codes_its_event(code, text: str, cameo: str, source: str, target: str) -> None:
    events = code(text)
    assert (cameo, source, target) in {(e.cameo_code, (e.source_code or "")[:3], (e.target_code or "")[:3])
                                       for e in events}, _show(events)


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("The Chinese president is on a state visit to Brazil.", "CHN", "BRA"),
        ("The Indian prime minister returned from a trip to Japan.", "IND", "JPN"),
        ("The Saudi crown prince is coming to the end of a three-week US tour.", "SAU", "USA"),
        # a trip in a time phrase of another act is still a trip ("snubbed X during his trip to Y")
        ("Macron snubbed the Algerian envoy during his trip to Morocco.", "FRA", "MAR"),
    ],
)
def test_the_traveller_is_whoever_is_on_the_trip(code, text: str, source: str, target: str) -> None:
    events = code(text)
    assert ("042", source, target) in {(e.cameo_code, e.source_country, e.target_country) for e in events}, \
        _show(events)


def test_an_intended_purchase_of_arms_is_an_intent_to_cooperate(code) -> None:
    events = code("Poland will buy 250 tanks from the United States.")
    assert [(e.plover_type, e.source_country, e.target_country, e.modality) for e in events] \
        == [("AGREE", "POL", "USA", "future")], _show(events)


@pytest.mark.parametrize(
    "text",
    [
        "Emirates Airline bought 30 jets from Boeing.",  # airliners are no arms
        "Washington put pressure on Beijing over tariffs.",  # the tariffs are no object of "put"
        "Everything is fine, the Russian ambassador said.",  # fine the adjective
        "His occupation was listed as farmer.",  # a trade, nothing occupied
        "The strike by French rail workers continued.",  # a walkout, nothing struck
    ],
)
def test_the_misleading_senses_code_nothing_of_their_kind(code, text: str) -> None:
    events = code(text)
    assert not [e for e in events if e.cameo_root in ("06", "16", "17", "19")], _show(events)


def test_sanctions_are_coded_from_the_noun_with_whoever_imposes_them(code) -> None:
    events = code("EU sanctions against Russia hurt the economy.")
    assert [(e.cameo_code, e.source_code, e.target_country) for e in events] == [("163", "IGOEUREU", "RUS")], \
        _show(events)
    # no one named imposing them: no event with an empty source
    assert code("Sanctions against Russia hurt the economy.") == []


def test_missiles_fired_into_the_sea_are_a_test_not_an_attack(code) -> None:
    events = code("North Korea fired a missile into the sea.")
    assert [(e.cameo_code, e.source_country) for e in events] == [("150", "PRK")], _show(events)


def test_a_date_after_call_is_no_call_on_anyone(code) -> None:
    # "called Erdogan on Tuesday": "on" is the date's, so no "call on" (a demand) is read into it
    events = code("Putin called Erdogan on Tuesday.")
    assert not [e for e in events if e.cameo_root == "10"], _show(events)


@pytest.mark.parametrize("text", ["The president attended a summit in Brussels.", "Doctors isolated the patients."])
def test_talks_attended_or_someone_isolated_need_someone_named(code, text: str) -> None:
    assert code(text) == []


def test_a_planned_cooperative_act_is_an_intent(code) -> None:
    events = code("Japan plans to send food aid to Myanmar.")
    assert [(e.plover_type, e.source_country, e.target_country) for e in events] == [("AGREE", "JPN", "MMR")], \
        _show(events)


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("Blinken traveled to Beijing for talks.", "USA", "CHN"),
        ("The Chinese president will fly to Brazil on Monday.", "CHN", "BRA"),
    ],
)
def test_someone_named_travelling_to_a_country_visits_it(code, text: str, source: str, target: str) -> None:
    events = code(text)
    assert (source, target) in {(e.source_country, e.target_country) for e in events if e.plover_type
                                in ("CONSULT", "AGREE")}, _show(events)


@pytest.mark.parametrize(
    "text",
    [
        "We recently traveled to Google's offices in London to try the console.",  # the reporters' trip
        "Tourists traveled to Spain in record numbers.",  # nobody named travels
    ],
)
def test_a_trip_by_no_one_named_is_no_visit(code, text: str) -> None:
    assert code(text) == []
