"""The consent part of the OpenAPI document (merged into /api/v1/openapi.json)."""

from __future__ import annotations

from typing import Any

_ERR = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
_STATUS = {"type": "string", "enum": ["yes", "no", "withdrawn", "unknown"]}
P = "/api/v1/consent"


def _errors(*codes: int) -> dict[str, Any]:
    names = {400: "Bad input", 401: "Not logged in", 403: "Forbidden", 404: "Not found",
             405: "Method not allowed", 409: "Copy out of date", 415: "Unsupported media type"}  # fmt: skip
    return {str(c): {"description": names[c], **_ERR} for c in codes}


def _json(ref: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}


def _ok(ref: str, code: str = "200") -> dict[str, Any]:
    return {code: {"description": "OK", "content": _json(ref)}}


def _body(ref: str) -> dict[str, Any]:
    return {"required": True, "content": _json(ref)}


def _param(name: str, schema: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"name": name, "in": "path", "required": True, "schema": schema}]


_POST_ID = _param("post_id", {"type": "string", "format": "uuid"})
_PERSON_ID = _param("person_id", {"type": "integer"})
_OBJ = {"type": "object"}

SCHEMAS: dict[str, Any] = {
    "ConsentPurposes": {"type": "object", "required": ["purposes"], "properties": {
        "purposes": {"type": "array", "items": {"type": "object", "required": ["id", "key", "name"],
            "properties": {"id": {"type": "integer"}, "key": {"type": "string"},
                           "name": {"type": "string"}, "name_en": {"type": "string"}}}}}},
    "ConsentPerson": {"type": "object", "required": ["person", "consents", "history", "uses"],
        "properties": {
            "person": {"type": "object", "required": ["id", "name", "decides"], "properties": {
                "id": {"type": "integer"}, "name": {"type": "string"},
                "decides": {"type": "string", "enum": ["parent", "self"]}}},
            "consents": {"type": "array", "items": {"type": "object", "required": ["purpose", "status"],
                "properties": {"purpose": {"type": "string"}, "status": _STATUS}}},
            "history": {"type": "array", "items": _OBJ},
            "uses": {"type": "array", "items": {"type": "object",
                "required": ["post", "title", "purpose", "status", "take_down"],
                "properties": {"post": {"type": "string"}, "title": {"type": "string"},
                               "purpose": {"type": "string"}, "status": _STATUS,
                               "take_down": {"type": "boolean"}}}},
        }},
    "ConsentDecision": {"type": "object", "required": ["purpose", "decision"],
        "additionalProperties": False, "properties": {
            "purpose": {"type": "string", "description": "purpose code, e.g. social"},
            "decision": {"type": "string", "enum": ["given", "refused", "withdrawn"]}}},
    "ConsentRecorded": {"type": "object", "required": ["id", "decision"], "properties": {
        "id": {"type": "integer"}, "decision": {"type": "string"}}},
    "ConsentLookup": {"type": "object", "required": ["purpose", "people"],
        "additionalProperties": False, "properties": {
            "purpose": {"type": "string"},
            "people": {"type": "array", "maxItems": 500, "items": {"type": "integer"}},
            "post": {"type": ["string", "null"], "format": "uuid",
                     "description": "count this post's own per-post answers too"}}},
    "ConsentStatuses": {"type": "object", "required": ["purpose", "statuses"], "properties": {
        "purpose": {"type": "string"},
        "statuses": {"type": "object", "additionalProperties": _STATUS,
                     "description": "person id -> status; people outside your school are left out"}}},
    "ConsentSearch": {"type": "object", "required": ["results"], "properties": {
        "results": {"type": "array", "items": {"type": "object", "required": ["id", "name"],
            "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}}}},
    "ConsentPostRequest": {"type": "object", "required": ["check_id", "media_index"],
        "additionalProperties": False, "properties": {
            "check_id": {"type": "string", "format": "uuid"},
            "media_index": {"type": "integer", "minimum": 0, "maximum": 100},
            "purpose": {"type": ["string", "null"]}, "title": {"type": "string", "maxLength": 200}}},
    "ConsentPost": {"type": "object", "required": ["id", "title", "purpose", "kind", "faces", "voices", "copy"],
        "properties": {
            "id": {"type": "string", "format": "uuid"}, "title": {"type": "string"},
            "purpose": {"type": "string"}, "kind": {"type": "string"},
            "faces": {"type": "array", "items": {"type": "object",
                "required": ["index", "box", "person", "unknown", "status"],
                "properties": {
                    "index": {"type": "integer"},
                    "box": {"type": "array", "items": {"type": "integer"}, "description": "x, y, w, h"},
                    "person": {"type": ["integer", "null"]}, "unknown": {"type": "boolean"},
                    "status": {"oneOf": [_STATUS, {"type": "null"}]},
                    "requested": {"type": "boolean"}, "shown_in_copy": {"type": "boolean"}}}},
            "voices": {"type": "array", "items": {"type": "object", "required": ["person", "status"],
                "properties": {"person": {"type": "integer"}, "status": _STATUS}}},
            "copy": {"type": ["string", "null"], "description": "download URL of the publishable copy"}}},
    "ConsentTags": {"type": "object", "additionalProperties": False, "properties": {
        "faces": {"type": "object", "description": "face index -> person id, 'unknown' or null",
                  "additionalProperties": {"oneOf": [{"type": "integer"}, {"type": "null"},
                                                     {"type": "string", "enum": ["unknown"]}]}},
        "voices": {"type": ["array", "null"], "items": {"type": "integer"}},
        "purpose": {"type": ["string", "null"]}}},
    "ConsentRequestsSent": {"type": "object", "required": ["sent", "unreachable"], "properties": {
        "sent": {"type": "integer"}, "unreachable": {"type": "array", "items": {"type": "integer"}}}},
    "ConsentTakedowns": {"type": "object", "required": ["posts"], "properties": {
        "posts": {"type": "array", "items": {"type": "object", "required": ["id", "title", "purpose", "people"],
            "properties": {"id": {"type": "string"}, "title": {"type": "string"},
                           "purpose": {"type": "string"},
                           "people": {"type": "array", "items": {"type": "integer"}}}}}}},
    "ConsentRound": {"type": "object", "required": ["name", "deadline"], "additionalProperties": False,
        "properties": {"name": {"type": "string", "minLength": 1, "maxLength": 100},
                       "deadline": {"type": "string", "format": "date"},
                       "school": {"type": ["integer", "null"]}}},
    "ConsentRoundStarted": {"type": "object", "required": ["id", "deadline", "emails"], "properties": {
        "id": {"type": "integer"}, "deadline": {"type": "string"},
        "emails": {"type": "integer", "description": "reminders sent"}}},
    "ConsentImportResult": {"type": "object", "required": ["imported", "valid", "errors"], "properties": {
        "imported": {"type": "integer"}, "valid": {"type": "integer"},
        "errors": {"type": "array", "items": {"type": "object", "required": ["line", "message"],
            "properties": {"line": {"type": "integer"}, "message": {"type": "string"}}}}}},
    "ConsentAnswer": {"type": "object", "required": ["answer"], "additionalProperties": False,
        "properties": {"answer": {"type": "string", "enum": ["given", "refused"]}}},
    "ConsentLink": {"type": "object", "required": ["post", "purpose", "person", "answer", "expires_at"],
        "properties": {"post": {"type": "string"}, "purpose": {"type": "string"},
                       "person": {"type": "string"}, "answer": {"type": ["string", "null"]},
                       "expires_at": {"type": "string", "format": "date-time"}}},
}  # fmt: skip

PATHS: dict[str, Any] = {
    f"{P}/purposes": {"get": {"operationId": "listConsentPurposes", "summary": "The board's consent purposes.",
        "responses": {**_ok("ConsentPurposes"), **_errors(401, 403)}}},
    f"{P}/people/{{person_id}}": {"parameters": _PERSON_ID, "get": {
        "operationId": "getPersonConsents",
        "summary": "A person's consents, history and uses (own children, self, or staff of their school; staff reads are logged).",
        "responses": {**_ok("ConsentPerson"), **_errors(401, 403, 404)}}},
    f"{P}/people/{{person_id}}/decisions": {"parameters": _PERSON_ID, "post": {
        "operationId": "recordConsentDecision",
        "summary": "Give, refuse or withdraw consent as the parent (below 16) or the person (from 16).",
        "requestBody": _body("ConsentDecision"),
        "responses": {**_ok("ConsentRecorded", "201"), **_errors(400, 401, 403, 404, 415)}}},
    f"{P}/lookup": {"post": {"operationId": "lookupConsents",
        "summary": "The registry's answer for many people and one purpose, in one query (staff; logged).",
        "requestBody": _body("ConsentLookup"),
        "responses": {**_ok("ConsentStatuses"), **_errors(400, 401, 403, 404, 415)}}},
    f"{P}/search": {"get": {"operationId": "searchPeople",
        "summary": "Search-as-you-type for tagging: people of your school by name.",
        "parameters": [{"name": "q", "in": "query", "required": False, "schema": {"type": "string"}}],
        "responses": {**_ok("ConsentSearch"), **_errors(401, 403)}}},
    f"{P}/posts": {"post": {"operationId": "createConsentPost",
        "summary": "Start the consent flow for a photo of one of your checks (faces detected, never recognised).",
        "requestBody": _body("ConsentPostRequest"),
        "responses": {**_ok("ConsentPost", "201"), **_errors(400, 401, 403, 404, 415)}}},
    f"{P}/posts/{{post_id}}": {"parameters": _POST_ID, "get": {"operationId": "getConsentPost",
        "summary": "Faces with their tags and consent, voices, the copy.",
        "responses": {**_ok("ConsentPost"), **_errors(401, 403, 404)}}},
    f"{P}/posts/{{post_id}}/tags": {"parameters": _POST_ID, "put": {"operationId": "tagConsentPost",
        "summary": "Tag faces (person id, 'unknown' or null), name voices, change the purpose.",
        "requestBody": _body("ConsentTags"),
        "responses": {**_ok("ConsentPost"), **_errors(400, 401, 403, 404, 415)}}},
    f"{P}/posts/{{post_id}}/requests": {"parameters": _POST_ID, "post": {
        "operationId": "requestPostConsent",
        "summary": "E-mail a signed, expiring link to whoever decides for each person without consent.",
        "responses": {**_ok("ConsentRequestsSent"), **_errors(400, 401, 403, 404)}}},
    f"{P}/posts/{{post_id}}/copy": {"parameters": _POST_ID,
        "post": {"operationId": "makePublishableCopy",
            "summary": "Make the copy: everyone untagged, unknown or without consent blurred; metadata stripped.",
            "responses": {**_ok("ConsentPost"), **_errors(400, 401, 403, 404)}},
        "get": {"operationId": "downloadPublishableCopy", "summary": "Download the publishable copy.",
            "responses": {"200": {"description": "The copy", "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
                **_errors(401, 403, 404, 409)}}},
    f"{P}/takedowns": {"get": {"operationId": "listTakedowns",
        "summary": "Posts whose copy shows someone whose consent is no longer yes.",
        "responses": {**_ok("ConsentTakedowns"), **_errors(401, 403)}}},
    f"{P}/rounds": {"post": {"operationId": "startConsentRound",
        "summary": "Start a yearly re-confirmation round (management).",
        "requestBody": _body("ConsentRound"),
        "responses": {**_ok("ConsentRoundStarted", "201"), **_errors(400, 401, 403, 415)}}},
    f"{P}/import": {"post": {"operationId": "importConsents",
        "summary": "Import consents from CSV (board admin); without apply=true only checked. Per-row errors.",
        "parameters": [{"name": "apply", "in": "query", "required": False,
                        "schema": {"type": "string", "enum": ["true", "false"]}}],
        "requestBody": {"required": True, "content": {"text/csv": {"schema": {"type": "string"}}}},
        "responses": {**_ok("ConsentImportResult"), **_errors(400, 401, 403, 415)}}},
    f"{P}/links/{{token}}": {"parameters": _param("token", {"type": "string"}),
        "get": {"operationId": "getConsentLink", "security": [], "summary": "What a signed link asks.",
            "responses": {**_ok("ConsentLink"), **_errors(404)}},
        "post": {"operationId": "answerConsentLink", "security": [],
            "summary": "Answer a signed link: yes or no for this one post.",
            "requestBody": _body("ConsentAnswer"),
            "responses": {**_ok("ConsentLink"), **_errors(400, 404, 415)}}},
}  # fmt: skip
