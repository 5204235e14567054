"""Typed settings from environment variables: a bad value stops start-up with a clear message.

One way to configure the web app: every setting that differs between machines is an
environment variable read through one of these helpers (healthchecks' ``envbool`` habit).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on", "ja", "waar"}
_FALSE = {"0", "false", "no", "off", "nee", "onwaar", ""}


def _bad(name: str, value: str, expected: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(
        f"Omgevingsvariabele {name}={value!r} is ongeldig: verwacht {expected}. "
        f"(Environment variable {name} is invalid: expected {expected}.)"
    )


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise _bad(name, raw, "true/false (1/0, yes/no, ja/nee)")


def env_int(name: str, default: int, *, minimum: int = 0, maximum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise _bad(name, raw, "een geheel getal (an integer)") from None
    if value < minimum or (maximum is not None and value > maximum):
        upper = "" if maximum is None else f" en hoogstens {maximum}"
        raise _bad(name, raw, f"minstens {minimum}{upper}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [part.strip() for part in raw.split(",") if part.strip()]


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    raw = os.environ.get(name, default).strip().lower()
    if raw not in choices:
        raise _bad(name, raw, "een van " + ", ".join(choices))
    return raw


def env_path(name: str, default: Path) -> Path:
    raw = os.environ.get(name)
    return Path(raw).expanduser().resolve() if raw else default


def database_from_url(url: str, sqlite_default: Path) -> dict[str, object]:
    """Django's DATABASES['default'] from DATABASE_URL (postgres://… or sqlite:///path)."""
    if not url:
        return sqlite_database(sqlite_default)
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = unquote(parts.path)
        return sqlite_database(Path(path[1:] if path.startswith("//") else path))
    if parts.scheme not in {"postgres", "postgresql"}:
        raise _bad("DATABASE_URL", url, "postgres://gebruiker@host:poort/naam of sqlite:///pad")
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise _bad("DATABASE_URL", url, "een databasenaam na de laatste '/'")
    try:
        port = parts.port
    except ValueError:
        raise _bad("DATABASE_URL", url, "een geldig poortnummer") from None
    options = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(port or ""),
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": options,
    }


def sqlite_database(path: Path) -> dict[str, object]:
    # WAL lets the page and the worker read while the other writes; IMMEDIATE avoids
    # "database is locked" when a read transaction later wants to write.
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
            ),
        },
    }
