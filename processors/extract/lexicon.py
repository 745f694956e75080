"""Words that mark events, actors and sources, in Arabic and English.

All patterns are written in the *folded* matching form of `sitrep.textnorm.fold_with_offsets`
(lower case; Arabic without diacritics, one alef, ي for ى, ه for ة, ASCII digits). Arabic words
take the proclitics و ف ب ل ك and the article ال through `ar()`, so "وبالقصف", "للنظام" and
"قصف" all meet one entry.

The lists follow the language of conflict reporting (ACLED's taxonomy, `../shared/DOMAIN.md`),
never particular evaluation sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


class Forms(str):
    """A regex (the string itself) that remembers its alternatives, so matchers can index them.

    ``items`` holds ``(literal_key, alternative_regex)`` pairs: the literal key is the first
    letters every match of that alternative starts with (after Arabic proclitics and article), or
    ``""`` when there is none. ``a + "|" + b`` keeps the items of both sides.
    """

    items: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, regex: str, items: tuple[tuple[str, str], ...]) -> Forms:
        made = cls(regex)
        made.items = items
        return made

    def __add__(self, other: str) -> Forms:  # type: ignore[override]
        return Forms.of(str.__add__(self, other), self.items + getattr(other, "items", ()))

    def __radd__(self, other: str) -> Forms:
        return Forms.of(other + str(self), getattr(other, "items", ()) + self.items)


def _leading_keys(form: str) -> list[str]:
    """First letters (up to 3) every match of an English alternative starts with; [""] if unknown."""
    literal = re.match(r"[a-z0-9]+", form)
    if literal:
        word = literal.group()
        if form[len(word) : len(word) + 1] in ("?", "*", "{"):
            word = word[:-1]
        return [word[:3]] if word else [""]
    if form.startswith("(?:"):
        depth, end = 0, -1
        for i, ch in enumerate(form):
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    end = i
                    break
        optional = form[end + 1 : end + 2] == "?"
        if end > 0 and (optional or form[end + 1 : end + 2] not in ("*", "{")):
            branches, depth, current = [], 0, ""
            for ch in form[3:end]:
                if ch == "|" and depth == 0:
                    branches.append(current)
                    current = ""
                    continue
                depth += ch == "("
                depth -= ch == ")"
                current += ch
            branches.append(current)
            keys = [k for b in branches for k in _leading_keys(b)]
            if optional:  # "(?:jabhat |al-)?nusra": the group's first letters or what follows it
                keys += _leading_keys(form[end + 2 :])
            if all(keys):
                return keys
    return [""]


def ar(*forms: str, suffix: bool = False, pronoun: bool = False) -> Forms:
    """Regex for Arabic words (folded) with optional proclitics; ``suffix`` lets the word go on,
    ``pronoun`` allows an attached object pronoun (اخرجته، استهدفتها)."""
    alternatives = []
    tail = r"\w*" if suffix else r"(?:ه|ها|هم|هما|هن)?(?!\w)" if pronoun else r"(?!\w)"
    items = []
    for form in forms:
        if form.startswith("ال"):
            alt = r"[وف]?(?:[بك]?ال|لل)" + form[2:]
            stem = form[2:]
        else:
            alt = r"[وف]?[بلك]?" + form
            stem = form
        alternatives.append(alt)
        key = re.match(r"[\w]+", stem)
        items.append(
            (key.group()[:3] if key and len(key.group()) >= 2 else "", r"(?<!\w)(?:" + alt + ")" + tail)
        )
    return Forms.of(r"(?<!\w)(?:" + "|".join(alternatives) + r")" + tail, tuple(items))


def en(*forms: str) -> Forms:
    """Regex for English words or phrases (lower case) between word boundaries."""
    items: list[tuple[str, str]] = []
    forms = tuple(form.replace("al-?", "al[- ]?").replace("al-", "al[- ]") for form in forms)
    for form in forms:
        regex = r"\b(?:" + form + r")\b"
        items.extend((key, regex) for key in _leading_keys(form))
    return Forms.of(r"\b(?:" + "|".join(forms) + r")\b", tuple(items))


# --- Event triggers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TriggerRule:
    """One way of saying that an event of ``sub_event_type`` happened.

    ``strength`` orders competing readings of one clause (a "strike" word beats a bare "attack");
    ``territorial`` rules resolve to regains/overtakes/transfer from who acts.
    """

    name: str
    sub_event_type: str
    pattern: str
    strength: float = 1.0


_AIR_AR = ar(
    "غاره",
    "غارات",
    "الغاره",
    "الغارات",
    "ضربه جويه",
    "ضربات جويه",
    "الضربات الجويه",
    "الضربه الجويه",
    "قصف جوي",
    "القصف الجوي",
    "قصفا جويا",
    "غارات جويه",
    "الطيران الحربي",
    "الطائرات الحربيه",
    "طائرات حربيه",
    "الطيران المروحي",
    "الطائرات المروحيه",
    "طائرات مروحيه",
    "مروحيات",
    "المروحيات",
    "طائره مسيره",
    "طائرات مسيره",
    "الطائرات المسيره",
    "طائره بدون طيار",
    "طائرات بدون طيار",
    "بدون طيار",
    "الطيران المسير",
    "براميل متفجره",
    "البراميل المتفجره",
    "برميل متفجر",
    "برميلا متفجرا",
    "البراميل",
    "الطيران",
    "طيران",
    "المقاتلات",
    "مقاتلات",
    "طائرات",
    "الطائرات",
    "قاذفات",
    # "الضربات العسكرية الأمريكية", "ضربة عسكرية": a state's strike, from the air or with missiles
    "ضربه عسكريه",
    "ضربات عسكريه",
    "الضربه العسكريه",
    "الضربات العسكريه",
    # "الضربات الإسرائيلية", "ضربات التحالف": strikes named by an air force's state or coalition
    *(
        f"{noun} {state}"
        for noun in ("ضربه", "ضربات")
        for state in ("اسرائيليه", "امريكيه", "اميركيه", "روسيه", "تركيه", "غربيه", "التحالف")
    ),
    *(
        f"{noun} {state}"
        for noun in ("الضربه", "الضربات")
        for state in ("الاسرائيليه", "الامريكيه", "الاميركيه", "الروسيه", "التركيه", "الغربيه")
    ),
    pronoun=True,
)
_AIR_EN = en(
    r"air ?strikes?",
    r"air ?raids?",
    r"aerial (?:bombardment|attacks?|strikes?|bombing)",
    r"drone (?:strikes?|attacks?)",
    r"drones?",
    r"war ?planes?",
    r"jets?",
    r"fighter jets?",
    r"sorties",
    r"air ?force(?! intelligence| base| academy| officers?| generals?| commanders?)",
    r"helicopters?",
    r"barrel ?bombs?",
    r"bombed from the air",
    r"aircraft",
    r"aircrafts",
    r"bombers?",
    r"air[- ]dropped",
    r"dropped (?:\w+ ){0,2}?(?:barrel )?bombs",
    r"strikes?",
    r"raids?",
)
_SHELL_AR = ar(
    "قصف",
    "القصف",
    "قصفت",
    "قصفوا",
    "يقصفون",
    "قصفا",
    "يقصف",
    "تقصف",
    "قذائف",
    "القذائف",
    "قذيفه",
    "القذيفه",
    "قصف مدفعي",
    "قصف صاروخي",
    "المدفعيه",
    "مدفعيه",
    "صواريخ",
    "الصواريخ",
    "صاروخ",
    "الصاروخ",
    "صاروخا",
    "راجمات",
    "الراجمات",
    "هاون",
    "الهاون",
    "استهدفت مدفعيه",
    "رشقات",
    "قذائف صاروخيه",
    "قصف صاروخي",
    "القصف الصاروخي",
    "هجوم صاروخي",
    "الهجوم الصاروخي",
    "هجمات صاروخيه",
    "الهجمات الصاروخيه",
    "ضربه صاروخيه",
    "ضربات صاروخيه",
    "الضربات الصاروخيه",
    "الضربه الصاروخيه",
    "قصف مدفعي",
    "القصف المدفعي",
    "صاروخين",
    "صاروخان",
    "قذيفتين",
    "قذيفتان",
    "القذائف الصاروخيه",
    "بالصواريخ",
    "صواريخ ارض ارض",
    pronoun=True,
)
_SHELL_EN = en(
    r"shell(?:ing|ed|s)?",
    r"artillery",
    r"mortars?",
    r"rockets?",
    r"rocket fire",
    r"missiles?",
    r"bombardments?",
    r"bombarded",
    r"grad",
    r"projectiles?",
    r"howitzers?",
    r"katyushas?",
)
_CLASH_AR = ar(
    "اشتباكات",
    "الاشتباكات",
    "اشتباك",
    "الاشتباك",
    "اشتبك",
    "اشتبكت",
    "اشتبكوا",
    "معارك",
    "المعارك",
    "معركه",
    "قتال",
    "القتال",
    "اقتتال",
    "الاقتتال",
    "مواجهات",
    "المواجهات",
    "كمين",
    "كمينا",
    "كمائن",
    "الكمين",
    "الكمائن",
    "هجوم معاكس",
    "هجمات معاكسه",
    "الهجمات المعاكسه",
    "هجوما معاكسا",
    "صد هجوم",
    "صد هجوما",
    "تبادل اطلاق النار",
    "تبادل لاطلاق النار",
    "هجوم",
    "هجوما",
    "الهجوم",
    "هجمات",
    "الهجمات",
    "هجمه",
    "الهجمه",
    "هاجم",
    "هاجمت",
    "هاجموا",
    "اقتحام",
    "قنص",
    "قناص",
    "عمليه تسلل",
    "محاوله تسلل",
    "تسلل",
    "معارك عنيفه",
    "تبادل القصف",
    "قصف متبادل",
    "استهدافات متبادله",
    pronoun=True,
)
_CLASH_EN = en(
    r"exchang\w* (?:of )?(?:\w+ ){0,4}?(?:shelling|shells|fire|gunfire|mortars?|rockets?)",
    r"discharged (?:\w+ ){0,2}?(?:saf|fire|gunfire|weapons|small arms(?: fire)?)",
    r"fired (?:at|on|upon|towards)",
    r"opened fire",
    r"shot at",
    r"shootings?",
    r"gunfire",
    r"stormed",
    r"raided",
    r"in-?fighting",
    r"clash(?:es|ed|ing)?",
    r"fighting",
    r"fought",
    r"fights?",
    r"battles?",
    r"battled",
    r"firefights?",
    r"gun ?fights?",
    r"gun ?battles?",
    r"exchange(?:d)? (?:of )?fire",
    r"ambush(?:ed|es)?",
    r"skirmish(?:es)?",
    r"engaged",
    r"repelled",
    r"repulsed",
    r"counter-?attacks?(?:ed)?",
    r"counter-?offensives?",
    r"attack(?:s|ed)?",
    r"assault(?:s|ed)?",
    r"offensive",
    r"infiltrat(?:ed|ion|ions)",
    r"sniper",
    r"sniped",
    r"hit-and-run",
    r"combat",
    r"confrontations?",
)
_TAKE_AR = (
    ar(
        "سيطرت",
        "سيطر",
        "سيطروا",
        "تسيطر",
        "يسيطر",
        "السيطره علي",
        "سيطرتها علي",
        "سيطرته علي",
        "سيطرتهم علي",
        r"سيطره(?: (?!علي)\S+){1,3} علي",
        r"السيطره (?:الكامله|التامه)[\"»”]? علي",
        "بسط سيطرته",
        "بسطت سيطرتها",
        "استعاده السيطره",
        "استعادت",
        "استعاد",
        "استعاده",
        "استعادوا",
        "تستعيد",
        "يستعيد",
        "انتزعت",
        "انتزاع",
        "حررت",
        "تحرير",
        "استولت",
        "الاستيلاء",
        "استولي",
        "دخول",
        "اقتحموا",
        "تقدمت",
        "اجبار",
        "اخراج",
        "طرد",
        # "خسرت الفصائل بلدة X لصالح قوات النظام": ground lost to the side named after "لصالح" (not "فقد",
        # also "so indeed"; the object a place or position: events.py drops "خسر الحزب رئاسه البلديه لصالح")
        r"(?:خسرت|خسر|خسروا|فقدت|فقدوا)(?: [^\s.,،؛]+){1,9} لصالح",
    )
    + "|"
    + ar("دخلت", "اقتحمت", "اجبرت", "اخرجت", "طردت", "افقدت", "انتزعت", "حررت", "استعادت", pronoun=True)
)
_TAKE_EN = en(
    r"(?:took|take|taken|takes|taking|gained|gain|gains|gaining|regained|regain|regains|regaining|seized|"
    r"seize|"
    r"seizing|wrested|assumed|assuming|retook|retaken|retake|retaking|asserted|asserting|established|"
    r"establishing|imposed|imposing|restored|restoring|extended|extending|secured|securing|full|fully|"
    r"recaptured|recapturing|captured|capturing|establishes|imposes|restores|extends|secures|regains|recaptures|"
    r"seizes|captures|wrests|asserts)(?: back| full| complete| partial| total| effective)? "
    r"control",
    r"managed to control",
    r"controlled(?<!-controlled)(?! by)",  # not "government-controlled": an adjective of who holds it
    r"took(?! place| part| refuge| advantage| shelter| responsibility| office| hold| aim| cover| over from)",
    r"reclaim(?:ed|s|ing)?",
    r"retaken",
    r"to (?:take |regain |gain |seize )?(?:full )?control",
    r"t(?:ake|ook|aken|aking) back",
    r"achieved (?:\w+ )?control",
    r"(?:gained|made) (?:\w+ )?(?:gains|advances)",
    r"captured?",
    r"captures",
    r"capturing",
    r"seized?",
    r"seizing",
    r"recaptured?",
    r"recapturing",
    r"retook",
    r"retaken",
    r"retake",
    r"regained",
    r"regain(?:s|ing)?",
    r"liberated?",
    r"liberating",
    r"overran",
    r"overrun",
    # not an office or a task taken over: "takes over as army chief", "took over the running of schools"
    r"t(?:ook|ake|aken|akes|aking) over(?![ \t]*(?:\n|$))(?! as\b| from\b|(?: the)? (?:running|management|"
    r"administration|leadership|presidency|command|role|post|duties|responsibility|responsibilities|portfolio|"
    r"ministry|job|office)\b)",
    # "the town is now under SDF control", "now in the hands of the rebels" (who holds it: `_GROUND_WON_EN`)
    r"(?:is|are|was|were) now (?:reportedly |fully |completely |firmly )?under (?:the )?(?:[\w'-]+ ){1,3}control",
    r"(?:is|are|was|were) now (?:reportedly |fully |completely |firmly )?in the hands of",
    r"advanced (?:in)?to",
    r"advances? (?:in)?to",
    r"entered",
    # "government forces moved in(to the town)"; not "moved in reinforcements"
    r"moved into|moved in(?=[ \t]*(?:[,.;]|$|on\b|after\b|and\b|as\b|when\b|once\b|hours\b|days\b))",
    r"wrested",
    r"drove (?:[\w'-]+ ){0,4}out",
    r"expelled",
    r"pushed (?:[\w'-]+ ){0,3}out",
    r"forced (?:\w+ ){0,4}to (?:withdraw|"
    r"retreat)",
    r"brought (?:\w+ ){0,4}under (?:their|its|the) control",
    r"cleared (?:\w+ ){0,3}of",
    r"fell to",
    r"fallen to",
    r"(?:fell|fallen) (?:out )?(?:of|from) (?:[\w'-]+ ){0,3}control",
    r"lost control",
    r"lost (?:\w+ ){0,3}to",
)
_HANDOVER_AR = ar("تسليم", "سلمت")
_HANDOVER_EN = en(
    r"handed over",
    r"hand(?:ed|s|ing)? over",
    r"handover",
    r"hand-over",
    r"took over from",
    r"deployed (?:in|into) .{0,40} after .{0,40} withdr[ae]w",
)
_IED_AR = ar(
    "عبوه ناسفه",
    "العبوه الناسفه",
    "عبوات ناسفه",
    "العبوات الناسفه",
    "عبوه",
    "عبوات",
    "لغم",
    "الغام",
    "لغما",
    "اللغم",
    "الالغام",
    "سياره مفخخه",
    "السياره المفخخه",
    "مفخخه",
    "المفخخه",
    "مفخخ",
    "دراجه ناريه مفخخه",
    "التفجير",
    "تفجير",
    "تفجيرات",
    "انفجار",
    "الانفجار",
    "انفجارات",
    "انفجر",
    "انفجرت",
    "عبوه لاصقه",
    "مخلفات الحرب",
    pronoun=True,
)
_IED_EN = en(
    r"ieds?",
    r"improvised explosive devices?",
    r"explosive devices?",
    r"roadside bombs?",
    r"land ?mines?",
    r"mines?",
    r"car bombs?",
    r"car[- ]bombings?",
    r"booby[- ]trap(?:ped|s)?",
    r"bomb(?:s|ing|ings)?",
    r"explosions?",
    r"blasts?",
    r"exploded",
    r"detonated",
    r"vbieds?",
    r"motorcycle bomb",
    r"sticky bombs?",
    r"explosives?",
)
_SUICIDE_AR = ar(
    "انتحاري",
    "انتحاريه",
    "الانتحاري",
    "انتحاريين",
    "انتحاريون",
    "حزام ناسف",
    "احزمه ناسفه",
    "فجر نفسه",
    "فجرت نفسها",
    "فجروا انفسهم",
    "تفجير انتحاري",
    "هجوم انتحاري",
    "عمليه انتحاريه",
    "الانغماسيين",
    "انغماسي",
    "انغماسيين",
    "انتحاريا",
    "الانتحاريين",
    "عمليات انتحاريه",
    # "عملية استشهادية": the jihadists' own word for a suicide attack
    "استشهادي",
    "استشهاديه",
    "الاستشهادي",
    "الاستشهاديه",
    "استشهاديين",
    "استشهاديتين",
    "انتحاريتين",
    # duals and the verbal noun: "نفذ انتحاريان هجوما", "أقدم على تفجير نفسه", "فجرا نفسيهما"
    "انتحاريان",
    "تفجير نفسه",
    "تفجير نفسها",
    "تفجير انفسهم",
    "بتفجير نفسه",
    "فجر نفسيهما",
    "فجرا نفسيهما",
    "يفجر نفسه",
    "تفجر نفسها",
    "انفجار حزام",
)
_SUICIDE_EN = en(
    r"suicide (?:bomb(?:er|ers|ing|ings)?|attacks?|attackers?|car bombs?|vests?|belts?|truck bombs?)",
    r"blew (?:himself|herself|themselves) up",
    # a bomb-laden vehicle driven or rammed into a target has its driver with it
    r"(?:drove|driving|driven|rammed|ramming|crashed) (?:an? |their |his )?(?:explosives?|bomb)[- ]?"
    r"(?:laden|packed|rigged|filled|loaded) (?:truck|car|vehicle|lorry|tanker|bulldozer|armou?red vehicle)s?",
    r"explosive (?:belt|vest)s?",
    r"suicide",
    r"svbieds?",
)
_GRENADE = ar("قنبله يدويه", "قنابل يدويه", "رمانه يدويه") + "|" + en(r"(?:hand )?grenades?")
_CHEMICAL = (
    ar(
        "كيماوي",
        "كيمياوي",
        "كيمياويه",
        "الكيمياوي",
        "كيميائي",
        "كيماويه",
        "كيميائيه",
        "الكلور",
        "غاز الكلور",
        "السارين",
        "غازات سامه",
        "الغازات السامه",
        "غاز سام",
        "غازا ساما",  # the accusative "كان غازاً ساماً"
        "غازات",
        # "هجوم بالغاز" names a gas attack ("الغاز" alone may be tear gas, "الغاز المسيل للدموع")
        "هجوم بالغاز",
        "هجوما بالغاز",
        "الهجوم بالغاز",
        "هجمات بالغاز",
    )
    + "|"
    + en(
        r"chemical (?:weapons?|attacks?|agents?|strikes?)",
        r"chlorine",
        r"sarin",
        r"toxic gas(?:es)?",
        r"nerve (?:agent|gas)",
        r"poison(?:ous)? gas",
        r"gas attacks?",
        r"mustard gas",
    )
)
_ATTACK_AR = ar(
    "اعدم",
    "اعدمت",
    "اعدام",
    "اعدامات",
    "اعدموا",
    "اغتيال",
    "اغتال",
    "اغتالت",
    "اغتيل",
    "مجزره",
    "مجازر",
    "المجزره",
    "المجازر",
    "مذبحه",  # the synonym of مجزرة
    "مذابح",
    "المذبحه",
    "رصاص",
    "برصاص",
    "بالرصاص",
    "طعن",
    "ذبح",
    "قتل",
    "قتلت",
    "قتلوا",
    "مقتل",
    "استهداف",
    "استهدفت",
    "استهدف",
    "اطلاق نار",
    "اطلاق النار",
    "النار علي",
    "رميا بالرصاص",
    "تصفيه",
    "تعذيب",
)
_ATTACK_EN = en(
    r"executed",
    r"executions?",
    r"assassinat(?:ed|ion|ions)",
    r"massacre[ds]?",
    r"shot dead",
    r"shot",
    r"gunned down",
    r"opened fire",
    r"stabbed",
    r"beheaded",
    r"tortured",
    r"murder(?:ed|s)?",
    r"killed",
    r"kills",
    r"killing",
    r"targeted",
    r"targeting",
    r"gunmen",
    r"assailants?",
)
# Executions, beheadings, crucifixions: killing the defenceless (captives too) is an Attack of its own.
_EXECUTE_EN = en(
    r"execut(?:e|es|ed|ing|ions?)(?! bod(?:y|ies)| corpses?)",
    r"behead(?:s|ed|ing|ings)?(?! bod(?:y|ies)| corpses?)",
    r"crucif(?:y|ies|ied|ying|ixions?)(?! bod(?:y|ies)| corpses?)",
)
_ABDUCT = (
    ar(
        "خطف",
        "اختطاف",
        "اختطف",
        "اختطفت",
        "خطفت",
        "مخطوفين",
        "المختطفين",
        "اخفاء قسري",
        "الاخفاء القسري",
        "مجهول المصير",
        "مجهولي المصير",
        "احتجاز",
        "احتجزت",
        "اسر",
        "اسرت",
        "اسري",
    )
    + "|"
    + en(
        r"abduct(?:ed|ion|ions|s)?",
        r"kidnapp?(?:ed|ing|ings)?",
        r"kidnaps?",
        r"forcibly disappeared",
        r"forced disappearances?",
        # "went missing after being stopped at a checkpoint": taken by those who stopped them
        r"(?:went|gone) missing(?= (?:\w+ )?after (?:being |they were |he was |she was )?(?:stopped|detained|"
        r"arrested|seized|taken|picked up|abducted|kidnapped))",
        r"hostages?",
        r"taken captive",
        r"held captive",
        r"captives?",
    )
)
_ARREST = (
    ar(
        "اعتقال",
        "اعتقل",
        "اعتقلت",
        "اعتقالات",
        "حمله اعتقالات",
        "حمله مداهمات",
        "مداهمه",
        "مداهمات",
        "القبض علي",
        "ألقت القبض",
        "القت القبض",
    )
    + "|"
    + en(r"arrest(?:ed|s)?", r"detained", r"detentions?", r"rounded up")
)
_PROTEST = (
    ar(
        "مظاهره",
        "مظاهرات",
        "تظاهره",
        "تظاهرات",
        "احتجاج",
        "احتجاجات",
        "احتجاجا",
        "متظاهرين",
        "المتظاهرين",
        "متظاهرون",
        "المتظاهرون",
        "محتجين",
        "المحتجين",
        "محتجون",
        "المحتجون",
        "تظاهر",
        "تظاهروا",
        "يتظاهرون",
        "وقفه احتجاجيه",
        "اعتصام",
        "اعمال شغب",
    )
    + "|"
    + en(r"protests?", r"protesters?", r"demonstrat(?:ion|ions|ors|ed)", r"rall(?:y|ies)", r"sit-ins?")
)
_DISRUPTED = (
    ar(
        "تفكيك",
        "فكك",
        "ابطال مفعول",
        "اسقاط",
        "اسقطت",
        "اسقط",
        "اسقطوا",
        "تسقط",
        "يسقط",
        "تصدت",
        "التصدي",
        "التصدي لصواريخ",
        "اعتراض",
        "اعترضت",
        "الدفاعات الجويه",
        "الدفاع الجوي",
    )
    + "|"
    + en(r"defused", r"dismantled", r"intercepted", r"shot down", r"downed", r"air defen[cs]es?")
)

TRIGGER_RULES: tuple[TriggerRule, ...] = (
    TriggerRule("suicide", "Suicide bomb", _SUICIDE_AR + "|" + _SUICIDE_EN, 3.0),
    TriggerRule("chemical", "Chemical weapon", _CHEMICAL, 3.0),
    TriggerRule("air", "Air/drone strike", _AIR_AR + "|" + _AIR_EN, 2.0),
    TriggerRule("ied", "Remote explosive/landmine/IED", _IED_AR + "|" + _IED_EN, 1.6),
    TriggerRule("grenade", "Grenade", _GRENADE, 2.0),
    TriggerRule("shell", "Shelling/artillery/missile attack", _SHELL_AR + "|" + _SHELL_EN, 1.5),
    TriggerRule("take", "Non-state actor overtakes territory", _TAKE_AR + "|" + _TAKE_EN, 2.2),
    TriggerRule("handover", "Non-violent transfer of territory", _HANDOVER_AR + "|" + _HANDOVER_EN, 0.8),
    TriggerRule("clash", "Armed clash", _CLASH_AR + "|" + _CLASH_EN, 1.8),
    TriggerRule("abduct", "Abduction/forced disappearance", _ABDUCT, 1.4),
    TriggerRule("execute", "Attack", _EXECUTE_EN, 1.2),
    TriggerRule("attack", "Attack", _ATTACK_AR + "|" + _ATTACK_EN, 0.7),
    TriggerRule("arrest", "Arrests", _ARREST, 0.6),
    TriggerRule("protest", "Peaceful protest", _PROTEST, 0.5),
    TriggerRule("disrupted", "Disrupted weapons use", _DISRUPTED, 0.5),
)

# Words that make every trigger of the sentence not an event: accidents, courts, anniversaries.
NOT_EVENT_CONTEXT = re.compile(
    ar(
        "حادث سير",
        "حادث مروري",
        "حادث",
        "خلل فني",
        "عطل فني",
        "سوء الاحوال الجويه",
        "ماس كهربائي",
        "محكمه",
        "المحكمه",
        "احكام",
        # "قضت محكمة", "قضت بالسجن" (not "قضت ثلاث سيدات": three women died)
        "قضت محكمه",
        "قضت المحكمه",
        "قضت بالسجن",
        "قضت بالاعدام",
        "قضت باعدام",
        "قضت بسجن",
        "بالاعدام",
        "قاضي",
        "تحطم",
        "تحطمت",
        "ذكري",
        "الذكري",
    )
    + "|"
    + en(
        r"accident(?:al|ally)?",
        r"technical (?:fault|failure|problem)",
        r"crash(?:ed)?",
        r"court",
        r"sentenced",
        r"sentences?",
        r"trial",
        r"convicted",
        # a judge's ruling, not a judge who was the victim ("a judge was shot dead")
        r"judges?(?! (?:was|were|has been|had been) (?:\w+ )?(?:killed|shot|assassinated|wounded|injured|"
        r"kidnapped|abducted|murdered))",
        r"anniversary",
        r"short circuit",
        r"bad weather",
        # household and road mishaps by name: "a gas cylinder exploded", "blaming brake failure"
        r"brake failure",
        r"gas (?:leak|cylinders?|canisters?)",
    ),
)

# How people died in a mishap ("a bus overturned", "the roof collapsed", "drowned"), which also tells how an
# attack's victims died ("shelling killed seven when their house collapsed", "a bomb hit the minibus and it
# overturned"): not an event only when no attack is told in the sentence.
MISHAP_CONTEXT = re.compile(
    en(
        r"overturned",
        r"collided",
        r"collisions?",
        r"drowned",
        r"electrocuted",
        r"(?:building|roof|house|home) collapsed?",
    )
)

# Words that make a territorial trigger of the clause a status, not a change.
STATUS_CONTEXT = re.compile(
    ar(
        "تحت سيطره",
        "تحت سيطرته",
        "تحت سيطرتها",
        "تحت سيطرتهم",
        "مناطق سيطره",
        "مناطق سيطرتها",
        "خاضعه لسيطره",
        "الخاضعه لسيطره",
        "الخاضعه لسيطرته",
        "الخاضعه لسيطرتها",
        "محافظا علي",
        "لا تزال",
        "لا يزال",
        "ما زالت",
        "ما زال",
        "يسيطر",
        "تسيطر",
        "مناطق نفوذ",
        "منطقه سيطره",
    )
    + "|"
    + en(
        r"under (?:the )?control",
        r"held by",
        r"controlled by",
        r"remains? in control",
        r"still (?:holds?|controls?)",
        r"controls",
        r"under (?:their|its) control",
    ),
)

# Words that make the triggers of a clause hypothetical or failed.
HYPOTHETICAL_CONTEXT = re.compile(
    ar(
        "تهدد",
        "هدد",
        "يهدد",
        "تعتزم",
        "يعتزم",
        "ستشن",
        "سيشن",
        "محاوله",
        "محاولات",
        "حاولت",
        "حاول",
        "فشلت",
        "فشل",
        "تخطط",
        "يخطط",
        "اذا",
        "لو",
        "سوف",
        "ستنفذ",
        "سينفذ",
        "ينوي",
        "تنوي",
        "تستعد",
        "يستعد",
        "تحضر",
        "يحضر",
        "تحضيرات",
        "التحضير",
        "المتوقع",
        "متوقع",
        "المحتمل",
        "محتمل",
        "نفي",
        "نفت",
        "ينفي",
        "تنفي",
        "نفوا",
    )
    + "|"
    + en(
        r"threaten(?:s|ed)?",
        r"would",
        r"could",
        r"plans? to",
        r"planning",
        r"attempt(?:s|ed)?",
        r"tried",
        r"trying",
        r"failed",
        r"may",
        r"might",
        r"vowed",
    ),
)

# Ammunition depots exploding are accidents unless someone attacked them.
DEPOT_CONTEXT = re.compile(
    ar("مستودع", "مستودعات", "مخزن", "مخازن") + "|" + en(r"depots?", r"warehouses?", r"stores?")
)

# --- Actors ----------------------------------------------------------------------------------------

GOVERNMENT_SIDE = frozenset(
    {
        "Military Forces of Syria",
        "Militia (Pro-Government)",
        "Military Forces of Russia",
        "Military Forces of Iran",
        "Hezbollah",
        "Military Forces of Iraq",
        "Police Forces of Iraq",
        "Popular Mobilization Forces",
        "Badr Organization",
    }
)
STATE_FORCES = GOVERNMENT_SIDE | {
    "Military Forces of Turkey",
    "Military Forces of Israel",
    "Military Forces of the United States",
    "Coalition",
}
AIR_CAPABLE = frozenset(
    {
        "Military Forces of Syria",
        "Military Forces of Russia",
        "Military Forces of Turkey",
        "Military Forces of Israel",
        "Military Forces of the United States",
        "Coalition",
        "Military Forces of Iraq",
    }
)


@dataclass(frozen=True)
class ActorRule:
    """Names of one canonical actor; ``anaphor`` entries ("the organization") resolve to the
    group named before instead."""

    canonical: str
    pattern: str


_ANY_ADJ = r"(?: \w+){0,2}"

ACTOR_RULES: tuple[ActorRule, ...] = (
    ActorRule(
        "Syrian National Army",
        ar(
            "الجيش الوطني السوري",
            "الجيش الوطني",
            "الفصائل الموالية لتركيا",
            "الفصائل المواليه لتركيا",
            "الفصائل المدعومه من تركيا",
            "الفصائل الموالية لانقره",
            "الفصائل المواليه لانقره",
            "الفصائل السوريه الموالية لتركيا",
            "الفصائل السوريه المواليه لتركيا",
            "الفصائل السوريه الموالية لانقره",
            "الفصائل السوريه المواليه لانقره",
            "الفصائل المدعومه تركيا",
            "فصائل درع الفرات",
            "فصائل غصن الزيتون",
            "الفصائل الموالية لها",
            "الفصائل المواليه لها",
            "الفصائل السوريه المواليه لها",
            "الفصائل المسلحه المواليه لها",
            # "الجيش التركي والفصائل الموالية له": loyal to "it" (a masculine antecedent)
            "الفصائل المواليه له",
            "الفصائل السوريه المواليه له",
            # factions of the Turkish-backed operations, by name
            "فصائل عمليه غصن الزيتون",
            "فصائل عمليه درع الفرات",
            "فصائل عمليه نبع السلام",
            "فصائل نبع السلام",
            "فرقه الحمزه",
            "فرقه الحمزات",
            "فرقه السلطان مراد",
            "فرقه السلطان سليمان شاه",
            "فرقه المعتصم",
            "احرار الشرقيه",
            "جيش الشرقيه",
            "الجبهه الشاميه",
            "فيلق المجد",
        )
        + "|"
        + en(
            r"syrian national army",
            r"sna",
            r"national army",
            r"(?:turkish|turkey|ankara)[- ]backed"
            r"(?: \w+){0,2} (?:rebels?|factions?|fighters|groups?|forces|militias?|opposition)",
            r"pro-(?:turkish|turkey|ankara)(?: \w+){0,2} (?:rebels?|factions?|fighters|groups?|forces|"
            r"militias?)",
            r"operation (?:peace spring|olive branch|euphrates shield)(?: (?:forces|factions|fighters|"
            r"rebels))?",
            r"euphrates shield (?:factions|rebels|forces|fighters)",
            r"(?:the )?euphrates shield",
            r"(?:factions|rebels|forces|fighters|groups?) of (?:the )?(?:operation )?(?:euphrates shield|olive branch)",
            # factions of the Turkish-backed operations, by name (as in the Arabic forms above)
            r"(?:al-?)?hamza(?:t)? division",
            r"sultan murad(?: division| brigade)?",
            r"(?:al-?)?mu'?tasim (?:brigade|division)",
            r"ahrar al-?sharqi(?:y|ya|yah)",
            r"jaysh al-?sharqi(?:y|ya|yah)",
            r"levant front",
            r"al-?jabha(?:t)? al-?shamiy(?:a|ah)",
            r"olive branch (?:factions|forces|fighters)",
            r"free syrian army",
        ),
    ),
    ActorRule(
        "Militia (Pro-Government)",
        ar(
            "المسلحين الموالين",
            "المسلحون الموالون",
            "المسلحين الموالين لها",
            "الميليشيات الموالية",
            "الميليشيات المواليه",
            "المليشيات المواليه",
            "الميليشيات الايرانيه",
            "المليشيات الايرانيه",
            "الميلشيات الايرانيه",
            "الميليشيات",
            "المليشيات",
            "قوات الدفاع الوطني",
            "الدفاع الوطني",
            "المسلحين الموالين للنظام",
            "المجموعات الموالية",
            "المجموعات المواليه",
            "العناصر المواليه",
            "لواء القدس",
            "الفيلق الخامس",
            "المسلحين الموالين للحكومه",
            "لواء فاطميون",
            "الفاطميون",
            "لواء زينبيون",
            "الزينبيون",
            "الميليشيات الموالية لايران",
            "الميليشيات المواليه لايران",
            # "مقاتلين موالين لدمشق", "قوات موالية للنظام": fighters loyal to the government, unnamed
            *(
                f"{noun} {loyal} {to}"
                for noun in ("مقاتلين", "مقاتلون", "مسلحين", "مسلحون", "عناصر", "قوات", "ميليشيات", "مليشيات")
                for loyal in ("موالين", "موالون", "مواليه")
                for to in ("لدمشق", "للنظام", "للحكومه", "للحكومه السوريه", "للنظام السوري", "للاسد")
            ),
            # "قوات النظام ومسلحين موالين لها": the indefinite form of "المسلحين الموالين لها" above
            *(f"{noun} {loyal} لها" for noun in ("مسلحين", "مسلحون") for loyal in ("موالين", "موالون")),
            # "المجموعات المسلحة الموالية للنظام", "المسلحين الموالين لقوات النظام": armed and loyal, with the article
            *(
                f"{noun} {loyal} {to}"
                for noun in ("المجموعات المسلحه", "المجموعات", "الجماعات المسلحه", "الميليشيات المسلحه", "العناصر")
                for loyal in ("المواليه",)
                for to in ("للنظام", "لقوات النظام", "للحكومه", "لدمشق", "لايران")
            ),
            *(
                f"{noun} {loyal} لقوات النظام"
                for noun in ("المسلحين", "المسلحون", "مسلحين", "مسلحون")
                for loyal in ("الموالين", "الموالون", "موالين", "موالون")
            ),
            # Iraqi militias fighting for the government, two named like Lebanon's Hezbollah (longer, so they win)
            "حركه النجباء",
            "حركه حزب الله النجباء",
            "حزب الله النجباء",
            "ميليشيا النجباء",
            "ميليشيات النجباء",
            "كتائب حزب الله",
            "كتائب حزب الله العراقيه",
            "عصائب اهل الحق",
            "كتائب سيد الشهداء",
        )
        + "|"
        + en(
            r"pro-(?:government|regime|assad|iranian|iran)(?: \w+){0,2} (?:militias?|fighters|forces|"
            r"gunmen|groups?|militiamen|brigades?)",
            r"(?:the )?fatemiyoun(?: brigade)?",
            r"(?:the )?fatimiyoun(?: brigade)?",
            r"(?:the )?zainabiyoun(?: brigade)?",
            r"loyalist(?: \w+)? (?:militias?|fighters|forces|gunmen)",
            r"loyal (?:armed )?(?:gunmen|militiamen|militias?|fighters)",
            r"(?:gunmen|militiamen|militias?|fighters) loyal to (?:them|it|the regime|the government|damascus|assad)",
            r"loyalists",
            r"(?:allied|iranian-backed|iran-backed|shiite|shia) (?:militias?|fighters)",
            r"national defen[cs]e forces?",
            r"ndf",
            r"quds brigade",
            r"militias",
            r"(?:its|their|regime) allies",
            r"allied forces",
            r"5th corps",
            r"fifth corps",
            # Iraqi militias fighting for the government, two named like Lebanon's Hezbollah (longer, so they win)
            r"(?:harakat )?(?:hezbollah|hizbollah|hizbullah|hizballah) al[- ]?nujaba",
            r"harakat al[- ]?nujaba",
            r"(?:al[- ]?)?nujaba(?: movement| militias?| group| fighters)?",
            r"kata'?[ie]b (?:hezbollah|hizbollah|hizbullah|hizballah)",
            r"asa'?ib ahl al[- ]?haq",
            r"kata'?[ie]b sayyid al[- ]?shuhada",
        ),
    ),
    ActorRule(
        "Military Forces of Syria",
        ar(
            "قوات النظام",
            "قوات نظام الاسد",
            "جيش النظام",
            "الجيش السوري",
            "الجيش العربي السوري",
            "القوات الحكوميه",
            "القوات الحكوميه السوريه",
            "قوات الحكومه",
            "قوات الحكومه السوريه",
            "القوات السوريه",
            "قوات الاسد",
            "نظام الاسد",
            "نظام بشار الاسد",
            "النظام السوري",
            "طيران النظام",
            "طائرات النظام",
            "مروحيات النظام",
            "مدفعيه النظام",
            "قوات الجيش",
            "النظام",
            "الجيش النظامي",
            "القوات النظاميه",
            "الطيران السوري",
            "الطائرات السوريه",
            "الدفاعات الجويه السوريه",
            "الدفاع الجوي السوري",
            "وسائط الدفاع الجوي",
            "وسائط دفاعنا الجوي",
            "الحرس الجمهوري",
            "قوات الحرس الجمهوري",
            "قوات النخبه",
            # divisions of the army itself (ACLED: Military Forces of Syria), unlike the 5th Corps or the NDF
            "قوات النمر",
            "الفرقه الرابعه",
            "الفرقه 25",
            # the state's security branches ("عنصر من الأمن العسكري", "دورية للمخابرات الجوية")
            "الامن العسكري",
            "فرع الامن العسكري",
            "المخابرات الجويه",
            "الامن السياسي",
            "الاجهزه الامنيه التابعه للنظام",
            "الاجهزه الامنيه السوريه",
            "قوات الامن السوريه",
            "الشرطه العسكريه السوريه",
        )
        + "|"
        + en(
            r"syrian? (?:government |regime |arab )?(?:army|forces|troops|soldiers|servicemen|military|warplanes?|"
            r"jets?|helicopters?|air force|aircraft|artillery|government)",
            r"republican guard",
            r"syrian air defen[cs]es?",
            r"(?:regime|government|pro-government|pro-regime|assad(?:'s)?|army) (?:forces|troops|soldiers|servicemen|"
            r"warplanes?|jets?|helicopters?|aircraft|artillery|positions)",
            r"the regime",
            r"regime",
            r"saa",
            r"the army",
            r"damascus government",
            r"syrian government",
            r"government (?:air ?strikes?|strikes?|raids?|bombardment|bombing|shelling|barrel bombs|air ?force|"
            r"aircraft|planes?|warplanes?|helicopters?)",
            r"(?:the )?army'?s? (?:air ?force|aircraft|warplanes?|helicopters?|artillery|units)",
            r"army units",
            r"tiger forces",  # a division of the Syrian army (ACLED: Military Forces of Syria)
            r"(?:the )?(?:4th|fourth) (?:armou?red )?division",
        ),
    ),
    ActorRule(
        "Islamic State",
        ar(
            "تنظيم الدوله الاسلاميه",
            "الدوله الاسلاميه",
            "تنظيم الدوله",
            "داعش",
            'تنظيم "الدوله الاسلاميه"',
            'تنظيم "الدوله الاسلاميه في العراق والشام"',
            "الدوله الاسلاميه في العراق والشام",
            "ولايه الخير",
            "تنظيم داعش",
            # provinces of the group in Syria and Iraq
            "ولايه حوران",
            "ولايه دمشق",
            "ولايه حمص",
            "ولايه الفرات",
            "ولايه البركه",
            "ولايه الرقه",
            "ولايه حلب",
            "ولايه حماه",
            "ولايه دجله",
            "ولايه كركوك",
            "ولايه صلاح الدين",
            "ولايه الانبار",
            "ولايه ديالي",
            "ولايه نينوي",
        )
        + "|"
        + en(
            r"islamic state(?: group)?",
            r"isis",
            r"isil",
            r"daesh",
            r"daish",
            r"is (?:fighters|militants|"
            r"jihadists|group|members|cells?|positions|gunmen|suicide bombers?|attack|attacks)",
        ),
    ),
    ActorRule(  # fighters of the (Arab) tribes, no tribe named: ACLED's "Unidentified Tribal Militia (Syria)"
        "Unidentified Tribal Militia",
        ar(  # never the bare word: "دير العشائر" is a village
            "العشائر العربيه",
            "ابناء العشائر",
            "مقاتلي العشائر",
            "مقاتلو العشائر",
            "مسلحي العشائر",
            "مسلحو العشائر",
            "قوات العشائر",
            "جيش العشائر",
            "مسلحين عشائريين",
            "مقاتلين عشائريين",
            "مسلحين من العشائر",
            "عناصر من العشائر",
            "مقاتلين من العشائر",
        )
        + "|"
        + en(r"tribal (?:fighters|militias?|militiamen|gunmen)"),
    ),
    ActorRule(  # the group in the Yarmouk Basin that pledged to IS; ACLED names it apart
        "Khalid ibn al Walid Army",
        ar("جيش خالد بن الوليد", "جيش خالد")
        + "|"
        + en(r"(?:jaysh|jaish|army of) khalid (?:ibn|bin) al[- ]?walid", r"khalid (?:ibn|bin) al[- ]?walid army"),
    ),
    ActorRule(
        "Syrian Democratic Forces",
        ar(
            "قوات سوريا الديمقراطيه",
            "قوات سوريه الديمقراطيه",
            "قسد",
            "مجلس منبج العسكري",
            "مجلس دير الزور العسكري",
            "عاصفه الجزيره",
        )
        + "|"
        + en(
            r"syrian democratic forces",
            r"sdf",
            r"qsd",
            r"manbij military council",
            r"menbij military council",
            r"deir ez-?zor military council",
            r"kurdish-led(?: \w+){0,2} (?:forces|fighters|alliance)",
            # in Syria the forces Washington backs on the ground (not "U.S.-backed Iraqi forces", nor rebels)
            r"(?:u\.? ?s\.?|us|american|coalition)-backed (?:syrian |kurdish |arab-kurdish |kurdish-arab )?"
            r"(?:forces|fighters|alliance|militias?)",
            r"army of revolutionaries",
            r"(?:jaysh|jaish) al-?thuwar",
        ),
    ),
    ActorRule(
        "YPG",
        ar(
            "وحدات حمايه الشعب",
            "وحدات حمايه الشعب الكرديه",
            "الوحدات الكرديه",
            "المقاتلين الاكراد",
            "القوات الكرديه",
            "المسلحين الاكراد",
        )
        + "|"
        + en(
            r"ypg",
            r"people'?s protection units",
            r"kurdish (?:fighters|forces|militias?|militants|units|"
            r"ypg)",
            r"ypj",
        ),
    ),
    ActorRule(
        "Asayish",
        ar("الاسايش", "قوى الامن الداخلي الكرديه", "قوي الامن الداخلي")
        + "|"
        + en(r"asayish", r"asayesh", r"kurdish (?:police|internal security)"),
    ),
    ActorRule(
        "Hayat Tahrir al-Sham",
        ar("هيئه تحرير الشام", "تحرير الشام", "الهيئه")
        + "|"
        + en(
            r"hayat tahrir al-?sham",
            r"hay'?at tahrir al-?sham",
            r"tahrir al-?sham",
            r"hts",
            r"levant liberation committee",
            r"organization for the liberation of the levant",
        ),
    ),
    ActorRule(
        "Jabhat al-Nusra",
        ar("جبهه النصره", "النصره", "جبهه فتح الشام", "فتح الشام")
        + "|"
        + en(
            r"(?:jabhat |al-)?nusra(?: front)?",
            r"jabhat fateh al-?sham",
            r"nusra front",
            # its name from July 2016 to January 2017
            r"jab(?:h)?at fat(?:e)?h al-?sham",
            r"fateh al-?sham front",
            r"jfs",
        ),
    ),
    ActorRule(
        "Jaysh al-Islam",
        ar("جيش الاسلام") + "|" + en(r"jaysh al-?islam", r"jaish al-?islam", r"army of islam"),
    ),
    ActorRule(
        "Faylaq al-Rahman",
        ar("فيلق الرحمن") + "|" + en(r"faylaq al-?rahman", r"(?:al-)?rahman corps", r"al-?rahman legion"),
    ),
    ActorRule("Ahrar al-Sham", ar("حركه احرار الشام", "احرار الشام") + "|" + en(r"ahrar al-?sham", r"aas")),
    ActorRule(
        "National Liberation Front",
        ar("الجبهه الوطنيه للتحرير")
        + "|"
        + en(
            r"jtw",
            r"national (?:liberation|front for liberation) front",
            r"national front for liberation",
            r"nlf",
        ),
    ),
    ActorRule(
        "Opposition Rebels",
        ar(
            # named factions of the north and the south
            "فيلق الشام",
            "حركه نور الدين الزنكي",
            "نور الدين الزنكي",
            "جيش العزه",
            "جيش النصر",
            "جيش الاحرار",
            "جبهه تحرير سوريا",
            "صقور الشام",
            "جيش ادلب الحر",
            "الجبهه الجنوبيه",
            "فصائل المعارضه",
            "الفصائل المعارضه",
            "الفصائل المقاتله",
            "الفصائل الاسلاميه",
            "الفصائل المسلحه",
            "الفصائل",
            "فصائل",
            "فصيل",
            "المعارضه المسلحه",
            "مقاتلي المعارضه",
            "مقاتلو المعارضه",
            "الجيش الحر",
            "الجيش السوري الحر",
            "الفصائل المقاتله والاسلاميه",
            "الفصائل العامله",
            "الثوار",
            "فصائل الجبهه الوطنيه",
            "غرفه عمليات",
            "المعارضين المسلحين",
            "مسلحي المعارضه",
            "الجماعات المسلحه",
            "المجموعات المسلحه",
            "الارهابيين",
            "المجموعات الارهابيه",
            "الجماعات الارهابيه",
            "التنظيمات الارهابيه",
        )
        + "|"
        + en(
            r"rebels?",
            r"rebel (?:forces|factions|groups|fighters?|positions)",
            r"opposition (?:fighters?|"
            r"factions|groups|forces|rebels|militants)",
            r"armed opposition",
            r"fsa",
            r"islamist (?:\w+ )?(?:rebels?|factions?|groups?|fighters|militants|militias?)",
            r"opposition (?:sniper|snipers|commander|gunmen|faction|factions)",
            r"rebel (?:\w+ )?(?:forces|factions?|groups?|fighters|positions)",
            r"insurgents?",
            r"militants",
            r"jihadists?",
            r"terrorists?",
            r"armed groups?",
            r"opposition-held",
            # "the factions" as Arabic "الفصائل": the armed opposition's factions
            r"factions",
            r"faction fighters",
            r"fighters of the factions",
            # named factions (as in the Arabic forms above)
            r"(?:al-?)?sham (?:corps|legion)",
            r"faylaq al-?sham",
            r"nour al-?din al-?z[ie]n?kh?i(?: movement)?",
            r"(?:al-?)?z[ie]nki movement",
            r"(?:jaysh|jaish) al-?(?:izz?a|nasr|ahrar|mujahideen|mujahedeen)",
            r"jabhat tahrir (?:suriy?a|souriy?a)",
            r"syria(?:n)? liberation front",
            r"s[ou]?q[ou]+r al-?sham",
            r"lions of the east(?: army)?",
            r"(?:jaysh|jaish) (?:osoud|usud|asad) al-?sharqi(?:y|ya|yah)",
            r"ahmad al-?abdo(?: martyrs?)? forces",
            r"maghawir al-?thawra",
            r"revolutionary commando army",
            r"free idl[ie]b army",
            r"southern front",
            r"jund al-?aqsa",
            r"ajnad al-?sham",
            r"syria(?:n)? revolutionaries front",
            r"(?:jaysh|jaish) al-?yarmouk",
            r"(?:al-?)?omari brigades?",
        ),
    ),
    ActorRule(
        "Military Forces of Russia",
        ar(
            "القوات الروسيه",
            "الطائرات الروسيه",
            "الطيران الروسي",
            "المقاتلات الروسيه",
            "الجيش الروسي",
            "الشرطه العسكريه الروسيه",
            "روسيه",
            "روسي",
            "روس",
            "الروس",
            "العسكريين الروس",
            "الطائرات الحربيه الروسيه",
            "الروسي",
            "الروسيه",
        )
        + "|"
        + en(
            r"russian(?: \w+)? (?:forces|warplanes?|jets?|aircraft|air ?force|troops|military|air ?strikes?|"
            r"strikes?|bombers?|planes?|helicopters?|military police|raids?|soldiers|servicemen|army|missiles?|"
            r"(?:air )?bases?|"
            r"positions?)",
            r"(?:warplanes|jets|aircraft|planes) (?:believed|thought|suspected) to be russian",
            r"russia",
            r"russian-backed",
            r"russian and (?:syrian|regime|government|assad regime) (?:air ?strikes?|strikes?|warplanes|jets|"
            r"aircraft|planes|raids?|bombing|bombardment|forces|troops)",
        ),
    ),
    ActorRule(
        "Military Forces of Turkey",
        ar(
            "القوات التركيه",
            "الجيش التركي",
            "الطائرات التركيه",
            "الطيران التركي",
            "المدفعيه التركيه",
            "القوات المسلحه التركيه",
            "التركي",
            "التركيه",
            "تركيه",
            "تركي",
            "جنود اتراك",
            "جنديين تركيين",
            "عسكريين اتراك",
        )
        + "|"
        + en(
            r"turkish(?: \w+)? (?:army|forces|troops|military|warplanes|jets|drones?|artillery|soldiers|servicemen|"
            r"air ?strikes?|strikes?|aircraft|tanks|shelling|shells|howitzers?|mortars?|rockets?|bombardment)",
            r"turkey",
            r"turkish armed forces",
        ),
    ),
    ActorRule(
        "Military Forces of Iran",
        ar(
            "القوات الايرانيه",
            "الحرس الثوري",
            "الحرس الثوري الايراني",
            "الايرانيه",
            "فيلق القدس",
            "فيلق القدس الايراني",
            "قوات ايرانيه",
            "ايران",
            "عسكريين ايرانيين",
            "مستشارين ايرانيين",
            # sites named with the nationality after them ("غارات على مواقع إيرانية قرب دمشق")
            "مواقع ايرانيه",
            "اهداف ايرانيه",
            "قواعد ايرانيه",
            "مستودعات ايرانيه",
        )
        + "|"
        + en(
            r"iranian (?:forces|troops|military|revolutionary guards?|targets|positions|bases|sites|advisers|advisors)",
            r"irgc",
            r"revolutionary guards?",
            r"quds force",
            r"iran",
        ),
    ),
    ActorRule(
        "Military Forces of Israel",
        ar(
            "الجيش الاسرائيلي",
            "الطائرات الاسرائيليه",
            "الطيران الاسرائيلي",
            "القوات الاسرائيليه",
            "اسرائيل",
            "اسرائيليه",
            "اسرائيلي",
            "اسرائيليين",
            "اسرائيليتين",
            "الاحتلال الاسرائيلي",
            "الاسرائيلي",
            "الاسرائيليه",
        )
        + "|"
        + en(
            r"israeli(?: \w+)? (?:army|military|jets|warplanes|strikes?|air ?strikes?|raids?|missiles?|rockets?|forces|"
            r"air ?force|"
            r"aircraft|troops|defen[cs]e forces)",
            r"israel",
            r"idf",
        ),
    ),
    ActorRule(
        "Police Forces of Iraq",
        ar("الشرطه العراقيه", "الشرطه الاتحاديه", "الشرطه الاتحاديه العراقيه")
        + "|"
        + en(r"iraqi (?:federal )?police", r"federal police"),
    ),
    ActorRule(
        "Popular Mobilization Forces",
        ar("الحشد الشعبي", "قوات الحشد الشعبي", "الحشد")
        + "|"
        + en(r"popular mobili[sz]ation (?:forces|units)", r"pmf", r"pmu", r"hashd(?: al-shaabi)?"),
    ),
    ActorRule(  # an Iraqi Shia armed group of the Popular Mobilization, close to Iran
        "Badr Organization",
        ar(*(f"{noun} [\"«]?بدر" for noun in ("منظمه", "فيلق", "ميليشيا", "مليشيا", "ميليشيات", "تنظيم")))
        + "|"
        + en(r"badr organi[sz]ation", r"badr (?:brigades?|corps|militia)"),
    ),
    ActorRule(
        "Military Forces of Iraq",
        ar(
            "الجيش العراقي",
            "القوات العراقيه",
            "القوات الامنيه العراقيه",
            "قوات الامن العراقيه",
            "القوات الحكوميه العراقيه",
            "قوات مكافحه الارهاب",
            "جهاز مكافحه الارهاب",
            "القوات الجويه العراقيه",
            "سلاح الجو العراقي",
            "الطيران العراقي",
            "الطائرات العراقيه",
            "المقاتلات العراقيه",
            # Indefinite aircraft or forces with the nationality after them ("نفذت مقاتلات عراقية غارات"):
            # bare "عراقية" stays out (the government, the border, a city are Iraqi too).
            "مقاتلات عراقيه",
            "طائرات عراقيه",
            "طائرات حربيه عراقيه",
            "مقاتلات حربيه عراقيه",
            "مروحيات عراقيه",
            "قوات عراقيه",
            # soldiers counted with their nationality ("قتل 4 جنود عراقيين")
            "جنود عراقيين",
            "جنديين عراقيين",
            "جندي عراقي",
            "جنديا عراقيا",
            "عسكريين عراقيين",
        )
        + "|"
        + en(
            r"iraqi (?:army|forces|troops|security forces|military|soldiers|servicemen|counter-terrorism|"
            r"government forces)",
            r"counter-terrorism service",
        ),
    ),
    ActorRule(
        "Hezbollah",
        ar("حزب الله", "حزب الله اللبناني")
        + "|"
        + en(r"hezbollah", r"hizbollah", r"hizbullah", r"hizballah"),
    ),
    ActorRule(
        "PKK",
        ar("حزب العمال الكردستاني", "العمال الكردستاني", "بي كا كا")
        + "|"
        + en(r"pkk", r"kurdistan workers'? party"),
    ),
    ActorRule("KDPI", ar("الحزب الديمقراطي الكردستاني الايراني") + "|" + en(r"kdpi")),
    ActorRule(
        "Coalition",
        ar(
            "التحالف الدولي",
            "قوات التحالف",
            "طائرات التحالف",
            "طيران التحالف",
            "التحالف",
            "التحالف الدولي بقياده واشنطن",
            "التحالف بقياده الولايات المتحده",
        )
        + "|"
        + en(
            # "the US-led coalitions fighter jets": a possessive whose apostrophe the page dropped
            r"(?:us|u\.s\.|american|international|global|western)[- ]led coalitions?",
            r"(?:us|u\.s\.|american)[- ]led (?:\w+ )?(?:air ?strikes?|strikes?|raids?|jets|warplanes|aircraft|"
            r"planes|bombing|forces|alliance)",
            r"the coalition",
            r"coalitions?(?: \w+)? (?:forces|warplanes|jets|aircraft|air ?strikes|strikes|troops)",
            r"international coalition",
            r"global coalition",
            r"coalition",
        ),
    ),
    ActorRule(
        "Military Forces of the United States",
        ar(
            "القوات الامريكيه",
            "القوات الاميركيه",
            "الجيش الامريكي",
            "الجيش الاميركي",
            "الطائرات الامريكيه",
            "الطائرات الاميركيه",
            "الامريكي",
            "الامريكيه",
            "الاميركي",
            "الاميركيه",
            "الولايات المتحده",
            # Indefinite aircraft or forces with the nationality after them ("طائرات أمريكية قصفت").
            "طائرات امريكيه",
            "طائرات اميركيه",
            "مقاتلات امريكيه",
            "مقاتلات اميركيه",
            "طائره امريكيه",
            "طائره اميركيه",
            "قوات امريكيه",
            "قوات اميركيه",
            "جنود امريكيين",
            "جنود اميركيين",
            "جنديين امريكيين",
            "جنديين اميركيين",
            "جندي امريكي",
            "جندي اميركي",
        )
        + "|"
        + en(
            r"(?:us|u\.s\.|american) (?:forces|troops|military|army|soldiers|servicemen|warplanes|jets|drones?|"
            r"air ?strikes?|strikes?|aircraft|special forces|marines|missiles?|missile strikes?|cruise missiles|"
            r"navy|warships?)",
            r"united states",
            r"pentagon",
        ),
    ),
    ActorRule(
        "Unidentified Armed Group",
        ar(
            "مسلحين مجهولين",
            "مجموعات مسلحه",
            "مجموعه مسلحه",
            "جماعه مسلحه",
            "جماعات مسلحه",
            "عده مجموعات مسلحه",
            "مسلحون مجهولون",
            "مسلح مجهول",
            # a gang that kidnaps or kills ("أقدمت عصابة على خطف تاجر")
            "عصابه",
            "عصابه مسلحه",
            "عصابات مسلحه",
            "عصابه خطف",
            "عصابات خطف",
            "مسلحين مجهولي الهويه",
            "مجهولين",
            "مجهولون",
            "مسلحين",
            "مسلحون",
            "مجهولي الهويه",
            "اشخاص مجهولين",
        )
        + "|"
        + en(
            r"(?:unknown|unidentified) (?:armed )?(?:gunmen|assailants|attackers|men|persons?|"
            r"individuals|group|"
            r"groups|militants|perpetrators)",
            r"gunmen",
            r"armed men",
            r"assailants",
            r"attackers",
        ),
    ),
    ActorRule(  # named with the country of the event when coded ("Protesters (Iraq)", "Rioters (Iraq)")
        "Protesters",
        ar(
            "متظاهرين",
            "متظاهرون",
            "المتظاهرين",
            "المتظاهرون",
            "محتجين",
            "محتجون",
            "المحتجين",
            "المحتجون",
            # one protester killed or hurt ("مصرع متظاهر", "أصيب محتج")
            "متظاهر",
            "متظاهرا",
            "محتج",  # (not "محتجا": also "in protest", "انسحب الوفد محتجا")
        ),
    ),
    ActorRule(
        "Civilians",
        ar(
            "مدنيين",
            "المدنيين",
            "مدنيون",
            "المدنيون",
            "مدني",
            "مدنيا",
            "مواطنين",
            "المواطنين",
            "مواطن",
            "مواطنا",
            "اطفال",
            "الاطفال",
            "طفل",
            "طفلا",
            "طفله",
            "نساء",
            "النساء",
            "امراه",
            "سيده",
            "السكان",
            "سكان",
            "الاهالي",
            "اهالي",
            "عائله",
            "عائلات",
            "مزارعين",
            "رعاه",
            "نازحين",
            "النازحين",
            "مسعفين",
            "متطوعين",
            "صحفي",
            "صحفيين",
            "اعلامي",
            "ناشط",
            "ناشطين",
            "طلاب",
            "اطفالا",
            "عمال",
            "عمالا",
            "مستشفي",
            "مستشفيات",
            "المستشفي",
            "المستشفيات",
            "مدرسه",
            "المدرسه",
            "مدارس",
            "سوق",
            "السوق",
            "مسجد",
            "المسجد",
            "كنيسه",
            "الكنيسه",
            "كنائس",
            "الكنائس",
            "منازل",
            "المنازل",
            "الاحياء السكنيه",
            "احياء سكنيه",
            "مخيم",
            "مخيمات",
            "المخيم",
            "فرن",
            # one person by their trade or kind ("قتل معلم", "راعي اغنام", "خطف تاجر")
            "معلم",
            "معلما",
            "معلمه",
            "مدرس",
            "مدرسا",
            "طبيب",
            "طبيبا",
            "طبيبه",
            "ممرض",
            "ممرضه",
            "راع",
            "راعي",
            "راعيا",
            "راعيين",
            "راعيان",
            "مزارع",
            "مزارعا",
            "تاجر",
            "تاجرا",
            "تجار",
            "سائق",
            "سائقا",
            "مختار",
        )
        + "|"
        + en(
            r"civilians?",
            r"residents?",
            r"children",
            r"child",
            r"women",
            r"woman",
            r"villagers?",
            r"farmers?",
            r"shepherds?",
            r"families",
            r"family",
            r"journalists?",
            r"activists?",
            r"displaced (?:people|persons|civilians|families)",
            r"passers-?by",
            r"worshippers",
            r"students",
            r"aid workers?",
            r"rescuers?",
            r"medics?",
            r"paramedics?",
            r"people",
            r"teenagers?",
            r"boys?",
            r"girls?",
            r"hospitals?",
            r"schools?",
            r"markets?",
            r"mosques?",
            r"homes",
            r"houses",
            r"residential (?:areas?|neighbou?rhoods?|buildings?)",
            r"camps?",
            r"bakery",
            r"clinics?",
        ),
    ),
)

# Our canonical names are names too ("Military Forces of Syria" in English notes).
ACTOR_RULES = tuple(
    ActorRule(rule.canonical, rule.pattern + "|" + en(re.escape(rule.canonical.lower()).replace("\\ ", " ")))
    for rule in ACTOR_RULES
)

# "The organization" / "the group": the armed group named before.
PRONOUN_ANAPHOR_PATTERN = ar(
    "عناصره", "عناصرها", "مقاتليه", "مقاتليها", "قواته", "قواتها", "مواقعه", "مواقعها"
)
# "الجيش" with no nationality ("أعلنت قيادة الجيش", "وحدات الجيش تمكنت"): the army the report named before.
ARMY_ANAPHOR_PATTERN = ar("الجيش")
ANAPHOR_PATTERN = (
    ar("التنظيم", "تنظيم")
    + "|"
    + en(r"the (?:militant |jihadist )?group", r"the organization", r"the jihadists")
)

_OFFICIAL_AR_RE = (
    r"(?<!\w)[وفبل]?(?:ال)?(?:وزاره|وزير|المتحدث باسم|متحدث باسم|الناطق باسم|ناطق باسم|مصدر في|"
    r"مصادر في|بيان|قائد|رئيس|مسؤول في|وكاله)(?: ال\w+){1,3}"
)
_OFFICIAL_AR = Forms.of(
    _OFFICIAL_AR_RE,
    tuple(
        (key, _OFFICIAL_AR_RE)
        for key in ("وزا", "وزي", "متح", "ناط", "مصد", "مصا", "بيا", "قائ", "رئي", "مسؤ", "وكا")
    ),
)

# Outlets, monitors and officials: sources, never actors. Spans they cover hide actor matches.
SOURCE_FORMS = (
    ar(
        "المرصد السوري لحقوق الانسان",
        "المرصد السوري",
        "المرصد",
        "نشطاء المرصد",
        "وكاله الانباء السوريه",
        "وكاله سانا",
        "سانا",
        "الدفاع المدني",
        "الخوذ البيضاء",
        "الاعلام الحربي",
        "الامم المتحده",
        "مجلس الامن",
        "وكاله الاناضول",
        "التلفزيون السوري",
        "الاعلام الرسمي",
    )
    + "|"
    + _OFFICIAL_AR
    + "|"
    + en(
        r"syrian observatory(?: for human rights)?",
        r"sohr",
        r"news agency",
        r"sana",
        r"ministry(?: of \w+)?",
        r"minister",
        r"white helmets",
        r"civil defen[cs]e",
        r"spokes(?:man|woman|person)(?: for (?:the )?(?:\w+ ){1,3})?",
        r"reuters",
        r"afp",
        r"associated press",
        r"anadolu",
        r"state (?:tv|television|media)",
        r"united nations",
        r"u\.n\.",
        r"security council",
        r"liveuamap",
        r"local media",
        r"(?:news|media) (?:outlets?|agency|sources?)",
    )
)
SOURCE_PATTERN = re.compile(SOURCE_FORMS)
