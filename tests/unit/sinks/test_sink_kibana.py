"""deploy/kibana/*.ndjson are valid and self-consistent; `sitrep kibana load` imports them idempotently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from sinks.errors import KibanaError
from sinks.kibana import SavedObject, check_saved_objects, load_saved_objects, read_saved_objects, retarget
from sitrep.cli import main

KIBANA_DIR = Path(__file__).resolve().parents[3] / "deploy" / "kibana"


@pytest.fixture(scope="module")
def objects() -> list[SavedObject]:
    return read_saved_objects(sorted(KIBANA_DIR.glob("*.ndjson")))


def test_every_line_parses_and_every_reference_resolves(objects: list[SavedObject]) -> None:
    for path in KIBANA_DIR.glob("*.ndjson"):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert isinstance(json.loads(line), dict)
    assert check_saved_objects(objects) == []


def test_the_dashboard_has_what_the_issue_asks_for(objects: list[SavedObject]) -> None:
    by_id = {o.id: o for o in objects}
    data_views = {o.body["attributes"]["title"] for o in objects if o.type == "index-pattern"}
    assert data_views == {"sitrep-reports", "sitrep-events", "sitrep-alerts"}
    (dashboard,) = [o for o in objects if o.type == "dashboard"]
    panels = {ref["id"] for ref in dashboard.body["references"]}
    assert {
        "sitrep-map-events",
        "sitrep-vis-timeline-by-type",
        "sitrep-vis-top-actors",
        "sitrep-search-latest-reports",
        "sitrep-search-alerts",
    } <= panels
    layers = json.loads(by_id["sitrep-map-events"].body["attributes"]["layerListJSON"])
    style = next(layer for layer in layers if layer["type"] == "GEOJSON_VECTOR")["style"]["properties"]
    assert style["fillColor"]["options"]["field"]["name"] == "sub_event_type"
    assert style["iconSize"]["options"]["field"]["name"] == "fatalities"
    clashes = by_id["sitrep-search-clashes-deir-ez-zor-24h"].body["attributes"]
    source = json.loads(clashes["kibanaSavedObjectMeta"]["searchSourceJSON"])
    assert "Armed clash" in source["query"]["query"] and "Deir ez-Zor" in source["query"]["query"]
    assert clashes["timeRange"] == {"from": "now-24h", "to": "now"}


def test_fields_used_by_saved_objects_exist_in_the_mappings(objects: list[SavedObject]) -> None:
    from sinks.indices import ALERT_MAPPINGS, EVENT_MAPPINGS, REPORT_MAPPINGS

    def fields(mapping: dict, prefix: str = "") -> set[str]:
        names: set[str] = set()
        for name, spec in mapping.get("properties", {}).items():
            names.add(prefix + name)
            names |= fields(spec, f"{prefix}{name}.")
        return names

    mapped = {
        "sitrep-events": fields(EVENT_MAPPINGS),
        "sitrep-reports": fields(REPORT_MAPPINGS),
        "sitrep-alerts": fields(ALERT_MAPPINGS),
    }
    for obj in objects:
        if obj.type == "search":
            (ref,) = obj.body["references"]
            assert set(obj.body["attributes"]["columns"]) <= mapped[ref["id"]], obj.id


def test_broken_references_are_reported() -> None:
    broken = SavedObject(
        "search",
        "s",
        {
            "type": "search",
            "id": "s",
            "attributes": {"kibanaSavedObjectMeta": {"searchSourceJSON": '{"indexRefName": "idx"}'}},
            "references": [{"name": "other", "type": "index-pattern", "id": "missing"}],
        },
        "x.ndjson:1",
    )
    problems = check_saved_objects([broken, broken])
    assert any("duplicate" in p for p in problems)
    assert any("missing index-pattern 'missing'" in p for p in problems)
    assert any("uses reference 'idx'" in p for p in problems)


def test_bad_json_line_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "a.ndjson").write_text('{"type": "search", "id": "a"}\n{oops\n')
    with pytest.raises(KibanaError, match=r"a.ndjson:2: not JSON"):
        read_saved_objects([tmp_path / "a.ndjson"])


def test_retarget_changes_only_data_view_titles(objects: list[SavedObject]) -> None:
    moved = retarget(objects, "prod")
    titles = {o.body["attributes"]["title"] for o in moved if o.type == "index-pattern"}
    assert titles == {"prod-reports", "prod-events", "prod-alerts"}
    assert [o.id for o in moved] == [o.id for o in objects]


def kibana_import(received: list[Request]) -> object:
    def handler(request: Request) -> Response:
        received.append(request)
        if request.headers.get("kbn-xsrf") is None:
            return Response('{"statusCode": 400}', status=400)
        lines = request.files["file"].read().decode().splitlines()
        body = {"success": True, "successCount": len(lines), "successResults": []}
        return Response(json.dumps(body), content_type="application/json")

    return handler


def test_load_imports_with_overwrite_and_is_repeatable(
    httpserver: HTTPServer, objects: list[SavedObject]
) -> None:
    received: list[Request] = []
    httpserver.expect_request("/api/saved_objects/_import", method="POST").respond_with_handler(
        kibana_import(received)
    )
    first = load_saved_objects(httpserver.url_for("/"), objects, auth=("u", "p"))
    second = load_saved_objects(httpserver.url_for("/"), objects, auth=("u", "p"))
    assert first == second == len(objects)
    assert [r.args.get("overwrite") for r in received] == ["true", "true"]
    assert received[0].authorization is not None and received[0].authorization.username == "u"


def test_load_reports_kibana_errors_in_one_line(httpserver: HTTPServer, objects: list[SavedObject]) -> None:
    httpserver.expect_request("/s/ops/api/saved_objects/_import", method="POST").respond_with_json(
        {
            "success": False,
            "successCount": 12,
            "errors": [{"type": "map", "id": "sitrep-map-events", "error": {"type": "unsupported_type"}}],
        }
    )
    with pytest.raises(KibanaError, match="imported 12 of 13 objects; first error: map sitrep-map-events"):
        load_saved_objects(httpserver.url_for("/"), objects, space="ops")


def test_load_refuses_when_kibana_is_down() -> None:
    with pytest.raises(KibanaError, match="did not answer"):
        load_saved_objects("http://127.0.0.1:9", read_saved_objects(sorted(KIBANA_DIR.glob("*.ndjson"))))


def test_cli_load_and_check(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITREP_ELASTICSEARCH__INDEX_PREFIX", "sitrep")
    received: list[Request] = []
    httpserver.expect_request("/api/saved_objects/_import", method="POST").respond_with_handler(
        kibana_import(received)
    )
    assert main(["kibana", "load", "--url", httpserver.url_for("/"), "--dir", str(KIBANA_DIR)]) == 0
    assert "13 saved objects loaded" in capsys.readouterr().err
    assert main(["kibana", "check", "--dir", str(KIBANA_DIR)]) == 0
    assert main(["kibana", "load", "--url", "http://127.0.0.1:9", "--dir", str(KIBANA_DIR)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("sitrep: error: Kibana at http://127.0.0.1:9 did not answer")
