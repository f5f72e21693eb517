# Partnership Desk: `make run` starts the program, `make test` runs every check headless.
# Works on a fresh Debian/Ubuntu machine with Python 3.11+. System packages are installed
# with apt-get when running as root (or with passwordless sudo); otherwise the exact
# command to run is printed.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] && echo "" || (command -v sudo >/dev/null && sudo -n true 2>/dev/null && echo sudo) || echo NONE)

QT_DEBS   := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
             libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 \
             libfontconfig1 libdbus-1-3 libglib2.0-0
TEST_DEBS := postgresql poppler-utils

.PHONY: run test lint typecheck pytest venv system-deps system-deps-test bench clean

run: venv system-deps
	$(VENV)/bin/partnership-desk

test: venv system-deps system-deps-test lint typecheck pytest

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
	@command -v pdftoppm >/dev/null && ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 \
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
	$(VENV)/bin/ruff check app ui reports tests benchmarks
	$(VENV)/bin/ruff format --check app ui reports tests benchmarks

typecheck: venv
	$(VENV)/bin/mypy

pytest: venv
	@url="$${PARTNERSHIP_DESK_TEST_PG:-$$(tools/pg-test-server start)}"; \
	  if [ -z "$$url" ]; then echo "PostgreSQL test server could not start; PostgreSQL tests will be skipped"; fi; \
	  PARTNERSHIP_DESK_TEST_PG="$$url" QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

bench: venv
	$(PY) -m benchmarks --quick

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
