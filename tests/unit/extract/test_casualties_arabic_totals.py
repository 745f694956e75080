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
        "أقر التحالف اليوم بمقتل تسعة مدنيين إضافيين في ضربات جوية، "
        "ما يرفع إلى 892 مدنيا عدد من قتلوا خلال أربعة أعوام."
    )
    assert killed(text) == [9]


def test_thousands_in_words_and_digits_are_one_number() -> None:
    assert killed("قالت المنظمة إن ما لا يقل عن ستة آلاف و259 مدنيا قتلوا في الغارات.") == []


def test_a_percentage_and_the_hundred_of_it_are_no_toll() -> None:
    assert killed("قتل 10 أشخاص في الغارات، 70 في المئة منهم من المدنيين.") == [10]


def test_tolls_over_several_days_are_totals() -> None:
    assert killed("لقي أكثر من 400 مدني مصرعهم، في خمسة أيام من الغارات الجوية على المنطقة.") == []
    assert killed("قالت الجمعية إن عدد القتلى خلال يومي الاثنين والثلاثاء بلغ 260 شخصا على الأقل.") == []
    assert killed("سقط 45 قتيلا اليوم، ليرتفع عدد القتلى إلى 305 أشخاص خلال 3 أيام من القصف.") == [45]
