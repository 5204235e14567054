"""The registry's answers, read from the append-only records in one query."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from django.db.models import F, OuterRef, Q, Subquery

from socialprotocol.web.consent.models import ConsentRecord, ConsentRound
from socialprotocol.web.consent.rules import Statement, Status, status_of
from socialprotocol.web.core.models import Board
from socialprotocol.web.people.models import Membership

Answers = dict[tuple[int, int], Status]


def _lapse_cutoff(day: date) -> Subquery:
    """The start of the latest finished re-confirmation round that applies to the subject
    (board-wide or one of the subject's schools), as a correlated subquery."""
    schools = Membership.objects.filter(
        person_id=OuterRef(OuterRef("subject_id")), school__isnull=False
    ).values("school_id")
    rounds = (
        ConsentRound.objects.filter(board_id=OuterRef("board_id"), deadline__lt=day)
        .filter(Q(school__isnull=True) | Q(school_id__in=schools))
        .order_by("-started")
        .values("started")[:1]
    )
    return Subquery(rounds)


def answers(
    board: Board | int,
    person_ids: Iterable[int],
    purpose_ids: Iterable[int],
    *,
    day: date,
    publication: object | None = None,
) -> Answers:
    """Status per (person, purpose) for everyone asked: one database query for any number of
    people and purposes. Without a record the answer is UNKNOWN (silence is not consent)."""
    people, purposes = sorted(set(person_ids)), sorted(set(purpose_ids))
    result: Answers = {(p, q): Status.UNKNOWN for p in people for q in purposes}
    if not people or not purposes:
        return result
    board_id = board if isinstance(board, int) else board.pk
    scope = Q(publication__isnull=True)
    if publication is not None:
        scope |= Q(publication_id=getattr(publication, "pk", publication))
    rows = (
        ConsentRecord.objects.filter(
            board_id=board_id, subject_id__in=people, purpose_id__in=purposes
        )
        .filter(scope)
        .annotate(birth=F("subject__birth_date"), cutoff=_lapse_cutoff(day))
        .values_list(
            "subject_id", "purpose_id", "decision", "capacity", "created", "publication_id",
            "birth", "cutoff",
        )
    )  # fmt: skip
    grouped: dict[tuple[int, int], list[Statement]] = defaultdict(list)
    facts: dict[int, tuple[date | None, datetime | None]] = {}
    for subject, purpose, decision, capacity, created, pub, birth, cutoff in rows:
        grouped[(subject, purpose)].append(
            Statement(decision, capacity, created, str(pub) if pub else None)
        )
        facts[subject] = (birth, cutoff)
    wanted = str(getattr(publication, "pk", publication)) if publication is not None else None
    for key, statements in grouped.items():
        birth, cutoff = facts[key[0]]
        result[key] = status_of(
            statements, birth_date=birth, day=day, cutoff=cutoff, publication=wanted
        )
    return result


def statuses_for_purpose(
    board: Board | int,
    person_ids: Iterable[int],
    purpose_id: int,
    *,
    day: date,
    publication: object | None = None,
) -> dict[int, Status]:
    found = answers(board, person_ids, [purpose_id], day=day, publication=publication)
    return {person: status for (person, _), status in found.items()}
