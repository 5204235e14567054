"""Every change to the consent registry. Each writes its audit row in its own transaction.

Audit rows say who did what to whose consent for which purpose; never a photo, never a face.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from socialprotocol.web.consent import conf
from socialprotocol.web.consent.access import who_decides
from socialprotocol.web.consent.models import (
    ConsentRecord,
    ConsentRound,
    Method,
    Publication,
    Purpose,
)
from socialprotocol.web.consent.rules import Capacity, Decision
from socialprotocol.web.core.actions import ActingUser, write_audit
from socialprotocol.web.core.models import Board
from socialprotocol.web.people.models import ParentLink, Person, School


def user_or_none(acting_user: ActingUser) -> User | None:
    return acting_user if isinstance(acting_user, User) else None


class ConsentError(ValueError):
    """A statement the rules do not allow; the message is Dutch and shown to the user."""


def do_create_default_purposes(board: Board, *, acting_user: ActingUser) -> list[Purpose]:
    """The usual purposes of a Dutch school (kept when they exist already)."""
    with transaction.atomic():
        made = []
        for position, (key, name, name_en) in enumerate(conf.DEFAULT_PURPOSES):
            purpose, created = Purpose.objects.get_or_create(
                board=board, key=key,
                defaults={"name": name, "name_en": name_en, "position": position},
            )  # fmt: skip
            if created:
                made.append(purpose)
        if made:
            write_audit(
                "consent_purposes_created",
                acting_user=acting_user,
                board=board,
                detail={"purposes": [p.key for p in made]},
            )
    return made


def do_add_purpose(
    board: Board, key: str, name: str, *, name_en: str = "", acting_user: ActingUser
) -> Purpose:
    with transaction.atomic():
        purpose = Purpose.objects.create(board=board, key=key, name=name, name_en=name_en)
        write_audit(
            "consent_purpose_added",
            acting_user=acting_user,
            board=board,
            subject=purpose,
            detail={"key": key},
        )
    return purpose


def _capacity(subject: Person, given_by: Person | None, name: str, day: date) -> Capacity:
    """Check who states this and return their capacity; refuse anyone the law does not let."""
    needed = who_decides(subject, day)
    if given_by is None:
        if not name.strip():
            raise ConsentError("Zeg wie de toestemming gaf.")
        return needed  # a signed paper form or an import names the signer
    if given_by.board_id != subject.board_id:
        raise ConsentError("Deze persoon hoort bij een ander bestuur.")
    if given_by.pk == subject.pk:
        if needed is Capacity.PARENT:
            raise ConsentError("Onder de 16 beslist een ouder of verzorger.")
        return Capacity.SELF
    if not ParentLink.objects.filter(parent=given_by, child=subject).exists():
        raise ConsentError("Alleen een ouder of verzorger van deze persoon kan dit doen.")
    if needed is Capacity.SELF:
        raise ConsentError("Vanaf 16 jaar beslist de leerling zelf.")
    return Capacity.PARENT


def do_record_consent(
    subject: Person,
    purpose: Purpose,
    decision: Decision | str,
    *,
    given_by: Person | None,
    method: Method | str,
    given_by_name: str = "",
    decided_on: date | None = None,
    publication: Publication | None = None,
    evidence: str = "",
    consent_round: ConsentRound | None = None,
    scan: File[Any] | None = None,
    acting_user: ActingUser,
) -> ConsentRecord:
    """Append one statement (given, refused, withdrawn) to the registry; ``scan``: the signed
    paper form, kept with the record as proof."""
    decision = Decision(decision)
    day = decided_on or timezone.localdate()
    if purpose.board_id != subject.board_id:
        raise ConsentError("Dit doel hoort bij een ander bestuur.")
    if day > timezone.localdate():
        raise ConsentError("De datum ligt in de toekomst.")
    capacity = _capacity(subject, given_by, given_by_name, day)
    with transaction.atomic():
        record = ConsentRecord(
            board_id=subject.board_id,
            subject=subject,
            purpose=purpose,
            publication=publication,
            decision=decision.value,
            capacity=capacity.value,
            given_by=given_by,
            given_by_name=given_by_name.strip()[:200],
            method=Method(method).value,
            decided_on=day,
            evidence=evidence[:200],
            consent_round=consent_round,
            recorded_by=user_or_none(acting_user),
        )
        if scan is not None:
            record.scan.save(scan.name or "scan", scan, save=False)
        record.save()
        write_audit(
            f"consent_{decision.value}",
            acting_user=acting_user,
            board=subject.board,
            subject=record,
            subject_key=subject.external_id,
            detail={
                "person": subject.pk,
                "purpose": purpose.key,
                "capacity": capacity.value,
                "given_by": given_by.pk if given_by else given_by_name[:80],
                "method": record.method,
                "post": str(publication.pk) if publication else None,
            },
        )
    return record


def do_start_round(
    board: Board,
    name: str,
    deadline: date,
    *,
    school: School | None = None,
    acting_user: ActingUser,
) -> ConsentRound:
    """Start a re-confirmation round: after ``deadline`` standing consents given before now
    lapse unless confirmed again (the parent's page asks them to)."""
    if deadline <= timezone.localdate():
        raise ConsentError("Kies een uiterste datum na vandaag.")
    if school is not None and school.board_id != board.pk:
        raise ConsentError("Deze school hoort bij een ander bestuur.")
    with transaction.atomic():
        consent_round = ConsentRound.objects.create(
            board=board,
            school=school,
            name=name.strip()[:100],
            started=timezone.now(),
            deadline=deadline,
            started_by=user_or_none(acting_user),
        )
        write_audit(
            "consent_round_started",
            acting_user=acting_user,
            board=board,
            subject=consent_round,
            detail={"school": school.name if school else None, "deadline": deadline.isoformat()},
        )
    return consent_round


def do_log_consent_read(
    board: Board, person_ids: list[int], *, where: str, acting_user: ActingUser
) -> None:
    """Staff read consent records: every read is logged (who, whose, where)."""
    if not person_ids:
        return
    with transaction.atomic():
        write_audit(
            "consent_viewed",
            acting_user=acting_user,
            board=board,
            detail={"people": sorted(set(person_ids))[:200], "where": where},
        )
