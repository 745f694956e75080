"""A small process supervisor: runs sitrep services as child processes, restarts them when they die,
and stops them all (SIGTERM, then SIGKILL) when told to. Used by `sitrep up`, `sitrep demo` and the
chaos tests, so a killed worker comes back the way it would under systemd or Kubernetes."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Child:
    """One supervised service."""

    name: str
    argv: list[str]
    log_path: Path
    process: subprocess.Popen[bytes] | None = None
    restarts: int = 0
    started_at: float = 0.0
    backoff_s: float = 0.5
    stopping: bool = field(default=False)

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None


def sitrep_argv(*args: str) -> list[str]:
    """The command line that runs ``sitrep ARGS`` with this interpreter."""
    return [sys.executable, "-m", "sitrep", *args]


class Supervisor:
    """Start, watch, restart and stop child processes."""

    def __init__(
        self,
        log_dir: Path,
        *,
        env: Mapping[str, str] | None = None,
        say: Callable[[str], None] | None = None,
        restart: bool = True,
        max_backoff_s: float = 10.0,
    ) -> None:
        self.log_dir = Path(log_dir)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.env = {**os.environ, **(env or {})}
        self.say = say or (lambda _line: None)
        self.restart = restart
        self.max_backoff_s = max_backoff_s
        self.children: dict[str, Child] = {}

    def add(self, name: str, argv: Sequence[str]) -> Child:
        child = Child(name=name, argv=list(argv), log_path=self.log_dir / f"{name}.log")
        self.children[name] = child
        self._spawn(child)
        return child

    def _spawn(self, child: Child) -> None:
        with open(child.log_path, "ab") as log_file:
            child.process = subprocess.Popen(  # noqa: S603 (our own command lines)
                child.argv, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
                env=self.env, start_new_session=True,
            )
        child.started_at = time.monotonic()

    def poll(self) -> list[str]:
        """Restart children that died (with capped backoff). Returns the names restarted now."""
        restarted = []
        for child in self.children.values():
            if child.alive() or child.stopping or not self.restart:
                continue
            if time.monotonic() - child.started_at < child.backoff_s:
                continue
            code = child.process.returncode if child.process else None
            self.say(f"{child.name} exited with code {code}; restarting (log: {child.log_path})")
            # A child that ran a while is healthy again: reset its backoff.
            if time.monotonic() - child.started_at > 30:
                child.backoff_s = 0.5
            child.backoff_s = min(child.backoff_s * 2, self.max_backoff_s)
            child.restarts += 1
            self._spawn(child)
            restarted.append(child.name)
        return restarted

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        """Send a signal to a child's process group (chaos tests use SIGKILL)."""
        child = self.children[name]
        if child.alive() and child.process:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.process.pid, sig)
            if sig == signal.SIGKILL:
                child.process.wait()

    def stop(self, grace_s: float = 10.0) -> None:
        """Stop every child: SIGTERM to each group, wait, then SIGKILL what is left."""
        for child in self.children.values():
            child.stopping = True
            if child.alive() and child.process:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(child.process.pid, signal.SIGTERM)
        deadline = time.monotonic() + grace_s
        for child in self.children.values():
            while child.alive() and time.monotonic() < deadline:
                time.sleep(0.05)
            if child.process:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(child.process.pid, signal.SIGKILL)
                child.process.wait()

    def __enter__(self) -> Supervisor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
