"""Settings from the environment: a bad value stops start-up with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from socialprotocol.web.env import database_from_url, env_bool, env_int


@pytest.mark.parametrize(("raw", "value"), [("ja", True), ("0", False), ("TRUE", True), ("off", False)])
def test_env_bool_reads_dutch_and_english(monkeypatch: pytest.MonkeyPatch, raw: str, value: bool) -> None:
    monkeypatch.setenv("X_FLAG", raw)
    assert env_bool("X_FLAG", not value) is value


def test_env_bool_refuses_a_word_it_does_not_know(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_FLAG", "misschien")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env_bool("X_FLAG", False)


@pytest.mark.parametrize("raw", ["tien", "-1", "5.5"])
def test_env_int_refuses_non_numbers_and_values_below_the_minimum(
    monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    monkeypatch.setenv("X_NUM", raw)
    with pytest.raises(ImproperlyConfigured, match="ongeldig"):
        env_int("X_NUM", 3, minimum=0)


def test_database_url_selects_postgresql() -> None:
    db = database_from_url("postgres://postgres@127.0.0.1:5432/test", Path("x"))
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["HOST"], db["PORT"], db["USER"]) == ("test", "127.0.0.1", "5432", "postgres")


def test_sqlite_runs_in_wal_mode_by_default() -> None:
    db = database_from_url("", Path("/tmp/x.sqlite3"))
    assert "journal_mode=WAL" in str(db["OPTIONS"])


@pytest.mark.parametrize("url", ["mysql://x/y", "postgres://h:99999999/db", "postgres://host/"])
def test_database_url_refuses_what_it_cannot_use(url: str) -> None:
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        database_from_url(url, Path("x"))
