"""`sitrep extract` (reports → events, JSONL) and `sitrep eval` (the extraction evaluations)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from sitrep.errors import SitrepError

EXTRACT_HELP = """\
Read reports as JSON lines and write their events as JSON lines.

Input lines:  {"id": ..., "title": ..., "text": ..., "published": ISO-8601, "language"?: "ar"|"en",
               "source"?: ..., "url"?: ...}
Output lines: {"id": ..., "language": ..., "events": [Event, ...]}  (same order as the input;
               the first event of a report is its main one; a report with no violent event gets [])

A bad input line stops the run with its line number unless --skip-invalid is given, in which case
it is reported on stderr and written out as {"id": null, "line": N, "error": "..."} so nothing is lost.
Use "-" for stdin/stdout.  Example:
  sitrep extract --input reports.jsonl --output events.jsonl
"""

EVAL_HELP = """\
Run the extraction and fusion evaluations and print a table:
  gold     the hand-labelled SOHR report in ../shared/gold (four events, no double count)
  acled    ACLED notes (English battles): dev split 2017-2018, test split 2019; first event vs the row
  arabic   our labels of ../shared/data/arabic_reports.jsonl (processors/evaluation/arabic_labels.json):
           dev (220 reports), holdout5 (40, studied in round 7), holdout6 (40, studied in round 8) and
           holdout7 (40, measured before round 8, studied in round 9)
  english  our labels of ../shared/data/fakes_syria_fa-kes.csv (English news: strikes, shelling, bombings,
           attacks on civilians, non-events): dev, holdout, holdout2 (studied in round 3) and holdout3
           (never tuned on) (processors/evaluation/english_labels.json)
  fusion   event fusion and near-duplicate reports, pairwise precision/recall/F1 and fused tolls: ACLED
           rows citing several sources, our written sets, the demo feeds, FA-KES event clusters
           (processors/fusion/evaluation/fakes_clusters.json), FA-KES and Arabic near-duplicates
Evaluation data stays in the shared directory; --shared points at it (default: ../shared from the
repository root, or $SITREP_SHARED_DIR).
"""


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `extract` and `eval`."""
    p = subparsers.add_parser(
        "extract",
        help="extract events from reports (JSONL in, JSONL out)",
        description=EXTRACT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--input", "-i", default="-", help="JSONL file of reports, '-' for stdin (default)")
    p.add_argument("--output", "-o", default="-", help="JSONL file to write, '-' for stdout (default)")
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help="report bad lines on stderr and in the output instead of stopping",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    p.set_defaults(func=run_extract)

    e = subparsers.add_parser(
        "eval",
        help="run the extraction and fusion evaluations and print a table",
        description=EVAL_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    e.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    e.add_argument(
        "--only",
        choices=["gold", "acled", "arabic", "english", "fusion"],
        action="append",
        help="run only this evaluation (repeatable)",
    )
    e.add_argument("--shared", default=None, help="the shared data directory (default ../shared)")
    e.add_argument(
        "--limit", type=int, default=None, help="score at most N ACLED rows per split (quick look)"
    )
    e.set_defaults(func=run_eval)


def _open_in(path: str) -> IO[str]:
    if path == "-":
        return sys.stdin
    try:
        return open(path, encoding="utf-8")
    except OSError as exc:
        raise SitrepError(f"cannot read --input {path}: {exc.strerror}") from exc


def _open_out(path: str) -> IO[str]:
    if path == "-":
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise SitrepError(f"cannot write --output {path}: {exc.strerror}") from exc


def extract_lines(lines: Iterator[str], skip_invalid: bool = False) -> Iterator[dict[str, Any]]:
    """Turn input JSON lines into output records (pure apart from the iteration)."""
    from processors.extract import extract_events
    from processors.extract.errors import InvalidReportLine
    from sitrep.records import ExternalReportInput

    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = ExternalReportInput.model_validate_json(line)
        except ValidationError as exc:
            reason = "; ".join(
                f"{'.'.join(map(str, e['loc'])) or 'line'}: {e['msg']}" for e in exc.errors()[:3]
            )
            if not skip_invalid:
                raise InvalidReportLine(number, reason) from None
            print(f"sitrep extract: line {number} skipped: {reason}", file=sys.stderr)
            yield {"id": None, "line": number, "error": reason}
            continue
        report = item.to_report()
        events = extract_events(report)
        language = report.language or (events[0].language if events else "")
        if not language:
            from sitrep.textnorm import detect_language

            language = detect_language(f"{report.title}\n{report.text}")
        yield {"id": item.id, "language": language, "events": [e.model_dump(mode="json") for e in events]}


def run_extract(args: argparse.Namespace, settings: object) -> int:
    """`sitrep extract`: JSONL reports → JSONL events."""
    source = _open_in(args.input)
    sink = _open_out(args.output)
    started = time.monotonic()
    count = events = 0
    try:
        for record in extract_lines(iter(source), skip_invalid=args.skip_invalid):
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
            events += len(record.get("events") or [])
            if not args.quiet and args.output != "-" and count % 500 == 0:
                print(f"  {count} reports, {events} events ...", file=sys.stderr, flush=True)
    finally:
        if source is not sys.stdin:
            source.close()
        if sink is not sys.stdout:
            sink.close()
    if not args.quiet:
        print(
            f"sitrep extract: {count} reports, {events} events in {time.monotonic() - started:.1f}s",
            file=sys.stderr,
        )
    return 0


def run_eval(args: argparse.Namespace, settings: object) -> int:
    """`sitrep eval`: run the evaluations and print a table (or JSON)."""
    from processors.evaluation import format_table, run_evaluations, shared_dir

    shared = Path(args.shared) if args.shared else shared_dir()
    results = run_evaluations(
        shared,
        only=args.only,
        limit=args.limit,
        progress=None if args.json else lambda msg: print(msg, file=sys.stderr),
    )
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        print(format_table(results))
    return 0
