"""Wire records: what travels on the Kafka topics, as JSON.

Records we produce ourselves forbid unknown fields (a typo or a stale producer fails loudly);
records that come from outside (`ExternalReportInput`, feed metadata) ignore them.
Every record carries `schema_version` so consumers can refuse what they do not understand.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from sitrep.ids import stable_id

SCHEMA_VERSION = 1

# ACLED's taxonomy, exact spelling (../shared/DOMAIN.md).
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
SUB_EVENT_TYPES: dict[str, str] = {sub: et for et, subs in EVENT_TYPES.items() for sub in subs}

EventType = Literal[
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
]
FatalitiesQualifier = Literal["exact", "at_least", "about", "more_than", "convention"]
ActorRole = Literal["actor1", "actor2", "assoc_actor1", "assoc_actor2", "victim", "mentioned"]


def utcnow() -> datetime:
    return datetime.now(UTC)


def _as_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


class _Ours(BaseModel):
    """Base of records we produce: strict about unknown fields."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class _Theirs(BaseModel):
    """Base of records that come from outside: unknown fields are ignored."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class Report(_Ours):
    """One news report (an RSS/Atom entry, a pushed item, a line of a file), after ingestion."""

    schema_version: int = SCHEMA_VERSION
    report_id: str
    revision: int = 1
    feed_id: str = ""
    source: str = ""
    url: str = ""
    title: str = ""
    text: str = ""
    summary: str = ""
    language: str = ""
    published_at: datetime | None = None
    fetched_at: datetime = Field(default_factory=utcnow)
    content_hash: str = ""
    tags: list[str] = Field(default_factory=list)
    # Set by near-duplicate detection (processors): the canonical report this one repeats.
    duplicate_of: str | None = None
    also_reported_by: list[str] = Field(default_factory=list)

    @field_validator("published_at", "fetched_at")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return None if value is None else _as_utc(value)

    def model_post_init(self, __context: Any) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.title, self.text or self.summary)

    @property
    def body(self) -> str:
        """The best text we have: full text, else summary."""
        return self.text or self.summary


def content_hash(title: str, text: str) -> str:
    """Hash of what a reader sees; a change means a new revision of the same report."""
    return stable_id("content", " ".join(title.split()), " ".join(text.split()), length=32)


def report_id_for(url: str | None = None, guid: str | None = None, content: str | None = None) -> str:
    """Stable report id: canonical URL, else GUID, else content."""
    from sitrep.urls import canonical_url

    if url:
        return stable_id("url", canonical_url(url))
    if guid:
        return stable_id("guid", guid.strip())
    if content:
        return stable_id("content", " ".join(content.split()))
    raise ValueError("a report needs a url, a guid or some content to get an id")


class Actor(_Ours):
    """An actor of an event, by canonical name, with its role."""

    name: str
    role: ActorRole = "mentioned"


class Location(_Ours):
    """A gazetteer place with coordinates and ACLED geo-precision."""

    name: str
    name_ar: str = ""
    admin1: str = ""
    admin2: str = ""
    country: str = ""
    lat: float | None = None
    lon: float | None = None
    geo_precision: Annotated[int, Field(ge=1, le=3)] = 1
    gazetteer_id: str = ""


class Evidence(_Ours):
    """A span of the report text (character offsets into title + '\\n' + text) backing a field."""

    start: int
    end: int
    text: str
    field: str = ""


class SourceFigure(_Ours):
    """What one source said about an event's toll (kept on canonical events by fusion)."""

    source: str
    report_id: str
    revision: int = 1
    fatalities: int | None = None
    fatalities_qualifier: FatalitiesQualifier | None = None
    injured: int | None = None
    published_at: datetime | None = None


class Event(_Ours):
    """A structured event in ACLED's terms: one type, one actor pair, one place, one day (or range)."""

    schema_version: int = SCHEMA_VERSION
    event_id: str
    revision: int = 1
    event_type: EventType
    sub_event_type: str
    event_date: date
    event_date_end: date | None = None
    date_precision: Annotated[int, Field(ge=1, le=3)] = 1
    actor1: str = ""
    actor2: str = ""
    actors: list[Actor] = Field(default_factory=list)
    fatalities: int | None = None
    fatalities_qualifier: FatalitiesQualifier | None = None
    injured: int | None = None
    location: Location | None = None
    other_locations: list[Location] = Field(default_factory=list)
    report_ids: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] = 0.5
    language: str = ""
    summary: str = ""
    source_figures: list[SourceFigure] = Field(default_factory=list)
    published_at: datetime | None = None
    updated_at: datetime = Field(default_factory=utcnow)

    @field_validator("sub_event_type")
    @classmethod
    def _known_sub_event(cls, value: str) -> str:
        if value not in SUB_EVENT_TYPES:
            raise ValueError(f"unknown ACLED sub_event_type {value!r}")
        return value


class Alert(_Ours):
    """A rule fired on a canonical event (or a surge of events)."""

    schema_version: int = SCHEMA_VERSION
    alert_id: str
    rule: str
    kind: Literal["new", "escalation", "surge"]
    event_id: str | None = None
    event_ids: list[str] = Field(default_factory=list)
    fatalities: int | None = None
    summary: str = ""
    sub_event_type: str = ""
    admin1: str = ""
    location: Location | None = None
    sources: list[str] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list)
    kibana_url: str = ""
    notify: list[str] = Field(default_factory=list)
    fired_at: datetime = Field(default_factory=utcnow)


class DeadLetter(_Ours):
    """Envelope of a message or document that could not be processed, with the reason."""

    schema_version: int = SCHEMA_VERSION
    original: str  # base64 of the original bytes
    original_key: str | None = None  # base64
    error_class: str
    message: str
    stage: str = ""
    source_topic: str = ""
    source_partition: int | None = None
    source_offset: int | None = None
    failed_at: datetime = Field(default_factory=utcnow)


class ExternalReportInput(_Theirs):
    """A line of `sitrep extract` / `sitrep fuse` input: `{"id", "title", "text", "published", ...}`."""

    id: str
    title: str = ""
    text: str = ""
    published: datetime | None = None
    language: str | None = None
    source: str | None = None
    url: str | None = None

    def to_report(self) -> Report:
        return Report(
            report_id=self.id,
            title=self.title,
            text=self.text,
            language=self.language or "",
            source=self.source or "",
            url=self.url or "",
            published_at=self.published,
        )
