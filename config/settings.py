"""Hireframe's one settings module, driven by the environment.

Every variable read here is listed, with its default, in the README's settings table.
"""

from __future__ import annotations

import ipaddress
import json
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from config.client_address import DEFAULT_TRUSTED_PROXIES, parse_networks
from config.env import envbool, envint, envlist, envstr, load_dotenv

BASE_DIR = Path(__file__).resolve().parent.parent
load_dotenv(BASE_DIR / ".env")

DEBUG = envbool("DEBUG", False)

SECRET_KEY = envstr("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (or in .env, which `make run` "
            "creates for you), or set DEBUG=1 for local development."
        )
    SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105 - DEBUG only

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "django_tasks_db",
    "accounts",
    "orgs",
    "wizard",
    "voices",
    "audit",
    "background",
    "observability",
]

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "landing"
# Drafts live on the server, so a long session costs nothing and saves a guest's work.
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 60 * 60 * 24 * 30)
# ...but a signed-in session left alone this long is signed out (0: never). Guests are not.
SESSION_IDLE_TIMEOUT = envint("SESSION_IDLE_TIMEOUT", 60 * 60 * 8)
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out email and address are refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

MIDDLEWARE = [
    # First, so every answer and every log line of a request carries its id.
    "observability.logs.RequestIdMiddleware",
    # Then, so that every answer, the health probe's too, carries its headers (nosniff);
    # the probe is exempt from its HTTPS redirect (SECURE_REDIRECT_EXEMPT, below).
    "django.middleware.security.SecurityMiddleware",
    # Answers /metrics (exempt from the redirect too) and counts and times the rest.
    "observability.metrics.MetricsMiddleware",
    "config.health.HealthCheckMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Below authentication: it asks whether the user is signed in.
    "config.cache_policy.PrivateCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Below authentication: a signed-in user's saved language wins over the browser's.
    "config.viewer_locale.ViewerLocaleMiddleware",
    "accounts.middleware.IdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Below the CSP middleware, so the page it renders gets its nonce.
    "config.error_pages.MethodNotAllowedPageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes requires: it turns a lockout into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
# SQLite in var/ is the embedded default, so a fresh checkout runs with nothing to set up.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'hireframe.sqlite3'}",
        conn_max_age=envint("CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while a writer commits; IMMEDIATE takes the write lock at
    # the start of a transaction, so two writers queue instead of failing half-way.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------
# Redis when given; otherwise the database, which (unlike a per-process memory cache) is
# shared by every gunicorn worker, so a report rendered by one is served by all.
REDIS_URL = envstr("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "hireframe_cache",
        }
    }

# With Redis, sessions are written to the database and read through the cache: every page
# reads one, and Redis answers faster than a query. The database cache would gain little
# and, holding every session, would cull (and recount) itself on every write.
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Shared report lookups allowed per client and minute; more get 429.
SHARE_LINK_RATE_LIMIT = envint("SHARE_LINK_RATE_LIMIT", 60)
# Password reset requests per client and minute, and the minutes between two reset emails
# to one address; past either nothing is sent, and the page says the same as ever.
PASSWORD_RESET_RATE_LIMIT = envint("PASSWORD_RESET_RATE_LIMIT", 5)
PASSWORD_RESET_EMAIL_MINUTES = envint("PASSWORD_RESET_EMAIL_MINUTES", 15)
# PDF renders one client may start per minute (asking for a PDF not yet stored queues
# one); a stored PDF is served without limit beyond the share link's.
PDF_RENDER_RATE_LIMIT = envint("PDF_RENDER_RATE_LIMIT", 5)

# --- Background tasks -----------------------------------------------------------------
# Django's own task API. "database" (the default) keeps the queue in the app's database and
# needs only `manage.py db_worker` beside the web server; "rq" puts it on Redis for bigger
# installs (docs/scaling.md); "immediate" runs each task inline, as the tests do.
TASKS_BACKEND = envstr("TASKS_BACKEND", "database")
if TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND == "rq":
    if not REDIS_URL:
        raise ImproperlyConfigured("TASKS_BACKEND=rq needs REDIS_URL.")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 300}}
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be database, rq or immediate; got {TASKS_BACKEND!r}."
    )

# The hour (UTC) the worker deletes guests' abandoned drafts each day.
HOUSEKEEPING_HOUR = envint("HOUSEKEEPING_HOUR", 3)

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
# Each language in its own name, as the footer's switcher offers it. A third language is a
# catalogue under locale/ (docs/translating.md) and one line here.
LANGUAGES = [
    ("en-gb", "English"),
    ("de", "Deutsch"),
]
TIME_ZONE = envstr("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static files ---------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files the app writes (each report's PDF, rendered once): the file system under var/media
# by default; FILE_STORAGE_BACKEND names any other storage class (a django-storages one, such
# as storages.backends.s3.S3Storage) and FILE_STORAGE_OPTIONS its options as JSON.
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
MEDIA_URL = "/media/"  # never served: PDFs go out through their report's access checks
try:
    _FILE_STORAGE_OPTIONS = json.loads(envstr("FILE_STORAGE_OPTIONS", "{}"))
except ValueError as error:
    raise ImproperlyConfigured(f"FILE_STORAGE_OPTIONS must be JSON: {error}") from None
STORAGES = {
    "default": {
        "BACKEND": envstr("FILE_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": _FILE_STORAGE_OPTIONS,
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Forms ----------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Email ----------------------------------------------------------------------------
# SMTP when EMAIL_HOST is given; otherwise messages (password resets, invitations) are
# printed to the console, which is enough for a local trial.
EMAIL_HOST = envstr("EMAIL_HOST")
if EMAIL_HOST:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": EMAIL_HOST,
                "port": envint("EMAIL_PORT", 587),
                "username": envstr("EMAIL_HOST_USER"),
                "password": envstr("EMAIL_HOST_PASSWORD"),
                "use_tls": envbool("EMAIL_USE_TLS", True),
                "timeout": 10,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
del EMAIL_HOST  # only MAILERS is read; keeping the deprecated name would warn
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "Hireframe <hireframe@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -------------------------------------------------------------------------
# HTTPS defaults on whenever DEBUG is off: secure cookies, HSTS and the redirect. Set
# HTTPS=0 only for a deployment that is reached over plain HTTP on a private network.
HTTPS = envbool("HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# A load balancer probes over plain HTTP by IP address: answer it rather than redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^metrics$"]
BEHIND_PROXY = envbool("BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Behind a proxy, X-Forwarded-For is believed only from these addresses (IPs or CIDR
# ranges); anyone else could write any address there (config/client_address.py).
TRUSTED_PROXIES = envlist("TRUSTED_PROXIES", list(DEFAULT_TRUSTED_PROXIES))
try:
    parse_networks(TRUSTED_PROXIES)
except ValueError as error:
    raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error}.") from None
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Nothing inline runs without the per-response nonce; htmx is configured (in base.html)
# to need neither eval nor injected styles.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# --- Sign-in lockout (django-axes) ----------------------------------------------------
# Five wrong passwords for one email from one address lock that pair out for 15 minutes;
# the same email from elsewhere, and other emails from the same address, still work.
AXES_ENABLED = envbool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"  # our form's field and the admin's; it holds the email
AXES_USERNAME_CALLABLE = "accounts.lockout.attempted_email"
AXES_CLIENT_IP_CALLABLE = "config.client_address.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.locked_out"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False  # no start-up banner in every management command's output
AXES_DISABLE_ACCESS_LOG = True  # sign-ins are already in the audit log; keep one record

# --- Logging --------------------------------------------------------------------------
# One line per record on stdout, each with the request's id; LOG_FORMAT=json writes JSON
# objects for a log shipper. Tokens in secret URLs (share links, invitations, password
# resets) are redacted from every line: on the loggers that write request paths, and on
# the handlers as well, so a line from any other logger that quotes a path is caught too
# (config/log_redaction.py); the handlers also drop email addresses and secrets in query
# strings (observability/logs.py).
LOG_FORMAT = envstr("LOG_FORMAT", "plain")
if LOG_FORMAT not in ("plain", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be plain or json; got {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "redact_tokens": {"()": "config.log_redaction.RedactTokensFilter"},
        "request_id": {"()": "observability.logs.RequestIdFilter"},
        "redact": {"()": "observability.logs.RedactFilter"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] [{request_id}] {message}",
            "style": "{",
        },
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": sys.stdout,
            "formatter": LOG_FORMAT,
            "filters": ["request_id", "redact"],
        },
        # As Django's default for the development server, with the filters.
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server" if LOG_FORMAT == "plain" else "json",
            "filters": ["request_id", "redact"],
        },
    },
    "loggers": {
        "django.request": {"filters": ["redact_tokens"]},
        "django.security.csrf": {"filters": ["redact_tokens"]},
        "django.server": {
            "handlers": ["django.server"],
            "filters": ["redact_tokens"],
            "level": "INFO",
            "propagate": False,
        },
    },
    "root": {"handlers": ["stdout"], "level": envstr("LOG_LEVEL", "INFO")},
}

# --- Metrics and error reports --------------------------------------------------------
# /metrics answers a bearer token (METRICS_TOKEN) or a client in METRICS_ALLOWED_NETWORKS
# (comma-separated addresses or CIDR networks); with neither set, it answers nobody.
METRICS_TOKEN = envstr("METRICS_TOKEN")
try:
    METRICS_ALLOWED_NETWORKS = [
        ipaddress.ip_network(item, strict=False) for item in envlist("METRICS_ALLOWED_NETWORKS")
    ]
except ValueError as error:
    raise ImproperlyConfigured(f"METRICS_ALLOWED_NETWORKS: {error}") from None

# Error reports to Sentry (or a Sentry-compatible service) when SENTRY_DSN is set. No
# personal data is sent: no user, cookies, addresses or request bodies.
SENTRY_DSN = envstr("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk

    from observability.logs import scrub_sentry_event

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=envstr("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
        traces_sample_rate=0.0,
        before_send=scrub_sentry_event,
    )
