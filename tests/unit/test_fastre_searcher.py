"""`fastre.searcher` / `fastre.matcher`: the pattern's search / match on short pieces of a text, same results."""

from __future__ import annotations

import re

import pytest

from processors.extract import casualties, events, lexicon, roles
from processors.extract.fastre import for_text, matcher, searcher
from sitrep.textnorm import fold_with_offsets

_TEXTS = [
    "Government troops shelled the village on Friday, wounding nine people according to local medics.",
    "Fighters backed by Turkish artillery clashed with the militia, which later withdrew from two hills.",
    "قتل أربعة عناصر من قوات النظام بقصف نفذته الفصائل على مواقعهم في ريف حماة الشمالي.",
    "وقال مصدر محلي إن اشتباكات اندلعت بين الطرفين near the border crossing, killing a guard.",
]


def _patterns() -> list[re.Pattern[str]]:
    return [p for m in (casualties, events, lexicon, roles) for p in vars(m).values() if isinstance(p, re.Pattern)]


@pytest.mark.parametrize("text", _TEXTS)
def test_same_matches_on_every_window(text: str) -> None:
    folded = fold_with_offsets(text)[0]
    for pattern in _patterns():
        search, match = searcher(pattern, folded), matcher(pattern, folded)
        picked = for_text(pattern, folded)
        for start in range(0, len(folded), 5):
            for size in (12, 28, 40):
                piece = folded[start : start + size]
                for got, want in ((search(piece), picked.search(piece)), (match(piece), picked.match(piece))):
                    assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), (
                        pattern.pattern,
                        piece,
                    )
