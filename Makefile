# vislab: `make run` opens the window, `make test` runs the tests. Both set up .venv first when needed.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
ARGS ?=

.PHONY: run test bench lint translations clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PIP) install -e '.[test,cluster]'
	touch $@

run: $(VENV)/.installed
	$(VENV)/bin/vislab $(ARGS)

# The style, the import contracts (pyproject.toml's [tool.importlinter]: the core imports no Qt), the tests.
test: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-logo
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed-test
	$(PY) -m benchmarks

# Collect the interface's texts into resources/translations/*.ts (keeping the translations made) and compile
# the .qm files; translate the new entries in the Spanish .ts (Qt Linguist: pyside6-linguist), then run it again.
translations: $(VENV)/.installed-test
	$(PY) -m vislab.ui.i18n

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-logo

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .import_linter_cache
