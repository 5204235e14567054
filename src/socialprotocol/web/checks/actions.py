"""Every change to checks: create, save, delete, apply a fix, purge. Each writes its audit row.

Audit rows never hold the text of a post: only what was done, the verdict and counts.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from socialprotocol.engine.fixes import apply_text_fixes
from socialprotocol.engine.model import (
    Finding,
    Fix,
    MediaRef,
    Message,
    Post,
    PostContext,
    Severity,
    TextEvidence,
    parse_role,
    parse_setting,
)
from socialprotocol.engine.report import report_dict
from socialprotocol.web.checks.engine import checker_for
from socialprotocol.web.checks.models import Check, CheckMedia, Status
from socialprotocol.web.checks.uploads import Upload
from socialprotocol.web.core.actions import ActingUser, write_audit
from socialprotocol.web.core.models import Board

SAVE_PURPOSES = ("consultation", "report")


def check_post(board: Board, post: Post) -> dict[str, Any]:
    """The engine's report for a post, as JSON. Changes nothing (the API's text check)."""
    return report_dict(checker_for(board).check(post))


def post_of(check: Check) -> Post:
    context = PostContext(
        role=parse_role(check.role),
        setting=parse_setting(check.setting),
        platform=check.platform or None,
        at=check.planned_at,
        about_school=check.about_school,
    )
    media = tuple(MediaRef(m.file.path) for m in check.media.all())
    return Post(check.text, context, media)


def finding_from_dict(data: dict[str, Any], text: str) -> Finding | None:
    """The engine's finding back from its JSON, when it still fits ``text`` (else None)."""
    ev, fix = data.get("evidence") or {}, data.get("fix")
    if not fix:
        return None
    if ev.get("kind") == "text":
        start, end = int(ev["start"]), int(ev["end"])
        if text[start:end] != ev.get("excerpt"):
            return None
        evidence = TextEvidence(start, end, ev["excerpt"])
    elif fix.get("action") == "append":
        evidence = TextEvidence(0, 0, "")
    else:
        return None
    msg = Message(**data["message"])
    return Finding(
        rule=data["rule"],
        category=data["category"],
        severity=Severity(data["severity"]),
        confidence=float(data["confidence"]),
        evidence=evidence,
        message=msg,
        explanation=msg,
        fix=Fix(fix["action"], fix.get("text")),
    )


def do_create_check(
    board: Board, post: Post, uploads: list[Upload], *, acting_user: Any
) -> Check:
    """A check of ``post``; with media it is queued for the worker, without it done at once."""
    now = timezone.now()
    with transaction.atomic():
        check = Check.objects.create(
            board=board,
            user=acting_user,
            expires_at=now + timedelta(minutes=settings.CHECK_RETENTION_MINUTES),
            text=post.text,
            role=post.context.role.value,
            setting=post.context.setting.value,
            platform=post.context.platform or "",
            planned_at=post.context.at,
            about_school=post.context.about_school,
        )
        for index, upload in enumerate(uploads):
            media = CheckMedia(
                check_obj=check,
                index=index,
                name=upload.name,
                kind=upload.kind,
                content_type=upload.content_type,
                size=upload.file.size or 0,
            )
            media.file.save(upload.name, upload.file, save=False)
            if upload.kind == "image":
                media.width, media.height = _upright_size(media.file.path)
            media.save()
        if uploads:
            _queue(check)
        else:
            check.report = check_post(board, replace(post, media=()))
            check.status = Status.DONE
            check.progress = 100
            check.save(update_fields=["report", "status", "progress"])
        write_audit(
            "check_created",
            acting_user=acting_user,
            board=board,
            subject=check,
            detail={"media": len(uploads), "verdict": (check.report or {}).get("verdict")},
        )
    return check


def _upright_size(path: str) -> tuple[int | None, int | None]:
    from PIL import Image

    try:
        with Image.open(path) as img:
            w, h = img.size
            if img.getexif().get(0x0112) in {5, 6, 7, 8}:  # rotated a quarter turn
                w, h = h, w
            return w, h
    except Exception:
        return None, None


def _queue(check: Check) -> None:
    from socialprotocol.web.checks.tasks import run_media_check

    check.status = Status.QUEUED
    check.progress = 0
    check.updated = timezone.now()
    check.save(update_fields=["status", "progress", "updated"])
    check_id = str(check.pk)
    transaction.on_commit(lambda: run_media_check.enqueue(check_id))


def do_save_check(check: Check, purpose: str, *, acting_user: ActingUser) -> Check:
    """Keep the text and media for a consultation or report (SAVED_CHECK_RETENTION_DAYS)."""
    if purpose not in SAVE_PURPOSES:
        raise ValueError(f"onbekend doel '{purpose}'")
    with transaction.atomic():
        check.saved_for = purpose
        check.expires_at = check.created + timedelta(days=settings.SAVED_CHECK_RETENTION_DAYS)
        check.save(update_fields=["saved_for", "expires_at"])
        write_audit(
            "check_saved",
            acting_user=acting_user,
            board=check.board,
            subject=check,
            detail={"purpose": purpose},
        )
    return check


def do_apply_fix(check: Check, finding: int, *, acting_user: ActingUser) -> Check:
    """Apply one finding's text fix (the engine's fix) and check the new text again."""
    findings = (check.report or {}).get("findings", [])
    if not 0 <= finding < len(findings):
        raise ValueError("onbekende bevinding")
    engine_finding = finding_from_dict(findings[finding], check.text)
    new_text = apply_text_fixes(check.text, [engine_finding]) if engine_finding else None
    if new_text is None:
        raise ValueError("deze bevinding heeft geen tekstverbetering")
    with transaction.atomic():
        rule = engine_finding.rule if engine_finding else ""
        check.text = new_text
        check.save(update_fields=["text"])
        if check.media.exists():
            _queue(check)
        else:
            check.report = check_post(check.board, replace(post_of(check), media=()))
            check.save(update_fields=["report"])
        write_audit(
            "check_fix_applied",
            acting_user=acting_user,
            board=check.board,
            subject=check,
            detail={"rule": rule, "finding": finding},
        )
    return check


def _media_dir(check: Check) -> Path:
    return Path(settings.MEDIA_ROOT) / "checks" / str(check.pk)


def do_delete_check(check: Check, *, acting_user: ActingUser) -> None:
    folder = _media_dir(check)
    with transaction.atomic():
        write_audit("check_deleted", acting_user=acting_user, board=check.board, subject=check)
        check.delete()
        transaction.on_commit(lambda: shutil.rmtree(folder, ignore_errors=True))


def do_purge_expired_checks(*, now: datetime | None = None) -> int:
    """Delete every check (text, media, report) past its retention. Run by the worker."""
    now = now or timezone.now()
    with transaction.atomic():
        expired = list(Check.objects.filter(expires_at__lt=now).select_related("board"))
        if not expired:
            return 0
        folders = [_media_dir(c) for c in expired]
        per_board: dict[int, int] = {}
        for c in expired:
            per_board[c.board_id] = per_board.get(c.board_id, 0) + 1
        Check.objects.filter(pk__in=[c.pk for c in expired]).delete()
        for board_id, count in per_board.items():
            write_audit(
                "checks_purged",
                acting_user=None,
                board=Board(pk=board_id),
                detail={"count": count},
            )

        def remove() -> None:
            for folder in folders:
                shutil.rmtree(folder, ignore_errors=True)

        transaction.on_commit(remove)
    return len(expired)


def do_redact_media(media: CheckMedia, *, acting_user: ActingUser) -> None:
    """A copy of the photo with every face blurred and metadata removed (the engine's redaction).

    Nobody is kept yet: the consent registry (A5) will pass the boxes of people who consented.
    """
    import tempfile

    from django.core.files import File

    from socialprotocol.web.checks.redaction import redactor

    redact = redactor()
    if redact is None:
        raise ValueError("vervagen is in deze installatie niet beschikbaar")
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "vervaagd.jpg")
        redact(media.file.path, out, ())
        with transaction.atomic(), open(out, "rb") as fh:
            stem = Path(media.name).stem
            media.redacted.save(f"{stem}-vervaagd.jpg", File(fh), save=True)
            write_audit(
                "media_redacted",
                acting_user=acting_user,
                board=media.check_obj.board,
                subject=media.check_obj,
                detail={"media": media.index},
            )


STALE_AFTER = timedelta(minutes=10)


def do_requeue_stale_checks(*, now: datetime | None = None) -> int:
    """Queue again every media check whose task showed no progress for STALE_AFTER: its worker
    died (killed, machine restarted). The task only writes its result at the end, so running
    it again loses nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        stale = list(
            Check.objects.select_for_update()
            .filter(status__in=[Status.QUEUED, Status.RUNNING], updated__lt=now - STALE_AFTER)
        )
        per_board: dict[int, int] = {}
        for check in stale:
            _queue(check)
            per_board[check.board_id] = per_board.get(check.board_id, 0) + 1
        for board_id, count in per_board.items():
            write_audit(
                "checks_requeued", acting_user=None, board=Board(pk=board_id),
                detail={"count": count},
            )  # fmt: skip
    return len(stale)
