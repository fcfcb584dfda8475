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
LOCK := requirements.lock
# Re-install only when pyproject.toml or the lock file changes: the stamp's name carries their hash.
DEPS_HASH := $(shell cat pyproject.toml $(LOCK) | sha256sum | cut -c1-16)
STAMP := $(VENV)/.installed-$(DEPS_HASH)
# Extra arguments for `streamlit run`, e.g. make run ARGS="--server.port 8600"
ARGS ?=
# Extra arguments for pytest, e.g. make test PYTEST_ARGS="-m 'not browser'"
PYTEST_ARGS ?=

.PHONY: help install lock chromium run editor test lint typecheck pytest bench eval clean

help:
	@echo "make run    install (if needed) and start the app on its embedded default"
	@echo "make test   install (if needed) and run ruff, mypy and every test, browser suite included"
	@echo "make editor NAME=...   add an editor (who may change timelines; reading needs no sign-in)"
	@echo "make bench  speed and cold-start benchmarks (needs ../shared/corpora)"
	@echo "make eval   date tagger value F1 on TimeBank, AQUAINT and WikiWars (needs ../shared)"

install: $(STAMP)

# Exactly the versions in the lock file, each checked against its hash; then the project itself, with its
# bytecode written once (where PYTHONDONTWRITEBYTECODE is set, every start would compile it again).
$(STAMP): pyproject.toml $(LOCK)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing the pinned dependencies ($(LOCK)) and the project into $(VENV) (quiet)..."
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r $(LOCK)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@$(BIN)/python -m compileall -q timeline app.py
	@rm -f $(VENV)/.installed-*
	@touch $@

# Re-resolve the lock file from pyproject.toml (newest versions allowed by it), with every file's hash.
# Extras stay on their pins (smart-open[http]==...): the pip a fresh venv brings (23.x) otherwise refuses a
# dependency's extra in --require-hashes mode ("must have their versions pinned with ==").
lock:
	@test -x $(VENV)-lock/bin/uv || { $(PYTHON) -m venv $(VENV)-lock && $(VENV)-lock/bin/pip install --quiet uv; }
	$(VENV)-lock/bin/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		--python-platform x86_64-unknown-linux-gnu --no-strip-extras --no-header -o $(LOCK)
	@sed -i '1i # Every dependency of the project and its dev extras, pinned with hashes (linux, Python 3.11).\n# Regenerate after changing pyproject.toml: make lock' $(LOCK)

# The browser suite drives Debian's chromium through Playwright (Playwright's own browser download
# cannot work offline), so install the distribution package when it is not there yet.
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "Installing Debian's chromium for the browser tests..."; \
		if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -q; \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	fi

# The browser suite's JavaScript (axe-core, injected into every page for the accessibility checks; TimelineJS,
# which the TimelineJS export is loaded into): exactly
# the versions in tests/browser/node/package-lock.json (npm ci), redone when the lock changes; Debian's npm
# is installed first when there is none.
NODE_DIR := tests/browser/node
npm-deps: $(NODE_DIR)/node_modules/.package-lock.json

$(NODE_DIR)/node_modules/.package-lock.json: $(NODE_DIR)/package-lock.json
	@if ! command -v npm >/dev/null; then \
		echo "Installing Debian's npm for the browser tests..."; \
		if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -q; \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm; \
	fi
	@echo "Installing the browser suite's JavaScript ($(NODE_DIR), npm ci)..."
	@npm ci --prefix $(NODE_DIR) --no-audit --no-fund --loglevel=error
	@touch $@

# No first-run e-mail prompt: the app must start with no setup step.
run: install
	$(BIN)/streamlit run app.py --server.showEmailPrompt=false $(ARGS)

# The first editor on a fresh machine: make editor NAME="Ms Smith" (asks the password twice).
editor: install
	@test -n "$(NAME)" || { echo 'give the name: make editor NAME="Ms Smith"' >&2; exit 2; }
	$(BIN)/timeline editor add "$(NAME)"

# pytest exits 5 when it collected nothing: that is a broken suite, never a pass.
RUN_PYTEST = rc=0; $(BIN)/pytest $(PYTEST_ARGS) || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: treating as a failure" >&2; fi

# Every check runs even when an earlier one fails, so one run shows everything; any failure fails `make test`.
test: install chromium npm-deps
	@status=0; \
	echo "== ruff check"; $(BIN)/ruff check . || status=1; \
	echo "== mypy"; $(BIN)/mypy || status=1; \
	echo "== pytest"; $(RUN_PYTEST); [ $$rc -eq 0 ] || status=1; \
	exit $$status

lint: install
	$(BIN)/ruff check .

typecheck: install
	$(BIN)/mypy

pytest: install chromium npm-deps
	@$(RUN_PYTEST); exit $$rc

bench: install chromium
	$(BIN)/python bench/bench_speed.py
	$(BIN)/python bench/bench_coldstart.py

eval: install
	bash bench/eval_dates.sh

clean:
	rm -rf $(VENV) $(VENV)-lock .mypy_cache .ruff_cache .pytest_cache .hypothesis test-artifacts *.egg-info
