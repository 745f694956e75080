"""ingest: feeds → ``reports.raw``. The first stage of the pipeline.

One file per step (after miniflux's reader/worker split); decisions are pure functions, I/O is thin:

    registry.py   feeds.toml (documented there), OPML import/export          load_registry(path)
    settings.py   PollerSettings (SITREP_POLLER__*)                           load_poller_settings()
    netguard.py   which addresses we may connect to (SSRF guard at connect time)
    fetcher.py    async httpx: conditional GET, caps, gzip/brotli, redirects, politeness
    response.py   what a response says about scheduling (pure)                ResponseMeta
    parser.py     bytes → ParsedFeed (pure, feedparser, no entity expansion)  parse_feed(body, headers, url)
    processor.py  entries → Reports (pure)                                    entries_to_reports(...)
    fulltext.py   article page → main text (trafilatura), else the summary
    scheduler.py  next poll time (pure)                         next_poll_at(state, meta, settings, now, rng)
    store.py      SQLite seen-store and feed state
    publisher.py  Kafka sink: keyed by report_id, delivery confirmed before "seen"
    handler.py    one poll of one feed, start to end                          FeedPoller.poll(feed)
    service.py    the poll loop and the entry points                          run_pollers(...), poll_once(...)
    sharding.py   several instances share the registry via the feeds topic    run_sharded_pollers(...)
    websub.py     WebSub subscriber (hubs push new entries)
    check.py      `sitrep feeds check`                                        check_feeds(urls, settings)
    errors.py     the error tree (one clear per-feed error each)
"""
