# The two commands of the quick start: `make demo` and `make test`.
# Both create .venv when it is missing and install what they need; nothing is installed globally
# except the Debian packages the browser and PostgreSQL tests need (see scripts/system-deps).

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test lint typecheck pytest venv clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip setuptools wheel

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	VENV=$(VENV) bash scripts/setup-encoder
	touch $(STAMP)

venv: $(STAMP)

demo: venv
	$(BIN)/attune demo

lint: venv
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: venv
	$(BIN)/mypy

pytest: venv
	bash scripts/system-deps
	$(BIN)/pytest -n 2 --dist loadgroup

test: lint typecheck pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
