"""Settings of the feed pollers, from the environment (prefix ``SITREP_POLLER__``).

Examples::

    SITREP_POLLER__ALLOW_HOSTS='["127.0.0.1", "10.1.0.0/16"]'   # allow-list non-public hosts
    SITREP_POLLER__MIN_INTERVAL_S=120  SITREP_POLLER__MAX_INTERVAL_S=3600
    SITREP_POLLER__FULLTEXT=false

Read once at start-up and passed on (``load_poller_settings()``); logic never reads the env.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from sitrep import __version__

DEFAULT_USER_AGENT = (
    f"sitrep-poller/{__version__} (conflict-report monitoring feed reader; "
    "polls politely, honours ETag/Last-Modified/Retry-After)"
)


class PollerSettings(BaseSettings):
    """How the pollers fetch, schedule, limit and publish."""

    model_config = SettingsConfigDict(env_prefix="SITREP_POLLER__", frozen=True, extra="ignore")

    user_agent: str = DEFAULT_USER_AGENT
    # Timeouts (seconds): TCP/TLS connect, between two reads, and for the whole request.
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 20.0
    total_timeout_s: float = 60.0
    # Caps: bytes on the wire, and bytes after gzip/deflate/brotli decoding (bombs stop here).
    max_body_bytes: int = 10 * 1024 * 1024
    max_decompressed_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    # Politeness: at most this many requests in flight per host[:port], started at least
    # ``politeness_delay_s`` apart; and at most ``concurrency`` requests overall.
    per_host_concurrency: int = 2
    politeness_delay_s: float = 1.0
    concurrency: int = 64
    # Scheduling (per-feed min/max in the registry override these).
    min_interval_s: float = 300.0
    max_interval_s: float = 3 * 3600.0
    default_interval_s: float = 900.0
    # Poll this many times per expected new entry (0.5 = twice as often as the feed publishes).
    rate_factor: float = 0.5
    backoff_base_s: float = 60.0
    jitter_fraction: float = Field(default=0.1, ge=0.0, le=0.5)
    # Dates further in the future than this are treated as "now" (clock skew, typos).
    future_tolerance_s: float = 600.0
    max_entries_per_feed: int = 500
    # Security: non-public addresses (private, loopback, link-local...) are refused unless the host
    # name, the address, or a CIDR network holding it is listed here, or allow_private is true.
    allow_hosts: list[str] = Field(default_factory=list)
    allow_private: bool = False
    # Full text: fetch the article page when an entry carries less text than this.
    fulltext: bool = True
    fulltext_min_chars: int = 400
    # Publishing: how long to wait for the broker to confirm one report.
    publish_timeout_s: float = 30.0
    # Durable state (seen-store, feed state); default: <Settings.state_dir>/poller.sqlite3.
    state_path: Path | None = None
    # WebSub: subscribe to hubs feeds advertise. Hubs call back ``websub_callback_url`` (the public
    # base URL of the endpoint, e.g. https://poller.example.org/websub; default: the listen address).
    websub: bool = False
    websub_callback_url: str | None = None
    websub_listen_host: str = "127.0.0.1"
    websub_listen_port: int = 0
    websub_lease_s: int = 86400
    # Scale-out: consumer group of poller instances sharing the `feeds` topic.
    group_id: str = "sitrep-pollers"
    # The feed registry file (see feeds.toml for the format).
    registry_path: Path = Path("feeds.toml")


def load_poller_settings(**overrides: object) -> PollerSettings:
    """Poller settings from the environment, with keyword overrides."""
    return PollerSettings(**overrides)  # type: ignore[arg-type]
