"""The media check as a background task (django-tasks, database backend by default).

A worker runs it (``socialprotocol-worker`` management command ``run_worker``); a worker
killed mid-job leaves the row queued or running, and the task can simply run again: it only
writes its result at the end.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from django.db import transaction
from django_tasks import task

from socialprotocol.engine.model import InputError
from socialprotocol.engine.report import report_dict
from socialprotocol.web.checks.engine import checker_for
from socialprotocol.web.checks.models import Check, Status

log = logging.getLogger(__name__)


def _progress(check_id: str, status: str, percent: int) -> None:
    Check.objects.filter(pk=check_id).update(status=status, progress=percent)


@task()
def run_media_check(check_id: str) -> None:
    check = Check.objects.select_related("board").filter(pk=check_id).first()
    if check is None:
        return  # deleted or purged while queued
    from socialprotocol.web.checks.actions import post_of

    _progress(check_id, Status.RUNNING, 10)
    checker = checker_for(check.board)
    try:
        post = post_of(check)
        _progress(check_id, Status.RUNNING, 30)
        report = report_dict(checker.check(post))
    except InputError as exc:
        _fail(check_id, str(exc), str(exc))
        return
    except Exception:
        log.exception("media check %s failed", check_id)
        text_only = report_dict(checker.check(replace(post_of(check), media=())))
        _fail(
            check_id,
            "De foto's of video's konden niet gecontroleerd worden; de tekst wel.",
            "The photos or videos could not be checked; the text was.",
            text_only,
        )
        return
    with transaction.atomic():
        Check.objects.filter(pk=check_id).update(
            report=report, status=Status.DONE, progress=100, error=None
        )


def _fail(check_id: str, nl: str, en: str, report: object = None) -> None:
    Check.objects.filter(pk=check_id).update(
        status=Status.FAILED, progress=100, error={"nl": nl, "en": en}, report=report
    )
