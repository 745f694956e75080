"""`sitrep status`: is everything reachable, how far behind is each stage, what is in the DLQs."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from sitrep import topics
from sitrep.settings import Settings

HELP = """\
One look at the pipeline's health: Kafka and Elasticsearch reachable (local stand-ins or clusters),
consumer lag per group and topic, dead-letter topic sizes, documents per index and the time of the
newest event, and the feed pollers' health (feeds failing, last success). Exit code 0 when Kafka and
Elasticsearch answer, 3 otherwise. --json prints one JSON object."""

GROUPS = {
    "sitrep-processors": (topics.REPORTS_RAW, topics.REPORTS_NORMALIZED, topics.REPORTS_CLEAN,
                          topics.EVENTS_CANDIDATES),
    "sitrep-sink": (topics.REPORTS_CLEAN, topics.EVENTS, topics.ALERTS),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("status", help="health, lag, DLQ sizes and feed health", description=HELP,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run)


def collect(settings: Settings) -> dict[str, Any]:
    """Everything `sitrep status` shows, as a dict (each part degrades to an error string)."""
    status: dict[str, Any] = {"kafka": {"bootstrap": settings.kafka.bootstrap},
                              "elasticsearch": {"url": settings.elasticsearch.url}}
    try:
        from sitrep.lag import group_lag, topic_sizes

        status["kafka"]["dlq"] = topic_sizes(settings.kafka, [topics.dlq(t) for t in topics.ALL])
        status["kafka"]["lag"] = {
            group: {lag.topic: lag.lag for lag in group_lag(settings.kafka, group, names)}
            for group, names in GROUPS.items()
        }
        status["kafka"]["ok"] = True
    except Exception as exc:  # noqa: BLE001 (status reports, it does not fail)
        status["kafka"].update(ok=False, error=f"{exc.__class__.__name__}: {exc}")
    try:
        from elasticsearch import Elasticsearch

        from sinks.indices import index_names

        es = Elasticsearch(**settings.elasticsearch.client_kwargs())
        names = index_names(settings)
        counts = {}
        for alias in names.all_aliases:
            try:
                counts[alias] = es.count(index=alias)["count"]
            except Exception:  # noqa: BLE001 (index not created yet)
                counts[alias] = None
        status["elasticsearch"]["documents"] = counts
        newest = es.search(index=names.events, size=1, sort=[{"updated_at": "desc"}], source=["updated_at"],
                           ignore_unavailable=True)
        hits = newest["hits"]["hits"]
        status["elasticsearch"]["last_event_at"] = hits[0]["_source"]["updated_at"] if hits else None
        status["elasticsearch"]["ok"] = True
    except Exception as exc:  # noqa: BLE001
        status["elasticsearch"].update(ok=False, error=f"{exc.__class__.__name__}: {exc}")
    status["feeds"] = _feed_health(settings)
    return status


def _feed_health(settings: Settings) -> dict[str, Any]:
    path = Path(settings.state_dir) / "poller.sqlite3"
    if not path.exists():
        return {"state": str(path), "feeds": 0, "note": "no poller state yet"}
    try:
        from ingest.store import PollerStore

        with PollerStore(path) as store:
            states = store.states()
        failing = [fid for fid, state in states.items() if getattr(state, "consecutive_errors", 0)]
        return {"state": str(path), "feeds": len(states), "failing": failing, "seen_reports": None}
    except Exception as exc:  # noqa: BLE001
        return {"state": str(path), "error": f"{exc.__class__.__name__}: {exc}"}


def run(args: argparse.Namespace, settings: Settings) -> int:
    status = collect(settings)
    ok = bool(status["kafka"].get("ok") and status["elasticsearch"].get("ok"))
    if args.json:
        print(json.dumps(status, ensure_ascii=False, default=str))
        return 0 if ok else 3
    kafka, es, feeds = status["kafka"], status["elasticsearch"], status["feeds"]
    print(f"kafka          {'up' if kafka.get('ok') else 'DOWN'}  {kafka['bootstrap']}"
          + ("" if kafka.get("ok") else f"  ({kafka.get('error')})"))
    for group, lags in (kafka.get("lag") or {}).items():
        print(f"  lag {group:<20} " + ", ".join(f"{t}={n}" for t, n in lags.items()))
    dlq = {t: n for t, n in (kafka.get("dlq") or {}).items() if n}
    print("  dead letters   " + (", ".join(f"{t}={n}" for t, n in dlq.items()) or "none"))
    print(f"elasticsearch  {'up' if es.get('ok') else 'DOWN'}  {es['url']}"
          + ("" if es.get("ok") else f"  ({es.get('error')})"))
    for alias, count in (es.get("documents") or {}).items():
        print(f"  {alias:<24} {count if count is not None else 'missing'}")
    if es.get("ok"):
        print(f"  last event at  {es.get('last_event_at') or 'never'}")
    if "error" in feeds:
        print(f"feeds          state unreadable: {feeds['error']}")
    elif feeds.get("feeds"):
        print(f"feeds          {feeds['feeds']} known, {len(feeds.get('failing', []))} failing"
              + (f": {', '.join(feeds['failing'][:10])}" if feeds.get("failing") else ""))
    else:
        print("feeds          no poller state yet")
    return 0 if ok else 3
