"""Text normalization shared by extraction (processors) and search (sinks).

Queries and documents must agree, so both sides call the same functions here.
All functions are pure and idempotent: ``f(f(x)) == f(x)``.
"""

from __future__ import annotations

import re
import unicodedata

# Arabic diacritics (harakat, tanween, shadda, sukun, superscript alef) and Quranic marks.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_ALEF_FORMS = str.maketrans({"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627"})
_DIGITS = str.maketrans(
    {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}
)
_QUOTES = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2018": "'",
     "\u2019": "'", "\u201a": "'", "\u2032": "'", "\u060c": ",", "\u061b": ";", "\u061f": "?"}
)
_SPACES = re.compile(r"[ \t\u00a0\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
_LATIN_LETTER = re.compile("[A-Za-z]")


def clean_text(text: str) -> str:
    """Display-preserving cleanup: NFC, digits to ASCII, straight quotes, one space, no tatweel.

    Character offsets change only where whitespace runs collapse, so evidence spans are taken
    on the cleaned text.
    """
    text = unicodedata.normalize("NFKC", text) if _needs_nfkc(text) else unicodedata.normalize("NFC", text)
    text = text.translate(_DIGITS).translate(_QUOTES).replace(_TATWEEL, "")
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def _needs_nfkc(text: str) -> bool:
    # Arabic presentation forms (ligatures in old PDFs/feeds) need compatibility decomposition.
    return any("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff" for ch in text)


def normalize_arabic(text: str) -> str:
    """Folding for matching and search: no diacritics or tatweel, one alef, ya for alef maqsura,
    ha for ta marbuta, ASCII digits. Lossy: use for keys and indexes, not for display."""
    text = _DIACRITICS.sub("", text.replace(_TATWEEL, ""))
    text = text.translate(_ALEF_FORMS).translate(_DIGITS)
    return text.replace("\u0649", "\u064a").replace("\u0629", "\u0647")


def normalize_for_match(text: str) -> str:
    """Language-neutral matching form: cleaned, Arabic-folded, lower-cased, single spaces."""
    return _SPACES.sub(" ", normalize_arabic(clean_text(text))).lower().strip()


def detect_language(text: str) -> str:
    """'ar' when Arabic letters dominate, 'en' for Latin script, '' when there is no text."""
    arabic = len(_ARABIC_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    if arabic == 0 and latin == 0:
        return ""
    return "ar" if arabic >= latin else "en"
