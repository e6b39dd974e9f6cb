"""Settings for thidua: one file, every value from the environment (see .env.example)."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    return env(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY", "insecure-development-key-change-me")
ALLOWED_HOSTS = [h for h in env("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in env("CSRF_TRUSTED_ORIGINS").split(",") if o]
VAR_DIR = Path(env("VAR_DIR", str(BASE_DIR / "var")))
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "files")))
MEDIA_URL = "/files/"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "thidua.core",
    "thidua.accounts",
    "thidua.organisations",
    "thidua.people",
    "thidua.awards",
    "thidua.movements",
    # After our apps: it ships a templates/base.html that must not shadow ours.
    "django_include_bootstrap",
    "thidua.eligibility",
    "thidua.proposals",
    "thidua.councils",
    "thidua.documents",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "thidua.core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "thidua.urls"
WSGI_APPLICATION = "thidua.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "thidua" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

# SQLite by default (WAL, IMMEDIATE transactions, busy timeout); PostgreSQL through DATABASE_URL.
SQLITE_PATH = Path(env("SQLITE_PATH", str(VAR_DIR / "thidua.sqlite3")))
DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 10,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;"
                ),
            },
            "TEST": {"NAME": env("SQLITE_TEST_PATH") or None},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Vietnamese first, English available; dd/mm/yyyy everywhere.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["thidua.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "thidua" / "static"]

TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Upload limits: the award register importer accepts files up to this size.
IMPORT_MAX_BYTES = int(env("IMPORT_MAX_BYTES", str(50 * 1024 * 1024)))
# Dossier attachments (proposals): the largest file accepted; stored under
# MEDIA_ROOT/attachments/ with random names, served only through the dossier's download view.
ATTACHMENT_MAX_BYTES = int(env("ATTACHMENT_MAX_BYTES", str(20 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
PAGE_SIZE = int(env("PAGE_SIZE", "50"))

# Reverse proxies of ours in front of the server (nginx, a load balancer): the client address
# is then read from X-Forwarded-For (thidua/core/clients.py). 0: REMOTE_ADDR only.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
# E-mail (reminders): printed to the console unless EMAIL_BACKEND says otherwise; SITE_URL makes
# the links in e-mails absolute.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "thidua@localhost")
# Public address of the site: printed (and as a QR code) on certificates, for /xac-minh/<code>/.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Documents: amounts in words say "linh" or "lẻ" for a zero ten, "nghìn" or "ngàn" for a thousand.
AMOUNT_ZERO_TEN = env("AMOUNT_ZERO_TEN", "linh")
AMOUNT_THOUSAND = env("AMOUNT_THOUSAND", "nghìn")
# Certificates: how many Typst compiles of one batch run at once (at most the machine's cores).
CERTIFICATE_WORKERS = int(env("CERTIFICATE_WORKERS", "4"))
# Certificates: the font family (empty: Libertinus Serif, bundled with Typst) and folders of font
# files to look in besides Typst's own (separated by the system's path separator, ":" on Linux).
CERTIFICATE_FONT = env("CERTIFICATE_FONT")
CERTIFICATE_FONT_DIRS = [Path(d) for d in env("CERTIFICATE_FONT_DIRS").split(os.pathsep) if d]
# Digital signatures: an RFC 3161 time-stamping authority added to signatures made here
# (empty: none), and the largest signed PDF accepted for upload.
SIGNING_TSA_URL = env("SIGNING_TSA_URL", "")
SIGNING_UPLOAD_MAX_BYTES = int(env("SIGNING_UPLOAD_MAX_BYTES", str(50 * 1024 * 1024)))
# A folder of the certificate authorities' root certificates (the VGCA's: .cer/.crt/.der/.pem)
# that signers' certificates are checked against; empty: trust is not judged.
SIGNING_TRUST_ROOTS = env("SIGNING_TRUST_ROOTS", "")
# Excel exports of more rows than this run as a background task with a progress bar.
EXPORT_INLINE_MAX_ROWS = int(env("EXPORT_INLINE_MAX_ROWS", "5000"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    # pyHanko logs a warning with a traceback for every signer certificate without a trusted
    # root; thidua checks integrity, not trust (documents.signing.check_signed).
    "loggers": {"pyhanko.sign.validation": {"level": "ERROR"}},
}
