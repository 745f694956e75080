"""Reports behind a rollover write alias, without second copies.

With the ``rollover`` layout a new report goes through the write alias to the newest index. A
report that is already indexed — a revision, or a replay after a crash — must go back to the index
that holds it, or a rollover in between would leave two copies and defeat the external version
check. :class:`ReportRouter` keeps a short-lived view of the alias (which index is the write index,
whether older ones exist) and writes new reports to that concrete write index; while only one index
exists nothing needs looking up. Otherwise one ``ids`` search per batch over the read alias finds
the indices of the batch's reports and their actions are pointed there. Documents in older indices
are visible to search (refreshed every second); when the router sees the write index change, it
refreshes the previous one first so its newest writes are visible too.

Without ILM (the local stand-in, or ``ilm`` off) :meth:`ReportRouter.maybe_rollover` rolls the
alias over itself with the configured conditions, at most every ``rollover_check_s``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sinks.documents import BulkAction
from sinks.indices import IndexNames, rollover_conditions
from sitrep.settings import ElasticsearchSettings

log = logging.getLogger(__name__)

# How long the router trusts its view of the alias before asking again.
ALIAS_VIEW_TTL_S = 30.0


@dataclass(frozen=True)
class AliasView:
    """The reports indices as last seen: the write index and whether any older one exists."""

    write_index: str
    has_older: bool


def parse_alias_view(response: dict[str, Any], write_alias: str) -> AliasView | None:
    """The view from ``GET _alias/<write alias>`` (None when the alias does not exist yet).

    After a rollover Elasticsearch keeps the alias on the old indices with ``is_write_index``
    false, so the write index is the one flagged true (or the only one)."""
    flagged = [
        index for index, body in response.items()
        if (body.get("aliases", {}).get(write_alias) or {}).get("is_write_index")
    ]
    if not flagged and len(response) == 1:
        flagged = list(response)
    if not flagged:
        return None
    return AliasView(write_index=flagged[0], has_older=len(response) > 1)


def route(
    actions: Sequence[BulkAction], write_alias: str, write_index: str, located: dict[str, str]
) -> list[BulkAction]:
    """``actions`` aimed at the write alias sent to the index already holding their id, else to
    ``write_index`` (the concrete index, so a rollover the router has not seen yet cannot split a
    report's revisions over two indices)."""
    routed = []
    for action in actions:
        if action.index == write_alias:
            action = replace(action, index=located.get(action.id, write_index))
        routed.append(action)
    return routed


class ReportRouter:
    """Points report actions at the index holding the report; rolls the alias over without ILM.

    ``es`` is an Elasticsearch client; ``clock`` is injectable for tests. Errors reaching
    Elasticsearch propagate (the bulk writer treats them like a failed bulk and retries).
    """

    def __init__(
        self,
        es: Any,
        names: IndexNames,
        settings: ElasticsearchSettings,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.es, self.names, self.settings, self.clock = es, names, settings, clock
        self._view: AliasView | None = None
        self._view_at = float("-inf")
        self._rollover_at = clock()
        self.lookups = 0
        self.rollovers = 0

    @property
    def enabled(self) -> bool:
        return self.names.layout == "rollover"

    def route(self, actions: Sequence[BulkAction]) -> list[BulkAction]:
        """``actions`` with new-looking reports checked against the older indices."""
        ids = [a.id for a in actions if a.index == self.names.reports_write]
        if not self.enabled or not ids:
            return list(actions)
        view = self.view()
        if view is None:
            return list(actions)  # no alias yet (ensure_indices creates it); let the bulk say so
        located: dict[str, str] = {}
        if view.has_older:  # with one index, every report is in the write index already
            self.lookups += 1
            unique = list(dict.fromkeys(ids))
            response = self.es.search(
                index=self.names.reports, query={"ids": {"values": unique}}, source=False, size=len(unique)
            )
            located = {hit["_id"]: hit["_index"] for hit in response["hits"]["hits"]}
        return route(actions, self.names.reports_write, view.write_index, located)

    def view(self) -> AliasView | None:
        """The alias as seen within the last ``ALIAS_VIEW_TTL_S`` seconds."""
        if self._view is None or self.clock() - self._view_at >= ALIAS_VIEW_TTL_S:
            self._refresh_view()
        return self._view

    def maybe_rollover(self) -> bool:
        """Without ILM, roll the write alias over when a condition holds (checked every
        ``rollover_check_s``). Returns True when a new index was created."""
        if not self.enabled or self.settings.ilm:
            return False
        now = self.clock()
        if now - self._rollover_at < self.settings.rollover_check_s:
            return False
        self._rollover_at = now
        response = self.es.indices.rollover(
            alias=self.names.reports_write, conditions=rollover_conditions(self.settings)
        )
        body = dict(response.body if hasattr(response, "body") else response)
        if not body.get("rolled_over"):
            return False
        self.rollovers += 1
        log.info("reports rolled over from %s to %s", body.get("old_index"), body.get("new_index"))
        self._refresh_view()
        return True

    def _refresh_view(self) -> None:
        from elasticsearch import NotFoundError

        previous = self._view
        try:
            response = self.es.indices.get_alias(name=self.names.reports_write)
        except NotFoundError:
            self._view, self._view_at = None, self.clock()
            return
        body = dict(response.body if hasattr(response, "body") else response)
        self._view, self._view_at = parse_alias_view(body, self.names.reports_write), self.clock()
        if previous is not None and self._view is not None and previous.write_index != self._view.write_index:
            # What was written to the old write index just before the rollover must be searchable
            # before the next lookup relies on search to find it.
            self.es.indices.refresh(index=previous.write_index)
