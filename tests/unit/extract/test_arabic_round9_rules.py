"""Round-9 Arabic rules, on actors: gunmen "allied with it" after a force are its allies; a state's leader, army or
official media announcing ground taken or a weapon stopped speaks for its forces; the other side of a ground
change is the one the report says that side fought against; a bombardment told without its attacker was carried
out by the one attacker the report names for it; protesters who clash riot against the police; whoever accuses
another of a strike was its target; gas that suffocates people hits civilians.

All sentences here are written for these tests (no third-party text).
"""

from __future__ import annotations

from datetime import UTC, datetime

from processors.extract import extract_events
from processors.extract.events import prepare
from sitrep.records import Event, Report

WHEN = datetime(2026, 3, 11, 9, 30, tzinfo=UTC)  # a Wednesday


def report(text: str, title: str = "") -> Report:
    return Report(report_id="t-ar-round9", title=title, text=text, language="ar", published_at=WHEN, fetched_at=WHEN)


def events(text: str, title: str = "") -> list[Event]:
    return extract_events(report(text, title))


def test_gunmen_allied_with_it_after_the_army_are_its_militia() -> None:
    doc = prepare(report("سقط في المعارك 12 من عناصر الجيش السوري ومسلحين متحالفين معه قرب بلدة السخنة."))
    names = [a.name for a in doc.actors]
    assert "Unidentified Armed Group" not in names
    assert "Militia (Pro-Government)" in names


def test_allies_of_the_army_leave_the_other_side_to_the_group_named_before() -> None:
    first = events(
        "احتدمت المعارك في بلدة الميادين حيث يسعى مقاتلو تنظيم الدولة الإسلامية لاستعادتها من القوات الحكومية. "
        "وقتل في الاشتباكات 14 من أفراد القوات الحكومية ومسلحين متحالفين معها."
    )[0]
    assert first.sub_event_type == "Armed clash"
    assert {first.actor1, first.actor2} == {"Islamic State", "Military Forces of Syria"}
    assert first.fatalities == 14


def test_a_clash_told_with_one_side_takes_the_other_side_the_report_names() -> None:
    found = events(
        "تدور معارك عنيفة في بلدة الميادين منذ هجوم شنه تنظيم الدولة الإسلامية فجر الثلاثاء. "
        "وقتل في الاشتباكات 14 من أفراد القوات الحكومية ومسلحين متحالفين معها."
    )
    counted = next(e for e in found if e.fatalities == 14)
    assert {counted.actor1, counted.actor2} == {"Islamic State", "Military Forces of Syria"}


def test_a_president_announcing_a_capture_speaks_for_his_forces() -> None:
    first = events(
        "أعلن الرئيس التركي، في كلمة أمام أنصاره الثلاثاء، السيطرة على مركز بلدة راجو. "
        "وكان الجيش التركي قد بدأ قبل أسابيع عملية عسكرية ضد مسلحي وحدات حماية الشعب الكردية في المنطقة.",
    )[0]
    assert first.sub_event_type == "Non-state actor overtakes territory"
    assert (first.actor1, first.actor2) == ("Military Forces of Turkey", "YPG")


def test_an_army_announcing_a_capture_regains_territory() -> None:
    first = events("أعلن الجيش السوري الثلاثاء السيطرة على بلدة كفرنبودة بعد معارك عنيفة.")[0]
    assert first.sub_event_type == "Government regains territory"
    assert first.actor1 == "Military Forces of Syria"


def test_state_media_telling_that_the_air_defences_stopped_a_missile_speak_for_its_state() -> None:
    first = events(
        "قال التلفزيون الرسمي السوري مساء الثلاثاء إن الدفاعات الجوية تصدت لصواريخ معادية في سماء مدينة مصياف."
    )[0]
    assert first.sub_event_type == "Disrupted weapons use"
    assert first.actor1 == "Military Forces of Syria"


def test_an_accusation_names_no_announcer_of_the_act() -> None:
    first = events("اتهمت الحكومة السورية الثلاثاء طائرات إسرائيلية بقصف مواقع قرب مدينة مصياف.")[0]
    assert first.actor1 == "Military Forces of Israel"


def test_a_bombardment_told_first_takes_the_attacker_named_further_on() -> None:
    first = events(
        "تصاعدت الغارات الجوية على بلدة حاس بريف إدلب الجنوبي صباح الثلاثاء. "
        "وقال ناشطون إن طائرات النظام السوري استهدفت بلدة كفرسجنة المجاورة بعدة صواريخ."
    )[0]
    assert first.sub_event_type == "Air/drone strike"
    assert first.actor1 == "Military Forces of Syria"


def test_a_bombardment_whose_attacker_is_called_unknown_keeps_none() -> None:
    first = events(
        "تصاعدت الغارات الجوية على بلدة حاس بريف إدلب الجنوبي صباح الثلاثاء من طائرات مجهولة الهوية. "
        "وقال ناشطون إن طائرات النظام السوري استهدفت بلدة كفرسجنة المجاورة بعدة صواريخ."
    )[0]
    assert first.actor1 == ""


def test_protesters_who_clash_with_the_security_forces_riot_against_the_police() -> None:
    found = events(
        "خرج مئات المحتجين الثلاثاء في مدينة الناصرية، وهاجم متظاهرون مبنى المحافظة "
        "فاندلعت مواجهات مع القوات الأمنية جرح فيها أربعة متظاهرين."
    )
    riot = next(e for e in found if e.sub_event_type == "Violent demonstration")
    assert (riot.actor1, riot.actor2) == ("Rioters (Iraq)", "Police Forces of Iraq")


def test_guards_of_the_badr_headquarters_who_shoot_a_protester_use_excessive_force() -> None:
    found = events(
        "قال مصدر طبي إن متظاهرا قتل الثلاثاء برصاص حراس مقر منظمة بدر في مدينة الكوت خلال احتجاجات على البطالة."
    )
    assert any(
        (e.sub_event_type, e.actor1, e.actor2)
        == ("Excessive force against protesters", "Badr Organization", "Protesters (Iraq)")
        for e in found
    )


def test_a_group_that_accuses_another_of_a_strike_was_its_target() -> None:
    first = events(
        "اتهمت قوات الحشد الشعبي الثلاثاء التحالف الدولي بشن غارة جوية على أحد مقراتها قرب مدينة القائم، "
        "ما أدى إلى مقتل 9 من عناصرها."
    )[0]
    assert first.sub_event_type == "Air/drone strike"
    assert (first.actor1, first.actor2) == ("Coalition", "Popular Mobilization Forces")


def test_a_backer_is_not_the_other_side() -> None:
    first = events("قتل محتج الثلاثاء بنيران حراس مقر منظمة بدر المقربة من إيران خلال مظاهرة في مدينة العمارة.")[0]
    assert first.actor1 == "Badr Organization"
    assert first.actor2 != "Military Forces of Iran"


def test_gas_that_suffocates_people_hits_civilians() -> None:
    first = events(
        "قال مسعفون إن عشرات الأشخاص عانوا من حالات اختناق إثر قصف بغاز الكلور شنته قوات النظام على بلدة "
        "اللطامنة بريف حماة الشمالي الثلاثاء."
    )[0]
    assert first.sub_event_type == "Chemical weapon"
    assert (first.actor1, first.actor2) == ("Military Forces of Syria", "Civilians")


def test_a_bombardment_takes_the_side_its_attacker_is_told_hitting_at_the_same_place() -> None:
    first = events(
        "صعدت قوات النظام السوري الثلاثاء قصفها المدفعي على بلدة اللطامنة بريف حماة الشمالي. "
        "وقال ناشطون إن طائرات النظام السوري شنت غارات على مواقع لهيئة تحرير الشام في بلدة اللطامنة."
    )[0]
    assert first.sub_event_type == "Shelling/artillery/missile attack"
    assert (first.actor1, first.actor2) == ("Military Forces of Syria", "Hayat Tahrir al-Sham")


def test_soldiers_killed_after_their_abduction_were_attacked_not_fought() -> None:
    first = events("أقدم مسلحو تنظيم داعش على قتل 6 جنود من الجيش العراقي بعد أسبوع من اختطافهم قرب مدينة بيجي.")[0]
    assert first.sub_event_type == "Attack"
    assert (first.actor1, first.actor2) == ("Islamic State", "Military Forces of Iraq")
    assert first.fatalities == 6


def test_soldiers_killed_in_a_fight_still_clash() -> None:
    first = events("قتل مسلحو تنظيم داعش 6 جنود من الجيش العراقي في هجوم على نقطة عسكرية قرب مدينة بيجي.")[0]
    assert first.sub_event_type == "Armed clash"


def test_civilians_named_beside_a_clash_are_not_its_other_side() -> None:
    found = events(
        "تواصلت المعارك الثلاثاء بين قوات النظام والمدنيين العالقين في بلدة كفرزيتا بريف حماة. "
        "وتقول الفصائل إنها صدت هجوم قوات النظام على البلدة."
    )
    clashes = [e for e in found if e.sub_event_type == "Armed clash"]
    assert clashes
    assert all(e.actor2 != "Civilians" for e in clashes)


def test_the_report_saying_whose_jets_carried_out_the_strikes_attributes_them() -> None:
    first = events(
        "صعد الجيش السوري الأربعاء غاراته على بلدة معرة النعمان ما أدى إلى مقتل 12 مدنيا. "
        "وقال ناشطون محليون إن الغارات نفذتها طائرات روسية انطلقت من قاعدة حميميم."
    )[0]
    assert first.sub_event_type == "Air/drone strike"
    assert (first.actor1, first.actor2) == ("Military Forces of Russia", "Civilians")


def test_jets_of_another_camp_do_not_take_over_the_strikes() -> None:
    first = events(
        "صعد الجيش السوري الأربعاء غاراته على بلدة معرة النعمان ما أدى إلى مقتل 12 مدنيا. "
        "وكانت الغارات التي نفذتها طائرات التحالف الدولي الشهر الماضي قد استهدفت مدينة الرقة."
    )[0]
    assert first.actor1 == "Military Forces of Syria"


def test_a_foreign_army_can_be_the_other_side_of_a_clash() -> None:
    found = events(
        "تبادل الجيش السوري والجيش الإسرائيلي القصف فجر الأربعاء في الجولان. "
        "وقالت مصادر إن اشتباكات اندلعت قرب بلدة خان أرنبة قتل فيها 4 من الجيش السوري. "
        "وتوعد الجيش الإسرائيلي بالرد على أي هجوم جديد."
    )
    counted = next(e for e in found if e.sub_event_type == "Armed clash" and e.fatalities == 4)
    assert {counted.actor1, counted.actor2} == {"Military Forces of Syria", "Military Forces of Israel"}


def test_people_killed_by_the_shelling_an_accuser_tells_are_civilians() -> None:
    first = events("اتهمت فصائل المعارضة الأربعاء قوات النظام بقصف بلدة كفرنبل بالمدفعية ما أدى إلى مقتل 5 أشخاص.")[0]
    assert (first.actor1, first.actor2) == ("Military Forces of Syria", "Civilians")


def test_a_bombardment_with_no_attacker_named_is_the_campaigning_sides() -> None:
    first = events(
        "غادرت قافلة إغاثة بلدة كفرنبل الأربعاء بسبب القصف المتواصل عليها. "
        "وكانت القافلة قد دخلت البلدة لأول مرة منذ بدء الحملة العسكرية لقوات النظام على ريف إدلب الجنوبي."
    )[0]
    assert first.sub_event_type == "Shelling/artillery/missile attack"
    assert first.actor1 == "Military Forces of Syria"


def test_army_divisions_are_the_army_in_both_languages() -> None:
    # the Tiger Forces and the 4th Division are divisions of the Syrian army, as ACLED codes them
    from datetime import UTC, datetime

    from processors.extract import extract_events
    from sitrep.records import Report

    when = datetime(2019, 5, 8, tzinfo=UTC)
    for text, language in [
        ("قصفت الفرقة الرابعة مواقع الفصائل في ريف درعا الشرقي.", "ar"),
        ("تقدمت قوات النمر نحو بلدة اللطامنة بريف حماة وسط اشتباكات مع الفصائل.", "ar"),
        ("The army's Fourth Division shelled rebel positions near Nawa.", "en"),
    ]:
        report = Report(report_id="d", title="", text=text, language=language, published_at=when, fetched_at=when)
        events = extract_events(report)
        assert events and events[0].actor1 == "Military Forces of Syria", text
