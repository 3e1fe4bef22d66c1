# Two entry points (see README.md): `make run` and `make test`.
# Both create .venv from pyproject.toml and reinstall only when pyproject.toml changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= .kg/store
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test build validate serve lint bench bench-http clean venv venv-test eval train

run: build validate serve

venv: $(VENV)/.installed-run
venv-test: $(VENV)/.installed-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed-run

build: venv
	$(BIN)/kg build seeds/ --store $(STORE)

validate: venv
	$(BIN)/kg validate --store $(STORE)

serve: venv
	$(BIN)/kg serve --store $(STORE) --host $(HOST) --port $(PORT)

GOLD     ?= tests/data/seeds-gold.json
CI_STORE := .kg/ci-store

eval: venv
	$(BIN)/kg eval $(GOLD) --store $(STORE)

lint: venv-test
	$(BIN)/ruff check kg server tests bench tools

# The suite, then the seeds as a user's CI would check them: build, SHACL report as JUnit
# XML, extraction scores against the gold (fails below the targets of issue 3).
test: venv-test
	$(BIN)/ruff check kg server tests bench tools
	$(BIN)/mypy
	$(BIN)/python -m pytest -q
	$(BIN)/kg build seeds/ --store $(CI_STORE) --quiet
	$(BIN)/kg validate --store $(CI_STORE) --format junit -o .kg/validation-junit.xml
	$(BIN)/kg eval $(GOLD) --store $(CI_STORE) --check

bench: venv-test
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/validate.py --sizes 10000 100000

bench-http: venv-test
	$(BIN)/python bench/http.py

# Rebuild kg/data/measure_model.json (the learned measure detector) from the annotated sets,
# deterministically; scikit-learn comes with the test extra.
train: venv-test
	$(BIN)/python -m kg.extract.measures.train

clean:
	rm -rf $(VENV) .kg .pytest_cache .ruff_cache *.egg-info

# The query page's editor (CodeMirror 5, package.json) copied into server/static/vendor/:
# reinstalled only when package.json or package-lock.json changed.  Without npm the page
# keeps a plain textarea, so a missing npm is reported, not fatal.
VENDOR       := server/static/vendor
VENDOR_STAMP := $(VENDOR)/.installed
VENDOR_FILES := codemirror/lib/codemirror.js codemirror/lib/codemirror.css \
                codemirror/mode/sparql/sparql.js codemirror/addon/edit/matchbrackets.js \
                codemirror/LICENSE

.PHONY: vendor browser-deps
vendor: $(VENDOR_STAMP)

$(VENDOR_STAMP): package.json package-lock.json
	@if ! command -v npm >/dev/null 2>&1; then \
	  echo "npm not found: the query page uses a plain textarea"; exit 0; fi; \
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && \
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/codemirror && \
	for f in $(VENDOR_FILES); do cp node_modules/$$f $(VENDOR)/codemirror/; done && \
	touch $@

# Debian's chromium for tests/test_browser.py, installed only when it is missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-dejavu-core; \
	fi

serve: vendor
run: vendor
test: vendor browser-deps
