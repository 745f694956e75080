"""Synthetic conflict reports for load, chaos and crash tests: seeded, varied, written by us.

Each report names an event type, actors, a real place and a toll, in Arabic or English, so the whole
pipeline (extraction, fusion, indexing) does real work on it. ``revise`` and ``duplicate`` fractions
add revisions (same report id, higher revision, new toll) and copies carried by a second feed
(same id), as a feed farm would.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from sitrep.records import Report, report_id_for

_AR_PLACES = [
    ("الميادين", "دير الزور"), ("البوكمال", "دير الزور"), ("معرة النعمان", "إدلب"), ("سراقب", "إدلب"),
    ("منبج", "حلب"), ("الباب", "حلب"), ("تدمر", "حمص"), ("القريتين", "حمص"), ("درعا", "درعا"),
    ("الرقة", "الرقة"), ("الطبقة", "الرقة"), ("مورك", "حماة"), ("اللطامنة", "حماة"), ("الشدادي", "الحسكة"),
]
_EN_PLACES = [
    ("al-Mayadin", "Deir ez-Zor"), ("Abu Kamal", "Deir ez-Zor"), ("Maarat al-Numan", "Idlib"),
    ("Saraqib", "Idlib"), ("Manbij", "Aleppo"), ("al-Bab", "Aleppo"), ("Palmyra", "Homs"),
    ("Daraa", "Daraa"), ("Raqqa", "Raqqa"), ("Tabqa", "Raqqa"), ("Morek", "Hama"), ("Shaddadi", "Hasakah"),
]
_AR_TEMPLATES = [
    "اندلعت اشتباكات عنيفة بين قوات النظام وتنظيم الدولة الإسلامية في محيط مدينة {place} بريف {region}، "
    "ما أسفر عن مقتل {n} عنصراً من قوات النظام، وفق ما أفاد به المرصد السوري لحقوق الإنسان {day}.",
    "نفذت طائرات حربية روسية غارات جوية على بلدة {place} بريف {region}، ما أدى إلى مقتل {n} مدنيين "
    "بينهم أطفال وإصابة آخرين بجروح {day}.",
    "قصفت قوات النظام بالمدفعية الثقيلة مناطق في {place} بريف {region}، ما أسفر عن مقتل {n} مدنيين {day}.",
    "انفجرت عبوة ناسفة بسيارة عسكرية لقوات سوريا الديمقراطية قرب {place} بريف {region}، "
    "ما أدى لمقتل {n} عناصر {day}.",
]
_EN_TEMPLATES = [
    "Syrian government forces clashed with Islamic State fighters near {place} in {region} province "
    "{day}, leaving {n} soldiers dead, the Syrian Observatory for Human Rights said.",
    "Russian warplanes struck the town of {place} in {region} province {day}, killing {n} civilians, "
    "according to local rescuers.",
    "Government artillery shelled {place} in the {region} countryside {day}, killing {n} civilians.",
    "A roadside bomb hit a Syrian Democratic Forces vehicle near {place} in {region} {day}, "
    "killing {n} fighters.",
]


def synthetic_reports(
    count: int,
    *,
    seed: int = 7,
    start: datetime | None = None,
    revise: float = 0.05,
    duplicate: float = 0.05,
    padding_words: int = 0,
) -> Iterator[Report]:
    """``count`` distinct reports (plus revisions and cross-feed copies of some of them)."""
    rng = random.Random(seed)
    start = start or datetime(2026, 11, 1, tzinfo=UTC)
    for index in range(count):
        arabic = rng.random() < 0.6
        template = rng.choice(_AR_TEMPLATES if arabic else _EN_TEMPLATES)
        place, region = rng.choice(_AR_PLACES if arabic else _EN_PLACES)
        day = "اليوم" if arabic else "on Tuesday"
        killed = rng.randint(2, 40)
        published = start + timedelta(minutes=7 * index)
        text = template.format(place=place, region=region, n=killed, day=day)
        if padding_words:
            filler = " ".join(rng.choice(("وأضاف", "المصدر", "أن", "الوضع", "Witnesses", "said", "the", "area"))
                              for _ in range(padding_words))
            text = f"{text}\n{filler}."
        url = f"https://synthetic.sitrep.invalid/{'ar' if arabic else 'en'}/{index}"
        report = Report(
            report_id=report_id_for(url=url), feed_id="synthetic-ar" if arabic else "synthetic-en",
            source="Synthetic Monitor" if arabic else "Synthetic Wire", url=url,
            title=text.split("،")[0][:90] if arabic else text.split(",")[0][:90], text=text,
            language="ar" if arabic else "en", published_at=published,
        )
        yield report
        if rng.random() < duplicate:
            yield report.model_copy(update={"feed_id": "synthetic-mirror"})
        if rng.random() < revise:
            revised = text.replace(str(killed), str(killed + rng.randint(1, 9)), 1)
            yield Report(**{**report.model_dump(exclude={"content_hash"}), "text": revised, "revision": 2})
