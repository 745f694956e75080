"""The demo feed server serves first versions, then revised ones."""

from __future__ import annotations

import urllib.request
from pathlib import Path

from sitrep.demo import DemoFeedServer


def test_phases_swap_revised_files(tmp_path: Path) -> None:
    (tmp_path / "a.rss.xml").write_text("<rss>v1</rss>")
    (tmp_path / "a-rev2.rss.xml").write_text("<rss>v2</rss>")
    (tmp_path / "b.atom.xml").write_text("<feed/>")
    with DemoFeedServer(tmp_path) as server:
        get = lambda name: urllib.request.urlopen(f"{server.base_url}/{name}").read()  # noqa: E731
        assert get("a.rss.xml") == b"<rss>v1</rss>"
        server.phase = 2
        assert get("a.rss.xml") == b"<rss>v2</rss>"
        assert get("b.atom.xml") == b"<feed/>"
        assert server.has_revisions
