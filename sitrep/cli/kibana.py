"""`sitrep kibana load|check`: the saved objects in deploy/kibana (data views, searches, dashboard)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitrep.settings import Settings

HELP = """\
load   import deploy/kibana/*.ndjson into Kibana through its saved objects API, overwriting the
       objects with the same ids (so running it again changes nothing). Data views point at the
       aliases <prefix>-reports, <prefix>-events, <prefix>-alerts
       (prefix: SITREP_ELASTICSEARCH__INDEX_PREFIX, default sitrep).
       Credentials: --api-key, or --user/--password, else the Elasticsearch ones
       (SITREP_ELASTICSEARCH__API_KEY or __USERNAME/__PASSWORD).
check  only parse the files and check that every reference resolves (no Kibana needed).

example:
  sitrep kibana load --url http://localhost:5601"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("kibana", help="load or check the Kibana dashboard and saved searches",
                                   description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["load", "check"])
    parser.add_argument("--url", default="http://127.0.0.1:5601",
                        help="Kibana base URL (default %(default)s)")
    parser.add_argument("--dir", type=Path, help="directory of *.ndjson files (default: deploy/kibana)")
    parser.add_argument("--space", help="Kibana space id (default: the default space)")
    parser.add_argument("--api-key", help="Kibana/Elasticsearch API key (encoded form)")
    parser.add_argument("--user", help="user name for basic auth")
    parser.add_argument("--password", help="password for basic auth")
    parser.add_argument("--insecure", action="store_true", help="do not verify Kibana's TLS certificate")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from sinks.errors import KibanaError
    from sinks.kibana import (
        check_saved_objects,
        default_directory,
        load_saved_objects,
        read_saved_objects,
        retarget,
    )

    directory = args.dir or default_directory()
    files = sorted(directory.glob("*.ndjson"))
    if not files:
        raise KibanaError(f"no *.ndjson files in {directory} (use --dir)")
    objects = retarget(read_saved_objects(files), settings.elasticsearch.index_prefix)
    problems = check_saved_objects(objects)
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    if args.action == "check":
        print(f"{len(objects)} saved objects in {len(files)} files: "
              f"{'OK' if not problems else f'{len(problems)} problem(s)'}", file=sys.stderr)
        return 1 if problems else 0
    es = settings.elasticsearch
    api_key = args.api_key or (es.api_key.get_secret_value() if es.api_key else None)
    auth = None
    if args.user:
        auth = (args.user, args.password or "")
    elif not api_key and es.username and es.password:
        auth = (es.username, es.password.get_secret_value())
    verify: bool | str = False if args.insecure else (es.ca_certs or True)
    print(f"importing {len(objects)} saved objects from {directory} into {args.url} ...", file=sys.stderr)
    count = load_saved_objects(args.url, objects, space=args.space, auth=auth, api_key=api_key, verify=verify)
    print(f"kibana: {count} saved objects loaded (dashboard: sitrep — conflict events overview)",
          file=sys.stderr)
    return 0
