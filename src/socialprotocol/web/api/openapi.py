"""The OpenAPI 3.1 document of /api/v1/, built once. The report schema is the engine's own."""

from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any

from socialprotocol.engine.report import report_schema
from socialprotocol.web.cases import openapi as cases_openapi
from socialprotocol.web.consent import openapi as consent_openapi

_MESSAGE = {"$ref": "#/components/schemas/Report_message"}


def _rewrite_refs(node: Any) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
                out[key] = "#/components/schemas/Report_" + value.removeprefix("#/$defs/")
            else:
                out[key] = _rewrite_refs(value)
        return out
    if isinstance(node, list):
        return [_rewrite_refs(v) for v in node]
    return node


def _report_components() -> dict[str, Any]:
    schema = copy.deepcopy(report_schema())
    defs = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    out = {f"Report_{name}": _rewrite_refs(value) for name, value in defs.items()}
    out["Report"] = _rewrite_refs(schema)
    return out


def _error() -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message"],
                "properties": {
                    "code": {"type": "string"},
                    "message": _MESSAGE,
                    "fields": {"type": "object", "additionalProperties": _MESSAGE},
                },
            }
        },
    }


_CHECK_REQUEST = {
    "type": "object",
    "required": ["text", "role", "context"],
    "additionalProperties": False,
    "properties": {
        "id": {"description": "Echoed back in the report."},
        "text": {"type": "string", "maxLength": 10000},
        "role": {"type": "string", "description": "staff/pupil/parent/other (or Dutch words)",
                 "examples": ["staff", "leerling"]},
        "context": {"type": "string", "description": "work/private (werk/prive)"},
        "platform": {"type": ["string", "null"]},
        "at": {"type": ["string", "null"], "description": "ISO 8601; no zone: Dutch local time"},
        "author": {"type": ["string", "null"], "description": "directory id of the author"},
        "about_school": {"type": ["boolean", "null"]},
    },
}  # fmt: skip

_MULTIPART = {
    "type": "object",
    "required": ["role", "context"],
    "properties": {
        "text": {"type": "string"},
        "role": {"type": "string", "enum": ["staff", "pupil", "parent", "other"]},
        "context": {"type": "string", "enum": ["work", "private"]},
        "platform": {"type": "string"},
        "at": {"type": "string"},
        "about_school": {"type": "string", "enum": ["", "true", "false"]},
        "media": {"type": "array", "items": {"type": "string", "format": "binary"}},
    },
}

_CHECK_STATUS = {
    "type": "object",
    "required": ["id", "status", "progress", "expires_at", "report", "error", "media"],
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "status": {"type": "string", "enum": ["queued", "running", "done", "failed"]},
        "progress": {"type": "integer", "minimum": 0, "maximum": 100},
        "expires_at": {"type": "string", "format": "date-time"},
        "report": {"oneOf": [{"$ref": "#/components/schemas/Report"}, {"type": "null"}]},
        "error": {"oneOf": [_MESSAGE, {"type": "null"}]},
        "media": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["index", "name", "kind", "redacted"],
                "properties": {
                    "index": {"type": "integer"},
                    "name": {"type": "string"},
                    "kind": {"type": "string"},
                    "redacted": {"type": ["string", "null"]},
                },
            },
        },
    },
}

_RULES = {
    "type": "object",
    "required": ["protocol", "rules"],
    "properties": {
        "protocol": {"type": "object", "required": ["id", "title", "approved_on"]},
        "rules": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "section", "statement", "guidance", "roles", "contexts", "checks"],
                "properties": {
                    "id": {"type": "string"},
                    "section": {"type": "string"},
                    "statement": _MESSAGE,
                    "guidance": _MESSAGE,
                    "roles": {"type": "array", "items": {"type": "string"}},
                    "contexts": {"type": "array", "items": {"type": "string"}},
                    "checks": {"type": "array", "items": {"type": "string"}},
                },
            },
        },
    },
}


def _json(ref: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}


def _errors(*codes: int) -> dict[str, Any]:
    names = {400: "Bad input", 401: "Not logged in", 403: "Forbidden", 404: "Not found",
             405: "Method not allowed", 413: "Too large", 415: "Unsupported media type"}  # fmt: skip
    return {str(c): {"description": names[c], "content": _json("Error")} for c in codes}


def _check_id() -> list[dict[str, Any]]:
    return [{"name": "check_id", "in": "path", "required": True,
             "schema": {"type": "string", "format": "uuid"}}]  # fmt: skip


@cache
def _document_json() -> str:
    doc = {
        "openapi": "3.1.0",
        "info": {
            "title": "socialprotocol API",
            "version": "1",
            "description": (
                "Checks planned social media posts against the school board's protocol. "
                "Errors are JSON with a code and a Dutch and English message."
            ),
        },
        "servers": [{"url": "/"}],
        "security": [{"bearer": []}, {"session": []}],
        "paths": {
            "/api/v1/checks": {
                "post": {
                    "operationId": "createCheck",
                    "summary": "Check a post: JSON answers with the report; multipart with media "
                    "queues a media check to poll.",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/CheckRequest"}},
                            "multipart/form-data": {"schema": {"$ref": "#/components/schemas/CheckUpload"}},
                        },
                    },
                    "responses": {
                        "200": {"description": "The report", "content": _json("Report")},
                        "201": {"description": "Checked and stored", "content": _json("CheckStatus")},
                        "202": {"description": "Media check queued", "content": _json("CheckStatus")},
                        **_errors(400, 401, 403, 405, 413, 415),
                    },
                }
            },
            "/api/v1/checks/{check_id}": {
                "parameters": _check_id(),
                "get": {
                    "operationId": "getCheck",
                    "summary": "Poll a check: status, progress and (when done) the report.",
                    "responses": {
                        "200": {"description": "The check", "content": _json("CheckStatus")},
                        **_errors(401, 403, 404),
                    },
                },
                "delete": {
                    "operationId": "deleteCheck",
                    "summary": "Delete a check with its text and media now.",
                    "responses": {"204": {"description": "Deleted"}, **_errors(401, 403, 404)},
                },
            },
            "/api/v1/checks/{check_id}/media/{index}/redacted": {
                "parameters": [*_check_id(), {"name": "index", "in": "path", "required": True,
                                              "schema": {"type": "integer", "minimum": 0}}],
                "get": {
                    "operationId": "getRedactedMedia",
                    "summary": "Download the blurred copy of a photo.",
                    "responses": {
                        "200": {"description": "The blurred photo",
                                "content": {"image/jpeg": {"schema": {"type": "string", "format": "binary"}}}},
                        **_errors(401, 403, 404),
                    },
                },
            },
            "/api/v1/rules": {
                "get": {
                    "operationId": "listRules",
                    "summary": "The protocol's articles.",
                    "responses": {"200": {"description": "Rules", "content": _json("Rules")},
                                  **_errors(401, 403)},
                }
            },
            **cases_openapi.PATHS,
            **consent_openapi.PATHS,
        },
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "session": {"type": "apiKey", "in": "cookie", "name": "sessionid"},
            },
            "schemas": {
                "CheckRequest": _CHECK_REQUEST,
                "CheckUpload": _MULTIPART,
                "CheckStatus": _CHECK_STATUS,
                "Rules": _RULES,
                "Error": _error(),
                **_report_components(),
                **cases_openapi.SCHEMAS,
                **consent_openapi.SCHEMAS,
            },
        },
    }  # fmt: skip
    return json.dumps(doc)


def openapi_document() -> dict[str, Any]:
    result: dict[str, Any] = json.loads(_document_json())
    return result
