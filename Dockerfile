# Hireframe production image: gunicorn serving Django, static files by whitenoise; the
# same image runs the task worker with the command `worker` (PDFs, email, clean-up).
# Build: docker build -t hireframe .   Run: see compose.yaml and the README.

FROM python:3.13-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY requirements-prod.lock /tmp/requirements-prod.lock
RUN python -m venv /venv \
    && /venv/bin/pip install --require-hashes -r /tmp/requirements-prod.lock

FROM python:3.13-slim
LABEL org.opencontainers.image.title="Hireframe" \
      org.opencontainers.image.description="A hiring decision wizard for AI and ML engineering teams" \
      org.opencontainers.image.licenses="AGPL-3.0-or-later"
ENV PATH=/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=config.settings \
    STATIC_ROOT=/app/staticfiles
# Pango is what WeasyPrint needs to render PDF reports.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin hireframe
COPY --from=build /venv /venv
WORKDIR /app
COPY --chown=hireframe:hireframe . /app
# collectstatic needs settings but no secrets or database: a throwaway key is enough here.
# The translation catalogues compiled with Babel (no GNU gettext in the image).
RUN python -m config.catalogues --force \
    && SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
    && mkdir -p /app/var/media /app/var/metrics && chown -R hireframe:hireframe /app/var
USER hireframe
EXPOSE 8000
VOLUME ["/app/var"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"]
ENTRYPOINT ["/app/docker/entrypoint.sh"]
# The web server; `docker run hireframe worker` runs the task worker instead.
CMD ["gunicorn", "config.wsgi", "-c", "config/gunicorn.py"]
