"""Optional compiled build of the extraction code; everything else about the package is in pyproject.toml.

    pip install -e .                                  # development: pure Python, as always
    SITREP_COMPILE=1 pip install --no-build-isolation .   # production: processors/extract compiled by mypyc

With ``SITREP_COMPILE=1`` the modules of ``processors/extract`` (all but ``lexicon.py`` and ``errors.py``,
see INTERPRETED) are compiled to C extensions with mypyc; the wheel still
ships their ``.py`` files, the extensions take precedence on import. mypy (which ships mypyc), a C compiler
and the Python headers must be present, hence ``--no-build-isolation`` after ``pip install mypy
"setuptools>=77" wheel`` (the Dockerfile's build stage does this). An editable install never compiles:
a ``.so`` left next to an edited ``.py`` would silently shadow the edit.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Left interpreted: lexicon's `Forms(str)` cannot be a native class; the exception classes of errors.py
# (subclasses of sitrep's interpreted SitrepError) crash the interpreter when raised compiled (mypy 2.4.1).
INTERPRETED = frozenset({"lexicon.py", "errors.py"})


def compiled_sources(root: Path) -> list[str]:
    """The extraction modules mypyc compiles, as paths relative to ``root`` (sorted)."""
    folder = root / "processors" / "extract"
    return sorted(p.relative_to(root).as_posix() for p in folder.glob("*.py") if p.name not in INTERPRETED)


def _in_place(args: list[str]) -> bool:
    """Whether the command line builds extensions into the source tree: ``--inplace``, or ``-i`` (alone or among
    combined short flags, ``-fi``) given to ``build_ext``."""
    if any(a == "--inplace" or a.startswith("--inplace=") for a in args):
        return True
    if "build_ext" not in args:
        return False
    for arg in args[args.index("build_ext") :]:
        if not arg.startswith("-") or arg.startswith("--"):
            continue
        for flag in arg[1:]:  # getopt: flags until one that takes a value ("-L/usr/lib", "-Iinclude")
            if flag == "i":
                return True
            if flag not in _BUILD_EXT_FLAGS:
                break
    return False


_BUILD_EXT_FLAGS = frozenset("fghqvn")  # build_ext's (and the global) short options that take no value


def _ext_modules() -> list:  # run from the project root (pip does)
    if os.environ.get("SITREP_COMPILE", "") in ("", "0"):
        return []
    if {"develop", "editable_wheel"} & set(sys.argv) or _in_place(sys.argv[1:]):
        raise SystemExit("SITREP_COMPILE=1 refuses an editable/in-place build: compiled modules would shadow "
                         "edits to their .py files. Build a wheel (pip install . / pip wheel .) instead.")
    try:
        from mypyc.build import mypycify
    except ImportError as exc:
        raise SystemExit("SITREP_COMPILE=1 needs mypyc: pip install mypy 'setuptools>=77' wheel, then build "
                         "with --no-build-isolation") from exc
    root = Path(__file__).resolve().parent
    return mypycify(mypy_args(root), **MYPYC_OPTIONS)


# bench/compiled.py builds the same way for `make bench` and the tests
MYPYC_OPTIONS = {"opt_level": "3", "multi_file": True}


def mypy_args(root: Path) -> list[str]:
    """mypy's arguments for the build: the project's mypy settings, then the modules."""
    return ["--config-file", str(root / "pyproject.toml"), *compiled_sources(root)]


if __name__ == "__main__":
    from setuptools import setup

    setup(ext_modules=_ext_modules())
