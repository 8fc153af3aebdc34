"""Settings come from the environment only; every variable is listed in .env.example."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str) -> bool:
    value = os.getenv(name, default)
    if value not in ("True", "False"):
        raise ImproperlyConfigured(f"{name} must be True or False, not {value!r}")
    return value == "True"


def envint(name: str, default: str) -> int:
    value = os.getenv(name, default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from None


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


def envsecret(name: str, default: str) -> str:
    """Read NAME, or the contents of the file named by NAME_FILE (Docker/Kubernetes secrets)."""
    path = os.getenv(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    return os.getenv(name, default)


DEBUG = envbool("DEBUG", "False")
# The default is deliberately marked insecure so `manage.py check --deploy` flags it.
SECRET_KEY = envsecret("SECRET_KEY", "django-insecure-commentdesk-development-key-change-me")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "corsheaders",
    "commentdesk.articles",
    "commentdesk.comments",
    "commentdesk.moderation",
    "commentdesk.dashboard",
    "commentdesk.embed",
]

MIDDLEWARE = [
    # First, so a CORS preflight is answered before anything else runs.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Answers cached embedded comment lists before the session, CSRF and auth layers.
    "commentdesk.embed.middleware.CachedListMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Public pages speak their article's or site's language (docs/guides/languages.md).
    "commentdesk.articles.middleware.SiteLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "commentdesk.urls"
WSGI_APPLICATION = "commentdesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "commentdesk.articles.context_processors.current_site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.getenv("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", "0"),
        # A kept connection the database dropped (a restart) is replaced before a request uses it.
        conn_health_checks=True,
    )
}
# Lets concurrent test runs on one PostgreSQL server use test databases of their own.
if os.getenv("TEST_DATABASE_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "dashboard:login"

LANGUAGE_CODE = os.getenv("LANGUAGE_CODE", "en")
TIME_ZONE = os.getenv("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# The interface languages, each with a complete catalogue in locale/ (a test checks). Kurmanji
# (kmr) is added to Django's LANG_INFO in commentdesk/articles/apps.py.
LANGUAGES = [
    ("en", "English"),
    ("ar", "العربية"),
    ("ckb", "کوردی (سۆرانی)"),
    ("kmr", "Kurdî (Kurmancî)"),
    ("tr", "Türkçe"),
    ("fa", "فارسی"),
]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Production serves hashed, compressed files collected by `manage.py collectstatic`.
    "staticfiles": {
        "BACKEND": os.getenv(
            "STATICFILES_BACKEND", "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
if DEBUG:
    STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"

SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", "False")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# Cross-origin requests reach the public API only, and only from origins a site allows
# (Site.allowed_origins, set in the admin; see commentdesk/embed/origins.py). No credentials:
# the embed never sends or receives a cookie of ours.
CORS_URLS_REGEX = r"^/api/v1/.*$"
CORS_ALLOW_CREDENTIALS = False
CORS_PREFLIGHT_MAX_AGE = 86400

# Lists of approved comments are cached here and dropped when a decision changes them. The
# default, local memory, suits one process; with several web workers use Redis so that a
# decision clears every worker's copy.
REDIS_CACHE_URL = os.getenv("REDIS_CACHE_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_CACHE_URL}
        if REDIS_CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "commentdesk"}
    )
}
# Seconds an embedded comment list stays cached when no decision clears it first.
EMBED_CACHE_SECONDS = envint("EMBED_CACHE_SECONDS", "300")

# The longest comment a reader may post, in characters.
COMMENT_MAX_LENGTH = envint("COMMENT_MAX_LENGTH", "5000")

# Moderation runs as Celery tasks. Without a broker they run in-process, right after the
# comment is committed, so the embedded set-up needs no other server.
CELERY_BROKER_URL = os.getenv("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_DEFAULT_QUEUE = os.getenv("CELERY_QUEUE", "commentdesk")
# A task is acknowledged only once it finished, and one worker holds one task at a time, so a
# worker that dies hands its task back to the broker instead of losing it.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis hands an unacknowledged task to another worker after this many seconds. Kombu looks
# for such tasks every 10 s, but by default scans only one look in ten (100 s): scan every time.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": envint("CELERY_VISIBILITY_TIMEOUT", "300"),
    "unacked_restore_throttle": 1,
}
# Posting must not hang on a broker that is down: the outbox sweep sends the task later.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
# Comments whose moderation has not completed after this many seconds are sent again.
MODERATION_SWEEP_AFTER = envint("MODERATION_SWEEP_AFTER", "120")
# A Celery worker moderates up to this many waiting comments in one run (PostgreSQL only).
MODERATION_BATCH = envint("MODERATION_BATCH", "100")
CELERY_BEAT_SCHEDULE = {
    "sweep-stale-moderation": {
        "task": "commentdesk.moderation.tasks.sweep_moderation",
        "schedule": float(envint("MODERATION_SWEEP_INTERVAL", "60")),
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "INFO")},
}
