# The two commands in the README: `make site` and `make test`. Both work on a fresh machine.
PYTHON ?= python3
TODAY ?=

.PHONY: install site serve test system-deps

install:
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e '.[test]'

## Build the site from the shipped sample wards into site/ (open site/index.html, or `make serve`).
site: install
	wardsite build $(if $(TODAY),--today $(TODAY))

## Preview at http://127.0.0.1:8000, rebuilding when a ward file changes.
serve: install
	wardsite serve

## Debian's Chromium for the accessibility tests (nothing downloads its own browser).
system-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing: run 'sudo apt-get install chromium' (Debian)"; exit 1; fi; }

## Every test: model, validation, site HTML, accessibility in a real browser.
test: install system-deps
	$(PYTHON) -m pytest
