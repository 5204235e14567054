"""Append-only records: evidence and dossier entries are written once and never altered.

They may only disappear through the retention purge (``retention_purge()``); every other
update or delete (instance, queryset, cascade) raises ``ImmutableRecordError``.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from django.db import models
from django.db.models.signals import pre_delete
from django.dispatch import receiver

_PURGING: contextvars.ContextVar[bool] = contextvars.ContextVar("retention_purge", default=False)


class PurgeLock(models.Model):
    """A row here, inside the purge's own transaction, is what lets the database triggers allow a
    delete of evidence or file entries (no other transaction sees the uncommitted row)."""

    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "opruimslot"

    def __str__(self) -> str:
        return f"opruimslot {self.created:%Y-%m-%d %H:%M}"


class ImmutableRecordError(Exception):
    """Raised when someone tries to change or delete a record outside the retention purge."""


@contextmanager
def retention_purge() -> Iterator[None]:
    token = _PURGING.set(True)
    try:
        yield
    finally:
        _PURGING.reset(token)


def purging() -> bool:
    return _PURGING.get()


_M = TypeVar("_M", bound=models.Model)


class CaseRecordQuerySet(models.QuerySet[_M]):
    def update(self, **kwargs: Any) -> int:
        raise ImmutableRecordError("records are never altered")

    def delete(self) -> tuple[int, dict[str, int]]:
        if not purging():
            raise ImmutableRecordError("records are only removed by the retention purge")
        return super().delete()


class AppendOnly(models.Model):
    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableRecordError("records are never altered")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if not purging():
            raise ImmutableRecordError("records are only removed by the retention purge")
        return super().delete(*args, **kwargs)


@receiver(pre_delete)
def _refuse_cascade(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    # A cascade from a parent row bypasses the instance's delete(); this catches it.
    if isinstance(instance, AppendOnly) and not purging():
        raise ImmutableRecordError("records are only removed by the retention purge")
