"""Kibana saved objects: read and check ``deploy/kibana/*.ndjson``, load them through the saved
objects import API (``POST /api/saved_objects/_import?overwrite=true``).

Objects have fixed ids, so loading twice overwrites instead of duplicating (idempotent). Checking is
pure (``check_saved_objects``); only ``load_saved_objects`` talks HTTP.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sinks.errors import KibanaError

# Attributes that hold JSON in a string, and the reference names they may point at.
_JSON_ATTRIBUTES = ("visState", "panelsJSON", "layerListJSON", "mapStateJSON", "uiStateJSON", "optionsJSON")


@dataclass(frozen=True)
class SavedObject:
    type: str
    id: str
    body: dict[str, Any]
    source: str  # "file:line", for messages


@dataclass
class LoadResult:
    files: list[str] = field(default_factory=list)
    objects: int = 0
    success_count: int = 0


def default_directory() -> Path:
    """``./deploy/kibana`` (where containers mount it), else the one beside this checkout."""
    here = Path.cwd() / "deploy" / "kibana"
    if here.is_dir():
        return here
    return Path(__file__).resolve().parent.parent / "deploy" / "kibana"


def read_saved_objects(paths: Iterable[Path]) -> list[SavedObject]:
    """Parse ndjson files (one saved object per line); :class:`KibanaError` names the bad line."""
    objects: list[SavedObject] = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                body = json.loads(line)
            except json.JSONDecodeError as exc:
                raise KibanaError(f"{where}: not JSON: {exc}") from None
            if not isinstance(body, dict) or not body.get("type") or not body.get("id"):
                raise KibanaError(f"{where}: a saved object needs 'type' and 'id'")
            objects.append(SavedObject(str(body["type"]), str(body["id"]), body, where))
    return objects


def check_saved_objects(objects: Sequence[SavedObject]) -> list[str]:
    """Problems found, one line each (empty when all is well).

    Checks: ids are unique per type; JSON-in-string attributes parse; every reference points at an
    object in the set (or a data view the set defines); every ``panelRefName``, ``indexRefName`` and
    ``indexPatternRefName`` used inside an object is one of its references.
    """
    problems: list[str] = []
    known: set[tuple[str, str]] = set()
    for obj in objects:
        if (obj.type, obj.id) in known:
            problems.append(f"{obj.source}: duplicate {obj.type} id {obj.id!r}")
        known.add((obj.type, obj.id))
    for obj in objects:
        references = obj.body.get("references", [])
        ref_names = {ref.get("name") for ref in references}
        for ref in references:
            if (ref.get("type"), ref.get("id")) not in known:
                problems.append(f"{obj.source}: {obj.type} {obj.id!r} references a missing "
                                f"{ref.get('type')} {ref.get('id')!r}")
        attributes = obj.body.get("attributes", {})
        embedded: list[Any] = []
        for name in _JSON_ATTRIBUTES:
            if name in attributes:
                embedded.append(_parse(attributes[name], f"{obj.source}: attributes.{name}", problems))
        meta = attributes.get("kibanaSavedObjectMeta", {})
        if "searchSourceJSON" in meta:
            embedded.append(_parse(meta["searchSourceJSON"], f"{obj.source}: searchSourceJSON", problems))
        for used in _ref_names(embedded):
            # Dashboards (8.x) name panel references "<panelIndex>:<panelRefName>".
            if used not in ref_names and not any(str(n).endswith(f":{used}") for n in ref_names):
                problems.append(
                    f"{obj.source}: {obj.type} {obj.id!r} uses reference {used!r} it does not declare"
                )
    return problems


def retarget(
    objects: Sequence[SavedObject], prefix: str, default_prefix: str = "sitrep"
) -> list[SavedObject]:
    """Point data views at ``<prefix>-*`` aliases when the indices use another prefix than the files."""
    if prefix == default_prefix:
        return list(objects)
    result: list[SavedObject] = []
    for obj in objects:
        body = obj.body
        title = str(body.get("attributes", {}).get("title", ""))
        if obj.type == "index-pattern" and title.startswith(f"{default_prefix}-"):
            new_title = prefix + title[len(default_prefix):]
            body = {**body, "attributes": {**body["attributes"], "title": new_title}}
        result.append(SavedObject(obj.type, obj.id, body, obj.source))
    return result


def to_ndjson(objects: Sequence[SavedObject]) -> bytes:
    return "".join(json.dumps(o.body, ensure_ascii=False) + "\n" for o in objects).encode("utf-8")


def load_saved_objects(
    url: str,
    objects: Sequence[SavedObject],
    *,
    client: Any = None,
    space: str | None = None,
    auth: tuple[str, str] | None = None,
    api_key: str | None = None,
    verify: bool | str = True,
    timeout_s: float = 30.0,
) -> int:
    """Import ``objects`` (overwriting same ids). Returns Kibana's success count."""
    import httpx

    problems = check_saved_objects(objects)
    if problems:
        raise KibanaError(f"refusing to load broken saved objects: {problems[0]} (+{len(problems) - 1} more)")
    base = url.rstrip("/") + (f"/s/{space}" if space else "")
    headers = {"kbn-xsrf": "sitrep"}
    if api_key:
        headers["Authorization"] = f"ApiKey {api_key}"
    own = client is None
    http = client or httpx.Client(timeout=timeout_s, verify=verify, auth=auth)
    try:
        response = http.post(
            f"{base}/api/saved_objects/_import",
            params={"overwrite": "true"},
            headers=headers,
            files={"file": ("sitrep.ndjson", to_ndjson(objects), "application/ndjson")},
        )
    except httpx.HTTPError as exc:
        raise KibanaError(f"Kibana at {url} did not answer: {exc}") from exc
    finally:
        if own:
            http.close()
    if response.status_code != 200:
        raise KibanaError(f"Kibana refused the import: HTTP {response.status_code}: {response.text[:300]}")
    body = response.json()
    if not body.get("success", False):
        errors = body.get("errors") or []
        first = errors[0] if errors else {}
        raise KibanaError(
            f"Kibana imported {body.get('successCount', 0)} of {len(objects)} objects; first error: "
            f"{first.get('type')} {first.get('id')}: {json.dumps(first.get('error', {}))[:300]}"
        )
    return int(body.get("successCount", len(objects)))


def _parse(text: Any, where: str, problems: list[str]) -> Any:
    if not isinstance(text, str):
        problems.append(f"{where}: should be a JSON string")
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        problems.append(f"{where}: not JSON: {exc}")
        return None


def _ref_names(value: Any) -> set[str]:
    """Every value of a key ending in 'RefName' anywhere in ``value``."""
    names: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if key.endswith("RefName") and isinstance(item, str):
                names.add(item)
            else:
                names |= _ref_names(item)
    elif isinstance(value, list):
        for item in value:
            names |= _ref_names(item)
    return names
