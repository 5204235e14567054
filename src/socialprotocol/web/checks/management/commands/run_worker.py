"""The background worker: media checks from the database queue; every minute, retention and
requeueing the checks of a worker that died; once a day, the retention purge of case records
and dossiers (DESIGN §6) and of old post photos kept for consent, with the report in the log.

Runs django-tasks' database worker (which claims a task row at a time, so several workers can
run side by side) and purges expired checks on a timer.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from socialprotocol.web.checks.actions import do_purge_expired_checks, do_requeue_stale_checks

log = logging.getLogger(__name__)


def _daily_purge(last: dt.date | None) -> dt.date:
    """Run the day's retention purge once per calendar day; returns the day it ran for."""
    from socialprotocol.web.cases.actions.retention import do_purge_expired_records
    from socialprotocol.web.consent.retention import do_purge_post_media

    today = timezone.localdate()
    if last == today:
        return today
    report = do_purge_expired_records(today)
    for line in report.lines():
        log.info("bewaartermijn: %s", line)
    log.info("bewaartermijn: foto's van berichten verwijderd: %d", do_purge_post_media())
    return today


def _purge_loop(stop: threading.Event, every: float, last_day: dt.date | None) -> None:
    while not stop.wait(every):
        try:
            close_old_connections()
            do_purge_expired_checks()
            do_requeue_stale_checks()
            last_day = _daily_purge(last_day)
        except Exception:
            log.exception("purging expired checks or records failed")


class Command(BaseCommand):
    help = "Start de achtergrondwerker (mediacontroles en het opruimen van oude controles)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--purge-every", type=float, default=60.0, help="seconden")
        parser.add_argument("--batch", action="store_true", help="alles uit de wachtrij, dan stop")

    def handle(self, *args: Any, **options: Any) -> None:
        do_purge_expired_checks()
        do_requeue_stale_checks()
        last_day = _daily_purge(None)
        stop = threading.Event()
        timer = threading.Thread(
            target=_purge_loop, args=(stop, options["purge_every"], last_day), daemon=True
        )
        timer.start()
        try:
            call_command("db_worker", interval=1, reload=False, batch=options["batch"])
        finally:
            stop.set()
