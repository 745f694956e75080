"""Arabic report kinds that are not conflict events (plots, criminal cases, analysis, state statements)
and leads that only say a force encircles a town, with interceptions.

All sentences here are written for these tests (no third-party text).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from processors.extract import extract_events
from sitrep.records import Report

WHEN = datetime(2026, 3, 12, 11, 0, tzinfo=UTC)


def report(text: str, title: str = "") -> Report:
    return Report(report_id="t-ar-kinds", title=title, text=text, language="ar", published_at=WHEN, fetched_at=WHEN)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a plot that was only planned, heard in court
        (
            "التفجير الذي خطط له متطرف في مدريد",
            "كشفت الشرطة الإسبانية أن شابا كان يعتزم تنفيذ تفجير في محطة القطارات بوسط مدريد. "
            "ومثل الشاب أمام المحكمة الثلاثاء حيث اعترف بالتخطيط للهجوم.",
        ),
        (
            "الهجوم الذي كان يخطط له تنظيم داعش في باريس",
            "تبين أنه كان مقررا أن يتحول الحفل إلى مجزرة بحسب ما كشفته الأجهزة الأمنية الفرنسية الأسبوع الماضي.",
        ),
        # a criminal case: police, a suspect, no armed group
        (
            "النمسا.. شاب يطعن جاره ويقتله في فيينا",
            "قالت الشرطة النمساوية الأربعاء إن شابا يشتبه بأنه طعن جاره حتى الموت بعد خلاف على موقف سيارة. "
            "وأضافت الشرطة أنها اعتقلت المشتبه به في منزله.",
        ),
        # analysis under a question title
        (
            "ما هي سيناريوهات الهجوم المحتمل على إدلب؟",
            "منذ أسابيع تحشد قوات النظام على أطراف إدلب، فما هي الأهداف التي قد يستهدفها القصف وما هي مخاطر "
            "التصعيد؟ ويرى محللون أن الغارات الجوية ستسبق أي تقدم بري.",
        ),
        # a state's statement: "country: ..." over an official's words
        (
            "تركيا: الضربات على المدينة لن تغير موقفنا",
            "قال وزير الخارجية التركي الخميس إن الضربات التي نفذتها الطائرات على المدينة لن تغير موقف أنقرة.",
        ),
    ],
)
def test_non_event_report_kinds_yield_no_event(title: str, text: str) -> None:
    assert extract_events(report(text, title)) == []


def test_a_state_title_that_names_dead_is_not_a_statement() -> None:
    title = "تركيا: مقتل 3 جنود في هجوم لحزب العمال الكردستاني"
    text = "قال وزير الدفاع التركي الخميس إن ثلاثة جنود قتلوا في هجوم شنه مسلحو حزب العمال الكردستاني في ولاية هكاري."
    events = extract_events(report(text, title))
    assert events and events[0].fatalities == 3


def test_a_question_title_over_a_toll_is_still_an_event() -> None:
    title = "من يقف وراء الغارة التي قتلت 12 مدنيا في سراقب؟"
    text = "قتل 12 مدنيا الثلاثاء في غارة جوية استهدفت سوقا شعبيا في مدينة سراقب بريف إدلب."
    events = extract_events(report(text, title))
    assert events and events[0].fatalities == 12


def test_a_murder_by_gunmen_is_not_a_criminal_case() -> None:
    title = "مسلحون يقتلون رجلا في بلدة الشحيل"
    text = "قالت الشرطة المحلية إن مسلحين مجهولين قتلوا رجلا الاثنين في بلدة الشحيل بريف دير الزور الشرقي."
    assert extract_events(report(text, title))


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "القوات الحكومية تطوق مدينة الرستن",
            "أعلن مصدر عسكري الأحد أن القوات الحكومية تطوق مدينة الرستن من ثلاث جهات. "
            "وسيطرت قوات النظام الأحد على بلدة تلبيسة جنوب المدينة بعد معارك مع الفصائل.",
        ),
        (
            "الجيش التركي يحاصر بلدة جنديرس",
            "أطبقت القوات التركية الحصار على بلدة جنديرس. "
            "وقتل ثمانية مقاتلين أكراد الاثنين في غارات تركية استهدفت مواقعهم في محيط البلدة.",
        ),
    ],
)
def test_an_encirclement_lead_lets_the_body_events_through(title: str, text: str) -> None:
    assert extract_events(report(text, title))


def test_an_encirclement_alone_is_no_event() -> None:
    title = "القوات الحكومية تطوق مدينة الرستن"
    text = "أعلن مصدر عسكري الأحد أن القوات الحكومية تطوق مدينة الرستن من ثلاث جهات."
    assert extract_events(report(text, title)) == []


@pytest.mark.parametrize(
    "text",
    [
        "أطلق الجيش صاروخا الأحد على طائرة بدون طيار اقتربت من قاعدة حميميم في ريف اللاذقية.",
        "صاروخ روسي يستهدف طائرة مسيرة قرب قاعدة حميميم في ريف اللاذقية الأحد.",
        "الدفاعات الجوية تتصدى لصواريخ استهدفت مطار الشعيرات في ريف حمص الأحد.",
    ],
)
def test_a_missile_fired_at_an_aircraft_is_an_interception(text: str) -> None:
    events = extract_events(report(text))
    assert events and events[0].sub_event_type == "Disrupted weapons use"
    assert all(e.sub_event_type not in ("Shelling/artillery/missile attack", "Air/drone strike") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "قتل 9 مدنيين الثلاثاء في هجمات جوية استهدفت بلدة خان شيخون بريف إدلب الجنوبي.",
        "أدت هجمة جوية على بلدة كفرنبل الثلاثاء إلى مقتل 4 مدنيين.",
    ],
)
def test_air_attacks_are_air_strikes(text: str) -> None:
    events = extract_events(report(text))
    assert events and events[0].sub_event_type == "Air/drone strike"


def test_a_government_that_insists_on_retaking_ground_takes_none() -> None:
    text = (
        "قتل 6 مدنيين الأربعاء في قصف مدفعي على بلدة الحراك بريف درعا الشرقي. "
        "وتصر الحكومة على استعادة المنطقة الحدودية مع الأردن."
    )
    types = [e.sub_event_type for e in extract_events(report(text))]
    assert types and "Government regains territory" not in types


@pytest.mark.parametrize(
    "text",
    [
        "استهدف قصف صاروخي فجر الجمعة مواقع عسكرية للنظام السوري قرب بلدة في ريف اللاذقية.",
        "استهدف قصف صاروخي مساء الأحد مستودعات تابعة لقوات النظام في ريف حماة، مؤكدا مقتل 9 مقاتلين موالين للنظام.",
    ],
)
def test_positions_of_a_force_make_it_the_target(text: str) -> None:
    events = extract_events(report(text))
    assert events and events[0].actor2 == "Military Forces of Syria" and events[0].actor1 != "Military Forces of Syria"


def test_a_seizure_named_as_a_noun_is_a_territorial_change() -> None:
    text = "قال المرصد السبت إن عزل مدينة الرستن جاء بعد سيطرة قوات النظام على بلدة تلبيسة جنوبها."
    events = extract_events(report(text))
    assert events and events[0].sub_event_type == "Government regains territory"
    assert events[0].actor1 == "Military Forces of Syria"


def test_ground_under_a_force_control_is_not_a_seizure() -> None:
    text = "قتل 4 مدنيين السبت في قصف على بلدة تلبيسة الواقعة تحت سيطرة الفصائل في ريف حمص الشمالي."
    types = [e.sub_event_type for e in extract_events(report(text))]
    assert types and not {"Government regains territory", "Non-state actor overtakes territory"} & set(types)


def test_israeli_missiles_in_syria_are_air_strikes() -> None:
    text = "قالت وكالة الأنباء الرسمية إن صواريخ إسرائيلية استهدفت مطار المزة العسكري فجر الأحد."
    events = extract_events(report(text))
    assert events and events[0].sub_event_type == "Air/drone strike"
    assert events[0].actor1 == "Military Forces of Israel"


def test_a_person_of_a_nationality_is_not_that_state_forces() -> None:
    text = "قتل مسلحون مجهولون مواطنا تركيا الاثنين في مدينة الباب بريف حلب الشرقي."
    events = extract_events(report(text))
    assert events
    assert all("Military Forces of Turkey" not in (e.actor1, e.actor2) for e in events)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "ميركل: القصف على المدينة عمل وحشي",
            "قالت المستشارة الألمانية أنغيلا ميركل الأحد إن القصف الذي استهدف المدينة عمل وحشي يجب محاسبة مرتكبيه.",
        ),
        (
            "نتنياهو يلمح إلى ضربات جديدة في سوريا",
            "أوضح رئيس الوزراء الإسرائيلي، بنيامين نتنياهو، أن الغارات على المواقع الإيرانية في سوريا لم تنته بعد.",
        ),
        (
            "بريطانيا تلمح لمشاركة في الضربات",
            "اتفقت رئيسة الوزراء البريطانية والرئيس الفرنسي على أن الهجوم الكيماوي على البلدة يستوجب ردا.",
        ),
    ],
)
def test_statements_of_officials_yield_no_event(title: str, text: str) -> None:
    assert extract_events(report(text, title)) == []


def test_an_organisation_announcing_what_happened_still_reports_it() -> None:
    title = "الأمم المتحدة: قافلة إغاثة تنسحب من حزة تحت القصف"
    text = "أعلنت الأمم المتحدة صباح الخميس أن قافلة إغاثة اضطرت إلى مغادرة بلدة حزة جراء قصف مدفعي لقوات النظام."
    assert extract_events(report(text, title))


@pytest.mark.parametrize(
    "title",
    ["تقرير: هكذا استعاد الجيش مناطق الريف الشمالي", "إنفوغرافيك.. هجمات التنظيم خلال عام", "إدلب وسيناريوهات الهجوم"],
)
def test_feature_titles_without_a_toll_yield_no_event(title: str) -> None:
    text = (
        "سيطرت قوات النظام على بلدات عدة في الريف الشمالي خلال الأشهر الماضية "
        "بعد معارك مع الفصائل وغارات جوية مكثفة."
    )
    assert extract_events(report(text, title)) == []


def test_a_report_title_with_a_toll_is_an_event() -> None:
    title = "تقرير: مقتل 7 مدنيين في غارة على سراقب"
    text = "قتل 7 مدنيين الأحد في غارة جوية استهدفت سوقا في مدينة سراقب بريف إدلب."
    events = extract_events(report(text, title))
    assert events and events[0].fatalities == 7


def test_full_control_of_a_town_is_a_territorial_change() -> None:
    title = 'الجيش التركي يعلن "السيطرة الكاملة" على مدينة جنديرس'
    text = "أعلن الجيش التركي الأحد السيطرة الكاملة على مدينة جنديرس بعد معارك مع وحدات حماية الشعب الكردية."
    events = extract_events(report(text, title))
    territorial = ("Non-state actor overtakes territory", "Government regains territory")
    assert events and events[0].sub_event_type in territorial


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("أسقط الجيش الإسرائيلي طائرة مسيرة سورية فوق الجولان الأحد.", "Military Forces of Syria"),
        ("أعلن الجيش الإسرائيلي أنه أسقط طائرة بدون طيار إيرانية قرب الحدود الأحد.", "Military Forces of Iran"),
    ],
)
def test_an_interception_names_the_side_whose_weapon_was_stopped(text: str, owner: str) -> None:
    events = extract_events(report(text))
    assert events and events[0].sub_event_type == "Disrupted weapons use"
    assert events[0].actor1 == "Military Forces of Israel" and events[0].actor2 == owner
