"""find_places on sentences written for these tests (Arabic and English)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from processors.extract.gazetteer import distance_km, load_gazetteer
from processors.extract.places import PlaceMention, find_places, resolve_place
from sitrep.textnorm import clean_text


def places(text: str, language: str) -> list[PlaceMention]:
    return find_places(clean_text(text), language)


def by_surface(mentions: list[PlaceMention], needle: str) -> PlaceMention:
    for mention in mentions:
        if needle in mention.surface:
            return mention
    raise AssertionError(f"{needle!r} not among {[m.surface for m in mentions]}")


def near(mention: PlaceMention, lat: float, lon: float, km: float = 5.0) -> bool:
    loc = mention.location
    assert loc.lat is not None and loc.lon is not None
    return distance_km(loc.lat, loc.lon, lat, lon) <= km


# --- gazetteer -------------------------------------------------------------------------------------

def test_gazetteer_loads_geonames_and_supplement() -> None:
    gaz = load_gazetteer()
    ids = {e.gazetteer_id.split(":")[0] for e in gaz.entries}
    assert ids == {"geonames", "sitrep"}
    assert len([e for e in gaz.entries if e.gazetteer_id.startswith("sitrep:")]) >= 250
    assert {e.admin1 for e in gaz.entries if e.country == "Syria"} >= {
        "Aleppo", "Al-Hasakeh", "Ar-Raqqa", "As-Sweida", "Damascus", "Dar'a", "Deir ez-Zor", "Hama", "Homs",
        "Idleb", "Lattakia", "Quneitra", "Rif Dimashq", "Tartous"}


@pytest.mark.parametrize(
    "spelling", ["Deir ez-Zor", "Deir Ezzor", "Dayr al-Zawr", "Deir al-Zour", "دير الزور"]
)
def test_spelling_variants_meet(spelling: str) -> None:
    loc = resolve_place(spelling)
    assert loc is not None and loc.name == "Deir ez-Zor" and loc.admin1 == "Deir ez-Zor"


def test_resolve_place_prefers_the_given_governorate() -> None:
    homs = resolve_place("الطيبة", admin1="Homs")
    assert homs is not None and homs.admin1 == "Homs"


# --- Arabic ----------------------------------------------------------------------------------------

def test_arabic_clitics_and_cues() -> None:
    text = "قصفت الطائرات ومدينة الميادين وبلدة هجين، ودارت اشتباكات بالبوكمال"
    found = places(text, "ar")
    names = [m.location.name for m in found]
    assert names == ["Al Mayadin", "Hajin", "Al Bukamal"]
    mayadin = by_surface(found, "الميادين")
    assert mayadin.surface == "الميادين"  # the clitic و and the cue word stay outside the span
    assert clean_text(text)[mayadin.start:mayadin.end] == "الميادين"
    assert mayadin.location.geo_precision == 1 and mayadin.kind == "city"


def test_arabic_countryside_with_direction() -> None:
    found = places("سيطرت القوات على قرية في ريف دير الزور الشرقي بعد معارك", "ar")
    region = by_surface(found, "ريف دير الزور الشرقي")
    assert region.kind == "region" and region.location.geo_precision == 2
    assert region.location.admin1 == "Deir ez-Zor"
    # The eastern countryside lies down the Euphrates, south-east of the city.
    assert region.location.lat is not None and region.location.lat < 35.3
    assert region.location.lon is not None and region.location.lon > 40.2


def test_arabic_the_countryside_of_form() -> None:
    found = places("تقدمت الفصائل في الريف الشمالي الغربي لحلب", "ar")
    region = found[0]
    assert region.surface.startswith("الريف الشمالي الغربي")
    assert region.location.admin1 == "Aleppo" and region.location.geo_precision == 2
    assert region.location.gazetteer_id.endswith(":north-west")


def test_common_word_needs_a_cue() -> None:
    # "الطيبة" is also an adjective ("good"): alone it is no place.
    assert places("كانت النتيجة الطيبة للمفاوضات مفاجئة", "ar") == []
    found = places("قتل ثلاثة مدنيين في بلدة الطيبة", "ar")
    assert [m.surface for m in found] == ["الطيبة"]


def test_media_outlets_and_common_words_are_not_places() -> None:
    assert places("وقالت قناة الميادين إن المظاهرات السلمية استمرت", "ar") == []
    assert [m.location.name for m in places("تظاهر سكان مدينة السلمية", "ar")] == ["Salamiyeh"]


def test_same_name_resolved_by_governorate_nearby() -> None:
    dez = by_surface(places("اشتباكات في الطيبة بريف دير الزور", "ar"), "الطيبة")
    homs = by_surface(places("اشتباكات في الطيبة ببادية حمص", "ar"), "الطيبة")
    assert dez.location.admin1 == "Deir ez-Zor"
    assert homs.location.admin1 == "Homs"


def test_desert_and_named_regions() -> None:
    found = places("هجوم في بادية حمص وآخر في الغوطة الشرقية", "ar")
    badia = by_surface(found, "بادية حمص")
    ghouta = by_surface(found, "الغوطة الشرقية")
    assert badia.kind == "region" and badia.location.geo_precision == 2 and badia.location.admin1 == "Homs"
    assert ghouta.location.admin1 == "Rif Dimashq" and ghouta.location.geo_precision == 2


def test_governorate_only_is_precision_3() -> None:
    found = places("شهدت محافظة إدلب قصفاً عنيفاً", "ar")
    assert len(found) == 1
    assert found[0].kind == "admin1" and found[0].location.geo_precision == 3
    assert found[0].location.admin1 == "Idleb"


def test_direction_of_a_city_is_near_precision_2() -> None:
    found = places("انفجار جنوب دمشق", "ar")
    assert found[0].surface == "جنوب دمشق"
    assert found[0].location.geo_precision == 2 and found[0].location.name == "Damascus"


def test_rif_dimashq_is_the_governorate() -> None:
    found = places("غارات على ريف دمشق", "ar")
    assert found[0].location.admin1 == "Rif Dimashq" and found[0].location.geo_precision == 3
    west = places("غارات على ريف دمشق الغربي", "ar")[0]
    assert west.location.geo_precision == 2 and west.location.gazetteer_id.endswith(":west")


def test_persian_yeh_typed_for_arabic() -> None:
    found = places("قصف على دیر الزور", "ar")  # U+06CC in "دیر"
    assert [m.location.name for m in found] == ["Deir ez-Zor"]


def test_countryside_arabic_name_is_canonical() -> None:
    found = places("اشتباكات بالريف الجنوبي الشرقي لحمص", "ar")
    assert found[0].location.name_ar == "ريف حمص الجنوبي الشرقي"
    assert found[0].location.name == "South-eastern Homs countryside"


def test_month_names_are_not_places() -> None:
    assert places("في الـ 6 من تشرين الأول / أكتوبر الجاري", "ar") == []


def test_village_list_after_a_cue() -> None:
    found = places("سيطرت القوات على قرى محيميدة وحوايج ذياب والكسرة", "ar")
    assert [m.location.name for m in found] == ["Muhaymideh", "Hawaij Thiyab", "Al Kasra"]


# --- English ---------------------------------------------------------------------------------------

def test_english_articles_and_variants() -> None:
    found = places("Fighting continued in al-Mayadin and Deir Ezzor on Monday.", "en")
    assert [m.location.name for m in found] == ["Al Mayadin", "Deir ez-Zor"]
    assert found[0].surface == "al-Mayadin"


def test_english_countryside_phrases() -> None:
    found = places("Shelling hit villages in the northern Aleppo countryside and southern Idlib.", "en")
    aleppo = by_surface(found, "Aleppo")
    idlib = by_surface(found, "Idlib")
    assert aleppo.surface == "the northern Aleppo countryside" and aleppo.location.geo_precision == 2
    assert aleppo.location.gazetteer_id.endswith(":north")
    assert idlib.surface == "southern Idlib" and idlib.location.admin1 == "Idleb"


def test_english_countryside_of() -> None:
    found = places("Clashes broke out in the eastern countryside of Homs.", "en")
    assert found[0].surface == "the eastern countryside of Homs"
    assert found[0].location.admin1 == "Homs" and found[0].location.geo_precision == 2


def test_english_near_and_province() -> None:
    found = places("An IED exploded near Manbij, in Aleppo province.", "en")
    manbij = by_surface(found, "Manbij")
    province = by_surface(found, "province")
    assert manbij.surface == "near Manbij" and manbij.location.geo_precision == 2
    assert province.kind == "admin1" and province.location.geo_precision == 3


def test_english_wire_phrasing_places_a_province_in_the_country() -> None:
    province = places("Air strikes hit the northwestern province of Idlib.", "en")[0]
    city = places("Shells fell on the eastern city of Deir ez-Zor.", "en")[0]
    assert province.kind == "admin1" and province.location.geo_precision == 3
    assert city.kind == "city" and city.location.geo_precision == 1
    part = places("Jets struck villages in east Aleppo.", "en")[0]
    assert part.kind == "region" and part.location.gazetteer_id.endswith(":east")


def test_distance_and_direction_from_a_town() -> None:
    for text, language in (("IS attacked a checkpoint 20 km east of Palmyra.", "en"),
                           ("هجوم على بعد 20 كم شرق مدينة تدمر", "ar")):
        mention = places(text, language)[0]
        assert mention.location.geo_precision == 2 and mention.location.name == "Tadmur"
        assert near(mention, 34.56, 38.50, km=3.0)  # 20 km east of Palmyra's centre


def test_english_site_names() -> None:
    found = places("Missiles struck the T4 airbase and the Shayrat airbase overnight.", "en")
    t4 = by_surface(found, "T4")
    assert near(t4, 34.52, 37.63)
    assert by_surface(found, "Shayrat").kind == "site"


def test_organisation_names_are_not_places() -> None:
    found = places("Hayat Tahrir al-Sham gunmen and Ahrar al-Sham members traded fire in Saraqib.", "en")
    assert [m.location.name for m in found] == ["Saraqab"]


def test_place_of_another_governorate_is_dropped() -> None:
    # A village the gazetteer lacks shares its name with a Lattakia town: the stated governorate wins.
    found = places("Regime forces took al-Rabia village in Raqqa.", "en")
    assert all(m.location.admin1 == "Ar-Raqqa" for m in found)


def test_organisation_named_after_a_town() -> None:
    found = places("The Manbij Military Council took the town of Hajin.", "en")
    assert [m.location.name for m in found] == ["Hajin"]


def test_cue_only_namesake_in_another_country_is_dropped() -> None:
    # "Hit" is a town in Anbar; next to Dar'a and Nawa it is a Syrian village the gazetteer lacks.
    found = places("Rebels attacked the towns of Hit and Nawa in Dar'a.", "en")
    assert all(m.location.country == "Syria" for m in found)
    assert places("Iraqi forces entered the town of Hit.", "en")[0].location.country == "Iraq"


def test_english_words_and_given_names_are_not_places() -> None:
    assert places("China and Russia vetoed the draft; Maria Zakharova said so in Milan.", "en") == []
    assert places("Dana said the talks would resume.", "en") == []
    found = places("Clashes erupted in Ad Dana.", "en")
    assert [(m.surface, m.location.admin1) for m in found] == [("Ad Dana", "Idleb")]


def test_mentions_sorted_and_disjoint() -> None:
    text = clean_text("غارات على مدينة إدلب وريف إدلب الجنوبي ومطار أبو الظهور العسكري وأطراف سراقب")
    found = find_places(text, "ar")
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    assert all(text[m.start:m.end] == m.surface for m in found)
    airbase = by_surface(found, "مطار أبو الظهور")
    assert airbase.kind == "site" and near(airbase, 35.73, 37.10)
    assert by_surface(found, "سراقب").location.geo_precision == 2


def test_pronoun_references_to_the_city_named_before() -> None:
    found = places("اشتباكات قرب مدينة دير الزور ومطارها العسكري وفي ريفها الشرقي", "ar")
    airport = by_surface(found, "مطارها")
    countryside = by_surface(found, "ريفها")
    assert airport.surface == "مطارها العسكري" and airport.kind == "site" and near(airport, 35.28, 40.18)
    assert countryside.location.admin1 == "Deir ez-Zor"
    assert countryside.location.gazetteer_id.endswith(":east")


def test_countryside_named_by_the_governorate_adjective() -> None:
    found = places("قصف مدفعي على الريف الحموي الشمالي وغارات على الريف الإدلبي", "ar")
    hama = by_surface(found, "الحموي")
    idleb = by_surface(found, "الإدلبي")
    assert hama.location.admin1 == "Hama" and hama.location.gazetteer_id.endswith(":north")
    assert idleb.location.admin1 == "Idleb" and idleb.location.geo_precision == 2


def test_deterministic() -> None:
    text = clean_text("اشتباكات في ريف حماة الشمالي وقصف على اللطامنة وكفرزيتا")
    assert find_places(text, "ar") == find_places(text, "ar")


_WORDS = ["ريف", "حلب", "الشمالي", "بلدة", "الطيبة", "ومدينة", "الميادين", "محافظة", "إدلب", "قرب", "جنوب",
          "دمشق", "،", "و", "in", "the", "northern", "Aleppo", "countryside", "near", "al-Mayadin", "of",
          "Deir", "ez-Zor", "province", "town", "Hajin", "east", "Hayat", "Tahrir", "al-Sham", "ومطارها"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=25))
def test_mentions_are_well_formed_on_any_word_salad(words: list[str]) -> None:
    text = clean_text(" ".join(words))
    found = find_places(text, "")
    assert found == find_places(text, "")
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    for mention in found:
        assert text[mention.start:mention.end] == mention.surface
        assert 1 <= mention.location.geo_precision <= 3
        assert mention.kind in ("admin1", "region", "city", "town", "village", "site")
        assert mention.location.lat is not None and 29.0 < mention.location.lat < 38.0


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("دارت معارك عنيفة في الريف الشرقي لدير الزور مساء أمس", "Eastern Deir ez-Zor countryside"),
        ("سقطت قذائف على الريف الجنوبي والشرقي لإدلب", "Southern Idleb countryside"),
        ("تواصلت الغارات على الريفين الغربي والشمالي لحماة", "Hama countryside"),
    ],
)
def test_reversed_and_coordinated_countryside_phrases(text: str, name: str) -> None:
    found = places(text, "ar")
    assert len(found) == 1
    assert found[0].location.name == name
    assert found[0].location.geo_precision == 2
