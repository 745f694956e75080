"""Plausibility of the hand-written gazetteer rows (`processors/extract/data/supplement.tsv`): every row lies in
its governorate, compact governorates keep their places near their centre, one-word names that are ordinary
words carry `cue` (a sample of the places added in the fourth session resolves in test_gazetteer_supplement.py)."""

from __future__ import annotations

import math
from collections import Counter

from processors.extract.gazetteer import SUPPLEMENT_FILE, _read_tsv, arabic_key, latin_tokens_key
from processors.extract.places import find_places
from sitrep.textnorm import normalize_arabic

ROWS = list(_read_tsv(SUPPLEMENT_FILE))

# Rough bounding boxes (south, north, west, east) of each governorate, a little wider than its borders.
GOVERNORATE_BOXES: dict[str, tuple[float, float, float, float]] = {
    "Aleppo": (35.55, 36.90, 36.50, 38.75), "Idleb": (35.35, 36.35, 36.15, 37.25),
    "Hama": (34.75, 35.75, 35.95, 38.10), "Homs": (33.25, 35.35, 36.15, 41.00),
    "Lattakia": (35.15, 36.00, 35.70, 36.40), "Tartous": (34.60, 35.30, 35.80, 36.40),
    "Damascus": (33.40, 33.60, 36.15, 36.40), "Rif Dimashq": (32.85, 34.50, 35.75, 38.85),
    "Dar'a": (32.30, 33.30, 35.75, 36.75), "Quneitra": (32.75, 33.45, 35.60, 36.05),
    "As-Sweida": (32.30, 33.20, 36.30, 37.60), "Deir ez-Zor": (34.20, 36.05, 38.95, 41.35),
    "Ar-Raqqa": (35.00, 36.75, 37.90, 40.05), "Al-Hasakeh": (35.60, 37.35, 39.70, 42.40),
    "Al-Anbar": (31.9, 34.8, 38.7, 44.2), "Ninewa": (35.5, 37.2, 41.0, 43.9), "Salah al-Din": (33.8, 35.7, 42.5, 45.0),
    "Kirkuk": (34.9, 35.9, 43.3, 44.9), "Diyala": (33.2, 35.2, 44.3, 46.0), "Baghdad": (32.9, 33.8, 43.9, 44.9),
    "Babil": (32.0, 33.0, 44.0, 45.1), "Kerbala": (32.2, 33.0, 42.8, 44.4), "Najaf": (29.0, 32.3, 42.3, 45.0),
    "Erbil": (35.6, 37.4, 43.3, 45.1), "Duhok": (36.5, 37.4, 42.3, 44.3), "Al-Sulaymaniyah": (34.6, 36.5, 44.6, 46.3),
    "Halabja": (35.0, 35.4, 45.7, 46.3), "Wassit": (32.0, 33.6, 44.5, 46.7), "Al-Basrah": (29.9, 31.3, 46.5, 48.6),
    "Maysan": (31.0, 32.8, 46.3, 48.0), "Thi-Qar": (30.5, 32.0, 45.5, 47.3), "Al-Qadissiya": (31.3, 32.5, 44.3, 45.7),
    "Al-Muthanna": (29.0, 31.8, 44.3, 47.0),
}
# Governorates without a far desert: every place within this many km of the governorate's point.
COMPACT_RADIUS_KM = {
    "Idleb": 80, "Lattakia": 70, "Tartous": 60, "Quneitra": 60, "Dar'a": 70, "As-Sweida": 80, "Hama": 90,
    "Damascus": 15, "Ar-Raqqa": 90,
}

# One-word place names that are also ordinary words, given names or surnames: such a row needs `cue`.
ORDINARY_ARABIC = """
الميدان السبيل الفرقان المزرعة المهاجرين السريان المغاير الثكنة البدو الشعلان الرامي عابدين براد القنية نصيب دبس
تازة حلبية زلبية الحاجب بنان العباسي الحرية الكرامة الشجرة الحمراء النصر السلام الوحدة الزهراء النهضة المحافظة
الملعب الصناعة الجامعة القصور القدس الشهداء العروبة الصالحية الحميدية المنصورة الطيبة الجبل المطار السوق المعسكر
الحديقة الساحة الروضة الخالدية العزيزية الجميلية المشهد الأنصاري المالكي الرومانية التليلة الزيارة الغدير الأمين
المعادي السكري القادسية الرشيد الأندلس الفردوس النور الأمل العمال الفيحاء البعث تشرين الجلاء
""".split()
ORDINARY_LATIN = "meridian midan sabil furqan rami josef brad barad nasib taza hajib banan abbasi malki badu".split()
# Long-established quarters and villages that reports name bare; their rows predate this check.
CUE_EXEMPT = {"midan-damascus", "khalidiyah-homs", "sukkari", "fardous", "abdin"}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dp, dl = map(math.radians, (lat1, lat2, lat2 - lat1, lon2 - lon1))
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def test_every_row_lies_in_its_governorate_box() -> None:
    outside = []
    for row in ROWS:
        south, north, west, east = GOVERNORATE_BOXES[row["admin1"]]
        lat, lon = float(row["lat"]), float(row["lon"])
        if not (south <= lat <= north and west <= lon <= east):
            outside.append((row["slug"], row["admin1"], lat, lon))
    assert outside == []


def test_compact_governorates_keep_their_places_near_the_centre() -> None:
    centres = {row["admin1"]: (float(row["lat"]), float(row["lon"])) for row in ROWS if row["kind"] == "admin1"}
    far = []
    for row in ROWS:
        limit = COMPACT_RADIUS_KM.get(row["admin1"])
        if limit is None or row["kind"] == "admin1":
            continue
        d = _km(float(row["lat"]), float(row["lon"]), *centres[row["admin1"]])
        if d > limit:
            far.append((row["slug"], row["admin1"], round(d)))
    assert far == []


def test_slugs_are_unique() -> None:
    slugs = Counter(row["slug"] for row in ROWS)
    assert [s for s, n in slugs.items() if n > 1] == []


def test_one_word_ordinary_words_carry_a_cue() -> None:
    arabic = {arabic_key(normalize_arabic(w)) for w in ORDINARY_ARABIC}
    latin = {latin_tokens_key(w)[0] for w in ORDINARY_LATIN}
    missing = []
    for row in ROWS:
        if row["cue"] == "cue" or row["kind"] == "admin1" or row["slug"] in CUE_EXEMPT:
            continue
        for alias in {row["name_ar"], *row["aliases_ar"].split("|")} - {""}:
            key = [arabic_key(t) for t in normalize_arabic(alias).split()]
            if len(key) == 1 and key[0] in arabic:
                missing.append((row["slug"], alias))
        for alias in {row["name"], *row["aliases_en"].split("|")} - {""}:
            key = latin_tokens_key(alias)
            if len(key) == 1 and key[0] in latin:
                missing.append((row["slug"], alias))
    assert missing == []


def test_a_quarter_name_shared_by_two_cities_follows_the_city_named() -> None:
    aleppo = [m.location for m in find_places("سقطت قذائف على حي الميدان في مدينة حلب") if m.location]
    damascus = [m.location for m in find_places("سقطت قذائف على حي الميدان في دمشق") if m.location]
    assert aleppo[0].admin1 == "Aleppo" and aleppo[0].name != "Aleppo"
    assert damascus[0].admin1 == "Damascus" and damascus[0].name != "Damascus"
