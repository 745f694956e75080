"""Reports whose title and lead tell no violence: a later sentence that narrates a concrete attack of the
report's own days (a violent trigger with an attacker or victims, dated by its sentence) starts an event;
statements, history, hypotheticals, condemnations, court cases and older events further down do not.

All sentences here are written for these tests (no third-party text).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from processors.extract import extract_events
from sitrep.records import Report

WHEN = datetime(2026, 3, 12, 11, 0, tzinfo=UTC)  # a Thursday


def report(title: str, text: str, language: str) -> Report:
    return Report(
        report_id=f"t-body-{language}", title=title, text=text, language=language, published_at=WHEN, fetched_at=WHEN
    )


AR_TITLE = "وفد أممي يبحث مع المعارضة ملف المعتقلين في جنيف"
AR_LEAD = (
    "بحث وفد من الأمم المتحدة مع ممثلين عن المعارضة السورية اليوم الخميس ملف المعتقلين والمفقودين في جولة "
    "جديدة من اللقاءات. وشدد أعضاء الوفد على أهمية مواصلة الحوار بين الأطراف. "
)
EN_TITLE = "UN envoy calls for a new round of talks in Geneva"
EN_LEAD = (
    "The United Nations special envoy on Thursday urged the parties to return to the negotiating table in Geneva "
    "next month. He added that a political settlement remained the only way out of the crisis. "
)


def test_arabic_body_sentence_tells_an_air_strike_of_the_day() -> None:
    text = AR_LEAD + "وفي سياق آخر، قتل خمسة مدنيين اليوم الخميس جراء غارات نفذتها طائرات حربية روسية على بلدة سراقب."
    events = extract_events(report(AR_TITLE, text, "ar"))
    assert events
    main = events[0]
    assert main.sub_event_type == "Air/drone strike"
    assert main.fatalities == 5
    assert main.actor1 == "Military Forces of Russia"
    assert main.location is not None and main.location.name == "Saraqab"
    assert main.event_date.isoformat() == "2026-03-12"


def test_arabic_humanitarian_update_with_activists_telling_shelling_of_yesterday() -> None:
    title = "آلاف العائلات النازحة بحاجة إلى مساعدات عاجلة مع اشتداد البرد"
    text = (
        "تعاني آلاف العائلات النازحة في المخيمات الشمالية من نقص حاد في الغذاء والدواء والوقود مع اشتداد البرد. "
        "وقال ناشطون إن قصفا مدفعيا لقوات النظام استهدف أمس الأربعاء بلدة سراقب، ما أدى إلى مقتل ثلاثة أطفال."
    )
    events = extract_events(report(title, text, "ar"))
    assert events
    assert events[0].sub_event_type == "Shelling/artillery/missile attack"
    assert events[0].fatalities == 3
    assert events[0].event_date.isoformat() == "2026-03-11"


def test_arabic_narrative_wa_qad_with_a_past_verb_is_told_not_background() -> None:
    text = AR_LEAD + "وقد قتل أربعة عناصر من قوات النظام اليوم الخميس في هجوم شنه مسلحون من تنظيم داعش قرب مدينة تدمر."
    events = extract_events(report(AR_TITLE, text, "ar"))
    assert events
    assert events[0].actor1 == "Islamic State"
    assert events[0].fatalities == 4


def test_english_body_sentence_tells_a_barrel_bomb_strike_of_the_day() -> None:
    text = EN_LEAD + (
        "Meanwhile, government helicopters dropped barrel bombs on the town of Saraqeb on Thursday, killing six "
        "civilians, activists said."
    )
    events = extract_events(report(EN_TITLE, text, "en"))
    assert events
    main = events[0]
    assert main.sub_event_type == "Air/drone strike"
    assert main.fatalities == 6
    assert main.location is not None and main.location.name == "Saraqab"
    assert main.event_date.isoformat() == "2026-03-12"


def test_english_aid_update_with_an_attack_told_by_the_monitor() -> None:
    title = "Aid convoy reaches families in a besieged suburb"
    text = (
        "A convoy of forty trucks carrying flour and medicine reached the besieged suburb after weeks of talks "
        "between the parties. Aid workers unloaded the trucks through the night. "
        "Earlier on Wednesday, Islamic State militants attacked army positions near the airport of Deir ez-Zor, "
        "killing nine soldiers, the monitor said."
    )
    events = extract_events(report(title, text, "en"))
    assert events
    assert events[0].actor1 == "Islamic State"
    assert events[0].fatalities == 9
    assert events[0].event_date.isoformat() == "2026-03-11"


@pytest.mark.parametrize(
    "sentence",
    [
        # an official's statement about strikes
        "وقال وزير الخارجية الفرنسي إن الغارات التي شنتها الطائرات الروسية اليوم على ريف إدلب وقتلت عشرة مدنيين "
        "تثبت الحاجة إلى هدنة.",
        # a condemnation
        "وأدانت وزارة الخارجية القطرية اليوم الخميس القصف الذي استهدف سوق بلدة سراقب وأدى إلى مقتل سبعة مدنيين.",
        # history
        "وكانت طائرات النظام قد قصفت البلدة في عام 2017 ما أدى إلى مقتل عشرين مدنيا.",
        # a hypothetical
        "وقد تشن الطائرات الحربية غارات جديدة اليوم على بلدة سراقب وتقتل عشرة مدنيين.",
        "ويخشى السكان أن تشن الطائرات الحربية غارات جديدة اليوم على بلدة سراقب وتقتل المزيد من المدنيين.",
        # a court case
        "ومثل ضابط سابق أمام المحكمة اليوم الخميس بتهمة قتل ثلاثة معتقلين تحت التعذيب.",
        # an attack of weeks before
        "وقتل ثمانية مدنيين في قصف مدفعي لقوات النظام على بلدة سراقب في العاشر من الشهر الماضي.",
    ],
)
def test_arabic_statements_history_and_features_further_down_stay_empty(sentence: str) -> None:
    assert extract_events(report(AR_TITLE, AR_LEAD + sentence, "ar")) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister said the Russian air strikes that killed ten civilians in Idlib on Thursday showed the need "
        "for a truce.",
        "The foreign ministry in Doha on Thursday condemned the shelling of a market in Saraqeb that killed seven "
        "civilians.",
        "In 2016, government warplanes bombed the town of Saraqeb, killing twenty civilians.",
        "Residents fear that warplanes could strike the town of Saraqeb again on Thursday and kill more civilians.",
        "A court in Berlin on Thursday sentenced a former officer for the torture and killing of three detainees.",
        "Government forces shelled the town of Saraqeb last month, killing twelve people.",
    ],
)
def test_english_statements_history_and_features_further_down_stay_empty(sentence: str) -> None:
    assert extract_events(report(EN_TITLE, EN_LEAD + sentence, "en")) == []


def test_a_feature_title_keeps_its_body_quiet() -> None:
    title = "تقرير: حياة النازحين في مخيمات الشمال السوري"
    text = (
        "يعيش آلاف النازحين في خيام لا تقيهم برد الشتاء ولا حر الصيف منذ سنوات. "
        "ويروي أحد السكان أن عائلته فرت من بلدتها بعد أن قصفتها الطائرات أمس الأربعاء وقتلت جارين لهم."
    )
    assert extract_events(report(title, text, "ar")) == []
