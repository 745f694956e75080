"""Extraction never raises: every shared report, and random mixes of trigger, actor and number words."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from processors.evaluation import shared_dir
from processors.extract import extract_events
from sitrep.records import Report

SHARED = shared_dir()
PUBLISHED = datetime(2018, 6, 1, tzinfo=UTC)

WORDS = (
    "قصف غارات اشتباكات سيطرت انسحاب مقتل قتل 5 ثلاثة عنصرين نحو أكثر من قوات النظام داعش التنظيم قسد "
    "الفصائل مدنيين طائرات براميل متفجرة عبوة ناسفة انتحاري أسقطت صواريخ نفى ذكرى منذ 2011 ألف اليوم أمس "
    "، . - في على من بين و "
    "clashes airstrikes shelled captured regained killed at least 12 two soldiers civilians rebels IS "
    "regime forces Turkish jets car bomb suicide bomber intercepted missiles denied since 2014 thousand "
    "the town of Afrin Idlib on Monday , . and with against by"
).split()


@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=60), st.booleans())
@settings(max_examples=150, deadline=None)
def test_random_mixes_never_raise(words: list[str], with_title: bool) -> None:
    text = " ".join(words)
    events = extract_events(
        Report(
            report_id="fuzz",
            title=text[:40] if with_title else "",
            text=text,
            published_at=PUBLISHED,
            fetched_at=PUBLISHED,
        )
    )
    full = f"{text[:40]}\n{text}" if with_title else text
    for event in events:
        for evidence in event.evidence:
            assert full[evidence.start : evidence.end] == evidence.text


def test_every_shared_report_extracts() -> None:
    path = SHARED / "data" / "arabic_reports.jsonl"
    if not path.exists():
        pytest.skip(f"shared Arabic reports not found at {path}")
    reports = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for item in reports:
        published = datetime.fromisoformat(item["published"])
        extract_events(
            Report(
                report_id=item["id"],
                title=item["title"],
                text=item["text"],
                published_at=published,
                fetched_at=published,
            )
        )
    fakes = SHARED / "data" / "fakes_syria_fa-kes.csv"
    if fakes.exists():
        with open(fakes, encoding="utf-8", errors="replace", newline="") as handle:
            for i, row in enumerate(csv.DictReader(handle)):
                if i >= 300:
                    break
                extract_events(
                    Report(
                        report_id=f"fakes-{i}",
                        title=row["article_title"],
                        text=row["article_content"],
                        fetched_at=PUBLISHED,
                    )
                )
