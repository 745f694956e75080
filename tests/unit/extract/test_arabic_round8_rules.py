"""Round-8 Arabic rules: members of a group ("عناصر النظام", "مقاتلو", "جنود") named as a clause's subject keep
their side and toll as the group's own name does; a group "loyal to it" joined to a state force is that force's
ally on its side; "N منهم" with no count before it is the toll itself; "خسرت X N عناصر" counts X's dead; a
toll of days on end is a total; Israel's missiles and attacks told together came from the air.

All sentences here are written for these tests (no third-party text).
"""

from __future__ import annotations

from datetime import UTC, datetime

from processors.extract import extract_events
from sitrep.records import Event, Report

WHEN = datetime(2026, 3, 11, 9, 30, tzinfo=UTC)  # a Wednesday


def events(text: str, title: str = "") -> list[Event]:
    return extract_events(
        Report(report_id="t-ar-round8", title=title, text=text, language="ar", published_at=WHEN, fetched_at=WHEN)
    )


def test_members_of_the_regime_after_a_clause_initial_verb_are_the_attackers() -> None:
    first = events("قصفت عناصر النظام قرية حزارين بريف إدلب الجنوبي، ما أدى لمقتل 3 مدنيين.")[0]
    assert first.sub_event_type == "Shelling/artillery/missile attack"
    assert (first.actor1, first.actor2) == ("Military Forces of Syria", "Civilians")
    assert first.fatalities == 3


def test_members_who_clash_keep_the_event_and_the_toll_of_them() -> None:
    found = events("اشتبكت عناصر النظام مع الفصائل قرب بلدة الهبيط، وقتل 6 منهم.")
    assert found, "members of the regime as the subject of a clash still tell a clash"
    first = found[0]
    assert first.sub_event_type == "Armed clash"
    assert (first.actor1, first.actor2) == ("Military Forces of Syria", "Opposition Rebels")
    assert first.fatalities == 6


def test_members_named_first_after_between_are_the_first_side() -> None:
    first = events("اندلعت اشتباكات بين عناصر النظام والفصائل على جبهة تل ملح، أسفرت عن مقتل 11 مقاتلا.")[0]
    assert (first.actor1, first.actor2) == ("Military Forces of Syria", "Opposition Rebels")
    assert first.fatalities == 11


def test_members_after_the_subject_are_still_the_target() -> None:
    first = events("استهدفت الفصائل بصاروخ موجه عناصر النظام على جبهة الحويز، ما أدى لمقتل 4 عناصر.")[0]
    assert (first.actor1, first.actor2) == ("Opposition Rebels", "Military Forces of Syria")
    assert first.fatalities == 4


def test_soldiers_of_the_regime_killed_in_shelling_are_the_side_hit() -> None:
    first = events("قتل 5 من جنود النظام وجرح آخرون بقصف للفصائل على مواقعهم في ريف حماة الشمالي.")[0]
    assert (first.actor1, first.actor2) == ("Opposition Rebels", "Military Forces of Syria")
    assert first.fatalities == 5


def test_a_count_of_them_with_no_count_before_is_the_toll() -> None:
    first = events("فجرت الفصائل عبوة ناسفة بسيارة تقل عناصر من النظام قرب بلدة مورك، ما أسفر عن مقتل 3 منهم.")[0]
    assert first.sub_event_type == "Remote explosive/landmine/IED"
    assert first.fatalities == 3


def test_a_count_of_them_after_a_toll_is_still_a_part_of_it() -> None:
    first = events("قتل 9 مدنيين، 4 منهم أطفال، بغارات جوية على بلدة التح في ريف إدلب.")[0]
    assert first.fatalities == 9


def test_a_side_that_lost_men_counts_them_and_is_the_side_hit() -> None:
    first = events("خسرت قوات النظام 8 عناصر خلال هجوم للفصائل على محور تل الصخر بريف حماة.")[0]
    assert first.fatalities == 8
    assert (first.actor1, first.actor2) == ("Opposition Rebels", "Military Forces of Syria")


def test_gunmen_loyal_to_the_turkish_forces_are_their_allies_not_regime_militia() -> None:
    found = events("قصفت القوات التركية والمسلحون الموالون لها قرية معراتة في ريف عفرين، ما أدى لمقتل 4 مدنيين.")
    first = found[0]
    assert (first.actor1, first.actor2) == ("Military Forces of Turkey", "Civilians")
    assert first.fatalities == 4
    assert all("Militia (Pro-Government)" not in (e.actor1, e.actor2) for e in found)


def test_factions_loyal_to_the_turkish_army_are_bound_to_it_not_its_target() -> None:
    first = events("استهدف الجيش التركي والفصائل الموالية له قرية كيمار بالمدفعية، ما أدى لمقتل طفلين.")[0]
    assert (first.actor1, first.actor2) == ("Military Forces of Turkey", "Civilians")
    assert first.fatalities == 2


def test_syrian_factions_loyal_to_ankara_beside_turkish_jets_are_not_the_target() -> None:
    first = events("قصفت الطائرات التركية والفصائل السورية الموالية لأنقرة بلدة بعدينا، ما أدى لمقتل 6 مدنيين.")[0]
    assert first.sub_event_type == "Air/drone strike"
    assert (first.actor1, first.actor2) == ("Military Forces of Turkey", "Civilians")


def test_factions_loyal_to_the_regime_forces_are_its_militia() -> None:
    found = events("هاجمت قوات النظام والفصائل الموالية لها مواقع هيئة تحرير الشام قرب بلدة أبو الظهور، وقتل 7.")
    assert found[0].actor1 == "Military Forces of Syria"
    assert all("Syrian National Army" not in (e.actor1, e.actor2) for e in found)


def test_a_toll_of_days_on_end_is_a_total_not_an_event_toll() -> None:
    text = (
        "قتل 7 مدنيين اليوم بقصف لقوات النظام على بلدة كفرنبل في ريف إدلب الجنوبي. "
        "وفي الشهر الماضي شنت الطائرات غارات مكثفة لأربعة أيام متواصلة على ريف المحافظة، ما أدى إلى مقتل 130 مدنيا."
    )
    found = events(text)
    assert found[0].fatalities == 7
    assert all(e.fatalities != 130 for e in found)


def test_an_israeli_missile_during_the_attacks_israel_launched_is_an_air_strike() -> None:
    text = (
        "بث الجيش الإسرائيلي مساء اليوم مقطعا يظهر إصابة صاروخ إسرائيلي لمنصة إطلاق صواريخ إيرانية قرب مطار المزة، "
        "خلال الهجمات التي شنتها إسرائيل فجر اليوم على أهداف إيرانية في سوريا. "
        "وقالت إسرائيل إن الهجوم جاء ردا على قذائف أطلقت على مواقعها."
    )
    first = events(text, title="إسرائيل تنشر مقطعا لتدمير منصة إيرانية")[0]
    assert (first.actor1, first.actor2) == ("Military Forces of Israel", "Military Forces of Iran")
    assert first.sub_event_type == "Air/drone strike"


def test_factions_loyal_to_the_sdf_are_on_its_side_not_turkish_backed() -> None:
    found = events("قصفت قوات سوريا الديمقراطية والفصائل الموالية لها قرية الحمرات، ما أدى لمقتل مدنيين اثنين.")
    assert (found[0].actor1, found[0].actor2) == ("Syrian Democratic Forces", "Civilians")
    assert all("Syrian National Army" not in (e.actor1, e.actor2) for e in found)


def test_the_dead_named_again_with_a_definite_number_are_no_new_toll() -> None:
    text = (
        "أعلنت وكالة رسمية أن 3 مستشارين كانوا بين القتلى في الهجوم الصاروخي على مطار الشعيرات. "
        "وقالت الوكالة إن القتلى الثلاثة هم من ضباط الحرس. "
        "وأسفر الهجوم الذي وقع فجر اليوم عن مقتل 9 أشخاص."
    )
    found = events(text, title="إيران تعلن أسماء قتلاها في الهجوم الصاروخي على مطار الشعيرات")
    assert found, "the missile attack is still an event"
    assert all(e.fatalities != 3 for e in found)
