"""The cases part of the OpenAPI document (merged into /api/v1/openapi.json)."""

from __future__ import annotations

from typing import Any

_ERR = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _errors(*codes: int) -> dict[str, Any]:
    names = {400: "Bad input", 401: "Not logged in", 403: "Forbidden", 404: "Not found",
             405: "Method not allowed", 409: "Not possible in this state"}  # fmt: skip
    return {str(c): {"description": names[c], **_ERR} for c in codes}


def _json(ref: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}


_CASE_ID = [{"name": "case_id", "in": "path", "required": True,
             "schema": {"type": "string", "format": "uuid"}}]  # fmt: skip
_DOSSIER_ID = [{"name": "dossier_id", "in": "path", "required": True,
                "schema": {"type": "integer"}}]  # fmt: skip
_STATES = ["gemeld", "in_behandeling", "besluit", "afgesloten", "heropend"]

SCHEMAS: dict[str, Any] = {
    "ReportRequest": {
        "type": "object",
        "required": ["description"],
        "properties": {
            "description": {"type": "string", "description": "What happened"},
            "school": {"type": ["integer", "null"]},
            "link": {"type": "string", "format": "uri"},
            "platform": {"type": "string"},
            "post_text": {"type": "string"},
            "poster_role": {"type": "string", "enum": ["staff", "pupil", "parent", "other"]},
            "post_context": {"type": "string", "enum": ["private", "work"]},
            "involved_text": {"type": "string"},
            "hide_name": {"type": "boolean", "description": "pupils and parents only"},
            "anonymous": {"type": "boolean", "description": "only when the board allows it"},
        },
    },
    "ReportReceipt": {
        "type": "object",
        "required": ["reference", "state", "receipt_code"],
        "properties": {"reference": {"type": "string"}, "state": {"type": "string"},
                       "receipt_code": {"type": ["string", "null"]}},
    },
    "CaseSummary": {
        "type": "object",
        "required": ["id", "reference", "state", "created"],
        "properties": {"id": {"type": "string", "format": "uuid"},
                       "reference": {"type": "string"},
                       "state": {"type": "string", "enum": _STATES},
                       "school": {"type": ["string", "null"]},
                       "created": {"type": "string", "format": "date-time"},
                       "deadline": {"type": ["string", "null"], "format": "date"}},
    },
    "CaseList": {"type": "object", "required": ["cases"], "properties": {
        "cases": {"type": "array", "items": {"$ref": "#/components/schemas/CaseSummary"}}}},
    "Case": {"allOf": [{"$ref": "#/components/schemas/CaseSummary"}, {
        "type": "object",
        "required": ["history", "tasks", "measures", "evidence", "articles"],
        "properties": {"history": {"type": "array", "items": {"type": "object"}},
                       "tasks": {"type": "array", "items": {"type": "object"}},
                       "measures": {"type": "array", "items": {"type": "object"}},
                       "evidence": {"type": "array", "items": {"type": "object"}},
                       "articles": {"type": "array", "items": {"type": "string"}}}}]},
    "TransitionRequest": {"type": "object", "required": ["to"], "properties": {
        "to": {"type": "string", "enum": _STATES}, "note": {"type": "string"}}},
    "Transition": {"type": "object", "required": ["from", "to", "at"], "properties": {
        "from": {"type": "string"}, "to": {"type": "string"},
        "at": {"type": "string", "format": "date-time"}}},
    "Dossier": {"type": "object", "required": ["id", "kind", "person", "entries"], "properties": {
        "id": {"type": "integer"}, "kind": {"type": "string", "enum": ["personnel", "pupil"]},
        "person": {"type": "string"},
        "entries": {"type": "array", "items": {"type": "object"}}}},
}  # fmt: skip

PATHS: dict[str, Any] = {
    "/api/v1/reports": {"post": {
        "operationId": "reportPost", "summary": "Report a post (anyone logged in).",
        "requestBody": {"required": True, "content": _json("ReportRequest")},
        "responses": {"201": {"description": "Case opened", "content": _json("ReportReceipt")},
                      **_errors(400, 401, 403, 405)}}},
    "/api/v1/cases": {"get": {
        "operationId": "listCases", "summary": "Cases the caller handles (board, management).",
        "responses": {"200": {"description": "Cases", "content": _json("CaseList")},
                      **_errors(401, 403)}}},
    "/api/v1/cases/{case_id}": {"parameters": _CASE_ID, "get": {
        "operationId": "getCase", "summary": "A case with its history; the read is logged.",
        "responses": {"200": {"description": "The case", "content": _json("Case")},
                      **_errors(401, 403, 404)}}},
    "/api/v1/cases/{case_id}/transitions": {"parameters": _CASE_ID, "post": {
        "operationId": "transitionCase", "summary": "Move the case to another state.",
        "requestBody": {"required": True, "content": _json("TransitionRequest")},
        "responses": {"200": {"description": "Done", "content": _json("Transition")},
                      **_errors(400, 401, 403, 404, 409)}}},
    "/api/v1/dossiers/{dossier_id}": {"parameters": _DOSSIER_ID, "get": {
        "operationId": "readDossier",
        "summary": "Read a file (HR/board: personnel; pupil records/management: pupil). "
                   "The reason is required and logged.",
        "parameters": [{"name": "reason", "in": "query", "required": True,
                        "schema": {"type": "string", "minLength": 3}}],
        "responses": {"200": {"description": "The file", "content": _json("Dossier")},
                      **_errors(400, 401, 403, 404)}}},
    "/api/v1/dossiers/{dossier_id}/export": {"parameters": _DOSSIER_ID, "get": {
        "operationId": "exportOwnDossier",
        "summary": "The person concerned downloads their own file (ZIP); logged.",
        "responses": {"200": {"description": "ZIP", "content": {"application/zip": {
            "schema": {"type": "string", "format": "binary"}}}},
                      **_errors(401, 403, 404)}}},
}  # fmt: skip
