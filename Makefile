# Two commands for newcomers: `make run` (the live pipeline) and `make test` (the suite).
# Both depend on .venv, so either one installs everything first on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run demo test test-unit test-integration bench eval lint chaos deploy-check clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[local,dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/sitrep up

demo: $(STAMP)
	$(BIN)/sitrep demo

test: $(STAMP)
	$(BIN)/python -m pytest -q tests

test-unit: $(STAMP)
	$(BIN)/python -m pytest -q tests/unit

test-integration: $(STAMP)
	$(BIN)/python -m pytest -q tests/integration

bench: $(STAMP)
	$(BIN)/python -m bench

# Chaos under load (issue 10): ~10,000 reports, >= 10 faults, poison; one JSON line per figure,
# non-zero exit when a check fails (about 10 minutes on 2 cores). `make test` runs a short variant.
chaos: $(STAMP)
	$(BIN)/python -m bench.chaos

eval: $(STAMP)
	$(BIN)/sitrep eval

lint: $(STAMP)
	$(BIN)/ruff check sitrep ingest processors sinks tests bench
	$(BIN)/mypy sitrep ingest processors sinks

# Validates deploy/ offline (compose config, kustomize + kubernetes-validate, sitrep commands);
# installs its own tools (pip into .venv/deploy-tools, apt-get when root) and skips what it cannot.
deploy-check: $(STAMP)
	$(BIN)/python deploy/scripts/deploy_check.py

clean:
	rm -rf $(VENV) .sitrep .pytest_cache
