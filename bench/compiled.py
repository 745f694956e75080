"""The mypyc-compiled extraction build that production runs, built for benchmarks and tests.

    python -m bench.compiled            # build (or reuse) the tree and print its path

`build()` compiles, in a copy of ``processors/`` (and ``sitrep/``, whose types mypy reads), the modules
setup.py compiles, with setup.py's options and the project's mypy settings, as the wheel build does; it
keeps the result as ``build/compiled-<hash>/`` (gitignored) without the compiled modules' ``.py`` files,
so that ``PYTHONPATH=<tree>`` imports the compiled extraction and nothing can fall back to the sources.
The hash covers those inputs, mypy's version and the interpreter: a rerun reuses the tree, an edit
rebuilds it. The repository itself never holds a ``.so``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_DIR = ROOT / "build"

# Compiles the C sources of the one extension mypyc emits (multi_file: one .c per module) in parallel;
# setuptools' build_ext -j only runs whole extensions in parallel.
_BUILD_SCRIPT = """
import json, os, sys
from concurrent.futures import ThreadPoolExecutor
from setuptools import setup
from distutils import ccompiler
from mypyc.build import mypycify

JOBS = int(sys.argv[1])

def _compile(self, sources, output_dir=None, macros=None, include_dirs=None, debug=0, extra_preargs=None,
             extra_postargs=None, depends=None):
    macros, objects, extra_postargs, pp_opts, build = self._setup_compile(
        output_dir, macros, include_dirs, sources, depends, extra_postargs)
    cc_args = self._get_cc_args(pp_opts, debug, extra_preargs)
    def one(obj):
        src, ext = build[obj]
        self._compile(obj, src, ext, cc_args, extra_postargs, pp_opts)
    # the largest module first: it bounds the wall time
    order = sorted((o for o in objects if o in build), key=lambda o: -os.path.getsize(build[o][0]))
    with ThreadPoolExecutor(JOBS) as pool:
        list(pool.map(one, order))
    return objects

ccompiler.CCompiler.compile = _compile
extensions = mypycify(sys.argv[3:], **json.loads(sys.argv[2]))
setup(name="sitrep-compiled", ext_modules=extensions, script_args=["build_ext", "--inplace"])
"""


def _setup_module():  # setup.py holds the one list of compiled modules
    spec = importlib.util.spec_from_file_location("_sitrep_setup", ROOT / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def compiled_sources() -> list[str]:
    return _setup_module().compiled_sources(ROOT)


# What the compiled code depends on: the modules compiled, the types mypy reads for them (sitrep's records)
# and the settings and list it compiles them with.
_INPUTS = ("processors", "sitrep", "pyproject.toml", "setup.py")


def unavailable() -> str | None:
    """Why a compiled build cannot be made here (``None`` when it can)."""
    if importlib.util.find_spec("mypyc") is None:
        return "mypyc is not installed (pip install mypy)"
    compiler = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    if shutil.which(compiler.split()[0]) is None:
        return f"no C compiler ({compiler.split()[0]} not found)"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").exists():
        return "no Python headers (Python.h)"
    return None


def _digest() -> str:
    import mypy.version

    h = hashlib.sha256(f"{mypy.version.__version__} {sys.version} {_BUILD_SCRIPT}".encode())
    for name in _INPUTS:
        for path in sorted((ROOT / name).rglob("*")) if (ROOT / name).is_dir() else [ROOT / name]:
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def build(jobs: int | None = None) -> tuple[Path, float]:
    """The compiled tree (built now or reused) and the seconds the build took (0.0 when reused).

    Raises RuntimeError when the build fails (with the compiler's output)."""
    reason = unavailable()
    if reason:
        raise RuntimeError(reason)
    tree = BUILD_DIR / f"compiled-{_digest()}"
    if (tree / "processors").is_dir():
        return tree, 0.0
    started = time.monotonic()
    BUILD_DIR.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="compiling-", dir=BUILD_DIR))
    try:
        for package in ("processors", "sitrep"):  # sitrep: the types mypy reads, as in the wheel build
            shutil.copytree(ROOT / package, work / package, ignore=shutil.ignore_patterns("__pycache__"))
        setup_module = _setup_module()
        # mypy reads the project's settings from ROOT's pyproject.toml (--config-file); none is copied, as
        # setuptools would read it too (and the venv's may reject its license field)
        argv = [sys.executable, "-c", _BUILD_SCRIPT, str(jobs or os.cpu_count() or 1),
                json.dumps(setup_module.MYPYC_OPTIONS), *setup_module.mypy_args(ROOT)]
        done = subprocess.run(argv, cwd=work, capture_output=True, text=True, check=False,
                              env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        if done.returncode != 0:
            raise RuntimeError(f"mypyc build failed:\n{done.stdout[-6000:]}\n{done.stderr[-6000:]}")
        for source in setup_module.compiled_sources(ROOT):
            (work / source).unlink()  # only the extension can be imported
        shutil.rmtree(work / "build", ignore_errors=True)
        shutil.rmtree(work / "sitrep")  # imported from ROOT
        try:
            work.rename(tree)  # atomic: a half-built tree is never reused
        except OSError:
            if not (tree / "processors").is_dir():  # else another process built the same tree meanwhile
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _prune(keep=tree)
    return tree, time.monotonic() - started


def _prune(keep: Path, kept: int = 3) -> None:
    """Remove all but the ``kept`` newest compiled trees (``keep`` among them)."""
    trees = sorted(BUILD_DIR.glob("compiled-*"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [t for t in trees if t != keep][kept - 1:]:
        shutil.rmtree(old, ignore_errors=True)


def child_env(tree: Path) -> dict[str, str]:
    """Environment for a child process that imports the compiled extraction (and the rest from ROOT)."""
    from processors.evaluation import shared_dir  # the tree's copy would look for ../shared beside build/

    path = os.pathsep.join([str(tree), str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return {**os.environ, "PYTHONPATH": path, "SITREP_SHARED_DIR": str(shared_dir())}


if __name__ == "__main__":
    built, seconds = build()
    print(built)
    print(f"# built in {seconds:.1f}s" if seconds else "# reused", file=sys.stderr)
