"""Who did what to whom: actor1 (initiator), actor2 (the other side or the victims), associates.

Rules follow how reports phrase agency in both languages: an agent phrase ("by X", "من قبل X",
"على يد X") names the initiator; "between X and Y" / "بين X و Y" orders the sides; "against / on /
with / targeting / ضد / على / مع / استهداف" mark the other side; "backed by / المدعومة بـ / بإسناد
من" and "X and Y" of one camp make associates; the subject nearest before the trigger initiates;
civilians are victims, never initiators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from processors.extract.fastre import for_text, matcher, may_match, quick, searcher
from processors.extract.mentions import ActorMention

_CAMPS: Final[dict[str, str]] = {
    "Military Forces of Syria": "gov",
    "Militia (Pro-Government)": "gov",
    "Military Forces of Russia": "gov",
    "Military Forces of Iran": "gov",
    "Hezbollah": "gov",
    "Military Forces of Iraq": "iraq",
    "Police Forces of Iraq": "iraq",
    "Popular Mobilization Forces": "iraq",
    "Badr Organization": "iraq",
    "Military Forces of Turkey": "turkey",
    "Syrian National Army": "turkey",
    "Syrian Democratic Forces": "sdf",
    "YPG": "sdf",
    "Asayish": "sdf",
    "Coalition": "coalition",
    "Military Forces of the United States": "coalition",
    "Opposition Rebels": "rebels",
    "Hayat Tahrir al-Sham": "rebels",
    "Jabhat al-Nusra": "rebels",
    "Jaysh al-Islam": "rebels",
    "Faylaq al-Rahman": "rebels",
    "Ahrar al-Sham": "rebels",
    "National Liberation Front": "rebels",
    "Khalid ibn al Walid Army": "Islamic State",  # pledged to IS
}
_ALLIED_CAMPS: Final = {frozenset({"coalition", "sdf"}), frozenset({"coalition", "iraq"})}

_AGENT_BEFORE: Final = re.compile(
    r"(?:(?:من قبل|من جانب|علي يد|علي ايدي|بواسطه|نفذها|نفذته|نفذه|شنتها|شنها|شنه|تبنته|تبناها|تبناه|برصاص|"
    r"بنيران)(?:\s+(?:مسلحو|مسلحي|مسلحون|عناصر|مقاتلو|مقاتلي|مقاتلين|مسلحين|قناص|قناصه|حراس|حرس)(?:\s+من)?"
    r"(?:\s+(?:مقر|مقرات)\S*)?)?|\bby|"
    r"\bcarried out by|\b(?:fell|fallen|falls|falling) (?:in)?to(?: the)?(?: [\w.'-]+-(?:backed|led))?|"
    r"\bconducted by|\blaunched by|\bclaimed by)\s*$"
)
_BACKER_BEFORE: Final = re.compile(
    r"(?:تقوده|يقوده|بقياده|الذي تقوده|التي تقودها|led by|"
    r"المدعومه ب|المدعمه ب|المدعومه من|المدعمه من|المدعوم من|المدعوم ب|بدعم من|بدعم|باسناد من|باسناد|"
    r"بمسانده|بمساندة|بغطاء من|بغطاء|بمشاركه|وبدعم من|وباسناد من|مدعومه ب|مدعومه من|بالقوات|بالمسلحين|"
    # "منظمة بدر المقربة من إيران", "ميليشيات موالية لإيران": the state a group is close or loyal to
    r"المقربه من|المقرب من|المقربين من|مقربه من|مقرب من|القريبه من|المواليه ل|موالية ل|مواليه ل|الموالين ل|"
    r"موالين ل|الموالي ل|موالي ل|"
    r"backed by|supported by|with the support of|with support from|assisted by|alongside|along with|"
    r"together with|accompanied by|aided by|(?:and|,) (?:its|their) allies,?|as well as)\s*\S{0,4}\s*$"
)
_OPPONENT_BEFORE: Final = re.compile(
    r"(?:\bagainst|\bwith|\bon|\btargeting|\btargeted|\bat|\bhit|(?<!toll )\bfrom|\bfought|\bclashed with|\bambushed|"
    r"\battacked|\bstruck|\bshelled|\bbombed|\bkilled|\bkilling|\bpositions of|\bafter|\bfollowing|"
    r"ضد|مع|علي|عل|استهدف\S*|استهداف|مواقع|نقاط|مناطق|انسحاب|انسحابات|من جانب اخر|صفوف|صفوف عناصر|"
    r"عناصر من|عناصر|تجمعات|مقرات|مقر|هدفا|اهدافا|اهداف|هدف|من|"
    r"(?:مواقع|نقاط|مقرات|تجمعات|ثكنات|مستودعات|اهدافا|اهداف)\s+(?:عسكريه|تابعه|التابعه)(?:\s+(?:تابعه|التابعه))?[\"»”]?)"
    r"\s*(?:the\s+|an?\s+)?$"
)
_WITHDREW_AFTER: Final = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:withdr[ae]w|retreated|pulled out|fled|was expelled|were "
    r"expelled|was driven|were driven|was forced|were forced|lost)"
)
_VICTIM_BEFORE: Final = re.compile(
    r"(?:(?<!\w)(?:بينهم|منهم|من بينهم)\s+(?:\S+\s+){0,2}?(?:من|من صفوف|في صفوف)|"
    r"(?:\d+|قتل\w*|مقتل|مصرع|اصابه|جرح|killing|killed|wounding|injuring)\s+(?:\S+\s+)?(?:علي الاقل\s+)?"
    r"(?:من|من صفوف|في صفوف|of|from)|(?:قتل\w*|مقتل|مصرع|killing|killed|wounding|injuring)(?:\s+\d+)?)\s*$"
)
# "مصرع قائد مجموعة من ميليشيات حزب الله", "مقتل قيادي في ميليشيا حزب الله": the group lost a member.
# "القضاء على أعداد كبيرة من مسلحي داعش": the group whose fighters were wiped out lost them too.
_MEMBER_KILLED_BEFORE: Final = re.compile(
    r"(?<!\w)[وب]?(?:مقتل|مصرع|قتل|اغتيال|اصابه|القضاء علي|تصفيه)\s+(?:\S+\s+){1,4}?(?:من|في)\s+"
    r"(?:صفوف\s+|ميليشيا\S*\s+|ميليشيات\s+|مليشيا\S*\s+|قوات\s+|عناصر\s+|كتيبه\s+|فصيل\s+|مسلحي\s+|"
    r"مقاتلي\s+|جنود\s+)?$"
)
# "مقتل 26 مقاتلا مواليا للنظام": fighters loyal to the group were killed; the group lost them.
_LOYAL_KILLED_BEFORE: Final = re.compile(
    r"(?<!\w)[وب]?(?:\d+|قتل\w*|مقتل|مصرع|اصابه|جرح)\s+(?:\S+\s+){0,2}?(?:مواليا|موالين|الموالين|مواليه|"
    r"المواليه|تابعين|التابعين|تابعا)\s*$"
)
# "مقتل 9 مقاتلين موالين للنظام", "مصرع عناصر من داعش": the group named right after a death lost them.
# "خسرت قوات النظام 7 عناصر": the side that lost men, named after the verb "lost".
_LOST_MEN_BEFORE: Final = re.compile(r"(?<!\w)[وف]?(?:قد\s+)?(?:خسر|خسرت|خسروا|يخسر|تخسر)\s+$")
_COUNTED_DEAD_BEFORE: Final = re.compile(r"(?<!\w)[وب]?(?:(?:مقتل|مصرع|اصابه)(?:\s+\d+)?|(?:قتل|جرح)\s+\d+)\s+$")
_OWN_FORCES: Final = re.compile(
    r"(?<!\w)[وف]?(?:قوات|طائرات|مقاتلات|وحدات|جنود|مقاتلي|طيران|مدفعيه|دفاعات|مروحيات)(?:ها|ه|هم)(?!\w)"
)
_MINISTRY_BEFORE: Final = re.compile(
    r"(?:وزاره الدفاع|الجيش|هيئه الاركان|رئاسه الاركان)\s+(الروسي|التركي|الاسرائيلي|الامريكي|الاميركي|العراقي|"
    r"الايراني)\S?\s+(?:\S+\s+){0,3}?(?:ان|إن|انه)?\s*$"
)
_ARABIC_SUBJECT_GAP: Final = re.compile(r",\s*و|\.\s")  # a new clause between the pair and the later subject
_MINISTRY_HINT: Final = re.compile(r"الدفاع|الجيش|الاركان")
_STATE_FORCES: Final = {
    "الروس": "Military Forces of Russia",
    "الترك": "Military Forces of Turkey",
    "الاسر": "Military Forces of Israel",
    "الامر": "Military Forces of the United States",
    "الامي": "Military Forces of the United States",
    "العرا": "Military Forces of Iraq",
    "الاير": "Military Forces of Iran",
}


def armed_before(mentions: list[ActorMention], armed: list[int], at: int) -> bool:
    """Whether an armed actor is named before ``at``."""
    return any(mentions[i].end <= at for i in armed)


_RELATIVE: Final = re.compile(r"(?:و)?(?:التي|الذي|الذين|اللذين|اللتين)(?!\w)|(?:which|who)\b")
_WITHDRAWAL: Final = re.compile(r"انسحاب|انسحب|تراجع|withdraw|retreat|pull-?out")
_SPEAKER_BEFORE: Final = re.compile(
    r"(?<!\w)[وف]?(?:قال|قالت|اعلن|اعلنت|اكد|اكدت|افاد|افادت|ذكر|ذكرت|اتهم|اتهمت|يتهم|تتهم|نفي|نفت|ينفي|تنفي|"
    r"ندد|نددت|دان|دانت|ادان|ادانت|حذر|حذرت|زعم|زعمت|زعمت|كشف|كشفت|اعترف|اعترفت|طالب|طالبت|يقول|تقول|اشار|"
    r"اشارت|اوضح|اوضحت|هدد|هددت|توعد|تعهد|اتهام|بيان|رفض|رفضت)\s+(?:\S+\s+)?#?$|"  # "قالت #وحدات_...": a hashtag
    r"\b(?:according to|quoting|cited|citing)\s+(?:\S+\s+){0,2}$"
)
# "... إن متشددين", "... أن الطائرات": the speaker's words name another subject ("انه", "ان قواته" do not).
_THAT_OTHER: Final = re.compile(
    r"\s*(?:,[^,]{0,25},\s*)?(?:ان|بان)\s+(?!(?:قوات|طائرات|مقاتلات|وحدات|جنود|عناصر|مقاتلي|دفاعات)\S*(?:ه|ها|هم)(?!\w))"
)
_SPEAKER_AFTER: Final = re.compile(
    r"^(?:\s+\S+){0,2}?\s+(?:said|says|say|announced|claimed|accused|accuses|denied|denies|reported|stated|"
    r"confirmed|warned|condemned|threatened|vowed|blamed|insisted|told)\b|"
    r"^\s+(?:قد\s+)?(?:ابلغت|ابلغ|قالت|اعلنت|اكدت|حذرت|ذكرت|افادت|اشارت|نفت|طالبت|دعت|هددت|توعدت|اتهمت|نددت|"
    r"ادانت|تقول|يقول|تتهم|يتهم|تحذر|يحذر)(?!\w)"
)
# "The Turkish army said it had killed 15 militants": the speaker tells its own act.
_SAYS_ITSELF: Final = re.compile(r"^\s+(?:\S+\s+)?(?:said|says|announced|claimed|stated)\s+(?:that\s+)?(?:it|they)\b")
_STATUS_BEFORE: Final = re.compile(
    # whose ground or post it is, whose land lies across a border ("the crossing with Turkey", "the Golan Heights
    # occupied by Israel", "الجولان الذي تحتله إسرائيل"): no side of what happened there
    r"(?:(?:held by|controlled by|occupied by|manned by|guarded by|operated by|run by|under the control of|"
    r"(?:crossings?|crossing points?|frontiers?|boundary|borders?) (?:with|into))(?: the)?\s*$|"
    r"[تي]حتل(?:ها|ه)\s*$|(?:ال)?محتل(?:ه)? من قبل\s*$|"
    r"belonging to|"
    r"blaming|blamed (?:\S+ ){0,3}?on|accusing|accused|متهما|متهمه|محمله|محملا|"
    # the charge against victims names a side that took no part: "accused of spying for the coalition"
    r"spying for|spied for|collaborat\w* with|working for|worked for|dealing with|links to|ties to|loyalty to|"
    r"allegiance to|informing for|informers? for|"
    r"under (?:the )?control of|territor(?:y|ies) of|areas? of|borders? of|bordering|"
    r"تحت سيطره|لسيطره|مناطق سيطره|مناطق نفوذ|مناطق|سيطره|[تي]سيطر علي(?:ها|ه)|معقل|معاقل|بتهمه(?:\s+\S+){0,3})\s*$"
)
# "struck positions held by the Syrian army", "قصفت مواقع تحتلها الوحدات": a post is its side's men, who were hit
# (only neighbourhoods, towns, areas and land held by X are ground, no side of what happened there).
_HELD_POST: Final = re.compile(
    r"\b(?:positions?|posts?|outposts?|checkpoints?|bases?|barracks|headquarters|bunkers?|trenches|fortifications?|"
    r"emplacements?)\s+(?:[\w-]+\s+){0,2}?(?:held|controlled|occupied|manned|guarded|operated|run)\s+by(?: the)?\s*$|"
    r"(?<!\w)[وب]?(?:ال)?(?:مواقع|موقع|نقاط|نقطه|حواجز|حاجز|مقرات|مقر|ثكنات|ثكنه|تحصينات|متاريس)ا?\s+(?:\S+\s+){0,2}?"
    r"(?:[تي]حتل(?:ها|ه)|[تي]سيطر علي(?:ها|ه)|(?:ال)?محتل(?:ه)? من قبل)\s*$"
)
# "بعد سيطره قوات النظام علي مسرابا": X's seizure of a place, not ground under X's control.
_SEIZED_BY: Final = re.compile(r"(?<!تحت )(?<!مناطق )(?<!\w)[وب]?سيطره\s*$")
_ON_AFTER: Final = re.compile(r"^(?:\s+(?!علي)\S+){0,2}\s+علي(?!\w)")
_STATUS_AFTER: Final = re.compile(r"^-?(?:held|controlled|run)\b")
_HELD: Final = re.compile(r"-(?:held|controlled)$")  # "opposition-held": whose ground it is, not who fought
_RECIPROCAL: Final = re.compile(
    r"^(?:clashed|fought|exchanged|skirmished|battled|[وف]?(?:اشتبك|اشتبكت|اشتبكوا|تقاتل|اقتتل)\w*)$"
)
# ("أقدم المسلحون على قتل": after "على"/"إلى" the word is the act they undertook, not a passive "were killed")
_PASSIVE_VICTIM_AFTER: Final = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:were|was|have been|had been|are)\s+(?:\w+\s+)?(?:killed|wounded|injured|hurt|"
    r"executed|kidnapped|abducted)|^\s*(?:(?!(?:علي|الي)\s)\S+\s+)?(?:قتلوا|قتل|اصيبوا|اصيب|جرحوا|لقوا|لقي)(?!\w)"
)
_COUNT_BEFORE: Final = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3}|(?!(?:19|20)\d\d)\d+)\s+(?:(?!\d)\w+\s+)?$"
)
_INFORMANT: Final = re.compile(r"\b(?:activists?|residents?|witnesses|eyewitnesses|medics?|doctors?)$")
# A downed aircraft's owner is the side hit ("a Syrian army helicopter was shot down", "downed a government jet",
# "أسقطت الفصائل مروحية للجيش", "إسقاط طائرة حربية روسية"), not the one that brought it down.
_AIRCRAFT_EN: Final = r"(?:helicopters?|jets?|warplanes?|planes?|aircraft|drones?|bombers?)"
_OWNED_AIRCRAFT_END: Final = re.compile(rf"(?:^|[\s-]){_AIRCRAFT_EN}$")
_OWNED_AIRCRAFT_AFTER: Final = re.compile(rf"[\s-]+(?:[\w-]+\s+)?{_AIRCRAFT_EN}\b")
_DOWNED_AFTER: Final = re.compile(
    r"\s+(?:(?:that|which)\s+)?(?:was|were|has been|had been|have been)\s+(?:\w+\s+)?(?:shot down|downed|brought down)"
)
_DOWNING_BEFORE: Final = re.compile(
    r"(?:\b(?:shot down|shoot(?:s|ing)? down|downed|downing|brought down|bring(?:s|ing)? down)|"
    r"(?<!\w)[وف]?(?:ال)?(?:اسقاط|اسقط|اسقطت|اسقطوا|يسقط|تسقط))\s+"
    r"(?:(?!(?:as|while|and|but|when|after|before|then|whereas|بينما|حيث|ثم|بعد|قبل)\s)[^\s,.;:،؛]+\s+){0,5}?$"
)
_AIRCRAFT_BEFORE_AR: Final = re.compile(
    r"(?<!\w)[وب]?(?:ال)?(?:طائره|طائرات|مروحيه|مروحيات|حوامه|مسيره|مسيرات|مقاتله)(?:\s+(?:ال)?(?:حربيه|مسيره|"
    r"استطلاع|عسكريه|مقاتله))?\s+$"
)


# What ends the downing's clause: the owner named past it is a side of whatever else the sentence tells.
_CLAUSE_BREAK: Final = re.compile(
    r"[.;!?\n؟؛]|\b(?:and|while|whereas|as|but|after|before|when|then)\b|(?<!\w)(?:بينما|في حين|حيث|ثم|بعد|قبل)(?!\w)"
)


# "Amid heavy Russian air raids on the district, battles went on between ...": a side named in a sentence's opening
# circumstances backs the act its main clause tells, it does not lead it.
_AMID_BEFORE: Final = re.compile(r"\bamid(?:st)?\s+(?:[^\s,.;]+\s+){0,6}$")


def _amid_circumstance(folded: str, m: ActorMention, trigger_start: int) -> bool:
    amid = _AMID_BEFORE.search(folded, max(0, m.start - 60), m.start)
    if amid is None or not (trigger_start > m.end and "," in folded[m.end : trigger_start]):
        return False
    opening = folded[max(0, amid.start() - 3) : amid.start()].rstrip()
    return not opening or opening[-1] in ".;:!?\n\"'"


def _downed_aircraft_owner(folded: str, m: ActorMention) -> bool:
    """Whether mention ``m`` names the owner of an aircraft its sentence says was brought down."""
    owns_aircraft = _OWNED_AIRCRAFT_END.search(folded, m.start, m.end)
    aircraft_after = _OWNED_AIRCRAFT_AFTER.match(folded, m.end)
    if _DOWNING_BEFORE.search(folded, max(0, m.start - 45), m.start):  # "downed a Syrian army jet", "مروحية للجيش"
        return bool(
            owns_aircraft or aircraft_after or _AIRCRAFT_BEFORE_AR.search(folded, max(0, m.start - 30), m.start)
        )
    # the subject of a passive: "a Syrian army helicopter was shot down"
    gap_start = aircraft_after.end() if aircraft_after else m.end if owns_aircraft else -1
    return gap_start >= 0 and bool(_DOWNED_AFTER.match(folded, gap_start))


# "تتعرض للقصف من النظام", "غارات من الطيران الروسي", "قذائف مصدرها": after an attack word, "من X"
# names who fired (a death word before "من" names whose men died instead).
_FROM_AGENT: Final = re.compile(r"\s+(?:(?!\d)\S+\s+)?من\s+(?:قبل\s+|جانب\s+|طرف\s+)?")
_DEATH_WORD: Final = re.compile(r"[وب]?(?:ال)?(?:مقتل|قتل\S*|مصرع|اصاب\S*|جرح\S*|قتيل\S*|ضحايا|انسحاب|انسحب\S*)$")
# "استهدفت قوات النظام مواقع الهيئة": a clause-initial verb (verb-subject-object) is followed by its
# subject; only after an attack noun ("غارة استهدفت قوات النظام") does the name after it take the hit.
_VSO_VERB_BEFORE: Final = re.compile(
    r"(?:^|[.,:;!?\"»\n]|(?<!\w)(?:و|ف|وقد|قد|كما|حيث|ثم|فيما|بينما))\s*[وف]?(?:استهدف|استهدفت|استهدفوا)\s+"
    r"(?:(?:اليوم|امس|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|صباح\S*|مساء\S*|فجر\S*|ليل\S*)\s+)?$"
)
# "قصفت عناصر النظام البلدة", "اشتبك مقاتلو الهيئة مع ...": the members of a group right after a clause-initial
# verb are its subject, as "قوات النظام" would be; "عناصر" marks the other side only after its subject
# ("استهدفت الفصائل عناصر النظام").
_MEMBERS_SUBJECT_BEFORE: Final = re.compile(
    r"(?:^|[.,:;!?\"»\n]|(?<!\w)(?:و|ف|وقد|قد|كما|حيث|ثم|فيما|بينما))\s*[وف]?"
    r"(?:قصف|اشتبك|هاجم|شن|استهدف|اقتحم|فتح|اطلق|داهم|تقدم|اعدم|اعتقل|خطف|اختطف|فجر|نفذ|تمكن|سيطر|حاول|"
    r"ارتكب|صد|حاصر|دخل|استولي|احرق|تصدي|رد|ردت|اقدم)(?:ت|وا|تا|ا)?\s+"
    r"(?:(?:اليوم|امس|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|صباح\S*|مساء\S*|فجر\S*|ليل\S*)\s+)?"
    # "نفذ مقاتلون من الجبهة هجوما", "أقدم عنصر من التنظيم على تفجير نفسه": the named members are the subject
    r"(?:عناصر|مقاتلو|مقاتلي|جنود|مقاتلون|مسلحون|مسلحو|عنصر|عنصران|مقاتل|انتحاري|انتحاريان)(?:\s+من)?\s*$"
)
# "اشتباكات بين عناصر النظام والفصائل": the members named first are the first side, as "بين قوات النظام".
_BETWEEN_MEMBERS: Final = re.compile(r"(?<!\w)بين\s+(?:عناصر|مقاتلي|جنود)(?:\s+من)?\s*$")
# "أحياء تحت سيطرة الفصائل": whose ground was hit (the other side when no victim is named).
_HOLDER_BEFORE: Final = re.compile(r"(?:تحت سيطره|لسيطره|مناطق سيطره|مناطق نفوذ|معاقل|معقل|[تي]سيطر علي(?:ها|ه))\s*$")
# Civilians under a word of concern or flight ("خشيتها على مصير آلاف المدنيين", "مخاوف من نزوح آلاف المدنيين",
# "إجلاء المدنيين"): the people feared for, fleeing or moved, not the victims of the strike told beside them.
_CONCERN_BEFORE: Final = re.compile(
    r"(?<!\w)[وبل]?(?:ال)?(?:مصير|نزوح|تهجير|اجلاء|خروج|قلق\S*|مخاوف|خشيه|خشيت\S*|حمايه)\s+(?:\S+\s+){0,2}?$"
)
_BETWEEN: Final = re.compile(r"(?:\bbetween|(?<!\w)بين)\s*$")
_WORD: Final = re.compile(r"\S+")
_CONJ_GAP: Final = re.compile(r"\s*(?:,|و|and|,\s*and)?\s*")


@dataclass
class Roles:
    """The resolved sides of one event."""

    actor1: str = ""
    actor2: str = ""
    assoc1: list[str] = field(default_factory=list)
    assoc2: list[str] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    mentioned: list[str] = field(default_factory=list)
    holder: str = ""  # whose ground the trigger hit ("قصف أحياء تحت سيطرة الفصائل")
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


def camp(name: str) -> str:
    """The side an actor fights on (its own name when it has no camp)."""
    return _CAMPS.get(name, name)


def same_side(a: str, b: str) -> bool:
    """True when two actors are on one side (allies, or one camp)."""
    ca, cb = camp(a), camp(b)
    return ca == cb or frozenset({ca, cb}) in _ALLIED_CAMPS


def resolve_roles(
    folded: str,
    mentions: list[ActorMention],
    trigger_start: int,
    clause: tuple[int, int],
    sub_event_type: str,
) -> Roles:
    """Pick actor1/actor2 and associates among the actor ``mentions`` of one sentence."""
    roles = Roles()
    if not mentions:
        return roles
    tags: list[set[str]] = []
    word = _WORD.match(folded, trigger_start)
    trigger_end = trigger_start + (len(word.group()) if word else 0)
    from_agent_ok = bool(word) and not matcher(_DEATH_WORD, folded)(word.group() if word else "")
    # The patterns as `for_text` picks them for this text (the same for every mention); `searcher` and
    # `matcher` read the short windows before and after a mention.
    agent_before = searcher(_AGENT_BEFORE, folded)
    backer_before = searcher(_BACKER_BEFORE, folded)
    opponent_before = searcher(_OPPONENT_BEFORE, folded)
    vso_verb_before = for_text(_VSO_VERB_BEFORE, folded)
    members_subject_before = for_text(_MEMBERS_SUBJECT_BEFORE, folded)
    from_agent = for_text(_FROM_AGENT, folded)
    loyal_killed_before = searcher(_LOYAL_KILLED_BEFORE, folded)
    counted_dead_before = searcher(_COUNTED_DEAD_BEFORE, folded)
    victim_before = searcher(_VICTIM_BEFORE, folded)
    lost_men_before = searcher(_LOST_MEN_BEFORE, folded)
    passive_victim_after = matcher(_PASSIVE_VICTIM_AFTER, folded)
    between = searcher(_BETWEEN, folded)
    withdrew_after = matcher(_WITHDREW_AFTER, folded)
    speaker_before_re = searcher(_SPEAKER_BEFORE, folded)
    speaker_after = matcher(_SPEAKER_AFTER, folded)
    status_before_re = searcher(_STATUS_BEFORE, folded)
    # (a downing's words, read from its patterns: most texts have none)
    maybe_downed = may_match(_DOWNING_BEFORE, folded) or may_match(_DOWNED_AFTER, folded)
    downed: list[ActorMention] = []  # the owners of aircraft brought down
    for i, m in enumerate(mentions):
        before = folded[max(0, m.start - 28) : m.start]
        after = folded[m.end : m.end + 40]
        tag: set[str] = set()
        agent = agent_before(before)
        backed = backer_before(before)
        if (
            agent
            and not backed
            and not (agent.group().strip().isascii() and not 0 <= m.start - trigger_start < 60)
        ):
            tag.add("loser" if _WITHDRAWAL.search(before) else "agent")
        if backed or _amid_circumstance(folded, m, trigger_start):
            tag.add("backer")
        if from_agent_ok and m.start > trigger_end and from_agent.fullmatch(folded, trigger_end, m.start):
            tag.add("agent")
        if opponent_before(before):
            if vso_verb_before.search(folded, max(0, m.start - 60), m.start) or members_subject_before.search(
                folded, max(0, m.start - 60), m.start
            ):
                tag.add("agent")
            elif _BETWEEN_MEMBERS.search(folded, max(0, m.start - 30), m.start):
                tag.add("between")
            else:
                tag.add("opponent")
        near = folded[max(0, m.start - 22) : m.start]
        if ("من " in near or "في " in near) and _MEMBER_KILLED_BEFORE.search(folded, max(0, m.start - 60), m.start):
            tag |= {"victim", "lost_member"}
        if loyal_killed_before(before) or counted_dead_before(before) or lost_men_before(before):
            tag |= {"victim", "lost_member"}
        if (
            victim_before(before)
            or passive_victim_after(after)
            or quick(_COUNT_BEFORE).search(before)
        ):
            tag.add("victim")
        if between(before):
            tag.add("between")
        if maybe_downed and _downed_aircraft_owner(folded, m):
            tag |= {"victim", "opponent", "downed"}
            downed.append(m)
        if withdrew_after(after):
            tag.add("loser")
        if (
            ((speaker_before := speaker_before_re(before)) or speaker_after(after))
            and not 0 <= trigger_start - m.end < 22
            and not _SAYS_ITSELF.match(after)
        ):
            tag.add("speaker")  # ...unless it announces its own act: "أعلن الجيش، السبت، استعادة السيطرة"
        elif speaker_before and _THAT_OTHER.match(after) and m.end <= trigger_start:
            tag.add("speaker")  # "قال الجيش العراقي إن متشددين فتحوا النار": another subject acts
        status_before = status_before_re(before)
        held_post = bool(status_before) and _HELD_POST.search(folded, max(0, m.start - 60), m.start) is not None
        if held_post:  # "stormed checkpoints held by the regime": the regime's men were hit, it did not attack
            tag.discard("agent")
            tag.add("opponent")
        if (
            (status_before and not (_SEIZED_BY.search(before) and _ON_AFTER.match(after)) and not held_post)
            or _STATUS_AFTER.match(after)
            or _HELD.search(folded, m.start, m.end)
        ):
            tag.add("status")
        if (
            i > 0
            and _CONJ_GAP.fullmatch(folded[mentions[i - 1].end : m.start])
            and (same_side(mentions[i - 1].name, m.name) or mentions[i - 1].name == m.name)
        ):
            tag.add("conj")
        if m.name == "Civilians":
            tag.add("civilian")
            if searcher(_CONCERN_BEFORE, folded)(before):
                tag.add("status")  # "مخاوف من نزوح آلاف المدنيين": whose fate is feared, not who was hit
        tags.append(tag)
    for i, m in enumerate(mentions):
        if any(  # within the downing's clause
            d.name == m.name and not _CLAUSE_BREAK.search(folded, min(d.end, m.end), max(d.start, m.start))
            for d in downed
        ):
            tags[i].add("opponent")  # "a Russian helicopter was shot down ... the worst loss for Russian forces"
    roles.holder = next(
        (
            m.name
            for i, m in enumerate(mentions)
            if "status" in tags[i]
            and clause[0] <= m.start < clause[1]
            and m.start > trigger_start
            and m.name != "Civilians"
            and _HOLDER_BEFORE.search(folded, max(0, m.start - 20), m.start)
        ),
        "",
    )
    for i in range(1, len(mentions)):
        if "conj" in tags[i] and "backer" in tags[i - 1] and folded[mentions[i].start : mentions[i].end].isascii():
            tags[i].add("backer")  # "supported by allied militias and Russian warplanes": both back the attack
        if "conj" in tags[i] and "lost_member" in tags[i - 1]:
            tags[i] |= {"victim", "lost_member"}  # "مقتل 12 من قوات النظام والمسلحين الموالين لها": both lost men
        elif (
            "conj" in tags[i]
            and {"victim", "opponent"} <= tags[i - 1]
            and not tags[i - 1] & {"civilian", "downed"}  # (a downed aircraft's owner: its own clause)
        ):
            tags[i] |= {"victim", "dead_too"}  # "30 قتيلا من قوات النظام والمسلحين الموالين لها": the dead of both
        elif (
            "lost_member" in tags[i - 1]
            and mentions[i].name == mentions[i - 1].name
            and mentions[i].start - mentions[i - 1].end <= 3
            and not folded[mentions[i - 1].end : mentions[i].start].strip(" '\"«»“”")
        ):
            tags[i] |= {"victim", "lost_member"}  # "من مسلحي تنظيم 'داعش'": one name told twice
    keep = [i for i in range(len(mentions)) if "status" not in tags[i]]
    mentions = [mentions[i] for i in keep]
    tags = [tags[i] for i in keep]
    if not mentions:
        return roles
    in_clause = [i for i, m in enumerate(mentions) if clause[0] <= m.start < clause[1]]
    pool = in_clause or list(range(len(mentions)))
    armed = [i for i in pool if "civilian" not in tags[i]]

    first: int | None = None
    # 0. A relative clause without its own actor ("..., التي تمكنت من السيطرة", ", which captured")
    #    is about the actor named just before it.
    if not in_clause and _RELATIVE.match(folded, clause[0]):
        antecedent = [i for i, m in enumerate(mentions) if m.end <= clause[0] and clause[0] - m.end < 6]
        if antecedent and "civilian" not in tags[antecedent[-1]]:
            first = antecedent[-1]
    # 1. Agent phrases (by X) name the initiator.
    for i in armed if first is None else []:
        if "agent" in tags[i] and not re.search(
            r"\bfrom\s*$", folded[max(0, mentions[i].start - 8) : mentions[i].start]
        ):
            first = i
            break
    # 2. "between X and Y".
    if first is None:
        for i in armed:
            if "between" in tags[i]:
                first = i
                break
        # "... بين قسد وتنظيم داعش، وتمكن التنظيم من استعادة ...": a later subject of the trigger wins
        later = [
            j
            for j in armed
            if first is not None
            and j > first + 1
            and mentions[j].end <= trigger_start
            and not tags[j] & {"conj", "between", "opponent", "victim", "backer", "loser", "speaker", "status"}
        ]
        if later and first is not None and _ARABIC_SUBJECT_GAP.search(
            folded, mentions[first].end, mentions[later[-1]].start
        ):
            first = None
    # 2b. "قالت وزارة الدفاع الروسية إن طائراتها دمرت ...": the speaker's own forces act.
    if first is None and (
        any("speaker" in tags[i] for i in armed)
        or for_text(_MINISTRY_HINT, folded).search(folded, max(0, trigger_start - 90), trigger_start)
    ):
        own = _OWN_FORCES.search(folded, max(0, trigger_start - 40), trigger_start + 12)
        speakers = [i for i in armed if "speaker" in tags[i] and own and mentions[i].end <= own.start()]
        if own and speakers and own.start() - mentions[speakers[-1]].end < 40:
            first = speakers[-1]
        elif own and not armed_before(mentions, armed, own.start()):
            ministry = _MINISTRY_BEFORE.search(folded, max(0, own.start() - 45), own.start())
            if ministry:  # the ministry is the source; its own forces are the state's
                roles.actor1 = _STATE_FORCES[ministry.group(1)[:5]]
    # 3. The subject nearest before the trigger (walking back over "X and Y" of one camp).
    if first is None and not roles.actor1:
        excluded = (
            {"opponent", "backer", "victim", "loser", "speaker"}
            if in_clause
            else {"backer", "loser", "speaker"}
        )
        before_ids = [i for i in armed if mentions[i].end <= trigger_start + 1 and not tags[i] & excluded] or [
            i  # none before: the name the trigger is part of ("an Israeli air strike hit a Syrian army post")
            for i in armed
            if mentions[i].start <= trigger_start < mentions[i].end and not tags[i] & excluded
        ]
        if before_ids:
            first = before_ids[-1]
            while first > 0 and "conj" in tags[first] and (first - 1) in armed and "downed" not in tags[first - 1]:
                first -= 1  # (not back to a downed aircraft's owner: "downed a government helicopter, Russian jets")
    # 4. The first named after the trigger that is not a target. A bomb's report names its target
    #    after the trigger ("a car bomb at a base of the National Army"), its author only as an agent.
    bomb = sub_event_type in ("Suicide bomb", "Remote explosive/landmine/IED")
    if first is None and not roles.actor1 and not bomb:
        after_ids = [
            i
            for i in armed
            if mentions[i].start >= trigger_start
            and not tags[i] & {"opponent", "backer", "loser", "speaker", "lost_member"}
            and "dead_too" not in tags[i]  # "معارك أوقعت 30 قتيلا من قوات النظام والمسلحين الموالين لها"
        ]
        if after_ids:
            first = after_ids[0]
    if first is None and not roles.actor1 and in_clause:
        # The clause names only the losing side: the actor is the subject carried from before.
        outside = [
            i
            for i, m in enumerate(mentions)
            if m.end <= trigger_start
            and i not in in_clause
            and "civilian" not in tags[i]
            and not tags[i] & {"backer", "loser", "victim"}
        ]
        if outside:
            first = outside[-1]
            pool = sorted(set(pool) | {first})
    if first is None and not roles.actor1 and sub_event_type == "Armed clash":
        # "قتل 12 عنصرا من قوات النظام في اشتباكات مع الفصائل": the side named only as the
        # opponent of the losing side fought them.
        lost = [i for i in pool if "victim" in tags[i] and "civilian" not in tags[i]]
        facing = [
            i
            for i in armed
            if "opponent" in tags[i]
            and not tags[i] & {"victim", "backer", "speaker"}
            and lost
            and not same_side(mentions[i].name, mentions[lost[0]].name)
        ]
        if facing:
            first = facing[0]
        elif (
            lost
            and not folded[mentions[lost[0]].start : mentions[lost[0]].end].isascii()
            and any(not same_side(mentions[i].name, mentions[lost[0]].name) for i in lost)
        ):
            # "قتل 20 عنصرا من قوات النظام و15 من الفصائل في اشتباكات": both sides lost men, both fought
            first = lost[0]
    if first is None and not roles.actor1 and armed and not bomb:
        candidates: list[int] = [i for i in armed if not tags[i] & {"loser", "victim", "speaker", "opponent"}]
        first = candidates[0] if candidates else None
    if first is not None:
        roles.actor1 = mentions[first].name
        roles.spans["actor1"] = (mentions[first].start, mentions[first].end)
    # actor2: the other side.
    second: int | None = None
    others = [
        i
        for i in pool
        if i != first
        and "speaker" not in tags[i]
        and (not roles.actor1 or not same_side(mentions[i].name, roles.actor1))
    ]
    marked = [i for i in others if tags[i] & {"opponent", "loser", "victim"} and "backer" not in tags[i]]
    armed_others = [i for i in others if "civilian" not in tags[i] and "backer" not in tags[i]]
    if marked and "civilian" not in tags[marked[0]]:
        second = marked[0]
    elif armed_others:
        second = armed_others[0]
    elif marked:
        second = marked[0]
    elif [i for i in others if "backer" not in tags[i]]:  # "منظمة بدر المقربة من إيران": Iran backs, not fights
        second = [i for i in others if "backer" not in tags[i]][0]
    if second is None and sub_event_type == "Armed clash" and first is not None:
        # "Asayish and YPG fighters clashed": with no other side named, the conjoined names fight each other
        verb = re.match(r"\w+", folded[trigger_start:])
        reciprocal = bool(verb and _RECIPROCAL.match(verb.group()))
        pair = [
            i
            for i in pool
            if i != first
            and "conj" in tags[i]
            and mentions[i].name != roles.actor1
            and "backer" not in tags[i]
            and 0 <= trigger_start - mentions[i].end < 25
        ]
        if reciprocal and pair and not any(tags[i] & {"opponent", "between"} for i in pool):
            second = pair[0]
    if second is not None and mentions[second].name != roles.actor1:
        roles.actor2 = mentions[second].name
        roles.spans["actor2"] = (mentions[second].start, mentions[second].end)
    # Associates, victims and the rest.
    seen = {roles.actor1, roles.actor2}
    for i in pool:
        name = mentions[i].name
        if name in seen or (
            name == "Civilians"
            and "speaker" in tags[i]
            and _INFORMANT.search(folded, mentions[i].start, mentions[i].end)
        ):  # "according to local activists": who told it, not who suffered it
            continue
        seen.add(name)
        if name == "Civilians":
            roles.victims.append(name)
        elif roles.actor1 and same_side(name, roles.actor1):
            roles.assoc1.append(name)
        elif roles.actor2 and same_side(name, roles.actor2):
            roles.assoc2.append(name)
        else:
            roles.mentioned.append(name)
    return roles
