"""`sitrep init`: create Kafka topics and Elasticsearch templates/indices (idempotent)."""

from __future__ import annotations

import argparse
import sys

from sitrep.settings import Settings

HELP = """\
One-shot set-up of a cluster: create every pipeline topic (partitions and replication factor from
SITREP_KAFKA__PARTITIONS / SITREP_KAFKA__REPLICATION_FACTOR; dead-letter topics get one partition)
and the Elasticsearch index templates, aliases and first indices. Safe to run again."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("init", help="create topics and index templates (idempotent)", description=HELP,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-kafka", action="store_true", help="only set up Elasticsearch")
    parser.add_argument("--skip-elasticsearch", action="store_true", help="only set up Kafka")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if not args.skip_kafka:
        from sitrep.kafka import ensure_topics

        created = ensure_topics(settings.kafka)
        print(f"kafka: {len(created)} topics created at {settings.kafka.bootstrap}", file=sys.stderr)
    if not args.skip_elasticsearch:
        from elasticsearch import Elasticsearch

        from sinks.indices import ensure_indices

        es = Elasticsearch(**settings.elasticsearch.client_kwargs())
        ensure_indices(es, settings)
        print(f"elasticsearch: templates and indices ready at {settings.elasticsearch.url}", file=sys.stderr)
    return 0
