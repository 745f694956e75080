"""`sitrep poll`: run the feed pollers as a service (registry → fetch → Reports → reports.raw)."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from pathlib import Path
from urllib.parse import urlsplit

from sitrep.settings import Settings

HELP = """\
Poll the registered feeds and publish new reports (and new revisions of changed ones) to the
`reports.raw` topic, keyed by report_id; a report is marked seen only after Kafka confirmed it.
Each feed is polled on its own adaptive interval (see `sitrep feeds status`); failing feeds back
off but are retried at their max interval. Ctrl-C stops cleanly.

Scale-out: run several `sitrep poll --shard` instances; they share the registry through the
`feeds` topic (one consumer group) so no feed is polled twice, and take over a dead instance's feeds.

Settings: SITREP_POLLER__* (see ingest/settings.py), e.g. SITREP_POLLER__ALLOW_HOSTS,
SITREP_POLLER__MIN_INTERVAL_S; Kafka from SITREP_KAFKA__BOOTSTRAP."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "poll",
        help="run the feed pollers (publishes to reports.raw)",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--registry", type=Path, help="registry file (default: SITREP_POLLER__REGISTRY_PATH)")
    parser.add_argument("--once", action="store_true", help="poll every enabled feed once, then exit")
    parser.add_argument(
        "--demo-url",
        metavar="URL",
        help="base URL of the demo feed server: enables the registry's {demo} feeds",
    )
    parser.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="HOST",
        help="allow this non-public host, address or CIDR (repeatable)",
    )
    parser.add_argument(
        "--shard",
        action="store_true",
        help="share the feeds with other `poll --shard` instances via the feeds topic",
    )
    parser.add_argument("--no-fulltext", action="store_true", help="never fetch article pages")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.registry import load_registry
    from ingest.service import PollSummary, poll_once, run_pollers
    from ingest.settings import load_poller_settings

    poller_settings = load_poller_settings()
    allow = [*poller_settings.allow_hosts, *args.allow_host]
    if args.demo_url:
        allow.append(urlsplit(args.demo_url).hostname or "")
    update: dict[str, object] = {"allow_hosts": allow}
    if args.no_fulltext:
        update["fulltext"] = False
    poller_settings = poller_settings.model_copy(update=update)
    registry_path = args.registry or poller_settings.registry_path
    # Disabled feeds are kept: --shard publishes them too, so disabling a feed reaches every instance.
    feeds = load_registry(registry_path, demo_base_url=args.demo_url, include_disabled=True)
    enabled = sum(1 for f in feeds if f.enabled)
    say = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731
    say(f"polling {enabled} feeds from {registry_path}, publishing to Kafka at {settings.kafka.bootstrap}")

    if args.once:

        def each(outcome):  # type: ignore[no-untyped-def]
            state = "ok" if outcome.ok else f"FAIL {outcome.error_kind}: {outcome.error}"
            say(f"  {outcome.feed_id}: {state}; {outcome.published} published")

        summary = asyncio.run(poll_once(settings, feeds, poller_settings=poller_settings, on_outcome=each))
        say(summary.line())
        return 0 if not summary.errors else 1

    def progress(summary: PollSummary) -> None:
        say(summary.line())

    from sitrep.metrics import serve_poller

    observe = serve_poller(settings, say=say)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        if args.shard:
            from ingest.sharding import run_sharded_pollers

            await run_sharded_pollers(
                settings, feeds, stop, poller_settings=poller_settings, on_progress=progress, say=say,
                on_outcome=observe,
            )
        else:
            await run_pollers(settings, feeds, stop, poller_settings=poller_settings, on_progress=progress,
                              on_outcome=observe)

    asyncio.run(main())
    say("pollers stopped")
    return 0
