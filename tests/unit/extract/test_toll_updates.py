"""Toll updates, running totals, subsets and background sentences.

All sentences here are written for these tests (no third-party text).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from processors.extract import extract_events
from processors.extract.casualties import find_casualties
from sitrep.records import Report
from sitrep.textnorm import fold_with_offsets

WHEN = datetime(2026, 3, 12, 11, 0, tzinfo=UTC)


def report(text: str, title: str = "") -> Report:
    return Report(report_id="t1", title=title, text=text, published_at=WHEN, fetched_at=WHEN)


def killed(text: str) -> list[int]:
    folded, _ = fold_with_offsets(text)
    return [c.count for c in find_casualties(folded, 0, len(folded)) if c.kind == "killed" and not c.zero]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("ارتفعت حصيلة قتلى التفجير الذي هز سوق البلدة صباح اليوم إلى 11 مدنياً", 11),
        ("ارتفع إلى 8 عدد الأشخاص الذين قضوا جراء الغارة على المخبز", 8),
        ("The death toll from Monday's bombing of the bus station rose to 14", 14),
        ("the number of people killed in the ambush has risen to 6, a medic said", 6),
    ],
)
def test_a_rising_toll_of_one_named_incident_is_its_toll(text: str, count: int) -> None:
    assert killed(text) == [count]


@pytest.mark.parametrize(
    "text",
    [
        "ليرتفع إلى 240 عدد المدنيين الذين قتلوا في المحافظة منذ بدء التصعيد",
        "لترتفع حصيلة القتلى خلال الشهر الجاري إلى 130 شخصاً",
        "bringing the number of civilians killed since the offensive began to 380",
        "the toll of the campaign rose to 97 dead",
    ],
)
def test_a_rising_running_total_is_not_a_toll(text: str) -> None:
    assert killed(text) == []


def test_the_events_toll_beside_a_running_total_in_one_sentence_is_kept() -> None:
    assert killed("قتل 4 مدنيين بقصف على البلدة اليوم، ليرتفع إلى 212 عدد القتلى منذ بدء التصعيد") == [4]
    assert killed("Shelling killed five people on Sunday, bringing the toll since the start of the war to 900") == [5]


def test_a_period_said_first_frames_the_whole_sentence() -> None:
    assert killed("منذ بدء الحملة، قتل 300 مدني في المنطقة") == []


def test_deadliest_since_is_not_a_total() -> None:
    assert killed("قتل 17 مدنياً في الغارات، في أعلى حصيلة منذ بدء الهجوم") == [17]


def test_subset_after_among_the_dead_is_not_the_toll() -> None:
    assert killed("ومن بين القتلى طفلان وامرأة") == []
    assert killed("The dead included three children") == []


def test_toll_of_an_earlier_event_is_not_counted() -> None:
    assert killed("وتأتي الغارات غداة مقتل 13 مدنياً في قصف مماثل") == []


def test_updated_toll_of_a_car_bomb_wins_over_its_subset() -> None:
    events = extract_events(
        report(
            "ارتفع إلى 12 عدد المدنيين الذين قتلوا جراء انفجار سيارة مفخخة صباح اليوم في مدينة الباب "
            "بريف حلب الشرقي، بعد وفاة ثلاثة جرحى.\nومن بين القتلى ثلاثة أطفال وسيدتان.",
            title="ارتفاع حصيلة انفجار الباب إلى 12 قتيلاً",
        )
    )
    assert events and events[0].fatalities == 12
    assert events[0].sub_event_type == "Remote explosive/landmine/IED"


def test_background_sentences_about_a_town_are_not_events() -> None:
    events = extract_events(
        report(
            "A roadside bomb exploded next to a minibus on the edge of Jarablus on Wednesday, killing "
            "four passengers, hospital staff said.\n"
            "Jarablus is run by Turkish-backed factions and has been hit by repeated bombings over "
            "recent months. Local commanders have in the past blamed such attacks on Kurdish-led "
            "fighters, who reject the charge.",
            title="Roadside bomb kills four near Jarablus",
        )
    )
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]
    assert events[0].fatalities == 4
    assert "Syrian Democratic Forces" not in {events[0].actor1, events[0].actor2}


def test_a_similar_earlier_bombing_named_as_context_is_not_an_event() -> None:
    events = extract_events(
        report(
            "قتل ستة مدنيين بانفجار دراجة نارية مفخخة صباح اليوم في مدينة الراعي بريف حلب. "
            "ويأتي الانفجار بعد نحو أسبوعين على تفجير مماثل في مدينة جرابلس."
        )
    )
    assert len(events) == 1
    assert events[0].fatalities == 6
    assert events[0].location is not None and "Jarab" not in events[0].location.name


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Between 3 and 6 guards were killed at the checkpoint", 3),
        ("the raid killed two to four fighters", 2),
        ("قتل ما بين 4 و7 عناصر في الكمين", 4),
        ("the shelling ended in 5 deaths among the residents", 5),
        ("An Ahrar commander from the eastern sector was found killed near the bridge", 1),
        ("A Jaysh al-Nasr fighter was killed by sniper fire", 1),
        ("A shepherd was shot and later died of his wounds", 1),
    ],
)
def test_ranges_counts_after_in_and_singular_victims(text: str, count: int) -> None:
    assert killed(text) == [count]


def test_others_wounded_after_a_killed_one_are_injured() -> None:
    folded, _ = fold_with_offsets("One boy was killed while 6 other people were wounded in the blast")
    got = [(c.kind, c.count) for c in find_casualties(folded, 0, len(folded))]
    assert got == [("killed", 1), ("injured", 6)]


def test_a_note_coding_without_as_is_read() -> None:
    folded, _ = fold_with_offsets("Unknown fatalities, coded 10.")
    assert [(c.count, c.qualifier) for c in find_casualties(folded, 0, len(folded))] == [(10, "convention")]
    folded, _ = fold_with_offsets("An unknown number of fatalities were coded as ten.")
    assert [c.count for c in find_casualties(folded, 0, len(folded))] == [10]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Three farmers, two brothers and their cousin, were killed when a mine went off", 3),
        ("masked men shot dead a member of the village council on Sunday", 1),
        ("قتلت سيدة بقذيفة سقطت على منزلها", 1),
        ("وقتل خلال المواجهات اليوم 7 عناصر من الفصيل", 7),
    ],
)
def test_appositions_feminine_singulars_and_a_day_word_before_the_count(text: str, count: int) -> None:
    assert killed(text) == [count]


def test_two_sides_of_one_clash_are_added() -> None:
    events = extract_events(
        report(
            "دارت اشتباكات مساء أمس بين عناصر من قسد ومسلحين من تنظيم الدولة الإسلامية قرب بلدة الشحيل "
            "بريف دير الزور. وأسفرت الاشتباكات عن مقتل ثلاثة عناصر من قسد، إلى جانب أربعة من المهاجمين."
        )
    )
    assert events and events[0].fatalities == 7


def test_where_the_wounded_were_taken_or_fighters_withdrew_is_not_the_scene() -> None:
    events = extract_events(
        report(
            "قتل عنصران من قوات النظام بهجوم لمسلحين على حاجز قرب بلدة خان شيخون اليوم، ونقل جريح "
            "إلى أحد مشافي مدينة حماة، فيما انسحب المهاجمون نحو عمق البادية."
        )
    )
    assert events and events[0].location is not None
    assert events[0].location.name not in ("Hama", "Syrian Badia")


def test_the_blast_told_after_a_suicide_bombing_is_that_bombing() -> None:
    events = extract_events(
        report(
            "فجر انتحاري نفسه صباح اليوم عند حاجز للشرطة العسكرية على مدخل مدينة الباب بريف حلب. "
            "وأسفر التفجير عن مقتل 3 من عناصر الحاجز، وتبنى تنظيم الدولة الإسلامية الهجوم في بيان.",
            title="تفجير انتحاري على حاجز في الباب",
        )
    )
    assert len(events) == 1
    assert events[0].sub_event_type == "Suicide bomb"
    assert events[0].fatalities == 3
    assert events[0].actor1 == "Islamic State"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("قتل مدنيان وأصيب ثلاثة آخرون بقصف على القرية", 2),
        ("اغتال مجهولون يستقلون سيارة رجلاً أمام منزله", 1),
    ],
)
def test_nominative_duals_and_a_verbs_singular_object(text: str, count: int) -> None:
    assert killed(text) == [count]


def test_gunmen_killing_a_young_man_is_an_attack_on_a_civilian() -> None:
    events = extract_events(report("قتل مسلحون مجهولون مساء اليوم شاباً أمام محله في بلدة الصور بريف دير الزور الشرقي."))
    assert events and events[0].sub_event_type == "Attack"
    assert events[0].actor2 == "Civilians" and events[0].fatalities == 1


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("قتل رجل وابنته بقذيفة سقطت على منزلهما", 2),
        ("A farmer and his son were killed when a shell struck their field", 2),
        ("دارت اشتباكات قرب القرية قتل خلالها 4 من عناصر الفصيل وعنصر من الجيش", 5),
        ("قتل صبي بانفجار لغم من مخلفات الحرب قرب القرية", 1),
        ("The toll from the government air strikes on the market in the town on Monday rose to 16", 16),
    ],
)
def test_joined_victims_war_remnants_and_a_long_rise_phrase(text: str, count: int) -> None:
    assert sum(killed(text)) == count


def test_a_qualifier_does_not_push_the_kill_word_out_of_reach() -> None:
    folded, _ = fold_with_offsets("ما أسفر عن مقتل ما لا يقل عن 8 من عناصر الحاجز وإصابة نحو 12 آخرين")
    got = [(c.kind, c.count) for c in find_casualties(folded, 0, len(folded))]
    assert got == [("killed", 8), ("injured", 12)]


def test_a_monthly_summary_is_not_an_event() -> None:
    events = extract_events(
        report(
            "وثقت الشبكة مقتل 240 شخصاً في سوريا خلال شهر شباط، بينهم 70 مدنياً. وجاءت محافظة حلب أولاً بـ 55 قتيلاً.",
            title="حصيلة شهر شباط: 240 قتيلاً",
        )
    )
    assert events == []
    assert killed("The agency counted at least 35 civilian deaths in the province during the month") == []


def test_a_toll_told_in_a_background_sentence_stays_there() -> None:
    events = extract_events(
        report(
            "قصفت طائرات حربية مطار الضمير العسكري فجر اليوم، بحسب ما أعلنت وزارة الدفاع. "
            "وسبق أن تعرض المطار مرارا لغارات مماثلة أسفرت إحداها عن مقتل 9 عسكريين."
        )
    )
    assert events and events[0].fatalities is None


def test_the_other_sides_toll_in_the_same_battle_is_added() -> None:
    events = extract_events(
        report(
            "هاجمت مجموعات مسلحة ليلا موقعا لقوات النظام قرب بلدة السخنة بريف حمص الشرقي، وقتل 6 جنود "
            "من قوات النظام في الاشتباك. وقتل 21 مسلحا في المعركة ذاتها بحسب مصادر محلية."
        )
    )
    assert events and events[0].fatalities == 27


def test_an_earlier_figure_for_the_same_toll_is_not_added() -> None:
    events = extract_events(
        report(
            "قتل سبعة من عناصر الأمن في هجوم لمسلحين على حاجز قرب مدينة القامشلي اليوم. "
            "وكانت مصادر قد قالت في البداية إن خمسة جنود قتلوا."
        )
    )
    assert events and events[0].fatalities == 7


def _note(text: str) -> Report:
    return Report(report_id="n1", text=text, language="en", fetched_at=WHEN)


@pytest.mark.parametrize(
    ("text", "share"),
    [
        (
            "Regime troops clashed with rebel fighters in Kafr Zita in northern Hama. An unknown number "
            "of fatalities was coded as 10 and divided equally among the 2 locations.",
            5,
        ),
        (
            "Rebel factions fought the army near Latamneh in Hama, with 18 fighters reported killed on "
            "both sides. Fatalities distributed over the activities in Latamneh, Morek and Lahaya.",
            6,
        ),
        (
            "Islamic State fighters attacked army posts at Hamimah in the Homs desert, killing 16 soldiers, "
            "split between the two events with each allocated 8.",
            8,
        ),
    ],
)
def test_a_note_spreading_its_total_over_places_gives_each_its_share(text: str, share: int) -> None:
    events = extract_events(_note(text))
    assert events and events[0].fatalities == share


def test_split_as_a_verb_about_territory_is_not_a_share() -> None:
    events = extract_events(
        _note(
            "The army advanced east of Salamiyah and split the militants' pocket in two after clashes "
            "with Islamic State fighters. Unknown fatalities coded as 10."
        )
    )
    assert events and events[0].fatalities == 10


def test_an_unclaimed_bomb_is_by_an_unidentified_group_and_blame_is_not_agency() -> None:
    events = extract_events(
        report(
            "A bomb hidden in a parked van went off near a bakery in the town of Jindires on Saturday, "
            "killing three people, local officials said, blaming Kurdish YPG militants."
        )
    )
    assert events and events[0].actor1 == "Unidentified Armed Group"
    assert events[0].actor2 == "Civilians" and events[0].fatalities == 3


@pytest.mark.parametrize(
    "text",
    [
        "A member of the local police (PSF) was killed in the explosion",
        "The blast left a 12 year old girl dead",
        "The mutilated body of an army officer was found near the village",
    ],
)
def test_more_english_singular_victims(text: str) -> None:
    assert killed(text) == [1]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("An artillery shell killed a mother and her four children in the village", 5),
        ("the strike killed a man and his two sons", 3),
        ("ارتفعت حصيلة المجزرة في البلدة إلى 9 شهداء مدنيين، بعد وفاة 2 من الجرحى", 9),
    ],
)
def test_joined_counts_and_why_a_toll_rose(text: str, count: int) -> None:
    assert sum(killed(text)) == count


def test_a_us_drone_strike_and_aircraft_named_as_the_perpetrator() -> None:
    events = extract_events(report("A US drone strike killed a senior commander of the group near Sarmada on Friday."))
    assert events and events[0].sub_event_type == "Air/drone strike"
    events = extract_events(
        report("ارتفعت حصيلة المجزرة التي ارتكبتها طائرات النظام في بلدة كفرنبل اليوم إلى 11 شهيداً مدنياً.")
    )
    assert events and events[0].sub_event_type == "Air/drone strike" and events[0].fatalities == 11


def test_a_running_total_after_the_toll_leaves_the_event() -> None:
    events = extract_events(
        report(
            "قتل 3 رعاة بانفجار لغم أرضي في بادية تدمر اليوم، ليرتفع إلى 120 عدد الذين قتلوا بانفجار "
            "ألغام في البادية منذ مطلع العام."
        )
    )
    assert events and events[0].fatalities == 3


def test_victims_named_among_a_bombings_dead_are_not_its_authors() -> None:
    events = extract_events(
        report(
            "قتل 6 أشخاص بينهم عنصران من هيئة تحرير الشام بانفجار سيارة مفخخة قرب حاجز عند مدخل مدينة سرمدا مساء اليوم."
        )
    )
    assert events and events[0].actor1 != "Hayat Tahrir al-Sham"


def test_the_bombers_own_deaths_are_part_of_the_bombing() -> None:
    events = extract_events(
        report(
            "Two suicide bombers blew themselves up at a police post near Baiji on Sunday, killing four "
            "policemen, officials said. Both bombers were killed."
        )
    )
    assert [e.sub_event_type for e in events] == ["Suicide bomb"]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("3 fighters from one faction and 2 fighters from the other were killed in the feud", [3, 2]),
        ("the fighting led to the death of 4 gunmen of one clan and 3 men of another clan.", [4, 3]),
        ("6 soldiers, including 2 officers, one of whom a colonel, were killed in the ambush", [6]),
        ("A man and a boy were killed by stray bullets in the market", [2]),
    ],
)
def test_lists_share_their_verb_and_people_are_counted_once(text: str, counts: list[int]) -> None:
    assert killed(text) == counts


def test_a_bombs_target_named_after_it_is_not_its_author() -> None:
    events = extract_events(
        report(
            "فجر انتحاري سيارة مفخخة عند بوابة مقر لفصيل في الجيش الوطني السوري في مدينة جرابلس ظهر اليوم، "
            "ما أدى إلى مقتل 4 من عناصر الفصيل."
        )
    )
    assert events and events[0].sub_event_type == "Suicide bomb"
    assert events[0].actor1 == "Unidentified Armed Group"
    assert events[0].actor2 in ("Syrian National Army", "Opposition Rebels")


def test_civilians_shot_by_soldiers_at_a_checkpoint_are_an_attack() -> None:
    events = extract_events(
        report(
            "قتل رجل وابنه مساء اليوم برصاص عناصر حاجز لقوات النظام عند مدخل مدينة تلبيسة، بعد أن أطلق "
            "العناصر النار على سيارتهما."
        )
    )
    assert events and events[0].sub_event_type == "Attack" and events[0].fatalities == 2


def test_a_weapons_haul_and_strikes_several_times_this_year_are_not_events() -> None:
    events = extract_events(
        report(
            "Iraqi police killed two Islamic State militants in a shootout near Tuz Khurmatu on Monday, "
            "officials said. Police later seized three rifles, a suicide vest and hundreds of rounds from "
            "the hideout. Coalition jets have struck the hills around the town several times this year."
        )
    )
    assert [e.sub_event_type for e in events] == ["Armed clash"]
    assert events[0].fatalities == 2


def test_the_militants_after_a_named_group_are_that_group() -> None:
    events = extract_events(
        report(
            "Iraqi soldiers killed four Islamic State fighters in a firefight near Baiji on Sunday. One soldier "
            "was hurt in the exchange, which began when the militants attacked an army post."
        )
    )
    assert len(events) == 1 and events[0].fatalities == 4
    assert {events[0].actor1, events[0].actor2} == {"Military Forces of Iraq", "Islamic State"}


def test_no_claim_frequent_strikes_and_where_families_left_for_are_not_events() -> None:
    events = extract_events(
        report(
            "A roadside bomb killed three Iraqi soldiers near Tuz Khurmatu on Tuesday, officials said. "
            "No group claimed the attack, though Islamic State cells are active in the area. Some families "
            "left nearby villages for Kirkuk during the fighting. Turkey has carried out frequent strikes in "
            "the north of the country."
        )
    )
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]
    assert events[0].actor1 == "Unidentified Armed Group"


def test_a_suicide_drone_is_a_drone_strike() -> None:
    events = extract_events(report("قتل مدنيان باستهداف طائرة مسيرة انتحارية لسيارة على طريق بلدة الأبزمو اليوم."))
    assert events and events[0].sub_event_type == "Air/drone strike"
    events = extract_events(report("A kamikaze drone hit a car near the town of Sarmada on Sunday, killing two men."))
    assert events and events[0].sub_event_type == "Air/drone strike"
