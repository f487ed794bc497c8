VENV ?= .venv
PY := $(VENV)/bin/python
DB ?= tidings.db

.PHONY: run test benchmarks lint typecheck pytest clean

$(VENV)/installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

run: $(VENV)/installed
	$(VENV)/bin/tidings ingest --example --db sqlite:///$(DB)
	$(VENV)/bin/tidings show --example --db sqlite:///$(DB)

test: $(VENV)/installed
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest

# The accuracy table, measured now against benchmarks/floors.toml (needs ../shared).
benchmarks: $(VENV)/installed
	$(PY) -m tidings.evaluation.report benchmarks/floors.toml > docs/benchmarks.md.new
	mv docs/benchmarks.md.new docs/benchmarks.md

clean:
	rm -rf $(VENV) $(DB) .mypy_cache .pytest_cache .ruff_cache
