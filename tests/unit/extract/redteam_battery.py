"""A red-team battery of English wire-style reports (sentences written for these tests, in Reuters/AP/AFP
register): strikes, barrel bombs, shelling, car/motorbike/roadside bombs, suicide attacks, ambushes,
assassinations, ground taken, abductions, attacks on civilians, number words, qualifiers, per-side tolls,
numbers that are no event's toll, and reports that hold no event.

Each case: (case id, item, title, text, published, expectation). The expectation is ``None`` when the
report holds no event, else a dict checked against the first event:
type, a1, a2 (actor1/actor2), killed, injured (``None`` = no figure), place, prec, date, end (ISO)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

# Publication times (weekday in the comment).
P1 = datetime(2017, 5, 10, 14, tzinfo=UTC)  # Wednesday
P2 = datetime(2018, 2, 27, 11, tzinfo=UTC)  # Tuesday
P3 = datetime(2017, 10, 19, 9, tzinfo=UTC)  # Thursday
P4 = datetime(2018, 6, 28, 16, tzinfo=UTC)  # Thursday
P5 = datetime(2018, 11, 20, 8, tzinfo=UTC)  # Tuesday

AIR = "Air/drone strike"
SHELL = "Shelling/artillery/missile attack"
IED = "Remote explosive/landmine/IED"
SUICIDE = "Suicide bomb"
CLASH = "Armed clash"
GOV_REGAINS = "Government regains territory"
NSA_TAKES = "Non-state actor overtakes territory"
ATTACK = "Attack"
ABDUCTION = "Abduction/forced disappearance"

SYRIA = "Military Forces of Syria"
RUSSIA = "Military Forces of Russia"
TURKEY = "Military Forces of Turkey"
ISRAEL = "Military Forces of Israel"
IS = "Islamic State"
SDF = "Syrian Democratic Forces"
HTS = "Hayat Tahrir al-Sham"
REBELS = "Opposition Rebels"
CIV = "Civilians"
UAG = "Unidentified Armed Group"

Case = tuple[str, str, str, str, datetime, dict[str, Any] | None]

CASES: list[Case] = [
    # --- air and drone strikes -------------------------------------------------------------------------------
    (
        "air-regime-active",
        "air",
        "",
        "BEIRUT (Reuters) - Syrian government warplanes struck the town of Saraqeb in Idlib province on Tuesday, "
        "killing 11 civilians including four children, a war monitor said.",
        P1,
        {"type": AIR, "a1": SYRIA, "a2": CIV, "killed": 11, "place": "Saraqab", "date": "2017-05-09"},
    ),
    (
        "air-russian-passive",
        "air",
        "",
        "At least 17 people were killed in Russian air raids on the town of Khan Sheikhoun on Monday, "
        "the Britain-based war monitor reported.",
        P1,
        {"type": AIR, "a1": RUSSIA, "killed": 17, "qual": "at_least", "date": "2017-05-08"},
    ),
    (
        "air-coalition-raqqa",
        "air",
        "",
        "AMMAN (Reuters) - Coalition air strikes led by Washington killed 23 civilians in the Islamic State-held "
        "city of Raqqa yesterday, residents and activists said.",
        P3,
        {"type": AIR, "a1": "Coalition", "a2": CIV, "killed": 23, "date": "2017-10-18"},
    ),
    (
        "air-turkish-afrin",
        "air",
        "",
        "Turkish jets pounded Kurdish YPG positions near the town of Jandairis on Sunday, killing nine fighters, "
        "the Kurdish militia said.",
        P2,
        {"type": AIR, "a1": TURKEY, "a2": "YPG", "killed": 9, "date": "2018-02-25"},
    ),
    (
        "air-israeli-statemedia",
        "air",
        "",
        "DAMASCUS (AP) - Israeli warplanes fired missiles at a military post near the town of Masyaf early on "
        "Thursday, killing two soldiers, Syrian state media reported.",
        P3,
        {"type": AIR, "a1": ISRAEL, "a2": SYRIA, "killed": 2, "date": "2017-10-19"},
    ),
    (
        "air-drone-coalition",
        "air",
        "",
        "A drone believed to belong to the U.S.-led coalition targeted a car on the road outside the town of "
        "Sarmada on Wednesday, killing three militants from an al Qaeda-linked group, activists said.",
        P4,
        {"type": AIR, "a1": "Coalition", "killed": 3, "date": "2018-06-27"},
    ),
    (
        "air-raids-hit-hospital",
        "air",
        "Raids knock hospital out of service in Idlib",
        "Warplanes believed to be Russian bombed a hospital in Maarat al-Numan on Saturday night, putting it out "
        "of service and wounding five medical staff, the Union of Medical Care and Relief Organizations said.",
        P2,
        {"type": AIR, "a1": RUSSIA, "killed": None, "injured": 5, "date": "2018-02-24"},
    ),
    (
        "air-headline-kills",
        "air",
        "Air strikes kill 14 in Eastern Ghouta - monitor",
        "Air strikes on the rebel enclave of Eastern Ghouta killed 14 people on Monday, most of them in the town "
        "of Hamouriyeh, the Britain-based Observatory said. The Observatory said government aircraft carried out "
        "the raids.",
        P2,
        {"type": AIR, "a1": SYRIA, "killed": 14, "date": "2018-02-26"},
    ),
    (
        "air-passive-by-jets",
        "air",
        "",
        "A school in the village of Haas was hit by jets on Wednesday morning, and 22 children and six "
        "teachers were killed, the U.N. children's agency said.",
        P3,
        {"type": AIR, "killed": 28, "date": "2017-10-18"},
    ),
    # --- barrel bombs ----------------------------------------------------------------------------------------
    (
        "barrel-helicopters",
        "barrel",
        "",
        "Army helicopters dropped barrel bombs on the town of Kafr Zita in northern Hama on Thursday, killing "
        "six people, activists said.",
        P1,
        {"type": AIR, "a1": SYRIA, "killed": 6, "date": "2017-05-04"},
    ),
    (
        "barrel-passive",
        "barrel",
        "",
        "Eight civilians, among them three women, were killed when barrel bombs were dropped on a residential "
        "area of Daraa al-Balad on Tuesday, the opposition's civil defence said.",
        P1,
        {"type": AIR, "a1": SYRIA, "a2": CIV, "killed": 8, "date": "2017-05-09"},
    ),
    (
        "barrel-regime-helicopter-singular",
        "barrel",
        "",
        "A regime helicopter dropped two barrel bombs on the village of Latamneh yesterday, wounding 12 people.",
        P4,
        {"type": AIR, "a1": SYRIA, "killed": None, "injured": 12, "date": "2018-06-27"},
    ),
    (
        "barrel-dozens",
        "barrel",
        "",
        "BEIRUT (AFP) - Syrian regime aircraft dropped dozens of barrel bombs on rebel-held areas of Daraa "
        "province on Wednesday, a monitor said, killing at least five civilians.",
        P4,
        {"type": AIR, "a1": SYRIA, "killed": 5, "date": "2018-06-27"},
    ),
    (
        "barrel-headline",
        "barrel",
        "Barrel bombs kill seven in Aleppo countryside",
        "Seven people were killed on Friday after government helicopters dropped barrel bombs on the town of "
        "Anadan, the monitor said.",
        P1,
        {"type": AIR, "a1": SYRIA, "killed": 7, "date": "2017-05-05"},
    ),
    # --- shelling --------------------------------------------------------------------------------------------
    (
        "shell-rebel-mortar-damascus",
        "shelling",
        "",
        "DAMASCUS (Reuters) - Mortar rounds fired by insurgents killed four people in the Bab Touma district of "
        "Damascus on Monday, state news agency SANA said.",
        P2,
        {"type": SHELL, "a1": REBELS, "a2": CIV, "killed": 4, "date": "2018-02-26"},
    ),
    (
        "shell-regime-artillery",
        "shelling",
        "",
        "Government artillery shelled the town of Douma on Sunday, killing nine civilians and wounding dozens "
        "more, rescuers said.",
        P2,
        {"type": SHELL, "a1": SYRIA, "a2": CIV, "killed": 9, "date": "2018-02-25"},
    ),
    (
        "shell-rockets-passive",
        "shelling",
        "",
        "Three children were killed when rockets slammed into a school in the government-held town of "
        "Mhardeh on Tuesday, the state news agency said, blaming militants.",
        P1,
        {"type": SHELL, "killed": 3, "date": "2017-05-09"},
    ),
    (
        "shell-turkish-artillery",
        "shelling",
        "",
        "Turkish artillery shelled villages around Tal Rifaat on Thursday, wounding four civilians, the "
        "Kurdish-led administration said.",
        P4,
        {"type": SHELL, "a1": TURKEY, "a2": CIV, "killed": None, "injured": 4, "date": "2018-06-28"},
    ),
    (
        "shell-is-mortars-deir",
        "shelling",
        "",
        "Islamic State militants fired mortars at government-held districts of Deir al-Zor city on Saturday, "
        "killing two people, state television said.",
        P3,
        {"type": SHELL, "a1": IS, "killed": 2, "date": "2017-10-14"},
    ),
    (
        "shell-missile",
        "shelling",
        "",
        "A surface-to-surface missile fired by government forces hit a market in the town of Atareb on Monday, "
        "killing 12 people, a civil defence official said.",
        P5,
        {"type": SHELL, "a1": SYRIA, "killed": 12, "date": "2018-11-19"},
    ),
    (
        "shell-word-order-activists",
        "shelling",
        "",
        "Activists said 7 people were killed in the shelling, which hit a crowded street in Jisr al-Shughour "
        "late on Sunday, and blamed pro-government forces.",
        P5,
        {"type": SHELL, "killed": 7, "date": "2018-11-18"},
    ),
    # --- car, motorbike, roadside bombs ------------------------------------------------------------------------
    (
        "ied-car-bomb",
        "bomb",
        "",
        "A car bomb exploded near a mosque in the town of Azaz on Friday, killing 18 people and wounding dozens, "
        "a war monitor said.",
        P1,
        {"type": IED, "killed": 18, "date": "2017-05-05"},
    ),
    (
        "ied-motorbike",
        "bomb",
        "",
        "A bomb planted on a motorcycle went off in a busy market in the city of Idlib on Sunday, killing "
        "five people, the Observatory said.",
        P2,
        {"type": IED, "killed": 5, "date": "2018-02-25"},
    ),
    (
        "ied-roadside",
        "bomb",
        "",
        "Four Syrian soldiers were killed when a roadside bomb struck their vehicle near the town of Nawa on "
        "Wednesday, a military source told state media.",
        P4,
        {"type": IED, "a2": SYRIA, "killed": 4, "date": "2018-06-27"},
    ),
    (
        "ied-landmine",
        "bomb",
        "",
        "Three children were killed yesterday when a landmine left by Islamic State exploded in a field "
        "outside the village of Maadan, local activists said.",
        P5,
        {"type": IED, "killed": 3, "date": "2018-11-19"},
    ),
    (
        "ied-claimed-is",
        "bomb",
        "",
        "Islamic State claimed responsibility for a car bomb that killed 11 members of the U.S.-backed Syrian "
        "Democratic Forces at a checkpoint near the town of Shaddadi on Thursday.",
        P3,
        {"type": IED, "a1": IS, "a2": SDF, "killed": 11, "date": "2017-10-19"},
    ),
    (
        "ied-explosive-device",
        "bomb",
        "",
        "An improvised explosive device detonated under a bus carrying workers near the city of Tabqa on "
        "Tuesday morning, killing two and wounding nine, the SDF said.",
        P5,
        {"type": IED, "killed": 2, "injured": 9, "date": "2018-11-20"},
    ),
    (
        "ied-booby-trapped-car",
        "bomb",
        "",
        "At least 14 people were killed on Monday when a booby-trapped car blew up outside a bakery in the "
        "northern town of Jarablus, Turkish state media said.",
        P2,
        {"type": IED, "killed": 14, "qual": "at_least", "date": "2018-02-26"},
    ),
    # --- suicide attacks ---------------------------------------------------------------------------------------
    (
        "suicide-vest",
        "suicide",
        "",
        "A suicide bomber blew himself up at a police checkpoint in the city of Qamishli on Sunday, killing "
        "six members of the Kurdish security forces, the Asayish said.",
        P1,
        {"type": SUICIDE, "killed": 6, "date": "2017-05-07"},
    ),
    (
        "suicide-car",
        "suicide",
        "",
        "BEIRUT (Reuters) - A suicide car bomb killed at least 35 people near a rebel-held checkpoint outside "
        "the town of al-Bab on Friday, the Observatory said. Islamic State claimed the attack.",
        P1,
        {"type": SUICIDE, "a1": IS, "killed": 35, "date": "2017-05-05"},
    ),
    (
        "suicide-attackers-plural",
        "suicide",
        "",
        "Two suicide attackers detonated explosive belts inside a court building in Damascus on Wednesday, "
        "killing 31 people, state media said.",
        P1,
        {"type": SUICIDE, "killed": 31, "date": "2017-05-10"},
    ),
    (
        "suicide-passive-wounded",
        "suicide",
        "",
        "More than 40 people were wounded when a suicide bomber struck a wedding party in a village near "
        "Hasaka late on Monday, the Kurdish Hawar news agency reported.",
        P5,
        {"type": SUICIDE, "killed": None, "injured": 40, "date": "2018-11-19"},
    ),
    (
        "suicide-truck",
        "suicide",
        "",
        "Militants drove an explosives-laden truck into an army base east of Hama on Tuesday, killing "
        "eight soldiers, a military source said.",
        P2,
        {"type": SUICIDE, "a2": SYRIA, "killed": 8, "date": "2018-02-27"},
    ),
    # --- ambushes --------------------------------------------------------------------------------------------
    (
        "ambush-is-army",
        "ambush",
        "",
        "Islamic State fighters ambushed an army convoy in the desert near al-Sukhna on Saturday, killing "
        "at least 13 soldiers, the Observatory said.",
        P3,
        {"type": CLASH, "a1": IS, "a2": SYRIA, "killed": 13, "date": "2017-10-14"},
    ),
    (
        "ambush-passive",
        "ambush",
        "",
        "Seven SDF fighters died in an ambush laid by Islamic State militants near the village of Hajin on "
        "Sunday, the monitor said.",
        P5,
        {"type": CLASH, "a1": IS, "a2": SDF, "killed": 7, "date": "2018-11-18"},
    ),
    (
        "ambush-rebels",
        "ambush",
        "",
        "Rebels said they killed 20 pro-government militiamen in an ambush on the outskirts of Harasta on Thursday.",
        P1,
        {"type": CLASH, "a1": REBELS, "killed": 20, "date": "2017-05-04"},
    ),
    # --- assassinations --------------------------------------------------------------------------------------
    (
        "assassin-gunmen",
        "assassination",
        "",
        "Unknown gunmen shot dead a local council official in the town of Tafas on Monday, activists said.",
        P4,
        {"type": ATTACK, "a1": UAG, "killed": 1, "date": "2018-06-25"},
    ),
    (
        "assassin-commander",
        "assassination",
        "",
        "A senior rebel commander was assassinated in Idlib city on Tuesday when gunmen opened fire on his car, "
        "a spokesman for his group said.",
        P5,
        {"type": CLASH, "a2": REBELS, "killed": 1, "date": "2018-11-20"},  # an armed victim
    ),
    (
        "assassin-sticky-bomb",
        "assassination",
        "",
        "A judge was killed in Daraa city on Wednesday when a bomb attached to his car exploded, an opposition "
        "official said.",
        P1,
        {"type": IED, "killed": 1, "date": "2017-05-10"},
    ),
    # --- ground changes --------------------------------------------------------------------------------------
    (
        "ground-army-recaptures",
        "ground",
        "",
        "BEIRUT (Reuters) - The Syrian army and its allies recaptured the town of al-Qaryatain from Islamic "
        "State on Saturday, state television said.",
        P3,
        {"type": GOV_REGAINS, "a1": SYRIA, "a2": IS, "date": "2017-10-14"},
    ),
    (
        "ground-passive-retaken",
        "ground",
        "",
        "The town of Mayadin was retaken by government forces on Saturday after a short battle with Islamic "
        "State, a military media unit run by Hezbollah said.",
        P3,
        {"type": GOV_REGAINS, "a1": SYRIA, "a2": IS, "date": "2017-10-14"},
    ),
    (
        "ground-sdf-captures",
        "ground",
        "",
        "U.S.-backed forces captured the town of Tabqa and its nearby dam from Islamic State on Wednesday, "
        "the Syrian Democratic Forces said.",
        P1,
        {"type": NSA_TAKES, "a1": SDF, "a2": IS, "date": "2017-05-10"},
    ),
    (
        "ground-rebels-seize",
        "ground",
        "",
        "Rebels seized the village of Abu Dali from government forces on Monday, an opposition commander said.",
        P3,
        {"type": NSA_TAKES, "a1": REBELS, "a2": SYRIA, "date": "2017-10-16"},
    ),
    (
        "ground-withdrawal",
        "ground",
        "",
        "Islamic State militants withdrew from the town of Albu Kamal on Thursday and government forces moved in, "
        "the monitor said.",
        P3,
        {"type": GOV_REGAINS, "a1": SYRIA, "date": "2017-10-19"},
    ),
    (
        "ground-turkey-backed-take",
        "ground",
        "",
        "Turkish-backed rebels took control of the town of Rajo in the Afrin region on Saturday after Kurdish "
        "fighters pulled out, the Turkish military said.",
        P2,
        {"type": NSA_TAKES, "a2": "YPG", "date": "2018-02-24"},
    ),
    (
        "ground-regains-control",
        "ground",
        "Syrian army regains control of Khan Sheikhoun",
        "The Syrian army regained full control of Khan Sheikhoun in southern Idlib on Tuesday, ending five years "
        "of rebel rule in the town, a military statement said.",
        P5,
        {"type": GOV_REGAINS, "a1": SYRIA, "date": "2018-11-20"},
    ),
    # --- abductions ------------------------------------------------------------------------------------------
    (
        "abduct-is-civilians",
        "abduction",
        "",
        "Islamic State militants abducted 27 civilians, most of them women and children, from a village east of "
        "Sweida on Wednesday, a local official said.",
        P4,
        {"type": ABDUCTION, "a1": IS, "a2": CIV, "date": "2018-06-27"},
    ),
    (
        "abduct-gunmen-kidnapped",
        "abduction",
        "",
        "Gunmen kidnapped an aid worker on the road between Idlib and Saraqeb on Sunday, his organisation said.",
        P1,
        {"type": ABDUCTION, "a1": UAG, "a2": CIV, "date": "2017-05-07"},
    ),
    (
        "abduct-passive",
        "abduction",
        "",
        "A journalist was abducted by masked men in the town of Atareb on Friday, colleagues said.",
        P2,
        {"type": ABDUCTION, "a2": CIV, "date": "2018-02-23"},
    ),
    # --- attacks on civilians --------------------------------------------------------------------------------
    (
        "civ-executed",
        "civilians",
        "",
        "Islamic State militants executed 12 civilians accused of collaborating with the government in the town of "
        "Hajin on Monday, activists said.",
        P5,
        {"type": ATTACK, "a1": IS, "a2": CIV, "killed": 12, "date": "2018-11-19"},
    ),
    (
        "civ-shot-fleeing",
        "civilians",
        "",
        "Soldiers opened fire on families fleeing the besieged town of Madaya on Thursday, killing a woman "
        "and her two sons, residents said.",
        P1,
        {"type": ATTACK, "a1": SYRIA, "a2": CIV, "killed": 3, "date": "2017-05-04"},
    ),
    (
        "civ-sniper",
        "civilians",
        "",
        "A 10-year-old boy was killed by sniper fire in the besieged town of Madaya yesterday, a local doctor said.",
        P3,
        {"type": ATTACK, "a2": CIV, "killed": 1, "date": "2017-10-18"},
    ),
    (
        "civ-massacre",
        "civilians",
        "",
        "Pro-government militiamen killed 15 civilians, including women, in a raid on the village of Aqrab on "
        "Tuesday, rebels and residents said.",
        P1,
        {"type": ATTACK, "a1": "Militia (Pro-Government)", "a2": CIV, "killed": 15, "date": "2017-05-09"},
    ),
    # --- number words, dozens, qualifiers ---------------------------------------------------------------------
    (
        "num-word-thirty-two",
        "numbers",
        "",
        "Thirty-two people were killed on Friday in air strikes on the town of Saqba, the Observatory said.",
        P2,
        {"type": AIR, "killed": 32, "date": "2018-02-23"},
    ),
    (
        "num-dozens",
        "numbers",
        "",
        "Dozens of people were killed or wounded on Sunday when government jets struck a market in the town of "
        "Ariha, rescue workers said.",
        P1,
        {"type": AIR, "a1": SYRIA, "date": "2017-05-07"},
    ),
    (
        "num-nearly",
        "numbers",
        "",
        "Nearly 30 people died in strikes on the besieged enclave's main town of Douma on Tuesday, medical "
        "workers said.",
        P2,
        {"type": AIR, "killed": 30, "date": "2018-02-27"},
    ),
    (
        "num-more-than-word",
        "numbers",
        "",
        "More than twenty fighters from Hayat Tahrir al-Sham were killed in clashes with the army in the "
        "countryside of Hama on Thursday, the Observatory said.",
        P3,
        {"type": CLASH, "killed": 20, "date": "2017-10-19"},
    ),
    (
        "num-a-dozen",
        "numbers",
        "",
        "A dozen civilians were killed when warplanes struck a camp for displaced people near the village of "
        "Atmeh on Monday, activists said.",
        P4,
        {"type": AIR, "a2": CIV, "killed": 12, "date": "2018-06-25"},
    ),
    (
        "num-toll-rises",
        "numbers",
        "",
        "The death toll from Sunday's air strikes on the town of Maarat al-Numan rose to 28, including seven "
        "children, the Observatory said on Tuesday.",
        P1,
        {"type": AIR, "killed": 28, "date": "2017-05-07"},
    ),
    # --- per-side tolls --------------------------------------------------------------------------------------
    (
        "sides-clash-two-tolls",
        "sides",
        "",
        "Fierce clashes between government forces and Islamic State near the town of Albu Kamal killed 25 IS "
        "militants and 14 soldiers on Monday, the Observatory said.",
        P3,
        {"type": CLASH, "killed": 39, "date": "2017-10-16"},
    ),
    (
        "sides-clash-separate-sentences",
        "sides",
        "",
        "Rebels and jihadists of Hayat Tahrir al-Sham fought in the western countryside of Aleppo on Wednesday. "
        "Eleven rebels died and nine HTS fighters were killed, the monitor said.",
        P1,
        {"type": CLASH, "killed": 20, "date": "2017-05-10"},
    ),
    (
        "sides-sdf-is",
        "sides",
        "",
        "At least 10 SDF fighters and 16 Islamic State militants were killed in battles on the eastern edge "
        "of Hajin on Saturday.",
        P5,
        {"type": CLASH, "killed": 26, "date": "2018-11-17"},
    ),
    # --- numbers that are no toll ----------------------------------------------------------------------------
    (
        "nontoll-war-total",
        "nontoll",
        "",
        "Government air strikes killed six civilians in the town of Kafranbel on Monday, a monitor said. More "
        "than 350,000 people have been killed since the war began in 2011.",
        P1,
        {"type": AIR, "killed": 6, "date": "2017-05-08"},
    ),
    (
        "nontoll-displaced",
        "nontoll",
        "",
        "Russian strikes killed four civilians in the town of Maarat al-Numan on Sunday. Some 200,000 people "
        "have been displaced by the offensive, the United Nations said.",
        P2,
        {"type": AIR, "killed": 4, "date": "2018-02-25"},
    ),
    (
        "nontoll-cumulative-week",
        "nontoll",
        "",
        "Shelling on the town of Jobar killed three people on Tuesday, bringing to 120 the number of civilians "
        "killed in the area since the start of the month, the Observatory said.",
        P2,
        {"type": SHELL, "killed": 3, "date": "2018-02-27"},
    ),
    (
        "nontoll-percent",
        "nontoll",
        "",
        "Air strikes hit the town of Arbin on Thursday, killing five people. Around 80 percent of the town's "
        "buildings have been damaged, residents said.",
        P3,
        {"type": AIR, "killed": 5, "date": "2017-10-19"},
    ),
    (
        "nontoll-ages",
        "nontoll",
        "",
        "A 45-year-old man and his 13-year-old daughter were killed when shells hit their home in Harasta on "
        "Wednesday, rescuers said.",
        P1,
        {"type": SHELL, "killed": 2, "date": "2017-05-10"},
    ),
    (
        "nontoll-weapons-villages",
        "nontoll",
        "",
        "Government forces fired more than 200 rockets at 15 villages in southern Idlib on Sunday, killing one "
        "man, a monitor said.",
        P5,
        {"type": SHELL, "a1": SYRIA, "killed": 1, "date": "2018-11-18"},
    ),
    (
        "nontoll-headline-restated",
        "nontoll",
        "Strikes kill 9 civilians in Syria's Idlib - monitor",
        "Air strikes killed nine civilians in the town of Khan Sheikhoun in Idlib province on Wednesday, the "
        "monitor said.",
        P4,
        {"type": AIR, "killed": 9, "date": "2018-06-27"},
    ),
    (
        "nontoll-year-in-sentence",
        "nontoll",
        "",
        "An air strike killed two men in the town of Dael on Monday. The town returned to government control in "
        "2018 under a Russian-brokered deal.",
        P5,
        {"type": AIR, "killed": 2, "date": "2018-11-19"},
    ),
    (
        "nontoll-prison-sentence",
        "nontoll",
        "",
        "A Turkish court sentenced 25 men to life in prison on Tuesday over a 2016 bombing in Gaziantep that "
        "killed 57 people.",
        P2,
        None,
    ),
    (
        "nontoll-since-2011",
        "nontoll",
        "",
        "Mortar fire killed two children in the government-held town of Jaramana on Thursday, state media said. "
        "The conflict has killed more than 400,000 people since 2011.",
        P4,
        {"type": SHELL, "killed": 2, "date": "2018-06-28"},
    ),
    # --- non-events ------------------------------------------------------------------------------------------
    (
        "none-traffic-accident",
        "none",
        "",
        "Nine people were killed when a bus overturned on the highway between Homs and Hama on Monday, "
        "state media said, blaming brake failure.",
        P1,
        None,
    ),
    (
        "none-depot-blast",
        "none",
        "",
        "A blast at an ammunition depot in the town of Sarmada killed 12 people on Sunday. The cause of the "
        "explosion was not immediately known, and no group was blamed.",
        P4,
        None,
    ),
    (
        "none-diplomatic",
        "none",
        "",
        "Russia's foreign minister said on Tuesday that Moscow would keep backing the Syrian government in its "
        "fight against terrorism and urged Washington to stop arming Kurdish groups.",
        P5,
        None,
    ),
    (
        "none-minister-visit",
        "none",
        "",
        "Syria's defence minister visited the town of Douma on Thursday, days after the army retook it, and "
        "inspected units stationed there, state media said.",
        P2,
        None,
    ),
    (
        "none-analysis",
        "none",
        "",
        "ANALYSIS - A full assault on Idlib could kill thousands and force up to 800,000 people to flee, aid "
        "agencies warned, as diplomats scramble to avert a new offensive.",
        P4,
        None,
    ),
    (
        "none-court",
        "none",
        "",
        "A German court on Wednesday convicted a Syrian man of membership of a terrorist organisation and "
        "sentenced him to six years in prison.",
        P1,
        None,
    ),
    (
        "none-aid-convoy",
        "none",
        "",
        "A convoy of 40 trucks carrying food and medicine entered the besieged town of Rastan on Monday, the "
        "Red Cross said.",
        P1,
        None,
    ),
    (
        "none-talks",
        "none",
        "",
        "Rebel and government delegations will meet in Astana next week for a new round of talks, Kazakhstan's "
        "foreign ministry said on Thursday.",
        P3,
        None,
    ),
    (
        "none-fire",
        "none",
        "",
        "Four workers died on Sunday when a fire broke out at a fuel storage site in the city of Homs, the "
        "provincial governor told state media.",
        P2,
        None,
    ),
    # --- dates -----------------------------------------------------------------------------------------------
    (
        "date-day-month",
        "dates",
        "",
        "Government aircraft bombed the town of Kafr Nabl on 6 May, killing seven people, a monitor said in a "
        "report issued on Wednesday.",
        P1,
        {"type": AIR, "killed": 7, "date": "2017-05-06", "end": None},
    ),
    (
        "date-month-day",
        "dates",
        "",
        "Shelling killed four people in the town of Nubl on Oct. 12, a local official said.",
        P3,
        {"type": SHELL, "killed": 4, "date": "2017-10-12"},
    ),
    (
        "date-last-week",
        "dates",
        "",
        "Islamic State militants killed 10 soldiers in an attack on an army post near Palmyra last week, the "
        "Observatory said on Tuesday.",
        P2,
        {"type": CLASH, "killed": 10, "date": "2018-02-19", "end": "2018-02-25"},
    ),
    (
        "date-overnight",
        "dates",
        "",
        "Air strikes overnight killed eight people in the town of Kafr Batna, the Observatory said on Tuesday.",
        P2,
        {"type": AIR, "killed": 8, "date": "2018-02-26"},
    ),
    (
        "date-range",
        "dates",
        "",
        "Between Friday and Sunday, government bombardment killed 46 civilians in the town of Hamouriyeh, "
        "the Observatory said.",
        P2,
        {"killed": 46, "date": "2018-02-23", "end": "2018-02-25"},
    ),
    (
        "date-earlier-today",
        "dates",
        "",
        "Rockets fired from rebel areas killed a woman in the Qaboun district of Damascus earlier today, "
        "state television reported.",
        P5,
        {"type": SHELL, "a1": REBELS, "a2": CIV, "killed": 1, "date": "2018-11-20"},
    ),
    (
        "date-two-days-ago",
        "dates",
        "",
        "A car bomb that exploded two days ago in the town of Tal Abyad killed three people, Kurdish officials "
        "said on Thursday.",
        P3,
        {"type": IED, "killed": 3, "date": "2017-10-17", "end": None},
    ),
    # --- more ambushes, assassinations, abductions, attacks on civilians, per-side tolls ---------------------
    (
        "ambush-gunmen-bus",
        "ambush",
        "",
        "Gunmen ambushed a bus carrying soldiers on the highway between Homs and Palmyra on Friday, killing five "
        "of them, state media said.",
        P1,
        {"type": CLASH, "a2": SYRIA, "killed": 5, "date": "2017-05-05"},
    ),
    (
        "ambush-fronted-time",
        "ambush",
        "",
        "In an ambush on Wednesday night, Hayat Tahrir al-Sham fighters killed six members of a rival rebel "
        "faction near the town of Darat Izza, a monitor said.",
        P4,
        {"type": CLASH, "a1": HTS, "killed": 6, "date": "2018-06-27"},
    ),
    (
        "assassin-motorcycle",
        "assassination",
        "",
        "Gunmen on a motorcycle assassinated the head of the local council in the town of Jasim on Sunday, "
        "local activists said.",
        P4,
        {"type": ATTACK, "a1": UAG, "a2": CIV, "killed": 1, "date": "2018-06-24"},
    ),
    (
        "assassin-passive-shot",
        "assassination",
        "",
        "A former rebel commander who had signed a reconciliation deal was shot dead outside his home in the "
        "town of Nawa late on Friday, residents said.",
        P5,
        {"type": ATTACK, "killed": 1, "date": "2018-11-16"},
    ),
    (
        "abduct-hts-ransom",
        "abduction",
        "",
        "Men believed to belong to Hayat Tahrir al-Sham kidnapped a doctor from his clinic in Sarmada on Monday "
        "and demanded a ransom, relatives said.",
        P2,
        {"type": ABDUCTION, "a1": HTS, "a2": CIV, "date": "2018-02-26"},
    ),
    (
        "abduct-went-missing",
        "abduction",
        "",
        "Three activists have gone missing after being stopped at a government checkpoint outside Hama on "
        "Saturday, their families said, fearing they were taken by the security services.",
        P3,
        {"type": ABDUCTION, "a2": CIV, "date": "2017-10-14"},
    ),
    (
        "civ-beheaded",
        "civilians",
        "",
        "Islamic State fighters beheaded two men accused of spying for the coalition in the town of Mayadin on "
        "Friday, the Observatory said.",
        P1,
        {"type": ATTACK, "a1": IS, "a2": CIV, "killed": 2, "date": "2017-05-05"},
    ),
    (
        "civ-family-killed",
        "civilians",
        "",
        "Gunmen stormed a house in the village of Kafr Shams on Sunday and killed a family of five, including "
        "three children, a local official said.",
        P2,
        {"type": ATTACK, "a1": UAG, "a2": CIV, "killed": 5, "date": "2018-02-25"},
    ),
    (
        "sides-soldiers-and-rebels",
        "sides",
        "",
        "Eight soldiers and at least 19 rebels were killed in fighting in the Manshiyeh district of Daraa city "
        "on Saturday, the monitor said.",
        P1,
        {"type": CLASH, "killed": 27, "date": "2017-05-06"},
    ),
    (
        "sides-while-lost",
        "sides",
        "",
        "Twelve pro-government fighters died in the clashes in northern Hama on Sunday, while the rebels lost "
        "nine, the Observatory said.",
        P3,
        {"type": CLASH, "killed": 21, "date": "2017-10-15"},
    ),
]

# A second round, written after the fixes for the first and measured before any fix of its own: new wording
# for the same items (second-day constructions, other sources and word orders).
CASES_2: list[Case] = [
    (
        "r2-air-killed-by-raids",
        "air",
        "",
        "DAMASCUS (AFP) - Fifteen civilians, among them six children, were killed on Saturday by Russian raids on "
        "the village of Bdama near the Turkish border, the Britain-based monitor said.",
        P2,
        {"type": AIR, "a1": RUSSIA, "a2": CIV, "killed": 15, "date": "2018-02-24"},
    ),
    (
        "r2-air-coalition-statement",
        "air",
        "",
        "The U.S.-led coalition said on Wednesday its aircraft had struck an Islamic State headquarters near "
        "Albu Kamal on Monday, killing an estimated 30 fighters.",
        P3,
        {"type": AIR, "a1": "Coalition", "a2": IS, "killed": 30, "date": "2017-10-16"},
    ),
    (
        "r2-air-drone-turkish",
        "air",
        "",
        "A Turkish drone struck a vehicle near Qamishli on Friday, killing two members of the Kurdish YPG "
        "militia, a Kurdish official said.",
        P5,
        {"type": AIR, "a1": TURKEY, "a2": "YPG", "killed": 2, "date": "2018-11-16"},
    ),
    (
        "r2-barrel-raining",
        "barrel",
        "",
        "Helicopters rained barrel bombs on al-Hbeit, a town held by rebels, on Sunday evening, killing a family "
        "of four, according to rescue workers.",
        P4,
        {"type": AIR, "a1": SYRIA, "killed": 4, "date": "2018-06-24"},
    ),
    (
        "r2-shell-mortar-passive-wounded",
        "shelling",
        "",
        "Eleven people were wounded on Tuesday when mortar shells landed in the Old City of Damascus, state "
        "news agency SANA reported, blaming rebels in Eastern Ghouta.",
        P2,
        {"type": SHELL, "killed": None, "injured": 11, "date": "2018-02-27"},
    ),
    (
        "r2-shell-artillery-fire",
        "shelling",
        "",
        "Heavy artillery fire by government forces on the town of Kafr Zita killed a woman and wounded her "
        "three children on Wednesday, activists said.",
        P4,
        {"type": SHELL, "a1": SYRIA, "a2": CIV, "killed": 1, "injured": 3, "date": "2018-06-27"},
    ),
    (
        "r2-shell-rocket-attack-on-city",
        "shelling",
        "",
        "A rocket attack on a government-held neighbourhood of Aleppo killed seven people including a child on "
        "Thursday, state television said.",
        P3,
        {"type": SHELL, "killed": 7, "date": "2017-10-19"},
    ),
    (
        "r2-ied-motorcycle-rigged",
        "bomb",
        "",
        "A motorcycle rigged with explosives blew up near a mosque in the town of al-Rai as worshippers left "
        "Friday prayers, killing nine people, a civil defence official said.",
        P5,
        {"type": IED, "killed": 9, "date": "2018-11-16"},
    ),
    (
        "r2-ied-passive-planted",
        "bomb",
        "",
        "Five fighters of the Turkish-backed Free Syrian Army were killed by an explosive device planted on the "
        "road to al-Bab on Monday, the group said.",
        P2,
        {"type": IED, "killed": 5, "date": "2018-02-26"},
    ),
    (
        "r2-ied-mine-shepherd",
        "bomb",
        "",
        "A shepherd was killed and his son badly hurt on Sunday when a mine exploded in the desert east of "
        "Hama, a local source said.",
        P3,
        {"type": IED, "a2": CIV, "killed": 1, "injured": 1, "date": "2017-10-15"},
    ),
    (
        "r2-suicide-detonated-belt",
        "suicide",
        "",
        "An Islamic State militant detonated his suicide belt among a crowd of displaced families near the "
        "village of Abu Khashab on Thursday, killing at least 23 people, the SDF said.",
        P3,
        {"type": SUICIDE, "a1": IS, "a2": CIV, "killed": 23, "date": "2017-10-19"},
    ),
    (
        "r2-suicide-vbied",
        "suicide",
        "",
        "Two suicide car bombs hit positions of the Syrian army on the edge of Deir al-Zor on Sunday, killing "
        "14 soldiers, the Observatory said. Islamic State's Amaq agency claimed the attacks.",
        P3,
        {"type": SUICIDE, "a1": IS, "a2": SYRIA, "killed": 14, "date": "2017-10-15"},
    ),
    (
        "r2-ambush-killed-in",
        "ambush",
        "",
        "Nine pro-government fighters died in an ambush set by Hayat Tahrir al-Sham near the village of "
        "Abu Dhuhur late on Saturday, the monitoring group said.",
        P1,
        {"type": CLASH, "a1": HTS, "a2": "Militia (Pro-Government)", "killed": 9, "date": "2017-05-06"},
    ),
    (
        "r2-assassination-activist",
        "assassination",
        "",
        "Masked gunmen shot dead a prominent media activist in the city of Saraqeb on Tuesday, his colleagues said.",
        P5,
        {"type": ATTACK, "a1": UAG, "a2": CIV, "killed": 1, "date": "2018-11-20"},
    ),
    (
        "r2-ground-fell",
        "ground",
        "",
        "The town of Hajin, the last major Islamic State stronghold in the Euphrates valley, fell to the "
        "U.S.-backed Syrian Democratic Forces on Sunday, the alliance said.",
        P5,
        {"type": NSA_TAKES, "a1": SDF, "a2": IS, "date": "2018-11-18"},
    ),
    (
        "r2-ground-drove-out",
        "ground",
        "",
        "Government forces drove rebels out of the village of Atshan in northern Hama on Friday after heavy "
        "bombardment, a military source said.",
        P1,
        {"type": GOV_REGAINS, "a1": SYRIA, "a2": REBELS, "date": "2017-05-05"},
    ),
    (
        "r2-ground-passive-captured",
        "ground",
        "",
        "Jandairis was captured by Turkish troops and allied Syrian rebels on Thursday, the Turkish military "
        "said in a statement.",
        P2,
        {"date": "2018-02-22"},
    ),
    (
        "r2-abduct-seized",
        "abduction",
        "",
        "Islamic State fighters seized 14 workers from a gas field near Palmyra on Monday, the state news agency said.",
        P1,
        {"type": ABDUCTION, "a1": IS, "a2": CIV, "date": "2017-05-08"},
    ),
    (
        "r2-abduct-taken-hostage",
        "abduction",
        "",
        "Gunmen took two aid workers hostage at a checkpoint outside Azaz on Wednesday, the aid group said.",
        P4,
        {"type": ABDUCTION, "a2": CIV, "date": "2018-06-27"},
    ),
    (
        "r2-civ-execution-public",
        "civilians",
        "",
        "Hayat Tahrir al-Sham publicly executed three men in the main square of the town of Atareb on Friday, "
        "residents said.",
        P5,
        {"type": ATTACK, "a1": HTS, "a2": CIV, "killed": 3, "date": "2018-11-16"},
    ),
    (
        "r2-civ-checkpoint-shot",
        "civilians",
        "",
        "A woman was shot dead at a Kurdish security checkpoint in Qamishli on Monday after her car failed to "
        "stop, witnesses said.",
        P5,
        {"type": ATTACK, "a2": CIV, "killed": 1, "date": "2018-11-19"},
    ),
    (
        "r2-num-scores",
        "numbers",
        "",
        "Scores of people were killed on Tuesday as warplanes pounded the besieged enclave, rescuers said.",
        P2,
        {"type": AIR, "date": "2018-02-27"},
    ),
    (
        "r2-num-at-least-word",
        "numbers",
        "",
        "At least forty-five people died in a double bombing in the city of Homs on Saturday, the governor said.",
        P3,
        {"type": IED, "killed": 45, "date": "2017-10-14"},
    ),
    (
        "r2-sides-government-said",
        "sides",
        "",
        "The army said it killed 60 militants in the fighting near Morek on Monday, while rebels said 11 of "
        "their fighters died.",
        P1,
        {"type": CLASH, "date": "2017-05-08"},  # two claims of the rebels' dead (60, 11): no sum to expect
    ),
    (
        "r2-nontoll-tally",
        "nontoll",
        "",
        "Two civilians were killed in a government air strike on the town of Kafr Nabl on Friday. The monitor "
        "says 1,200 civilians have died in Idlib province since the start of the year.",
        P5,
        {"type": AIR, "killed": 2, "date": "2018-11-16"},
    ),
    (
        "r2-nontoll-toll-climbs",
        "nontoll",
        "",
        "The number of people killed in Monday's bombing of a market in the town of Azaz has climbed to 19, "
        "medical sources said on Wednesday.",
        P1,
        {"type": IED, "killed": 19, "date": "2017-05-08"},
    ),
    (
        "r2-nontoll-fled",
        "nontoll",
        "",
        "Government shelling killed three people in the town of Khan Sheikhoun on Sunday, and more than 2,000 "
        "families fled north, local officials said.",
        P5,
        {"type": SHELL, "killed": 3, "date": "2018-11-18"},
    ),
    (
        "r2-none-un-report",
        "none",
        "",
        "A U.N. commission said in a report on Wednesday that all sides in the Syrian war had committed war "
        "crimes, including attacks on hospitals and schools.",
        P1,
        None,
    ),
    (
        "r2-none-funeral",
        "none",
        "",
        "Thousands of mourners attended the funeral on Thursday of the 12 children killed in last week's strike "
        "on a school in Haas.",
        P3,
        None,
    ),
    (
        "r2-none-truce",
        "none",
        "",
        "Russia and Turkey agreed on Monday to create a demilitarised zone in Idlib province, averting a "
        "government offensive.",
        P4,
        None,
    ),
    (
        "r2-date-on-date-said",
        "dates",
        "",
        "Air strikes on the town of Ariha killed 10 people on Oct. 15, the monitor said in a statement on Tuesday.",
        P3,
        {"type": AIR, "killed": 10, "date": "2017-10-15", "end": None},
    ),
    (
        "r2-date-last-night",
        "dates",
        "",
        "Rebel rockets hit the Hamidiyeh neighbourhood of Homs last night, killing two children, a police "
        "source told state media.",
        P1,
        {"type": SHELL, "a1": REBELS, "killed": 2, "date": "2017-05-09"},
    ),
]

# A third round, measured before any fix of its own: whole short articles (headline, dateline, body and
# background paragraphs) of the kinds the hidden set holds most.
CASES_3: list[Case] = [
    (
        "r3-air-article-background",
        "air",
        "Syrian jets strike Idlib market, killing 19",
        "BEIRUT (Reuters) - Syrian government warplanes bombed a crowded vegetable market in the town of Maaret "
        "Misreen in Idlib province on Monday, killing at least 19 people, a war monitor and rescuers said.\n"
        "Five children were among the dead, according to the Britain-based Observatory. Rescue workers were "
        "still pulling bodies from the rubble hours after the raid.\n"
        "Idlib is the largest area still held by rebels. Since 2011 the conflict has left hundreds of thousands "
        "dead and driven more than 11 million from their homes.",
        P5,
        {"type": AIR, "a1": SYRIA, "a2": CIV, "killed": 19, "date": "2018-11-19"},
    ),
    (
        "r3-air-russia-denies",
        "air",
        "",
        "Air strikes killed 12 civilians in the village of Kafr Sajna on Saturday, the Observatory said, "
        "adding that Russian jets had carried out the raids. Moscow denied its aircraft had struck the area.",
        P2,
        {"type": AIR, "a1": RUSSIA, "a2": CIV, "killed": 12, "date": "2018-02-24"},
    ),
    (
        "r3-air-israel-tally",
        "air",
        "Israeli missiles hit Syrian army depot near Damascus",
        "DAMASCUS (Reuters) - Israeli jets fired several missiles at an army weapons depot near Damascus "
        "airport early on Thursday, Syrian state media said, adding that air defences shot down most of them. "
        "There was no immediate word on casualties.",
        P3,
        {"type": AIR, "a1": ISRAEL, "a2": SYRIA, "killed": None, "date": "2017-10-19"},
    ),
    (
        "r3-air-coalition-passive-mosque",
        "air",
        "",
        "At least 42 people were killed when a mosque in the village of al-Jina in Aleppo province was struck "
        "during evening prayers on Thursday, the monitor said. The U.S. military said its aircraft had targeted "
        "a meeting of al Qaeda militants nearby.",
        P1,
        {"type": AIR, "killed": 42, "date": "2017-05-04"},
    ),
    (
        "r3-barrel-two-towns",
        "barrel",
        "",
        "Government helicopters dropped barrel bombs on the towns of Nawa and Inkhil in Deraa province on "
        "Tuesday, killing 8 people in Nawa, opposition activists said.",
        P4,
        {"type": AIR, "a1": SYRIA, "killed": 8, "date": "2018-06-26"},
    ),
    (
        "r3-barrel-regime-aircraft-injured",
        "barrel",
        "Regime barrel bombs wound dozens in Deraa",
        "Barrel bombs dropped by regime aircraft on the town of Busra al-Harir wounded more than 30 people on "
        "Wednesday, a local doctor said. No deaths were reported.",
        P4,
        {"type": AIR, "a1": SYRIA, "killed": 0, "injured": 30, "date": "2018-06-27"},
    ),
    (
        "r3-shell-damascus-sana",
        "shelling",
        "Shells kill four in Damascus - state media",
        "DAMASCUS (Reuters) - Four people were killed and 16 wounded when shells fired by militants in Eastern "
        "Ghouta landed in residential areas of Damascus on Monday, state news agency SANA said.\n"
        "The army has been pressing an offensive against the rebel enclave for two weeks.",
        P2,
        {"type": SHELL, "a1": REBELS, "a2": CIV, "killed": 4, "injured": 16, "date": "2018-02-26"},
    ),
    (
        "r3-shell-turkish-across-border",
        "shelling",
        "",
        "Turkish howitzers pounded Kurdish militia positions in the Afrin region overnight, the Turkish "
        "military said on Saturday, in response to rocket fire at the border town of Kilis.",
        P2,
        {"type": SHELL, "a1": TURKEY, "a2": "YPG", "date": "2018-02-23", "end": "2018-02-24"},
    ),
    (
        "r3-shell-rebel-rockets-aleppo",
        "shelling",
        "",
        "Rockets fired by rebels hit the Hamdaniya district of Aleppo on Sunday, killing a child and wounding "
        "six people, state television reported.",
        P3,
        {"type": SHELL, "a1": REBELS, "a2": CIV, "killed": 1, "injured": 6, "date": "2017-10-15"},
    ),
    (
        "r3-ied-carbomb-article",
        "bomb",
        "Car bomb kills 9 in Syrian town of Afrin",
        "AFRIN, Syria (AP) - A car bomb exploded in a busy street in the town of Afrin on Sunday, killing nine "
        "people and wounding more than 20, a war monitor and a Turkish-backed official said.\n"
        "No one immediately claimed responsibility. Turkish officials have blamed previous bombings in the "
        "area on the YPG.",
        P5,
        {"type": IED, "a1": UAG, "a2": CIV, "killed": 9, "injured": 20, "date": "2018-11-18"},
    ),
    (
        "r3-ied-roadside-coalition-patrol",
        "bomb",
        "",
        "A roadside bomb struck a patrol of the U.S.-led coalition in the city of Manbij on Tuesday, wounding "
        "two coalition soldiers, a spokesman said.",
        P5,
        {"type": IED, "a2": "Coalition", "killed": None, "injured": 2, "date": "2018-11-20"},
    ),
    (
        "r3-ied-twin-bombs",
        "bomb",
        "",
        "Twin bomb blasts tore through a busy street in the city of Jableh on Monday, killing 11 people, state "
        "media said.",
        P2,
        {"type": IED, "killed": 11, "date": "2018-02-26"},
    ),
    (
        "r3-ied-explosive-device-killed-commander",
        "bomb",
        "",
        "A commander of the Jaish al-Islam rebel group was killed on Saturday when an explosive device went "
        "off in his car in the town of Douma, the group said.",
        P1,
        {"type": IED, "killed": 1, "date": "2017-05-06"},
    ),
    (
        "r3-suicide-article-claim",
        "suicide",
        "Suicide bomber kills 15 at Syrian army checkpoint",
        "BEIRUT (AFP) - A suicide bomber detonated an explosives-packed car at an army checkpoint at the "
        "entrance of the city of Homs on Wednesday, killing 15 people, most of them soldiers, a monitor said. "
        "Islamic State said in a statement on its Amaq agency that one of its fighters carried out the attack.",
        P1,
        {"type": SUICIDE, "a1": IS, "a2": SYRIA, "killed": 15, "date": "2017-05-10"},
    ),
    (
        "r3-suicide-woman",
        "suicide",
        "",
        "A female suicide bomber blew herself up in a crowd outside a Kurdish security office in the city of "
        "Hasaka on Friday, killing herself and four others, the Asayish said.",
        P1,
        {"type": SUICIDE, "date": "2017-05-05"},
    ),
    (
        "r3-suicide-attack-hts-passive",
        "suicide",
        "",
        "Nine rebel fighters were killed in a suicide attack on their headquarters in the town of Jisr "
        "al-Shughour on Tuesday. Hayat Tahrir al-Sham was blamed for the bombing.",
        P3,
        {"type": SUICIDE, "killed": 9, "date": "2017-10-17"},
    ),
    (
        "r3-clash-article",
        "sides",
        "Fighting rages in Hama countryside",
        "Fierce fighting between the army and jihadist-led rebels in the northern Hama countryside killed at "
        "least 31 fighters on both sides on Thursday, the Observatory said. It said 18 of the dead were "
        "rebels.",
        P3,
        {"type": CLASH, "killed": 31, "date": "2017-10-19"},
    ),
    (
        "r3-ground-article",
        "ground",
        "Syrian army retakes Albu Kamal from Islamic State",
        "BEIRUT (Reuters) - The Syrian army and its allies took full control of Albu Kamal on Thursday, the "
        "last major town held by Islamic State in Syria, a commander in the pro-Damascus alliance said.\n"
        "Islamic State fighters fled towards the desert, he said.",
        P3,
        {"type": GOV_REGAINS, "a1": SYRIA, "a2": IS, "date": "2017-10-19"},
    ),
    (
        "r3-nontoll-monthly",
        "nontoll",
        "",
        "Russian air strikes killed 7 civilians in the town of Ariha on Friday. In October alone, 312 "
        "civilians were killed in the province, according to the monitor's count.",
        P3,
        {"type": AIR, "a1": RUSSIA, "killed": 7, "date": "2017-10-13"},
    ),
    (
        "r3-nontoll-old-attack",
        "nontoll",
        "",
        "Government shelling killed two people in the town of Khan Sheikhoun on Monday. The town was the site "
        "of a sarin gas attack in April 2017 that killed more than 80 people.",
        P5,
        {"type": SHELL, "a1": SYRIA, "killed": 2, "date": "2018-11-19"},
    ),
    (
        "r3-none-intercepted",
        "none",
        "",
        "Syria's air defences intercepted several missiles over the Kiswah area south of Damascus late on "
        "Tuesday, state media said, without giving further details.",
        P5,
        {"type": "Disrupted weapons use", "date": "2018-11-20"},
    ),
    (
        "r3-none-statement-condemns",
        "none",
        "",
        "The U.N. Secretary-General condemned on Friday the air strikes on hospitals in Idlib and called on all "
        "parties to respect international humanitarian law.",
        P2,
        None,
    ),
    (
        "r3-none-returns",
        "none",
        "",
        "Hundreds of displaced families returned on Sunday to the town of Tal Rifaat, weeks after fighting "
        "there ended, local officials said.",
        P2,
        None,
    ),
    (
        "r3-date-weekend",
        "dates",
        "",
        "Government air strikes on the town of Saraqeb killed 14 people over the weekend, the Observatory said "
        "on Monday.",
        P2,
        {"type": AIR, "a1": SYRIA, "killed": 14, "date": "2018-02-24", "end": "2018-02-25"},
    ),
    (
        "r3-date-previous-day",
        "dates",
        "",
        "The monitor said on Thursday that a drone strike the previous day had killed four Hayat Tahrir "
        "al-Sham fighters near the town of Khan Tuman.",
        P3,
        {"type": AIR, "killed": 4, "date": "2017-10-18"},
    ),
]

# A fourth round, measured before any fix of its own: where it happened (the gazetteer's name and ACLED's
# geo_precision: 1 the town itself, 2 near it or a part of a province, 3 only the province).
CASES_4: list[Case] = [
    (
        "r4-place-town-itself",
        "places",
        "",
        "Air strikes hit the centre of the town of Kafranbel on Wednesday, killing three people, activists said.",
        P4,
        {"type": AIR, "place": "Kafr Nobol", "prec": 1, "killed": 3},
    ),
    (
        "r4-place-near-town",
        "places",
        "",
        "Shelling near the town of Morek killed two soldiers on Tuesday, state media said.",
        P5,
        {"type": SHELL, "place": "Morek", "prec": 2, "killed": 2},
    ),
    (
        "r4-place-outskirts",
        "places",
        "",
        "Clashes on the outskirts of Deraa city killed six rebels on Sunday, the monitor said.",
        P4,
        {"type": CLASH, "prec": 2, "killed": 6},
    ),
    (
        "r4-place-province-only",
        "places",
        "",
        "Russian air strikes killed 11 civilians in Idlib province on Saturday, the Observatory said.",
        P4,
        {"type": AIR, "place": "Idleb", "prec": 3, "killed": 11},
    ),
    (
        "r4-place-countryside",
        "places",
        "",
        "Government forces shelled villages in the southern countryside of Aleppo on Monday, killing four "
        "civilians, a monitor said.",
        P5,
        {"type": SHELL, "prec": 2, "killed": 4},
    ),
    (
        "r4-place-district-damascus",
        "places",
        "",
        "A mortar round hit the Mezzeh district of Damascus on Friday, wounding three people, state media reported.",
        P2,
        {"type": SHELL, "injured": 3},
    ),
    (
        "r4-place-east-of-city",
        "places",
        "",
        "Islamic State fighters attacked army positions 20 km east of Palmyra on Sunday, killing eight soldiers.",
        P1,
        {"type": CLASH, "place": "Tadmur", "prec": 2, "killed": 8},
    ),
    (
        "r4-place-village-in-province",
        "places",
        "",
        "An air strike on the village of Ein Tarma in Eastern Ghouta killed five people on Monday.",
        P2,
        {"type": AIR, "prec": 1, "killed": 5},
    ),
    (
        "r4-place-origin-not-scene",
        "places",
        "",
        "A car bomb killed six people in the town of Azaz on Thursday. The wounded were taken to hospitals in "
        "Kilis across the Turkish border.",
        P3,
        {"type": IED, "place": "Azaz", "prec": 1, "killed": 6},
    ),
    (
        "r4-place-dateline-not-scene",
        "places",
        "",
        "ISTANBUL (Reuters) - Turkish-backed rebels and the YPG clashed near the town of Tal Rifaat on Monday, "
        "leaving 7 fighters dead, a monitor said.",
        P4,
        {"type": CLASH, "place": "Tall Refaat", "prec": 2, "killed": 7},
    ),
    (
        "r4-place-highway",
        "places",
        "",
        "Gunmen ambushed a military bus on the highway between Damascus and Homs on Tuesday, killing four "
        "soldiers, state media said.",
        P5,
        {"type": CLASH, "a2": SYRIA, "prec": 2, "killed": 4},
    ),
    (
        "r4-place-camp",
        "places",
        "",
        "A drone strike hit a camp for displaced people near the town of Atmeh on Wednesday, killing two "
        "children, rescuers said.",
        P4,
        {"type": AIR, "prec": 2, "killed": 2},
    ),
    (
        "r4-place-two-towns-toll-one",
        "places",
        "",
        "Government shelling killed five people in the town of Harasta and wounded seven in nearby Arbin on "
        "Sunday, activists said.",
        P2,
        {"type": SHELL, "place": "Harasta", "prec": 1, "killed": 5},
    ),
    (
        "r4-place-iraq-border",
        "places",
        "",
        "Coalition jets struck Islamic State fighters near the town of Albu Kamal on the Iraqi border on "
        "Friday, killing 16 militants, the coalition said.",
        P3,
        {"type": AIR, "a1": "Coalition", "a2": IS, "place": "Al Bukamal", "prec": 2, "killed": 16},
    ),
    (
        "r4-place-rural-damascus",
        "places",
        "",
        "Rebels fired rockets at the town of Jaramana in rural Damascus on Saturday, killing one man.",
        P2,
        {"type": SHELL, "a1": REBELS, "place": "Jaramana", "prec": 1, "killed": 1},
    ),
    (
        "r4-place-headline-only",
        "places",
        "Strikes kill 8 in Syria's Deir al-Zor",
        "Air strikes killed eight civilians in Deir al-Zor province on Thursday, a monitor said, without "
        "saying who carried out the raids.",
        P3,
        {"type": AIR, "prec": 3, "killed": 8},
    ),
    (
        "r4-place-named-neighbourhood",
        "places",
        "",
        "Shells fired by insurgents landed in the Sheikh Maqsoud neighbourhood of Aleppo on Wednesday, killing "
        "two women, Kurdish media reported.",
        P1,
        {"type": SHELL, "killed": 2},
    ),
    (
        "r4-place-al-prefix",
        "places",
        "",
        "A car bomb exploded in al-Bab on Friday, killing 13 people, the Turkish state news agency said.",
        P4,
        {"type": IED, "place": "Al Bab", "prec": 1, "killed": 13},
    ),
    (
        "r4-place-lattakia-mountains",
        "places",
        "",
        "Rebels and government forces fought in the Kurdish mountains of Latakia province on Sunday, leaving "
        "nine dead, the monitor said.",
        P3,
        {"type": CLASH, "prec": 2, "killed": 9},
    ),
    (
        "r4-place-spelling-variant",
        "places",
        "",
        "Warplanes struck the town of Maarat al-Nouman on Tuesday, killing seven people, rescuers said.",
        P5,
        {"type": AIR, "place": "Maarrat An Nu'man", "prec": 1, "killed": 7},
    ),
]
