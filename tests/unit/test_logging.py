"""Structured logs: JSON lines with ids from ``extra=``, secrets masked, plain mode, CLI switch."""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys

import pytest

from sitrep.errors import ConfigError
from sitrep.logging import configure_logging


@pytest.fixture()
def restore_root() -> object:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    root.handlers[:] = handlers
    root.setLevel(level)


def test_json_lines_carry_ids_and_mask_secrets(restore_root: object) -> None:
    out = io.StringIO()
    configure_logging(json_lines=True, level="INFO", service="poll", stream=out)
    log = logging.getLogger("ingest.test")
    log.info("published %d reports", 3, extra={"feed_id": "sohr-ar", "report_id": "r1", "api_key": "sekrit"})
    log.debug("not shown")
    try:
        raise ValueError("bad feed")
    except ValueError:
        log.exception("poll failed", extra={"feed_id": "f2"})
    lines = [json.loads(line) for line in out.getvalue().splitlines() if line.startswith("{")]
    assert len(lines) == 2
    first, second = lines
    assert first["message"] == "published 3 reports" and first["level"] == "INFO"
    assert first["logger"] == "ingest.test" and first["service"] == "poll"
    assert first["feed_id"] == "sohr-ar" and first["report_id"] == "r1"
    assert first["api_key"] == "**********" and "sekrit" not in out.getvalue()
    assert first["ts"].endswith("Z")
    assert second["feed_id"] == "f2" and "ValueError: bad feed" in second["error"]


def test_plain_lines_append_extras(restore_root: object) -> None:
    out = io.StringIO()
    configure_logging(level=logging.WARNING, stream=out)
    logging.getLogger("x").warning("dead-lettered", extra={"event_id": "e1", "offset": 4})
    assert out.getvalue().rstrip().endswith("x: dead-lettered event_id=e1 offset=4")


def test_a_wrong_level_is_one_clear_error(restore_root: object) -> None:
    with pytest.raises(ConfigError, match="SITREP_LOG_LEVEL='LOUD' is not a log level"):
        configure_logging(level="LOUD", stream=io.StringIO())


def test_cli_switches_to_json_by_setting(tmp_path: object) -> None:
    code = (
        "import logging, sys; from sitrep.cli import main; import sitrep.cli.status as s\n"
        "s.run = lambda a, st: logging.getLogger('probe').warning('hello', extra={'event_id': 'e9'}) or 0\n"
        "sys.exit(main(['status']))"
    )
    env = {"SITREP_LOG_JSON": "true", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    entry = json.loads(result.stderr.strip().splitlines()[-1])
    assert entry["message"] == "hello" and entry["event_id"] == "e9" and entry["service"] == "status"


def test_other_handlers_stay_and_stderr_is_looked_up_per_record(
    restore_root: object, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging(json_lines=True, level="INFO")
    configure_logging(json_lines=True, level="INFO")  # again: still one console handler of ours
    logging.getLogger("y").warning("both see it", extra={"feed_id": "f"})
    assert "both see it" in caplog.text  # the test's capture handler was kept
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")]
    assert [entry["feed_id"] for entry in lines] == ["f"]
