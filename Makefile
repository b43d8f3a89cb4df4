# Source4Networks: `make run` sets everything up and serves the site; `make test` runs the suite;
# `make serve` runs it as in production (see README.md and docs/operations.md).
SHELL := /bin/bash
VENV := .venv
PYTHON := $(VENV)/bin/python
PORT ?= 8000
# The site's address for emails, sitemap and canonical links; `make migrate` writes it into
# Wagtail's Site record. Set it when the site is reached at another address.
SITE_URL ?= http://127.0.0.1:$(PORT)
export SITE_URL
PYTHON_DEPS := $(VENV)/.installed
# Every Python package pinned with its hashes (`make lock` writes them from pyproject.toml).
LOCK := requirements/dev.lock
LOCK_TOOLS := .lock-tools
LOCK_FLAGS := --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
# `make serve`: production settings; everything else comes from the environment (README.md).
SERVE_ENV := DJANGO_SETTINGS_MODULE=source4networks.settings.production
# `make serve` fills an empty site with the demo content (accounts with a published password):
# a live site runs `make serve DEMO=no`.
DEMO ?= yes
NODE_DEPS := node_modules/.installed
STATIC_BUILT := static/dist/main.css
STATIC_COLLECTED := staticfiles/staticfiles.json

.DEFAULT_GOAL := help
.PHONY: help run setup serve test test-fast lint security format check assets migrate demo bench lock clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(PYTHON_DEPS): pyproject.toml $(LOCK)
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --require-hashes -r $(LOCK)
	$(PYTHON) -m pip install --quiet --no-deps -e .
	touch $@

lock: ## Pin every dependency with hashes into requirements/ (after changing pyproject.toml)
	test -x $(LOCK_TOOLS)/bin/pip-compile || { python3 -m venv $(LOCK_TOOLS) && $(LOCK_TOOLS)/bin/pip install --quiet "pip-tools>=7.4,<8"; }
	$(LOCK_TOOLS)/bin/pip-compile $(LOCK_FLAGS) --extra dev -o requirements/dev.lock pyproject.toml
	$(LOCK_TOOLS)/bin/pip-compile $(LOCK_FLAGS) --extra s3 -o requirements/production.lock pyproject.toml

$(NODE_DEPS): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

$(STATIC_BUILT): $(NODE_DEPS) frontend/build.mjs $(wildcard frontend/scss/*.scss)
	npm run build

assets: $(STATIC_BUILT) ## Build the front end (NHS.UK frontend) into static/dist

migrate: $(PYTHON_DEPS) ## Apply database migrations
	$(PYTHON) manage.py migrate --noinput

setup: $(PYTHON_DEPS) $(STATIC_BUILT) $(STATIC_COLLECTED) migrate ## Install everything, migrate, and load demo content into an empty site
	$(PYTHON) manage.py load_demo_content --if-empty

# Static files collected as production has them (hashed names, gzip and Brotli), so `make run`
# serves them as production does; collected again only when a static file or a dependency changes.
$(STATIC_COLLECTED): $(PYTHON_DEPS) $(STATIC_BUILT) $(shell find static -type f 2>/dev/null)
	$(PYTHON) manage.py collectstatic --noinput --verbosity 0
	touch $@

run: setup ## Set up and serve the site at http://127.0.0.1:$(PORT)
	$(PYTHON) manage.py runserver 127.0.0.1:$(PORT)

serve: $(PYTHON_DEPS) $(STATIC_BUILT) ## Serve as in production: gunicorn, task worker and scheduler (needs the environment in README.md)
	$(SERVE_ENV) $(PYTHON) manage.py collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(PYTHON) manage.py migrate --noinput
	$(if $(filter yes,$(DEMO)),$(SERVE_ENV) $(PYTHON) manage.py load_demo_content --if-empty --force)
	PATH="$(abspath $(VENV))/bin:$$PATH" $(SERVE_ENV) BIND_ADDRESS="$${BIND_ADDRESS:-127.0.0.1}" \
		$(VENV)/bin/honcho start --procfile Procfile --port $(PORT)

test: $(PYTHON_DEPS) $(STATIC_BUILT) ## Run the whole test suite (browser and HTML validity tests included)
	$(VENV)/bin/pytest

test-fast: $(PYTHON_DEPS) $(STATIC_BUILT) ## Run the suite without the browser tests
	$(VENV)/bin/pytest -m "not browser"

check: $(PYTHON_DEPS) ## Django's system checks and a check for missing migrations
	$(PYTHON) manage.py check
	$(PYTHON) manage.py makemigrations --check --dry-run

lint: $(PYTHON_DEPS) ## Lint and check formatting with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

security: $(PYTHON_DEPS) ## Scan the code with bandit (configured in pyproject.toml)
	$(VENV)/bin/bandit -c pyproject.toml -r . --quiet

format: $(PYTHON_DEPS) ## Format and fix what ruff can
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

BENCH_DATA ?= small
bench: $(PYTHON_DEPS) $(STATIC_BUILT) ## Measure real HTTP serving against a trivial view (BENCH_DATA=small|large; needs wrk)
	$(PYTHON) bench/serve_bench.py --data $(BENCH_DATA)

.PHONY: resilience
resilience: $(PYTHON_DEPS) $(STATIC_BUILT) ## Load and faults on a private production stack (100 users, 3 min; needs initdb and redis-server)
	$(PYTHON) -m tests.resilience.fault_run

clean: ## Remove the virtual environment, node modules, built files and the SQLite database
	rm -rf $(VENV) $(LOCK_TOOLS) node_modules static/dist staticfiles db.sqlite3 .test-media
