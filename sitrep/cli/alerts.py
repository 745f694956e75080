"""``sitrep alerts``: check rules, try them on events, backtest them, silence them.

sitrep alerts validate rules.yaml
sitrep alerts test --rules rules.yaml --events events.jsonl [--json]
sitrep alerts backtest --rules rules.yaml --since 7d [--json]
sitrep alerts silence RULE [--key K] --for 6h [--reason TEXT]
sitrep alerts unsilence RULE [--key K]
sitrep alerts silences
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sitrep.settings import Settings

HELP = "alert rules: validate, test on events, backtest on indexed events, silence"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "alerts", help=HELP, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="alerts_command", metavar="ACTION")
    parser.set_defaults(func=lambda args, settings: _usage(parser))

    validate = commands.add_parser("validate", help="check a rules file; errors name the line and key")
    validate.add_argument(
        "file", type=Path, nargs="?", help="rules file (default: SITREP_ALERTS__RULES_PATH)"
    )
    validate.set_defaults(func=validate_command)

    test = commands.add_parser("test", help="print the alerts the rules would fire on events from a file")
    test.add_argument("--rules", type=Path, help="rules file (default: SITREP_ALERTS__RULES_PATH)")
    test.add_argument(
        "--events",
        type=Path,
        required=True,
        help="Event JSON lines, in order; a later line with the same event_id is a revision",
    )
    test.add_argument("--json", action="store_true", help="print every field of each alert")
    test.add_argument("--with-silences", action="store_true", help="leave out alerts silenced right now")
    test.set_defaults(func=test_command)

    backtest = commands.add_parser("backtest", help="run the rules over events indexed in Elasticsearch")
    backtest.add_argument("--rules", type=Path, help="rules file (default: SITREP_ALERTS__RULES_PATH)")
    backtest.add_argument(
        "--since", default="7d", help="how far back, by event date (e.g. 24h, 7d; default 7d)"
    )
    backtest.add_argument("--index", help="events index or alias (default: SITREP_ALERTS__EVENTS_INDEX)")
    backtest.add_argument("--json", action="store_true", help="print every field of each alert")
    backtest.set_defaults(func=backtest_command)

    silence = commands.add_parser("silence", help="hold back a rule's alerts (for one key) for a while")
    silence.add_argument("rule", help="rule name")
    silence.add_argument("--key", help="only alerts about this event id, admin1 or place name")
    silence.add_argument("--for", dest="duration", required=True, help="how long, e.g. 30m, 6h, 2d")
    silence.add_argument("--reason", default="", help="a note kept with the silence")
    silence.add_argument(
        "--rules",
        type=Path,
        help="check the rule exists in this file (default: the rules file, when there is one)",
    )
    silence.set_defaults(func=silence_command)

    unsilence = commands.add_parser("unsilence", help="lift a silence")
    unsilence.add_argument("rule")
    unsilence.add_argument("--key")
    unsilence.set_defaults(func=unsilence_command)

    listing = commands.add_parser("silences", help="list the silences in force")
    listing.add_argument("--all", action="store_true", help="include silences that have ended")
    listing.set_defaults(func=silences_command)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _rules_path(args: argparse.Namespace, attr: str = "rules") -> Path:
    from processors.alerts.settings import AlertsSettings

    given = getattr(args, attr, None)
    return Path(given) if given else AlertsSettings().rules_path


def validate_command(args: argparse.Namespace, settings: Settings) -> int:
    from processors.alerts import load_rules

    rules = load_rules(_rules_path(args, "file"))
    _warn(rules)
    surges = sum(1 for rule in rules if rule.is_surge)
    print(f"{rules.path}: {len(rules)} rules valid ({surges} surge): {', '.join(rules.names())}")
    return 0


def test_command(args: argparse.Namespace, settings: Settings) -> int:
    from processors.alerts import SilenceStore, load_rules
    from processors.alerts.replay import read_events, replay

    rules = load_rules(_rules_path(args))
    engine = _engine(rules, SilenceStore.in_state_dir(settings.state_dir) if args.with_silences else None)
    clock = (lambda event: datetime.now(UTC)) if args.with_silences else None
    result = replay(engine, read_events(args.events), clock)
    return _print_result(result, args.json, f"{result.events} events from {args.events}")


def backtest_command(args: argparse.Namespace, settings: Settings) -> int:
    from elasticsearch import Elasticsearch
    from elasticsearch import exceptions as es_errors

    from processors.alerts import AlertsSettings, load_rules, parse_duration
    from processors.alerts.errors import AlertsError
    from processors.alerts.replay import fetch_indexed_events, replay

    rules = load_rules(_rules_path(args))
    since = (datetime.now(UTC) - parse_duration(args.since)).date()
    index = args.index or AlertsSettings().events_index
    client = Elasticsearch(**settings.elasticsearch.client_kwargs())
    try:
        events = fetch_indexed_events(client, index, since)
    except es_errors.NotFoundError:
        raise AlertsError(
            f"no index or alias {index!r} in Elasticsearch at {settings.elasticsearch.url}"
            " (setting: SITREP_ALERTS__EVENTS_INDEX)"
        ) from None
    except (es_errors.ConnectionError, es_errors.TransportError) as exc:
        raise AlertsError(
            f"cannot search Elasticsearch at {settings.elasticsearch.url}: "
            f"{exc.__class__.__name__} (setting: SITREP_ELASTICSEARCH__URL)"
        ) from None
    finally:
        client.close()
    result = replay(_engine(rules, None), events)
    return _print_result(
        result,
        args.json,
        f"{result.events} indexed events since {since} in {index} (latest revision of each)",
    )


def silence_command(args: argparse.Namespace, settings: Settings) -> int:
    from processors.alerts import Silence, SilenceStore, load_rules, parse_duration
    from processors.alerts.errors import SilenceError

    rules_path = _rules_path(args)
    if args.rules or rules_path.exists():
        rules = load_rules(rules_path)
        if rules.get(args.rule) is None and args.rule != "*":
            raise SilenceError(
                f"no rule named {args.rule!r} in {rules_path} (rules: {', '.join(rules.names())})"
            )
    now = datetime.now(UTC)
    silence = Silence(
        rule=args.rule,
        key=args.key or None,
        until=now + parse_duration(args.duration),
        created_at=now,
        reason=args.reason,
    )
    store = SilenceStore.in_state_dir(settings.state_dir)
    store.add(silence)
    store.prune(now)
    scope = f" for key {silence.key!r}" if silence.key else ""
    print(f"silenced {silence.rule}{scope} until {silence.until.isoformat(timespec='seconds')}")
    return 0


def unsilence_command(args: argparse.Namespace, settings: Settings) -> int:
    from processors.alerts import SilenceStore

    lifted = SilenceStore.in_state_dir(settings.state_dir).remove(args.rule, args.key)
    scope = f" for key {args.key!r}" if args.key else ""
    print(f"lifted the silence of {args.rule}{scope}" if lifted else f"{args.rule}{scope} was not silenced")
    return 0 if lifted else 1


def silences_command(args: argparse.Namespace, settings: Settings) -> int:
    from processors.alerts import SilenceStore

    store = SilenceStore.in_state_dir(settings.state_dir)
    now = datetime.now(UTC)
    silences = store.all() if args.all else store.active(now)
    for silence in silences:
        state = "" if now < silence.until else " (ended)"
        key = f" key={silence.key}" if silence.key else ""
        reason = f"  # {silence.reason}" if silence.reason else ""
        print(f"{silence.rule}{key} until {silence.until.isoformat(timespec='seconds')}{state}{reason}")
    if not silences:
        print("no silences in force", file=sys.stderr)
    return 0


def _warn(rules: Any) -> None:
    for warning in rules.warnings:
        print(f"sitrep: warning: {warning}", file=sys.stderr)


def _engine(rules: Any, silences: Any) -> Any:
    from processors.alerts import AlertEngine, AlertsSettings, KibanaLinks

    alerts_settings = AlertsSettings()
    links = KibanaLinks(alerts_settings.kibana_url, alerts_settings.kibana_data_view)
    _warn(rules)
    return AlertEngine(rules, {}, silences=silences, kibana_links=links)


def _print_result(result: Any, full: bool, what: str) -> int:
    from processors.alerts.replay import alert_line

    for error in result.bad_lines:
        print(f"sitrep: skipped {error}", file=sys.stderr)
    for alert in result.alerts:
        print(json.dumps(alert_line(alert, full), ensure_ascii=False))
    silenced = len(result.decisions) - len(result.alerts)
    note = f", {silenced} silenced" if silenced else ""
    print(f"# {len(result.alerts)} alerts{note} from {what}", file=sys.stderr)
    return 1 if result.bad_lines else 0
