"""The feed registry: TOML format, CLI editing, OPML import/export (parsed safely), demo feeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.errors import RegistryError
from ingest.registry import (
    DEMO_DIR,
    Feed,
    demo_registry,
    dump_registry,
    export_opml,
    import_opml,
    load_registry,
    parse_registry,
)
from sitrep.cli import main

REPO = Path(__file__).resolve().parents[3]


def test_shipped_registry_has_the_syria_sources_and_demo_feeds() -> None:
    feeds = load_registry(REPO / "feeds.toml")
    ids = {f.id for f in feeds}
    assert {"sohr-ar", "sohr-en"} <= ids and all(f.enabled for f in feeds if f.id.startswith("sohr"))
    assert not any(f.is_demo for f in feeds)  # demo feeds only with a demo server
    with_demo = load_registry(
        REPO / "feeds.toml", demo_base_url="http://127.0.0.1:8000/", include_disabled=False
    )
    demo = [f for f in with_demo if "demo" in f.tags]
    assert demo and all(f.url.startswith("http://127.0.0.1:8000/") for f in demo)
    for feed in demo:  # every demo entry points at a bundled file
        assert (DEMO_DIR / feed.url.rsplit("/", 1)[1]).is_file(), feed.url


def test_round_trip_and_clear_errors() -> None:
    feeds = [
        Feed(id="a", url="https://example.org/feed", source='Quote "q"', tags=["x"], min_interval_s=60),
        Feed(id="b", url="http://example.net/rss", enabled=False, language="ar"),
    ]
    assert parse_registry(dump_registry(feeds)) == feeds
    with pytest.raises(RegistryError, match=r"feed #1: url"):
        parse_registry('[[feed]]\nid = "a"\nurl = "ftp://x/"\n')
    with pytest.raises(RegistryError, match="duplicate id"):
        parse_registry('[[feed]]\nid = "a"\nurl = "http://x/"\n[[feed]]\nid = "a"\nurl = "http://y/"\n')
    with pytest.raises(RegistryError, match="not valid TOML"):
        parse_registry("[[feed]\n")
    with pytest.raises(RegistryError, match="feed #1: id"):
        parse_registry('[[feed]]\nid = "bad id!"\nurl = "http://x/"\n')


def test_cli_add_remove_list_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    registry = tmp_path / "feeds.toml"
    registry.write_text("# my feeds\n")
    reg = ["feeds", "--registry", str(registry)]
    assert main([*reg, "add", "https://www.syriahr.com/en/feed/", "--source", "SOHR", "--tag", "syria"]) == 0
    assert main([*reg, "add", "https://example.org/rss", "--id", "ex"]) == 0
    assert main([*reg, "add", "https://example.org/rss", "--id", "ex2"]) == 1  # already registered
    assert main([*reg, "add", "not a url"]) == 1
    assert registry.read_text().startswith("# my feeds\n")  # comments kept
    assert main([*reg, "remove", "ex"]) == 0 and main([*reg, "remove", "ex"]) == 1
    capsys.readouterr()
    assert main([*reg, "list"]) == 0
    out, err = capsys.readouterr()
    assert "syriahr.com" in out and "ex " not in out and "1 feeds" in err
    assert main([*reg, "export"]) == 0
    opml = capsys.readouterr().out
    assert 'xmlUrl="https://www.syriahr.com/en/feed/"' in opml and "<opml" in opml


def test_opml_import_skips_known_feeds_and_refuses_entity_tricks(tmp_path: Path) -> None:
    existing = [Feed(id="known", url="https://known.example/feed")]
    opml = export_opml([*existing, Feed(id="x", url="https://new.example/rss", source="New", tags=["t"])])
    imported = import_opml(opml.encode(), existing=existing)
    assert [(f.url, f.source, f.tags) for f in imported] == [("https://new.example/rss", "New", ["t"])]
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        b'<opml version="2.0"><body><outline text="&b;" xmlUrl="https://x.example/"/></body></opml>'
    )
    with pytest.raises(RegistryError, match="OPML"):
        import_opml(bomb)
    with pytest.raises(RegistryError, match="not an OPML"):
        import_opml(b"<rss/>")
    file = tmp_path / "subs.opml"
    file.write_text(opml)
    registry = tmp_path / "feeds.toml"
    assert main(["feeds", "--registry", str(registry), "import", str(file)]) == 0
    assert len(load_registry(registry)) == 2
    assert main(["feeds", "--registry", str(registry), "import", str(tmp_path / "missing.opml")]) == 1


def test_demo_registry_covers_the_bundled_files() -> None:
    feeds = demo_registry("http://127.0.0.1:9/")
    if not DEMO_DIR.is_dir():
        pytest.skip("no demo feeds bundled yet")
    assert feeds and all(f.url.startswith("http://127.0.0.1:9/") and "demo" in f.tags for f in feeds)
