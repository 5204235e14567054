"""The report as JSON: the contract between engine, CLI, API and tests (DESIGN §4).

The JSON schema is ``schemas/report.schema.json``; ``report_schema()`` loads it for tests and
the API document.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from socialprotocol.engine.model import (
    AudioEvidence,
    ContextEvidence,
    Evidence,
    Finding,
    ImageEvidence,
    Report,
    TextEvidence,
    VideoEvidence,
)

SCHEMA_ID = "socialprotocol/report/v1"


def evidence_dict(ev: Evidence) -> dict[str, Any]:
    if isinstance(ev, TextEvidence):
        return {"kind": "text", "start": ev.start, "end": ev.end, "excerpt": ev.excerpt}
    if isinstance(ev, ImageEvidence):
        return {"kind": "image", "media": ev.media, "box": list(ev.box)}
    if isinstance(ev, VideoEvidence):
        out: dict[str, Any] = {
            "kind": "video",
            "media": ev.media,
            "from_s": ev.from_s,
            "to_s": ev.to_s,
        }
        out["box"] = list(ev.box) if ev.box is not None else None
        return out
    if isinstance(ev, AudioEvidence):
        return {"kind": "audio", "media": ev.media, "from_s": ev.from_s, "to_s": ev.to_s}
    assert isinstance(ev, ContextEvidence)
    return {"kind": "context", "detail": ev.detail, "media": ev.media}


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "category": f.category,
        "severity": f.severity.value,
        "confidence": f.confidence,
        "evidence": evidence_dict(f.evidence),
        "person": f.person,
        "message": f.message.as_dict(),
        "explanation": f.explanation.as_dict(),
        "fix": None if f.fix is None else {"action": f.fix.action, "text": f.fix.text},
    }


def report_dict(report: Report, post_id: Any = None) -> dict[str, Any]:
    ctx = report.context
    out: dict[str, Any] = {}
    if post_id is not None:
        out["id"] = post_id
    out.update(
        {
            "schema": SCHEMA_ID,
            "protocol": {"id": report.protocol_id, "approved_on": report.approved_on},
            "context": {
                "role": ctx.role.value,
                "context": ctx.setting.value,
                "platform": ctx.platform,
                "at": ctx.at.isoformat() if ctx.at else None,
            },
            "in_scope": report.in_scope,
            "scope_reasons": list(report.scope_reasons),
            "verdict": report.verdict.value,
            "findings": [finding_dict(f) for f in report.findings],
            "notices": [{"rule": n.rule, "message": n.message.as_dict()} for n in report.notices],
            "not_checked": [
                {"rule": n.rule, "reason": n.reason.as_dict(), "categories": list(n.categories)}
                for n in report.not_checked
            ],
            "fixed_text": report.fixed_text,
        }
    )
    return out


def error_dict(post_id: Any, message_nl: str, message_en: str | None = None) -> dict[str, Any]:
    """A batch line that could not be checked: the batch goes on."""
    return {
        "id": post_id,
        "schema": SCHEMA_ID,
        "error": {"nl": message_nl, "en": message_en or message_nl},
    }


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@cache
def report_schema() -> dict[str, Any]:
    res = resources.files("socialprotocol.engine") / "schemas" / "report.schema.json"
    schema: dict[str, Any] = json.loads(res.read_text(encoding="utf-8"))
    return schema
