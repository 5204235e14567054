"""Reporting a post: the case, its people, its evidence and the engine's suggestion."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from socialprotocol.engine.inputs import post_from_mapping
from socialprotocol.engine.model import InputError
from socialprotocol.engine.report import report_dict
from socialprotocol.web.cases.evidence import CheckedFile
from socialprotocol.web.cases.models import Case, CaseSettings, Evidence, Involvement, Transition
from socialprotocol.web.checks.engine import checker_for
from socialprotocol.web.core.actions import ActingUser, write_audit
from socialprotocol.web.core.models import Board
from socialprotocol.web.people.models import Person, School


@dataclass
class Involved:
    role: str
    part: str
    person: Person | None = None
    name: str = ""


@dataclass
class NewReport:
    description: str
    school: School | None = None
    link: str = ""
    platform: str = ""
    post_text: str = ""
    post_context: str = "private"
    poster_role: str = "other"
    involved_text: str = ""
    reporter: Person | None = None
    hide_name: bool = False
    anonymous: bool = False
    involved: list[Involved] = field(default_factory=list)
    files: list[CheckedFile] = field(default_factory=list)


def anonymous_allowed(board: Board) -> bool:
    row = CaseSettings.objects.filter(board=board).first()
    return bool(row and row.anonymous_reports)


def hash_receipt(code: str) -> str:
    return hashlib.sha256(code.strip().upper().encode()).hexdigest()


def engine_suggestion(board: Board, text: str, role: str, context: str) -> dict[str, Any] | None:
    """The engine's report on the post text: a suggestion, never the decision."""
    if not text.strip():
        return None
    try:
        post = post_from_mapping({"text": text, "role": role, "context": context})
    except InputError:
        return None
    return report_dict(checker_for(board).check(post))


def suggested_articles(suggestion: dict[str, Any] | None) -> list[str]:
    if not suggestion:
        return []
    return sorted({f["rule"] for f in suggestion.get("findings", [])})


def default_school(reporter: Person | None) -> School | None:
    """A report without a school goes to the reporter's school when they have exactly one
    (so that school's management sees it); otherwise only the board does."""
    if reporter is None:
        return None
    ids = {
        m.school_id for m in reporter.memberships.all() if m.school_id is not None
    } | {m.school_id for p in Person.objects.filter(parent_links__parent=reporter)
         for m in p.memberships.all() if m.school_id is not None}  # fmt: skip
    return School.objects.get(pk=ids.pop()) if len(ids) == 1 else None


def _next_reference(board: Board) -> str:
    year = timezone.localdate().year
    count = Case.objects.filter(board=board, created__year=year).count() + 1
    while True:
        ref = f"Z{year}-{board.pk}-{count:04d}"
        if not Case.objects.filter(reference=ref).exists():
            return ref
        count += 1


def do_report_case(
    board: Board, report: NewReport, *, acting_user: ActingUser
) -> tuple[Case, str]:
    """Open a case from a report. Returns the case and, for an anonymous report, the receipt
    code (shown once; only its hash is kept). An anonymous report keeps no trace of the reporter,
    also not in the audit log."""
    anonymous = report.anonymous and anonymous_allowed(board)
    school = report.school or default_school(report.reporter)
    code = secrets.token_hex(6).upper() if anonymous else ""
    suggestion = engine_suggestion(
        board, report.post_text, report.poster_role, report.post_context
    )
    actor = None if anonymous else acting_user
    with transaction.atomic():
        Board.objects.select_for_update().filter(pk=board.pk).first()  # serialise numbering
        case = Case.objects.create(
            board=board, school=school, reference=_next_reference(board),
            reporter=None if anonymous else report.reporter,
            reporter_hidden=report.hide_name or anonymous, anonymous=anonymous,
            receipt_hash=hash_receipt(code) if code else "", link=report.link,
            platform=report.platform, post_text=report.post_text,
            post_context=report.post_context, description=report.description,
            involved_text=report.involved_text, poster_role=report.poster_role,
            suggestion=suggestion,
        )  # fmt: skip
        for person in report.involved:
            Involvement.objects.create(
                case=case, person=person.person, name=person.name, role=person.role,
                part=person.part, child=_only_child(person),
            )  # fmt: skip
        for checked in report.files:
            _store_evidence(case, checked, actor)
        Transition.objects.create(case=case, from_state="", to_state=case.state,
                                  actor=_authenticated(actor))  # fmt: skip
        write_audit("case_reported", acting_user=actor, board=board, subject=case,
                    detail={"reference": case.reference, "anonymous": anonymous,
                            "evidence": len(report.files)})  # fmt: skip
    return case, code


def _authenticated(actor: ActingUser) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _only_child(involved: Involved) -> Person | None:
    if involved.role != "parent" or involved.person is None:
        return None
    children = list(Person.objects.filter(parent_links__parent=involved.person)[:2])
    return children[0] if len(children) == 1 else None


def _store_evidence(case: Case, checked: CheckedFile, actor: ActingUser) -> Evidence:
    user: Any = actor if getattr(actor, "is_authenticated", False) else None
    row = Evidence(case=case, name=checked.name, sha256=checked.sha256, size=len(checked.data),
                   content_type=checked.content_type, uploaded_by=user)  # fmt: skip
    row.file.save(f"{checked.sha256[:16]}.bin", ContentFile(checked.data), save=False)
    row.save()
    return row


def do_add_evidence(case: Case, checked: CheckedFile, *, acting_user: ActingUser) -> Evidence:
    with transaction.atomic():
        row = _store_evidence(case, checked, acting_user)
        write_audit("evidence_added", acting_user=acting_user, board=case.board, subject=row,
                    detail={"case": case.reference, "sha256": row.sha256})  # fmt: skip
    return row


def do_add_involvement(case: Case, involved: Involved, *, acting_user: ActingUser) -> Involvement:
    if involved.person is not None and involved.person.board_id != case.board_id:
        raise ValueError("persoon van een ander bestuur")
    with transaction.atomic():
        row = Involvement.objects.create(
            case=case, person=involved.person, name=involved.name, role=involved.role,
            part=involved.part, child=_only_child(involved),
        )  # fmt: skip
        write_audit("case_person_added", acting_user=acting_user, board=case.board, subject=case,
                    detail={"reference": case.reference, "role": involved.role,
                            "part": involved.part})  # fmt: skip
    return row
