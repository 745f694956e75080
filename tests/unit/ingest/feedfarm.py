"""A tiny threaded HTTP server for the ingest tests: serves files with the headers their
"Header:" comments ask for (feedparser's test-suite convention), or canned responses."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

_HEADER_LINE = re.compile(rb"^\s*Header:\s*([^:\r\n]+):\s*(.*?)\s*$", re.MULTILINE)


def declared_headers(body: bytes) -> dict[str, str]:
    """Headers declared in the leading comment of a feedparser test file."""
    head = body[:2048]
    return {
        m.group(1).decode("latin-1").strip(): m.group(2).decode("latin-1")
        for m in _HEADER_LINE.finditer(head)
    }


@contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """Serve ``root`` on a free loopback port; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            path = (root / self.path.lstrip("/").split("?")[0]).resolve()
            if not str(path).startswith(str(root.resolve())) or not path.is_file():
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = path.read_bytes()
            headers = declared_headers(body)
            self.send_response(200)
            if not any(k.lower() == "content-type" for k in headers):
                self.send_header("Content-Type", "application/xml")
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
