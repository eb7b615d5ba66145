#!/bin/sh
# Container entrypoint: bring the database schema up to date, then run the given command
# (gunicorn by default). Set MIGRATE_ON_START=0 to run `python manage.py migrate` as a
# separate release step instead, e.g. when several containers start at once.
set -eu

if [ "${MIGRATE_ON_START:-1}" = "1" ]; then
    python manage.py migrate --noinput
    python manage.py createcachetable
fi

exec "$@"
