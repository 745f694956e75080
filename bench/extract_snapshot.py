"""Snapshot of extraction output, to prove a refactor changes no result.

    python -m bench.extract_snapshot write OUT.jsonl     # events + places of every shared text
    python -m bench.extract_snapshot diff A.jsonl B.jsonl

Texts: ACLED notes (../shared/data/acled_syria.csv), the Arabic reports (arabic_reports.jsonl) and
the FA-KES articles (fakes_syria_fa-kes.csv). Each line holds the JSON of every event of
`extract_events` and, more sensitive, every `find_places` mention of the report text. Evaluation data
is only read, never copied into the repository (snapshots belong in /tmp).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from processors.evaluation import shared_dir
from processors.extract import extract_events
from processors.extract.places import find_places
from sitrep.records import Report

_FETCHED = datetime(2019, 1, 1, tzinfo=UTC)


def shared_reports() -> Iterator[Report]:
    """Every shared text as a `Report` (nothing when ../shared is absent)."""
    data = shared_dir() / "data"
    csv.field_size_limit(10_000_000)
    acled = data / "acled_syria.csv"
    if acled.exists():
        with acled.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                published = datetime.strptime(row["event_date"], "%d %B %Y").replace(tzinfo=UTC)
                yield Report(report_id=f"acled-{row['event_id_cnty']}", text=row["notes"], language="en",
                             published_at=published, fetched_at=_FETCHED)
    arabic = data / "arabic_reports.jsonl"
    if arabic.exists():
        for line in arabic.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            yield Report(report_id=item["id"], title=item["title"], text=item["text"],
                         published_at=datetime.fromisoformat(item["published"]), fetched_at=_FETCHED)
    fakes = data / "fakes_syria_fa-kes.csv"
    if fakes.exists():
        with fakes.open(encoding="utf-8", newline="") as handle:
            for i, row in enumerate(csv.DictReader(handle)):
                yield Report(report_id=f"fakes-{i}-{row['unit_id']}", title=row["article_title"],
                             text=row["article_content"], published_at=_FETCHED, fetched_at=_FETCHED)


def snapshot(report: Report) -> dict[str, object]:
    text = f"{report.title}\n{report.text}" if report.title else report.text
    places = [
        {"start": p.start, "end": p.end, "surface": p.surface, "kind": p.kind,
         "location": p.location.model_dump(mode="json")}
        for p in find_places(text, report.language)
    ]
    events = [e.model_dump(mode="json") for e in extract_events(report)]
    return {"id": report.report_id, "places": places, "events": events}


def write(path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for report in shared_reports():
            out.write(json.dumps(snapshot(report), ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return count


def diff(a: Path, b: Path) -> int:
    left = {json.loads(x)["id"]: x for x in a.read_text(encoding="utf-8").splitlines()}
    right = {json.loads(x)["id"]: x for x in b.read_text(encoding="utf-8").splitlines()}
    changed = [k for k in left if left[k] != right.get(k)] + [k for k in right if k not in left]
    for key in changed:
        print(f"--- {key}")
        for side, snap in (("<", left.get(key)), (">", right.get(key))):
            item = json.loads(snap) if snap else {}
            print(side, json.dumps({"places": [(p["surface"], p["location"]["name"], p["location"]["gazetteer_id"])
                                               for p in item.get("places", [])],
                                    "events": [(e.get("sub_event_type"), (e.get("location") or {}).get("name"))
                                               for e in item.get("events", [])]}, ensure_ascii=False))
    print(f"{len(changed)} of {len(left)} reports differ")
    return 1 if changed else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "write":
        print(f"{write(Path(sys.argv[2]))} reports written")
    elif len(sys.argv) == 4 and sys.argv[1] == "diff":
        raise SystemExit(diff(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        raise SystemExit(__doc__)
