# Two commands for a newcomer: `make serve` and `make test` (see README.md).
VENV   := .venv
PY     := $(VENV)/bin/python
KB     := $(VENV)/bin/kb
MKDOCS := $(VENV)/bin/mkdocs
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build preview test check lint bench clean setup setup-test

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

# The language `make serve` previews: Swedish unless asked (`make serve KB_LANG=ar`).
KB_LANG ?= sv
# Never --quiet: it hides MkDocs' warnings from --strict's counter (a broken link would pass).
MKDOCS_BUILD := env -u KB_SERVE_LANG $(MKDOCS) build --strict --clean

## Live preview of one language on http://127.0.0.1:8000: rebuilds and reloads the browser on every
## save in docs/, overrides/ and data/, and reports every problem again on every rebuild
serve: $(VENV)/.installed
	@echo "Live preview of '$(KB_LANG)' (and Swedish) on http://127.0.0.1:8000/$(if $(filter-out sv,$(KB_LANG)),$(KB_LANG)/,) (Ctrl-C stops; make preview for the full site)"
	KB_SERVE_LANG=$(KB_LANG) $(MKDOCS) serve --strict --dev-addr 127.0.0.1:8000

## Strict build of every language into site/
build: $(VENV)/.installed
	$(MKDOCS_BUILD)

## The full build served by nginx with deploy/nginx.conf (gzip, per-language 404, CSP) on port 8000
preview: build $(VENV)/.test-installed
	$(PY) -m kb.preview site --port 8000

## Every test, in CI order; ends with a summary
test: $(VENV)/.test-installed
	bash scripts/test-all.sh

## For editors: rebuild and run every content check (build, content, legal, links) with a short
## summary, problems in the files you changed first
check: $(VENV)/.installed
	$(PY) -m kb.checkall

## ruff and mypy (settings in pyproject.toml)
lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

## Speed and size figures
bench: $(VENV)/.test-installed
	$(PY) -m kb.bench

clean:
	rm -rf site $(VENV) node_modules
