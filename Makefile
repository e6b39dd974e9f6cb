# thidua: `make run` starts the system, `make test` runs every check, `make bench` measures.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test bench office install lint check-migrations check-i18n messages test-sqlite test-postgres browser clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP) messages

# Translations are compiled from the committed .po files (the .mo files are not in git).
messages: $(STAMP)
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext >/dev/null)
	@$(BIN)/thidua compilemessages --ignore=.venv --verbosity 0

run: install
	mkdir -p var
	$(BIN)/thidua migrate --noinput
	$(BIN)/thidua demo --if-empty
	@$(BIN)/thidua demo --accounts
	DEBUG=1 $(BIN)/thidua runserver 127.0.0.1:$(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .

check-migrations: $(STAMP)
	$(BIN)/thidua makemigrations --check --dry-run

check-i18n: $(STAMP)
	$(BIN)/python scripts/check_translations.py

# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

test-sqlite: install browser office
	env -u DATABASE_URL $(BIN)/pytest

test-postgres: install browser office
	@if [ -n "$$DATABASE_URL" ]; then \
		$(BIN)/python scripts/wait_for_db.py && $(BIN)/pytest; \
	elif [ -n "$$CI" ]; then echo "CI requires DATABASE_URL (PostgreSQL)"; exit 1; \
	else echo "DATABASE_URL not set: PostgreSQL run skipped"; fi

test: lint check-migrations check-i18n test-sqlite test-postgres

# LibreOffice (headless Writer, from Debian): the tests open the Word documents in it, and it is
# the baseline of the certificate benchmark.
office:
	@command -v soffice >/dev/null || (apt-get update -qq && apt-get install -y -qq libreoffice-writer-nogui >/dev/null)

bench: install office
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var/static
