"""Full text of an article page, when a feed entry carries only a summary.

The page is fetched by the same ``Fetcher`` (same caps, timeouts, politeness, address checks) and
its main text extracted with trafilatura. Any failure gives None: the caller keeps the summary.
"""

from __future__ import annotations

import asyncio
import logging

from ingest.errors import FetchError
from ingest.fetcher import PAGE_ACCEPT, Fetcher

log = logging.getLogger(__name__)


def extract_main_text(page: bytes, url: str) -> str | None:
    """Main text of an HTML page (no menus, ads, comments), or None when nothing was found."""
    import trafilatura

    try:
        text = trafilatura.extract(
            page,
            url=url,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            deduplicate=True,
        )
    except Exception as exc:  # trafilatura on hostile HTML: never let it stop a poll
        log.debug("full-text extraction failed for %s: %s", url, exc)
        return None
    return text.strip() if text and text.strip() else None


async def fetch_full_text(fetcher: Fetcher, url: str) -> str | None:
    """Fetch ``url`` and extract its main text; None on any fetch or extraction problem."""
    try:
        result = await fetcher.fetch(url, accept=PAGE_ACCEPT)
    except FetchError as exc:
        log.info("full text of %s not fetched (%s); keeping the summary", url, exc)
        return None
    if not result.body:
        return None
    return await asyncio.to_thread(extract_main_text, result.body, result.url)
