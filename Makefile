# Wegweiser – the two commands for a fresh machine are `make run` and `make test`.
# Everything else here is a step they need, or a tool for developers.
SHELL := /bin/bash
PYTHON ?= python3.11
APP_VENV := .venv
RASA_VENV := .venv-rasa
APP_STAMP := $(APP_VENV)/.installed
RASA_STAMP := $(RASA_VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# Each environment takes about 2.5 GB; pip fails half-way with "No space left on device"
# when the disk is full, so say so before starting, with the figures.
NEED_DISK_KB := 3500000
DISK_CHECK = @avail=$$(df -Pk . | awk 'NR==2 {print $$4}'); \
	test "$$avail" -ge $(NEED_DISK_KB) || { echo "==> Only $$((avail / 1024)) MB free on this disk;" \
	"installing $(@D) needs about $$(($(NEED_DISK_KB) / 1024)) MB. Free some space and run make again."; exit 1; }

.PHONY: run test envs browser postgres catalogue model lint eval bench-search bench-chat bench-staff clean help

help:
	@echo "make run          install what is missing, build catalogue + model, start everything"
	@echo "make test         install what is missing, run unit + end-to-end tests"
	@echo "make eval         search quality on the dev sets, then the chat evaluation (starts the stack)"
	@echo "make bench-search search latency/memory benchmark"
	@echo "make bench-chat   chat-turn latency benchmark (needs the stack: starts it)"
	@echo "make bench-staff  staff review latency on 10,000 generated conversations"
	@echo "make lint         ruff, mypy (strict), pip-audit of both environments"

run: envs catalogue model
	@echo "==> Starting the assistant (Rasa, action server, web app) …"
	$(APP_VENV)/bin/python -m runner

# Type check and lint first: a few seconds, and a broken type fails before the slow tests.
# --basetemp inside the checkout: the test stack's files (conversation database, logs) are
# never cleaned up by another checkout's pytest run in /tmp while this one uses them.
test: envs catalogue model browser postgres
	@echo "==> Type check (mypy, strict) and lint (ruff) …"
	$(APP_VENV)/bin/mypy
	$(APP_VENV)/bin/ruff check .
	@echo "==> Tests (unit, then the real model, Rasa and the whole stack) …"
	$(APP_VENV)/bin/python -m pytest -p no:cacheprovider --basetemp=var/pytest tests

envs: $(APP_STAMP) $(RASA_STAMP)

# App environment: actions/, catalogue/, bot/ (FastAPI, rasa-sdk 3.21, sentence-transformers).
$(APP_STAMP): requirements/app.in requirements/app.lock pyproject.toml
	$(DISK_CHECK)
	@echo "==> Installing the app environment $(APP_VENV) (first time about 3 minutes) …"
	test -x $(APP_VENV)/bin/python || $(PYTHON) -m venv $(APP_VENV)
	$(APP_VENV)/bin/pip install -q -r requirements/app.in -c requirements/app.lock
	$(APP_VENV)/bin/pip install -q --no-deps --no-build-isolation -e .
	touch $@

# Rasa environment: the verified recipe for Rasa 3.6.21 on Python 3.11 (see README).
$(RASA_STAMP): requirements/rasa-deps.txt requirements/rasa-constraints.txt
	$(DISK_CHECK)
	@echo "==> Installing the Rasa environment $(RASA_VENV) (first time about 3 minutes) …"
	test -x $(RASA_VENV)/bin/python || $(PYTHON) -m venv $(RASA_VENV)
	$(RASA_VENV)/bin/pip install -q --no-deps --ignore-requires-python rasa==3.6.21 rasa-sdk==3.6.2
	$(RASA_VENV)/bin/pip install -q -r requirements/rasa-deps.txt -c requirements/rasa-constraints.txt
	touch $@

# Browser tests of the chat widget (tests/browser): Debian's Chromium (apt-get, only if
# missing; Playwright never downloads a browser) and axe-core from the npm registry.
AXE_VERSION := 4.14.1
AXE := var/axe-core/axe.min.js
SUDO := $(shell test "$$(id -u)" -eq 0 || echo sudo)
browser: $(APP_STAMP) $(AXE)
	@test -x /usr/bin/chromium || { echo "==> Installing Debian's Chromium for the browser tests …"; \
	    $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

$(AXE):
	@echo "==> axe-core $(AXE_VERSION) from the npm registry (accessibility checks) …"
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq npm; }
	mkdir -p $(@D)
	cd $(@D) && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null \
	    && tar -xzf axe-core-$(AXE_VERSION).tgz package/axe.min.js \
	    && mv package/axe.min.js axe.min.js && rm -rf package axe-core-$(AXE_VERSION).tgz

# The staff review's PostgreSQL test (tests/review/test_postgresql.py) starts its own
# server on loopback from Debian's package; installed only if missing.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { echo "==> Installing Debian's PostgreSQL for the tests …"; \
	    $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq postgresql; }

catalogue: $(APP_STAMP)
	@echo "==> Catalogue database (rebuilt only when its sources changed) …"
	$(APP_VENV)/bin/catalogue build

model: $(RASA_STAMP)
	@echo "==> Dialogue model (trained only when config, domain or data changed) …"
	$(APP_VENV)/bin/python scripts/train_model.py

# Dependency audit (pip-audit over both environments; known findings with reasons in
# requirements/audit-known.txt, see docs/dependencies.md). AUDIT_SERVICE=osv to use OSV.
AUDIT_SERVICE ?= pypi
AUDIT_FLAGS ?=

# Runs every check even when an earlier one fails, then fails if any did.
lint: $(APP_STAMP) $(RASA_STAMP)
	@status=0; \
	echo "== ruff"; $(APP_VENV)/bin/ruff check . || status=1; \
	echo "== mypy"; $(APP_VENV)/bin/mypy || status=1; \
	echo "== pip-audit"; $(APP_VENV)/bin/python scripts/audit_dependencies.py \
	    --service $(AUDIT_SERVICE) $(AUDIT_FLAGS) \
	    $(APP_VENV)/bin/python $(RASA_VENV)/bin/python || status=1; \
	exit $$status

# Search eval (both dev sets, per split), then every dev-set query through the real stack
# (its own ports, see eval/chat_eval.py; docs/evaluation.md). E.g.
# CHAT_EVAL_FLAGS="--web-port 38000 --rasa-port 35005 --actions-port 35055".
CHAT_EVAL_FLAGS ?=
eval: envs catalogue model
	$(APP_VENV)/bin/python -m eval.evaluate --no-misses
	$(APP_VENV)/bin/python -m eval.chat_eval $(CHAT_EVAL_FLAGS)

bench-search: $(APP_STAMP)
	$(APP_VENV)/bin/python -m benchmarks.search_bench

bench-chat: envs catalogue model
	$(APP_VENV)/bin/python -m benchmarks.chat_bench

bench-staff: $(APP_STAMP)
	$(APP_VENV)/bin/python -m benchmarks.staff_review

clean:
	rm -rf var models
