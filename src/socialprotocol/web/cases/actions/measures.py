"""Measures from the protocol's ladders, their legal steps, and the letter into the file."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from socialprotocol.web.cases.actions.workflow import WorkflowError
from socialprotocol.web.cases.letters import compose
from socialprotocol.web.cases.models import (
    Dossier,
    DossierEntry,
    FileKind,
    Involvement,
    Measure,
)
from socialprotocol.web.cases.protocol import LADDERS, measure_spec
from socialprotocol.web.core.actions import ActingUser, write_audit
from socialprotocol.web.people.models import Person


def _user(acting_user: ActingUser) -> Any:
    return acting_user if getattr(acting_user, "is_authenticated", False) else None


def do_decide_measure(
    involvement: Involvement, measure_id: str, *, decided_on: dt.date, reasons: str,
    acting_user: ActingUser,
) -> Measure:
    case = involvement.case
    ladder = LADDERS.get(involvement.role)
    spec = measure_spec(case.board, ladder, measure_id) if ladder else None
    if spec is None or ladder is None:
        raise WorkflowError(_("Deze maatregel hoort niet bij de rol van deze persoon."))
    if not reasons.strip():
        raise WorkflowError(_("Geef de redenen van het besluit."))
    steps = [{"nl": s.nl, "en": s.en, "done": False, "at": None, "by": None} for s in spec.steps]
    with transaction.atomic():
        measure = Measure.objects.create(
            case=case, involvement=involvement, ladder=ladder, measure=spec.id,
            name=spec.name.nl, decided_by=_user(acting_user), decided_on=decided_on,
            reasons=reasons.strip(), steps=steps,
        )  # fmt: skip
        write_audit("case_measure_decided", acting_user=acting_user, board=case.board,
                    subject=measure, detail={"reference": case.reference, "measure": spec.id,
                                             "ladder": ladder})  # fmt: skip
    return measure


def do_check_measure_step(measure: Measure, index: int, *, acting_user: ActingUser) -> Measure:
    with transaction.atomic():
        measure = Measure.objects.select_for_update().select_related("case__board").get(
            pk=measure.pk
        )
        if not 0 <= index < len(measure.steps):
            raise WorkflowError(_("Deze stap bestaat niet."))
        step = dict(measure.steps[index])
        if step["done"]:
            raise WorkflowError(_("Deze stap is al afgevinkt."))
        step.update(done=True, at=timezone.now().isoformat(),
                    by=getattr(acting_user, "username", None))  # fmt: skip
        measure.steps = [*measure.steps[:index], step, *measure.steps[index + 1 :]]
        measure.save(update_fields=["steps"])
        write_audit("case_measure_step_checked", acting_user=acting_user,
                    board=measure.case.board, subject=measure,
                    detail={"step": index, "text": step["nl"]})  # fmt: skip
    return measure


def file_owners(involvement: Involvement) -> list[tuple[Person, str]]:
    """Whose file gets the correspondence (D1, D4): a parent's goes to their child's file."""
    person = involvement.person
    if person is None:
        return []
    if involvement.role == "staff":
        return [(person, FileKind.PERSONNEL)]
    if involvement.role == "pupil":
        return [(person, FileKind.PUPIL)]
    if involvement.role == "parent":
        children = (
            [involvement.child] if involvement.child
            else list(Person.objects.filter(parent_links__parent=person))
        )  # fmt: skip
        return [(child, FileKind.PUPIL) for child in children]
    return []


def dossier_of(person: Person, kind: str) -> Dossier:
    dossier, _ = Dossier.objects.get_or_create(
        person=person, kind=kind, defaults={"board_id": person.board_id}
    )
    return dossier


def do_send_measure_letter(measure: Measure, *, acting_user: ActingUser) -> list[DossierEntry]:
    """Generate the letter (PDF) and file it in every dossier it belongs in."""
    involvement = measure.involvement
    case = measure.case
    owners = file_owners(involvement)
    if not owners:
        raise WorkflowError(_("Deze persoon heeft geen dossier bij de school (geen medewerker of leerling)."))
    pupil = owners[0][0]
    values = {
        "naam": pupil.full_name, "school": str(case.school or case.board.name),
        "maatregel": measure.name, "datum": measure.decided_on.strftime("%d-%m-%Y"),
        "redenen": measure.reasons, "zaak": case.reference, "bestuur": case.board.name,
    }  # fmt: skip
    letter = compose(case.board, measure.ladder, measure.measure, values)
    digest = hashlib.sha256(letter.pdf).hexdigest()
    entries = []
    with transaction.atomic():
        for person, kind in owners:
            entry = DossierEntry(
                dossier=dossier_of(person, kind), case=case, measure=measure, kind="letter",
                title=letter.subject, body=letter.body, sha256=digest,
                created_by=_user(acting_user),
            )  # fmt: skip
            entry.file.save(f"brief-{case.reference}-{measure.pk}.pdf", ContentFile(letter.pdf),
                            save=False)  # fmt: skip
            entry.save()
            entries.append(entry)
            write_audit("dossier_entry_added", acting_user=acting_user, board=case.board,
                        subject=entry.dossier, detail={"entry": entry.pk, "kind": "letter",
                                                       "reference": case.reference})  # fmt: skip
        measure.letter_sent_at = timezone.now()
        measure.save(update_fields=["letter_sent_at"])
    return entries
