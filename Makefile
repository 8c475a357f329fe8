# The two commands in the README: `make site` and `make test`. Both work on a fresh machine.
PYTHON ?= python3
TODAY ?=

.PHONY: install site serve test system-deps a11y-deps a11y

install:
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'

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

## pa11y-ci for the accessibility check, exactly as locked (accessibility/package-lock.json).
## Puppeteer is told not to download a browser: it uses Debian's chromium (accessibility/.puppeteerrc.cjs).
a11y-deps:
	@command -v npm >/dev/null 2>&1 || { echo "Node.js 20 or later and npm are needed for the accessibility check (Debian: apt-get install nodejs npm)"; exit 1; }
	cd accessibility && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error

## Check every page of the built site against WCAG 2.2 AA in chromium (`make site` first).
a11y: install system-deps a11y-deps
	wardsite a11y

## Every test: model, validation, site HTML, accessibility in a real browser.
test: install system-deps a11y-deps
	$(PYTHON) -m pytest
