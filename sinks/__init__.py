"""sinks: the last stage — Elasticsearch indexing, search and Kibana objects.

Modules, one per step:

- ``indices``: names (``<prefix>-reports`` alias over monthly ``<prefix>-reports-YYYY.MM``,
  ``<prefix>-events`` → ``<prefix>-events-v1``, ``<prefix>-alerts`` → ``<prefix>-alerts-v1``),
  analysis profiles, strict mappings, composable templates; ``ensure_indices(es, settings)``.
- ``documents`` (pure): wire record → document and bulk action (``_id`` = report/event/alert id,
  external version = revision); ``to_bulk_actions(records, names)``; ``decode_record``.
- ``bulk`` (pure): per-item classification, ``backoff_delay(attempt, base, cap, rng)``.
- ``elasticsearch``: ``BulkWriter`` (retries) and ``ElasticsearchSink`` (the consumer loop).
- ``search``: ``search(es, settings, query, type=, actor=, near=, since=, size=)`` and ``count``.
- ``kibana``: read, check and load ``deploy/kibana/*.ndjson``.
- ``settings``: ``SinkSettings`` (``SITREP_SINK__*``); ``errors``: the error tree.
"""
