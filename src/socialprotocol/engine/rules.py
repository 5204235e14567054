"""From analyser signals to protocol findings: which article, how severe, which fix."""

from __future__ import annotations

from collections.abc import Iterable

from socialprotocol.engine.model import (
    Finding,
    Fix,
    Message,
    Notice,
    PostContext,
    Role,
    Setting,
    Severity,
    Signal,
    TextEvidence,
)
from socialprotocol.engine.protocol.schema import Article, CategorySpec, Protocol


def _specificity(article: Article) -> tuple[int, int]:
    # The narrowest article wins: C1 (staff, private) before A2 (everyone, everywhere).
    return (len(article.roles), len(article.contexts))


class RuleBook:
    def __init__(self, protocol: Protocol) -> None:
        self.protocol = protocol
        self._article: dict[tuple[Role, Setting, str], Article] = {}
        self._applicable: dict[tuple[Role, Setting], list[Article]] = {}
        self._cited: dict[tuple[Role, Setting], dict[str, Article]] = {}
        for role in Role:
            for setting in Setting:
                arts = [a for a in protocol.articles if role in a.roles and setting in a.contexts]
                self._applicable[(role, setting)] = arts
                self._cited[(role, setting)] = {}
                for category in protocol.categories:
                    hits = [a for a in arts if category in a.checks]
                    if hits:
                        chosen = min(hits, key=_specificity)
                        self._article[(role, setting, category)] = chosen
                        self._cited[(role, setting)][category] = chosen
        self._consult = {a.id for a in protocol.articles if a.consult}
        self._parts: dict[
            tuple[str, str, str | None], tuple[Severity, Message, str | None, str | None]
        ] = {}
        self.notices = tuple(
            Notice(a.id, a.guidance.message()) for a in protocol.articles if a.notice
        )

    def applicable(self, context: PostContext) -> list[Article]:
        return self._applicable[(context.role, context.setting)]

    def cited(self, context: PostContext) -> dict[str, Article]:
        """Category -> the article a finding of that category cites, for this context."""
        return self._cited[(context.role, context.setting)]

    def consults(self, rule: str) -> bool:
        return rule in self._consult

    def judge(self, signals: Iterable[Signal], context: PostContext) -> list[Finding]:
        findings = []
        for sig in signals:
            article = self._article.get((context.role, context.setting, sig.category))
            if article is None:
                continue  # the protocol does not ask this of this role in this context
            spec = self.protocol.categories[sig.category]
            findings.append(self._finding(sig, article, spec))
        findings.sort(key=_order)
        return findings

    def _finding(self, sig: Signal, article: Article, spec: CategorySpec) -> Finding:
        key = (article.id, sig.category, sig.variant)
        parts = self._parts.get(key)
        if parts is None:
            parts = self._parts[key] = self._finding_parts(article, spec, sig.variant)
        severity, msg, action, default_text = parts
        fix = None
        if action is not None:
            text = sig.replacement
            fix = Fix(action, default_text if text is None else text)
        excerpt = sig.evidence.excerpt if isinstance(sig.evidence, TextEvidence) else ""
        if excerpt and "{excerpt}" in msg.nl:
            msg = type(msg)(
                msg.nl.replace("{excerpt}", excerpt), msg.en.replace("{excerpt}", excerpt)
            )
        return Finding(
            rule=article.id,
            category=sig.category,
            severity=severity,
            confidence=round(sig.confidence, 3),
            evidence=sig.evidence,
            message=msg,
            explanation=sig.explanation,
            fix=fix,
            person=sig.person,
            analyser=sig.analyser,
        )

    def _finding_parts(
        self, article: Article, spec: CategorySpec, variant_name: str | None
    ) -> tuple[Severity, Message, str | None, str | None]:
        """What a finding of this article, category and variant says, whatever its evidence:
        severity, message, fix action and the fix text when the signal brings none."""
        severity = article.severity or spec.severity
        message = spec.message
        fix_spec = spec.fix
        variant = spec.variants.get(variant_name) if variant_name else None
        if variant is not None:
            severity = variant.severity or severity
            message = variant.message or message
            fix_spec = variant.fix or fix_spec
        if fix_spec is None:
            return Severity(severity), message.message(), None, None
        text = None
        if fix_spec.text is not None:
            text = fix_spec.text.nl if self.protocol.language == "nl" else fix_spec.text.en
        return Severity(severity), message.message(), fix_spec.action, text


_SEV_ORDER = {Severity.BLOCKING: 0, Severity.REVISE: 1, Severity.ADVICE: 2}


def _order(f: Finding) -> tuple[int, int, int]:
    ev = f.evidence
    start = ev.start if isinstance(ev, TextEvidence) else 10**9
    return (_SEV_ORDER[f.severity], 0 if isinstance(ev, TextEvidence) else 1, start)
