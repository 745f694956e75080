"""Tolls: number words, duals, qualifiers, and the numbers that are not an event's casualties.

All sentences here are written for these tests (no third-party text).
"""

from __future__ import annotations

import pytest

from processors.extract.casualties import find_casualties
from sitrep.textnorm import fold_with_offsets


def tolls(text: str) -> list[tuple[str, int, str]]:
    folded, _ = fold_with_offsets(text)
    return [(c.kind, c.count, c.qualifier) for c in find_casualties(folded, 0, len(folded)) if not c.zero]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل ثلاثة مدنيين بقصف على البلدة", [("killed", 3, "exact")]),
        ("مقتل خمسة عشر عنصرا من الفصائل", [("killed", 15, "exact")]),
        ("مقتل عنصرين من قوات النظام", [("killed", 2, "exact")]),
        ("سقوط قتيلين في القصف", [("killed", 2, "exact")]),
        ("مقتل خمسة وعشرين مقاتلا", [("killed", 25, "exact")]),
        ("مقتل ما لا يقل عن ١٢ عنصرا", [("killed", 12, "at_least")]),
        ("قتل نحو 30 شخصا", [("killed", 30, "about")]),
        ("مقتل أكثر من 20 مسلحا", [("killed", 20, "more_than")]),
        ("مقتل عنصر من الشرطة", [("killed", 1, "exact")]),
        (
            "At least 7 soldiers were killed and 12 wounded",
            [("killed", 7, "at_least"), ("injured", 12, "exact")],
        ),
        ("The strike killed about forty-two people", [("killed", 42, "about")]),
        ("More than 10 civilians died in the raid", [("killed", 10, "more_than")]),
        ("a soldier was killed by a sniper", [("killed", 1, "exact")]),
        ("killing one rebel fighter", [("killed", 1, "exact")]),
        ("قتل عشرات العناصر في الهجوم", [("killed", 12, "convention")]),
        ("Dozens of fighters were killed", [("killed", 12, "convention")]),
        ("An unknown number of fighters were killed, coded as 10.", [("killed", 10, "convention")]),
    ],
)
def test_tolls_are_read(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert tolls(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ليرتفع إلى 305 عدد القتلى منذ بدء العملية",
        "bringing the death toll since May to 305",
        "نزوح 3000 شخص من القرى",
        "thousands of people were displaced, 4000 fled",
        "قصفت الطائرات 12 قرية بـ 40 غارة",
        "The army fired 30 rockets at 5 villages killing nobody",
        "خلال الـ 24 ساعة الماضية",
        "in 2017 the town fell",
        "استشهد طفل يبلغ من العمر 12 عاما",
        "قضت المحكمة بإعدام 5 أشخاص",
        "a court sentenced 9 men to death",
        "ارتفعت نسبة القتلى 40 بالمئة",
        "the 4th Division lost ground",
        "وقتل 12 ألف شخص منذ بداية الحرب",
    ],
)
def test_numbers_that_are_not_an_events_toll(text: str) -> None:
    counts = [count for _, count, _ in tolls(text)]
    assert all(c not in (305, 3000, 4000, 12, 40, 30, 5, 24, 2017, 9, 4, 12000) for c in counts), counts


def test_subsets_are_not_added() -> None:
    assert tolls("قتل خمسة عشر مدنيا بينهم 3 أطفال") == [("killed", 15, "exact")]
    assert tolls("killing 12 people, including 4 children") == [("killed", 12, "exact")]


def test_zero_statements() -> None:
    folded, _ = fold_with_offsets("Neither injuries nor fatalities were reported.")
    found = find_casualties(folded, 0, len(folded))
    assert found and found[0].zero and found[0].count == 0
    folded, _ = fold_with_offsets("دون وقوع إصابات بشرية")
    assert any(c.zero for c in find_casualties(folded, 0, len(folded)))
