"""Text normalization shared by extraction (processors) and search (sinks).

Queries and documents must agree, so both sides call the same functions here.
All functions are pure and idempotent: ``f(f(x)) == f(x)``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

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
# str.translate looks up every character of non-ASCII text (~30 µs per KB each); substituting only
# the characters these patterns find gives the same result several times faster.
_ALEF_FORM = re.compile("[\u0622\u0623\u0625\u0671]")
_ARABIC_DIGIT = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_CURLY_QUOTE = re.compile("[" + "".join(chr(c) for c in _QUOTES) + "]")
_SPACES = re.compile(r"[ \t\u00a0\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+")


def clean_text(text: str) -> str:
    """Display-preserving cleanup: NFC, digits to ASCII, straight quotes, one space, no tatweel.

    Character offsets change only where whitespace runs collapse, so evidence spans are taken
    on the cleaned text.
    """
    text = unicodedata.normalize("NFKC", text) if _needs_nfkc(text) else unicodedata.normalize("NFC", text)
    if _TATWEEL in text:  # marks a tatweel kept apart may need reordering once it is gone
        text = unicodedata.normalize("NFC", text.replace(_TATWEEL, ""))
    text = _translate_if(text, _ARABIC_DIGIT, _DIGITS)
    text = _translate_if(text, _CURLY_QUOTE, _QUOTES)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def _translate_if(text: str, present: re.Pattern[str], table: dict[int, str]) -> str:
    """``text.translate(table)``, by regex substitution: only the few matching characters cost."""
    return present.sub(lambda match: table[ord(match.group())], text)


_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def _needs_nfkc(text: str) -> bool:
    # Arabic presentation forms (ligatures in old PDFs/feeds) need compatibility decomposition.
    # A regex search, not a per-character loop: ~20x faster on a 1 KB report (the sink folds every one).
    return _PRESENTATION_FORMS.search(text) is not None


def normalize_arabic(text: str) -> str:
    """Folding for matching and search: no diacritics or tatweel, one alef, ya for alef maqsura,
    ha for ta marbuta, ASCII digits. Lossy: use for keys and indexes, not for display."""
    text = _DIACRITICS.sub("", text.replace(_TATWEEL, ""))
    text = _translate_if(_ALEF_FORM.sub("\u0627", text), _ARABIC_DIGIT, _DIGITS)
    return text.replace("\u0649", "\u064a").replace("\u0629", "\u0647")


def normalize_for_match(text: str, *, cleaned: bool = False) -> str:
    """Language-neutral matching form: cleaned, Arabic-folded, lower-cased, single spaces.

    ``cleaned``: ``text`` is already the output of :func:`clean_text` (reports on ``reports.clean``),
    so cleaning it again is skipped; the result is the same, ``clean_text`` being idempotent."""
    text = _SPACES.sub(" ", normalize_arabic(text if cleaned else clean_text(text))).lower().strip()
    if "\n " in text or " \n" in text:  # a line that began or ended with a dropped mark
        text = "\n".join(line.strip() for line in text.split("\n"))
    return text


# Letters counted on the UTF-8 bytes (no string per letter): U+0600-U+06FF are the characters whose
# lead byte is D8-DB, A-Z and a-z are single bytes.
_ARABIC_LEAD_BYTES = bytes(range(0xD8, 0xDC))
_NOT_LATIN_BYTES = bytes(b for b in range(256) if not (0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A))


def detect_language(text: str) -> str:
    """'ar' when Arabic letters dominate, 'en' for Latin script, '' when there is no text."""
    encoded = text.encode("utf-8", "surrogatepass")
    arabic = len(encoded) - len(encoded.translate(None, _ARABIC_LEAD_BYTES))
    latin = len(encoded.translate(None, _NOT_LATIN_BYTES))
    if arabic == 0 and latin == 0:
        return ""
    return "ar" if arabic >= latin else "en"


# --- Matching with offsets, clitics, sentences (used by processors.extract) -------------------------

_FOLD_TABLE: dict[int, int | str | None] = {
    **{ord(ch): None for ch in "\u0640"},
    **{cp: None for cp in range(0x0610, 0x061B)},
    **{cp: None for cp in range(0x064B, 0x0660)},
    0x0670: None,
    **{cp: None for cp in range(0x06D6, 0x06EE)},
    0x0622: "\u0627", 0x0623: "\u0627", 0x0625: "\u0627", 0x0671: "\u0627",
    0x0649: "\u064a", 0x0629: "\u0647",
    **{0x0660 + i: str(i) for i in range(10)},
    **{0x06F0 + i: str(i) for i in range(10)},
    0x201C: '"', 0x201D: '"', 0x201E: '"', 0x00AB: '"', 0x00BB: '"', 0x2018: "'", 0x2019: "'",
    0x201A: "'", 0x2032: "'", 0x060C: ",", 0x061B: ";", 0x061F: "?",
    0x00A0: " ", 0x200B: " ", 0x200C: " ", 0x200D: " ", 0x200E: " ", 0x200F: " ", 0xFEFF: " ",
    0x2013: "-", 0x2014: "-", 0x2010: "-", 0x2011: "-", 0x2012: "-",
    0x202A: " ", 0x202B: " ", 0x202C: " ", 0x202D: " ", 0x202E: " ",
    0x2066: " ", 0x2067: " ", 0x2068: " ", 0x2069: " ", 0x0009: " ", 0x000D: " ",
}
_FOLD_DROPPED = frozenset(k for k, v in _FOLD_TABLE.items() if v is None)
_FOLD_DROPPED_CHAR = re.compile("[" + "".join(re.escape(chr(k)) for k in sorted(_FOLD_DROPPED)) + "]")
# str.translate looks every character up (~50 us for a 2 KB Arabic report); replacing just the mapped
# characters the text holds gives the same string, as no replacement is itself mapped (checked here).
_FOLD_CHAR = re.compile("[" + "".join(re.escape(chr(k)) for k in sorted(_FOLD_TABLE)) + "]")
_FOLD_BY_CHAR = {chr(k): "" if v is None else v if isinstance(v, str) else chr(v) for k, v in _FOLD_TABLE.items()}
_FOLD_CHAINS = not any(ch in _FOLD_BY_CHAR for out in _FOLD_BY_CHAR.values() for ch in out)


def _fold_chars(text: str) -> str:
    """``text.translate(_FOLD_TABLE)``."""
    if not _FOLD_CHAINS:
        return text.translate(_FOLD_TABLE)
    for char in set(_FOLD_CHAR.findall(text)):
        text = text.replace(char, _FOLD_BY_CHAR[char])
    return text


def fold_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """Matching form of ``text`` that keeps offsets: returns ``(folded, positions)``.

    ``folded`` has the folds of :func:`normalize_arabic` plus lower case, straight quotes, ASCII
    digits, Arabic punctuation as Latin, and every space-like character as one ``" "`` (runs are
    *not* collapsed). Each folded character comes from one original character; ``positions[i]`` is
    the original index of ``folded[i]`` (``None`` when no character was dropped: identity).
    """
    folded = _fold_chars(text).lower()
    if len(folded) == len(text):
        return folded, None
    positions: list[int] = []  # every index but the dropped characters', a range at a time
    kept_from = 0
    for dropped in _FOLD_DROPPED_CHAR.finditer(text):
        positions.extend(range(kept_from, dropped.start()))
        kept_from = dropped.end()
    positions.extend(range(kept_from, len(text)))
    if len(positions) != len(folded):  # lower() changed a length (e.g. 'İ'): fall back per char
        chars: list[str] = []
        positions = []
        for i, ch in enumerate(text):
            for out in ch.translate(_FOLD_TABLE).lower():
                chars.append(out)
                positions.append(i)
        folded = "".join(chars)
    return folded, positions


def original_span(positions: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """Map a ``[start, end)`` span of a :func:`fold_with_offsets` string back to the original."""
    if positions is None or start >= end:
        return start, end
    return positions[start], positions[end - 1] + 1


# Proclitics written attached to Arabic words: conjunctions و ف, prepositions ب ل ك, article ال.
_CLITIC = re.compile("^(?:[\u0648\u0641](?=..))?(?:[\u0628\u0643\u0644](?=..))?(?:\u0627\u0644(?=..))?")
_LIL = re.compile("^(?:[\u0648\u0641])?\u0644\u0644(?=..)")  # لل = ل + ال


def strip_clitics(word: str) -> str:
    """Remove the proclitics و ف ب ل ك ال from a (folded) Arabic word: ``"وبالقصف" -> "قصف"``.

    Leaves at least two letters, so short words are not eaten; idempotent on the result only as
    far as the stem does not itself start with a clitic-looking letter (use on tokens, not keys).
    """
    if not word or not ("\u0600" <= word[0] <= "\u06ff"):
        return word
    lil = _LIL.match(word)
    if lil:
        return word[lil.end():]
    return word[_CLITIC.match(word).end():]  # type: ignore[union-attr]


_SENTENCE_END = re.compile(r"(?<=[.!?\u06d4\u061f])[\"')\]]*\s+|\n+|(?<=[;:])\s+(?=\S)")
_ABBREV = re.compile(r"(?:\b(?:mr|mrs|ms|dr|st|gen|col|lt|maj|capt|sgt|u\.s|u\.n|no|approx|jan|feb|mar|apr|"
                     r"jun|jul|aug|sep|sept|oct|nov|dec|vs|etc|e\.g|i\.e)|\b[a-z])\.$", re.IGNORECASE)


# Where a `_SENTENCE_END` match can start: after one of its marks, or at a line break. Trying the pattern
# only there gives `finditer`'s matches without its attempt at every character (~6x faster).
_SENTENCE_END_AT = re.compile("[.!?\u06d4\u061f;:]|\n")


def _sentence_ends(text: str) -> Iterator[re.Match[str]]:
    """``_SENTENCE_END.finditer(text)``."""
    after = 0
    for mark in _SENTENCE_END_AT.finditer(text):
        at = mark.start() if mark.group() == "\n" else mark.end()
        if at < after:
            continue
        match = _SENTENCE_END.match(text, at)
        if match:
            yield match
            after = match.end()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``: ends at . ! ? ؟ ۔ ; : and line breaks.

    Abbreviations ("Gen.", "U.S.") and decimals do not end a sentence. Spans are trimmed and
    never empty; together they cover every non-space character in order.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _sentence_ends(text):
        end = match.start()
        piece = text[start:end]
        if "\n" not in match.group() and _ABBREV.search(piece[-12:]):
            continue
        _append_trimmed(text, start, end, spans)
        start = match.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


_CLAUSE_BREAK = re.compile(
    r"[,\u060c]\s*(?=(?:\u0648|\u0641)?(?:\u0643\u0645\u0627|\u0641\u064a\u0645\u0627|\u0628\u064a\u0646\u0645\u0627|"
    r"\u062d\u064a\u062b|\u0641\u064a \u062d\u064a\u0646|\u0643\u0627\u0646|\u0643\u0630\u0644\u0643|"
    r"\u0641\u064a \u0627\u0644\u0648\u0642\u062a|\u0627\u0644\u064a \u0630\u0644\u0643|"
    r"\u0627\u0644\u062a\u064a|\u0627\u0644\u0630\u064a|\u0627\u0644\u0630\u064a\u0646|"
    r"\u0646\u062a\u064a\u062c\u0647|\u0627\u062b\u0631|\u0639\u0642\u0628|"
    r"while|whereas|meanwhile|and meanwhile|as well as|in addition|also|which|after which|where|"
    r"when|as)\b)|\s+-\s+|\s*\u2013\s*|;\s*",
    re.IGNORECASE,
)


def split_clauses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Clause spans inside ``text[start:end]``: breaks at a comma before a clause connective
    (كما، فيما، بينما، حيث، في حين، while, meanwhile...) and at dashes."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _clause_breaks(text, start, end):
        _append_trimmed(text, cursor, match.start(), spans)
        cursor = match.end()
    _append_trimmed(text, cursor, end, spans)
    return spans


# Every `_CLAUSE_BREAK` match holds one of these marks, with only whitespace before it in the match.
_CLAUSE_MARK = re.compile(r"[,\u060c\-\u2013;]")


def _clause_breaks(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``_CLAUSE_BREAK.finditer(text, start, end)``, the pattern tried only where a match can start: at a
    mark of `_CLAUSE_MARK` or in the whitespace right before it (not at every character: ~4x faster)."""
    after = start
    for mark in _CLAUSE_MARK.finditer(text, start, end):
        at = mark.start()
        if at < after:
            continue
        first = at
        while first > after and text[first - 1].isspace():  # (\s is str.isspace)
            first -= 1
        for pos in range(first, at + 1):
            match = _CLAUSE_BREAK.match(text, pos, end)
            if match:
                yield match
                after = match.end()
                break
