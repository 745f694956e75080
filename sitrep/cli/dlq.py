"""`sitrep dlq list|show|replay`: inspect dead letters and replay them after a fix."""

from __future__ import annotations

import argparse
import json
import sys
import time

from sitrep.settings import Settings

HELP = """\
Messages a stage could not process go to <topic>.dlq as an envelope: the original bytes and key,
the error class and message, the stage, and where it came from (topic, partition, offset).
TOPIC may be given with or without .dlq (reports.raw and reports.raw.dlq are the same).

  sitrep dlq list                          letters per dead-letter topic, the latest of each
  sitrep dlq list reports.raw -n 50        the latest 50 of one topic, one line each
  sitrep dlq show reports.raw --offset 12  the full envelope, the original decoded when text
  sitrep dlq replay reports.raw --error-class PoisonMessage --dry-run
  sitrep dlq replay reports.raw --since 2h

replay re-publishes the ORIGINAL bytes and key of the selected letters to the topic they came from
(once the bug that rejected them is fixed), with the header sitrep.replayed-from. Each letter is
replayed once: replayed letters are remembered in <state dir>/dlq-replayed.json, so running the same
replay again publishes nothing (--force replays again). The dead-letter topic itself is not changed.
alerts.dlq holds undeliverable alerts: replaying them re-indexes the alert, it does not notify again."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "dlq",
        help="inspect and replay dead-letter topics",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="dlq_command", metavar="ACTION", required=True)

    listing = commands.add_parser(
        "list",
        help="letters per dead-letter topic and the latest ones",
        description="Counts per dead-letter topic, and the latest letters one line each: "
        "partition:offset, time, error class (stage): message ← origin.",
    )
    listing.add_argument(
        "topic", nargs="?", metavar="TOPIC", help="one topic (default: every dead-letter topic)"
    )
    listing.add_argument(
        "-n",
        "--last",
        type=int,
        default=10,
        metavar="N",
        help="latest letters shown per topic (default %(default)s; 0: counts only)",
    )
    listing.set_defaults(func=run_list)

    show = commands.add_parser(
        "show",
        help="full envelope(s) of letters",
        description="Print letters as JSON: where they sit, the envelope, and the "
        "original bytes (parsed when JSON, text when text, else base64).",
    )
    show.add_argument(
        "topic", metavar="TOPIC", help="a topic or its dead-letter topic (reports.raw or reports.raw.dlq)"
    )
    show.add_argument(
        "--offset",
        action="append",
        default=[],
        metavar="[PARTITION:]OFFSET",
        help="the letter at this offset (repeatable)",
    )
    show.add_argument(
        "-n",
        "--last",
        type=int,
        default=1,
        metavar="N",
        help="the latest N letters when no --offset is given (default %(default)s)",
    )
    show.set_defaults(func=run_show)

    replay = commands.add_parser(
        "replay",
        help="re-publish original messages to their source topic",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    replay.add_argument(
        "topic", metavar="TOPIC", help="a topic or its dead-letter topic (reports.raw or reports.raw.dlq)"
    )
    replay.add_argument(
        "--offset",
        action="append",
        default=[],
        metavar="[PARTITION:]OFFSET",
        help="only the letter at this offset (repeatable)",
    )
    replay.add_argument(
        "--since",
        metavar="TIME",
        help="only letters that failed at or after TIME (ISO, UTC unless given) or within an age "
        "(30m, 2h, 1d)",
    )
    replay.add_argument(
        "--error-class", metavar="NAME", help="only letters with this error class (e.g. InvalidRecord)"
    )
    replay.add_argument("--dry-run", action="store_true", help="show what would be replayed; publish nothing")
    replay.add_argument(
        "--force", action="store_true", help="replay letters even if they were replayed before"
    )
    replay.set_defaults(func=run_replay)


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _kafka_answers(settings: Settings) -> None:
    """One clear line, in a second, when no broker listens (not a client traceback after its retries)."""
    from sitrep.errors import ServiceError
    from sitrep.metrics import tcp_check

    ok, reason = tcp_check(settings.kafka.bootstrap_servers, timeout_s=2.0, what="Kafka broker")
    if not ok:
        raise ServiceError(f"{reason}; set SITREP_KAFKA__BOOTSTRAP")


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    from sitrep.dlq import dlq_sizes, dlq_topic, read_letters

    _kafka_answers(settings)
    names = [dlq_topic(args.topic)] if args.topic else None
    sizes = dlq_sizes(settings.kafka, names)
    if args.topic and dlq_topic(args.topic) not in sizes:
        print(f"{dlq_topic(args.topic)}: no such topic at {settings.kafka.bootstrap}")
        return 0
    if not any(sizes.values()):
        print("no dead letters" + (f" in {', '.join(sizes)}" if args.topic else ""))
        return 0
    for topic, size in sizes.items():
        if not size and not args.topic:
            continue
        print(f"{topic}: {size} letter{'s' if size != 1 else ''}")
        if args.last > 0 and size:
            for letter in read_letters(settings.kafka, topic, last=args.last):
                print("  " + letter.line())
    return 0


def run_show(args: argparse.Namespace, settings: Settings) -> int:
    from sitrep.dlq import dlq_topic, matches, parse_offset, read_letters

    _kafka_answers(settings)
    topic = dlq_topic(args.topic)
    if args.offset:
        offsets = [parse_offset(o) for o in args.offset]
        letters = read_letters(settings.kafka, topic, from_offset=min(o for _, o in offsets))
        letters = [letter for letter in letters if matches(letter, offsets=offsets)]
        missing = [o for o in args.offset if not any(matches(x, offsets=[parse_offset(o)]) for x in letters)]
        for text in missing:
            _say(f"sitrep dlq: no letter at offset {text} of {topic}")
    else:
        letters = read_letters(settings.kafka, topic, last=max(1, args.last))
        if not letters:
            _say(f"sitrep dlq: {topic} has no letters")
    for letter in letters:
        print(json.dumps(letter.as_dict(), ensure_ascii=False, indent=2, default=str))
    return 0 if letters else 1


def run_replay(args: argparse.Namespace, settings: Settings) -> int:
    from sitrep.dlq import (
        ReplayResult,
        ReplayState,
        dlq_topic,
        matches,
        parse_offset,
        parse_since,
        read_letters,
        replay,
        replay_state_path,
    )

    topic = dlq_topic(args.topic)
    offsets = [parse_offset(o) for o in args.offset]
    since = parse_since(args.since) if args.since else None
    state = ReplayState(replay_state_path(settings.state_dir))
    _kafka_answers(settings)
    letters = read_letters(settings.kafka, topic, from_offset=min((o for _, o in offsets), default=None))
    chosen = [x for x in letters if matches(x, offsets=offsets, since=since, error_class=args.error_class)]
    _say(f"{topic}: {len(letters)} letters read, {len(chosen)} match the filters")
    if args.dry_run:
        result = replay(chosen, state, dry_run=True, force=args.force)
        for letter in chosen:
            mark = (
                "replayed before"
                if state.replayed(letter) and not args.force
                else ("UNREADABLE" if letter.original() is None else f"→ {letter.source_topic}")
            )
            print(f"  {letter.line()}  [{mark}]")
        _say(result.line(dry_run=True))
        return 0
    from sitrep.kafka import make_producer

    producer = make_producer(settings.kafka, batch_size=settings.kafka.producer_max_batch_size)
    started = time.monotonic()

    def progress(result: ReplayResult) -> None:
        total = sum(result.targets.values())
        _say(f"  replayed {result.published}/{total} ({time.monotonic() - started:.1f}s)")

    try:
        result = replay(chosen, state, producer=producer, force=args.force, on_progress=progress)
    finally:
        producer.close(10)
    _say(result.line())
    for position in result.unreadable:
        _say(f"  not replayable (no readable envelope): {position}")
    return 0
