# SPDX-License-Identifier: EUPL-1.2
"""The one settings module, read from environment variables.

Secure by default: DEBUG is off, cookies are secure, HSTS and a strict CSP are on. The README's
setup command (`run.py demo`) supplies developer values; nothing here assumes a developer machine.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from wijkteam.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("WIJKTEAM_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "wijkteam.accounts.apps.BeheerAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "django_htmx",
    "wijkteam.core",
    "wijkteam.gebieden",
    "wijkteam.accounts",
    "wijkteam.audit",
    "wijkteam.huishoudens",
    "wijkteam.vroegsignalering",
    "wijkteam.hulpvragen",
    "wijkteam.casussen",
    "wijkteam.verwijzingen",
    "wijkteam.privacy",
    "wijkteam.sociale_kaart",
    "wijkteam.demo",
]

MIDDLEWARE = [
    "wijkteam.core.middleware.RequestIdMiddleware",
    # Before anything reads the body: oversized requests get 413 unread.
    "wijkteam.core.middleware.RequestSizeLimitMiddleware",
    # Its response half runs after every other middleware's, so it sees the final response.
    "wijkteam.core.middleware.PrivacyHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "wijkteam.accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Axes must be last: it turns its lockout exception into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wijkteam.urls"
WSGI_APPLICATION = "wijkteam.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "wijkteam" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "csp.context_processors.nonce",
                "wijkteam.accounts.context_processors.wijkteam",
                "wijkteam.casussen.continuiteit.context_processors.caseload",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------------
# SQLite is the embedded default; PostgreSQL in production through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'wijkteam.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A fresh clone has no var/ yet: the README's `manage.py migrate` must not fail on it.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # IMMEDIATE takes the write lock at BEGIN, so two writers queue on the busy timeout instead of
    # one failing with "database is locked" halfway through its transaction. WAL lets readers go on.
    # Connections persist (CONN_MAX_AGE, per thread) as on PostgreSQL: a new SQLite connection runs
    # the PRAGMAs below and starts with an empty page cache, ~3 ms on every request (measured).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("WIJKTEAM_SQLITE_TIMEOUT", 20),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
    DATABASES["default"].setdefault("TEST", {})
else:
    # A fresh test database per run, named after the main one.
    DATABASES["default"].setdefault("TEST", {})

if replica_url := env_str("DATABASE_REPLICA_URL", ""):
    # Read replica for heavy aggregate (monitoring) queries; see wijkteam.core.db.monitoring_db().
    DATABASES["replica"] = dj_database_url.parse(replica_url, conn_max_age=60, conn_health_checks=True)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Background tasks -----------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": env_str("WIJKTEAM_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default", "mail", "import"],
    }
}

# --- Authentication -------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:werkomgeving"
LOGOUT_REDIRECT_URL = "core:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Lock out an account/IP pair after repeated failures (django-axes).
AXES_FAILURE_LIMIT = env_int("WIJKTEAM_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("WIJKTEAM_LOGIN_COOLOFF_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The same client address as the audit trail: behind a proxy REMOTE_ADDR is the proxy, and a
# lockout on (username, proxy) would let anyone anywhere lock the real user out.
AXES_CLIENT_IP_CALLABLE = "wijkteam.core.client_ip.client_ip"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Idle session timeout: the session expires after this many minutes without a request.
SESSION_COOKIE_AGE = env_int("WIJKTEAM_IDLE_TIMEOUT_MINUTES", 15) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
OTP_TOTP_ISSUER = env_str("WIJKTEAM_OTP_ISSUER", "Wijkteam")
# Days a user may bind their authenticator themself after the account is made or a beheerder reset it.
WIJKTEAM_TOTP_ENROLMENT_DAYS = env_int("WIJKTEAM_TOTP_ENROLMENT_DAYS", 7, minimum=1)
# Our own TOTP admin (accounts/admin.py) never shows keys; this keeps django-otp's other pages quiet too.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# --- Security headers -----------------------------------------------------------------------
_secure = not DEBUG
SESSION_COOKIE_SECURE = env_bool("WIJKTEAM_SECURE_COOKIES", _secure)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env_bool("WIJKTEAM_SSL_REDIRECT", _secure)
SECURE_HSTS_SECONDS = env_int("WIJKTEAM_HSTS_SECONDS", 31_536_000 if _secure else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading commits the whole (municipal) domain to HTTPS in every browser for months: the
# municipality decides that, not a default. Until it does, `check --deploy` need not warn.
SECURE_HSTS_PRELOAD = env_bool("WIJKTEAM_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
BEHIND_PROXY = env_bool("WIJKTEAM_BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Request bodies: every form is small; two pages take a file, for a signed-in session only: the HSDS import
# (its form allows 50 MB) and the monthly signal file (about 200 bytes a row: a million rows ~200 MB), each
# plus room for the multipart envelope. The proxy in front should refuse larger bodies too.
WIJKTEAM_MAX_REQUEST_BYTES = env_int("WIJKTEAM_MAX_REQUEST_KB", 2560) * 1024
WIJKTEAM_MAX_SIGNAL_UPLOAD_MB = env_int("WIJKTEAM_MAX_SIGNAL_UPLOAD_MB", 500)
WIJKTEAM_LARGE_UPLOAD_VIEWS = {
    "sociale_kaart_import:index": env_int("WIJKTEAM_MAX_IMPORT_MB", 51) * 1024 * 1024,
    "vroegsignalering:upload_index": (WIJKTEAM_MAX_SIGNAL_UPLOAD_MB + 1) * 1024 * 1024,
}
DATA_UPLOAD_MAX_MEMORY_SIZE = WIJKTEAM_MAX_REQUEST_BYTES

MAP_TILE_URL = env_str(
    "WIJKTEAM_MAP_TILE_URL",
    "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png",
)
_tile_origin = "/".join(MAP_TILE_URL.split("/")[:3]) if MAP_TILE_URL.startswith("http") else SELF
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", _tile_origin],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "wijkteam" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "wijkteam" / "static"]
STATIC_ROOT = Path(env_str("WIJKTEAM_STATIC_ROOT", str(VAR_DIR / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or not env_bool("WIJKTEAM_MANIFEST_STATIC", True)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# --- Mail -----------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "wijkteam@localhost")

# --- Wijkteam -------------------------------------------------------------------------------
# Fernet keys (comma-separated, newest first) encrypt BSNs at rest; the HMAC key makes the lookup
# hash. Both are required: a database dump alone must never reveal a BSN.
WIJKTEAM_FIELD_KEYS = env_list("WIJKTEAM_FIELD_KEYS")
WIJKTEAM_HASH_KEY = env_str("WIJKTEAM_HASH_KEY")
# "demo" only on the demo municipality (run.py demo): unlocks the demo-only commands.
WIJKTEAM_ENV = env_str("WIJKTEAM_ENV", "")
WIJKTEAM_GEMEENTE_NAAM = env_str("WIJKTEAM_GEMEENTE_NAAM", "Gemeente Voorbeeld")
# Geocoding through PDOK Locatieserver; off by default so the demo and tests never go online.
WIJKTEAM_GEOCODING_ONLINE = env_bool("WIJKTEAM_GEOCODING_ONLINE", False)
WIJKTEAM_PDOK_LOCATIESERVER_URL = env_str(
    "WIJKTEAM_PDOK_LOCATIESERVER_URL", "https://api.pdok.nl/bzk/locatieserver/search/v3_1"
)
# Only trust X-Forwarded-For when a proxy in front of us sets it: behind a proxy, one hop by
# default (the audit trail and the login lockout both take the client address from it).
WIJKTEAM_TRUSTED_PROXY_COUNT = env_int("WIJKTEAM_TRUSTED_PROXY_COUNT", 1 if BEHIND_PROXY else 0)

# --- Sociale kaart: freshness (partner self-maintenance) -- BEGIN ---------------------------
# After VERIFY months without a check the partner gets a "klopt dit nog?" task and mail; after
# HIDE months the service drops out of public search (wijkteam.sociale_kaart.visibility) until
# someone confirms it. LINK_DAYS: how long the one-click link in that mail stays valid.
WIJKTEAM_FRESHNESS_VERIFY_MONTHS = env_int("WIJKTEAM_FRESHNESS_VERIFY_MONTHS", 6)
WIJKTEAM_FRESHNESS_HIDE_MONTHS = env_int("WIJKTEAM_FRESHNESS_HIDE_MONTHS", 12)
WIJKTEAM_FRESHNESS_LINK_DAYS = env_int("WIJKTEAM_FRESHNESS_LINK_DAYS", 30)
# Absolute links in mails sent by background tasks (no request to take the host from).
WIJKTEAM_SITE_URL = env_str("WIJKTEAM_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# --- Sociale kaart: freshness -- END ---------------------------------------------------------

# --- Sociale kaart: bounds of HSDS imports and ndjson answers (issue 15) ----------------------
# One import reads at most MAX_BYTES (CSV files unpacked, or the JSON file) and MAX_ROWS records;
# 100,000 rows is ~12,000 services and peaks near 0.6 GB in the worker (bench/bench_import_limits.py).
WIJKTEAM_IMPORT_MAX_BYTES = env_int("WIJKTEAM_IMPORT_MAX_BYTES", 100 * 1024 * 1024)
WIJKTEAM_IMPORT_MAX_ROWS = env_int("WIJKTEAM_IMPORT_MAX_ROWS", 100_000)
# An anonymous format=ndjson answer holds at most this many items (then pages) and streams this long.
WIJKTEAM_API_NDJSON_MAX_ITEMS = env_int("WIJKTEAM_API_NDJSON_MAX_ITEMS", 5000)
WIJKTEAM_API_NDJSON_SECONDS = env_int("WIJKTEAM_API_NDJSON_SECONDS", 30)

# --- Partner APIs (accounts.api_tokens) -----------------------------------------------------------
# Calls per minute per token; the longest a token may be valid; signals per batch call of the signal API.
WIJKTEAM_API_RATE_PER_MINUTE = env_int("WIJKTEAM_API_RATE_PER_MINUTE", 120)
WIJKTEAM_API_TOKEN_MAX_DAYS = env_int("WIJKTEAM_API_TOKEN_MAX_DAYS", 366)
WIJKTEAM_API_MAX_SIGNALS_PER_CALL = env_int("WIJKTEAM_API_MAX_SIGNALS_PER_CALL", 200)

# --- Vroegsignalering -------------------------------------------------------------------------------
# Months after closing that a zaak without accepted help keeps its personal data (purge_vroegsignalen).
WIJKTEAM_VROEGSIGNALEN_BEWAARTERMIJN_MAANDEN = env_int("WIJKTEAM_VROEGSIGNALEN_BEWAARTERMIJN_MAANDEN", 12, minimum=1)
# The DDAS delivery's sender (empty: the gemeente's name).
WIJKTEAM_DDAS_AANLEVERENDE_ORGANISATIE = env_str("WIJKTEAM_DDAS_AANLEVERENDE_ORGANISATIE", "")
WIJKTEAM_DDAS_KVK_NUMMER = env_str("WIJKTEAM_DDAS_KVK_NUMMER", "")
WIJKTEAM_DDAS_CODE_GEGEVENSLEVERANCIER = env_str("WIJKTEAM_DDAS_CODE_GEGEVENSLEVERANCIER", "WIJKTEAM")
# Disclosure control of published figures (roadmap/monitoring.md): counts under MIN_CEL hidden, others
# rounded to AFRONDEN, percentages only over at least MIN_NOEMER.
WIJKTEAM_RAPPORTAGE_MIN_CEL = env_int("WIJKTEAM_RAPPORTAGE_MIN_CEL", 10)
WIJKTEAM_RAPPORTAGE_AFRONDEN = env_int("WIJKTEAM_RAPPORTAGE_AFRONDEN", 5)
WIJKTEAM_RAPPORTAGE_MIN_NOEMER = env_int("WIJKTEAM_RAPPORTAGE_MIN_NOEMER", 100)

# --- Hulpvragen --------------------------------------------------------------------------------------
# Working days within which the team answers a request (urgent: the shorter term).
WIJKTEAM_HULPVRAAG_REACTIE_WERKDAGEN = env_int("WIJKTEAM_HULPVRAAG_REACTIE_WERKDAGEN", 3)
WIJKTEAM_HULPVRAAG_REACTIE_WERKDAGEN_URGENT = env_int("WIJKTEAM_HULPVRAAG_REACTIE_WERKDAGEN_URGENT", 1)
# The residents' form: seconds a person needs at least, how long a form stays valid, attempts and sent
# requests per client address per hour (flood protection without third-party captchas).
WIJKTEAM_HULPVRAAG_MIN_SECONDS = env_int("WIJKTEAM_HULPVRAAG_MIN_SECONDS", 3)
WIJKTEAM_HULPVRAAG_FORM_MAX_AGE = env_int("WIJKTEAM_HULPVRAAG_FORM_MAX_AGE", 24 * 3600)
WIJKTEAM_HULPVRAAG_ATTEMPTS_PER_HOUR = env_int("WIJKTEAM_HULPVRAAG_ATTEMPTS_PER_HOUR", 30)
WIJKTEAM_HULPVRAAG_PER_HOUR = env_int("WIJKTEAM_HULPVRAAG_PER_HOUR", 5)
# Triage: how far (km) a collective provision may be from the household to count as within reach.
WIJKTEAM_TRIAGE_MAX_KM = float(env_str("WIJKTEAM_TRIAGE_MAX_KM", "3"))

# --- Verwijzingen -----------------------------------------------------------------------------------
# Working days a partner has to answer a referral before the reminder (verwijzing_herinneringen).
WIJKTEAM_VERWIJZING_REACTIE_WERKDAGEN = env_int("WIJKTEAM_VERWIJZING_REACTIE_WERKDAGEN", 5)

# --- Logging --------------------------------------------------------------------------------
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
from wijkteam.core.logging import configure_structlog, logging_config  # noqa: E402

LOGGING = logging_config(LOG_LEVEL)
configure_structlog()

# --- Sociale kaart: answers cached per process -----------------------------------------------
# Public search results and HSDS API answers are the same for everyone who asks the same thing:
# each worker process keeps them for this many seconds, keyed on the search-index generation
# (every write to the sociale kaart starts a new one) and the day, so a change shows at once.
# 0 turns the cache off. Memory per worker: at most ENTRIES answers (an API page is ~100 kB).
WIJKTEAM_PUBLIC_CACHE_SECONDS = env_int("WIJKTEAM_PUBLIC_CACHE_SECONDS", 60)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "wijkteam-default"},
    # Counters every worker process must share: API rate limits, the help form's flood protection. In the
    # database (its table is made by core's migration), because locmem counts per process and gunicorn runs
    # several; a deployment with Redis may point this alias there instead.
    "limits": {
        "BACKEND": env_str("WIJKTEAM_LIMITS_CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache"),
        "LOCATION": env_str("WIJKTEAM_LIMITS_CACHE_LOCATION", "wijkteam_limits_cache"),
    },
    "public": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "wijkteam-public",
        "OPTIONS": {"MAX_ENTRIES": env_int("WIJKTEAM_PUBLIC_CACHE_ENTRIES", 300)},
    },
}
