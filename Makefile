# Two commands on a fresh machine (see README):
#   make run    install what is missing, then start the app on the embedded seed articles
#   make test   install what is missing, then ruff, mypy and every test (browser suite included)
# Everything lands in ./.venv; Debian's chromium is installed only when /usr/bin/chromium is missing.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
# Re-install only when pyproject.toml changes: the stamp's name carries its hash.
PYPROJECT_HASH := $(shell sha256sum pyproject.toml | cut -c1-16)
STAMP := $(VENV)/.installed-$(PYPROJECT_HASH)
# Extra arguments for `streamlit run`, e.g. make run ARGS="--server.port 8600"
ARGS ?=
# Extra arguments for pytest, e.g. make test PYTEST_ARGS="-m 'not browser'"
PYTEST_ARGS ?=

.PHONY: help install chromium run test lint typecheck pytest bench eval clean

help:
	@echo "make run    install (if needed) and start the app on its embedded default"
	@echo "make test   install (if needed) and run ruff, mypy and every test, browser suite included"
	@echo "make bench  speed and cold-start benchmarks (needs ../shared/corpora)"
	@echo "make eval   date tagger value F1 on TimeBank, AQUAINT and WikiWars (needs ../shared)"

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing the project and its dev dependencies into $(VENV) (quiet)..."
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

# The browser suite drives Debian's chromium through Playwright (Playwright's own browser download
# cannot work offline), so install the distribution package when it is not there yet.
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "Installing Debian's chromium for the browser tests..."; \
		if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -q; \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	fi

# No first-run e-mail prompt: the app must start with no setup step.
run: install
	$(BIN)/streamlit run app.py --server.showEmailPrompt=false $(ARGS)

# pytest exits 5 when it collected nothing: that is a broken suite, never a pass.
RUN_PYTEST = rc=0; $(BIN)/pytest $(PYTEST_ARGS) || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: treating as a failure" >&2; fi

# Every check runs even when an earlier one fails, so one run shows everything; any failure fails `make test`.
test: install chromium
	@status=0; \
	echo "== ruff check"; $(BIN)/ruff check . || status=1; \
	echo "== mypy"; $(BIN)/mypy || status=1; \
	echo "== pytest"; $(RUN_PYTEST); [ $$rc -eq 0 ] || status=1; \
	exit $$status

lint: install
	$(BIN)/ruff check .

typecheck: install
	$(BIN)/mypy

pytest: install chromium
	@$(RUN_PYTEST); exit $$rc

bench: install chromium
	$(BIN)/python bench/bench_speed.py
	$(BIN)/python bench/bench_coldstart.py

eval: install
	bash bench/eval_dates.sh

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis test-artifacts *.egg-info
