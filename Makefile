# Set-up is part of every target: a virtualenv in .venv with contactline installed.
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: run test score eval lint bench

$(BIN)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

## ingest the example articles into contactline.db and print their timeline
run: $(BIN)/.installed
	$(BIN)/contactline --db contactline.db ingest examples/
	$(BIN)/contactline --db contactline.db timeline --format table

## run the test suite
test: $(BIN)/.installed
	$(BIN)/pytest

## score extraction of the example articles against the gold annotations in ../shared
score: $(BIN)/.installed
	$(BIN)/contactline extract $(SHARED)/seeds/*.txt --format jsonl > /tmp/contactline-seeds.jsonl
	rm -f /tmp/contactline-seeds.db
	$(BIN)/contactline --db /tmp/contactline-seeds.db ingest $(SHARED)/seeds/ 2>/dev/null
	$(BIN)/contactline --db /tmp/contactline-seeds.db timeline --format json > /tmp/contactline-timeline.json
	python3 $(SHARED)/eval/score.py $(SHARED)/gold /tmp/contactline-seeds.jsonl --timeline /tmp/contactline-timeline.json

## score the project's own gold sets: events (P/R/F1; development and held-out) and time expressions (accuracy)
eval: $(BIN)/.installed
	$(BIN)/contactline eval tests/data/events_gold.jsonl
	$(BIN)/contactline eval tests/data/events_heldout.jsonl
	$(BIN)/contactline timex-eval tests/data/timex_set.jsonl

## lint and type-check
lint: $(BIN)/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

## measure throughput: full extraction against bare spaCy on the same corpus
bench: $(BIN)/.installed
	$(BIN)/python bench/throughput.py
