# The two commands a newcomer needs: `make run` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run demo test test-fast lint bench bench-quick screenshots strings clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,linkage,estimation]'
	touch $(STAMP)

run: $(STAMP)
	QT_QPA_PLATFORM= $(PY) -m app gui

demo: $(STAMP)
	QT_QPA_PLATFORM= $(PY) -m app.demo

# The whole suite, headless. Slow and interop tests included: CI runs exactly this.
test: $(STAMP)
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m app.gui.i18n_check
	$(PY) -m pytest -q

# Quick loop while developing: no slow tests.
test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow"

lint: $(STAMP)
	$(VENV)/bin/ruff check app forms storage tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache

bench: $(STAMP)
	$(PY) -m benchmarks

bench-quick: $(STAMP)
	$(PY) -m benchmarks --quick

# Refresh the Arabic catalogues from the code and compile them; then translate what is new.
strings: $(STAMP)
	$(PY) -m app.gui.i18n_check --update

screenshots: $(STAMP)
	$(PY) docs/make_screenshots.py docs/screenshots

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
