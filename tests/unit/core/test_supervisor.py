"""The supervisor restarts what dies and leaves nothing running when stopped."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from sitrep.supervisor import Supervisor


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_restarts_killed_child_and_stops_everything(tmp_path: Path) -> None:
    sleeper = [sys.executable, "-c", "import time; time.sleep(60)"]
    with Supervisor(tmp_path, say=lambda _l: None) as supervisor:
        child = supervisor.add("sleeper", sleeper)
        first_pid = child.pid
        supervisor.kill("sleeper", signal.SIGKILL)
        deadline = time.monotonic() + 5
        while not supervisor.poll() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert child.restarts == 1 and child.pid != first_pid and child.alive()
        second_pid = child.pid
    assert second_pid is not None and not _alive(second_pid)
