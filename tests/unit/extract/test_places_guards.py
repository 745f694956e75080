"""Place guards: common English words, namesake quarters abroad, page furniture (our own sentences)."""

from __future__ import annotations

from processors.extract.places import find_places


def _names(text: str) -> list[tuple[str, str, str]]:
    return [(p.surface, p.location.name, p.location.country) for p in find_places(text, "en")]


def test_nerve_agent_is_no_village() -> None:
    assert _names("Sarin is a nerve agent. Inspectors said sarin was used in the attack.") == []
    assert _names("Sarin attack kills dozens") == []


def test_sarrin_still_found_as_a_place() -> None:
    assert [n for _, n, _ in _names("Government forces shelled Sarrin on Tuesday.")] == ["Sarrin"]
    assert [n for _, n, _ in _names("Jets bombed the village of Sarin, south of Kobani.")][:1] == ["Sarrin"]


def test_capitalised_word_written_lower_case_elsewhere_needs_a_cue() -> None:
    # "Hit" at a sentence start in a report that also writes "hit": no town without a cue...
    assert _names("Hit hard by the storm, the camp flooded. Mortars hit the market.") == []
    # ...but "in Hit" is the Iraqi town even when "hit" is also a verb there.
    assert [n for _, n, _ in _names("Airstrikes in Hit killed five as jets hit the bridge.")] == ["Hit"]


def test_lower_case_slug_is_no_twin() -> None:
    assert [n for _, n, _ in _names("Aleppo was shelled, see example.com/aleppo-shelling and #aleppo.")] == ["Aleppo"]


def test_article_makes_a_name() -> None:
    found = _names("Regime forces captured Al-Khan village east of Homs.")
    assert found and found[0][0] == "Al-Khan"


def test_city_named_as_a_neighbourhood_is_the_local_quarter() -> None:
    found = _names("Shells hit al-Sulaimaniyeh neighborhood in Aleppo city, wounding six.")
    assert found[0][1:] == ("Al Sulaymaniyah", "Syria")
    found = _names("Two shells fell on the neighbourhood of Sulaymaniyah in Aleppo.")
    assert found[0][1:] == ("Al Sulaymaniyah", "Syria")


def test_iraqi_city_stays_in_iraqi_context() -> None:
    assert _names("Clashes erupted in Sulaymaniyah and Erbil on Monday.")[0][1:] == ("Sulaymaniyah", "Iraq")
    assert _names("Protesters gathered in Sulaymaniyah on Sunday.")[0][1:] == ("Sulaymaniyah", "Iraq")


def test_quarter_abroad_the_gazetteer_lacks_is_dropped() -> None:
    # A Raqqa neighbourhood named like an Iraqi governorate: not the governorate.
    found = _names("Clashes went on in al-Qadisiyah neighbourhood west of Raqqa city and in Tabqa.")
    assert all(country == "Syria" for _, _, country in found)
    assert not any(s.endswith("Qadisiyah") for s, _, _ in found)


def test_tags_run_is_no_place() -> None:
    text = ("Militants released a video of two executions. Tags Syria Islamic State video Palmyra The video "
            "shows two men killed in Raqqa.")
    assert [n for _, n, _ in _names(text)] == ["Ar-Raqqa"]
    text = "Tags Syria Idlib Homs bombing Government air raids killed six in Ariha on Monday."
    assert [s for s, _, _ in _names(text)] == ["Ariha"]


def test_metadata_lines_are_no_text() -> None:
    text = "Rebels shelled Aleppo on Monday.\nRelated: Clashes in Daraa\nRead more: Idlib offensive\nTags: Hama, Homs"
    assert [n for _, n, _ in _names(text)] == ["Aleppo"]
    # A sentence that merely starts with "Related to" is text.
    assert [n for _, n, _ in _names("x\nRelated to the attack in Daraa, two men were arrested.")] == ["Dar'a"]


def test_minyan_west_of_aleppo() -> None:
    found = find_places("The army retook the town of Minian at the western edge of Aleppo city.", "en")
    assert found[0].location.name == "Minyan"
    assert found[0].location.admin1 == "Aleppo"
    assert 36.1 < found[0].location.lat < 36.25 and 37.0 < found[0].location.lon < 37.1
