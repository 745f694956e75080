"""Casualty statements: how many were killed or injured, with the qualifier the text uses.

Works on the folded matching form (`sitrep.textnorm.fold_with_offsets`). Numbers are digits,
Arabic number words (with gender agreement, teens, tens, hundreds and duals such as عنصرين) or
English number words. A number counts only when a killing or injury word is near and the noun it
counts is a person; numbers of weapons, villages, hours, years, ages, percentages, displaced people,
running totals ("ليرتفع إلى 305", "since May") and subsets ("بينهم 3 أطفال", "including") are
not an event's casualties.

ACLED convention for quantities without a number (documented rule, as ACLED's codebook and notes
state): "several" / "a number of" / "an unknown number" / عدد من → 10; "dozens" / عشرات → 12;
"hundreds" / مئات → 100; a note's own "coded as N" wins. These carry qualifier "convention".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import accumulate
from typing import Final, Literal, NamedTuple

from processors.extract.fastre import for_text, found_in, matcher, may_match, quick, searcher

CasualtyKind = Literal["killed", "injured"]
Qualifier = Literal["exact", "at_least", "about", "more_than", "convention"]

# An Arabic word glued to the digits after it ("حتى الآن25 قتيلا", a lost space) ends where they begin.
TOKEN: Final = re.compile(
    r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|[\u0648\u0641\u0628\u0644](?=\d)|[\u0621-\u064a]+(?=\d)|"
    r"[^\W\d]\w*(?:[-']\w+)*|[^\w\s]"
)


class Token(NamedTuple):
    """A word, number or punctuation mark of the folded text, with its offsets (a tuple: made fast)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Casualties:
    """One statement of a toll: ``count`` people ``kind`` (killed/injured), offsets into the
    folded text; ``side_at`` is where the counted noun ends (the side's name follows it)."""

    kind: CasualtyKind
    count: int
    qualifier: Qualifier
    start: int
    end: int
    side_at: int
    zero: bool = False
    total: bool = False  # a note's own total over all it tells ("for a total of 12", "Total fatalities coded as 9")
    extra: bool = False  # a note's addition to the toll ("2 more fatalities coded for the attacker")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with absolute offsets."""
    end = len(text) if end is None else end
    # One split of the piece gives [gap, token, gap, ..., token, gap]; the offsets are running sums of the
    # lengths, all in C (`finditer` makes a match object per token). The piece finds the same tokens as
    # ``finditer(text, start, end)``: `TOKEN` has no look-behind, and its look-aheads see the piece's end as the
    # search's end.
    piece = text[start:end]
    parts = (_TOKEN_SPLIT_ASCII if piece.isascii() else _TOKEN_SPLIT).split(piece)
    bounds = list(accumulate(map(len, parts), initial=start))
    return list(map(_new_token, zip(parts[1::2], bounds[1:-1:2], bounds[2::2], strict=True)))


_TOKEN_SPLIT: Final = re.compile(f"(?=\\S)({TOKEN.pattern})")  # (every token starts at a character that is not a space)
# `_TOKEN_SPLIT` for an ASCII piece: the same tokens. The Arabic branches cannot match there, a word's first
# character (a letter or "_") starts no other branch, and the classes are written for ASCII (Unicode's \s
# also holds \x1c-\x1f), which re.ASCII tests by table, not by Unicode category; every token starts at a character
# that is not a space, which the look-ahead tests first (a space was tried against each branch).
_TOKEN_SPLIT_ASCII: Final = re.compile(
    r"(?=\S)([A-Za-z_]\w*(?:[-']\w+)*|\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|[^\w\s\x1c-\x1f])", re.ASCII
)
_new_token = partial(tuple.__new__, Token)  # Token(text, start, end) without the Python-level __new__


# --- Number words ----------------------------------------------------------------------------------

_AR_UNITS: Final = {
    "واحد": 1,
    "واحده": 1,
    "احد": 1,
    "احدي": 1,
    "اثنان": 2,
    "اثنين": 2,
    "اثنتان": 2,
    "اثنتين": 2,
    "اثنا": 2,
    "اثني": 2,
    "اثنتا": 2,
    "اثنتي": 2,
    "ثلاث": 3,
    "ثلاثه": 3,
    "اربع": 4,
    "اربعه": 4,
    "خمس": 5,
    "خمسه": 5,
    "ست": 6,
    "سته": 6,
    "سبع": 7,
    "سبعه": 7,
    "ثمان": 8,
    "ثماني": 8,
    "ثمانيه": 8,
    "تسع": 9,
    "تسعه": 9,
    "عشر": 10,
    "عشره": 10,
}
_AR_TENS: Final = {
    "عشرون": 20,
    "عشرين": 20,
    "ثلاثون": 30,
    "ثلاثين": 30,
    "اربعون": 40,
    "اربعين": 40,
    "خمسون": 50,
    "خمسين": 50,
    "ستون": 60,
    "ستين": 60,
    "سبعون": 70,
    "سبعين": 70,
    "ثمانون": 80,
    "ثمانين": 80,
    "تسعون": 90,
    "تسعين": 90,
}
_AR_HUNDREDS: Final = {
    "مئه": 100,
    "مائه": 100,
    "مئتان": 200,
    "مئتين": 200,
    "مائتان": 200,
    "مائتين": 200,
    "ثلاثمئه": 300,
    "ثلاثمائه": 300,
    "اربعمئه": 400,
    "اربعمائه": 400,
    "خمسمئه": 500,
    "خمسمائه": 500,
    "ستمئه": 600,
    "ستمائه": 600,
    "سبعمئه": 700,
    "سبعمائه": 700,
    "ثمانمئه": 800,
    "ثمانمائه": 800,
    "تسعمئه": 900,
    "تسعمائه": 900,
}
_AR_THOUSANDS: Final = {"الف": 1000, "الفا": 1000, "الفين": 2000, "الفان": 2000, "الاف": 1000, "آلاف": 1000}
# English number words up to a dozen (also read by the assembler for the shares ACLED notes give places)
EN_UNITS: Final = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a dozen": 12,
    "dozen": 12,
}
_SCALE_WORDS: Final = {
    "الف": 1000,
    "الفا": 1000,
    "الاف": 1000,
    "آلاف": 1000,
    "مليون": 10**6,
    "ملايين": 10**6,
    "thousand": 1000,
    "million": 10**6,
    "مئه": 100,
    "hundred": 100,
}
_EN_TENS: Final = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Vague quantities and the ACLED convention they are coded with.
_VAGUE: Final = {
    "عشرات": 12,
    "العشرات": 12,
    "مئات": 100,
    "المئات": 100,
    "dozens": 12,
    "scores": 12,
    "hundreds": 100,
    "several": 10,
    "multiple": 10,
    "numerous": 10,
}
_VAGUE_PHRASES: Final = re.compile(
    r"(?<!\w)(?:(?:عدد من|عددا من)(?!\s+(?:\S+وا|قتل)(?!\w))|عدد غير معروف من|عدد كبير من|عددا كبيرا من)|"
    r"\b(?:a number of|"
    r"an unknown number of|"
    r"unknown number of|an unspecified number of|a number of)\b"
)
_AR_DUALS: Final = {
    "عنصرين": "p",
    "عنصران": "p",
    "شخصين": "p",
    "شخصان": "p",
    "جنديين": "p",
    "جنديان": "p",
    "طفلين": "p",
    "طفلان": "p",
    "قتيلين": "k",
    "قتيلان": "k",
    "ضابطين": "p",
    "ضابطان": "p",
    "رجلين": "p",
    "رجلان": "p",
    "امراتين": "p",
    "امراتان": "p",
    "سيدتين": "p",
    "طفلتين": "p",
    "فتاتين": "p",
    "شابين": "p",
    "شابان": "p",
    "شقيقين": "p",
    "شقيقان": "p",
    "جريحين": "i",
    "جريحان": "i",
    "مصابين اثنين": "i",
    "قياديين": "p",
    "قياديان": "p",
    "مدنيين اثنين": "p",
    "مدنيان": "p",
    "مقاتلان": "p",
    "مسلحان": "p",
    "مواطنان": "p",
    "عسكريان": "p",
    "شرطيان": "p",
    "صحفيان": "p",
    "مسعفان": "p",
    "شقيقتان": "p",
    "طفلتان": "p",
    # feminine and further duals ("لقيت سيدتان مصرعهما", "مواطنتين"); plural-like ones ("مدنيين") only with "اثنين"
    "سيدتان": "p",
    "فتاتان": "p",
    "مواطنتين": "p",
    "مواطنتان": "p",
    "شابتين": "p",
    "شابتان": "p",
    "ممرضتين": "p",
    "معلمتين": "p",
    "راعيين": "p",
    "راعيان": "p",
    "مزارعان": "p",
    "مختارين": "p",
    "عاملان": "p",
    "صبيين": "p",
    "فتيين": "p",
}
# "مدنيين اثنين", "مقاتلين اثنين": a plural-looking word made a dual by the number word after it
_TWO_AFTER: Final = frozenset({"اثنان", "اثنين", "اثنتان", "اثنتين"})
_AR_SINGULAR_PERSON: Final = frozenset(
    {
        "عنصر",
        "شخص",
        "جندي",
        "طفل",
        "طفله",
        "مدني",
        "مواطن",
        "رجل",
        "امراه",
        "سيده",
        "شاب",
        "ضابط",
        "مقاتل",
        "مسلح",
        "قيادي",
        "عسكري",
        "فتاه",
        "مسن",
        "مسعف",
        "صحفي",
        "قائد",
        "امير",
        "شرطي",
        "عامل",
        "عنصرا",
        "شخصا",
        "جنديا",
        "طفلا",
        "مدنيا",
        "مواطنا",
        "رجلا",
        "شابا",
        "ضابطا",
        "مقاتلا",
        "مسلحا",
        "قياديا",
        "عسكريا",
        "شرطيا",
        "عاملا",
        "مواطنه",
        "مدنيه",
        "شابه",
        "مسنه",
        "معلمه",
        "ممرضه",
        "طبيبه",
        "طالبه",
        "طبيب",
        "معلم",
        "طالب",
        "مختار",
        "صبي",
        "صبيا",
        "فتي",
        "فتيا",
        "راع",
        "راعي",
        "راعيا",
        "مزارع",
        "مزارعا",
        "صحفيا",
        "مسعفا",
        "قائدا",
        "اميرا",
        "مختارا",
        "معلما",
        "طبيبا",
        "تاجر",
        "تاجرا",
        "سائق",
        "سائقا",
        "ناشط",
        "ناشطا",
        "اعلامي",
        "اعلاميا",
        "مدرس",
        "مدرسا",
        "ممرض",
    }
)
_SINGULAR_STARTS: Final = _AR_SINGULAR_PERSON | {"a", "an", "the"}  # the words `_singular_victim` reads from

# --- Word classes ------------------------------------------------------------------------------------

_KILL_AR: Final = re.compile(
    r"^(?:[وف]?[بل]?)(?:مقتل|قتل|قتلت|قتلوا|يقتل|تقتل|قتلي|قتيل|قتيلا|القتلي|مصرع|مصرعه|مصرعهم|مصرعها|مصرعهما|"
    r"مقتله|مقتلها|مقتلهما|مقتلهم|حتفهما|استشهاده|استشهادها|استشهادهما|وفاته|وفاتها|وفاتهما|"
    r"استشهاد|استشهد|استشهدوا|شهيد|شهيدا|شهداء|الشهداء|حتفه|حتفهم|حتفها|وفاه|توفي|ارواح|حياه|ضحايا|"
    r"الضحايا|ضحيه|جثث|جثه|جثامين|اعدام|اعدم|اعدمت|اغتيال|اغتيل|اغتال|اغتالت|اغتالوا|هلاك|قضوا|قضي|سقوط|اوقع|اوقعت|اسفر|"
    r"اسفرت|حصد|حصدت|خسائر|قتلاهم|قتلاه|خسر|خسرت|خسروا|يخسر|تخسر|فارق|فارقت|فارقوا|فارقا|قضين|قضيا)$"
)
_INJ_AR: Final = re.compile(
    r"^(?:[وف]?[بل]?)(?:اصابه|اصابات|اصيب|اصيبت|اصيبوا|جرحي|الجرحي|جريح|جريحا|جرح|جرحت|جرحوا|اصابتهم|مصاب|"
    r"مصابين|المصابين|مصابا|بجروح|جروح|اصابته|اصابتها|اصابتهما)$"
)
_DESTROYED_FIGHTERS_EN: Final = re.compile(
    r"\b(?:destroyed|destroying|destroys|wiped out|annihilated)\s+(?:at least |more than |over |up to |about |some )?"
    r"[\w-]+\s+(?:[\w-]+\s+){0,2}?(?:terrorists|militants|fighters|gunmen|jihadists|insurgents|mercenaries)\b"
)
# Words of _PERSON_NOUN_EN that name a side, not people: "12 YPG fighters" but "12 YPG targets".
_SIDE_MODIFIERS_EN: Final = frozenset(
    {
        "army", "regime", "syrian", "government", "pro-government", "is", "hts", "sdf", "ypg", "turkish", "russian",
        "iraqi", "allied", "loyalist", "opposition", "islamist", "kurdish", "iranian", "security", "us", "american",
        "coalition", "isis",
    }
)
_KILL_EN: Final = frozenset(
    {
        "assassinated",
        "assassinating",
        "shot",
        "murdered",
        "beheaded",
        "killed",
        "killing",
        "kill",
        "kills",
        "dead",
        "died",
        "die",
        "deaths",
        "death",
        "fatalities",
        "fatality",
        "lives",
        "slain",
        "perished",
        "executed",
        "bodies",
        "toll",
        "lost",
        "claimed",
        "martyred",
        "martyrs",
        "victims",
        "killings",
        "eliminated",
        "eliminating",
        "eliminates",
        "neutralized",
        "neutralised",
        "crucified",
        "massacred",
        "succumbed",  # "succumbed to his wounds": died of them
    }
)
_INJ_EN: Final = frozenset(
    {"injured", "wounded", "wounding", "injuring", "hurt", "hurting", "injuries", "wounds", "injury", "treated",
     "hospitalized"}
)
_BOTH: Final = re.compile(
    r"casualties|قتيل وجريح|قتلي وجرحي|قتيلا وجريحا|بين قتيل وجريح|killed (?:and|or) "
    r"(?:wounded|injured)|dead (?:and|or) (?:wounded|injured)|قتلي ومصابين|killed or wounded"
)

# A count after a verb of both kinds: "killed or wounded 15", "قتل وجرح سبعة" (ACLED: no split, no toll).
_BOTH_BEFORE: Final = re.compile(
    r"\b(?:killed|killing|kills) (?:and|or) (?:wounded|wounding|injured|injuring|hurt)(?: at least| more than| some"
    r"| about| nearly| around| over| up to)?\s*$|"
    r"(?<!\w)(?:قتل|مقتل|قتلت|قتلوا) و(?:جرح|جرحت|اصيب|اصابه|اصابت|اصيبوا|جرحوا)"
    r"(?: ما لا يقل عن| اكثر من| نحو| حوالي)?\s*$"
)


def _named_before(folded: str, start: int, at: int) -> bool:
    """ "طفلا قتل واصيب 15", "16 شخصا قتلوا واصيب ثلاثه": the verbs have a subject of their own before them, so
    the count after them is the wounded alone."""
    words = folded[start:at].split()
    if not words:
        return False
    word = words[-1]
    return (
        word[0].isdigit()
        or word in _AR_SINGULAR_PERSON
        or (not word.isascii() and bool(_PERSON_NOUN_AR.match(word)))
        or word in _PERSON_NOUN_EN
        or word in ("was", "were")
    )


_PERSON_NOUN_AR: Final = re.compile(
    r"^(?:[وف]?[بلك]?(?:ال)?)(?:عنصر|عناصر|عنصرا|مقاتل|مقاتلا|مقاتلين|مقاتلي|مقاتلو|مسلح|مسلحا|مسلحين|مسلحي|"
    r"جندي|جنديا|جنود|عسكري|عسكريا|عسكريين|شخص|شخصا|اشخاص|مدني|مدنيا|مدنيين|مدنيون|مواطن|مواطنا|"
    r"مواطنين|طفل|طفلا|اطفال|امراه|نساء|سيده|سيدات|رجل|رجال|ضابط|ضباط|قيادي|قياديا|قياديين|عضو|اعضاء|"
    r"فرد|افراد|شاب|شبان|عامل|عمال|مسعف|مسعفين|صحفي|صحفيين|قتيل|قتيلا|قتلي|جريح|جريحا|جرحي|مصاب|مصابا|"
    r"مصابين|شهيد|شهيدا|شهداء|منهم|من|ضحيه|ضحايا|مجند|مجندين|شرطي|شرطيا|رجال|حرس|امراء|قاده|اشخاصا|"
    r"مصلين|متظاهرين|معتقلين|اسري|رهائن|شرطيين|مدنيه|طفله|فتاه|فتيات|مسنين|مسن|موظفين|موظفا|طلاب|"
    r"جهاديين|ارهابيين|ارهابيا|متشددين|ثوار|انتحاريين|اخرون|اخرين)$"  # "واصيب 6 اخرون": six others
)
_PERSON_NOUN_EN: Final = frozenset(
    {
        "people",
        "persons",
        "person",
        "civilians",
        "civilian",
        "soldiers",
        "soldier",
        "fighters",
        "fighter",
        "militants",
        "militant",
        "troops",
        "members",
        "member",
        "children",
        "child",
        "women",
        "woman",
        "men",
        "man",
        "officers",
        "officer",
        "policemen",
        "policeman",
        "police",
        "rebels",
        "rebel",
        "jihadists",
        "jihadist",
        "insurgents",
        "insurgent",
        "gunmen",
        "gunman",
        "residents",
        "guards",
        "guard",
        "personnel",
        "servicemen",
        "elements",
        "combatants",
        "of",
        "dead",
        "killed",
        "wounded",
        "injured",
        "recruits",
        "commanders",
        "commander",
        "leaders",
        "leader",
        "boys",
        "girls",
        "boy",
        "girl",
        "kids",
        "family",
        "relatives",
        "sons",
        "daughters",
        "brothers",
        "sisters",
        "cousins",
        "grandchildren",
        "worshippers",
        "students",
        "workers",
        "journalists",
        "volunteers",
        "medics",
        "paramedics",
        "loyalists",
        "pilots",
        "pilot",
        "terrorists",
        "terrorist",
        "attackers",
        "attacker",
        "militiamen",
        "bombers",
        "others",
        "more",
        "were",
        "was",
        "have",
        "had",
        "are",
        "and",
        "in",
        "from",
        "including",
        "deaths",
        "casualties",
        "fatalities",
        "victims",
        "bodies",
        "army",
        "regime",
        "syrian",
        "government",
        "pro-government",
        "is",
        "hts",
        "sdf",
        "ypg",
        "turkish",
        "russian",
        "iraqi",
        "farmers",
        "shepherds",
        "villagers",
        "teenagers",
        "infants",
        "babies",
        "prisoners",
        "detainees",
        "hostages",
        "captives",
        "defectors",
        "conscripts",
        "operatives",
        "allied",
        "loyalist",
        "opposition",
        "islamist",
        "kurdish",
        "iranian",
        "security",
        "u",
        "us",
        "american",
        "coalition",
        "isis",
        "head",
        "figure",
        "lieutenant",
        "captain",
        "colonel",
        "general",
        "sheikh",
        "mayor",
        "official",
        "doctor",
        "activist",
        "defector",
        "sniper",
        "emir",
        "cadre",
        "operative",
        "sergeant",
        "brigadier",
        "chief",
        "elder",
        "dignitary",
        "teacher",
        "nurse",
        "medic",
        "former",
        "prominent",
        "senior",
        "local",
    }
)
_PERCENT_AR: Final = re.compile(r"\s*(?:في\s+(?:ال)?|بال)(?:مئه|مائه)(?!\w)")
_NON_PERSON: Final = re.compile(
    r"^(?:[وف]?[بلك]?(?:ال)?)(?:قذائف|قذيفه|صواريخ|صاروخ|صاروخا|غارات|غاره|ضربات|ضربه|براميل|برميل|برميلا|"
    r"قري|قريه|بلدات|بلده|مدن|مدينه|منازل|منزل|مباني|مبني|طائرات|طائره|دبابات|دبابه|اليات|اليه|اليه|"
    r"عربات|عربه|سيارات|سياره|ساعه|ساعات|يوم|يوما|ايام|اسبوع|اسابيع|شهر|شهرا|اشهر|عام|عاما|اعوام|سنه|"
    r"سنوات|سنين|دقيقه|دقائق|كم|كيلومتر|كيلومترا|كيلو|متر|مترا|امتار|دولار|ليره|مليون|مليار|بالمئه|"
    r"بالمائه|في|نازح|نازحين|مهجر|مهجرين|لاجئ|لاجئين|نقاط|نقطه|مواقع|موقع|حواجز|حاجز|مستشفي|مستشفيات|"
    r"مدارس|مدرسه|الف|هكتار|طن|اطنان|الاف|مرات|مره|محاور|محور|جبهات|نقطه|كتيبه|فصيلا|فصائل|جرعه)$"
)
_NON_PERSON_EN: Final = frozenset(
    {
        "shells",
        "shell",
        "rockets",
        "rocket",
        "missiles",
        "missile",
        "airstrikes",
        "strikes",
        "strike",
        "raids",
        "barrel",
        "bombs",
        "villages",
        "village",
        "towns",
        "town",
        "homes",
        "houses",
        "buildings",
        "planes",
        "aircraft",
        "tanks",
        "tank",
        "vehicles",
        "vehicle",
        "cars",
        "hours",
        "hour",
        "days",
        "day",
        "weeks",
        "week",
        "months",
        "month",
        "years",
        "year",
        "minutes",
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "metres",
        "meters",
        "dollars",
        "percent",
        "%",
        "million",
        "billion",
        "displaced",
        "refugees",
        "positions",
        "checkpoints",
        "points",
        "fronts",
        "times",
        "am",
        "pm",
        "tonnes",
        "tons",
        "hectares",
        "sorties",
        "mortars",
        "projectiles",
        "drones",
        "jets",
        "helicopters",
        "year-old",
        "years-old",
        "schools",
        "hospitals",
        "neighbourhoods",
        "neighborhoods",
        "areas",
        "sites",
        "targets",
        "others",
        "thousand",
        "incidents",
        "districts",
        "parts",
        "quarters",
        "systems",
        "launchers",
        "depots",
        "trucks",
        "cannons",
        "o'clock",
        "locations",
        "families",
        "fighting",
    }
)
_QUALIFIERS: Final[tuple[tuple[re.Pattern[str], Qualifier], ...]] = (
    (
        re.compile(r"(?:ما )?لا يقل عن$|ما لا يقل$|at least$|no (?:fewer|less) than$|a minimum of$"),
        "at_least",
    ),
    (
        re.compile(
            r"(?:ما )?يزيد عن$|(?:ما )?يزيد علي$|اكثر من$|ازيد من$|more than$|over$|upwards of$|"
            r"in excess of$"
        ),
        "more_than",
    ),
    (
        re.compile(
            r"(?:^|\s)(?:نحو|حوالي|قرابه|زهاء|ما يقارب|يقارب|قرابه ال|ما يناهز|about|around|nearly|"
            r"approximately|roughly|some|almost|an estimated|estimated|up to|ما يصل الي|close to)$"
        ),
        "about",
    ),
)
_AT_LEAST_AFTER_NUMBER: Final = re.compile(r"\s*(?:علي الاقل|على الاقل)(?!\w)")
_TRAILING_AT_LEAST: Final = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:علي الاقل|على الاقل|at least)")
_SUBSET: Final = re.compile(
    r"(?:بينهم|بينهن|منهم|منهن|من بينهم|من بينهن|including|among them|of them|of whom|"
    r"among whom|among the dead|among those|بينها|among|(?<!\w)بين (?:ال)?(?:قتلي|ضحايا|شهداء|جرحي|مصابين)|"
    r"(?:dead|victims|killed|fatalities) included|(?:dead|victims|killed) were|\binclud(?:ed|es|e)|"
    r"\bincluding (?:at least|more than|about|some|nearly|around|almost|over))\W*$"
)
_CUMULATIVE: Final = re.compile(
    r"(?<!\w)(?:منذ(?! (?:صباح|فجر|ظهر|عصر|مساء|ليل|ليله|الصباح|الفجر|الساعات الاولي)\S*(?: \S+)?(?: اليوم| امس|$))|"
    r"حصيله اجماليه|الحصيله الاجماليه|اجمالي|مجموع|المجموع|ليرتفع|يرتفع|لترتفع|ترتفع|ارتفع|"
    r"ارتفعت|ارتفاع|العام الجاري|العام الماضي|خلال العام|منذ مطلع|منذ بدايه|منذ بدء|(?<!مخلفات )الحرب|سنوات|"
    r"الشهر الجاري|"
    r"الشهر الماضي|الاشهر|الاسابيع|حمله|الحمله|العمليه العسكريه|الهجوم العسكري|الايام الماضيه|التصعيد)(?!\w)|"
    r"(?<!\w)(?:خلال|طوال|في) (?:شهر|الشهر|اسبوع|الاسبوع|الاشهر|الاسابيع)(?!\w)|"
    r"(?<!\w)(?:خلال|طوال|في|علي مدي|علي مدار) (?:\S+ )?(?:ايام|يوما|يومين|يومي|اسابيع|اسبوعين)(?!\w)|"
    # "غارات لخمسة أيام متواصلة ... ما أدى إلى مقتل 250": days on end, so a total of those days
    r"(?<!\w)(?:ايام|يوما|يومين|اسابيع|اسبوعين|اسبوعا) (?:متواصله|متتاليه|متواصلين|متتاليين)(?!\w)|"
    r"\b(?:during|over|throughout|in) the (?:month|week|past month|past week|year)\b|"
    r"\b(?:since|total|overall|in all|altogether|so far|to date|this month|last month|"
    r"rose to|rising to|raising the|bringing the|brings the|brought the|cumulative|this year|last year|"
    r"since the start|(?<!remnants of )(?<!left over from )(?<!leftover from )the war|the conflict|"
    r"the past year|years of|months of|weeks of|campaign|offensive|"
    r"past (?:few |several )?(?:days|weeks))\b"
)
# "killed 30 over three days", "a second day of raids that has killed 30": English tolls of several days.
_MULTI_DAY_EN: Final = re.compile(
    r"\b(?:over|in|during|within|across) (?:the )?(?:past |last )?(?:two|three|four|five|six|seven|several|few|"
    r"\d) (?:days|weeks|months)\b|"
    r"\b(?:second|third|fourth|fifth|sixth|seventh) (?:straight |consecutive |successive )?day\b|"
    r"\b(?:48|72) hours\b"
)
# "لقي اكثر من 370 مدنيا مصرعهم، في اربعه ايام من القصف": a toll over several days, past a comma.
_OVER_DAYS_AFTER: Final = re.compile(
    r"\s*(?:\S+\s+){0,3}?\S*,\s*(?:في|خلال|طوال|علي مدي|علي مدار) (?:\S+ )?"
    r"(?:ايام|يوما|يومين|يومي|اسابيع|اسبوعين)(?!\w)"
)
# "قتل 30 جنديا ... و25 من عناصر الفصائل خلال الفتره ذاتها": the period named before, so a total.
_SAME_PERIOD_AFTER: Final = re.compile(
    r"(?<!\w)(?:خلال|في|طوال) (?:ال)?(?:فتره|مده) (?:ذاتها|نفسها)(?!\w)|\b(?:during|in|over) the same period\b"
)
# "3 ايرانيين كانوا بين القتلي", "two Britons were among the dead": some of an event's dead, not its toll.
_SUBSET_AFTER: Final = re.compile(
    r"^\s*(?:\S+\s+){0,3}?(?:كانوا\s+|كان\s+|هم\s+)?(?:من\s+)?(?:بين|ضمن)\s+(?:ال)?(?:قتلي|ضحايا)(?!\w)|"
    r"^\s*(?:[\w-]+\s+){0,3}?(?:were|was|are)\s+among\s+(?:the\s+)?(?:dead|killed|victims|fatalities)\b|"
    r"^\s*of (?:the|those) (?:dead|killed|victims|fatalities)\b|"  # "at least 10 of the dead came in ..."
    # "31 civilians were identified among those killed", "nine ... among the terrorists killed"
    r"^\s*(?:[\w-]+\s+){0,6}?among\s+(?:the\s+|those\s+)?(?:[\w,-]+\s+){0,2}?"
    r"(?:dead|killed|victims|fatalities)\b"
)
_TOLL_RISE_TARGET: Final = re.compile(
    r"(?:ليرتفع|يرتفع|لترتفع|ترتفع|ارتفع|ارتفعت|ارتفاع|يرفع|ليرفع|ترفع|لترفع|وصل|لتصل|ليصل|يصل|تصل|بلغ|لتبلغ|"
    r"ليبلغ)(?:\s+\S+){0,8}?\s+"
    r"(?:الي|ل|حتي)\s*$|\b(?:rose|rising|raising|bringing|brought|brings|climbed|reached|risen|toll to|"
    r"total to|number to|rises|climbs|reaches|jumps|jumped|soars|soared)\b(?:\s+\S+){0,6}?\s*(?:to|at)?\s*$|"
    r"\btoll(?:\s+\S+){0,10}?\s+hits\s*$"
)
# What a rising toll is attached to. A named incident ("حصيله تفجير اعزاز", "the toll from the
# blast") makes the new figure that incident's toll; a period or campaign ("منذ بدء", "this year",
# "الحمله") makes it a running total.
_INCIDENT_NOUN: Final = re.compile(
    r"(?<!\w)[وفبل]?(?:ال)?(?:تفجير|انفجار|التفجير|مفخخه|انتحاري|عبوه|غاره|الغاره|غارات|ضربه|ضربات|قصف|هجوم|"
    r"مجزره|مذبحه|استهداف|كمين|اغتيال|اشتباك|اشتباكات|حادثه|اعتداء)(?!\w)|"
    r"\b(?:blasts?|bombings?|explosions?|car bombs?|attacks?|(?:air ?)?strikes?|airstrikes?|raids?|ambush|"
    r"massacres?|shelling|assaults?|suicide bomb\w*|clash(?:es)?|incident)\b"
)
_PERIOD_TOLL: Final = re.compile(
    r"(?<!\w)(?:منذ(?! (?:صباح|فجر|ظهر|عصر|مساء|ليل|ليله|منتصف ليل|الصباح|الفجر|الساعات الاولي)\S*"
    r"(?: \S+)?(?: اليوم| امس|$))|خلال (?:\S+ )?(?:الشهر|الاشهر|الاسبوع|الاسابيع|العام|الايام|الحمله|"
    r"الفتره|سنوات|اشهر|اسابيع|ايام)|حمله|الحمله|التصعيد|العمليه العسكريه|العمليات العسكريه|الحرب|"
    r"الشهر|العام|الاسبوع|اجمالي|الاجمالي|الاجماليه|مجمل|مجموع|المجموع)(?!\w)|"
    r"\b(?:since(?! (?:this |early |late )?(?:morning|dawn|midnight|noon|the morning))|this (?:year|month|week)|"
    r"last (?:year|month|week)|campaign|offensive|so far|to date|in all|overall|total|cumulative|"
    r"war|conflict|month|months|weeks|years)\b"
)
_RISE_START: Final = re.compile(
    r"(?<!\w)(?:ليرتفع|يرتفع|لترتفع|ترتفع|ارتفع|ارتفعت|ارتفاع|يرفع|ليرفع|ترفع|لترفع|وصل|لتصل|ليصل|يصل|تصل|بلغ|"
    r"لتبلغ|ليبلغ)(?!\w)|"
    r"\b(?:rose|rising|raising|bringing|brought|brings|climbed|reached|risen|rises|climbs|reaches|jumps|jumped|"
    r"soars|soared|hits)\b"
)


_WHO_AFTER: Final = re.compile(r"\s+عدد\s+(?:ال\S+\s+)?(?:الذين|اللذين|اللتين|اللواتي|اللاتي|ممن)\s+(\S+)")
_CLAUSE_MARK: Final = re.compile(r"[.;,،]")
# "قتل 8 من قوات النظام والمسلحين الموالين لها، و4 من الفصائل": a comma before the next side's count "و4 من"
_LIST_AFTER_COMMA: Final = re.compile(r"[^.;,،]*[,،]\s*و\s*")
_TAIL_BREAK: Final = re.compile(r"[.;،,]|\s(?:فيما|بينما|while|and the|as)\s")


def _incident_rise(folded: str, offset: int, first_start: int, last_end: int, end: int) -> str:
    """A toll that rises to the number at ``first_start``: "incident" when the toll is attached to
    one named incident (the event's updated toll), else "" (a running or cumulative total).

    The toll is attached to what the rise phrase names: between the rise verb and the number, the
    words just before the verb ("the toll from the blast rose to") and the rest of the clause after
    the number ("ارتفع الي 9 عدد المدنيين الذين قتلوا جراء انفجار ...")."""
    window_start = max(offset, first_start - 120)
    rises = list(for_text(_RISE_START, folded).finditer(folded, window_start, first_start))
    if not rises:
        rises = list(_RISE_PAST_AND_AR.finditer(folded, window_start, first_start))  # "وارتفع عدد القتلى لاحقا"
    if not rises:
        return ""
    verb = rises[-1]
    lead = folded[max(offset, verb.start() - 120) : verb.start()]
    lead = _CLAUSE_MARK.split(lead)[-1]
    between = folded[verb.end() : first_start]
    tail = _TAIL_BREAK.split(folded[last_end : min(end, last_end + 140)])[0]
    attached = f"{lead} {between} {tail}"
    if _RESULT_BEFORE.search(lead) and not _INCIDENT_NOUN.search(attached):
        # "الغارات ... التي نفذت مساء الاثنين، اسفرت عن مقتل 6 ليرتفع العدد الى 19": what resulted is the
        # subject of its sentence, past the comma
        sentence = re.split(r"[.;]", folded[max(offset, verb.start() - 240) : verb.start()])[-1]
        attached = f"{sentence} {between} {tail}"
    if _PERIOD_TOLL.search(attached):
        return ""
    if _INCIDENT_NOUN.search(attached):
        return "incident"
    if _UPDATED_TOLL.search(f"{lead} {between}") and not _BRINGING.match(verb.group()):
        return "incident"  # "the death toll later rose to 30", "وارتفع عدد القتلى لاحقا إلى 11": the toll told, updated
    return ""


# A toll the text updates with no incident named: one that rose "later" ("the death toll later rose to 30"; not
# "bringing ... to", "ليرتفع ... الى": a running count the clause adds to; a bare "the death toll reached 330" may
# be a campaign's).
_UPDATED_TOLL: Final = re.compile(r"\b(?:later|subsequently)\b|(?<!\w)(?:لاحقا|في وقت لاحق)(?!\w)")
_RISE_PAST_AND_AR: Final = re.compile(r"(?<!\w)[وف](?:ارتفع|ارتفعت)(?!\w)")
_BRINGING: Final = re.compile(r"bring|brought|rais|ل|ي|ت")


_RESULT_BEFORE: Final = re.compile(r"(?<!\w)[وف]?(?:اسفر|اسفرت|ادي|ادت|خلف|خلفت|اوقع|اوقعت)(?!\w)")
_EARLIER_EVENT: Final = re.compile(
    r"(?<!\w)(?:غداه|عقب|بعد (?:يوم|يومين|ايام|ساعات|اسبوع|ايام قليله) (?:من|علي))"
    r"(?: (?:[وفبل]?(?:مقتل|سقوط|استشهاد|مصرع|قتل)|حصيله|ال\S+)){0,2}(?: نحو| قرابه| حوالي)?\s*$|"
    r"\b(?:a|one|two|three|several|a few) (?:days?|weeks?) (?:after|since)(?: \S+){0,3}\s*$|"
    # "بعد أيام من غارة قتلت 12": an earlier strike with its own kill verb
    r"(?<!\w)(?:غداه|عقب|بعد (?:يوم|يومين|ايام|ساعات|اسبوع|ايام قليله) (?:من|علي))(?: \S+){1,3} "
    r"(?:قتلت|قتل|اودت بحياه|خلفت)(?: نحو| قرابه| حوالي)?\s*$"
)
# "the previous toll was 20", "had earlier put the death toll at 5", "the toll, which initially stood at
# 3": a figure the text gives as replaced by a newer one.
_QUALIFIER_EN: Final = r"(?:(?:at least|more than|over|around|about|nearly|some|up to)\s+)?"
_SUPERSEDED_TOLL: Final = re.compile(
    r"\b(?:previous|earlier|initial|preliminary|first|old|former|last)\s+(?:death\s+|casualty\s+)?toll\s+"
    r"(?:was\s+|of\s+|at\s+|stood at\s+|had been\s+)?" + _QUALIFIER_EN + r"$|"
    r"\b(?:earlier|initially|previously|first)\s+(?:put|puts|reported|gave|given|cited|placed|said|had)\s+"
    r"(?:a\s+|the\s+|an\s+)?(?:\w+\s+){0,2}?(?:death\s+)?toll\s+(?:of|at|as)\s+" + _QUALIFIER_EN + r"$|"
    r"\btoll\s+(?:\w+\s+){0,2}?(?:earlier|initially|previously|first)\s+(?:stood at|was|of)\s+" + _QUALIFIER_EN + r"$|"
    # "an earlier toll of 8 with 13 wounded" (a replaced figure): its wounded are replaced too
    r"\b(?:previous|earlier|initial|preliminary|old|former)\s+(?:death\s+|casualty\s+)?toll\s+(?:was|of|stood at|"
    r"had been)\s+" + _QUALIFIER_EN + r"\S+(?:\s+\w+)?\s+(?:with|and)\s+" + _QUALIFIER_EN + r"$"
)


_EARLIER_TOLL_EN: Final = re.compile(
    r"\b(?:days?|weeks?|hours?|months?) after\b(?:(?![,;.]).){0,70}?(?:\b(?:left|killed|killing|claimed|"
    r"claiming|injured|injuring|wounded|wounding)|,\s*(?:killing|claiming|leaving))\s+(?:the lives of\s+)?"
    + _QUALIFIER_EN
    + r"$"
)  # (", killing 23": the participle of the earlier event's clause, not a new clause)


# "a day after the army stormed the town rebels killed 12": a clause of its own ends the "after" clause.
_CLAUSE_VERB_EN: Final = re.compile(
    r"\b(?:stormed|entered|seized|captured|took|launched|began|started|withdrew|retreated|pulled|reached|"
    r"arrived|returned|fled|attacked|advanced|broke|ended)\b"
)


# A finite verb (or a participle used as one) in the words between "after" and ", killing": "collapsed",
# "bombed", "blew", "struck"; not the participles that describe a noun ("a car rigged with explosives").
_FINITE_VERB_EN: Final = re.compile(
    r"\b(?!(?:armed|rigged|booby-trapped|suspected|unidentified|unmanned|alleged|injured|wounded|"
    r"displaced|besieged|detained|abandoned|fortified|used|led|based|backed)\b)"
    r"(?:[a-z]{3,}ed|blew|struck|hit|shot|took|went|fell|broke|came|ran|held|won|lost|met|began|threw|fired|"
    r"set|tore)\b"
)
_PARTICIPLE_TAIL: Final = re.compile(r",\s*(?:killing|claiming|leaving)\s+(?:the lives of\s+)?" + _QUALIFIER_EN + r"$")


def _earlier_toll_en(clause_before: str) -> bool:
    """Whether the count right after ``clause_before`` is the toll of an event the text dates before its own.
    With ", killing N" the participle is the earlier event's only when nothing but that event stands between
    "after" and the comma ("after an air strike on X, killing 23", "after a bomber blew himself up in X, killing
    23"): a second verb there starts the new event's own clause ("two days after talks collapsed in Geneva
    helicopters bombed Darayya, killing 11"), and the toll is that event's."""
    match = _EARLIER_TOLL_EN.search(clause_before)
    if match is None or _CLAUSE_VERB_EN.search(match.group()) is not None:
        return False
    tail = _PARTICIPLE_TAIL.search(match.group())
    if tail is None:
        return True
    after = match.group().find(" after ")
    middle = match.group()[after + 7 if after >= 0 else 0 : tail.start()]
    return len(_FINITE_VERB_EN.findall(middle)) <= 1


# "regime offensive in the north leaves 70 dead": the offensive is the subject of a simple-tense toll verb,
# the one operation's toll (not "the offensive has killed 400", not "since the offensive began").
_OFFENSIVE_LEAVES: Final = re.compile(
    r"(?:\s+[\w'-]+){0,8}?\s+(?:leaves|left|kills|killed|claims|claimed)\s+" + _QUALIFIER_EN + r"$"
)


def _offensive_leaves(before: str, cum: re.Match[str]) -> bool:
    return (
        cum.group() in ("offensive", "assault")
        and _OFFENSIVE_LEAVES.match(before, cum.end()) is not None
        and " has " not in before[cum.end() :]
        and " have " not in before[cum.end() :]
    )


# "30 children were among 39 people killed": the count after "were among" is the whole toll.
# ("they were among 19 people killed across the province": with a pronoun the count is a wider total.)
_AMONG_TOTAL_BEFORE: Final = re.compile(r"(?<!\bthey )(?<!\bthese )(?<!\bthose )\b(?:were|are) among (?:the )?$")
_SUBSET_LIST_EN: Final = re.compile(
    r"\binclud(?:ing|ed|es)\s+(?:\d[\d,]*\s+[\w-]+\s+(?:and\s+)?){1,4}$"
)


def _superseded_toll(clause_before: str) -> bool:
    """Whether the count right after ``clause_before`` is a toll the text says was replaced."""
    return "toll" in clause_before and _SUPERSEDED_TOLL.search(clause_before[-70:]) is not None


# "hundreds of people have been killed in ...": with a vague quantity, the present perfect tells a running total.
_HAVE_BEEN_KILLED_AFTER: Final = re.compile(
    r"^\s*(?:of\s+)?(?:[\w-]+\s+){0,4}?(?:have|has)\s+(?:now\s+|so far\s+|reportedly\s+)?"
    r"(?:been\s+killed|died|perished|lost their lives)\b"
)
# "raids that have claimed hundreds of lives", "attacks that have left hundreds dead"
_HAVE_CLAIMED_BEFORE: Final = re.compile(r"\b(?:have|has) (?:also |now |so far )?(?:claimed|left|killed|cost)\s+$")
# "... have been killed and 700 injured in August shelling", "... over the past three days": a period named
# anywhere later in the sentence of a present-perfect toll makes it a running total.
_PERIOD_EN: Final = re.compile(
    r"\b(?:(?:in|during|throughout|since) (?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)|this (?:week|month|year)|so far|since)\b"
)
# "the group has lost 463 fighters": what a side has lost so far, not one event's dead.
_HAS_LOST_BEFORE: Final = re.compile(r"\b(?:has|have) (?:so far |now |already )?lost " + _QUALIFIER_EN + r"$")


def _running_total_en(folded: str, q: _Quantity, before_text: str, after_text: str, at: int, end: int) -> bool:
    """English tolls told as running totals by their tense: "hundreds have been killed in raids", "at
    least 135 have been killed ... over the past three days", "the army has lost 40 soldiers"."""
    if " lost " in before_text and _HAS_LOST_BEFORE.search(before_text):
        return True
    if q.vague and q.value >= 100 and _HAVE_CLAIMED_BEFORE.search(before_text):
        return True
    if not _HAVE_BEEN_KILLED_AFTER.match(folded[at : min(end, at + 80)]):
        return False
    if q.vague and q.value >= 100:
        return True
    rest = folded[at : min(end, at + 220)]
    return bool(_MULTI_DAY_EN.search(rest) or _PERIOD_EN.search(rest))


# A sentence passed by a court (the court's building or a courtyard is a scene, not a ruling)
_SENTENCE_COURT: Final = re.compile(
    r"بالاعدام|حكم|احكام|sentenced|sentence|death penalty|\bcourts?\b(?! ?(?:house|building|complex|compound|premises))"
    r"|trial"
)
_AGE: Final = re.compile(r"^(?:-?years?-old|years? old|عاما|سنه|من العمر|من عمر\S*|سنوات|yr)")
_ZERO: Final = re.compile(
    r"\bno (?:reported |immediate |known )?(?:casualties|fatalities|deaths|injuries|one was (?:killed|hurt|"
    r"injured))|\bneither (?:injuries|fatalities|casualties|deaths) nor (?:injuries|fatalities|casualties|"
    r"deaths)|\bwithout (?:causing )?(?:any )?(?:casualties|fatalities|injuries)|\bno (?:injuries|"
    r"casualties|fatalities) (?:or|nor) (?:injuries|casualties|fatalities)|\bnobody was (?:killed|hurt)|"
    r"(?<!\w)(?:دون|بدون) (?:وقوع |ان تسفر عن |تسجيل )?(?:اصابات|خسائر بشريه|ضحايا|قتلي)|"
    r"(?<!\w)لم (?:ترد|يسفر|تسفر|تسجل|يسجل|تقع|يبلغ)\S*(?: \S+){0,4} (?:اصابات|خسائر بشريه|ضحايا|قتلي)|"
    r"(?<!\w)(?:لا|دون|بدون) (?:ورود |توفر )?(?:انباء|معلومات) عن (?:وقوع )?(?:اصابات|خسائر بشريه|ضحايا)"
)
# Cheap gate: a sentence with none of these stems holds no toll.
_ANY_TOLL_WORD: Final = re.compile(
    r"قتل|مقتل|قتيل|مصرع|استشهد|استشهاد|شهيد|شهداء|حتف|وفاه|توفي|ارواح|حياه|ضحاي|ضحيه|جث|اعدام|اعدم|اغتيال|اغتال|"
    r"اغتيل|هلاك|قضوا|قضي|قضت|قضين|فارق|سقوط|اوقع|اسفر|حصد|خسائر|خسر|اصاب|اصيب|جرح|جريح|مصاب|kill|dead|die|death|fatalit|"
    r"lives|slain|perish|execut|bodies|body of|toll|lost|claimed|martyr|victim|assassinat|shot|murder|behead|injur|"
    r"wound|hurt|casualt|coded|eliminat|neutrali|crucif|massacr|treated|hospitali|destroy|wiped out|annihilat"
)
# A sentence that counts from the start of the war, a year or a campaign gives totals, not tolls.
_SENTENCE_TOTAL: Final = re.compile(
    r"(?<!\w)منذ (?:اندلاع|بدء|بدايه|مطلع|منتصف|انطلاق|عام|العام|سنوات|سبع|ست|خمس|ثماني|اواخر|اوائل)|"
    r"(?<!\w)منذ (?:\S+ ){0,3}(?:19|20)\d\d|حصيله (?:\S+ ){0,3}(?:سنوات|الحرب|النزاع)|"
    # "منذ بدات قوات النظام تصعيدا ... اودي بحياه 700": since a campaign began
    r"(?<!\w)منذ (?:ان )?(?:بدا|بدات|بداوا|اندلعت|انطلقت|اطلقت|شنت)(?!\w)|"
    # "تشكل درعا منذ اسبوع هدفا لقصف ... ما تسبب بمقتل 29": a bombardment going on for a week
    r"(?<!\w)[وف]?(?:تشكل|يشكل|تتعرض|يتعرض|تتواصل|يتواصل|تستمر|يستمر|تشهد|يشهد|تكثف|يكثف|تشن|يشن)"
    r"(?: \S+){0,4} منذ (?:\S+ )?(?:اسبوع|اسبوعين|اسابيع|شهر|شهرين|اشهر|ايام|يومين)(?!\w)|"
    r"\bsince (?:the (?:start|beginning|outbreak)|(?:\w+ )?(?:19|20)\d\d)|\b(?:war|conflict)-long\b|"
    r"\bover the (?:past|last) (?:\w+ )?(?:years|months)\b|"
    r"\bsince (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|"
    # a month's tally: "in October alone, 312 civilians were killed", "throughout March"
    r"\b(?:(?:in|during|throughout) (?:the month of )?(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)(?: (?:19|20)\d\d)? alone|(?:during|throughout) (?:the month of )?(?:january|february|"
    r"march|april|may|june|july|august|september|october|november|december))\b|"
    r"\bsince (?:it|they|the (?:group|organi[sz]ation|militants|jihadists)) (?:declared|launched|began|started|"
    r"emerged|took|seized|captured|entered)\b"
)
MAX_EVENT_TOLL: Final = 1000
_CODED_N: Final = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\b"
_CODED: Final = re.compile(rf"\bcoded (?:(?:as|to|at) {_CODED_N}|{_CODED_N}(?! (?:in|to|at) (?!this|each)))")
_MONTH_WORDS: Final = re.compile(
    r"^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|"
    r"mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|كانون|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين|"
    r"يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|من)$"
)


@dataclass(frozen=True)
class _Quantity:
    value: int
    start_tok: int
    end_tok: int
    vague: bool = False
    dual_kind: str = ""


# An ACLED note's own total over what it tells: a known toll plus the unknown number coded as 10 ("coded as
# 10 for a total of 14", "(23 fatalities recorded in total)", "Total fatalities coded as 9", a closing
# "7 fatalities."). A sentence that also splits or spreads a total over places is left to the split rules.
_NOTE_TOTAL: Final = re.compile(
    r"\b(?:for|with) (?:a|the) total (?:fatality count |number of fatalities |of fatalities )?(?:of |coded (?:as|to) )?"
    r"(\d+)\b|"
    r"\b(\d+) (?:total )?(?:fatalities|deaths) (?:were )?(?:recorded |coded )?(?:in )?total\b|"
    r"\b(\d+) total (?:fatalities|deaths) (?:were )?coded\b|"
    r"\btotal (?:number of )?(?:fatalities|fatality count|deaths) (?:(?:at|in) [\w' -]{1,30}? )?"
    r"(?:(?:were |was |are |is )?(?:coded|recorded) |are |is )(?:as |to |at )?(\d+)\b|"
    r"^\W*(\d+) (?:fatalities|fatality|deaths)\W*$"
)
# A note's addition to the toll it coded: "..., with 3 additional deaths added for the men who blew themselves
# up", "one extra fatality coded for the driver".
_EXTRA_CODED: Final = re.compile(
    rf"\b{_CODED_N} (?:additional|extra) (?:fatalit(?:y|ies)|deaths?) (?:(?:was|were|is|are) )?(?:coded|added)\b|"
    rf"\b{_CODED_N} (?:fatalit(?:y|ies)|deaths?) (?:(?:was|were|is|are) )?(?:coded|added) for (?:the |each )?"
    r"(?:suicide|driver|bomber|attacker|perpetrator)"
)
_SPLIT_WORDS: Final = re.compile(r"\b(?:split|spread|distributed|divided|allocated|each|respectively)\b")


def _coded_value(word: str) -> int:
    return int(word) if word.isdigit() else EN_UNITS.get(word) or _EN_TENS[word]


def _strip_w(word: str) -> str:
    return word[1:] if len(word) > 3 and word[0] == "و" else word


_WEEKDAY_NUMBERS: Final = frozenset({"الاحد", "الاثنين"})


@lru_cache(maxsize=8192)
def _arabic_word_value(word: str) -> tuple[int, str] | None:
    """Value of one Arabic number word, and its class (unit/ten/hundred/thousand)."""
    if _strip_w(word) in _WEEKDAY_NUMBERS:
        return None  # "الاحد", "الاثنين": Sunday and Monday, not "one" and "two"
    for candidate in (word, _strip_w(word), word[2:] if word.startswith("ال") else word):
        if candidate in _AR_UNITS:
            return _AR_UNITS[candidate], "unit"
        if candidate in _AR_TENS:
            return _AR_TENS[candidate], "ten"
        if candidate in _AR_HUNDREDS:
            return _AR_HUNDREDS[candidate], "hundred"
        if candidate in _AR_THOUSANDS:
            return _AR_THOUSANDS[candidate], "thousand"
    return None


@lru_cache(maxsize=16384)
def _may_quantify(word: str) -> bool:
    """False when `_read_quantity` surely finds no number at a token ``word`` (what it checks first)."""
    if word[0].isdigit() or word in _AR_DUALS or word in _VAGUE or word in EN_UNITS or word in _EN_TENS:
        return True
    if not word.isascii() and _PERSON_NOUN_AR.match(word):
        return True  # "مدنيين اثنين" (`_read_quantity` reads the number word after)
    if "-" in word:
        tens, _, unit = word.partition("-")
        if tens in _EN_TENS and unit in EN_UNITS:
            return True
    return _arabic_word_value(word) is not None


def _en_hundred_and(tokens: list[Token], value: int, j: int) -> tuple[int, int]:
    """ "one hundred and twenty(-five)": the part after "and" belongs to the hundreds."""
    if value % 100 or j + 1 >= len(tokens) or tokens[j].text != "and":
        return value, j
    word = tokens[j + 1].text
    if word in EN_UNITS and EN_UNITS[word] < 100 and word not in ("a", "an", "a dozen", "dozen"):
        return value + EN_UNITS[word], j + 2
    if word in _EN_TENS and _EN_TENS[word] < 100 and word != "dozens":
        add, k = _EN_TENS[word], j + 2
        if k + 1 < len(tokens) and tokens[k].text == "-" and tokens[k + 1].text in EN_UNITS:
            add, k = add + EN_UNITS[tokens[k + 1].text], k + 2
        return value + add, k
    if "-" in word:
        tens, _, unit = word.partition("-")
        if tens in _EN_TENS and unit in EN_UNITS:
            return value + _EN_TENS[tens] + EN_UNITS[unit], j + 2
    return value, j


def _read_quantity(tokens: list[Token], i: int) -> _Quantity | None:
    """The number that starts at token ``i`` (digits, Arabic or English words, duals, vague); None
    whenever `_may_quantify` is False for the word (keep the two in step)."""
    word = tokens[i].text
    if word[0].isdigit():
        try:
            value = int(float(word.replace(",", "")))
        except ValueError:
            return None
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if nxt in _SCALE_WORDS:  # "62 ألفا", "3 million"
            return _Quantity(value * _SCALE_WORDS[nxt], i, i + 2)
        return _Quantity(value, i, i + 1)
    if word in _AR_DUALS:
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        end = i + 2 if nxt in _TWO_AFTER else i + 1
        return _Quantity(2, i, end, dual_kind=_AR_DUALS[word])
    if (
        i + 1 < len(tokens)
        and tokens[i + 1].text in _TWO_AFTER
        and word not in ("من", "منهم")
        and _PERSON_NOUN_AR.match(word)
    ):
        return _Quantity(2, i, i + 2, dual_kind="p")
    if word in _VAGUE:
        return _Quantity(_VAGUE[word], i, i + 1, vague=True)
    if word in EN_UNITS or word in _EN_TENS:
        value = EN_UNITS.get(word) or _EN_TENS[word]
        j = i + 1
        if (
            word in _EN_TENS
            and j < len(tokens)
            and tokens[j].text == "-"
            and j + 1 < len(tokens)
            and tokens[j + 1].text in EN_UNITS
        ):
            value += EN_UNITS[tokens[j + 1].text]
            j += 2
        elif "-" in word:
            pass
        if j < len(tokens) and tokens[j].text in ("hundred", "thousand"):
            value *= 100 if tokens[j].text == "hundred" else 1000
            j += 1
            value, j = _en_hundred_and(tokens, value, j)
        elif j < len(tokens) and tokens[j].text == "dozen" and value < 12:
            value *= 12  # "two dozen fighters"
            j += 1
        return _Quantity(value, i, j)
    if "-" in word:
        tens, _, unit = word.partition("-")
        if tens in _EN_TENS and unit in EN_UNITS:
            return _Quantity(_EN_TENS[tens] + EN_UNITS[unit], i, i + 1)
    first = _arabic_word_value(word)
    if first is None:
        return None
    value, cls = first
    j = i + 1
    # teens: خمسة عشر ; compounds: خمسة وعشرين ; hundreds/thousands with multipliers.
    while j < len(tokens):
        nxt = tokens[j].text
        if cls == "unit" and nxt in ("عشر", "عشره") and value < 10:
            value += 10
            cls = "teen"
            j += 1
            continue
        if (
            cls in ("thousand", "hundred")
            and nxt == "و"
            and j + 1 < len(tokens)
            and tokens[j + 1].text.isdigit()
            and int(tokens[j + 1].text) < (1000 if cls == "thousand" else 100)
        ):
            value += int(tokens[j + 1].text)  # "ستة آلاف و259": one number
            j += 2
            break
        part = _arabic_word_value(nxt)
        if part is None:
            break
        pvalue, pcls = part
        if pcls == "thousand" and value < 1000:
            value = value * 1000 if value > 0 and nxt in ("الاف", "آلاف", "الف") and cls != "thousand" else pvalue
            cls = "thousand"
        elif (
            nxt.startswith("و")
            and pcls in ("ten", "unit", "hundred")
            and pvalue < value
            or (nxt.startswith("و") and cls in ("unit", "teen") and pcls == "ten")
        ):
            value += pvalue
            cls = pcls
        elif pcls == "hundred" and cls == "unit" and pvalue == 100:
            value *= 100
            cls = "hundred"
        else:
            break
        j += 1
    if value == 1 and word in ("احد", "احدي"):  # "أحد العناصر": one of the...
        return _Quantity(1, i, j)
    return _Quantity(value, i, j)


def _range(tokens: list[Token], q: _Quantity) -> _Quantity:
    """ "between 2 and 4", "one to three", "ما بين 3 و5": one statement, coded at its lower figure
    (ACLED's rule for ranges); other quantities are returned as they are."""
    j = q.end_tok
    if q.vague or j + 1 >= len(tokens):
        return q
    joint = tokens[j].text
    before = tokens[q.start_tok - 1].text if q.start_tok > 0 else ""
    between = before in ("between", "بين", "مابين")
    if not (joint in ("to", "-", "الي", "حتي") or (joint in ("and", "و") and between)):
        return q
    upper = _read_quantity(tokens, j + 1)
    if upper is None or upper.vague or upper.value <= q.value:
        return q
    return _Quantity(q.value, q.start_tok, upper.end_tok, dual_kind=q.dual_kind)


def _is_kill(word: str) -> bool:
    return (not word.isascii() and bool(_KILL_AR.match(word))) or word in _KILL_EN  # _KILL_AR: Arabic words


def _is_injury(word: str) -> bool:
    return (not word.isascii() and bool(_INJ_AR.match(word))) or word in _INJ_EN  # _INJ_AR: Arabic words


_ATTACK_IN_COURT: Final = re.compile(r"غاره|قصف|strike|shell|clash|اشتباك")
# "killed a unit leader of the faction and six more gunmen": one toll of seven.
_ONE_AND_MORE: Final = re.compile(r"(?:\s+(?:of|from|in)(?:\s+[\w'-]+){1,3})?\s+and\s*")
_MORE_AFTER: Final = re.compile(r"\s+(?:more|other|others)\b")


def _others_are_people(tokens: list[Token], q: _Quantity, nxt: list[str]) -> bool:
    """ "wounding five others", "and 11 others were injured": "N others" right after a kill or injury verb, or
    before one, counts people (not "hit Kafranbel and three others": towns)."""
    k = q.start_tok
    while k > 0 and q.start_tok - k < 3 and tokens[k - 1].text in _QUALIFIER_WORDS:
        k -= 1  # "wounding at least five others"
    if k > 0 and (_is_kill(tokens[k - 1].text) or _is_injury(tokens[k - 1].text)):
        return tokens[k - 1].text not in ("toll", "lives", "claimed", "lost")
    after = [w for w in nxt[1:4] if w not in ("were", "was", "have", "had", "been", "also", "reportedly")]
    if not after:
        return False
    if _is_injury(after[0]):
        return True  # "Seven others were wounded in the attack"
    # "two were killed and 3 others died": more dead of the same sentence's list (a sentence of its own, "Meanwhile
    # six others were killed in barrel bombs", often tells of other incidents)
    return after[0] in ("killed", "dead", "died") and k > 0 and tokens[k - 1].text in ("and", ",", "with", "while")


def _more_of_a_list(tokens: list[Token], q: _Quantity) -> bool:
    """ "... and eight more fighters": the count continues a list of the dead begun before it."""
    return (
        q.start_tok > 0
        and tokens[q.start_tok - 1].text == "and"
        and q.end_tok < len(tokens)
        and tokens[q.end_tok].text in ("more", "other", "others")
    )


def _with_one_named_before(
    folded: str, tokens: list[Token], q: _Quantity, casualty: Casualties, start: int
) -> Casualties:
    """ "killing Abu Omar, a commander of the group, and seven more fighters": with no count before it in
    the sentence, "N more" after a kill verb and a named victim counts that victim too (N + 1)."""
    for j in range(q.start_tok - 2, max(-1, q.start_tok - 24), -1):
        word = tokens[j].text
        if word in (".", ";", "?", "!") or word[0].isdigit():
            return casualty
        if _is_kill(word) and word not in ("toll", "lives", "dead", "killed") and j < q.start_tok - 2:
            return Casualties(casualty.kind, casualty.count + 1, casualty.qualifier, tokens[j + 1].start,
                              casualty.end, casualty.side_at)
    return casualty


_AND_ONLY: Final = re.compile(r"\s+and\s+")
_UNARMED_NOUN_EN: Final = re.compile(
    r"\s+(?:\S+\s+)?(?:people|civilians|children|women|men|residents|villagers|teachers|students|pupils|"
    r"schoolchildren|workers|doctors|nurses|medics|paramedics|patients|worshippers|passengers|rescuers|"
    r"volunteers|journalists|farmers|shepherds|boys|girls|infants|babies|relatives|staff)\b"
)
_GENERIC_DEAD_EN: Final = re.compile(r"\s+(?:\S+\s+)?(?:people|civilians|residents|persons)\b")
_KIN_JOIN: Final = re.compile(r"\s*(?:and (?:his|her|their) |و)\s*")
_COUNT_APPOSITION: Final = re.compile(r"\s*,\s*(?!and\s)(?:\S+\s+)?")  # (", and one fighter": one more, not a part)
_OF_THEM_AFTER: Final = re.compile(r"\s*(?:\S+\s+)?(?:of them|of whom|of which|منهم|منهن)\b")
# "killing five of them." — the verb's own object, the toll itself (no count before it to be a part of)
_KILLING_OF_THEM_EN: Final = re.compile(r"\b(?:killing|killed|wounding|wounded|injuring|injured) $")


def find_casualties(folded: str, start: int, end: int, totals: set[int] | None = None) -> list[Casualties]:
    """Casualty statements in one sentence ``folded[start:end]`` of the folded text.

    Numbers rejected as running or cumulative totals are added to ``totals`` when it is given, so
    the caller can refuse the same figure restated elsewhere ("400 killed since Sunday" ... "the 400").
    """
    sentence = folded[start:end]
    if not found_in(_ANY_TOLL_WORD, sentence):
        return []
    total_spans = _total_segments(folded, start, end) if for_text(_SENTENCE_TOTAL, sentence).search(sentence) else []
    if for_text(_SENTENCE_COURT, sentence).search(sentence) and not _ATTACK_IN_COURT.search(sentence):
        return []
    tokens = tokenize(folded, start, end)
    vague_phrases = quick(for_text(_VAGUE_PHRASES, folded))
    found: list[Casualties] = []
    for match in for_text(_ZERO, sentence).finditer(sentence):
        found.append(
            Casualties(
                "killed",
                0,
                "exact",
                start + match.start(),
                start + match.end(),
                start + match.end(),
                zero=True,
            )
        )
    note_total = _NOTE_TOTAL.search(sentence) if may_match(_NOTE_TOTAL, sentence) else None
    if (
        note_total
        and not _SPLIT_WORDS.search(sentence)
        # a coder's words: "coded", "recorded", "Total fatalities are 5", a closing "7 fatalities."
        and (
            "coded" in sentence
            or "recorded" in sentence
            or note_total.group().startswith("total")
            or note_total.group(5) is not None  # the closing "7 fatalities."
        )
    ):
        count = int(next(g for g in note_total.groups() if g))
        if count < MAX_EVENT_TOLL:
            return [
                Casualties(
                    "killed",
                    count,
                    "convention",
                    start + note_total.start(),
                    start + note_total.end(),
                    start + note_total.end(),
                    total=True,
                )
            ]
    extras = [
        Casualties(
            "killed",
            _coded_value(next(g for g in m.groups() if g)),
            "convention",
            start + m.start(),
            start + m.end(),
            start + m.end(),
            extra=True,
        )
        for m in (quick(_EXTRA_CODED).finditer(sentence) if may_match(_EXTRA_CODED, sentence) else ())
    ]
    for match in _CODED.finditer(sentence) if may_match(_CODED, sentence) else ():
        if extras and match.start() >= extras[0].start - start:
            break  # "2 additional fatalities coded for the bombers": no coding of its own
        found.append(
            Casualties(
                "killed",
                _coded_value(match.group(1) or match.group(2)),
                "convention",
                start + match.start(),
                start + match.end(),
                start + match.end(),
            )
        )
        return found + extras  # an ACLED note's own coding settles the toll of its sentence
    i = 0
    vague_next: re.Match[str] | None = None  # the next vague phrase at or after a token already looked at
    vague_from = -1
    while i < len(tokens):
        quantity = _read_quantity(tokens, i) if _may_quantify(tokens[i].text) else None
        if quantity is None:
            at = tokens[i].start  # a search from the first token, again only past its match: same as match()
            if vague_from < 0 or (vague_next is not None and vague_next.start() < at):
                vague_next, vague_from = vague_phrases.search(folded, at, end), at
            vague = vague_next if vague_next is not None and vague_next.start() == at else None
            if vague:
                j = i
                while j < len(tokens) and tokens[j].end <= vague.end():
                    j += 1
                quantity = _Quantity(10, i, j, vague=True)
            else:
                singular = (
                    (_singular_victim(tokens, i) if tokens[i].text in _SINGULAR_STARTS else None)
                    or (_joined_singular(folded, tokens, i, found) if found and tokens[i].text[0] == "و" else None)
                    or (_pronoun_victim(tokens, i, found) if "ه" in tokens[i].text else None)
                    or (_another_one(tokens, i, found) if tokens[i].text in _ANOTHER else None)
                )
                if singular is not None:
                    found.append(singular)
                    while i + 1 < len(tokens) and tokens[i + 1].start < singular.end:
                        i += 1
                i += 1
                continue
        quantity = _range(tokens, quantity)
        if any(a <= tokens[i].start < b for a, b in total_spans):
            casualty = None  # counted from the start of the war, a year or a campaign
        else:
            listed = (  # "killing 2 militants of X and 2 fighters of Y": the list shares its verb
                found[-1].kind
                if found
                and i > 0
                and tokens[i - 1].text in ("and", "و")
                and not found[-1].zero
                and tokens[i].start - found[-1].end < 60
                and (
                    not _CLAUSE_MARK.search(folded[found[-1].end : tokens[i].start])
                    or _LIST_AFTER_COMMA.fullmatch(folded, found[-1].end, tokens[i].start) is not None
                    and quantity.end_tok < len(tokens)
                    and tokens[quantity.end_tok].text == "من"
                )
                else None
            )
            casualty = _judge(folded, tokens, quantity, start, totals, listed)
        if casualty is not None and not found and not quantity.vague and _more_of_a_list(tokens, quantity):
            casualty = _with_one_named_before(folded, tokens, quantity, casualty, start)
        if casualty is not None:
            found.append(casualty)
        i = max(quantity.end_tok, i + 1)
    if total_spans:
        found = [c for c in found if not any(a <= c.start < b for a, b in total_spans)]
    if extras:  # "18 fatalities reported with 1 additional fatality coded": the addition is read apart
        found = [c for c in found if not any(e.start <= c.start < e.end for e in extras)] + extras
    # "a woman and her three children", "امراه واطفالها الثلاثه": one toll of both.
    joined: list[Casualties] = []
    for c in found:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.kind == c.kind
            and not prev.zero
            and not c.zero
            and (
                _KIN_JOIN.fullmatch(folded[prev.side_at : c.start])
                or (prev.count == 1 and _ONE_AND_MORE.fullmatch(folded, prev.side_at, c.start)
                    and _MORE_AFTER.match(folded, c.end) is not None)
            )
        ):
            joined[-1] = Casualties(c.kind, prev.count + c.count, c.qualifier, prev.start, c.end, c.side_at)
            continue
        if (
            prev is not None
            and prev.kind == c.kind
            and not prev.zero
            and not c.zero
            and _AND_ONLY.fullmatch(folded, prev.side_at, c.start)
            and _UNARMED_NOUN_EN.match(folded, prev.end)
            and not _GENERIC_DEAD_EN.match(folded, prev.end)
            and _UNARMED_NOUN_EN.match(folded, c.end)
        ):  # "22 children and six teachers were killed": the unarmed dead of one verb, one toll (but "15 people
            # and 5 children" may name a part of the first count again)
            joined[-1] = Casualties(c.kind, prev.count + c.count, prev.qualifier, prev.start, c.end, c.side_at)
            continue
        joined.append(c)
    found = [_and_one_person(folded, c, end, found) for c in joined]
    # "three farmers, two brothers and their cousin, were killed", "5 civilians, 2 of them children":
    # a count set off right after another count's noun is part of it.
    return [
        c
        for c in found
        if not any(
            o is not c
            and o.side_at <= c.start
            and _COUNT_APPOSITION.fullmatch(folded[o.side_at : c.start])
            and c.count <= o.count
            for o in found
        )
        # "10 killed, 4 of them children": a part of a count before it; but "targeted a group of them,
        # killing 4 of them" with no count of the kind before: the toll itself
        and not (
            _OF_THEM_AFTER.match(folded[c.end : c.end + 30])
            and (
                (folded[c.end : c.end + 30].isascii() and not _KILLING_OF_THEM_EN.search(folded, start, c.start))
                or any(o is not c and o.start < c.start and o.kind == c.kind for o in found)
            )
        )
    ]


# Where a sentence's clauses part: a running total is often appended to the event's own toll
# ("قتل 4 مدنيين ...، ليرتفع الى 212 عدد ... منذ بدء ...", "killing three, bringing the ... since
# the start of ... to 412").
_SEGMENT_BREAK: Final = re.compile(
    r"[,;،؛]|\s(?=(?:[وف]?(?:ليرتفع|لترتفع|ليصل|لتصل|ليبلغ|لتبلغ)|bringing|raising|taking|"
    r"which brings|which raises)(?!\w))"
)


_SUPERLATIVE_SINCE: Final = re.compile(
    r"(?<!\w)(?:ال)?(?:اكثر|اعلي|اسوا|اكبر|اشد)(?: \S+){0,2} منذ|\b(?:deadliest|bloodiest|highest|worst|"
    r"largest|biggest)(?: \S+){0,4} since\b"
)


def _total_segments(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of ``folded[start:end]`` (split at clause breaks) that count a war, year or campaign."""
    segments: list[tuple[int, int]] = []
    cut = start
    for match in [*_SEGMENT_BREAK.finditer(folded, start, end), None]:
        seg_end = end if match is None else match.start()
        if seg_end > cut:
            segments.append((cut, seg_end))
        if match is not None:
            cut = match.end()
    spans: list[tuple[int, int]] = []
    superlative = False
    for k, (a, b) in enumerate(segments):
        if not _SENTENCE_TOTAL.search(folded, a, b):
            continue
        if _SUPERLATIVE_SINCE.search(folded, a, b):
            superlative = True  # "the deadliest toll since the war began" compares, it does not count
            continue
        if k == 0:
            return [(start, end)]  # "since the war began, ..." frames the whole sentence
        seg_tokens = tokenize(folded, a, b)
        if not any(_read_quantity(seg_tokens, j) for j in range(len(seg_tokens))):
            spans.append(segments[k - 1])  # "killed 300, since the start of ...": the figure before
        spans.append((a, b))
    return spans or ([] if superlative else [(start, end)])


def _and_one_person(folded: str, c: Casualties, end: int, found: list[Casualties]) -> Casualties:
    """ "3 fighters and a civilian were killed", "killing 4 soldiers and an officer": one more of the dead,
    named without a number or a verb of its own."""
    if c.zero or c.kind != "killed" or not folded[c.start : c.side_at].isascii():
        return c
    more = _AND_ONE_PERSON_EN.match(folded, c.side_at, end)
    if more is None or any(more.start() < o.start < more.end() for o in found):
        return c
    return Casualties(c.kind, c.count + 1, c.qualifier, c.start, more.end(), more.end())


_SINGULAR_EN: Final = frozenset(
    {
        "civilian",
        "soldier",
        "fighter",
        "militant",
        "child",
        "woman",
        "man",
        "officer",
        "policeman",
        "rebel",
        "member",
        "commander",
        "leader",
        "boy",
        "girl",
        "person",
        "guard",
        "jihadist",
        "gunman",
        "pilot",
        "journalist",
        "reporter",
        "correspondent",
        "photographer",
        "cameraman",
        "shepherd",
        "farmer",
        "teenager",
        "head",
        "figure",
        "lieutenant",
        "captain",
        "colonel",
        "general",
        "sheikh",
        "mayor",
        "official",
        "doctor",
        "activist",
        "defector",
        "sniper",
        "emir",
        "cadre",
        "operative",
        "sergeant",
        "major",
        "brigadier",
        "chief",
        "elder",
        "dignitary",
        "judge",
        "teacher",
        "nurse",
        "medic",
        "mother",
        "father",
        "wife",
        "husband",
        "son",
        "daughter",
        "brother",
        "sister",
    }
)

_AND_ONE_PERSON_EN: Final = re.compile(
    r"\s*,?\s+and (?:a|an|one) (?:[\w'-]+ ){0,3}?(?:" + "|".join(sorted(_SINGULAR_EN)) + r")\b"
    r"(?!\s+(?:was|were|is|got)\s+(?:\w+\s+)?(?:injured|wounded|hurt|arrested|captured|detained|abducted))"
    # "... killed 12 civilians and a rebel commander said ...": the subject of the next clause, not one more dead
    r"(?!\s+(?:said|says|told|tells|added|reported|reports|warned|stated|claimed|denied|announced|confirmed)\b)"
)

# Kin nouns read "his wife", "her son": after "a"/"the" alone they are not a victim count of one.
_KIN_NOUNS: Final = frozenset({"wife", "husband", "son", "daughter", "brother", "sister"})


_KILL_VERB_AR: Final = frozenset(
    {
        "قتل",
        "قتلت",
        "يقتل",
        "تقتل",
        "يقتلون",
        "قتلوا",
        "اغتال",
        "اغتالت",
        "اغتالوا",
        "يغتال",
        "تغتال",
        "اعدم",
        "اعدمت",
        "اعدموا",
        "وقتل",
        "وقتلت",
        "واغتال",
        "واغتالت",
        "فقتل",
    }
)


_ACTIVE_KILL_VERB_AR: Final = frozenset({"اغتال", "اغتالت", "اغتالوا", "اعدم", "اعدمت", "اعدموا"})

_AR_KIN: Final = frozenset(
    {
        "زوجته",
        "زوجها",
        "ابنه",
        "ابنها",
        "ابنته",
        "ابنتها",
        "شقيقه",
        "شقيقها",
        "شقيقته",
        "شقيقتها",
        "والده",
        "والدته",
        "والدها",
        "والدتها",
        "طفله",
        "طفلها",
        "طفلته",
        "زوجه",
        "نجله",
        "نجلها",
        "حفيده",
        "صديقه",
    }
)
_EN_AND_ONE_MORE: Final = re.compile(
    r"^and (?:his|her|their|a|an|one|another) (?:\S+ )?(?:- \S+ )?(?:wife|husband|son|daughter|brother|sister|father|"
    r"mother|child|cousin|nephew|friend|man|woman|boy|girl|companion|colleague|civilian|soldier|fighter|"
    r"member|driver|guard|shepherd)\b"
)


def _and_one_more(tokens: list[Token], j: int) -> bool:
    """ "قتل رجل وزوجته", "طفل ... وطفله": a second singular victim joined to the first."""
    for k in range(j + 1, min(len(tokens), j + 9)):
        word = tokens[k].text
        if word in (".", ",", "؛", ";") or _is_kill(word) or _is_injury(word):
            return False
        if word.startswith("و") and (word[1:] in _AR_KIN or word[1:] in _AR_SINGULAR_PERSON):
            return True
    return False


_GAP_BREAK: Final = re.compile(r"[.,;،؛]")


def _joined_singular(folded: str, tokens: list[Token], i: int, found: list[Casualties]) -> Casualties | None:
    """ "قتل 3 من عناصر التنظيم وعنصر من قسد": one more victim joined to the toll just before."""
    word = tokens[i].text
    dual = word.startswith("و") and word[1:] in _AR_DUALS  # "قتلت ثلاث نساء وطفلان": two more
    if not (word.startswith("و") and word[1:] in _AR_SINGULAR_PERSON or dual) or not found or found[-1].zero:
        return None
    last = found[-1]
    gap = folded[last.end : tokens[i].start]
    if len(gap) > 40 or _GAP_BREAK.search(gap):
        return None
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    if nxt[:1].isdigit() or _arabic_word_value(nxt) is not None or nxt in ("اخر", "اخرين", "اخرون"):
        return None
    return Casualties(last.kind, 2 if dual else 1, "exact", tokens[i].start, tokens[i].end, tokens[i].end)


# "ما أدى لمقتله", "لقي طفل مصرعه", "أسفر عن إصابتها": a death or wound told of "him", "her", "them two"
_PRONOUN_TOLL: Final = re.compile(r"^[وف]?[بل]?(مقتل|مصرع|حتف|استشهاد|وفات|اصابت)(ه|ها|هما)$")
_NOT_THE_DEED_BEFORE: Final = frozenset({"ذكري", "خبر", "نبا", "انباء", "انكر", "نفي", "نفت", "شائعات"})


def _strip_clitics(word: str) -> str:
    return word[1:] if word[:1] in ("و", "ف", "ب", "ل") and len(word) > 3 else word


def _pronoun_victim(tokens: list[Token], i: int, found: list[Casualties]) -> Casualties | None:
    """A death or wound told with an attached pronoun ("ما أدى لمقتله"): one person when a single person was
    named before it in the sentence with no count, two for "هما"; nothing when the toll is already counted."""
    match = _PRONOUN_TOLL.match(tokens[i].text)
    if match is None or (i > 0 and tokens[i - 1].text in _NOT_THE_DEED_BEFORE):
        return None
    kind: CasualtyKind = "injured" if match.group(1) == "اصابت" else "killed"
    if any(c.kind == kind for c in found):
        return None
    two = match.group(2) == "هما"
    for k in range(i - 1, max(-1, i - 15), -1):
        word = tokens[k].text
        if word in (".", "؛", ";") or word[:1].isdigit() or _arabic_word_value(word) is not None:
            return None
        bare = _strip_clitics(word)
        if two and word in _AR_DUALS:
            return Casualties(kind, 2, "exact", tokens[k].start, tokens[i].end, tokens[k].end)
        if not two and (bare in _AR_SINGULAR_PERSON or word in _AR_SINGULAR_PERSON):
            return Casualties(kind, 1, "exact", tokens[k].start, tokens[i].end, tokens[k].end)
        if two and (bare in _AR_SINGULAR_PERSON or word in _AR_SINGULAR_PERSON) and _and_one_more(tokens, k):
            return Casualties(kind, 2, "exact", tokens[k].start, tokens[i].end, tokens[k].end)
    return None


_ANOTHER: Final = frozenset({"اخر", "اخري", "اخرا"})


def _another_one(tokens: list[Token], i: int, found: list[Casualties]) -> Casualties | None:
    """ "ما أدى لمقتل رجل وإصابة آخر", "قتل شخص وأصيب آخر": one more person, of the kind the word before tells."""
    if tokens[i].text not in _ANOTHER or i == 0 or not found:
        return None
    before = tokens[i - 1].text
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    if not before.startswith("و") or nxt[:1].isdigit() or _arabic_word_value(nxt) is not None:
        return None
    kind: CasualtyKind | None = "injured" if _is_injury(before) else "killed" if _is_kill(before) else None
    if kind is None or any(c.kind == kind for c in found):
        return None
    return Casualties(kind, 1, "exact", tokens[i].start, tokens[i].end, tokens[i].end)


def _singular_victim(tokens: list[Token], i: int) -> Casualties | None:
    """ "مقتل عنصر" / "killed a soldier": one person, no number word."""
    word = tokens[i].text
    if word not in _SINGULAR_STARTS:
        return None
    casualty = _one_victim(tokens, i)
    if casualty is None or casualty.count != 1:
        return casualty
    j = next(k for k in range(i, len(tokens)) if tokens[k].end >= casualty.side_at)
    after = " ".join(t.text for t in tokens[j + 1 : j + 7])
    joined = _EN_AND_ONE_MORE.match(after)
    if joined:  # the second person's words are taken: "a man and a child were killed" is two
        k = j + 1 + len(joined.group().split())
        end = tokens[min(k, len(tokens)) - 1].end
        return Casualties(casualty.kind, 2, casualty.qualifier, casualty.start, end, end)
    if _and_one_more(tokens, j):
        return Casualties(casualty.kind, 2, casualty.qualifier, casualty.start, casualty.end, casualty.side_at)
    return casualty


_PAREN_ASIDE: Final = re.compile(r"\( [^()]{0,40}? \) ")
_RELATIVE_BEFORE_VERB: Final = re.compile(r"^(?:, )?(?:who|whom) (?:[^\s.,;]+ ){1,8}?(?:, )?(?=(?:was|were) )")
_OF_GROUP_BEFORE_VERB: Final = re.compile(r"^(?:of|from|with|in) (?:[^\s.,;]+ ){1,7}?(?=(?:was|were|had|has) )")
# "a commander , <his name> , was killed": a name set off by commas before the verb
_NAME_ASIDE_BEFORE_VERB: Final = re.compile(r"^, (?:[^\s.,;]+ ){1,8}?, (?=(?:was|were|had|has) )")
_AND_KIN_BEFORE_VERB: Final = re.compile(
    r"^and (?:(?:his|her|their|a|an|another) (?:\S+ )?(?:- \S+ )?\S+ "  # "and his 13-year-old son"
    r"|(?:his|her|their|a|an|another|\d+|two|three|four|five|six|seven|eight|nine|ten) (?:\S+ ){0,2}?\S+ )"
    r"(?=(?:were|have|had) )"
)
_LEFT_BEFORE: Final = re.compile(r"\bleft$")
_INJURED_BEFORE: Final = re.compile(r"\b(?:injured|injuring|wounded|wounding)$")


def _one_victim(tokens: list[Token], i: int) -> Casualties | None:
    word = tokens[i].text
    if word in _AR_SINGULAR_PERSON and i > 1 and not (_is_kill(tokens[i - 1].text)):
        # "قتل مسلحون مجهولون ... شابا": the verb's object, an accusative singular, a few words on; after a verb
        # that can only be active ("اغتال مسلحون مختار البلدة", "وأعدم عناصر التنظيم شابا") a construct one too
        back = [t.text for t in tokens[max(0, i - 9) : i]]
        verb = next(
            (
                k
                for k in range(len(back) - 1, -1, -1)
                if back[k] in _KILL_VERB_AR or _strip_clitics(back[k]) in _KILL_VERB_AR
            ),
            None,
        )
        if verb is not None and not (word.endswith("ا") or back[verb].lstrip("وف") in _ACTIVE_KILL_VERB_AR):
            verb = None
        if verb is not None and not any(
            t[:1].isdigit() or t in (".", ",", "؛") or _arabic_word_value(t) is not None for t in back[verb + 1 :]
        ):
            return Casualties("killed", 1, "exact", tokens[i].start, tokens[i].end, tokens[i].end)
    if (
        word in _AR_SINGULAR_PERSON
        and i > 0
        and _is_kill(tokens[i - 1].text)
        and not (i > 1 and (tokens[i - 2].text[:1].isdigit() or _arabic_word_value(tokens[i - 2].text)))
        and tokens[i - 1].text not in ("سقوط", "اسفر", "اسفرت", "خسائر", "ضحايا", "حصيله")
    ):
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if not nxt[:1].isdigit() and _arabic_word_value(nxt) is None:
            kind: CasualtyKind = "injured" if _is_injury(tokens[i - 1].text) else "killed"
            qualifier: Qualifier = (
                "at_least" if _TRAILING_AT_LEAST.match(" ".join(t.text for t in tokens[i + 1 : i + 4])) else "exact"
            )
            return Casualties(kind, 1, qualifier, tokens[i].start, tokens[i].end, tokens[i].end)
    if word in ("a", "an", "the") and i + 1 < len(tokens):
        j = i + 1
        while (
            j < min(len(tokens), i + 6)
            and tokens[j].text not in _SINGULAR_EN
            and tokens[j].text not in EN_UNITS  # "a raid ... killed one man": the count's own noun, not the article's
            and tokens[j].text not in ("killed", "killing", "kills", "wounding", "injuring")
            and (
                tokens[j].text.replace("-", "").replace("'", "").isalpha()
                or (tokens[j].text.isdigit() and j + 1 < len(tokens) and tokens[j + 1].text.startswith("year"))
                or (  # "a 12-year-old boy"
                    tokens[j].text.isdigit() and j + 2 < len(tokens) and tokens[j + 1].text == "-"
                    and tokens[j + 2].text.startswith("year")
                )
                or (tokens[j].text == "-" and tokens[j - 1].text.isdigit())
            )
        ):
            j += 1
        if (
            j < len(tokens)
            and tokens[j].text in _SINGULAR_EN
            and tokens[j].text not in _KIN_NOUNS
        ):
            while j + 1 < len(tokens) and tokens[j + 1].text in _SINGULAR_EN and tokens[j + 1].text not in _KIN_NOUNS:
                j += 1  # "a rebel commander", "a militia leader": the last noun of the compound is the person
            before = " ".join(t.text for t in tokens[max(0, i - 2) : i])
            after = " ".join(t.text for t in tokens[j + 1 : j + 18])
            after = _PAREN_ASIDE.sub("", after)  # "a member of the army (SAA) was killed"
            after = _RELATIVE_BEFORE_VERB.sub("", after)  # "a commander who had signed a deal was shot dead"
            after = _OF_GROUP_BEFORE_VERB.sub("", after)
            after = _NAME_ASIDE_BEFORE_VERB.sub("", after)
            after = _AND_KIN_BEFORE_VERB.sub("", after)
            if (
                re.search(
                    r"\b(?:killed|killing|kill|shot|shot dead|gunned down|executed|assassinated|murdered|"
                    r"assassinating|stabbed|body of|bodies of|(?:killing|death|murder|assassination) of)$",
                    before,
                )
                or re.match(
                    r"(?:(?:was|were|had been|has been) (?:\w+ ){0,3}?(?:killed|shot dead|executed|assassinated|"
                    r"beheaded|found dead)|(?:\w+ ){0,4}?(?:died|succumbed to)|"
                    r"(?:was|were) (?:\S+ ){1,10}?(?:which|that) "
                    r"(?:led to|resulted in|caused) (?:his|her) death)",
                    after,
                )
                or (_LEFT_BEFORE.search(before) and after.startswith("dead"))
            ):
                return Casualties("killed", 1, "exact", tokens[i].start, tokens[j].end, tokens[j].end)
            if _INJURED_BEFORE.search(before) or re.match(
                r"(?:was |were )?(?:\w+ )?(?:injured|wounded|hurt)", after
            ):
                return Casualties("injured", 1, "exact", tokens[i].start, tokens[j].end, tokens[j].end)
    return None


# The patterns `_judge` reads, compiled once (a look-up in re's cache costs about as much as these short matches).
_DISPLACEMENT_WORD: Final = re.compile(
    r"^[وفبل]?(?:ال)?(?:نزوح|تهجير|نازح|لجوء|displacement|displaced|fled|evacuat\w*|"
    r"اعتقال|arrest\w*|detained|detention|kidnap\w*|abduct\w*|captured|seized)$"
)
_DATE_OR_AGE_WORD: Final = re.compile(
    r"^(?:عام|العام|سنه|year|in|on|since|منذ|تاريخ|يوم|اليوم|الساعه|ساعه|فجر|"
    r"برقم|رقم|page|aged|عمر|العمر|عمره|عمرها|بعمر|age)$"
)
_ORDINAL_AFTER: Final = re.compile(r"(?:st|nd|rd|th)\b|[a-z\u0600-\u06ff]")
_THE_NUMBER_BEFORE: Final = re.compile(r"(?:^|\s)(?:ال|الـ)\s*$|\b(?:the|no\.?|number|#)\s*$")
_PERCENT_AFTER: Final = re.compile(r"\s*(?:%|٪|:\d|/\d|\.\d|-\d)")
_TO_BEFORE: Final = re.compile(r"(?:(?<!\w)(?:الي|حتي)|\bto)\s*$")
_KILL_RISE: Final = re.compile(r"قتل|ضحايا|شهداء|وفيات|toll|dead|deaths|killed|fatalit")
_INJURY_RISE: Final = re.compile(r"جرحي|مصابين|اصابات|injur|wounded")
_CLAUSE_OR_AND: Final = re.compile(r"[.,;]|\s(?:و|and)\s")
_FULL_STOP: Final = re.compile(r"[.;]")
_AFTER_DEATHS_BEFORE = re.compile(r"(?<!\w)(?:بعد|اثر|عقب|جراء) (?:وفاه|استشهاد|موت)\s*$|\bafter the deaths? of\s*$")
_DISPLACED_AFTER: Final = re.compile(r"(?<!\w)(?:نازح|مهجر|displaced|refugees|fled|arrested|اعتقال|معتقل|detained)")


def _judge(
    folded: str,
    tokens: list[Token],
    q: _Quantity,
    offset: int,
    totals: set[int] | None = None,
    listed: CasualtyKind | None = None,
) -> Casualties | None:
    """Decide whether a quantity is a toll of killed or injured people, and with what qualifier."""
    first, last = tokens[q.start_tok], tokens[q.end_tok - 1]
    before_text = folded[max(offset, first.start - 40) : first.start]
    after_text = folded[last.end : last.end + 30]
    # Dates, years, ordinals, ages, percentages, clock times.
    if first.text.isdigit() and len(first.text) == 4 and 1900 <= q.value <= 2100:
        return None
    if first.text[0].isdigit() and _ORDINAL_AFTER.match(folded[last.end : last.end + 2]):
        return None  # ordinals and codes: "4th Division", "T72"
    if _THE_NUMBER_BEFORE.search(before_text[-6:]) and not q.vague and not before_text.endswith("among the "):
        return None  # ("... were among the 126 people killed": the whole toll, the count before it a subset)
    if _PERCENT_AFTER.match(after_text) or _AGE.match(after_text.strip()):
        return None
    if _PERCENT_AR.match(after_text) or first.text in ("المئه", "المائه", "بالمئه", "بالمائه"):
        return None  # "70 في المئة": a share, and "المئة" itself is no count
    nxt = [t.text for t in tokens[q.end_tok : q.end_tok + 5]]
    prev = [t.text for t in tokens[max(0, q.start_tok - 4) : q.start_tok]]
    if nxt and _MONTH_WORDS.match(nxt[0]) and nxt[0] != "من":
        return None
    if (
        prev
        and prev[-1].isascii()
        and _MONTH_WORDS.match(prev[-1])
        and first.text.isdigit()
        and q.value <= 31
        and not (nxt and nxt[0] in _PERSON_NOUN_EN and nxt[0] not in _NOT_A_NOUN_EN)
    ):
        return None  # "bombed the town on May 3 and killed 12": the day of the month, not a toll
    if (
        first.text.startswith("ال")
        and prev
        and prev[-1].startswith("ال")
        and (_is_kill(prev[-1]) or _is_injury(prev[-1]))
    ):
        return None  # "القتلى الثلاثة هم ...", "الجرحى الخمسة": the dead already counted, named again
    if any(_DISPLACEMENT_WORD.match(w) for w in prev[-3:]):
        return None
    if (
        prev
        and _DATE_OR_AGE_WORD.match(prev[-1])
        and not (  # "resulting in 4 fatalities", "معارك اليوم 9 عناصر": a count of people after all
            prev[-1] in ("in", "on", "اليوم", "يوم", "فجر", "الساعه")
            and nxt
            and (
                nxt[0] in _PERSON_NOUN_EN
                or (bool(_PERSON_NOUN_AR.match(nxt[0])) and nxt[0] not in ("من", "منهم"))
                or _is_kill(nxt[0])
                or _is_injury(nxt[0])
            )
            and nxt[0] not in ("of", "and", "in", "from", "were", "was", "have", "had", "are")
        )
    ):
        return None
    if (
        first.text in ("one", "another")
        and nxt
        and prev
        and prev[-1] in ("from", "of", "in", "at", "on", "by", "to")
        and not (
            nxt[0] in _PERSON_NOUN_EN and nxt[0] not in ("and", "in", "from") or _is_kill(nxt[0]) or _is_injury(nxt[0])
        )
    ):
        return None  # "from one faction", "one side": a determiner, not a count
    if nxt[:2] in (["at", "least"], ["more", "than"], ["up", "to"]) or (nxt and nxt[0][0].isdigit()):
        return None  # "short URL 317 More than six residents died ...": the count comes after
    # A rising toll: one incident's updated toll, or a running total (refused below).
    rise_target = searcher(_TOLL_RISE_TARGET, folded)(folded[max(offset, first.start - 80) : first.start])
    rise = bool(rise_target) or bool(
        searcher(_TO_BEFORE, folded)(before_text)
        and for_text(_RISE_START, folded).search(folded, max(offset, first.start - 120), first.start)
    )
    incident = rise and _incident_rise(folded, offset, first.start, last.end, tokens[-1].end) == "incident"
    # What does the number count?
    noun_ok = q.dual_kind in ("p", "k", "i")
    noun_kind = q.dual_kind if q.dual_kind in ("k", "i", "p") else ""
    incident_kind = ""
    who = None
    if incident:
        rise_text = folded[max(offset, first.start - 170) : first.start]
        who = _WHO_AFTER.match(folded, last.end)  # "ارتفع الى 6 عدد الذين قتلوا جراء الضربه"
        if _KILL_RISE.search(rise_text) or (who is not None and _is_kill(who.group(1))):
            noun_ok, incident_kind = True, "k"
        elif _INJURY_RISE.search(rise_text) or (who is not None and _is_injury(who.group(1))):
            noun_ok, incident_kind = True, "i"
    noun_end = last.end
    if before_text.endswith("short url "):
        return None  # "Get short URL 185": a page counter
    if nxt[:1] == ["of"] and any(w in _NON_PERSON_EN for w in nxt[2:4]):
        return None  # "9 of their military vehicles": things of a side, not people
    # English group names run long before the noun: "3 Hayat Tahrir al Sham fighters"
    window = nxt[:5] if all(w.isascii() for w in nxt[:5]) else nxt[:4]
    # a dual is its own noun; "عدد الذين قتلوا" names the dead (what follows the verb is how they died)
    for k, word in enumerate([] if q.dual_kind or (who is not None and incident_kind) else window):
        if word == "others" and k == 0 and not q.vague and _others_are_people(tokens, q, nxt):
            word = "other"  # "killing a girl and wounding five others": the count is of people
        if (not word.isascii() and _NON_PERSON.match(word)) or word in _NON_PERSON_EN:  # (Arabic patterns)
            if word in ("في", "من") and k == 0:
                noun_ok = noun_ok or word == "من"
                break
            return None
        if (not word.isascii() and _PERSON_NOUN_AR.match(word)) or word in _PERSON_NOUN_EN:
            if word in ("more", "other") and k + 1 < len(nxt) and nxt[k + 1] in _NON_PERSON_EN:
                return None  # "killed in two more incidents", "in three other towns": things, not people
            if word in _SIDE_MODIFIERS_EN and any(w in _NON_PERSON_EN for w in nxt[k + 1 : k + 3]):
                return None  # "struck 12 YPG targets", "destroyed 5 IS vehicles": things of a side, not people
            noun_ok = True
            noun_end = tokens[q.end_tok + k].end
            if (not word.isascii() and _KILL_AR.match(word)) or word in ("dead", "killed"):
                noun_kind = "k"
            elif (not word.isascii() and _INJ_AR.match(word)) or word in ("wounded", "injured"):
                noun_kind = "i"
            else:
                noun_kind = "p"
            break
        if not word.replace("-", "").replace("'", "").isalpha():
            break
    if prev[-2:] in (["family", "of"], ["families", "of"]) and not q.dual_kind:
        noun_ok, noun_kind = True, noun_kind or "p"  # "killed a family of five": the count is of people
    if incident_kind and noun_kind in ("", "p"):
        noun_kind = incident_kind  # "ارتفعت حصيله قتلي ... الي 11 مدنيا": the toll's own word
    if (
        noun_kind == "p"
        and folded[max(offset, first.start - 40) : first.start].isascii()
        and quick(_DESTROYED_FIGHTERS_EN).search(folded, max(offset, first.start - 40), noun_end + 30)
    ):
        noun_kind = "k"  # "destroyed over 60 terrorists": state media's word for killing fighters
    if q.dual_kind == "":
        # "put the toll at at least 9": English qualifiers between the toll word and the count
        bare = [w for w in prev if not (w.isascii() and w in _QUALIFIER_WORDS)] if folded.isascii() else prev
        nearest_prev_kill = any(_is_kill(w) or _is_injury(w) for w in bare[-2:])
        nearest_next_kill = any(_is_kill(w) or _is_injury(w) for w in nxt[:2])
        if not noun_ok and not nearest_prev_kill and not nearest_next_kill:
            return None
    # Which toll: killed or injured — nearest word of either kind in the clause.
    kind = _kind_near(tokens, q, noun_kind) or (listed if noun_ok and noun_kind == "p" else None)
    if kind is None:
        return None
    both = searcher(_BOTH, folded)(folded[last.end : last.end + 40])
    if both is not None:
        own = re.search(r"^\s*(?:\w+\s+){0,2}(?:قتلي|killed|dead)", after_text)
        if own is None or own.end() > both.start():
            return None  # "20 gunmen killed or wounded": no split of the dead from the wounded
    if (both := _BOTH_BEFORE.search(folded, max(offset, first.start - 40), first.start)) and not _named_before(
        folded, max(offset, first.start - 60), both.start()
    ):
        return None  # "killed and injured eight civilians", "قتل وجرح سبعة": the dead and wounded in one count
    # Running totals and subsets.
    clause_before = folded[max(offset, first.start - 90) : first.start]
    clause_after = folded[last.end : last.end + 80]
    if rise and not incident:
        if totals is not None:
            totals.add(q.value)
        return None
    if not incident and (
        (
            (cum := searcher(_CUMULATIVE, folded)(clause_before[-60:])) is not None
            and not _offensive_leaves(clause_before[-60:], cum)
        )
        or searcher(_CUMULATIVE, folded)(_CLAUSE_OR_AND.split(clause_after)[0][:60])
        or matcher(_OVER_DAYS_AFTER, folded)(clause_after)
        or searcher(_MULTI_DAY_EN, folded)(clause_before[-60:])
        or searcher(_MULTI_DAY_EN, folded)(_CLAUSE_OR_AND.split(clause_after)[0][:60])
        or searcher(_SAME_PERIOD_AFTER, folded)(_FULL_STOP.split(folded[last.end : last.end + 160])[0])
    ):
        if totals is not None:
            totals.add(q.value)
        return None
    if (
        searcher(_SUBSET, folded)(clause_before[-25:]) and not _AMONG_TOTAL_BEFORE.search(clause_before[-25:])
    ) or matcher(_SUBSET_AFTER, folded)(clause_after):
        return None
    if "includ" in clause_before and _SUBSET_LIST_EN.search(clause_before):
        return None  # "including 173 children 96 women and 310 men": every count of the list is a subset
    if searcher(_AFTER_DEATHS_BEFORE, folded)(before_text):
        return None  # "ارتفعت الحصيله الي 14 بعد وفاه 2 من الجرحي": why the toll rose, already in it
    if searcher(_EARLIER_EVENT, folded)(clause_before[-45:]):
        return None  # "غداه مقتل 21", "a day after 21 were killed": an earlier event's toll
    if " after " in clause_before and _earlier_toll_en(clause_before):
        return None  # "a day after air strikes on a school left 35 dead": the toll of the event before
    if _superseded_toll(clause_before):
        return None  # "the source had earlier put the toll at 5": a figure the report has since replaced
    if _running_total_en(folded, q, before_text, after_text, last.end, tokens[-1].end):
        if totals is not None:
            totals.add(q.value)
        return None
    if _DISPLACED_AFTER.search(clause_after[:20]):
        return None
    if q.value >= MAX_EVENT_TOLL and not q.vague:
        return None  # thousands killed is a war or campaign total, not one event's toll
    qualifier: Qualifier = "convention" if q.vague else "exact"
    if not q.vague:
        for pattern, name in _QUALIFIERS:
            if searcher(pattern, folded)(before_text.rstrip()):
                qualifier = name
                break
        else:
            if _TRAILING_AT_LEAST.match(folded[noun_end : noun_end + 30]) or _AT_LEAST_AFTER_NUMBER.match(
                folded, last.end
            ):
                qualifier = "at_least"  # "12 عنصرا على الأقل", "قتل 11 على الأقل من عناصر قسد"
    return Casualties(kind, q.value, qualifier, first.start, last.end, noun_end)


_QUALIFIER_WORDS: Final = frozenset(
    {
        "ما",
        "لا",
        "يقل",
        "عن",
        "نحو",
        "حوالي",
        "اكثر",
        "من",
        "قرابه",
        "يزيد",
        "علي",
        "ازيد",
        "زهاء",
        "يقارب",
        "at",
        "least",
        "about",
        "more",
        "than",
        "over",
        "some",
        "nearly",
        "around",
        "almost",
        "roughly",
    }
)


_NOT_A_NOUN_EN = frozenset({"and", "in", "from", "of", "were", "was", "have", "had", "are", "more", "other", "others"})


def _and_one_more_person(tokens: list[Token], j: int) -> int:
    """ "and a female teacher", "and an elderly man": "and" before a person named without a count or verb;
    the index of that person's noun (0 when there is none)."""
    if j + 1 >= len(tokens) or tokens[j + 1].text not in ("a", "an", "one"):
        return 0
    for k in range(j + 2, min(len(tokens), j + 5)):
        word = tokens[k].text
        if word in _PERSON_NOUN_EN and word not in ("and", "in", "from", "of", "were", "was", "have", "had", "are"):
            return k
        if not word.isalpha() or _is_kill(word) or _is_injury(word):
            return 0
    return 0


_BOTH_SIDES: Final = (["both", "sides"], ["each", "side"])


def _kind_near(tokens: list[Token], q: _Quantity, noun_kind: str) -> CasualtyKind | None:
    if noun_kind == "k":
        return "killed"
    if noun_kind == "i":
        return "injured"
    best: tuple[int, CasualtyKind] | None = None
    # "14 were killed 25 were wounded": a verb right after the count decides.
    aside = False
    skip_to = 0
    for j in range(q.end_tok, min(len(tokens), q.end_tok + 10)):
        if j < skip_to:
            continue
        word = tokens[j].text
        if word == "including" and j + 1 < len(tokens) and tokens[j + 1].text in _PERSON_NOUN_EN:
            aside = True
            continue  # "twenty civilians including children were treated": the verb after the aside decides
        if aside and word == "and" and j + 1 < len(tokens) and tokens[j + 1].text in _PERSON_NOUN_EN:
            continue  # "15 others, including children and women, were wounded"
        if word in ("from", "on", "of") and [t.text for t in tokens[j + 1 : j + 3]] in _BOTH_SIDES:
            skip_to = j + 3
            continue  # "a number of gunmen on both sides were hurt": the verb after the sides decides
        if word == "and" and (person := _and_one_more_person(tokens, j)):
            skip_to = person + 1
            continue  # "27 pupils and a female teacher were injured": the list's verb decides
        if word.startswith(("و", "ف")) and len(word) > 3 and not _PERSON_NOUN_AR.match(word):
            break  # "وإصابة 5": the next toll's word
        if _is_kill(word) and word not in ("toll", "lives", "claimed", "lost"):
            return "killed"
        if _is_injury(word):
            return "injured"
        if word in ("and", "or", "in", "from", "of", "including", "و", "من", "في") or not (
            word
            in (
                "were",
                "was",
                "are",
                "have",
                "had",
                "been",
                "being",
                "people",
                "persons",
                "other",
                "others",
                "more",
                "additional",
                "individuals",
                "reportedly",
                "reported",
                "also",
                "sustained",
                "suffered",
                "got",
            )
            or _PERSON_NOUN_AR.match(word)
            or word in _PERSON_NOUN_EN
        ):
            break
    j = next((k for k in range(q.end_tok, min(len(tokens), q.end_tok + 3)) if tokens[k].text == ","), -1)
    close = None
    for _ in range(2):  # "4 soldiers, including 3 officers, one a general, were killed"
        if j < 0:
            break
        close = next((k for k in range(j + 1, min(len(tokens), j + 12)) if tokens[k].text in (",", ".")), None)
        if close is None or tokens[close].text != ",":
            break
        verb = tokens[close + 1].text if close + 1 < len(tokens) else ""
        if verb in ("were", "was", "have", "had", "all", "both") or _is_kill(verb) or _is_injury(verb):
            break
        j = close
    if j >= 0:
        if close is not None and tokens[close].text == ",":
            for k in range(close + 1, min(len(tokens), close + 4)):
                word = tokens[k].text
                if _is_kill(word) and word not in ("toll", "lives", "claimed", "lost"):
                    return "killed"
                if _is_injury(word):
                    return "injured"
                if word not in ("were", "was", "have", "had", "been", "all", "both", "reportedly"):
                    break
    reach = 8 if noun_kind == "p" else 4
    if _more_of_a_list(tokens, q):
        reach = 24  # "killing <a commander, named at length> and eight more fighters": the list's verb is far
    first = q.start_tok  # "مقتل ما لا يقل عن 6": the qualifier is part of the count
    while first > 0 and q.start_tok - first < 5 and tokens[first - 1].text in _QUALIFIER_WORDS:
        first -= 1
    for j in range(max(0, first - reach), min(len(tokens), q.end_tok + reach + 1)):
        if first <= j < q.end_tok:
            continue
        word = tokens[j].text
        if word in (".", ";", "?", "!"):
            if j < q.start_tok:
                best = None
                continue
            break
        distance = first - j if j < first else j - q.end_tok + 1
        if j >= q.end_tok and word[0] in "وف" and len(word) > 3 and best is not None:
            continue  # "قتلت غارة 4 مدنيين وجرحت 9": the conjoined verb after the count is the next toll's
        kind: CasualtyKind | None = "killed" if _is_kill(word) else "injured" if _is_injury(word) else None
        if kind is None and j == first - 1 and word in ("قضت", "وقضت"):
            kind = "killed"  # "قضت ثلاث سيدات" (and not "قضت وحدات الجيش على ...": eliminated, a claim)
        if kind is not None and (best is None or distance < best[0]):
            best = (distance, kind)
    if best is None and noun_kind == "p":
        # "4 civilians and 3 fighters of the factions were killed": the list's verb comes later
        for k in range(q.end_tok, min(len(tokens), q.end_tok + 22)):
            word = tokens[k].text
            if word in (".", ";", "?", "!"):
                break
            if word in ("were", "was") and k + 1 < len(tokens):
                nxt = (
                    tokens[k + 1].text
                    if tokens[k + 1].text not in ("reportedly", "also", "all")
                    else (tokens[k + 2].text if k + 2 < len(tokens) else "")
                )
                if _is_kill(nxt) and nxt not in ("toll", "lives", "claimed", "lost"):
                    return "killed"
                if _is_injury(nxt):
                    return "injured"
                break
    return None if best is None else best[1]
