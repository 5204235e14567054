"""The fixed pipeline of one check: scope → analysers → merge → rules → verdict → fixes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from socialprotocol.engine.analysers.base import (
    Analyser,
    Environment,
    default_analysers,
    registered,
)
from socialprotocol.engine.analysers.scope import ScopeAnalyser
from socialprotocol.engine.directory import Directory
from socialprotocol.engine.fixes import apply_text_fixes
from socialprotocol.engine.merge import merge_signals
from socialprotocol.engine.model import (
    Finding,
    Message,
    NotChecked,
    Notice,
    Post,
    Report,
    Role,
    Setting,
    Severity,
    Signal,
    Verdict,
)
from socialprotocol.engine.protocol import Protocol, load_protocol
from socialprotocol.engine.rules import RuleBook
from socialprotocol.engine.textview import TextView

_RANK = {Verdict.ALLOWED: 0, Verdict.REVISE: 1, Verdict.CONSULT: 2, Verdict.NOT_ALLOWED: 3}


class Checker:
    """Loads the protocol's analysers once; ``check`` is then cheap and thread-safe."""

    def __init__(
        self,
        protocol: Protocol | None = None,
        directory: Directory | None = None,
        analysers: Sequence[str] | None = None,
        options: dict[str, Any] | None = None,
    ) -> None:
        self.protocol = protocol or load_protocol()
        self.env = Environment(self.protocol, directory, dict(options or {}))
        self.rules = RuleBook(self.protocol)
        self._not_checked_cache: dict[
            tuple[Role, Setting, frozenset[str]], tuple[NotChecked, ...]
        ] = {}
        self.scope = ScopeAnalyser()
        self.scope.load(self.env)
        classes = default_analysers() if analysers is None else registered(analysers)
        self.analysers: list[Analyser] = []
        for cls in classes:
            instance = cls()
            instance.load(self.env)
            self.analysers.append(instance)

    def check(self, post: Post) -> Report:
        view = TextView(post.text)
        scope = self.scope.decide(post, view)
        if not scope.in_scope:
            return Report(
                protocol_id=self.protocol.id,
                approved_on=self.protocol.approval.date.isoformat(),
                context=post.context,
                in_scope=False,
                scope_reasons=scope.reasons,
                verdict=Verdict.ALLOWED,
                findings=(),
                notices=(Notice("R2", self.protocol.out_of_scope.message()),),
            )
        signals: list[Signal] = []
        covered: set[str] = set()
        unreadable = False
        for analyser in self.analysers:
            cats = analyser.covers(post)
            # Less than usual means this post's input (a photo, a video) could not be read.
            unreadable |= cats != analyser.categories
            if not cats:
                continue
            covered |= cats
            signals.extend(s for s in analyser.analyse(post, view) if s.category in cats)
        findings = self.rules.judge(merge_signals(signals), post.context)
        verdict = self._verdict(findings)
        if unreadable and verdict is Verdict.ALLOWED:
            # Something attached could not be checked: never call the post fine.
            verdict = Verdict.REVISE
        return Report(
            protocol_id=self.protocol.id,
            approved_on=self.protocol.approval.date.isoformat(),
            context=post.context,
            in_scope=True,
            scope_reasons=scope.reasons,
            verdict=verdict,
            findings=tuple(findings),
            notices=self.rules.notices,
            not_checked=self._not_checked(post, covered),
            fixed_text=apply_text_fixes(post.text, findings),
        )

    def check_many(self, posts: Iterable[Post]) -> Iterable[Report]:
        for post in posts:
            yield self.check(post)

    def _verdict(self, findings: Sequence[Finding]) -> Verdict:
        verdict = Verdict.ALLOWED
        for f in findings:
            if f.severity is Severity.BLOCKING:
                step = Verdict.NOT_ALLOWED
            elif self.rules.consults(f.rule) and f.severity is not Severity.ADVICE:
                step = Verdict.CONSULT
            elif f.severity is Severity.REVISE:
                step = Verdict.REVISE
            else:
                continue
            if _RANK[step] > _RANK[verdict]:
                verdict = step
        return verdict

    def _not_checked(self, post: Post, covered: set[str]) -> tuple[NotChecked, ...]:
        """Articles this post falls under whose checks could not (all) run.

        Per category only the article that would be cited counts (C1, not also A2, for a
        staff member's private post). The answer depends only on role, context and what was
        covered, so it is computed once per combination.
        """
        key = (post.context.role, post.context.setting, frozenset(covered))
        cached = self._not_checked_cache.get(key)
        if cached is None:
            cached = self._compute_not_checked(post, covered)
            self._not_checked_cache[key] = cached
        return cached

    def _compute_not_checked(self, post: Post, covered: set[str]) -> tuple[NotChecked, ...]:
        missing: dict[str, list[str]] = {}
        for category, article in self.rules.cited(post.context).items():
            if category not in covered:
                missing.setdefault(article.id, []).append(category)
        out = []
        for article in self.rules.applicable(post.context):
            if article.unchecked is not None:
                out.append(NotChecked(article.id, article.unchecked.message()))
                continue
            cats = [c for c in article.checks if c in missing.get(article.id, ())]
            if not cats:
                continue
            specs = [self.protocol.categories[c] for c in cats]
            reason = next((c.not_checked.message() for c in specs if c.not_checked), None)
            if reason is None:
                nl = ", ".join(c.label.nl for c in specs)
                en = ", ".join(c.label.en for c in specs)
                reason = Message(f"Nog niet gecontroleerd: {nl}.", f"Not checked yet: {en}.")
            out.append(NotChecked(article.id, reason, tuple(cats)))
        return tuple(out)
