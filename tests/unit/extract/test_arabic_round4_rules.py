"""Round-4 Arabic rules: actor aliases, military strikes, likelihoods, passive agents, victims vs
attackers, tolls. Each test states one pattern of Arabic conflict reporting.

All sentences here are written for these tests (no third-party text).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from processors.extract import extract_events
from sitrep.records import Event, Report

WHEN = datetime(2026, 3, 12, 11, 0, tzinfo=UTC)


def report(text: str, title: str = "") -> Report:
    return Report(report_id="t-ar-round4", title=title, text=text, language="ar", published_at=WHEN, fetched_at=WHEN)


def first(text: str, title: str = "") -> Event:
    events = extract_events(report(text, title))
    assert events, text
    return events[0]


@pytest.mark.parametrize(
    "text",
    [
        "قصفت القوات الجوية العراقية الأربعاء مواقع تنظيم داعش قرب الحدود مع سوريا.",
        "شن سلاح الجو العراقي غارات الأربعاء على مخابئ تنظيم داعش في بادية الأنبار.",
    ],
)
def test_a_national_air_force_is_its_state(text: str) -> None:
    event = first(text)
    assert event.actor1 == "Military Forces of Iraq" and event.actor2 == "Islamic State"


@pytest.mark.parametrize(
    "phrase",
    ["مقاتلين موالين لدمشق", "مسلحين موالين للنظام", "قوات موالية للحكومة السورية"],
)
def test_fighters_loyal_to_the_government_are_pro_government_militia(phrase: str) -> None:
    event = first(f"استهدفت غارات تركية الثلاثاء {phrase} عند حاجز قرب بلدة جنديرس، ما أدى إلى مقتل 7 منهم.")
    assert event.actor1 == "Military Forces of Turkey" and event.actor2 == "Militia (Pro-Government)"


def test_the_group_counted_among_the_dead_lost_them() -> None:
    event = first("استهدف قصف صاروخي ليل الخميس ثكنة في ريف حمص، ما أسفر عن مقتل 5 عناصر موالين للنظام.")
    assert event.actor1 != "Militia (Pro-Government)"


def test_a_states_military_strikes_are_air_strikes() -> None:
    event = first(
        "أفادت وزارة الخارجية الروسية بأن الضربات العسكرية التي شنتها الولايات المتحدة ليل الثلاثاء "
        "على مستودعات للجيش السوري قرب تدمر لم توقع قتلى."
    )
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 == "Military Forces of the United States"


@pytest.mark.parametrize(
    "text",
    [
        "أعرب وزير الخارجية الألماني الخميس عن مخاوفه من احتمال توجيه ضربة عسكرية إلى دمشق قريبا.",
        "قال مسؤولون إن البيت الأبيض يدرس ضربة عسكرية ضد مطارات النظام في ريف حمص.",
    ],
)
def test_a_likely_or_considered_strike_is_no_event(text: str) -> None:
    assert extract_events(report(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "تتعرض بلدة كفرنبل منذ فجر الاثنين لقصف عنيف من قوات النظام.",
        "تعرضت مدينة كفرنبل مساء الثلاثاء لقصف مدفعي من قوات النظام.",
    ],
)
def test_from_after_an_attack_word_names_who_fired(text: str) -> None:
    assert first(text).actor1 == "Military Forces of Syria"


def test_from_after_an_attack_word_in_a_passive_names_the_attacker() -> None:
    event = first("تعرضت مدينة دوما مساء الثلاثاء لقصف مدفعي من الفصائل المعارضة.")
    assert event.actor1 == "Opposition Rebels"


def test_from_after_a_death_word_names_whose_men_died() -> None:
    event = first("أسفر هجوم لتنظيم داعش الأحد على بادية دير الزور عن مقتل 6 من قوات النظام.")
    assert event.actor1 == "Islamic State" and event.actor2 == "Military Forces of Syria"


def test_ground_held_by_the_other_side_makes_it_the_target() -> None:
    event = first("قصفت قوات النظام بالمدفعية فجر الخميس أحياء تحت سيطرة الفصائل المعارضة في درعا البلد.")
    assert event.actor1 == "Military Forces of Syria" and event.actor2 == "Opposition Rebels"


def test_civilian_dead_outrank_the_holder_of_the_ground() -> None:
    event = first(
        "قصفت قوات النظام فجر الخميس أحياء تحت سيطرة الفصائل المعارضة في درعا البلد، ما أسفر عن مقتل 3 مدنيين."
    )
    assert event.actor2 == "Civilians"


def test_a_toll_since_a_campaign_began_is_a_running_total() -> None:
    events = extract_events(
        report(
            "قتل 6 مدنيين الاثنين في قصف لقوات النظام على بلدة حمورية. "
            "وهذه أول قافلة تدخل الغوطة منذ بدأت قوات النظام هجوما عسكريا عليها أودى بحياة أكثر من 700 مدني."
        )
    )
    assert events and events[0].fatalities == 6
    assert all(e.fatalities != 700 for e in events)


def test_a_toll_of_a_bombardment_going_on_for_a_week_is_a_running_total() -> None:
    text = (
        "قصفت قوات النظام بالصواريخ مساء الاثنين مدينة درعا. "
        "وتتعرض البلدات المجاورة منذ أسبوع لقصف مكثف من قوات النظام، ما أدى لمقتل 29 مدنيا في المجمل."
    )
    assert all(e.fatalities != 29 for e in extract_events(report(text)))


def test_the_assad_regime_is_the_syrian_state() -> None:
    event = first("سيطر نظام الأسد الخميس على بلدة كفرزيتا بريف حماة الشمالي بعد معارك مع الفصائل.")
    assert event.actor1 == "Military Forces of Syria"
    assert event.sub_event_type == "Government regains territory"


@pytest.mark.parametrize("day", ["الأحد", "الاثنين"])
def test_sunday_and_monday_are_not_numbers(day: str) -> None:
    event = first(
        f"ويفيد مسعفون بأن عشرات الأشخاص قتلوا في الغارات الجوية التي نفذها الجيش السوري {day} رغم وقف إطلاق النار."
    )
    assert event.fatalities == 12  # "عشرات" by convention, never 12 + 1 or 12 + 2


def test_an_unattributed_bombardment_is_the_air_strike_the_report_names() -> None:
    event = first(
        "اضطرت قافلة المساعدات إلى مغادرة الغوطة الشرقية الاثنين بسبب القصف. "
        "وأفاد مسعفون بأن عشرات الأشخاص قتلوا في الغارات الجوية التي نفذها الجيش السوري الاثنين.",
        title="قافلة المساعدات تغادر الغوطة الشرقية وسط القصف",
    )
    assert event.sub_event_type == "Air/drone strike" and event.actor1 == "Military Forces of Syria"


def test_an_unattributed_bombardment_stays_shelling_when_someone_is_named_shelling() -> None:
    events = extract_events(
        report(
            "قتل 3 مدنيين الاثنين جراء القصف على بلدة حمورية. "
            "وقصفت قوات النظام بالمدفعية بلدة سقبا، فيما شنت طائرات روسية غارات على بلدة كفربطنا."
        )
    )
    assert any(e.sub_event_type == "Shelling/artillery/missile attack" for e in events)


def test_pockets_the_opposition_controls_are_its_ground_and_civilian_dead_are_the_victims() -> None:
    event = first(
        "صعّد الجيش السوري الأحد غاراته على جيوب تسيطر عليها المعارضة المسلحة في ريف إدلب الجنوبي، "
        "موقعا 30 قتيلا مدنيا على الأقل في بلدة كفرنبل."
    )
    assert event.actor1 == "Military Forces of Syria" and event.actor2 == "Civilians"


def test_pockets_the_opposition_controls_are_the_target_when_no_one_died() -> None:
    event = first("صعّد الجيش السوري الأحد غاراته على جيوب تسيطر عليها المعارضة المسلحة في ريف إدلب الجنوبي.")
    assert event.actor2 == "Opposition Rebels"


def test_the_stopped_weapon_named_in_the_next_sentence_gives_the_other_side() -> None:
    event = first(
        "أطلق الجيش الإسرائيلي مساء الثلاثاء صاروخا على طائرة مسيرة دنت من خط الفصل في الجولان. "
        "وقالت مصادر عسكرية إن صاروخ باتريوت إسرائيلي أصاب الطائرة السورية فوق الهضبة."
    )
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.actor1 == "Military Forces of Israel" and event.actor2 == "Military Forces of Syria"


def test_the_yarmouk_basin_group_is_named_as_acled_names_it() -> None:
    event = first("سيطر جيش خالد بن الوليد الأربعاء على بلدة في حوض اليرموك بريف درعا الغربي بعد معارك مع الفصائل.")
    assert event.actor1 == "Khalid ibn al Walid Army"
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_a_province_of_the_islamic_state_is_the_group() -> None:
    event = first("تبنت ولاية حوران التابعة للتنظيم الهجوم الذي استهدف حاجزا لقوات النظام بريف درعا الأحد.")
    assert "Islamic State" in (event.actor1, event.actor2)


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "استهدفت قوات النظام بالمدفعية الثقيلة مواقع هيئة تحرير الشام في ريف حماة الشمالي الثلاثاء.",
            "Military Forces of Syria",
            "Hayat Tahrir al-Sham",
        ),
        (
            "واستهدفت هيئة تحرير الشام الخميس بصواريخ غراد مواقع قوات النظام في بلدة محردة.",
            "Hayat Tahrir al-Sham",
            "Military Forces of Syria",
        ),
    ],
)
def test_a_clause_initial_targeting_verb_is_followed_by_its_subject(text: str, actor1: str, actor2: str) -> None:
    event = first(text)
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_after_an_attack_noun_the_targeting_verb_is_followed_by_the_target() -> None:
    event = first("قتل 3 عناصر الأحد في غارة جوية روسية استهدفت مواقع هيئة تحرير الشام في ريف إدلب.")
    assert event.actor1 == "Military Forces of Russia" and event.actor2 == "Hayat Tahrir al-Sham"


def test_fighters_of_the_tribes_are_a_tribal_militia() -> None:
    event = first("اندلعت اشتباكات الأحد بين عناصر من العشائر العربية وقوات سوريا الديمقراطية في بلدة الشحيل.")
    assert {event.actor1, event.actor2} == {"Unidentified Tribal Militia", "Syrian Democratic Forces"}


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("هاجم مسلحون من أبناء العشائر حاجزا لقوات النظام في بلدة الصنمين الثلاثاء.", "Unidentified Tribal Militia"),
        ("هاجم مسلحون تابعون لهيئة تحرير الشام حاجزا لقوات النظام في ريف حماة الثلاثاء.", "Hayat Tahrir al-Sham"),
    ],
)
def test_gunmen_of_a_group_are_that_group(text: str, actor1: str) -> None:
    event = first(text)
    assert event.actor1 == actor1 and event.actor2 == "Military Forces of Syria"


@pytest.mark.parametrize("faction", ["فرقة الحمزة", "فرقة السلطان مراد", "أحرار الشرقية", "فصائل عملية غصن الزيتون"])
def test_named_turkish_backed_factions_are_the_national_army(faction: str) -> None:
    event = first(f"اشتبكت {faction} مع وحدات حماية الشعب الكردية في ناحية جنديرس الخميس.")
    assert {event.actor1, event.actor2} == {"Syrian National Army", "YPG"}


@pytest.mark.parametrize("faction", ["فيلق الشام", "حركة نور الدين الزنكي", "جيش العزة"])
def test_named_rebel_factions_are_opposition_rebels(faction: str) -> None:
    event = first(f"قصفت قوات النظام الثلاثاء مواقع {faction} في ريف حماة الشمالي.")
    assert event.actor1 == "Military Forces of Syria" and event.actor2 == "Opposition Rebels"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("قتل شاب برصاص عناصر من الجيش الوطني في مدينة عفرين الأربعاء.", "Syrian National Army"),
        ("قتل مدني على يد عناصر من هيئة تحرير الشام في بلدة سرمدا الأحد.", "Hayat Tahrir al-Sham"),
        ("قتل شاب برصاص عناصر من قوات النظام في بلدة كفرنبل الجمعة.", "Military Forces of Syria"),
    ],
)
def test_the_killers_members_named_after_by_bullets_of_are_the_attackers(text: str, actor1: str) -> None:
    event = first(text)
    assert event.actor1 == actor1 and event.actor2 == "Civilians"


@pytest.mark.parametrize(
    "text",
    [
        "اتهم الجيش الإسرائيلي فيلق القدس الإيراني بإطلاق 20 صاروخا على مواقع في هضبة الجولان ليل الأربعاء.",
        "قال الجيش الإسرائيلي إن قوات إيرانية أطلقت ليل الأربعاء 20 صاروخا على مواقع في هضبة الجولان المحتلة.",
    ],
)
def test_rockets_fired_at_the_occupied_golan_target_israel(text: str) -> None:
    event = first(text)
    assert event.actor1 == "Military Forces of Iran" and event.actor2 == "Military Forces of Israel"


def test_police_arresting_a_suspect_is_no_conflict_event() -> None:
    text = (
        "أعلنت الشرطة الألمانية الثلاثاء أنها أوقفت رجلا يشتبه بانتمائه إلى تنظيم داعش في مداهمة "
        "استهدفت شقة في مدينة كولونيا."
    )
    assert extract_events(report(text, title="ألمانيا توقف مشتبها بالانتماء لداعش")) == []


def test_an_armed_group_detaining_people_is_still_reported() -> None:
    text = "اعتقلت هيئة تحرير الشام الثلاثاء 12 شخصا في حملة دهم بمدينة سرمدا شمال إدلب."
    assert any(e.sub_event_type == "Arrests" for e in extract_events(report(text)))


@pytest.mark.parametrize(
    "text",
    [
        "ذكرت منظمة إغاثية الخميس دخول 18 شاحنة تحمل الطحين والأدوية إلى بلدة تلبيسة.",
        "دخلت قافلة مساعدات أممية الاثنين إلى مدينة دوما في الغوطة الشرقية.",
    ],
)
def test_aid_convoys_entering_a_town_take_no_ground(text: str) -> None:
    assert all(
        e.sub_event_type not in ("Government regains territory", "Non-state actor overtakes territory")
        for e in extract_events(report(text))
    )


def test_forces_entering_a_town_still_take_it() -> None:
    event = first("دخلت قوات النظام الاثنين مدينة دوما بعد انسحاب مقاتلي جيش الإسلام منها.")
    assert event.sub_event_type == "Government regains territory"


def test_protesters_who_burn_a_building_riot() -> None:
    event = first("أحرق متظاهرون غاضبون القنصلية الإيرانية في مدينة البصرة مساء الجمعة.")
    assert event.sub_event_type == "Violent demonstration"
    assert event.actor1 == "Rioters (Iraq)" and event.actor2 == ""


def test_a_march_of_protesters_is_a_peaceful_protest() -> None:
    event = first("خرج آلاف المتظاهرين في مدينة البصرة الجمعة احتجاجا على تردي الخدمات.")
    assert event.sub_event_type == "Peaceful protest" and event.actor1 == "Protesters (Iraq)"


def test_forces_firing_on_protesters_use_excessive_force() -> None:
    event = first("أطلقت قوات الأمن العراقية النار على المحتجين في البصرة الثلاثاء، ما أدى إلى مقتل 3 متظاهرين.")
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.actor1 == "Military Forces of Iraq" and event.actor2 == "Protesters (Iraq)"
    assert event.fatalities == 3


def test_a_consulate_of_a_state_is_no_force_of_it() -> None:
    event = first("اقتحم محتجون القنصلية الإيرانية في مدينة البصرة وأضرموا فيها النار الخميس.")
    assert "Military Forces of Iran" not in (event.actor1, event.actor2)


def test_the_protests_of_2011_make_no_attack_a_protest_event() -> None:
    event = first(
        "قتل 4 مدنيين برصاص قوات النظام في مدينة درعا الثلاثاء، وهي المدينة التي انطلقت منها الاحتجاجات عام 2011."
    )
    assert event.sub_event_type == "Attack"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("ارتفع عدد قتلى الغارات الروسية على بلدة سراقب أمس إلى 12 مدنيا.", "Military Forces of Russia"),
        ("قتل 3 مدنيين الأحد في القصف التركي على قرية قرب عفرين.", "Military Forces of Turkey"),
    ],
)
def test_a_definite_nationality_after_an_attack_noun_is_that_states_forces(text: str, actor1: str) -> None:
    assert first(text).actor1 == actor1


def test_a_president_or_consulate_of_a_state_is_no_force() -> None:
    events = extract_events(
        report("قال الرئيس الروسي الأربعاء إن قوات النظام سيطرت على بلدة حمورية بعد معارك مع الفصائل.")
    )
    assert events and all("Military Forces of Russia" not in (e.actor1, e.actor2) for e in events)


def test_a_topic_of_talks_is_no_event() -> None:
    text = "يلتقي اليوم دبلوماسيون روس وإيرانيون في جولة محادثات ستتناول الهجوم التركي على منبج في شمال سوريا."
    assert extract_events(report(text)) == []


def test_when_both_sides_lost_men_in_clashes_both_fought() -> None:
    event = first("قتل 20 عنصرا من قوات النظام و15 من الفصائل في اشتباكات بريف حماة الثلاثاء.")
    assert event.sub_event_type == "Armed clash"
    assert {event.actor1, event.actor2} == {"Military Forces of Syria", "Opposition Rebels"}


def test_the_side_conjoined_to_the_dead_also_lost_men() -> None:
    events = extract_events(
        report(
            "قال الجيش السوري إن الغارات الإسرائيلية على مطار الضبعة ليل الثلاثاء أدت إلى مقتل جنديين. "
            "لكن المرصد قال إن الغارات أسفرت عن مقتل 12 عنصرا من قوات النظام والمسلحين الموالين لها."
        )
    )
    assert events and events[0].actor1 == "Military Forces of Israel"
    assert all(e.actor1 not in ("Military Forces of Syria", "Militia (Pro-Government)") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "قال المرصد إن الجيش السوري أخلى مطارات عدة الثلاثاء على خلفية التهديدات الأمريكية بتوجيه ضربة عسكرية.",
        "يجتمع قادة الأجهزة الأمنية الأمريكية الخميس لاتخاذ قرار، فيما يبحثون الضربة العسكرية على مطارات النظام.",
    ],
)
def test_threatened_or_discussed_strikes_are_no_event(text: str) -> None:
    assert all(e.sub_event_type != "Air/drone strike" for e in extract_events(report(text)))


def test_an_on_this_day_feature_is_no_event() -> None:
    text = "في 1 سبتمبر عام 1969 خرج آلاف المتظاهرين في طرابلس تأييدا للانقلاب العسكري."
    assert extract_events(report(text, title="حدث في 1 سبتمبر.. انقلاب في ليبيا")) == []


def test_a_village_named_after_the_tribes_is_no_tribal_militia() -> None:
    event = first("اعترضت الدفاعات الجوية السورية ليل الأحد أجساما معادية في سماء منطقة دير العشائر بريف دمشق الغربي.")
    assert "Unidentified Tribal Militia" not in (event.actor1, event.actor2)


def test_the_stronghold_of_a_side_is_its_ground_not_the_attacker() -> None:
    event = first(
        "استهدفت مقاتلات حربية الاثنين مدينة دوما، التي تعد آخر معقل لمقاتلي المعارضة في محيط العاصمة."
    )
    assert event.actor1 != "Opposition Rebels"


def test_a_strike_a_while_ago_is_background() -> None:
    text = (
        "ذكر مسؤول في التحالف الاثنين أن مجموعات موالية للنظام احتشدت مجددا قرب حقل نفطي شرق دير الزور، "
        "وهو المكان الذي استهدفته قبل فترة ضربة عسكرية أمريكية ضد تلك المجموعات."
    )
    assert extract_events(report(text)) == []
