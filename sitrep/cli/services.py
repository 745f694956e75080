"""`sitrep services up|down|status`: the local Kafka and Elasticsearch stand-ins."""

from __future__ import annotations

import argparse
import sys

from sitrep.services import ELASTICSEARCH, KAFKA, LocalServices
from sitrep.settings import Settings

HELP = """\
Start, stop or inspect the local stand-ins (Tansu for Kafka, noida-db for Elasticsearch) that
`sitrep up`, `sitrep demo` and the tests use when no real cluster is configured. Ports come from
SITREP_SERVICES__KAFKA_PORT (19092) and SITREP_SERVICES__ELASTICSEARCH_PORT (19200); PIDs, logs and
data live under SITREP_STATE_DIR (.sitrep)/services. Tansu keeps data in memory only: stopping it
loses every topic."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("services", help="start/stop the local Kafka and Elasticsearch stand-ins",
                                   description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["up", "down", "status"])
    parser.add_argument("--only", choices=[KAFKA, ELASTICSEARCH], action="append",
                        help="act on this service only (repeatable)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    services = LocalServices(settings, say=lambda line: print(line, file=sys.stderr))
    names = tuple(args.only or (KAFKA, ELASTICSEARCH))
    if args.action == "up":
        services.up(names)
    elif args.action == "down":
        stopped = services.down(names)
        print(f"stopped: {', '.join(stopped) or 'nothing was running'}", file=sys.stderr)
    for status in services.status():
        if status.name in names:
            print(status.describe())
    if args.action == "status":
        return 0 if all(s.answering for s in services.status() if s.name in names) else 3
    return 0
