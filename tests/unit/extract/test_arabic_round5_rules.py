"""Round-5 Arabic rules: threats that govern a whole clause, tolls over "the same period", a few of
the dead named after their number, fighting told as the means of a capture, battles referred back to
with a demonstrative, and the title's event found at the title's place. Each test states one pattern
of Arabic conflict reporting.

All sentences here are written for these tests (no third-party text).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from processors.extract import extract_events
from sitrep.records import Event, Report

WHEN = datetime(2026, 3, 12, 11, 0, tzinfo=UTC)


def report(text: str, title: str = "") -> Report:
    return Report(report_id="t-ar-round5", title=title, text=text, language="ar", published_at=WHEN, fetched_at=WHEN)


def events(text: str, title: str = "") -> list[Event]:
    return extract_events(report(text, title))


@pytest.mark.parametrize(
    "text",
    [
        "هدد تنظيم داعش في رسالة على الإنترنت باستهداف الحجاج والزوار في المهرجان السنوي بالعاصمة الأوروبية"
        " عبر طائرات مسيرة محملة بالمتفجرات. وكان التنظيم قد شن في وقت سابق هجمات بطائرات مسيرة على مواقع"
        " عسكرية في سوريا.",
        "توعدت الجماعة في بيان مصور بتنفيذ عمليات واسعة ضد المدن الساحلية والموانئ ومراكز التسوق الكبرى في البلاد"
        " عبر سيارات مفخخة وقذائف صاروخية.",
    ],
)
def test_a_threat_governs_what_it_names_however_far_on(text: str) -> None:
    assert events(text) == []


def test_a_strike_told_beside_a_threat_is_still_told() -> None:
    text = (
        "قصفت طائرات حربية الثلاثاء بلدة كفرنبل في ريف إدلب الجنوبي ما أسفر عن مقتل 4 مدنيين. "
        "وهدد قائد فصيل محلي في تسجيل مصور باستهداف المطار العسكري الذي تقلع منه الطائرات."
    )
    found = events(text)
    assert found and found[0].sub_event_type == "Air/drone strike" and found[0].fatalities == 4


@pytest.mark.parametrize(
    "sentence",
    [
        "وقتل 45 جنديا من قوات النظام وحلفائها مقابل 30 من مقاتلي التنظيم خلال الفترة ذاتها.",
        "كما لقي 45 عنصرا من القوات الحكومية حتفهم في المعارك في الفترة نفسها بحسب المرصد.",
    ],
)
def test_a_toll_over_the_same_period_is_a_total(sentence: str) -> None:
    text = "اندلعت اشتباكات عنيفة الثلاثاء بين قوات النظام وتنظيم داعش في حي القدم جنوب دمشق. " + sentence
    assert all(e.fatalities not in (45, 30) for e in events(text))


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت وكالة أنباء محلية أن 2 من المستشارين كانوا بين القتلى في القصف الصاروخي على مطار عسكري في ريف حمص"
        " الاثنين.",
        "قالت مصادر إن 5 ضباط هم من بين ضحايا الغارة الجوية التي استهدفت مطار التيفور في ريف حمص الاثنين.",
    ],
)
def test_some_of_the_dead_named_after_their_number_are_not_the_toll(text: str) -> None:
    found = events(text)
    assert found and all(e.fatalities not in (2, 5) for e in found)


def test_fighting_told_as_the_means_of_a_capture_is_that_capture() -> None:
    text = "سيطرت قوات النظام الأحد على بلدة كفرنبل في ريف إدلب الجنوبي، إثر معارك عنيفة مع هيئة تحرير الشام."
    found = events(text)
    assert found and found[0].sub_event_type == "Government regains territory"
    assert "Armed clash" not in {e.sub_event_type for e in found}


def test_battles_referred_back_with_a_demonstrative_are_no_new_event() -> None:
    text = (
        "قصفت قوات النظام الاثنين بلدة كفرنبل في ريف إدلب الجنوبي بالمدفعية الثقيلة. "
        "وتأتي تلك المعارك في إطار حملة واسعة تشنها القوات الحكومية في المنطقة."
    )
    assert {e.sub_event_type for e in events(text)} == {"Shelling/artillery/missile attack"}


def test_the_title_event_is_the_one_at_the_title_place() -> None:
    title = "قصف مدفعي كثيف على مدينة دوما"
    text = (
        "قصفت قوات النظام الجمعة مدينة دوما بعشرات القذائف المدفعية. "
        "وسقطت قذائف أطلقها مسلحون على حي جرمانا في ريف دمشق ما أسفر عن مقتل مدني."
    )
    main = events(text, title)[0]
    assert main.actor1 == "Military Forces of Syria" and main.location is not None and main.location.name == "Duma"
