"""Shared helpers for engine tests: build posts and read findings as (category, excerpt)."""

from __future__ import annotations

from functools import cache

from socialprotocol.engine.checker import Checker
from socialprotocol.engine.model import Post, PostContext, Report, Role, Setting, TextEvidence


@cache
def checker(analysers: tuple[str, ...] | None = None) -> Checker:
    return Checker(analysers=list(analysers) if analysers is not None else None)


def post(text: str, role: str = "parent", setting: str = "private", **kw: object) -> Post:
    return Post(text, PostContext(Role(role), Setting(setting), **kw))  # type: ignore[arg-type]


def spans(report: Report, categories: set[str] | None = None) -> list[tuple[str, str]]:
    out = []
    for f in report.findings:
        if categories is not None and f.category not in categories:
            continue
        if isinstance(f.evidence, TextEvidence):
            out.append((f.category, f.evidence.excerpt))
    return sorted(out)
