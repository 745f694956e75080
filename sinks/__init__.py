"""sinks: the last stage — Elasticsearch indexing, search and Kibana objects.

Modules, one per step:

- ``indices``: names (``<prefix>-reports`` read alias over ``<prefix>-reports-NNNNNN`` behind the
  write alias ``<prefix>-reports-write``, or monthly ``<prefix>-reports-YYYY.MM``,
  ``<prefix>-events`` → ``<prefix>-events-v1``, ``<prefix>-alerts`` → ``<prefix>-alerts-v1``),
  analysis profiles, strict mappings, composable templates; ``ensure_indices(es, settings)``.
- ``rollover``: ``ReportRouter`` sends a revised or replayed report back to the index holding it and
  rolls the write alias over where no ILM does.
- ``documents`` (pure): wire record → document and bulk action (``_id`` = report/event/alert id,
  external version = revision); ``to_bulk_actions(records, names)``; ``decode_record``.
- ``bulk`` (pure): per-item classification, ``backoff_delay(attempt, base, cap, rng)``.
- ``elasticsearch``: ``BulkWriter`` (retries) and ``ElasticsearchSink`` (the consumer loop).
- ``search``: ``search(es, settings, query, type=, actor=, near=, since=, size=)`` and ``count``.
- ``kibana``: read, check and load ``deploy/kibana/*.ndjson``.
- ``settings``: ``SinkSettings`` (``SITREP_SINK__*``); ``errors``: the error tree.
"""
