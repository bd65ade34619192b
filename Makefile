# linkscan — run `make` (or `make help`) for the list of targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
TOOLS ?= .tools
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
SAM := $(TOOLS)/bin/sam
STAMP := $(VENV)/.installed
TOOLS_STAMP := $(TOOLS)/.installed
export SAM_CLI_TELEMETRY := 0
export PYTHONDONTWRITEBYTECODE := 1

FN ?= ScanFunction
EVENT ?= events/sqs_scan_batch.json
STAGE ?= dev
PORT ?= 3000

.PHONY: help install tools check test test-unit test-integration test-e2e lint validate build demo start \
        bench eval train invoke deploy clean

# Colour only on a terminal: a pipe or a file gets plain text.
help: ## Show this help
	@if [ -t 1 ]; then on=$$'\033[36m'; off=$$'\033[0m'; else on=; off=; fi; \
	grep -hE '^[a-zA-Z0-9_-]+:.*?## ' $(MAKEFILE_LIST) | \
	awk -v on="$$on" -v off="$$off" 'BEGIN {FS = ":.*?## "}; {printf "  %s%-16s%s %s\n", on, $$1, off, $$2}'

$(STAMP): pyproject.toml layers/linkscan/native/_native.c
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## Create .venv with linkscan (console script `linkscan`) and the dev tools

# aws-sam-cli pins its own boto3, so it lives in a virtualenv of its own.
$(TOOLS_STAMP):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install -q --upgrade pip
	$(TOOLS)/bin/pip install -q 'aws-sam-cli>=1.120'
	touch $(TOOLS_STAMP)

tools: $(TOOLS_STAMP) ## Install the SAM CLI into .tools

check: $(STAMP) lint ## The inner loop: ruff, mypy and the unit tests (no sockets, no moto; well under a minute)
	$(BIN)/pytest -q tests/unit

test: $(STAMP) lint validate ## Lint, validate the template and run every test (unit, integration, e2e)
	$(BIN)/pytest -q tests

test-unit: $(STAMP) ## Unit tests only (no sockets, no moto)
	$(BIN)/pytest -q tests/unit

test-integration: $(STAMP) ## Handlers against moto and loopback HTTP servers
	$(BIN)/pytest -q tests/integration

test-e2e: $(STAMP) ## The local stack end to end
	$(BIN)/pytest -q tests/e2e

lint: $(STAMP) ## ruff and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

validate: $(STAMP) $(TOOLS_STAMP) ## sam validate --lint and cfn-lint on template.yaml
	$(SAM) validate --lint --template-file template.yaml
	$(BIN)/cfn-lint template.yaml

# SAM's python builder checks for a python3.13 binary even for functions without requirements; pyenv's
# 3.13 is used when the machine has one. The layer itself is built by layers/linkscan/Makefile.
PY313_DIR := $(shell d="$$(pyenv root 2>/dev/null)/versions/3.13.0/bin"; [ -x "$$d/python3.13" ] && echo "$$d")

build: $(TOOLS_STAMP) ## sam build (arm64 python3.13 wheels for the layer, no Docker needed)
	PATH="$(if $(PY313_DIR),$(PY313_DIR):)$$PATH" LINKSCAN_ZIG_DIR="$(abspath $(TOOLS))/ziglang" \
		$(SAM) build --template-file template.yaml

demo: $(STAMP) ## Run the whole pipeline end to end on the embedded local stack, then exit
	$(PY) -m devstack demo

start: $(STAMP) ## Keep the local stack running with the API on http://127.0.0.1:3000 (PORT=3001 for another)
	$(PY) -m devstack start --port $(PORT)

bench: $(STAMP) ## Benchmarks; figures go to bench/results.json
	$(PY) -m devstack.bench --out bench/results.json

eval: $(STAMP) ## Detection quality on the labelled dev set; figures go to eval/results.json
	$(PY) -m devstack.evaluate --out eval/results.json

train: $(STAMP) ## Train the offer model from tests/data (writes linkscan/detect/offer_model.json)
	$(PY) -m devstack.train

invoke: $(STAMP) ## Invoke one function in-process on the local stack: make invoke FN=ScanFunction EVENT=events/...
	$(PY) -m devstack invoke $(FN) $(EVENT)

deploy: build ## sam deploy --guided (needs AWS credentials)
	$(SAM) deploy --guided --parameter-overrides Stage=$(STAGE)

clean: ## Remove virtualenvs and build output
	rm -rf $(VENV) $(TOOLS) .aws-sam .pytest_cache .mypy_cache .ruff_cache build
	rm -f layers/linkscan/python/linkscan/detect/_native*.so
