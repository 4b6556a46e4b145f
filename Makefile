# Two entry points on a fresh machine:
#   make demo  - install, build the index, answer a sample question (no Slack, no language model)
#   make test  - install, then run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
QUESTION ?= what must I report on missing children?

.PHONY: demo test install index eval bench lint format clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, pinned: the CPU build on this machine's disk, never a multi-GB CUDA download.
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

index: $(STAMP)
	$(BIN)/handbook index

demo: index
	$(BIN)/handbook ask "$(QUESTION)"

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/handbook eval ../shared/eval/questions.jsonl

bench: $(STAMP)
	$(BIN)/handbook bench

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info
