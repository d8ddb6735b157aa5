# counsel_desk — `make run` sets everything up and starts the app on a demo database;
# `make test` sets everything up, runs the guards (`make check`) and then the whole test suite.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run check test test-encrypted bench i18n installer installer-test clean-venv

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,installer]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/counsel-desk gui --demo

# The guards: lint (ruff), types (mypy, strict on the layers below ui/) and dead code (vulture);
# their settings live in pyproject.toml, vulture's known-used names in vulture_whitelist.py.
check: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/vulture

test: check
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# The whole suite again on encrypted databases (SQLCipher; tests/conftest.py reads the variable). The
# installer tests build the same bundle either way and run once, in `make test`; the recovery key a new
# encrypted database shows is taken as kept by tests/ui/conftest.py (never a dialog left waiting).
test-encrypted: $(STAMP)
	COUNSEL_DESK_TEST_ENCRYPTED=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not installer"

bench: $(STAMP)
	$(PY) -m benchmarks

i18n: $(STAMP)
	$(PY) -m counsel_desk.i18n.catalog update
	$(PY) -m counsel_desk.i18n.catalog check
	$(PY) -m counsel_desk.i18n.catalog release

# The bundle (dist/counsel_desk), its smoke test, the Linux tarball and the NSIS installer; see docs/installing.md.
installer: $(STAMP)
	$(PY) -m pip install --quiet -e '.[installer]'
	$(PY) installer/build.py

# The installer tests alone (they build their own bundle in a temporary folder, ~2 minutes).
installer-test: $(STAMP)
	$(PY) -m pip install --quiet -e '.[installer]'
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m installer tests/integration/test_installer.py

clean-venv:
	rm -rf $(VENV)
