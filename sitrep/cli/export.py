"""`sitrep export`: canonical events as ACLED-style CSV, GeoJSON or JSON lines, from Elasticsearch or a file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from itertools import islice
from typing import IO, TYPE_CHECKING

from sitrep.settings import Settings

if TYPE_CHECKING:
    from sitrep.records import Event

HELP = """\
Write canonical events out for a spreadsheet, a GIS or a script:
  csv      ACLED's columns first (event_id_cnty, event_date, year, time_precision, event_type,
           sub_event_type, actor1, assoc_actor_1, actor2, assoc_actor_2, country, admin1, admin2,
           location, latitude, longitude, geo_precision, source, notes, fatalities), then sitrep's
           (event_date_end, injured, fatalities_qualifier, confidence, language, location_ar,
           other_locations, report_ids, urls, published_at, updated_at, revision). A cell starting
           with = + - @ is prefixed with ' so a spreadsheet does not run news text as a formula.
  geojson  a FeatureCollection of points (events without coordinates are left out and counted)
  jsonl    the Event records, one per line

Events come from the events index (newest event date first; the filters are those of `sitrep
search`), or with --input from a file written by `sitrep fuse` or `sitrep extract`.

examples:
  sitrep export --since 7d --output last-week.csv
  sitrep export --type "Air/drone strike" --near 35.93,36.63,40 --format geojson --output idlib.geojson
  sitrep fuse --input reports.jsonl --output - | sitrep export --input - --format csv

Elasticsearch is SITREP_ELASTICSEARCH__URL (default: the local stand-in)."""

FORMATS = ("csv", "geojson", "jsonl")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("export", help="export events as ACLED-style CSV, GeoJSON or JSON lines",
                                   description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--format", "-f", choices=FORMATS, default="csv", help="output format (default csv)")
    parser.add_argument("--output", "-o", default="-", help="file to write, '-' for stdout (default)")
    parser.add_argument("--input", "-i", default=None,
                        help="read events from this JSONL file ('-' for stdin) instead of Elasticsearch")
    parser.add_argument("--query", "-q", default="", help="free text the events must match (Arabic or English)")
    parser.add_argument("--type", help='ACLED event type or sub-event type, e.g. "Armed clash"')
    parser.add_argument("--actor", help='actor name, e.g. "Islamic State"')
    parser.add_argument("--near", metavar="LAT,LON,KM", help="events within KM kilometres of LAT,LON")
    parser.add_argument("--since", help="reported after a duration ago (30m, 24h, 7d, 2w) or an ISO date")
    parser.add_argument("--limit", type=int, default=None, help="at most N events")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from sinks.errors import ExportError
    from sinks.export import events_from_lines, write_csv, write_geojson, write_jsonl

    filters = [name for name in ("query", "type", "actor", "near", "since") if getattr(args, name)]
    if args.input is not None and filters:
        raise ExportError(f"--{filters[0]} filters indexed events; with --input the file is exported as it is")
    with ExitStack() as stack:
        if args.input is None:
            events = _indexed(args, settings, stack)
            origin = f"{settings.elasticsearch.url} (events index)"
        else:
            source: IO[str] = sys.stdin if args.input == "-" else stack.enter_context(
                open(args.input, encoding="utf-8"))
            events = events_from_lines(source, "stdin" if args.input == "-" else args.input)
            if args.limit is not None:
                events = islice(events, args.limit)
            origin = "stdin" if args.input == "-" else args.input
        out: IO[str] = sys.stdout if args.output == "-" else stack.enter_context(
            open(args.output, "w", encoding="utf-8", newline=""))
        skipped = 0
        if args.format == "csv":
            written = write_csv(_progress(events), out)
        elif args.format == "geojson":
            written, skipped = write_geojson(_progress(events), out)
        else:
            written = write_jsonl(_progress(events), out)
    where = "stdout" if args.output == "-" else args.output
    note = f" ({skipped} without coordinates left out)" if skipped else ""
    print(f"sitrep export: {written} events from {origin} written to {where} as {args.format}{note}",
          file=sys.stderr)
    return 0


def _indexed(args: argparse.Namespace, settings: Settings, stack: ExitStack) -> Iterator[Event]:
    from elasticsearch import ConnectionError as ESConnectionError

    from sinks.elasticsearch import elasticsearch_client
    from sinks.errors import ExportError
    from sinks.export import indexed_events
    from sinks.indices import index_names
    from sinks.search import Near, build_query, parse_since
    from sitrep.records import utcnow

    near = Near.parse(args.near) if args.near else None
    query = build_query(args.query, type=args.type, actor=args.actor, near=near,
                        since=parse_since(args.since, utcnow()))
    es = elasticsearch_client(settings)
    stack.callback(es.close)
    try:
        yield from indexed_events(es, index_names(settings).events, query, limit=args.limit)
    except ESConnectionError:
        raise ExportError(
            f"Elasticsearch does not answer at {settings.elasticsearch.url} "
            "(start it with `sitrep services up` or set SITREP_ELASTICSEARCH__URL)"
        ) from None


def _progress(events: Iterator[Event], every: int = 10_000) -> Iterator[Event]:
    """Pass events through, with a line on stderr every ``every`` of them (long exports show progress)."""
    for count, event in enumerate(events, 1):
        if count % every == 0:
            print(f"sitrep export: {count} events ...", file=sys.stderr)
        yield event
