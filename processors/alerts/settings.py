"""Settings of the alerting stage, from the environment (prefix ``SITREP_ALERTS__``, nesting ``__``).

Examples::

    SITREP_ALERTS__RULES_PATH=/etc/sitrep/rules.yaml
    SITREP_ALERTS__KIBANA_URL=https://kibana.example.org
    SITREP_ALERTS__WEBHOOK_URL=https://hooks.example.org/sitrep          (secret: never logged)
    SITREP_ALERTS__SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T/B/X  (secret)
    SITREP_ALERTS__SMTP__HOST=smtp.example.org  SITREP_ALERTS__SMTP__PORT=587
    SITREP_ALERTS__SMTP__STARTTLS=true  SITREP_ALERTS__SMTP__USERNAME=alerts
    SITREP_ALERTS__SMTP__PASSWORD=...  (secret)  SITREP_ALERTS__SMTP__RECIPIENTS='["desk@example.org"]'

Kept apart from `sitrep.settings.Settings` so the alerting stage owns its knobs; the stream and
the CLI read it once at start-up (`AlertsSettings()`) and pass it on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RetrySettings(_Frozen):
    """How notifiers retry: capped exponential backoff with full jitter."""

    attempts: Annotated[int, Field(ge=1, le=20)] = 4
    base_delay_s: Annotated[float, Field(ge=0)] = 0.5
    max_delay_s: Annotated[float, Field(ge=0)] = 15.0


class SmtpSettings(_Frozen):
    """The mail relay the email notifier talks to."""

    host: str = ""
    port: int = 587
    starttls: bool = True
    ssl: bool = False
    username: str | None = None
    password: SecretStr | None = None
    sender: str = "sitrep@localhost"
    recipients: list[str] = Field(default_factory=list)
    timeout_s: float = 10.0


class AlertsSettings(BaseSettings):
    """Everything the alerting stage needs to know."""

    model_config = SettingsConfigDict(
        env_prefix="SITREP_ALERTS__", env_nested_delimiter="__", frozen=True, extra="ignore"
    )

    rules_path: Path = Path("rules.yaml")
    kibana_url: str = "http://127.0.0.1:5601"
    kibana_data_view: str = "sitrep-events"
    events_index: str = "sitrep-events"
    webhook_url: SecretStr | None = None
    slack_webhook_url: SecretStr | None = None
    http_timeout_s: float = 10.0
    smtp: SmtpSettings = SmtpSettings()
    retry: RetrySettings = RetrySettings()
    # Where an alert goes when a notifier keeps failing, besides the `alerts.dlq` topic in the stream.
    dead_letter_file: str = "alerts-dead-letters.jsonl"

    def masked(self) -> dict[str, Any]:
        """Settings as a dict safe to log (secrets shown as '**********')."""
        return self.model_dump(mode="json")
