"""Django settings. Everything that differs between machines is an environment variable."""

from __future__ import annotations

import secrets
from pathlib import Path

from socialprotocol.web.env import (
    database_from_url,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_path,
    env_str,
)

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = env_path("SOCIALPROTOCOL_DATA_DIR", Path.cwd() / "var")
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    key = env_str("SOCIALPROTOCOL_SECRET_KEY", "")
    if key:
        return key
    # One machine, no configuration: a random key kept beside the database.
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("SOCIALPROTOCOL_DEBUG", False)
ALLOWED_HOSTS = env_list("SOCIALPROTOCOL_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("SOCIALPROTOCOL_CSRF_TRUSTED_ORIGINS", [])
SECURE_COOKIES = env_bool("SOCIALPROTOCOL_SECURE_COOKIES", False)
if env_bool("SOCIALPROTOCOL_BEHIND_HTTPS_PROXY", False):
    # The TLS proxy in front says the request came in over HTTPS; trust it only then.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

INSTALLED_APPS = [
    "socialprotocol.web.core",
    "socialprotocol.web.people",
    "socialprotocol.web.checks",
    "socialprotocol.web.api",
    "socialprotocol.web.cases",
    "socialprotocol.web.consent",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "socialprotocol.web.core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "socialprotocol.web.core.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "socialprotocol.web.urls"
CSRF_FAILURE_VIEW = "socialprotocol.web.core.views.csrf_failure"
WSGI_APPLICATION = "socialprotocol.web.wsgi.application"
ASGI_APPLICATION = "socialprotocol.web.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "socialprotocol.web.core.context.site",
                "socialprotocol.web.cases.context.nav",
            ],
        },
    }
]

DATABASES = {
    "default": database_from_url(
        env_str("DATABASE_URL", ""), DATA_DIR / "socialprotocol.sqlite3"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[env_choice("SOCIALPROTOCOL_TASKS", "database", ("database", "immediate"))]
    }
}

# Argon2 first: new and changed passwords are hashed with it.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "checks:new"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_AGE = env_int("SOCIALPROTOCOL_SESSION_HOURS", 12, minimum=1) * 3600
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
OTP_TOTP_ISSUER = env_str("SOCIALPROTOCOL_OTP_ISSUER", "socialprotocol")

# Login throttling: this many failures for one account (or one address) in the window blocks it.
LOGIN_MAX_FAILURES = env_int("SOCIALPROTOCOL_LOGIN_MAX_FAILURES", 5, minimum=1)
LOGIN_FAILURE_WINDOW_MINUTES = env_int("SOCIALPROTOCOL_LOGIN_WINDOW_MINUTES", 15, minimum=1)

# Retention (say how long anything is kept): a check's text and media are deleted this long
# after the check unless the user saves them; saved checks are deleted after the second period.
CHECK_RETENTION_MINUTES = env_int("SOCIALPROTOCOL_CHECK_RETENTION_MINUTES", 60, minimum=1)
SAVED_CHECK_RETENTION_DAYS = env_int("SOCIALPROTOCOL_SAVED_CHECK_RETENTION_DAYS", 30, minimum=1)

# Cases and dossiers (DESIGN §6): files are purged this many years after the pupil left or the
# employment ended; a closed case without file entries this many years after closing.
PUPIL_FILE_RETENTION_YEARS = env_int("SOCIALPROTOCOL_PUPIL_FILE_RETENTION_YEARS", 2, minimum=1)
PERSONNEL_FILE_RETENTION_YEARS = env_int("SOCIALPROTOCOL_PERSONNEL_FILE_RETENTION_YEARS", 2, minimum=1)
CLOSED_CASE_RETENTION_YEARS = env_int("SOCIALPROTOCOL_CLOSED_CASE_RETENTION_YEARS", 2, minimum=1)

# Request size limits.
MAX_TEXT_CHARS = env_int("SOCIALPROTOCOL_MAX_TEXT_CHARS", 10_000, minimum=280)
MAX_UPLOAD_MB = env_int("SOCIALPROTOCOL_MAX_UPLOAD_MB", 50, minimum=1)
MAX_UPLOAD_FILES = env_int("SOCIALPROTOCOL_MAX_UPLOAD_FILES", 10, minimum=1)
MAX_REQUEST_BYTES = (MAX_UPLOAD_MB * MAX_UPLOAD_FILES + 1) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = MAX_UPLOAD_FILES

# Mail (consent requests, re-confirmation rounds). By default mail is written to the console
# log, so a demo or a new install sends nothing off the machine until SMTP is configured.
EMAIL_BACKEND = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
}[env_choice("SOCIALPROTOCOL_EMAIL", "console", ("console", "file", "smtp"))]
EMAIL_FILE_PATH = str(DATA_DIR / "mail")
EMAIL_HOST = env_str("SOCIALPROTOCOL_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("SOCIALPROTOCOL_EMAIL_PORT", 25, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("SOCIALPROTOCOL_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("SOCIALPROTOCOL_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("SOCIALPROTOCOL_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = env_str("SOCIALPROTOCOL_EMAIL_FROM", "socialprotocol@localhost")

PROTOCOL_FILE = env_str("SOCIALPROTOCOL_PROTOCOL", "")  # empty: the bundled ASKO 2018 protocol

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env_str("SOCIALPROTOCOL_TIME_ZONE", "Europe/Amsterdam")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = env_path("SOCIALPROTOCOL_MEDIA_ROOT", DATA_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Without collectstatic (the README's run command) WhiteNoise serves from the app folders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("SOCIALPROTOCOL_LOG_LEVEL", "WARNING")},
}
