"""`sitrep status`: is everything reachable, how far behind is each stage, what is in the DLQs."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sitrep import topics
from sitrep.settings import Settings

HELP = """\
One look at the pipeline's health: Kafka and Elasticsearch reachable (local stand-ins or clusters),
consumer lag per group and topic, dead-letter topic sizes, documents per index and the time of the
newest event, and the feed pollers' health (feeds failing, last success). Exit code 0 when Kafka and
Elasticsearch answer, 3 otherwise. --json prints one JSON object."""

GROUPS = {
    "sitrep-processors": (topics.REPORTS_RAW, topics.REPORTS_NORMALIZED, topics.REPORTS_CLEAN,
                          topics.EVENTS_CANDIDATES, topics.EVENTS, topics.EVENTS_ALERTING),
    "sitrep-sink": (topics.REPORTS_CLEAN, topics.EVENTS, topics.ALERTS),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("status", help="health, lag, DLQ sizes and feed health", description=HELP,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run)


def collect(settings: Settings) -> dict[str, Any]:
    """Everything `sitrep status` shows, as a dict (each part degrades to an error string)."""
    status: dict[str, Any] = {
        "kafka": {"bootstrap": settings.kafka.bootstrap,
                  "kind": "local stand-in" if settings.local_kafka_wanted else "cluster"},
        "elasticsearch": {"url": settings.elasticsearch.url,
                          "kind": "local stand-in" if settings.local_elasticsearch_wanted else "cluster"},
    }
    try:
        from sitrep.lag import group_lag, topic_sizes

        # Fail in a second when nothing listens, not after the clients' retries.
        _answers(settings.kafka.bootstrap_servers, "Kafka broker")
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

        url = urlsplit(settings.elasticsearch.url)
        port = url.port or (443 if url.scheme == "https" else 9200)
        _answers([f"{url.hostname}:{port}"], "Elasticsearch node")
        es = Elasticsearch(**settings.elasticsearch.client_kwargs())
        names = index_names(settings)
        counts = {}
        for alias in names.all_aliases:
            try:
                counts[alias] = es.count(index=alias)["count"]
            except Exception:  # noqa: BLE001 (index not created yet)
                counts[alias] = None
        status["elasticsearch"]["documents"] = counts
        # updated_at: when the newest event was last written (Event.updated_at, indexed by the sink);
        # timestamp: when the world learned of the most recent event (first report).
        for field, key in (("updated_at", "last_event_at"), ("timestamp", "last_event_reported_at")):
            order = [{field: {"order": "desc", "unmapped_type": "date"}}]
            newest = es.search(index=names.events, size=1, sort=order, ignore_unavailable=True)
            hits = newest["hits"]["hits"]
            status["elasticsearch"][key] = hits[0]["_source"].get(field) if hits else None
        status["elasticsearch"]["ok"] = True
    except Exception as exc:  # noqa: BLE001
        status["elasticsearch"].update(ok=False, error=f"{exc.__class__.__name__}: {exc}")
    status["feeds"] = _feed_health(settings)
    return status


def _answers(addresses: list[str], what: str) -> None:
    from sitrep.errors import ServiceError
    from sitrep.metrics import tcp_check

    ok, reason = tcp_check(addresses, timeout_s=2.0, what=what)
    if not ok:
        raise ServiceError(reason)


def _feed_health(settings: Settings) -> dict[str, Any]:
    """The pollers' view of their feeds, from their state store (read-only; pollers may be running)."""
    try:
        from ingest.service import state_path
        from ingest.settings import load_poller_settings

        path = state_path(settings, load_poller_settings())
    except Exception:  # noqa: BLE001 (poller settings broken: the default place)
        path = Path(settings.state_dir) / "poller.sqlite3"
    if not path.exists():
        return {"state": str(path), "feeds": 0, "note": "no poller state yet"}
    try:
        from ingest.store import PollerStore

        with PollerStore(path) as store:
            states, seen = store.states(), store.seen_count()
        return {"state": str(path), "seen_reports": seen, **feed_summary(states.values())}
    except Exception as exc:  # noqa: BLE001
        return {"state": str(path), "error": f"{exc.__class__.__name__}: {exc}"}


def feed_summary(states: Any) -> dict[str, Any]:
    """Counts of healthy, failing and never-checked feeds, the failing ones by error kind, and the
    last successful check of any feed (``states``: ``ingest.scheduler.FeedState`` objects)."""
    states = list(states)
    failing = {s.feed_id: f"{s.last_error_kind or 'error'} x{s.consecutive_errors}"
               for s in states if s.consecutive_errors}
    successes = [s.last_success_at for s in states if s.last_success_at]
    return {
        "feeds": len(states),
        "ok": sum(1 for s in states if s.checks and not s.consecutive_errors),
        "never_checked": sum(1 for s in states if not s.checks),
        "failing": sorted(failing),
        "failing_kinds": failing,
        "last_success_at": max(successes).isoformat() if successes else None,
    }


def run(args: argparse.Namespace, settings: Settings) -> int:
    status = collect(settings)
    ok = bool(status["kafka"].get("ok") and status["elasticsearch"].get("ok"))
    if args.json:
        print(json.dumps(status, ensure_ascii=False, default=str))
        return 0 if ok else 3
    kafka, es, feeds = status["kafka"], status["elasticsearch"], status["feeds"]
    print(f"kafka          {'up' if kafka.get('ok') else 'DOWN'}  {kafka['bootstrap']} ({kafka['kind']})"
          + ("" if kafka.get("ok") else f"  ({kafka.get('error')})"))
    for group, lags in (kafka.get("lag") or {}).items():
        print(f"  lag {group:<20} " + ", ".join(f"{t}={n}" for t, n in lags.items()))
    dlq = {t: n for t, n in (kafka.get("dlq") or {}).items() if n}
    if kafka.get("ok"):
        print("  dead letters   " + (", ".join(f"{t}={n}" for t, n in dlq.items()) or "none")
              + ("  (sitrep dlq list)" if dlq else ""))
    print(f"elasticsearch  {'up' if es.get('ok') else 'DOWN'}  {es['url']} ({es['kind']})"
          + ("" if es.get("ok") else f"  ({es.get('error')})"))
    for alias, count in (es.get("documents") or {}).items():
        print(f"  {alias:<24} {count if count is not None else 'missing'}")
    if es.get("ok"):
        print(f"  last event at  {es.get('last_event_at') or 'never'} (written); "
              f"newest reported {es.get('last_event_reported_at') or 'never'}")
    if "error" in feeds:
        print(f"feeds          state unreadable: {feeds['error']}")
    elif feeds.get("feeds"):
        kinds = feeds.get("failing_kinds") or {}
        print(f"feeds          {feeds['feeds']} known: {feeds.get('ok', 0)} ok, {len(kinds)} failing, "
              f"{feeds.get('never_checked', 0)} never checked; last success "
              f"{feeds.get('last_success_at') or 'never'}; {feeds.get('seen_reports', 0)} reports seen")
        for feed_id in list(kinds)[:10]:
            print(f"  failing {feed_id}: {kinds[feed_id]}")
        if len(kinds) > 10:
            print(f"  … and {len(kinds) - 10} more (sitrep feeds status)")
    else:
        print("feeds          no poller state yet")
    return 0 if ok else 3
