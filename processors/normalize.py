"""Normalization stage (pure): raw message bytes → a validated, cleaned Report."""

from __future__ import annotations

from pydantic import ValidationError

from processors.errors import PoisonMessage
from sitrep import topics
from sitrep.records import Report
from sitrep.textnorm import clean_text, detect_language

MAX_REPORT_BYTES = 2_000_000


def parse_report(raw: bytes, topic: str = topics.REPORTS_RAW) -> Report:
    """Decode a ``reports.raw`` message; raise PoisonMessage with the reason when it is not a Report."""
    if len(raw) > MAX_REPORT_BYTES:
        raise PoisonMessage(topic, f"message of {len(raw)} bytes exceeds {MAX_REPORT_BYTES}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PoisonMessage(topic, f"not UTF-8: {exc}") from exc
    try:
        return Report.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": str(exc)}
        where = ".".join(str(p) for p in first.get("loc", ())) or "message"
        raise PoisonMessage(topic, f"not a Report ({where}: {first.get('msg')})") from exc


def clean_report(report: Report) -> Report:
    """Clean title/text/summary for display and matching, and fill the language when missing."""
    title, text, summary = clean_text(report.title), clean_text(report.text), clean_text(report.summary)
    language = report.language or detect_language(f"{title} {text or summary}")
    return report.model_copy(update={"title": title, "text": text, "summary": summary, "language": language})
