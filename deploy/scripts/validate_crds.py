"""Validate custom resources against CRD JSON schemas found in a directory (run by deploy_check.py).

    python validate_crds.py SCHEMA_DIR RESOURCES.json

A resource of kind K and apiVersion G/V is checked against the first of `<k>_<v>.json`,
`<g>/<k>_<v>.json` (the layout of the common CRD schema catalogs) found under SCHEMA_DIR; a schema
taken from a CRD (`spec.versions[].schema.openAPIV3Schema`) works as it is. Prints one line per kind:
"ok: ...", "FAIL: ..." or "skipped: ..." (no schema for it). Exit status 1 when any resource failed.
Needs jsonschema (installed with kubernetes-validate in .venv/deploy-tools).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema


def schema_for(schema_dir: Path, api_version: str, kind: str) -> Path | None:
    group, _, version = api_version.rpartition("/")
    name = f"{kind.lower()}_{version}.json"
    for candidate in (schema_dir / name, schema_dir / group / name):
        if candidate.exists():
            return candidate
    return None


def main(schema_dir: str, resources: str) -> int:
    failed = False
    by_kind: dict[tuple[str, str], list[dict]] = {}
    for doc in json.loads(Path(resources).read_text(encoding="utf-8")):
        by_kind.setdefault((doc["apiVersion"], doc["kind"]), []).append(doc)
    for (api_version, kind), docs in sorted(by_kind.items()):
        path = schema_for(Path(schema_dir), api_version, kind)
        if path is None:
            print(f"skipped: {kind} ({api_version}): no schema {kind.lower()}_*.json in {schema_dir}")
            continue
        validator = jsonschema.Draft7Validator(json.loads(path.read_text(encoding="utf-8")))
        errors = [(doc["metadata"]["name"], e) for doc in docs for e in validator.iter_errors(doc)]
        for name, error in errors:
            failed = True
            where = ".".join(str(p) for p in error.absolute_path)
            print(f"FAIL: {kind} {name}: {where}: {error.message}")
        if not errors:
            print(f"ok: {len(docs)} {kind} resources match {path.name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
