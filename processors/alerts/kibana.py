"""Links into Kibana Discover, filtered to an event (or a set of events, or an area) and its dates.

Kibana keeps Discover's state in the URL as rison: ``_g`` holds the time range, ``_a`` the data
view and the KQL query. The field names (``event_id``, ``place.admin1``) are those of the
``sitrep-events`` index; the time range brackets the event dates by a day on each side.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from urllib.parse import quote

RISON_SAFE = "(),:!'*/-._~"


def discover_url(
    base_url: str,
    query: str,
    first_date: date,
    last_date: date | None = None,
    data_view: str = "sitrep-events",
) -> str:
    """A Discover URL showing ``query`` (KQL) over the event dates (± 1 day); "" without a base URL."""
    if not base_url:
        return ""
    start = first_date - timedelta(days=1)
    end = (last_date or first_date) + timedelta(days=2)
    since, until = _rison(f"{start.isoformat()}T00:00:00.000Z"), _rison(f"{end.isoformat()}T00:00:00.000Z")
    global_state = f"(time:(from:{since},to:{until}))"
    app_state = f"(index:{_rison(data_view)},query:(language:kuery,query:{_rison(query)}))"
    return (
        f"{base_url.rstrip('/')}/app/discover#/?_g={quote(global_state, safe=RISON_SAFE)}"
        f"&_a={quote(app_state, safe=RISON_SAFE)}"
    )


def event_query(event_ids: Sequence[str]) -> str:
    """KQL selecting these events by id."""
    ids = [_kql_string(event_id) for event_id in event_ids]
    return f"event_id:{ids[0]}" if len(ids) == 1 else f"event_id:({' or '.join(ids)})"


def area_query(admin1: str) -> str:
    """KQL selecting every event of a governorate."""
    return f"place.admin1:{_kql_string(admin1)}"


def _kql_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _rison(value: str) -> str:
    """A rison string literal (always quoted: ``'`` and ``!`` escaped with ``!``)."""
    return "'" + value.replace("!", "!!").replace("'", "!'") + "'"
