"""What an alert looks like to people and to receivers: headline, text, JSON, Slack and email forms.

Pure functions of the alert. Every form carries the event summary, the sources with their links
and the Kibana URL.
"""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any
from urllib.parse import urlsplit

from sitrep.records import Alert

KIND_LABEL = {"new": "New", "escalation": "Escalation", "surge": "Surge"}


def headline(alert: Alert) -> str:
    """One line: kind, rule, what, where, toll."""
    what = alert.sub_event_type or ("events" if alert.kind == "surge" else "event")
    where = alert.location.name if alert.location and alert.location.name else alert.admin1
    if alert.location and alert.admin1 and alert.admin1 != where:
        where = f"{where}, {alert.admin1}"
    toll = f" — {alert.fatalities} killed" if alert.fatalities is not None else ""
    count = f" ({len(alert.event_ids)} events)" if alert.kind == "surge" else ""
    place = f" in {where}" if where else ""
    return f"[{KIND_LABEL[alert.kind]}] {alert.rule}: {what}{place}{count}{toll}"


def source_links(alert: Alert) -> list[tuple[str, str]]:
    """(source name, url) pairs; names paired with URLs when the event lists one URL per source."""
    if alert.urls and len(alert.urls) == len(alert.sources):
        return list(zip(alert.sources, alert.urls, strict=True))
    links = [(urlsplit(url).hostname or url, url) for url in alert.urls]
    linked = {name for name, _ in links}
    return links + [(source, "") for source in alert.sources if source not in linked]


def text_body(alert: Alert) -> str:
    """The plain-text form (console, email)."""
    lines = [headline(alert), "", alert.summary]
    if alert.event_ids:
        lines += ["", "Events: " + ", ".join(alert.event_ids)]
    elif alert.event_id:
        lines += ["", f"Event: {alert.event_id}"]
    links = source_links(alert)
    if links:
        lines += ["", "Sources:"] + [f"  - {name}: {url}" if url else f"  - {name}" for name, url in links]
    if alert.kibana_url:
        lines += ["", f"Kibana: {alert.kibana_url}"]
    return "\n".join(lines) + "\n"


def webhook_payload(alert: Alert) -> dict[str, Any]:
    """Generic JSON webhook body: the alert record plus a headline and labelled source links."""
    payload = alert.model_dump(mode="json")
    payload["headline"] = headline(alert)
    payload["source_links"] = [{"source": name, "url": url} for name, url in source_links(alert)]
    return payload


def slack_payload(alert: Alert) -> dict[str, Any]:
    """Slack-compatible incoming-webhook body (``text`` fallback plus Block Kit blocks)."""
    links = " · ".join(
        f"<{url}|{_slack_escape(name)}>" if url else _slack_escape(name) for name, url in source_links(alert)
    )
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": headline(alert)[:150]}},
        {"type": "section", "text": {"type": "mrkdwn", "text": _slack_escape(alert.summary)[:3000] or "-"}},
    ]
    if links:
        blocks.append(
            {"type": "context", "elements": [{"type": "mrkdwn", "text": f"Sources: {links}"[:3000]}]}
        )
    if alert.kibana_url:
        blocks.append(
            {"type": "section", "text": {"type": "mrkdwn", "text": f"<{alert.kibana_url}|Open in Kibana>"}}
        )
    fallback = f"{headline(alert)}\n{alert.summary}" + (f"\n{alert.kibana_url}" if alert.kibana_url else "")
    return {"text": fallback, "blocks": blocks}


def email_message(alert: Alert, sender: str, recipients: list[str]) -> EmailMessage:
    """The email form; its Message-ID derives from the alert id so a resend can be recognised."""
    message = EmailMessage()
    message["Subject"] = f"[sitrep] {headline(alert)}"
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = format_datetime(alert.fired_at)
    domain = sender.rpartition("@")[2] or "sitrep.local"
    message["Message-ID"] = f"<{alert.alert_id}@{domain}>"
    message["X-Sitrep-Alert-Id"] = alert.alert_id
    message["X-Sitrep-Rule"] = alert.rule
    message.set_content(text_body(alert))
    return message


def _slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
