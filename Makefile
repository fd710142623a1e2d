# The README's two commands: `make app` (install, then start the app on the demo library) and
# `make test` (install, then run the whole test suite). Both are safe to run again: installs are cached.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Pinned so that a fresh install takes the CPU build where one is available instead of a multi-GB CUDA one.
TORCH_SPEC ?= torch==2.13.0
ARGS ?=
PYTEST_ARGS ?=

.PHONY: app test install install-test browser bench screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet "$(TORCH_SPEC)"
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Debian's Chromium drives the browser tests (Playwright uses it; it never downloads a browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "note: install Chromium (e.g. 'sudo apt-get install chromium') to run the browser tests"; fi; }

app: install
	$(BIN)/python app.py $(ARGS)

test: install-test browser
	$(BIN)/python -m pip check
	$(BIN)/lint-imports
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Refresh the README's screenshots in docs/screenshots/ from the browser test (it always writes artifacts/screenshots/).
screenshots: install-test browser
	LIFELOG_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest tests/test_browser.py $(PYTEST_ARGS)
