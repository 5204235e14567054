from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.urls import reverse

from socialprotocol.web.cases.access import visible_cases
from socialprotocol.web.cases.models import Case
from socialprotocol.web.core.models import Board
from socialprotocol.web.people.access import access_of


def board_or_404(request: HttpRequest) -> Board:
    board = access_of(request.user).board
    if board is None:
        raise Http404
    return board


def handled_case(request: HttpRequest, case_id: UUID) -> Case:
    """A case the caller handles; any other case is simply not found."""
    case = visible_cases(request.user).select_related("board", "school").filter(pk=case_id).first()
    if case is None:
        raise Http404
    return case


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def user_of(request: HttpRequest) -> Any:
    return request.user


def two_factor_required(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Reading files needs a confirmed authenticator (DESIGN §5), also for management, whose
    role alone does not demand it elsewhere."""

    @wraps(view)
    def inner(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not getattr(request.user, "is_verified", lambda: False)():
            return HttpResponseRedirect(f"{reverse('two_factor')}?next={request.path}")
        return view(request, *args, **kwargs)

    return inner
