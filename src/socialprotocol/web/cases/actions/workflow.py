"""The case workflow: state transitions, articles, qualification, assignee, mandatory tasks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from socialprotocol.web.cases.models import TRANSITIONS, Case, State, Task, Transition
from socialprotocol.web.cases.protocol import (
    CRIMINAL_RULE,
    GRENSOVERSCHRIJDEND_RULE,
    article_choices,
    task_for_rule,
)
from socialprotocol.web.core.actions import ActingUser, write_audit


class WorkflowError(ValueError):
    """A step the case cannot take now; the message is Dutch and shown to the user."""


def _audit(event: str, case: Case, acting_user: ActingUser, **detail: object) -> None:
    write_audit(event, acting_user=acting_user, board=case.board, subject=case,
                detail={"reference": case.reference, **detail})  # fmt: skip


def do_transition_case(
    case: Case, to_state: str, *, note: str = "", acting_user: ActingUser
) -> Transition:
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if to_state not in TRANSITIONS.get(case.state, frozenset()):
            raise WorkflowError(
                _("Van '%(from)s' kan de zaak niet naar '%(to)s'.")
                % {"from": State(case.state).label, "to": to_state}
            )
        if to_state == State.CLOSED and case.tasks.filter(done=False).exists():
            raise WorkflowError(_("Rond eerst de verplichte taken af voordat je de zaak afsluit."))
        row = Transition.objects.create(case=case, from_state=case.state, to_state=to_state,
                                        actor=_user(acting_user), note=note)  # fmt: skip
        case.state = to_state
        case.closed_at = timezone.now() if to_state == State.CLOSED else None
        case.save(update_fields=["state", "closed_at"])
        _audit("case_transitioned", case, acting_user, from_state=row.from_state,
               to_state=to_state)  # fmt: skip
    return row


def _user(acting_user: ActingUser) -> Any:
    return acting_user if getattr(acting_user, "is_authenticated", False) else None


def do_set_case_articles(case: Case, articles: list[str], *, acting_user: ActingUser) -> None:
    known = {a for a, _ in article_choices(case.board)}
    unknown = sorted(set(articles) - known)
    if unknown:
        raise WorkflowError(f"Onbekende artikelen: {', '.join(unknown)}.")
    with transaction.atomic():
        case.articles = sorted(set(articles))
        case.save(update_fields=["articles"])
        _audit("case_articles_set", case, acting_user, articles=case.articles)


def do_assign_case(
    case: Case, assignee: object, deadline: dt.date | None, *, acting_user: ActingUser
) -> None:
    with transaction.atomic():
        case.assignee = assignee  # type: ignore[assignment]
        case.deadline = deadline
        case.save(update_fields=["assignee", "deadline"])
        _audit("case_assigned", case, acting_user,
               assignee=getattr(assignee, "pk", None),
               deadline=deadline.isoformat() if deadline else None)  # fmt: skip


def _open_task(case: Case, rule: str) -> Task | None:
    spec = task_for_rule(case.board, rule)
    if spec is None:
        return None
    task, _ = Task.objects.get_or_create(
        case=case, kind=spec.id,
        defaults={"rule": rule, "title": spec.title.nl, "phone": spec.phone or ""},
    )  # fmt: skip
    return task


def do_qualify_grensoverschrijdend(case: Case, *, acting_user: ActingUser) -> Task | None:
    """The board qualifies a staff member's communication (D2): the phone task follows."""
    if not case.people.filter(part="reported", role="staff").exists():
        raise WorkflowError(_("Alleen communicatie van een medewerker wordt zo gekwalificeerd."))
    with transaction.atomic():
        case.grensoverschrijdend = True
        case.save(update_fields=["grensoverschrijdend"])
        task = _open_task(case, GRENSOVERSCHRIJDEND_RULE)
        _audit("case_qualified_grensoverschrijdend", case, acting_user)
    return task


def do_mark_possibly_criminal(case: Case, *, acting_user: ActingUser) -> Task | None:
    with transaction.atomic():
        case.possibly_criminal = True
        case.save(update_fields=["possibly_criminal"])
        task = _open_task(case, CRIMINAL_RULE)
        _audit("case_marked_possibly_criminal", case, acting_user)
    return task


def do_complete_call_task(
    task: Task, *, called_by: str, called_at: dt.datetime, outcome: str, reference: str = "",
    acting_user: ActingUser,
) -> Task:
    """The vertrouwensinspecteur task closes only with who called, when and the outcome."""
    if not (called_by.strip() and outcome.strip()) or called_at is None:
        raise WorkflowError(_("Vul in wie er belde, wanneer, en de uitkomst of het kenmerk."))
    if timezone.is_naive(called_at):
        raise WorkflowError(_("Geef het tijdstip met tijdzone."))
    return _complete(task, acting_user, called_by=called_by.strip(), called_at=called_at,
                     outcome=outcome.strip(), reference=reference.strip())  # fmt: skip


def do_complete_police_task(
    task: Task, *, decision: str, outcome: str, reference: str = "", acting_user: ActingUser
) -> Task:
    """Aangifte (D6): the decision (yes or no) with its reasons, and the police reference."""
    if decision not in {"ja", "nee"} or not outcome.strip():
        raise WorkflowError(_("Leg vast of er aangifte wordt gedaan (ja/nee) en waarom."))
    if decision == "ja" and not reference.strip():
        raise WorkflowError(_("Vul het kenmerk (proces-verbaalnummer) van de aangifte in."))
    return _complete(task, acting_user, decision=decision, outcome=outcome.strip(),
                     reference=reference.strip())  # fmt: skip


def _complete(task: Task, acting_user: ActingUser, **values: object) -> Task:
    with transaction.atomic():
        task = Task.objects.select_for_update().select_related("case__board").get(pk=task.pk)
        if task.done:
            raise WorkflowError(_("Deze taak is al afgerond."))
        for key, value in values.items():
            setattr(task, key, value)
        task.done = True
        task.completed_by = _user(acting_user)
        task.completed_at = timezone.now()
        task.save()
        _audit("case_task_completed", task.case, acting_user, task=task.kind,
               **{k: (v.isoformat() if isinstance(v, dt.datetime) else v)
                  for k, v in values.items()})  # fmt: skip
    return task
