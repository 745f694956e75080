"""Round-6 Arabic rules: whether a clause tells of a violent event that happened. A violent word under a
head that does not assert it (a decision, a plan, the fear or prevention of it, an aim), one dated months
or years back ("منذ عامين", "في فبراير" of a May report), and a title or lead that recalls an event a week
old do not make a report about an event. Each test states one pattern of Arabic reporting.

All sentences here are written for these tests (no third-party text).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from processors.extract import extract_events
from sitrep.records import Event, Report

WHEN = datetime(2026, 5, 14, 11, 0, tzinfo=UTC)


def report(text: str, title: str = "") -> Report:
    return Report(report_id="t-ar-round6", title=title, text=text, language="ar", published_at=WHEN, fetched_at=WHEN)


def events(text: str, title: str = "") -> list[Event]:
    return extract_events(report(text, title))


@pytest.mark.parametrize(
    "text",
    [
        "ما زال الغموض يلف قرار شن غارات جوية على مواقع الحكومة في الشمال بعد اجتماع مطول لمجلس الوزراء.",
        "قال مسؤول أمني إن الوقت اقترب من قتل أو اعتقال زعيم الجماعة المختبئ في الجبال الحدودية.",
        "نزحت مئات العائلات من البلدات الشرقية خوفا من هجوم بري واسع تتحدث عنه وسائل الإعلام المحلية.",
        "نشرت الحكومة تعزيزات عسكرية على الحدود بهدف منع تسلل المسلحين وتجنب اشتباكات مع الدوريات.",
        "قال الجيش الثلاثاء إن الطائرة المسيرة التي اعترضها كانت تستهدف تنفيذ هجوم على منشأة نفطية.",
    ],
)
def test_a_violent_word_under_a_head_that_does_not_assert_it_is_no_event(text: str) -> None:
    assert events(text) == []


def test_a_killing_dated_years_back_is_the_background_of_an_arrest() -> None:
    text = (
        "أعلنت الشرطة التركية الأربعاء أنها اعتقلت شقيق أحد قادة تنظيم داعش الذي قتل منذ ثلاث سنوات، "
        "خلال مداهمة في مدينة إزمير."
    )
    assert all(e.sub_event_type == "Arrests" for e in events(text))


def test_a_month_other_than_the_reports_dates_the_clause_to_that_month() -> None:
    text = (
        "قالت الحكومة، اليوم الخميس، إن طائرة مسيرة أسقطتها فوق أراضيها في يناير/كانون الثاني كانت محملة "
        "بالمتفجرات."
    )
    assert events(text) == []


def test_a_month_of_the_reports_own_is_still_told() -> None:
    text = "قتل 6 مدنيين في غارة جوية على بلدة سراقب في ريف إدلب خلال مايو الجاري بحسب ناشطين."
    found = events(text)
    assert found and found[0].sub_event_type == "Air/drone strike"


def test_a_lead_that_recalls_an_attack_a_week_old_is_about_something_else() -> None:
    text = (
        "اجتمع وزراء الخارجية الأوروبيون الأربعاء في بروكسل لبحث الأزمة الإنسانية، بعد قصف صاروخي على بلدة "
        "معرة النعمان قبل نحو أسبوع."
    )
    assert events(text) == []


def test_a_strike_of_yesterday_in_the_lead_is_the_reports_event() -> None:
    text = "قتل 4 مدنيين أمس الأربعاء في قصف صاروخي على بلدة معرة النعمان في ريف إدلب الجنوبي."
    found = events(text)
    assert found and found[0].fatalities == 4


def test_a_sentence_that_only_counts_dead_gives_the_strikes_toll() -> None:
    text = (
        "شنت طائرات النظام الحربية غارات مكثفة على بلدات ريف حماة الشمالي يوم الثلاثاء. "
        "وقال المرصد إن 17 مدنيا على الأقل قتلوا يوم الثلاثاء وحده."
    )
    found = events(text)
    assert found[0].sub_event_type == "Air/drone strike" and found[0].fatalities == 17
    assert not any(e.sub_event_type == "Attack" for e in found)


def test_a_killing_with_its_own_attacker_stays_its_own_event() -> None:
    text = (
        "قصفت قوات النظام بلدة اللطامنة في ريف حماة الشمالي يوم الثلاثاء. "
        "وفي حادثة منفصلة قتل مسلحون مجهولون 3 مدنيين رميا بالرصاص في بلدة سرمدا."
    )
    assert any(e.sub_event_type == "Attack" and e.fatalities == 3 for e in events(text))


def test_a_city_that_locates_the_place_before_it_is_not_the_scene() -> None:
    text = "قتل 9 مدنيين الأربعاء في قصف على الغوطة الغربية، المنطقة الزراعية الواقعة قرب دمشق."
    found = events(text)
    assert found and found[0].location is not None and found[0].location.name != "Damascus"


def test_the_camp_word_of_a_towns_name_is_not_its_civilians() -> None:
    text = "استهدفت قوات النظام بالمدفعية مواقع تنظيم داعش في مخيم اليرموك جنوب دمشق يوم الأحد."
    found = events(text)
    assert found and found[0].actor2 == "Islamic State"
    assert found[0].location is not None and found[0].location.name == "Yarmouk Camp"


def test_strikes_named_by_a_state_are_air_strikes() -> None:
    text = "قتل 8 عناصر من قوات النظام في الضربات الروسية التي استهدفت مواقعهم قرب مدينة تدمر فجر الثلاثاء."
    found = events(text)
    assert found and found[0].sub_event_type == "Air/drone strike"


def test_the_attacks_told_first_are_the_bombings_the_next_sentence_names() -> None:
    text = (
        "تبنى تنظيم داعش الاثنين الهجمات التي استهدفت ثلاث كنائس في مدينة الموصل. "
        "وقال التنظيم إن عمليتين استشهاديتين قتلتا 9 أشخاص على الأقل."
    )
    found = events(text)
    assert found[0].sub_event_type == "Suicide bomb" and found[0].actor1 == "Islamic State"
    assert found[0].actor2 == "Civilians"


def test_a_quote_introduced_by_a_dated_tweet_tells_of_the_tweets_day() -> None:
    text = (
        "وكتب الناشط في تغريدة له في آذار 2014 قائلا:\n"
        '"قصف الطيران اليوم بلدة حيان في ريف حلب الشمالي".'
    )
    assert events(text, "ناشط سابق يثير الجدل بتغريداته القديمة") == []


def test_a_title_about_someone_who_was_killed_is_not_an_event_report() -> None:
    title = "عائلة المصور الذي اغتيل في الموصل تطالب بالعدالة"
    text = "طالبت عائلة المصور العراقي الحكومة يوم الأحد بفتح تحقيق مستقل ونشر نتائجه أمام الرأي العام."
    assert events(text, title) == []


def test_an_event_noun_heading_the_relative_clause_is_still_the_event() -> None:
    title = "مقتل 5 جنود في الهجوم الذي استهدف حاجزا قرب تدمر"
    text = "قتل 5 جنود من قوات النظام الثلاثاء في هجوم شنه تنظيم داعش على حاجز عسكري قرب مدينة تدمر."
    found = events(text, title)
    assert found and found[0].fatalities == 5


def test_an_agency_of_an_international_body_speaking_under_its_name_is_a_statement() -> None:
    title = "اليونيسف: الأطفال يدفعون ثمن الحرب"
    text = (
        "قالت منظمة الطفولة التابعة للأمم المتحدة، الخميس، إن الأطفال في سوريا كانوا أكثر المتضررين من "
        "الهجمات خلال السنوات الماضية."
    )
    assert events(text, title) == []


def test_a_title_blast_that_the_body_explains_as_a_depot_is_no_attack() -> None:
    title = "العراق.. انفجار وجدل سياسي حول الحكومة الجديدة"
    text = (
        "دعا زعيم التيار أنصاره الجمعة إلى الهدوء وضبط النفس بعد ليلة متوترة في العاصمة. "
        "وتناقش الكتل البرلمانية منذ أسابيع تشكيل الحكومة الجديدة دون اتفاق. "
        "وقالت وزارة الداخلية إن الانفجار الذي وقع في حي الشعب نجم عن انفجار مستودع للذخيرة."
    )
    assert events(text, title) == []


def test_the_words_of_a_hashtag_are_read_as_words() -> None:
    text = "اعتقلت #الشرطة_العراقية الأربعاء ثلاثة أشخاص يشتبه بانتمائهم إلى #تنظيم_داعش في مدينة كركوك."
    title = "العراق.. اعتقال ثلاثة مشتبهين بالإرهاب"
    assert events(text, title) == []  # police work: the hashtag names the police


def test_a_state_urging_another_after_strikes_is_a_statement() -> None:
    title = "بريطانيا تحث إيران على وقف دعم الميليشيات"
    text = (
        "حثت #بريطانيا إيران على وقف دعمها للميليشيات في اليمن، بعد الهجمات التي شنتها الولايات المتحدة "
        "على مواقع تابعة للحوثيين."
    )
    assert events(text, title) == []


def test_an_event_weeks_before_a_delivery_is_its_background() -> None:
    title = "موسكو تسلم دمشق منظومة رادار جديدة"
    text = "سلمت روسيا الجيش السوري منظومة رادار متطورة الاثنين، بعد مرور ثلاثة أسابيع على إسقاط طائرة استطلاع روسية."
    assert events(text, title) == []


def test_an_allegation_under_investigation_is_no_attack() -> None:
    title = "دمشق تطلب لجنة دولية"
    text = "طلبت الحكومة السورية الثلاثاء إرسال لجنة دولية للنظر في ادعاءات بهجوم بغاز الكلور على بلدة سراقب."
    assert events(text, title) == []


def test_an_accusation_of_an_attempted_attack_is_no_attack() -> None:
    title = "اسرائيل تتهم حزب الله"
    text = "اتهمت الحكومة الإسرائيلية الخميس حزب الله بالتخطيط لهجوم على مواقعها في الجليل."
    assert events(text, title) == []


def test_israels_attacks_in_syria_are_air_strikes() -> None:
    text = "قتل 7 عناصر من الحرس الثوري الإيراني في الهجمات التي شنتها إسرائيل فجر الأحد على مطار الشعيرات."
    found = events(text)
    assert found and found[0].sub_event_type == "Air/drone strike" and found[0].actor1 == "Military Forces of Israel"


def test_a_clash_word_in_quotation_marks_is_a_figure_of_speech() -> None:
    title = 'مشادة كلامية بين وزيرين في مؤتمر الأمن'
    text = 'شهد مؤتمر الأمن المنعقد في ميونخ الأحد مواجهة و"اشتباكا" بين وزيري خارجية تركيا ومصر.'
    assert events(text, title) == []


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "أعلن الجيش السوري الأحد عن تعرض مطار الشعيرات العسكري في ريف حمص لقصف صاروخي تصدت له الدفاعات الجوية.",
            "",
            "Military Forces of Syria",
        ),
        ("تعرضت قوات النظام في ريف حماة الشمالي لقصف صاروخي مساء الاثنين.", "", "Military Forces of Syria"),
        (
            "تعرضت مواقع قوات النظام في ريف حماة لقصف صاروخي من قبل هيئة تحرير الشام الاثنين.",
            "Hayat Tahrir al-Sham",
            "Military Forces of Syria",
        ),
    ],
)
def test_who_was_subjected_to_the_attack_suffered_it(text: str, actor1: str, actor2: str) -> None:
    found = events(text)
    assert found and (found[0].actor1, found[0].actor2) == (actor1, actor2)


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("قصفت ميليشيات موالية لإيران بلدة العيس بريف حلب الجنوبي الثلاثاء.", "Militia (Pro-Government)"),
        ("قصفت فصائل موالية لأنقرة قرية تل رفعت بريف حلب الشمالي الثلاثاء.", "Syrian National Army"),
    ],
)
def test_a_group_loyal_to_a_state_is_a_militia_of_its_camp(text: str, actor1: str) -> None:
    found = events(text)
    assert found and found[0].actor1 == actor1


def test_a_group_close_to_a_state_is_not_that_states_army() -> None:
    text = "اشتبكت فصائل المعارضة مع مسلحين مقربين من إيران في بلدة الحاضر بريف حلب الجنوبي الثلاثاء."
    found = events(text)
    assert found and "Military Forces of Iran" not in (found[0].actor1, found[0].actor2)


def test_the_toll_of_an_escalation_is_a_running_total() -> None:
    text = (
        "قصفت طائرات النظام بلدة سراقب في ريف إدلب الخميس. "
        "وبحسب ناشطين فقد خلف التصعيد الأخير مقتل 230 شخصا في المحافظة."
    )
    assert all(e.fatalities != 230 for e in events(text))


def test_the_capital_that_locates_a_region_is_not_the_scene() -> None:
    text = "قتل 6 مدنيين الخميس في قصف مدفعي على الغوطة الشرقية قرب العاصمة السورية دمشق."
    found = events(text)
    assert found and found[0].location is not None and found[0].location.name == "Eastern Ghouta"


def test_a_toll_raised_by_new_dead_of_one_strike_is_that_strikes_toll() -> None:
    text = (
        "قال المرصد الأحد إن الضربات الروسية على بلدة كفرنبل التي وقعت فجر السبت، أسفرت عن مقتل 5 أطفال "
        "مما يرفع حصيلة القتلى إلى 19 على الأقل."
    )
    found = events(text)
    assert found and found[0].fatalities == 19


def test_a_toll_raised_over_a_campaign_stays_a_running_total() -> None:
    text = (
        "قال المرصد الأحد إن الضربات الروسية على بلدة كفرنبل فجر السبت أسفرت عن مقتل 5 أطفال، "
        "مما يرفع حصيلة القتلى منذ بدء الحملة إلى 190."
    )
    assert all(e.fatalities != 190 for e in events(text))
