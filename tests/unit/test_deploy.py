"""deploy/: the compose stack and the Kubernetes manifests agree with the code they run.

Pure checks with PyYAML and the project's own parsers (no Docker, no cluster, no network); the
external validators run in `make deploy-check`, and `test_deploy_check_script_passes` runs that script
with whatever tools are installed (skipping, by name, the ones that are not).
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "deploy" / "scripts" / "deploy_check.py"


def _load_check() -> ModuleType:
    spec = importlib.util.spec_from_file_location("deploy_check", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["deploy_check"] = module
    spec.loader.exec_module(module)
    return module


check = _load_check()


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load((REPO / "deploy" / "compose.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def k8s_docs() -> list[dict[str, Any]]:
    return check.render_kustomize_builtin(REPO / "deploy" / "k8s")


def _registered_commands() -> set[str]:
    from sitrep.cli import build_parser

    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


# ---- compose -------------------------------------------------------------------------------------


def test_compose_services_are_complete_and_scalable(compose: dict[str, Any]) -> None:
    assert list(check.check_compose_services(compose)) == []


def test_compose_kafka_is_kraft_and_es_has_security_on(compose: dict[str, Any]) -> None:
    services = compose["services"]
    kafka = services["kafka"]
    assert kafka["image"].startswith("apache/kafka:") and not kafka["image"].endswith(":latest")
    assert "controller" in kafka["environment"]["KAFKA_PROCESS_ROLES"]
    es = services["elasticsearch"]["environment"]
    assert es["xpack.security.enabled"] == "true" and es["xpack.security.http.ssl.enabled"] == "true"
    assert services["es-setup"]["command"][-1].endswith("es-setup.sh")


def test_env_example_lists_every_variable_and_holds_no_secret() -> None:
    text = (REPO / "deploy" / "compose.yaml").read_text(encoding="utf-8")
    example = (REPO / "deploy" / ".env.example").read_text(encoding="utf-8")
    assert list(check.check_env_file(text, example)) == []


def test_env_check_catches_a_committed_secret_and_a_missing_variable() -> None:
    problems = list(check.check_env_file("x: ${NEW_THING}", "ELASTIC_PASSWORD=hunter2\n"))
    assert any("NEW_THING" in p for p in problems)
    assert any("ELASTIC_PASSWORD" in p for p in problems)


def test_compose_check_catches_an_unscalable_worker(compose: dict[str, Any]) -> None:
    broken = yaml.safe_load(yaml.safe_dump(compose))
    broken["services"]["worker"]["container_name"] = "worker"
    broken["services"]["worker"]["ports"] = ["9108:9108"]
    del broken["services"]["sink"]["healthcheck"]
    problems = list(check.check_compose_services(broken))
    assert any("container_name" in p for p in problems)
    assert any("fixed host port" in p for p in problems)
    assert any("sink has no health check" in p for p in problems)


# ---- kubernetes ---------------------------------------------------------------------------------------


def test_k8s_workloads_have_probes_limits_pdbs_and_hpa(k8s_docs: list[dict[str, Any]]) -> None:
    assert list(check.check_k8s_workloads(k8s_docs)) == []


def test_k8s_custom_resources_hang_together(k8s_docs: list[dict[str, Any]]) -> None:
    custom = [d for d in k8s_docs if check._is_custom(d)]
    kinds = {d["kind"] for d in custom}
    assert {"Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Elasticsearch", "Kibana"} <= kinds
    assert list(check.check_custom_structure(custom)) == []


def test_every_pipeline_topic_and_its_dead_letter_topic_has_a_kafkatopic(
    k8s_docs: list[dict[str, Any]],
) -> None:
    from sitrep import topics

    declared = check.kafka_topics(k8s_docs)
    missing = set(topics.all_topics()) - set(declared)
    assert not missing, f"deploy/k8s/kafka/topics.yaml needs KafkaTopics for {sorted(missing)}"
    for name in topics.all_topics():
        assert declared[name]["partitions"] == check.expected_partitions(name, 12), name


def test_builtin_renderer_matches_kubectl_kustomize(k8s_docs: list[dict[str, Any]]) -> None:
    kubectl = shutil.which("kubectl")
    if not kubectl:
        pytest.skip("kubectl is not installed: cannot compare the built-in renderer with kustomize")
    out = subprocess.run(
        [kubectl, "kustomize", str(REPO / "deploy" / "k8s")], capture_output=True, text=True, check=True
    ).stdout
    real = [d for d in yaml.safe_load_all(out) if d]

    def key(doc: dict[str, Any]) -> tuple[str, str, str]:
        name = doc["metadata"]["name"]
        if doc["kind"] in ("ConfigMap", "Secret") and name.startswith(("sitrep-config-", "sitrep-env-")):
            name = name.rsplit("-", 1)[0]  # hash suffixes differ by design
        return doc["kind"], name, doc["metadata"].get("namespace", "")

    assert sorted(map(key, k8s_docs)) == sorted(map(key, real))
    images = {c["image"] for d in real for c in check._containers(d)}
    assert images == {c["image"] for d in k8s_docs for c in check._containers(d)}


def test_no_secret_values_are_committed(k8s_docs: list[dict[str, Any]]) -> None:
    secrets = [d["metadata"]["name"] for d in k8s_docs if d["kind"] == "Secret"]
    assert secrets == ["sitrep-es-roles"]  # privilege names only; ECK reads roles from a Secret
    kustomization = yaml.safe_load(
        (REPO / "deploy" / "k8s" / "kustomization.yaml").read_text(encoding="utf-8")
    )
    assert "secrets.example.yaml" not in kustomization["resources"]


# ---- sitrep commands, settings and config files ------------------------------------------------------


def _service_commands() -> list[Any]:
    compose = yaml.safe_load((REPO / "deploy" / "compose.yaml").read_text(encoding="utf-8"))
    docs = check.render_kustomize_builtin(REPO / "deploy" / "k8s")
    return check.compose_commands(compose) + check.k8s_commands(docs)


@pytest.mark.parametrize("command", _service_commands(), ids=lambda c: c.where)
def test_every_service_runs_a_real_sitrep_command(command: Any) -> None:
    from sitrep.cli import build_parser

    if command.argv and command.argv[0] not in _registered_commands():
        pytest.skip(f"`sitrep {command.argv[0]}` is not registered in sitrep.cli yet ({command.where})")
    verdicts = list(check.check_commands([command], build_parser))
    assert verdicts and verdicts[0][0] == "ok", verdicts


def test_every_sitrep_variable_is_a_settings_field(
    compose: dict[str, Any], k8s_docs: list[dict[str, Any]]
) -> None:
    names = check.env_names(compose, k8s_docs)
    assert "SITREP_KAFKA__SASL_PASSWORD" in names and "SITREP_ELASTICSEARCH__CA_CERTS" in names
    problems = {}
    for name in names:
        try:
            problem = check.resolve_setting(name)
        except ImportError as exc:
            pytest.skip(f"{name}: settings class not importable yet ({exc})")
        if problem and name not in check.CONTRACT_ONLY:
            problems[name] = problem
    assert problems == {}


def test_settings_name_check_catches_typos() -> None:
    assert check.resolve_setting("SITREP_KAFKA__BOOTSTRAP") is None
    assert check.resolve_setting("SITREP_KAFKA__BOOTSTRAP_SERVERS") is not None
    assert check.resolve_setting("SITREP_ELASTICSEARCH__PASSWORD") is None
    assert check.resolve_setting("SITREP_ELASTICSERACH__URL") is not None


def test_production_settings_load_from_the_k8s_environment(
    k8s_docs: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitrep.settings import Settings

    env = next(
        d for d in k8s_docs if d["kind"] == "ConfigMap" and d["metadata"]["name"].startswith("sitrep-env")
    )
    for key, value in env["data"].items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("SITREP_KAFKA__SASL_PASSWORD", "not-a-real-password")
    settings = Settings()
    assert settings.profile == "production"
    kafka = settings.kafka.kafka_python_config()
    assert kafka["security_protocol"] == "SASL_SSL" and kafka["sasl_mechanism"] == "SCRAM-SHA-512"
    assert kafka["ssl_cafile"] == "/etc/sitrep/kafka-ca/ca.crt"
    assert settings.kafka.replication_factor == 3 and settings.elasticsearch.replicas == 1
    assert "not-a-real-password" not in str(settings.masked())


def test_feeds_and_rules_config_parse() -> None:
    report = check.Report()
    check.check_config_files(report)
    assert not report.failed, report.lines


# ---- the whole script ------------------------------------------------------------------------------


def test_deploy_check_script_passes() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--no-install"], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "deploy-check:" in result.stdout


# ---- the image ----------------------------------------------------------------------------------------


def test_dockerfile_is_multi_stage_pinned_non_root_and_copies_what_exists() -> None:
    dockerfile = (REPO / "Dockerfile").read_text(encoding="utf-8")
    dockerignore = (REPO / ".dockerignore").read_text(encoding="utf-8")
    assert list(check.check_dockerfile(dockerfile, dockerignore, REPO)) == []


def test_dockerfile_check_catches_root_unpinned_and_ignored_sources() -> None:
    bad = "FROM python:latest\nCOPY sitrep ./sitrep\nCOPY docs ./docs\nUSER root\n"
    problems = list(check.check_dockerfile(bad, "*\n!sitrep/\n", REPO))
    assert any("multi-stage" in p for p in problems)
    assert any("not pinned" in p for p in problems)
    assert any("non-root" in p for p in problems)
    assert any("COPY docs" in p for p in problems)
