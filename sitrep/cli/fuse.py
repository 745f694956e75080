"""``sitrep fuse``: extraction and fusion over a file of reports, as the stream does it.

    sitrep fuse --input REPORTS.jsonl --output EVENTS.jsonl     ('-' for stdin / stdout)

Input lines as for ``sitrep extract``: ``{"id", "title", "text", "published", "language"?, "source"?}``.
Lines repeating an ``id`` with other content are revisions, in file order. Reports are deduplicated,
extracted and fused in ``published`` order; the output holds one canonical
event per line (Event JSON with ``report_ids``, ``sources``, ``source_figures``), by date then id.
Fusion settings come from the environment (``SITREP_FUSION__WINDOW_DAYS`` ...).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from sitrep.errors import InvalidRecord
from sitrep.records import ExternalReportInput, Report
from sitrep.settings import Settings

HELP = "deduplicate, extract and fuse a file of reports into canonical events"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "fuse", help=HELP, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--input", required=True, help="report JSON lines ('-' for stdin)")
    parser.add_argument("--output", required=True, help="canonical event JSON lines ('-' for stdout)")
    parser.set_defaults(func=fuse_command)


@contextmanager
def _open(name: str, mode: str, std: IO[str]) -> Iterator[IO[str]]:
    if name == "-":
        yield std
        return
    with Path(name).open(mode, encoding="utf-8") as handle:
        yield handle


def read_reports(lines: IO[str], name: str) -> list[Report]:
    """Reports of a JSON-lines input; a bad line is an error naming the line."""
    reports: list[Report] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            reports.append(ExternalReportInput.model_validate(json.loads(line)).to_report())
        except (ValueError, ValidationError) as exc:
            first = str(exc).splitlines()[0]
            message = f"{name}:{number}: not a report line: {first}"
            raise InvalidRecord(message, "ExternalReportInput") from exc
    return reports


def fuse_command(args: argparse.Namespace, settings: Settings) -> int:
    from processors.fusion import FusionRun, FusionSettings, number_revisions, replay_order

    with _open(args.input, "r", sys.stdin) as source:
        reports = read_reports(source, args.input)
    run = FusionRun(FusionSettings())
    for report in replay_order(number_revisions(reports)):
        run.add(report)
    events = run.events_out()
    with _open(args.output, "w", sys.stdout) as sink:
        for event in events:
            sink.write(event.model_dump_json() + "\n")
    print(
        f"{run.reports} reports ({len(run.duplicates)} near-duplicates), {run.events} extracted events "
        f"-> {len(events)} canonical events",
        file=sys.stderr,
    )
    return 0
