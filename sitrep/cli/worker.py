"""`sitrep worker`: the Faust stream processors (normalize → extract → fuse)."""

from __future__ import annotations

import argparse
import logging
import sys

from sitrep.settings import Settings

HELP = """\
Run the stream processors: read reports.raw, clean and validate reports (reports.clean), extract
events and fuse what several reports say about one event (events). Start as many workers as the
topics have partitions; they share the work as one consumer group and take over each other's
partitions when one stops. Messages that cannot be processed go to <topic>.dlq with the reason."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("worker", help="run the Faust stream processors", description=HELP,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loglevel", default="warning", help="Faust log level (default: warning)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from faust.worker import Worker

    from processors.app import create_app
    from sitrep.kafka import ensure_topics

    ensure_topics(settings.kafka)
    app = create_app(settings)
    from sitrep.metrics import serve_worker

    serve_worker(settings, app, say=lambda line: print(line, file=sys.stderr, flush=True))
    logging.getLogger("faust").setLevel(args.loglevel.upper())
    from sitrep.logging import dict_config

    # Faust replaces the logging set-up: hand it ours (SITREP_LOG_JSON, SITREP_LOG_LEVEL for our loggers).
    level = settings.log_level if "log_level" in settings.model_fields_set else args.loglevel
    worker = Worker(app, loglevel=args.loglevel, quiet=True, redirect_stdouts=False,
                    logging_config=dict_config(json_lines=settings.log_json, level=level, service="worker"))
    if not sys.stdout.isatty():
        worker.spinner = None  # its cursor codes would garble log files and JSON lines
    worker.execute_from_commandline()
    return 0
