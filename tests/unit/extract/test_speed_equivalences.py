"""Shortcuts taken for speed give the results of the slower code they replace."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime

from processors.extract import dates
from processors.extract.casualties import _may_quantify, _read_quantity, tokenize
from sitrep.textnorm import detect_language, fold_with_offsets


def test_case_traps_are_the_letters_ignorecase_folds_apart() -> None:
    """A case-insensitive rule matches a character as its lower case matches case-sensitively,
    except for the trap letters (checked on the Basic Multilingual Plane)."""
    probes = [*"abcdefghijklmnopqrstuvwxyz", "[a-z]", r"\w", r"\s", r"\d", "[0-3]", "-", "\u2013"]
    folding = [re.compile(p, re.I) for p in probes]
    plain = [re.compile(p) for p in probes]
    apart = set()
    for code in range(0x10000):
        char = chr(code)
        lower = char.lower() if len(char.lower()) == 1 else char
        if any(bool(f.fullmatch(char)) != bool(p.fullmatch(lower)) for f, p in zip(folding, plain, strict=True)):
            apart.add(char)
    assert apart == set(dates._CASE_TRAPS.pattern.strip("[]"))


def test_dates_the_same_with_and_without_the_lower_case_shortcut() -> None:
    published = datetime(2018, 5, 1, 12, tzinfo=UTC)
    texts = [
        "On Tuesday, 3 April 2018, jets struck Douma; on March 28 and between 2 and 4 May shelling went on.",
        "SUNDAY'S raid (APRIL 29) followed strikes last week, earlier this month and 3 days ago.",
        "Fighting since January 2018 and in February; the past 48 hours saw clashes overnight.",
        "İdlib, Kılıç ſ: on sunday 3 april the army said; ON MONDAY 30 APRIL more died.",
    ]
    for text in texts:
        fast = dates.find_dates(text, "en", published)
        saved = dates._CASE_TRAPS
        dates._CASE_TRAPS = re.compile("[\\s\\S]")  # every text a trap: the slow path throughout
        try:
            slow = dates.find_dates(text, "en", published)
        finally:
            dates._CASE_TRAPS = saved
        assert fast == slow, text


def test_may_quantify_covers_every_number_reading() -> None:
    text = (
        "killing 5, twenty-one, twenty - one, three hundred, 1,200 and 3.5 million; خمسة عشر وعشرين "
        "عنصرين عشرات مئات ثلاثة آلاف و259 dozens several the a man الف"
    )
    tokens = tokenize(text)
    for i, token in enumerate(tokens):
        if not _may_quantify(token.text):
            assert _read_quantity(tokens, i) is None, token.text


def _old_detect_language(text: str) -> str:
    arabic = len(re.findall("[\u0600-\u06ff]", text))
    latin = len(re.findall("[A-Za-z]", text))
    if arabic == 0 and latin == 0:
        return ""
    return "ar" if arabic >= latin else "en"


def _old_fold(text: str) -> tuple[str, list[int] | None]:
    from sitrep.textnorm import _FOLD_DROPPED, _FOLD_TABLE

    folded = text.translate(_FOLD_TABLE).lower()
    if len(folded) == len(text):
        return folded, None
    positions = [i for i, ch in enumerate(text) if ord(ch) not in _FOLD_DROPPED]
    if len(positions) != len(folded):
        chars: list[str] = []
        positions = []
        for i, ch in enumerate(text):
            for out in ch.translate(_FOLD_TABLE).lower():
                chars.append(out)
                positions.append(i)
        folded = "".join(chars)
    return folded, positions


def test_language_and_fold_offsets_match_the_per_character_code() -> None:
    rng = random.Random(7)
    from sitrep.textnorm import _FOLD_TABLE

    alphabet = [chr(c) for c in range(0x700)] + [chr(k) for k in _FOLD_TABLE] + ["\u0130", "\ud800", "\u2028"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        assert detect_language(text) == _old_detect_language(text), repr(text)
        assert fold_with_offsets(text) == _old_fold(text), repr(text)


def test_inside_matches_the_pairwise_test() -> None:
    from processors.extract.mentions import _Inside

    rng = random.Random(3)
    for _ in range(5000):
        spans = [(a, a + rng.randint(0, 6)) for a in (rng.randint(0, 20) for _ in range(rng.randint(0, 6)))]
        start = rng.randint(0, 25)
        end = start + rng.randint(0, 6)
        expected = any((s <= start < e or s < end <= e) and end != e and end <= e for s, e in spans)
        assert _Inside(spans).ends_within(start, end) == expected, (spans, start, end)


def test_anchor_spans_are_those_of_the_alternation() -> None:
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice("abca ") for _ in range(rng.randint(0, 30)))
        triggers = tuple("".join(rng.choice("abc") for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 4)))
        pattern = re.compile("|".join(re.escape(t) for t in sorted(triggers, key=len, reverse=True)))
        assert dates._anchor_spans(text, triggers) == [m.span() for m in pattern.finditer(text)], (text, triggers)


def test_sentence_ends_are_those_of_finditer() -> None:
    from sitrep.textnorm import _SENTENCE_END, _sentence_ends

    rng = random.Random(11)
    alphabet = [*"ab .!?;:\n\"')] \t", "\u06d4", "\u061f", "\u00a0"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        assert [m.span() for m in _sentence_ends(text)] == [m.span() for m in _SENTENCE_END.finditer(text)], text
