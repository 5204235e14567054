"""The consent rules as pure functions (no database): who may consent, what counts, what shows.

AVG and the Dutch UAVG (art. 5): below 16 a parent or guardian consents, from 16 the pupil
does. Consent is per purpose and explicit (silence is not consent); the most recent valid
statement wins, so a withdrawal ends a consent at once and a per-post answer can only ever
add consent for that one post or take it away.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

AGE_OF_CONSENT = 16


class Decision(StrEnum):
    GIVEN = "given"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


class Capacity(StrEnum):
    PARENT = "parent"  # a parent or guardian for a person under 16
    SELF = "self"  # the person themself (a pupil from 16, staff, anyone adult)


class Status(StrEnum):
    """What the registry answers for one person and one purpose."""

    YES = "yes"
    NO = "no"
    WITHDRAWN = "withdrawn"
    UNKNOWN = "unknown"


def age_on(birth_date: date, day: date) -> int:
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - int(before_birthday)


def capacity_for(birth_date: date | None, day: date, *, is_pupil: bool) -> Capacity:
    """Who decides for this person on ``day``. Unknown birth date: a pupil counts as a minor
    (the stricter reading: a parent decides), anyone else decides for themself."""
    if birth_date is None:
        return Capacity.PARENT if is_pupil else Capacity.SELF
    return Capacity.PARENT if age_on(birth_date, day) < AGE_OF_CONSENT else Capacity.SELF


def counts_on(capacity: str, birth_date: date | None, day: date) -> bool:
    """Whether a statement made in ``capacity`` still speaks for the person on ``day``.

    From 16 the pupil decides: what a parent said before no longer counts (the school asks the
    pupil); a statement by the person themself before 16 never counted.
    """
    if birth_date is None:
        return True  # validated when it was recorded; nothing changes with time
    adult = age_on(birth_date, day) >= AGE_OF_CONSENT
    return (capacity == Capacity.SELF) == adult


@dataclass(frozen=True, slots=True)
class Statement:
    """One consent record as the rules see it."""

    decision: str
    capacity: str
    created: datetime
    publication: str | None = None  # the post it is about; None: standing consent for the purpose


def status_of(
    statements: Iterable[Statement],
    *,
    birth_date: date | None,
    day: date,
    cutoff: datetime | None = None,
    publication: str | None = None,
) -> Status:
    """The registry's answer for one person and purpose (and optionally one post).

    ``cutoff``: the start of a re-confirmation round whose deadline has passed; standing
    statements from before it have lapsed. Per-post statements about other posts are ignored.
    """
    latest: Statement | None = None
    for st in statements:
        if st.publication is not None and st.publication != publication:
            continue
        if st.publication is None and cutoff is not None and st.created < cutoff:
            continue
        if not counts_on(st.capacity, birth_date, day):
            continue
        if latest is None or st.created > latest.created:
            latest = st
    if latest is None:
        return Status.UNKNOWN
    return {
        Decision.GIVEN: Status.YES,
        Decision.REFUSED: Status.NO,
        Decision.WITHDRAWN: Status.WITHDRAWN,
    }[Decision(latest.decision)]


Box = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Tag:
    """A face box in a photo and who the poster says it is (None: not tagged yet)."""

    box: Box
    person_id: int | None = None
    unknown: bool = False  # marked 'onbekend / niet herkenbaar'


def faces_to_keep(tags: Sequence[Tag], statuses: dict[int, Status]) -> list[Box]:
    """The boxes that may stay visible: tagged with a person whose answer is yes.

    Everything else (untagged, unknown, no, withdrawn, not looked up) is blurred.
    """
    return [
        t.box
        for t in tags
        if t.person_id is not None
        and not t.unknown
        and statuses.get(t.person_id, Status.UNKNOWN) is Status.YES
    ]


def faces_to_blur(tags: Sequence[Tag], statuses: dict[int, Status]) -> list[Box]:
    keep = set(faces_to_keep(tags, statuses))
    return [t.box for t in tags if t.box not in keep]


def sound_may_stay(voice_people: Iterable[int], statuses: dict[int, Status]) -> bool:
    """Sound can't be blurred per person: it stays only when everyone heard consented."""
    return all(statuses.get(p, Status.UNKNOWN) is Status.YES for p in voice_people)
