"""`fastre.latin` / `fastre.arabic`: the Latin (Arabic) variant of a pattern finds the same matches on text
without Arabic (Latin) letters."""

from __future__ import annotations

import re

import pytest

from processors.extract import casualties, events, lexicon, roles
from processors.extract.fastre import arabic, for_text, has_arabic, latin
from sitrep.textnorm import fold_with_offsets

_SENTENCES = [
    "Turkish jets struck YPG positions near Afrin on Tuesday, killing at least 11 fighters, a monitor said.",
    "A car bomb exploded near a checkpoint in Azaz, wounding 14 people, including four children.",
    "Government forces and allied militias clashed with rebels since the start of the offensive in 2015.",
    "No casualties were reported; the army said it had repelled an attack by militants backed by Turkey.",
    "The death toll rose to 40, the Syrian Observatory for Human Rights said, according to activists.",
    "Rebels vowed to retaliate if the ceasefire collapsed, denying any role in the bombing [of] the base.",
]


def _patterns() -> list[re.Pattern[str]]:
    return [p for m in (casualties, events, lexicon, roles) for p in vars(m).values() if isinstance(p, re.Pattern)]


def test_arabic_alternatives_are_dropped() -> None:
    pattern = re.compile(r"(?<!\w)(?:قتل|مقتل)(?!\w)|\b(?:killed|dead)\b|(?:ضد|مع|\bagainst)\s*$")
    assert latin(pattern).pattern == r"\b(?:killed|dead)\b|(?:\bagainst)\s*$"
    assert latin(re.compile(r"قتل|مقتل")).search("killed") is None


def test_groups_and_mixed_sets_are_kept() -> None:
    assert latin(re.compile(r"(قتل)|(killed)")).pattern == r"(قتل)|(killed)"  # group numbers would move
    assert latin(re.compile(r"[وa]?kill|[و]?قتل")).pattern == r"[وa]?kill"
    assert latin(re.compile(r"(?:x|قتل)?y")).pattern == r"(?:x)?y"


@pytest.mark.parametrize("text", _SENTENCES)
def test_same_matches_without_arabic(text: str) -> None:
    folded = text.lower()
    assert not has_arabic(folded)
    for pattern in _patterns():
        variant = latin(pattern)
        for end in range(0, len(folded) + 1, 5):
            window = folded[max(0, end - 40) : end]
            a, b = pattern.search(window), variant.search(window)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), pattern.pattern
        assert [(m.span(), m.groups()) for m in pattern.finditer(folded)] == [
            (m.span(), m.groups()) for m in variant.finditer(folded)
        ]


_ARABIC_SENTENCES = [
    "قصفت الطائرات الحربية بلدة في ريف إدلب الجنوبي، ما أدى إلى مقتل خمسة مدنيين بينهم طفلان.",
    "ودارت اشتباكات عنيفة بين قوات النظام والمسلحين الموالين لها وهيئة تحرير الشام على محاور ريف حماة.",
    "وأفاد المرصد السوري لحقوق الإنسان بارتفاع عدد القتلى إلى 40 منذ بدء العملية العسكرية في عام 2015.",
    "نفت الفصائل أي دور في التفجير، وهددت بالرد إذا انهارت الهدنة، بعد يومين من مقتل 3 عناصر.",
    "وقالت مصادر إن الطائرات ستشن غارات جديدة على مواقع تنظيم داعش قرب الحدود مع تركيا.",
    "ارتفعت حصيلة القتلى جراء القصف إلى 12 شخصاً، من بينهم 4 أطفال، ولا يزال عدد الجرحى غير معروف.",
]


def test_arabic_text_without_latin_letters_drops_latin_alternatives() -> None:
    pattern = re.compile(r"(?<!\w)(?:قتل|مقتل)(?!\w)|\b(?:killed|dead)\b|(?:ضد|مع|\bagainst)\s*$")
    assert arabic(pattern).pattern == r"(?<!\w)(?:قتل|مقتل)(?!\w)|(?:ضد|مع)\s*$"
    assert arabic(re.compile(r"(قتل)|(killed)")).pattern == r"(قتل)|(killed)"  # group numbers would move
    # Under re.IGNORECASE "i" also matches the dotless ı, "k" the Kelvin sign: both count as Latin letters.
    assert has_arabic("قتل ı") and for_text(re.compile(r"قتل|kill", re.I), "قتل ı").pattern == "قتل|kill"


def test_arabic_text_picks_its_variant() -> None:
    pattern = events._THREAT
    assert for_text(pattern, "قالت مصادر ان الطائرات ستشن غارات") is arabic(pattern) is not pattern
    assert for_text(pattern, "قالت مصادر (cnn) ان الطائرات ستشن غارات") is pattern  # a Latin letter: all
    assert has_arabic("a و b") and not has_arabic("plain text")


@pytest.mark.parametrize("text", _ARABIC_SENTENCES)
def test_same_matches_without_latin(text: str) -> None:
    folded = fold_with_offsets(text)[0]
    assert has_arabic(folded)
    for pattern in _patterns():
        variant = arabic(pattern)
        for end in range(0, len(folded) + 1, 5):
            window = folded[max(0, end - 40) : end]
            a, b = pattern.search(window), variant.search(window)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), pattern.pattern
        assert [(m.span(), m.groups()) for m in pattern.finditer(folded)] == [
            (m.span(), m.groups()) for m in variant.finditer(folded)
        ]
