# Two commands work on a fresh machine: `make build` and `make test`. Everything else is a step of them.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
# `make serve LANG=en` (or BUILD_ONLY_LOCALE=en) previews one language only.
ifdef LANG_ONLY
export BUILD_ONLY_LOCALE := $(LANG_ONLY)
endif

.PHONY: help setup build serve check fix test test-fast test-browser system-deps images catalogs \
        translation-status review-report bench-images bench-build bench-serve bench-budgets lint lock clean \
        screenshots

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s $$'\t'

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found. Install Python 3.11 (e.g. apt-get install python3.11 python3.11-venv)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	@touch $@

setup: $(STAMP) ## Create .venv with the exact pinned versions

catalogs: $(STAMP) ## Compile the gettext catalogs (locales/*.po → overrides/locales/*.mo)
	$(BIN)/nmm compile-catalogs

images: $(STAMP) ## Run the image pipeline alone
	$(BIN)/nmm optimize-images

# The pre-build steps (catalogs, content checks, image pipeline, PDFs) run inside MkDocs as hooks, so
# this is plain `mkdocs build --strict`; `nmm build-site` only builds beside site/ and swaps it in on
# success, so a failed build leaves the previous site whole.
build: $(STAMP) ## Set up and build the site into site/ (`mkdocs build --strict`; LANG_ONLY=en for one language)
	$(BIN)/nmm build-site

# The preview skips the PDFs (seconds of WeasyPrint after every edit); `NMM_PUBLICATIONS=1 make serve`
# includes them. `make build` always makes them.
serve: export NMM_PUBLICATIONS ?= 0
# A local preview: served at the root, its links are local on purpose (never printed).
serve: export SITE_URL ?= http://127.0.0.1:8000/
serve: export NMM_ALLOW_LOCAL_LINKS ?= 1
serve: $(STAMP) ## Preview with live reload (LANG_ONLY=en for one language; PDFs skipped)
	$(BIN)/mkdocs serve --livereload

check: $(STAMP) ## Run every content check (read-only); `make fix` repairs what is safe
	$(BIN)/nmm check-content --check

fix: $(STAMP) ## Repair what is safe (Unicode NFC), then check
	$(BIN)/nmm check-content

translation-status: $(STAMP) ## Print the translation status and write the JSON/Markdown reports
	$(BIN)/nmm translation-status

review-report: $(STAMP) ## Review report against BASE (default origin/main): review-report.{md,json}
	$(BIN)/nmm review-report --base $(or $(BASE),origin/main) $(if $(PREVIEW_URL),--preview-url $(PREVIEW_URL)) \
	  $(if $(SCREENSHOTS),--screenshots $(SCREENSHOTS))

lint: $(STAMP)
	$(BIN)/ruff check nmm_site hooks tests benchmarks tools
	$(BIN)/ruff format --check nmm_site hooks tests benchmarks tools

system-deps: ## Install Debian's Chromium, fonts, Java and Node tools the browser tests need
	bash .ci/system-deps.sh

test-fast: $(STAMP) ## Unit, content and built-site tests (no browser)
	$(BIN)/pytest -m "not browser"

test: $(STAMP) system-deps ## Set up and run every test, cheapest first
	$(MAKE) lint
	$(BIN)/nmm check-content --check
	$(BIN)/pytest -m "not browser" -x
	$(BIN)/pytest -m browser

bench-images: $(STAMP) ## Image pipeline benchmark (prints a table)
	$(BIN)/python benchmarks/images_benchmark.py

bench-build: $(STAMP) ## Build benchmark: `make build` warm and cold vs plain Material + static-i18n (1×, 10×)
	$(BIN)/python benchmarks/build_benchmark.py

bench-serve: $(STAMP) system-deps ## Preview benchmark: edit → visible in the browser with `make serve`
	$(BIN)/python benchmarks/serve_benchmark.py --all-languages

bench-budgets: $(STAMP) system-deps ## Lighthouse and page-weight budgets (prints a table)
	$(BIN)/python benchmarks/budgets_benchmark.py

# SITE=site takes screenshots of an already built site; without it a fresh build is made in a temp dir.
screenshots: $(STAMP) system-deps ## Phone and laptop screenshots of home, province, heritage, people pages → .cache/screenshots/
	$(BIN)/python -m nmm_site.cards.screenshots $(if $(SITE),--site $(SITE))

lock: ## Regenerate requirements.lock from a clean venv
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock && .venv-lock/bin/pip install --quiet -e '.[test]'
	{ sed -n '1,2p' requirements.lock; .venv-lock/bin/pip freeze --exclude-editable; } > requirements.lock.new
	mv requirements.lock.new requirements.lock && rm -rf .venv-lock

clean: ## Remove build outputs and caches (not .venv)
	rm -rf site .cache overrides/locales review-report.md review-report.json
