"""Extraction speed: reports per second per core on ~2 KB reports, and p99 latency per report.

Uses the shared Arabic reports (cut to ~2 KB at a sentence end) when ../shared is there, else
reports assembled from sentences written for this benchmark. One process = one core.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from processors.evaluation import shared_dir
from processors.extract import extract_events
from sitrep.records import Report

_OWN_SENTENCES = [
    "قصفت الطائرات الحربية بلدة في ريف إدلب الجنوبي، ما أدى إلى مقتل خمسة مدنيين بينهم طفلان.",
    "ودارت اشتباكات عنيفة بين قوات النظام والمسلحين الموالين لها وهيئة تحرير الشام على محاور ريف حماة.",
    "وسيطرت قوات سوريا الديمقراطية على قريتين بريف دير الزور الشرقي بعد انسحاب تنظيم داعش منهما.",
    "وانفجرت عبوة ناسفة بسيارة عسكرية قرب مدينة درعا، دون ورود معلومات عن خسائر بشرية.",
    "Turkish jets struck YPG positions near Afrin on Tuesday, killing at least 11 fighters, a monitor said.",
    "A car bomb exploded near a checkpoint in Azaz, wounding 14 people, including four children.",
    "Rebels shelled government-held neighbourhoods of Aleppo with mortars on Monday.",
    "وأفاد المرصد السوري لحقوق الإنسان بارتفاع عدد القتلى إلى 40 منذ بدء العملية العسكرية.",
]


def _cut(title: str, text: str, size: int = 2048) -> str:
    """The text cut at a sentence end so that title + text is about ``size`` bytes of UTF-8."""
    budget = size - len(title.encode("utf-8")) - 1
    encoded = text.encode("utf-8")[:budget].decode("utf-8", errors="ignore")
    cut = encoded.rfind(".")
    return encoded[: cut + 1] if cut > len(encoded) // 2 else encoded


def _reports(quick: bool) -> list[Report]:
    published = datetime(2018, 5, 1, 12, tzinfo=UTC)
    path = shared_dir() / "data" / "arabic_reports.jsonl"
    reports: list[Report] = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            text = _cut(item["title"], item["text"])
            reports.append(
                Report(
                    report_id=item["id"],
                    title=item["title"],
                    text=text,
                    published_at=datetime.fromisoformat(item["published"]),
                    fetched_at=published,
                )
            )
    else:
        for i in range(300):
            body = _cut("", " ".join(_OWN_SENTENCES[(i + k) % len(_OWN_SENTENCES)] for k in range(12)))
            reports.append(
                Report(
                    report_id=f"bench-{i}", title="", text=body, published_at=published, fetched_at=published
                )
            )
    return reports[:120] if quick else reports


def run(quick: bool) -> Iterator[dict[str, Any]]:
    """Figures: extract_reports_per_s_per_core, extract_p99_ms, extract_mean_kb."""
    reports = _reports(quick)
    for r in reports[:5]:  # warm caches (compiled patterns, gazetteer)
        extract_events(r)
    rounds = 1 if quick else 3
    latencies: list[float] = []
    started = time.process_time()
    for _ in range(rounds):
        for r in reports:
            t0 = time.perf_counter()
            extract_events(r)
            latencies.append(time.perf_counter() - t0)
    cpu = time.process_time() - started
    latencies.sort()
    yield {
        "metric": "extract_reports_per_s_per_core",
        "value": round(len(latencies) / cpu, 1),
        "unit": "reports/s",
    }
    yield {
        "metric": "extract_p99_ms",
        "value": round(latencies[int(0.99 * (len(latencies) - 1))] * 1000, 2),
        "unit": "ms",
    }
    yield {
        "metric": "extract_mean_report_kb",
        "value": round(sum(len(f"{r.title}\n{r.text}".encode()) for r in reports) / len(reports) / 1024, 2),
        "unit": "KB (UTF-8)",
    }
