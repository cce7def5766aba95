# GCM Indicator Workbench. `make run` serves the whole stack; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed
WITH_SERVICES := bin/with-services
# Debian packages: PDF typesetting (pango, fonts for the six UN languages, poppler for checks), browser tests.
DOCUMENT_PACKAGES := dpkg:libpango-1.0-0 dpkg:fonts-noto-core dpkg:fonts-noto-cjk pdftotext:poppler-utils

.PHONY: install run test up down lint format check bench messages compilemessages backup restore clean

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	@PYTHON=$(PYTHON) bin/install

CATALOGUES := $(wildcard locale/*/LC_MESSAGES/*.po)

compilemessages: $(CATALOGUES:.po=.mo)

# Compiled only when the catalogue changed.
locale/%.mo: locale/%.po
	@bin/system-packages msgfmt:gettext
	@msgfmt --check-format -o $@ $<

up: install
	@bin/services up

down:
	@bin/services down

run: install compilemessages
	@bin/system-packages $(DOCUMENT_PACKAGES)
	@$(WITH_SERVICES) bin/serve

test: install compilemessages
	@bin/system-packages chromium:chromium $(DOCUMENT_PACKAGES)
	@$(WITH_SERVICES) bin/test-suite $(ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install
	@$(WITH_SERVICES) bin/check

bench: install
	@$(WITH_SERVICES) bin/bench

messages: install
	$(MANAGE) makemessages --all --ignore=.venv --ignore=.local --no-obsolete --add-location=file
	$(MANAGE) makemessages --all -d djangojs --ignore=.venv --ignore=.local --ignore=static/vendor --no-obsolete

backup: install
	@$(WITH_SERVICES) bin/backup $(FILE)

restore: install
	@$(WITH_SERVICES) bin/restore $(FILE)

clean: down
	rm -rf $(VENV) .local
