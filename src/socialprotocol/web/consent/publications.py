"""Which posts a staff member may work on, and the parsing of the tagging form."""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from django.db.models import Q, QuerySet
from django.http import Http404, QueryDict

from socialprotocol.web.consent import access as rules_access
from socialprotocol.web.consent.models import Publication, Purpose
from socialprotocol.web.consent.post_actions import UNKNOWN
from socialprotocol.web.people.access import Access
from socialprotocol.web.people.models import Person, School


def school_of(access: Access) -> School | None:
    """The school a new post belongs to: the poster's (first) school; None: board-wide."""
    schools = rules_access.staff_schools(access)
    if not schools:
        return None
    return School.objects.filter(pk__in=schools).order_by("name").first()


def _visible(access: Access) -> QuerySet[Publication]:
    """Own posts, and the posts of the schools where the caller is staff (take-down lists)."""
    if access.person is None:
        return Publication.objects.none()
    mine = Q(created_by_id=access.person.user_id)
    schools = rules_access.staff_schools(access)
    base = Publication.objects.filter(board_id=access.person.board_id)
    if schools is None:
        return base
    return base.filter(mine | Q(school_id__in=schools))


def publications_for(access: Access, limit: int = 50) -> list[Publication]:
    return list(_visible(access).select_related("purpose")[:limit])


def publication_for(access: Access, pub_id: UUID) -> Publication:
    pub = _visible(access).select_related("purpose", "board").filter(pk=pub_id).first()
    if pub is None:
        raise Http404
    return pub


@dataclass(slots=True)
class TagInput:
    faces: dict[int, Person | str | None] = field(default_factory=dict)
    voices: list[Person] = field(default_factory=list)
    purpose: Purpose | None = None
    errors: dict[int, str] = field(default_factory=dict)  # face index (-1: voices) -> message


def _ids(values: list[str]) -> set[int]:
    return {int(v) for v in values if v.isdigit()}


def _name_of(person: Person | None) -> str:
    return person.full_name if person is not None else ""


def parse_tags(access: Access, pub: Publication, data: QueryDict) -> TagInput:
    """``face-<i>``: a person id (set by the search box) or 'unknown'; ``face-<i>-name``: a
    typed name (without JavaScript), resolved when exactly one person of the school matches;
    ``face-<i>-unknown``: the 'onbekend' box; ``voice``: person ids; ``purpose``: its id."""
    out = TagInput()
    indexes = list(pub.faces.values_list("index", flat=True))
    chosen = [data.get(f"face-{i}", "") for i in indexes] + data.getlist("voice")
    allowed = {p.pk: p for p in rules_access.people_for_staff(access).filter(pk__in=_ids(chosen))}
    for i in indexes:
        value = data.get(f"face-{i}", "").strip()
        name = data.get(f"face-{i}-name", "").strip()
        if data.get(f"face-{i}-unknown") or value == UNKNOWN:
            out.faces[i] = UNKNOWN
        elif value.isdigit() and (not name or name == _name_of(allowed.get(int(value)))):
            person = allowed.get(int(value))
            if person is None:
                out.errors[i] = "Deze persoon hoort niet bij jouw school."
            out.faces[i] = person
        elif name:  # typed without the search box (no JavaScript), or changed since
            found = rules_access.search_people(access, name, limit=2)
            if len(found) == 1:
                out.faces[i] = found[0]
            else:
                out.errors[i] = (
                    "Niemand van jouw school heet zo."
                    if not found
                    else "Meer mensen heten zo: kies er één."
                )
        else:
            out.faces[i] = None
    voice_ids = _ids(data.getlist("voice"))
    out.voices = [allowed[v] for v in sorted(voice_ids) if v in allowed]
    if len(out.voices) != len(voice_ids):
        out.errors[-1] = "Een van de genoemde stemmen hoort niet bij jouw school."
    purpose_id = data.get("purpose", "")
    if purpose_id.isdigit():
        out.purpose = Purpose.objects.filter(
            pk=int(purpose_id), board_id=pub.board_id, active=True
        ).first()
    return out
