from __future__ import annotations

from stage_lexicons import place_lexicons

from wirewatch.places.gazetteer import Gazetteer
from wirewatch.places.resolve import candidates_for, resolve_toponyms


def _chosen(gazetteer: Gazetteer, names: list[str]) -> dict[str, tuple]:
    return {r.text: (r.place.name, r.place.country, r.place.kind) if r.place else None
            for r in resolve_toponyms(names, gazetteer, place_lexicons().toponyms)}


def test_country_outranks_namesake_cities_alone(gazetteer: Gazetteer) -> None:
    assert _chosen(gazetteer, ["Georgia"])["Georgia"][1:] == ("GEO", "country")
    assert _chosen(gazetteer, ["Venezuela"])["Venezuela"][1] == "VEN"


def test_us_context_makes_georgia_the_state(gazetteer: Gazetteer) -> None:
    chosen = _chosen(gazetteer, ["Atlanta", "Georgia", "Savannah", "Florida"])
    assert chosen["Georgia"] == ("Georgia", "USA", "state")
    assert chosen["Savannah"][1] == "USA"


def test_caucasus_context_keeps_georgia_the_country(gazetteer: Gazetteer) -> None:
    assert _chosen(gazetteer, ["Tbilisi", "Georgia", "Armenia"])["Georgia"][1:] == ("GEO", "country")


def test_state_context_picks_the_namesake_city(gazetteer: Gazetteer) -> None:
    assert _chosen(gazetteer, ["Birmingham", "Alabama", "Montgomery"])["Birmingham"][1] == "USA"
    assert _chosen(gazetteer, ["Birmingham", "Coventry", "England"])["Birmingham"][1] == "GBR"
    assert _chosen(gazetteer, ["Portland", "Oregon", "Salem"])["Portland"][1] == "USA"


def test_world_city_resists_a_small_namesake(gazetteer: Gazetteer) -> None:
    # An American story that mentions London means London, England, not London, Kentucky.
    assert _chosen(gazetteer, ["London", "Texas", "Houston", "Dallas"])["London"][1] == "GBR"


def test_designators_are_trimmed(gazetteer: Gazetteer) -> None:
    assert _chosen(gazetteer, ["Benue State", "Nigeria"])["Benue State"][1] == "NGA"
    assert _chosen(gazetteer, ["Orange County", "California"])["Orange County"][:2] == ("Orange", "USA")


def test_place_inside_an_institution_name(gazetteer: Gazetteer) -> None:
    assert _chosen(gazetteer, ["University of Alberta"])["University of Alberta"][0] == "Alberta"
    assert _chosen(gazetteer, ["Delhi High Court"])["Delhi High Court"][1] == "IND"


def test_small_namesake_inside_a_name_is_not_taken(gazetteer: Gazetteer) -> None:
    # "Rogers" is a town somewhere; "Rogers Centre" is a stadium in Toronto, not that town.
    cands, trimmed = candidates_for("Rogers Centre", gazetteer, place_lexicons().toponyms)
    assert cands == [] and trimmed


def test_unknown_names_stay_unresolved(gazetteer: Gazetteer) -> None:
    assert _chosen(gazetteer, ["Zzyzxville Heights", "Canada"])["Zzyzxville Heights"] is None


def test_results_align_with_repeated_names(gazetteer: Gazetteer) -> None:
    results = resolve_toponyms(["Cuba", "Havana", "Cuba"], gazetteer, place_lexicons().toponyms)
    assert [r.text for r in results] == ["Cuba", "Havana", "Cuba"]
    assert results[0].place is results[2].place


def test_a_building_is_in_the_town_the_article_is_about(gazetteer: Gazetteer) -> None:
    chosen = _chosen(gazetteer, ["Hillcrest Medical Center", "Tulsa", "Oklahoma", "Tulsa", "Dallas"])
    assert chosen["Hillcrest Medical Center"] == chosen["Tulsa"] == ("Tulsa", "USA", "city")


def test_a_building_stays_unresolved_when_no_town_has_most_mentions(gazetteer: Gazetteer) -> None:
    chosen = _chosen(gazetteer, ["Hillcrest Medical Center", "Tulsa", "Dallas", "Oklahoma"])
    assert chosen["Hillcrest Medical Center"] is None
    assert _chosen(gazetteer, ["Hillcrest Medical Center", "Oklahoma"])["Hillcrest Medical Center"] is None


def test_a_street_named_after_a_town_is_not_in_that_town(gazetteer: Gazetteer) -> None:
    # A street's name is never searched inside: "Boston Road" in a Tulsa story is in Tulsa.
    chosen = _chosen(gazetteer, ["Boston Road", "Tulsa", "Tulsa"])
    assert chosen["Boston Road"] == ("Tulsa", "USA", "city")
    assert _chosen(gazetteer, ["Boston Road", "Oklahoma"])["Boston Road"] is None
    assert candidates_for("Elm St.", gazetteer, place_lexicons().toponyms) == ([], True)


def test_a_small_town_inside_a_name_counts_in_the_articles_province(gazetteer: Gazetteer) -> None:
    chosen = _chosen(gazetteer, ["Smithers Community Centre", "Vancouver", "Kamloops"])
    assert chosen["Smithers Community Centre"] == ("Smithers", "CAN", "city")
    # With only the country named, one word of a name is too weak a clue for a small town.
    assert _chosen(gazetteer, ["Smithers Community Centre", "Canada"])["Smithers Community Centre"] is None


def test_of_namesake_towns_the_one_near_the_articles_others_wins() -> None:
    from wirewatch.places.gazetteer import MATCH_NAME, Candidate, Place
    from wirewatch.places.resolve import _choose

    far = Place(1, "Millford", "USA", 40.0, -100.0, 20_000, "city", "NE")
    near = Place(2, "Millford", "USA", 35.0, -85.0, 15_000, "city", "TN")
    neighbour = Place(3, "Ridgeton", "USA", 35.3, -85.4, 9_000, "city", "GA")  # over the state line
    cands = [Candidate(far, MATCH_NAME), Candidate(near, MATCH_NAME)]
    assert _choose(cands, False)[0].place is far  # alone, the larger
    assert _choose(cands, False, towns=[neighbour])[0].place is near
