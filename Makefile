# Two commands for a newcomer: `make serve` and `make test` (see README.md).
VENV   := .venv
PY     := $(VENV)/bin/python
KB     := $(VENV)/bin/kb
MKDOCS := $(VENV)/bin/mkdocs
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test bench clean setup setup-test

$(VENV)/.installed: requirements.txt scripts/pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e scripts
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed requirements-test.txt package.json package-lock.json scripts/setup-test-env.sh
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	bash scripts/setup-test-env.sh
	touch $@

setup: $(VENV)/.installed
setup-test: $(VENV)/.test-installed

## Build the site (strict) and serve it on http://127.0.0.1:8000
serve: build
	@echo "Serving site/ on http://127.0.0.1:8000 (Ctrl-C stops)"
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory site

## Strict build of every language into site/
build: $(VENV)/.installed
	$(MKDOCS) build --strict --clean --quiet

## Every test, in CI order; ends with a summary
test: $(VENV)/.test-installed
	bash scripts/test-all.sh

## Speed and size figures
bench: $(VENV)/.test-installed
	$(PY) -m kb.bench

clean:
	rm -rf site $(VENV) node_modules
