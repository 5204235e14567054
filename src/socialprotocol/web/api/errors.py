"""API errors: JSON with a code and a Dutch and English message, never a traceback."""

from __future__ import annotations

from typing import Any

from django.http import JsonResponse


class ApiError(Exception):
    def __init__(
        self, status: int, code: str, nl: str, en: str, fields: dict[str, Any] | None = None
    ) -> None:
        super().__init__(code)
        self.status, self.code, self.nl, self.en, self.fields = status, code, nl, en, fields

    def response(self) -> JsonResponse:
        return error_response(self.status, self.code, self.nl, self.en, self.fields)


def error_response(
    status: int, code: str, nl: str, en: str, fields: dict[str, Any] | None = None
) -> JsonResponse:
    body: dict[str, Any] = {"error": {"code": code, "message": {"nl": nl, "en": en}}}
    if fields:
        body["error"]["fields"] = fields
    return JsonResponse(body, status=status)


NOT_FOUND = ("not_found", "Niet gevonden.", "Not found.")
