"""Read models for the pages and the API: a person's consents, history and where they were used."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from socialprotocol.web.consent.lookup import answers, statuses_for_purpose
from socialprotocol.web.consent.models import (
    ConsentRecord,
    ConsentRound,
    FaceTag,
    Publication,
    Purpose,
    VoiceTag,
)
from socialprotocol.web.consent.rules import Status
from socialprotocol.web.core.models import Board
from socialprotocol.web.people.models import Membership, Person

STATUS_TEXT = {
    Status.YES: ("Ja", "Yes"),
    Status.NO: ("Nee", "No"),
    Status.WITHDRAWN: ("Ingetrokken", "Withdrawn"),
    Status.UNKNOWN: ("Niet bekend (dus nee)", "Unknown (so no)"),
}


def status_text(status: Status, lang: str) -> str:
    nl, en = STATUS_TEXT[status]
    return en if lang == "en" else nl


@dataclass(slots=True)
class Use:
    publication: Publication
    status: Status
    how: str  # face | voice

    @property
    def take_down(self) -> bool:
        return self.status is not Status.YES


@dataclass(slots=True)
class PersonConsents:
    person: Person
    statuses: list[tuple[Purpose, Status]] = field(default_factory=list)


def purposes_of(board: Board | int) -> list[Purpose]:
    board_id = board if isinstance(board, int) else board.pk
    return list(Purpose.objects.filter(board_id=board_id, active=True))


def consents_of(people: list[Person], purposes: list[Purpose], day: date) -> list[PersonConsents]:
    if not people:
        return []
    found = answers(people[0].board_id, [p.pk for p in people], [q.pk for q in purposes], day=day)
    return [PersonConsents(p, [(q, found[(p.pk, q.pk)]) for q in purposes]) for p in people]


def history_of(person: Person) -> list[ConsentRecord]:
    return list(
        ConsentRecord.objects.filter(subject=person).select_related(
            "purpose", "given_by", "publication"
        )[:200]
    )


def uses_of(person: Person) -> list[Use]:
    """Every post whose publishable copy showed this person (face or voice), with the consent
    as it stands now: anything but yes means the school should take that post down."""
    pubs: dict[object, tuple[Publication, str]] = {}
    for tag in FaceTag.objects.filter(person=person, shown_in_copy=True).select_related(
        "publication__purpose"
    ):
        pubs[tag.publication_id] = (tag.publication, "face")
    for voice in VoiceTag.objects.filter(person=person, shown_in_copy=True).select_related(
        "publication__purpose"
    ):
        pubs.setdefault(voice.publication_id, (voice.publication, "voice"))
    day = timezone.localdate()
    uses = []
    for pub, how in pubs.values():
        status = statuses_for_purpose(
            person.board_id, [person.pk], pub.purpose_id, day=day, publication=pub
        )[person.pk]
        uses.append(Use(pub, status, how))
    return sorted(uses, key=lambda u: u.publication.created, reverse=True)


def take_downs(publications: list[Publication]) -> list[tuple[Publication, list[int]]]:
    """Posts with a copy that shows someone whose consent is no longer yes."""
    day = timezone.localdate()
    out = []
    for pub in publications:
        shown = {
            *pub.faces.filter(shown_in_copy=True, person__isnull=False).values_list(
                "person_id", flat=True
            ),
            *pub.voices.filter(shown_in_copy=True).values_list("person_id", flat=True),
        }
        if not shown:
            continue
        found = statuses_for_purpose(pub.board_id, shown, pub.purpose_id, day=day, publication=pub)
        lost = sorted(p for p, s in found.items() if s is not Status.YES)
        if lost:
            out.append((pub, lost))
    return out


def open_round(person: Person) -> ConsentRound | None:
    """The running re-confirmation round that concerns this person, if any."""
    schools = Membership.objects.filter(person=person, school__isnull=False).values("school_id")
    today = timezone.localdate()
    rounds = ConsentRound.objects.filter(board_id=person.board_id, deadline__gte=today)
    return (rounds.filter(school__isnull=True) | rounds.filter(school_id__in=schools)).first()


def copy_is_stale(pub: Publication) -> bool:
    """True when the copy shows someone whose consent is no longer yes (withdrawn, refused
    later, or lapsed): it may not be downloaded again until a new copy is made."""
    return bool(take_downs([pub]))


def confirmed_in(person: Person, consent_round: ConsentRound) -> set[int]:
    """The purposes this person's decider already confirmed (or changed) in the round."""
    return set(
        ConsentRecord.objects.filter(subject=person, consent_round=consent_round).values_list(
            "purpose_id", flat=True
        )
    )
