"""Retention: a post's photo files are deleted after ``POST_MEDIA_DAYS``; the tags (who was
shown, for the take-down list) and the consent records (the proof) stay."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from socialprotocol.web.consent import conf
from socialprotocol.web.consent.models import Publication
from socialprotocol.web.core.actions import write_audit
from socialprotocol.web.core.models import Board


def do_purge_post_media(*, now: datetime | None = None) -> int:
    now = now or timezone.now()
    cutoff = now - timedelta(days=conf.POST_MEDIA_DAYS)
    with transaction.atomic():
        old = list(Publication.objects.filter(created__lt=cutoff).exclude(original=""))
        if not old:
            return 0
        folders = [Path(settings.MEDIA_ROOT) / "consent" / str(p.pk) for p in old]
        Publication.objects.filter(pk__in=[p.pk for p in old]).update(original="", copy="")
        per_board: dict[int, int] = {}
        for pub in old:
            per_board[pub.board_id] = per_board.get(pub.board_id, 0) + 1
        for board_id, count in per_board.items():
            write_audit("consent_post_media_purged", acting_user=None, board=Board(pk=board_id),
                        detail={"count": count})  # fmt: skip

        def remove() -> None:
            for folder in folders:
                shutil.rmtree(folder, ignore_errors=True)

        transaction.on_commit(remove)
    return len(old)
