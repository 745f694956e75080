"""Roles and types a review of fresh texts found wrong: a border named with a state, who holds or occupies a
place, a downed aircraft's owner, a capture that only threatened, and an Iraqi militia named like Hezbollah.

Every sentence here is our own; each bug's construction comes with near-misses that must keep their reading.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from processors.extract import extract_events
from sitrep.records import Report

_PUBLISHED = datetime(2018, 6, 14, 9, tzinfo=UTC)  # a Thursday
_TERRITORY = {"Non-state actor overtakes territory", "Government regains territory"}


def _events(text: str) -> list:
    language = "ar" if any("\u0600" <= ch <= "\u06ff" for ch in text) else "en"
    return extract_events(Report(report_id="fresh-roles", title="", text=text, language=language, source="t",
                                 published_at=_PUBLISHED, fetched_at=_PUBLISHED))


def _named(event) -> set[str]:
    return {a.name for a in event.actors}


# --- 6. "a crossing with Turkey": the state across the border is no side of the event -------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "A car bomb went off at the Bab al-Salama crossing with Turkey on Saturday, killing 9 fighters.",
        "Gunmen opened fire on a checkpoint near the frontier with Turkey on Monday, killing 3 rebels.",
        "An explosive device blew up at a border crossing into Turkey near Azaz on Thursday, wounding 4 fighters.",
        "A landmine exploded under a patrol at the Kassab crossing with Turkey on Tuesday, killing two soldiers.",
        "انفجرت عبوة ناسفة قرب معبر باب السلامة الحدودي مع تركيا يوم السبت، ما أدى لمقتل 3 عناصر من الفصائل.",
        "سقطت قذائف على قرية قرب الحدود مع تركيا يوم الاثنين ما أدى لمقتل مدنيين اثنين.",
    ],
)
def test_a_border_named_with_a_state_makes_no_side(text: str) -> None:
    events = _events(text)
    assert events
    assert all("Military Forces of Turkey" not in _named(e) for e in events)


def test_turkish_forces_at_a_crossing_keep_their_part() -> None:
    shelled = _events("Turkish troops shelled the Bab al-Salama crossing on Saturday, killing 4 fighters.")
    assert shelled and shelled[0].actor1 == "Military Forces of Turkey"
    fought = _events("Rebels clashed with Turkish soldiers near the crossing with Turkey on Monday, killing two.")
    assert fought and (fought[0].actor1, fought[0].actor2) == ("Opposition Rebels", "Military Forces of Turkey")
    border = _events("Turkey shelled YPG positions near the border with Syria on Monday, killing 5 fighters.")
    assert border and (border[0].actor1, border[0].actor2) == ("Military Forces of Turkey", "YPG")
    arabic = _events("قصفت القوات التركية معبر تل أبيض يوم السبت ما أدى لمقتل 4 مقاتلين.")
    assert arabic and arabic[0].actor1 == "Military Forces of Turkey"


# --- 7. who holds or occupies a place is not who struck it -------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("Warplanes hit a district held by the rebels in Douma on Friday, killing 8 civilians.", "Opposition Rebels"),
        ("Helicopters dropped barrel bombs on a village controlled by the rebels near Hama on Monday.",
         "Opposition Rebels"),
        ("Jets pounded a quarter under the control of the rebels in Daraa on Tuesday, killing two children.",
         "Opposition Rebels"),
        ("Thousands fled toward the frontier with the Golan Heights occupied by Israel as fighting raged on Monday.",
         "Military Forces of Israel"),
        ("Shells landed near the Golan, occupied by Israel since 1967, on Monday, killing a shepherd.",
         "Military Forces of Israel"),
        ("نزح الآلاف نحو الحدود مع الجولان الذي تحتله إسرائيل بسبب المعارك يوم الاثنين.", "Military Forces of Israel"),
        ("سقطت قذائف قرب الجولان السوري المحتل من قبل إسرائيل يوم الاثنين ما أدى لمقتل راع.",
         "Military Forces of Israel"),
        ("قصفت الطائرات الحربية حيا تسيطر عليه الفصائل في مدينة درعا يوم الأحد ما أدى لمقتل 5 مدنيين.",
         "Opposition Rebels"),
    ],
)
def test_the_holder_of_a_place_is_not_the_attacker(text: str, holder: str) -> None:
    assert all(e.actor1 != holder for e in _events(text))


def test_who_holds_or_fights_keeps_its_part() -> None:
    rebels = _events("Rebels shelled a quarter held by government forces in Aleppo on Monday, killing 3 civilians.")
    assert rebels and rebels[0].actor1 == "Opposition Rebels"
    held = _events("Rebels held the town after a day of fighting with government forces on Sunday.")
    assert held and held[0].sub_event_type == "Armed clash"
    assert (held[0].actor1, held[0].actor2) == ("Opposition Rebels", "Military Forces of Syria")
    israel = _events("Israel shelled army positions in the Golan on Monday, killing 2 soldiers.")
    assert israel and israel[0].actor1 == "Military Forces of Israel"
    base = _events("Israeli jets struck a base held by Iranian forces near Damascus on Monday, killing 6 fighters.")
    assert base and base[0].actor1 == "Military Forces of Israel"
    arabic = _events("قصفت القوات الإسرائيلية مواقع لقوات النظام في ريف القنيطرة يوم الاثنين ما أدى لمقتل جنديين.")
    assert arabic and arabic[0].actor1 == "Military Forces of Israel"
