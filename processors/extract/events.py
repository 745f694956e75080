"""Assemble events from the mentions of one report: segment, attach, merge, rank.

One report usually holds several events. Each sentence gives candidates (one per ACLED
sub-event type its triggers support, after the absorption rules below); a candidate takes the
actors, tolls, place and date of its sentence; candidates of one type, one actor pair and one
place merge across sentences; the title only confirms (its toll restates the body's, never adds).
Events are ordered by salience: what the title says, what has a toll, what comes first.

Absorption inside a sentence (how ACLED codes one incident once):
- a territorial change absorbs the clashes that won it;
- a suicide attack absorbs the bombing/explosion words; a specific explosive (IED, car bomb)
  absorbs generic "explosion" words; air, shelling or explosives absorb a bare "attack";
- shelling words next to an air word ("قصف جوي", "warplanes fired missiles") are the air strike;
- a bare killing ("قتل", "shot dead") is an Attack only when nothing else happened in the sentence,
  and a Battle (armed clash) when its victims are armed.
"""

from __future__ import annotations

import bisect
import copy
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Final

from processors.extract import context
from processors.extract.casualties import _SEGMENT_BREAK, EN_UNITS, Casualties, find_casualties
from processors.extract.consolidate import definite_generic, merge_retellings
from processors.extract.dates import _AR_MONTH_RE, _AR_MONTHS, DateMention
from processors.extract.fastre import for_text, found_in, matcher, may_match, quick, search_span, searcher
from processors.extract.lexicon import (
    AIR_CAPABLE,
    DEPOT_CONTEXT,
    GOVERNMENT_SIDE,
    MISHAP_CONTEXT,
    NOT_EVENT_CONTEXT,
    STATE_FORCES,
    STATUS_CONTEXT,
    TRIGGER_RULES,
)
from processors.extract.mentions import ActorMention, TriggerMention, find_mentions, triggers_may_start_in
from processors.extract.places import PlaceMention, metadata_spans, with_precision
from processors.extract.roles import (
    _SPEAKER_AFTER,
    _SPEAKER_BEFORE,
    _STATUS_BEFORE,
    Roles,
    _downed_aircraft_owner,
    camp,
    resolve_roles,
    same_side,
)
from sitrep.ids import stable_id
from sitrep.records import SUB_EVENT_TYPES, Actor, Event, Evidence, Location, Report
from sitrep.textnorm import detect_language, fold_with_offsets, original_span, split_clauses, split_sentences

_RULE: Final = {rule.name: rule for rule in TRIGGER_RULES}
_EXPLOSIVE: Final = {
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Suicide bomb",
    "Grenade",
    "Chemical weapon",
}
_TERRITORY: Final = "Non-state actor overtakes territory"
_AR_PREFIX: Final = "^(?:[وف]?(?:[بلك]?ال|لل|[بلك])?)"
_GENERIC_IED: Final = re.compile(
    _AR_PREFIX + r"(?:تفجير|تفجيرات|انفجار|انفجارات|انفجر|انفجرت)$|^(?:bomb|bombs|"
    r"bombing|bombings|explosions?|blasts?|exploded|detonated|explosives?)$"
)
_GENERIC_ATTACK: Final = re.compile(
    _AR_PREFIX + r"(?:هجوم|هجوما|هجمات|هجمه|هاجم|هاجمت|هاجموا|اقتحام)$|^(?:attacks?|"
    r"attacked|assaults?|assaulted|offensive)$"
)
# Shooting and storming words of one armed side: with civilians alone as their victims, an Attack on them
# ("gunmen opened fire on families, killing three", "killed by sniper fire", "militiamen raided the village").
# (Not "shooting" or "gunfire": both sides' fire as often as one's, "shooting between rival factions".)
_SHOOTING_EN: Final = re.compile(
    r"^(?:opened fire|fired (?:at|on|upon|towards)|shot at|snipers?|sniped|stormed|raided|raids?)$"
)
_WEAK_TERRITORY: Final = re.compile(
    _AR_PREFIX + r"(?:تقدم|تقدمت|دخلت|دخول|دخلتها)$|^(?:entered|advanced|advances|moved in)"
)
# Who enters without arms: aid convoys, inspectors, delegations, journalists, civilians.
_UNARMED_NOUN: Final = (
    r"[وفبل]?(?:ال)?(?:قافله|قوافل|مساعدات|شاحنه|شاحنات|مفتش\S*|بعثه|لجنه|وفد|وفود|فريق|فرق|صحفي\S*|مدنيين|"
    r"نازحين|اهالي|لاجئين|الهلال|الصليب|منظمه|طواقم|مواد|حافلات|aid|convoys?|inspectors|trucks|journalists|"
    r"food|medicines?|medical supplies|supplies|fuel|flour|residents|civilians|families|people|displaced|returnees|"
    r"refugees|villagers)(?!\w)"
)
# Who entered: the verb's object or subject, so no clause break or other verb between ("troops entered
# Douma as civilians fled": the civilians are the subject of "fled", not of "entered").
_UNARMED_ENTRANT: Final = re.compile(
    r"\s+(?:(?!(?:as|while|when|after|before|and|with)\b|[وف]?(?:بعد|مع|اثناء|حين|بينما|فيما|عقب|وسط)(?!\w))"
    r"[^\s,;.،]+\s+){0,2}?" + _UNARMED_NOUN
)
_UNARMED_ENTRANT_BEFORE: Final = re.compile(
    _UNARMED_NOUN + r"(?:\s+(?!(?:said|say|says|told|reported|and)\b)[^\s,;.،]+){0,2}?\s+$"
)
# "shelled", "bombed", "struck" (not "ied"): what the subject did, not an averting word's object
_PAST_VERB_EN: Final = re.compile(r"[a-z]{2,}ed\b|(?:struck|hit|shot|fought|blew|took|overran|retook|drove|threw)\b")
# "troops trying to prevent a rebel advance shelled the town": what is averted is the first trigger after the
# word (its object), not every one the sentence goes on to tell.
_AVERT_EN: Final = re.compile(
    r"\b(?:avert(?:s|ed|ing)?|forestall(?:s|ed|ing)?|stave off|staving off|staved off|head(?:ed|ing)? off|"
    r"ward(?:ed|ing)? off|to prevent)\b"
)


def _averted_en(folded: str, hit: TriggerMention, hits: list[TriggerMention], clause: tuple[int, int]) -> bool:
    """English: the trigger is the object of an averting word ("to avert a new offensive"), the first trigger
    after it and at most ten words on, and no past-tense verb ("to prevent a rebel advance shelled the town":
    the shelling is what the troops did)."""
    if _PAST_VERB_EN.match(folded, hit.start):
        return False
    lo = max(clause[0], hit.start - 80)
    found = list(quick(for_text(_AVERT_EN, folded)).finditer(folded, lo, hit.start))
    last = found[-1] if found else None
    return (
        last is not None
        and folded.count(" ", last.end(), hit.start) <= 10
        and not any(last.end() <= h.start < hit.start for h in hits)
    )


# "هدد التنظيم ... باستهداف لاعبي كاس العالم ... باستخدام طائرات مسيره": what the threat names, however far on.
_THREAT_GOVERNS: Final = re.compile(
    r"(?<!\w)[وف]?(?:هدد|هددت|هددوا|يهدد|تهدد|يهددون|توعد|توعدت|يتوعد|تتوعد|مهددا|متوعدا)(?!\w)(?:\s+\S+){0,8}?\s+"
    r"ب(?:استهداف|شن|تنفيذ|ضرب|مهاجمه|قصف|هجمات|هجوم|اجتياح|عمليات|عمليه|تفجير|اغتيال|قتل)(?!\w)"
)
_DEMONSTRATIVE_BEFORE: Final = re.compile(r"(?<!\w)[وف]?(?:تلك|هذه|هذا|ذلك|هاتين|هذين)\s+$")
_TOLL_STEM: Final = re.compile(r"قتل|مقتل|قتيل|مصرع|اسفر|جرح|جريح|اصاب|ضحايا|ضحيه|حصيله")
_MEANS_BEFORE: Final = re.compile(r"(?<!\w)(?:اثر|بعد|عقب|following|after)\s+$")
_AIR_WORD: Final = re.compile(r"طيران|طائر|مروحي|مقاتلات|جوي|warplane|jet|aircraft|helicopter|air|drone|plane")
_THREAT: Final = re.compile(
    r"(?<!\w)[وف]?(?:تهدد|هدد|يهدد|تعتزم|يعتزم|ستشن|سيشن|تخطط|يخطط|اذا|لو|سوف|ستنفذ|سينفذ|ينوي|تنوي|"
    r"تستعد|يستعد|احتمال|احتمالات|احتماليه|باحتمال|امكانيه|بامكانيه|يدرس|تدرس|تهديد|تهديدات|التهديدات|بتوجيه|"
    r"تحضر|يحضر|تحضيرات|التحضير|المتوقع|متوقع|مقررا|تصر|يصر|تسعي|يسعي|عازمه|عازم|المحتمل|محتمل|نفي|نفت|ينفي|تنفي|نفوا|يعتزم|ستقوم|سيقوم|ستكون|"
    r"لتطهير|تتوعد|يتوعد|توعد|ستواصل|سيواصل|قادره|قادر|قادرين|بامكانها|بامكانه|استعداد|استعداده|"
    r"استعدادها|للتطوع|مستعد|مستعده)(?!\w)|(?<!\w)[وف]?قد [تين]\S+|"
    r"\b(?:threaten(?:s|ed)?|would|could|plans? to|planning|(?<!\d )may(?! \d)|"
    r"might|vowed|will|if|denied|denies|deny|expected to|prepar(?:ing|es|ed) to|"
    r"fear(?:s|ed)?(?!\s+(?:dead|killed|trapped|missing|lost)))\b"
)
# A trigger named as the topic of a statement or response is a reference, not a report.
_REFERENCE: Final = re.compile(
    r"(?:(?<!\w)(?:رد|ردا|الرد|برد|ردود) (?:\S+ ){0,3}(?:علي|عل)|(?<!\w)(?:بشان|حول|خلفيه|التحقيق في|"
    r"[وف]?(?:س|)[تي]تناول|تناولت|تناول|[وف]?(?:س|)[تي]ناقش|ناقشت|ناقش|[وف]?(?:س|)[تي]بحث(?:ون|ان)?|لبحث|"
    r"تحقيق في|"
    r"ادانه|يدين|تدين|دانت|ادانت|ندد\S*|مسرحيه|فبركه|تورط\S*(?: \S+){0,3} في|ساحه|ساحات|"
    r"مسؤوليه\S*(?: \S+){0,2} عن|"
    r"ذكري|وقف|بوقف|لوقف|"
    r"ايقاف|هدنه|وقفا|المتهمه|المتهم|متهمه|متهم|منذ ان)|\b(?:ceasefire|cease-fire|halt(?: to)?|"
    r"stop(?: the)?|end to|in response to|response to|over the|about the|investigation into|"
    r"condemn\w*(?: the)?|retaliation for|blamed for|accused of|responsible for|anniversary of|since|"
    r"battlefield|(?:suspected|alleged|reported|possible) use of|ability to use))"
    r"\s*(?:ال)?\S{0,3}(?:\s+\S+)?\s*$"
)
# "residents of the next town heard the blast": an event told before, perceived where the hearers were.
# So is "the scene of the attack" (where bodies still lay, where rescuers worked).
_PERCEIVED_BEFORE_EN: Final = re.compile(
    r"\b(?:(?:heard|hear|hearing|felt|feel|saw|witnessed)\s+the|(?:scene|site|aftermath|wake)\s+of\s+the)\s+"
    r"(?:[\w-]+\s+)?$"
)
# "a regime offensive on Idlib could displace hundreds of thousands": what may happen, not what did
_MODAL_AFTER: Final = re.compile(r"(?:\s+[\w'-]+){0,4}?\s+(?:could|would|might|will)\b")
_TOLD_DONE: Final = re.compile(r"\b(?:killed|died|dead|wounded|injured|hit|struck|left)\b")
# Arabic phrasings that name violence without reporting it: a negated act ("الاسد لا يشن هجوم
# كيمياوي"), an accusation ("تورط الاسد بهجوم دوما"), a response ("ردا حازما من المجتمع الدولي على
# الهجوم"), a cause of flight ("270 الف نازح بسبب القتال").
_NOT_REPORTED: Final = re.compile(
    r"(?:(?<!\w)[وف]?(?:لا|لم|لن)\s+(?!(?:تزال|يزال|زالت|زال|تزل|يزل|يسفر|تسفر|يخلف|تخلف|يؤد\S*|تؤد\S*|"
    r"تتوقف|يتوقف|توقف|تهدا|يهدا|تنقطع|ينقطع|يعرف|تعرف|يتضح|يتبين|ترد|يرد|تعلن|يعلن|تتبن\S*|يتبن\S*|"
    r"تتمكن|يتمكن|تكد|يكد|تمض|يمض)(?!\w))\S+\s+(?:\S+\s+)?|"
    r"(?<!\w)[وب]?(?:(?:ال)?تورط|اتهام)\S*(?:\s+\S+){0,3}?\s+(?:(?:في\s+|ب)\S+\s+(?:\S+\s+)?)?|"
    r"(?<!\w)[وف]?اتهم\S*(?:\s+[^\s,.]+){0,3}?\s+ب[^\s,.]+\s+(?:[^\s,.]+\s+)?|"
    r"(?<!\w)[وب]?(?:رد|ردا|الرد|برد|ردود|ردها|رده)\s+(?:\S+\s+){0,5}?(?:علي|عل)\s+|"
    r"(?<!\w)[وب]?(?:ال)?(?:دليل|ادله)\s+(?:\S+\s+){0,5}?|"
    r"(?<!\w)[وف]?(?:ادان|ادانت|دان|دانت|ندد|نددت|استنكر|استنكرت|شجب|شجبت|يدين|تدين)\s+(?:\S+\s+){0,4}?"
    r"(?:ب\S*\s+)?\W*|"
    r"(?<!\w)[وفبل]?(?:ال|لل)?(?:تحقيق|تحقيقا|تحقيقات|مفتشي|مفتشو|المفتشين|المحققين|محققي|محققو)\s+"
    r"(?:\S+\s+){0,3}?(?:في|حول|بشان|عن)\s+(?:\S+\s+)?|"
    r"(?<!ما )(?<!\w)(?:يشتبه|تشتبه)\s+(?:في\s+)?(?:بانه|بانها|بانهم|انه|انها|انهم)\s+|"
    r"(?<!\w)(?:ال)?(?:مشتبه|مشتبها|متهم|متهما)\s+(?:به|بها|بهم)\s+(?:في\s+)?|"
    r"(?<!\w)[وفل]?(?:ال)?(?:نازح\S*|نزوح|فروا|فر|فرار|هربا|هرب\S*|لاجئ\S*|تهجير)\s+(?:\S+\s+){0,3}?"
    r"(?:بسبب|جراء|هربا من)\s+(?:\S+\s+)?|"
    # fleeing from it ("يفرون من القصف", "هربا من المعارك"): the cause of flight, told as its background
    r"(?<!\w)[وف]?(?:هربا|فرارا|[يت]فرون|[يت]فر|فروا|فرت|[يت]هربون|نزحوا|[يت]نزحون)\s+من\s+)$"
)
# A toll whose killing word is named without being reported (`_NOT_REPORTED`): "بالتورط في قتل مئات المدنيين".
_TOLL_NOT_REPORTED: Final = re.compile(_NOT_REPORTED.pattern[:-1] + r"[وب]?(?:قتل|مقتل|مصرع)\s+$")
# After a trigger: an attack still to come ("هجوم وشيك", "الهجوم على ادلب سيخلف"), or words, not
# arms ("هجوما لاذعا", "هاجم الرئيس التركي").
_NOT_REPORTED_AFTER: Final = re.compile(
    r"\W*(?:\S+\s+){0,1}?\W*(?:وشيك\S*|المرتقب\S*|مرتقب\S*|المتوقع\S*|المقبل\S*|القادم\S*|"
    r"المزمع\S*|لاذع\S*|كلامي\S*)(?!\w)|"
    r"\W*(?:\S+\s+){0,1}?\W*(?:التي|الذي|الذين)\s+(?:كان\S*\s+)?(?:خطط\S*|[يت]خطط\S*|اعتزم\S*|[يت]عتزم\S*|"
    r"[يت]نوي\S*)(?!\w)|"
    r"\s+(?:\S+\s+){0,3}?(?:سيخلف|سيؤدي|ستؤدي|سيكون|ستكون|سيتسبب|ستتسبب|سيفضي|سيشكل|ستشكل)(?!\w)|"
    r"\W*(?:[^\s,.]+\s+){0,2}?(?:الرئيس|رئيس الوزراء|رئيس الحكومه|وزير|الوزير|وزيره|المتحدث|الامين العام|"
    r"السفير|المندوب)(?!\w)"
)
# Executions carried out by courts and prisons ("اعدم العراق 12 مدانا بالارهاب") are sentences, not attacks.
_EXECUTION: Final = re.compile(r"[وف]?(?:ال|ب|بال)?(?:اعدم|اعدمت|اعدام|اعدامات|يعدم|تعدم)(?!\w)")
_JUDICIAL: Final = re.compile(
    r"(?<!\w)[وفبل]?(?:ال)?(?:مدان\S*|محكوم\S*|حكم|احكام|الحكم|القضاء|قضائي\S*|محكمه|المحكمه|سجن|السجن|"
    r"وزاره العدل|المدانين)(?!\w)"
)
_CHEMICAL_STOCK: Final = re.compile(
    r"(?<!\w)[وفبل]?(?:ال|لل)?(?:عنصر|مواد|ماده|اسلحه|سلاح|حظر|برنامج|مخزون|مخزونات|ترسانه|منشات|منشاه|مصانع|"
    r"مصنع|مخازن|مخزن|عوامل|عامل|مركز|مراكز|مواقع|موقع)\s+$"
)
_CHEMICAL_USE: Final = re.compile(
    r"(?<!\w)[وفبل]?(?:ال)?(?:هجوم|هجمات|هجوما|قصف|قصفا|ضربه|غاره|غارات|استخدام|استخدم|استخدمت|باستخدام)(?!\w)"
)
_HALT: Final = re.compile(
    r"(?<!\w)[وفبل]?(?:وقف|ايقاف|بايقاف|هدنه)(?: \S+){0,3}\s*$|\b(?:ceasefire|cease-fire|halt|"
    r"truce)(?: \S+){0,3}\s*$"
)
_SINCE_CLAUSE: Final = re.compile(
    r"(?<!\w)منذ (?:ان|بدء|بدايه|شن|اندلاع|انطلاق)(?: \S+){0,5}\s*$|"
    r"\bsince (?:the )?(?:\w+ ){0,3}(?:launched|began|started)\b"
)


def _segment(folded: str, clause: tuple[int, int], at: int) -> tuple[int, int]:
    """The part of a clause around ``at`` between breaks (commas, an appended "ليرتفع"/"bringing")."""
    start, end = clause
    for match in _SEGMENT_BREAK.finditer(folded, clause[0], clause[1]):
        if match.end() <= at:
            start = match.end()
        elif match.start() >= at:
            end = match.start()
            break
    return start, end


# A clause that counts over a month or since a start date is a summary, not a report of an event
# ("وثق المرصد مقتل 318 شخصا خلال شهر تشرين الاول", "displaced since the start of October by shelling").
_PERIOD_CLAUSE: Final = re.compile(
    r"(?<!\w)(?:خلال|طوال) (?:شهر|الشهر الماضي|الشهر الجاري|الاشهر|الاسابيع|العام)(?!\w)|(?<!\w)منذ "
    r"(?:مطلع|بدايه|بدء|اول) (?:شهر|الشهر|العام|السنه|\S+ (?:19|20)\d\d)|\b(?:during|throughout) the month\b|"
    r"\bsince the (?:start|beginning) of (?:the )?(?:month|year|january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\b"
)
_HALT_WORD: Final = re.compile(r"وقف|ايقاف|هدنه|ceasefire|cease-fire|halt|truce")
_REFERENCE_WORD: Final = re.compile(
    r"رد|بشان|حول|خلفيه|تحقيق|ادان|يدين|تدين|دانت|ندد|مسرحيه|فبركه|تورط|مسؤولي|ذكري|وقف|متهم|منذ|تناول|ناقش|بحث|"
    r"accused|since|"
    r"ايقاف|هدنه|ceasefire|cease-fire|halt|stop|end to|response|over the|about the|"
    r"investigation|condemn|retaliation|blamed|responsible|anniversary|use of"
)
# Background: what happens habitually or happened before, told as context for the event ("the
# town has been hit by several bombings this year", "factions have in the past blamed such attacks
# on ...", "سبق ان تعرضت المدينه لتفجيرات مماثله").
_BACKGROUND: Final = re.compile(
    r"(?<!\w)(?:سبق ان|سبق و|سبق لها|سبق له|في السابق|قبل فتره|مرارا|مرارا وتكرارا|بشكل متكرر|باستمرار|عاده ما|"
    r"مثل هذه|هذه الهجمات|هذه التفجيرات|(?:تفجيرات|هجمات|غارات|تفجير|هجوم) مماثله?)(?!\w)|"
    r"\b(?:in the past(?! (?:\S+ )?(?:\d+|few|several|two|three|hours?|days?|week|24|48))|"
    r"such (?:attacks|bombings|blasts|(?:air ?)?strikes|(?:air )?raids|incidents|assaults)|similar (?:attacks|bombings|"
    r"blasts|(?:air ?)?strikes|(?:air )?raids|incidents|assaults)|repeatedly|frequently|often|regularly|"
    r"(?:has|have|had) been (?:\w+ )?(?:hit|targeted|struck|attacked|rocked|shaken) by (?:several|many|"
    r"multiple|repeated|a series|a string|a spate|a wave|dozens|numerous|frequent)|"
    r"(?:several|many|multiple|numerous|countless) times|(?:frequent|regular|repeated|periodic) (?:air ?)?"
    r"(?:strikes|attacks|raids|shelling|bombings)|no (?:group|one|party|faction|side) (?:has )?(?:immediately )?"
    r"claimed|nobody (?:has )?claimed|in recent (?:months|weeks|years)|(?:over|in|during) the (?:past|last) "
    r"(?:few |several )?(?:months|years)|(?:has|have|had) been the (?:\w+ )?targets? of (?:\w+ )?(?:air ?strikes|"
    r"strikes|attacks|raids|shelling|bombardment|bombing))\b|"
    r"(?<!\w)[وف]?(?:مرات عده|عده مرات|مرات عديده)(?!\w)"
)
# "ولم تتبن أي جهة التفجير": nobody claimed the bombing the sentence has just told; only what follows it is told again
_UNCLAIMED_AR: Final = re.compile(r"(?<!\w)[وف]?لم (?:تعلن|يعلن|تتبن|يتبن)\S*(?!\w)")
# After a missile word: fired at an aircraft, a drone or another missile (an interception).
_AT_AIRCRAFT: Final = re.compile(
    r"(?:\s+\S+){0,3}?\s+(?:علي|نحو|باتجاه|ضد|[يت]ستهدف|استهدف\S*)\s+(?:[\"«]\s*)?(?:ال)?(?:طائره|طائرات|مسيره|"
    r"مسيرات|درون|صاروخ|صواريخ|مقاتله)(?!\w)"
)
_SEIZED_ITEMS: Final = re.compile(
    r"\s*(?:\S+\s+){0,3}?(?:rifles?|weapons?|arms|ammunition|rounds|explosives?|guns?|rockets|missiles|"
    r"vehicles?|cars?|trucks?|motorcycles?|cash|money|documents|drugs|[وفبل]?(?:ال)?(?:اسلحه|سلاح|ذخائر|ذخيره|"
    r"متفجرات|عبوات|اليات|سيارات|سياره|اموال|وثائق|مخدرات|صواريخ|قذائف))\b"
)
# "seized 14 workers from a gas field", "took two aid workers hostage": unarmed people taken away.
_SEIZED_PEOPLE_EN: Final = re.compile(
    r"\s+(?:(?:at least|more than|about|some|a|an|the|two|three|four|five|six|seven|eight|nine|ten|dozens of|"
    r"scores of|several|\d+)\s+)?(?:[\w-]+\s+)?(?:civilians|workers|employees|people|residents|villagers|women|"
    r"children|men|journalists|engineers|doctors|teachers|students|passengers|drivers|shepherds|farmers|"
    r"hostages?|captives?)\b(?!\s+(?:of|from)\s+(?:the\s+)?(?:town|village|city|area|district))|"
    r"\s+(?:\S+\s+){1,4}?(?:hostage|captive|prisoner)s?\b"
)
_SEIZURE_BEFORE: Final = re.compile(
    r"\b(?:seized|seize|seizing|confiscated|found|discovered|recovered|captured|dismantled|defused|seizure of)"
    r"\b|(?<!\w)[وف]?(?:ضبط|ضبطت|صادر|صادرت|مصادره|عثر|عثرت|العثور|فكك|فككت|تفكيك|استولوا|استولت|استولي)(?!\w)"
)
_DRONE_NEAR: Final = re.compile(r"مسيره|مسيرات|طائره|طائرات|\bdrones?\b|\buavs?\b")
_BACKGROUND_WORD: Final = re.compile(
    r"سبق|السابق|قبل فتره|مرارا|متكرر|باستمرار|عاده|مثل هذه|هذه الهجمات|هذه التفجيرات|مماثل|in the past|"
    r"such (?:a|at|bl|bo|in|raids|st)|similar|repeatedly|frequently|often|regularly|"
    r"been (?:\w+ )?(?:hit|tar|st|at|ro|sh)| times|مرات|frequent|regular|repeated|periodic|claimed|لم |"
    r"recent (?:mo|we|ye)|(?:past|last) (?:few |several )?(?:mo|ye)|been the"
)
_SIMILAR_AFTER = re.compile(r"\s*(?:\S+\s+)?(?:مماثل|مماثله|مماثلا|شبيه|شبيهه)(?!\w)|\s*(?:of )?(?:this|that) kind\b")
_DENIAL: Final = re.compile(
    r"(?<!\w)[وف]?(?:نفي|نفت|ينفي|تنفي|نفوا|ينفون|نافيا|نافيه)(?!\w)|\b(?:denied|denies|deny|"
    r"denying)\b"
)
_ACCIDENT: Final = re.compile(
    r"(?<!\w)(?:حادث|خلل|عطل|تسرب|ماس)(?!\w)|\b(?:accident\w*|leak|fault|short circuit)\b|"
    # a gas cylinder, a heater, fireworks or bad storage blowing up ("انفجار اسطوانه غاز في مطعم")
    r"(?<!\w)[وبلف]?(?:ال)?(?:اسطوانه|اسطوانات|جره|مدفاه|مدافئ|سخان)(?!\w)|(?:ال)?(?:العاب|الالعاب) الناريه|"
    r"(?:سوء|خطا في) (?:ال)?تخزين|\b(?:gas cylinders?|gas canisters?|heaters?|fireworks)\b"
)
_ATTACK_WORD: Final = re.compile(
    r"استهدف|هجوم|قصف|غار|مفخخ|ناسف|انتحاري|مسلح|attack|strike|targeted|bomb(?:er|ing)|"
    r"car bomb|suicide|gunmen|militants"
)
# "قتلت طائرات روسية 7 مدنيين", "طائرات التحالف قتلت 7": the aircraft are what killed
_AIRCRAFT_KILLED: Final = re.compile(
    r"(?<!\w)[وف]?(?:قتلت|اغتالت|قتل)\s+(?:ال)?(?:طائرات|طائره|طيران)|"
    r"(?<!\w)(?:ال)?(?:طائرات|طائره|طيران)(?:\s+\S+){0,3}\s+(?:قتلت|اغتالت)(?!\w)"
)
_LOST_TO: Final = re.compile(r"[وف]?(?:خسرت|خسر|خسروا|فقدت|فقدوا)(?!\w)")
# What a side loses "لصالح" another that is ground: a place or position (or control of one), not an office,
# a seat or contact ("خسر الحزب رئاسة البلدية لصالح مرشح المعارضة", "فقدت القوات الاتصال بدورية لصالح").
_GROUND_LOST_AR: Final = re.compile(
    r"(?<!\w)و?(?:ال)?(?:بلده|بلدتي|بلدات|قريه|قريتي|قري|مدينه|مدن|حي|احياء|مواقع|موقع|نقاط|نقطه|تل|تله|تلال|"
    r"جبل|مطار|قاعده|كتيبه|ثكنه|حاجز|حواجز|معبر|منطقه|مناطق|اراضي|اراض|مساحه|مساحات|مزرعه|مزارع|ريف|محور|"
    r"مخيم|ناحيه|حقل|حقول|سد|سيطره|سيطرتها|سيطرته|سيطرتهم)(?!\w)"
)
_TO_THE_GAIN_OF: Final = re.compile(r"(?<!\w)لصالح\s*$")

# A place after a preposition is where the loss happened, not what was lost ("فقدت الاتصال بدورية في ريف حماة").
_PREPOSITION_BEFORE_AR: Final = re.compile(
    r"(?<!\w)(?:في|قرب|من|الي|نحو|داخل|عند|بين|فوق|تحت|خلف|امام|ضمن|علي|شمال|جنوب|شرق|غرب|محيط)\s+$"
)


def _ground_lost(doc: Document, hit: TriggerMention) -> bool:
    """ "خسرت الفصائل بلدة X / السيطرة على X / X لصالح ...": the loss verb's object is ground (a place or
    position noun, or a gazetteer place), not one after a preposition."""
    starts = [m.start() for m in _GROUND_LOST_AR.finditer(doc.folded, hit.start, hit.end)]
    starts += [p.start for p in _read_context(doc).places if hit.start <= p.start < hit.end]
    return any(not _PREPOSITION_BEFORE_AR.search(doc.folded, max(hit.start, s - 12), s) for s in starts)


def _won_from_loser(doc: Document, cand: Candidate) -> str:
    """ "خسرت الفصائل البلدة لصالح قوات النظام": the side named after "لصالح" took the ground a loss verb tells."""
    if not any(_LOST_TO.match(doc.folded, t.start) for t in cand.triggers):
        return ""
    start, end = cand.clause
    return next(
        (
            a.name
            for a in doc.actors
            if start <= a.start < end and _TO_THE_GAIN_OF.search(doc.folded, max(start, a.start - 8), a.start)
        ),
        "",
    )


# "تقدمت قوات النظام نحو البلدة / باتجاهها / على أطرافها": an advance towards a place, which is not taken
_TOWARDS_AR: Final = re.compile(
    r"(?:\s+\S+){0,4}?\s+(?:نحو|باتجاه|تجاه|صوب|الي اطراف|الي مشارف|علي اطراف|علي مشارف|في محيط|الي محيط)(?!\w)"
)
# "اقترب مقاتلو التنظيم من السيطرة على", "باتت قريبة من استعادة", "كادت قوات النظام تسيطر": a capture that only
# threatened (a fight, not ground taken).
# The near-taking word governs the capture word: nothing but its subject between them, no clause break ("كادت
# تستمر أسبوعا، سيطرت": the capture is a new clause), no verb of its own ("كاد يودي بحياة ... سيطرت").
_NEAR_TAKING_AR: Final = re.compile(
    r"(?<!\w)[وف]?(?:(?:اقترب|اقتربت|اقتربوا|يقترب|تقترب|يقتربون|قريب|قريبه|قريبا|قريبين)\s+(?:[^\s,،.;؛:]+\s+){0,3}?من|"
    r"(?:كاد|كادت|كادوا|يكاد|تكاد|يكادون)(?:\s+(?![يت](?!نظيم|حرير|جمع|حالف))[^\s,،.;؛:]+){0,3}?)\s+$"
)
_SURVIVED_ATTEMPT_AR: Final = re.compile(
    r"(?<!\w)[وف]?(?:تعرض|تعرضت|تعرضوا)\s+(?:\S+\s+){0,8}?ل(?:ال)?محاوله اغتيال|"
    r"(?<!\w)[وف]?(?:نجا|نجت|نجوا|ينجو)\s+(?:\S+\s+){0,4}?من\s+(?:ال)?محاوله اغتيال"
)


# "نفذها التنظيم", "على يد عناصر من الهيئة", "من قبل مسلحين تابعين للفصائل": who carried the attempt out
_ATTEMPT_AGENT_AR: Final = re.compile(
    r"(?<!\w)(?:نفذها|نفذته|نفذتها|نفذه|تبناها|تبنته|تبناه|من قبل|من جانب|علي يد|علي ايدي|بواسطه)(?:\s+\S+){0,3}?\s+$"
)


def _attempt_sides(doc: Document, cand: Candidate, attempt: re.Match[str]) -> tuple[str, str]:
    """(attacker, survivor) named in an assassination attempt survived: the survivor before "لمحاولة / من
    محاولة اغتيال" ("نجا قيادي في الفصائل من"), the attacker after an agent phrase ("نفذها التنظيم")."""
    s_start, s_end = doc.sentences[cand.sentence]
    attacker = survivor = ""
    for a in doc.actors:
        if not s_start <= a.start < s_end:
            continue
        if a.start >= attempt.start() and _ATTEMPT_AGENT_AR.search(doc.folded, max(s_start, a.start - 40), a.start):
            attacker = attacker or a.name
        elif a.start < attempt.end():
            survivor = survivor or a.name
    return attacker, survivor


_SHOT_AR: Final = re.compile(r"(?<!\w)[وفب]?(?:ال)?(?:رصاص|قناص|قناصه|قنص|اطلاق النار|اطلاق نار)(?!\w)")
# "باتت الهيئة تسيطر على القرية", "أصبحت قسد تسيطر": came to hold it, a change of hands, not a standing status
_CAME_TO_HOLD: Final = re.compile(r"(?<!\w)[وف]?(?:باتت|بات|اصبحت|اصبح|صارت|صار|اضحت|اضحي)(?:\s+\S+){0,4}\s+$")
_PURPOSE: Final = re.compile(r"^[وف]?(?:ل(?!ل)|لل)")
_YEAR_DIGITS: Final = re.compile(r"(?:19|20)\d\d(?!\d)")  # what every match of `_HISTORY_YEAR` consumes
_HISTORY_YEAR = re.compile(r"(?<!\w)(?:عام|العام|سنه|في|منذ|بين|و|year|in|since|between|and)\s*((?:19|20)\d\d)(?!\d)")
_ATTEMPT: Final = re.compile(
    r"(?<!\w)[وفب]?(?:ال)?(?:محاوله|محاولات|حاولت|حاول|فشلت|فشل)(?!\w)|\b(?:attempt(?:s|ed)?|"
    r"tried|trying|failed)\b|"
    r"\b(?:bid|bids|push|offensive|drive|efforts?|campaign|operation|aims?|aiming|seeks?|seeking) to (?:\w+ )?$"
)
_ARMED_VICTIM: Final = re.compile(
    r"\b(?:fighters?|soldiers?|commanders?|militants?|members?|troops|officers?|checkpoint|patrol|"
    r"militiam[ae]n|rebels?|jihadists?|positions?|base|convoy)\b|(?<!\w)[وفبل]?(?:ال)?(?:عنصر|عناصر|مقاتل\w*|"
    r"جندي|جنود|قيادي\w*|ضابط|ضباط|حاجز|دوريه|رتل|مقر|مقرات|نقطه عسكريه|مسلح\w*)(?!\w)"
)
_ATTACKER_NOUN: Final = re.compile(r"\s+(?:fighters|militants|members|troops|soldiers|jihadists|gunmen|militiamen)\b")
_BY_AGENT: Final = re.compile(r"(?:برصاص|بنيران|يد|قبل|by|from)\s+$")
_SINCE_BEFORE: Final = re.compile(r"(?:منذ|since|from)\s*$")
# "منذ انطلاق الهجوم البري على ريف حماة في 8 نيسان": the day a campaign began, not the event's day.
_SINCE_START_BEFORE: Final = re.compile(
    r"(?<!\w)منذ (?:بدء|بدايه|انطلاق|انطلاقه|شن|اندلاع)(?:\s+[^\s,.]+){0,6}\s+(?:في|يوم|بتاريخ)?\s*$"
)
# English: a sentence that updates a toll ("the death toll from the blast rose to 112, the monitor said on Sunday"):
# the day it was said is the update's, not the event's (the event's day is told elsewhere: "Saturday's blast").
_TOLL_RISE_EN: Final = re.compile(
    r"\b(?:death toll|toll|number of (?:dead|deaths|victims|fatalities|people killed))\b[^.;]{0,160}?"
    r"\b(?:rose|rises|risen|rising|climbed|climbs|reached|reaches|has hit|hits|mounted|mounts|jumped|jumps|"
    r"increased|soared|soars|stood at|stands at|now at)\b"
)
_SAID_BEFORE_EN: Final = re.compile(
    r"\b(?:said|says|reported|reports|announced|added|told [\w-]+(?: [\w-]+)?|according to [\w-]+(?: [\w-]+)?)"
    r"(?: (?:late|early))?(?: on)?\s*$"
)
_YEAR_IN: Final = re.compile(r"\b(?:19|20)\d\d\b")
_DAYPART = re.compile(r"(?:صباح|فجر|ظهر|عصر|مساء|ليل|الصباح|الفجر|الساعات الاولي)\S* (?:\S+ )?(?:اليوم|امس)(?!\w)")
_AIR_ONLY: Final = {
    "Military Forces of Russia",
    "Military Forces of Israel",
    "Military Forces of the United States",
    "Coalition",
}
_MISSILE_WORD: Final = re.compile(
    _AR_PREFIX + r"(?:صاروخ|صواريخ|صاروخا|قصف صاروخي|ضربه صاروخيه|ضربات صاروخيه|هجوم صاروخي)$|^(?:the )?missiles?$"
)
_AIR_ADJ: Final = re.compile(r"\s+(?:ال)?(?:جوي|جويه|جويا)(?!\w)")
_GENERIC_SHELL: Final = re.compile(_AR_PREFIX + r"(?:قصف|قصفت|قصفا|يقصف|تقصف)$|^(?:bombard\w*|bombing|bombed)$")
_CIVILIAN_NOUN: Final = re.compile(
    r"\s*(?:\S+\s+)?(?:[وفبل]?(?:ال)?(?:اشخاص|شخصا|شخص|مدنيين|مدنيا|مدني|اطفال|طفلا|نساء|مواطنين|مواطنا|"
    r"شابا|شاب|رجلا|رجل|امراه|سيده|طفله|طفل|فتاه|مواطنه|مسنا|مسن|شخصين|شخصان|مدنيان|طفلين|طفلان|"
    r"اشخاصا|معلم|معلما|معلمه|مدرس|طبيب|طبيبه|ممرض|ممرضه|راع|راعي|راعيا|مزارع|مزارعا|تاجر|تاجرا|سائق|"
    r"سائقا|مختار|سيدتان|سيدتين|امراتين|طفلتين|طفلتان|فتاتين|"
    r"اشخاصٍ)(?!\w)|(?:people|persons|civilians|children|women|residents|villagers|man|woman|boy|girl|"
    r"child|shepherd|farmer|teenager|person|students|pupils|schoolchildren|worshippers|passengers|patients|"
    r"evacuees|refugees|infants|babies|relatives|shoppers|volunteers|aid workers|paramedics|nurses)\b)"
)
_BOMBING_EN: Final = re.compile(r"^(?:bomb|bombs|bombing|bombings|bombed)$")
_DEFINITE_SHELL: Final = re.compile(r"^[وف]?(?:[بك]?ال|لل)(?:قصف)$|^(?:the )?(?:bombardment|shelling|bombing)$")
_TERRITORIAL: Final = {"Non-state actor overtakes territory", "Government regains territory"}
_NO_KILLING: Final = {"Arrests", "Agreement", "Peaceful protest", "Non-violent transfer of territory"}
_BARE_KILL: Final = re.compile(r"^[وف]?(?:قتل|قتلت|قتلوا|مقتل|مصرع)$|^(?:killed|killing|died|dead)$")
# "missile strike(s)" with no aircraft in the sentence: missiles fired from the ground or the sea.
_AIR_ACTION: Final = re.compile(r"قصف|غار|استهدف|مجزره|ارتكب|strike|bomb|struck|hit|pound|target|massacre")
_MISSILE_STRIKE: Final = re.compile(r"missiles? (?:strikes?|attacks?)\b")
_MISSILE_BEFORE: Final = re.compile(r"\bmissiles? $")
_AIRCRAFT = re.compile(r"\b(?:jets?|warplanes?|aircraft|planes?|drones?|helicopters?|air ?(?:strikes?|raids?|force))\b")
# "a jet was shot down", "a helicopter that was downed"
_DOWNED_PASSIVE: Final = re.compile(r"\s+(?:(?:that|which)\s+)?(?:was|were|has been|had been|have been)\s+(?:\w+\s+)?")
_CREW_AFTER: Final = re.compile(
    r"\s+(?:(?:its|their|the|all|both|\w+)\s+){0,3}?(?:pilots?|crew(?: members)?|crewmen|airmen)\b|"
    r"\s+(?:\S+\s+){0,2}?[وب]?(?:ال)?(?:طيار|طياري|طاقم)(?:ها|يها|ه|هما)?(?!\w)"
)
_THE_ADJ: Final = re.compile(r"\b(?:the|this|that|its|their) (?!\d)[a-z]+(?<!ing) $")
_REFERRED_BACK: Final = ("Suicide bomb", "Remote explosive/landmine/IED", "Air/drone strike")
_DEFINITE: Final = re.compile(r"^[وف]?(?:[بلك]?ال|لل)")
_KIND_RANK: Final = {"site": 0, "village": 0, "town": 0, "city": 1, "region": 3, "admin1": 4}
_TYPE_WEIGHT: Final = {
    "Non-state actor overtakes territory": 1.0,
    "Government regains territory": 1.0,
    "Non-violent transfer of territory": 0.5,
    "Armed clash": 0.8,
    "Suicide bomb": 1.0,
    "Remote explosive/landmine/IED": 0.8,
    "Air/drone strike": 0.8,
    "Chemical weapon": 1.0,
    "Shelling/artillery/missile attack": 0.6,
    "Grenade": 0.6,
    "Attack": 0.6,
    "Abduction/forced disappearance": 0.5,
    "Arrests": 0.1,
    "Peaceful protest": 0.1,
    "Disrupted weapons use": 0.1,
}
HISTORY_DAYS: Final = 45


@dataclass
class Document:
    """A report's text prepared for extraction: folded form, sentences, mentions."""

    report: Report
    text: str
    folded: str
    positions: list[int] | None
    title_end: int
    language: str
    sentences: list[tuple[int, int]]
    triggers: list[TriggerMention]
    actors: list[ActorMention]
    places: list[_ShiftedPlace]
    dates: list[_ShiftedDate]
    _starts: list[int] = field(default_factory=list)
    claimer: str | None = None  # who claimed the attack, found once per report
    scene: dict[tuple[int, int], bool] = field(default_factory=dict)  # place span -> is the scene
    split_words: bool | None = None  # the text codes or spreads its fatalities
    split_sentences: list[tuple[int, int]] | None = None  # the sentences that do (`_split_sentences`)
    spread_sentences: list[tuple[int, int]] | None = None  # `_spread_sentences`
    echo: tuple[int, int] = (0, 0)  # the headline repeated at the head of the body
    anchor: datetime | None = None  # what relative dates count from: the body's own dateline, else published_at
    unread: tuple[re.Match[str] | None] | None = None  # places and dates not read yet (`_read_context`)
    early_dates: list[DateMention] | None = None  # the dates alone, read before the places (`_unread_dates`)
    # `triggers` (the list itself), their starts, and whether those are sorted (`_sentence_candidates`)
    trigger_starts: tuple[list[TriggerMention], list[int], bool] | None = None

    def in_title(self, start: int) -> bool:
        """True when ``start`` lies in the title or in its repetition at the head of the body."""
        return start < self.title_end or self.echo[0] <= start < self.echo[1]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return original_span(self.positions, start, end)

    def to_folded(self, start: int) -> int:
        if self.positions is None:
            return start
        return bisect.bisect_left(self.positions, start)


@dataclass
class Candidate:
    """An event being assembled."""

    sub_event_type: str
    sentence: int
    clause: tuple[int, int]
    triggers: list[TriggerMention]
    in_title: bool
    roles: Roles = field(default_factory=Roles)
    casualties: list[Casualties] = field(default_factory=list)
    place: _ShiftedPlace | None = None
    other_places: list[_ShiftedPlace] = field(default_factory=list)
    date_mention: Any = None
    inherited_date: Any = None
    title_match: bool = False
    order: int = 0
    armed_victims: bool = False
    civilian_victims: bool = False
    words: dict[int, str] = field(default_factory=dict)
    ground_fighting_over: bool = False
    origin_place: bool = False  # its place was named only as where people came from (`_origin_place`)
    place_inherited: bool = False  # its sentence names no place: the sentence before's
    captive_victims: bool = False  # those killed were held captive ("قتل ... بعد أيام من اختطافهم")
    fighting_again: bool = False  # names the fighting told before: "killed during the clashes" (`_the_fighting_again`)

    @property
    def start(self) -> int:
        return self.triggers[0].start


def prepare(report: Report) -> Document:
    """Fold the report text and find every mention once."""
    doc = _prepare_text(report)
    dateline = _prepare_mentions(doc)
    _prepare_context(doc, dateline)
    return doc


def _prepare_text(report: Report) -> Document:
    """The first part of `prepare`: folded text and sentences (no mentions, places or dates yet)."""
    title = report.title if report.title.strip() else ""  # offsets are into title + "\n" + text, as given
    body = report.body
    text = f"{title}\n{body}" if title else body
    language = report.language or detect_language(text)
    folded, positions = fold_with_offsets(text)
    if "_" in text:  # "#النظام_السوري", "#المخابرات_اللبنانية": a hashtag's words, one character for one
        folded = _HASHTAG_JOIN.sub(" ", folded)
    # The title's end in the folded text (diacritics such as the tanwin of "قتيلاً" are dropped).
    title_end = (len(title) if positions is None else bisect.bisect_left(positions, len(title))) if title else 0
    doc = Document(
        report=report,
        text=text,
        folded=folded,
        positions=positions,
        title_end=title_end,
        language=language,
        sentences=split_sentences(folded),
        triggers=[],
        actors=[],
        places=[],
        dates=[],
    )
    _mark_echo(doc)  # reads only the folded text and its sentences
    return doc


def _prepare_mentions(doc: Document) -> re.Match[str] | None:
    """The second part of `prepare`: trigger and actor mentions; returns the dateline `_prepare_context`
    drops places from."""
    title = doc.report.title.strip()
    mentions = find_mentions(doc.folded)
    _add_upper_case_is(doc.text, doc.positions, mentions.actors)
    if doc.language == "ar":
        _loyal_groups(doc.folded, mentions.actors)
    else:
        _bare_soldiers_en(doc.folded, mentions.actors)
    dateline = _DATELINE.match(doc.folded, doc.title_end + 1 if title else 0)
    if dateline:  # "أتلانتا، الولايات المتحدة (CNN)--": where the desk is, not who fought
        mentions.actors[:] = [a for a in mentions.actors if not dateline.start() <= a.start < dateline.end()]
    furniture = [(doc.to_folded(a), doc.to_folded(b)) for a, b in metadata_spans(doc.text)]
    if furniture:  # "Tags Syria warplane shelling Jayrud": the page's keywords tell no event
        mentions.triggers[:] = [t for t in mentions.triggers if not any(a <= t.start < b for a, b in furniture)]
    doc.triggers, doc.actors = mentions.triggers, mentions.actors
    return dateline


def _prepare_context(doc: Document, dateline: re.Match[str] | None, now: bool = True) -> None:
    """The last part of `prepare`: the day relative dates count from, and the places and dates of the
    report (read by `_read_context` when first needed, unless ``now``)."""
    text, language, report = doc.text, doc.language, doc.report
    title_len = len(report.title) if report.title.strip() else 0
    body_start = title_len + 1 if title_len else 0
    if doc.echo[1] and doc.echo[0] - doc.to_folded(body_start) <= 5:
        body_start = doc.to_original(doc.echo[1], doc.echo[1])[0]  # the headline repeated: its dateline follows
    doc.anchor = _dateline_anchor(text, body_start, language, report.published_at)
    doc.unread = (dateline,)
    if now:
        _read_context(doc)


def _read_context(doc: Document) -> Document:
    """``doc`` with its places and dates (found here once, when `_prepare_context` left them unread)."""
    if doc.unread is None:
        return doc
    (dateline,) = doc.unread
    doc.unread = None
    places = context.places_in(_HASHTAG_JOIN.sub(" ", doc.text) if "_" in doc.text else doc.text, doc.language)
    dates = doc.early_dates if doc.early_dates is not None else context.dates_in(doc.text, doc.language, doc.anchor)
    doc.places = [_ShiftedPlace(p, doc.to_folded(p.start), doc.to_folded(p.end)) for p in places]
    if dateline:
        doc.places = [p for p in doc.places if not dateline.start() <= p.start < dateline.end()]
    doc.dates = [_ShiftedDate(d, doc.to_folded(d.start), doc.to_folded(d.end)) for d in dates]
    settlements = [p for p in doc.places if p.kind in _SETTLEMENT]
    if settlements:  # "مخيم اليرموك", "مخيم خان الشيح": a word of a town's name, not its camp's civilians
        doc.actors = [
            a
            for a in doc.actors
            if a.name != "Civilians" or not any(p.start <= a.start and a.end <= p.end for p in settlements)
        ]
        if doc.language == "ar":
            _camp_town_named(doc, settlements)
    return doc


_CAMP_WORD: Final = re.compile(r"[وفبل]?(?:ال|لل)?مخيم")


def _camp_town_named(doc: Document, settlements: list[_ShiftedPlace]) -> None:
    """Where a town named "مخيم ..." is told ("قصف على مخيم اليرموك"), "ومخيم اليرموك" (a conjunction glued to the
    name) and the bare "المخيم" after it are that town, not a camp's civilians."""
    camps = [p for p in settlements if doc.folded.startswith("مخيم", p.start)]
    if not camps:
        return
    doc.actors = [
        a
        for a in doc.actors
        if a.name != "Civilians"
        or not _CAMP_WORD.fullmatch(doc.folded, a.start, a.end)
        or not any(p.start <= a.end for p in camps)  # a camp word before any camp town is named: its people
    ]


_SETTLEMENT: Final = {"village", "town", "city"}


_HASHTAG_JOIN: Final = re.compile(r"(?<=[\u0600-\u06ff])_(?=[\u0600-\u06ff])")
_NUMERIC_DATELINE: Final = re.compile(r"\s*(?P<d>[0-3]?\d)[./-](?P<m>[01]?\d)[./-](?P<y>(?:19|20)\d\d)(?!\d)")
_YEAR: Final = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_MONTHS_EN: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_GLUED_YEAR_DATELINE: Final = re.compile(
    r"(?i)\s*(?:(?:last )?updated(?: at| on)?\s+|published(?: on)?\s+)?"
    r"(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<d>[0-3]\d)(?P<y>(?:19|20)\d\d)(?!\d)"
)


def _dateline_anchor(text: str, body_start: int, language: str, published: datetime | None) -> datetime | None:
    """A full date heading the body ("Saturday 26 Jul 2014 ...", "Published April 2 2017",
    "07.04.2017") is the article's own day: relative dates ("on Tuesday") count from it when the
    feed's publication time says otherwise (scraped archives stamp their own dates)."""
    if published is None:
        return None
    head = text[body_start : body_start + 80]
    if not _YEAR.search(head) and not _GLUED_YEAR_DATELINE.match(head):
        return published
    day: date | None = None
    numeric = _NUMERIC_DATELINE.match(head)
    glued = None if numeric else _GLUED_YEAR_DATELINE.match(head)
    if numeric:
        try:
            day = date(int(numeric["y"]), int(numeric["m"]), int(numeric["d"]))
        except ValueError:
            day = None
    elif glued:  # "Last updated at Jul 282016": the comma between day and year lost
        try:
            day = date(int(glued["y"]), _MONTHS_EN.index(glued["m"][:3].lower()) + 1, int(glued["d"]))
        except ValueError:
            day = None
    else:
        day = next(
            (
                d.date
                for d in context.dates_in(head, language, published)
                if d.start < 50 and int(d.precision) == 1 and _YEAR.search(head, d.start, d.end)
            ),
            None,
        )
    if day is None or day == published.date() or abs((day - published.date()).days) > 3 * 366:
        return published
    return datetime(day.year, day.month, day.day, 12, tzinfo=published.tzinfo)


_TITLE_TAIL: Final = re.compile(r"\s+(?:\||-|\u2013|\u2014)\s+[^|]{0,60}$")


_RUN_ON: Final = re.compile(r"\s*(?:[,،;:]|(?:killing|leaving|wounding|injuring|as|after|amid|which|who|and|but|while|"
                     r"ما|مما|وذلك|حيث|بعد|اثر)(?!\w))")


def _runs_on(doc: Document, end: int) -> bool:
    """True when the sentence goes on after the headline's words (a comma, "killing", "ما أدى"):
    the body's lead repeats the headline and continues it, rather than a new sentence following."""
    if _RUN_ON.match(doc.folded, end):
        return True
    nxt = re.compile(r"\s*(\w)").match(doc.folded, end)
    if nxt is None or not nxt.group(1).isalpha() or not nxt.group(1).isascii():
        return False
    original = doc.to_original(nxt.start(1), nxt.end(1))[0]
    return original < len(doc.text) and doc.text[original].islower()


def _mark_echo(doc: Document) -> None:
    """Scraped articles often repeat the headline at the head of the body, run into the lead
    sentence ("Strike kills 15 in Idlib Monitor An air strike killed 15 ..."): that repetition
    is the title again (its toll restates the body's), in a sentence of its own."""
    if not doc.title_end:
        return
    title = doc.folded[: doc.title_end].strip()
    tail = _TITLE_TAIL.search(title)  # "... | Jordan Times", "... - Region - World"
    heads = [title, title[: tail.start()]] if tail else [title]
    for head in heads:
        if len(head.split()) < 4:
            continue
        at = doc.folded.find(head, doc.title_end + 1, doc.title_end + 1 + 200 + len(head))
        if at < 0:
            continue
        end = at + len(head)
        if _runs_on(doc, end):
            return  # the lead sentence begins with the headline's words: it is the body, not an echo
        doc.echo = (at, end)
        for index, (s_start, s_end) in enumerate(doc.sentences):
            if s_start < at < s_end and doc.folded[s_start:at].strip():  # a dateline before it
                doc.sentences[index : index + 1] = [(s_start, at - 1), (at, s_end)]
                break
        for index, (s_start, s_end) in enumerate(doc.sentences):
            if s_start < end < s_end:
                rest = end
                while rest < s_end and not doc.folded[rest].isalnum():
                    rest += 1
                doc.sentences[index : index + 1] = [(s_start, end), (rest, s_end)] if rest < s_end else [(s_start, end)]
                break
        return


_DATELINE: Final = re.compile(
    r"[^\n.]{0,100}?\((?:cnn|reuters|afp|ap|sputnik|رويترز|ا ف ب)\)\s*[-\u2013\u2014]*|"
    r"[^\n.]{0,60}?[-\u2013\u2014]{2}"
)
# (?<![\w-])IS(?![\w-]), written to open with its literal: the regex engine then jumps from one "IS" to the next
# instead of trying the look-behind at every position.
_UPPER_IS: Final = re.compile(r"IS(?<![\w-]IS)(?![\w-])")


def _add_upper_case_is(text: str, positions: list[int] | None, actors: list[ActorMention]) -> None:
    """ "IS" in capitals is the Islamic State, not the verb (case is lost in the folded text)."""
    for match in for_text(_UPPER_IS, text).finditer(text):
        start = match.start() if positions is None else bisect.bisect_left(positions, match.start())
        end = start + 2
        if not any(a.start <= start < a.end for a in actors):
            actors.append(ActorMention(start, end, "Islamic State"))
    actors.sort(key=lambda a: a.start)


_BARE_SOLDIERS_EN: Final = re.compile(  # ("an army base", not a named "Wadi al-Dayf Army Base")
    r"\b(?:soldiers?|troops|servicemen|(?:an|a|the|two|three|several) (?:army|military) (?:convoys?|checkpoints?|"
    r"bases?|posts?|outposts?|patrols?|barracks|vehicles?|buses|bus))\b"
)
_COUNTED_BEFORE_EN: Final = re.compile(
    r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|several|some|many|"
    r"hundreds|least|than|about|nearly|around))(?: \S+)? $"
)
_OF_A_GROUP_AFTER: Final = re.compile(r" (?:of|from|loyal to|belonging to|with) ")
_OTHER_STATE_FORCES: Final = STATE_FORCES - {"Military Forces of Syria", "Militia (Pro-Government)", "Hezbollah"}


def _bare_soldiers_en(folded: str, actors: list[ActorMention]) -> None:
    """English: soldiers, troops or an army convoy with no nation named, in a report that names no other
    state's forces (nor Iraq), are the Syrian army's ("IS ambushed an army convoy", "killing 13 soldiers")."""
    if "soldier" not in folded and "troops" not in folded and "army" not in folded and "servicemen" not in folded:
        return
    if "iraq" in folded or any(a.name in _OTHER_STATE_FORCES for a in actors):
        return
    added = [
        ActorMention(m.start(), m.end(), "Military Forces of Syria")
        for m in _BARE_SOLDIERS_EN.finditer(folded)
        if not any(a.start < m.end() and m.start() - 3 < a.end for a in actors)  # "QSD troops": that group's
        and not _COUNTED_BEFORE_EN.search(folded, max(0, m.start() - 25), m.start())  # "30 soldiers were killed"
        and not _OF_A_GROUP_AFTER.match(folded, m.end())
    ]
    if added:
        actors.extend(added)
        actors.sort(key=lambda a: a.start)


# "ميليشيات موالية لإيران", "مسلحون مقربون من دمشق", "فصائل موالية لأنقرة": a group loyal to a state is a
# militia of that state's camp, not the state's forces (nor its capital).
_LOYAL_GROUP: Final = re.compile(
    r"(?<!\w)[وبل]?(?:ال)?(?:ميليشي\S*|مليشي\S*|مسلح\S*|مجموع\S*|عناصر|مقاتل\S*|فصائل|فصيل|جماعه|جماعات)"
    r"\s+(?:\S+\s+)?(?:ال)?(?:موالي\S*|مقرب\S*|تابع\S*\s+ل?ايران|مدعوم\S*\s+من)\s+(?:ل|من\s+)?$"
)
_LOYAL_CAMP: Final = {
    "Military Forces of Iran": "Militia (Pro-Government)",
    "Military Forces of Syria": "Militia (Pro-Government)",
    "Military Forces of Russia": "Militia (Pro-Government)",
    "Hezbollah": "Militia (Pro-Government)",
    "Military Forces of Turkey": "Syrian National Army",
}


_LOYAL_TO_AFTER: Final = re.compile(
    r"\s+(?:ال)?(?:موالي\S*|مقرب\S*|مدعوم\S*\s+من)\s+(?:ل|من\s+)?(?P<state>تركيا|انقره|ايران|طهران|روسيا|موسكو|"
    r"النظام|دمشق)(?!\w)"
)
_LOYAL_TO_STATE: Final = {"تركيا": "Syrian National Army", "انقره": "Syrian National Army"}


def _loyal_groups(folded: str, actors: list[ActorMention]) -> None:
    """Rename a state named as what a group is loyal or close to into that group's camp; and a group of
    fighters named with the state it is loyal to ("فصائل موالية لأنقرة") into that camp."""
    for i, a in enumerate(actors):
        if a.name not in ("Opposition Rebels", "Unidentified Armed Group"):
            continue
        after = _LOYAL_TO_AFTER.match(folded, a.end)
        if after:
            name = _LOYAL_TO_STATE.get(after.group("state"), "Militia (Pro-Government)")
            actors[i] = ActorMention(a.start, after.end(), name)
    for i, a in enumerate(actors):
        camp_name = _LOYAL_CAMP.get(a.name)
        if camp_name is None:
            continue
        loyal = _LOYAL_GROUP.search(folded, max(0, a.start - 45), a.start)
        if loyal and not any(
            loyal.start() <= b.start < a.start and b.name != "Unidentified Armed Group" for b in actors
        ):
            actors[i] = ActorMention(loyal.start(), a.end, camp_name)
    actors[:] = [
        b
        for b in actors
        if not (
            b.name == "Unidentified Armed Group"
            and any(c is not b and c.start <= b.start and b.end <= c.end for c in actors)
        )
    ]


class _Shifted:
    """A place or date mention with offsets moved into the folded text; its other fields are copied (the
    mentions are frozen). Explicit attributes, no ``__getattr__``: the mypyc build compiles this class."""

    def __init__(self, inner: PlaceMention | DateMention, start: int, end: int) -> None:
        self.start, self.end = start, end
        self.surface: str = inner.surface


class _ShiftedPlace(_Shifted):
    def __init__(self, inner: PlaceMention, start: int, end: int) -> None:
        super().__init__(inner, start, end)
        self.inner: PlaceMention = inner
        self.location: Location = inner.location
        self.kind: str = inner.kind


class _ShiftedDate(_Shifted):
    def __init__(self, inner: DateMention, start: int, end: int) -> None:
        super().__init__(inner, start, end)
        self.inner: DateMention = inner
        self.date: date = inner.date
        self.end_date: date | None = inner.end_date
        self.precision: int = inner.precision


_QUOTE_MARK: Final = re.compile(r'["«»“”]')


def _quoted(sentence: str, at: int) -> bool:
    """Whether ``at`` lies inside quotation marks of its sentence: a quoted "اليوم" is the speaker's day
    ("في تغريدة له في نوفمبر 2013: "... اليوم""), not the report's."""
    return len(_QUOTE_MARK.findall(sentence, 0, at)) % 2 == 1


def _in(span: tuple[int, int], start: int) -> bool:
    return span[0] <= start < span[1]


_BARE_KILL_EN: Final = frozenset({"killed", "kills", "killing"})


def _attack_told(doc: Document, hit: TriggerMention) -> bool:
    """A trigger that tells of violence by someone, not only of deaths ("killed" tells either)."""
    if hit.rule.name in ("arrest", "protest", "handover", "disrupted"):
        return False
    return hit.rule.name != "attack" or doc.folded[hit.start : hit.end] not in _BARE_KILL_EN


def _sentence_candidates(doc: Document, index: int) -> list[Candidate]:
    """Candidates of one sentence after context filters and absorption."""
    s_start, s_end = doc.sentences[index]
    sentence = doc.folded[s_start:s_end]
    if doc.trigger_starts is None or doc.trigger_starts[0] is not doc.triggers:
        starts = [t.start for t in doc.triggers]
        doc.trigger_starts = (doc.triggers, starts, all(a <= b for a, b in zip(starts, starts[1:], strict=False)))
    _, starts, ordered = doc.trigger_starts
    if ordered and len(starts) == len(doc.triggers):  # the sentence's triggers are a slice, found by bisection
        hits = doc.triggers[bisect.bisect_left(starts, s_start) : bisect.bisect_left(starts, s_end)]
    else:
        hits = [t for t in doc.triggers if s_start <= t.start < s_end]
    if doc.language == "en":
        hits = _ground_won_en(doc, s_start, s_end, hits)
        hits = _fire_returned_en(doc, s_start, s_end, hits)
    if not hits:
        return []
    clauses = split_clauses(doc.folded, s_start, s_end) or [(s_start, s_end)]
    if quick(for_text(NOT_EVENT_CONTEXT, sentence)).search(sentence) and not any(
        t.rule.name in ("air", "suicide", "clash", "take") and not _GENERIC_ATTACK.match(doc.folded[t.start : t.end])
        for t in hits
    ):
        return []
    if doc.language != "ar" and quick(for_text(MISHAP_CONTEXT, sentence)).search(sentence) and not any(
        _attack_told(doc, t) for t in hits
    ):
        return []  # "a bus overturned, killing nine": a mishap, with no attack told beside it
    published = doc.anchor
    if published is not None:
        years = (
            [int(y) for y in quick(for_text(_HISTORY_YEAR, sentence)).findall(sentence)]
            if _YEAR_DIGITS.search(sentence)  # (every match holds one: most sentences are answered by this fast scan)
            else []
        )
        if doc.language == "ar" and index > 0 and _QUOTE_MARK.match(sentence.lstrip()):
            before = doc.folded[slice(*doc.sentences[index - 1])].rstrip()
            if before.endswith(":"):  # "في تغريدة له في نوفمبر 2013، قائلا:" then the quote: the quote's day
                quoted_years = [int(y) for y in _YEAR.findall(before)]
                if quoted_years and max(quoted_years) < published.year:
                    return []
        if (
            years
            and max(years) < published.year
            and not any(
                d
                for d in _read_context(doc).dates
                if s_start <= d.start < s_end
                and d.date.year == published.year
                and not (doc.language == "ar" and _quoted(sentence, d.start - s_start))
            )
        ):
            return []  # the sentence tells of an earlier year
    else:
        years = []
    if doc.language == "ar" and _DAYS_BEFORE_OPENING.match(sentence):
        return []  # "وقبل أيام قتل 45 مسلحا ... وتمكن الجهاديون من قطع الطريق": all of it days before the report
    kept: list[TriggerMention] = []
    set_aside = False
    arabic = doc.language == "ar"
    threat = bool(quick(for_text(_THREAT, sentence)).search(sentence))
    reference = found_in(_REFERENCE_WORD, sentence)
    halt = found_in(_HALT_WORD, sentence)
    denial = bool(quick(for_text(_DENIAL, sentence)).search(sentence))
    background = found_in(_BACKGROUND_WORD, sentence)
    period = (
        "خلال" in sentence
        or "طوال" in sentence
        or "منذ" in sentence
        or "since" in sentence
        or ("the month" in sentence)
    )
    folded = doc.folded
    not_asserted_end = -1  # where the last trigger set aside as not asserted ended
    for hit in hits:
        clause = next((c for c in clauses if _in(c, hit.start)), (s_start, s_end))
        window = doc.folded[max(clause[0], hit.start - 40) : hit.start]
        if arabic and (
            (
                _NON_FACTIVE_BEFORE.search(folded, max(clause[0], hit.start - 40), hit.start)
                and not _FAILED_TO_PREVENT.search(folded, max(s_start, hit.start - 40), hit.start)
            )
            or (not_asserted_end > 0 and _OR_AND.fullmatch(folded, not_asserted_end, hit.start))
        ):
            not_asserted_end = hit.end  # "اقترب الوقت من قتل او اعتقال": both nouns under one head
            continue
        if not arabic and _averted_en(folded, hit, hits, clause):
            continue  # "diplomats scramble to avert a new offensive": the offensive did not happen
        if (
            (threat and searcher(_THREAT, doc.folded)(doc.folded[max(clause[0], hit.start - 80) : hit.start]))
            or (
                reference
                and (ref := searcher(_REFERENCE, folded)(folded[max(clause[0], hit.start - 30) : hit.start]))
                and not (not arabic and _condemned_with_its_toll_en(doc, hit, ref, s_end))
            )
            or (threat and arabic and _THREAT_GOVERNS.search(doc.folded, clause[0], hit.start))
            or (halt and searcher(_HALT, doc.folded)(window))
            or (denial and searcher(_DENIAL, doc.folded)(doc.folded[s_start : hit.start]))
            or searcher(_SINCE_CLAUSE, doc.folded)(doc.folded[max(clause[0], hit.start - 45) : hit.start])
            or (arabic and _NOT_REPORTED.search(doc.folded[max(clause[0], hit.start - 60) : hit.start]))
            or (years and _dated_earlier(doc, hit, clause, published))
            or (arabic and _told_long_ago(doc, hit, clause, published))
            or (arabic and "بدا" in sentence and _CAMPAIGN_BEGUN_AFTER.match(folded, hit.end, clause[1]))
            or (arabic and "غطاء" in sentence and _under_cover_of(doc, hit, hits))
            or (arabic and "ذكر" in sentence and _commemorated(folded, hit, clause))
            or (arabic and _NOT_REPORTED_AFTER.match(doc.folded, hit.end, min(clause[1], hit.end + 40)))
            or (
                hit.rule.name == "attack"
                and for_text(_EXECUTION, doc.folded).match(doc.folded, hit.start)
                and _JUDICIAL.search(sentence)
            )
            or (period and for_text(_PERIOD_CLAUSE, folded).search(folded, *_segment(folded, clause, hit.start)))
            or (for_text(_MODAL_AFTER, folded).match(folded, hit.end, clause[1]) and not _TOLD_DONE.search(sentence))
        ):
            if hit.rule.name in ("air", "shell", "ied", "suicide", "chemical"):
                set_aside = True  # its "killing N" tells of the event set aside, not of another
            continue
        if background and (
            for_text(_BACKGROUND, doc.folded).search(doc.folded, clause[0], clause[1])
            or for_text(_SIMILAR_AFTER, doc.folded).match(doc.folded, hit.end, min(clause[1], hit.end + 30))
            or (arabic and _UNCLAIMED_AR.search(doc.folded, clause[0], hit.start))
        ):
            continue  # "have in the past blamed such attacks on", "بعد شهر على تفجير مماثل": background
        if (
            arabic
            and _DEMONSTRATIVE_BEFORE.search(doc.folded, max(clause[0], hit.start - 8), hit.start)
            and not _TOLL_STEM.search(sentence)
        ):
            continue  # "وتاتي تلك المعارك في اطار ...": the fighting told before, no new event
        if (
            not arabic
            and search_span(_CONDEMNED_BEFORE_EN, doc.folded, max(clause[0], hit.start - 50), hit.start)
            and not _TOLL_WORD_EN.search(sentence)
        ):
            continue  # "the U.N. chief condemned the strikes on hospitals": a reaction, no report of its own
        if not arabic and search_span(_MOURNED_BEFORE_EN, doc.folded, max(s_start, hit.start - 90), hit.start):
            continue  # "the funeral of the 12 children killed in last week's strike": mourning, no new strike
        if not arabic and search_span(_DAYS_AFTER_EN, doc.folded, max(s_start, hit.start - 50), hit.start):
            continue  # "visited Douma days after the army retook it": an earlier event, told as background
        if not arabic and quick(_PERCEIVED_BEFORE_EN).search(doc.folded, max(clause[0], hit.start - 30), hit.start):
            continue  # "people waiting in the garage heard the blast": the blast told before, heard elsewhere
        if hit.rule.name == "take" and _SEIZED_ITEMS.match(doc.folded, hit.end, min(clause[1], hit.end + 60)):
            continue  # "seized two rifles and ammunition", "استولوا علي اسلحه": a haul, not ground
        if not arabic and hit.rule.name == "take" and _SEIZED_PEOPLE_EN.match(doc.folded, hit.end, clause[1]):
            hit = TriggerMention(hit.start, hit.end, _RULE["abduct"])  # "seized 14 workers": people taken
        if hit.rule.name in ("ied", "suicide", "shell") and for_text(_SEIZURE_BEFORE, folded).search(
            doc.folded, max(clause[0], hit.start - 60), hit.start
        ):
            continue  # "seized ... an explosive belt", "ضبط عبوات ناسفه": an item found, not a blast
        if (
            hit.rule.name == "suicide"
            and _BOMBERS_WORD.match(doc.folded, hit.start)
            and _BOMBERS_COUNTED_BEFORE.search(doc.folded, max(clause[0], hit.start - 40), hit.start)
        ):
            hit = TriggerMention(hit.start, hit.end, _RULE["clash"])  # "killed 75 militants including the
            # suicide bombers": people among the dead of a fight, no bombing
        word = doc.folded[hit.start : hit.end]
        if (
            arabic
            and hit.rule.name in ("clash", "attack")
            and doc.folded[hit.start - 1 : hit.start] == '"'
            and doc.folded[hit.end : hit.end + 1] == '"'
        ):
            continue  # 'مواجهة و"اشتباكا" بين الوزيرين': a word in quotation marks, used figuratively
        if hit.rule.name == "take" and not word.isascii() and _PURPOSE.match(word):
            continue  # "لاستعادة" / "لتحرير": an aim, not a change
        if arabic and hit.rule.name == "take" and _LOST_TO.match(folded, hit.start) and not _ground_lost(doc, hit):
            continue  # "خسر الحزب رئاسة البلدية لصالح مرشح المعارضة": lost an office or contact, not ground
        if (
            hit.rule.name == "take"
            and _WEAK_TERRITORY.match(word)
            and (
                _UNARMED_ENTRANT.match(doc.folded, hit.end, min(clause[1], hit.end + 30))
                or _UNARMED_ENTRANT_BEFORE.search(doc.folded, max(clause[0], hit.start - 30), hit.start)
            )
        ):
            continue  # "دخول 46 شاحنة", "بدخول المفتشين", "قافلة دخلت": aid and inspectors enter, no force takes ground
        if hit.rule.name == "take":
            if any(
                m.start() <= hit.end and m.end() >= hit.start - 10
                for m in for_text(STATUS_CONTEXT, folded).finditer(
                    doc.folded, max(clause[0], hit.start - 25), min(clause[1], hit.end + 25)
                )
            ) and not (arabic and _CAME_TO_HOLD.search(folded, max(clause[0], hit.start - 40), hit.start)):
                continue
            attempt = searcher(_ATTEMPT, folded)(window) or (
                arabic and _NEAR_TAKING_AR.search(folded, max(clause[0], hit.start - 40), hit.start)
            )
            if (
                attempt
                or (_WEAK_TERRITORY.match(word) and not _has_place(doc, clause))
                or (arabic and _WEAK_TERRITORY.match(word) and _TOWARDS_AR.match(folded, hit.end, clause[1]))
            ):
                hit = TriggerMention(hit.start, hit.end, _RULE["clash"])  # "تقدمت نحو البلدة": not taken yet
            elif not arabic and (
                _AIM_BEFORE_EN.search(
                    folded, max(clause[0], hit.start - 80), hit.start + 3 * folded.startswith("to ", hit.start)
                )
                or _posts_not_ground_en(doc, hit, clause)
            ):
                hit = TriggerMention(hit.start, hit.end, _RULE["clash"])  # positions taken in a fight
            elif not arabic and _held_adjective_en(doc, hit, clause):
                continue  # "in the IS controlled enclave": who holds the place, not a capture
        elif (
            searcher(_ATTEMPT, folded)(window[-20:])
            and hit.rule.name in ("ied", "suicide", "abduct")
            and not (arabic and _SURVIVED_ATTEMPT_AR.search(folded, s_start, s_end))  # a bomb that went off
        ):
            continue
        elif hit.rule.name == "chemical" and _CHEMICAL_STOCK.search(window) and not _CHEMICAL_USE.search(window):
            continue  # "الاسلحه الكيميائيه", "العنصر الكيمياوي": the weapons or agent, not an attack
        elif hit.rule.name == "handover" and not _has_place(doc, (s_start, s_end)):
            continue
        kept.append(hit)
    if arabic:  # "اطلق صاروخا على طائره مسيره", "صاروخ يستهدف طائره": a weapon stopped, not a strike
        kept = [
            TriggerMention(h.start, h.end, _RULE["disrupted"])
            if h.rule.name in ("shell", "air") and _AT_AIRCRAFT.match(doc.folded, h.end, min(s_end, h.end + 50))
            else h
            for h in kept
        ]
    if not arabic and len(kept) > 1:
        kept = _support_fire_en(doc, kept, s_start, s_end)
        kept = _shelling_in_the_fight_en(doc, kept, s_start, s_end)
    if not arabic:
        kept = _ground_raids_en(doc, kept, s_start, s_end)
    types = {h.sub_event_type for h in kept}
    words = {id(h): doc.folded[h.start : h.end] for h in kept}
    # Depot and accidental explosions: no attacker, no event. A title's bare "blast" is the one its body
    # explains, however far down ("انفجار ... ناتج عن انفجار مستودع للذخيرة").
    around = (0, len(folded)) if arabic and doc.in_title(s_start) else (max(0, s_start - 300), s_end + 300)
    if (
        types - {"Attack"} == {"Remote explosive/landmine/IED"}
        and all(_GENERIC_IED.match(words[id(h)]) for h in kept if h.rule.name == "ied")
        and (
            searcher(DEPOT_CONTEXT, folded)(folded[around[0] : around[1]])
            or searcher(_ACCIDENT, folded)(folded[around[0] : around[1]])
        )
        and not _ATTACK_WORD.search(sentence)
    ):
        return []
    result: list[TriggerMention] = []
    air_hits = [h for h in kept if h.rule.name == "air"]
    clause_of = {id(h): next((c for c in clauses if _in(c, h.start)), (s_start, s_end)) for h in kept}
    clause_types: dict[tuple[int, int], set[str]] = {}
    for h in kept:
        clause_types.setdefault(clause_of[id(h)], set()).add(h.sub_event_type)
    for h in kept:
        w = words[id(h)]
        name = h.rule.name
        h_clause = clause_of[id(h)]
        here = clause_types[h_clause]
        if name == "suicide" and _DRONE_NEAR.search(doc.folded, max(s_start, h.start - 14), min(s_end, h.end + 8)):
            h = TriggerMention(h.start, h.end, _RULE["air"])  # "مسيره انتحاريه", "suicide drone": a drone strike
            name = "air"
        missile_strike = (
            (
                name == "air"
                and w in ("strike", "strikes")
                and _MISSILE_BEFORE.search(doc.folded, 0, h.start)
                and any(k.rule.name == "shell" and 0 <= h.start - k.end <= 2 for k in kept)
            )
            or (name == "shell" and _MISSILE_STRIKE.match(doc.folded, h.start))
        ) and not _AIRCRAFT.search(sentence)
        if missile_strike and name == "air":
            continue  # "a US missile strike on Shayrat": the strike is the missiles', told by the shell word
        if (
            name == "shell"
            and not missile_strike
            and (
                any(0 <= h.start - a.end < 12 or 0 <= a.start - h.end < 4 for a in air_hits)
                or _AIR_WORD.search(doc.folded[h.end : h.end + 14])
            )
        ):
            h = TriggerMention(h.start, h.end, _RULE["air"])
            name = "air"
        if name == "clash" and _GENERIC_ATTACK.match(w) and _AIR_ADJ.match(doc.folded, h.end):
            h = TriggerMention(h.start, h.end, _RULE["air"])  # "هجمات جويه": air strikes
            name = "air"
        if (
            "Suicide bomb" in types
            and name in ("ied", "attack")
            or (name == "clash" and _GENERIC_ATTACK.match(w) and here & _EXPLOSIVE)
        ):
            continue
        if name == "ied" and _GENERIC_IED.match(w) and types & (_EXPLOSIVE - {"Remote explosive/landmine/IED"}):
            continue
        if (
            name == "ied"
            and _GENERIC_IED.match(w)
            and any(h2.rule.name == "ied" and not _GENERIC_IED.match(words[id(h2)]) for h2 in kept)
        ):
            continue
        if name == "clash" and _TERRITORY in here:
            continue
        if name == "clash" and not arabic and _ground_won_in_sentence(kept, words):
            continue  # "clashes took place in X, where the army took control of the town": the capture
        if (
            name == "clash"
            and _TERRITORY in types
            and _MEANS_BEFORE.search(doc.folded, max(s_start, h.start - 12), h.start)
        ):
            continue  # "سيطر علي البلده اثر معارك مع ...", "took the town after clashes": how it was taken
        if name in ("air", "shell") and any(
            d.rule.name == "disrupted"
            and clause_of[id(d)] == h_clause
            and (
                0 <= h.start - d.end < 30
                or (h.end <= d.start and _DOWNED_PASSIVE.fullmatch(doc.folded, h.end, d.start))
            )
            for d in kept
        ):
            continue  # "أسقطت صواريخ", "intercepted two missiles", "a helicopter was shot down": the weapon stopped
        if name == "attack" and _CREW_AFTER.match(doc.folded, h.end) and any(d.rule.name == "disrupted" for d in kept):
            continue  # "killing its two pilots", "ومقتل طاقمها": the crew of the aircraft brought down, one event
        if name == "attack" and (
            set_aside or types - {"Attack", "Arrests", "Peaceful protest", "Disrupted weapons use"}
        ):
            continue
        if name == "attack" and any(a.rule.name == "arrest" and 0 <= h.start - a.end < 12 for a in kept):
            continue  # "مداهمه استهدفت شقه": the raid's target, part of the arrest
        if (
            name == "air"
            and w in ("الطيران", "طيران", "طائرات", "الطائرات", "aircraft")
            and not _AIR_ACTION.search(sentence)
            and not _AIRCRAFT_KILLED.search(sentence)
        ):
            continue
        result.append(h)
    groups: dict[tuple[tuple[int, int], str], list[TriggerMention]] = {}
    for h in result:
        groups.setdefault(
            (
                clause_of.get(id(h)) or next((c for c in clauses if _in(c, h.start)), (s_start, s_end)),
                h.sub_event_type,
            ),
            [],
        ).append(h)
    in_title = doc.in_title(s_start)
    candidates = []
    for (clause, sub_event_type), triggers in groups.items():
        candidates.append(
            Candidate(
                sub_event_type,
                index,
                clause,
                triggers,
                in_title,
                words={t.start: doc.folded[t.start : t.end] for t in triggers},
            )
        )
    candidates.sort(key=lambda c: c.start)
    for cand in candidates:
        if cand.sub_event_type == "Armed clash" and any(not _GENERIC_ATTACK.match(w) for w in cand.words.values()):
            cand.ground_fighting_over = any(o.sub_event_type in _EXPLOSIVE for o in candidates)
    return candidates


# English ways of telling ground taken that name no capture verb: "were able to advance", "advanced and
# took control", "fought IS in the village, taking it over", "the town is now under rebel control". The
# span kept as the trigger starts past any "advance" word (a bare advance is weak, `_WEAK_TERRITORY`).
_GROUND_WON_EN: Final = re.compile(
    r"\b(?:was|were|is|are|been|being) able to (?:advance|make advances|push forward)\b"
    r"|\badvanc(?:e|ed|es|ing|ement|ements) (?:(?!and\b|to\b)[\w'-]+ ){0,4}?(?:and|to) "
    r"(?P<control>(?:(?:take|took|taken|taking|gain|gained|regain|regained|establish|established|seize|seized|"
    r"impose|imposed|assert|asserted) )?(?:full |complete |total )?control)\b"
    r"|\bt(?:ake|akes|aking|ook|aken) (?:it|them|the (?:town|village|city|area|neighbou?rhood|district|hill)) over\b"
    r"|\blos(?:e|es|ing) (?:full |complete |total )?control\b"
    r"|\b(?:restore|reassert|re-?establish|regain) (?:the )?(?:full |complete |total )?control\b"
    r"|\bt(?:ake|akes|aking|ook|aken) (?:over )?the (?:full |complete )?control\b"
    r"|\b(?:is|are|was|were) now (?:reportedly |fully |completely |firmly )?(?:in the hands of|under)\b"
    r"(?P<held>(?: the)?(?: full| complete| total)? control\b)?"
)
_NEGATED_BEFORE_EN: Final = re.compile(r"\b(?:not|never|without|nor)\s+(?:[\w'-]+\s+){0,2}$")


def _ground_won_en(doc: Document, s_start: int, s_end: int, hits: list[TriggerMention]) -> list[TriggerMention]:
    """`hits` with the territorial phrases of `_GROUND_WON_EN` added (each replacing the weaker triggers it
    overlaps, such as "advanced to")."""
    folded = doc.folded
    if not may_match(_GROUND_WON_EN, folded[s_start:s_end]):
        return hits  # (most sentences: none of "control", " over", " now ", " able to ")
    added: list[TriggerMention] = []
    spans: list[tuple[int, int]] = []
    for m in _GROUND_WON_EN.finditer(folded, s_start, s_end):
        if _NEGATED_BEFORE_EN.search(folded, max(s_start, m.start() - 30), m.start()):
            continue  # "almost, but not completely taking it over"
        if m.group(0).endswith(("under", "hands of")) and not any(m.end() < a.start <= m.end() + 6 for a in doc.actors):
            continue  # "is now under siege": only a holder named next ("under SDF") tells who took it
        added.append(TriggerMention(m.start("control") if m.group("control") else m.start(), m.end(), _RULE["take"]))
        spans.append(m.span())
    if not added:
        return hits
    kept = [h for h in hits if not any(h.start < e and h.end > b for b, e in spans)]
    return sorted(kept + added, key=lambda h: h.start)


# Fire named as the backing or backdrop of a ground fight: "forces backed by Russian warplanes", "with the
# support of airstrikes", "under cover of heavy shelling", "amid Coalition air raids", "clashes, accompanied
# by shelling, ...". The fight (or the capture) is the event; its air or artillery support is part of it.
_SUPPORT_BEFORE_EN: Final = re.compile(
    r"\b(?:backed|supported|aided|assisted|covered|accompanied|escorted|helped|bolstered|preceded) (?:up )?by\b"
    r"|\bwith (?:the )?(?:help|support|backing|cover|assistance|aid|participation) of\b"
    r"|\b(?:under|with) (?:the )?(?:\w+ )?(?:cover|umbrella)(?: of| by| from)?\b"
    r"|\bamid(?:st)?\b|\bcoinciding with\b|\bin conjunction with\b|\bas well as\b(?=[^.;]{0,30}$)"
)
# Words that end such a phrase before the fire word: a new clause with its own verb.
_SUPPORT_BREAK_EN: Final = re.compile(
    r"[;:]|\b(?:where|while|as|which|who|when|after|before|then|killing|leaving|causing|resulting|but|since)\b"
)
_SUPPORT_REACH: Final = 110


def _in_support_phrase(doc: Document, hit: TriggerMention, kept: list[TriggerMention], s_start: int) -> bool:
    folded = doc.folded
    lo = max(s_start, hit.start - _SUPPORT_REACH)
    last = None
    for m in _SUPPORT_BEFORE_EN.finditer(folded, lo, hit.start):
        last = m
    if last is None:
        return False
    gap = folded[last.end() : hit.start]
    if _SUPPORT_BREAK_EN.search(gap):
        return False
    # only other fire words between the support word and a fire word ("backed by jets conducting airstrikes");
    # a fight or capture after the fire words is the sentence's own verb ("backed by jets, recaptured")
    fire = hit.rule.name in ("air", "shell")
    return not any(last.end() <= h.start < hit.start and not (fire and h.rule.name in ("air", "shell")) for h in kept)


def _support_fire_en(doc: Document, kept: list[TriggerMention], s_start: int, s_end: int) -> list[TriggerMention]:
    """English: air and artillery fire told as the backing of a ground fight or capture told in the same
    sentence ("troops backed by warplanes seized the town", "amid shelling, the two sides clashed") are
    that fight, not an event of their own. Fire that is itself the sentence's news stays ("warplanes
    struck the town amid clashes")."""
    ground = [h for h in kept if h.rule.name in ("clash", "take")]
    if not ground:
        return kept
    fire = {id(h) for h in kept if h.rule.name in ("air", "shell") and _in_support_phrase(doc, h, kept, s_start)}
    if not fire or not any(not _in_support_phrase(doc, g, kept, s_start) for g in ground):
        return kept
    return [h for h in kept if id(h) not in fire]


# Fire answered: "rebels returned fire", "responded by shelling army positions", "retaliated with mortars". Two
# sides firing at each other is a fight (ACLED: Armed clash), whatever weapon each used.
_RETURNED_FIRE_EN: Final = re.compile(
    r"\breturn(?:ed|ing|s)? (?:the |heavy )?(?:fire|shelling|shots|gunfire|artillery fire)\b"
    r"|\brespon(?:ded|ding|ds|se) (?:with|by) (?:\w+ ){0,3}?(?:shelling|fire|firing|targeting|shooting|shells|"
    r"missiles|rockets|mortars|artillery)\b"
    r"|\bretaliat(?:ed|ing|es) (?:with|by)\b"
)
_BATTLE_WORD_EN: Final = re.compile(
    r"(?:clash|fight|fought|battl|exchang|combat|skirmish|confront|firefight|gun ?fight|gun ?battle|in-?fight|"
    r"return|respon|retaliat)"
)
_CIVILIANS_EN: Final = re.compile(
    r"\b(?:civilians?|people|persons?|children|child|women|woman|men|man|boys?|girls?|residents|villagers|"
    r"families|family|infants?|students|worshippers|passengers|patients|homes?|houses?|hospitals?|schools?|"
    r"markets?|mosques?)\b"
)


def _fire_returned_en(doc: Document, s_start: int, s_end: int, hits: list[TriggerMention]) -> list[TriggerMention]:
    """`hits` with a clash trigger for each "returned fire" (`_RETURNED_FIRE_EN`) of the sentence."""
    if not may_match(_RETURNED_FIRE_EN, doc.folded[s_start:s_end]):
        return hits  # (most sentences: none of "turn", "spon", "taliat")
    added = [
        TriggerMention(m.start(), m.end(), _RULE["clash"])
        for m in _RETURNED_FIRE_EN.finditer(doc.folded, s_start, s_end)
        if not any(h.start < m.end() and h.end > m.start() for h in hits)
    ]
    return sorted(hits + added, key=lambda h: h.start) if added else hits


_RAID_WORD_EN: Final = re.compile(r"raids?")
_AIR_NAMED_EN: Final = re.compile(
    r"\b(?:air|aerial|airstrikes?|warplanes?|war planes?|jets?|aircraft|planes?|helicopters?|drones?|sorties|"
    r"bombers?|barrel|air-?dropped|airborne|pilots?)\b"
)
_ARREST_WORD_EN = re.compile(r"\b(?:arrest\w*|detain\w*|detention|round-?ups?|sleeper cells?|security operation)\b")


def _ground_raids_en(doc: Document, kept: list[TriggerMention], s_start: int, s_end: int) -> list[TriggerMention]:
    """English: a "raid" with nothing of the air in its sentence and a ground force as its agent ("HTS raids
    on army checkpoints", "a raid and arrests by the SDF") is a ground assault (an Armed clash), not an air
    raid; a raid by a force that flies ("regime raids on Douma") stays an air raid."""
    folded = doc.folded
    raids = [h for h in kept if h.rule.name == "air" and _RAID_WORD_EN.fullmatch(folded, h.start, h.end)]
    if not raids or _AIR_NAMED_EN.search(folded, s_start, s_end):
        return kept
    arrests = bool(_ARREST_WORD_EN.search(folded, s_start, s_end))
    out = []
    for h in kept:
        if h in raids:
            agent = next(  # the nearest armed side before it: the raid's victims are not its agent
                (a for a in reversed(doc.actors) if s_start <= a.start and a.end <= h.start and a.name != "Civilians"),
                None,
            )
            if (agent is not None and agent.name not in AIR_CAPABLE and agent.name != "Civilians") or arrests:
                h = TriggerMention(h.start, h.end, _RULE["clash"])
        out.append(h)
    return out


def _shelling_in_the_fight_en(
    doc: Document, kept: list[TriggerMention], s_start: int, s_end: int
) -> list[TriggerMention]:
    """English: shelling told in one sentence with the fighting it is part of ("killed in shelling and
    clashes", "shelled the town amid clashes with rebels", "shelled ..., and rebels returned fire") is that
    fight, when nothing in the sentence is a civilian or a home hit: then it is the shelling's own news."""
    shells = [h for h in kept if h.rule.name == "shell"]
    if not shells:
        return kept
    folded = doc.folded
    if not any(h.rule.name == "clash" and _BATTLE_WORD_EN.match(folded, h.start) for h in kept):
        return kept
    if _CIVILIANS_EN.search(folded, s_start, s_end):
        return kept
    return [h for h in kept if h.rule.name != "shell"]


# What a force takes in the course of a fight without taking a place: "captured several positions",
# "controlled three new points", "took over a checkpoint", "achieved partial control" (ACLED: Armed clash).
_POSTS_AFTER_EN: Final = re.compile(
    r"\s+(?:(?:back|over|control|full control)\s+)?(?:(?:of|over)\s+)?(?:the\s+)?(?:(?:several|some|a|an|few|"
    r"many|number|of|\d+|two|three|four|five|six|new|more|further|other|strategic|military|key|advanced|forward|"
    r"its|their|enemy|regime|rebel|army|[\w'-]+-held|[\w'-]+'s?)\s+){0,5}(?:positions?|points?|checkpoints?|"
    r"posts?|outposts?|barriers?)\b"
)
_AIM_BEFORE_EN: Final = re.compile(
    r"\b(?:aim(?:s|ed|ing)?|seek(?:s|ing)?|sought|bid|plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|hop(?:e|es|ed|ing)|"
    r"want(?:s|ed|ing)?|push(?:ed|ing)?|effort|attempts?|order|(?:was|were|are|is) about) (?:to (?:\w+ )?)?$"
    r"|\b(?:battle|offensive|operation|campaign|drive|attack|assault|counter-?(?:attack|offensive)|raid) to (?:\w+ )?$"
    r"|\b(?:prevent|stop|block|thwart|repel|foil|keep)\w*\b[^.;:]{0,40}\bfrom $"  # "stopped IS from advancing"
    r"|\b(?:recently|newly|previously|already|once) (?:re)?$"  # "the recently recaptured town": an adjective
    # a capture that only threatened: "looked set to overrun", "came close to seizing", "on the verge of taking",
    # "nearly took"
    r"|\b(?:set|poised|ready|threaten(?:s|ed|ing)?) to (?:\w+ )?$|\bclose(?:r)? to $|\b(?:verge|brink|point) of $"
    r"|\b(?:nearly|almost) $"
)  # "raided the town aiming to take control of it": an aim, not a capture
_CAPTIVE_VERB_EN: Final = re.compile(r"(?:captur|seiz|recaptur)\w*")
# Buildings taken inside a fought-over town ("captured the hospital", "seized the sugar factory"), and ground
# held only for a while ("briefly took control", "for a few hours"): the fight's course, not a change of hands.
_BUILDING_AFTER_EN: Final = re.compile(
    r"\s+(?:(?:back|over|control|full control)\s+)?(?:(?:of|over)\s+)?(?:the\s+)?(?:(?!of\b|in\b|near\b|from\b|and\b|"
    r"to\b|at\b|on\b)[\w'-]+\s+){0,3}?(?:hospitals?|university|mosques?|schools?|factory|factories|silos?|shrines?|"
    r"buildings?|blocks?|houses|headquarters|command cent(?:er|re)s?|stadium|churches|church)\b"
)
_FOR_A_WHILE_EN: Final = re.compile(
    r"\b(?:briefly|temporarily|momentarily|for a (?:short|brief) (?:period|time|while)|for (?:a )?few hours|"
    r"for (?:several|some|a couple of) hours|before (?:\S+ ){1,6}(?:re-?gained|re-?took|re-?captured|re-?established|"
    r"recovered)|then lost|later lost)\b"
)
_PARTIAL_EN: Final = re.compile(r"\bpartial\b|\bpartly\b")


_HOLDER_BEFORE_EN: Final = re.compile(r"\b(?:in|on|of|into|to|towards?|from|at|near|across|the|an?|all|other)\s+$")
_HELD_NOUN_EN: Final = re.compile(
    r"\s+(?:enclaves?|areas?|territor(?:y|ies)|towns?|villages?|cit(?:y|ies)|neighbou?rhoods?|districts?|parts?|"
    r"pockets?|regions?|zones?|countryside|side|suburbs?|positions?|held)\b"
)
_CAPTIVES_AFTER_EN: Final = re.compile(
    r"\s+(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|the|its|their|his|several|some|many|"
    r"dozens|scores|number|more|than|at|least|about|over|of)\s+)*(?:(?!from\b|of\b|in\b|near\b|at\b|on\b|to\b|"
    r"after\b|and\b)[\w'-]+\s+){0,3}?(?:fighters?|members?|pilots?|soldiers?|officers?|commanders?|emirs?|"
    r"militants?|leaders?|prisoners?|jihadists?|troops|men|gunmen|militiamen|recruits|operatives?|suspects?|"
    r"cells?)\b"
)


def _held_adjective_en(doc: Document, hit: TriggerMention, clause: tuple[int, int]) -> bool:
    """English: "controlled" between a holder and a place noun after a preposition or article ("in the IS
    controlled enclave", "on regime controlled towns"): an adjective of who holds the place."""
    folded = doc.folded
    if folded[hit.start : hit.end] != "controlled" or not _HELD_NOUN_EN.match(folded, hit.end, clause[1]):
        return False
    holder = next((a for a in doc.actors if a.end in (hit.start - 1, hit.start)), None)
    if holder is None:
        return False
    return bool(_HOLDER_BEFORE_EN.search(folded, max(clause[0], holder.start - 12), holder.start))


def _posts_not_ground_en(doc: Document, hit: TriggerMention, clause: tuple[int, int]) -> bool:
    """An English capture of positions, points or posts (not of a village, town or area): the fight's
    progress, not a change of territory; so is a "partial control"."""
    folded = doc.folded
    if _PARTIAL_EN.search(folded, max(clause[0], hit.start - 12), hit.end) or _GAINS_MADE.match(
        folded[hit.start : hit.end]
    ):
        return True  # "achieved partial control", "made advances": progress, no place taken
    if _CAPTIVE_VERB_EN.fullmatch(folded, hit.start, hit.end) and _CAPTIVES_AFTER_EN.match(
        folded, hit.end, min(clause[1], hit.end + 70)
    ):
        return True  # "captured two soldiers", "seized an IS commander": people taken in a fight
    if _BUILDING_AFTER_EN.match(folded, hit.end, min(clause[1], hit.end + 70)):
        return True
    end = min(clause[1], hit.end + 90)
    after = folded.find(" after ", hit.end, end)  # "restored control after the army held it for a few hours"
    if _FOR_A_WHILE_EN.search(folded, max(clause[0], hit.start - 15), end if after < 0 else after):
        return True
    post = _POSTS_AFTER_EN.match(folded, hit.end, min(clause[1], hit.end + 90))
    return post is not None


def _ground_won_in_sentence(kept: list[TriggerMention], words: dict[int, str]) -> bool:
    """An English sentence tells ground taken (not merely "entered", "advanced"): its clashes won it,
    whichever clause tells them ("fighting raged in X, where rebels seized the village")."""
    return any(h.rule.name == "take" and not _WEAK_TERRITORY.match(words[id(h)]) for h in kept)


class _DateRange:
    """Several dates named in one clause ("entered on the 6th, driven out on the 8th"): a range."""

    def __init__(self, mentions: list[Any]) -> None:
        self.start = min(m.start for m in mentions)
        self.end = max(m.end for m in mentions)
        self.date = min(m.date for m in mentions)
        self.end_date = max((m.end_date or m.date) for m in mentions)
        self.precision = max(m.precision for m in mentions)


# English: the day a source spoke, right after its verb ("officials said on Thursday", "said in a report
# issued on Wednesday"), when the sentence also dates the event itself.
# "the ministry on Thursday condemned the shelling that hit a school in Qardaha, killing four pupils": the condemned
# attack told with what it hit, a counted toll, a place and a day of the report's week is reported by the sentence.
_CONDEMNED_FRESH_DAYS: Final = 7
_EARLIER_AFTER_EN: Final = re.compile(
    r"\b(?:last (?:year|month|spring|summer|autumn|fall|winter)|(?:years?|months?) ago|in (?:19|20)\d\d|"
    r"earlier this (?:year|month)|since)\b"
)
_CONDEMN_WORD_EN: Final = re.compile(r"\bcondemn")
_HIT_AFTER_EN: Final = re.compile(
    r"\s+(?:[^\s.;]+\s+){0,4}?(?:that|which)\s+(?:\w+\s+)?(?:hit|struck|targeted|killed|wounded|injured|left)\b"
)
_COUNTED_TOLL_EN: Final = re.compile(
    r"\b(?:kill(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing)|left)\s+(?:at least\s+|some\s+|about\s+)?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores)\b"
)


def _condemned_with_its_toll_en(doc: Document, hit: TriggerMention, ref: re.Match[str], s_end: int) -> bool:
    """English: the trigger a condemnation names is told as a fresh attack of its own (`_HIT_AFTER_EN`, a counted
    toll and a place after it, and the sentence dated within the week before the report)."""
    if not (
        _CONDEMN_WORD_EN.search(ref.group())
        and _HIT_AFTER_EN.match(doc.folded, hit.end, s_end)
        and _COUNTED_TOLL_EN.search(doc.folded, hit.end, s_end)
        and _has_place(doc, (hit.end, s_end))
    ):
        return False
    if doc.anchor is None or _EARLIER_AFTER_EN.search(doc.folded, hit.end, s_end):
        return False  # "the bombing that killed 12 people in Azaz last year": history
    s_start = next(start for start, end in doc.sentences if start <= hit.start < end)
    if any(int(y.group()) < doc.anchor.year for y in _YEAR_DIGITS.finditer(doc.folded, s_start, s_end)):
        return False  # "condemned the 2013 chemical attack": history
    dates = [d for d in _read_context(doc).dates if s_start <= d.start < s_end]
    told = [d for d in dates if d.start >= hit.end] or dates  # the attack's own day, else the statement's
    anchor = doc.anchor.date()
    return bool(told) and all(0 <= (anchor - d.date).days <= _CONDEMNED_FRESH_DAYS for d in told)


_CONDEMNED_BEFORE_EN: Final = re.compile(
    r"\b(?:condemn(?:s|ed|ing)?|denounc(?:es|ed|ing)|deplor(?:es|ed|ing)|decr(?:ies|ied|ying))(?: on \w+)? "
    r"(?:[^\s.;]+ ){0,4}$"
)
_TOLL_WORD_EN: Final = re.compile(r"\b(?:kill\w*|dead|deaths?|died|wound\w*|injur\w*|casualt\w*)\b")
_MOURNED_BEFORE_EN: Final = re.compile(
    r"\b(?:funerals?|burials?|mourn\w*|memorials?|vigils?) (?:[^\s.;]+ ){0,5}?(?:of|for) (?:the |those |people |"
    r"victims )?(?:[^\s.;]+ ){0,3}?(?:(?:killed|who died|who were killed|dead|slain) (?:in|by|during) "
    r"(?:[^\s.;]+ ){0,3})?$"
)
# "days after the army retook it", "a week after rebels seized the town": what happened days before the news.
_DAYS_AFTER_EN: Final = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|six|several|few|a few|\d+) )?(?:days?|weeks?|months?|years?) after"
    r"(?: [^\s,.;]+){0,5} $"
)
_SAID_ON_EN: Final = re.compile(
    r"\b(?:said|says|reported|told (?:\S+ ){1,3}?|announced|added|stated|confirmed|claimed|wrote|tweeted)"
    r"(?: (?:in|on) (?:a|an|its|their|his|her) (?:\S+ ){0,2}?(?:report|statement|post|message|briefing|update)"
    r"(?: (?:issued|released|published|posted))?)?,? $"
)


def _dated_earlier(doc: Document, hit: TriggerMention, clause: tuple[int, int], published: Any) -> bool:
    """An Arabic trigger dated to an earlier year right beside it ("دمر مفاعلا في غارة على دير الزور
    عام 2007", "منذ عام 2011") tells of that year, though its sentence is dated today."""
    if published is None or doc.language != "ar":
        return False
    after_end = min(clause[1], hit.end + 35)
    for match in _HISTORY_YEAR.finditer(doc.folded, max(clause[0], hit.start - 30), after_end):
        if int(match.group(1)) >= published.year:
            continue
        if match.start() >= hit.end and _RELATIVE_AR.search(doc.folded, hit.end, match.start()):
            continue  # "قصف على البلدة التي سيطرت عليها الفصائل عام 2015": the year is the town's
        return True
    return False


_RELATIVE_AR: Final = re.compile(r"(?<!\w)(?:التي|الذي|الذين|اللتين|اللذين)(?!\w)")
# A sentence that opens with a time days or weeks back tells, all of it, of then.
_DAYS_BEFORE_OPENING: Final = re.compile(
    r"\W*[وف]?قبل\s+(?:بضعه\s+|عده\s+|نحو\s+)?(?:ايام|اسبوع|اسبوعين|اسابيع|شهر|شهرين|اشهر)\s*,?\s*"
    r"(?!(?:و|ما)?\s*(?:زال|تزال|يزال|مازال)\S*)\S"
)
_MONTHS_AR: Final = "|".join(sorted((m for m in _AR_MONTHS if m not in ("اب", "ماي")), key=len, reverse=True))
# A month named without a day ("أسقطتها في فبراير", "خلال تموز الماضي"): the clause tells of that month.
_MONTH_ONLY_AR: Final = re.compile(
    r"(?<!\w)(?:في|خلال|منذ|مطلع|اواخر|اواسط|منتصف|بدايه|نهايه|اوائل)\s+(?:شهر\s+)?(?P<m>" + _MONTHS_AR + r")"
    r"(?:\s*[/\-(]\s*(?:" + _AR_MONTH_RE + r")\)?)?(?!\w)(?!\s*\d)"
)
# A span of months or years back ("قتل منذ عامين", "قبل ثلاث سنوات", "منذ سنوات"): long ago, or all along.
_LONG_AGO_AR: Final = re.compile(
    r"(?<!\w)(?:بعد|عقب)\s+(?:مرور\s+)?(?:نحو\s+|حوالي\s+|اكثر من\s+)?(?:اسبوع|اسبوعين|اسابيع|شهر|شهرين|اشهر|"
    r"عام|عامين|سنه|سنتين|سنوات|اعوام|(?:\d+|ثلاث\S*|اربع\S*|خمس\S*)\s+(?:اسابيع|اشهر|سنوات|اعوام))\s+(?:علي|من)"
    r"(?:\s+\S+)?\s*$|"
    r"(?<!\w)(?:قبل|منذ)\s+(?:نحو\s+|حوالي\s+|قرابه\s+|اكثر من\s+|اقل من\s+)?(?:(?:عام|سنه)(?!\s*\d)|عامين|"
    r"سنتين|اعوام|سنوات|شهرين|اشهر|عقد|عقدين|عقود|(?:\d+|ثلاث\S*|اربع\S*|خمس\S*|ست\S*|سبع\S*|ثماني\S*|"
    r"تسع\S*|عشر\S*)\s+(?:اعوام|سنوات|عاما|سنه|اشهر|شهرا|عقود))(?!\w)|"
    # "وقبل أيام قتل 45 مسلحا": days or weeks before the report (not "منذ أيام", which runs on to today)
    r"(?<!\w)[وف]?قبل\s+(?:بضعه\s+|عده\s+|نحو\s+|ايام\s+و)?(?:ايام|اسبوع|اسبوعين|اسابيع)(?!\w)"
)
# A verbal noun under a word that does not assert it happened: a decision, option, plan or intention
# ("قرار شن ضربات", "خيارات عسكرية"), a call or demand, its coming time or the fear of it ("اقترب الوقت
# من قتل", "خوفا من هجوم"), its prevention or an aim ("لمنع هجوم", "بهدف السيطرة", "كانت تستهدف تنفيذ
# هجوم"): not told as done.
_NON_FACTIVE_BEFORE: Final = re.compile(
    r"(?<!\w)[وفبل]?(?:ال)?(?:قرار|قراره|قرارها|خيار|خيارات|نيه|نيته|نيتها|نواي\S*|خطه|خطط|مخطط|مخططات|"
    r"اقترب|يقترب|خوف|خوفا|خشيه|مخاوف|تحسبا|منع|تجنب|تفادي|دعوه|دعوات|مطالبه|مطالبات|ضروره|بهدف|اجل|سعيا|"
    r"ادعاء|ادعاءات|مزاعم|تخطيط|التخطيط)"
    r"(?!\w)\W*(?:\s+\W*(?:الوقت|النهائي|العسكري\S*|الامريكي\S*|الغربي\S*|من|الي|حول|بشان|في|علي|عن|ب|ل|"
    r"[بل]?(?:شن|تنفيذ|توجيه|القيام ب|اطلاق|هجوم|هجمات|استخدام))\W*){0,3}\s+(?:[وبلف]|لل|بال|ال)?$|"
    r"(?<!\w)(?:[يت]ستهدف|[يت]حاول|[يت]عتزم|[يت]نوي|[يت]خطط|[يت]سعي|[يت]ريد|[يت]ستعد|[يت]عد)\s+(?:ل)?(?:تنفيذ|شن)\s+$|"
    # What would enable or ease it ("عملية تتيح لها السيطرة على", "تمهيدا للسيطرة", "لتسهيل اقتحام"): not yet done.
    r"(?<!\w)[وف]?(?:[يت]تيح|[يت]سمح|تمهيدا|لتسهيل|تسهيل|[يت]سهل|[يت]مهد)(?:\s+(?:له|لها|لهم|لهن))?"
    r"(?:\s+(?:من|ب))?(?:\s+[بل]?(?:ال)?استعاد\S*)?\s+(?:[وبلف]|لل|بال|ال)?$"
)
# "لفشله في منع مذبحة نفذها داعش", "عجزت عن منع الهجوم": what was not prevented happened.
_FAILED_TO_PREVENT: Final = re.compile(
    r"(?<!\w)[وبل]?(?:ال)?(?:فشل|فشلت|فشله|فشلها|عجز|عجزت|عجزه)\S*(?:\s+\S+){0,3}?\s+(?:في\s+|عن\s+)?(?:ال)?منع\s+$"
)
_WEEKS_AFTER: Final = re.compile(r"(?<!\w)(?:بعد|عقب)\s")
_OR_AND: Final = re.compile(r"\s+(?:او|و|ام)\s*(?:ال)?")


# A sentence that opens "بعد استعادة السيطرة على X، ..." sets the change of ground as the premise of what it goes on
# to tell ("after retaking X, the operations turned to Y"): that ground was taken before.
_FRONTED_AFTER: Final = re.compile(r"\W*[وف]?(?:بعد|عقب|اثر)\s+(?:ان\s+)?$")  # (`match` at the clause's start)


def _means_of_title_ground_change(doc: Document, t: Candidate, lead: int) -> bool:
    """"التنظيم يسيطر على بلدة إثر هجوم واسع": the fighting after "إثر/بعد/عقب" in a title that tells
    a change of ground (or over a lead that tells it: "الجيش يتوغل في الحي بعد معارك" over "تمكن من استعادة
    السيطرة على ...") is how the ground was won; the title heads the body's change of ground."""
    if _finalize_type(t) not in ("Armed clash", "Attack") or not _MEANS_BEFORE.search(
        doc.folded, max(0, t.start - 8), t.start
    ):
        return False
    lead_span = doc.sentences[lead] if lead >= 0 else (0, 0)
    return any(
        h.sub_event_type == _TERRITORY and (h.start < t.start or lead_span[0] <= h.start < lead_span[1])
        for h in doc.triggers
    )


def _only_non_violent_heads(doc: Document, cands: list[Candidate], lead: int) -> bool:
    """Whether everything the title and lead tell is a handover of ground or weapons under a deal, or an
    agreement: the report is not about a violent event, whatever its body recalls ("الفصائل تبدأ تسليم سلاحها
    الثقيل" over a campaign told further down). (Protests and an armed group's detentions stay events; the
    authorities' detentions are police work, `_not_an_event_report`.)"""
    heads = [c for c in cands if c.in_title or c.sentence == lead]
    return bool(heads) and all(
        _finalize_type(c) in _NON_VIOLENT_HEADS
        or (_finalize_type(c) in _TERRITORIAL and _evacuation_by_deal(doc, c, said_under_deal=False))
        for c in heads
    )


_NON_VIOLENT_HEADS: Final = frozenset({"Agreement", "Non-violent transfer of territory"})


def _violent_first(events: list[Event], ranked: list[int]) -> list[int]:
    """The ranking with a handover under a deal or an agreement after the violent events the report tells."""
    calm = [e.sub_event_type in _NON_VIOLENT_HEADS for e in events]
    if not any(calm) or all(calm):
        return ranked
    return [i for i in ranked if not calm[i]] + [i for i in ranked if calm[i]]


def _premises_last(doc: Document, cands: list[Candidate], ranked: list[int]) -> list[int]:
    """The ranking with changes of ground told only as a fronted premise (`_fronted_premise`) after the rest: the
    sentence's news is what it goes on to tell. (They still tell that the report is about the fighting.)"""
    premise = [
        all(
            t.sub_event_type == _TERRITORY and _fronted_premise(doc, t, c.clause, doc.sentences[c.sentence][1])
            for t in c.triggers
        )
        and not c.title_match
        for c in cands
    ]
    if not any(premise) or all(premise):
        return ranked
    return [i for i, p in zip(ranked, premise, strict=True) if not p] + [
        i for i, p in zip(ranked, premise, strict=True) if p
    ]


# "يستذكر السوريون اليوم مجزرة الحولة", "أحيا الأهالي ذكرى المجزرة": an anniversary or commemoration of an old event.
_COMMEMORATED_BEFORE: Final = re.compile(
    r"(?<!\w)[وف]?(?:[يت]ستذكر\S*|استذكر\S*|استذكار|(?:[يت]حيي\S*|احيا|احياء)\s+(?:\S+\s+)?(?:ال)?ذكري)"
    r"(?:\s+\S+){0,5}\s+$"
)
def _commemorated(folded: str, hit: TriggerMention, clause: tuple[int, int]) -> bool:
    return _COMMEMORATED_BEFORE.search(folded, max(clause[0], hit.start - 50), hit.start) is not None


# "منذ الهجوم الذي أطلقه الجيش في 3 آذار", "الحملة التي بدأتها القوات الشهر الماضي": an offensive named with when
# it began is the campaign the report's events belong to, not an event of that day.
_CAMPAIGN_BEGUN_AFTER: Final = re.compile(
    r"\s+(?:[^\s,.]+\s+){0,2}?(?:(?:الذي|التي)\s+)?(?:بدا|بدات|بداه|بداها|بداته|بداتها|بدؤوه|بداوه)(?!\w)"
)
# "توغلت القوات تحت غطاء غارات جوية ودخلت قرى", "تقدمت بغطاء جوي روسي": the strikes are the cover of the ground
# advance the sentence tells, not an event of their own.
_UNDER_COVER_BEFORE: Final = re.compile(r"(?<!\w)(?:تحت\s+|وسط\s+)?[بو]?غطاء\s+(?:من\s+|ناري\s+)?(?:ال)?$")


def _under_cover_of(doc: Document, hit: TriggerMention, hits: list[TriggerMention]) -> bool:
    """A strike told as the cover of a ground advance or fight in the same sentence."""
    return _UNDER_COVER_BEFORE.search(doc.folded, max(0, hit.start - 16), hit.start) is not None and any(
        h.sub_event_type in (_TERRITORY, "Armed clash") for h in hits if h is not hit
    )


def _fronted_premise(doc: Document, hit: TriggerMention, clause: tuple[int, int], s_end: int) -> bool:
    """A change of ground told in a fronted "بعد ..." phrase that a comma closes before the sentence's own news."""
    if hit.start - clause[0] > 14 or not _FRONTED_AFTER.match(doc.folded, clause[0], hit.start):
        return False
    comma = doc.folded.find(",", hit.end, min(s_end, hit.end + 80))
    if comma < 0:
        comma = doc.folded.find("،", hit.end, min(s_end, hit.end + 80))
    return comma > 0 and len(doc.folded[comma:s_end].split()) >= 4


def _told_long_ago(doc: Document, hit: TriggerMention, clause: tuple[int, int], published: Any) -> bool:
    """An Arabic trigger dated beside it to another month ("في فبراير" in an April report) or to a span of
    months or years back ("قتل منذ عامين"): history, whatever day its sentence names."""
    if published is None:
        return False
    if _LONG_AGO_AR.search(doc.folded, max(clause[0], hit.start - 45), hit.start) and _WEEKS_AFTER.search(
        doc.folded, max(clause[0], hit.start - 45), hit.start
    ):
        return True  # "عقب مرور أسبوعين على إسقاط طائرة": the downing is two weeks old
    for pattern in (_LONG_AGO_AR, _MONTH_ONLY_AR):
        if not may_match(pattern, doc.folded[max(clause[0], hit.start - 30) : clause[1]]):
            continue  # (no "بعد", "قبل", "منذ" or month name in the rest of the clause: the slow scan is spared)
        for match in pattern.finditer(doc.folded, max(clause[0], hit.start - 30), clause[1]):
            if match.start() > hit.end + 35:
                break
            if match.start() >= hit.end and _RELATIVE_AR.search(doc.folded, hit.end, match.start()):
                continue  # "البلدة التي سيطرت عليها الفصائل قبل سنوات": the time is the town's
            if pattern is _LONG_AGO_AR or _AR_MONTHS[match.group("m")] != published.month:
                return True
    return False


_TAIL_START: Final = re.compile(r",\s*(?:[^\s,]+\s+){0,2}$")


def _attribution_tail(folded: str, start: int, end: int) -> bool:
    """English: a side named only as a source after the story (", rebels and residents said")."""
    return bool(
        folded[max(0, start - 30) : start].isascii()
        and _TAIL_START.search(folded, max(0, start - 30), start)
        and _SPEAKER_AFTER.match(folded[end : end + 40])
    )


def _charged_with(folded: str, start: int) -> bool:
    """A side named in the charge against the victims ("accused of spying for the coalition") took no part."""
    return searcher(_STATUS_BEFORE, folded)(folded[max(0, start - 28) : start]) is not None


def _has_place(doc: Document, span: tuple[int, int]) -> bool:
    return any(span[0] <= p.start < span[1] for p in _read_context(doc).places)


def _attach(doc: Document, cand: Candidate, sentence_actors: list[ActorMention]) -> None:
    """Roles, place and date of a candidate from its sentence."""
    s_start, s_end = doc.sentences[cand.sentence]
    cand.roles = resolve_roles(doc.folded, sentence_actors, cand.start, cand.clause, cand.sub_event_type)
    if doc.language == "en":
        _weapon_owner_before(doc, cand, sentence_actors)
        _own_forces_en(doc, cand)
        _driven_out_en(doc, cand, sentence_actors)
        _coordinated_taker_en(doc, cand, sentence_actors)
    sentence = doc.folded[s_start:s_end]
    attacker = [(a.start - s_start, a.end - s_start) for a in sentence_actors if a.name == cand.roles.actor1]
    for a0, a1 in attacker:  # the attackers' own words ("مسلحون مجهولون") are not armed victims
        noun = _ATTACKER_NOUN.match(sentence, a1)  # "Islamic State fighters attacked a village"
        a1 = noun.end() if noun else a1
        sentence = sentence[:a0] + " " * (a1 - a0) + sentence[a1:]
    cand.armed_victims = any(
        not _BY_AGENT.search(sentence, max(0, m.start() - 12), m.start())
        and not _attribution_tail(doc.folded, s_start + m.start(), s_start + m.end())
        for m in for_text(_ARMED_VICTIM, sentence).finditer(sentence)
    ) or any(
        a.name not in ("Civilians", cand.roles.actor1)
        and not _attribution_tail(doc.folded, a.start, a.end)
        and not _charged_with(doc.folded, a.start)
        for a in sentence_actors
    )
    cand.civilian_victims = any(a.name == "Civilians" for a in sentence_actors)
    captives = for_text(_CAPTIVES, doc.folded)
    cand.captive_victims = doc.language == "ar" and captives.search(doc.folded, *cand.clause) is not None
    places = [p for p in doc.places if s_start <= p.start < s_end and _is_scene(doc, p, s_start)]
    scenes = [p for p in places if not _origin_place(doc, p, s_start)]
    cand.origin_place = bool(places) and not scenes  # only where people came from: `merge_retellings` may move it
    places = scenes or places
    if doc.language == "en" and places:
        places = _before_another_event(doc, cand, places, s_end)
    if places:

        def score(p: _ShiftedPlace) -> float:
            distance = p.start - cand.start
            penalty = 0.0 if distance >= 0 else 40.0
            if not _in(cand.clause, p.start):
                penalty += 150.0
            if _road_end(doc, p):
                penalty += 200.0  # before a governorate, after a town named as the scene
            if p.location.gazetteer_id.startswith("sitrep:countryside:"):
                penalty += 60.0  # a named area ("Tlul al-Safa", "Ashara desert") is narrower than a countryside
            return abs(distance) + penalty + 120.0 * _KIND_RANK.get(p.kind, 2)

        ranked = sorted(places, key=score)
        cand.place = ranked[0]
        if doc.language == "en" and cand.place.location.geo_precision == 1 and _road_end(doc, cand.place):
            # "on the highway between Damascus and Homs": a spot on the road, near the town it is told by
            cand.place = _ShiftedPlace(with_precision(cand.place.inner, 2), cand.place.start, cand.place.end)
        seen = {ranked[0].location.name}
        for p in ranked[1:]:
            if p.location.name not in seen and _in(cand.clause, p.start) and _KIND_RANK.get(p.kind, 2) <= 1:
                seen.add(p.location.name)
                cand.other_places.append(p)
    dates = [
        d
        for d in doc.dates
        if s_start <= d.start < s_end
        and (
            not (
                _SINCE_BEFORE.search(doc.folded[max(0, d.start - 8) : d.start])
                and not _DAYPART.match(doc.folded, d.start)
            )
            or doc.folded.startswith("'s ", d.end)  # "the toll from Tuesday's bombing": that day, not since
        )
        and not for_text(_SINCE_START_BEFORE, doc.folded).search(doc.folded, max(s_start, d.start - 70), d.start)
    ]
    dates = [d for d in dates if not _toll_update_day(doc, d.start, s_start, s_end)]
    told = [d for d in dates if _SAID_ON_EN.search(doc.folded, max(s_start, d.start - 70), d.start)]
    if told and len(told) < len(dates):
        dates = [d for d in dates if d not in told]  # "bombed X on 6 May, a monitor said on Wednesday"
    in_clause = [d for d in dates if _in(cand.clause, d.start)]
    if len({d.date for d in in_clause}) >= 2:
        cand.date_mention = _DateRange(in_clause)
    elif in_clause:  # one day told twice ("8 April 2017 An airstrike on Saturday killed ..."): not the dateline's
        cand.date_mention = min(
            in_clause, key=lambda d: (bool(_YEAR_IN.search(doc.folded, d.start, d.end)), abs(d.start - cand.start))
        )
    elif dates and len(split_clauses(doc.folded, s_start, s_end)) <= 2:
        cand.date_mention = min(dates, key=lambda d: abs(d.start - cand.start))
    else:
        cand.inherited_date = _anchor_date(doc)


# Armed men killed once captured are victims of an attack, not of a clash: "قتل التنظيم 5 جنود بعد أيام من
# اختطافهم", "قتل أسراه".
_CAPTIVES: Final = re.compile(
    r"(?<!\w)[وبل]?(?:ال)?(?:اختطاف|خطف)(?:هم|ه|ها)(?!\w)|(?<!\w)[وبل]?(?:ال)?(?:اسري|اسرانا|اسراه|اسراهم|"
    r"المختطفين|مختطفين|رهائن|الرهائن|المحتجزين)(?!\w)"
)
_BOMBERS_WORD: Final = re.compile(r"suicide (?:bombers|attackers|fighters)\b")
_BOMBERS_COUNTED_BEFORE: Final = re.compile(
    r"\b(?:including|among them|among whom|as well as|killed|killing|eliminated|eliminating|arrested|captured)"
    r"(?: the| several| some| two| three| four| five| \d+)?\s+$"
)
# "Turkish artillery", "US-led coalition air strikes", "an [IS] suicide bomber": nothing but a space,
# a hyphen or a bracket between an actor's name and the attack word.
_OWNER_GAP: Final = re.compile(r"[\s\-\]\)\"'’]{1,3}")
_NATION_AND_BEFORE: Final = re.compile(
    r"\b(russian|turkish|israeli|us|u\.s\.|american|iraqi|syrian)(?: regime| government)? (?:and|or|and/or) $"
)
_OWNER_AND: Final = re.compile(r"\s*(?:,|and|or|and/or|,\s*and|,\s*or)\s*")
_OWNER_BACKING: Final = re.compile(
    r"\b(?:backed|supported|aided|assisted|covered|helped)\s+by\b[^.;:]*$|\b(?:support|cover|help)\s+of\b[^.;:]*$"
)
_OWNED_WEAPON_TYPES: Final = {
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Chemical weapon",
    "Suicide bomb",
    "Remote explosive/landmine/IED",
}


# "The Russian defence ministry said its jets destroyed ...": a state's ministry or army telling its own act.
_OWN_FORCES_EN: Final = re.compile(
    r"\b(?:(russian|turkish|israeli|us|u\.s\.|american|iraqi|syrian) (?:defen[cs]e ministry|ministry of defen[cs]e|"
    r"military|army|armed forces|air force|general staff|government)|(coalition))(?: [\w.-]+){0,4}? "
    r"(?:said|says|announced|reported|claimed|stated)(?: on \w+)?(?: that)? (?:its|their) (?:own )?"
    r"(?:jets|warplanes|aircraft|planes|forces|troops|air ?force|drones|artillery|bombers|helicopters|units|"
    r"soldiers)\b"
)
_STATE_OF_ADJECTIVE: Final = {
    "russian": "Military Forces of Russia",
    "turkish": "Military Forces of Turkey",
    "israeli": "Military Forces of Israel",
    "us": "Military Forces of the United States",
    "u.s.": "Military Forces of the United States",
    "american": "Military Forces of the United States",
    "iraqi": "Military Forces of Iraq",
    "syrian": "Military Forces of Syria",
    "coalition": "Coalition",
}


def _driven_out_en(doc: Document, cand: Candidate, sentence_actors: list[ActorMention]) -> None:
    """English: "X drove the rebels out of the base": the side named inside "drove ... out" lost the ground."""
    for t in cand.triggers:
        if not doc.folded.startswith(("drove ", "pushed "), t.start):
            continue
        loser = next(
            (
                m
                for m in sentence_actors
                if t.start < m.start and m.end <= t.end and m.name not in ("Civilians", cand.roles.actor1)
            ),
            None,
        )
        if loser is not None:  # even of one camp: "Nusra drove the US-backed rebels out"
            cand.roles.actor2 = loser.name
            cand.roles.spans["actor2"] = (loser.start, loser.end)
            return


_COORDINATED_BEFORE_EN: Final = re.compile(r"(?:,|\band(?: then| later| subsequently| eventually| finally)?) $")
_SUBJECT_REACH: Final = 40


def _coordinated_taker_en(doc: Document, cand: Candidate, sentence_actors: list[ActorMention]) -> None:
    """English: "Regime forces battled IS in X, taking control of it", "Army units advanced against HTS and
    regained control of Y": the capture told as a second verb of the sentence's subject is the subject's."""
    if cand.sub_event_type != _TERRITORY or not sentence_actors:
        return
    s_start = doc.sentences[cand.sentence][0]
    t = cand.triggers[0]
    if not _COORDINATED_BEFORE_EN.search(doc.folded, max(s_start, t.start - 25), t.start):
        return
    subject = sentence_actors[0]
    if subject.start - s_start > _SUBJECT_REACH or subject.start > t.start or subject.name == "Civilians":
        return
    if subject.name == cand.roles.actor1:
        return
    if doc.folded.startswith(("fell ", "fallen ", "falls ", "falling "), t.start):
        return  # "Hajin, IS's last stronghold, fell to the SDF": the place fell, its subject lost it
    other = cand.roles.actor1 if cand.roles.actor1 and not same_side(cand.roles.actor1, subject.name) else ""
    cand.roles.actor1 = subject.name
    cand.roles.spans["actor1"] = (subject.start, subject.end)
    if other or cand.roles.actor2 == subject.name:
        cand.roles.actor2 = other


def _own_forces_en(doc: Document, cand: Candidate) -> None:
    """English: the forces a state's ministry calls "its jets" carried out the attack it tells."""
    s_start, _ = doc.sentences[cand.sentence]
    if not may_match(_OWN_FORCES_EN, doc.folded[s_start : cand.start + 60]):
        return  # (no "its" or "their" before the attack: no ministry tells of its own forces)
    found = None
    for m in _OWN_FORCES_EN.finditer(doc.folded, s_start, cand.start + 60):
        if m.start() < cand.start <= m.end() + 60:
            found = m
    if found is None:
        return
    roles = cand.roles
    group = 1 if found.group(1) else 2  # a state's ministry or army, or the coalition
    state = _STATE_OF_ADJECTIVE[found.group(group)]
    if roles.actor1 == state:
        return
    if roles.actor1 and not same_side(roles.actor1, state):
        roles.actor2 = roles.actor1  # "its jets destroyed an IS command post": the named group was the target
        roles.spans.pop("actor2", None)
    roles.actor1 = state
    roles.spans["actor1"] = (found.start(group), found.end(group))


def _weapon_owner_before(doc: Document, cand: Candidate, sentence_actors: list[ActorMention]) -> None:
    """English: the actor named as the attack word's modifier fired it, whatever the sentence's subject."""
    if cand.sub_event_type not in _OWNED_WEAPON_TYPES:
        return
    owner = next(
        (
            m
            for m in sentence_actors
            if m.start < cand.start
            and m.name != "Civilians"
            and (m.end > cand.start or _OWNER_GAP.fullmatch(doc.folded, m.end, cand.start))
        ),
        None,
    )
    s_start = doc.sentences[cand.sentence][0]
    if owner is None or _OWNER_BACKING.search(doc.folded, max(s_start, owner.start - 80), owner.start):
        return  # "forces backed by militias and Russian warplanes": the air support of someone else's attack
    if _downed_aircraft_owner(doc.folded, owner):
        return  # "the downing of a Syrian jet": the aircraft was hit, it fired nothing
    at = sentence_actors.index(owner)
    while at > 0 and (  # "regime and Russian air strikes": the first of the joint attackers
        _OWNER_AND.fullmatch(doc.folded, sentence_actors[at - 1].end, sentence_actors[at].start)
        and sentence_actors[at - 1].name != "Civilians"
        and same_side(sentence_actors[at - 1].name, owner.name)
        and not _downed_aircraft_owner(doc.folded, sentence_actors[at - 1])  # "downed a regime jet, Russian jets"
    ):
        at -= 1
    owner = sentence_actors[at]
    name = owner.name
    joint = _NATION_AND_BEFORE.search(doc.folded, max(0, owner.start - 30), owner.start)
    if joint and same_side(_STATE_OF_ADJECTIVE[joint.group(1)], name):
        name = _STATE_OF_ADJECTIVE[joint.group(1)]  # "Syrian or Russian jets": the first named
    if name == "Military Forces of the United States" and any(a.name == "Coalition" for a in doc.actors):
        name = "Coalition"  # "US jets" in a report on the US-led coalition's campaign
    roles = cand.roles
    if roles.actor1 == name:
        return
    if roles.actor2 == name:  # the sides were read the wrong way round
        roles.actor2, roles.actor1 = roles.actor1, name
        roles.spans.pop("actor2", None)
    else:
        if roles.actor1 and same_side(roles.actor1, name) and roles.actor1 not in roles.assoc1:
            roles.assoc1.append(roles.actor1)
        elif roles.actor1 and (not roles.actor2 or same_side(roles.actor2, name)):
            roles.actor2 = roles.actor1  # "IS militants were killed by Turkish artillery": the subject suffered it
            roles.spans.pop("actor2", None)
        elif roles.actor1 and roles.actor1 not in roles.mentioned:
            roles.mentioned.append(roles.actor1)
        roles.actor1 = name
        for names in (roles.assoc1, roles.assoc2, roles.mentioned):
            if name in names:
                names.remove(name)
    roles.spans["actor1"] = (owner.start, owner.end)


def _is_scene(doc: Document, place: _ShiftedPlace, s_start: int) -> bool:
    """Not a speaker, not where the wounded were taken or fighters withdrew to, not a street named after
    a town, not the area a running total covers (once per place)."""
    key = (place.start, place.end)
    known = doc.scene.get(key)
    if known is None:
        known = not (
            _is_speaker(doc.folded, place.start, place.end)
            or for_text(_ELSEWHERE, doc.folded).search(doc.folded, max(s_start, place.start - 45), place.start)
            or _WITHDRAWN_TO.search(doc.folded, max(s_start, place.start - 100), place.start)
            or for_text(_STREET_BEFORE, doc.folded).search(doc.folded, max(s_start, place.start - 12), place.start)
            or _STREET_AFTER.match(doc.folded, place.end)
            or _TOTAL_SCOPE_AFTER.match(doc.folded, place.end)
            or _locates_the_place_before(doc, place, s_start)
        )
        doc.scene[key] = known
    return known


# Where people came from, not where it happened (issue #6): "evacuees from X", "residents of X", "displaced
# from X", "X evacuees", "مهجري X", "النازحين من X", "أهالي X" (and "a few kilometres away in X": somewhere
# else). A place so named (or one locating it: "the villages of X and Y in Z province") is not the scene
# when the sentence names another place.
_ORIGIN_CUE: Final = re.compile(
    r"\b(?:(?:evacuees?|evacuated|displaced|refugees?|residents?|inhabitants|natives?|families|civilians|"
    r"people|passengers|buses|convoys?|fled|fleeing|escaped|transported|bused|originally|"
    r"(?:those|people|civilians|residents|families) who (?:fled|left|escaped))"
    r" (?:out )?from|(?:residents?|inhabitants|natives?|evacuees?) of|(?:evacuated|transported|bused|passage)"
    r" out of|(?:kilometers|kilometres|km|miles|meters|metres) away (?:in|at))\b|"
    r"(?<!\w)(?:[وفبل]|من |ل)?(?:ال)?(?:مهجري|مهجرو|نازحي|نازحو|اهالي|ابناء|سكان)(?!\w)|"
    r"(?<!\w)(?:[وفبل]|من |ل)?(?:ال)?(?:مهجرين|المهجرين|نازحين|النازحين|النازحون|الفارين|الهاربين|القادمين|"
    r"الخارجين|المرحلين|المدنيين|الاهالي|العائلات|عائلات|الذين (?:خرجوا|نزحوا|فروا|هجروا|هربوا|رحلوا|غادروا)|"
    r"اجلاء|تهجير|خروج)(?: \S+){0,2}? (?:من|عن)(?!\w)"
)
_ORIGIN_AFTER: Final = re.compile(r"\s+(?:evacuees|refugees|residents|natives|displaced)\b")
# Words that may stand between the cue and the place: "the regime-held predominantly Shia towns of".
_ORIGIN_GAP_WORDS: Final = frozenset(
    "the of and in near nearby neighbouring neighboring town towns village villages city cities area areas "
    "besieged province district countryside northern southern eastern western two both twin shia shiite "
    "predominantly mainly mostly largely sunni christian kurdish alawite 2 , - بلده بلدات بلدتي قريه قري قريتي "
    "مدينه مدن مدينتي مخيم مخيمات حي احياء منطقه مناطق ريف في و من محافظه المحاصره المحاصرتين المحاصرين "
    "الشيعيتين الشيعيه الموالين المواليتين الشرقي الغربي الشمالي الجنوبي الشرقيه الغربيه الشماليه الجنوبيه".split()
)
_WORD_RUN: Final = re.compile(r"[^\s,]+")
_ORIGIN_HELD: Final = re.compile(r"^[\w]+-(?:held|besieged|controlled|led|backed|dominated|majority)$")


# "... for a devastating chemical attack": an incident of its own, introduced with an indefinite article.
_ANOTHER_INCIDENT_BEFORE: Final = re.compile(r"\b(?:a|an)(?: [\w-]+){0,2} $")


def _before_another_event(
    doc: Document, cand: Candidate, places: list[_ShiftedPlace], s_end: int
) -> list[_ShiftedPlace]:
    """English: places after another incident's own word in the sentence are that incident's ("missiles hit an
    airbase used to launch a chemical attack on a village in Idlib": Idlib is the gas attack's place)."""
    own = {t.start for t in cand.triggers}
    last = max(t.end for t in cand.triggers)
    other = next(
        (
            t
            for t in doc.triggers
            if last + 15 < t.start < s_end
            and t.start not in own
            and t.sub_event_type != cand.sub_event_type
            and _ANOTHER_INCIDENT_BEFORE.search(doc.folded, max(last, t.start - 40), t.start)
            and t.sub_event_type in _MEANS | {"Chemical weapon"}
            and not any(
                g.match(doc.folded[t.start : t.end]) for g in (_GENERIC_ATTACK, _GENERIC_IED, _GENERIC_SHELL)
            )
        ),
        None,
    )
    if other is None:
        return places
    return [p for p in places if p.start < other.start]


def _origin_place(doc: Document, place: _ShiftedPlace, s_start: int) -> bool:
    """Whether ``place`` is named only as where people came from or lived (see ``_ORIGIN_CUE``)."""
    if doc.language == "en" and _ORIGIN_AFTER.match(doc.folded, place.end):
        return True  # "Madaya evacuees said"
    window_start = max(s_start, place.start - 140)
    cue = next(  # the nearest
        reversed(list(quick(for_text(_ORIGIN_CUE, doc.folded)).finditer(doc.folded, window_start, place.start))), None
    )
    if cue is None:
        return False
    gap = doc.folded[cue.end() : place.start]
    if any(ch in gap for ch in ".;:!?\"()") or any(cue.end() <= t.start < place.start for t in doc.triggers):
        return False
    words = []
    for word in _WORD_RUN.finditer(doc.folded, cue.end(), place.start):
        if any(p.start <= word.start() < p.end for p in doc.places):
            words.append("PLACE")  # "the villages of X and Y in Z province": Y and Z are named as X is
        else:
            words.append(word.group())
    unknown = [
        w
        for w in words
        if w != "PLACE"
        and w not in _ORIGIN_GAP_WORDS
        and w.lstrip("وب") not in _ORIGIN_GAP_WORDS
        and not _ORIGIN_HELD.match(w)
    ]
    if any(w in ("in", "في", "وفي") for w in words) and place.kind not in ("admin1", "region"):
        return False  # "civilians from X in Y": Y is where it happened; "X in Idlib province" only locates X
    return len(words) <= 10 and len(unknown) <= 1


# "الغوطة الشرقية، آخر معاقل الفصائل قرب دمشق", "مخيم اليرموك جنوب دمشق": a place named by its bearing from a
# city right after another place tells where that place lies; the place before it is the scene.
_BEARING: Final = re.compile(r"(?:بالقرب من|قرب|جنوب|شمال|شرق|غرب|جنوبي|شمالي|شرقي|غربي)(?!\w)")


_BEARING_CITY_BEFORE: Final = re.compile(
    r"(?<!\w)(?:بالقرب من|قرب|جنوب|شمال|شرق|غرب|جنوبي|شمالي|شرقي|غربي)\s+(?:ال)?(?:عاصمه|مدينه)(?:\s+\S+)?\s+$"
)


def _locates_the_place_before(doc: Document, place: _ShiftedPlace, s_start: int) -> bool:
    if doc.language != "ar" or not (
        _BEARING.match(doc.folded, place.start)
        or _BEARING_CITY_BEFORE.search(doc.folded, max(0, place.start - 30), place.start)
    ):
        return False
    before = [p for p in doc.places if s_start <= p.start and p.end <= place.start]
    if not before:
        return False
    located = before[-1]
    gap = doc.folded[located.end : place.start]
    return (
        len(gap) <= 60
        and not gap.rstrip().endswith("و")
        and located.kind != "admin1"
        and not located.location.gazetteer_id.startswith("sitrep:countryside:")
        and not any(located.end <= t.start < place.start for t in doc.triggers)
    )


# "the Aleppo-Damascus highway", "the road joining the towns of Tadmur and Sukhna", "طريق حمص - دمشق الدولي":
# the towns a road joins name the road, not the scene.
_ROAD_BEFORE: Final = re.compile(
    r"(?:\b(?:highway|road|motorway|route)\s+(?:(?:linking|connecting|between|from|of)\s+)?(?:the\s+)?"
    r"(?:(?:cities|towns)\s+of\s+)?|(?<!\w)(?:ال)?(?:طريق|اوتوستراد|اوتستراد)\s+(?:(?:الدولي|السريع|الواصل|"
    r"الرابط|الذي\s+يربط|بين)\s+){0,2})$"
)
_ROAD_AFTER: Final = re.compile(r"\s*(?:international\s+)?(?:highway|road|motorway)\b|\s*(?:الدولي|السريع)(?!\w)")
_ROAD_JOIN: Final = re.compile(r"\s*[-–/]\s*|\s+(?:and|و)\s*| ")


def _road_end(doc: Document, place: _ShiftedPlace) -> bool:
    """Whether `place` is one of two towns joined into a road's name."""
    ordered = doc.places
    i = next((k for k, p in enumerate(ordered) if p.start == place.start and p.end == place.end), -1)
    for a, b in ((i - 1, i), (i, i + 1)):
        if i < 0 or a < 0 or b >= len(ordered):
            continue
        first, second = ordered[a], ordered[b]
        gap = doc.folded[first.end:second.start]
        if not _ROAD_JOIN.fullmatch(gap):
            continue
        road_before = _ROAD_BEFORE.search(doc.folded, max(0, first.start - 40), first.start)
        if road_before or (gap.strip() and _ROAD_AFTER.match(doc.folded, second.end)):
            return True
    return False


def _anchor_date(doc: Document) -> _ShiftedDate | None:
    """The date the report's lead gives (title or first sentences): what undated clauses mean."""
    lead_end = doc.sentences[min(3, len(doc.sentences)) - 1][1] if doc.sentences else 0
    for d in doc.dates:
        if d.start < lead_end and not _SINCE_BEFORE.search(doc.folded[max(0, d.start - 8) : d.start]):
            sentence = next(((s, e) for s, e in doc.sentences if s <= d.start < e), None)
            if sentence is not None and _toll_update_day(doc, d.start, *sentence):
                continue
            if sentence is not None and for_text(_PLUPERFECT_AR, doc.folded).search(doc.folded, sentence[0], d.start):
                continue  # "وكان المرصد قد وثق يوم أمس ...": an earlier day, recalled, not the lead's
            return d
    return None


# "وكان المرصد السوري قد وثق", "كانت الطائرات قد قصفت": what had happened before the report's news
_PLUPERFECT_AR: Final = re.compile(r"(?<!\w)[وف]?(?:كان|كانت|كانوا)\s+(?:\S+\s+){0,4}?قد(?!\w)")


def _toll_update_day(doc: Document, at: int, s_start: int, s_end: int) -> bool:
    """English: the date at ``at`` is the day a toll update was said ("the death toll from the blast rose to
    112, the monitor said on Sunday"), not the day of the event."""
    return (
        doc.language == "en"
        and bool(_SAID_BEFORE_EN.search(doc.folded, max(s_start, at - 40), at))
        and bool(_TOLL_RISE_EN.search(doc.folded, s_start, s_end))
    )


# Places that are not the scene: where the wounded were taken, where fighters withdrew or fled to,
# where a road leads ("نقل الي احد مشافي مدينه الحسكه", "انسحبوا نحو عمق الباديه", "taken to hospitals
# in Kilis").
_ELSEWHERE: Final = re.compile(
    r"(?<!\w)(?:[وف]?(?:نقل|نقلوا|نقلت|ونقل|اسعف|اسعفوا|اسعاف|"
    r"انسحب|انسحبوا|انسحبت|انسحاب|بانسحاب|فروا|فر|فرار|هربوا|هرب|المؤدي|المؤديه|الواصل|الواصله)"
    r"(?: \S+){0,4}\s*$)|"
    r"\b(?:taken (?:across \S+ \S+ )?to|rushed to|left (?:\S+ ){0,5}?for|displaced to|headed for|"
    r"transferred to|evacuated to|fled (?:to|towards?)|"
    r"withdrew (?:to|towards?)|retreated (?:to|towards?)|road (?:to|leading to))(?: \S+){0,4}\s*$"
)
_WITHDRAWN_TO: Final = re.compile(
    r"(?:انسحب|انسحاب|فر|فرار|هرب|withdr|retreat|fled)[^.]{0,70}(?<!\w)(?:نحو|باتجاه|towards?|to)"
    r"(?: \S+)?\s*$"
)
# "شارع راجو وسط مدينة عفرين", "on Raju Street": a street or roundabout named after a town is not that town.
_STREET_BEFORE: Final = re.compile(r"(?<!\w)[وبف]?(?:ال)?(?:شارع|دوار)\s+$")
_STREET_AFTER: Final = re.compile(r"\s+(?:street|roundabout)\b")
# "ليرتفع إلى 412 عدد القتلى في البادية منذ مطلع العام", "in Idlib since the start of the year": the area
# a running total covers, not the scene of the event.
_TOTAL_SCOPE_AFTER: Final = re.compile(
    r"\s+(?:(?:منذ|خلال)\s+(?:مطلع|بدايه|بدء|اول)|since\s+the\s+(?:start|beginning)\s+of|"
    r"since\s+(?:early\s+)?(?:january|the\s+new\s+year))(?!\w)"
)
_FOREIGN_STRIKERS: Final = {"Military Forces of Israel", "Military Forces of the United States", "Coalition"}
_MILITARY_TARGET: Final = re.compile(
    r"(?:مطار|قاعده|ثكنه|كتيبه|مواقع|موقع|مقر)\S* (?:\S+ ){0,2}?"
    r"(?:العسكري|العسكريه|للجيش|لقوات النظام|الجويه)|"
    r"military (?:airport|air ?base|bases?|positions?|posts?|sites?|facilit\w+|outposts?|depots?|convoys?)|"
    r"army (?:\w+ )?(?:positions?|bases?|posts?|outposts?|depots?|warehouses?)|air ?base"
)
_CLAIM: Final = re.compile(
    r"\bclaim\w* (?:the )?responsibility|\bresponsibility (?:was )?claimed|"
    # "IS said ... that one of its fighters carried out the attack"
    r"\b(?:said|says|announced|stated) (?:[^\s.;]+ ){0,8}?(?:that )?(?:one of )?its (?:\w+ )?(?:fighters?|members?|"
    r"militants?|suicide bombers?|martyrs?|soldiers?|men) (?:had )?(?:carried out|conducted|executed|was behind|"
    r"were behind) (?:the|this|that) (?:attack|bombing|blast|operation)|"
    r"\b(?:is|are|was|were) (?:widely )?(?:believed|thought|suspected) to (?:be|have been) behind\b|"
    r"(?<!\w)[وف]?(?:تبنت|تبنوا|"
    r"تبني (?:\S+ ){0,4}?(?:الهجوم|الهجمات|التفجير|التفجيرات|العمليه|الاعتداء|الغاره|القصف)|"
    r"اعلن\S* (?:\S+ )?مسؤوليته|"
    r"اعلنت (?:\S+ )?مسؤوليتها|اعلن تبنيه|اعلنت تبنيها)"
)


# An aircraft, drone or missile named with its owner's nationality ("طائره مسيره سوريه", "درون ايرانيه").
_WEAPON_OF: Final = re.compile(
    r"(?<!\w)[وبل]?(?:ال)?(?:طائره|طائرات|مسيره|درون|مقاتله|صاروخ|صواريخ)(?:\s+(?:ال)?(?:مسيره|حربيه|مقاتله|"
    r"بدون طيار|دون طيار|بلا طيار))?\s+(?:ال)?(?P<nat>سوري|سوريه|ايراني|ايرانيه|اسرائيلي|اسرائيليه|روسي|روسيه|"
    r"تركي|تركيه)(?!\w)"
)
_NATIONAL_FORCES: Final = (
    ("سور", "Military Forces of Syria"),
    ("اير", "Military Forces of Iran"),
    ("اسر", "Military Forces of Israel"),
    ("روس", "Military Forces of Russia"),
    ("ترك", "Military Forces of Turkey"),
)


def _weapon_owner(doc: Document, cand: Candidate, interceptor: str = "") -> str:
    """The state whose aircraft, drone or missile the candidate's sentence (or the title, or the
    next sentence: "أطلقت إسرائيل صاروخا على طائرة ... وقالت مصادر إنه أصاب الطائرة السورية") names."""
    spans = [doc.sentences[cand.sentence]] + ([(0, doc.title_end)] if doc.title_end else [])
    spans += doc.sentences[cand.sentence + 1 : cand.sentence + 2]
    for start, end in spans:
        for m in _WEAPON_OF.finditer(doc.folded, start, end):
            owner = next((name for stem, name in _NATIONAL_FORCES if m.group("nat").startswith(stem)), "")
            if owner and owner != interceptor:
                return owner
    return ""


_NO_CLAIM_BEFORE: Final = re.compile(
    r"\b(?:no one|nobody|no group|none|not|never|yet to|n't)(?: (?:immediately|yet|so far|publicly))?"
    r" (?:has |had |have )?$"
)




def _claimed_by(doc: Document) -> str:
    """The armed group that claimed the attack, named in the claim's sentence ("" when none)."""
    if doc.claimer is None:
        doc.claimer = ""
        if not may_match(_CLAIM, doc.folded):
            return doc.claimer  # (none of the literals every claim holds: the scan of the whole text is spared)
        for match in quick(for_text(_CLAIM, doc.folded)).finditer(doc.folded):
            if _NO_CLAIM_BEFORE.search(doc.folded, max(0, match.start() - 30), match.start()):
                continue  # "no group has claimed responsibility for the bombing; officials accused ..."
            near = [a for a in doc.actors if abs(a.start - match.start()) < 60 and a.name not in ("Civilians",)]
            if near:
                doc.claimer = min(near, key=lambda a: abs(a.start - match.start())).name
                break
    return doc.claimer


def _is_speaker(folded: str, start: int, end: int) -> bool:
    """A capital that speaks ("أكدت بغداد", "Moscow said") is a government, not a place."""
    return bool(
        searcher(_SPEAKER_BEFORE, folded)(folded[max(0, start - 28) : start])
        or matcher(_SPEAKER_AFTER, folded)(folded[end : end + 40])  # (the text's variant, its literals first)
    )


def _territory_type(cand: Candidate) -> str:
    if cand.sub_event_type != _TERRITORY:
        return cand.sub_event_type
    if cand.roles.actor1 in GOVERNMENT_SIDE:
        return "Government regains territory"
    return _TERRITORY


def _finalize_type(cand: Candidate) -> str:
    sub = _territory_type(cand)
    if (
        sub == "Shelling/artillery/missile attack"
        and cand.roles.actor1 in _AIR_ONLY
        and all(_GENERIC_SHELL.match(cand.words.get(t.start, "")) for t in cand.triggers)
    ):
        return "Air/drone strike"  # "قصف روسي", "Israeli bombardment": from the air
    if (
        sub == "Shelling/artillery/missile attack"
        and cand.roles.actor1 == "Military Forces of Israel"
        and all(_MISSILE_WORD.match(cand.words.get(t.start, "")) for t in cand.triggers)
    ):
        return "Air/drone strike"  # "الصواريخ الاسرائيليه": Israel's missiles in Syria are fired by its jets
    if (
        sub in ("Shelling/artillery/missile attack", "Armed clash", "Attack")
        and cand.roles.actor1 in _AIR_ONLY
        and cand.triggers
        and all(
            _GENERIC_SHELL.match(w)
            or (_GENERIC_ATTACK.match(w) and not w.isascii())
            or (cand.roles.actor1 == "Military Forces of Israel" and _MISSILE_WORD.match(w))
            for w in (cand.words.get(t.start, "") for t in cand.triggers)
        )
    ):
        return "Air/drone strike"  # "صاروخ إسرائيلي ... خلال الهجمات التي شنتها تل أبيب": one attack from the air
    if (
        sub in ("Armed clash", "Attack")
        and cand.roles.actor1 in _AIR_ONLY
        and all(_GENERIC_ATTACK.match(w) and not w.isascii() for w in cand.words.values())
    ):
        return "Air/drone strike"  # "الهجمات التي شنتها تل أبيب": Israel's (the coalition's) attacks come from the air
    if (
        sub == "Remote explosive/landmine/IED"
        and cand.roles.actor1 in AIR_CAPABLE
        and all(_BOMBING_EN.match(cand.words.get(t.start, "")) for t in cand.triggers)
    ):
        return "Air/drone strike"  # "the coalition's bombing of Raqqa": bombs from aircraft
    if (
        sub == "Attack"
        and (cand.armed_victims or (cand.roles.actor2 and cand.roles.actor2 not in ("Civilians", "")))
        and not cand.civilian_victims
        and not any(t.rule.name == "execute" for t in cand.triggers)  # executed captives: still an Attack
        and not cand.captive_victims  # armed men killed in captivity are unarmed victims (an Attack)
    ):
        return "Armed clash"
    if sub == "Attack" and cand.roles.actor1 == "Civilians":
        return ""
    if (
        sub == "Armed clash"
        and cand.civilian_victims
        and not cand.armed_victims
        and cand.roles.actor2 in ("Civilians", "")
        and all(_GENERIC_ATTACK.match(w) or _SHOOTING_EN.match(w) for w in cand.words.values())
        and re.search(r"[a-z]", "".join(cand.words.values()))
    ):
        return "Attack"  # "IS fighters attacked a village, killing 20 civilians": violence against civilians
    return sub


def _assign_casualties(
    doc: Document,
    index: int,
    cands: list[Candidate],
    carry: Candidate | None,
    first_body: Candidate | None = None,
    totals: frozenset[int] = frozenset(),
    tolls: list[list[Casualties]] | None = None,
) -> None:
    s_start, s_end = doc.sentences[index]
    for c in tolls[index] if tolls is not None else find_casualties(doc.folded, s_start, s_end):
        if c.count in totals and c.count > 1 and c.qualifier != "convention":
            continue  # a running total restated without its "since"
        owner: Candidate | None = None
        if _note_coding(doc, c) and first_body is not None:
            first_body.casualties.append(c)  # a note's own coding is about its main event
            continue
        same_clause = [k for k in cands if _in(k.clause, c.start)]
        if same_clause:
            owner = (_object_of(doc, same_clause, c) if len(same_clause) > 1 else None) or min(
                same_clause, key=lambda k: k.start
            )
        elif cands:
            owner = cands[0]
        elif carry is not None and not doc.in_title(s_start) and not carry.in_title:
            owner = carry
        if (
            owner is not None
            and doc.language == "en"
            and c.kind == "killed"
            and c.count
            and _ALT_TOLL_BEFORE.search(doc.folded, max(s_start, c.start - 50), c.start)
            and any(
                o.kind == "killed" and o.count and o.qualifier != "convention"
                for o in owner.casualties + (first_body.casualties if first_body is not None else [])
            )
        ):
            continue  # "rescuers gave a higher toll of 26": another source's figure for a toll already told
            # (a figure after "several were killed" is the number the vague word stood for)
        if (
            owner is not None
            and doc.language == "ar"
            and c.kind == "killed"
            and for_text(_TOLL_NOT_REPORTED, doc.folded).search(doc.folded, max(s_start, c.start - 80), c.start)
        ):
            continue  # "الاتهامات بالتورط في قتل مئات المدنيين": the killing of an accusation, not another event's
        if owner is not None:
            owner.casualties.append(c)
            if c.count and (_CIVILIAN_NOUN.match(doc.folded, c.start) or _CIVILIAN_NOUN.match(doc.folded, c.end)):
                owner.civilian_victims = True  # "قتل رجل وزوجته برصاص عناصر حاجز": the dead were civilians


_COUNT_GAP_EN: Final = re.compile(r"\s*(?:(?:at least|more than|over|some|about|around|nearly|up to|almost)\s+)?")


def _object_of(doc: Document, cands: list[Candidate], c: Casualties) -> Candidate | None:
    """English: the event whose own verb takes the count as its object ("the attack came as troops had
    executed 48 people"): that event's toll, not the first event of the clause. Only a past form is taken
    for a verb ("shelling 9 fighters" may be a noun before the count); bare "killed" is no such verb."""
    if doc.language != "en":
        return None
    for k in cands:
        for at, word in k.words.items():
            end = at + len(word)
            if end <= c.start and c.start - end <= 20 and word.endswith("ed") and not _BARE_KILL.match(word):
                if _COUNT_GAP_EN.fullmatch(doc.folded, end, c.start):
                    return k
    return None


_ALT_TOLL_BEFORE: Final = re.compile(
    r"\b(?:gave|give|gives|giving|put|puts|putting|placed|places|reported|reports|cited)\s+(?:a|the|an)\s+"
    r"(?:\w+\s+){0,2}?(?:death\s+)?toll\s+(?:of|at)\s+(?:at least\s+|more than\s+|over\s+|around\s+|nearly\s+)?$"
)
_SPLIT_SENTENCE = re.compile(r"\b(?:split|spread|coded to|coded at|coded as|noted in this|coded \d+ (?:in|at|to))\b")
_THIS_PLACE: Final = re.compile(
    r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:fatalities |deaths )?(?:were |are )?"
    r"noted in this (?:location|area)|"
    r"(\d+) (?:fatalities |deaths )?(?:were )?coded to (?:this (?:location|event|area)|(?:fighting at )?each "
    r"(?:location|event|area|town|village))|(?:split|spread)\W+(\d+) each|(\d+) each (?:among|between|to)|"
    r"with (\d+) coded to each"
)


_SPREAD_WORD: Final = r"(?:split|spread|distributed|divided|allocated)"  # a toll spread over places or events
_SPREAD: Final = re.compile(rf"\b{_SPREAD_WORD}\b")
_NUMBER_WORD: Final = {**EN_UNITS, "both": 2}
_EACH: Final = re.compile(
    r"\beach (?:\w+ )?allocated (\d+)|\ballocated (\d+) each|\b(\d+|two|three|four|five) each\b|"
    r"\beach (?:location|event|area) (?:was )?(?:allocated|given|coded) (\d+)"
)
_OVER_N: Final = re.compile(
    r"\b(?:between|among|across|over|to) (?:the |all |these )?(\d+|two|three|four|five|six|seven|eight|both) "
    r"(?:\w+ )?(?:locations|events|areas|villages|towns|places|activities|sites|fronts|neighbou?rhoods)\b|"
    r"\b(?:between|among) (?:the )?(two|both) (?:events|locations)\b"
)
# The toll is what is spread: told before the word that spreads it ("fatalities split evenly", "coded as 10
# and divided") or right after it ("Distributed fatalities over ...").
_TOLL_SPREAD: Final = re.compile(
    rf"(?:fatalit|deaths?\b|killed|coded|casualt)[^.]*?\b{_SPREAD_WORD}\b"
    rf"|\b{_SPREAD_WORD} (?:the )?(?:\w+ )?(?:fatalit|deaths|casualt)"
)
_OVER_LIST: Final = re.compile(
    r"\b(?:split|spread|distributed|divided)\b[^.]{0,60}?\b(?:between|among|across|over|in)\b"
    r"(?: the activities in| activities in| location| the locations of| locations)? ([^.;:]+)"
)


_CODED_TOTAL: Final = re.compile(r"\bcoded (?:as |to |at )?\d+ (?:fatalities|deaths)\b")




def _notes_split(doc: Document) -> bool:
    """Whether the text codes or spreads its fatalities (ACLED notes), found once per report."""
    if doc.split_words is None:
        folded = doc.folded
        # (`may_match`: the literals every match of a pattern holds, derived from the pattern itself, spare
        # most reports the scans)
        doc.split_words = bool(
            "coded" in folded
            or (may_match(_SPLIT_SENTENCE, folded) and for_text(_SPLIT_SENTENCE, folded).search(folded))
            or (may_match(_SPREAD, folded) and for_text(_SPREAD, folded).search(folded))
        )
    return doc.split_words


def _even_share(doc: Document, cand: Candidate, total: int) -> Casualties | None:
    """ACLED notes that spread a total over N places or events without naming this place's share
    ("split evenly between the 2 locations", "distributed over the activities in A, B and C",
    "each allocated 5"): the even share, the first places taking the remainder."""
    for s_start, s_end in doc.sentences:
        sentence = doc.folded[s_start:s_end]
        if not for_text(_SPREAD, sentence).search(sentence) and "each" not in sentence:
            continue
        each = _EACH.search(sentence)
        if each:
            word = next(g for g in each.groups() if g)
            count = int(word) if word.isdigit() else _NUMBER_WORD.get(word, 0)
            if 0 < count < total:
                return Casualties(
                    "killed", count, "convention", s_start + each.start(), s_start + each.end(), s_start + each.end()
                )
        spread = _SPREAD.search(sentence)
        if spread is None or not _TOLL_SPREAD.search(sentence, 0, spread.end() + 30):
            continue  # "the city has been divided between ... and causing civilian casualties": no toll spread
        if any(_CODED_TOTAL.search(doc.folded, a, b) for a, b in doc.sentences if a > s_start):
            return None  # "Coded 6 fatalities." after the spread: the note's own figure
        over = _OVER_N.search(sentence)
        places = 0
        position = 0
        if over:
            word = next(g for g in over.groups() if g)
            places = int(word) if word.isdigit() else _NUMBER_WORD.get(word, 0)
        else:
            listed = _OVER_LIST.search(sentence)
            if listed:
                items = [i.strip() for i in re.split(r",|\band\b|&", listed.group(1)) if i.strip()]
                places = len(items) if 2 <= len(items) <= 12 else 0
                name = cand.place.location.name.lower() if cand.place is not None else ""
                here = doc.folded[cand.place.start : cand.place.end] if cand.place is not None else ""
                position = next(
                    (k for k, item in enumerate(items) if name and (name in item or (here and here in item))), 0
                )
        if places >= 2 and total >= places:
            share = total // places + (1 if position < total % places else 0)
            return Casualties("killed", share, "convention", s_start, s_end, s_end)
    return None


def _split_sentences(doc: Document) -> list[tuple[int, int]]:
    """The sentences that split or code a toll (`_SPLIT_SENTENCE`), found once per report."""
    if doc.split_sentences is None:
        doc.split_sentences = [
            (s_start, s_end)
            for s_start, s_end in doc.sentences
            if for_text(_SPLIT_SENTENCE, sentence := doc.folded[s_start:s_end]).search(sentence)
        ]
    return doc.split_sentences


def _spread_sentences(doc: Document) -> list[tuple[int, int]]:
    """The sentences that spread, split or code a toll (`_SPREAD`, `_SPLIT_SENTENCE`), found once per report."""
    if doc.spread_sentences is None:
        doc.spread_sentences = [
            (s_start, s_end)
            for s_start, s_end in doc.sentences
            if for_text(_SPREAD, sentence := doc.folded[s_start:s_end]).search(sentence)
            or quick(_SPLIT_SENTENCE).search(sentence)
        ]
    return doc.spread_sentences


_OWN_NAME_PREFIX: Final = re.compile(r"^(?:the )?(?:(?:vicinity|outskirts|surroundings) of (?:the )?)?(?:al[- ])?")


def _coded_share(doc: Document, cand: Candidate) -> Casualties | None:
    """ACLED notes split a total over places ("7 Kabani, 6 Haddada", "9 coded to Quriyeh",
    "6 fatalities coded to this location"): the share of this event's place, when it is named."""
    names: list[str] = []
    if cand.place is not None:
        names.append(doc.folded[cand.place.start : cand.place.end])
        names.append(cand.place.location.name.lower())
    # "the vicinity of Tafas", "the outskirts of al-Mzeireeb": the place's own name
    names = [_OWN_NAME_PREFIX.sub("", n).strip() for n in names if n]
    for s_start, s_end in _split_sentences(doc):
        sentence = doc.folded[s_start:s_end]
        here = _THIS_PLACE.search(sentence)
        if here:
            word = next(g for g in here.groups() if g)
            return Casualties(
                "killed",
                int(word) if word.isdigit() else EN_UNITS[word],
                "convention",
                s_start + here.start(),
                s_start + here.end(),
                s_start + here.end(),
            )
        for name in dict.fromkeys(names):
            if len(name) < 3:
                continue
            escaped = re.escape(name)
            match = re.search(
                rf"(\d+) (?:fatalities |deaths )?(?:were )?coded to (?:fighting (?:at|in) )?"
                rf"(?:the )?(?:al[- ])?{escaped}|(?<![\w-])(?:al[- ])?{escaped}"
                rf"(?: (?:area|town|city|village|district|neighbou?rhood|camp|countryside))?:? (\d+)\b|"
                rf"coded to (?:al[- ])?{escaped} (\d+)|(?<![\w.])(\d+) (?:al[- ])?{escaped}\b|"
                rf"(?<![\w.])(\d+) (?:fatalities |deaths )(?:in|at|to) (?:the )?(?:al[- ])?{escaped}\b",
                sentence,
            )
            if match:
                count = int(next(g for g in match.groups() if g))
                return Casualties(
                    "killed",
                    count,
                    "convention",
                    s_start + match.start(),
                    s_start + match.end(),
                    s_start + match.end(),
                )
    for s_start, s_end in _spread_sentences(doc):
        sentence = doc.folded[s_start:s_end]
        for name in dict.fromkeys(names):
            share = _allocated_to(sentence, name) if len(name) >= 3 else None
            if share is not None:
                count, a, b = share
                return Casualties("killed", count, "convention", s_start + a, s_start + b, s_start + b)
    return None


_SHARE_N: Final = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
_PLACE_WORD: Final = r"(?: (?:area|areas|town|city|village|neighbou?rhood|camp|front|countryside))?"
# another place of the same list; an item never holds " and " (else a long list splits exponentially many ways)
_LISTED: Final = r"(?:(?!,? and )[^\d,;.()]){2,40}?"


def _allocated_to(sentence: str, name: str) -> tuple[int, int, int] | None:
    """The share a note allocates to a named place, in the forms ACLED coders write ("with Aleppo allocated
    12", "Qusayr (2)", "Hama and Homs each allocated 4", "3 each allocated to Idlib and Ariha", "5 to
    Saraqib", "Tadmur six"): (count, start, end) in ``sentence``, or None."""
    if name not in sentence:
        return None  # (both patterns below hold the name as written: no need to build them)
    escaped = rf"(?<![\w-])(?:al[- ])?{re.escape(name)}(?![\w-]){_PLACE_WORD}"
    after = re.search(
        rf"{escaped}(?: \(|:? ){_SHARE_N}(?! (?:fatalit|deaths?\b|each )?(?:to|in|at)\b)|"
        rf"{escaped}(?:(?:,|,? and) {_LISTED})*,? (?:were |are |was |is )?(?:each )?(?:allocated|coded|given)"
        rf"(?: with)? {_SHARE_N}",
        sentence,
    )
    before = re.search(
        rf"(?<![\w.]){_SHARE_N}(?: fatalities| fatality| deaths)?(?: each)?(?: were| are)?"
        rf"(?: coded| allocated| distributed)?(?: each)? (?:to|in|at|for)(?: each)?(?: fighting (?:at|in))?(?: the)? "
        rf"(?:{_LISTED}(?:,|,? and) )*{escaped}",
        sentence,
    )
    found = after or before
    if found is None:
        return None
    word = next(g for g in found.groups() if g)
    count = int(word) if word.isdigit() else EN_UNITS[word]
    return count, found.start(), found.end()


_RAISED_TO: Final = re.compile(
    r"(?<!\w)(?:ليرتفع|يرتفع|لترتفع|ترتفع|ارتفع|ارتفعت|يرفع|ليرفع|ترفع|لترفع)\s+(?:\S+\s+){0,4}?(?:الي|ل)\s*"
    r"(?:نحو\s+|قرابه\s+|حوالي\s+)?$"
)


def _note_coding(doc: Document, c: Casualties) -> bool:
    """A note's own coding of its toll ("coded as 10", "for a total of 12"): about its main event."""
    return c.qualifier == "convention" and (c.total or c.extra or "coded" in doc.folded[c.start : c.end])


def _toll(
    doc: Document, casualties: list[Casualties], kind: str, actors: list[ActorMention]
) -> tuple[int | None, str | None, list[Casualties]]:
    """Fatalities (or injured) of an event, with what a note adds to them ("one extra fatality coded for the
    driver"), unless the note's own total already holds it."""
    extra = [c for c in casualties if c.extra and c.kind == kind]
    count, qualifier, chosen = _sided_toll(doc, [c for c in casualties if not c.extra], kind, actors)
    if not extra or (chosen and chosen[0].total):
        return count, qualifier, chosen
    return (count or 0) + sum(c.count for c in extra), qualifier or "convention", chosen + extra


def _sided_toll(
    doc: Document, casualties: list[Casualties], kind: str, actors: list[ActorMention]
) -> tuple[int | None, str | None, list[Casualties]]:
    """Fatalities (or injured) of an event: per side the largest statement, summed over sides."""
    items = [c for c in casualties if c.kind == kind]
    if not items:
        return None, None, []
    numbered = [c for c in items if not c.zero]
    if not numbered:
        return 0, "exact", items[:1]
    if any(_note_coding(doc, c) for c in numbered):
        coded = [c for c in numbered if _note_coding(doc, c)]
        coded.sort(key=lambda c: not c.total)  # "coded as 10 ... Total fatalities coded as 15": the note's total
        return coded[0].count, "convention", coded[:1]
    if len(numbered) > 1 and kind == "killed":
        lowest = _lowest_of_conflicting(doc, numbered) if doc.language == "ar" else _lowest_of_rivals_en(doc, numbered)
        if lowest is not None:
            return lowest.count, lowest.qualifier, [lowest]
    if doc.language == "ar":
        raised = [c for c in numbered if _RAISED_TO.search(doc.folded, max(0, c.start - 70), c.start)]
        if raised:  # "مما يرفع حصيلة القتلى إلى 27": the event's updated toll holds the dead counted before it
            top = max(raised, key=lambda c: c.count)
            return top.count, top.qualifier, [top]
    per_side: dict[str, Casualties] = {}
    for c in numbered:
        side = next(
            (
                a.name
                for a in actors
                if c.end <= a.start <= c.side_at + 24
                and not _past_the_victims(doc, c, a.start)
                and not _next_count_between(doc, c, a.start, numbered)
            ),
            "",
        )
        if not side:
            side = next(
                (
                    a.name
                    for a in actors
                    if c.start - 30 <= a.start < c.start
                    and a.end <= c.start
                    # "عنصرين من قسد، الي جانب ثلاثه من المهاجمين": the side named belongs to the toll before
                    and not any(o.end <= a.start <= o.side_at + 24 for o in numbered if o is not c)
                ),
                "?",
            )
        best = per_side.get(side)
        if best is None or _told_better(c, best):
            per_side[side] = c
    kept_sides: list[tuple[str, Casualties]] = []
    for side, c in list(per_side.items()):
        if side != "?" and any(  # "40 government soldiers" ... "40 pro-regime fighters": one toll restated
            o.count == c.count and same_side(s, side) and not _same_sentence(doc, o.start, c.start)
            for s, o in kept_sides
        ):
            del per_side[side]
            continue
        kept_sides.append((side, c))
    chosen = list(per_side.values())
    unknown = per_side.get("?")
    sided = [c for s, c in per_side.items() if s != "?"]
    total_sided = sum(c.count for c in sided)
    if unknown is not None:
        # An unattributed figure beside attributed ones in one sentence is one more side ("two soldiers
        # of the army and five gunmen of a jihadist group"); elsewhere it restates the total.
        beside = any(_same_sentence(doc, unknown.start, c.start) for c in sided)
        if beside and _bare_restated(doc, unknown, sided):
            beside, chosen = False, sided
        if not beside and not _other_side(doc, unknown, sided):
            chosen = [unknown] if _unknown_tells_total(unknown, sided, total_sided) else sided
    if all(c.qualifier == "convention" for c in chosen):
        chosen = [max(chosen, key=lambda c: c.count)]  # "dozens" said twice is still dozens
    total = sum(c.count for c in chosen)
    qualifiers = {c.qualifier for c in chosen}
    if len(qualifiers) == 1:
        qualifier = qualifiers.pop()
    else:
        qualifier = next(q for q in ("convention", "about", "at_least", "more_than", "exact") if q in qualifiers)
    return total, qualifier, chosen


# "وأفادت تقارير أخرى بمقتل 20", "وقال شاهد إن 16 قتلوا": another informant's figure for the same dead.
_OTHER_INFORMANT_BEFORE: Final = re.compile(
    r"(?<!\w)(?:(?:تقارير|مصادر|حصيله|حصائل|روايه|ارقام|تقديرات)\s+(?:\S+\s+)?(?:اخري|مختلفه)|مصدر\s+(?:\S+\s+)?اخر|"
    r"[وف]?(?:ال)?(?:شاهد|شهود)(?: عيان)?)(?!\w)"
)


# "قتلت 5 أشخاص، خلافا لأرقام نشرتها مصادر أخرى": the figure is told as contradicting another's.
_CONTRADICTS_AFTER: Final = re.compile(
    r"[^.]{0,120}?(?<!\w)(?:وهو ما|ما)?\s*(?:يخالف|تخالف|يناقض|يتناقض|تتناقض|خلافا ل|بخلاف)(?!\w)"
)


def _lowest_of_conflicting(doc: Document, numbered: list[Casualties]) -> Casualties | None:
    """Tolls of one event that other informants give differently ("قالت مصادر محلية إن 6 لقوا حتفهم، فيما
    تحدثت مصادر أخرى عن 13 قتيلا"): ACLED codes the lowest of conflicting figures."""
    pattern = for_text(_OTHER_INFORMANT_BEFORE, doc.folded)
    other = [
        c
        for c in numbered
        if (s := pattern.search(doc.folded, max(0, c.start - 60), c.start)) is not None
        and not _SEGMENT_BREAK.search(doc.folded, s.end(), c.start)
    ] or [c for c in numbered if for_text(_CONTRADICTS_AFTER, doc.folded).match(doc.folded, c.end)]
    if not other or len({c.count for c in numbered}) < 2:
        return None
    return min(numbered, key=lambda c: c.count)


# A figure told in a sentence of its own and put in the mouth of another kind of informant ("Opposition media
# said more than 20 were dead", "according to local sources, 15 died"); not an update ("rose to", "later", "now").
_RIVAL_SOURCE_EN: Final = re.compile(
    r"\b(?:opposition|rebel|local|pro-government|government|state|activist|kurdish|turkish|russian|other|"
    r"medical|hospital|rescue|civil defen[cs]e)\s+(?:[\w-]+\s+)?(?:media|sources?|outlets?|officials|reports|medics|"
    r"doctors|websites?|television|tv|news agency|workers|activists|residents|witnesses|monitors)\b"
    r"(?:[^.;]{0,60}?)\b(?:said|say|says|reported|reports|claimed|claims|put|gave|gives|cited|told)\b|"
    r"\baccording to (?:the )?(?:opposition|rebel|local|pro-government|state|activist|other|medical|hospital|rescue)\b"
)
_UPDATE_EN: Final = re.compile(
    r"\b(?:rose|risen|rising|climbed|climbs|reached|rises|jumped|increased|updated|later|now|new|raised|revised)\b"
)
_GENERIC_DEAD_AFTER_EN: Final = re.compile(r"\s*(?:people|persons|were|had|have|died|dead|killed|lost)\b|\s*[.,]")


def _lowest_of_rivals_en(doc: Document, numbered: list[Casualties]) -> Casualties | None:
    """English: one event's toll given again by another informant in a later sentence with another figure ("A car
    bomb killed at least nine people ... Opposition media said more than 20 were dead"): ACLED codes the most
    conservative figure. Only one count per sentence, the later ones attributed and none an update, and the
    later ones of no named group of their own ("20 soldiers" after "5 rebels" is the other side's toll)."""
    if any(c.qualifier == "convention" for c in numbered) or len({c.count for c in numbered}) < 2:
        return None
    ordered = sorted(numbered, key=lambda c: c.start)
    spans = [next(((a, b) for a, b in doc.sentences if a <= c.start < b), (c.start, c.end)) for c in ordered]
    if len(set(spans)) != len(ordered) or any(doc.in_title(a) for a, _ in spans):
        return None
    for c, (a, b) in zip(ordered[1:], spans[1:], strict=True):
        told = doc.folded[a : c.start]
        if not _RIVAL_SOURCE_EN.search(told) or _UPDATE_EN.search(doc.folded, a, b):
            return None
        if not _GENERIC_DEAD_AFTER_EN.match(doc.folded, c.end):
            return None
    return min(ordered, key=lambda c: c.count)


# "a civilian was killed as terrorists fired", "4 people were killed by IS": past the verb or "by", a name
# is the attacker, not the side the dead belonged to.
_PAST_VICTIMS_EN: Final = re.compile(r"\b(?:was|were|by|as|when|after|while|during)\b")


def _past_the_victims(doc: Document, c: Casualties, at: int) -> bool:
    return doc.language == "en" and _PAST_VICTIMS_EN.search(doc.folded, c.side_at, at) is not None


def _next_count_between(doc: Document, c: Casualties, at: int, numbered: list[Casualties]) -> bool:
    """English: "11 soldiers and 15 militants": a name after the next count is that count's side."""
    return doc.language == "en" and any(c.end < o.start < at for o in numbered)


def _bare_restated(doc: Document, unknown: Casualties, sided: list[Casualties]) -> bool:
    """A bare count ("kills six and wounds 19") beside the same count of a named side ("killed six people"):
    one toll told twice, as when a subtitle runs into the first sentence."""
    noun = doc.folded[unknown.end : unknown.side_at].strip()
    return noun in ("", "and", "in", "from", "of") and any(
        c.count == unknown.count and c.kind == unknown.kind for c in sided
    )


def _told_better(c: Casualties, best: Casualties) -> bool:
    """Of two tolls of one side, the one to keep: a number the text gives beats ACLED's convention for a
    vague quantity ("several were killed ... put the toll at six"), else the larger."""
    if (c.qualifier == "convention") != (best.qualifier == "convention"):
        return best.qualifier == "convention"
    return c.count > best.count


def _unknown_tells_total(unknown: Casualties, sided: list[Casualties], total_sided: int) -> bool:
    """Whether an unattributed toll, told apart from the sided ones, is the event's total: the larger, unless
    only one of them is a number ("several people were killed" ... "put the toll at seven")."""
    vague_unknown = unknown.qualifier == "convention"
    vague_sided = all(c.qualifier == "convention" for c in sided)
    if vague_unknown != vague_sided:
        return vague_sided
    return unknown.count >= total_sided


_COMBATANT_NOUN: Final = re.compile(
    r"\s*(?:[وفبل]?(?:ال)?(?:مسلحا|مسلحين|مسلح|مقاتلا|مقاتلين|مقاتل|جهاديا|جهاديين|ارهابيا|ارهابيين|"
    r"متشددا|متشددين|عنصرا|عناصر|جنديا|جنود|عسكريا|عسكريين)(?!\w)|(?:militants?|fighters?|jihadists?|"
    r"insurgents?|gunmen|soldiers?|troops|rebels?|attackers?)\b)"
)


def _other_side(doc: Document, unknown: Casualties, sided: list[Casualties]) -> bool:
    """ "4 Russian soldiers were killed ... 43 militants were killed in the same battle": a count of
    combatants of another kind, in another sentence, is the other side's toll, not a restated total."""
    match = _COMBATANT_NOUN.match(doc.folded, unknown.end)
    if match is None or any(c.count == unknown.count for c in sided):
        return False
    noun = match.group().strip()
    s_start, s_end = next((a, b) for a, b in doc.sentences if a <= unknown.start < b)
    if not _SAME_EVENT.search(doc.folded, s_start, s_end):
        return False
    return all(
        (m := _COMBATANT_NOUN.match(doc.folded, c.end)) is not None and m.group().strip()[:4] != noun[:4] for c in sided
    )


_SAME_EVENT: Final = re.compile(
    r"(?<!\w)(?:نفس|ذات|ذاته|ذاتها|نفسها|نفسه|ايضا|كذلك|المقابل)(?!\w)|\b(?:same|also|in turn|meanwhile)\b"
)


def _same_sentence(doc: Document, a: int, b: int) -> bool:
    return any(s <= a < e and s <= b < e for s, e in doc.sentences)


# "the clashes", "during the fighting": fighting told before, named again (English).
_THE_FIGHTING_EN: Final = re.compile(r"\b(?:the|these|those) (?:clash|clashes|fighting|battle|battles)$")


def _the_fighting_again(doc: Document, cand: Candidate) -> bool:
    """Whether an English candidate names the fighting told before ("one civilian was killed in the clashes"
    a sentence or two after "clashes took place between A and B"), its other triggers only a killing."""
    if doc.language != "en":
        return False
    named = False
    for t in cand.triggers:
        word = cand.words.get(t.start, "")
        if _THE_FIGHTING_EN.search(doc.folded, max(0, t.start - 8), t.start + len(word)):
            named = True
        elif not _BARE_KILL.match(word):
            return False
    return named


def _compatible(a: Candidate, b: Candidate) -> bool:
    ta, tb = _finalize_type(a), _finalize_type(b)
    if ta != tb and not (tb == "Armed clash" and ta in _TERRITORIAL and b.sentence > a.sentence):
        return False
    pair_a = {a.roles.actor1, a.roles.actor2} - {""}
    pair_b = {b.roles.actor1, b.roles.actor2} - {""}
    fighting_again = b.fighting_again and b.sentence > a.sentence  # "6 fighters were killed during the clashes"
    if not (pair_a <= pair_b or pair_b <= pair_a or fighting_again):
        for x, y in ((a.roles.actor1, b.roles.actor1), (a.roles.actor2, b.roles.actor2)):
            if x and y and x != y and not same_side(x, y):
                return False
    if a.sentence == b.sentence and ta == tb and pair_a and pair_a == pair_b:
        return True  # one sentence, one kind of violence between the same sides: one event, several places
    if a.place is not None and b.place is not None and a.place.location.name != b.place.location.name:
        return False
    if a.date_mention is not None and b.date_mention is not None:
        a0, a1 = a.date_mention.date, a.date_mention.end_date or a.date_mention.date
        b0, b1 = b.date_mention.date, b.date_mention.end_date or b.date_mention.date
        return a0 <= b1 and b0 <= a1
    return True


def _merge(into: Candidate, other: Candidate) -> None:
    into.triggers.extend(other.triggers)
    into.words.update(other.words)
    into.casualties.extend(other.casualties)
    for role in ("actor1", "actor2"):
        if not getattr(into.roles, role) and getattr(other.roles, role):
            setattr(into.roles, role, getattr(other.roles, role))
            if role in other.roles.spans:
                into.roles.spans[role] = other.roles.spans[role]
    for name in other.roles.assoc1 + other.roles.assoc2 + other.roles.victims:
        if name not in into.roles.assoc1 + into.roles.assoc2 + into.roles.victims + [
            into.roles.actor1,
            into.roles.actor2,
        ]:
            (into.roles.victims if name == "Civilians" else into.roles.mentioned).append(name)
    if other.place is not None and (
        into.place is None or _KIND_RANK.get(other.place.kind, 2) < _KIND_RANK.get(into.place.kind, 2)
    ):
        if into.place is not None and into.place.location.name != other.place.location.name:
            into.other_places = [into.place, *into.other_places]
        into.place = other.place
        into.other_places = [*other.other_places, *into.other_places]
    else:
        extra = [other.place] if other.place is not None and into.place is not None else []
        into.other_places = [*into.other_places, *extra, *other.other_places]
    if into.date_mention is None and other.date_mention is not None:
        into.date_mention = other.date_mention
    elif (
        into.date_mention is not None
        and other.date_mention is not None
        and (
            other.date_mention.date != into.date_mention.date
            or other.date_mention.end_date != into.date_mention.end_date
        )
    ):
        into.date_mention = _DateRange([into.date_mention, other.date_mention])
    into.title_match = into.title_match or other.title_match or other.in_title


def extract(report: Report) -> list[Event]:
    """Events of one report, most salient first (see the module docstring)."""
    doc = _prepare_text(report)
    inserted = _inserted_lines(doc)
    lead = _lead_sentence(doc)
    # The title's and the lead's candidates decide first whether the report tells of violence at all (see
    # below): a report that does not is left before its mentions (when no trigger word can stand in its title
    # or lead), places, dates, tolls and other sentences are read.
    heads = [i for i, (s, _) in enumerate(doc.sentences) if (i == lead or doc.in_title(s)) and i not in inserted]
    # Arabic news may follow a political or humanitarian lead in the next sentences (`_fresh_news_after_lead`)
    after_lead = (
        [i for i in range(lead + 1, lead + 1 + _NEWS_REACH) if i < len(doc.sentences) and i not in inserted]
        if doc.language == "ar" and lead >= 0
        else []
    )
    political = _political_statement(doc, lead)  # title and lead only: asked again below
    if political and not (after_lead and triggers_may_start_in(doc.folded, [doc.sentences[i] for i in after_lead])):
        return []
    # A report whose title and lead tell no violence may still tell, further down, an attack of its own days
    # (`_body_narrative`): its body is read then, and only such sentences may start its events. (The sentences
    # after the lead are among the rest: one scan answers for both.)
    rest = [i for i in range(len(doc.sentences)) if i not in heads and i not in inserted]
    heads_tell = triggers_may_start_in(doc.folded, [doc.sentences[i] for i in heads]) or _may_encircle(doc, lead)
    if not (heads_tell or political or triggers_may_start_in(doc.folded, [doc.sentences[i] for i in rest])):
        return []
    dateline = _prepare_mentions(doc)
    news_may_follow = bool(after_lead) and _news_may_follow(doc, lead, after_lead)
    if political and not news_may_follow:
        return []
    heads_tell = heads_tell and (_any_trigger_in(doc, heads) or _encirclement_lead(doc, lead))
    if not heads_tell and not news_may_follow and not _any_trigger_in(doc, rest):
        return []
    # The head sentences' candidates seldom need places and dates; a "Civilians" mention among them may lie
    # inside a town's name ("مخيم اليرموك"), which only the places tell (`_read_context`): read them first then.
    civilians_in_heads = any(
        a.name == "Civilians" and any(s <= a.start < e for s, e in (doc.sentences[i] for i in heads))
        for a in doc.actors
    )
    _prepare_context(doc, dateline, now=civilians_in_heads and heads_tell)  # (no trigger in the heads: no hurry)
    if political or not heads_tell:  # (where it decides now; the dates alone, before the places)
        news_may_follow = news_may_follow and _news_may_follow(doc, lead, after_lead, dated=True)
        if political and not news_may_follow:
            return []
    head_cands = {i: _sentence_candidates(doc, i) for i in heads}
    heads_told = heads_tell and (
        any(c.in_title or c.sentence == lead for cs in head_cands.values() for c in cs) or _encirclement_lead(doc, lead)
    )
    if not heads_told and heads_tell and news_may_follow:  # (the heads' triggers made no candidate: dated test now)
        news_may_follow = _news_may_follow(doc, lead, after_lead, dated=True)
    if not heads_told and not news_may_follow and not _dated_trigger_in(doc, rest):
        return []
    lead_cands = [c for cs in head_cands.values() for c in cs if c.in_title or c.sentence == lead]
    if not _analysis_title(doc) and _not_an_event_report(doc, lead, lead_cands):
        return []  # (asked again below, where it was: under such a title the answer waits for the tolls)
    _read_context(doc)
    all_cands: list[Candidate] = []
    carry: Candidate | None = None
    collected: set[int] = set()  # figures the report gives as running or cumulative totals
    tolls = [find_casualties(doc.folded, s_start, s_end, collected) for s_start, s_end in doc.sentences]
    totals = frozenset(collected)
    starts = [s for s, _ in doc.sentences]
    with_triggers = {bisect.bisect_right(starts, t.start) - 1 for t in doc.triggers}
    for index in inserted:
        tolls[index] = []
    # Actors are sorted by start (`_add_upper_case_is`): a sentence's actors are a slice found by bisection.
    actor_starts = [a.start for a in doc.actors]
    actors_sorted = all(a <= b for a, b in zip(actor_starts, actor_starts[1:], strict=False))
    for index, (s_start, s_end) in enumerate(doc.sentences):
        if index in head_cands:
            cands = head_cands[index]
        else:
            cands = [] if index in inserted else _sentence_candidates(doc, index)
        if actors_sorted:  # the same actors, found by bisection
            sentence_actors = doc.actors[
                bisect.bisect_left(actor_starts, s_start) : bisect.bisect_left(actor_starts, s_end)
            ]
        else:
            sentence_actors = [a for a in doc.actors if s_start <= a.start < s_end]
        for cand in cands:
            _attach(doc, cand, sentence_actors)
        first_body = next((c for c in all_cands + cands if not c.in_title), None)
        told_else = not cands and index in with_triggers
        # A sentence whose violence was set aside (background, history, a threat, a denial) keeps
        # its tolls: they belong to what it tells, not to the event before it.
        _assign_casualties(doc, index, cands, None if told_else else carry, first_body, totals, tolls)
        if cands:
            carry = cands[0] if not cands[0].in_title else carry
        all_cands.extend(cands)
    title_cands = [c for c in all_cands if c.in_title]
    body_cands = [c for c in all_cands if not c.in_title]
    # A report is about violence only when its title or lead sentence says so; statements,
    # analysis and features that mention old violence further down yield no event.
    fresh = _fresh_news_after_lead(doc, all_cands, lead)
    if not any(
        (c.in_title or c.sentence == lead) and not _dated_days_before(doc, c) and not _describes_someone(doc, c)
        for c in all_cands
    ) and not _encirclement_lead(doc, lead) and not fresh:
        told = [c for c in body_cands if c.sentence != lead and _body_narrative(doc, c)]
        if not told:
            return []
        body_cands = told
        title_cands = []
    if doc.language == "ar" and _only_non_violent_heads(doc, all_cands, lead) and not fresh:
        return []
    if _political_statement(doc, lead) and not fresh:
        return []  # "واشنطن: ..." over "قال وزير الخارجية ... إن ...": a statement about violence
    if _not_an_event_report(doc, lead, [c for c in all_cands if c.in_title or c.sentence == lead]):
        return []
    # Places and actors a sentence leaves out come from the sentence before (anaphora).
    previous: Candidate | None = None
    for cand in body_cands:
        if cand.place is None and previous is not None and previous.place is not None:
            cand.place, cand.origin_place = previous.place, previous.origin_place
            cand.place_inherited = True
        cand.fighting_again = _the_fighting_again(doc, cand)
        if (
            not cand.roles.actor1
            and previous is not None
            and (cand.sentence - previous.sentence <= 1 or cand.fighting_again)
            and _finalize_type(cand) in ("Armed clash",)
            and previous.roles.actor1
        ):
            cand.roles.actor1, cand.roles.actor2 = previous.roles.actor1, previous.roles.actor2
        previous = cand
    if doc.language == "en":
        body_cands = _clash_then_ground_en(body_cands)
        _shelling_then_fight_en(doc, body_cands)
        body_cands = _backing_fire_retold_en(doc, body_cands)
    published = doc.anchor
    if published is not None:  # what a clause dates weeks before the report is background
        horizon = published.date() - timedelta(days=HISTORY_DAYS)
        body_cands = [
            c
            for c in body_cands
            if c.date_mention is None or (c.date_mention.end_date or c.date_mention.date) >= horizon
        ]
    # A bare "the bombardment" after an air strike is that air strike; so is an unattributed one told
    # before it ("قافلة تغادر وسط القصف" over "الغارات التي شنها الجيش") when no one else is named shelling.
    seen_air = False
    named_air = any(c.sub_event_type == "Air/drone strike" and c.roles.actor1 for c in body_cands) and not any(
        c.sub_event_type == "Shelling/artillery/missile attack" and c.roles.actor1 for c in body_cands
    )
    for cand in title_cands + body_cands:
        if cand.sub_event_type == "Air/drone strike" and not cand.in_title:
            seen_air = True
        elif (
            (seen_air or (named_air and not cand.roles.actor1))
            and cand.sub_event_type == "Shelling/artillery/missile attack"
            and all(_DEFINITE_SHELL.match(cand.words.get(t.start, "")) for t in cand.triggers)
        ):
            cand.sub_event_type = "Air/drone strike"
    # A bare "the blast" / "the attack" after a suicide bombing (or a car bomb, an air strike) told
    # earlier is that event: "أسفر التفجير عن مقتل 4", "the attack killed ...".
    explosive = next(
        (
            c.sub_event_type
            for c in title_cands
            if c.sub_event_type in _REFERRED_BACK
            and not all(_GENERIC_IED.match(w) for w in c.words.values())  # a "bomb" of the title may be suicide
        ),
        "",
    )
    for cand in body_cands:
        if cand.sub_event_type in _REFERRED_BACK and not all(
            _GENERIC_IED.match(cand.words.get(t.start, "")) for t in cand.triggers
        ):
            explosive = explosive or cand.sub_event_type
            continue
        if not explosive or cand.sub_event_type == explosive:
            continue
        words = [(t.start, cand.words.get(t.start, "")) for t in cand.triggers]
        definite = all(
            _DEFINITE.match(w)
            or doc.folded[max(0, at - 4) : at] in ("the ", "his ", "its ")
            or (  # "the deliberate attack", "the twin blasts" (not "the rebel attack": another side's)
                (adj := for_text(_THE_ADJ, doc.folded).search(doc.folded, max(0, at - 24), at)) is not None
                and not any(adj.start() <= a.start < at for a in doc.actors)
            )
            for at, w in words
        )
        generic_ied = cand.sub_event_type == "Remote explosive/landmine/IED" and all(
            _GENERIC_IED.match(w) for _, w in words
        )
        generic_attack = cand.sub_event_type in ("Armed clash", "Attack") and all(
            _GENERIC_ATTACK.match(w) for _, w in words
        )
        if (
            cand.sub_event_type in ("Armed clash", "Attack")
            and explosive != "Air/drone strike"
            and body_cands[0].sub_event_type == explosive
            and all(_BARE_KILL.match(w) for _, w in words)
        ):
            definite = generic_attack = True  # "Both attackers were killed": a death of that bombing
        if definite and ((generic_ied and explosive != "Air/drone strike") or generic_attack):
            cand.sub_event_type = explosive
    if doc.language == "ar":
        _bare_tolls_to_their_means(title_cands, body_cands)
        _attacks_named_by_their_means(body_cands)
    else:
        _bare_tolls_to_their_means(title_cands, body_cands, english=True)
        _bare_tolls_to_the_clash(body_cands)
    merged: list[Candidate] = []
    for cand in body_cands:
        if not _finalize_type(cand):
            continue
        target = next((m for m in merged if _compatible(m, cand)), None)
        if target is None:
            merged.append(cand)
        else:
            _merge(target, cand)
    if not _notes_split(doc):
        merged = _split_by_place(doc, merged)
    body_has_toll = any(c.casualties for c in merged)
    arabic = doc.language == "ar"
    first_body_sentence = min((c.sentence for c in merged), default=-1)
    for t in title_cands:
        if not _finalize_type(t):
            continue
        same = [m for m in merged if _finalize_type(m) == _finalize_type(t)]
        # The body event at the title's place is the title's ("قصف على مخيم اليرموك"), before a toll elsewhere.
        target = (
            max(same, key=lambda m: (arabic and _same_spot(m.place, t.place), bool(m.casualties))) if same else None
        )
        if arabic and _means_of_title_ground_change(doc, t, lead):
            target = next((m for m in merged if _finalize_type(m) in _TERRITORIAL), target)
        if not arabic:
            generic = _lead_for_generic_title(t, merged, same, first_body_sentence)
            target = _same_toll(t, merged, same) or generic or target
        if target is None and t.sub_event_type in (
            "Air/drone strike",
            "Shelling/artillery/missile attack",
            "Armed clash",
        ):
            target = next(
                (
                    m
                    for m in merged
                    if _finalize_type(m) in ("Armed clash", "Air/drone strike", "Shelling/artillery/missile attack")
                    and m.casualties
                ),
                None,
            )
        if (
            target is None
            and t.sub_event_type == "Remote explosive/landmine/IED"
            and all(_GENERIC_IED.match(w) for w in t.words.values())
        ):  # "bomb hits refugee camp" over a body telling of a suicide bomber: that bombing
            target = next((m for m in merged if _finalize_type(m) == "Suicide bomb"), None)
        if target is not None:
            target.title_match = True
            if arabic:
                _title_names_the_attacker(t, target)
            if not body_has_toll and not target.casualties:
                target.casualties.extend(t.casualties)
            if target.place is None and t.place is not None:
                target.place = t.place
            continue
        if not merged or not body_cands:
            t.title_match = True
            merged.append(t)
    if arabic:
        _attacker_named_elsewhere(doc, merged)
    title_place = next((t.place for t in title_cands if t.place is not None), None)
    first_place = title_place
    if first_place is None:
        specific = [p for p in doc.places if _KIND_RANK.get(p.kind, 2) <= 1]
        chosen = specific or doc.places
        first_place = chosen[0] if chosen else None
    for cand in merged:
        if cand.place is None:
            cand.place = first_place
    kept = [c for c in merged if _finalize_type(c)]
    first_sentence = min((c.sentence for c in kept if not c.in_title), default=-1)
    kept_events = [(c, e) for c, e in zip(kept, (_to_event(doc, c) for c in kept), strict=True) if e is not None]
    events = [e for _, e in kept_events]
    ranked = sorted(range(len(events)), key=lambda i: -_salience(kept_events[i][0], events[i], i, first_sentence))
    if doc.language == "ar":
        ranked = _premises_last(doc, [kept_events[i][0] for i in ranked], ranked)
        ranked = _violent_first(events, ranked)
    events = [events[i] for i in ranked]
    if doc.language == "en":
        events = _bombing_told_suicide(events)
        events = _named_group_for_generic(events)
        events = _bare_kill_told_as_strike(events)
    # An incident told again as "the bombing" in a sentence that names no place is placed by what it retells.
    loose = {e.event_id for c, e in kept_events if c.origin_place or (c.place_inherited and definite_generic(e))}
    said = {e.event_id for c, e in kept_events if _said_day(doc, c)}
    return _dedupe_ids(merge_retellings(_drop_restated(events), loose, said))


# "Ten were killed in Douma", "seven in the town of Harasta", "six died in the village of X": a count and the place
# it fell in, words apart.
_SHARE_PLACE_EN: Final = re.compile(
    r"\s*(?:[\w-]+\s+){0,4}?(?:in|at)\s+(?:the\s+)?(?:(?:town|village|city|neighbou?rhood|district|suburb|area|"
    r"camp|province|countryside)\s+of\s+)?"
)


def _split_by_place(doc: Document, merged: list[Candidate]) -> list[Candidate]:
    """ "Jets killed 17 civilians in Eastern Ghouta. Ten were killed in Douma and seven in Harasta." / "...
    killed nine civilians: four died in X and five in Y": a toll broken down by town is one event per town with its
    share (ACLED codes one event per location), and the total the shares add up to, told before them, is not
    counted again (its event goes when it keeps no toll of its own). Arabic: shares told after the total, "، 9 منهم
    في دوما و6 في حرستا" (`_arabic_shares`)."""
    out = list(merged)
    for cand in merged:
        if not any(c is cand for c in out):
            continue  # a total's event already given to the shares
        killed = [c for c in cand.casualties if c.kind == "killed" and c.count and not c.zero]
        shares: list[tuple[Casualties, Any]] = []
        for c in killed:
            if c.qualifier == "convention":
                continue
            connector = _SHARE_PLACE_EN.match(doc.folded, c.end)
            if connector is None or any(ch in doc.folded[c.end : connector.end()] for ch in ".,;:"):
                continue
            place = next((p for p in doc.places if p.start == connector.end()), None)
            if place is not None:
                shares.append((c, place))
        by_sentence: dict[tuple[int, int], list[tuple[Casualties, Any]]] = {}
        for c, place in shares:
            span = next(((a, b) for a, b in doc.sentences if a <= c.start < b), (c.start, c.end))
            by_sentence.setdefault(span, []).append((c, place))
        split = next(
            (
                group
                for group in by_sentence.values()
                if len(group) >= 2 and len({p.location.name for _, p in group}) == len(group)
            ),
            None,
        )
        told_whole = None  # Arabic: the toll the shares were read against
        if split is None and doc.language == "ar":
            told_whole, split = _arabic_shares(doc, killed)
            split = split or None
            if split is not None:
                cand.casualties = cand.casualties + [c for c, _ in split]  # (the total they add up to goes below)
        if split is None:
            continue
        parts = {id(c) for c, _ in split}
        total = sum(c.count for c, _ in split)
        first_share = min(c.start for c, _ in split)
        for other in out:  # the total the shares add up to, told before them, in this event or one of its type
            if other is not cand and _finalize_type(other) != _finalize_type(cand):
                continue
            whole = next(
                (
                    c
                    for c in other.casualties
                    if c.kind == "killed"
                    and c.count == total
                    and c.start < first_share
                    and id(c) not in parts
                    and (c is told_whole if told_whole is not None else _total_of_shares(doc, c, split))
                ),
                None,
            )
            if whole is None:
                continue
            other.casualties = [c for c in other.casualties if c is not whole]
            if other is not cand and not any(c.count for c in other.casualties if c.kind == "killed"):
                if not cand.roles.actor1 and other.roles.actor1:
                    cand.roles.actor1 = other.roles.actor1
                if not cand.roles.actor2 and other.roles.actor2:
                    cand.roles.actor2 = other.roles.actor2  # "killed 17 civilians": whom the shares' dead were
                cand.civilian_victims = cand.civilian_victims or other.civilian_victims
                cand.armed_victims = cand.armed_victims or other.armed_victims
                out = [c for c in out if c is not other]  # (identity: candidates compare by value)
            break
        rest = [c for c in cand.casualties if id(c) not in parts and c.kind == "killed" and c.count]
        if rest:
            continue  # a toll of its own beside the shares: leave the event as it is
        kept = [c for c in cand.casualties if id(c) not in parts]
        at = next(k for k, c in enumerate(out) if c is cand)
        pieces = []
        for k, (c, place) in enumerate(sorted(split, key=lambda item: item[0].start)):
            piece = cand if k == 0 else copy.copy(cand)
            if k:
                piece.roles = copy.deepcopy(cand.roles)
            piece.casualties = ([*kept] if k == 0 else []) + [c]
            piece.place, piece.place_inherited, piece.origin_place = place, False, False
            pieces.append(piece)
        out[at : at + 1] = pieces
    return out


def _sentence_of(doc: Document, at: int) -> int:
    return next((k for k, (a, b) in enumerate(doc.sentences) if a <= at < b), -1)


def _total_of_shares(doc: Document, whole: Casualties, split: list[tuple[Casualties, Any]]) -> bool:
    """Whether the toll ``whole`` can be the total that the shares in ``split`` add up to: told in their sentence
    or the one just before, on a day that does not differ from theirs, and naming no place between its sentence's
    start and the shares but the shares' own towns and an area they lie in ("Jets killed 17 civilians in Eastern
    Ghouta on Tuesday. Ten were killed in Douma ..."); "Shelling killed five in X on Monday. On Tuesday, shelling
    killed three in Y and two in Z" tells two events."""
    first = min(c.start for c, _ in split)
    at, shares_at = _sentence_of(doc, whole.start), _sentence_of(doc, first)
    if at < 0 or shares_at - at not in (0, 1):
        return False
    whole_span, share_span = doc.sentences[at], doc.sentences[shares_at]

    def days(span: tuple[int, int]) -> set[Any]:
        return {m.date for m in doc.dates if span[0] <= m.start < span[1]}

    whole_days, share_days = days(whole_span), days(share_span)
    if whole_days and share_days and not whole_days & share_days:
        return False
    towns = [p.location for _, p in split]
    names = {t.name for t in towns}
    for place in doc.places:
        if not whole_span[0] <= place.start < first or place.location.name in names:
            continue
        area = place.location
        if not (area.geo_precision >= 2 and all(t.admin1 == area.admin1 for t in towns)):
            return False  # another town: "five civilians in Daraa", then shares elsewhere
    return True


# "9 منهم في دوما و6 في حرستا": the shares of a toll told right after it, each with its town.
_SHARE_AR = re.compile(r"(?:(?<=[\s,،])|^)و?(\d+)\s+(?:منهم\s+|منهن\s+)?(?:في|ب)\s*(?:(?:بلده|مدينه|قريه|حي|مخيم)\s+)?")


def _arabic_shares(doc: Document, killed: list[Casualties]) -> tuple[Casualties | None, list[tuple[Casualties, Any]]]:
    """Arabic: "قتل 15 مدنيا بغارات على الغوطة، 9 منهم في دوما و6 في حرستا": the toll of ``killed`` told just before
    them in its sentence and the shares (with their towns) that add up to it; (None, []) when there are none."""
    for whole in killed:
        if whole.qualifier == "convention":
            continue
        s_end = next((b for a, b in doc.sentences if a <= whole.start < b), whole.end)
        shares: list[tuple[Casualties, Any]] = []
        for m in _SHARE_AR.finditer(doc.folded, whole.end, s_end):
            place = next((p for p in doc.places if p.start == m.end()), None)
            if place is None or (shares and doc.folded[shares[-1][1].end : m.start()].strip(" ,،")):
                continue  # (the shares follow one another, nothing but a comma between a town and the next share)
            count = int(m.group(1))
            shares.append((Casualties("killed", count, "exact", m.start(1), m.end(1), m.end(1)), place))
        if (
            len(shares) >= 2
            and sum(c.count for c, _ in shares) == whole.count
            and len({p.location.name for _, p in shares}) == len(shares)
        ):
            return whole, shares
    return None, []


def _said_day(doc: Document, cand: Candidate) -> bool:
    """English: the candidate's date is only the day a source spoke ("..., a monitor said on Sunday")."""
    mention = cand.date_mention
    if doc.language != "en" or mention is None or isinstance(mention, _DateRange):
        return False
    s_start = doc.sentences[cand.sentence][0]
    return bool(_SAID_BEFORE_EN.search(doc.folded, max(s_start, mention.start - 40), mention.start))


_GAINS_MADE: Final = re.compile(r"^(?:gained|made) (?:\w+ )?(?:gains|advances)$")  # progress, not a place taken


_BATTLE_TYPES: Final = frozenset(sub for sub, event_type in SUB_EVENT_TYPES.items() if event_type == "Battles")
# Fire told in a lead as the backing of a ground fight ("amid regime shelling, troops clashed with IS") and
# retold in the next sentence as "the shelling", "the air strikes".
_FIRE_WORD_EN: Final = re.compile(
    r"\b(?:shell(?:s|ed|ing)?|bombard(?:ed|ing|ment|ments)?|artillery|mortars?|rockets?|air ?strikes?|air raids?|"
    r"warplanes|jets|helicopters|barrel bombs?|aerial)\b"
)


def _backing_fire_retold_en(doc: Document, body_cands: list[Candidate]) -> list[Candidate]:
    """English: "Amid regime shelling, regime forces clashed with IS in X. Six IS fighters died in the
    shelling.": the lead's fire was folded into its ground event as backing (`_SUPPORT_BEFORE_EN`), so the
    next sentence's definite "the shelling" is that event told again, and its toll is the event's (unless the
    lead's event has a toll of its own, or the retelling hit civilians: then it is the shelling's own news)."""
    lead = min((c.sentence for c in body_cands), default=-1)
    ground = next((c for c in body_cands if c.sentence == lead and _finalize_type(c) in _BATTLE_TYPES), None)
    if ground is None or lead + 1 >= len(doc.sentences) or any(c.count for c in ground.casualties):
        return body_cands
    folded = doc.folded
    fire_types = ("Shelling/artillery/missile attack", "Air/drone strike")
    if not _FIRE_WORD_EN.search(folded, *doc.sentences[lead]) or any(
        c.sentence == lead and c.sub_event_type in fire_types for c in body_cands
    ):  # the lead's fire is an event of its own: the retelling is that one's
        return body_cands
    for fire in body_cands:
        if (
            fire.sentence != lead + 1
            or fire.sub_event_type not in fire_types
            or not fire.triggers
            or not all(folded[max(0, t.start - 4) : t.start] == "the " for t in fire.triggers)
            or _CIVILIANS_EN.search(folded, *doc.sentences[lead + 1])
            or (fire.place is not None and not fire.place_inherited and ground.place is not None
                and fire.place.location.name != ground.place.location.name)
        ):
            continue
        ground.casualties.extend(fire.casualties)
        return [c for c in body_cands if c is not fire]
    return body_cands


def _clash_then_ground_en(body_cands: list[Candidate]) -> list[Candidate]:
    """English: "Regime forces battled IS near X. The regime took control of the area.": the clashes of
    one sentence won the ground the next tells (not a bare "advanced"), by one of their sides; they are
    that territorial event, as within one sentence."""
    dropped: set[int] = set()
    lead = min((c.sentence for c in body_cands), default=-1)
    for clash in body_cands:
        if (
            clash.sub_event_type != "Armed clash"
            or clash.sentence != lead
            or any(o.sentence == clash.sentence and o.sub_event_type == _TERRITORY for o in body_cands)
        ):
            continue
        ground = next(
            (
                o
                for o in body_cands
                if o.sentence == clash.sentence + 1
                and o.sub_event_type == _TERRITORY
                and not all(_WEAK_TERRITORY.match(w) or _GAINS_MADE.match(w) for w in o.words.values())
            ),
            None,
        )
        if ground is None:
            continue
        r = clash.roles
        sides = {r.actor1, r.actor2, *r.assoc1, *r.assoc2, *r.mentioned} - {"", "Civilians"}
        taker = ground.roles.actor1
        if taker and sides and not any(taker == s or same_side(taker, s) for s in sides):
            continue  # a third party took ground: another event
        _merge(ground, clash)
        dropped.add(id(clash))
    return [c for c in body_cands if id(c) not in dropped] if dropped else body_cands


def _shelling_then_fight_en(doc: Document, body_cands: list[Candidate]) -> None:
    """English: "Army shelled rebel positions in X. The rebels returned fire." / "... Shelling was accompanied
    by clashes with IS.": the lead's shelling is one side of the fight the next sentence tells, when
    neither sentence tells of civilians or homes hit (`_shelling_in_the_fight_en` across two sentences)."""
    lead = min((c.sentence for c in body_cands), default=-1)
    folded = doc.folded
    for shelling in body_cands:
        if shelling.sub_event_type != "Shelling/artillery/missile attack" or shelling.sentence != lead:
            continue
        fight = next(
            (
                o
                for o in body_cands
                if o.sentence == lead + 1
                and o.sub_event_type == "Armed clash"
                and any(_BATTLE_WORD_EN.match(w) for w in o.words.values())
            ),
            None,
        )
        if fight is None or any(_CIVILIANS_EN.search(folded, *doc.sentences[i]) for i in (lead, lead + 1)):
            continue
        # one fight: a side in common, or the fight told where the shelling was (or nowhere else); a missile
        # strike on a base and a battle elsewhere between other sides are two events
        sides = {shelling.roles.actor1, shelling.roles.actor2} - {""}
        shared = sides & ({fight.roles.actor1, fight.roles.actor2} - {""})
        same_place = fight.place is None or fight.place_inherited or (
            shelling.place is not None and fight.place.location.name == shelling.place.location.name
        )
        if not shared and not same_place:
            continue
        shelling.sub_event_type = "Armed clash"


BODY_DAYS: Final = 2  # a body sentence starts a report's events only for a day this close to the report's
BODY_DATE_REACH: Final = 100  # characters between the trigger and the day its sentence names for it
# Events a body sentence may start: violence done, not ground changing hands, arrests or protests.
_BODY_VIOLENT: Final = {
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Armed clash",
    "Attack",
    "Remote explosive/landmine/IED",
    "Suicide bomb",
    "Grenade",
    "Chemical weapon",
}
# What makes a body sentence something other than the narrative of an attack, before its trigger: a speaker
# (a statement, a warning, a condemnation, an admission), a background clause ("وكانت ... قد", "ويذكر أن"), a
# hypothetical or a court case.
_NOT_NARRATIVE_AR: Final = re.compile(
    r"(?<!\w)[وف]?(?:قال|قالت|يقول|تقول|اضاف|اضافت|اعلن|اعلنت|اكد|اكدت|افاد|افادت|ذكر|ذكرت|يذكر|حذر|حذرت|"
    r"اعتبر|اعتبرت|اتهم|اتهمت|زعم|زعمت|ادعي|ادعت|نفي|نفت|ندد|نددت|ادان|ادانت|استنكر|استنكرت|شجب|شجبت|"
    r"اعترف|اعترفت|اعتراف|يعترف|تعترف|اقر|اقرت|طالب|طالبت|دعا|دعت|هدد|هددت|توعد|توعدت|تصريح|تصريحات|بيان|"
    r"كلمه|مؤتمر|كان|كانت|قد(?=\s+[يت])|سوف|لو|اذا|ربما|يمكن|محتمل|احتمال|مذكره|تهمه|بتهمه|محكمه|المحكمه|محاكمه|"
    r"ذكري|تقرير|التقرير|كاتب|الكاتب|مقال|المقال|صحيفه|الصحيفه|سيناريو|يري|تري|يخشي|تخشي|خوف|خوفا|مخاوف|"
    r"توقف|وقف|هدوء|هدنه)(?!\w)"
)
_NOT_NARRATIVE_EN: Final = re.compile(
    r"\b(?:said|says|say|told|tells|added|announced|stated|noted|warned|accused|accuses|claimed|claims|denied|"
    r"denies|condemned|condemns|denounced|blamed|urged|called|pointed out|admitted|acknowledged|believed?|"
    r"alleged|statement|speech|would|could|might|(?<!\d )may(?! \d)|will|if|unless|had|court|trial|sentenced|"
    r"prosecutors?|charged|warrant|anniversary|report|writer|columnist|argues|scenario|fears?|feared|worried|"
    r"stopped|halt(?:ed)?|ceasefire|truce|lull)\b"
)
_SAID_AR: Final = re.compile(r"[وف]?(?:قال|قالت|يقول|تقول|اضاف|اضافت|افاد|افادت|ذكر|ذكرت|اكد|اكدت)")
_SAID_EN: Final = re.compile(r"said|says|say|told|tells|added|stated|report")
_WITNESS_AR: Final = re.compile(
    r"(?<!\w)[وف]?(?:ال)?(?:ناشط\S*|مسعف\S*|شهود|شاهد|سكان|اهالي|مراسل\S*|المرصد|مصادر|مصدر|الدفاع المدني|"
    r"اطباء|طبيب|مستشفي|منقذ\S*)(?!\w)"
)
_WITNESS_EN: Final = re.compile(
    r"\b(?:activists?|medics?|paramedics?|witness(?:es)?|residents?|correspondents?|observatory|monitor|"
    r"rescuers?|doctors?|hospital|civil defen[cs]e|white helmets|sources?)\b"
)


def _unread_dates(doc: Document) -> list[tuple[int, _ShiftedDate | DateMention]]:
    """The report's dates with their starts in the folded text, read before its places when these are still
    unread (the places, dearer to find, wait until a day is within reach); `_read_context` reuses them."""
    if doc.unread is None:
        return [(d.start, d) for d in doc.dates]
    if doc.early_dates is None:
        doc.early_dates = context.dates_in(doc.text, doc.language, doc.anchor)
    return [(doc.to_folded(d.start), d) for d in doc.early_dates]


def _dated_trigger_in(doc: Document, indexes: list[int]) -> bool:
    """False when `_body_narrative` surely holds for no candidate of the sentences ``indexes``: none names a
    day within reach of a trigger."""
    if doc.anchor is None:
        return False
    day = doc.anchor.date()
    at = [
        start
        for start, d in _unread_dates(doc)
        if day - timedelta(days=BODY_DAYS) <= (d.end_date or d.date) and d.date <= day
    ]
    spans = [doc.sentences[i] for i in indexes]
    return any(
        s <= a < e and s <= t.start < e and abs(a - t.start) <= BODY_DATE_REACH and _told_as_narrative(doc, s, t.start)
        for s, e in spans
        for a in at
        for t in doc.triggers
    )


def _body_narrative(doc: Document, cand: Candidate) -> bool:
    """Whether a body candidate tells, as the reporter's own narrative, a concrete attack of the report's day
    or the day or two before: a violent trigger with an attacker or victims, dated by its own sentence, with
    no speaker, background, hypothetical or court case before the trigger and no earlier year in its sentence.
    Such a sentence may start the events of a report whose title and lead tell no violence."""
    published = doc.anchor
    if published is None or cand.date_mention is None or cand.sub_event_type not in _BODY_VIOLENT:
        return False
    if all(t.rule.name == "take" for t in cand.triggers):
        return False  # ground entered, told as a fight for want of a place: no attack of its own
    day = published.date()
    first, last = cand.date_mention.date, cand.date_mention.end_date or cand.date_mention.date
    if first < day - timedelta(days=BODY_DAYS) or last > day:
        return False
    if not any(abs(cand.date_mention.start - t.start) <= BODY_DATE_REACH for t in cand.triggers):
        return False  # "... اليوم" at the far end of the sentence: the day of something else it tells
    told = any(c.count and not c.zero for c in cand.casualties)
    if not (told or cand.roles.actor1 not in ("", "Civilians") or cand.civilian_victims):
        return False
    s_start, s_end = doc.sentences[cand.sentence]
    sentence = doc.folded[s_start:s_end]
    if any(int(y) < published.year for y in _YEAR.findall(sentence)):
        return False  # "in 2016 ...", "since 2011": history
    if _quoted(sentence, cand.start - s_start):
        return False
    return (
        _told_as_narrative(doc, s_start, cand.start)
        and not _dated_days_before(doc, cand)
        and not _describes_someone(doc, cand)
    )


def _told_as_narrative(doc: Document, s_start: int, at: int) -> bool:
    """No speaker, background, hypothetical or court case between a sentence's start and ``at`` (activists,
    medics or a monitor who "said" tell what happened: their word is the news)."""
    arabic = doc.language == "ar"
    for m in (_NOT_NARRATIVE_AR if arabic else _NOT_NARRATIVE_EN).finditer(doc.folded, s_start, at):
        said = (_SAID_AR if arabic else _SAID_EN).fullmatch(m.group(0))
        if not said or not (_WITNESS_AR if arabic else _WITNESS_EN).search(
            doc.folded, max(s_start, m.start() - 40), min(at, m.end() + 40)
        ):
            return False
    return True


def _any_trigger_in(doc: Document, indexes: list[int]) -> bool:
    """Whether a trigger lies in one of the sentences ``indexes``."""
    spans = [doc.sentences[i] for i in indexes]
    return any(s_start <= t.start < s_end for s_start, s_end in spans for t in doc.triggers)
OWN_DAYS: Final = 6  # a weekday named in a report reaches six days back


# "الصحفي الروسي الذي اغتيل في أوكرانيا", "أرملة القائد الذي قتل": a relative clause that tells what befell
# a person named as the subject of something else.
_WHO_BEFORE: Final = re.compile(r"(?<!\w)(?:الذي|التي|الذين|اللذين|اللتين)\s+(?:كان\S*\s+|قد\s+)?$")


def _describes_someone(doc: Document, cand: Candidate) -> bool:
    """An Arabic title or lead candidate whose every trigger is the verb of a relative clause about a
    person or thing ("... الذي قتل منذ عامين"): it identifies someone; it is not what the report tells."""
    if doc.language != "ar":
        return False
    for t in cand.triggers:
        relative = _WHO_BEFORE.search(doc.folded, max(cand.clause[0], t.start - 20), t.start)
        if relative is None:
            return False
        head = doc.folded[max(cand.clause[0], relative.start() - 25) : relative.start()].split()
        if not head or any(h.start <= relative.start() - 1 < h.end + 1 for h in doc.triggers):
            return False  # "الهجوم الذي استهدف": the event noun heads it
    return True


def _dated_days_before(doc: Document, cand: Candidate) -> bool:
    """An Arabic candidate whose clause dates it a week or more before the report ("إثر هجوم ... قبل نحو أسبوع"):
    the title or lead recalls it; it is not what the report tells of its own days."""
    published = doc.anchor
    if published is None or doc.language != "ar":
        return False
    horizon = published.date() - timedelta(days=OWN_DAYS)
    if cand.date_mention is not None and (cand.date_mention.end_date or cand.date_mention.date) < horizon:
        return True
    # a clause that names the report's day and, beside the trigger, an older one: the trigger's is the older
    return any(
        cand.clause[0] <= d.start < cand.clause[1]
        and -30 <= d.start - t.end <= 40
        and (d.end_date or d.date) < horizon
        for t in cand.triggers
        for d in doc.dates
    )


_MEANS: Final = {
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Suicide bomb",
    "Chemical weapon",
    "Grenade",
}


def _lead_for_generic_title(
    title: Candidate, merged: list[Candidate], same: list[Candidate], first_sentence: int
) -> Candidate | None:
    """ "Children killed in school attack" over a lead telling of rocket fire on a school: a title that names
    its violence only as an "attack" is the lead's first event with a toll, not an "attacks" further down."""
    if title.sub_event_type not in ("Attack", "Armed clash") or not all(
        _GENERIC_ATTACK.match(w) for w in title.words.values()
    ):
        return None
    told = sorted((m for m in merged if m.casualties), key=lambda m: (m.sentence, m.start))
    if not told or told[0].sentence > first_sentence + 1:
        # the lead tells no toll: "U.S. attack caused deaths" over a lead telling of a missile strike is that strike
        means = [m for m in merged if m.sentence == first_sentence and _finalize_type(m) in _MEANS]
        return min(means, key=lambda m: m.start) if means else None
    return told[0]


def _same_toll(title: Candidate, merged: list[Candidate], same: list[Candidate]) -> Candidate | None:
    """ "Army kills 48 militants" over a body whose bombardment killed those 48: the body event with the
    title's toll is the title's event, whatever its type, unless one of the title's own type has it."""
    if title.sub_event_type not in ("Armed clash", "Attack") or not all(
        _BARE_KILL_WORD.match(w) for w in title.words.values()
    ):
        return None
    counts = {
        c.count
        for c in title.casualties
        if c.kind == "killed" and c.count > 1 and not c.zero and c.qualifier != "convention"
    }
    if not counts:
        return None
    told = [
        m
        for m in merged
        if _finalize_type(m) in _MEANS and any(c.kind == "killed" and c.count in counts for c in m.casualties)
    ]
    if not told or any(m in same for m in told):
        return None
    return told[0] if len(told) == 1 else None


def _clash_before(body_cands: list[Candidate], cand: Candidate) -> bool:
    return any(
        o.sub_event_type == "Armed clash" and o.start < cand.start and cand.sentence - o.sentence <= 2
        for o in body_cands
        if o is not cand and not all(_BARE_KILL.match(w) for w in o.words.values())
    )


def _bare_tolls_to_their_means(
    title_cands: list[Candidate], body_cands: list[Candidate], english: bool = False
) -> None:
    """A sentence that only counts dead ("وقتل 46 مدنيا يوم الخميس", "وأسفرت الضربات عن مقتل 23 مقاتلا"),
    naming no attacker and no means, after a strike, shelling or bombing told just before it (or in the
    title), gives that event's toll: it is not a separate killing (Attack) or battle."""
    last = next((c for c in title_cands if c.sub_event_type in _MEANS), None)
    for cand in body_cands:
        if cand.sub_event_type in _MEANS:
            last = cand
            continue
        if (
            last is not None
            and cand.sub_event_type in ("Attack", "Armed clash")
            and not cand.roles.actor1
            and cand.casualties
            and all(_BARE_KILL.match(w) for w in cand.words.values())
            and not any(o is not cand and o.sentence == cand.sentence for o in body_cands)
            and (last.in_title or 0 < cand.sentence - last.sentence <= 2)
            # English: "clashes ... amid air strikes. 5 fighters were killed": the battle's dead, not the raid's;
            # "a number of terrorists were killed": a round-up's words, not a count of that raid
            and not (
                english
                and (all(c.qualifier == "convention" for c in cand.casualties) or _clash_before(body_cands, cand))
            )
        ):
            cand.sub_event_type = last.sub_event_type
            cand.roles.actor1 = last.roles.actor1
            if last.roles.actor1 and "actor1" in last.roles.spans:
                cand.roles.spans["actor1"] = last.roles.spans["actor1"]


def _bare_tolls_to_the_clash(body_cands: list[Candidate]) -> None:
    """English: a sentence that only counts dead ("Two civilians were killed.", "It was reported that 5 men
    were killed"), naming no one who killed them, a sentence or two after fighting told with its sides, is
    that fighting's toll (even where air strikes or shelling accompanied it), not a killing of its own."""
    for cand in body_cands:
        if (
            cand.sub_event_type not in ("Attack", "Armed clash")
            or cand.roles.actor1
            or not cand.casualties
            or not all(_BARE_KILL.match(w) for w in cand.words.values())
            or any(o is not cand and o.sentence == cand.sentence for o in body_cands)
        ):
            continue
        clash = next(
            (
                o
                for o in reversed(body_cands)
                if o.start < cand.start
                and 0 < cand.sentence - o.sentence <= 2
                and (o.sub_event_type == "Armed clash" or o.sub_event_type in _TERRITORIAL)
                and o.roles.actor1
                and o.roles.actor2
                and not all(_BARE_KILL.match(w) for w in o.words.values())
            ),
            None,
        )
        if clash is not None:
            cand.sub_event_type = "Armed clash"
            cand.roles.actor1, cand.roles.actor2 = clash.roles.actor1, clash.roles.actor2


def _attacks_named_by_their_means(body_cands: list[Candidate]) -> None:
    """ "الهجمات التي استهدفت ثلاث كنائس" then "ثلاث عمليات انتحارية قتلت ...": the attacks named first
    are the bombings (strikes, shelling) the next sentence tells, by the same side or an unnamed one."""
    for cand in body_cands:
        if cand.sub_event_type not in ("Armed clash", "Attack") or not all(
            _GENERIC_ATTACK.match(w) and _DEFINITE.match(w) for w in cand.words.values()
        ):
            continue
        means = next(
            (
                m
                for m in body_cands
                if m.sub_event_type in _MEANS
                and 0 <= m.sentence - cand.sentence <= 1
                and m.start > cand.start
                and not all(_GENERIC_SHELL.match(w) or _GENERIC_IED.match(w) for w in m.words.values())
            ),
            None,
        )
        if means is not None and (
            not cand.roles.actor1 or not means.roles.actor1 or same_side(cand.roles.actor1, means.roles.actor1)
        ):
            cand.sub_event_type = means.sub_event_type


def _same_spot(a: _ShiftedPlace | None, b: _ShiftedPlace | None) -> bool:
    return a is not None and b is not None and a.location.name == b.location.name


_LINE_END: Final = re.compile(r"[.!?؟:\"”»)…'*]\s*$")


def _inserted_lines(doc: Document) -> set[int]:
    """Sentences on short body lines without closing punctuation after the first: the headlines of
    related stories and section subtitles that sites insert into Arabic articles ("70 قتيلا على الاقل
    في هجوم على ..."). Their violence and tolls belong to other stories or sum up the article."""
    if doc.language == "en":
        _split_credits(doc)  # splits sentences first: the indices below are of the final sentences
        related = _related_links(doc)
        return _photo_captions(doc) | related
    if doc.language != "ar":
        return set()
    body = doc.title_end + 1 if doc.title_end else 0
    lead = len(doc.folded) - len(doc.folded[body:].lstrip())  # the first body line is the lead
    found: set[int] = set()
    for index, (start, _) in enumerate(doc.sentences):
        line_start = doc.folded.rfind("\n", 0, start + 1) + 1
        if start < body or line_start <= lead:
            continue
        line_end = doc.folded.find("\n", start)
        line = doc.folded[line_start : len(doc.folded) if line_end < 0 else line_end]
        if len(line.split()) <= 16 and not _LINE_END.search(line):
            found.add(index)
    return found


# "... Related Army Kills 40 Militants in Hama Syrian Army Takes Two Villages ...": the headlines of other
# stories a site appends to an English article (in its second half), up to the end of the text.
_RELATED_LINKS: Final = re.compile(
    r"(?<=\s)(?:Related(?: News| Stories| Articles| Coverage)?|Read Also|READ ALSO)(?=\s+[A-Z0-9\"'])"
)


def _related_links(doc: Document) -> set[int]:
    """English: the sentences from a "Related" list in the second half of the text to its end (the sentence
    the list runs on from is split there)."""
    half = len(doc.text) // 2
    if doc.text.find("Related", half) < 0 and doc.text.find("Read ", half) < 0 and doc.text.find("READ", half) < 0:
        return set()
    match = _RELATED_LINKS.search(doc.text, half)
    if match is None:
        return set()
    at = doc.to_folded(match.start())
    for index, (start, end) in enumerate(doc.sentences):
        if start < at < end:
            cut = at
            while cut > start and doc.folded[cut - 1].isspace():
                cut -= 1
            doc.sentences[index : index + 1] = [(start, cut), (at, end)] if cut > start else [(at, end)]
            break
    return {index for index, (start, _) in enumerate(doc.sentences) if start >= at}


# A photo credit closing a caption pasted into the text: "... on 10 September. (AFP)", "(Reuters)", "(file photo)",
# "(archive)".
_PHOTO_CREDIT: Final = re.compile(
    r"\s*\((?:[^()]{0,40}?\b)?(?:afp|reuters|ap|agencies|getty images|anadolu|epa|photo|file photo|archives?|file)\b"
    r"[^()]{0,30}\)"
)
# A sentence that describes a picture: "A picture taken on 3 May shows ...", "In this photo provided by ...".
_PICTURE_LINE: Final = re.compile(
    r"(?:an? |this |the )(?:(?:file|handout|undated) )?(?:picture|photo|photograph|image) "
    r"(?:taken|provided|released|made available|obtained|shows|showing)\b|"
    r"in (?:this|a) (?:(?:file|handout|undated) )?(?:picture|photo|photograph|image)\b|photo: "
)
_CREDIT_AT_END: Final = re.compile(_PHOTO_CREDIT.pattern + r"$")
_CAPTION_WORDS: Final = 4  # words before a credit in mid-sentence for it to close a caption (not "BEIRUT (AP)")


def _split_credits(doc: Document) -> None:
    """English: a caption closed by a credit with no full stop runs into the story's next sentence ("... on
    18 April (File photo) (Agencies) A bomb killed six ..."): split the sentence after the credit."""
    index = 0
    while index < len(doc.sentences):
        start, end = doc.sentences[index]
        cut = None
        if doc.folded.find("(", start, end) < 0:
            index += 1  # (every credit is in brackets: most sentences have none, and the scan is slow)
            continue
        for match in _PHOTO_CREDIT.finditer(doc.folded, start, end):
            if match.end() >= end or doc.in_title(start):
                break
            after = doc.text[doc.to_original(match.end(), end)[0] :].lstrip()[:1]
            if len(doc.folded[start : match.start()].split()) >= _CAPTION_WORDS and (
                after.isupper() or after.isdigit() or after in ("\"", "'")
            ):
                cut = match.end()
                break
        if cut is None:
            index += 1
            continue
        rest = cut
        while rest < end and doc.folded[rest].isspace():
            rest += 1
        doc.sentences[index : index + 1] = [(start, cut), (rest, end)]
        index += 1


def _photo_captions(doc: Document) -> set[int]:
    """English: sentences right before (or closed by) a photo credit, and sentences that describe a picture,
    are captions of pictures, not the story's lines."""
    found: set[int] = set()
    for index, (start, end) in enumerate(doc.sentences):
        if doc.in_title(start):
            continue
        credit = _PHOTO_CREDIT.match(doc.folded, start)
        if index and credit is not None:
            found.add(index - 1)
        elif _PHOTO_CREDIT.match(doc.folded, end):
            found.add(index)
        body = credit.end() if credit is not None else start
        while body < end and doc.folded[body] in " -":
            body += 1
        if _PICTURE_LINE.match(doc.folded, body, end):
            found.add(index)
        elif (
            doc.folded.find("(", start, end) >= 0  # (a credit is in brackets: the slow scan only where one may be)
            and _CREDIT_AT_END.search(doc.folded, start, end)
            and len(doc.folded[start:end].split()) > _CAPTION_WORDS
        ):
            found.add(index)  # closed by its credit (`_split_credits`)
    return found


# Groups a state outlet's "terrorists" or "armed groups" may stand for when the report names them.
_NAMED_GROUPS: Final = frozenset(
    {
        "Islamic State",
        "Jabhat al-Nusra",
        "Hayat Tahrir al-Sham",
        "Jaysh al-Islam",
        "Faylaq al-Rahman",
        "Ahrar al-Sham",
    }
)
_GENERIC_ATTACKER: Final = re.compile(r"\b(?:terrorist|armed group|gunmen|militant|insurgent|extremist|jihadist)", re.I)
_FILLED_TYPES: Final = {"Shelling/artillery/missile attack", "Air/drone strike"}


def _named_group_for_generic(events: list[Event]) -> list[Event]:
    """English: "al-Nusra and other armed groups shelled", or "terrorist rocket attacks" then "ISIL
    terrorists fired rocket shells": the generic attacker is the group the report names for that kind of
    attack in that province (its associate, else the one group named as attacker of that type there);
    a strike or shelling with no attacker there takes that group too."""

    def with_actor1(event: Event, group: str) -> Event:
        actors = [a for a in event.actors if a.role != "actor1" and a.name != group]
        return event.model_copy(update={"actor1": group, "actors": [Actor(name=group, role="actor1"), *actors]})

    def generic(event: Event) -> bool:
        return event.actor1 in ("Opposition Rebels", "Unidentified Armed Group") and any(
            ev.field == "actor1" and _GENERIC_ATTACKER.search(ev.text) for ev in event.evidence
        )

    out = []
    for event in events:
        assoc = {a.name for a in event.actors if a.role == "assoc_actor1" and a.name in _NAMED_GROUPS}
        if generic(event) and len(assoc) == 1 and event.actor2 not in assoc:
            event = with_actor1(event, next(iter(assoc)))
        out.append(event)

    def province(event: Event) -> str:
        return event.location.admin1 or event.location.name if event.location is not None else ""

    filled = []
    for event in out:
        named = {
            e.actor1
            for e in out
            if e.sub_event_type == event.sub_event_type and e.actor1 in _NAMED_GROUPS and province(e) == province(event)
        }
        if (
            (generic(event) or (not event.actor1 and event.sub_event_type in _FILLED_TYPES))
            and len(named) == 1
            and event.actor2 not in named
        ):
            event = with_actor1(event, next(iter(named)))
        filled.append(event)
    return filled


_BARE_KILL_WORD: Final = re.compile(r"(?i)^(?:kills?|killed|killing|eliminat\w*|destroy\w*|neutrali[sz]\w*)$")


def _bare_kill_told_as_strike(events: list[Event]) -> list[Event]:
    """English: "Army kills over 60 IS terrorists" read as a clash, then the body's air strikes or
    shelling that killed those 60: the strike or shelling is the event, the bare "kills" is dropped."""
    out = list(events)
    for clash in events:
        trigger = next((ev.text for ev in clash.evidence if ev.field == "sub_event_type"), "")
        if clash.sub_event_type != "Armed clash" or not clash.fatalities or not _BARE_KILL_WORD.match(trigger):
            continue
        strike = next(
            (
                e
                for e in out
                if e.sub_event_type in ("Air/drone strike", "Shelling/artillery/missile attack")
                and e.fatalities == clash.fatalities
                and {e.actor1, e.actor2} == {clash.actor1, clash.actor2}
                and e.event_date <= (clash.event_date_end or clash.event_date)
                and clash.event_date <= (e.event_date_end or e.event_date)
            ),
            None,
        )
        if strike is not None:
            out.remove(clash)
    return out


def _bombing_told_suicide(events: list[Event]) -> list[Event]:
    """English: a bombing later told as a suicide bomber's ("a suicide bomber carried out the attack",
    "the bomber blew himself up") is a suicide bombing: the bare suicide event, with no toll
    of its own at the bombing's place and days, makes the bombing's type and is dropped."""
    out = list(events)
    for later in events:
        if later.sub_event_type != "Suicide bomb" or later.fatalities:
            continue
        bombings = [
            e
            for e in out
            if e.sub_event_type == "Remote explosive/landmine/IED"
            and e.location is not None
            and (later.location is None or later.location.name == e.location.name)
            and e.event_date <= (later.event_date_end or later.event_date)
            and later.event_date <= (e.event_date_end or e.event_date)
        ]
        if len(bombings) != 1 or out.index(bombings[0]) > out.index(later):
            continue
        out[out.index(bombings[0])] = bombings[0].model_copy(update={"sub_event_type": "Suicide bomb"})
        out.remove(later)
    return out


def _drop_restated(events: list[Event]) -> list[Event]:
    """An event that only restates a more salient one (same type and place, overlapping days, no
    other side and no other toll: "the attack" told again once its attacker is known) is dropped."""
    kept: list[Event] = []
    for event in events:
        if any(_restates(event, k) for k in kept):
            continue
        kept.append(event)
    return kept


def _restates(event: Event, main: Event) -> bool:
    if event.sub_event_type != main.sub_event_type or event.location is None or main.location is None:
        return False
    if event.location.name != main.location.name:
        return False
    if event.actor1 and event.actor1 != main.actor1:
        return False
    if event.actor2 and event.actor2 != main.actor2:
        return False
    if event.fatalities and event.fatalities != main.fatalities:
        return False
    e0, e1 = event.event_date, event.event_date_end or event.event_date
    m0, m1 = main.event_date, main.event_date_end or main.event_date
    return e0 <= m1 and m0 <= e1


# Speakers whose words are statements, not reports of events: governments, diplomats, leaders and
# international bodies (monitors, agencies and militaries report events and are not listed).
_POLITICIAN: Final = (
    r"(?:واشنطن|موسكو|انقره|طهران|باريس|لندن|برلين|دمشق|بغداد|الرياض|القاهره|بيروت|الكرملين|رئيسه|الامير|"
    r"الملك|زعيم|الزعيم|البيت الابيض|الاليزيه|الخارجيه|وزير|وزيره|"
    r"وزاره الخارجيه|الرئيس|رئيس الوزراء|رئيس الحكومه|المستشار|المستشاره|اردوغان|لافروف|ماكرون|ترامب|ترمب|"
    r"بوتين|بوتن|ماتيس|نتنياهو|الاسد|ليبرمان|خامنئي|روحاني|ظريف|غوتيريس|غوتيريش|دي ميستورا|الامم المتحده|الامين العام|"
    r"مجلس الامن|الناتو|الاتحاد الاوروبي|للاتحاد الاوروبي|للامم المتحده|"
    r"مندوب|المندوب|سفير|السفير|المتحدث باسم (?:الخارجيه|البيت|الرئاسه|"
    r"الحكومه|الكرملين)|الرئاسه|المرشد)"
)
_STATES = r"(?:روسيا|امريكا|اميركا|الولايات المتحده|تركيا|ايران|فرنسا|بريطانيا|المانيا|الصين|السعوديه|اسرائيل)(?!\w)"
_POLITICAL_TITLE: Final = re.compile(
    r"^[^:\n]{0,30}?" + _POLITICIAN + r"[^:\n]{0,30}:|^\W*(?:" + _POLITICIAN + r"|" + _STATES + r")(?:\s+\S+){0,2}?\s+"
    r"(?:يحذر|تحذر|يدعو|تدعو|يطالب|تطالب|يتهم|تتهم|يهدد|تهدد|يتوعد|تتوعد|يدين|تدين|يندد|تندد|يرفض|ترفض|يحث|تحث|"
    r"يحمل|تحمل|يلمح|تلمح)(?!\w)"
)
_POLITICAL_LEAD: Final = re.compile(
    r"\W*(?:[وف]?(?:قال|قالت|اعتبر|اعتبرت|اكد|اكدت|حذر|حذرت|دعا|دعت|اتهم|اتهمت|ندد|نددت|طالب|طالبت|شدد|"
    r"شددت|جدد|جددت|وصف|وصفت|رفض|رفضت|اعرب|اعربت|بحث|ناقش|توعد|هدد|هددت|حض|حث|حثت|اوضح|اوضحت|ابدي|ابدت|"
    r"يدرس|تدرس|اتفق|اتفقت|لمح|المح|المحت|نقلت|نقل)[\s,]+(?:[^\s,]+[\s,]+){0,6}?)?#?(?:"
    + _POLITICIAN
    + r"|"
    + _STATES
    + r")"
)


# Any speaker before a title's colon ("روسيا: ...", "ماي: ...") speaks as capitals and officials do: such a
# title that names no dead is a statement when its lead is an official's speech.
_SPEAKER_TITLE: Final = re.compile(r"^[^:\n]{2,40}:")
_TITLE_DEAD: Final = re.compile(r"(?<!\w)[وب]?(?:مقتل|قتل\S*|قتيل\S*|مصرع|جرحي|ضحايا|اصابه|اصابات)(?!\w)")


_VIOLENT_TYPES: Final = frozenset(
    sub for sub, event_type in SUB_EVENT_TYPES.items()
    if event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")
)
# "وفي الأثناء، ...", "ميدانيا، ...", "بالتزامن مع ذلك": the report turns from its lead to the ground's news
_NEWS_TURN_AR: Final = re.compile(
    r"\W*[وف]?(?:في الاثناء|في هذه الاثناء|في غضون ذلك|ميدانيا|علي الصعيد الميداني|علي الارض|بالتزامن مع ذلك|"
    r"تزامنا مع ذلك|بعد ساعات من|(?:ياتي ذلك )?في وقت (?:\S+ )?(?:تواصل|يواصل|تشن|يشن|تقصف|يقصف))(?!\w)"
)


_SPEECH_AR: Final = re.compile(
    r"(?<!\w)[وف]?(?:قال|قالت|راي|رات|اعتبر|اعتبرت|حذر|حذرت|اكد|اكدت|اتهم|اتهمت|توعد|تتوعد|يتوعد|هدد|هددت|يهدد|تهدد|"
    r"يذكر|ذكر|ذكرت|زعم|زعمت|ادعي|ادعت|نفي|نفت|اضاف|اضافت|وصف|وصفت|ادان|ادانت|استنكر|استنكرت|شجب|شجبت|ندد|"
    r"نددت)(?!\w)"
)


_NEWS_REACH = 4  # body sentences after the lead that may tell the ground's news (past the second: opened as such)


def _news_may_follow(doc: Document, lead: int, after_lead: list[int], dated: bool = False) -> bool:
    """False when `_fresh_news_after_lead` surely finds nothing, told before the report's places are read: no
    sentence after the lead within its reach holds a violent trigger outside speech (and, when ``dated``, once
    the anchor is known, the sentence opens as the ground's news or names today or yesterday)."""
    recent: list[int] = []
    if dated and doc.anchor is not None:
        today = doc.anchor.date()
        recent = [a for a, d in _unread_dates(doc) if today - timedelta(days=1) <= (d.end_date or d.date) <= today]
    for i in after_lead:
        s_start, s_end = doc.sentences[i]
        turn = _NEWS_TURN_AR.match(doc.folded, s_start) is not None
        if i > lead + 2 and not turn:
            continue
        if _SPEECH_AR.search(doc.folded, s_start, s_end):
            continue
        if dated and not turn and not any(s_start <= a < s_end for a in recent):
            continue
        if any(s_start <= t.start < s_end and t.rule.sub_event_type in _VIOLENT_TYPES for t in doc.triggers):
            return True
    return False


def _fresh_news_after_lead(doc: Document, cands: list[Candidate], lead: int) -> bool:
    """Arabic: violence told in the two sentences after a political or humanitarian lead (up to `_NEWS_REACH` when a
    sentence opens as the ground's news, "وفي الأثناء"), at a named place, dated today or yesterday or opened as
    such news, by a named side or with a toll: the report gives that news beside its lead, not history or a
    speaker's claim."""
    if doc.language != "ar" or lead < 0 or doc.anchor is None:
        return False
    today = doc.anchor.date()
    for cand in cands:
        if cand.in_title or not lead < cand.sentence < lead + 1 + _NEWS_REACH or cand.place is None:
            continue
        if cand.sub_event_type not in _VIOLENT_TYPES or _dated_days_before(doc, cand) or _describes_someone(doc, cand):
            continue
        s_start, s_end = doc.sentences[cand.sentence]
        if _SPEECH_AR.search(doc.folded, s_start, s_end):
            continue  # "ورأى نصرالله ان ...", "وحذر الرئيس ...", "وأدانت الوزارة ...": what someone says of it
        counted = any(c.count and not c.zero for c in cand.casualties)
        mention = cand.date_mention
        recent = mention is not None and today - timedelta(days=1) <= (mention.end_date or mention.date) <= today
        turn = _NEWS_TURN_AR.match(doc.folded, s_start) is not None
        if cand.sentence > lead + 2 and not turn:
            continue  # further down, only a sentence that turns to the ground's news
        if (recent or turn) and (cand.roles.actor1 or counted):
            return True
    return False


def _political_statement(doc: Document, lead: int) -> bool:
    """An Arabic report whose title quotes a government, diplomat or leader ("واشنطن: ...",
    "لافروف: ...") and whose lead is that speech tells of a statement, not of an event."""
    if doc.language != "ar" or not doc.title_end or lead < 0:
        return False
    title = doc.folded[: doc.title_end]
    if not _POLITICAL_TITLE.match(title) and not (_SPEAKER_TITLE.match(title) and not _TITLE_DEAD.search(title)):
        return False
    start, end = doc.sentences[lead]
    dateline = _DATELINE.match(doc.folded, start, end)
    return bool(_POLITICAL_LEAD.match(doc.folded, dateline.end() if dateline else start, end))


# A force that encircles or besieges a town ("قوات النظام تطوق دوما", "اطبقت القوات التركيه الحصار علي
# عفرين") tells of an offensive under way: the report is about the fighting its body goes on to tell.
_ENCIRCLE: Final = re.compile(
    r"(?<!\w)[وف]?(?:يطوق|تطوق|طوق|طوقت|طوقوا|تطويق|بتطويق|التطويق|يحاصر|تحاصر|حاصر|حاصرت|حاصروا|اطبق|"
    r"اطبقت|يطبق|تطبق)(?!\w)"
)
# Questions ("ما هي احتمالات الضربات المرتقبة؟", "لماذا ...؟") head analysis and explainers.
_QUESTION_TITLE: Final = re.compile(
    r"^\W*(?:[وف]?(?:ماذا|لماذا|هل|كيف|متي|اين|ما هو|ما هي|ما هم|من هو|من هي|من هم)(?!\w))|[؟?]\W*$"
)
# Features, analysis and opinion announce themselves in the title ("تقرير: ...", "رأي.. ...", "سيناريوهات ...").
_FEATURE_TITLE: Final = re.compile(
    r"^\W*(?:تقرير|تحليل|راي|مقال|قراءه|انفوغرافيك|انفوجرافيك|لمحه|بروفايل|بورتريه|هكذا|عندما)(?!\w)|"
    r"^\W*(?:حدث في|في مثل هذا اليوم)(?!\w)|"  # "حدث في 1 سبتمبر..": what happened on this day in history
    r"(?<!\w)[وف]?(?:سيناريوهات|محطات رئيسيه|دلالات|ابعاد|خفايا|كواليس)(?!\w)|"
    r"(?<!\w)[وفب]?(?:ال)?(?:ذكري|ذكريات)(?!\w)"  # an anniversary, "ذكريات تاريخية": looking back
)
# Police, prosecutors and courts: a killing they pursue, named by no armed group, is a criminal case.
_CRIMINAL: Final = re.compile(
    r"(?<!\w)[وفبل]?(?:ال|لل)?(?:شرطه|مشتبه|يشتبه|تشتبه|ادعاء|نيابه|محكمه|محاكمه|قضاء|اغتصب\S*|اغتصاب|"
    r"جريمه|جاني|جناه|قاتل)(?!\w)"
)
_INTERPERSONAL: Final = {"Attack", "Sexual violence", "Abduction/forced disappearance"}
_AUTHORITIES: Final = re.compile(
    r"(?<!\w)[وفبل]?(?:ال|لل)?(?:شرطه|سلطات|اجهزه الامن|الاجهزه الامنيه|استخبارات|مخابرات|انتربول|ادعاء|نيابه)(?!\w)"
)


def _encirclement_lead(doc: Document, lead: int) -> bool:
    if doc.language != "ar":
        return False
    spans = [(0, doc.title_end)] if doc.title_end else []
    if lead >= 0:
        spans.append(doc.sentences[lead])
    return any(
        _ENCIRCLE.search(doc.folded, start, end) is not None
        and any(start <= a.start < end and a.name != "Civilians" for a in doc.actors)
        for start, end in spans
    )


def _may_encircle(doc: Document, lead: int) -> bool:
    """False when `_encirclement_lead` is surely False, before the actors are found: no encircling verb."""
    if doc.language != "ar":
        return False
    spans = [(0, doc.title_end)] if doc.title_end else []
    if lead >= 0:
        spans.append(doc.sentences[lead])
    return any(_ENCIRCLE.search(doc.folded, start, end) is not None for start, end in spans)


def _analysis_title(doc: Document) -> bool:
    """Whether `_not_an_event_report` reads the candidates' tolls: a question or feature title."""
    title = doc.folded[: doc.title_end].strip()
    return bool(_QUESTION_TITLE.search(title) or for_text(_FEATURE_TITLE, title).search(title))


def _not_an_event_report(doc: Document, lead: int, lead_cands: list[Candidate]) -> bool:
    """Analysis under a question or feature title with no toll in its title or lead, and criminal cases (police,
    courts, a suspect) whose title and lead name no armed group."""
    if doc.language != "ar" or not doc.title_end:
        return False
    title = doc.folded[: doc.title_end].strip()
    if _admission_title(doc, lead_cands):
        return True
    if (_QUESTION_TITLE.search(title) or _FEATURE_TITLE.search(title)) and not any(
        c.count for cand in lead_cands for c in cand.casualties
    ):
        return True
    end = doc.sentences[lead][1] if lead >= 0 else doc.title_end
    if (
        lead_cands
        and all(c.sub_event_type == "Arrests" for c in lead_cands)
        and _AUTHORITIES.search(doc.folded, 0, end) is not None
    ):
        return True  # "الشرطة الفلبينية توقف مشتبها بالانتماء لداعش": police work, no violence
    return (
        bool(lead_cands)
        and all(c.sub_event_type in _INTERPERSONAL for c in lead_cands)
        and _CRIMINAL.search(doc.folded, 0, end) is not None
        and not any(a.start < end and a.name != "Civilians" for a in doc.actors)
    )


# "التحالف يقر بقتل 80 مدنيا", "الجيش يعترف بمسؤوليته عن الغارة": an admission or count of deaths the side
# caused, told as its statement (usually of months of strikes), not an event of the report's day.
_ADMISSION: Final = re.compile(
    r"(?<!\w)[وف]?(?:يقر|تقر|اقر|اقرت|يعترف|تعترف|اعترف|اعترفت|الاعتراف|اقرار)\s+(?:\S+\s+){0,2}?$"
)


def _admission_title(doc: Document, lead_cands: list[Candidate]) -> bool:
    """A title whose first trigger is what a side admits ("يقر بقتل 9 مدنيين في غارات": the strikes after it are
    the means of the admitted deaths): the report tells of the admission."""
    first = next((t for t in doc.triggers if t.start < doc.title_end), None)
    return first is not None and _ADMISSION.search(doc.folded, max(0, first.start - 30), first.start) is not None


def _lead_sentence(doc: Document) -> int:
    """Index of the first body sentence with five words or more (datelines and bylines skipped)."""
    for index, (start, end) in enumerate(doc.sentences):
        if not doc.in_title(start) and len(doc.folded[start:end].split()) >= 5:
            return index
    return -1


def _salience(cand: Candidate, event: Event, order: int, first_sentence: int) -> float:
    score = _TYPE_WEIGHT.get(event.sub_event_type, 0.3)
    if event.sub_event_type in _TERRITORIAL and all(_WEAK_TERRITORY.match(w) for w in cand.words.values()):
        score -= 1.5  # "advanced in" is weaker news than a strike with a toll
    if cand.title_match:
        score += 4.0
    if event.fatalities:
        score += 1.2 + 0.2 * math.log1p(event.fatalities)
    if event.actor1:
        score += 0.4
    if event.actor2:
        score += 0.2
    if cand.sentence == first_sentence:
        score += 2.5
    if event.sub_event_type == "Armed clash" and cand.ground_fighting_over:
        score += 1.0  # "amid air strikes, regime forces battled IS": the ground battle is the event
    score += 1.0 / (1 + order)
    return score


def _event_date(doc: Document, cand: Candidate) -> tuple[date, date | None, int, Any]:
    mention = cand.date_mention or cand.inherited_date
    if mention is not None:
        end = mention.end_date if mention.end_date and mention.end_date != mention.date else None
        return mention.date, end, int(mention.precision), mention
    fallback = context.fallback_date(doc.anchor, doc.report.fetched_at)
    return fallback, None, 1, None


# Demonstrations: protesters who burn, storm or smash riot; forces that fire on protesters use
# excessive force (ACLED's protest and riot sub-event types).
_PROTEST_WORD: Final = re.compile(
    r"(?<!\w)[وفبل]?(?:ال)?(?:مظاهره|مظاهرات|تظاهره|تظاهرات|احتجاج|احتجاجات|متظاهر\S*|محتج\S*)(?!\w)|"
    r"\b(?:protest\w*|demonstrat\w*)"
)
_RIOT_ACT: Final = re.compile(
    r"(?<!\w)[وف]?(?:احرق|احرقوا|احراق|اضرم|اضرموا|اضرام|اقتحم|اقتحموا|اقتحام|حطم|حطموا|تحطيم|رشق|رشقوا|"
    r"اشعل|اشعلوا|نهب|نهبوا|اعمال شغب|شغب)(?!\w)"
)
# The security forces facing a demonstration: the country's police, as ACLED codes them.
_SECURITY_FORCES: Final = re.compile(
    r"(?<!\w)[وبل]?(?:ال|لل)?(?:قوات الامنيه|القوي الامنيه|قوات الامن|قوات مكافحه الشغب|شرطه|الشرطه)(?!\w)"
)
_FIRED_ON: Final = re.compile(
    r"(?<!\w)[وف]?(?:اطلق\S*\s+(?:\S+\s+){0,4}?النار|الرصاص الحي|برصاص|بالرصاص|قنابل الغاز|الغاز المسيل|فرق\S*|"
    r"قمع\S*)(?!\w)"
)


def _protest_type(doc: Document, cand: Candidate, sub_event_type: str, roles: Roles) -> str:
    """Peaceful protest / Violent demonstration / Excessive force against protesters, with ACLED's
    country-qualified protester names; other events pass through."""
    if doc.language != "ar":
        return sub_event_type
    s_start, s_end = doc.sentences[cand.sentence]
    if not any(  # "اندلع النزاع اثر احتجاجات عام 2011": the war's history, not a protest of its days
        not _YEAR.search(doc.folded, max(s_start, m.start() - 40), min(s_end, m.end() + 40))
        for m in _PROTEST_WORD.finditer(doc.folded, s_start, s_end)
    ):
        return sub_event_type
    country = cand.place.location.country if cand.place is not None else ""
    suffix = f" ({country})" if country else ""
    force = roles.actor1 in STATE_FORCES or roles.actor1 == "Police Forces of Iraq"
    if (
        sub_event_type in ("Attack", "Armed clash", "Peaceful protest")
        and force
        and roles.actor2 in ("Protesters", "Civilians", "")
        and _FIRED_ON.search(doc.folded, s_start, s_end)
    ):
        roles.actor2 = "Protesters" + suffix  # "اطلقت قوات الامن النار على المحتجين"
        return "Excessive force against protesters"
    fought = sub_event_type in ("Attack", "Armed clash") and roles.actor1 == "Protesters"
    if sub_event_type == "Peaceful protest" or fought:
        riot = fought or bool(_RIOT_ACT.search(doc.folded, s_start, s_end))  # protesters who attack or clash riot
        roles.actor1 = ("Rioters" if riot else "Protesters") + suffix
        if roles.actor2 == "Protesters":
            roles.actor2 = ""
        if (
            riot
            and not roles.actor2.startswith(("Police Forces of", "Military Forces of"))
            and country
            and _SECURITY_FORCES.search(doc.folded, s_start, s_end)
        ):  # "اقتحموا مبنى البلدية فاشتبكوا مع قوات الأمن": the police they fought, not the premises
            roles.actor2 = f"Police Forces of {country}"
        return "Violent demonstration" if riot else "Peaceful protest"
    if roles.actor2 == "Protesters":
        roles.actor2 += suffix
    return sub_event_type


def _to_event(doc: Document, cand: Candidate) -> Event | None:
    sub_event_type = _finalize_type(cand)
    if not sub_event_type:
        return None
    roles = cand.roles
    if sub_event_type in ("Air/drone strike",) and roles.actor1 and roles.actor1 not in AIR_CAPABLE:
        capable = next((n for n in roles.assoc1 + roles.assoc2 + roles.mentioned if n in AIR_CAPABLE), "")
        if capable:
            if not same_side(roles.actor1, capable):
                roles.actor2 = roles.actor1
                if "actor1" in roles.spans:
                    roles.spans["actor2"] = roles.spans["actor1"]
            roles.actor1 = capable
            roles.spans.pop("actor1", None)
        elif roles.actor2 in AIR_CAPABLE:
            roles.actor1, roles.actor2 = roles.actor2, roles.actor1
            a1, a2 = roles.spans.pop("actor1", None), roles.spans.pop("actor2", None)
            if a2:
                roles.spans["actor1"] = a2
            if a1:
                roles.spans["actor2"] = a1
    if roles.actor2 == roles.actor1:
        roles.actor2 = ""
        roles.spans.pop("actor2", None)
    if doc.language == "ar":  # "أعلن النظام عن تعرض مطار الضبعة لقصف صاروخي": who was named before "تعرض" suffered it
        _subjected_roles(doc, cand, roles)
    if doc.language == "en" and not roles.actor1:
        _unnamed_attacker_en(doc, cand, sub_event_type)
    if doc.language == "ar" and not roles.actor1 and sub_event_type in ("Air/drone strike", "Chemical weapon"):
        _regime_air_weapon_ar(doc, cand, roles)
    if (
        sub_event_type in ("Air/drone strike", "Shelling/artillery/missile attack")
        and roles.actor1 in _FOREIGN_STRIKERS
        and not roles.actor2
        and _MILITARY_TARGET.search(doc.folded, *doc.sentences[cand.sentence])
    ):
        roles.actor2 = "Military Forces of Syria"  # "struck the T4 military airbase": the state's forces
    if doc.language == "ar" and sub_event_type in ("Air/drone strike", "Shelling/artillery/missile attack"):
        _military_site_hit_ar(doc, cand, roles)
    if (
        sub_event_type in ("Air/drone strike", "Shelling/artillery/missile attack")
        and roles.actor1
        and roles.actor1 != "Military Forces of Israel"
        and not roles.actor2
        and cand.place is not None
        and cand.place.location.name == "Golan"
        and any(a.name == "Military Forces of Israel" for a in doc.actors)
    ):
        roles.actor2 = "Military Forces of Israel"  # rockets at the (occupied) Golan Heights hit Israel's side
    if doc.language == "ar" and sub_event_type in _TERRITORIAL and (winner := _won_from_loser(doc, cand)):
        loser = roles.actor1 if roles.actor1 != winner else roles.actor2
        roles.actor1, roles.actor2 = winner, loser  # "خسرت الفصائل البلدة لصالح قوات النظام"
        roles.spans.pop("actor1", None)
        roles.spans.pop("actor2", None)
        if sub_event_type == _TERRITORY and winner in GOVERNMENT_SIDE:
            sub_event_type = "Government regains territory"
    if doc.language == "ar" and sub_event_type in _TERRITORIAL and _evacuation_by_deal(doc, cand):
        sub_event_type = "Non-violent transfer of territory"
    if (
        doc.language == "ar"
        and not roles.actor1
        and sub_event_type in _TERRITORIAL | {"Disrupted weapons use"}
        and (speaker := _state_speaker_forces(doc, cand))
    ):
        roles.actor1 = speaker  # "أعلن الرئيس ... السيطرة على المدينة": his forces took it
        if sub_event_type == _TERRITORY and speaker in GOVERNMENT_SIDE:
            sub_event_type = "Government regains territory"
        if same_side(roles.actor2 or "?", speaker):
            roles.actor2 = ""
            roles.spans.pop("actor2", None)
    sub_event_type = _protest_type(doc, cand, sub_event_type, roles)
    if sub_event_type == "Disrupted weapons use" and not roles.actor2:
        owner = _weapon_owner(doc, cand, roles.actor1)  # "أسقطت طائرة مسيرة سورية": whose weapon was stopped
        if owner and owner != roles.actor1:
            roles.actor2 = owner
    claimer = _claimed_by(doc)
    if claimer and sub_event_type in _EXPLOSIVE | {"Attack"} and roles.actor1 != claimer:
        if roles.actor1 and not roles.actor2:
            roles.actor2 = roles.actor1  # the named side was the target
        roles.actor1 = claimer  # "IS claimed responsibility", "تبنى تنظيم داعش الهجوم"
        roles.spans.pop("actor1", None)
    if sub_event_type in _TERRITORIAL and roles.actor1 and roles.actor2 == "Civilians":
        _armed_loser_of_ground(doc, roles)
    if sub_event_type in _TERRITORIAL and roles.actor1 and not roles.actor2:
        roles.actor2 = _other_side_named(doc, roles.actor1)  # ground changes hands: the side that held it
    if doc.language == "ar" and sub_event_type == "Armed clash" and roles.actor2 == "Civilians":
        roles.actor2 = ""  # a clash is fought between armed sides: civilians named beside it are its victims
        roles.spans.pop("actor2", None)
        if "Civilians" not in roles.victims:
            roles.victims.append("Civilians")
    if doc.language == "ar" and sub_event_type == "Armed clash" and roles.actor1 and not roles.actor2:
        roles.actor2 = _clear_other_side(doc, roles.actor1)  # a clash has two sides: the other one the report names
    if (
        sub_event_type
        in (
            "Attack",
            "Air/drone strike",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Suicide bomb",
            "Abduction/forced disappearance",
            "Chemical weapon",
            "Grenade",
        )
        and not roles.actor2
        and (
            "Civilians" in roles.victims
            or any(
                _CIVILIAN_NOUN.match(doc.folded, c.end) or _CIVILIAN_NOUN.match(doc.folded, c.start)
                for c in cand.casualties
                if c.count and (c.kind == "killed" or (doc.language == "ar" and c.kind == "injured"))
            )
        )
    ):
        roles.actor2 = "Civilians"  # "killed 4 people", "إصابة 5 مدنيين": victims with no armed side named
    if doc.language == "ar" and not roles.actor2 and sub_event_type in _OWNED_WEAPON_TYPES | {"Attack"}:
        _accuser_was_hit(doc, cand, roles)  # (after the civilians: "اتهمت الفصائل النظام بقتل 5 مدنيين")
    if (
        sub_event_type in ("Air/drone strike", "Shelling/artillery/missile attack")
        and not roles.actor2
        and roles.holder
        and not (roles.actor1 and same_side(roles.holder, roles.actor1))
    ):
        roles.actor2 = roles.holder  # "قصفت قوات النظام أحياء تحت سيطرة الفصائل": the side whose ground was hit
    if (
        doc.language == "ar"
        and sub_event_type == "Chemical weapon"
        and not roles.actor2
        and (cand.casualties or _GAS_VICTIMS.search(doc.folded, *doc.sentences[cand.sentence]))
    ):
        roles.actor2 = "Civilians"  # gas released over a town ("استنشقوا غاز الكلور") hits its people
    if (
        doc.language == "en"
        and sub_event_type in ("Attack", "Abduction/forced disappearance")
        and not roles.actor2
        and not cand.armed_victims
    ):
        roles.actor2 = "Civilians"  # the unarmed attacked or taken ("gunmen assassinated the council's head")
    if (
        doc.language == "ar"
        and sub_event_type == "Armed clash"
        and roles.actor2 in ("", "Civilians")
        and _SHOT_AR.search(doc.folded, *cand.clause)
        and (
            "Civilians" in roles.victims
            or any(
                _CIVILIAN_NOUN.match(doc.folded, c.start) or _CIVILIAN_NOUN.match(doc.folded, c.end)
                for c in cand.casualties
                if c.count
            )
        )
    ):
        # "قتل مدني برصاص قناص (قوات النظام)": a civilian shot, not a fight between armed sides
        sub_event_type, roles.actor2 = "Attack", "Civilians"
        roles.actor1 = roles.actor1 or "Unidentified Armed Group"
    if (
        doc.language == "ar"
        and sub_event_type in ("Attack", "Remote explosive/landmine/IED", "Armed clash")
        and not (roles.actor1 and roles.actor2)
        and (survived := _SURVIVED_ATTEMPT_AR.search(doc.folded, *doc.sentences[cand.sentence]))
    ):
        attacker, survivor = _attempt_sides(doc, cand, survived)
        if attacker:  # "نجا قيادي من محاولة اغتيال نفذها التنظيم": the side the agent phrase names carried it out
            other = survivor or (roles.actor1 if roles.actor1 != attacker else roles.actor2)
            roles.actor1, roles.actor2 = attacker, other if other != attacker else ""
            roles.spans.pop("actor1", None)
            roles.spans.pop("actor2", None)
        elif not roles.actor1 or roles.actor1 == survivor:
            # "تعرض رئيس المجلس المحلي لمحاولة اغتيال نجا منها", "نجا قيادي في الفصائل من محاولة اغتيال بعبوة": an
            # attack carried out by someone unnamed on the one who survived it
            roles.actor2 = roles.actor2 or roles.actor1 or "Civilians"
            roles.actor1 = "Unidentified Armed Group"
            roles.spans.pop("actor1", None)
            if sub_event_type == "Armed clash" and roles.actor2 == "Civilians":
                sub_event_type = "Attack"
    if sub_event_type in ("Remote explosive/landmine/IED", "Suicide bomb") and not roles.actor1:
        roles.actor1 = "Unidentified Armed Group"  # a bomb nobody claimed: ACLED's unidentified group
    # Not conflict: an event needs two of: an armed actor, a place, a toll, a date of its own, the title.
    armed = any(n and n != "Civilians" for n in (roles.actor1, roles.actor2))
    both_armed = all(n and n != "Civilians" for n in (roles.actor1, roles.actor2))
    support = (
        armed
        + (both_armed or (sub_event_type == "Armed clash" and doc.language == "en" and _two_groups_named(doc, cand)))
        + (cand.place is not None)
        + bool([c for c in cand.casualties if c.count or c.zero])
        + (cand.date_mention is not None)
        + cand.title_match
    )
    if support < 2 or (sub_event_type == "Armed clash" and not armed):
        return None
    event_date, end_date, precision, date_mention = _event_date(doc, cand)
    published = doc.anchor
    if published is not None and (end_date or event_date) < published.date() - timedelta(days=HISTORY_DAYS):
        return None
    fatalities, qualifier, killed = _toll(doc, cand.casualties, "killed", doc.actors)
    noted_total = bool(killed) and killed[0].total  # the note's own total over what it tells is not split
    split = _coded_share(doc, cand) if not noted_total and (qualifier == "convention" or _notes_split(doc)) else None
    if split is None and fatalities and not noted_total and _notes_split(doc):
        split = _even_share(doc, cand, fatalities)
    if split is not None:  # the note codes part of its total to this event's place
        fatalities, qualifier, killed = split.count, "convention", [split]
    if sub_event_type in _NO_KILLING and doc.language == "ar":
        fatalities, qualifier, killed = None, None, []  # "اعتقلت رجلا يشتبه بأنه قتل فتاة": the arrest killed no one
    injured, _, hurt = _toll(doc, cand.casualties, "injured", doc.actors)
    evidence: list[Evidence] = []

    def add(start: int, end: int, name: str) -> None:
        o_start, o_end = doc.to_original(start, end)
        evidence.append(Evidence(start=o_start, end=o_end, text=doc.text[o_start:o_end], field=name))

    add(cand.triggers[0].start, cand.triggers[0].end, "sub_event_type")
    for name, span in sorted(roles.spans.items()):
        add(span[0], span[1], name)
    for c in killed:
        add(c.start, c.end, "fatalities")
    for c in hurt:
        add(c.start, c.end, "injured")
    if cand.place is not None:
        add(cand.place.start, cand.place.end, "location")
    if date_mention is not None:
        add(date_mention.start, date_mention.end, "event_date")
    actors = []
    if roles.actor1:
        actors.append(Actor(name=roles.actor1, role="actor1"))
    if roles.actor2:
        actors.append(Actor(name=roles.actor2, role="actor2"))
    actors += [Actor(name=n, role="assoc_actor1") for n in roles.assoc1 if n not in (roles.actor1, roles.actor2)]
    actors += [Actor(name=n, role="assoc_actor2") for n in roles.assoc2 if n not in (roles.actor1, roles.actor2)]
    actors += [Actor(name=n, role="victim") for n in roles.victims if n not in (roles.actor1, roles.actor2)]
    named = {a.name for a in actors}
    actors += [Actor(name=n, role="mentioned") for n in dict.fromkeys(roles.mentioned) if n not in named]
    confidence = (
        0.35
        + 0.15 * bool(roles.actor1)
        + 0.1 * bool(roles.actor2)
        + 0.1 * (cand.place is not None)
        + 0.1 * bool(killed)
        + 0.1 * cand.title_match
        + 0.05 * (date_mention is not None)
    )
    location: Location | None = cand.place.location if cand.place is not None else None
    others: list[Location] = []
    for p in cand.other_places:
        if (location is None or p.location.name != location.name) and p.location.name not in {o.name for o in others}:
            others.append(p.location)
    s_start, s_end = doc.sentences[cand.sentence]
    o_start, o_end = doc.to_original(s_start, s_end)
    signature = (
        sub_event_type,
        roles.actor1,
        roles.actor2,
        location.name if location else "",
        event_date.isoformat(),
    )
    return Event(
        event_id=stable_id("event", doc.report.report_id, *signature),
        event_type=SUB_EVENT_TYPES[sub_event_type],  # type: ignore[arg-type]
        sub_event_type=sub_event_type,
        event_date=event_date,
        event_date_end=end_date,
        date_precision=max(1, min(3, precision)),
        actor1=roles.actor1,
        actor2=roles.actor2,
        actors=actors,
        fatalities=fatalities,
        fatalities_qualifier=qualifier,  # type: ignore[arg-type]
        injured=injured,
        location=location,
        other_locations=others,
        report_ids=[doc.report.report_id],
        sources=[doc.report.source] if doc.report.source else [],
        urls=[doc.report.url] if doc.report.url else [],
        evidence=evidence,
        confidence=round(min(0.95, confidence), 3),
        language=doc.language,
        summary=doc.text[o_start:o_end][:300],
        published_at=doc.report.published_at,
        updated_at=doc.report.fetched_at,
    )


# Weapons only the Syrian state used from the air: barrel bombs, and helicopters nobody else is said to fly.
def _two_groups_named(doc: Document, cand: Candidate) -> bool:
    """English: two armed groups named apart in a clash's clause ("Ahrar al-Sham clashed with HTS", "clashes
    between the Free Idlib Army and rebels"), though one side's name was not kept as actor2 (one camp)."""
    named = {
        doc.folded[a.start : a.end]
        for a in doc.actors
        if cand.clause[0] <= a.start < cand.clause[1] and not a.anaphoric and a.name != "Civilians"
    }
    return len(named) >= 2


_REGIME_AIR_WEAPON: Final = re.compile(
    r"\bbarrel[- ]?bomb|(?<!russian )(?<!turkish )(?<!iraqi )(?<!us )(?<!american )(?<!coalition )\bhelicopters?\b"
)
# "a shell fired from rebel-held areas": the side holding the ground it was fired from fired it.
_FIRED_FROM: Final = re.compile(r"\b(?:fired|launched|came) from (?:the |an? )?(?:areas? |positions? |districts? )?$")


def _unnamed_attacker_en(doc: Document, cand: Candidate, sub_event_type: str) -> None:
    """English strikes and shelling whose attacker the sentence leaves unnamed."""
    roles = cand.roles
    s_start, s_end = doc.sentences[cand.sentence]
    if sub_event_type == "Air/drone strike" and _REGIME_AIR_WEAPON.search(doc.folded, s_start, s_end):
        roles.actor1 = "Military Forces of Syria"  # "barrel bombs dropped on Dael": the regime's helicopters
        if roles.actor2 == roles.actor1:
            roles.actor2 = ""  # "barrel bombs and clashes against the regime forces": the regime, misread as target
            roles.spans.pop("actor2", None)
    elif sub_event_type == "Shelling/artillery/missile attack":
        roles.actor1 = next(
            (
                a.name
                for a in doc.actors
                if s_start <= a.start < s_end
                and a.name != "Civilians"
                and _FIRED_FROM.search(doc.folded, max(s_start, a.start - 40), a.start)
            ),
            "",
        )
        if roles.actor1 and roles.actor1 == roles.actor2:  # "rockets fired from rebel areas": the firer, not
            roles.actor2 = ""  # the target
            roles.spans.pop("actor2", None)


# Barrel bombs, and helicopters no other state is said to fly, were the Syrian state's weapons from the air
# ("براميل متفجرة ألقتها مروحيات على البلدة", "غاز سام داخل براميل أسقطتها طائرات مروحية").
_REGIME_AIR_WEAPON_AR: Final = re.compile(
    r"(?<!\w)[وفبل]?(?:ال)?(?:براميل|برميل|برميلا)(?!\w)|"
    r"(?<!\w)[وفبل]?(?:ال)?(?:مروحيات|مروحيه|طائرات مروحيه|طائره مروحيه|الطيران المروحي)(?!\w)"
    r"(?!\s+(?:\S+\s+)?(?:ال)?(?:روسي|تركي|عراقي|امريكي|اميركي|اسرائيلي|للتحالف|التحالف)\S*)"
)


def _regime_air_weapon_ar(doc: Document, cand: Candidate, roles: Roles) -> None:
    """An Arabic air or chemical attack whose sentence names no attacker but barrel bombs or helicopters of no
    other state: the Syrian state's (in Syria, or where no place is known)."""
    if cand.place is not None and cand.place.location.country not in ("", "SY", "Syria"):
        return
    spans = [doc.sentences[cand.sentence]]
    if cand.sub_event_type == "Chemical weapon" or cand.in_title:  # a gas attack is told over several sentences
        spans += [
            span
            for span in doc.sentences
            if any(span[0] <= t.start < span[1] and t.sub_event_type == cand.sub_event_type for t in doc.triggers)
        ]
    pattern = for_text(_REGIME_AIR_WEAPON_AR, doc.folded)
    if not any(pattern.search(doc.folded, s_start, s_end) for s_start, s_end in spans):
        return
    roles.actor1 = "Military Forces of Syria"
    if roles.actor2 == roles.actor1:
        roles.actor2 = ""
        roles.spans.pop("actor2", None)


# Foreign air forces and states named in a report rarely held the ground that changed hands.
_NOT_GROUND_HOLDERS: Final = frozenset(
    {
        "Civilians",
        "Military Forces of Russia",
        "Military Forces of the United States",
        "Military Forces of Israel",
        "Military Forces of Iran",
        "Coalition",
    }
)


_SUBJECTED: Final = re.compile(r"(?<!\w)[وفب]?(?:ل|ال)?(?:تعرض|تعرضت|يتعرض|تتعرض|تعرضه|تعرضها|تعرضوا)(?!\w)")
_TO_OBJECT: Final = re.compile(r"(?<!\w)ل\S*\W*$")


def _subjected_to(doc: Document, cand: Candidate) -> Any:
    """The "تعرض" whose "لـ" object the candidate's trigger is ("تعرض مطار الضبعة لقصف صاروخي"), if any: who is
    named before it suffered the act; its agent, if any, comes after ("من قبل X", "شنه X")."""
    trigger = cand.triggers[0]
    word_start = doc.folded.rfind(" ", cand.clause[0], trigger.start) + 1
    if not (
        doc.folded.startswith("ل", trigger.start)
        or _TO_OBJECT.search(doc.folded, max(word_start - 12, 0), trigger.start)
    ):
        return None
    found = list(_SUBJECTED.finditer(doc.folded, max(cand.clause[0], trigger.start - 70), trigger.start))
    subjected = found[-1] if found else None
    if subjected is None or "." in doc.folded[subjected.end() : trigger.start]:
        return None
    return subjected


def _subjected_roles(doc: Document, cand: Candidate, roles: Roles) -> None:
    subjected = _subjected_to(doc, cand)
    if subjected is None:
        return
    span = roles.spans.get("actor1")
    if roles.actor1 and span is not None and span[1] <= cand.triggers[0].start:  # before or after "تعرض"
        if not roles.actor2 and roles.actor1 != "Civilians":
            roles.actor2 = roles.actor1
            roles.spans["actor2"] = span
        roles.actor1 = ""
        roles.spans.pop("actor1", None)
    elif not roles.actor1 and not roles.actor2:
        s_start = doc.sentences[cand.sentence][0]
        owner = [a for a in doc.actors if s_start <= a.start and a.end <= subjected.start() and a.name != "Civilians"]
        if owner:  # "أعلن الجيش السوري عن تعرض مطار الشعيرات لقصف": the army's own base
            roles.actor2 = owner[-1].name
            roles.spans["actor2"] = (owner[-1].start, owner[-1].end)


# "غارة جوية على موقع عسكري", "تعرض مواقع عسكرية لضربات صاروخية", "اعتدى على أحد مواقعنا العسكرية".
_MILITARY_SITE_AR: Final = re.compile(
    r"(?<!\w)[وبلف]?(?:ال)?(?:مطار|قاعده|ثكنه|مواقع|موقع|مقر|مقرات|نقطه|نقاط)\S*\s+(?:\S+\s+)?(?:ال)?عسكري\S*"
)


def _military_site_hit_ar(doc: Document, cand: Candidate, roles: Roles) -> None:
    """An Arabic strike in Syria on "a military site" whose owner the text does not name (only "our sites" in the
    state's words): the Syrian state's forces were hit, not civilians, when no one else is said to hold it."""
    if roles.actor2 not in ("", "Civilians") or same_side(roles.actor1 or "?", "Military Forces of Syria"):
        return
    if cand.place is not None and cand.place.location.country not in ("", "SY", "Syria"):
        return
    s_start, s_end = doc.sentences[cand.sentence]
    spans = [(s_start, s_end)] + ([(0, doc.title_end)] if cand.title_match and doc.title_end else [])
    if roles.actor2 == "Civilians" and any("مدني" in doc.folded[a:b] for a, b in spans):
        return  # civilians are told among the dead
    pattern = for_text(_MILITARY_SITE_AR, doc.folded)
    if any(pattern.search(doc.folded, a, b) for a, b in spans):
        roles.actor2 = "Military Forces of Syria"
        roles.spans.pop("actor2", None)


# Fighters taken out of a town ("إخراج", "إجلاء", "خروج") under a deal or in an evacuation operation: the ground
# changes hands without a fight ("خلال عملية إخراج الفصيل منها", "خروج المقاتلين بموجب اتفاق").
_EVACUATION_WORD: Final = re.compile(r"[وفبل]?(?:ال|لل)?(?:اخراج|اجلاء|خروج|اجلت|اخرجت|اخرج)(?:ه|ها|هم)?$")
_DEAL_WORD: Final = re.compile(r"(?<!\w)[وفبل]?(?:ال)?(?:اتفاق\S*|تسويه|مصالحه|بموجب)(?!\w)")
_UNDER_DEAL_AFTER: Final = re.compile(
    r"[^.,،]{0,70}?(?:(?<!\w)بموجب\s+(?:ال)?(?:اتفاق\S*|تسويه|مصالحه)|"
    # "دخلت القوات البلدة بعد انسحاب الفصائل منها دون قتال": no fight for it
    r"(?<!\w)(?:من\s+)?(?:دون|بدون)\s+(?:اي\s+)?(?:قتال|مقاومه|معارك|اشتباكات|مواجهات)(?!\w))"
)
_OPERATION_BEFORE: Final = re.compile(r"(?<!\w)[وفبل]?(?:ال)?(?:عمليه|عمليات)\s+$")


def _evacuation_by_deal(doc: Document, cand: Candidate, said_under_deal: bool = True) -> bool:
    """A change of ground told only by evacuation words, under a deal or as an evacuation operation; or one the
    report says was made under a deal ("استعادت القوات خمس بلدات بموجب اتفاقات مصالحة")."""
    ground = [t for t in cand.triggers if t.sub_event_type == _TERRITORY]
    under_deal = for_text(_UNDER_DEAL_AFTER, doc.folded)
    if said_under_deal and any(under_deal.match(doc.folded, t.end, min(len(doc.folded), t.end + 90)) for t in ground):
        return True
    words = [cand.words.get(t.start, "") for t in ground]
    if not words or not all(_EVACUATION_WORD.match(w) for w in words):
        return False
    s_start, s_end = doc.sentences[cand.sentence]
    return bool(
        for_text(_DEAL_WORD, doc.folded).search(doc.folded, s_start, s_end)
        or any(_OPERATION_BEFORE.search(doc.folded, max(s_start, t.start - 14), t.start) for t in cand.triggers)
    )


def _title_names_the_attacker(title: Candidate, body: Candidate) -> None:
    """"داعش يرتكب مذبحة" over "مسلحون فتحوا النار على المدنيين": the body leaves the attacker unnamed (or
    names only gunmen); the title's subject is the attacker of the event it heads."""
    attacker = title.roles.actor1
    if (
        _finalize_type(body) not in _INTERPERSONAL | _EXPLOSIVE  # who fights or strikes, the body names itself
        or not attacker
        or attacker in ("Civilians", "Unidentified Armed Group")
        or body.roles.actor1 not in ("", "Unidentified Armed Group")
        or (body.roles.actor2 and same_side(attacker, body.roles.actor2))
    ):
        return
    body.roles.actor1 = attacker
    body.roles.spans.pop("actor1", None)


_UNKNOWN_AGENT_AR = re.compile(r"(?<!\w)[وب]?(?:ال)?(?:مجهول\S*|لم\s+(?:يعرف|تعرف|يتضح|تتضح|يحدد|تحدد|تعرف))(?!\w)")


# "الغارات نفذتها طائرات روسية", "الضربات التي شنتها مقاتلات X": the strikes, definite, and who carried them out.
_STRIKES_CARRIED_OUT_BY: Final = re.compile(
    r"(?<!\w)[وب]?(?:ال)(?:غارات|غاره|ضربات|ضربه)(?:\s+(?:الجويه|التي))*\s+(?:نفذتها|شنتها|نفذها|شنها)\s+"
    r"(?:(?:ال)?(?:طائرات|مقاتلات|طيران)\s+(?:حربيه\s+)?)?$"
)


# "التصعيد العسكري لقوات النظام", "الحملة الجوية التي تشنها روسيا", "هجوم قوات النظام": the side waging a campaign.
_CAMPAIGN_OF: Final = re.compile(
    r"(?<!\w)[وبل]?(?:ال)?(?:تصعيد|حمله|هجوم)\s+(?:ال)?(?:عسكري|عسكريه|جوي|جويه)?\s*"
    r"(?:ل|الذي\s+[يت]شنه\s+|التي\s+[يت]شنها\s+|من\s+قبل\s+)?$"
)


def _attacker_named_elsewhere(doc: Document, cands: list[Candidate]) -> None:
    """Arabic reports tell the bombardment first and who carried it out further on ("اشتد القصف على البلدة"
    ... "طائرات النظام استهدفت البلدة"): a strike or shelling whose sentence names no attacker was carried out by
    the one attacker the report names for strikes (or shelling) of its kind, unless it calls the attacker unknown."""
    told_by = for_text(_STRIKES_CARRIED_OUT_BY, doc.folded)
    carried_out = {a.name for a in doc.actors if told_by.search(doc.folded, max(0, a.start - 60), a.start)}
    if len(carried_out) == 1:  # "مؤكدا أن الغارات نفذتها طائرات روسية": the report's own word on whose jets they were
        owner = carried_out.pop()
        for c in cands:
            if (
                _finalize_type(c) == "Air/drone strike"
                and c.roles.actor1 not in ("", owner)
                and same_side(c.roles.actor1, owner)
            ):
                c.roles.actor1 = owner
                c.roles.spans.pop("actor1", None)
    campaign = for_text(_CAMPAIGN_OF, doc.folded)
    waging = {
        a.name
        for a in doc.actors
        if a.name not in ("Civilians", "Unidentified Armed Group")
        and campaign.search(doc.folded, max(0, a.start - 40), a.start)
    }
    for kind in ("Air/drone strike", "Shelling/artillery/missile attack"):
        same = [c for c in cands if _finalize_type(c) == kind]
        named = {c.roles.actor1 for c in same if c.roles.actor1 not in ("", "Civilians", "Unidentified Armed Group")}
        wagers = {w for w in waging if kind != "Air/drone strike" or w in AIR_CAPABLE}  # (IS flies no jets)
        if not named and len(waging) == 1 and len(wagers) == 1:
            named = set(wagers)  # "منذ بدء التصعيد العسكري لقوات النظام": the side waging the campaign bombards
        if len(named) != 1:
            continue
        attacker = named.pop()
        unknown = for_text(_UNKNOWN_AGENT_AR, doc.folded)
        for c in same:
            s_start, s_end = doc.sentences[c.sentence]
            if (
                c.roles.actor1
                or (c.roles.actor2 and same_side(c.roles.actor2, attacker))
                or unknown.search(doc.folded, s_start, s_end)
            ):
                continue
            c.roles.actor1 = attacker
            c.roles.spans.pop("actor1", None)
    # "كثف الجيش قصفه على المخيم" ... "غارات الجيش على المخيم الواقع تحت سيطرة التنظيم": the side the same attacker
    # is told hitting at the same place further on was hit by its bombardment there too.
    remote = [c for c in cands if _finalize_type(c) in ("Air/drone strike", "Shelling/artillery/missile attack")]
    for c in remote:
        if not c.roles.actor1 or c.roles.actor2 or c.place is None:
            continue
        hit = {
            o.roles.actor2
            for o in remote
            if o is not c
            and o.roles.actor1 == c.roles.actor1
            and o.place is not None
            and o.place.location.name == c.place.location.name
            and o.roles.actor2 not in ("", "Civilians")
        }
        if len(hit) == 1:
            c.roles.actor2 = hit.pop()
            c.roles.spans.pop("actor2", None)


# "الحشد يتهم التحالف بشن غارة", "اتهمت الفصائل قوات النظام بقصف ...": who accuses another of an attack was hit by it.
_ACCUSES_AR: Final = re.compile(r"(?<!\w)[وف]?(?:اتهم|اتهمت|يتهم|تتهم)(?!\w)")


_GAS_VICTIMS: Final = re.compile(r"(?<!\w)[وب]?(?:ال)?(?:اختناق|استنشاق|استنشق\S*|اعراض|حالات اختناق|مختنق\S*)(?!\w)")


def _accuser_was_hit(doc: Document, cand: Candidate, roles: Roles) -> None:
    """An Arabic strike or attack whose sentence names an armed accuser of it (subject of "اتهم"/"يتهم") and no
    other side: the accuser was its target."""
    s_start = doc.sentences[cand.sentence][0]
    trigger = cand.triggers[0].start
    for verb in for_text(_ACCUSES_AR, doc.folded).finditer(doc.folded, s_start, trigger):
        opening = not doc.folded[max(s_start, doc.folded.rfind(",", 0, verb.start()) + 1) : verb.start()].strip(
            " \n\"«-—"
        )  # "اتهم الحشد التحالف": a clause-initial verb's subject follows it ("دمشق اتهمت إسرائيل": the object)
        accuser = next(
            (
                a
                for a in doc.actors
                if a.name not in ("Civilians", "Unidentified Armed Group")
                and (0 <= verb.start() - a.end <= 2 or (opening and 0 <= a.start - verb.end() <= 1))
                and s_start <= a.start < trigger
            ),
            None,
        )
        if accuser is not None and accuser.name != roles.actor1:  # even an ally: "الحشد يتهم التحالف"
            roles.actor2 = accuser.name
            roles.spans["actor2"] = (accuser.start, accuser.end)
            if accuser.name in roles.assoc1:
                roles.assoc1.remove(accuser.name)
            return


def _armed_loser_of_ground(doc: Document, roles: Roles) -> None:
    """Ground is taken from an armed side, not from its residents ("سيطرت القوات على نصف الغوطة وسط نزوح المدنيين"):
    civilians named beside a territorial change are its victims; the other side is the armed one the report names
    (none when it names none)."""
    roles.actor2 = ""
    roles.spans.pop("actor2", None)
    if "Civilians" not in roles.victims:
        roles.victims.append("Civilians")


# "بدأ الجيش عملية ضد مسلحي الوحدات", "في مواجهة عناصر التنظيم": the side an operation is waged against.
_AGAINST_BEFORE_AR: Final = re.compile(
    r"(?<!\w)(?:ضد|بمواجهه|في مواجهه|لمواجهه)\s+(?:(?:ال)?(?:مسلحي|عناصر|مقاتلي|مواقع|معاقل)\s+)?[\"«]?$"
)


def _fought_against(doc: Document, actor1: str) -> str:
    """The side an Arabic report says ``actor1``'s side waged its fight against ("ضد ...", "" if none)."""
    against = for_text(_AGAINST_BEFORE_AR, doc.folded)
    for i, mention in enumerate(doc.actors):
        cue = against.search(doc.folded, max(0, mention.start - 24), mention.start)
        waged_by = doc.actors[i - 1] if i else None  # who wages it: the actor named just before, in the sentence
        if (
            cue
            and waged_by is not None
            and same_side(waged_by.name, actor1)
            and not re.search(r"[.\n]", doc.folded[waged_by.end : cue.start()])
            and mention.name not in _NOT_GROUND_HOLDERS
            and not mention.name.startswith(("Protesters", "Rioters"))
            and not same_side(mention.name, actor1)
        ):
            return mention.name
    return ""


def _other_side_named(doc: Document, actor1: str) -> str:
    """The armed actor the report names most often on the side opposing ``actor1`` ("" if none); in Arabic,
    the side the report says ``actor1`` fought against ("ضد ...") first."""
    if doc.language == "ar" and (against := _fought_against(doc, actor1)):
        return against
    counts: dict[str, int] = {}
    for mention in doc.actors:
        if mention.name not in _NOT_GROUND_HOLDERS and not same_side(mention.name, actor1):
            counts[mention.name] = counts.get(mention.name, 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else ""


# A state's leader, government, army or official media announcing ground taken or a weapon stopped speaks for
# that state's forces ("أعلن الرئيس الفلاني ... السيطرة على البلدة", "قال التلفزيون الرسمي إن الدفاعات الجوية
# تصدت لصواريخ"): they took the ground or stopped the weapon. Accusations and denials are not announcements.
_STATE_ADJ_AR: Final = {
    "ترك": "Military Forces of Turkey",
    "روس": "Military Forces of Russia",
    "سور": "Military Forces of Syria",
    "اسر": "Military Forces of Israel",
    "اير": "Military Forces of Iran",
    "عرا": "Military Forces of Iraq",
    "امر": "Military Forces of the United States",
    "امي": "Military Forces of the United States",
}
_LEADER_AR: Final = {
    "اردوغان": "Military Forces of Turkey",
    "بوتين": "Military Forces of Russia",
    "بوتن": "Military Forces of Russia",
    "الاسد": "Military Forces of Syria",
    "نتنياهو": "Military Forces of Israel",
    "ليبرمان": "Military Forces of Israel",
    "روحاني": "Military Forces of Iran",
    "العبادي": "Military Forces of Iraq",
    "ترامب": "Military Forces of the United States",
    "ترمب": "Military Forces of the United States",
}
_STATE_SPEAKER_AR: Final = re.compile(
    r"(?<!\w)[وف]?(?:اعلن|اعلنت|قال|قالت|اكد|اكدت|ذكر|ذكرت|افاد|افادت|اوضح|اوضحت|يعلن|تعلن)(?!\w)[^.:؟!]{0,25}?"
    r"(?:(?:ال)?(?:رئيس|رئاسه|حكومه|وزير الدفاع|وزاره الدفاع|جيش|قوات المسلحه|هيئه الاركان|رئاسه الاركان|"
    r"رئيس الوزراء|وسائل الاعلام الرسميه|الاعلام الرسمي|التلفزيون الرسمي|وكاله الانباء الرسميه|القياده العسكريه|"
    r"القياده العامه للجيش)\s+(?:ال)?(?P<adj>ترك|روس|سور|اسر|اير|عرا|امر|امي)\S*|"
    r"(?:\S+\s+){0,3}?(?P<leader>" + "|".join(_LEADER_AR) + r"))(?!\w)"
)
_STATE_SPEAKER_TITLE_AR: Final = re.compile(  # a title's "أردوغان يعلن ...", "الجيش التركي يعلن ..."
    r"^\W*(?:(?:ال)?(?:رئيس|جيش|وزاره الدفاع|وزير الدفاع)\s+(?:ال)?(?P<adj>ترك|روس|سور|اسر|اير|عرا|امر|امي)\S*|"
    r"(?P<leader>" + "|".join(_LEADER_AR) + r"))(?!\w)(?:\s+\S+){0,3}?\s+(?:يعلن|تعلن|يؤكد|تؤكد)(?!\w)"
)


def _state_speaker_forces(doc: Document, cand: Candidate) -> str:
    """The forces of the state whose leader, army or official media announces the candidate's event in its
    sentence, before its trigger ("" when none does)."""
    s_start, _ = doc.sentences[cand.sentence]
    trigger = cand.triggers[0].start
    found = None
    if cand.in_title:
        found = _STATE_SPEAKER_TITLE_AR.match(doc.folded, s_start, trigger)
    for m in _STATE_SPEAKER_AR.finditer(doc.folded, s_start, trigger):
        found = m
    if found is None or trigger - found.end() > 120:
        return ""
    if found.group("leader"):
        return _LEADER_AR[found.group("leader")]
    return _STATE_ADJ_AR[found.group("adj")[:3]]


def _clear_other_side(doc: Document, actor1: str) -> str:
    """The armed side opposing ``actor1`` that the report says it fought against, or else names more often than
    any other opposing side ("" when the report leaves it unclear)."""
    against = _fought_against(doc, actor1)
    if against:
        return against
    counts: dict[str, int] = {}  # by camp: the army and its militias are one side
    names: dict[str, int] = {}
    for mention in doc.actors:
        if not mention.name.startswith(("Civilians", "Protesters", "Rioters")) and not same_side(mention.name, actor1):
            counts[camp(mention.name)] = counts.get(camp(mention.name), 0) + 1
            names[mention.name] = names.get(mention.name, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return ""  # no other side, or the most named only by a tie
    side = max(counts, key=lambda c: counts[c])
    return max((n for n in names if camp(n) == side), key=lambda n: names[n])


def _dedupe_ids(events: list[Event]) -> list[Event]:
    seen: dict[str, int] = {}
    out = []
    for event in events:
        n = seen.get(event.event_id, 0)
        seen[event.event_id] = n + 1
        if n:
            event = event.model_copy(update={"event_id": stable_id(event.event_id, n)})
        out.append(event)
    return out
