# syntax=docker/dockerfile:1
# One image for every sitrep service (init, kibana load, poll, worker, sink, status):
#   docker build -t sitrep:0.1.0 .
#   docker run --rm sitrep:0.1.0 --help
# The base is pinned by tag; for bit-for-bit reproducible builds pin the digest as well, e.g.
#   docker build --build-arg PYTHON_IMAGE=python:3.11.13-slim-bookworm@sha256:<digest> .
# (`docker buildx imagetools inspect python:3.11.13-slim-bookworm` prints the digest).
ARG PYTHON_IMAGE=python:3.11.13-slim-bookworm

# ---- build: compile wheels, install the project into a self-contained venv ----------------------
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1
# Compilers only in this stage: a few dependencies (crc32c, brotli, lxml) may build from source
# on architectures without wheels.
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential \
 && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/sitrep
WORKDIR /src
# The client major version must match the server's (an 8.x server rejects the 9.x client's
# compatibility headers). Override for Elasticsearch 9: --build-arg ES_CLIENT='elasticsearch>=9,<10'
ARG ES_CLIENT="elasticsearch>=8.13,<9"
COPY pyproject.toml setup.py README.md ./
COPY sitrep ./sitrep
COPY ingest ./ingest
COPY processors ./processors
COPY sinks ./sinks
# The extraction (processors/extract) compiled by mypyc (setup.py, SITREP_COMPILE=1): ~1.2x the reports
# per second of the interpreted code (1.22x measured), same output (`make bench` checks both). mypyc and a recent
# setuptools live in a throwaway build venv; the compiled modules need neither at run time.
ARG MYPY_VERSION=2.4.1
RUN python -m venv /opt/build \
 && /opt/build/bin/pip install --upgrade pip wheel "setuptools>=77" "mypy==${MYPY_VERSION}" \
 && SITREP_COMPILE=1 /opt/build/bin/pip wheel --no-build-isolation --no-deps --wheel-dir /tmp/wheels .
# lxml_html_clean: trafilatura needs lxml.html.clean, which lxml 5.2+ moved into that separate package
# (lxml 6 no longer has the `html_clean` extra that trafilatura asks for), so full-text extraction
# fails without it.
RUN /opt/sitrep/bin/pip install --upgrade pip wheel \
 && /opt/sitrep/bin/pip install /tmp/wheels/sitrep-*.whl "${ES_CLIENT}" "lxml_html_clean>=0.4" \
 && /opt/sitrep/bin/sitrep --help >/dev/null \
 && cd / && /opt/sitrep/bin/python -c "import processors.extract.events as m; assert m.__file__.endswith('.so'), m.__file__"

# ---- runtime: no compilers, no sources, non-root --------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime
LABEL org.opencontainers.image.title="sitrep" \
      org.opencontainers.image.description="Conflict reports to structured events: pollers, Faust workers, Elasticsearch sink" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --system --gid 10001 sitrep \
 && useradd --system --uid 10001 --gid sitrep --home-dir /var/lib/sitrep --shell /usr/sbin/nologin sitrep \
 && mkdir -p /var/lib/sitrep /etc/sitrep \
 && chown sitrep:sitrep /var/lib/sitrep
COPY --from=build /opt/sitrep /opt/sitrep
# Kibana saved objects for `sitrep kibana load --dir /usr/share/sitrep/deploy/kibana`.
COPY deploy/kibana /usr/share/sitrep/deploy/kibana
ENV PATH=/opt/sitrep/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    SITREP_PROFILE=production \
    SITREP_STATE_DIR=/var/lib/sitrep \
    SITREP_METRICS_PORT=9108 \
    SITREP_LOG_JSON=true
USER 10001:10001
WORKDIR /var/lib/sitrep
VOLUME ["/var/lib/sitrep"]
EXPOSE 9108
# /healthz on the metrics port; one-shot commands (init, kibana load) do not serve it, so compose and
# Kubernetes set their own checks per service and disable this one for jobs.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=4 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('SITREP_METRICS_PORT', '9108'), timeout=2)"]
ENTRYPOINT ["sitrep"]
CMD ["--help"]
