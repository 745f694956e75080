"""setup.py compiles the extraction only when asked, and never into the source tree."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench import compiled

ROOT = Path(__file__).resolve().parents[2]


def test_compiled_modules_are_the_extraction_but_lexicon_and_errors() -> None:
    sources = compiled.compiled_sources()
    assert "processors/extract/events.py" in sources and "processors/extract/places.py" in sources
    assert "processors/extract/lexicon.py" not in sources and "processors/extract/errors.py" not in sources
    assert all(s.startswith("processors/extract/") and s.endswith(".py") for s in sources)


def test_no_extension_without_sitrep_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    setup = compiled._setup_module()
    for value in (None, "", "0"):
        if value is None:
            monkeypatch.delenv("SITREP_COMPILE", raising=False)
        else:
            monkeypatch.setenv("SITREP_COMPILE", value)
        assert setup._ext_modules() == []


@pytest.mark.parametrize(
    "command",
    [["develop"], ["editable_wheel"], ["build_ext", "--inplace"], ["build_ext", "-i"], ["build_ext", "-fi"],
     ["-q", "build_ext", "-if"]],
)
def test_compiling_in_place_is_refused(command: list[str]) -> None:
    done = subprocess.run([sys.executable, "setup.py", *command], cwd=ROOT, capture_output=True, text=True,
                          env={"SITREP_COMPILE": "1", "PATH": ""}, timeout=60, check=False)
    assert done.returncode != 0
    assert "refuses an editable/in-place build" in done.stderr
    assert not list((ROOT / "processors").rglob("*.so"))


def test_in_place_flags_are_told_from_other_flags() -> None:
    setup = compiled._setup_module()
    assert setup._in_place(["build_ext", "-i"]) and setup._in_place(["build_ext", "-f", "-i"])
    assert setup._in_place(["build_ext", "--inplace"]) and setup._in_place(["build_ext", "-fi"])
    assert not setup._in_place(["build_ext", "-f"]) and not setup._in_place(["bdist_wheel"])
    assert not setup._in_place(["build_ext", "--include-dirs", "/usr/include"])
    assert not setup._in_place(["build_ext", "-L/usr/lib", "-Iinclude", "-f"])
    assert not setup._in_place(["-v", "bdist_wheel", "-d", "dist"])
