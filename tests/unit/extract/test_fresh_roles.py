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


# --- 8. a downed aircraft's owner is the side hit, not the attacker -----------------------------------------------

@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("A Syrian army helicopter was shot down over Idlib province on Monday, killing its two pilots.",
         "Military Forces of Syria"),
        ("A Russian warplane was downed near Saraqib on Saturday and its pilot was killed.",
         "Military Forces of Russia"),
        ("Rebels shot down a government helicopter near Saraqib on Monday, killing its two pilots.",
         "Military Forces of Syria"),
        ("Islamic State militants downed a Syrian army jet near Deir ez-Zor on Friday.", "Military Forces of Syria"),
        ("أسقطت هيئة تحرير الشام طائرة حربية روسية في ريف إدلب يوم السبت ومقتل طيارها.", "Military Forces of Russia"),
        ("تم إسقاط مروحية لقوات النظام في ريف حماة يوم الثلاثاء ومقتل طاقمها.", "Military Forces of Syria"),
    ],
)
def test_a_downed_aircraft_s_owner_is_not_the_attacker(text: str, owner: str) -> None:
    events = _events(text)
    assert events
    assert all(e.actor1 != owner for e in events)
    assert all(e.sub_event_type != "Air/drone strike" for e in events)


def test_a_downed_aircraft_s_owner_is_the_side_hit() -> None:
    passive = _events("A Syrian army helicopter was shot down over Idlib province on Monday, killing its two pilots.")
    assert any(e.actor2 == "Military Forces of Syria" for e in passive)
    active = _events("Rebels shot down a government helicopter near Saraqib on Monday, killing its two pilots.")
    assert any((e.actor1, e.actor2) == ("Opposition Rebels", "Military Forces of Syria") for e in active)


def test_who_shoots_down_or_flies_keeps_its_part() -> None:
    drone = _events("The army shot down a drone over Hama on Tuesday.")
    assert drone and drone[0].actor1 == "Military Forces of Syria"
    missile = _events("Syrian air defences shot down an Israeli missile over Damascus on Monday.")
    assert missile and missile[0].actor1 == "Military Forces of Syria"
    barrels = _events("A Syrian army helicopter dropped barrel bombs on Daraya on Monday, killing 6 civilians.")
    assert barrels and barrels[0].sub_event_type == "Air/drone strike"
    assert barrels[0].actor1 == "Military Forces of Syria"
    jets = _events("Government helicopters bombed Saraqib on Monday, killing 4 civilians.")
    assert jets and jets[0].actor1 == "Military Forces of Syria"
    arabic = _events("أسقطت الدفاعات الجوية السورية صاروخا إسرائيليا فوق دمشق يوم الاثنين.")
    assert arabic and arabic[0].actor1 == "Military Forces of Syria"


def test_the_owner_of_a_downed_aircraft_named_again_stays_the_side_hit() -> None:
    events = _events("A Russian transport helicopter that was shot down over Idlib on Monday had six crew, a heavy "
                     "loss for Russian forces.")
    assert events and all(e.actor1 != "Military Forces of Russia" for e in events)
    assert any(e.actor2 == "Military Forces of Russia" for e in events)


def test_shells_fired_from_a_named_post_were_fired_by_its_side() -> None:
    events = _events("Shells fired from a Syrian army post struck Taftanaz on Monday, killing two people.")
    assert events and events[0].actor1 == "Military Forces of Syria"


def test_one_aircraft_names_its_owner() -> None:
    russian = _events("A Russian warplane bombed a market in Maarat al-Numan on Monday, killing 5 civilians.")
    assert russian and russian[0].actor1 == "Military Forces of Russia"
    regime = _events("A regime helicopter dropped two barrel bombs on Kafr Zita on Monday, killing 3 civilians.")
    assert regime and regime[0].actor1 == "Military Forces of Syria"


def test_a_side_named_in_the_opening_circumstances_does_not_lead_the_fight() -> None:
    amid = _events("Amid heavy Russian warplane bombardment of the district, battles went on between the Islamic State "
                   "and government forces in the Jubaila area of Deir ez-Zor on Monday.")
    assert amid and amid[0].sub_event_type == "Armed clash"
    assert {amid[0].actor1, amid[0].actor2} == {"Islamic State", "Military Forces of Syria"}
    later = _events("Government forces shelled Kafr Zita amid clashes with the rebels on Monday.")
    assert later and later[0].actor1 == "Military Forces of Syria"


# --- 11. a capture that only threatened is a fight ----------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "At one stage the militants looked set to overrun the village of Tal Tamr, but Kurdish fighters pushed "
        "them back on Sunday.",
        "Rebels were poised to capture the town of Morek on Friday before a counter-attack by government troops.",
        "IS fighters came close to seizing the village of Tal Tamr on Sunday, but were repelled by the YPG.",
        "Government forces nearly took the town of Latamneh on Monday after fierce clashes with rebels.",
        "Rebels were on the verge of capturing Morek on Friday after clashes with the army.",
        "اقترب مقاتلو داعش من السيطرة على قرية تل تمر يوم الأحد بعد اشتباكات مع قسد.",
        "كادت قوات النظام تسيطر على بلدة اللطامنة يوم الاثنين بعد معارك عنيفة مع الفصائل.",
    ],
)
def test_a_capture_that_only_threatened_is_no_capture(text: str) -> None:
    events = _events(text)
    assert events
    assert all(e.sub_event_type not in _TERRITORY for e in events)


def test_a_capture_told_as_done_stays_a_capture() -> None:
    kurds = _events("Kurdish fighters captured the town of Tal Abyad on Monday after clashes with IS.")
    assert kurds and kurds[0].sub_event_type == "Non-state actor overtakes territory"
    army = _events("The army retook the town of Morek on Friday after clashes with rebels.")
    assert army and army[0].sub_event_type == "Government regains territory"
    most = _events("Rebels captured nearly all of the town of Morek on Friday after clashes with the army.")
    assert most and most[0].sub_event_type == "Non-state actor overtakes territory"
    arabic = _events("سيطرت قوات النظام على بلدة اللطامنة يوم الاثنين بعد معارك عنيفة مع الفصائل.")
    assert arabic and arabic[0].sub_event_type == "Government regains territory"
    near = _events("On Sunday rebel fighters stormed villages close to Manbij captured from IS by the SDF.")
    assert any(e.sub_event_type in _TERRITORY for e in near)


# --- 9. a condemnation that tells a fresh attack with its hit, toll, place and day reports it ---------------------

@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("The governor on Tuesday condemned the rocket attack that struck a bakery in Jableh, killing six people.", 6),
        ("The governor condemned the rocket attack that struck a bakery in Jableh on Tuesday, killing six people.", 6),
        ("The ministry on Wednesday condemned the air strike which hit a clinic in Ariha, killing three nurses.", 3),
        ("The council on Monday condemned the bombing that killed 12 people in Azaz on June 12.", 12),
    ],
)
def test_a_condemned_fresh_attack_is_reported(text: str, killed: int) -> None:
    events = _events(text)
    assert events and events[0].fatalities == killed


@pytest.mark.parametrize(
    "text",
    [
        "France on Monday condemned the shelling of civilians in Eastern Ghouta.",
        "The ministry on Monday condemned any attack that would target civilians in Idlib.",
        "The council on Monday condemned the bombing that killed 12 people in Azaz last year.",
        "The council on Monday condemned the bombing that killed 12 people in Azaz on March 2.",
        "The opposition on Monday condemned the 2013 chemical attack on Ghouta that killed 1,400 people.",
        "The envoy condemned the air strikes on hospitals in Idlib, which killed dozens of civilians this year.",
        "The ministry condemned the shelling that hit a school in Ariha, killing four pupils.",
    ],
)
def test_a_condemnation_without_a_fresh_dated_attack_reports_none(text: str) -> None:
    assert _events(text) == []


# --- Iraqi militias whose names contain "Hezbollah" are pro-government militias, not Lebanon's Hezbollah ------------

@pytest.mark.parametrize(
    "text",
    [
        "Fighters of Harakat Hezbollah al-Nujaba clashed with rebels near Aleppo on Monday.",
        "Militiamen of the Iraqi Nujaba movement clashed with rebels near Aleppo on Monday.",
        "Fighters of Kataib Hezbollah clashed with rebels near Albu Kamal on Monday.",
        "اشتبك مقاتلو حركة النجباء العراقية مع الفصائل قرب حلب يوم الاثنين.",
        "اشتبك مقاتلو حركة حزب الله النجباء مع الفصائل قرب حلب يوم الاثنين.",
        "اشتبك مقاتلو كتائب حزب الله العراقية مع الفصائل قرب البوكمال يوم الاثنين.",
    ],
)
def test_an_iraqi_militia_named_hezbollah_is_a_pro_government_militia(text: str) -> None:
    events = _events(text)
    assert events and events[0].actor1 == "Militia (Pro-Government)"
    assert all("Hezbollah" not in _named(e) for e in events)


def test_lebanon_s_hezbollah_stays_hezbollah() -> None:
    english = _events("Hezbollah fighters clashed with rebels in Qalamoun on Monday, killing 3.")
    assert english and english[0].actor1 == "Hezbollah"
    arabic = _events("اشتبك مقاتلو حزب الله اللبناني مع الفصائل في القلمون يوم الاثنين.")
    assert arabic and arabic[0].actor1 == "Hezbollah"
