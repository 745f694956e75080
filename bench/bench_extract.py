"""Extraction speed: reports per second per core on ~2 KB reports, and p99 latency per report.

Three sets, each report cut to ~2 KB of UTF-8 at a sentence end: Arabic (the shared Arabic reports,
~1,000 characters each), English (the shared FA-KES articles, ~2,000 characters each) and the main
figure's mixed set (as many of each, interleaved). Where ../shared is absent, reports assembled from
sentences written for this benchmark stand in. One process = one core; CPU time, not wall time; caches
warm (one untimed pass first), as in a long-running processor.

Production runs the mypyc-compiled extraction (setup.py, the Dockerfile), so the headline figures are the
compiled build's: built (or reused) by `bench.compiled` and measured in a child process on the same
reports, whose output must equal the interpreted output report for report (else the benchmark fails).
The interpreted figures follow as ``..._interpreted``. Without mypyc or a C compiler the headline figures
are the interpreted ones and one line on stderr says so.
"""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import chain
from typing import Any

from processors.evaluation import shared_dir
from processors.extract import extract_events
from sitrep.records import Report

_OWN_SENTENCES = [
    "قصفت الطائرات الحربية بلدة في ريف إدلب الجنوبي، ما أدى إلى مقتل خمسة مدنيين بينهم طفلان.",
    "ودارت اشتباكات عنيفة بين قوات النظام والمسلحين الموالين لها وهيئة تحرير الشام على محاور ريف حماة.",
    "وسيطرت قوات سوريا الديمقراطية على قريتين بريف دير الزور الشرقي بعد انسحاب تنظيم داعش منهما.",
    "وانفجرت عبوة ناسفة بسيارة عسكرية قرب مدينة درعا، دون ورود معلومات عن خسائر بشرية.",
    "وأفاد المرصد السوري لحقوق الإنسان بارتفاع عدد القتلى إلى 40 منذ بدء العملية العسكرية.",
]
_OWN_SENTENCES_EN = [
    "Turkish jets struck YPG positions near Afrin on Tuesday, killing at least 11 fighters, a monitor said.",
    "A car bomb exploded near a checkpoint in Azaz, wounding 14 people, including four children.",
    "Rebels shelled government-held neighbourhoods of Aleppo with mortars on Monday.",
    "Army units backed by loyalist militias fought Hayat Tahrir al-Sham members on the outskirts of northern Hama.",
    "The Syrian Democratic Forces said they had captured two villages in eastern Deir ez-Zor from Islamic State.",
    "An improvised explosive device hit a military vehicle near the town of Dael in Daraa province.",
    "Residents of Douma said air strikes had destroyed a hospital and a market in the besieged enclave.",
    "The Observatory, a Britain-based monitor, said the number of dead had climbed to 40 since the assault began.",
]
_PUBLISHED = datetime(2018, 5, 1, 12, tzinfo=UTC)


def _cut(title: str, text: str, size: int = 2048) -> str:
    """The text cut at a sentence end so that title + text is about ``size`` bytes of UTF-8."""
    budget = size - len(title.encode("utf-8")) - 1
    encoded = text.encode("utf-8")[:budget].decode("utf-8", errors="ignore")
    cut = encoded.rfind(".")
    return encoded[: cut + 1] if cut > len(encoded) // 2 else encoded


def _own(prefix: str, sentences: list[str], count: int) -> list[Report]:
    return [
        Report(report_id=f"{prefix}-{i}", title="", published_at=_PUBLISHED, fetched_at=_PUBLISHED,
               text=_cut("", " ".join(sentences[(i + k) % len(sentences)] for k in range(3 * len(sentences)))))
        for i in range(count)
    ]


def _arabic_reports(limit: int) -> list[Report]:
    path = shared_dir() / "data" / "arabic_reports.jsonl"
    if not path.exists():
        return _own("bench-ar", _OWN_SENTENCES, limit)
    reports: list[Report] = []
    for line in path.read_text(encoding="utf-8").splitlines()[:limit]:
        item = json.loads(line)
        reports.append(Report(report_id=item["id"], title=item["title"], text=_cut(item["title"], item["text"]),
                              published_at=datetime.fromisoformat(item["published"]), fetched_at=_PUBLISHED))
    return reports


def _english_reports(limit: int) -> list[Report]:
    path = shared_dir() / "data" / "fakes_syria_fa-kes.csv"
    if not path.exists():
        return _own("bench-en", _OWN_SENTENCES_EN, limit)
    reports: list[Report] = []
    csv.field_size_limit(10_000_000)
    with path.open(encoding="utf-8", newline="") as handle:
        for i, row in enumerate(csv.DictReader(handle)):
            if len(reports) >= limit:
                break
            if len(row["article_content"].encode("utf-8")) < 1500:
                continue  # ~2 KB reports: the few short items would flatter the figure
            reports.append(Report(report_id=f"fakes-{i}", title=row["article_title"],
                                  text=_cut(row["article_title"], row["article_content"]),
                                  published_at=_PUBLISHED, fetched_at=_PUBLISHED))
    return reports


def _reports(quick: bool) -> dict[str, list[Report]]:
    """The three sets: "ar", "en" and "mixed" (as many of each language, interleaved)."""
    size = 60 if quick else 300
    arabic, english = _arabic_reports(size), _english_reports(size)
    half = min(len(arabic), len(english))
    mixed = list(chain.from_iterable(zip(arabic[:half], english[:half], strict=True)))
    return {"ar": arabic, "en": english, "mixed": mixed}


def _measure(reports: list[Report], rounds: int) -> tuple[float, list[float]]:
    """Reports per CPU second and the per-report latencies (seconds, sorted)."""
    latencies: list[float] = []
    started = time.process_time()
    for _ in range(rounds):
        for r in reports:
            t0 = time.perf_counter()
            extract_events(r)
            latencies.append(time.perf_counter() - t0)
    cpu = time.process_time() - started
    latencies.sort()
    return len(latencies) / cpu, latencies


def _figures(quick: bool) -> dict[str, Any]:
    """This process's extraction measured: rates of the three sets, mixed p99 and mean size, and a digest
    of every report's output (taken in the untimed warm-up pass) with the module that produced it."""
    sets = _reports(quick)
    rounds = 1 if quick else 3
    outputs: dict[str, str] = {}
    for r in chain(sets["ar"], sets["en"]):  # steady state: compiled patterns, gazetteer, per-token caches
        dumped = json.dumps([e.model_dump(mode="json") for e in extract_events(r)], sort_keys=True)
        outputs[r.report_id] = hashlib.sha256(dumped.encode()).hexdigest()
    mixed_rate, latencies = _measure(sets["mixed"], rounds)
    en_rate, _ = _measure(sets["en"], rounds)
    ar_rate, _ = _measure(sets["ar"], rounds)
    mixed = sets["mixed"]
    from processors.extract import events

    return {
        "mixed": mixed_rate, "en": en_rate, "ar": ar_rate,
        "p99_ms": latencies[int(0.99 * (len(latencies) - 1))] * 1000,
        "mean_kb": sum(len(f"{r.title}\n{r.text}".encode()) for r in mixed) / len(mixed) / 1024,
        "outputs": outputs, "module": events.__file__,
    }


def _compiled_figures(quick: bool) -> dict[str, Any] | None:
    """The compiled build's figures from a child process, or None (with a line saying why) without one."""
    from bench import compiled

    reason = compiled.unavailable()
    if reason:
        print(f"# extract: NO COMPILED BUILD ({reason}): the figures are the interpreted extraction's, "
              "not what production runs", file=sys.stderr, flush=True)
        return None
    tree, seconds = compiled.build()
    how = f"built in {seconds:.0f}s" if seconds else "reused"
    print(f"# extract: compiled build {how}: {tree}", file=sys.stderr, flush=True)
    argv = [sys.executable, "-P", "-m", "bench.bench_extract", *(["--quick"] if quick else [])]
    done = subprocess.run(argv, env=compiled.child_env(tree), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the compiled extraction failed:\n{done.stderr[-4000:]}")
    figures: dict[str, Any] = json.loads(done.stdout)
    if not figures["module"].startswith(str(tree)) or figures["module"].endswith(".py"):
        raise RuntimeError(f"the child did not run the compiled extraction: {figures['module']}")
    return figures


def run(quick: bool) -> Iterator[dict[str, Any]]:
    """Figures: extract_reports_per_s_per_core (the mixed set) and its _en and _ar parts for the build
    production runs (compiled), the same three as ..._interpreted[_en|_ar], extract_p99_ms (production
    build) and extract_mean_report_kb (mixed set)."""
    interpreted = _figures(quick)
    if not interpreted["module"].endswith(".py"):
        raise RuntimeError(f"the interpreted measurement imported a compiled module: {interpreted['module']}")
    built = _compiled_figures(quick)
    if built is not None:
        differ = sorted(k for k in interpreted["outputs"] if built["outputs"].get(k) != interpreted["outputs"][k])
        if differ or built["outputs"].keys() != interpreted["outputs"].keys():
            raise RuntimeError(f"compiled output differs from interpreted on {len(differ)} of "
                               f"{len(interpreted['outputs'])} reports, e.g. {differ[:5]}")
        print(f"# extract: compiled output identical on all {len(interpreted['outputs'])} reports",
              file=sys.stderr, flush=True)
    production = built or interpreted
    unit = "reports/s"
    yield {"metric": "extract_reports_per_s_per_core", "value": round(production["mixed"], 1), "unit": unit}
    yield {"metric": "extract_reports_per_s_per_core_en", "value": round(production["en"], 1), "unit": unit}
    yield {"metric": "extract_reports_per_s_per_core_ar", "value": round(production["ar"], 1), "unit": unit}
    for part in ("", "_en", "_ar"):
        value = interpreted[part.lstrip("_") or "mixed"]
        yield {"metric": f"extract_reports_per_s_per_core_interpreted{part}", "value": round(value, 1), "unit": unit}
    yield {"metric": "extract_p99_ms", "value": round(production["p99_ms"], 2), "unit": "ms"}
    yield {"metric": "extract_mean_report_kb", "value": round(interpreted["mean_kb"], 2), "unit": "KB (UTF-8)"}


if __name__ == "__main__":  # the child `run` measures the compiled build in: one JSON object on stdout
    print(json.dumps(_figures("--quick" in sys.argv[1:])))
