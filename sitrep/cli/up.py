"""`sitrep up`: the live pipeline, with new events shown as they arrive. Ctrl-C stops everything."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

from sitrep.settings import Settings

HELP = """\
Run the whole pipeline until Ctrl-C: the feed pollers (every enabled feed of the registry, plus the
bundled demo feeds served on a loopback HTTP server), the stream processors and the Elasticsearch
sink, each as a supervised process that is restarted if it dies. New and updated events are shown
as they arrive. Starts the local stand-ins unless SITREP_KAFKA__BOOTSTRAP / SITREP_ELASTICSEARCH__URL
point at real clusters; the stand-ins it started are stopped on exit, nothing is left running.
Real feeds in the registry are polled as well: offline, they just count errors in `sitrep feeds status`."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("up", help="run the live pipeline and show new events (Ctrl-C stops)",
                                   description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--registry", type=Path, default=None,
                        help="feed registry (default: SITREP_POLLER__REGISTRY_PATH, feeds.toml)")
    parser.add_argument("--no-demo", action="store_true", help="do not serve the bundled demo feeds")
    parser.add_argument("--revise-after", type=float, default=30.0, metavar="SECONDS",
                        help="serve the revised demo feed after this many seconds (30)")
    parser.set_defaults(func=run)


def _say(line: str) -> None:
    print(f"[sitrep] {line}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace, settings: Settings) -> int:
    import contextlib

    from sitrep.demo import DemoFeedServer
    from sitrep.stack import EventTail, describe_event, running_pipeline

    stop = threading.Event()

    def on_signal(signum: int, _frame: Any) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with contextlib.ExitStack() as stack:
            poll_args: list[str] = []
            server = None
            if not args.no_demo:
                server = stack.enter_context(DemoFeedServer())
                poll_args += ["--demo-url", server.base_url]
                _say(f"demo feeds served at {server.base_url}")
            if args.registry:
                poll_args += ["--registry", str(args.registry)]
            supervisor = stack.enter_context(running_pipeline(settings, say=_say, poll_args=poll_args))
            tail = EventTail(settings)
            stack.callback(tail.close)
            _say("pipeline running; new events appear below. Ctrl-C stops everything.")
            started, shown = time.monotonic(), 0
            while not stop.is_set():
                for event in tail.poll(timeout_s=0.5):
                    print(describe_event(event), flush=True)
                    shown += 1
                supervisor.poll()
                if server and server.phase == 1 and time.monotonic() - started > args.revise_after:
                    server.phase = 2
            _say(f"stopping ({shown} event updates shown)...")
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    _say("stopped; nothing left running")
    return 0
