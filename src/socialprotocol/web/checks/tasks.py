"""The media check as a background task (django-tasks, database backend by default).

A worker runs it (``socialprotocol-worker`` management command ``run_worker``); a worker
killed mid-job leaves the row queued or running, and the task can simply run again: it only
writes its result at the end.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from socialprotocol.engine.model import InputError
from socialprotocol.engine.report import report_dict
from socialprotocol.web.checks.engine import checker_for, set_progress_sink
from socialprotocol.web.checks.models import Check, Status

log = logging.getLogger(__name__)


def _progress(check_id: str, status: str, percent: int) -> None:
    Check.objects.filter(pk=check_id).update(
        status=status, progress=percent, updated=timezone.now()
    )


@task()
def run_media_check(check_id: str) -> None:
    check = Check.objects.select_related("board").filter(pk=check_id).first()
    if check is None:
        return  # deleted or purged while queued
    from socialprotocol.web.checks.actions import post_of

    _progress(check_id, Status.RUNNING, 5)
    checker = checker_for(check.board)
    set_progress_sink(_sink(check_id, check.media.count()))
    try:
        post = post_of(check)
        report = report_dict(checker.check(post))
    except InputError as exc:
        _fail(check_id, str(exc), str(exc))
        return
    except Exception:
        set_progress_sink(None)
        log.exception("media check %s failed", check_id)
        text_only = report_dict(checker.check(replace(post_of(check), media=())))
        _fail(
            check_id,
            "De foto's of video's konden niet gecontroleerd worden; de tekst wel.",
            "The photos or videos could not be checked; the text was.",
            text_only,
        )
        return
    finally:
        set_progress_sink(None)
    with transaction.atomic():
        Check.objects.filter(pk=check_id).update(
            report=report, status=Status.DONE, progress=100, error=None
        )


def _sink(check_id: str, files: int) -> Callable[[float], None]:
    """Progress of the media engine (per file, 0..1) as percent on the row, at most 4× a second."""
    state = {"file": 0, "last": 0.0, "shown": 5}

    def sink(fraction: float) -> None:
        now = time.monotonic()
        percent = 5 + int(90 * (state["file"] + min(fraction, 1.0)) / max(files, 1))
        if fraction >= 1.0:
            state["file"] += 1
        if percent > state["shown"] and (now - state["last"] > 0.25 or fraction >= 1.0):
            state["last"], state["shown"] = now, percent
            _progress(check_id, Status.RUNNING, min(percent, 95))

    return sink


def _fail(check_id: str, nl: str, en: str, report: object = None) -> None:
    Check.objects.filter(pk=check_id).update(
        status=Status.FAILED, progress=100, error={"nl": nl, "en": en}, report=report
    )
