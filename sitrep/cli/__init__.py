"""The one ``sitrep`` command. Each module in this package adds its sub-commands.

A module here defines ``register(subparsers, common)``: it adds its parsers and sets
``func=handler`` on each; ``handler(args, settings) -> int`` returns the exit code. Modules are
found by name, so adding a command never edits this file. The CLI only parses, calls and prints;
the work lives in ``ingest``, ``processors`` and ``sinks``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from collections.abc import Sequence

from pydantic import ValidationError

from sitrep import __version__
from sitrep.errors import SitrepError

DESCRIPTION = """\
sitrep turns conflict news reports into structured events (ACLED taxonomy: what, who, where,
when, how many), merges what several sources say about one event, indexes everything into
Elasticsearch and alerts on new clashes.

Settings come from the environment (prefix SITREP_, nesting with __), e.g.
  SITREP_KAFKA__BOOTSTRAP=kafka:9092          use this Kafka instead of the local stand-in
  SITREP_ELASTICSEARCH__URL=https://es:9200   use this Elasticsearch instead of the local stand-in
  SITREP_PROFILE=production                   client defaults for real clusters
Start with:  sitrep demo      (finite run over the bundled demo feeds)
             sitrep up        (the live pipeline; Ctrl-C stops it)
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitrep", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"sitrep {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    package = importlib.import_module(__name__)
    for module_info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from sitrep.settings import Settings

    try:
        settings = Settings()
    except ValidationError as exc:
        for error in exc.errors():
            name = "SITREP_" + "__".join(str(part).upper() for part in error["loc"])
            print(f"sitrep: error: setting {name}: {error['msg']}", file=sys.stderr)
        return 2
    try:
        from sitrep.logging import configure_from_settings

        configure_from_settings(settings, verbose=args.verbose, service=args.command)
        return int(args.func(args, settings) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except SitrepError as exc:
        print(f"sitrep: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
