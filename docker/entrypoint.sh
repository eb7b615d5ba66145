#!/bin/sh
# Container entrypoint: bring the database schema up to date, then run the given command
# (gunicorn by default; `worker` runs the task worker). Set MIGRATE_ON_START=0 to run
# `python manage.py migrate` as a separate release step instead, e.g. when several
# containers start at once (compose.yaml's worker waits for the app instead).
set -eu

if [ -n "${PROMETHEUS_MULTIPROC_DIR:-}" ]; then
    mkdir -p "$PROMETHEUS_MULTIPROC_DIR"
fi

if [ "${MIGRATE_ON_START:-1}" = "1" ]; then
    python manage.py migrate --noinput
    python manage.py createcachetable
fi

if [ "${1:-}" = "worker" ]; then
    # Book the daily clean-up (once; safe at every start), then work the queue. The
    # booking process keeps out of the shared metrics folder: only the worker writes there.
    env -u PROMETHEUS_MULTIPROC_DIR python manage.py schedule_housekeeping
    exec python manage.py db_worker --no-reload
fi

exec "$@"
