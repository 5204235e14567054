"""Shared parts of the consent API: request bodies (pydantic) and permission helpers."""

from __future__ import annotations

import json
from typing import Any, Literal, TypeVar
from uuid import UUID

from django.http import Http404, HttpRequest
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from socialprotocol.web.api.auth import Caller
from socialprotocol.web.api.errors import NOT_FOUND, ApiError
from socialprotocol.web.consent import access as rules_access
from socialprotocol.web.consent.models import Publication, Purpose
from socialprotocol.web.consent.publications import (
    publication_for,
)
from socialprotocol.web.people.access import Access, access_of
from socialprotocol.web.people.models import Person

M = TypeVar("M", bound=BaseModel)


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DecisionIn(Body):
    purpose: str = Field(max_length=40)
    decision: Literal["given", "refused", "withdrawn"]


class LookupIn(Body):
    purpose: str = Field(max_length=40)
    people: list[int] = Field(max_length=500)
    post: UUID | None = None


class PostIn(Body):
    check_id: UUID
    media_index: int = Field(ge=0, le=100)
    purpose: str | None = Field(default=None, max_length=40)
    title: str = Field(default="", max_length=200)


class TagsIn(Body):
    faces: dict[str, int | Literal["unknown"] | None] = Field(default_factory=dict)
    voices: list[int] | None = Field(default=None, max_length=200)
    purpose: str | None = Field(default=None, max_length=40)


class RoundIn(Body):
    name: str = Field(min_length=1, max_length=100)
    deadline: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    school: int | None = None


class AnswerIn(Body):
    answer: Literal["given", "refused"]


def parse_body(request: HttpRequest, model: type[M]) -> M:
    if request.content_type != "application/json":
        raise ApiError(
            415, "unsupported_media_type", "Stuur application/json.", "Send application/json."
        )
    try:
        return model.model_validate(json.loads(request.body or b"null"))
    except (ValueError, ValidationError) as exc:
        fields: dict[str, Any] = {}
        if isinstance(exc, ValidationError):
            for err in exc.errors()[:10]:
                name = ".".join(str(p) for p in err["loc"]) or "body"
                fields[name] = {"nl": f"Ongeldig: {err['msg']}", "en": err["msg"]}
        raise ApiError(
            400, "invalid_input", "Ongeldige invoer.", "Invalid input.", fields
        ) from None


def refused(exc: Exception) -> ApiError:
    return ApiError(400, "not_allowed", str(exc), str(exc))


def staff_access(caller: Caller) -> Access:
    access = access_of(caller.user)
    if access.person is None or not rules_access.is_staff(access):
        raise ApiError(403, "forbidden", "Alleen voor medewerkers van de school.", "Staff only.")
    return access


def purpose_of(caller: Caller, key: str | None) -> Purpose:
    found = Purpose.objects.filter(board=caller.board, active=True)
    purpose = found.filter(key=key).first() if key else found.first()
    if purpose is None:
        raise ApiError(400, "unknown_purpose", "Onbekend doel.", "Unknown purpose.")
    return purpose


def person_of(caller: Caller, person_id: int) -> Person:
    person = Person.objects.filter(pk=person_id, board=caller.board).first()
    if person is None:
        raise ApiError(404, *NOT_FOUND)
    return person


def purpose_json(p: Purpose) -> dict[str, Any]:
    return {"id": p.pk, "key": p.key, "name": p.name, "name_en": p.name_en}


def own_post(caller: Caller, pub_id: UUID) -> Publication:
    access = staff_access(caller)
    try:
        return publication_for(access, pub_id)
    except Http404:
        raise ApiError(404, *NOT_FOUND) from None
