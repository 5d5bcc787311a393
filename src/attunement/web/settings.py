"""Django settings, all read from ``attunement.config.Settings`` (the environment).

Nothing here is meant to be edited per installation: set environment variables instead
(see docs/settings.md). SQLite in the data folder is the default; ``DATABASE_URL`` switches to
PostgreSQL.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
from pathlib import Path

import dj_database_url

from attunement.config import get_settings
from attunement.errors import ConfigError
from attunement.web.keys import read_or_create_key_file

ATTUNE = get_settings()
DATA_DIR = ATTUNE.data_path
PRODUCTION = ATTUNE.is_production
# Under pytest, nothing is written to the data folder at import time: pytest-django imports this
# module before the suite's fixtures point ATTUNE_DATA_DIR at a temporary folder.
UNDER_TEST = "pytest" in sys.modules
BASE_DIR = Path(__file__).resolve().parent


def _secret_key() -> str:
    if ATTUNE.secret_key:
        return ATTUNE.secret_key
    if UNDER_TEST:
        return secrets.token_urlsafe(50)
    make = lambda: secrets.token_urlsafe(50).encode()  # noqa: E731
    return read_or_create_key_file(DATA_DIR / "secret.key", make).decode()


def _allowed_hosts() -> list[str]:
    hosts = [h.strip() for h in ATTUNE.allowed_hosts.split(",") if h.strip()]
    if PRODUCTION and not hosts:
        raise ConfigError(
            "ATTUNE_ENV is production but ATTUNE_ALLOWED_HOSTS is empty",
            "set ATTUNE_ALLOWED_HOSTS to the host names coaches use, e.g. coaching.example.org",
        )
    return hosts or ["localhost", "127.0.0.1", "[::1]", "testserver"]


SECRET_KEY = _secret_key()
# Debug pages list every URL and show tracebacks with client text in them, so they are off
# unless a developer asks for them, and never in production.
DEBUG = ATTUNE.debug and not PRODUCTION
ALLOWED_HOSTS = _allowed_hosts()

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "attunement.practice",
    "attunement.checkins",
    "attunement.library",
    "attunement.followup",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "attunement.web.middleware.ContentSecurityPolicyMiddleware",
    "attunement.web.middleware.NoStoreMiddleware",
    "attunement.web.middleware.ApiFallbackMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "attunement.web.urls"
WSGI_APPLICATION = "attunement.web.wsgi.application"
ASGI_APPLICATION = "attunement.web.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]


def _test_database_path() -> Path:
    """A database file per test process; leftovers of finished runs (WAL files) are removed."""
    folder = Path(tempfile.gettempdir()) / "attunement-tests"
    if UNDER_TEST:
        folder.mkdir(mode=0o700, exist_ok=True)
        for old in folder.glob("db-*"):
            pid = old.name.split("-")[1].split(".")[0]
            if pid.isdigit() and not Path(f"/proc/{pid}").exists():
                old.unlink(missing_ok=True)
    return folder / f"db-{os.getpid()}.sqlite3"


def _database() -> dict:
    if ATTUNE.database_url:
        config = dj_database_url.parse(
            ATTUNE.database_url, conn_max_age=60, conn_health_checks=True
        )
        return dict(config)
    if not UNDER_TEST:
        DATA_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(DATA_DIR / "attunement.sqlite3"),
        "OPTIONS": {
            # WAL lets pages read while a background analysis writes; IMMEDIATE transactions and
            # a busy timeout make concurrent writers wait instead of failing with "locked".
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 5,
        },
        # Tests use a real database file too: an in-memory database shares one cache between
        # threads and fails with "table is locked" where a file in WAL mode simply waits.
        "TEST": {"NAME": str(_test_database_path())},
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Without collectstatic, whitenoise serves straight from the apps' static folders. STATIC_ROOT
# is only named once the collected folder exists, so that whitenoise does not warn about a folder
# nobody needs; `collectstatic` is told the folder through its storage, as it refuses to run
# with neither.
_COLLECTED = DATA_DIR / "static"
STATIC_ROOT = str(_COLLECTED) if _COLLECTED.is_dir() else None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "OPTIONS": {"location": str(_COLLECTED)},
    },
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Uploads: the size limit is checked by the upload service before a file is read; Django keeps
# small files in memory and spills bigger ones to a temporary file.
MAX_UPLOAD_BYTES = ATTUNE.max_upload_mb * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
ATTUNE_BACKGROUND_TURNS = ATTUNE.background_turns

# ---- security (helper 8 may refine) ----
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 12
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_SSL_REDIRECT = PRODUCTION
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# ---- end security ----

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
