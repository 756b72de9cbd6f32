# 助联 Zhulian — every setup step lives here, so a fresh clone needs only `make run` / `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
NLU_VENV := .venv-nlu
PY := $(VENV)/bin/python
MODEL := nlu/models/zhulian.tar.gz
NLU_SOURCES := nlu/config.yml nlu/domain.yml $(wildcard nlu/data/*.yml)
# The list of training files, rewritten only when it changes: a file removed retrains too.
NLU_LIST := var/nlu-sources.list
# The first Python 3.11 / 3.10 that actually runs (pyenv shims may list versions not selected).
find_python = $(shell for p in python$(1) $$HOME/.pyenv/versions/$(1)*/bin/python$(1) /usr/local/bin/python$(1) /usr/bin/python$(1); do "$$p" -c 'import sys' >/dev/null 2>&1 && { echo "$$p"; break; }; done)
PYTHON311 ?= $(call find_python,3.11)
PYTHON310 ?= $(call find_python,3.10)
PIP_QUIET := --quiet --disable-pip-version-check
# The console's chart library, from the npm registry, served from the app's own static files.
ECHARTS_VERSION := 6.1.0
ECHARTS := web/static/vendor/echarts.min.js

help: ## List the targets
	@grep -E '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -n "$(PYTHON311)" || { echo "Python 3.11 is needed (e.g. apt-get install python3.11 python3.11-venv)"; exit 1; }
	$(PYTHON311) -m venv $(VENV)
	$(VENV)/bin/pip install $(PIP_QUIET) --upgrade pip
	$(VENV)/bin/pip install $(PIP_QUIET) -r requirements-dev.txt
	@touch $@

$(NLU_VENV)/.installed: requirements-nlu.txt
	@test -n "$(PYTHON310)" || { echo "Python 3.10 is needed for Rasa 3.6 (e.g. pyenv install 3.10)"; exit 1; }
	$(PYTHON310) -m venv $(NLU_VENV)
	$(NLU_VENV)/bin/pip install $(PIP_QUIET) --upgrade pip
	$(NLU_VENV)/bin/pip install $(PIP_QUIET) -r requirements-nlu.txt
	@touch $@

$(NLU_LIST): FORCE
	@mkdir -p var
	@echo "$(NLU_SOURCES)" | cmp -s - $@ || echo "$(NLU_SOURCES)" > $@

$(MODEL): $(NLU_VENV)/.installed $(NLU_SOURCES) $(NLU_LIST)
	@mkdir -p var
	@echo "training the Rasa NLU model (about a minute; log in var/rasa-train.log)"
	cd nlu && ../$(NLU_VENV)/bin/rasa train nlu --config config.yml --nlu data \
		--out models --fixed-model-name zhulian > ../var/rasa-train.log 2>&1 \
		|| { tail -20 ../var/rasa-train.log; exit 1; }

.env:
	$(PY) -m config.init_env

$(ECHARTS):
	@mkdir -p var/npm $(dir $@)
	cd var/npm && npm pack --silent --loglevel=error echarts@$(ECHARTS_VERSION) > /dev/null
	tar -xzf var/npm/echarts-$(ECHARTS_VERSION).tgz -C var/npm package/dist/echarts.min.js
	cp var/npm/package/dist/echarts.min.js $@

# Browser tests drive Debian's Chromium and ChromeDriver, with CJK fonts for the screenshots
# (installed once, when missing).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null \
		&& [ -d /usr/share/fonts/opentype/noto ] || { \
		echo "installing Debian's chromium, chromium-driver and fonts-noto-cjk for the browser tests"; \
		$(SUDO) apt-get install -y -q chromium chromium-driver fonts-noto-cjk >/dev/null 2>&1 \
		|| { $(SUDO) apt-get update -q >/dev/null && \
		     $(SUDO) apt-get install -y -q chromium chromium-driver fonts-noto-cjk >/dev/null; }; }

setup: $(VENV)/.installed $(NLU_VENV)/.installed $(MODEL) $(ECHARTS) .env ## Create both virtualenvs, train the NLU model, fetch ECharts, write .env
	@mkdir -p var

nlu-model: $(MODEL) ## Train the Rasa model (only when its data changed)

nlu-eval: $(VENV)/.installed $(MODEL) ## Train if the data changed, then evaluate the NLU on the held-out set
	$(PY) -m nlu eval

nlu-generate: $(VENV)/.installed ## Regenerate nlu/data/generated.yml from the banks in nlu/generate.py
	$(PY) -m nlu generate

nlu-cv: $(NLU_VENV)/.installed ## 5-fold cross-validation on the training data (five trainings, a few minutes)
	@mkdir -p var
	cd nlu && ../$(NLU_VENV)/bin/rasa test nlu --config config.yml --nlu data \
		--cross-validation --folds 5 --out ../var/nlu-cv > ../var/nlu-cv.log 2>&1 \
		|| { tail -20 ../var/nlu-cv.log; exit 1; }
	$(PY) -c "import json; r = json.load(open('var/nlu-cv/intent_report.json')); \
		print('5-fold cross-validation, intent accuracy', round(r['accuracy'], 3)); \
		[print(f'  {k:<16} F1 {v[\"f1-score\"]:.3f}') for k, v in sorted(r.items()) if isinstance(v, dict) and 'f1-score' in v]"

migrate: setup ## Apply database migrations
	$(VENV)/bin/flask db upgrade

run: setup ## Set up everything, then run web, nlu, worker, scheduler and the WeChat stand-in
	$(PY) -m config.services redis
	$(VENV)/bin/flask db upgrade
	$(PY) -m config.launch

chat: ## Chat with the running bot from this terminal (OPENID=o_someone to pick who you are)
	$(PY) -m wechat_standin chat --openid $${OPENID:-o_demo_household}

lint: $(VENV)/.installed ## ruff, mypy, and the import contracts (dependencies point one way)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy web jobs compose notification conversation domain storage config nlu matcher messages vocabulary chaos
	$(VENV)/bin/lint-imports

test: lint $(MODEL) $(ECHARTS) browser ## Lint, then every test on SQLite and PostgreSQL with real Redis and Rasa, and the console in Chromium
	$(PY) -m config.services redis postgres
	$(PY) -m pytest $(PYTEST_ARGS)

chaos: $(VENV)/.installed $(MODEL) ## Fault campaign: its own Redis, PostgreSQL and stack, faults under load, invariants
	$(PY) -m chaos

bench: $(VENV)/.installed ## Webhook benchmark, closed and open loop, against the running service (`make run` first)
	$(PY) -m bench.webhook_load

bench-cold: setup ## Webhook benchmark from a cold start: starts the stack, measures the first run, then warm
	$(PY) -m config.services redis
	$(VENV)/bin/flask db upgrade
	$(PY) -m bench.webhook_load --cold

bench-cost: $(VENV)/.installed $(MODEL) ## What one message costs the web process (CPU, SQL statements, Redis commands), in process, beside the bare endpoint
	$(VENV)/bin/flask db upgrade
	$(PY) -m bench.webhook_cost

bench-jobs: $(VENV)/.installed ## What one background job costs the RQ worker: RQ's forking worker beside this project's
	$(PY) -m bench.job_cost

bench-nlu: $(VENV)/.installed $(MODEL) ## NLU benchmark: training time, Rasa memory, parse latency, throughput
	$(PY) -m bench.nlu_bench

bench-matcher: $(VENV)/.installed ## Matcher benchmark: 1k, 10k, 100k cases x pledges and an incremental run
	$(PY) -m bench.matcher_bench

bench-console: $(VENV)/.installed ## Console benchmark: queue, statistics, pledges with 100k cases and 100k pledges in PostgreSQL
	$(PY) -m config.services redis postgres
	$(PY) -m bench.console_pages

clean: ## Remove virtualenvs, the trained model and local data
	rm -rf $(VENV) $(NLU_VENV) nlu/models var

.PHONY: FORCE browser help setup nlu-model nlu-generate nlu-cv nlu-eval migrate run chat lint test chaos bench bench-cold bench-cost bench-jobs bench-nlu bench-matcher bench-console clean
