"""Who is calling: a token (integrations) or the page's session (with CSRF and 2FA)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware

from socialprotocol.web.api.actions import hash_key
from socialprotocol.web.api.errors import ApiError
from socialprotocol.web.api.models import ApiToken
from socialprotocol.web.core.models import Board
from socialprotocol.web.people.access import access_of

UNAUTHORIZED = ApiError(
    401,
    "unauthorized",
    "Log in of stuur een geldige API-sleutel mee (Authorization: Bearer …).",
    "Log in or send a valid API key (Authorization: Bearer …).",
)


@dataclass(frozen=True, slots=True)
class Caller:
    user: Any
    board: Board


def _ok(request: HttpRequest) -> HttpResponse:
    return HttpResponse()


def _csrf_ok(request: HttpRequest) -> bool:
    return CsrfViewMiddleware(_ok).process_view(request, _ok, (), {}) is None


# Token look-ups are cached per process for a few seconds: the API text check must stay
# under a millisecond or two of overhead. Revoking clears this process's cache at once;
# other processes follow within TOKEN_CACHE_SECONDS (as does a directory import).
TOKEN_CACHE_SECONDS = 10.0
_TOKENS: dict[str, tuple[float, Caller]] = {}
_TOKENS_LOCK = threading.Lock()


def forget_tokens() -> None:
    with _TOKENS_LOCK:
        _TOKENS.clear()


def _token_caller(key_hash: str) -> Caller:
    now = time.monotonic()
    hit = _TOKENS.get(key_hash)
    if hit is not None and hit[0] > now:
        return hit[1]
    token = (
        ApiToken.objects.select_related("user", "board")
        .filter(key_hash=key_hash, revoked=False, user__is_active=True)
        .first()
    )
    if token is None:
        raise UNAUTHORIZED
    caller = Caller(token.user, token.board)
    with _TOKENS_LOCK:
        if len(_TOKENS) > 10_000:
            _TOKENS.clear()
        _TOKENS[key_hash] = (now + TOKEN_CACHE_SECONDS, caller)
    return caller


def authenticate(request: HttpRequest) -> Caller:
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _, key = header.partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            raise UNAUTHORIZED
        return _token_caller(hash_key(key.strip()))
    user = request.user
    if not user.is_authenticated:
        raise UNAUTHORIZED
    access = access_of(user)
    if access.board is None:
        raise ApiError(
            403, "no_board", "Dit account hoort bij geen bestuur.", "This account has no board."
        )
    if access.needs_two_factor and not getattr(user, "is_verified", lambda: False)():
        raise ApiError(
            403,
            "two_factor_required",
            "Bevestig eerst je inlog met je authenticator-app.",
            "Confirm your login with your authenticator app first.",
        )
    if request.method not in {"GET", "HEAD", "OPTIONS"} and not _csrf_ok(request):
        raise ApiError(
            403, "csrf_failed", "Verzoek geweigerd (CSRF-controle).", "Request refused (CSRF)."
        )
    return Caller(user, access.board)
