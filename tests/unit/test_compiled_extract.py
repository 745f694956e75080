"""The mypyc-compiled extraction (what production runs) gives exactly the interpreted output.

Builds the compiled tree with `bench.compiled` (or reuses the cached one under build/), runs the
compiled extraction in a child process and compares every event and every place mention with this
process's interpreted extraction: on sentences written for this test and, where ../shared exists, on a
sample of the shared texts. Skips without mypyc or a C compiler.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

import pytest

from bench import compiled
from bench.extract_snapshot import shared_reports, snapshot
from sitrep.records import Report

pytestmark = pytest.mark.slow

_PUBLISHED = datetime(2018, 3, 14, 9, tzinfo=UTC)
_OWN = [
    ("", "Government helicopters dropped barrel bombs on the village of Kafr Zita in northern Hama on Sunday, "
         "killing six civilians including two women, a war monitor said."),
    ("Clashes in Deir ez-Zor", "Fighters of the Syrian Democratic Forces clashed with Islamic State militants "
                               "near Hajin on Wednesday; nine militants and three SDF fighters were killed."),
    ("", "A roadside bomb struck a Turkish army convoy near al-Bab late on Friday, wounding five soldiers. "
         "No group claimed the attack."),
    ("", "Rebels fired rockets at the government-held town of Mhardeh on 3 March, injuring four residents."),
    ("", "Hundreds of people rallied in the city of Idlib on Friday to protest against the bombing of markets."),
    ("", "Israeli jets struck an air base near Homs overnight, the army said, adding that air defences "
         "intercepted most of the missiles."),
    ("", "The foreign ministers met in Geneva on Tuesday to discuss a new round of talks."),
    ("", "قتل ثلاثة عناصر من قوات النظام جراء استهداف سيارتهم بعبوة ناسفة على طريق تدمر في ريف حمص الشرقي."),
    ("قصف على ريف إدلب", "استشهد سبعة مواطنين بينهم ثلاثة أطفال جراء غارات نفذتها طائرات حربية روسية على "
                         "مدينة معرة النعمان، فيما أصيب آخرون بجراح."),
    ("", "تدور اشتباكات عنيفة منذ صباح اليوم بين الفصائل المقاتلة وقوات النظام في محور تل ملح بريف حماة "
         "الشمالي، وسط قصف مدفعي متبادل."),
    ("", "سيطرت هيئة تحرير الشام على قرية جديدة في ريف حلب الغربي عقب انسحاب فصائل أخرى منها يوم الخميس."),
    ("", "خرج العشرات من أهالي مدينة السويداء في وقفة احتجاجية للمطالبة بالإفراج عن المعتقلين."),
]
_CHILD = """
import json, sys
import processors.extract.events as events
from bench.extract_snapshot import snapshot
from sitrep.records import Report
print(json.dumps({"module": events.__file__}))
for line in sys.stdin:
    print(json.dumps(snapshot(Report.model_validate_json(line)), ensure_ascii=False, sort_keys=True))
"""


@pytest.fixture(scope="module")
def tree() -> Path:
    reason = compiled.unavailable()
    if reason:
        pytest.skip(f"no compiled extraction build here: {reason}")
    built, _ = compiled.build()
    return built


def _compiled_snapshots(tree: Path, reports: list[Report]) -> list[dict[str, object]]:
    done = subprocess.run([sys.executable, "-P", "-c", _CHILD], env=compiled.child_env(tree), text=True,
                          input="".join(r.model_dump_json() + "\n" for r in reports), capture_output=True,
                          check=False, timeout=600)
    assert done.returncode == 0, done.stderr[-4000:]
    header, *lines = done.stdout.splitlines()
    module = json.loads(header)["module"]
    assert module.startswith(str(tree)) and not module.endswith(".py"), f"not the compiled build: {module}"
    return [json.loads(line) for line in lines]


def _assert_same(tree: Path, reports: list[Report]) -> None:
    expected = [json.loads(json.dumps(snapshot(r), ensure_ascii=False, sort_keys=True)) for r in reports]
    got = _compiled_snapshots(tree, reports)
    assert len(got) == len(expected)
    differ = [e["id"] for e, g in zip(expected, got, strict=True) if e != g]
    assert not differ, f"compiled output differs from interpreted on {len(differ)} reports: {differ[:10]}"


@pytest.mark.timeout(1200)  # the first run compiles (one to two minutes on two cores); later runs reuse it
def test_compiled_extraction_equals_interpreted_on_our_sentences(tree: Path) -> None:
    reports = [
        Report(report_id=f"own-{i}", title=title, text=text, published_at=_PUBLISHED, fetched_at=_PUBLISHED)
        for i, (title, text) in enumerate(_OWN)
    ]
    assert any(snapshot(r)["events"] for r in reports)  # the comparison covers real events
    _assert_same(tree, reports)


@pytest.mark.timeout(1200)
def test_compiled_extraction_equals_interpreted_on_shared_texts(tree: Path) -> None:
    sample = list(islice(shared_reports(), 0, None, 15))  # every 15th text: ACLED notes, Arabic, FA-KES
    if not sample:
        pytest.skip("third-party data not available: ../shared/data (it lives in ../shared beside the repo)")
    _assert_same(tree, sample)
