"""The feed registry: which feeds to poll (``feeds.toml``), plus OPML import/export.

Format (TOML, one ``[[feed]]`` table per feed)::

    [[feed]]
    id = "sohr-ar"                          # stable id: letters, digits, '-', '_', '.'
    url = "https://www.syriahr.com/feed/"   # RSS/Atom/RDF URL; "{demo}" = the local demo server
    source = "Syrian Observatory for Human Rights"   # outlet name carried on every Report
    language = "ar"                         # "" = take the feed's own, else detect per entry
    enabled = true
    tags = ["syria", "monitor"]
    min_interval_s = 300                    # optional: bounds of the adaptive poll interval
    max_interval_s = 3600

Feeds whose URL contains ``{demo}`` are the bundled demo feeds; they are substituted with the
demo server's base URL when one is given and skipped otherwise.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ingest.errors import RegistryError
from sitrep.ids import stable_id

DEMO_PLACEHOLDER = "{demo}"
DEMO_DIR = Path(__file__).parent / "demo"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")


class Feed(BaseModel):
    """One registered feed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    url: str
    source: str = ""
    language: str = ""
    enabled: bool = True
    tags: list[str] = Field(default_factory=list)
    min_interval_s: float | None = None
    max_interval_s: float | None = None

    @field_validator("id")
    @classmethod
    def _valid_id(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"feed id {value!r} must be letters, digits, '-', '_' or '.' (max 100)")
        return value

    @field_validator("url")
    @classmethod
    def _valid_url(cls, value: str) -> str:
        value = value.strip()
        if DEMO_PLACEHOLDER in value:
            return value
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"feed url {value!r} must be an http(s) URL with a host")
        return value

    @property
    def is_demo(self) -> bool:
        return DEMO_PLACEHOLDER in self.url

    @property
    def host_key(self) -> str:
        """host[:port] of the URL: the unit of politeness."""
        parts = urlsplit(self.url)
        return f"{parts.hostname}:{parts.port}" if parts.port else str(parts.hostname)


def feed_id_for(url: str) -> str:
    """A readable, stable id for a URL added without one: host plus a short hash."""
    host = (urlsplit(url).hostname or "feed").removeprefix("www.")
    return f"{re.sub(r'[^A-Za-z0-9.-]', '-', host)[:60]}-{stable_id('feed', url, length=6)}"


def parse_registry(
    text: str, *, origin: str = "feeds.toml", demo_base_url: str | None = None, include_disabled: bool = True
) -> list[Feed]:
    """Feeds from registry TOML text. Raises RegistryError naming the file and the bad entry."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{origin}: not valid TOML: {exc}") from exc
    tables = data.get("feed", [])
    if not isinstance(tables, list):
        raise RegistryError(f"{origin}: 'feed' must be an array of tables ([[feed]])")
    feeds: list[Feed] = []
    seen: set[str] = set()
    for position, table in enumerate(tables, start=1):
        try:
            feed = Feed.model_validate(table)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise RegistryError(f"{origin}: feed #{position}: {where}: {first['msg']}") from exc
        if feed.id in seen:
            raise RegistryError(f"{origin}: feed #{position}: duplicate id {feed.id!r}")
        seen.add(feed.id)
        if feed.is_demo:
            if demo_base_url is None:
                continue
            feed = feed.model_copy(
                update={"url": feed.url.replace(DEMO_PLACEHOLDER, demo_base_url.rstrip("/"))}
            )
        if include_disabled or feed.enabled:
            feeds.append(feed)
    return feeds


def load_registry(
    path: str | Path, *, demo_base_url: str | None = None, include_disabled: bool = True
) -> list[Feed]:
    """Feeds of a registry file (see the module docstring for the format)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RegistryError(f"feed registry {path} not found (setting: --registry)") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(f"cannot read feed registry {path}: {exc}") from exc
    return parse_registry(
        text, origin=str(path), demo_base_url=demo_base_url, include_disabled=include_disabled
    )


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        escaped = "".join(ch if ch >= " " or ch == "\t" else f"\\u{ord(ch):04x}" for ch in escaped)
        return f'"{escaped}"'
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def dump_registry(feeds: Iterable[Feed], header: str = "") -> str:
    """Registry TOML text for ``feeds`` (round-trips through ``parse_registry``)."""
    lines = [header.rstrip("\n")] if header else []
    for feed in feeds:
        lines.append("")
        lines.append("[[feed]]")
        for name, value in feed.model_dump().items():
            if value is None or (name == "tags" and not value):
                continue
            lines.append(f"{name} = {_toml_value(value)}")
    return "\n".join(lines).lstrip("\n") + "\n"


def registry_header(text: str) -> str:
    """The leading comment block of a registry file (kept when the CLI rewrites it)."""
    header: list[str] = []
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            header.append(line)
        else:
            break
    return "\n".join(header).rstrip() + "\n" if header else ""


def save_registry(path: str | Path, feeds: Iterable[Feed]) -> None:
    """Rewrite the registry file atomically, keeping its leading comments."""
    path = Path(path)
    header = registry_header(path.read_text(encoding="utf-8")) if path.exists() else ""
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(dump_registry(feeds, header), encoding="utf-8")
    tmp.replace(path)


def import_opml(data: bytes, *, existing: Iterable[Feed] = ()) -> list[Feed]:
    """Feeds of an OPML document (parsed with defusedxml), skipping URLs already registered."""
    from xml.etree.ElementTree import ParseError as XMLParseError

    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    try:
        root = SafeET.fromstring(data)
    except (XMLParseError, DefusedXmlException) as exc:
        raise RegistryError(f"not a readable OPML file: {exc}") from exc
    if root.tag.lower() != "opml":
        raise RegistryError(f"not an OPML file: root element is <{root.tag}>")
    known_urls = {f.url for f in existing}
    known_ids = {f.id for f in existing}
    feeds: list[Feed] = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if not url or url in known_urls:
            continue
        tags = [t.strip() for t in (outline.get("category") or "").replace("/", ",").split(",") if t.strip()]
        try:
            feed = Feed(
                id=feed_id_for(url),
                url=url,
                source=(outline.get("title") or outline.get("text") or ""),
                language=(outline.get("language") or ""),
                tags=tags,
            )
        except ValidationError as exc:
            raise RegistryError(f"OPML outline {url!r}: {exc.errors()[0]['msg']}") from exc
        if feed.id in known_ids:
            continue
        known_urls.add(url)
        known_ids.add(feed.id)
        feeds.append(feed)
    return feeds


def export_opml(feeds: Iterable[Feed], title: str = "sitrep feeds") -> str:
    """An OPML 2.0 document listing ``feeds``."""
    from xml.sax.saxutils import quoteattr

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{title}</title></head>",
        "  <body>",
    ]
    for feed in feeds:
        attrs = {
            "type": "rss",
            "text": feed.source or feed.id,
            "title": feed.source or feed.id,
            "xmlUrl": feed.url,
        }
        if feed.language:
            attrs["language"] = feed.language
        if feed.tags:
            attrs["category"] = ",".join(feed.tags)
        lines.append("    <outline " + " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items()) + "/>")
    lines += ["  </body>", "</opml>"]
    return "\n".join(lines) + "\n"


def demo_registry(base_url: str, directory: Path = DEMO_DIR) -> list[Feed]:
    """One Feed per demo feed file in ``ingest/demo`` served under ``base_url``."""
    feeds: list[Feed] = []
    if not directory.is_dir():
        return feeds
    for path in sorted(directory.iterdir()):
        if path.suffix.lower() not in (".xml", ".rss", ".atom"):
            continue
        language = "ar" if "-ar" in path.stem or "_ar" in path.stem else ""
        feeds.append(
            Feed(
                id=f"demo-{re.sub(r'[^A-Za-z0-9_.-]', '-', path.stem)}",
                url=f"{base_url.rstrip('/')}/{path.name}",
                source=f"demo {path.stem}",
                language=language,
                tags=["demo"],
                min_interval_s=1.0,
                max_interval_s=30.0,
            )
        )
    return feeds
