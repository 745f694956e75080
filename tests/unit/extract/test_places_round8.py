"""Place matching, round 8: bearings from a town, ayn apostrophes, dh/d, Big/Small X (our own sentences)."""

from __future__ import annotations

from processors.extract.places import find_places


def _places(text: str) -> list[tuple[str, str, int]]:
    return [(p.surface, p.location.name, p.location.geo_precision) for p in find_places(text, "en")]


def test_place_far_from_the_town_it_is_said_to_lie_by_is_a_namesake() -> None:
    # Qalat Jabar is on Lake Assad, nowhere near Nawa: the village meant is one the gazetteer lacks, and the town
    # it lies by stands for it.
    assert _places("Militants overran Qalat Jabar north of Nawa after a night of fighting.") == [
        ("north of Nawa", "Nawa", 2)
    ]


def test_place_near_the_town_it_is_said_to_lie_by_stays() -> None:
    names = [n for _, n, _ in _places("Militants overran Qalat Jabar west of Al-Thawrah after a night of fighting.")]
    assert names[:1] == ["Qalat Jabar"]


def test_a_qualified_name_is_no_bearing() -> None:
    # "Big X" after a list comma is another place of the list, not "near X" locating the one before.
    names = [n for _, n, _ in _places("Clashes raged in Atshan, Tal 'Adah , Big Khwein and other villages.")]
    assert "Tal Adah" in names and "Al Khuwayn" in names


def test_ayn_written_as_an_apostrophe_inside_a_name() -> None:
    assert _places("Troops pushed into Tal 'Adah at dawn.") == [("Tal 'Adah", "Tal Adah", 1)]


def test_dh_spelling_of_a_d_name() -> None:
    assert _places("Gunmen ambushed a patrol outside Dhumair town in Rural Damascus.")[0][1] == "Dmeir"


def test_big_and_small_x_lie_by_village_x() -> None:
    assert _places("Two shells landed on Small Khwein overnight.") == [("Small Khwein", "Al Khuwayn", 2)]
    assert [n for _, n, _ in _places("The Upper House met on Sunday in Damascus.")] == ["Damascus"]


def test_place_word_after_a_bracketed_second_spelling() -> None:
    # "Karama" is also a word (dignity): a place word after the bracket is its cue.
    names = [n for _, n, _ in _places("Kurdish units fought the jihadists at Krama (al-Karamah) village in Ar-Raqqa.")]
    assert "Karama" in names


def test_valley_or_mountain_named_after_a_village() -> None:
    assert _places("Troops stormed the Wadi Zayzun area on Friday.") == [("Wadi Zayzun", "Zayzun", 2)]
    # A feature the gazetteer knows is itself; a town's quarter names no valley.
    assert [n for _, n, _ in _places("Shelling hit Jabal al-Zawiya again.")] == ["Jabal al Zawiya"]
    assert _places("Shelling hit Wadi al-Waer overnight.") == []


def test_farms_or_field_after_a_word_name_is_a_cue() -> None:
    assert [n for _, n, _ in _places("Troops retook the Mallah farms north of Aleppo.")][:1] == ["Al Mallah"]
    # A roundabout takes the name of the town its road leads to.
    assert [n for _, n, _ in _places("Jets struck south of the Kark roundabout in Daraa city.")] == ["Dar'a"]


def test_distance_from_a_town_without_a_bearing() -> None:
    # "N km from Y": by Y (precision 2, no shift without a bearing), and a namesake far from Y is not the place.
    assert _places("Tribal fighters seized Al-Mushayrifah 3km from Uqayribat on Sunday.") == [
        ("3km from Uqayribat", "Uqayribat", 2)
    ]
    assert _places("Fighters came from Palmyra.") == [("Palmyra", "Tadmur", 1)]


def test_distance_to_the_east_of_a_town_shifts_the_point() -> None:
    [(surface, name, precision)] = _places("Jets struck a convoy 20 km to the east of Palmyra.")
    assert (surface, name, precision) == ("20 km to the east of Palmyra", "Tadmur", 2)
    shifted = find_places("Jets struck a convoy 20 km to the east of Palmyra.", "en")[0].location
    town = find_places("Jets struck Palmyra.", "en")[0].location
    assert shifted.lon > town.lon + 0.15


def test_district_that_locates_a_place_is_an_area() -> None:
    mentions = find_places("Clashes flared near Tlul al-Safa in Dhameer sub-district, Rural Damascus, on Friday.", "en")
    assert [(m.location.name, m.kind) for m in mentions][:2] == [("Tlul al Safa", "region"), ("Dmeir", "region")]
    alone = find_places("Clashes flared in Dhameer sub-district, Rural Damascus, on Friday.", "en")
    assert [(m.location.name, m.kind) for m in alone][:1] == [("Dmeir", "town")]
