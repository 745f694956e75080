"""extract_events on reports written for these tests (no third-party text)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from processors.extract import extract_events
from sitrep.records import SUB_EVENT_TYPES, Report

PUBLISHED = datetime(2019, 3, 12, 9, 0, tzinfo=UTC)
FETCHED = datetime(2019, 3, 12, 10, 0, tzinfo=UTC)


def report(text: str, title: str = "", rid: str = "r1", language: str = "", source: str = "") -> Report:
    return Report(
        report_id=rid,
        title=title,
        text=text,
        language=language,
        source=source,
        published_at=PUBLISHED,
        fetched_at=FETCHED,
    )


def test_arabic_barrel_bombs_are_an_air_strike_with_civilian_victims() -> None:
    events = extract_events(
        report(
            "ألقت مروحيات النظام براميل متفجرة على بلدة كفرنبل بريف إدلب الجنوبي اليوم، ما أدى إلى مقتل "
            "سبعة مدنيين بينهم طفلان وإصابة آخرين.",
            source="Test Monitor",
        )
    )
    main = events[0]
    assert main.sub_event_type == "Air/drone strike"
    assert main.event_type == SUB_EVENT_TYPES["Air/drone strike"]
    assert main.actor1 == "Military Forces of Syria"
    assert main.actor2 == "Civilians"
    assert main.fatalities == 7 and main.fatalities_qualifier == "exact"
    assert main.report_ids == ["r1"] and main.sources == ["Test Monitor"]
    assert main.language == "ar"


def test_english_car_bomb_without_suicide_is_a_remote_explosive() -> None:
    events = extract_events(
        report(
            "A car bomb exploded near a market in the town of Azaz on Monday, killing at least 9 people "
            "and wounding 20, a monitor said.",
            title="Car bomb kills nine in northern Syria",
        )
    )
    main = events[0]
    assert main.sub_event_type == "Remote explosive/landmine/IED"
    assert main.fatalities == 9 and main.fatalities_qualifier == "at_least"
    assert main.injured == 20
    assert all(e.fatalities in (None, 0) for e in events[1:])  # the title's "nine" is not added


def test_suicide_car_bomb_is_a_suicide_bomb() -> None:
    events = extract_events(
        report(
            "A suicide bomber drove an explosives-laden truck into a checkpoint of the Syrian army "
            "near Homs, killing 5 soldiers. Islamic State claimed the attack."
        )
    )
    assert events[0].sub_event_type == "Suicide bomb"
    assert events[0].fatalities == 5


def test_arabic_territory_taken_by_non_state_actor() -> None:
    events = extract_events(
        report(
            "سيطرت قوات سوريا الديمقراطية على قرية الباغوز بريف دير الزور الشرقي بعد اشتباكات مع "
            "تنظيم داعش، وأفاد المرصد السوري لحقوق الإنسان بمقتل 4 عناصر من التنظيم."
        )
    )
    main = events[0]
    assert main.sub_event_type == "Non-state actor overtakes territory"
    assert (main.actor1, main.actor2) == ("Syrian Democratic Forces", "Islamic State")
    assert all("Observatory" not in a.name for e in events for a in e.actors)


def test_english_government_regains_territory() -> None:
    events = extract_events(
        report(
            "Syrian government forces recaptured the village of Kafr Nabuda from rebels after heavy "
            "clashes on Sunday."
        )
    )
    main = events[0]
    assert main.sub_event_type == "Government regains territory"
    assert main.actor1 == "Military Forces of Syria"
    assert main.actor2 == "Opposition Rebels"


def test_clashes_between_two_sides_keep_the_order() -> None:
    events = extract_events(
        report(
            "دارت اشتباكات عنيفة بين قوات النظام والمسلحين الموالين لها من جهة، وهيئة تحرير الشام من "
            "جهة أخرى، على محاور ريف حماة الشمالي، قتل خلالها 6 عناصر من قوات النظام و3 من الهيئة."
        )
    )
    main = events[0]
    assert main.sub_event_type == "Armed clash"
    assert main.actor1 == "Military Forces of Syria"
    assert main.actor2 == "Hayat Tahrir al-Sham"
    assert main.fatalities == 9
    roles = {a.name: a.role for a in main.actors}
    assert roles["Militia (Pro-Government)"] == "assoc_actor1"


def test_organization_resolves_to_the_group_named_before() -> None:
    events = extract_events(
        report(
            "هاجم تنظيم الدولة الإسلامية مواقع قوات النظام في بادية حمص، واستعاد التنظيم السيطرة على "
            "تلال قرب بلدة السخنة."
        )
    )
    names = {e.actor1 for e in events}
    assert "Islamic State" in names


def test_not_conflict_reports_yield_no_event() -> None:
    assert (
        extract_events(report("تحطمت طائرة مدنية بسبب خلل فني أثناء هبوطها في المطار، ولم يصب أحد بأذى."))
        == []
    )
    assert (
        extract_events(
            report(
                "A court in Baghdad sentenced 12 men to death on Tuesday for belonging to a militant group."
            )
        )
        == []
    )
    assert (
        extract_events(
            report(
                "The foreign ministers met in Geneva to discuss a political settlement and humanitarian aid."
            )
        )
        == []
    )


def test_ids_are_stable_and_output_deterministic() -> None:
    text = (
        "Turkish jets struck positions of the YPG near Afrin on Friday, killing 11 fighters, "
        "while rebels shelled the town of Tal Rifaat."
    )
    first = [e.model_dump() for e in extract_events(report(text))]
    second = [e.model_dump() for e in extract_events(report(text))]
    assert first == second
    assert len({e["event_id"] for e in first}) == len(first)
    other = extract_events(report(text, rid="r2"))
    assert {e.event_id for e in other}.isdisjoint({e["event_id"] for e in first})


def test_evidence_spans_point_into_title_and_text() -> None:
    title = "غارات على ريف إدلب"
    text = "قُتل خمسةُ مدنيين في غاراتٍ جوية روسية على بلدة خان شيخون."
    r = report(text, title=title)
    full = f"{title}\n{text}"
    for event in extract_events(r):
        for ev in event.evidence:
            assert full[ev.start : ev.end] == ev.text
    main = extract_events(r)[0]
    assert main.sub_event_type == "Air/drone strike"
    assert main.actor1 == "Military Forces of Russia"
    assert main.fatalities == 5


NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "five": 5,
    "ten": 10,
    "twelve": 12,
    "dozens": 12,
    "several": 10,
    "hundreds": 100,
}


@given(
    st.lists(
        st.sampled_from(
            [
                "Clashes erupted between the army and rebels in the town.",
                "Jets struck a market, killing {n} civilians.",
                "The shelling wounded {n} people.",
                "In {n} the town was shelled.",
                "Rebels fired {n} rockets at {n} villages.",
                "At least {n} fighters were killed in the ambush.",
                "{n} percent of homes were damaged.",
                "The toll since May rose to {n}.",
                "قتل {n} مدنيين في غارة جوية على البلدة.",
                "نزح {n} شخص من القرى.",
            ]
        ),
        min_size=1,
        max_size=5,
    ),
    st.lists(st.integers(min_value=0, max_value=3000), min_size=5, max_size=5),
)
@settings(max_examples=60, deadline=None)
def test_no_fatality_number_is_invented(templates: list[str], numbers: list[int]) -> None:
    text = " ".join(t.replace("{n}", str(numbers[i % 5])) for i, t in enumerate(templates))
    in_text = {int(n) for n in re.findall(r"\d+", text)}
    for event in extract_events(report(text)):
        if event.fatalities is None or event.fatalities == 0:
            continue
        if event.fatalities_qualifier == "convention":
            assert event.fatalities in NUMBER_WORDS.values()
            continue
        # Every figure is a number of the text or a sum of numbers of the text.
        sums = in_text | {a + b for a in in_text for b in in_text}
        assert event.fatalities in sums, (text, event.fatalities)
