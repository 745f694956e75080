"""`sitrep feeds ...`: the feed registry (list, add, remove, import, export), health, and checks."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from sitrep.settings import Settings

HELP = """\
Manage the feed registry (feeds.toml: id, url, source, language, enabled, tags, min/max interval;
the format is documented at the top of the file) and see how each feed is doing.

  sitrep feeds list                      the registered feeds
  sitrep feeds add URL [--id ID] ...     register a feed (nothing is fetched)
  sitrep feeds remove ID                 unregister a feed
  sitrep feeds import FILE.opml          register every feed of an OPML file not yet registered
  sitrep feeds export [--toml]           the registry as OPML (default) or TOML on stdout
  sitrep feeds status [--json]           per feed: last success, last new entry, consecutive
                                         errors, last error, next poll (from the pollers' state)
  sitrep feeds check URL... [--json]     fetch and parse now, publish nothing; one line per URL;
                                         always exits 0. Non-public addresses (loopback,
                                         private, link-local) are refused unless --allow-private
                                         or SITREP_POLLER__ALLOW_HOSTS lists them.
The registry path is --registry, else SITREP_POLLER__REGISTRY_PATH (default ./feeds.toml)."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "feeds",
        help="manage the feed registry, see feed health, check feeds",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--registry", type=Path, help="registry file (default: SITREP_POLLER__REGISTRY_PATH)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    actions.add_parser("list", help="list the registered feeds").set_defaults(func=run_list)

    add = actions.add_parser("add", help="register a feed URL")
    add.add_argument("url")
    add.add_argument("--id", help="feed id (default: derived from the host)")
    add.add_argument("--source", default="", help="outlet name carried on reports")
    add.add_argument("--language", default="", help="'ar', 'en'... (default: the feed's, else detected)")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    add.add_argument("--disabled", action="store_true", help="register without polling it yet")
    add.set_defaults(func=run_add)

    remove = actions.add_parser("remove", help="unregister a feed by id")
    remove.add_argument("id")
    remove.set_defaults(func=run_remove)

    imp = actions.add_parser("import", help="register the feeds of an OPML file")
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=run_import)

    exp = actions.add_parser("export", help="print the registry as OPML (or --toml)")
    exp.add_argument("--toml", action="store_true", help="TOML instead of OPML")
    exp.set_defaults(func=run_export)

    status = actions.add_parser("status", help="per-feed health from the pollers' state")
    status.add_argument("--json", action="store_true", help="one JSON object per feed")
    status.set_defaults(func=run_status)

    check = actions.add_parser("check", help="fetch and parse URLs now; publish nothing; exit 0")
    check.add_argument("urls", nargs="+", metavar="URL")
    check.add_argument(
        "--json",
        action="store_true",
        help='one line per URL: {"url","ok","status","entries","reports","bozo","error"}',
    )
    check.add_argument(
        "--allow-private",
        action="store_true",
        help="allow loopback/private/link-local addresses (local test servers)",
    )
    check.set_defaults(func=run_check)


def _poller_settings():  # type: ignore[no-untyped-def]
    from ingest.settings import load_poller_settings

    return load_poller_settings()


def _registry_path(args: argparse.Namespace) -> Path:
    return Path(args.registry) if args.registry else Path(_poller_settings().registry_path)


def _load(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from ingest.registry import load_registry

    path = _registry_path(args)
    return path, (load_registry(path) if path.exists() else [])


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    path, feeds = _load(args)
    if not feeds:
        print(f"no feeds registered in {path}", file=sys.stderr)
        return 0
    for feed in feeds:
        flag = "on " if feed.enabled else "off"
        print(f"{flag} {feed.id:<28} {feed.language or '--':<3} {feed.source[:30]:<30} {feed.url}")
    print(f"{len(feeds)} feeds in {path}", file=sys.stderr)
    return 0


def run_add(args: argparse.Namespace, settings: Settings) -> int:
    from pydantic import ValidationError

    from ingest.errors import RegistryError
    from ingest.registry import Feed, feed_id_for, save_registry

    path, feeds = _load(args)
    try:
        feed = Feed(
            id=args.id or feed_id_for(args.url),
            url=args.url,
            source=args.source,
            language=args.language,
            tags=args.tag,
            enabled=not args.disabled,
        )
    except ValidationError as exc:
        raise RegistryError(f"cannot add {args.url!r}: {exc.errors()[0]['msg']}") from exc
    if any(f.id == feed.id for f in feeds):
        raise RegistryError(f"a feed with id {feed.id!r} is already registered (choose another with --id)")
    if any(f.url == feed.url for f in feeds):
        raise RegistryError(f"{feed.url} is already registered")
    save_registry(path, [*feeds, feed])
    print(f"added {feed.id} ({feed.url}) to {path}")
    return 0


def run_remove(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.errors import RegistryError
    from ingest.registry import save_registry

    path, feeds = _load(args)
    kept = [f for f in feeds if f.id != args.id]
    if len(kept) == len(feeds):
        raise RegistryError(f"no feed with id {args.id!r} in {path} (see `sitrep feeds list`)")
    save_registry(path, kept)
    print(f"removed {args.id} from {path}")
    return 0


def run_import(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.errors import RegistryError
    from ingest.registry import import_opml, save_registry

    path, feeds = _load(args)
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise RegistryError(f"cannot read {args.file}: {exc.strerror or exc}") from exc
    new = import_opml(data, existing=feeds)
    if new:
        save_registry(path, [*feeds, *new])
    print(f"imported {len(new)} new feeds from {args.file} into {path}")
    return 0


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.registry import dump_registry, export_opml

    _path, feeds = _load(args)
    sys.stdout.write(dump_registry(feeds) if args.toml else export_opml(feeds))
    return 0


def _when(value: datetime | None, now: datetime) -> str:
    if value is None:
        return "never"
    seconds = (value - now).total_seconds()
    span = abs(seconds)
    text = (
        f"{span:.0f}s"
        if span < 90
        else f"{span / 60:.0f}m"
        if span < 5400
        else f"{span / 3600:.1f}h"
        if span < 172800
        else f"{span / 86400:.0f}d"
    )
    return f"in {text}" if seconds > 0 else f"{text} ago"


def run_status(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.service import state_path
    from ingest.store import PollerStore

    _path, feeds = _load(args)
    poller_settings = _poller_settings()
    db = state_path(settings, poller_settings)
    states = {}
    if db.exists():
        with PollerStore(db) as store:
            states = store.states()
    now = datetime.now(UTC)
    ids = [f.id for f in feeds] + sorted(set(states) - {f.id for f in feeds})
    if not args.json:
        print(
            f"{'feed':<28} {'last success':<13} {'last new':<13} {'errors':>6}  {'next poll':<11} last error"
        )
    for feed_id in ids:
        state = states.get(feed_id)
        if args.json:
            row = {
                "id": feed_id,
                "checks": state.checks if state else 0,
                "last_success_at": state.last_success_at.isoformat()
                if state and state.last_success_at
                else None,
                "last_new_entry_at": (
                    state.last_new_entry_at.isoformat() if state and state.last_new_entry_at else None
                ),
                "consecutive_errors": state.consecutive_errors if state else 0,
                "total_errors": state.total_errors if state else 0,
                "last_error": state.last_error if state else None,
                "last_error_kind": state.last_error_kind if state else None,
                "next_poll_at": state.next_poll_at.isoformat() if state and state.next_poll_at else None,
                "moved_to": state.moved_to if state else None,
            }
            print(json.dumps(row, ensure_ascii=False))
            continue
        if state is None:
            print(f"{feed_id:<28} {'not polled yet'}")
            continue
        error = f"{state.last_error_kind}: {state.last_error}" if state.consecutive_errors else ""
        success, new_entry = _when(state.last_success_at, now), _when(state.last_new_entry_at, now)
        print(
            f"{feed_id:<28} {success:<13} {new_entry:<13} "
            f"{state.consecutive_errors:>6}  {_when(state.next_poll_at, now):<11} {error[:80]}"
        )
    if not db.exists():
        print(f"no poller state yet at {db} (run `sitrep poll` first)", file=sys.stderr)
    return 0


def run_check(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.check import FeedCheck, check_feeds

    poller_settings = _poller_settings()
    if args.allow_private:
        poller_settings = poller_settings.model_copy(update={"allow_private": True})

    def show(check: FeedCheck) -> None:
        print(json.dumps(check.as_json(), ensure_ascii=False) if args.json else check.line(), flush=True)

    try:
        results = asyncio.run(check_feeds(args.urls, poller_settings, on_result=show))
    except Exception as exc:  # the contract is "never crash, exit 0": say what broke, in one line
        print(f"sitrep: feeds check stopped early: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return 0
    failed = sum(1 for r in results if not r.ok)
    if not args.json:
        print(f"{len(results)} checked, {len(results) - failed} ok, {failed} failed", file=sys.stderr)
    return 0
