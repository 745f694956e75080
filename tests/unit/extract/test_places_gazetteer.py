"""The gazetteer data layer on small files written for these tests."""

from __future__ import annotations

from pathlib import Path

from processors.extract.gazetteer import (
    build_gazetteer,
    distance_km,
    latin_key,
    latin_tokens_key,
    load_gazetteer,
)
from processors.extract.places import find_places

GEONAMES = (
    "# test rows\n"
    "geonameid\tname\tcountry_code\tadmin1_code\tlatitude\tlongitude\tpopulation\tnames_ar\talternatenames\n"
    "1\tTestabad\tSY\t07\t35.0\t40.0\t50000\tتستاباد\tTestabad|Testabaad|tstabad\n"
    "2\tHamlet\tSY\t07\t35.1\t40.1\t100\tالسجن\tHamlet\n"
)
SUPPLEMENT = (
    "slug\tkind\tname\tname_ar\tadmin1\tadmin2\tcountry\tlat\tlon\taliases_en\taliases_ar\tcue\tgeonames_id"
    "\tpopulation\n"
    "gov-dez\tadmin1\tDeir ez-Zor\tمحافظة دير الزور\tDeir ez-Zor\t\tSyria\t35.0\t40.0\tDeir ez-Zor province"
    "\t\t\t\t\n"
    "testabad\tcity\tTest Abad\tتستاباد\tDeir ez-Zor\tTest District\tSyria\t35.01\t40.01\tTest-Abad"
    "\t\t\t1\t\n"
    "farm\tvillage\tAl Mazraa\tالمزرعة\tDeir ez-Zor\t\tSyria\t35.2\t40.2\t\t\tcue\t\t\n"
)


def _gazetteer(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "g.tsv").write_text(GEONAMES, encoding="utf-8")
    (tmp_path / "s.tsv").write_text(SUPPLEMENT, encoding="utf-8")
    return build_gazetteer(tmp_path / "g.tsv", tmp_path / "s.tsv", tmp_path / "missing.tsv")


def test_supplement_row_replaces_its_geonames_row(tmp_path: Path) -> None:
    gaz = _gazetteer(tmp_path)
    entry = gaz.by_id("geonames:1")
    assert entry is not None and entry.name == "Test Abad" and entry.curated
    assert entry.admin2 == "Test District" and entry.population == 50000
    assert {"Testabaad", "Test-Abad"} <= set(entry.aliases_en)
    assert len([e for e in gaz.entries if e.name in ("Test Abad", "Testabad")]) == 1


def test_lowercase_junk_romanisations_and_common_word_aliases_are_not_indexed(tmp_path: Path) -> None:
    gaz = _gazetteer(tmp_path)
    assert gaz.lookup("tstabad") == []
    # "السجن" (the prison) is a raw GeoNames alternate name of a hamlet: never a name on its own.
    assert gaz.lookup("السجن") == []


def test_cue_flag_and_districts(tmp_path: Path) -> None:
    gaz = _gazetteer(tmp_path)
    hits = gaz.arabic_index[("مزرعه",)]
    assert [h.needs_cue for h in hits] == [True]
    hamlet = gaz.by_id("geonames:2")
    assert hamlet is not None and hamlet.admin1 == "Deir ez-Zor" and hamlet.admin2 == "Test District"


def test_countryside_point_falls_back_to_an_offset(tmp_path: Path) -> None:
    gaz = _gazetteer(tmp_path)
    east = gaz.countryside_point("Deir ez-Zor", "east")
    assert east is not None and east.lon > 40.0 and abs(east.lat - 35.0) < 1e-9
    assert 25.0 < distance_km(35.0, 40.0, east.lat, east.lon) < 35.0
    assert gaz.countryside_point("Nowhere", "east") is None


def test_latin_keys_fold_transliterations() -> None:
    assert latin_key("Raqqah") == latin_key("Raqqa") == latin_key("Rakka")
    assert latin_key("Ghouta") == latin_key("Ghota")
    assert latin_tokens_key("Deir ez-Zor") == latin_tokens_key("Dair al-Zor")
    assert latin_tokens_key("al-Mayadin") == latin_tokens_key("Mayadeen")


def test_every_curated_place_is_found_by_its_own_names() -> None:
    gaz = load_gazetteer()
    missed = []
    for entry in gaz.entries:
        if not entry.curated or entry.kind == "admin1" or entry.needs_cue:
            continue
        for alias in entry.aliases_ar[:1]:
            found = find_places(f"في {alias} اليوم", "ar")
            if not any(m.location.gazetteer_id == entry.gazetteer_id or m.location.admin1 == entry.admin1
                       for m in found):
                missed.append(alias)
    assert len(missed) <= 10, missed
