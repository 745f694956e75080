"""Context rules: what is not an event, who is not an actor, which numbers are not tolls.

Reports written for these tests (no third-party text).
"""

from __future__ import annotations

from datetime import UTC, datetime

from processors.extract import extract_events
from sitrep.records import Report

PUBLISHED = datetime(2018, 5, 10, 9, 0, tzinfo=UTC)


def report(text: str, title: str = "") -> Report:
    return Report(report_id="t", title=title, text=text, published_at=PUBLISHED, fetched_at=PUBLISHED)


def test_denied_strike_is_no_event() -> None:
    assert (
        extract_events(
            report(
                "نفى حزب الله استهداف أحد مواقعه قرب الحدود بغارة إسرائيلية، وقال إن الأصوات ناجمة عن "
                "اختراق جدار الصوت."
            )
        )
        == []
    )


def test_threats_and_plans_are_no_event() -> None:
    assert (
        extract_events(
            report("هدد وزير الدفاع بشن غارات على مواقع الفصائل في ريف إدلب إذا استمر إطلاق الصواريخ.")
        )
        == []
    )
    assert (
        extract_events(
            report(
                "The army is preparing to launch an offensive on rebel-held areas of Daraa, officials said."
            )
        )
        == []
    )


def test_statement_about_an_old_attack_is_no_event() -> None:
    assert (
        extract_events(
            report(
                "دانت الخارجية الفرنسية الهجوم الكيميائي على البلدة ودعت مجلس الأمن إلى تحقيق دولي.",
                title="فرنسا تدين الهجوم الكيميائي",
            )
        )
        == []
    )


def test_history_sentence_is_no_event() -> None:
    assert (
        extract_events(report("في عام 2014 سيطر تنظيم داعش على مدينة الموصل بعد معارك مع الجيش العراقي."))
        == []
    )


def test_war_long_toll_is_not_a_toll() -> None:
    events = extract_events(
        report(
            "قصفت طائرات النظام بلدة في ريف حماة اليوم ما أدى إلى مقتل 3 مدنيين. وقتل أكثر من 350 ألف "
            "شخص منذ "
            "اندلاع الحرب عام 2011."
        )
    )
    assert events and events[0].fatalities == 3


def test_speaker_is_not_the_attacker() -> None:
    events = extract_events(
        report(
            "قال الجيش الإسرائيلي إن هضبة الجولان تعرضت اليوم لقصف بالصواريخ من داخل الأراضي السورية "
            "أطلقه فيلق القدس."
        )
    )
    assert events[0].sub_event_type == "Shelling/artillery/missile attack"
    assert events[0].actor1 == "Military Forces of Iran"


def test_own_announcement_keeps_the_speaker_as_actor() -> None:
    events = extract_events(
        report(
            "أعلن الجيش السوري، السبت، استعادة السيطرة على بلدة حرستا في الغوطة الشرقية بعد معارك مع الفصائل."
        )
    )
    assert events[0].sub_event_type == "Government regains territory"
    assert events[0].actor1 == "Military Forces of Syria"


def test_interception_is_disrupted_weapons_use() -> None:
    events = extract_events(
        report("أسقطت الدفاعات الجوية السورية صاروخين إسرائيليين فوق بلدة الكسوة جنوب دمشق الليلة الماضية.")
    )
    assert events[0].sub_event_type == "Disrupted weapons use"
    assert events[0].actor1 == "Military Forces of Syria"


def test_count_followed_by_verb_decides_killed_or_injured() -> None:
    events = extract_events(
        report(
            "At least 17 people were killed 31 were wounded in a suicide attack on a funeral in Qamishli "
            "on Friday."
        )
    )
    assert events[0].sub_event_type == "Suicide bomb"
    assert events[0].fatalities == 17 and events[0].injured == 31


def test_bombardment_after_air_strike_is_the_same_event() -> None:
    events = extract_events(
        report(
            "تعرضت بلدة في ريف إدلب لقصف جوي من قبل مقاتلات روسية اليوم. وأفاد الدفاع المدني بأن القصف أدى إلى "
            "مقتل 3 أشخاص وإصابة 8 آخرين.",
            title="3 قتلى بقصف روسي على إدلب",
        )
    )
    main = events[0]
    assert main.sub_event_type == "Air/drone strike"
    assert main.actor1 == "Military Forces of Russia" and main.actor2 == "Civilians"
    assert main.fatalities == 3 and main.injured == 8
    assert sum(e.fatalities or 0 for e in events) == 3


def test_ground_battle_ranks_before_supporting_air_strikes() -> None:
    events = extract_events(
        report(
            "Under bombing by unidentified aircraft, government troops fought the Islamic State "
            "in the "
            "Jbeileh district of Deir ez-Zor city on Saturday."
        )
    )
    assert events[0].sub_event_type == "Armed clash"
    assert {events[0].actor1, events[0].actor2} == {"Military Forces of Syria", "Islamic State"}
