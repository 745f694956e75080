"""`sitrep search QUERY`: Arabic-aware search over indexed reports and events, with highlights."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any

from sitrep.settings import Settings

HELP = """\
Search the indexed reports and events. The query is folded like the documents (Arabic alef forms,
ta marbuta, diacritics, tatweel, Arabic-Indic digits; attached و ف ب ل ك ال are ignored), so
"الاشتباكات", "اشتباكات" and "إشتباكات" find the same reports; English words are stemmed.
Filters (--type, --actor, --near) apply to events, so giving one searches events only.

examples:
  sitrep search "دير الزور"
  sitrep search clashes --since 24h
  sitrep search "" --type "Armed clash" --near 35.33,40.14,50 --json
  sitrep search قصف --actor "Military Forces of Russia" --since 7d

Elasticsearch is SITREP_ELASTICSEARCH__URL (default: the local stand-in)."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("search", help="search reports and events (Arabic-aware, highlighted)",
                                   description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("query", help='free text, Arabic or English ("" for filters only)')
    parser.add_argument("--type", help='ACLED event type or sub-event type, e.g. "Armed clash"')
    parser.add_argument("--actor", help='actor name, e.g. "Islamic State"')
    parser.add_argument("--near", metavar="LAT,LON,KM", help="events within KM kilometres of LAT,LON")
    parser.add_argument("--since", help="newer than a duration (30m, 24h, 7d, 2w) or an ISO date")
    parser.add_argument("--kind", choices=["report", "event", "alert"], action="append",
                        help="search only this kind of document (repeatable)")
    parser.add_argument("-n", "--size", type=int, default=10, help="number of hits to show (default 10)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from elasticsearch import ConnectionError as ESConnectionError

    from sinks.elasticsearch import elasticsearch_client
    from sinks.errors import SearchError
    from sinks.search import search

    quiet_transport_logs(args)
    es = elasticsearch_client(settings)
    try:
        result = search(es, settings, args.query, type=args.type, actor=args.actor, near=args.near,
                        since=args.since, size=args.size, kinds=tuple(args.kind) if args.kind else None)
    except ESConnectionError:
        raise SearchError(
            f"Elasticsearch does not answer at {settings.elasticsearch.url} "
            "(start it with `sitrep services up` or set SITREP_ELASTICSEARCH__URL)"
        ) from None
    finally:
        es.close()
    if args.json:
        print(json.dumps({
            "query": args.query,
            "total": result.total,
            "took_ms": result.took_ms,
            "hits": [_hit_json(h) for h in result.hits],
        }, ensure_ascii=False))
        return 0
    print(f"{result.total} hit(s) for {args.query!r} ({result.took_ms} ms)", file=sys.stderr)
    for hit in result.hits:
        print(f"[{hit.kind}] {hit.title}  ({hit.id})")
        snippet = hit.best_highlight()
        if snippet:
            print(f"    {snippet}")
        url = hit.source.get("url") or next(iter(hit.source.get("urls") or []), "")
        if url:
            print(f"    {url}")
        if hit.source.get("also_reported_by"):
            print(f"    also reported by: {', '.join(hit.source['also_reported_by'])}")
    return 0


def quiet_transport_logs(args: argparse.Namespace) -> None:
    """The client logs each failed attempt with a traceback; we print one line instead."""
    if not getattr(args, "verbose", False):
        logging.getLogger("elastic_transport").setLevel(logging.ERROR)


def _hit_json(hit: Any) -> dict[str, Any]:
    return {"kind": hit.kind, "id": hit.id, "score": hit.score, "title": hit.title,
            "highlights": hit.highlights, "source": hit.source}
