"""Round-7 Arabic rules: who acted, how many died, on which day. Aircraft named with a nationality after them
("مقاتلات عراقية") are that state's; barrel bombs and helicopters of no other state are the Syrian state's;
civilians named beside a change of ground are not the side that lost it; a title's named attacker heads an
attack its body leaves to "gunmen"; "the army" refers back to the army named before; conflicting tolls from
other informants give the lowest; an Arabic report stamped late in UTC is already the next day in the region.
Each test states one pattern of Arabic reporting.

All sentences here are written for these tests (no third-party text).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from processors.extract import extract_events
from processors.extract.dates import find_dates
from sitrep.records import Event, Report

WHEN = datetime(2026, 5, 14, 11, 0, tzinfo=UTC)  # a Thursday


def report(text: str, title: str = "", when: datetime = WHEN) -> Report:
    return Report(report_id="t-ar-round7", title=title, text=text, language="ar", published_at=when, fetched_at=when)


def events(text: str, title: str = "", when: datetime = WHEN) -> list[Event]:
    return extract_events(report(text, title, when))


def test_aircraft_with_the_nationality_after_them_are_that_states_forces() -> None:
    text = "نفذت طائرات عراقية فجر اليوم ضربات جوية على مخابئ لتنظيم داعش قرب بلدة الشعفة في ريف دير الزور."
    first = events(text)[0]
    assert first.sub_event_type == "Air/drone strike"
    assert (first.actor1, first.actor2) == ("Military Forces of Iraq", "Islamic State")


def test_an_indefinite_american_aircraft_is_the_united_states() -> None:
    text = "قصفت طائرة أمريكية مسيرة سيارة تقل قياديين في تنظيم داعش على طريق قرب بلدة البصيرة شرقي دير الزور."
    assert events(text)[0].actor1 == "Military Forces of the United States"


def test_barrel_bombs_from_helicopters_are_the_syrian_states() -> None:
    text = "ألقت مروحيات براميل متفجرة على بلدة كفرنبودة في ريف حماة الشمالي صباح اليوم ما أدى إلى مقتل 4 مدنيين."
    first = events(text)[0]
    assert first.sub_event_type == "Air/drone strike"
    assert (first.actor1, first.actor2) == ("Military Forces of Syria", "Civilians")
    assert first.fatalities == 4


def test_gas_in_barrel_bombs_told_in_another_sentence_is_the_syrian_states() -> None:
    title = "عشرات المصابين في هجوم كيماوي على اللطامنة"
    text = (
        "قال مسعفون إن 30 شخصا أصيبوا بحالات اختناق في هجوم بالكلور على بلدة اللطامنة في ريف حماة اليوم. "
        "وأضافوا أن غاز الكلور كان داخل براميل أسقطتها طائرات مروحية على الأحياء السكنية."
    )
    first = events(text, title)[0]
    assert first.sub_event_type == "Chemical weapon"
    assert first.actor1 == "Military Forces of Syria"


def test_helicopters_of_another_state_stay_that_states() -> None:
    text = "قصفت مروحيات تركية مواقع لحزب العمال الكردستاني في جبال قنديل شمالي العراق صباح اليوم."
    assert events(text)[0].actor1 != "Military Forces of Syria"


def test_civilians_beside_a_change_of_ground_are_not_the_side_that_lost_it() -> None:
    text = (
        "تمكنت قوات الجيش السوري من السيطرة على بلدة كفرنبودة، أكبر معاقل المعارضة المسلحة في ريف حماة، بحسب "
        "ناشطين. وقال ناشطون إن القصف الجوي أودى بحياة 9 مدنيين مع تقدم قوات الجيش مدعومة بالدبابات."
    )
    first = events(text)[0]
    assert first.sub_event_type == "Government regains territory"
    assert first.actor2 == "Opposition Rebels"


def test_the_titles_named_attacker_heads_an_attack_its_body_leaves_to_gunmen() -> None:
    title = "داعش يرتكب مذبحة في قرية شمال تكريت"
    text = "قال مصدر أمني إن مسلحين أطلقوا النار على سكان قرية البو عجيل قرب تكريت الأربعاء، ما أدى إلى مقتل 9 مدنيين."
    first = events(text, title)[0]
    assert first.sub_event_type == "Attack"
    assert (first.actor1, first.actor2) == ("Islamic State", "Civilians")


def test_a_bare_army_refers_back_to_the_army_named_before() -> None:
    title = "الجيش العراقي يستعيد قرى في صحراء الأنبار"
    text = (
        "أعلن الجيش العراقي اليوم استعادة ثلاث قرى غربي الرمادي. وقال متحدث عسكري إن وحدات الجيش تمكنت من "
        "قتل عشرات من عناصر تنظيم 'داعش' فيما بسطت القوات سيطرتها الكاملة على قرية الحامضية."
    )
    evs = events(text, title)
    assert evs and all(e.actor1 != "Islamic State" for e in evs if e.sub_event_type != "Armed clash")
    assert evs[0].actor1 == "Military Forces of Iraq"


def test_conflicting_tolls_from_other_informants_give_the_lowest() -> None:
    text = (
        "فتح مسلحون النار على مشيعين في بلدة المقدادية شمال شرقي بعقوبة اليوم. "
        "وذكرت مصادر محلية أن 7 أشخاص قتلوا، فيما أفادت تقارير أخرى بمقتل 13 شخصا."
    )
    assert events(text)[0].fatalities == 7


def test_a_toll_raised_by_one_informant_is_not_a_conflict() -> None:
    text = "قتل 12 مدنيا في غارات جوية على بلدة معرة النعمان اليوم، وقال ناشطون إن الحصيلة مرشحة للارتفاع."
    assert events(text)[0].fatalities == 12


def test_a_weekday_in_a_report_stamped_late_in_utc_is_the_regions_next_day() -> None:
    late = datetime(2026, 5, 14, 22, 30, tzinfo=UTC)  # Thursday 22:30 UTC: already Friday in Damascus
    (friday,) = [d for d in find_dates("شنت طائرات حربية الجمعة غارات على البلدة", "ar", late)]
    assert friday.date == date(2026, 5, 15)
    (thursday,) = [d for d in find_dates("شنت طائرات حربية الخميس غارات على البلدة", "ar", late)]
    assert thursday.date == date(2026, 5, 14)


def test_a_weekday_in_a_report_stamped_by_day_counts_from_its_own_day() -> None:
    noon = datetime(2026, 5, 14, 12, 0, tzinfo=UTC)
    (friday,) = [d for d in find_dates("شنت طائرات حربية الجمعة غارات على البلدة", "ar", noon)]
    assert friday.date == date(2026, 5, 8)


def test_english_weekdays_keep_the_stamps_own_day() -> None:
    late = datetime(2026, 5, 14, 22, 30, tzinfo=UTC)
    (friday,) = [d for d in find_dates("Warplanes struck the town on Friday", "en", late)]
    assert friday.date == date(2026, 5, 8)


@pytest.mark.parametrize(
    "text",
    [
        "حشد الجيش تعزيزات كبيرة حول المدينة تمهيدا للسيطرة على أحيائها الشمالية خلال الأيام المقبلة.",
        "بدأت القوات الحكومية عملية واسعة تتيح لها السيطرة على الطريق الدولي بين حلب ودمشق.",
    ],
)
def test_a_change_of_ground_that_would_be_enabled_is_not_told_as_done(text: str) -> None:
    assert all(e.sub_event_type != "Government regains territory" for e in events(text))


def test_a_change_of_ground_that_was_achieved_is_still_told() -> None:
    text = "تمكنت القوات الحكومية اليوم من السيطرة على بلدة مورك في ريف حماة الشمالي بعد معارك مع الفصائل."
    assert events(text)[0].sub_event_type == "Government regains territory"


def test_a_change_of_ground_fronted_as_the_premise_ranks_after_the_sentences_news() -> None:
    text = (
        "بعد استعادة السيطرة على ريف حمص الشمالي، صعدت قوات النظام غاراتها على بلدة اللطامنة في ريف حماة اليوم. "
        "وقال ناشطون إن الغارات دمرت عدة منازل."
    )
    evs = events(text)
    assert evs[0].sub_event_type == "Air/drone strike"
    assert "Government regains territory" in {e.sub_event_type for e in evs}


def test_a_title_telling_what_a_side_admits_is_a_statement() -> None:
    title = "الجيش الأمريكي يقر بقتل 14 مدنيا في غارات على الموصل"
    text = (
        "أقرت القيادة المركزية الأمريكية، الأربعاء، بمقتل 14 مدنيا في غارات شنتها طائراتها على الموصل خلال العام "
        "الماضي، وقالت إن تحقيقاتها في بلاغات أخرى ما زالت جارية."
    )
    assert events(text, title) == []


def test_a_title_telling_the_killing_itself_is_still_an_event() -> None:
    title = "مقتل 14 مدنيا في غارات على الموصل"
    text = "قتل 14 مدنيا في غارات جوية شنتها طائرات التحالف الدولي على أحياء غربي الموصل اليوم الأربعاء."
    assert events(text, title)[0].fatalities == 14


def test_a_report_whose_title_and_lead_tell_only_a_handover_is_not_about_violence() -> None:
    title = "المسلحون يسلمون أسلحتهم الثقيلة في بلدة الرستن"
    text = (
        "بدأ المسلحون في بلدة الرستن تسليم أسلحتهم الثقيلة للقوات الحكومية، ما يمهد لاستعادتها السيطرة الكاملة "
        "على البلدة بموجب اتفاق رعته روسيا. وكانت القوات الحكومية قد شنت في الأسابيع الماضية غارات مكثفة على "
        "ريف حمص الشمالي."
    )
    assert events(text, title) == []


def test_a_handover_beside_fighting_in_the_lead_keeps_the_fighting() -> None:
    title = "اشتباكات عنيفة في ريف درعا"
    text = "اندلعت اشتباكات عنيفة بين قوات النظام وفصائل المعارضة قرب بلدة طفس اليوم، بينما سلمت فصائل أخرى أسلحتها."
    assert events(text, title)[0].sub_event_type == "Armed clash"


def test_a_toll_glued_to_the_word_before_it_is_read() -> None:
    text = "قتل حتى الآن17 مدنيا في غارات جوية على بلدة التمانعة في ريف إدلب الجنوبي اليوم."
    assert events(text)[0].fatalities == 17


def test_a_sentence_opening_days_back_tells_of_then_all_of_it() -> None:
    title = "اشتباكات عنيفة في ريف حماة"
    text = (
        "قتل 6 عناصر من قوات النظام في اشتباكات مع الفصائل قرب بلدة اللطامنة اليوم. "
        "وقبل أيام قتل 31 عنصرا من قوات النظام في هجمات متتالية للفصائل، وتمكنت الفصائل من قطع طريق الإمداد."
    )
    evs = events(text, title)
    assert evs[0].fatalities == 6
    assert all(e.fatalities != 31 for e in evs)


def test_the_dead_of_both_of_one_side_named_after_the_fighting_are_not_its_initiator() -> None:
    title = "داعش يسيطر على أحياء في مدينة الميادين"
    text = (
        "سيطر تنظيم داعش اليوم على أحياء في مدينة الميادين بريف دير الزور. وقال المرصد إن معارك عنيفة في وسط "
        "المدينة أوقعت 27 قتيلا على الأقل من القوات الحكومية والمسلحين الموالين لها."
    )
    first = events(text, title)[0]
    assert first.sub_event_type == "Non-state actor overtakes territory"
    assert (first.actor1, first.actor2) == ("Islamic State", "Military Forces of Syria")
    assert first.fatalities == 27


def test_the_fighting_after_ithr_in_a_title_of_a_change_of_ground_is_how_it_was_won() -> None:
    title = "الفصائل تسيطر على قرى في ريف حماة إثر هجوم واسع"
    text = (
        "سيطرت فصائل المعارضة اليوم على ثلاث قرى في ريف حماة الشمالي بعد هجوم واسع على مواقع قوات النظام. "
        "وفي ريف حلب، قتل 9 عناصر من قوات النظام في اشتباكات مع الفصائل قرب بلدة خان طومان."
    )
    assert events(text, title)[0].sub_event_type == "Non-state actor overtakes territory"


def test_a_strike_on_an_unowned_military_site_in_syria_hits_the_states_forces() -> None:
    title = "قتلى في غارة جوية على موقع عسكري شرقي سوريا"
    text = "قتل وجرح عدد من الأشخاص في غارة جوية استهدفت موقعا عسكريا قرب بلدة الصالحية في ريف دير الزور اليوم."
    first = events(text, title)[0]
    assert first.sub_event_type == "Air/drone strike"
    assert first.actor2 == "Military Forces of Syria"


def test_civilians_killed_at_a_military_site_stay_civilians() -> None:
    text = "قتل 4 مدنيين في غارة جوية على موقع عسكري قرب بلدة الصالحية في ريف دير الزور اليوم."
    assert events(text)[0].actor2 == "Civilians"


def test_a_camp_town_told_again_as_the_camp_is_a_place_not_civilians() -> None:
    text = (
        "قصفت قوات النظام اليوم حي التضامن ومخيم اليرموك جنوب دمشق الخاضعين لسيطرة تنظيم داعش، "
        "وتصاعدت أعمدة الدخان من المخيم."
    )
    first = events(text)[0]
    assert first.actor1 == "Military Forces of Syria"
    assert first.actor2 != "Civilians"


def test_civilians_feared_for_are_not_the_victims_of_the_strike() -> None:
    text = (
        "واصلت قوات النظام اليوم قصفها على بلدة اللطامنة في ريف حماة، وسط مخاوف من نزوح آلاف المدنيين "
        "نحو الحدود التركية."
    )
    assert events(text)[0].actor2 != "Civilians"


def test_an_attack_with_gas_is_a_chemical_weapon() -> None:
    text = "قال ناشطون إن قوات النظام شنت هجوما بالغاز على بلدة حرستا اليوم أدى إلى إصابة 9 أشخاص بحالات اختناق."
    first = events(text)[0]
    assert first.sub_event_type == "Chemical weapon"
    assert first.actor1 == "Military Forces of Syria"


def test_tear_gas_is_no_chemical_weapon() -> None:
    text = "أطلقت قوات الأمن الغاز المسيل للدموع لتفريق مئات المتظاهرين أمام مبنى المحافظة في الناصرية اليوم."
    assert all(e.sub_event_type != "Chemical weapon" for e in events(text))


def test_a_group_named_by_a_hashtag_after_said_is_the_speaker() -> None:
    text = (
        "قالت #وحدات_حماية_الشعب إن الجيش التركي قصف قرية في ناحية جنديرس اليوم ما أدى إلى إصابة 4 مدنيين."
    )
    first = events(text)[0]
    assert first.actor1 == "Military Forces of Turkey"
    assert first.actor2 == "Civilians"


def test_fighting_after_bad_in_a_title_over_a_lead_telling_the_ground_won() -> None:
    title = "الجيش السوري يتوغل في حي جوبر بعد معارك عنيفة مع فيلق الرحمن"
    text = (
        "تقدم الجيش السوري اليوم في حي جوبر شرقي العاصمة، واستعاد السيطرة على منطقة المعامل، إثر "
        "معارك عنيفة مع مقاتلي فيلق الرحمن اليوم. وقتل 3 مدنيين في قصف على بلدة عين ترما القريبة."
    )
    assert events(text, title)[0].sub_event_type == "Government regains territory"


def test_a_toll_inside_an_accusation_of_involvement_is_no_events_toll() -> None:
    title = "مقتل 8 مدنيين بقصف على خان شيخون.. وموسكو ترفض الاتهامات"
    text = (
        "رفضت موسكو، الخميس، الاتهامات الموجهة إليها بالتورط في قتل مئات المدنيين في بلدات إدلب التي تتعرض "
        "لقصف من قبل النظام. وقتل 8 مدنيين اليوم في قصف مدفعي على بلدة خان شيخون."
    )
    evs = events(text, title)
    assert all(e.fatalities != 100 for e in evs)
    assert any(e.fatalities == 8 for e in evs)


def test_a_figure_told_as_contradicting_anothers_gives_the_lowest() -> None:
    text = (
        "قتل 4 جنود عراقيين في هجوم شنه مسلحون على نقطة تفتيش قرب بلدة الطارمية اليوم بحسب الجيش، وهو ما "
        "يخالف الأرقام التي أعلنتها مصادر محلية. وكانت مصادر محلية قد قالت إن 11 جنديا قتلوا في الهجوم."
    )
    assert events(text, "مقتل جنود عراقيين في هجوم مسلح على نقطة تفتيش شمال بغداد")[0].fatalities == 4


def test_fighters_taken_out_under_a_deal_is_a_non_violent_transfer() -> None:
    text = (
        "قصفت قوات النظام بلدة كفربطنا اليوم ما أدى إلى مقتل 3 مدنيين. وفي حرستا، بدأت عملية إخراج مقاتلي "
        "حركة أحرار الشام من المدينة بموجب اتفاق مع الجانب الروسي."
    )
    types = {e.sub_event_type for e in events(text)}
    assert "Non-violent transfer of territory" in types
    assert "Government regains territory" not in types


def test_a_report_whose_lead_tells_only_an_evacuation_operation_is_not_about_violence() -> None:
    title = "وصول محققين دوليين إلى بلدة الرحيبة"
    text = (
        "وصل فريق من المحققين الدوليين اليوم إلى بلدة الرحيبة في القلمون الشرقي، خلال عملية إخراج مقاتلي "
        "المعارضة منها، وفق ما نقلته وسائل إعلام رسمية."
    )
    assert events(text, title) == []


def test_fighters_driven_out_in_battle_still_regains_ground() -> None:
    text = "تمكنت قوات النظام اليوم من طرد مقاتلي المعارضة من بلدة حرستا بعد معارك عنيفة استمرت ساعات."
    assert events(text)[0].sub_event_type == "Government regains territory"


def test_strikes_told_as_the_cover_of_a_ground_advance_are_not_the_main_event() -> None:
    text = (
        "تقدمت قوات النظام في ريف إدلب الجنوبي تحت غطاء غارات جوية مكثفة، ودخلت بلدة الهبيط بعد انسحاب "
        "مقاتلي المعارضة منها اليوم."
    )
    assert events(text)[0].sub_event_type == "Government regains territory"


def test_strikes_without_a_ground_advance_stay_strikes() -> None:
    text = "شنت طائرات حربية روسية غارات جوية مكثفة على بلدة الهبيط في ريف إدلب الجنوبي اليوم."
    assert events(text)[0].sub_event_type == "Air/drone strike"


def test_a_handover_under_a_deal_ranks_after_the_fighting_the_report_tells() -> None:
    text = (
        "بدأت عملية إخراج مقاتلي المعارضة من بلدة الضمير بموجب اتفاق مع الجانب الروسي اليوم. "
        "وفي الأثناء قصفت القوات الحكومية مواقع تنظيم داعش في حي الحجر الأسود جنوب دمشق."
    )
    evs = events(text, "قصف على مواقع داعش جنوب دمشق وإخراج مقاتلين من الضمير")
    assert evs[0].sub_event_type == "Shelling/artillery/missile attack"


def test_an_offensive_named_with_when_it_began_is_the_campaign_not_that_days_event() -> None:
    title = "الجيش السوري يعلن السيطرة على بلدة اللطامنة"
    text = (
        "أعلن الجيش السوري اليوم سيطرته الكاملة على بلدة اللطامنة في ريف حماة الشمالي. وجاءت السيطرة إثر "
        "هجوم كبير بدأه الجيش في 2 مايو على مواقع الفصائل المسلحة بالمنطقة."
    )
    evs = events(text, title)
    assert evs[0].sub_event_type == "Government regains territory"
    assert all(e.event_date != date(2026, 5, 2) for e in evs)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        (
            "قتل 3 جنود عراقيين في هجوم شنه عناصر من تنظيم داعش على نقطة عسكرية قرب بلدة الحويجة اليوم.",
            "Military Forces of Iraq",
        ),
        (
            "أصيب جنديان أمريكيان عندما انفجرت عبوة ناسفة بدوريتهما قرب مدينة منبج اليوم، وقتل جندي امريكي.",
            "Military Forces of the United States",
        ),
        (
            "قتل جنديين تركيين في هجوم شنه مسلحون من حزب العمال الكردستاني على موقع عسكري جنوب شرقي تركيا.",
            "Military Forces of Turkey",
        ),
    ],
)
def test_soldiers_counted_with_their_nationality_are_that_states_forces(text: str, side: str) -> None:
    first = events(text)[0]
    assert side in (first.actor1, first.actor2)


@pytest.mark.parametrize(
    "text",
    [
        "يستذكر أهالي بلدة التريمسة اليوم مجزرة البلدة التي قتل فيها عشرات المدنيين عام 2012.",
        "أحيا ناشطون في إدلب اليوم ذكرى مجزرة الكيماوي التي قتل فيها مئات المدنيين في الغوطة عام 2013.",
    ],
)
def test_an_anniversary_commemorated_today_is_no_event(text: str) -> None:
    assert events(text) == []


def test_districts_hit_are_still_an_event() -> None:
    text = "استهدفت قوات النظام أحياء سكنية في مدينة درعا بقذائف المدفعية اليوم ما أدى إلى مقتل 3 مدنيين."
    assert events(text)[0].fatalities == 3


def test_the_shelling_people_flee_from_is_the_background_of_their_flight() -> None:
    title = "آلاف العائلات تفر من القصف في ريف حماة"
    text = "فرت آلاف العائلات من بلدات ريف حماة الشمالي هربا من القصف المتواصل، بحسب منظمات إغاثية."
    assert events(text, title) == []


def test_shelling_that_kills_as_people_flee_is_still_an_event() -> None:
    text = "قتل 5 مدنيين في قصف مدفعي على بلدة كفرزيتا في ريف حماة اليوم أثناء فرارهم من البلدة."
    assert events(text)[0].fatalities == 5


def test_what_forces_failed_to_prevent_happened() -> None:
    text = "عجزت قوات الأمن عن منع مجزرة ارتكبها مسلحون بحق سكان قرية البو نمر غرب الرمادي اليوم."
    assert any(e.sub_event_type == "Attack" for e in events(text))


def test_what_a_deal_aims_to_prevent_is_still_not_told_as_done() -> None:
    text = "وقعت الأطراف اتفاقا في أستانا لمنع هجوم واسع على محافظة إدلب."
    assert events(text) == []


def test_factions_of_a_named_group_are_that_group() -> None:
    text = "دارت اشتباكات عنيفة بين فصائل الجيش الوطني ووحدات حماية الشعب قرب قرية مرعناز شمال حلب اليوم."
    first = events(text)[0]
    assert {first.actor1, first.actor2} == {"Syrian National Army", "YPG"}


def test_sites_named_with_a_nationality_after_them_are_that_states() -> None:
    text = "شنت طائرات إسرائيلية غارات على مواقع إيرانية قرب بلدة الكسوة جنوب دمشق فجر اليوم."
    first = events(text)[0]
    assert (first.actor1, first.actor2) == ("Military Forces of Israel", "Military Forces of Iran")


def test_ground_the_report_says_was_taken_under_a_deal_is_a_non_violent_transfer() -> None:
    text = (
        "استعادت قوات النظام اليوم السيطرة على بلدتي المسيفرة والجيزة في ريف درعا الشرقي بموجب اتفاقات مصالحة "
        "مع وجهاء المنطقة. وقتل 6 عناصر من الفصائل في اشتباكات مع قوات النظام قرب بلدة طفس."
    )
    evs = events(text)
    assert evs[0].sub_event_type == "Armed clash"
    assert "Non-violent transfer of territory" in {e.sub_event_type for e in evs}


def test_others_wounded_after_the_dead_are_injured_not_killed() -> None:
    text = "قتلت غارة جوية 4 مدنيين وجرحت 9 آخرين في بلدة معرشمارين بريف إدلب اليوم."
    first = events(text)[0]
    assert (first.fatalities, first.injured) == (4, 9)


def test_others_wounded_by_falling_shells_are_counted() -> None:
    text = "قتل مدنيان وأصيب 6 آخرون جراء سقوط قذائف صاروخية على حي الميدان في دمشق اليوم."
    first = events(text)[0]
    assert (first.fatalities, first.injured) == (2, 6)


@pytest.mark.parametrize("allies", ["والمسلحين الموالين لها", "ومسلحين موالين لها"])
def test_gunmen_loyal_to_the_regime_fight_on_its_side_definite_or_not(allies: str) -> None:
    text = (f"اندلعت معارك بين قوات النظام {allies} من جهة، وهيئة تحرير الشام من جهة أخرى قرب بلدة "
            "كفرنبودة بريف حماة الشمالي، أسفرت عن مقتل 6 مقاتلين.")
    first = events(text)[0]
    assert first.sub_event_type == "Armed clash"
    assert (first.actor1, first.actor2) == ("Military Forces of Syria", "Hayat Tahrir al-Sham")
