"""Place rules from the error analysis of place accuracy (our own sentences)."""

from __future__ import annotations

from processors.extract.places import find_places


def _found(text: str, language: str = "ar") -> list[tuple[str, str, str]]:
    return [(p.surface, p.location.name, p.kind) for p in find_places(text, language)]


def test_town_south_of_a_city_is_not_said_to_lie_in_its_governorate() -> None:
    # "الكسوة، جنوب دمشق": Kiswah lies south of Damascus; it is in Rif Dimashq, not dropped as a namesake.
    names = [n for _, n, _ in _found("سمع دوي انفجارات في الكسوة، جنوب دمشق مساء أمس")]
    assert names[0] == "Al Kiswah"


def test_dual_governorate_cue_covers_the_second_name() -> None:
    found = _found("استهدفت صواريخ مواقع عسكرية في محافظتي حماة وسط البلاد وحلب شمالها")
    assert [(n, k) for _, n, k in found] == [("Hama", "admin1"), ("Aleppo", "admin1")]


def test_capital_named_as_its_government_is_no_place() -> None:
    assert [n for _, n, _ in _found("استهدفت الغارات مقاتلين موالين لدمشق في عفرين")] == ["Afrin"]
    assert [n for _, n, _ in _found("Fighters loyal to Damascus entered Afrin.", "en")] == ["Afrin"]
    assert [n for _, n, _ in _found("Pro-Damascus militias and Baghdad-backed units clashed in Hajin.", "en")] \
        == ["Hajin"]
    # The city itself still stands.
    assert [n for _, n, _ in _found("Mortars fell on Damascus, wounding three.", "en")] == ["Damascus"]
    assert [n for _, n, _ in _found("سقطت قذائف على دمشق")] == ["Damascus"]


def test_lower_case_as_after_a_name_is_english() -> None:
    found = _found("Troops took a hill north of Khanaser as Islamic State fighters withdrew.", "en")
    assert [n for _, n, _ in found] == ["Khanaser"]
    assert _found("Ahrar as-Sham fighters arrived.", "en") == []


def test_outskirts_of_a_city_are_the_city_not_the_governorate_countryside() -> None:
    found = find_places("Fighting raged on the eastern outskirts of Raqqa city on Monday.", "en")
    assert (found[0].location.name, found[0].location.geo_precision) == ("Ar-Raqqa", 2)
    found = find_places("Shells fell on the western parts of Deir ez-Zor city.", "en")
    assert found[0].location.name == "Deir ez-Zor" and found[0].kind == "city"
    # Without "city", a part of the governorate stays its countryside.
    assert find_places("Clashes in eastern parts of Deir ez-Zor.", "en")[0].kind == "region"


def test_country_side_written_apart() -> None:
    found = _found("Shelling hit villages in the northern country side of Lattakia.", "en")
    assert found[-1][1] == "Northern Lattakia countryside"


def test_long_vowel_blind_spelling_needs_no_cue() -> None:
    # "Quamishli" differs from "Qamishli" in a vowel only; five consonants say enough without "in"/"town of".
    found = _found("Gunmen wounded a policeman in a park of downtown Quamishli.", "en")
    assert [n for _, n, _ in found] == ["Qamishli"]
    # A short spelling still needs its cue, and an actor's name is never one.
    assert _found("Hodr said nothing.", "en") == []
    assert _found("Ahrar al-Sham and Hayat Tahrir al-Sham fought.", "en") == []


def test_generic_words_of_names_fold_to_one_key() -> None:
    from processors.extract.gazetteer import latin_key

    for variants in (("Tal", "Tell", "Tel"), ("Kafr", "Kfar", "Kefr", "Kafar"), ("Jabal", "Jebel", "Jebal"),
                     ("Khirbet", "Khirbat", "Khirbeh"), ("Hawsh", "Hosh", "Haouch"), ("Sheikh", "Shekh", "Sheik"),
                     ("Sharqi", "Sharqiyah", "Shorqi"), ("Kabir", "Kebir", "Kbir"), ("Hawijat", "Hwaijet")):
        assert len({latin_key(v) for v in variants}) == 1, variants
    assert [n for _, n, _ in _found("Rebels in Jebal al Sheikh repelled an attack.", "en")] == ["Mount Hermon"]


def test_region_named_as_a_village_elsewhere_is_a_namesake() -> None:
    # Hawran is a region of Dar'a; "Hawran village" in a report about Afrin is a village we lack.
    found = _found("Rebels took Hawran village in northern Afrin, Aleppo, after clashes.", "en")
    assert "Hawran" not in [n for _, n, _ in found]
    # Alone, a region called a village stays that region.
    assert [n for _, n, _ in _found("Troops raided Wadi Barada village at dawn.", "en")] == ["Wadi Barada"]


def test_article_glued_to_a_short_second_word() -> None:
    assert [n for _, n, _ in _found("Shells hit Salah Eddin in Aleppo city.", "en")][0] == "Salah Al Din"


def test_neighbourhood_after_a_vowel_variant_is_a_cue() -> None:
    found = _found("Rocket shells hit al-Hamadaniyeh neighbourhood in Aleppo city.", "en")
    assert [n for _, n, _ in found] == ["Al Hamdaniyah", "Aleppo"]


def test_capitalised_direction_is_the_arabic_qualifier() -> None:
    # "Western Ghariyeh" is "al-Ghariyah al-Gharbiyah", a village, not the west of a namesake.
    found = _found("Clashes erupted in Western Ghariyeh town in Daraa.", "en")
    assert found[0][1:] == ("Al Ghariyah al Gharbiyah", "village")
    assert _found("Clashes erupted in western Daraa.", "en")[0][2] == "region"
