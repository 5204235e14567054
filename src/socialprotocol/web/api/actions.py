"""Creating and revoking API tokens, audited."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.db import transaction

from socialprotocol.web.api.models import ApiToken
from socialprotocol.web.core.actions import ActingUser, write_audit
from socialprotocol.web.people.access import access_of


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def do_create_api_token(user: Any, name: str, *, acting_user: ActingUser) -> tuple[ApiToken, str]:
    """A token acting as ``user`` in ``user``'s board. Returns the row and the key (shown once)."""
    board = access_of(user).board
    if board is None:
        raise ValueError("dit account hoort bij geen bestuur")
    key = "sp_" + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            board=board, user=user, name=name, key_hash=hash_key(key), prefix=key[:8]
        )
        write_audit(
            "api_token_created",
            acting_user=acting_user,
            board=board,
            subject=token,
            detail={"name": name, "for": user.get_username()},
        )
    return token, key


def do_revoke_api_token(token: ApiToken, *, acting_user: ActingUser) -> None:
    with transaction.atomic():
        token.revoked = True
        token.save(update_fields=["revoked"])
        write_audit("api_token_revoked", acting_user=acting_user, board=token.board, subject=token)
    from socialprotocol.web.api.auth import forget_tokens

    forget_tokens()
