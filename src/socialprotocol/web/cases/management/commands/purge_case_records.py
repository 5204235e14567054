"""Scheduled task (daily, e.g. from cron or a systemd timer): the retention purge of files
and closed cases, with a report of what was removed."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from socialprotocol.web.cases.actions.retention import do_purge_expired_records


class Command(BaseCommand):
    help = "Verwijdert dossiers en zaken waarvan de bewaartermijn voorbij is."

    def handle(self, *args: Any, **options: Any) -> None:
        report = do_purge_expired_records(timezone.localdate())
        for line in report.lines():
            self.stdout.write(line)
