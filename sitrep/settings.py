"""Connection and runtime settings, from the environment (prefix ``SITREP_``, nesting with ``__``).

Examples::

    SITREP_KAFKA__BOOTSTRAP=kafka-1:9092,kafka-2:9092
    SITREP_KAFKA__SECURITY_PROTOCOL=SASL_SSL  SITREP_KAFKA__SASL_PASSWORD=...
    SITREP_ELASTICSEARCH__URL=https://es:9200  SITREP_ELASTICSEARCH__API_KEY=...
    SITREP_PROFILE=production

The ``local`` profile (default) holds the settings the local stand-ins need (short group session
timeouts, one record per producer batch for Tansu's ListOffsets quirk, a basic analysis profile);
``production`` keeps the clients' usual defaults. Logic never asks which profile it runs under:
it only reads the resulting values.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Profile = Literal["local", "production"]

# Values the local stand-ins need (../shared/SERVICES.md); anything set explicitly wins.
_LOCAL_PROFILE: dict[str, dict[str, Any]] = {
    "kafka": {
        "session_timeout_s": 6.0,
        "heartbeat_interval_s": 1.0,
        "producer_max_batch_size": 16,
        "producer_linger_s": 0.0,
        "fetch_max_wait_ms": 100,
        "partitions": 2,
        "replication_factor": 1,
    },
    "elasticsearch": {"analysis": "auto", "ilm": False, "shards": 1, "replicas": 0},
}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class KafkaSettings(_Frozen):
    """How to reach Kafka, and how our clients behave."""

    bootstrap: str = "127.0.0.1:19092"
    client_id: str = "sitrep"
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = None
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    ssl_cafile: str | None = None
    ssl_certfile: str | None = None
    ssl_keyfile: str | None = None
    session_timeout_s: float = 30.0
    heartbeat_interval_s: float = 3.0
    producer_max_batch_size: int = 16384
    producer_linger_s: float = 0.005
    partitions: int = 6
    replication_factor: int = 3
    max_message_bytes: int = 1_000_000
    # Cap on how long a stream consumer's fetch may wait at the broker (None: the client's default).
    fetch_max_wait_ms: int | None = None

    @property
    def bootstrap_servers(self) -> list[str]:
        return [s.strip() for s in self.bootstrap.split(",") if s.strip()]

    def kafka_python_config(self) -> dict[str, Any]:
        """Connection keyword arguments for kafka-python clients."""
        config: dict[str, Any] = {
            "bootstrap_servers": self.bootstrap_servers,
            "client_id": self.client_id,
            "security_protocol": self.security_protocol,
        }
        if self.sasl_mechanism:
            config["sasl_mechanism"] = self.sasl_mechanism
            config["sasl_plain_username"] = self.sasl_username
            config["sasl_plain_password"] = (
                self.sasl_password.get_secret_value() if self.sasl_password else None
            )
        if self.ssl_cafile:
            config["ssl_cafile"] = self.ssl_cafile
        if self.ssl_certfile:
            config["ssl_certfile"] = self.ssl_certfile
        if self.ssl_keyfile:
            config["ssl_keyfile"] = self.ssl_keyfile
        return config


class ElasticsearchSettings(_Frozen):
    """How to reach Elasticsearch and how the indices are laid out."""

    url: str = "http://127.0.0.1:19200"
    api_key: SecretStr | None = None
    username: str | None = None
    password: SecretStr | None = None
    ca_certs: str | None = None
    verify_certs: bool = True
    index_prefix: str = "sitrep"
    # "full": language analyzers incl. arabic_normalization; "basic": our own normalizer only;
    # "auto": probe the server for what it supports.
    analysis: Literal["auto", "full", "basic"] = "auto"
    ilm: bool = True
    # Reports: "rollover" = time-based indices behind a write alias, rolled over by ILM (ilm on) or
    # by the sink itself with the conditions below (ilm off, e.g. the local stand-in); "monthly" =
    # one index per publication month, chosen by the document.
    reports_layout: Literal["rollover", "monthly"] = "rollover"
    rollover_max_age: str = "30d"
    rollover_max_primary_shard_size: str = "50gb"
    rollover_max_docs: int | None = None
    rollover_check_s: float = 60.0
    shards: int = 1
    replicas: int = 1
    request_timeout_s: float = 30.0

    def client_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``elasticsearch.Elasticsearch``."""
        kwargs: dict[str, Any] = {"hosts": [self.url], "request_timeout": self.request_timeout_s}
        if self.api_key:
            kwargs["api_key"] = self.api_key.get_secret_value()
        elif self.username and self.password:
            kwargs["basic_auth"] = (self.username, self.password.get_secret_value())
        if self.ca_certs:
            kwargs["ca_certs"] = self.ca_certs
        if not self.verify_certs:
            kwargs["verify_certs"] = False
        return kwargs


class LocalServicesSettings(_Frozen):
    """The local stand-ins started by ``sitrep services up``."""

    kafka_port: int = 19092
    elasticsearch_port: int = 19200
    startup_timeout_s: float = 30.0


class Settings(BaseSettings):
    """All of sitrep's settings. Read once at start-up; pass the object on, never re-read."""

    model_config = SettingsConfigDict(
        env_prefix="SITREP_", env_nested_delimiter="__", frozen=True, extra="ignore"
    )

    profile: Profile = "local"
    state_dir: Path = Path(".sitrep")
    kafka: KafkaSettings = Field(default_factory=KafkaSettings)
    elasticsearch: ElasticsearchSettings = Field(default_factory=ElasticsearchSettings)
    services: LocalServicesSettings = Field(default_factory=LocalServicesSettings)
    # What consumers do with a message they cannot process: dead-letter it, skip it, or stop.
    on_invalid: Literal["dlq", "skip", "fail"] = "dlq"
    log_level: str = "INFO"
    log_json: bool = False
    # Prometheus /metrics, /healthz and /readyz of each service (sitrep.metrics). Port 0 picks a free
    # port (logged; the local profile's default, since `sitrep up` runs several services on one
    # machine), -1 turns the server off; deployments use 9108.
    metrics_port: int = Field(default=9108, ge=-1, le=65535)
    metrics_host: str = "0.0.0.0"  # noqa: S104 (scraped from other hosts; the server exposes no secrets)

    @model_validator(mode="before")
    @classmethod
    def _apply_profile(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = {k: _as_dict(v) for k, v in data.items()}
        if data.get("profile", "local") == "local":
            for section, defaults in _LOCAL_PROFILE.items():
                data[section] = {**defaults, **(data.get(section) or {})}
            data.setdefault("metrics_port", 0)
            data.setdefault("metrics_host", "127.0.0.1")
        # Unless told otherwise, clients talk to the local stand-ins on their configured ports.
        services = data.get("services") or {}
        kafka_port = services.get("kafka_port", LocalServicesSettings().kafka_port)
        es_port = services.get("elasticsearch_port", LocalServicesSettings().elasticsearch_port)
        data.setdefault("kafka", {}).setdefault("bootstrap", f"127.0.0.1:{kafka_port}")
        data.setdefault("elasticsearch", {}).setdefault("url", f"http://127.0.0.1:{es_port}")
        return data

    def masked(self) -> dict[str, Any]:
        """Settings as a dict safe to log (secrets shown as '**********')."""
        return self.model_dump(mode="json")

    @property
    def local_kafka_wanted(self) -> bool:
        """True when Kafka points at the local stand-in's address (so we may start it)."""
        return self.kafka.bootstrap_servers == [f"127.0.0.1:{self.services.kafka_port}"]

    @property
    def local_elasticsearch_wanted(self) -> bool:
        return self.elasticsearch.url.rstrip("/") == f"http://127.0.0.1:{self.services.elasticsearch_port}"


def _as_dict(value: Any) -> Any:
    return value.model_dump(exclude_unset=True) if isinstance(value, BaseModel) else value


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment, with keyword overrides (tests pass ports here)."""
    return Settings(**overrides)


def settings_env(settings: Settings) -> dict[str, str]:
    """Environment variables that make a child process read the same settings as ``settings``.

    Used by the supervisor to start services with the parent's (possibly overridden) settings.
    Secrets are passed as-is to the child's environment, never logged.
    """
    env: dict[str, str] = {"SITREP_PROFILE": settings.profile, "SITREP_STATE_DIR": str(settings.state_dir),
                           "SITREP_ON_INVALID": settings.on_invalid}
    for section in ("kafka", "elasticsearch", "services"):
        model = getattr(settings, section)
        for name, value in model:
            if value is None:
                continue
            if isinstance(value, SecretStr):
                value = value.get_secret_value()
            text = str(value).lower() if isinstance(value, bool) else str(value)
            env[f"SITREP_{section.upper()}__{name.upper()}"] = text
    return env
