# The two commands a newcomer needs: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres
SHARED_DATA ?= ../shared/data

.PHONY: serve test test-sqlite test-postgres train install install-dev chromium gettext wrk benchmarks

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.runtime: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

serve: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	DEBUG=True $(BIN)/python manage.py runserver 127.0.0.1:8000

chromium:
	@command -v chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium)

# The HTTP load generator of benchmarks/http_load.py (Debian's package).
wrk:
	@command -v wrk >/dev/null || (apt-get update -q && apt-get install -y -q wrk)

# xgettext and msgmerge: a test re-extracts the messages to check the catalogues are complete.
gettext:
	@command -v msgmerge >/dev/null || (apt-get update -q && apt-get install -y -q gettext)

test: install-dev chromium gettext test-sqlite test-postgres

# Tests run on every core (pytest-xdist), a test file per worker at a time, each worker with its
# own test database. The broker tests stop and restart the shared Redis and RabbitMQ, so they
# run alone, after the rest.
PARALLEL ?= -n auto --dist loadfile

# The broker crash tests need a database that worker processes can share: PostgreSQL only.
# The fault tests bring their own PostgreSQL server, so one pass runs them: this one.
test-sqlite: install-dev
	$(BIN)/python -m pytest $(PARALLEL) -m "not brokers"

test-postgres: install-dev
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/python -m pytest $(PARALLEL) -m "not faults and not brokers" commentdesk e2e
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/python -m pytest -m brokers commentdesk

train: install-dev
	$(BIN)/python -m classifier.train --data $(SHARED_DATA)

benchmarks: install-dev wrk
	for b in benchmarks/*.py; do case $$b in */common.py|*/datasets.py) ;; *) $(BIN)/python $$b || exit 1;; esac; done
