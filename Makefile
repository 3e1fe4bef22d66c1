# Two entry points (see README.md): `make run` and `make test`.
# Both create .venv from pyproject.toml and reinstall only when pyproject.toml changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= .kg/store
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test build validate serve lint bench clean venv venv-test eval

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

eval: venv
	$(BIN)/kg eval ../shared/eval/seeds-gold.json --store $(STORE)

lint: venv-test
	$(BIN)/ruff check kg server tests bench

test: venv-test
	$(BIN)/ruff check kg server tests bench
	$(BIN)/python -m pytest -q

bench: venv-test
	$(BIN)/python bench/extract.py

clean:
	rm -rf $(VENV) .kg .pytest_cache .ruff_cache *.egg-info
