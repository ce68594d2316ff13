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

# The menu entry and icon for a source install (this checkout's venv): packaging/vislab.desktop with Exec set to
# the venv's vislab, and resources/icons as hicolor's vislab.png, under $(DATA_HOME) (default ~/.local/share).
DATA_HOME ?= $(or $(XDG_DATA_HOME),$(HOME)/.local/share)
.PHONY: install-desktop
install-desktop: $(VENV)/.installed
	mkdir -p $(DATA_HOME)/applications
	sed -e 's|^Exec=vislab|Exec=$(abspath $(VENV))/bin/vislab|' -e 's|^TryExec=vislab|TryExec=$(abspath $(VENV))/bin/vislab|' \
		packaging/vislab.desktop > $(DATA_HOME)/applications/vislab.desktop
	for size in 16 24 32 48 64 128 256 512; do \
		file=resources/icons/vislab-$$size.png; [ $$size = 512 ] && file=resources/icons/vislab.png; \
		install -Dm644 $$file $(DATA_HOME)/icons/hicolor/$${size}x$${size}/apps/vislab.png || exit 1; \
	done
	-command -v update-desktop-database >/dev/null && update-desktop-database -q $(DATA_HOME)/applications

# The desktop app: build_app.spec (PyInstaller) makes dist/vislab/, whose dist/vislab/vislab is the window and the
# commands and runs without Python or this venv; bundle-test runs it as a user would (packaging/bundle_test.py).
.PHONY: bundle bundle-test
$(VENV)/.installed-bundle: pyproject.toml $(VENV)/.installed
	$(PIP) install -e '.[bundle]'
	touch $@

bundle: $(VENV)/.installed-bundle
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN build_app.spec

bundle-test: $(VENV)/.installed
	$(PY) packaging/bundle_test.py --reference $(VENV)/bin/vislab

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .import_linter_cache
