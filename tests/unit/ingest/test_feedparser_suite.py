"""All 622 feedparser test feeds (../shared) served over loopback through `sitrep feeds check`."""

from __future__ import annotations

import io
import json

import feedparser
import pytest

from sitrep.cli import main
from tests.conftest import shared_path
from tests.unit.ingest.feedfarm import declared_headers, serve_directory


def _has_usable_entry(body: bytes, headers: dict[str, str]) -> bool:
    parsed = feedparser.parse(io.BytesIO(body), response_headers={k.lower(): v for k, v in headers.items()})
    return any(e.get("title") or e.get("link") or e.get("summary") for e in parsed.entries)


def test_every_feedparser_test_feed_is_answered_without_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = shared_path("data", "feeds")
    files = sorted(p for p in root.rglob("*.xml"))
    assert len(files) >= 600
    monkeypatch.setenv("SITREP_POLLER__POLITENESS_DELAY_S", "0")
    monkeypatch.setenv("SITREP_POLLER__PER_HOST_CONCURRENCY", "16")
    with serve_directory(root) as base:
        urls = [f"{base}/{p.relative_to(root).as_posix()}" for p in files]
        code = main(["feeds", "check", "--json", "--allow-private", *urls])
    out, err = capsys.readouterr()
    assert code == 0
    assert "Traceback" not in err and "Traceback" not in out
    lines = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert sorted(r["url"] for r in lines) == sorted(urls)  # every URL answered, once
    for row in lines:
        assert set(row) == {"url", "ok", "status", "entries", "reports", "bozo", "error"}
        assert row["ok"] or row["error"]
    by_url = {r["url"]: r for r in lines}
    missing: list[str] = []
    for path, url in zip(files, urls, strict=True):
        body = path.read_bytes()
        if _has_usable_entry(body, declared_headers(body)) and by_url[url]["reports"] < 1:
            missing.append(f"{path.relative_to(root)}: {by_url[url]}")
    assert not missing, "feeds with usable entries yielded no Reports:\n" + "\n".join(missing[:20])
    assert sum(1 for r in lines if r["ok"]) > 500
