"""Arabic reports: what names violence without reporting it, and who lost a member.

All sentences here are written for these tests (no third-party text).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from processors.extract import extract_events
from sitrep.records import Report

WHEN = datetime(2026, 3, 12, 11, 0, tzinfo=UTC)


def report(text: str, title: str = "") -> Report:
    return Report(report_id="t-ar", title=title, text=text, language="ar", published_at=WHEN, fetched_at=WHEN)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a negated act
        ("الوزير: الجيش لا يشن هجوم كيمياوي", "قال الوزير اليوم إن الجيش لا يشن هجوما كيمياويا على المدن."),
        # an accusation of involvement
        (
            "المندوب: لدينا أدلة على تورط الحكومة بهجوم البلدة",
            "قال المندوب اليوم إن لديه أدلة على تورط الحكومة في الهجوم الكيميائي على البلدة الشهر الماضي.",
        ),
        # a response to an attack
        (
            "الرئيسان يريدان ردا قويا من الدول الكبرى على الهجوم",
            "بحث الرئيسان في اتصال هاتفي اليوم الرد المناسب من الدول الكبرى على الهجوم.",
        ),
        # a cause of flight
        (
            "المنظمة: 40 ألف نازح بسبب القتال في الجنوب",
            "قالت المنظمة اليوم إن نحو 40 ألف شخص نزحوا من منازلهم في الجنوب خلال الشهر الماضي.",
        ),
    ],
)
def test_statements_that_name_violence_yield_no_event(title: str, text: str) -> None:
    assert extract_events(report(text, title)) == []


def test_chemical_weapons_named_as_a_stock_are_not_an_attack() -> None:
    text = "قال المفتشون اليوم إنهم زاروا مخازن السلاح الكيمياوي في بلدة اللطامنة ولم يجدوا العنصر الكيمياوي."
    assert all(e.sub_event_type != "Chemical weapon" for e in extract_events(report(text)))


def test_a_chemical_attack_is_still_one() -> None:
    text = "قتل 12 مدنيا اليوم في هجوم بالسلاح الكيمياوي استهدف بلدة اللطامنة في ريف حماة."
    events = extract_events(report(text))
    assert events and events[0].sub_event_type == "Chemical weapon"


def test_a_group_that_lost_a_commander_is_not_the_attacker() -> None:
    events = extract_events(report("مقتل قائد مجموعة من ميليشيات حزب الله اليوم في بادية حمص الشرقية."))
    assert events and events[0].actor1 != "Hezbollah"


def test_an_attack_launched_by_named_gunmen_names_them_first() -> None:
    text = "قتل ستة من عناصر الأمن التركي اليوم في هجوم شنه مسلحو حزب العمال الكردستاني قرب قاعدة عسكرية."
    events = extract_events(report(text))
    assert events and events[0].actor1 == "PKK"


def test_inserted_headlines_of_related_stories_add_no_toll() -> None:
    text = (
        "قال الجيش إن الدفاعات الجوية تصدت اليوم لصواريخ استهدفت مطارا عسكريا قرب حمص.\n"
        "مقتل 45 شخصا في غارات على بلدة في ريف ادلب\n"
        "وأضاف الجيش أن الصواريخ أصابت مستودعا في المطار دون ذكر خسائر."
    )
    events = extract_events(report(text, "صواريخ تستهدف مطارا عسكريا قرب حمص"))
    assert events and all(e.fatalities != 45 for e in events)


def test_ground_taken_from_the_side_the_report_names() -> None:
    text = (
        "أعلن الجيش السوري اليوم استعادة السيطرة على بلدة مسرابا في الغوطة الشرقية. "
        "وكانت فصائل المعارضة تسيطر على البلدة منذ سنوات وقاتلت فصائل المعارضة قوات النظام فيها."
    )
    events = extract_events(report(text))
    assert events and events[0].sub_event_type == "Government regains territory"
    assert events[0].actor2 == "Opposition Rebels"


def test_clash_named_only_by_the_losing_side_and_its_opponent() -> None:
    text = "قتل 12 عنصرا من قوات النظام اليوم في اشتباكات مع الفصائل في ريف اللاذقية."
    events = extract_events(report(text))
    assert events and {events[0].actor1, events[0].actor2} == {"Military Forces of Syria", "Opposition Rebels"}


def test_the_charge_against_victims_names_no_side() -> None:
    text = "أعدم تنظيم داعش 5 مدنيين اليوم بتهمة التعامل مع قوات سوريا الديمقراطية في بلدة هجين."
    events = extract_events(report(text))
    assert events and (events[0].actor1, events[0].actor2) == ("Islamic State", "Civilians")


def test_seized_shells_are_no_shelling() -> None:
    text = "ضبطت قوات الأمن 20 قطعة سلاح و300 قذيفة خلال مداهمة في مدينة الرقة اليوم."
    assert all(e.sub_event_type != "Shelling/artillery/missile attack" for e in extract_events(report(text)))


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "قالت وزارة الدفاع الروسية إن طائراتها دمرت 15 هدفا للإرهابيين في ريف إدلب اليوم.",
            "Military Forces of Russia",
            "Opposition Rebels",
        ),
        ("قتلت القوات التركية اليوم 10 من مسلحي وحدات حماية الشعب في منطقة عفرين.", "Military Forces of Turkey", "YPG"),
    ],
)
def test_a_state_acting_through_its_forces(text: str, actor1: str, actor2: str) -> None:
    events = extract_events(report(text))
    assert events and (events[0].actor1, events[0].actor2) == (actor1, actor2)


def test_a_percentage_is_no_toll() -> None:
    text = "قتل 10 أشخاص اليوم في غارات جوية على مدينة أريحا، وبلغ عدد القتلى من المدنيين 70 في المئة."
    events = extract_events(report(text))
    assert events and events[0].fatalities == 10


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "الرئيس: لدينا دليل على استخدام الحكومة للسلاح الكيماوي",
            "قال الرئيس اليوم إن لديه الدليل على أن الحكومة استخدمت غاز الكلور في البلدة.",
        ),
        (
            "الجيش يعترف بقصف منشأة في دير الزور عام 2007",
            "اعترف الجيش اليوم رسميا بأنه دمر منشأة في غارة جوية على دير الزور عام 2007.",
        ),
    ],
)
def test_claims_of_evidence_and_admissions_of_old_strikes_are_no_event(title: str, text: str) -> None:
    assert extract_events(report(text, title)) == []


def test_a_suspect_and_an_age_give_no_toll_to_an_arrest() -> None:
    text = "اعتقلت الشرطة اليوم رجلا يشتبه بأنه قتل فتاة في الرابعة عشرة من عمرها في مدينة الرقة."
    events = extract_events(report(text))
    assert all(e.sub_event_type == "Arrests" and not e.fatalities for e in events)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "الرئيس: قواتنا قد تدخل المدينة في أي لحظة",
            "قال الرئيس اليوم إن قواته قد تدخل مدينة عفرين في أي لحظة بعد أن سيطرت على القرى المحيطة بها.",
        ),
        (
            "وزير الخارجية: دخول قوات النظام إلى عفرين مرفوض",
            "قال وزير الخارجية اليوم إن دخول قوات النظام إلى عفرين مرفوض، وإن الجيش قصف مواقع المسلحين أمس.",
        ),
    ],
)
def test_a_leaders_quoted_statement_is_no_event(title: str, text: str) -> None:
    assert extract_events(report(text, title)) == []


def test_a_monitor_quoted_in_the_title_still_reports() -> None:
    text = "قال المرصد السوري اليوم إن 5 مدنيين قتلوا في غارات جوية على بلدة سراقب في ريف إدلب."
    events = extract_events(report(text, "المرصد: مقتل 5 مدنيين في غارات على سراقب"))
    assert events and events[0].sub_event_type == "Air/drone strike" and events[0].fatalities == 5


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "الخارجية تدين الهجوم على البلدة",
            'أدانت وزارة الخارجية السعودية اليوم "الهجوم الكيماوي المروع" الذي تعرضت له بلدة اللطامنة.',
        ),
        (
            "وصول المفتشين إلى البلدة",
            "وصل المفتشون الدوليون اليوم إلى بلدة اللطامنة للتحقيق في هجوم كيماوي مشتبه به على البلدة.",
        ),
    ],
)
def test_condemned_or_investigated_attacks_are_no_event(title: str, text: str) -> None:
    assert all(e.sub_event_type != "Chemical weapon" for e in extract_events(report(text, title)))


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("الرئيس يحذر من الهجوم على إدلب", "حذر الرئيس الأمريكي اليوم الحكومة من شن هجوم متهور على محافظة إدلب."),
        (
            "مئات المدنيين يفرون من إدلب خوف هجوم وشيك",
            "فر مئات المدنيين اليوم من ريف إدلب خوفا من هجوم وشيك لقوات النظام.",
        ),
        ("زعيم حزب يهاجم الرئيس السوري", "هاجم زعيم الحزب اليوم الرئيس السوري في مؤتمر صحفي في بيروت."),
        ("العراق يعدم 12 مدانا بالإرهاب", "أعدم العراق اليوم 12 مدانا بالإرهاب بعد صدور أحكام قضائية بحقهم في بغداد."),
    ],
)
def test_warnings_imminent_attacks_verbal_attacks_and_judicial_executions_are_no_event(title: str, text: str) -> None:
    assert extract_events(report(text, title)) == []


def test_an_execution_by_an_armed_group_is_an_attack() -> None:
    events = extract_events(report("أعدم تنظيم داعش اليوم 5 مدنيين في بلدة هجين بريف دير الزور الشرقي."))
    assert events and events[0].sub_event_type == "Attack" and events[0].fatalities == 5


def test_a_title_with_tanwin_ends_where_the_body_begins() -> None:
    title = "14 قتيلاً مدنياً بغارات تركية استهدفت بلدة جنديرس"
    text = (
        "قُتل 14 مدنياً، اليوم، في غارات للطيران التركي على بلدة جنديرس بريف حلب.\n"
        "وكانت الغارات التركية، الأحد، قد أوقعت 36 قتيلاً مدنياً في جنديرس."
    )
    events = extract_events(report(text, title))
    assert any(e.fatalities == 14 and e.event_date == WHEN.date() for e in events)


def test_a_raid_that_targeted_a_flat_is_an_arrest() -> None:
    text = "أعلنت الشرطة اليوم أنها أوقفت رجلا في مداهمة استهدفت شقة سكنية في مدينة الرقة."
    assert all(e.sub_event_type == "Arrests" for e in extract_events(report(text)))


def test_a_later_subject_takes_ground_after_a_clash_between_two_sides() -> None:
    text = (
        "اندلعت اشتباكات اليوم بين قوات سوريا الديمقراطية وتنظيم داعش في محيط بلدة الباغوز، "
        "وتمكن التنظيم من استعادة نقطتين."
    )
    events = extract_events(report(text))
    taken = [e for e in events if e.sub_event_type == "Non-state actor overtakes territory"]
    assert taken and (taken[0].actor1, taken[0].actor2) == ("Islamic State", "Syrian Democratic Forces")


def test_gunmen_who_shelled() -> None:
    events = extract_events(report("قال الجيش اليوم إن مسلحين قصفوا مواقع للجيش السوري في ريف اللاذقية."))
    assert events and events[0].sub_event_type == "Shelling/artillery/missile attack"
    assert events[0].actor2 == "Military Forces of Syria"


def test_foreign_states_named_in_a_report_did_not_hold_the_ground() -> None:
    text = (
        "أعلنت روسيا اليوم استعادة قوات النظام السيطرة على مدينة دوما بالكامل. "
        "وكانت الولايات المتحدة قد هددت بالرد، وقالت الولايات المتحدة إنها تدرس خياراتها."
    )
    events = extract_events(report(text))
    assert events and events[0].sub_event_type == "Government regains territory"
    assert events[0].actor2 != "Military Forces of the United States"


def test_a_state_that_told_the_rebels_something_is_not_the_target() -> None:
    text = (
        "توغلت قوات النظام اليوم في محافظة درعا تحت غطاء غارات جوية، وسط تقارير تفيد بأن الولايات المتحدة "
        "أبلغت فصائل المعارضة بعدم توقع تدخل أميركي."
    )
    events = extract_events(report(text))
    assert events and all(e.actor2 != "Military Forces of the United States" for e in events)


def test_the_day_a_campaign_began_is_not_the_events_day() -> None:
    text = (
        "قتل 25 مدنيا على الأقل الثلاثاء في غارات على محافظة درعا، في حصيلة هي الأكثر دموية "
        "منذ بدء التصعيد على المحافظة في 19 شباط."
    )
    events = extract_events(report(text))
    assert events and events[0].event_date == datetime(2026, 3, 10).date() and events[0].event_date_end is None


def test_an_army_reporting_what_others_did_is_not_the_attacker() -> None:
    text = "قال الجيش العراقي إن مسلحين فتحوا النار على عدد من المدنيين اليوم في بلدة الطارمية شمال بغداد."
    events = extract_events(report(text))
    assert events and events[0].actor1 != "Military Forces of Iraq" and events[0].actor2 == "Civilians"


def test_an_army_announcing_its_own_act_still_acts() -> None:
    text = "أعلن الجيش السوري اليوم أن قواته استعادت السيطرة على بلدة مسرابا في الغوطة الشرقية."
    events = extract_events(report(text))
    assert events and events[0].actor1 == "Military Forces of Syria"
