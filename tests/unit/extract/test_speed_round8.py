"""Round 8 speed shortcuts give the results of the code they replace (sentences written for these tests)."""

from __future__ import annotations

import random
import re

from processors.extract import casualties, events, places, roles
from processors.extract.fastre import _end_words, _prefiltered, arabic, for_text, latin, matcher, searcher
from processors.extract.roles import _SPEAKER_AFTER, _SPEAKER_BEFORE
from sitrep.textnorm import _CLAUSE_BREAK, _CLAUSE_MARK, _clause_breaks, split_clauses

_ENGLISH = (
    "Rebels said on Friday that warplanes struck Kafr Zita, killing at least 7, while the army - backed by "
    "militias - shelled Latamneh; residents of Halfaya fled from the town as well as nearby farms. The toll "
    "rose to about 12, according to medics, and nearly 30 were wounded over the past three days in Hama province."
)
_ARABIC = (
    "قال ناشطون إن الطائرات الحربية قصفت بلدة كفرزيتا، فيما استهدفت قوات النظام مدينة اللطامنة – ما أدى إلى "
    "مقتل نحو 12 شخصا؛ كما نزح سكان من حلفايا إلى القرى المجاورة، وارتفع عدد القتلى إلى 15 منذ ثلاثة أيام."
)
_MIXED = _ARABIC + " The Syrian Civil Defence (White Helmets) said 4 - or more - died, as well as a child."


def test_clause_breaks_are_the_pattern_s_matches() -> None:
    pieces = [",", " ", "\u060c", "-", "\u2013", ";", "  ", "\t", "\n", "while", "As", "as well as", "and", "x",
              "\u0648", "\u0648\u0643\u0645\u0627", "\u0641\u064a \u062d\u064a\u0646", "WHEN", "which", " - ",
              "\u00a0", "also", "Meanwhile"]
    rng = random.Random(8)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected = [m.span() for m in _CLAUSE_BREAK.finditer(text, start, end)]
        assert [m.span() for m in _clause_breaks(text, start, end)] == expected, (text, start, end)


def test_split_clauses_of_real_sentences() -> None:
    for text in (_ENGLISH, _ARABIC, _MIXED):
        for start in range(0, len(text), 7):
            for end in (len(text), start + 40, start + 90):
                end = min(end, len(text))
                expected = [m.span() for m in _CLAUSE_BREAK.finditer(text, start, end)]
                assert [m.span() for m in _clause_breaks(text, start, end)] == expected
        assert split_clauses(text)  # spans come out


def _windows(text: str) -> list[tuple[int, int]]:
    return [(a, b) for a in range(0, len(text), 3) for b in (a + 6, a + 28, a + 40, a + 80) if b <= len(text)]


def test_searchers_of_swapped_patterns_match_the_patterns() -> None:
    """Windows of a text searched through `searcher`/`matcher`/`for_text` (its script's variant) find what
    the whole pattern finds: the patterns round 8 moved onto those helpers."""
    searched = [casualties._TO_BEFORE, _SPEAKER_BEFORE, events._ORIGIN_CUE, casualties._MULTI_DAY_EN,
                casualties._AFTER_DEATHS_BEFORE, roles._CONCERN_BEFORE, events._FEATURE_TITLE]
    searched += [pattern for pattern, _ in casualties._QUALIFIERS]
    matched = [casualties._OVER_DAYS_AFTER]
    for text in (_ENGLISH, _ARABIC, _MIXED):
        for a, b in _windows(text):
            piece = text[a:b]
            for pattern in searched:
                want = pattern.search(piece)
                got = searcher(pattern, text)(piece)
                assert (got and got.span()) == (want and want.span()), (pattern.pattern[:40], piece)
                want_all = [m.span() for m in pattern.finditer(text, a, b)]
                assert [m.span() for m in for_text(pattern, text).finditer(text, a, b)] == want_all
            for pattern in matched:
                want = pattern.match(piece)
                got = matcher(pattern, text)(piece)
                assert (got and got.span()) == (want and want.span()), (pattern.pattern[:40], piece)
                want = pattern.match(text, a)
                got = for_text(pattern, text).match(text, a)
                assert (got and got.span()) == (want and want.span()), (pattern.pattern[:40], a)


def test_is_speaker_unchanged() -> None:
    for text in (_ENGLISH, _ARABIC, _MIXED):
        for start in range(0, len(text) - 5, 4):
            end = start + 5
            before, after = text[max(0, start - 28) : start], text[end : end + 40]
            slow = bool(_SPEAKER_BEFORE.search(before) or _SPEAKER_AFTER.match(after))
            assert events._is_speaker(text, start, end) == slow


def test_end_anchored_place_cues_checked_at_the_end_first() -> None:
    """`_article_tail`, `_near_before` and `_in_governorate` answer as the patterns' ``search`` does."""
    pieces = ["al", "Al", "AL", "el", "ash", "adh", "ath", "As", "AN", "at", "a\u017f", "an", "-", " ", "  ", "\n",
              "the", "of", "near", "out\u017fide", "outside", "around", "close to", "near to", "Near", "OF", "3", "km",
              "north", "x", "town", "the town of", "Maarrat", ",", "\u0130", "\u0131", "ad", "ar", "ez", "es", "ed",
              "az", "sh", "edge", "\t", "in", "IN", "district", "sub-district", "villages", "Homs,", "'"]
    rng = random.Random(88)
    cases = [(places._ARTICLE_TAIL, places._article_tail), (places._EN_NEAR_BEFORE, places._near_before),
             (places._EN_IN_GOVERNORATE, places._in_governorate)]
    found = [0, 0, 0]
    for k, (pattern, fast) in enumerate(cases):
        # The pattern's own words too (in three cases): a word added to it later is tried here.
        words = {w for w in re.findall(r"[A-Za-z]+", pattern.pattern) if len(w) > 1}
        words |= {w.capitalize() for w in words} | {w.upper() for w in words}
        choices = pieces + sorted(words)
        for _ in range(40_000):
            text = "".join(rng.choice(choices) for _ in range(rng.randint(0, 9)))
            want, got = pattern.search(text), fast(text)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), (k, text)
            found[k] += want is not None
    assert all(found)  # each pattern matched some of the texts


def test_clause_marks_cover_every_clause_break() -> None:
    """Every `_CLAUSE_BREAK` match starts at a `_CLAUSE_MARK` mark or at whitespace (`_clause_breaks` tries no
    other place): each character tried at a match's start, before each connective of the pattern."""
    words = sorted(set(re.findall(r"[a-z]+", _CLAUSE_BREAK.pattern)) - {"u"})
    candidates = [chr(c) for c in range(0x20, 0x7F)] + [chr(c) for c in range(0x2000, 0x2070)]
    candidates += [chr(c) for c in range(0x0600, 0x0700)] + ["\u00a0", "\u3001", "\uff0c", "\ufe50"]
    for char in candidates:
        if _CLAUSE_MARK.match(char) or char.isspace():
            continue
        for word in [*words, "x", "\u0643\u0645\u0627", "\u062d\u064a\u062b"]:
            for text in (f"{char} {word} x", f"{char}{word} x", f"{char} x", char):
                assert _CLAUSE_BREAK.match(text) is None, (char, text)


def test_end_word_prefilter_keeps_every_match() -> None:
    """A searcher (matcher) of a pattern ending in one of some words then whitespace, maybe an article, then ``$``
    answers as the pattern does: the test of how a piece ends only skips pieces no match can end."""
    assert _end_words(latin(roles._OPPONENT_BEFORE)) is not None  # the pattern this check was made for
    assert _end_words(latin(casualties._TO_BEFORE)) is None  # a pattern of another shape: no such test
    pieces = ["against", "with", "on", "the", "a", "an", "at", "hit", "toll ", "from", "clashed with",
              "positions of", " ", "  ", "\n", "\t", "x", "the ", "an ", "A", "The", "killing", "after", "targeted",
              "onion", "bat", "theft", "Saraqib", "-", ",", "ambushed", "fought", "and", "a ", "by", "since"]
    rng = random.Random(81)
    variants = [v for p in (roles._OPPONENT_BEFORE, events._BY_AGENT, events._SINCE_BEFORE)
                for v in (latin(p), arabic(p), p)]
    for variant in variants:
        search, match = _prefiltered(variant, variant.search), _prefiltered(variant, variant.match)
        for _ in range(8_000):
            piece = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 7)))
            want, got = variant.search(piece), search(piece)
            assert (got and got.span()) == (want and want.span()), (variant.pattern[:30], piece)
            want, got = variant.match(piece), match(piece)
            assert (got and got.span()) == (want and want.span()), (variant.pattern[:30], piece)
    for text in (_ENGLISH, _ARABIC, _MIXED):
        find = searcher(roles._OPPONENT_BEFORE, text)
        for a, b in _windows(text):
            want, got = roles._OPPONENT_BEFORE.search(text[a:b]), find(text[a:b])
            assert (got and got.span()) == (want and want.span())
