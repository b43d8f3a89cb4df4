# Source4Networks: `make run` sets everything up and serves the site; `make test` runs the suite.
SHELL := /bin/bash
VENV := .venv
PYTHON := $(VENV)/bin/python
PORT ?= 8000
# The site's address for emails, sitemap and canonical links; `make migrate` writes it into
# Wagtail's Site record. Set it when the site is reached at another address.
SITE_URL ?= http://127.0.0.1:$(PORT)
export SITE_URL
PYTHON_DEPS := $(VENV)/.installed
NODE_DEPS := node_modules/.installed
STATIC_BUILT := static/dist/main.css

.DEFAULT_GOAL := help
.PHONY: help run setup test test-fast lint format check assets migrate demo bench clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(PYTHON_DEPS): pyproject.toml
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e ".[dev]"
	touch $@

$(NODE_DEPS): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

$(STATIC_BUILT): $(NODE_DEPS) frontend/build.mjs $(wildcard frontend/scss/*.scss)
	npm run build

assets: $(STATIC_BUILT) ## Build the front end (NHS.UK frontend) into static/dist

migrate: $(PYTHON_DEPS) ## Apply database migrations
	$(PYTHON) manage.py migrate --noinput

setup: $(PYTHON_DEPS) $(STATIC_BUILT) migrate ## Install everything, migrate, and load demo content into an empty site
	$(PYTHON) manage.py load_demo_content --if-empty

run: setup ## Set up and serve the site at http://127.0.0.1:$(PORT)
	$(PYTHON) manage.py runserver 127.0.0.1:$(PORT)

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

format: $(PYTHON_DEPS) ## Format and fix what ruff can
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

BENCH_DATA ?= small
bench: $(PYTHON_DEPS) $(STATIC_BUILT) ## Measure real HTTP serving against a trivial view (BENCH_DATA=small|large; needs wrk)
	$(PYTHON) bench/serve_bench.py --data $(BENCH_DATA)

clean: ## Remove the virtual environment, node modules, built files and the SQLite database
	rm -rf $(VENV) node_modules static/dist staticfiles db.sqlite3 .test-media
