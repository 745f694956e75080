"""Run every benchmark and print one JSON line per figure: ``python -m bench [--quick] [NAME...]``."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import platform
import subprocess
import sys
import time
import traceback
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="run only these benchmarks (module names without bench_)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    parser.add_argument("--in-process", action="store_true",
                        help="run the benchmarks in this process (default: each in a fresh child process)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)  # one module, for the parent
    args = parser.parse_args()
    here = Path(__file__).parent
    modules = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    if args.names:
        modules = [m for m in modules if m.removeprefix("bench_") in args.names]
    if not args.child:
        print(f"# machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}",
              file=sys.stderr, flush=True)
    failed = 0
    for name in modules:
        started = time.monotonic()
        if args.in_process or args.child:
            print(f"# running {name} ...", file=sys.stderr, flush=True)
            failed += _run_here(name, args.quick)
            print(f"# {name} took {time.monotonic() - started:.1f}s", file=sys.stderr, flush=True)
        else:
            # Each benchmark in its own process, as each service runs in production: what an earlier
            # benchmark leaves loaded (the extraction's gazetteer, patterns and caches) would otherwise
            # weigh on a later one's measurement (sink_vs_raw_bulk_ratio: 0.72-0.77 after the extraction
            # benchmark in one process, 0.79-0.85 without it; cause not pinned down).
            argv = [sys.executable, "-m", "bench", "--child", name.removeprefix("bench_")]
            failed += subprocess.run(argv + (["--quick"] if args.quick else []), check=False).returncode != 0
    return 1 if failed else 0


def _run_here(name: str, quick: bool) -> int:
    """Run one benchmark module in this process, printing its figures; 1 when it failed."""
    try:
        module = importlib.import_module(f"bench.{name}")
        for figure in module.run(quick=quick):
            print(json.dumps(figure, ensure_ascii=False), flush=True)
    except Exception as exc:  # one broken benchmark must not hide the others' figures
        print(f"# {name} failed: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
