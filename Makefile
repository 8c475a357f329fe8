# The two commands in the README: `make site` and `make test`. Both work on a fresh machine.
PYTHON ?= python3
TODAY ?=

.PHONY: install site serve test lint types system-deps a11y-deps html-check-deps a11y wheel

## wardsite and its test tools, at the exact versions CI tests with (constraints.txt).
install:
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'

## Build the site from the shipped sample wards into site/ (open site/index.html, or `make serve`).
site: install
	wardsite build $(if $(TODAY),--today $(TODAY))

## Preview at http://127.0.0.1:8000, rebuilding when a ward file changes.
serve: install
	wardsite serve

## Debian's Chromium for the browser tests (nothing downloads its own browser), and Java for the HTML checker.
system-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing: run 'sudo apt-get install chromium' (Debian)"; exit 1; fi; }
	@# Liberation Sans has Arial's measurements, so printed leaflets are measured as most readers print them.
	@fc-list 2>/dev/null | grep -q "Liberation Sans" || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-liberation >/dev/null; \
	  else echo "The Liberation fonts are missing: run 'sudo apt-get install fonts-liberation' (Debian)"; exit 1; fi; }
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  else echo "Java is missing: run 'sudo apt-get install default-jre-headless' (Debian)"; exit 1; fi; }

## The Nu Html Checker for tests/test_html_valid.py, exactly as locked in tests/html-checker (its install
## script, which would fetch a Java runtime, is not run: the machine's Java is used).
html-check-deps:
	cd tests/html-checker && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

## The accessibility checker's Node packages, exactly as locked in the package, installed once per user.
a11y-deps: install
	wardsite a11y --install

## Check every page of the built site against WCAG 2.2 AA in chromium (`make site` first).
a11y: install system-deps a11y-deps
	wardsite a11y

## Lint, the import contracts (the data flows one way) and mypy. `make types` runs mypy alone.
lint: install
	ruff check generator tests benchmarks
	cd generator && lint-imports ../pyproject.toml
	mypy

types: install
	mypy

## Every test: lint and types, model, validation, site HTML, accessibility in a real browser.
test: install system-deps a11y-deps html-check-deps lint
	$(PYTHON) -m pytest

## The wheel and source distribution, in dist/.
wheel:
	$(PYTHON) -m pip wheel --no-deps --wheel-dir dist .
