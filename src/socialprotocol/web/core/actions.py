"""The base of every action: ``do_<verb>_<noun>(..., *, acting_user)`` writes its audit row
with :func:`write_audit` inside the same ``transaction.atomic`` block as the change.

Other apps follow this pattern::

    def do_give_consent(consent_args, *, acting_user):
        with transaction.atomic():
            row = Consent.objects.create(...)
            write_audit("consent_given", acting_user=acting_user, board=board, subject=row,
                        detail={"purpose": ...})
        return row
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import connection, models, transaction

from socialprotocol.web.core.models import AuditLog, Board

ActingUser = AbstractBaseUser | AnonymousUser | None


def write_audit(
    event: str,
    *,
    acting_user: ActingUser,
    board: Board | None = None,
    subject: models.Model | None = None,
    subject_key: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditLog:
    """Write one audit row. Must run inside the action's transaction: refuse otherwise."""
    if not connection.in_atomic_block:
        raise RuntimeError(f"audit row '{event}' written outside a transaction")
    user: Any = acting_user if getattr(acting_user, "is_authenticated", False) else None
    return AuditLog.objects.create(
        event=event,
        acting_user=user,
        board=board,
        subject_type=subject._meta.label_lower if subject is not None else "",
        subject_id=str(subject.pk) if subject is not None else "",
        subject_key=subject_key[:200],
        detail=detail or {},
    )


def do_create_board(name: str, *, protocol_file: str = "", acting_user: ActingUser) -> Board:
    with transaction.atomic():
        board = Board.objects.create(name=name, protocol_file=protocol_file)
        write_audit("board_created", acting_user=acting_user, board=board, subject=board)
    return board
