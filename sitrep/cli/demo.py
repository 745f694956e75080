"""`sitrep demo [--json]`: the whole pipeline over the bundled demo feeds, start to finish."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

from sitrep.settings import Settings

HELP = """\
Run the whole pipeline once over the bundled demo feeds (ingest/demo: Arabic and English reports
as RSS and Atom, one report revised between two polls, one carried by two feeds), then stop.
Starts the local stand-ins unless SITREP_KAFKA__BOOTSTRAP / SITREP_ELASTICSEARCH__URL point at
real clusters, serves the demo feeds on a loopback HTTP server, polls them twice, runs the stream
processors and the Elasticsearch sink, waits until every report is indexed, runs a few searches
(Arabic and English) and prints a summary. With --json the last line is one JSON object:
{"reports_indexed", "events_indexed", "alerts", "searches": [{"query", "hits"}, ...]}."""

DEFAULT_SEARCHES = ("دير الزور", "اشتباكات", "air strike", "Islamic State")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="run the pipeline over the bundled demo feeds and stop",
                                   description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="end with one JSON summary line")
    parser.add_argument("--timeout", type=float, default=180.0, help="give up after this many seconds (180)")
    parser.add_argument("--registry", type=Path, default=None,
                        help="registry whose demo-tagged feeds to poll (default: the bundled feeds.toml)")
    parser.set_defaults(func=run)


def _say(line: str) -> None:
    print(f"[demo] {line}", file=sys.stderr, flush=True)


def demo_feeds(registry_path: Path, base_url: str) -> list[Any]:
    """The registry's enabled feeds tagged 'demo', pointed at the demo server."""
    from ingest.registry import load_registry

    feeds = load_registry(registry_path, demo_base_url=base_url, include_disabled=False)
    return [feed for feed in feeds if "demo" in feed.tags]


def default_registry() -> Path:
    from sitrep.demo import DEMO_DIR

    bundled = DEMO_DIR.parent.parent / "feeds.toml"
    return bundled if bundled.exists() else Path("feeds.toml")


def demo_queries() -> list[str]:
    from sitrep.demo import DEMO_DIR

    try:
        expected = json.loads((DEMO_DIR / "expected.json").read_text(encoding="utf-8"))
        return [entry["query"] for entry in expected["searches"]]
    except (OSError, KeyError, ValueError):
        return list(DEFAULT_SEARCHES)


class _RecordingSink:
    """Wraps the Kafka report sink to remember which report ids were published."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.report_ids: set[str] = set()
        self.revisions = 0

    async def publish(self, report: Any) -> None:
        await self.inner.publish(report)
        self.report_ids.add(report.report_id)
        self.revisions += int(report.revision > 1)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from elasticsearch import Elasticsearch

    from ingest.service import kafka_sink, poll_once, poller_settings_for_local
    from ingest.settings import load_poller_settings
    from sinks.search import count, search
    from sitrep.demo import DemoFeedServer
    from sitrep.lag import group_lag
    from sitrep.stack import PROCESSORS_GROUP, SINK_GROUP, running_pipeline, wait_for

    started = time.monotonic()
    deadline = started + args.timeout
    registry = args.registry or default_registry()
    with DemoFeedServer() as server, running_pipeline(settings, say=_say) as supervisor:
        feeds = demo_feeds(registry, server.base_url)
        _say(f"serving {len(feeds)} demo feeds at {server.base_url}")
        poller_settings = poller_settings_for_local(load_poller_settings(fulltext=False), "127.0.0.1")

        async def poll_twice() -> _RecordingSink:
            inner, producer = await kafka_sink(settings, poller_settings)
            sink = _RecordingSink(inner)
            try:
                first = await poll_once(settings, feeds, poller_settings=poller_settings, sink=sink)
                _say(f"poll 1: {first.line()}")
                server.phase = 2  # the revised versions appear, as on the web between two polls
                second = await poll_once(settings, feeds, poller_settings=poller_settings, sink=sink)
                _say(f"poll 2: {second.line()}")
            finally:
                await asyncio.to_thread(producer.close, 10)
            return sink

        published = asyncio.run(poll_twice())
        expected_reports = len(published.report_ids)
        _say(f"{expected_reports} reports published ({published.revisions} revisions); processing...")
        es = Elasticsearch(**settings.elasticsearch.client_kwargs())

        def progress() -> None:
            supervisor.poll()

        def drained() -> bool:
            lags = [*group_lag(settings.kafka, PROCESSORS_GROUP, _processor_topics()),
                    *group_lag(settings.kafka, SINK_GROUP, _sink_topics())]
            return all(lag.lag == 0 for lag in lags)

        # Done when every stage has caught up and the index counts stopped moving for a while
        # (near-duplicate reports are folded into their canonical report, so the report count
        # can end below the number of ids published).
        last: dict[str, Any] = {}

        def settled() -> bool:
            es.indices.refresh(index="_all", ignore_unavailable=True)
            counts = (count(es, settings, "report"), count(es, settings, "event"))
            if counts[0] == 0 or not drained():
                last.clear()
                return False
            if last.get("counts") != counts:
                last.update(counts=counts, since=time.monotonic())
                _say(f"{counts[0]} reports and {counts[1]} events indexed so far")
                return False
            return time.monotonic() - last["since"] >= 3.0

        wait_for(settled, deadline - time.monotonic(), "the stream to drain", on_wait=progress)
        es.indices.refresh(index="_all", ignore_unavailable=True)
        summary: dict[str, Any] = {
            "reports_indexed": count(es, settings, "report"),
            "events_indexed": count(es, settings, "event"),
            "alerts": count(es, settings, "alert"),
            "searches": [],
        }
        for query in demo_queries():
            result = search(es, settings, query, size=3)
            summary["searches"].append({"query": query, "hits": result.total})
            if not args.json:
                top = result.hits[0].title if result.hits else "-"
                print(f"search {query!r}: {result.total} hits; top: {top}")
        _print_events(es, settings, quiet=args.json)
        es.close()
    wall_time_s = round(time.monotonic() - started, 1)
    if args.json:
        _say(f"finished in {wall_time_s}s")
        print(json.dumps(summary, ensure_ascii=False))  # the contract: exactly these four keys
    else:
        print(f"{summary['reports_indexed']} reports and {summary['events_indexed']} events indexed, "
              f"{summary['alerts']} alerts, in {wall_time_s}s")
    return 0


def _processor_topics() -> tuple[str, ...]:
    from sitrep import topics

    return (topics.REPORTS_RAW, topics.REPORTS_NORMALIZED, topics.REPORTS_CLEAN, topics.EVENTS_CANDIDATES)


def _sink_topics() -> tuple[str, ...]:
    from sitrep import topics

    return (topics.REPORTS_CLEAN, topics.EVENTS, topics.ALERTS)


def _print_events(es: Any, settings: Settings, *, quiet: bool) -> None:
    if quiet:
        return
    from sinks.indices import index_names

    response = es.search(index=index_names(settings).events, size=50, sort=[{"event_date": "desc"}],
                         ignore_unavailable=True)
    hits = response["hits"]["hits"]
    print(f"events ({len(hits)} shown):")
    for hit in hits:
        source = hit["_source"]
        place = (source.get("place") or {}).get("name") or "?"
        toll = f", {source['fatalities']} killed" if source.get("fatalities") is not None else ""
        actors = " vs ".join(a for a in (source.get("actor1"), source.get("actor2")) if a)
        print(f"  {source.get('event_date')} {source.get('sub_event_type')} · {actors} · {place}{toll}")
