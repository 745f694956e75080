"""`fastre.found_in`: whether a pattern matches somewhere in a text, the same answer as ``search``."""

from __future__ import annotations

import re

import pytest

from processors.extract import casualties, events, lexicon, roles
from processors.extract.fastre import _literal_strings, found_in
from sitrep.textnorm import fold_with_offsets

_TEXTS = [
    "Turkish jets struck YPG positions near Afrin on Tuesday, killing at least 11 fighters, a monitor said.",
    "Rebels vowed to retaliate if the ceasefire collapsed, denying any role in the bombing of the base.",
    "The truce held for a week; such raids have repeatedly hit the town in the past, residents said.",
    "قصفت الطائرات الحربية بلدة في ريف إدلب الجنوبي، ما أدى إلى مقتل خمسة مدنيين بينهم طفلان.",
    "نفت الفصائل أي دور في التفجير، وهددت بالرد إذا انهارت الهدنة، بعد يومين من مقتل 3 عناصر.",
    "وقالت وكالة (AFP) إن وقف إطلاق النار صمد رغم مقتل شخصين in the north.",
]


def _patterns() -> list[re.Pattern[str]]:
    return [p for m in (casualties, events, lexicon, roles) for p in vars(m).values() if isinstance(p, re.Pattern)]


def test_literal_alternations_are_read_as_strings() -> None:
    assert _literal_strings(re.compile(r"kill|killed|dead|cease-?fire")) is None  # "-?" repeats: no strings
    assert _literal_strings(re.compile(r"kill|killed|dead|truce")) == ("dead", "kill", "truce")
    assert _literal_strings(re.compile(r"(?:kill|dead)ed|[ab]c")) == ("ac", "bc", "deaded", "killed")
    assert _literal_strings(re.compile(r"\bkill")) is None
    assert _literal_strings(re.compile(r"kill", re.IGNORECASE)) is None


@pytest.mark.parametrize("text", _TEXTS)
def test_same_answer_as_search(text: str) -> None:
    folded = fold_with_offsets(text)[0]
    for pattern in _patterns():
        assert found_in(pattern, folded) == (pattern.search(folded) is not None), pattern.pattern
        for end in range(0, len(folded) + 1, 7):
            window = folded[max(0, end - 30) : end]
            assert found_in(pattern, window) == (pattern.search(window) is not None), pattern.pattern
