"""Run every benchmark and print one JSON line per figure: ``python -m bench [--quick] [NAME...]``."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import platform
import sys
import time
import traceback
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="run only these benchmarks (module names without bench_)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args()
    here = Path(__file__).parent
    modules = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    if args.names:
        modules = [m for m in modules if m.removeprefix("bench_") in args.names]
    print(f"# machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}",
          file=sys.stderr)
    failed = 0
    for name in modules:
        started = time.monotonic()
        print(f"# running {name} ...", file=sys.stderr, flush=True)
        try:
            module = importlib.import_module(f"bench.{name}")
            for figure in module.run(quick=args.quick):
                print(json.dumps(figure, ensure_ascii=False), flush=True)
        except Exception as exc:  # one broken benchmark must not hide the others' figures
            failed += 1
            print(f"# {name} failed: {exc.__class__.__name__}: {exc}", file=sys.stderr)
            traceback.print_exc(file=sys.stderr)
        print(f"# {name} took {time.monotonic() - started:.1f}s", file=sys.stderr, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
