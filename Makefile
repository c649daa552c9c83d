# reception_app: the two commands of the README, and the rest.
#   make run    builds the environment if needed and starts the app in demo mode
#   make test   installs system packages, builds the environment, starts pcscd and a private PostgreSQL cluster,
#               runs the whole suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test bench bench-compare lint typecheck system-deps venv screenshots translations bytecode dist dist-package test-dist clean

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

# Compiled once here, so a start does not compile the app's modules again when the environment forbids writing
# bytecode (PYTHONDONTWRITEBYTECODE, as on this machine): ~30 ms of every cold start of the desk (docs/performance.md, "Cold start").
bytecode: venv
	$(PY) -m compileall -q reception_app

run: venv translations bytecode
	$(VENV)/bin/reception-app --demo

lint: venv
	$(VENV)/bin/ruff check reception_app tests benchmarks scripts
	$(VENV)/bin/lint-imports --no-cache

typecheck: venv
	$(VENV)/bin/mypy

test: venv translations bytecode lint typecheck
	bash scripts/with-pcscd.sh bash scripts/with-postgres.sh $(PY) -m pytest -p no:cacheprovider $(PYTEST_ARGS)

bench: venv translations bytecode
	bash scripts/with-pcscd.sh $(PY) -m benchmarks $(BENCH_ARGS)

# The same benchmarks on an earlier commit and on this tree, side by side in one run (BASE=ref, default the commit
# before the application shell): benchmarks/results/compare-<ref>.md
BENCH_BASE ?= 37c577d
bench-compare: venv translations bytecode
	bash scripts/with-pcscd.sh $(PY) scripts/bench_compare.py $(BENCH_BASE) $(BENCH_ARGS)

screenshots: venv translations
	xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) scripts/screenshots.py docs/screenshots

dist: venv translations
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller installer/reception-app.spec

dist-package: dist
	bash installer/linux/build-package.sh

test-dist: dist
	RECEPTION_APP_BUNDLE=dist/reception-app bash scripts/with-pcscd.sh $(PY) -m pytest -p no:cacheprovider -m dist tests/integration/test_installer_bundle.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
