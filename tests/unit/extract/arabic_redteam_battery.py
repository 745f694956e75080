"""A red-team battery of Arabic sentences in the register of Syrian monitoring reports, written for these tests
(no third-party text): every item of the extraction checklist told in several constructions (word order,
clitics, synonyms, number words, duals), each with what extraction must find.

A case is ``(item, text, expect)``; ``expect`` keys:
  sub     ACLED sub-event type (or a tuple of acceptable ones) of the event checked: the first event of that type
  none    True: no event at all;  calm: True: no violent event (battle, remote violence, violence on civilians)
  a       actors that must be actor1 or actor2 of the event;  a1: its actor1
  not_a   actor names no event may have as actor1/actor2
  f       fatalities of the event (None: no toll);  q: their qualifier;  inj: injured
  not_f   a number no event may take as its fatalities
  adm     admin1 of the event's place;  loc: its place name;  prec: its geo-precision
  d       event date (ISO);  d_end: end of its range
Reports are published on Wednesday 11 March 2026, 09:30 UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from processors.extract import extract_events
from sitrep.records import Event, Report

WHEN = datetime(2026, 3, 11, 9, 30, tzinfo=UTC)  # a Wednesday
TODAY, YESTERDAY = "2026-03-11", "2026-03-10"

SYR = "Military Forces of Syria"
MIL = "Militia (Pro-Government)"
SDF = "Syrian Democratic Forces"
IS = "Islamic State"
REB = "Opposition Rebels"
HTS = "Hayat Tahrir al-Sham"
RUS = "Military Forces of Russia"
TUR = "Military Forces of Turkey"
CIV = "Civilians"
UAG = "Unidentified Armed Group"
SNA = "Syrian National Army"

AIR = "Air/drone strike"
SHELL = "Shelling/artillery/missile attack"
IED = "Remote explosive/landmine/IED"
CLASH = "Armed clash"
REGAIN = "Government regains territory"
TAKE = "Non-state actor overtakes territory"
ATTACK = "Attack"
ABDUCT = "Abduction/forced disappearance"
SUICIDE = "Suicide bomb"

Case = tuple[str, str, dict[str, Any]]

BATTERY: list[Case] = [
    # --- triggers ---------------------------------------------------------------------------------------------
    ("trigger:clash", "اندلعت اشتباكات عنيفة بين قوات النظام وهيئة تحرير الشام على محور كبانة بريف اللاذقية الشمالي.",
     {"sub": CLASH, "a": {SYR, HTS}, "adm": "Lattakia"}),
    ("trigger:clash", "تدور منذ صباح اليوم معارك كر وفر بين الفصائل وقوات النظام في محيط بلدة اللطامنة.",
     {"sub": CLASH, "a": {SYR, REB}, "loc": "Al Lataminah"}),
    ("trigger:clash", "وتواصلت المواجهات العنيفة بين قسد وعناصر تنظيم الدولة الإسلامية في محيط بلدة هجين.",
     {"sub": CLASH, "a": {SDF, IS}}),
    ("trigger:clash", "قتل 4 مقاتلين من الفصائل خلال اشتباكهم مع قوات النظام على أطراف بلدة كفرزيتا.",
     {"sub": CLASH, "a": {SYR, REB}, "f": 4}),
    ("trigger:clash", "جرى تبادل لإطلاق النار بين عناصر من قسد ومسلحين من العشائر في بلدة الشحيل.",
     {"sub": CLASH, "a": {SDF}}),
    ("trigger:clash", "دارت اشتباكات متقطعة بين عناصر تنظيم الدولة الإسلامية والمسلحين الموالين للنظام قرب السخنة.",
     {"sub": CLASH, "a": {IS, MIL}}),

    ("trigger:air", "شنت طائرات حربية روسية 14 غارة على بلدة كفرنبل بريف إدلب الجنوبي.",
     {"sub": AIR, "a1": RUS, "loc": "Kafr Nobol"}),
    ("trigger:air", "نفذت الطائرات الحربية التابعة للنظام غارات جوية على أطراف مدينة خان شيخون.",
     {"sub": AIR, "a1": SYR, "loc": "Khan Shaykhun"}),
    ("trigger:air", "استهدفت طائرة مسيرة سيارة على الطريق الواصل بين الأتارب ودارة عزة ما أدى لمقتل ثلاثة أشخاص.",
     {"sub": AIR, "f": 3}),
    ("trigger:air", "قضى طفلان وامرأة جراء غارة لطائرات حربية روسية على قرية في جبل الزاوية.",
     {"sub": AIR, "a1": RUS, "f": 3, "a": {CIV}}),
    ("trigger:air", "وقصفت الطائرات الروسية بعدة غارات مناطق في بلدة الهبيط فجر اليوم.",
     {"sub": AIR, "a1": RUS, "d": TODAY}),
    ("trigger:air", "ارتفع إلى 6 عدد الذين قتلوا بالضربات الجوية التي نفذتها طائرات مسيرة تركية على ريف القامشلي.",
     {"sub": AIR, "a1": TUR, "f": 6, "adm": "Al-Hasakeh"}),

    ("trigger:shell", "قصفت قوات النظام بالقذائف الصاروخية مناطق في بلدة كفرنبودة بريف حماة الشمالي.",
     {"sub": SHELL, "a1": SYR, "loc": "Kafr Nabutha"}),
    ("trigger:shell", "سقطت قذائف أطلقتها الفصائل على أحياء في مدينة حلب ما أسفر عن إصابة 5 مدنيين.",
     {"sub": SHELL, "a1": REB, "inj": 5}),
    ("trigger:shell", "استهدفت القوات التركية بالمدفعية الثقيلة قرى في ريف تل تمر.",
     {"sub": SHELL, "a1": TUR}),
    ("trigger:shell", "قتلت مواطنة بقصف مدفعي لقوات النظام على بلدة مورك.",
     {"sub": SHELL, "a1": SYR, "f": 1, "loc": "Morek"}),
    ("trigger:shell", "وطال القصف الصاروخي الذي نفذته قوات النظام قرى الزيارة والمنصورة في سهل الغاب.",
     {"sub": SHELL, "a1": SYR}),
    ("trigger:shell", "أطلقت الفصائل عدة صواريخ من نوع غراد على مواقع قوات النظام في جورين.",
     {"sub": SHELL, "a1": REB}),

    ("trigger:barrel", "ألقت طائرات مروحية 12 برميلا متفجرا على مناطق في بلدة الهبيط.",
     {"sub": AIR}),
    ("trigger:barrel", "قتل 3 مدنيين بينهم طفل جراء قصف الطيران المروحي بالبراميل المتفجرة على بلدة اللطامنة.",
     {"sub": AIR, "f": 3, "loc": "Al Lataminah"}),
    ("trigger:barrel", "استهدف الطيران المروحي بالبراميل المتفجرة أطراف بلدة التمانعة بريف إدلب.",
     {"sub": AIR}),
    ("trigger:barrel", "وسقط برميل متفجر على منزل في بلدة كفرزيتا ما أدى لمقتل رجل وزوجته.",
     {"sub": AIR, "f": 2}),
    ("trigger:barrel", "ارتفع إلى 40 عدد البراميل التي ألقاها الطيران المروحي على "
     "مناطق في ريف حماة الشمالي منذ صباح اليوم.",
     {"sub": AIR, "f": None, "not_f": 40}),

    ("trigger:ied", "انفجرت عبوة ناسفة بسيارة عسكرية لقوات النظام قرب مدينة الصنمين ما أدى لمقتل عنصرين.",
     {"sub": IED, "f": 2, "a": {SYR}}),
    ("trigger:ied", "أصيب ثلاثة عناصر من قسد بانفجار لغم أرضي بآليتهم في ريف دير الزور الشرقي.",
     {"sub": IED, "inj": 3, "a": {SDF}, "adm": "Deir ez-Zor"}),
    ("trigger:ied", "انفجرت عبوة ناسفة بسيارة عنصر من قسد في بلدة الشحيل ما أدى لمقتله.",
     {"sub": IED, "f": 1, "a": {SDF}}),
    ("trigger:ied", "فجر مجهولون عبوة ناسفة زرعت على طريق في بلدة طفس مستهدفين دورية لقوات النظام.",
     {"sub": IED, "a": {SYR}}),
    ("trigger:ied", "لقي طفل مصرعه بانفجار جسم من مخلفات الحرب في قرية بريف حمص الشمالي.",
     {"sub": IED, "f": 1}),

    ("trigger:car-bomb", "انفجرت سيارة مفخخة في مدينة اعزاز ما أسفر عن مقتل 6 مدنيين.",
     {"sub": IED, "f": 6, "loc": "Azaz"}),
    ("trigger:car-bomb", "قتل 9 أشخاص بينهم عناصر من الفصائل جراء انفجار آلية مفخخة قرب دوار في مدينة الباب.",
     {"sub": IED, "f": 9}),
    ("trigger:car-bomb", "هز انفجار سيارة مفخخة مدينة عفرين ما أدى لسقوط قتلى وجرحى.",
     {"sub": IED, "loc": "Afrin"}),
    ("trigger:car-bomb", "انفجرت دراجة نارية مفخخة في سوق بلدة الراعي.",
     {"sub": IED}),
    ("trigger:car-bomb", "وقتل 4 مواطنين بانفجار عربة مفخخة في مدينة جرابلس.",
     {"sub": IED, "f": 4}),

    ("trigger:suicide", "فجر انتحاري نفسه بحزام ناسف وسط تجمع لقوات النظام في بلدة السخنة ما أدى لمقتل 7 عناصر.",
     {"sub": SUICIDE, "f": 7}),
    ("trigger:suicide", "قتل 11 عنصرا من قسد بتفجير انتحاري بعربة مفخخة استهدف نقطة لهم قرب هجين.",
     {"sub": SUICIDE, "f": 11}),
    ("trigger:suicide", "أقدم عنصر من تنظيم الدولة الإسلامية على تفجير نفسه بمقر للفصائل في مدينة الباب.",
     {"sub": SUICIDE, "a1": IS}),
    ("trigger:suicide", "نفذ انتحاريان هجوما بسيارتين مفخختين على مواقع قوات النظام في البادية.",
     {"sub": SUICIDE}),
    ("trigger:suicide", "قضى 5 مدنيين في هجوم انتحاري على مسجد في مدينة القامشلي.",
     {"sub": SUICIDE, "f": 5}),

    ("trigger:assassination", "اغتال مسلحون مجهولون مختار بلدة الكرك الشرقي في ريف درعا برصاص مباشر.",
     {"sub": ATTACK, "f": 1, "a": {UAG}}),
    ("trigger:assassination", "عثر على جثة عنصر سابق في الفصائل مقتولا برصاص مجهولين في بلدة نوى.",
     {"f": 1}),
    ("trigger:assassination", "أقدم مسلحون على اغتيال قيادي في هيئة تحرير الشام بإطلاق النار عليه في مدينة سرمدا.",
     {"f": 1, "a": {HTS}}),
    ("trigger:assassination", "قتل معلم برصاص مسلحين مجهولين يستقلون دراجة نارية في مدينة الميادين.",
     {"sub": ATTACK, "f": 1, "a": {CIV}}),
    ("trigger:assassination", "تعرض رئيس المجلس المحلي في بلدة طفس لمحاولة اغتيال نجا منها.",
     {"f": None}),

    ("trigger:territory", "سيطرت قوات النظام على بلدة كفرنبودة بعد معارك عنيفة مع الفصائل.",
     {"sub": REGAIN, "a1": SYR, "loc": "Kafr Nabutha"}),
    ("trigger:territory", "تمكنت الفصائل من استعادة السيطرة على قرية الحماميات بريف حماة الشمالي.",
     {"sub": TAKE, "a1": REB}),
    ("trigger:territory", "استعادت قوات النظام السيطرة على بلدة حلفايا إثر هجوم معاكس.",
     {"sub": REGAIN, "a1": SYR, "loc": "Halfaya"}),
    ("trigger:territory", "انسحب عناصر تنظيم الدولة الإسلامية من بلدة الباغوز وسيطرت قسد عليها بالكامل.",
     {"sub": (TAKE, "Non-violent transfer of territory"), "a": {SDF}}),
    ("trigger:territory", "باتت هيئة تحرير الشام تسيطر على قرية تل ممو بعد طرد الفصائل منها.",
     {"sub": TAKE, "a1": HTS}),
    ("trigger:territory", "تقدمت القوات التركية والفصائل الموالية لها وسيطرت على قرية في ريف عفرين.",
     {"sub": TAKE, "a1": TUR}),

    ("trigger:ambush", "نصب عناصر من تنظيم الدولة الإسلامية كمينا لقوات النظام في بادية الميادين ما أدى لمقتل 8 عناصر.",
     {"sub": CLASH, "a": {IS, SYR}, "f": 8}),
    ("trigger:ambush", "قتل 3 من المسلحين الموالين للنظام في كمين نصبته خلايا التنظيم في بادية حمص.",
     {"sub": CLASH, "f": 3}),
    ("trigger:ambush", "وقعت مجموعة من قسد في كمين لمسلحين مجهولين قرب بلدة ذيبان.",
     {"sub": CLASH, "a": {SDF}}),
    ("trigger:ambush", "أوقع مقاتلو الفصائل مجموعة من قوات النظام في كمين محكم على محور الكبينة.",
     {"sub": CLASH, "a": {REB, SYR}}),
    ("trigger:ambush", "قضى خمسة عناصر من قوات النظام بكمين لخلايا التنظيم في بادية دير الزور.",
     {"sub": CLASH, "f": 5}),

    ("trigger:abduction", "اختطف مسلحون مجهولون طفلا من أمام منزله في بلدة الصنمين.",
     {"sub": ABDUCT}),
    ("trigger:abduction", "أقدمت عصابة على خطف تاجر في مدينة السويداء وطالبت بفدية مالية.",
     {"sub": ABDUCT}),
    ("trigger:abduction", "أفرج عن شابين بعد اختطافهما لأسبوع على يد مسلحين في ريف درعا.",
     {}),
    ("trigger:abduction", "اعتقلت قسد 4 شبان خلال مداهمة في بلدة الشحيل.",
     {"sub": "Arrests", "a1": SDF}),
    ("trigger:abduction", "خطف عناصر من الفصائل مواطنا من قرية في ريف عفرين.",
     {"sub": ABDUCT}),

    ("trigger:civilians", "أعدم تنظيم الدولة الإسلامية مدنيين اثنين بتهمة التعامل مع قسد في ريف دير الزور.",
     {"sub": ATTACK, "a1": IS, "f": 2}),
    ("trigger:civilians", "أطلق مسلحون النار على مواطنين في بلدة الحراك ما أدى لمقتل رجل وإصابة آخر.",
     {"sub": ATTACK, "f": 1, "inj": 1}),
    ("trigger:civilians", "قتل عناصر من قوات النظام شابا تحت التعذيب في أحد السجون.",
     {"f": 1}),
    ("trigger:civilians", "قتل راعي أغنام برصاص عناصر التنظيم في بادية السخنة.",
     {"sub": ATTACK, "f": 1, "a": {CIV}}),
    ("trigger:civilians", "عثر على جثامين 4 مدنيين أعدموا ميدانيا على يد مسلحين في قرية بريف حماة.",
     {"f": 4}),

    # --- actors ----------------------------------------------------------------------------------------------
    ("actor:regime", "قتل عنصر من قوات النظام برصاص قناص في ريف إدلب الجنوبي.", {"a": {SYR}, "f": 1}),
    ("actor:regime", "قصف مدفعي نفذته القوات الحكومية على بلدة معرة حرمة.", {"a1": SYR}),
    ("actor:regime", "وقصف النظام بالصواريخ مناطق في مدينة سراقب.", {"a1": SYR}),
    ("actor:regime", "قصفت قوات الأسد مناطق في بلدة التح بريف إدلب.", {"a1": SYR}),
    ("actor:regime", "قصفت الفرقة الرابعة بالمدفعية أطراف بلدة طفس.", {"a1": SYR}),

    ("actor:army", "قال الجيش السوري إنه دمر آليات للمسلحين في ريف حماة.", {"not_a": {"Civilians"}}),
    ("actor:army", "استهدف الجيش السوري بالمدفعية مواقع للفصائل قرب كفرنبودة.", {"sub": SHELL, "a1": SYR}),
    ("actor:army", "قتل جنديان من الجيش السوري بهجوم على حاجز في بلدة الصنمين.", {"a": {SYR}, "f": 2}),
    ("actor:army", "اشتبكت وحدات من الجيش مع مسلحين في محيط مدينة تلبيسة.", {"sub": CLASH, "a": {SYR}}),
    ("actor:army", "قصف جيش النظام بالقذائف الصاروخية قرى في جبل الأكراد.", {"sub": SHELL, "a1": SYR}),

    ("actor:sdf", "اشتبكت قوات سوريا الديمقراطية مع خلايا لتنظيم الدولة الإسلامية في ريف الحسكة.",
     {"sub": CLASH, "a": {SDF, IS}}),
    ("actor:sdf", "قتل عنصر من قسد برصاص مسلحين في مدينة الطبقة.", {"a": {SDF}, "f": 1}),
    ("actor:sdf", "قصفت قسد بالمدفعية مواقع الفصائل الموالية لتركيا في محيط تل تمر.", {"sub": SHELL, "a1": SDF}),
    ("actor:sdf", "داهمت قوات قسد منازل في بلدة ذيبان واعتقلت 3 أشخاص.", {"a1": SDF}),
    ("actor:sdf", "قتل 2 من مقاتلي وحدات حماية الشعب باشتباكات مع القوات التركية.", {"sub": CLASH, "f": 2}),

    ("actor:is", "هاجمت خلايا التنظيم مواقع لقوات النظام في بادية حمص الشرقية.", {"a": {SYR}}),
    ("actor:is", "قتل 5 عناصر من قسد بهجوم لداعش على حاجز في ريف دير الزور.", {"a": {SDF, IS}, "f": 5}),
    ("actor:is", "تبنى تنظيم الدولة الإسلامية الهجوم الذي استهدف حاجزا لقوات النظام في بادية تدمر.", {"a": {SYR, IS}}),
    ("actor:is", "تواصل قسد عمليتها ضد تنظيم الدولة الإسلامية في ريف دير الزور، وقتل 6 من عناصر التنظيم في اشتباكات.",
     {"sub": CLASH, "a": {SDF, IS}, "f": 6}),
    ("actor:is", "وأعدم عناصر داعش شابا في بلدة البوكمال.", {"a1": IS, "f": 1}),
    ("actor:is-anaphor", "تواصل هيئة تحرير الشام هجومها على مواقع قوات النظام، وقتل 3 من عناصر الهيئة في اشتباكات.",
     {"sub": CLASH, "a": {HTS, SYR}, "f": 3}),
    ("actor:is-anaphor", "شن حراس الدين هجوما على مواقع قوات النظام في ريف اللاذقية، وقتل 4 من عناصر التنظيم.",
     {"not_a": {IS}}),
    ("actor:is-anaphor", "تبنت هيئة تحرير الشام قصف مواقع النظام، وقال التنظيم إن قصفه أصاب أهدافه.", {"not_a": {IS}}),
    ("actor:is-anaphor", "استهدف تنظيم حراس الدين رتلا لقوات النظام، ما أدى لمقتل عنصرين، وتبنى التنظيم الهجوم.",
     {"not_a": {IS}, "f": 2}),
    ("actor:is-anaphor", "قتل 7 من عناصر تنظيم الدولة الإسلامية في اشتباكات مع قسد، فيما أسر التنظيم عنصرين.",
     {"sub": CLASH, "a": {IS, SDF}, "f": 7}),

    ("actor:rebels", "قصفت الفصائل المقاتلة بقذائف الهاون مواقع قوات النظام في ريف حماة.", {"a1": REB}),
    ("actor:rebels", "اشتبكت الفصائل الإسلامية مع قوات النظام على محاور ريف إدلب.", {"sub": CLASH, "a": {REB, SYR}}),
    ("actor:rebels", "قتل 3 مقاتلين من فصائل المعارضة بقصف على مواقعهم.", {"a": {REB}, "f": 3}),
    ("actor:rebels", "أسقط مقاتلو المعارضة طائرة استطلاع في ريف اللاذقية.", {"a": {REB}}),
    ("actor:rebels", "نفذ مقاتلون من الجبهة الوطنية للتحرير هجوما على مواقع قوات النظام.", {"a": {SYR}}),

    ("actor:hts", "قتل 4 عناصر من تحرير الشام في قصف على جبل التركمان.", {"a": {HTS}, "f": 4}),
    ("actor:hts", "اشتبكت الهيئة مع قوات النظام على محور كبانة.", {"sub": CLASH, "a": {HTS, SYR}}),
    ("actor:hts", "قصفت هيئة تحرير الشام بالقذائف الصاروخية مواقع النظام في ريف حماة.", {"a1": HTS}),
    ("actor:hts", "هاجمت جبهة النصرة مواقع قوات النظام في ريف اللاذقية.", {"a": {SYR}}),
    ("actor:hts", "اعتقلت هيئة تحرير الشام ناشطين في مدينة إدلب.", {"a1": HTS}),

    ("actor:foreign", "قصفت القوات التركية قرى في ريف عين عيسى.", {"sub": SHELL, "a1": TUR}),
    ("actor:foreign", "استهدف الجيش التركي بالطائرات المسيرة سيارة في ريف القامشلي.", {"sub": AIR, "a1": TUR}),
    ("actor:foreign", "قتل عنصران من القوات الروسية بانفجار عبوة في بادية دير الزور.", {"a": {RUS}, "f": 2}),
    ("actor:foreign", "شنت المقاتلات الروسية غارات على جبل الأكراد.", {"sub": AIR, "a1": RUS}),
    ("actor:foreign", "قصفت القوات الروسية بالصواريخ مناطق في ريف إدلب.", {"a1": RUS}),

    ("actor:militia", "قتل 6 من المسلحين الموالين للنظام في هجوم لخلايا التنظيم.", {"a": {MIL}, "f": 6}),
    ("actor:militia", "اشتبك عناصر من الميليشيات الموالية لإيران مع عناصر من قسد قرب البوكمال.", {"sub": CLASH}),
    ("actor:militia", "قتل عنصر من قوات الدفاع الوطني في ريف حماة.", {"a": {MIL}, "f": 1}),
    ("actor:militia", "قصفت المجموعات المسلحة الموالية للنظام مناطق في ريف اللاذقية.", {"a1": MIL}),
    ("actor:militia", "قتل عنصران من المسلحين الموالين لقوات النظام في كمين.", {"a": {MIL}, "f": 2}),

    ("actor:outlet", "وثق المرصد السوري لحقوق الإنسان مقتل 3 مدنيين بقصف لقوات النظام على بلدة التح.",
     {"a1": SYR, "f": 3, "not_a": {"Syrian Observatory for Human Rights"}}),
    ("actor:outlet", "أعلنت وزارة الدفاع الروسية مقتل عسكري روسي بقصف للمسلحين في ريف إدلب.",
     {"f": 1, "a": {RUS}}),
    ("actor:outlet", "وأفادت شبكة ناشطين محلية بمقتل شاب برصاص مجهولين في بلدة جاسم.", {"f": 1, "a": {CIV}}),
    ("actor:outlet", "رصد نشطاء المرصد السوري قصفا مدفعيا لقوات النظام على قرى جبل الزاوية.", {"a1": SYR}),
    ("actor:outlet", "قالت وزارة الداخلية السورية إن وحداتها قتلت 3 مسلحين في ريف درعا.", {"f": 3}),

    # --- casualties ------------------------------------------------------------------------------------------
    ("toll:dual", "قتل عنصرين من قوات النظام برصاص قناصة الفصائل على محور الكبينة.", {"f": 2}),
    ("toll:dual", "استشهد طفلان بقصف مدفعي على بلدة معرة حرمة.", {"f": 2}),
    ("toll:dual", "قضى مواطنان جراء غارة جوية على بلدة كفرنبل.", {"f": 2}),
    ("toll:dual", "لقيت سيدتان مصرعهما بقصف صاروخي على مدينة أريحا.", {"f": 2}),
    ("toll:dual", "وقتل مقاتلان من الفصائل باشتباكات مع قوات النظام.", {"f": 2}),

    ("toll:words", "قتل ثلاثة عناصر من قوات النظام في كمين قرب السخنة.", {"f": 3}),
    ("toll:words", "قتلت خمس نساء بقصف جوي على بلدة التمانعة.", {"f": 5}),
    ("toll:words", "قتل خمسة عشر عنصرا من قسد في هجوم لتنظيم الدولة الإسلامية.", {"f": 15}),
    ("toll:words", "قضى سبعة مدنيين بينهم أربعة أطفال في غارات على خان شيخون.", {"f": 7}),
    ("toll:words", "قتل اثنا عشر مقاتلا من الفصائل باشتباكات مع قوات النظام.", {"f": 12}),
    ("toll:words", "قتل عشرات العناصر من قوات النظام في هجوم واسع للفصائل.", {"sub": CLASH}),

    ("toll:qualifier", "قتل نحو 20 عنصرا من قوات النظام في اشتباكات مع الفصائل.", {"f": 20, "q": "about"}),
    ("toll:qualifier", "قتل ما لا يقل عن 9 مدنيين بغارات روسية على ريف إدلب.", {"f": 9, "q": "at_least"}),
    ("toll:qualifier", "قتل أكثر من 30 عنصرا من التنظيم بغارات للتحالف الدولي.", {"f": 30, "q": "more_than"}),
    ("toll:qualifier", "قتل 11 على الأقل من عناصر قسد في هجوم على نقطة عسكرية.", {"f": 11, "q": "at_least"}),
    ("toll:qualifier", "قضى قرابة 15 مدنيا بقصف جوي على مدينة معرة النعمان.", {"f": 15, "q": "about"}),

    ("toll:sides", "قتل 7 عناصر من قوات النظام و5 من الفصائل في اشتباكات على محور كفرنبودة.", {"f": 12}),
    ("toll:sides", "أسفرت الاشتباكات عن مقتل 4 من قسد مقابل 9 من عناصر التنظيم.", {"f": 13}),
    ("toll:sides", "قتل في المعارك 6 عناصر من هيئة تحرير الشام، بينما قتل 3 من قوات النظام.", {"f": 9}),
    ("toll:sides", "وقتل عنصران من قوات النظام وثلاثة من المسلحين في اشتباكات بريف درعا.", {"f": 5}),
    ("toll:sides", "قتل 8 من قوات النظام والمسلحين الموالين لها، و4 من الفصائل في الهجوم.", {"f": 12}),

    # --- numbers that are no fatalities ----------------------------------------------------------------------
    ("notf:cumulative", "قتل عنصر من قسد بهجوم لخلايا التنظيم، ليرتفع إلى 42 عدد قتلى قسد منذ مطلع العام.",
     {"f": 1, "not_f": 42}),
    ("notf:cumulative", "قتل مدني بقصف مدفعي على بلدة التح، وبذلك يرتفع إلى 210 "
     "عدد المدنيين الذين قتلوا منذ بدء التصعيد.",
     {"f": 1, "not_f": 210}),
    ("notf:cumulative", "ارتفعت حصيلة القتلى في صفوف قوات النظام منذ مطلع العام إلى 318 عنصرا.", {"not_f": 318}),
    ("notf:cumulative", "قتل طفلان بقصف جوي، لترتفع حصيلة القتلى خلال الشهر الجاري إلى 95 مدنيا.",
     {"f": 2, "not_f": 95}),
    ("notf:cumulative", "وثق المرصد مقتل 3 عناصر من قسد في ريف الرقة، ليبلغ عدد القتلى منذ انطلاق العملية 77 عنصرا.",
     {"f": 3, "not_f": 77}),

    ("notf:since", "قتل 150 عنصرا من قوات النظام منذ 24 آذار 2019 في هجمات التنظيم في البادية.", {"not_f": 150}),
    ("notf:since", "بلغ عدد القتلى جراء هجمات التنظيم منذ الخامس من شباط 64 شخصا.", {"not_f": 64}),
    ("notf:since", "منذ بدء العملية العسكرية في الثاني من الشهر الماضي، قتل 88 مدنيا.", {"not_f": 88}),
    ("notf:since", "قتل مدني اليوم، فيما قتل 37 آخرون منذ الأول من الشهر الجاري.", {"f": 1, "not_f": 37}),
    ("notf:since", "وارتفع عدد القتلى منذ مطلع العام الجاري في ريف درعا إلى 120.", {"not_f": 120}),

    ("notf:years", "وثق المرصد مقتل أكثر من 380 ألف شخص منذ اندلاع الحرب عام 2011.", {"none": True}),
    ("notf:years", "قتل 2345 مدنيا خلال عام 2025 بحسب إحصائيات المرصد.", {"not_f": 2345}),
    ("notf:years", "حصيلة العام الفائت بلغت 5 آلاف قتيل في عموم المحافظات السورية.", {"not_f": 5000}),
    ("notf:years", "قتل خلال السنوات السبع الماضية نحو 12 ألف طفل في سوريا.", {"not_f": 12000}),
    ("notf:years", "قتل 3 مدنيين اليوم بقصف على بلدة التح، ليرتفع إلى 600 عدد القتلى خلال عامين.",
     {"f": 3, "not_f": 600}),

    ("notf:displaced", "نزح أكثر من 40 ألف مدني من ريف إدلب الجنوبي جراء القصف.", {"not_f": 40000}),
    ("notf:displaced", "قصفت قوات النظام بلدة التح ما تسبب بنزوح 300 عائلة.", {"f": None, "not_f": 300}),
    ("notf:displaced", "فر نحو 2000 شخص من مدينة معرة النعمان هربا من الغارات.", {"not_f": 2000}),
    ("notf:displaced", "شرد القصف 150 عائلة من قرية في ريف حماة.", {"not_f": 150}),
    ("notf:displaced", "بلغ عدد النازحين جراء العمليات العسكرية 700 ألف.", {"not_f": 700000}),

    ("notf:percent", "دمر القصف نحو 70 بالمئة من منازل بلدة كفرنبودة.", {"not_f": 70}),
    ("notf:percent", "قتل 4 مدنيين بقصف على مدينة سراقب التي نزح 90% من سكانها.", {"f": 4}),
    ("notf:percent", "باتت قوات النظام تسيطر على 60 في المئة من مساحة المحافظة.", {"not_f": 60}),
    ("notf:percent", "ارتفعت نسبة الدمار في المدينة إلى 80 بالمائة بعد الغارات.", {"not_f": 80}),
    ("notf:percent", "قتل 6 عناصر من قوات النظام في هجوم على حاجز قرب تدمر، "
     "وتمثل حصيلة الشهر 25 في المائة من قتلى العام.",
     {"f": 6}),

    ("notf:age", "قتل شاب يبلغ من العمر 22 عاما برصاص مجهولين في بلدة جاسم.", {"f": 1}),
    ("notf:age", "قتلت طفلة عمرها 9 سنوات بقصف على بلدة معرة حرمة.", {"f": 1}),
    ("notf:age", "عثر على جثة رجل في الخمسين من عمره مقتولا في بلدة نوى.", {"f": 1}),
    ("notf:age", "قتل مسن يبلغ 70 عاما بقصف مدفعي على قرية في جبل الزاوية.", {"f": 1}),
    ("notf:age", "استشهد طفل (12 عاما) بانفجار لغم في ريف حمص.", {"f": 1}),

    ("notf:sentence", "أصدرت محكمة في دمشق حكما بإعدام 3 أشخاص بتهمة الإرهاب.", {"calm": True, "not_f": 3}),
    ("notf:sentence", "قضت محكمة الجنايات بالإعدام على 12 متهما.", {"calm": True, "not_f": 12}),
    ("notf:sentence", "حكمت محكمة الإرهاب على ناشطين بالسجن 15 عاما.", {"calm": True}),
    ("notf:sentence", "صدرت أحكام بالإعدام بحق 7 عناصر سابقين في التنظيم.", {"calm": True, "not_f": 7}),
    ("notf:sentence", "نفذت السلطات العراقية حكم الإعدام بحق 11 مدانا بالإرهاب في سجن الناصرية.", {"not_f": 11}),

    ("notf:counts", "ألقت المروحيات 16 برميلا متفجرا على بلدة الهبيط.", {"sub": AIR, "f": None, "not_f": 16}),
    ("notf:counts", "سيطرت قوات النظام على 5 قرى في ريف حماة الشمالي.", {"sub": REGAIN, "f": None, "not_f": 5}),
    ("notf:counts", "نفذت الطائرات الحربية الروسية 27 غارة على ريف إدلب.", {"sub": AIR, "f": None, "not_f": 27}),
    ("notf:counts", "استهدفت قوات النظام محيط بلدة التح بأكثر من 200 قذيفة صاروخية.", {"f": None, "not_f": 200}),
    ("notf:counts", "دمرت الفصائل 3 دبابات لقوات النظام على محور تل ملح.", {"f": None, "not_f": 3}),

    ("notf:title", "قتل 4 مدنيين بقصف على التح\nقتل 4 مدنيين بينهم طفلان بقصف مدفعي لقوات النظام على بلدة التح.",
     {"f": 4, "not_f": 8}),
    ("notf:title", "مقتل عنصرين من قسد في ريف دير الزور\nقتل عنصران من قسد برصاص مسلحين في بلدة ذيبان.",
     {"f": 2, "not_f": 4}),
    ("notf:title", "5 قتلى بغارات روسية\nوثق المرصد السوري مقتل 5 مدنيين بغارات روسية على بلدة كفرنبل.",
     {"f": 5, "not_f": 10}),
    ("notf:title", "مقتل 3 من قوات النظام\nقتل 3 عناصر من قوات النظام بكمين لخلايا التنظيم في بادية حمص.",
     {"f": 3, "not_f": 6}),
    ("notf:title", "انفجار يقتل 6 في الباب\nقتل 6 أشخاص بانفجار سيارة مفخخة في مدينة الباب.",
     {"f": 6, "not_f": 12}),

    # --- places ----------------------------------------------------------------------------------------------
    ("place:countryside", "قتل مدني بقصف على ريف إدلب الشرقي.", {"adm": "Idleb", "prec": 2}),
    ("place:countryside", "قتل عنصران من قسد بهجوم في ريف دير الزور الشرقي.", {"adm": "Deir ez-Zor"}),
    ("place:countryside", "قصفت قوات النظام مناطق في الريف الجنوبي لإدلب.", {"adm": "Idleb"}),
    ("place:countryside", "استهدفت غارات روسية مناطق بريف حماة الشمالي الغربي.", {"adm": "Hama"}),
    ("place:countryside", "قتل عنصر من قوات النظام في ريف درعا الغربي.", {"adm": "Dar'a"}),

    ("place:south-damascus", "قصفت قوات النظام بلدة يلدا جنوب دمشق.", {"loc": "Yalda"}),
    ("place:south-damascus", "اندلعت اشتباكات بين قوات النظام والتنظيم في مخيم اليرموك جنوب العاصمة دمشق.",
     {"adm": "Damascus"}),
    ("place:south-damascus", "قتل عنصر من قوات النظام في حي الحجر الأسود جنوبي دمشق.",
     {"adm": ("Damascus", "Rif Dimashq")}),
    ("place:south-damascus", "قصفت الطائرات الحربية التابعة للنظام مناطق في جنوب دمشق.",
     {"adm": ("Damascus", "Rif Dimashq")}),
    ("place:south-damascus", "قتل مدني بقصف على بلدة ببيلا بريف دمشق الجنوبي.", {"loc": "Babella"}),

    ("place:desert", "هاجمت خلايا التنظيم مواقع قوات النظام في بادية حمص الشرقية.", {"adm": "Homs"}),
    ("place:desert", "قتل 4 عناصر من قوات النظام في بادية دير الزور.", {"adm": "Deir ez-Zor"}),
    ("place:desert", "شنت الطائرات الروسية غارات على البادية السورية.", {"sub": AIR}),
    ("place:desert", "قتل راعيان بانفجار لغم في بادية السخنة.", {"adm": "Homs"}),
    ("place:desert", "اشتبكت قوات النظام مع خلايا التنظيم في بادية الرقة.", {"adm": "Ar-Raqqa"}),

    ("place:admin-nearby", "قتل مدني بقصف على قرية الزيارة في سهل الغاب بريف حماة.", {"adm": "Hama"}),
    ("place:admin-nearby", "قتل عنصر من قسد في قرية الكسرة بريف دير الزور الغربي.", {"adm": "Deir ez-Zor"}),
    ("place:admin-nearby", "انفجرت عبوة في بلدة الشيخ مسكين بريف درعا.", {"adm": "Dar'a"}),
    ("place:admin-nearby", "قصفت قوات النظام بلدة كفرنبل جنوب إدلب.", {"loc": "Kafr Nobol"}),
    ("place:admin-nearby", "قتل طفل في بلدة تلبيسة بريف حمص الشمالي.", {"loc": "Talbiseh"}),

    # --- dates -----------------------------------------------------------------------------------------------
    ("date:today", "قتل مدني اليوم بقصف على بلدة التح.", {"d": TODAY}),
    ("date:today", "شنت الطائرات الروسية صباح اليوم الأربعاء غارات على كفرنبل.", {"d": TODAY}),
    ("date:today", "قتل عنصر من قسد ظهر اليوم في ذيبان.", {"d": TODAY}),
    ("date:today", "تتواصل منذ ساعات صباح اليوم الاشتباكات بين الفصائل وقوات النظام في محيط اللطامنة.", {"d": TODAY}),
    ("date:today", "قصفت قوات النظام يوم الأربعاء مناطق في بلدة التح.", {"d": TODAY}),

    ("date:yesterday", "قتل مدني يوم أمس بقصف على بلدة التح.", {"d": YESTERDAY}),
    ("date:yesterday", "قتل أمس الثلاثاء عنصران من قوات النظام في كمين.", {"d": YESTERDAY}),
    ("date:yesterday", "شنت الطائرات مساء أمس غارات على كفرنبل.", {"d": YESTERDAY}),
    ("date:yesterday", "قتل عنصر من قسد بالأمس في ريف دير الزور.", {"d": YESTERDAY}),
    ("date:yesterday", "قتل يوم الثلاثاء 3 مدنيين بقصف على خان شيخون.", {"d": YESTERDAY}),

    ("date:dawn", "شنت الطائرات الحربية فجر اليوم غارات على مدينة خان شيخون.", {"d": TODAY}),
    ("date:dawn", "قتل 3 مدنيين في ساعات الفجر الأولى بقصف على بلدة التح.", {"d": TODAY}),
    ("date:dawn", "وقعت فجر أمس اشتباكات بين خلايا التنظيم وقوات النظام في محيط السخنة.", {"d": YESTERDAY}),
    ("date:dawn", "مع فجر اليوم الأربعاء، قصفت قوات النظام بلدة التح.", {"d": TODAY}),
    ("date:dawn", "قتل عنصران من قسد فجر الثلاثاء في ريف دير الزور.", {"d": YESTERDAY}),

    ("date:night", "شنت طائرات روسية غارات ليلة الثلاثاء/الأربعاء على كفرنبل.", {"d": YESTERDAY, "d_end": TODAY}),
    ("date:night", "قتل مدنيان ليل الثلاثاء – الأربعاء بقصف على التح.", {"d": YESTERDAY, "d_end": TODAY}),
    ("date:night", "دارت اشتباكات عنيفة خلال ليلة أمس بين هيئة تحرير الشام وقوات النظام في محيط اللطامنة.",
     {"d": YESTERDAY}),
    ("date:night", "قصفت قوات النظام بلدة التح منتصف ليل الثلاثاء الأربعاء.", {"d": YESTERDAY}),
    ("date:night", "قتل عنصر من قسد ليل أمس في ريف الحسكة.", {"d": YESTERDAY}),

    ("date:24h", "رصد المرصد السوري خلال الساعات الـ24 الفائتة مقتل 5 مدنيين بقصف على التح.",
     {"d": YESTERDAY, "d_end": TODAY}),
    ("date:24h", "قتل خلال الـ 24 ساعة الماضية 7 عناصر من قوات النظام في بادية حمص.", {"d": YESTERDAY}),
    ("date:24h", "نفذت الطائرات الروسية خلال الساعات الأربع والعشرين الماضية 30 غارة على ريف إدلب.",
     {"d": YESTERDAY}),
    ("date:24h", "شهدت الساعات الـ 24 الأخيرة اشتباكات بين الفصائل وقوات النظام على محاور ريف اللاذقية.",
     {"d": YESTERDAY}),
    ("date:24h", "خلال الـ24 ساعة الفائتة، قتل عنصران من قسد في ريف دير الزور.", {"d": YESTERDAY}),

    ("date:explicit", "قتل 3 مدنيين في الـ 6 من آذار / مارس الجاري بقصف على التح.", {"d": "2026-03-06"}),
    ("date:explicit", "قتل عنصر من قسد في الثامن من شهر آذار بهجوم في ذيبان.", {"d": "2026-03-08"}),
    ("date:explicit", "شنت الطائرات الروسية يوم 7 آذار غارات على بلدة كفرنبل.", {"d": "2026-03-07"}),
    ("date:explicit", "قتل 2 من قوات النظام بتاريخ 2 / 3 / 2026 في بادية حمص.", {"d": "2026-03-02"}),
    ("date:explicit", "في الـ 9 من آذار / مارس الجاري، قصفت قوات النظام بلدة التح.", {"d": "2026-03-09"}),

    # --- no conflict -----------------------------------------------------------------------------------------
    ("calm:accident", "توفي 3 أشخاص بحادث سير على طريق حمص دمشق.", {"calm": True, "not_f": 3}),
    ("calm:accident", "لقي شاب حتفه بعد سقوطه من سطح منزل في مدينة إدلب.", {"calm": True}),
    ("calm:accident", "قضى طفلان غرقا في نهر الفرات قرب الميادين.", {"calm": True}),
    ("calm:accident", "فارق رجل الحياة جراء صعقة كهربائية في بلدة سرمدا.", {"calm": True}),
    ("calm:accident", "توفيت سيدة وأطفالها الثلاثة باختناق بمدفأة في مخيم بريف إدلب.", {"calm": True}),

    ("calm:depot", "انفجر مستودع للذخيرة في مدينة عفرين دون معرفة الأسباب ما أدى لإصابة 3 أشخاص.", {"calm": True}),
    ("calm:depot", "اندلع حريق في مستودع للوقود في مدينة الحسكة نتيجة ماس كهربائي.", {"calm": True}),
    ("calm:depot", "دوى انفجار ضخم في مستودع أسلحة للفصائل بريف إدلب ناجم عن خطأ في التخزين.", {"calm": True}),
    ("calm:depot", "انفجرت أسطوانة غاز في مطعم بمدينة اللاذقية ما أدى لإصابة 4 أشخاص.", {"calm": True}),
    ("calm:depot", "قتل عاملان في انفجار داخل ورشة لتصنيع الألعاب النارية.", {"calm": True}),

    ("calm:court", "قضت محكمة ألمانية بالسجن المؤبد على ضابط سابق في المخابرات السورية.", {"calm": True}),
    ("calm:court", "أصدرت المحكمة العسكرية حكما بالإعدام بحق عنصرين من التنظيم.", {"calm": True}),
    ("calm:court", "بدأت محاكمة ثلاثة متهمين بتفجير سيارة مفخخة في مدينة الباب عام 2017.", {"calm": True}),
    ("calm:court", "برأت المحكمة خمسة ناشطين من تهمة المشاركة في الاشتباكات.", {"calm": True}),
    ("calm:court", "أجلت المحكمة النظر في قضية مقتل 4 مدنيين بقصف على درعا.", {"calm": True}),

    ("calm:diplomacy", "دعا المبعوث الأممي الأطراف إلى وقف الاشتباكات في إدلب.", {"calm": True}),
    ("calm:diplomacy", "أدانت وزارة الخارجية الفرنسية الغارات على المدنيين في شمال غرب سوريا.", {"calm": True}),
    ("calm:diplomacy", "بحث وزيرا خارجية روسيا وتركيا التصعيد العسكري في ريف إدلب.", {"calm": True}),
    ("calm:diplomacy", "حذرت الأمم المتحدة من كارثة إنسانية في حال استمرار القصف.", {"calm": True}),
    ("calm:diplomacy", "طالبت منظمة العفو الدولية بالتحقيق في مقتل مدنيين بغارات جوية العام الماضي.", {"calm": True}),

    ("calm:metaphor", "اشتبك النواب كلاميا خلال جلسة البرلمان حول الموازنة.", {"calm": True}),
    ("calm:metaphor", "شهدت جلسة مجلس الأمن اشتباكا دبلوماسيا بين المندوبين الروسي والأمريكي.", {"calm": True}),
    ("calm:metaphor", "تبادل الوزيران الاتهامات في مؤتمر صحفي أشبه بمعركة سياسية.", {"calm": True}),
    ("calm:metaphor", "خاض الحزب معركة انتخابية شرسة في الانتخابات المحلية.", {"calm": True}),
    ("calm:metaphor", "اندلعت حرب كلامية بين المسؤولين على مواقع التواصل.", {"calm": True}),

    ("calm:visit", "زار وزير الدفاع السوري بلدة كفرنبودة بعد استعادتها.", {"calm": True}),
    ("calm:visit", "تفقد محافظ حماة مدينة اللطامنة التي سيطرت عليها قوات النظام الشهر الماضي.", {"calm": True}),
    ("calm:visit", "جال رئيس الأركان في مدينة خان شيخون بعد أسابيع من السيطرة عليها.", {"calm": True}),
    ("calm:visit", "عاد مئات الأهالي إلى بلدة مورك بعد استعادة السيطرة عليها.", {"calm": True}),
    ("calm:visit", "افتتح وزير التربية مدرسة في مدينة حلفايا التي استعادها الجيش.", {"calm": True}),
]

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def run(text: str) -> list[Event]:
    title, _, body = text.rpartition("\n")
    report = Report(
        report_id="t-ar-redteam", title=title, text=body, language="ar", published_at=WHEN, fetched_at=WHEN
    )
    return extract_events(report)


def problems(found: list[Event], expect: dict[str, Any]) -> list[str]:
    """What the events of one case get wrong against its expectations (empty: the case passes)."""
    wrong: list[str] = []
    if expect.get("none"):
        return [f"events {[e.sub_event_type for e in found]}"] if found else []
    if expect.get("calm"):
        violent = [e.sub_event_type for e in found if e.event_type in VIOLENT]
        if violent:
            wrong.append(f"violent {violent}")
    if "not_f" in expect and any(e.fatalities == expect["not_f"] for e in found):
        wrong.append(f"took {expect['not_f']}")
    if "not_a" in expect:
        taken = {n for e in found for n in (e.actor1, e.actor2)} & set(expect["not_a"])
        if taken:
            wrong.append(f"actor {taken}")
    checks = {k for k in expect if k not in ("none", "calm", "not_f", "not_a")}
    if not checks:
        return wrong
    if not found:
        return [*wrong, "no event"]
    event = found[0]
    if "sub" in expect:
        subs = expect["sub"] if isinstance(expect["sub"], tuple) else (expect["sub"],)
        chosen = [e for e in found if e.sub_event_type in subs]
        if not chosen:
            return [*wrong, f"sub {[e.sub_event_type for e in found]}"]
        event = chosen[0]
    pair = {event.actor1, event.actor2}
    if "a" in expect and not set(expect["a"]) <= pair:
        wrong.append(f"actors {event.actor1!r}/{event.actor2!r}")
    if "a1" in expect and event.actor1 != expect["a1"]:
        wrong.append(f"actor1 {event.actor1!r}")
    if "f" in expect and event.fatalities != expect["f"]:
        wrong.append(f"fatalities {event.fatalities}")
    if "q" in expect and event.fatalities_qualifier != expect["q"]:
        wrong.append(f"qualifier {event.fatalities_qualifier}")
    if "inj" in expect and event.injured != expect["inj"]:
        wrong.append(f"injured {event.injured}")
    place = event.location
    if "adm" in expect:
        admins = expect["adm"] if isinstance(expect["adm"], tuple) else (expect["adm"],)
        if place is None or place.admin1 not in admins:
            wrong.append(f"admin1 {place.admin1 if place else None}")
    if "loc" in expect and (place is None or place.name != expect["loc"]):
        wrong.append(f"place {place.name if place else None}")
    if "prec" in expect and (place is None or place.geo_precision != expect["prec"]):
        wrong.append(f"precision {place.geo_precision if place else None}")
    if "d" in expect and event.event_date.isoformat() != expect["d"]:
        wrong.append(f"date {event.event_date}")
    if "d_end" in expect and (event.event_date_end is None or event.event_date_end.isoformat() != expect["d_end"]):
        wrong.append(f"date end {event.event_date_end}")
    return wrong
