"""Sanity of the hand-written gazetteer data (`processors/extract/data/supplement.tsv`, `countryside.tsv`)."""

from __future__ import annotations

from collections import Counter

import pytest

from processors.extract.gazetteer import (
    COUNTRYSIDE_FILE,
    KINDS,
    SUPPLEMENT_FILE,
    _read_tsv,
    load_gazetteer,
)
from processors.extract.places import find_places

SYRIA_ADMIN1 = {
    "Aleppo", "Al-Hasakeh", "Ar-Raqqa", "As-Sweida", "Damascus", "Dar'a", "Deir ez-Zor", "Hama", "Homs",
    "Idleb", "Lattakia", "Quneitra", "Rif Dimashq", "Tartous",
}
IRAQ_ADMIN1 = {
    "Al-Anbar", "Al-Basrah", "Al-Muthanna", "Al-Qadissiya", "Al-Sulaymaniyah", "Babil", "Baghdad", "Duhok",
    "Thi-Qar", "Diyala", "Erbil", "Kerbala", "Kirkuk", "Maysan", "Ninewa", "Wassit", "Najaf", "Salah al-Din",
    "Halabja",
}
# Generous bounding boxes of the two countries.
BOXES = {"Syria": (32.3, 37.35, 35.7, 42.4), "Iraq": (29.0, 37.4, 38.7, 48.7)}
ROWS = list(_read_tsv(SUPPLEMENT_FILE))


def test_every_row_parses_with_known_kind_country_and_admin1() -> None:
    assert len(ROWS) > 1300
    for row in ROWS:
        assert row["slug"] and row["name"], row
        assert row["kind"] in KINDS, row["slug"]
        assert row["country"] in BOXES, row["slug"]
        admin1s = SYRIA_ADMIN1 if row["country"] == "Syria" else IRAQ_ADMIN1
        assert row["admin1"] in admin1s, (row["slug"], row["admin1"])
        assert row["cue"] in ("", "cue"), row["slug"]
        assert row["geonames_id"] == "" or row["geonames_id"].isdigit(), row["slug"]
        assert None not in row, f"extra column in {row['slug']}"


def test_coordinates_inside_the_country() -> None:
    for row in ROWS:
        lat, lon = float(row["lat"]), float(row["lon"])
        south, north, west, east = BOXES[row["country"]]
        assert south <= lat <= north and west <= lon <= east, (row["slug"], lat, lon)


def test_no_duplicate_slugs_or_geonames_ids() -> None:
    slugs = Counter(row["slug"] for row in ROWS)
    assert [s for s, n in slugs.items() if n > 1] == []
    gids = Counter(row["geonames_id"] for row in ROWS if row["geonames_id"])
    assert [g for g, n in gids.items() if n > 1] == []
    ids = Counter(e.gazetteer_id for e in load_gazetteer().entries)
    assert [i for i, n in ids.items() if n > 1] == []


def test_arabic_names_are_arabic_and_aliases_clean() -> None:
    for row in ROWS:
        if row["name_ar"]:
            assert any("\u0600" <= ch <= "\u06ff" for ch in row["name_ar"]), row["slug"]
        for alias in row["aliases_en"].split("|") + row["aliases_ar"].split("|"):
            assert alias == alias.strip(), (row["slug"], alias)


def test_countryside_rows_are_inside_syria() -> None:
    for row in _read_tsv(COUNTRYSIDE_FILE):
        assert row["admin1"] in SYRIA_ADMIN1 | IRAQ_ADMIN1
        south, north, west, east = BOXES[row.get("country") or "Syria"]
        assert south <= float(row["lat"]) <= north and west <= float(row["lon"]) <= east


@pytest.mark.parametrize(
    ("text", "admin1", "lat", "lon"),
    [
        ("Clashes erupted in Kafr Nabuda in northern Hama.", "Hama", 35.39, 36.50),
        ("اشتباكات في بلدة اللطامنة بريف حماة الشمالي", "Hama", 35.32, 36.62),
        ("Shelling hit Maar Hattat south of Maarat al-Numan.", "Idleb", 35.61, 36.69),
        ("قصف على قرية كبانة في جبل الأكراد", "Lattakia", 35.74, 36.19),
        ("Turkish-backed factions shelled Kaljibrin near Azaz.", "Aleppo", 36.54, 37.10),
        ("اشتباكات في قرية خلصة بريف حلب الجنوبي", "Aleppo", 36.09, 37.06),
        # added from general knowledge in the fourth session (see test_gazetteer_coverage.py)
        ("Warplanes struck the outskirts of Barisha near the Turkish border.", "Idleb", 36.16, 36.63),
        ("قصفت المدفعية قرية معرشمارين شرق معرة النعمان", "Idleb", 35.67, 36.70),
        ("Turkish-backed fighters advanced on Mount Barsaya north-east of Afrin.", "Aleppo", 36.59, 36.99),
        ("سقطت قذائف على معارة الأرتيق شمال غرب حلب", "Aleppo", 36.26, 37.10),
        ("Government troops pushed into Jabal al-Bilas in the eastern desert.", "Homs", 34.98, 37.72),
        ("اشتباكات في جرود القلمون قرب الحدود اللبنانية", "Rif Dimashq", 34.05, 36.55),
        ("غارات على قرية الهبيط في ريف إدلب الجنوبي", "Idleb", 35.47, 36.61),
        ("Air raids hit Boleel, east of Deir ez-Zor city.", "Deir ez-Zor", 35.14, 40.38),
        ("Artillery hit Tal Toughan village in rural Idlib overnight.", "Idleb", 35.74, 37.01),
        ("The army took the Ghizlani camp on the edge of Mosul.", "Ninewa", 36.31, 43.13),
    ],
)
def test_well_known_places_resolve(text: str, admin1: str, lat: float, lon: float) -> None:
    mentions = [m for m in find_places(text) if m.location is not None]
    assert mentions, text
    loc = mentions[0].location
    assert loc.admin1 == admin1
    assert abs(loc.lat - lat) < 0.06 and abs(loc.lon - lon) < 0.06
