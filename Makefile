# Partnership Desk: `make run` starts the program, `make test` runs every check headless.
# Works on a fresh Debian/Ubuntu machine with Python 3.11+. System packages are installed
# with apt-get when running as root (or with passwordless sudo); otherwise the exact
# command to run is printed.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
JOBS   ?= 2
DATES  ?= 2027-06-01 2031-02-28
SUDO   := $(shell [ "$$(id -u)" = 0 ] && echo "" || (command -v sudo >/dev/null && sudo -n true 2>/dev/null && echo sudo) || echo NONE)

QT_DEBS   := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
             libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 \
             libfontconfig1 libdbus-1-3 libglib2.0-0
TEST_DEBS := postgresql poppler-utils faketime

.PHONY: run test test-sqlite test-quick test-dates lint typecheck pytest pytest-sqlite venv system-deps system-deps-test bench clean \
        windows test-windows system-deps-windows system-deps-wine

run: venv system-deps
	$(VENV)/bin/partnership-desk

# Everything, on SQLite and on a real PostgreSQL (started here; the run fails without it),
# then the date-dependent tests again with the system clock moved far away.
test: venv system-deps system-deps-test lint typecheck pytest test-dates

# For a machine without PostgreSQL: every check but the PostgreSQL tests (deselected, and said so).
test-sqlite: venv system-deps lint typecheck pytest-sqlite

# The inner loop: no real processes, no property tests, SQLite only (under two minutes).
test-quick: venv
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n $(JOBS) -q -m "not slow and not postgres" $(PYTEST_ARGS)

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed (found $$($(PYTHON) --version))"; exit 1; }
	@$(PYTHON) -m venv --help >/dev/null 2>&1 && $(PYTHON) -c 'import ensurepip' 2>/dev/null || $(MAKE) --no-print-directory apt DEBS="python3-venv"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

system-deps:
	@$(PY) -c 'import ctypes.util,sys; sys.exit(0 if ctypes.util.find_library("xcb-cursor") and ctypes.util.find_library("EGL") else 1)' \
	  || $(MAKE) --no-print-directory apt DEBS="$(QT_DEBS)"

system-deps-test:
	@command -v pdftoppm >/dev/null && command -v faketime >/dev/null && ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 \
	  || $(MAKE) --no-print-directory apt DEBS="$(TEST_DEBS)"

apt:
	@if [ "$(SUDO)" = NONE ]; then \
	  echo "Missing system packages. Please run:"; \
	  echo "  sudo apt-get update && sudo apt-get install -y $(DEBS)"; \
	  exit 1; \
	fi
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(DEBS)

lint: venv
	$(VENV)/bin/ruff check app cli ui reports tests benchmarks
	$(VENV)/bin/ruff format --check app cli ui reports tests benchmarks

typecheck: venv
	$(VENV)/bin/mypy

pytest: venv
	@url="$${PARTNERSHIP_DESK_TEST_PG:-$$(tools/pg-test-server start)}"; \
	  if [ -z "$$url" ]; then \
	    echo "make test: the PostgreSQL test server could not start (see above), so the PostgreSQL tests cannot run." >&2; \
	    echo "  Install it with: sudo apt-get install postgresql   -- or run 'make test-sqlite' for SQLite only." >&2; \
	    exit 1; \
	  fi; \
	  PARTNERSHIP_DESK_TEST_PG="$$url" QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n $(JOBS) $(PYTEST_ARGS)

pytest-sqlite: venv
	@echo "PostgreSQL tests are deselected (-m 'not postgres'): this run does not cover PostgreSQL."
	env -u PARTNERSHIP_DESK_TEST_PG QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n $(JOBS) -m "not postgres" $(PYTEST_ARGS)

# The tests marked 'dates' (demo, dashboard, briefings, lifecycle, exchange, backups) under
# libfaketime: the whole process, SQLite included, sees another day. Monotonic time is left
# alone so that timeouts still work.
test-dates: venv system-deps-test
	@url="$${PARTNERSHIP_DESK_TEST_PG:-$$(tools/pg-test-server start)}"; \
	  [ -n "$$url" ] || { echo "make test-dates: the PostgreSQL test server could not start." >&2; exit 1; }; \
	  for day in $(DATES); do \
	    echo "== the date-dependent tests on $$day (system clock moved with faketime)"; \
	    PARTNERSHIP_DESK_TEST_PG="$$url" QT_QPA_PLATFORM=offscreen FAKETIME_DONT_FAKE_MONOTONIC=1 \
	      faketime -f "@$$day 08:30:00" $(PY) -m pytest -n $(JOBS) -q -m dates -p no:cacheprovider $(PYTEST_ARGS) || exit 1; \
	  done

# -- Windows, built and tested here (see README, "Windows: building and testing it") -----------
WINDOWS_DEBS := nsis osslsigncode gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64 ca-certificates
WINE_DEBS    := wine wine64 locales
WINDOWS_DIR  := build/windows

# The portable folder and zip, and the per-user installer, in build/windows/ (wheels from PyPI only).
windows: venv system-deps-windows
	$(PY) tools/windows/build.py --out $(WINDOWS_DIR)

# The built console program under Wine with the Korean code page (949); builds first if needed.
# Not part of 'make test': it takes about 5 minutes and needs Wine (see README).
test-windows: venv system-deps-windows system-deps-wine
	@[ -x "$(WINDOWS_DIR)/Partnership Desk/partnership-desk.exe" ] || $(MAKE) --no-print-directory windows
	$(PY) tools/windows/test_windows.py --folder "$(WINDOWS_DIR)/Partnership Desk" --work $(WINDOWS_DIR)/test

system-deps-windows:
	@command -v makensis >/dev/null && command -v osslsigncode >/dev/null && command -v x86_64-w64-mingw32-gcc >/dev/null \
	  || $(MAKE) --no-print-directory apt DEBS="$(WINDOWS_DEBS)"

system-deps-wine:
	@command -v wine >/dev/null && [ -x /usr/lib/wine/wine64 ] && command -v localedef >/dev/null \
	  || $(MAKE) --no-print-directory apt DEBS="$(WINE_DEBS)"
	@locale -a 2>/dev/null | grep -qi '^ko_KR.utf8$$' \
	  || { [ "$(SUDO)" != NONE ] && $(SUDO) localedef -i ko_KR -f UTF-8 ko_KR.UTF-8; } \
	  || { echo "The ko_KR.UTF-8 locale is missing: sudo localedef -i ko_KR -f UTF-8 ko_KR.UTF-8"; exit 1; }

bench: venv
	$(PY) -m benchmarks --quick

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
