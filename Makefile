# Two commands on a fresh clone: `make site` builds the site, `make test` runs every check.
# `make test-fast` is lint and the tests that need neither a browser nor a site build.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BUILD := $(PY) scripts/build.py

.PHONY: language-server lighthouse site serve check test test-fast lint format bench bench-lighthouse offline chromium clean

# The virtual environment is remade when pyproject.toml changes.
$(VENV)/.site: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.test: $(VENV)/.site
	$(PY) -m pip install --quiet -e '.[test,zensical]'
	touch $@

site: $(VENV)/.site
	$(BUILD) build

serve: $(VENV)/.site
	$(BUILD) serve

# A zip of the whole site that works from the file system: dist/<course-id>-offline.zip
offline: $(VENV)/.site
	$(BUILD) offline

check: $(VENV)/.site
	$(BUILD) check

chromium:
	@bash scripts/ensure-chromium.sh

# yaml-language-server (npm), for the editor test: into .cache/, once.
language-server:
	@bash scripts/ensure-language-server.sh

lint: $(VENV)/.test
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(VENV)/.test
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

test: $(VENV)/.test chromium language-server lint
	$(PY) -m pytest

test-fast: $(VENV)/.test language-server lint
	$(PY) -m pytest -m "not browser and not slow"

# Lighthouse (npm), for the benchmark: into .cache/, once. Without it the benchmark leaves
# its Lighthouse table out, so a failed install does not stop `make bench`.
lighthouse:
	-@bash scripts/ensure-lighthouse.sh

# Generation against the engine, rebuilds, page weight and Lighthouse on a phone, written to
# benchmarks/results.md. Sizes in lessons; larger ones on request: make bench SIZES="10 100 1000"
SIZES ?= 10 100
bench: $(VENV)/.site lighthouse
	$(PY) benchmarks/bench.py --sizes $(SIZES)

# Lighthouse alone, its section of benchmarks/results.md replaced; PAGES="quiz home" for some
# page kinds only.
bench-lighthouse: $(VENV)/.site lighthouse
	$(PY) benchmarks/bench.py --only lighthouse $(if $(PAGES),--pages $(PAGES))

clean:
	rm -rf site dist .lessonkit $(VENV)
