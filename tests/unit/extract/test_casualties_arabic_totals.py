"""Arabic numbers that are not one event's toll: raised running totals, "the number of those killed",
thousands written as words and digits. All sentences here are written for these tests."""

from __future__ import annotations

from processors.extract.casualties import find_casualties
from sitrep.textnorm import fold_with_offsets


def killed(text: str) -> list[int]:
    folded, _ = fold_with_offsets(text)
    return [c.count for c in find_casualties(folded, 0, len(folded)) if c.kind == "killed" and not c.zero]


def test_a_raised_total_is_not_the_toll() -> None:
    text = (
        "اعترف التحالف مساء أمس بمقتل سبعة مدنيين آخرين بغارات لطائراته، "
        "ما يرفع إلى 864 مدنيا عدد من قتلوا خلال ثلاثة أعوام."
    )
    assert killed(text) == [7]


def test_thousands_in_words_and_digits_are_one_number() -> None:
    assert killed("ذكرت الشبكة أن أربعة آلاف و417 مدنيا على الأقل قتلوا جراء القصف.") == []


def test_a_percentage_and_the_hundred_of_it_are_no_toll() -> None:
    assert killed("قتل 10 أشخاص في الغارات، 70 في المئة منهم من المدنيين.") == [10]


def test_tolls_over_several_days_are_totals() -> None:
    assert killed("لقي أكثر من 370 مدنيا مصرعهم، في أربعة أيام من القصف المدفعي على البلدات.") == []
    assert killed("أوضحت الهيئة أن عدد القتلى خلال يومي السبت والأحد بلغ 175 شخصا على الأقل.") == []
    assert killed("سقط 45 قتيلا اليوم، ليرتفع عدد القتلى إلى 305 أشخاص خلال 3 أيام من القصف.") == [45]
