# Hireframe: `make run` starts the app and its task worker with a demo organisation (one
# Ctrl-C stops both); `make test` runs the suite.
# Both set up everything they need first (a .venv with the locked dependencies, a .env with
# a generated SECRET_KEY, the SQLite database in var/), and are safe to run again.

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum < requirements.lock | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup migrate lint lock bench clean messages

run: setup migrate
	$(PY) manage.py seed_demo
	$(PY) manage.py schedule_housekeeping
	@echo "Hireframe is starting on http://$(HOST):$(PORT)/ with its task worker (Ctrl-C stops both)"
	DEBUG=1 $(PY) bin/run-with-worker $(HOST):$(PORT)

test: setup
	$(PY) -m pytest $(PYTEST_ARGS)

setup: $(STAMP) .env messages

# The .mo files Django reads, compiled from the committed .po catalogues with Babel (pure
# Python: no GNU gettext needed); only catalogues newer than their .mo are compiled.
messages: $(STAMP)
	@$(PY) -m config.catalogues

$(STAMP): requirements.lock
	@if [ ! -x $(PY) ]; then \
		python=$$(bin/find-python) || exit 1; \
		echo "Creating $(VENV) with $$python"; \
		"$$python" -m venv $(VENV) || exit 1; \
	fi
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@rm -f $(VENV)/.installed-*
	@touch $@

.env: | $(STAMP)
	@$(PY) -c 'import secrets; print("SECRET_KEY=" + secrets.token_urlsafe(50))' > $@
	@echo "Wrote .env with a new SECRET_KEY (git-ignored)."

migrate: setup
	@mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# Speed: the engine alone, the PDF's render, the landing page beside PDF downloads, then
# journeys against a django-formtools peer and the HTTP endpoints beside bare Django views (docs/benchmarks.md). BENCH_ARGS="--database postgres".
bench: setup
	$(PY) -m bench.engine
	$(PY) -m bench.pdf
	$(PY) -m bench.pdf_load
	$(PY) -m bench.http $(BENCH_ARGS)

# Re-resolve the pinned dependencies after editing pyproject.toml.
lock: setup
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --universal --python-version 3.12 \
		--generate-hashes -o requirements.lock
	$(VENV)/bin/uv pip compile pyproject.toml --universal --python-version 3.12 \
		--generate-hashes -o requirements-prod.lock

clean:
	rm -rf $(VENV) var .env
