# The two commands a newcomer needs: `make run` and `make test`. Everything they need is installed here:
# the Debian packages of release/debian-packages (through release/system-packages: apt-get as root
# or with sudo, else one line naming the apt-get command), then .venv with the Python packages.
PYTHON ?= python3
SYSTEM := release/system-packages
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run demo test test-fast lint bench bench-quick screenshots strings clean dist \
        system-run system-test system-dist

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,linkage,estimation,media,spark]'
	touch $(STAMP)

# Checked on every call (about 20 ms): a package removed since the venv was made is noticed.
system-run:
	@$(SYSTEM) run
system-test:
	@$(SYSTEM) run test dist
system-dist:
	@$(SYSTEM) run dist

run: system-run $(STAMP)
	QT_QPA_PLATFORM= $(PY) -m app gui

demo: system-run $(STAMP)
	QT_QPA_PLATFORM= $(PY) -m app.demo

# The whole suite, headless. Slow and interop tests included: CI runs exactly this.
test: system-test $(STAMP)
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m app.gui.i18n_check
	$(PY) -m pytest -q

# Quick loop while developing: no slow tests.
test-fast: system-test $(STAMP)
	$(PY) -m pytest -q -m "not slow"

lint: $(STAMP)
	$(VENV)/bin/ruff check app forms storage tests benchmarks release
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

# The packaged app (PyInstaller, one folder; no Python needed where it runs) and its release files:
# dist/tawthiq-VERSION-linux-ARCH.tar.gz, SHA256SUMS and, with RELEASE_KEY=path/to/minisign.key,
# SHA256SUMS.minisig. docs/release.md says how it is built, signed and checked.
dist: system-dist $(STAMP)
	$(PY) -m release.build --out dist $(if $(RELEASE_KEY),--release-key $(RELEASE_KEY))

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist
