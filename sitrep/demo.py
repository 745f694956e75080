"""The bundled demo: a loopback HTTP server for the demo feeds, and the finite demo run.

The demo feeds live in ``ingest/demo/``. A file named ``NAME-rev2.EXT`` is the second version of
``NAME.EXT``: the server serves the first version in phase 1 and the second in phase 2, so the
pipeline sees a report revised between two polls, as it would on the web.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent.parent / "ingest" / "demo"
_REVISION_MARK = "-rev2"


def demo_files(directory: Path, phase: int) -> dict[str, bytes]:
    """Path → bytes served in ``phase`` (1: first versions; 2: revised versions replace theirs)."""
    files: dict[str, bytes] = {}
    revised: dict[str, bytes] = {}
    for path in sorted(directory.iterdir()):
        if not path.is_file() or path.suffix not in (".xml", ".rss", ".atom", ".html"):
            continue
        if _REVISION_MARK in path.stem:
            revised[path.name.replace(_REVISION_MARK, "")] = path.read_bytes()
        else:
            files[path.name] = path.read_bytes()
    if phase >= 2:
        files.update(revised)
    return {f"/{name}": body for name, body in files.items()}


class DemoFeedServer:
    """Serves the demo feeds on 127.0.0.1 (an ephemeral port) from a background thread."""

    def __init__(self, directory: Path = DEMO_DIR, host: str = "127.0.0.1", port: int = 0) -> None:
        self.directory = directory
        self._phases = {1: demo_files(directory, 1), 2: demo_files(directory, 2)}
        self.phase = 1
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                body = server._phases[server.phase].get(self.path.split("?", 1)[0])
                if body is None:
                    self.send_error(404, "no such demo feed")
                    return
                content_type = "application/atom+xml" if ".atom" in self.path else "application/rss+xml"
                self.send_response(200)
                self.send_header("Content-Type", f"{content_type}; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                return

        self.httpd = ThreadingHTTPServer((host, port), Handler)
        self.httpd.daemon_threads = True
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="demo-feeds", daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def has_revisions(self) -> bool:
        return self._phases[1] != self._phases[2]

    def __enter__(self) -> DemoFeedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
