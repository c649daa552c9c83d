# reception_app: the two commands of the README, and the rest.
#   make run    builds the environment if needed and starts the app in demo mode
#   make test   installs system packages, builds the environment, starts pcscd, runs the whole suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test bench lint typecheck system-deps venv screenshots translations dist clean

system-deps:
	@bash scripts/system-deps.sh

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip setuptools wheel
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

venv: system-deps $(STAMP)

translations: venv
	$(PY) scripts/build_translations.py

run: venv translations
	$(VENV)/bin/reception-app --demo

lint: venv
	$(VENV)/bin/ruff check reception_app tests benchmarks scripts
	$(VENV)/bin/lint-imports --no-cache

typecheck: venv
	$(VENV)/bin/mypy

test: venv translations lint typecheck
	bash scripts/with-pcscd.sh $(PY) -m pytest -p no:cacheprovider $(PYTEST_ARGS)

bench: venv translations
	bash scripts/with-pcscd.sh $(PY) -m benchmarks $(BENCH_ARGS)

screenshots: venv translations
	xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) scripts/screenshots.py docs/screenshots

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
