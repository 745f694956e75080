"""Place mentions: find gazetteer places in a report and resolve them to `Location`s.

`find_places(text, language)` works on `sitrep.textnorm.clean_text` output and returns
non-overlapping `PlaceMention`s sorted by start. Steps:

1. Tokenize once; walk a token index (key tuples from `gazetteer.py`) from each token, allowing
   Arabic clitics (و ب ل ف ك, لل) on the first token and skipping transliterated articles
   ("al-", "ez-") in Latin text, also when glued to the word ("Alshadadi"). Longest match wins.
   Capitalised Latin spellings that differ from a known name in vowels only ("Oqeirbat") match a
   vowel-blind index; such a match needs a place cue and a governorate the report names.
2. Accept a one-word name that is also a common word ("الطيبة" good, "الباب" the door) only
   with a cue: "قرية/بلدة/مدينة X", "the town of X", a list that started with an accepted place,
   or a region phrase right after it ("الطيبة بريف دير الزور"). A bare capitalised word the report also
   writes in lower case ("Sarin ... sarin") or an English word spelt like a place needs a cue too; page
   furniture ("Tags Syria Palmyra", "Related: ...", "Read more: ...") is no text.
3. Wrap region phrases around a match: "ريف X [direction]", "الريف الشرقي لـX", "بادية X",
   "شرق X", "أطراف X", "محافظة X", "northern X countryside", "east of X", "X province".
   Directional countryside of a governorate resolves to a representative point (precision 2),
   a governorate alone to precision 3, a town "near"/"outskirts" to precision 2 at the town.
4. Same-named places are resolved by the governorates named nearby, then in the whole report;
   a town followed by a governorate it is not in ("al-Rabia village in Raqqa") is a namesake the
   gazetteer lacks and is dropped, and so is a place said to be in a town far from it ("Al-Waer in
   Tadmor"). "X district" of a district town is that district (precision 2), "northern Afrin" a
   point that way inside it. A city named as a neighbourhood ("al-Sulaimaniyeh neighbourhood") in a
   report about another country is that country's quarter, or dropped. Names glued to unknown
   capitalised words ("Tahrir al-Sham", "Manbij Military Council") and media outlets ("قناة الميادين") are no places.
5. References back: "ومطارها العسكري", "ريفها الشرقي", "الريف الشرقي للمدينة" take the city named
   before; "الريف الحموي" is Hama's countryside; "20 km east of Palmyra" shifts the point.

The language argument is accepted for the interface; both scripts are read in any text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import Final

from processors.extract.fastre import quick
from processors.extract.gazetteer import (
    LATIN_ARTICLES,
    SKELETON_SHORT,
    Gazetteer,
    GazetteerEntry,
    IndexedName,
    arabic_key,
    distance_km,
    fold_latin,
    latin_key,
    latin_skeleton,
    latin_skeleton_key,
    latin_tokens_key,
    load_gazetteer,
    offset_point,
    skeleton_letters,
)
from sitrep.records import Location
from sitrep.textnorm import normalize_arabic

__all__ = ["PlaceMention", "find_places", "resolve_place", "with_precision"]

PLACE_KINDS: Final = ("admin1", "region", "city", "town", "village", "site")


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text: span (offsets into the cleaned text), resolved location, kind."""

    start: int
    end: int
    surface: str
    location: Location
    kind: str  # "admin1" | "region" | "city" | "town" | "village" | "site"


# --- tokens ---------------------------------------------------------------------------------------

_TOKEN: Final = re.compile("(?:[^\\W_]|[\u0610-\u061a\u064b-\u065f\u0670])+(?:'(?!s\\b)(?:[^\\W_])+)*")
_ARABIC_CHAR: Final = re.compile("[\u0600-\u06ff]")
_AR_PREFIXES: Final = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")


@dataclass(slots=True)
class _Tokens:
    """Token spans of a text; readings (`_token_info`) are looked up only for tokens a walk reaches."""

    starts: list[int]
    ends: list[int]
    raws: list[str]


# Token readings are pure functions of the token string and a report repeats its words: cache them.
_TOKEN_CACHE: Final[dict[str, tuple[bool, str, bool]]] = {}
_VARIANT_CACHE: Final[dict[str, list[tuple[int, str, bool]]]] = {}
_CACHE_LIMIT: Final = 200_000


_AR_MARKS: Final = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_AR_ONE_TO_ONE: Final = str.maketrans({
    "\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627", "\u0649": "\u064a",
    "\u0629": "\u0647", "\u06cc": "\u064a", "\u06a9": "\u0643",  # Persian yeh and keheh typed for Arabic
})


def _fold_ar(raw: str) -> str:
    """`normalize_arabic` for a token of cleaned text; a plain translation when it has no marks."""
    return (normalize_arabic(raw) if _AR_MARKS.search(raw) else raw).translate(_AR_ONE_TO_ONE)


def _token_info(raw: str) -> tuple[bool, str, bool]:
    info = _TOKEN_CACHE.get(raw)
    if info is None:
        if len(_TOKEN_CACHE) > _CACHE_LIMIT:
            _TOKEN_CACHE.clear()
        if _ARABIC_CHAR.search(raw):
            info = (True, arabic_key(_fold_ar(raw)), False)
        else:
            folded = fold_latin(raw)
            info = (False, latin_key(folded), folded in LATIN_ARTICLES)
        _TOKEN_CACHE[raw] = info
    return info


# `_TOKEN` as one character class (twice as fast): the same tokens in a text without underscores.
_TOKEN_FAST: Final = re.compile("[\\w\u0610-\u061a\u064b-\u065f\u0670]+(?:'(?!s\\b)\\w+)*")


# The token patterns as one group, for `re.split`: the same tokens as `finditer`, with the text between them.
_TOKEN_SPLIT: Final = re.compile(f"({_TOKEN.pattern})")
_TOKEN_FAST_SPLIT: Final = re.compile(f"({_TOKEN_FAST.pattern})")
# The two for an ASCII text: the same tokens (the Arabic marks cannot occur, ASCII's \w, \W and \b are Unicode's
# on ASCII characters), with classes tested by table, not by Unicode category.
_TOKEN_SPLIT_ASCII: Final = re.compile(r"([A-Za-z0-9]+(?:'(?!s\b)[A-Za-z0-9]+)*)", re.ASCII)
_TOKEN_FAST_SPLIT_ASCII: Final = re.compile(r"(\w+(?:'(?!s\b)\w+)*)", re.ASCII)


def _tokens(text: str) -> _Tokens:
    # One split gives [gap, token, gap, ..., token, gap]; each token's offsets are running sums of the lengths.
    # All of it runs in C, where `finditer` makes a match object (and three reads of it) per token.
    if text.isascii():
        parts = (_TOKEN_SPLIT_ASCII if "_" in text else _TOKEN_FAST_SPLIT_ASCII).split(text)
    else:
        parts = (_TOKEN_SPLIT if "_" in text else _TOKEN_FAST_SPLIT).split(text)
    bounds = list(accumulate(map(len, parts)))
    return _Tokens(bounds[0:-1:2], bounds[1::2], parts[1::2])


# "AlMayadin", "ElBab": the glued article may also keep the name's capital.
_GLUED_ARTICLE: Final = re.compile(r"^(?:[AaEe]l|[Aa][dstrz]|[Ee][dstz])(?=[a-z]{4,}$)|^[AaEe]l(?=[A-Z][a-z]{3,}$)")
# After the first word of a name, three letters are enough: "Salah Eddin", "Ras Elain".
_GLUED_ARTICLE_INSIDE = re.compile(r"^(?:[AaEe]l|[Aa][dstrz]|[Ee][dstz])(?=[a-z]{3,}$)|^[AaEe]l(?=[A-Z][a-z]{2,}$)")


_GLUED_KEYS: tuple[dict[str, str], dict[str, str]] = ({}, {})  # `_glued_article_key` of a token (outside, inside)


def _glued_article_key(raw: str, inside: bool = False) -> str:
    """Key of a token written with its article glued on ("Alshadadi", "Elasafir"), without it (cached)."""
    cache = _GLUED_KEYS[inside]
    key = cache.get(raw)
    if key is None:
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        key = cache[raw] = _compute_glued_article_key(raw, inside)
    return key


def _compute_glued_article_key(raw: str, inside: bool) -> str:
    glued = (_GLUED_ARTICLE_INSIDE if inside else _GLUED_ARTICLE).match(raw)
    if glued is None:
        return ""
    rest = raw[glued.end():]
    if glued.group()[1:] not in ("l", "L") and not rest.startswith(glued.group()[-1].lower()):
        return ""  # a sun-letter article doubles the next letter: "Arraqqa", "Azzawiya"
    return latin_key(rest)


def _first_readings(raw: str, gaz: Gazetteer) -> list[tuple[int, str, bool]]:
    """Readings of a token that can start a name of `gaz` (cached per gazetteer)."""
    cached = gaz.first_readings.get(raw)
    if cached is not None:
        return cached
    if len(gaz.first_readings) > _CACHE_LIMIT:
        gaz.first_readings.clear()
    arabic, key, article = _token_info(raw)
    readings: list[tuple[int, str, bool]]
    if arabic:
        readings = [v for v in _arabic_first_variants(raw) if (v[1],) in gaz.arabic_prefixes]
    elif article or (raw.isupper() and raw.isalpha() and len(raw) > 2):
        readings = []  # an article starts no name; acronyms ("JASSM", "ISIS") are no names
    else:
        readings = [(0, key, False)] if (key,) in gaz.latin_prefixes else []
        glued = _glued_article_key(raw)
        if not readings and glued and (glued,) in gaz.latin_prefixes:
            readings = [(0, glued, False)]
    gaz.first_readings[raw] = readings
    return readings


def _arabic_first_variants(raw: str) -> list[tuple[int, str, bool]]:
    """Cached `_compute_first_variants`."""
    variants = _VARIANT_CACHE.get(raw)
    if variants is None:
        if len(_VARIANT_CACHE) > _CACHE_LIMIT:
            _VARIANT_CACHE.clear()
        variants = _VARIANT_CACHE[raw] = _compute_first_variants(raw)
    return variants


_TANWEEN: Final = re.compile("[\u064b-\u064d]")
_PROCLITIC_LETTERS: Final = frozenset("وفبلك")


def _compute_first_variants(raw: str) -> list[tuple[int, str, bool]]:
    """(clitic length in raw, key, has the article) readings of a token that may carry proclitics."""
    if _TANWEEN.search(raw):
        return []  # "دوماً" (always) is an adverb: names do not take tanween
    norm = _fold_ar(raw)
    if norm[:1] not in _PROCLITIC_LETTERS:
        return [(0, arabic_key(norm), norm.startswith("ال"))]
    out: list[tuple[int, str, bool]] = []
    seen: set[str] = set()
    for prefix in _AR_PREFIXES:
        if not norm.startswith(prefix) or len(norm) - len(prefix) < 2:
            continue
        rest = norm[len(prefix):]
        key = arabic_key(rest)
        if key not in seen:
            seen.add(key)
            out.append((_raw_offset(raw, len(prefix)), key, rest.startswith("ال")))
    # "للميادين" = ل + الميادين; "ولل..." likewise.
    for prefix in ("لل", "ولل", "فلل"):
        if norm.startswith(prefix) and len(norm) - len(prefix) >= 3:
            key = norm[len(prefix):]
            if key not in seen:
                seen.add(key)
                out.append((_raw_offset(raw, len(prefix)), key, True))
    return out


def _raw_offset(raw: str, folded_chars: int) -> int:
    """Offset in `raw` after `folded_chars` letters (diacritics in raw are skipped over)."""
    count = 0
    for i, ch in enumerate(raw):
        if count == folded_chars:
            return i
        if not ("\u064b" <= ch <= "\u065f" or ch == "\u0670"):
            count += 1
    return len(raw)


# --- raw matches ----------------------------------------------------------------------------------

@dataclass
class _Match:
    start: int
    end: int
    hits: list[IndexedName]
    first: int  # index of the first token
    last: int  # index of the last token
    arabic: bool
    clitic: str = ""  # proclitics dropped from the first token ("و", "ب"...)
    fuzzy: bool = False  # matched by the vowel-blind index only
    # Believed only as the one candidate in a governorate its sentence names: a vowel-blind key of three letters,
    # or a cue-only name with a place word after it ("Kawkab village").
    local: bool = False
    qualified: bool = False  # followed by a qualifier the gazetteer has no such name with ("Baqrus Tahtani")


# An ayn written as an apostrophe may open the next word: "Tal 'Adah", "Kafr 'Aya".
_GAP_OK: Final = re.compile("^[ \\-]{1,3}['\u2018\u2019`\u02bf\u02bb]?$")


def _gap_ok(gap: str) -> bool:
    """Whether two tokens of one name may stand `gap` apart (one space or hyphen mostly)."""
    return gap == " " or gap == "-" or _GAP_OK.match(gap) is not None


def _raw_matches(text: str, tokens: _Tokens, gaz: Gazetteer) -> list[_Match]:
    matches: list[_Match] = []
    plans = gaz.token_plans
    for i, raw in enumerate(tokens.raws):
        plan = plans.get(raw)
        if plan is None:
            plan = _token_plan(raw, gaz)
        if not plan:
            continue  # most words start no name: one dict look-up
        readings, arabic, skel = plan
        for offset, key, article in readings:
            if arabic:
                _walk_arabic(text, tokens, i, offset, key, article, gaz, matches)
            else:
                _walk_latin(text, tokens, i, key, gaz, matches)
        if skel:
            _walk_latin(text, tokens, i, skel, gaz, matches, fuzzy=True)
    _split_names(text, tokens, gaz, matches)
    return matches


_JOINED_MIN: Final = 6  # letters of a one-word name matched across a space


def _split_names(text: str, tokens: _Tokens, gaz: Gazetteer, out: list[_Match]) -> None:
    """One-word names written as two capitalised words ("Tal Minnis" for "Talmenes", "Kafr Nabudah" spelt
    together in the gazetteer): the two words joined, when that is a name of six letters or more."""
    starts, ends, raws = tokens.starts, tokens.ends, tokens.raws
    pairs = gaz.joined_pairs
    for i in range(len(raws) - 1):
        first, second = raws[i], raws[i + 1]
        if not (first[:1].isupper() and second[:1].isupper()) or starts[i + 1] - ends[i] != 1 or \
                text[ends[i]] != " ":
            continue
        pair = (first, second)
        hits = pairs.get(pair, ())
        if hits == ():  # (a pure function of the two tokens: most pairs recur)
            if len(pairs) > _CACHE_LIMIT:
                pairs.clear()
            hits = pairs[pair] = _joined_hits(first, second, gaz)
        if hits:
            out.append(_Match(starts[i], ends[i + 1], hits, i, i + 1, False))


def _joined_hits(first: str, second: str, gaz: Gazetteer) -> list[IndexedName] | None:
    """The names of `gaz` two capitalised Latin tokens spell when joined into one word (None: none)."""
    if _token_info(first)[0] or _token_info(second)[0]:
        return None
    if first.lower() in _NOT_IN_A_FUZZY_NAME or second.lower() in _NOT_IN_A_FUZZY_NAME or \
            _token_info(first)[2] or _token_info(second)[2]:
        return None
    key = latin_key(first + second)
    if len(key) < _JOINED_MIN:
        return None
    return gaz.latin_index.get((key,)) or None


def _token_plan(raw: str, gaz: Gazetteer) -> tuple[list[tuple[int, str, bool]], bool, str] | tuple[()]:
    """What a token can start here (cached per gazetteer): its readings that start a name, whether it
    is Arabic, and its vowel-blind reading when capitalised (Arabic letters have no case); () for none."""
    if len(gaz.token_plans) > _CACHE_LIMIT:
        gaz.token_plans.clear()
    readings = _first_readings(raw, gaz)
    skel = _skeleton_reading(raw, gaz) if raw[0].isupper() else ""
    plan = (readings, bool(_ARABIC_CHAR.match(raw)), skel) if readings or skel else ()
    gaz.token_plans[raw] = plan
    return plan


_SKELETON_CACHE: Final[dict[str, str]] = {}


def _skeleton(raw: str) -> str:
    skel = _SKELETON_CACHE.get(raw)
    if skel is None:
        if len(_SKELETON_CACHE) > _CACHE_LIMIT:
            _SKELETON_CACHE.clear()
        skel = _SKELETON_CACHE[raw] = "" if _token_info(raw)[2] else latin_skeleton(raw)
    return skel


# Lower-case words that may end a capitalised name ("Ark field" for "Arak Field").
_DESIGNATORS: Final = frozenset("field fields oilfield airbase airport station dam camp crossing hill mount".split())
_SITE_WORDS: Final = _DESIGNATORS | frozenset("military gas oil air base pumping plant mountain mountains".split())

# Capitalised English words that resemble a name without vowels ("Third" ~ "Tharda"): never fuzzy.
_FUZZY_STOP: Final = frozenset("""
first second third fourth fifth sixth seventh eighth ninth tenth monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october november december
islamic state army forces front brigade division military council martyrs movement party group liberation
national democratic free syrian russian turkish iranian iraqi lebanese kurdish american coalition regime
rebels rebel police security general commander leader
hamas hezbollah hizbollah hizbullah daesh nusra ahrar tahrir jaysh jaish faylaq failaq liwa kataib harakat hayat hayaat
zenki zinki quds ansar jund tiger tigers hamza sultan murad turkistan turkestan fatah fateh jabhat nour noor
shabiha shabbiha wagner fatemiyoun fatimiyoun zainabiyoun
country countries muslim muslims christian christians arab arabs arabic kurds kurdish turkey turks russia russians
iran iranians america americans europe european sunni sunnis shia shiite shiites alawite alawites druze assyrian
armenian abyssinia israel israeli jordan jordanian lebanon egypt
mohammed mohammad muhammad mohamed ahmed ahmad ali hassan hasan hussein husayn omar umar khaled khalid mahmoud
mahmud mustafa mostafa abdullah abdallah ibrahim youssef yusuf saleh salih said salem salim karim nasser nasr
""".split())


def _skeleton_reading(raw: str, gaz: Gazetteer) -> str:
    """The vowel-blind key of a capitalised Latin token when a name of `gaz` can start with it."""
    reading = gaz.skeleton_readings.get(raw)
    if reading is None:
        if len(gaz.skeleton_readings) > _CACHE_LIMIT:
            gaz.skeleton_readings.clear()
        skel = "" if raw.lower() in _NOT_IN_A_FUZZY_NAME or (raw.isupper() and len(raw) > 2) else _skeleton(raw)
        reading = gaz.skeleton_readings[raw] = skel if (skel,) in gaz.skeleton_prefixes else ""
    return reading


def _walk_arabic(text: str, tokens: _Tokens, i: int, offset: int, key: str, article: bool,
                 gaz: Gazetteer, out: list[_Match]) -> None:
    keys = [key]
    j = i
    starts, ends, raws = tokens.starts, tokens.ends, tokens.raws
    while True:
        hits = gaz.arabic_index.get(tuple(keys))
        if hits and j == i:
            # A one-word name spelt without its article ("وعر" for "الوعر", "حول" for "الحول") or
            # with one it does not have is an ordinary word, not that place.
            hits = [h for h in hits if not h.with_article or article in h.with_article]
        if hits:
            out.append(_Match(starts[i] + offset, ends[j], hits, i, j, True, raws[i][:offset]))
        if j + 1 >= len(raws) or starts[j + 1] - ends[j] != 1 or text[ends[j]] != " ":
            return
        arabic, next_key, _ = _token_info(raws[j + 1])
        if not arabic and not raws[j + 1].isdigit():  # "اللواء 137", "محطة تي 2"
            return
        if not arabic:
            next_key = raws[j + 1]
        keys.append(next_key)
        if tuple(keys) not in gaz.arabic_prefixes:
            return
        j += 1


def _walk_latin(text: str, tokens: _Tokens, i: int, key: str, gaz: Gazetteer, out: list[_Match],
                fuzzy: bool = False) -> None:
    keys = [key]
    starts, ends, raws = tokens.starts, tokens.ends, tokens.raws
    index, prefixes, extendable = (gaz.skeleton_index, gaz.skeleton_prefixes, gaz.skeleton_extendable) if fuzzy \
        else (gaz.latin_index, gaz.latin_prefixes, gaz.latin_extendable)
    j = prev = i
    while True:
        current = tuple(keys)
        hits = index.get(current)
        if fuzzy and hits and not all(raws[k][:1].isupper() or _token_info(raws[k])[2] or raws[k] in _DESIGNATORS
                                      for k in range(i, j + 1)):
            hits = None  # a vowel-blind match must be a capitalised name throughout
        if hits and any(raws[k][:1].isupper() for k in range(i, j + 1)):
            start = starts[i]
            # Include an attached or capitalised article before the name ("al-Mayadin", "Al Bab").
            if i > 0 and _token_info(raws[i - 1])[2]:
                gap = text[ends[i - 1]:starts[i]]
                article = raws[i - 1]
                if gap == "-" or (gap == " " and (article.lower() in ("al", "el") or article[:1].isupper())):
                    start = starts[i - 1]
            out.append(_Match(start, ends[j], hits, i, j, False, fuzzy=fuzzy,
                              local=fuzzy and skeleton_letters(keys) < SKELETON_SHORT))
        if len(keys) >= gaz.max_tokens or current not in extendable:
            return
        k = j + 1
        while k < len(raws) and (_token_info(raws[k])[2] or _hyphen_article(text, tokens, k)) and \
                _gap_ok(text[ends[prev]:starts[k]]):
            prev = k
            k += 1
        if k >= len(raws) or not _gap_ok(text[ends[prev]:starts[k]]):
            return
        arabic, next_key, _ = _token_info(raws[k])
        if arabic:
            return
        if fuzzy and raws[k].lower() not in _SITE_WORDS and raws[k].lower() in _NOT_IN_A_FUZZY_NAME:
            return  # "Daraa Syria" is no name "D.r S.r"
        keys.append(_skeleton(raws[k]) if fuzzy else next_key)
        if tuple(keys) not in prefixes:
            glued = _glued_article_key(raws[k], inside=True)
            if not glued:
                return
            keys[-1] = latin_skeleton(glued) if fuzzy else glued
            if tuple(keys) not in prefixes:
                return
        j = prev = k


# An article misspelt between hyphens: "Tal-Ah-Abyad", "Deir-e-Zor".
_HYPHEN_ARTICLE: Final = re.compile("[AaEe][hlnrsz]?")


def _hyphen_article(text: str, tokens: _Tokens, k: int) -> bool:
    """Whether token `k` is a short article-like syllable standing between hyphens inside a name."""
    start, end = tokens.starts[k], tokens.ends[k]
    return end - start <= 2 and text[start - 1:start] == "-" and text[end:end + 1] == "-" and \
        _HYPHEN_ARTICLE.fullmatch(tokens.raws[k]) is not None


def _select(matches: list[_Match]) -> list[_Match]:
    """Longest first, then earliest; drop overlaps."""
    chosen: list[_Match] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), -(m.last - m.first), m.fuzzy, m.start,
                                            len(m.clitic))):
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        chosen.append(m)
        taken.append((m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


# --- cues and region phrases ----------------------------------------------------------------------

_A: Final = "[اأإآ]"
_T: Final = "[ةه]"
_Y: Final = "[يى]"
_AR_CUE_WORDS: Final = (
    f"مدين{_T}|بلد{_T}|قري{_T}|ناحي{_T}|مخيم|حي|{_A}حياء|منطق{_T}|مطار|قريتي|بلدتي|مدينتي|قرى|بلدات|"
    f"مدن|مزرع{_T}|قاعد{_T}|حقل|جبل|تل{_T}|معبر|بلدتا|قريتا|مدينتا|ضاحي{_T}|سجن|محط{_T}|سد|دوار|طريق"
)
_AR_CUE_BEFORE: Final = re.compile(f"(?:^|[\\s\"'(-])[وفبل]?(?:ال)?(?:{_AR_CUE_WORDS})\\s+$")
_AR_LIST_JOIN: Final = re.compile(r"^(?:\s*[,،\-–/]\s*|\s+و\s*|\s+|\s*[,،]\s*و\s*)$")
_EN_CUE_BEFORE: Final = re.compile(
    r"(?:\b(?:town|village|city|villages|towns|cities|district|neighbourhood|neighborhood|camp|area|"
    r"region|suburb|airbase|base|of|in|near|at|from|to|around|outside|toward|towards|into|across|"
    r"between|and|on|via|within)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)

_EN_NAME_DIRECTION: Final = re.compile(r"\b(?:North|South|East|West)(?:ern)?\s+$")
_EN_CUE_AFTER: Final = re.compile(
    r"\s+(?:neighbou?rhood|district|quarter)s?\b",
    re.IGNORECASE,
)

_AR_DIR_ADJ: Final = {
    f"الشمال{_Y}": "north", f"الجنوب{_Y}": "south", f"الشرق{_Y}": "east", f"الغرب{_Y}": "west",
}
_AR_DIR_ADJ_RE: Final = "|".join(_AR_DIR_ADJ)
_AR_AFTER_DIR: Final = re.compile(f"^\\s+((?:{_AR_DIR_ADJ_RE})(?:\\s+(?:{_AR_DIR_ADJ_RE}))?)")
_AR_RIF_BEFORE: Final = re.compile(
    f"(?:^|[\\s(])([وبلف]{{0,2}}(?:ال)?ريف(?:ي|ا)?)\\s+(?:(?:محافظ{_T}|مدين{_T})\\s+)?$"
)
_AR_THE_RIF_BEFORE: Final = re.compile(
    f"(?:^|[\\s(])([وبلف]{{0,2}}الريف(ين)?\\s+((?:{_AR_DIR_ADJ_RE})(?:\\s+(?:{_AR_DIR_ADJ_RE}))?)"
    f"(?:\\s+و(?:{_AR_DIR_ADJ_RE})(?:\\s+(?:{_AR_DIR_ADJ_RE}))?)?"
    f"\\s+((?:لمحافظ{_T}|لمدين{_T}|من\\s+محافظ{_T}|في\\s+محافظ{_T}|من|في)\\s+)?)$"
)
_AR_BADIA_BEFORE: Final = re.compile(f"(?:^|[\\s(])([وبلف]{{0,2}}(?:ال)?(?:بادي{_T}|صحراء))\\s+$")
_AR_DIR_NOUN: Final = {"شمال": "north", "جنوب": "south", "شرق": "east", "غرب": "west"}
_AR_DIR_NOUN_BEFORE: Final = re.compile(
    f"(?:^|[\\s(])((?:(?:على\\s+بعد\\s+)?(?:نحو\\s+|حوالي\\s+)?([0-9]+)\\s*(?:كم|كلم|كيلومترا?ت?|كيلو\\s*متر)\\s+)?"
    f"[وبلف]?(شمال|جنوب|شرق|غرب){_Y}?(?:\\s+(شرق|غرب){_Y}?)?)\\s+"
    f"(?:(?:مدين{_T}|بلد{_T}|قري{_T})\\s+)?$"
)
_AR_NEAR_BEFORE: Final = re.compile(
    f"(?:^|[\\s(])([وبلف]?(?:{_A}طراف|محيط|قرب|بالقرب\\s+من|ضواحي|مشارف|تخوم|جوار|مداخل|حدود)"
    f"(?:\\s+(?:مدين{_T}|بلد{_T}|قري{_T}))?)\\s+$"
)
_AR_GOV_BEFORE: Final = re.compile(f"(?:^|[\\s(])([وبلف]?(?:ال)?محافظ(?:{_T}|تي|تا|ات))\\s+$")

_EN_DIR: Final = {
    "north": "north", "northern": "north", "south": "south", "southern": "south", "east": "east",
    "eastern": "east", "west": "west", "western": "west", "northeast": "north-east",
    "north-east": "north-east", "northeastern": "north-east", "north-eastern": "north-east",
    "northwest": "north-west", "north-west": "north-west", "northwestern": "north-west",
    "north-western": "north-west", "southeast": "south-east", "south-east": "south-east",
    "southeastern": "south-east", "south-eastern": "south-east", "southwest": "south-west",
    "south-west": "south-west", "southwestern": "south-west", "south-western": "south-west",
}
_EN_DIR_ADJ_RE: Final = (r"(?:north|south)(?:[\s-]?(?:east|west))?ern|eastern|western|"
                  r"(?:north|south)[\s-]?(?:east|west)|central|north|south|east|west")
_EN_DIR_NOUN_RE: Final = r"(?:north|south)(?:-?(?:east|west))?|east|west"
_EN_BEFORE_ADJ: Final = re.compile(
    f"(?:^|\\W)((?:the\\s+)?({_EN_DIR_ADJ_RE})(?:\\s+(rural|countryside\\s+of|outskirts\\s+of|parts\\s+of|"
    f"part\\s+of|suburbs\\s+of|desert\\s+of))?)\\s+$", re.IGNORECASE,
)
# "the northwestern province of Idlib", "the eastern city of Deir ez-Zor": where it lies in Syria.
_EN_PLACED_IN_COUNTRY: Final = re.compile(
    f"(?:^|\\W)(?:the\\s+)?(?:{_EN_DIR_ADJ_RE})(?:\\s+syrian|\\s+iraqi)?\\s+"
    f"(province|governorate|city|town|village|border\\s+town|desert\\s+town)\\s+of\\s+$", re.IGNORECASE,
)
_EN_COUNTRYSIDE_OF: Final = re.compile(
    f"(?:^|\\W)((?:the\\s+)?(?:({_EN_DIR_ADJ_RE})\\s+)?(?:countryside|country\\s+side|rural\\s+areas?|rural\\s+parts?|"
    f"rural\\s+outskirts|hinterland)\\s+(?:of|around)\\s+)$|(?:^|\\W)(rural)\\s+$", re.IGNORECASE,
)
_EN_AFTER_COUNTRYSIDE: Final = re.compile(
    r"^('s)?(\s+(?:(" + _EN_DIR_ADJ_RE + r")\s+)?(?:countryside|country\s+side|rural\s+areas?|outskirts|suburbs|"
    r"desert|badia|provinces?|governorates?|hinterland|district|sub-?district)\b)", re.IGNORECASE,
)
_EN_NEAR_BEFORE: Final = re.compile(
    f"(?:^|\\W)((?:(?:(?:about\\s+|some\\s+|around\\s+)?([0-9]+)\\s*(km|kilometers|kilometres|miles)\\s+(?:to\\s+the\\s+)?)?"
    f"({_EN_DIR_NOUN_RE})\\s+of|near|"
    f"outskirts\\s+of|outside|vicinity\\s+of|around|suburbs\\s+of|close\\s+to|near\\s+to|edge\\s+of|"
    f"surroundings\\s+of|environs\\s+of|periphery\\s+of|outskirt\\s+of|"
    # "2 km from Uqayribat": near it, that far
    f"(?:about\\s+|some\\s+|around\\s+)?([0-9]+)\\s*(km|kilometers|kilometres|miles)\\s+(?:away\\s+)?from)"
    f"\\s+(?:the\\s+(?:syrian\\s+|iraqi\\s+)?(?:town|city|village)\\s+of\\s+)?)$",
    re.IGNORECASE,
)
# The words every `_EN_NEAR_BEFORE` match ends with, before its trailing whitespace (lower case).
_NEAR_ENDS: Final = ("of", "near", "outside", "around", "to", "from")


def _near_before(before: str) -> re.Match[str] | None:
    """`_EN_NEAR_BEFORE.search(before)`, answered without the regex where ``before`` does not end as each match
    does: one of `_NEAR_ENDS`, then whitespace."""
    core = before.rstrip()  # (str.isspace is \s)
    if len(core) == len(before):
        return None
    word = core[-7:]
    if word.isascii() and not word.lower().endswith(_NEAR_ENDS):  # (a letter IGNORECASE folds apart: the regex)
        return None
    return _EN_NEAR_BEFORE.search(before)


_EN_IN_GOVERNORATE: Final = re.compile(
    r"(?:\b([A-Z][\w'-]*)|\b(?:villages?|towns?|areas?|neighbou?rhoods?|district|camp|road|highway|axis|"
    r"stations?|fields?|base|airbase|positions?|countryside|mountains?|desert|outskirts|front|fronts))"
    r"\s*(?:,\s*|\s+in\s+)$"
    # "Ba'arbo of Idleb", "the Ghab Plain of Hama": a named place of the governorate.
    r"|\b([A-Z][\w'-]*|sub-?district|district)\s+of\s+$"
)


def _in_governorate(before: str) -> re.Match[str] | None:
    """`_EN_IN_GOVERNORATE.search(before)`, answered without the regex where ``before`` does not end as each
    match does: a comma (then maybe whitespace), or "in" or "of" then whitespace."""
    core = before.rstrip()  # (str.isspace is \s)
    if not core.endswith(",") and (len(core) == len(before) or not core.endswith(("in", "of"))):
        return None
    return quick(_EN_IN_GOVERNORATE).search(before)


# "Syria's northern Idlib province" (also with the apostrophe dropped): a direction after the country's name
# places the province in the country.
_EN_COUNTRY_POSSESSIVE: Final = re.compile(r"\b(?:syria|iraq)(?:'s|’s|s)\s*$", re.IGNORECASE)
_EN_PROVINCE_NAMED: Final = re.compile(r"\b(?:province|governorate)$", re.IGNORECASE)


def _in_country(before: str, adj: re.Match[str]) -> bool:
    """Whether the direction word ``adj`` found in ``before`` follows the country's name in the possessive."""
    return not adj.group(3) and _EN_COUNTRY_POSSESSIVE.search(before, 0, adj.start(1)) is not None


_EN_GOV_BEFORE: Final = re.compile(r"(?:^|\W)((?:the\s+)?(?:province|governorate)\s+of\s+)$", re.IGNORECASE)
# Capitalised words before "of X" that make X the city itself ("the City of Hama", "University of Aleppo").
_NOT_OF_A_GOVERNORATE: Final = frozenset(
    "city town center centre outskirts suburbs vicinity university governor mayor people residents north south "
    "east west northeast northwest southeast southwest north-east north-west south-east south-west".split()
)


def _en_dir(word: str | None) -> str:
    return _EN_DIR.get(re.sub(r"[\s-]+", "-", (word or "").lower()), "")


def _ar_direction(words: str) -> str:
    parts = [_AR_DIR_ADJ[k] for w in words.split() for k in _AR_DIR_ADJ if re.fullmatch(k, w)]
    return _compose(parts)


def _compose(parts: list[str]) -> str:
    if not parts:
        return ""
    if len(parts) >= 2 and parts[0] in ("north", "south") and parts[1] in ("east", "west"):
        return f"{parts[0]}-{parts[1]}"
    return parts[0]


# --- resolution -----------------------------------------------------------------------------------

@dataclass
class _Resolved:
    start: int
    end: int
    entry: GazetteerEntry | None
    candidates: list[GazetteerEntry]
    mode: str  # "place" | "near" | "countryside" | "desert" | "admin1"
    direction: str = ""
    weak: bool = False  # accepted on a cue only (a one-word name that is also a common word)
    fuzzy: bool = False  # a vowel-blind match: kept only in a governorate the report names otherwise
    local: bool = False  # kept only as the one candidate in a governorate its sentence names (`_Match.local`)
    km: float = 0.0  # "20 km east of X": distance from X in `direction`
    cue_only: frozenset[str] = frozenset()  # candidates (gazetteer ids) this spelling names only after a cue
    locator: bool = False  # "X in Dhameer sub-district": the district only says where X lies (an area, not the scene)


def find_places(text: str, language: str = "", gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Places named in `text` (cleaned), resolved, sorted by start, without overlaps."""
    gaz = gazetteer or load_gazetteer()
    tokens = _tokens(text)
    selected = _select(_raw_matches(text, tokens, gaz))
    metadata = metadata_spans(text)
    if metadata:  # "Tags Syria Islamic State Palmyra": keywords of the page, not places of the story
        selected = [m for m in selected if not any(a <= m.start < b for a, b in metadata)]
    accepted = _accept(text, selected, tokens)
    resolved = [_wrap(text, m, gaz) for m in accepted]
    for m, r in zip(accepted, resolved, strict=True):
        if m.qualified:
            # "X Tahtani": by X, and only where the report's governorates allow (a village X elsewhere may be
            # another X's namesake, as cue-only names are).
            r.weak = True
            if r.mode == "place":
                r.mode = "near"
    _share_governorate_cue(text, accepted, resolved, gaz)
    _disambiguate(resolved, gaz, text)
    _check_stated_admin1(text, resolved, gaz)
    _check_stated_town(text, resolved, gaz)
    _check_report_admin1(text, resolved, gaz)
    _check_quarter(text, resolved)
    _check_settlement_word(text, resolved)
    resolved.extend(_anaphora(text, resolved, gaz))
    resolved.extend(_demonym_countryside(text, resolved, gaz))
    out: list[PlaceMention] = []
    last_end = -1
    for r in sorted(resolved, key=lambda r: (r.start, -(r.end - r.start))):
        if r.start < last_end or r.entry is None:
            continue
        mention = _mention(text, r, gaz)
        if mention is not None:
            out.append(mention)
            last_end = r.end
    return out


def resolve_place(name: str, admin1: str = "", gazetteer: Gazetteer | None = None) -> Location | None:
    """The gazetteer location for a bare place name, preferring one in `admin1` when given."""
    gaz = gazetteer or load_gazetteer()
    entries = gaz.lookup(name)
    if not entries:
        return None
    if admin1:
        entries = sorted(entries, key=lambda e: e.admin1 != admin1)
    return entries[0].location()


# Capitalised words that may stand next to a place name without being part of another name.
_EN_FREE_CAPITALS: Final = frozenset("""
the in on at near from to and of by for with a an as after while during since into north south east west
northern southern eastern western central north-east north-west south-east south-west northeastern
northwestern southeastern southwestern countryside province governorate district city town village
villages towns camp airbase airport base dam river valley plain plains mountain mountains desert badia
region area areas neighbourhood neighborhood suburb suburbs outskirts road highway crossing border
international oil gas field fields rural syria syrian iraq iraqi sdf is isis ypg hts fsa saa
governorates provinces and or but then also between against around outside toward towards
cemetery cemetary highway road army brigade division regiment hospital prison school mosque square
roundabout bridge checkpoint junction hill hills station farms farm factory plant company battalion
""".split())
# Words that end a vowel-blind name ("Daraa Syria" is no name).
_NOT_IN_A_FUZZY_NAME: Final = _FUZZY_STOP | _EN_FREE_CAPITALS


# Transliterated articles around a name. "as", "at" and "an" written lower case and apart are English
# words ("north of Khanaser as Islamic State withdrew"), not articles.
_ARTICLE_TAIL: Final = re.compile(
    r"(?:\b(?:(?i:al|el|ad|ar|ash|az|ez|es|ed|adh|ath)[- ]|(?i:as|at|an)-|A[stn] |A[STN] ))+$"
)
_ARTICLE_HEAD: Final = re.compile(
    r"^(?:(?:[- ](?i:al|el|ad|ar|ash|az|ez|es|ed|adh|ath)|-(?i:as|at|an)| A[stn]| A[STN])\b)+"
)

# The last two letters of every article `_ARTICLE_TAIL` takes (lower case).
_ARTICLE_ENDS: Final = frozenset("al el ad ar sh az ez es ed dh th as at an".split())


def _article_tail(text: str) -> re.Match[str] | None:
    """`_ARTICLE_TAIL.search(text)`, answered without the regex (which tries every position) where ``text``
    does not end as each match does: an article's last two letters, then a hyphen or a space, then ``$``."""
    end = text[:-1] if text.endswith("\n") else text  # ``$`` also matches before a final line break
    if end[-1:] not in ("-", " "):
        return None
    letters = end[-3:-1]
    if letters.isascii() and letters.lower() not in _ARTICLE_ENDS:  # (a letter IGNORECASE folds apart: the regex)
        return None
    return _ARTICLE_TAIL.search(text)


_LAST_WORD: Final = re.compile(r"([A-Za-z][\w']*) $")
_NEXT_WORD: Final = re.compile(r"^ ([A-Za-z][\w']*)")
_NEXT_WORD_AFTER_ARTICLE: Final = re.compile(r"^[ -]([A-Za-z][\w']*)")


def _capital_neighbour(text: str, m: _Match) -> bool:
    """A Latin match glued to an unknown capitalised word is part of another name ("Tahrir al-Sham")."""
    head = text[max(0, m.start - 40):m.start]
    head = head[:len(head) - len(tail.group())] if (tail := _article_tail(head)) else head
    rest = text[m.end:m.end + 40]
    rest = rest[len(lead.group()):] if (lead := _ARTICLE_HEAD.match(rest)) else rest
    before = _LAST_WORD.search(head)
    after = (_NEXT_WORD_AFTER_ARTICLE if lead else _NEXT_WORD).match(rest)
    for word in (before.group(1) if before else "", after.group(1) if after else ""):
        lowered = word.lower()
        if word and word[0].isupper() and lowered not in _EN_FREE_CAPITALS and lowered not in LATIN_ARTICLES:
            return True  # even at a sentence start: "Ahrar al-Sham repelled..."
    return False


# Arabic qualifiers of a village name in transliteration (lower, upper, eastern, western, northern, southern, big,
# small), with or without the article: "X Tahtani", "X al-Sharqiyah".
_QUALIFIER_AFTER: Final = re.compile(
    r"[ -](?:(?i:al|el|ash|esh|as|es|ej|aj)[ -])?(?:Tahtani|Fawqani|Foqani|Fouqani|Sharqi|Gharbi|Shamali|Janubi|"
    r"Janoubi|Kabir|Kebir|Saghir|Sghir|Sagheer)(?:y?y?[ae]h?|ah)?(?![\w'])"
)


# The English of those qualifiers, before the name: "Big Khwein", "Little Hmeimeh", "Upper Baghuz"; and the valley or
# mountain named after a village ("Wadi Zayzun", "Jabal al-Baghuz") when the gazetteer lacks the feature itself.
_QUALIFIER_BEFORE: Final = re.compile(
    r"\b(Big|Small|Little|Upper|Lower|Greater|Wadi|Jabal|Jebel|Jabel|Jbel)[ -](?:(?i:al|el|ad|ar|as|ash|az|ez)[ -])?$"
)
_SIZE_WORDS: Final = frozenset("Big Small Little Upper Lower Greater".split())


def _sentence_start(text: str, pos: int) -> bool:
    head = text[:pos].rstrip()
    return not head or head[-1] in ".!?:;\n\"(["


def _accept(text: str, matches: list[_Match], tokens: _Tokens) -> list[_Match]:
    accepted: list[_Match] = []
    prev_end: int | None = None
    words: set[str] | None = None
    for m in matches:
        qualifier = None if m.arabic else _QUALIFIER_AFTER.match(text, m.end)
        if qualifier is not None:
            # "Baqrus Tahtani", "Jurdi al-Gharbi": lower/upper, eastern/western X lies by a village X (a place near
            # it). A town of some size is not what such a pair is named after ("Bab al-Saghir" is no al-Bab).
            m.hits = [h for h in m.hits if h.entry.population < _SHORT_MAX_POPULATION
                      and h.entry.kind in ("village", "town")]
            if not m.hits:
                continue
            m.end, m.qualified = qualifier.end(), True
        elif not m.arabic and not m.fuzzy and \
                (before_qualifier := _QUALIFIER_BEFORE.search(text, max(0, m.start - 14), m.start)):
            # A valley or mountain takes a village's name; a town's quarter ("Al-Waer") gives its name to none.
            kinds = ("village", "town") if before_qualifier.group(1) in _SIZE_WORDS else ("village",)
            small = [h for h in m.hits if h.entry.population < _SHORT_MAX_POPULATION and h.entry.kind in kinds]
            if small:  # (else as before: "Greater Damascus" is part of another name)
                m.hits, m.start, m.qualified = small, before_qualifier.start(), True
        if not m.arabic and _capital_neighbour(text, m):
            continue
        if not m.arabic and m.first == m.last and m.start == tokens.starts[m.first]:
            # "Sarin is a nerve agent" where the report also writes "sarin": a common noun capitalised at
            # a sentence start or in a headline, not the village Sarrin (unless a place cue says so; a
            # word with an article, "Al-Khan", is a name).
            words = set(tokens.raws) if words is None else words
            raw = tokens.raws[m.first]
            lowered = raw.lower()
            common = lowered in _ENGLISH_WORD_NAMES or (
                lowered != raw and lowered in words and _lowercase_twin(text, lowered))
            if common and not _EN_CUE_BEFORE.search(_before_article(text, m.start)):
                continue
        word_start = m.start - len(m.clitic)
        if m.arabic and _AR_OUTLET_BEFORE.search(text[max(0, word_start - 20):word_start]):
            continue  # "قناة الميادين", "إذاعة دمشق": a media outlet, not the place
        if _government_of(text, m, word_start):
            continue  # "مقاتلين موالين لدمشق", "loyal to Damascus": the government, not the place
        strong = [h for h in m.hits if not h.needs_cue] if not m.fuzzy else []
        if strong:
            m.hits = strong + [h for h in m.hits if h.needs_cue]
            accepted.append(m)
            prev_end = m.end
            continue
        before = text[max(0, m.start - 40):m.start]
        joined = prev_end is not None and _joined(text[prev_end:m.start], m)
        if not m.arabic:
            before = _before_article(text, m.start)
            # "in Western Ghariyeh": the cue stands before the name's direction word
            before = _EN_NAME_DIRECTION.sub("", before)
        cue = (_AR_CUE_BEFORE.search(before) if m.arabic else _EN_CUE_BEFORE.search(before)) is not None
        if m.arabic and m.clitic.startswith("و") and prev_end is not None and m.start - prev_end <= 3:
            joined = True
        region_after = _region_follows(text[m.end:m.end + 40], m.arabic)
        if not m.arabic and not cue:
            # "al-Hamadaniyeh neighbourhood" (a city's quarter: the report names the city). "X village" is no
            # cue: villages share names across governorates more than quarters do.
            cue = _EN_CUE_AFTER.match(text, m.end) is not None
            # A look-alike ("Shezar town", "Harsta area") is believed in the report's governorates only
            # (`_disambiguate`): there a place word after it is cue enough.
            cue = cue or (m.fuzzy and _EN_CLOSE_CUE_AFTER.match(text, m.end) is not None)
        if m.local and m.fuzzy:
            # Three consonants say little: only where a place word or a preposition of place stands right
            # before ("the village of Hodr", "in Qasmia") or a place word right after ("Hodr front").
            if _sentence_start(text, m.start) or not (_EN_CLOSE_CUE_BEFORE.search(before)
                                                      or _EN_CLOSE_CUE_AFTER.match(text, m.end)):
                continue
            # A town of some size is known under its usual spellings (the gazetteer has them): "Massoud" is
            # no Masyaf.
            m.hits = [h for h in m.hits if h.entry.population < _SHORT_MAX_POPULATION
                      and _close_spelling(text[m.start:m.end], h.entry)]
            if not m.hits:
                continue
            cue, joined, region_after = True, False, False
        if not (m.arabic or m.fuzzy or cue or joined or region_after) and _EN_CLOSE_CUE_AFTER.match(text, m.end):
            # "Kawkab village", "Karama town": a name that is also a word, with a place word after it, in the
            # governorate its sentence names (`_disambiguate`).
            m.local = cue = True
        if cue or joined or region_after or (m.fuzzy and not _sentence_start(text, m.start)
                                                     and _telling_spelling(text[m.start:m.end], m)):
            accepted.append(m)
            prev_end = m.end
    return accepted


_EN_CLOSE_CUE_BEFORE: Final = re.compile(
    r"(?:\b(?:villages?|towns?|city|area|outskirts|vicinity|suburbs?|control)\s+of|\b(?:in|near|around|outside|into))"
    r"\s+(?:the\s+)?$", re.IGNORECASE,
)
# (past the bracket of a second spelling: "Karam (al-Karamah) village")
_EN_CLOSE_CUE_AFTER: Final = re.compile(
    r"\)?\s+(?:village|town|city|area|front|neighbou?rhood|district|camp|hill|farm|dam|oil\s?field|gas\s?field|field|"
    r"plain|valley|mountain|axis)s?\b", re.IGNORECASE)
# (A roundabout, junction or checkpoint is named after the town its road leads to: "the Kark roundabout" in Dar'a
# city is no cue for the village of Karak.)


_SHORT_MAX_POPULATION: Final = 10_000
_CLOSE_SPELLING: Final = 0.45  # edits per letter (of the longer key) a three-consonant look-alike may differ by


def _close_spelling(surface: str, entry: GazetteerEntry) -> bool:
    """Whether a spelling is close to a name of `entry` with the same vowel-blind key, letter by letter: "Hodr"
    and "Hadar" (2 edits in 5) are; "Madiunah" and "Midan" (4 in 7), "Suruj" and "Sarja" are not."""
    key = latin_skeleton_key(surface)
    spelt = "".join(latin_tokens_key(surface))
    for alias in entry.aliases_en:
        if latin_skeleton_key(alias) != key:
            continue
        other = "".join(latin_tokens_key(alias))
        if _edits(spelt, other) <= _CLOSE_SPELLING * max(len(spelt), len(other)):
            return True
    return False


def _edits(a: str, b: str) -> int:
    """Levenshtein distance."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


_TELLING_SKELETON: Final = 5  # consonants a vowel-blind spelling needs to stand without a place cue


def _telling_spelling(surface: str, m: _Match) -> bool:
    """A vowel-blind match long enough to name one place without a cue ("Quamishli", "Hwaijet Saker"): five
    consonants or more, every hit in one governorate (the report's governorates still rule, `_disambiguate`);
    not at a sentence start, where a capitalised word is as likely a person ("Oqeirbat said...")."""
    if len({h.entry.admin1 for h in m.hits}) != 1:
        return False
    return skeleton_letters(latin_skeleton_key(surface)) >= _TELLING_SKELETON


# English words spelt like a place (the nerve agent sarin, the village Sarrin; a khan, an inn or a title):
# as one word they name that place only after a place cue ("in Sarin", "the village of Sarin").
_ENGLISH_WORD_NAMES: Final = frozenset("sarin khan road".split())


def _before_article(text: str, start: int) -> str:
    """The 40 characters before a Latin match, without a trailing article ("in Ad Dana": the cue
    stands before the article)."""
    before = text[max(0, start - 40):start]
    tail = _article_tail(before)
    return before[:tail.start()] if tail else before


def _lowercase_twin(text: str, word: str) -> bool:
    """Whether `word` (lower case) stands in `text` as a word of its own, not a piece of a URL, a
    hashtag or a hyphenated slug ("aleppo-bombing")."""
    return re.search(f"(?<![\\w/.#@\\-]){re.escape(word)}(?![\\w/@\\-])", text) is not None


# Lines of page furniture: "Tags ...", "Related ...", "Read more: ...". Where the text keeps its line
# breaks the line is furniture; in a flattened page the keyword list after "Tags" runs until a word
# that opens a sentence or a lower-case function word (keywords are nouns), at most 30 words.
_METADATA_LINE: Final = re.compile(
    r"^[ \t]*(?:(?:Tags|TAGS|Tagged)\b|(?:Related(?: News| Articles| Stories| Posts| Content)?|Read [Mm]ore|READ MORE|"
    r"See [Aa]lso|Topics|Keywords|Tag)\s*(?::|$))[^\n]*$",
    re.MULTILINE,
)
_TAGS_RUN: Final = re.compile(r"(?<![\w-])(?:Tags|TAGS|Tagged)\b:?")
_TAGS_END: Final = re.compile(
    r"\b(?:The|A|An|This|These|Those|At least|According to|In|On|After)\s"
    r"|\b(?:It|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Fourteen|Fifteen|Twenty|Dozens|"
    r"Hundreds|Thousands|Scores|Several|Government|Suspected|Local|Activists|Residents|Monitors)\b(?=\s+[a-z])"
    r"|\b(?:the|a|an|of|in|on|at|to|from|by|for|with|was|were|is|are|has|have|had|and|said|says|that|who)\b"
    r"|[.!?\n]"
)
_WORD_AHEAD: Final = re.compile(r"\s*\S+")
_METADATA_HINTS: Final = ("Tag", "TAG", "Related", "ead more", "ead More", "EAD MORE", "ee also", "ee Also", "Topics",
                   "Keywords")


def metadata_spans(text: str) -> list[tuple[int, int]]:
    """Spans of page furniture in `text` (see `_METADATA_LINE`, `_TAGS_RUN`)."""
    if not any(hint in text for hint in _METADATA_HINTS):
        return []
    spans = [m.span() for m in _METADATA_LINE.finditer(text)] if "\n" in text else []
    for m in quick(_TAGS_RUN).finditer(text):
        if any(a <= m.start() < b for a, b in spans):
            continue
        limit = m.end()
        for _ in range(30):  # at most 30 keywords
            word = _WORD_AHEAD.match(text, limit)
            if word is None:
                break
            limit = word.end()
        end = _TAGS_END.search(text, m.end(), limit)
        spans.append((m.start(), end.start() if end else limit))
    return spans


def _joined(gap: str, m: _Match) -> bool:
    if m.arabic:
        return bool(_AR_LIST_JOIN.match(gap)) and gap.strip() != ""
    return bool(re.fullmatch(r"\s*(?:,|and|, and|or|/)\s*", gap))


_AR_REGION_AFTER: Final = re.compile(
    f"^\\s*[,،]?\\s*(?:[وبلف]?ريف|في\\s+ريف|(?:ب|في\\s+)?(?:ال)?بادي{_T}|(?:ب|في\\s+)?محافظ{_T}|"
    f"(?:شمال|جنوب|شرق|غرب){_Y}?\\s|قرب\\s|بالقرب\\s|على\\s+(?:طريق|{_A}طراف))"
)
_EN_REGION_AFTER: Final = re.compile(
    r"^\s*,?\s*(?:(?:a|the)\s+(?:town|village|city|area)\b|in\s+(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?"
    r"(?:countryside|province|governorate|rural)|(?:north|south|east|west)\w*\s+of\b|near\b)",
    re.IGNORECASE,
)


def _region_follows(after: str, arabic: bool) -> bool:
    return bool((_AR_REGION_AFTER if arabic else _EN_REGION_AFTER).match(after))


def _wrap(text: str, m: _Match, gaz: Gazetteer) -> _Resolved:
    """Extend a match by the region phrase around it and decide its mode."""
    entries = [h.entry for h in m.hits]
    r = _Resolved(m.start, m.end, None, entries, "place", weak=m.fuzzy or all(h.needs_cue for h in m.hits),
                  fuzzy=m.fuzzy, local=m.local,
                  cue_only=frozenset(h.entry.gazetteer_id for h in m.hits if h.needs_cue))
    before = text[max(0, m.start - 60):m.start]
    after = text[m.end:m.end + 60]
    base = m.start - len(before)
    if m.arabic:
        # Look before the proclitics of the name ("لحلب" -> "ل" + "حلب").
        before = text[max(0, m.start - len(m.clitic) - 60):m.start - len(m.clitic)]
        base = m.start - len(m.clitic) - len(before)
        if m.clitic[:1] in ("و", "ف"):
            return r  # "...الجنوبي ومطار X": what precedes the conjunction belongs to another phrase
        match = _AR_THE_RIF_BEFORE.search(before)
        if match is not None and ("ل" in m.clitic or match.group(4)):
            # "الريف الشرقي والشمالي لـX": the first side named; "الريفين الشرقي والغربي": both sides
            direction = "" if match.group(2) else _ar_direction(match.group(3))
            r.start, r.mode, r.direction = base + match.start(1), "countryside", direction
            return r
        if any(e.kind == "admin1" for e in entries) and text[m.start:m.end].endswith(("ريف دمشق",)):
            d = _AR_AFTER_DIR.match(after)
            if d:  # "ريف دمشق الغربي": a part of the governorate
                r.end, r.mode, r.direction = m.end + d.end(1), "countryside", _ar_direction(d.group(1))
                return r
        match = _AR_RIF_BEFORE.search(before)
        if match is not None:
            r.start, r.mode = base + match.start(1), "countryside"
            d = _AR_AFTER_DIR.match(after)
            if d:
                r.end, r.direction = m.end + d.end(1), _ar_direction(d.group(1))
            return r
        match = _AR_BADIA_BEFORE.search(before)
        if match is not None:
            r.start, r.mode = base + match.start(1), "desert"
            return r
        match = _AR_GOV_BEFORE.search(before)
        if match is not None:
            r.start, r.mode = base + match.start(1), "admin1"
            return r
        match = _AR_DIR_NOUN_BEFORE.search(before)
        if match is not None:
            r.start, r.mode = base + match.start(1), "near"
            r.direction = _compose([_AR_DIR_NOUN[match.group(3)], *(
                [_AR_DIR_NOUN[match.group(4)]] if match.group(4) else [])])
            if match.group(2):
                r.km = float(match.group(2))
            return r
        match = _AR_NEAR_BEFORE.search(before)
        if match is not None:
            r.start, r.mode = base + match.start(1), "near"
            return r
        return r
    # English. Each phrase below holds one of a few words: look for those first (the searches are the
    # cost of this step, and most names stand with none of them before).
    low = before.lower()
    directed = "north" in low or "south" in low or "east" in low or "west" in low or "central" in low
    rural = "countryside" in low or "rural" in low or "hinterland" in low or "country side" in low
    match = _EN_COUNTRYSIDE_OF.search(before) if rural else None
    if match is not None:
        if match.group(1):
            r.start, r.mode = base + match.start(1), "countryside"
            r.direction = _en_dir(match.group(2) or "")
        else:
            r.start, r.mode = base + match.start(3), "countryside"
            adj = _EN_BEFORE_ADJ.search(text[max(0, r.start - 30):r.start])
            if adj:
                r.start -= len(text[max(0, r.start - 30):r.start]) - adj.start(1)
                r.direction = _en_dir(adj.group(2))
        return r
    placed = _EN_PLACED_IN_COUNTRY.search(before) if directed and "of" in low else None
    if placed is not None:
        r.mode = "admin1" if placed.group(1).lower() in ("province", "governorate") else "place"
        return r
    adj = _EN_BEFORE_ADJ.search(before) if directed else None
    tail = _EN_AFTER_COUNTRYSIDE.match(after)
    if tail is not None:
        word = tail.group(2).split()[-1].lower()
        r.end = m.end + tail.end(2)
        if word in ("province", "governorate", "provinces", "governorates"):
            r.mode = "admin1"
        elif word in ("desert", "badia"):
            r.mode = "desert"
        elif word in ("outskirts", "suburbs") or (word in ("sub-district", "subdistrict") and entries) or \
                (word == "district" and any(_district_centre(e) for e in entries)):
            r.mode = "near"  # "Al-Bukamal district": the district of that town (a city's "Jobar district" is Jobar)
        else:
            r.mode = "countryside"
        inner = tail.group(3)
        if inner:
            r.direction = _en_dir(inner)
        if adj is not None:
            r.start = base + adj.start(1)
            if r.mode == "admin1" and _in_country(before, adj):
                return r  # "Syria's northern Idlib province": where the province lies in the country, all of it
            r.direction = r.direction or _en_dir(adj.group(2))
        return r
    if adj is not None and not adj.group(3) and adj.group(2)[:1].isupper():
        qualified = _qualified_name(text[m.start:m.end], adj.group(2), gaz)
        if qualified:
            # "Western Ghariyeh": the village called "Ghariyeh al-Gharbiyah", not the west of Ghariyeh
            r.start, r.candidates = base + adj.start(2), qualified
            return r
    if adj is not None:
        # "eastern Deir ez-Zor" / "southern Idlib": a part of the governorate.
        r.start, r.mode = base + adj.start(1), "countryside"
        if _in_country(before, adj) and _EN_PROVINCE_NAMED.search(text, m.start, m.end):
            r.mode = "admin1"  # "Syria's northern Hama Governorate" (named so in the gazetteer): the whole province
            return r
        link = (adj.group(3) or "").lower()
        if link.startswith(("outskirts", "suburbs")) or (link.startswith("part") and re.match(r"\s+city\b", after)):
            # "the eastern outskirts of Raqqa", "the western parts of Deir ez-Zor city": the city's edge
            r.mode, r.direction = "near", ""
            return r
        r.direction = _en_dir(adj.group(2))
        return r
    match = _EN_GOV_BEFORE.search(before) if "province" in low or "governorate" in low else None
    if match is not None:
        r.start, r.mode = base + match.start(1), "admin1"
        return r
    if any(e.gazetteer_id in gaz.countryside_admin1 for e in entries) and _in_governorate(before) \
            and not re.match(r"^\s+city\b", after, re.IGNORECASE):
        # "Sajur in Aleppo", "a village west of al-Bab, Aleppo": the governorate, not the city.
        word = _in_governorate(before)
        named = word.group(1) or word.group(2) if word is not None else None
        of_form = word is not None and word.group(2) is not None
        if of_form and not any(_names_its_governorate(e) for e in entries):
            word = None  # "the farms of Douma": Duma stands for Rif Dimashq's point, not its name
        if word is not None and not (named and (_sentence_start(before, word.start(1 if word.group(1) else 2))
                                                or named.lower() in _NOT_OF_A_GOVERNORATE)):
            r.mode = "admin1"
            return r
    near = "of" in low or "near" in low or "outside" in low or "around" in low or "close" in low or "from" in low
    match = _near_before(before) if near else None
    if match is not None:
        r.start, r.mode = base + match.start(1), "near"
        if match.group(4):
            r.direction = _en_dir(match.group(4))
            if match.group(2):
                r.km = float(match.group(2)) * (1.609 if match.group(3).lower() == "miles" else 1.0)
        elif match.group(5):  # no bearing: the town's point, and how far a place said to lie there may be
            r.km = float(match.group(5)) * (1.609 if match.group(6).lower() == "miles" else 1.0)
        return r
    return r


# "Western X" is also written "X al-Gharbiyah" / "X Gharbi" (the qualifier folds with its feminine).
_QUALIFIERS: Final = {"north": ("Shamali",), "south": ("Janubi",), "east": ("Sharqi",), "west": ("Gharbi",)}


def _qualified_name(surface: str, adjective: str, gaz: Gazetteer) -> list[GazetteerEntry]:
    """Places named `surface` plus the Arabic qualifier of a capitalised direction ("Western", "Eastern")."""
    words = _QUALIFIERS.get(_en_dir(adjective), ())
    return [e for w in words for e in gaz.lookup(f"{surface} {w}") if e.kind in ("town", "village", "site")]


_AR_OUTLET_BEFORE: Final = re.compile(
    f"(?:قنا{_T}|شبك{_T}|تلفزيون|{_A}ذاع{_T}|صحيف{_T}|جريد{_T}|وكال{_T}|موقع)\\s+$"
)
# A capital named as its government: "موالين لدمشق", "الموالية لبغداد", "loyal to Damascus", "pro-Baghdad",
# "Damascus-backed".
_CAPITALS: Final = frozenset({"Damascus", "Baghdad"})
_AR_LOYAL_BEFORE: Final = re.compile(
    f"(?:موال(?:ين|ون|ي{_T}|ي)|الموال(?:ين|ون|ي{_T}|ي)|التابع(?:ين|ون|{_T})|حليف(?:{_T})?)\\s+$"
)
_EN_LOYAL_BEFORE: Final = re.compile(r"(?:\b(?:loyal|allied|close|answerable)\s+to\s+|\bpro-\s?)$", re.IGNORECASE)
# "Damascus-backed", "the Damascus government", "Moscow defended its Damascus ally"
_EN_BACKED_AFTER: Final = re.compile(r"\s(?:government|regime|authorities|ally|allies)\b|-(?:backed|allied|aligned)\b",
                              re.IGNORECASE)


def _government_of(text: str, m: _Match, word_start: int) -> bool:
    if not any(h.entry.name in _CAPITALS and h.entry.kind in ("city", "admin1") for h in m.hits):
        return False
    if m.arabic:
        return m.clitic.endswith("ل") and _AR_LOYAL_BEFORE.search(text[max(0, word_start - 20):word_start]) is not None
    return _EN_LOYAL_BEFORE.search(text[max(0, m.start - 20):m.start]) is not None or \
        _EN_BACKED_AFTER.match(text, m.end) is not None


_AR_DUAL_RIF: Final = re.compile("[وبلف]{0,2}(?:ال)?ريف[يا] ")
_AR_DUAL_GOV: Final = re.compile("[وبلف]{0,2}(?:ال)?محافظت[يا] ")


def _share_governorate_cue(text: str, matches: list[_Match], resolved: list[_Resolved],
                           gaz: Gazetteer) -> None:
    """"محافظتا حمص ودير الزور" / "Homs and Hama provinces": a governorate cue covers the list."""
    for i in range(1, len(resolved)):
        prev, cur, m = resolved[i - 1], resolved[i], matches[i]
        dual_rif = prev.mode == "countryside" and _AR_DUAL_RIF.match(text[prev.start:prev.end])
        prev_admin1 = prev.mode == "admin1" or (prev.mode == "place" and prev.candidates and
                                                all(e.kind == "admin1" for e in prev.candidates))
        if cur.mode != "place" or (not prev_admin1 and not dual_rif):
            continue
        if not any(e.gazetteer_id in gaz.countryside_admin1 or e.kind == "admin1" for e in cur.candidates):
            continue
        gap = text[prev.end:cur.start]
        listed = gap.strip() in ("و", "، و", ",و", "، و") if m.arabic else gap.strip() in (",", "and")
        if not listed and m.arabic and _AR_DUAL_GOV.match(text[prev.start:prev.end]):
            # "محافظتي حماة وسط البلاد وحلب شمالها": the second of the two, after a word on where the first lies
            listed = m.clitic.startswith("و") and len(gap) <= 25 and not _SENTENCE_END.search(gap) and \
                not any(o.start >= prev.end and o.end <= cur.start for o in resolved)
        if listed:
            cur.mode = "countryside" if dual_rif else "admin1"
    for i in range(len(resolved) - 1, 0, -1):
        prev, cur = resolved[i - 1], resolved[i]
        plural = text[cur.start:cur.end].lower().endswith(("provinces", "governorates"))
        if plural and prev.mode == "place" and text[prev.end:cur.start].strip() in (",", "and", ", and"):
            if any(e.gazetteer_id in gaz.countryside_admin1 or e.kind == "admin1" for e in prev.candidates):
                prev.mode = "admin1"


def _pick_kind(r: _Resolved, gaz: Gazetteer) -> list[GazetteerEntry]:
    admin = [e for e in r.candidates if e.kind == "admin1"]
    other = [e for e in r.candidates if e.kind != "admin1"]
    if r.mode in ("admin1", "countryside"):
        # "eastern Hama", "Hama province": the governorate or its capital, never a namesake village
        # ("al-Hama" near Damascus) that other places of the report happen to pull towards.
        capitals = [e for e in other if e.gazetteer_id in gaz.countryside_admin1]
        if admin or capitals:
            return admin + capitals
    return other or admin


def _disambiguate(resolved: list[_Resolved], gaz: Gazetteer, text: str = "") -> None:
    for r in resolved:
        r.candidates = _pick_kind(r, gaz)
    anchors: list[tuple[int, str]] = []
    for r in resolved:
        admins = {e.admin1 for e in r.candidates}
        if len(admins) == 1:
            r.entry = r.candidates[0]
            if not r.fuzzy:  # a look-alike tells nothing of the governorate of the names around it
                anchors.append(((r.start + r.end) // 2, r.candidates[0].admin1))
    totals = Counter(a for _, a in anchors)
    # Country of each governorate: where no governorate of the report tells namesakes apart, the country
    # the report is about does ("Sulaymaniyah" in a report naming Erbil is the Iraqi city).
    country_of = {e.admin1: e.country for r in resolved for e in r.candidates}
    in_country = Counter(country_of.get(a, "") for _, a in anchors)
    for r in resolved:
        if r.entry is not None:
            continue
        mid = (r.start + r.end) // 2

        def score(entry: GazetteerEntry, mid: int = mid) -> float:
            near = sum(math.exp(-abs(pos - mid) / 60.0) for pos, a in anchors if a == entry.admin1)
            return near * 3.0 + totals.get(entry.admin1, 0) * 0.2

        # With no governorate named at all, a city of 100,000 before a namesake quarter or village
        # ("in Sulaymaniyah" alone is the Iraqi city, not the Aleppo neighbourhood).
        # A spelling that names a place outright before one it names only after a cue ("سنجار": the Iraqi
        # town, not the Idleb village) whatever the country.
        best = max(r.candidates, key=lambda e: (score(e), not r.fuzzy and e.gazetteer_id not in r.cue_only,
                                                in_country[e.country],
                                                not totals and e.kind == "city" and e.population >= 100_000,
                                                -r.candidates.index(e)))
        r.entry = best
    # A cue-only name in a country the rest of the report never names ("the towns of Hit and ..." in a
    # report about Dar'a) is a village the gazetteer lacks, not the far-away namesake.
    countries = Counter(r.entry.country for r in resolved if r.entry is not None and not r.weak)
    provinces = Counter(r.entry.admin1 for r in resolved if r.entry is not None and not r.weak)
    for r in resolved:
        if not r.weak or r.entry is None:
            continue
        if r.local:
            # "in Hodr", "the village of Qasmia", "Kawkab village in Hama": believed only as the one candidate (a
            # village or a town, no city or governorate: those are written their usual ways and need no cue) in a
            # governorate its sentence names by other places; a report naming many governorates says nothing of
            # this one otherwise.
            local = _sentence_provinces(text, r, resolved)
            named = [e for e in r.candidates if local.get(e.admin1) and e.kind not in ("admin1", "city")
                     and e.gazetteer_id not in gaz.countryside_admin1]
            r.entry = named[0] if len(named) == 1 else None
            continue
        if r.fuzzy and provinces and not provinces.get(r.entry.admin1):
            # "Oqeirbat in northeast Hama": the spelling only resembles a name; believe it in the
            # governorate the report is about, never in another one.
            r.entry = next((e for e in r.candidates if provinces.get(e.admin1)), None)
            continue
        if r.fuzzy and not provinces.get(r.entry.admin1) and (
                len({e.admin1 for e in r.candidates}) > 1
                or (r.entry.country != "Syria" and r.entry.country not in countries)):
            # A look-alike of names in several governorates, none of them the report's: nothing tells which
            # ("Maghir" resembles villages of Aleppo and Hama). Nor is a look-alike abroad believed in a
            # report that names no place of that country.
            r.entry = None
            continue
        if countries and not countries.get(r.entry.country):
            r.entry = None
        elif sum(provinces.values()) >= 3 and not provinces.get(r.entry.admin1):
            # Same idea within a country: a report about Eastern Ghouta naming "الصالحية" in a list
            # means the Ghouta village, not the Deir ez-Zor one the gazetteer happens to hold.
            r.entry = None


def _sentence_provinces(text: str, r: _Resolved, resolved: list[_Resolved]) -> Counter[str]:
    """Governorates of the places (not look-alikes, not cue-only names) named in the sentence of `r`."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, r.start)), default=0)
    end = _SENTENCE_END.search(text, r.end)
    stop = end.start() if end else len(text)
    return Counter(o.entry.admin1 for o in resolved
                   if o is not r and o.entry is not None and not o.weak and start <= o.start < stop)


_EN_CONTEXT_GAP: Final = re.compile(
    r"^(?:\s+[a-z]+){0,2}\s*(?:,\s*|\s+(?:located\s+)?(?:in|of)\s+)(?:the\s+)?$",
)
_LIST_GAP: Final = re.compile(r"^\s*(?:,|،|and|و|, and|-)?\s*$")
_AR_CONTEXT_GAP: Final = re.compile(r"^\s*[,،]?\s*(?:في\s+|ضمن\s+)?$")


def _stated_admin1(r: _Resolved, gaz: Gazetteer, regions: bool = False) -> str:
    """The governorate a region/governorate/capital mention states ("in Dar'a", "بريف دير الزور")."""
    if r.entry is None:
        return ""
    if r.mode in ("countryside", "admin1"):
        return gaz.countryside_admin1.get(r.entry.gazetteer_id, r.entry.admin1)
    if r.entry.kind == "admin1" or r.entry.gazetteer_id in gaz.countryside_admin1:
        return r.entry.admin1
    if regions and r.entry.kind == "region" and not _WIDE_REGION.search(r.entry.name):
        return r.entry.admin1  # "Al-Qusayr in Yarmouk Basin": the basin is in Dar'a
    return ""


_WIDE_REGION: Final = re.compile(r"badia|desert|euphrates|jazira|golan|qalamoun|ghab|hermon", re.IGNORECASE)


_IN_TOWN_GAP: Final = re.compile(r"^\s+(?:in|of)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$|^\s*(?:في|ب)\s*$")
_TOWN_KM: Final = 30.0
_DISTRICT_END: Final = re.compile(r"\b(?:sub-?)?district$", re.IGNORECASE)
# How far a village said to lie "south of" a town may be ("Sarrin, south of Kobani": some 30 km); fields, bases
# and stations lie in open country, further out.
_BEARING_KM: Final = 45.0
_SITE_KM: Final = 60.0
_TOWN_BEARING_KM: Final = 150.0
# A phrase of bearing or nearness opening a "near" mention (not a qualified name: "Big Khwein").
_BEARING_HEAD: Final = re.compile(
    r"(?i:near|around|outside|outskirts|vicinity|close|edge|surroundings|environs|periphery|suburbs|about|some|"
    r"\d|north|south|east|west)|[وبلف]?(?:[اأ]طراف|محيط|قرب|بالقرب|ضواحي|مشارف|تخوم|جوار|مداخل|حدود|على|نحو|"
    r"حوالي|\d|شمال|جنوب|شرق|غرب)"
)
# "X west of Y", "X village, some 10 km north of Y", "X area located east of Y": the place word and a verb of
# lying between a village and its bearing from a town.
_BEARING_GAP: Final = re.compile(
    r"^\s*,?\s*(?:(?:a|the)\s+)?(?:small\s+)?(?:(?:town|village|hamlet|area|hill|farms?|positions?)s?\s*,?\s*)?"
    r"(?:(?:which\s+(?:lies|is)|located|lying|situated|just|directly)\s+)*(?:to\s+the\s+)?$",
    re.IGNORECASE,
)


def _check_stated_town(text: str, resolved: list[_Resolved], gaz: Gazetteer) -> None:
    """"Al-Waer in Tadmor": a place said to be in a town lies near it; a namesake far away is another
    place of that name (a near one if the gazetteer has it, else dropped: the town stands)."""
    ordered = sorted((r for r in resolved if r.entry is not None), key=lambda r: r.start)
    for r, nxt in zip(ordered, ordered[1:], strict=False):
        town = nxt.entry
        if r.entry is not None and nxt.mode == "near" and _DISTRICT_END.search(text, nxt.start, nxt.end) and \
                _IN_TOWN_GAP.match(text[r.end:nxt.start]):
            nxt.locator = True  # "Tlul al-Safa in Dhameer sub-district": the district is an area around its town
            continue
        if r.entry is None or town is None or r.mode != "place":
            continue
        if nxt.mode == "near" and _BEARING_GAP.match(text[r.end:nxt.start]) and _BEARING_HEAD.match(text, nxt.start):
            # "the town of Mansura, near Al-Bab": of several Mansuras, the one near al-Bab. "Qalat Jabir west of Ein
            # Issa": a place said to lie by a town lies within reach of it (the distance the report gives, else a
            # village's walk); a namesake far away is a place the gazetteer lacks, and the town it lies by stands
            # for it (ACLED codes such a place there).
            reach = (nxt.km + 15.0) if nxt.km else _SITE_KM if r.entry.kind == "site" else _BEARING_KM
            if r.entry.population >= _SHORT_MAX_POPULATION:
                reach = max(reach, _TOWN_BEARING_KM)  # "الشرقاط جنوب الموصل": a town is placed by a city far off
            near = [e for e in r.candidates if distance_km(e.lat, e.lon, town.lat, town.lon) <= reach]
            if near and r.entry not in near:
                r.entry = min(near, key=lambda e: distance_km(e.lat, e.lon, town.lat, town.lon))
            elif not near and r.entry.kind in ("village", "town", "site") and town.kind not in ("admin1", "region") \
                    and town.gazetteer_id not in gaz.countryside_admin1:  # "east of Homs" may mean the province
                r.entry = None
            continue
        if nxt.mode != "place":
            continue
        if town.kind not in ("city", "town", "village") or r.entry.kind in ("admin1", "region", "city"):
            continue
        if town.gazetteer_id in gaz.countryside_admin1:
            continue  # "Nawa city in Dar'a": the governorate
        if not _IN_TOWN_GAP.match(text[r.end:nxt.start]):
            continue
        if distance_km(r.entry.lat, r.entry.lon, town.lat, town.lon) <= _TOWN_KM:
            continue
        near = [e for e in r.candidates if distance_km(e.lat, e.lon, town.lat, town.lon) <= _TOWN_KM]
        r.entry = near[0] if near else None


_EN_QUARTER_AFTER: Final = re.compile(r"\s+(?:neighbou?rhoods?|quarter)\b", re.IGNORECASE)
_EN_QUARTER_BEFORE: Final = re.compile(r"\b(?:neighbou?rhoods?|quarter)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_AR_QUARTER_BEFORE: Final = re.compile(f"(?:^|\\s)[وبف]?(?:حي|{_A}حياء)\\s+$")


def _check_quarter(text: str, resolved: list[_Resolved]) -> None:
    """"al-Sulaimaniyeh neighbourhood", "حي السليمانية": a city named as a neighbourhood is a namesake. In a
    report about another country, the namesake there that is no city; else a quarter the gazetteer lacks
    (dropped) rather than a city abroad."""
    countries = Counter(r.entry.country for r in resolved if r.entry is not None and not r.weak)
    for r in resolved:
        entry = r.entry
        if entry is None or r.mode != "place" or entry.kind not in ("city", "admin1"):
            continue
        before = text[max(0, r.start - 40):r.start]
        if not (_EN_QUARTER_AFTER.match(text, r.end) or _EN_QUARTER_BEFORE.search(before)
                or _AR_QUARTER_BEFORE.search(before)):
            continue
        others = Counter(countries)
        if not r.weak:
            others[entry.country] -= 1
        home = max(others, key=lambda c: others[c]) if +others else ""
        if not home or home == entry.country or others[home] <= others[entry.country]:
            continue
        quarters = [e for e in r.candidates if e.country == home and e.kind not in ("city", "admin1")]
        r.entry = quarters[0] if quarters else None


_EN_SETTLEMENT_AFTER: Final = re.compile(r"\s+(?:village|town|city)\b", re.IGNORECASE)
_EN_SETTLEMENT_BEFORE: Final = re.compile(r"\b(?:village|town|city)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_AR_SETTLEMENT_BEFORE: Final = re.compile(f"(?:^|\\s)[وبلف]?(?:ال)?(?:قري{_T}|بلد{_T}|مدين{_T})\\s+$")


def _check_settlement_word(text: str, resolved: list[_Resolved]) -> None:
    """"Hawran village in northern Afrin", "قرية حوران": a region named as a village or town is a settlement
    of that name (a namesake that is one, else one the gazetteer lacks: dropped) when the report's other places
    lie in other governorates ("Wadi Barada village" alone stands)."""
    for r in resolved:
        if r.entry is None or r.mode != "place" or r.entry.kind != "region":
            continue
        others = {_AREA.get(o.entry.admin1, o.entry.admin1) for o in resolved if o is not r and o.entry is not None}
        if not others or _AREA.get(r.entry.admin1, r.entry.admin1) in others:
            continue
        before = text[max(0, r.start - 30):r.start]
        if not (_EN_SETTLEMENT_AFTER.match(text, r.end) or _EN_SETTLEMENT_BEFORE.search(before)
                or _AR_SETTLEMENT_BEFORE.search(before)):
            continue
        settlements = [e for e in r.candidates if e.kind in ("city", "town", "village")]
        r.entry = settlements[0] if settlements else None


_SENTENCE_END: Final = re.compile(r"[.!?؟\n]")
_AREA: Final = {"Damascus": "Rif Dimashq"}  # Damascus city lies inside Rif Dimashq


def _check_report_admin1(text: str, resolved: list[_Resolved], gaz: Gazetteer) -> None:
    """A village followed, in its sentence, by a governorate it is not in, of a governorate the report
    names nowhere ("Judaydah village in eastern Hama": no Rif Dimashq Judaydah): the namesake in the
    stated governorate, else a village the gazetteer lacks (dropped)."""
    ordered = sorted(resolved, key=lambda r: r.start)
    counts = Counter(_AREA.get(r.entry.admin1, r.entry.admin1) for r in ordered if r.entry is not None)
    for index, r in enumerate(ordered):
        entry = r.entry
        if entry is None or r.mode not in ("place", "near") or entry.kind != "village":
            continue
        if entry.gazetteer_id in gaz.countryside_admin1 or counts[_AREA.get(entry.admin1, entry.admin1)] > 1:
            continue  # its governorate is named elsewhere too ("Beit Jinn ... Western Ghouta of Damascus")
        stated = ""
        for nxt in ordered[index + 1:]:
            if _SENTENCE_END.search(text, r.end, nxt.start):
                break
            stated = _stated_admin1(nxt, gaz)
            if stated:
                break
        if not stated or stated == entry.admin1:
            continue
        same = [e for e in r.candidates if e.admin1 == stated]
        r.entry = same[0] if same else None


def _check_stated_admin1(text: str, resolved: list[_Resolved], gaz: Gazetteer) -> None:
    """"X village in Dar'a": a town that is not in the governorate stated right after it is another
    place of the same name (choose that) or one the gazetteer lacks (drop it)."""
    ordered = sorted(resolved, key=lambda r: r.start)
    for index, r in enumerate(ordered[:-1]):
        if r.entry is None or r.mode != "place" or r.entry.kind in ("admin1", "region"):
            continue
        if r.entry.gazetteer_id in gaz.countryside_admin1:
            continue
        arabic = bool(_ARABIC_CHAR.search(text[r.start:r.end]))
        # Skip over the rest of a list ("X, Y and Z villages in Dar'a") to the stated context.
        k = index + 1
        while k + 1 < len(ordered) and _LIST_GAP.match(text[ordered[k - 1].end:ordered[k].start]) and \
                not _stated_admin1(ordered[k], gaz):
            k += 1
        nxt = ordered[k]
        gap = text[ordered[k - 1].end:nxt.start]
        if len(gap) > 40 or not (_AR_CONTEXT_GAP if arabic else _EN_CONTEXT_GAP).match(gap):
            continue
        stated = _stated_admin1(nxt, gaz, regions=True)
        if not stated or _AREA.get(stated, stated) == _AREA.get(r.entry.admin1, r.entry.admin1):
            continue  # "الكسوة، جنوب دمشق": Damascus city lies inside Rif Dimashq
        same = [e for e in r.candidates if e.admin1 == stated]
        r.entry = same[0] if same else None


_AR_ITS_COUNTRYSIDE: Final = re.compile(
    f"(?<![\\w])[وبلف]{{0,2}}(?:(?:ال)?ريف(?:ها|ه)(?:\\s+((?:{_AR_DIR_ADJ_RE})(?:\\s+(?:{_AR_DIR_ADJ_RE}))?))?"
    f"|الريف\\s+((?:{_AR_DIR_ADJ_RE})(?:\\s+(?:{_AR_DIR_ADJ_RE}))?)\\s+(?:للمدين{_T}|للمحافظ{_T}))(?![\\w])"
)
_AR_ITS_AIRPORT: Final = re.compile("(?<![\\w])[وبلف]{0,2}مطار(?:ها|ه)(?:\\s+العسكري)?(?![\\w])")


def _anaphora(text: str, resolved: list[_Resolved], gaz: Gazetteer) -> list[_Resolved]:
    """"ريفها الشرقي" / "الريف الشرقي للمدينة" / "ومطارها العسكري": the city named just before."""
    if not _ARABIC_CHAR.search(text) or ("ريف" not in text and "مطار" not in text):
        return []
    taken = [(r.start, r.end) for r in resolved if r.entry is not None]
    places = sorted((r for r in resolved if r.entry is not None), key=lambda r: r.start)
    out: list[_Resolved] = []

    def antecedent(pos: int) -> _Resolved | None:
        before = [r for r in places if r.end <= pos and pos - r.end <= 400 and r.entry is not None
                  and (r.entry.gazetteer_id in gaz.countryside_admin1 or r.entry.kind == "admin1")]
        return before[-1] if before else None

    for m in _AR_ITS_COUNTRYSIDE.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        ref = antecedent(m.start())
        if ref is None or ref.entry is None:
            continue
        words = m.group(1) or m.group(2) or ""
        out.append(_Resolved(m.start(), m.end(), ref.entry, [ref.entry], "countryside", _ar_direction(words)))
    for m in _AR_ITS_AIRPORT.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        ref = antecedent(m.start())
        if ref is None or ref.entry is None or ref.entry.kind == "admin1":
            continue
        name = ref.entry.name_ar.removeprefix("مدينة ")
        airport = next((e for alias in (f"مطار {name} العسكري", f"مطار {name}") for e in gaz.lookup(alias)
                        if e.kind == "site"), None)
        if airport is not None:
            out.append(_Resolved(m.start(), m.end(), airport, [airport], "place"))
    return out


# "الريف الحموي" = "ريف حماة": governorate adjectives used for its countryside (folded spellings).
_AR_DEMONYMS: Final = {
    "حموي": "Hama", "ادلبي": "Idleb", "إدلبي": "Idleb", "أدلبي": "Idleb", "حلبي": "Aleppo", "حمصي": "Homs",
    "درعاوي": "Dar'a", "ديري": "Deir ez-Zor", "رقاوي": "Ar-Raqqa", "دمشقي": "Rif Dimashq",
    "لاذقاني": "Lattakia", "حسكاوي": "Al-Hasakeh", "قنيطري": "Quneitra", "سويداوي": "As-Sweida",
}
_AR_DEMONYM_RE: Final = "|".join(_AR_DEMONYMS)
_AR_DEMONYM_COUNTRYSIDE: Final = re.compile(
    f"(?<![\\w])[وبلف]{{0,2}}(?:ال)?ريف\\s+(?:((?:{_AR_DIR_ADJ_RE})(?:\\s+(?:{_AR_DIR_ADJ_RE}))?)\\s+)?"
    f"ال({_AR_DEMONYM_RE})(?:\\s+((?:{_AR_DIR_ADJ_RE})(?:\\s+(?:{_AR_DIR_ADJ_RE}))?))?(?![\\w])"
)


def _demonym_countryside(text: str, resolved: list[_Resolved], gaz: Gazetteer) -> list[_Resolved]:
    """"الريف الحموي الشمالي", "بالريف الشرقي الديري": a governorate's countryside by its adjective."""
    if "ريف" not in text:
        return []
    taken = [(r.start, r.end) for r in resolved if r.entry is not None]
    out: list[_Resolved] = []
    for m in _AR_DEMONYM_COUNTRYSIDE.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        admin = gaz.admin1_entries.get(_AR_DEMONYMS[m.group(2)])
        if admin is not None:
            direction = _ar_direction(m.group(1) or m.group(3) or "")
            out.append(_Resolved(m.start(), m.end(), admin, [admin], "countryside", direction))
    return out


_AR_DIR_WORD: Final = {"north": "الشمالي", "south": "الجنوبي", "east": "الشرقي", "west": "الغربي"}
_DIR_WORD: Final = {"north": "Northern", "south": "Southern", "east": "Eastern", "west": "Western",
             "north-east": "North-eastern", "north-west": "North-western", "south-east": "South-eastern",
             "south-west": "South-western", "middle": "Central"}


_AR_LEADING_CONJUNCTION: Final = re.compile(
    f"^[وف](?=(?:[بل])?(?:ال)?(?:ريف|بادي|مطار|محافظ|{_A}طراف|محيط|قرب|بالقرب|شمال|جنوب|شرق|غرب|ضواحي|مشارف|"
    f"تخوم|جوار|صحراء|مداخل))"
)


def _mention(text: str, r: _Resolved, gaz: Gazetteer) -> PlaceMention | None:
    entry = r.entry
    assert entry is not None
    if _AR_LEADING_CONJUNCTION.match(text[r.start:r.end]):
        r.start += 1  # "وريف حمص": the conjunction is not part of the place
    surface = text[r.start:r.end]
    countryside_admin1 = gaz.countryside_admin1.get(entry.gazetteer_id)
    if entry.kind == "admin1":
        countryside_admin1 = entry.admin1
    if r.mode == "countryside" and countryside_admin1:
        point = gaz.countryside_point(countryside_admin1, r.direction)
        if point is None:
            return None
        if countryside_admin1 == "Rif Dimashq" and not r.direction:
            admin = gaz.admin1_entries.get("Rif Dimashq")
            if admin is not None:
                return PlaceMention(r.start, r.end, surface, admin.location(3), "admin1")
        label = f"{countryside_admin1} countryside"
        if r.direction:
            label = f"{_DIR_WORD.get(r.direction, r.direction.title())} {label}"
        slug = countryside_admin1.lower().replace(" ", "-").replace("'", "")
        admin = gaz.admin1_entries.get(countryside_admin1)
        name_ar = ""
        if admin is not None and admin.name_ar:
            # "ريف حمص الجنوبي الشرقي", whatever the report's wording ("بالريف الجنوبي الشرقي لحمص").
            place_ar = admin.name_ar.removeprefix("محافظة ").removeprefix("ريف ")
            base = "ريف دمشق" if countryside_admin1 == "Rif Dimashq" else f"ريف {place_ar}"
            words = [_AR_DIR_WORD[d] for d in r.direction.split("-") if d in _AR_DIR_WORD]
            name_ar = " ".join([base, *words])
        loc = Location(
            name=label, name_ar=name_ar, admin1=countryside_admin1,
            admin2="", country=point.country, lat=round(point.lat, 5), lon=round(point.lon, 5),
            geo_precision=2,
            gazetteer_id=f"sitrep:countryside:{slug}" + (f":{r.direction}" if r.direction else ""),
        )
        return PlaceMention(r.start, r.end, surface, loc, "region")
    if r.mode == "admin1" or entry.kind == "admin1":
        admin = entry if entry.kind == "admin1" else gaz.admin1_entries.get(countryside_admin1 or "")
        if admin is None:
            # "محافظة الحديدة": a governorate we do not know (another country) is no Syrian town.
            return None
        return PlaceMention(r.start, r.end, surface, admin.location(3), "admin1")
    if r.mode == "near" and r.km and r.direction and r.km <= 150:
        # "20 km east of Palmyra": the point that far in that direction, still only near a town.
        lat, lon = offset_point(entry.lat, entry.lon, r.direction, r.km)
        location = entry.location(2).model_copy(update={"lat": round(lat, 5), "lon": round(lon, 5)})
        return PlaceMention(r.start, r.end, surface, location, entry.kind)
    if r.mode == "countryside" and r.direction and _district_centre(entry):
        # "northern Afrin", "the eastern countryside of Salamiyah": a part of that district, not its town.
        lat, lon = offset_point(entry.lat, entry.lon, r.direction, _DISTRICT_SIDE_KM)
        location = entry.location(2).model_copy(update={"lat": round(lat, 5), "lon": round(lon, 5)})
        return PlaceMention(r.start, r.end, surface, location, "region")
    if r.mode in ("countryside", "near", "desert"):
        precision = 2
        if entry.kind == "region" and r.mode == "desert":
            precision = 2
        location = entry.location(max(precision, _default_precision(entry)))
        return PlaceMention(r.start, r.end, surface, location,
                            "region" if r.mode != "near" or r.locator else entry.kind)
    return PlaceMention(r.start, r.end, surface, entry.location(), entry.kind)


_DISTRICT_SIDE_KM: Final = 12.0  # a district reaches some 20-30 km from its town


def _names_its_governorate(entry: GazetteerEntry) -> bool:
    """A city that gives its governorate its name (Hama, Idleb, Dar'a...)."""
    name, admin1 = latin_tokens_key(entry.name), latin_tokens_key(entry.admin1)
    return bool(name) and name == admin1


def _district_centre(entry: GazetteerEntry) -> bool:
    """The town a district (mantiqa) is named after: "Afrin" of Afrin district."""
    if entry.kind not in ("city", "town") or not entry.admin2:
        return False
    district, name = latin_tokens_key(entry.admin2), latin_tokens_key(entry.name)
    return bool(district) and bool(name) and district[-1] == name[-1]


def _default_precision(entry: GazetteerEntry) -> int:
    return 3 if entry.kind == "admin1" else 2 if entry.kind == "region" else 1


def with_precision(mention: PlaceMention, geo_precision: int) -> PlaceMention:
    """A copy of `mention` with another ACLED geo-precision."""
    return replace(mention, location=mention.location.model_copy(update={"geo_precision": geo_precision}))
