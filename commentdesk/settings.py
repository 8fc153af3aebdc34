"""Settings come from the environment only; every variable is listed in .env.example."""

import os
import tempfile
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
    "csp",
    "commentdesk.articles",
    "commentdesk.comments",
    "commentdesk.identity",
    "commentdesk.moderation",
    "commentdesk.dashboard",
    "commentdesk.embed",
    "commentdesk.ops",
    "commentdesk.transfer",
    "commentdesk.webhooks",
    "commentdesk.notifications",
]

MIDDLEWARE = [
    # Outermost, so the latency it reports for /metrics covers every other layer.
    "commentdesk.ops.middleware.OpsMetricsMiddleware",
    # First, so a CORS preflight is answered before anything else runs.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # django-csp's, with the policy built once (see the module).
    "commentdesk.ops.csp.PrebuiltCSPMiddleware",
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Requests and the in-process moderation thread write concurrently: a transaction takes
    # the write lock when it begins, and a writer waits up to 20 s for it instead of failing.
    # WAL lets readers go on while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL",
    }
# Lets concurrent test runs on one PostgreSQL server use test databases of their own.
if os.getenv("TEST_DATABASE_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not the in-memory default: threads share an in-memory database through SQLite's
    # shared cache, whose table locks fail at once instead of waiting like the file locks the
    # moderation thread meets in production.
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"commentdesk-test-{os.getpid()}.sqlite3")}
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

# HTTPS. Behind a TLS-terminating proxy set SECURE_PROXY_SSL=True, so a request the proxy
# marks X-Forwarded-Proto: https counts as secure (the proxy must overwrite that header).
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "False")
if envbool("SECURE_PROXY_SSL", "False"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "0")
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "False")
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "False")
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp) for every page we serve: the article page and the
# workspace load scripts and styles from our static files only, never inline. The embed runs
# on the publisher's page under the publisher's policy (docs/embedding.md); our API answers
# are JSON, which a policy does not affect. CSP_REPORT_ONLY=True reports without blocking.
_CSP_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        **({"report-uri": [os.environ["CSP_REPORT_URI"]]} if os.getenv("CSP_REPORT_URI") else {}),
    }
}
if envbool("CSP_REPORT_ONLY", "False"):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP_POLICY
else:
    CONTENT_SECURITY_POLICY = _CSP_POLICY

# Flood control (commentdesk/comments/flood.py), counted in the cache below. A rate is
# count/period: 5/m, 30/h, 20/10m; empty turns that limit off.
POST_RATE_PER_IP = os.getenv("POST_RATE_PER_IP", "5/m")
POST_RATE_PER_EMAIL = os.getenv("POST_RATE_PER_EMAIL", "3/m")
# Seconds during which the same email posting the same text on one article is refused (0: off).
DUPLICATE_COMMENT_WINDOW = envint("DUPLICATE_COMMENT_WINDOW", "86400")
# The reader's address is REMOTE_ADDR unless a proxy we run sets a header: name it here
# (X-Forwarded-For, X-Real-IP) and say how many proxies append to it. Never set this when
# clients can reach the desk directly: they could then claim any address.
CLIENT_IP_HEADER = os.getenv("CLIENT_IP_HEADER", "")
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", "1")

# Email: the links that confirm a commenter's export or erasure request, the commenters'
# notifications (commentdesk/notifications) and the moderators' queue alerts. Without
# EMAIL_HOST the messages are written to the console log.
EMAIL_HOST = os.getenv("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = envint("EMAIL_PORT", "587")
EMAIL_HOST_USER = os.getenv("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "True")
# TLS from the first byte (usually port 465) instead of STARTTLS: set EMAIL_USE_TLS=False too.
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", "False")
# Seconds to wait for the mail server, so a hung one cannot stall the background sender.
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", "10")
# Failed attempts before a commenter's email is given up (retried like webhooks, backing off
# from WEBHOOK_RETRY_SECONDS up to an hour: eight attempts span about two hours).
EMAIL_MAX_ATTEMPTS = envint("EMAIL_MAX_ATTEMPTS", "8")
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "noreply@localhost")
# Hours a commenter's confirmation link for export or erasure stays valid.
PRIVACY_LINK_HOURS = envint("PRIVACY_LINK_HOURS", "24")

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

# Moderation runs as Celery tasks. Without a broker it runs in each web process, so the
# embedded set-up needs no other server: "thread" (default) moderates waiting comments in a
# background thread, in batches; "inline" moderates each comment inside the request that posts
# it (slower, but the reader's next page already shows the verdict).
CELERY_BROKER_URL = os.getenv("CELERY_BROKER_URL", "")
MODERATION_IN_PROCESS = os.getenv("MODERATION_IN_PROCESS", "thread")
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
# Seconds between looks for jobs left behind: Celery beat's sweep, or the in-process thread's.
MODERATION_SWEEP_INTERVAL = envint("MODERATION_SWEEP_INTERVAL", "60")
# Webhooks (docs/webhooks.md): seconds a publisher's server has to answer; attempts before a
# delivery is marked failed; seconds before the first retry (doubled at each, up to an hour);
# seconds between looks for deliveries whose retry is due (beat, or the in-process thread).
WEBHOOK_TIMEOUT = envint("WEBHOOK_TIMEOUT", "10")
WEBHOOK_MAX_ATTEMPTS = envint("WEBHOOK_MAX_ATTEMPTS", "8")
WEBHOOK_RETRY_SECONDS = envint("WEBHOOK_RETRY_SECONDS", "30")
WEBHOOK_SWEEP_INTERVAL = envint("WEBHOOK_SWEEP_INTERVAL", "60")
# Webhooks to loopback, private or link-local addresses are refused unless this is on (for
# receivers inside the operator's own network): see commentdesk/webhooks/addresses.py.
WEBHOOK_ALLOW_PRIVATE_ADDRESSES = envbool("WEBHOOK_ALLOW_PRIVATE_ADDRESSES", "False")
# The desk's own address, e.g. https://comments.example.org, for links in emails (queue
# alerts, commenters' notifications).
COMMENTDESK_URL = os.getenv("COMMENTDESK_URL", "")

CELERY_BEAT_SCHEDULE = {
    "sweep-stale-moderation": {
        "task": "commentdesk.moderation.tasks.sweep_moderation",
        "schedule": float(MODERATION_SWEEP_INTERVAL),
    },
    "deliver-due-webhooks": {
        "task": "commentdesk.webhooks.tasks.deliver_due_webhooks",
        "schedule": float(WEBHOOK_SWEEP_INTERVAL),
    },
    "send-due-emails": {
        "task": "commentdesk.notifications.tasks.send_due_emails",
        "schedule": float(WEBHOOK_SWEEP_INTERVAL),
    },
}

# /metrics answers a request bearing "Authorization: Bearer <METRICS_TOKEN>"; with no token
# set, only one from a loopback or private address that did not come through a proxy.
METRICS_TOKEN = envsecret("METRICS_TOKEN", "")
# A load balancer's health checks and Prometheus' scrapes reach the web processes directly,
# over plain HTTP: no redirect to HTTPS for them.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^metrics$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "INFO")},
}
