"""Without mypyc or a C compiler the extraction benchmark gives the interpreted figures and says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import bench_extract, compiled


def test_interpreted_figures_under_both_names_and_one_line_saying_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(compiled, "unavailable", lambda: "no C compiler (test)")
    monkeypatch.setattr(bench_extract, "shared_dir", lambda: tmp_path)  # the benchmark's own sentences
    figures = {f["metric"]: f["value"] for f in bench_extract.run(quick=True)}
    for part in ("", "_en", "_ar"):
        assert figures[f"extract_reports_per_s_per_core{part}"] == figures[
            f"extract_reports_per_s_per_core_interpreted{part}"] > 0
    assert {"extract_p99_ms", "extract_mean_report_kb"} <= figures.keys()
    said = [line for line in capsys.readouterr().err.splitlines() if "NO COMPILED BUILD" in line]
    assert len(said) == 1 and "no C compiler (test)" in said[0]
