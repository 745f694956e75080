"""Validate deploy/ offline: the compose file, the Kubernetes manifests and the sitrep commands they run.

    .venv/bin/python deploy/scripts/deploy_check.py            # what `make deploy-check` runs
    .venv/bin/python deploy/scripts/deploy_check.py --no-install   # use only tools already present

Checks, each printed as one line starting with "ok:", "FAIL:" or "skipped:" (with the reason):

1. compose: `docker-compose config` (Debian's v1, or `docker compose` v2) renders deploy/compose.yaml
   with throw-away secrets, rejecting unknown keys; then the rendered services are checked for
   health checks, restart policies, resource limits, and a scalable `worker` (no fixed name or port).
2. kubernetes: `kubectl kustomize deploy/k8s` renders (falls back to a small built-in renderer of the
   kustomize features this repo uses), `kubernetes-validate --strict` validates every built-in kind;
   custom resources (Strimzi, ECK) are checked against their JSON schemas when SITREP_CRD_SCHEMA_DIR
   points at them (files named `<kind>_<version>.json`, lower case, as `kubectl get crd -o json` or the
   usual CRD schema catalogs give), otherwise skipped by name - plus structural checks that need no
   schema (cluster labels, one KafkaTopic per pipeline topic, operator-made Secrets named right).
3. sitrep: every command the deployments run parses with `sitrep.cli.build_parser()` (a command not
   registered yet is skipped by name); every SITREP_* variable they set is a real settings field;
   feeds.toml and rules.yaml parse with the project's own parsers; no secret value is committed.

Tools are installed when missing: kubernetes-validate into .venv/deploy-tools (pip), docker-compose
with apt-get when running as root. Exit status 1 when any check failed, else 0.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
COMPOSE_FILE = DEPLOY / "compose.yaml"
ENV_EXAMPLE = DEPLOY / ".env.example"
K8S = DEPLOY / "k8s"
TOOLS_VENV = REPO / ".venv" / "deploy-tools"

# The sitrep services and the compose/k8s names they run under.
LONG_RUNNING = ("poller", "worker", "sink")
ONE_SHOT = ("init", "kibana-load")
# Built-in kinds kubernetes-validate knows; anything else is a custom resource.
CRD_GROUPS = ("kafka.strimzi.io", "elasticsearch.k8s.elastic.co", "kibana.k8s.elastic.co")
# Settings classes by environment prefix (module, class). SITREP_ alone is sitrep.settings.Settings.
SETTINGS_BY_PREFIX = {
    "SITREP_POLLER__": ("ingest.settings", "PollerSettings"),
    "SITREP_SINK__": ("sinks.settings", "SinkSettings"),
    "SITREP_ALERTS__": ("processors.alerts.settings", "AlertsSettings"),
    "SITREP_": ("sitrep.settings", "Settings"),
}
# Variables the service contract names but no settings class reads yet (reported, not failed).
# Variables the manifests may set before a settings field exists for them (none at present).
CONTRACT_ONLY: dict[str, str] = {}
SECRET_NAME = re.compile(r"(PASSWORD|API_KEY|SECRET|TOKEN|WEBHOOK_URL)$")


@dataclass
class Report:
    """What the checks found: one line each, and whether any failed."""

    lines: list[str] = field(default_factory=list)
    failed: bool = False

    def ok(self, message: str) -> None:
        self._say("ok", message)

    def fail(self, message: str) -> None:
        self.failed = True
        self._say("FAIL", message)

    def skip(self, message: str) -> None:
        self._say("skipped", message)

    def _say(self, tag: str, message: str) -> None:
        line = f"{tag}: {message}"
        self.lines.append(line)
        print(line, flush=True)


# ---- tools ------------------------------------------------------------------------------------------


def run(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, check=False, **kwargs)


def ensure_kubernetes_validate(install: bool) -> Path | None:
    exe = TOOLS_VENV / "bin" / "kubernetes-validate"
    if exe.exists() or not install:
        return exe if exe.exists() else None
    if not (TOOLS_VENV / "bin" / "python").exists():
        made = run([sys.executable, "-m", "venv", str(TOOLS_VENV)])
        if made.returncode != 0:
            return None
    pip = run([str(TOOLS_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "kubernetes-validate"])
    return exe if pip.returncode == 0 and exe.exists() else None


def compose_command(install: bool) -> list[str] | None:
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    if shutil.which("docker") and run(["docker", "compose", "version"]).returncode == 0:
        return ["docker", "compose"]
    if install and shutil.which("apt-get") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        got = run(["apt-get", "install", "-y", "-qq", "docker-compose"], env=env)
        if got.returncode != 0:
            run(["apt-get", "update", "-qq"], env=env)
            got = run(["apt-get", "install", "-y", "-qq", "docker-compose"], env=env)
        if got.returncode == 0 and shutil.which("docker-compose"):
            return ["docker-compose"]
    return None


# ---- compose ------------------------------------------------------------------------------------------


def check_env_file(compose_text: str, env_example: str) -> Iterator[str]:
    """Problems with .env.example: every ${VAR} the compose file uses is listed, and no secret has a value."""
    used = set(re.findall(r"\$\{([A-Z0-9_]+)", compose_text))
    listed: dict[str, str] = {}
    for line in env_example.splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            listed[key.strip()] = value.strip()
    for name in sorted(used - set(listed)):
        yield f"deploy/.env.example does not list {name}, which compose.yaml uses"
    for key, value in listed.items():
        if (SECRET_NAME.search(key) or key.endswith("ENCRYPTION_KEY")) and value:
            yield f"deploy/.env.example gives {key} a value; secrets must be left empty there"


def throwaway_env(env_example: str) -> str:
    """.env.example with every empty value filled, so `config` can interpolate the required ones."""
    lines = []
    for line in env_example.splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            if not value.strip():
                value = "deploycheck" + "0" * 32
            line = f"{key}={value}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def check_compose_services(config: dict[str, Any]) -> Iterator[str]:
    """Problems with a rendered (or raw) compose document."""
    services = config.get("services") or {}
    for name in (*LONG_RUNNING, *ONE_SHOT):
        if name not in services:
            yield f"compose: service {name!r} is missing"
    for name in LONG_RUNNING:
        svc = services.get(name) or {}
        if not svc.get("healthcheck") or svc["healthcheck"].get("disable"):
            yield f"compose: {name} has no health check"
        if svc.get("restart") not in ("always", "unless-stopped", "on-failure"):
            yield f"compose: {name} has no restart policy"
        if not ((svc.get("deploy") or {}).get("resources") or {}).get("limits"):
            yield f"compose: {name} has no resource limits"
    for name, svc in services.items():
        if svc.get("image", "").endswith(":latest"):
            yield f"compose: {name} uses a :latest image; pin a tag"
    worker = services.get("worker") or {}
    if "container_name" in worker:
        yield "compose: worker has container_name, so `--scale worker=4` cannot work"
    for port in worker.get("ports") or []:
        text = port if isinstance(port, str) else str(port.get("published", ""))
        if re.search(r"\d+:\d+", text) or (isinstance(port, dict) and port.get("published")):
            yield f"compose: worker publishes a fixed host port ({text}), so it cannot scale"
    for name, svc in services.items():
        env = svc.get("environment") or {}
        items = env.items() if isinstance(env, dict) else (e.partition("=")[::2] for e in env)
        for key, value in items:
            if (
                SECRET_NAME.search(key)
                and value
                and "${" not in str(value)
                and "deploycheck" not in str(value)
            ):
                yield f"compose: {name} sets {key} to a literal value; take it from deploy/.env"


def check_compose(report: Report, install: bool) -> dict[str, Any] | None:
    text = COMPOSE_FILE.read_text(encoding="utf-8")
    example = ENV_EXAMPLE.read_text(encoding="utf-8")
    problems = list(check_env_file(text, example))
    cmd = compose_command(install)
    rendered: dict[str, Any] | None = None
    if cmd is None:
        report.skip(
            "docker-compose config: neither docker-compose nor `docker compose` is installed "
            "(apt-get install docker-compose); checked the raw file with PyYAML instead"
        )
        rendered = yaml.safe_load(text)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            env_file = Path(tmp) / "check.env"
            env_file.write_text(throwaway_env(example), encoding="utf-8")
            result = run([*cmd, "--env-file", str(env_file), "-f", str(COMPOSE_FILE), "config"])
        if result.returncode != 0:
            report.fail(
                f"{' '.join(cmd)} config rejected deploy/compose.yaml: "
                f"{(result.stderr or result.stdout).strip()}"
            )
            return None
        rendered = yaml.safe_load(result.stdout)
        report.ok(
            f"{' '.join(cmd)} config accepts deploy/compose.yaml "
            f"({len(rendered.get('services', {}))} services)"
        )
    problems += check_compose_services(rendered or {})
    for problem in problems:
        report.fail(problem)
    if not problems:
        report.ok("compose: health checks, restart policies, limits, scalable worker, secrets from .env")
    return rendered


# ---- Dockerfile ----------------------------------------------------------------------------------------


def check_dockerfile(dockerfile: str, dockerignore: str, repo: Path) -> Iterator[str]:
    """Problems with the Dockerfile: multi-stage, pinned base, non-root, and every COPY source present
    in the repository and let through by .dockerignore (which allow-lists with `*` then `!path`)."""
    lines = [ln.strip() for ln in dockerfile.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    args = dict(re.findall(r"^ARG\s+([A-Z_]+)=(\S+)", dockerfile, re.M))
    froms = [ln.split()[1] for ln in lines if ln.upper().startswith("FROM ")]
    if len(froms) < 2:
        yield "Dockerfile: not multi-stage (one FROM)"
    for image in froms:
        image = re.sub(r"\$\{(\w+)\}", lambda m: args.get(m.group(1), m.group(0)), image)
        if image.endswith(":latest") or (":" not in image.split("/")[-1] and "@" not in image):
            yield f"Dockerfile: base image {image} is not pinned to a tag or digest"
        if image.startswith("python:") and not image.startswith("python:3.11"):
            yield f"Dockerfile: base image {image} is not Python 3.11"
    users = [ln.split()[1] for ln in lines if ln.upper().startswith("USER ")]
    if not users or users[-1].split(":")[0] in ("root", "0"):
        yield "Dockerfile: the final stage does not switch to a non-root USER"
    allowed = [ln[1:].strip().rstrip("/") for ln in dockerignore.splitlines() if ln.startswith("!")]
    ignores_all = any(ln.strip() == "*" for ln in dockerignore.splitlines())
    for line in lines:
        if not line.upper().startswith("COPY ") or "--from=" in line:
            continue
        sources = line.split()[1:-1]
        for source in (s for s in sources if not s.startswith("--")):
            if not (repo / source).exists():
                yield f"Dockerfile: COPY {source}: no such file in the repository"
            elif ignores_all and not any(_within(source, a) for a in allowed):
                yield f"Dockerfile: COPY {source} is excluded by .dockerignore (add !{source})"


def _within(path: str, allowed: str) -> bool:
    return path.rstrip("/") == allowed or path.startswith(f"{allowed}/")


def check_image(report: Report) -> None:
    dockerfile = (REPO / "Dockerfile").read_text(encoding="utf-8")
    dockerignore = (REPO / ".dockerignore").read_text(encoding="utf-8")
    problems = list(check_dockerfile(dockerfile, dockerignore, REPO))
    for problem in problems:
        report.fail(problem)
    if not problems:
        report.ok("Dockerfile: multi-stage, pinned python:3.11 base, non-root, COPY sources in the context")


# ---- kustomize --------------------------------------------------------------------------------------


def _suffix(kind: str, data: dict[str, Any]) -> str:
    """A content hash suffix like kustomize's (not byte-identical to it; stable and content-derived)."""
    digest = hashlib.sha256(json.dumps({"kind": kind, "data": data}, sort_keys=True).encode()).hexdigest()
    return "-" + digest[:10]


def render_kustomize_builtin(root: Path) -> list[dict[str, Any]]:
    """The kustomize features deploy/k8s uses: resources, namespace, labels, images, config map and
    secret generators (files and literals, hashed names and the references to them)."""
    kust = yaml.safe_load((root / "kustomization.yaml").read_text(encoding="utf-8"))
    docs: list[dict[str, Any]] = []
    for resource in kust.get("resources", []):
        path = root / resource
        if path.is_dir():
            docs += render_kustomize_builtin(path)
        else:
            docs += [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]
    renamed: dict[tuple[str, str], str] = {}

    def generated(kind: str, spec: dict[str, Any]) -> dict[str, Any]:
        data: dict[str, str] = {}
        for entry in spec.get("files", []):
            key, _, rel = entry.rpartition("=") if "=" in entry else (Path(entry).name, "", entry)
            data[key or Path(rel).name] = (root / rel).read_text(encoding="utf-8")
        for literal in spec.get("literals", []):
            key, _, value = literal.partition("=")
            data[key] = value
        name = spec["name"]
        if not (spec.get("options") or {}).get("disableNameSuffixHash"):
            renamed[(kind, name)] = name + _suffix(kind, data)
            name = renamed[(kind, name)]
        doc: dict[str, Any] = {"apiVersion": "v1", "kind": kind, "metadata": {"name": name}}
        if kind == "Secret":
            doc["type"] = spec.get("type", "Opaque")
            doc["data"] = {k: base64.b64encode(v.encode()).decode() for k, v in data.items()}
        else:
            doc["data"] = data
        return doc

    docs += [generated("ConfigMap", s) for s in kust.get("configMapGenerator", [])]
    docs += [generated("Secret", s) for s in kust.get("secretGenerator", [])]
    images = {i["name"]: i for i in kust.get("images", [])}
    labels: dict[str, str] = {}
    for entry in kust.get("labels", []):
        labels.update(entry.get("pairs", {}))
    for doc in docs:
        meta = doc.setdefault("metadata", {})
        if kust.get("namespace") and doc["kind"] != "Namespace":
            meta["namespace"] = kust["namespace"]
        meta.setdefault("labels", {}).update(labels)
        for container in _containers(doc):
            image = images.get(container.get("image", "").split(":")[0])
            if image:
                container["image"] = f"{image.get('newName', image['name'])}:{image.get('newTag', 'latest')}"
            for source in container.get("envFrom", []):
                ref = source.get("configMapRef") or source.get("secretRef") or {}
                kind = "ConfigMap" if "configMapRef" in source else "Secret"
                ref["name"] = renamed.get((kind, ref.get("name", "")), ref.get("name"))
        for volume in _pod_spec(doc).get("volumes", []):
            if "configMap" in volume:
                volume["configMap"]["name"] = renamed.get(
                    ("ConfigMap", volume["configMap"]["name"]), volume["configMap"]["name"]
                )
    return docs


def _pod_spec(doc: dict[str, Any]) -> dict[str, Any]:
    spec = doc.get("spec") or {}
    template = spec.get("template") or {}
    return (
        template.get("spec") or {}
        if doc.get("kind") in ("Deployment", "Job", "StatefulSet", "DaemonSet")
        else {}
    )


def _containers(doc: dict[str, Any]) -> list[dict[str, Any]]:
    pod = _pod_spec(doc)
    return [*pod.get("initContainers", []), *pod.get("containers", [])]


def render_k8s(report: Report) -> list[dict[str, Any]] | None:
    kubectl = shutil.which("kubectl")
    if kubectl:
        result = run([kubectl, "kustomize", str(K8S)])
        if result.returncode != 0:
            report.fail(f"kubectl kustomize deploy/k8s: {result.stderr.strip()}")
            return None
        docs = [d for d in yaml.safe_load_all(result.stdout) if d]
        report.ok(f"kubectl kustomize deploy/k8s renders {len(docs)} resources")
        return docs
    try:
        docs = render_kustomize_builtin(K8S)
    except (OSError, KeyError, yaml.YAMLError) as exc:
        report.fail(f"rendering deploy/k8s with the built-in renderer: {exc}")
        return None
    report.skip(
        "kubectl kustomize: kubectl is not installed; rendered deploy/k8s with the built-in "
        f"renderer instead ({len(docs)} resources)"
    )
    return docs


def validate_builtin_kinds(report: Report, docs: list[dict[str, Any]], install: bool) -> None:
    exe = ensure_kubernetes_validate(install)
    builtin = [d for d in docs if not _is_custom(d)]
    if exe is None:
        report.skip(
            "kubernetes-validate --strict: not installed and could not be installed with pip "
            f"into {TOOLS_VENV.relative_to(REPO)}"
        )
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rendered.yaml"
        path.write_text(yaml.safe_dump_all(builtin, sort_keys=False), encoding="utf-8")
        result = run([str(exe), "--strict", "--quiet", str(path)])
    errors = [line for line in result.stdout.splitlines() if line.startswith(("ERROR", "FATAL"))]
    warnings = [line for line in result.stdout.splitlines() if line.startswith("WARN")]
    for line in errors + warnings:
        report.fail(f"kubernetes-validate: {line.replace(str(path), 'deploy/k8s')}")
    if result.returncode == 0 and not errors and not warnings:
        kinds = sorted({d["kind"] for d in builtin})
        report.ok(f"kubernetes-validate --strict: {len(builtin)} resources pass ({', '.join(kinds)})")
    elif result.returncode != 0 and not errors:
        report.fail(f"kubernetes-validate exited {result.returncode}: {result.stderr.strip()}")


def _is_custom(doc: dict[str, Any]) -> bool:
    return str(doc.get("apiVersion", "")).split("/")[0] in CRD_GROUPS


def validate_custom_resources(report: Report, docs: list[dict[str, Any]]) -> None:
    custom = [d for d in docs if _is_custom(d)]
    kinds = sorted({f"{d['kind']} ({d['apiVersion']})" for d in custom})
    schema_dir = os.environ.get("SITREP_CRD_SCHEMA_DIR")
    python = TOOLS_VENV / "bin" / "python"
    if not schema_dir:
        report.skip(
            f"CRD schema validation of {', '.join(kinds)}: no CRD schemas are available offline "
            "(set SITREP_CRD_SCHEMA_DIR to a directory of <kind>_<version>.json schemas to check them)"
        )
    elif not python.exists():
        report.skip(
            "CRD schema validation: needs jsonschema from .venv/deploy-tools (run without --no-install)"
        )
    else:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "custom.json"
            path.write_text(json.dumps(custom), encoding="utf-8")
            result = run(
                [str(python), str(Path(__file__).with_name("validate_crds.py")), schema_dir, str(path)]
            )
        for line in result.stdout.splitlines():
            (
                report.fail
                if line.startswith("FAIL")
                else report.skip
                if line.startswith("skipped")
                else report.ok
            )(line.partition(": ")[2] or line)
        if result.returncode not in (0, 1):
            report.fail(f"validate_crds.py: {result.stderr.strip()}")
    for problem in check_custom_structure(custom):
        report.fail(problem)
    if custom:
        report.ok(f"custom resources: {len(custom)} structurally sound (cluster labels, refs, topics)")


def check_custom_structure(custom: list[dict[str, Any]]) -> Iterator[str]:
    """Checks that need no CRD schema: what ties the custom resources together and to sitrep."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for doc in custom:
        by_kind.setdefault(doc["kind"], []).append(doc)
    kafkas = {d["metadata"]["name"] for d in by_kind.get("Kafka", [])}
    if len(kafkas) != 1:
        yield f"k8s: expected one Strimzi Kafka, found {sorted(kafkas)}"
    for kind in ("KafkaNodePool", "KafkaTopic", "KafkaUser"):
        for doc in by_kind.get(kind, []):
            cluster = (doc["metadata"].get("labels") or {}).get("strimzi.io/cluster")
            if cluster not in kafkas:
                name = doc["metadata"]["name"]
                yield f"k8s: {kind} {name} has strimzi.io/cluster={cluster!r}, not the Kafka"
    for doc in by_kind.get("Kafka", []):
        notes = doc["metadata"].get("annotations") or {}
        if notes.get("strimzi.io/kraft") != "enabled" or notes.get("strimzi.io/node-pools") != "enabled":
            yield "k8s: the Kafka must be annotated strimzi.io/kraft and strimzi.io/node-pools: enabled"
    pools = by_kind.get("KafkaNodePool", [])
    if not any("controller" in p["spec"].get("roles", []) for p in pools):
        yield "k8s: no KafkaNodePool has the controller role (KRaft needs one)"
    for doc in by_kind.get("KafkaTopic", []):
        spec = doc.get("spec") or {}
        if not isinstance(spec.get("partitions"), int) or not isinstance(spec.get("replicas"), int):
            yield f"k8s: KafkaTopic {doc['metadata']['name']} needs integer partitions and replicas"
    es = {d["metadata"]["name"] for d in by_kind.get("Elasticsearch", [])}
    for doc in by_kind.get("Kibana", []):
        ref = (doc["spec"].get("elasticsearchRef") or {}).get("name")
        if ref not in es:
            name = doc["metadata"]["name"]
            yield f"k8s: Kibana {name} refers to Elasticsearch {ref!r}, which is not defined"
    for doc in by_kind.get("Elasticsearch", []) + by_kind.get("Kibana", []):
        if not re.fullmatch(r"\d+\.\d+\.\d+", str(doc["spec"].get("version", ""))):
            yield f"k8s: {doc['kind']} {doc['metadata']['name']} needs a pinned x.y.z version"


def kafka_topics(docs: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """topicName -> spec of every KafkaTopic."""
    return {
        (d["spec"].get("topicName") or d["metadata"]["name"]): d["spec"]
        for d in docs
        if d.get("kind") == "KafkaTopic"
    }


def check_k8s_workloads(docs: list[dict[str, Any]]) -> Iterator[str]:
    """Probes, limits, security, PDBs, HPA and Secret references of the sitrep workloads."""
    deployments = {d["metadata"]["name"]: d for d in docs if d["kind"] == "Deployment"}
    for name in LONG_RUNNING:
        dep = deployments.get(f"sitrep-{name}")
        if dep is None:
            yield f"k8s: Deployment sitrep-{name} is missing"
            continue
        for container in _containers(dep):
            for probe in ("livenessProbe", "readinessProbe"):
                if probe not in container:
                    yield f"k8s: sitrep-{name} has no {probe}"
            if not (container.get("resources") or {}).get("limits"):
                yield f"k8s: sitrep-{name} has no resource limits"
            if not (container.get("securityContext") or {}).get("runAsNonRoot"):
                yield f"k8s: sitrep-{name} does not require a non-root user"
    jobs = {d["metadata"]["name"] for d in docs if d["kind"] == "Job"}
    for name in ONE_SHOT:
        if f"sitrep-{name}" not in jobs:
            yield f"k8s: Job sitrep-{name} is missing"
    pdb_targets = {
        d["spec"]["selector"]["matchLabels"].get("app.kubernetes.io/component")
        for d in docs
        if d["kind"] == "PodDisruptionBudget"
    }
    for name in LONG_RUNNING:
        if name not in pdb_targets:
            yield f"k8s: no PodDisruptionBudget for the {name}s"
    hpas = [d for d in docs if d["kind"] == "HorizontalPodAutoscaler"]
    if not any(h["spec"]["scaleTargetRef"]["name"] == "sitrep-worker" for h in hpas):
        yield "k8s: no HorizontalPodAutoscaler for sitrep-worker"
    partitions = max((s.get("partitions", 0) for s in kafka_topics(docs).values()), default=0)
    for hpa in hpas:
        if hpa["spec"]["maxReplicas"] > partitions:
            yield (
                f"k8s: HPA {hpa['metadata']['name']} may scale to {hpa['spec']['maxReplicas']} pods but the "
                f"topics have {partitions} partitions; the extra workers would idle"
            )
    for doc in docs:
        if doc["kind"] == "Secret" and doc["metadata"]["name"] != "sitrep-es-roles":
            yield f"k8s: Secret {doc['metadata']['name']} is committed; reference it, create it out of band"


# ---- sitrep commands and settings -----------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceCommand:
    """A sitrep command line one deployment runs."""

    where: str
    argv: tuple[str, ...]


def compose_commands(config: dict[str, Any]) -> list[ServiceCommand]:
    out = []
    for name, svc in (config.get("services") or {}).items():
        image = str(svc.get("image", ""))
        if "sitrep" in image and svc.get("command"):
            command = svc["command"]
            argv = tuple(command if isinstance(command, list) else command.split())
            out.append(ServiceCommand(f"compose service {name}", argv))
    return out


def k8s_commands(docs: list[dict[str, Any]]) -> list[ServiceCommand]:
    out = []
    for doc in docs:
        for container in _containers(doc):
            if "sitrep" in str(container.get("image", "")):
                argv = tuple(container.get("args") or container.get("command") or ())
                out.append(ServiceCommand(f"k8s {doc['kind']} {doc['metadata']['name']}", argv))
    return out


def check_commands(
    commands: list[ServiceCommand], build_parser: Callable[[], argparse.ArgumentParser]
) -> Iterator[tuple[str, str]]:
    """('fail'|'skip'|'ok', message) for each command line, parsed by the real sitrep CLI."""
    parser = build_parser()
    choices: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            choices = dict(action.choices)
    for command in commands:
        if not command.argv:
            yield "fail", f"{command.where} runs the image without a sitrep command"
            continue
        name = command.argv[0]
        if name not in choices:
            yield (
                "skip",
                (
                    f"{command.where}: `sitrep {' '.join(command.argv)}` - the {name!r} command is not "
                    "registered in sitrep.cli yet"
                ),
            )
            continue
        try:
            parser.parse_args(list(command.argv))
        except SystemExit:
            yield "fail", f"{command.where}: `sitrep {' '.join(command.argv)}` does not parse with sitrep.cli"
            continue
        yield "ok", f"{command.where}: `sitrep {' '.join(command.argv)}` parses"


def env_names(compose: dict[str, Any] | None, docs: list[dict[str, Any]]) -> dict[str, set[str]]:
    """SITREP_* variable name -> where it is set."""
    found: dict[str, set[str]] = {}
    for name, svc in ((compose or {}).get("services") or {}).items():
        if "sitrep" not in str(svc.get("image", "")):
            continue  # e.g. es-setup: its variables are read by a shell script, not by sitrep
        env = svc.get("environment") or {}
        keys = env.keys() if isinstance(env, dict) else (e.partition("=")[0] for e in env)
        for key in keys:
            found.setdefault(key, set()).add(f"compose {name}")
    for doc in docs:
        if doc["kind"] == "ConfigMap" and doc["metadata"]["name"].startswith("sitrep-env"):
            for key in doc.get("data") or {}:
                found.setdefault(key, set()).add("k8s ConfigMap sitrep-env")
        for container in _containers(doc):
            for entry in container.get("env", []):
                found.setdefault(entry["name"], set()).add(f"k8s {doc['metadata']['name']}")
    return {k: v for k, v in found.items() if k.startswith("SITREP_")}


def resolve_setting(name: str) -> str | None:
    """None when ``name`` is read by a settings class, else why not. Raises ImportError when the class
    that would read it is not importable."""
    import importlib

    from pydantic import BaseModel

    for prefix, (module_name, class_name) in SETTINGS_BY_PREFIX.items():
        if name.startswith(prefix):
            model: Any = getattr(importlib.import_module(module_name), class_name)
            path = name[len(prefix) :].lower().split("__")
            for depth, part in enumerate(path):
                fields = model.model_fields
                if part not in fields:
                    return f"{class_name} has no field {'.'.join(path[: depth + 1])}"
                annotation = fields[part].annotation
                model = (
                    annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
                )
                if model is None and depth < len(path) - 1:
                    return f"{class_name}.{'.'.join(path[: depth + 1])} has no sub-fields"
            return None
    return "no settings class reads it"


def check_settings_names(report: Report, names: dict[str, set[str]]) -> None:
    bad = 0
    for name in sorted(names):
        try:
            problem = resolve_setting(name)
        except ImportError as exc:
            report.skip(f"{name}: its settings class is not importable yet ({exc})")
            continue
        if problem is None:
            continue
        if name in CONTRACT_ONLY:
            report.skip(f"{name} ({CONTRACT_ONLY[name]}): {problem} yet")
            continue
        bad += 1
        report.fail(f"{name} (set in {', '.join(sorted(names[name]))}) is ignored: {problem}")
    if not bad:
        report.ok(f"{len(names)} SITREP_* variables map onto settings fields")


def check_config_files(report: Report) -> None:
    feeds = K8S / "config" / "feeds.toml"
    rules = K8S / "config" / "rules.yaml"
    try:
        from ingest.registry import parse_registry
    except ImportError as exc:
        report.skip(f"feeds.toml: ingest.registry is not importable ({exc})")
    else:
        try:
            registered = parse_registry(feeds.read_text(encoding="utf-8"), origin=str(feeds))
            report.ok(f"deploy/k8s/config/feeds.toml: {len(registered)} feeds parse")
        except Exception as exc:  # the project's own error, whatever its class
            report.fail(f"deploy/k8s/config/feeds.toml: {exc}")
    try:
        from processors.alerts.rules import load_rules
    except ImportError as exc:
        report.skip(f"rules.yaml: processors.alerts.rules is not importable ({exc})")
    else:
        try:
            report.ok(f"deploy/k8s/config/rules.yaml: {len(load_rules(rules))} rules parse")
        except Exception as exc:
            report.fail(f"deploy/k8s/config/rules.yaml: {exc}")


def check_topics(report: Report, docs: list[dict[str, Any]]) -> None:
    from sitrep import topics

    declared = kafka_topics(docs)
    wanted = set(topics.all_topics())
    missing, extra = sorted(wanted - set(declared)), sorted(set(declared) - wanted)
    if missing:
        report.fail(
            f"deploy/k8s/kafka/topics.yaml lacks KafkaTopics for {missing} (sitrep.topics.all_topics())"
        )
    if extra:  # harmless (an empty topic), and normal while a new topic is on its way into sitrep
        report.skip(f"deploy/k8s/kafka/topics.yaml declares topics sitrep.topics does not name: {extra}")
    wrong = {}
    for name in sorted(wanted & set(declared)):
        if declared[name]["partitions"] != expected_partitions(name, 12):
            wrong[name] = declared[name]["partitions"]
    for name, partitions in wrong.items():
        want = expected_partitions(name, 12)
        report.fail(f"KafkaTopic {name} has {partitions} partitions, sitrep creates it with {want}")
    if not missing and not wrong:
        report.ok(
            f"KafkaTopics cover sitrep.topics.all_topics() ({len(wanted)} topics, partitions as sitrep wants)"
        )


def expected_partitions(topic: str, default: int) -> int:
    """Partitions sitrep creates ``topic`` with (sitrep.topics.partitions_for where it exists)."""
    from sitrep import topics

    rule = getattr(topics, "partitions_for", None)
    if rule is not None:
        return int(rule(topic, default))
    return 1 if topic.endswith(".dlq") else default


# ---- main ----------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-install", action="store_true", help="use only the tools already installed")
    args = parser.parse_args(argv)
    install = not args.no_install
    sys.path.insert(0, str(REPO))
    report = Report()

    check_image(report)
    compose = check_compose(report, install)
    docs = render_k8s(report) or []
    if docs:
        validate_builtin_kinds(report, docs, install)
        validate_custom_resources(report, docs)
        for problem in check_k8s_workloads(docs):
            report.fail(problem)
        check_topics(report, docs)

    try:
        from sitrep.cli import build_parser
    except ImportError as exc:
        report.skip(f"sitrep commands: sitrep.cli is not importable ({exc})")
    else:
        commands = compose_commands(compose or {}) + k8s_commands(docs)
        for verdict, message in check_commands(commands, build_parser):
            {"ok": report.ok, "skip": report.skip, "fail": report.fail}[verdict](message)
    check_settings_names(report, env_names(compose, docs))
    check_config_files(report)

    counts = {
        tag: sum(line.startswith(f"{tag}:") for line in report.lines) for tag in ("ok", "FAIL", "skipped")
    }
    print(f"deploy-check: {counts['ok']} ok, {counts['FAIL']} failed, {counts['skipped']} skipped")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
