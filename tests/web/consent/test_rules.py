"""The pure rules: ages, who decides, what counts, which faces stay."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from socialprotocol.web.consent.rules import (
    Capacity,
    Statement,
    Status,
    Tag,
    age_on,
    capacity_for,
    faces_to_blur,
    faces_to_keep,
    sound_may_stay,
    status_of,
)

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def at(day: int) -> datetime:
    return T0.replace(day=day)


@pytest.mark.parametrize(
    ("born", "day", "age"),
    [
        (date(2010, 11, 24), date(2026, 11, 23), 15),
        (date(2010, 11, 24), date(2026, 11, 24), 16),
        (date(2012, 2, 29), date(2028, 2, 28), 15),
        (date(2012, 2, 29), date(2028, 2, 29), 16),
    ],
)
def test_it_counts_age_on_the_day(born: date, day: date, age: int) -> None:
    assert age_on(born, day) == age


def test_a_parent_decides_below_16_and_the_pupil_from_16() -> None:
    born = date(2010, 11, 24)
    assert capacity_for(born, date(2026, 11, 23), is_pupil=True) is Capacity.PARENT
    assert capacity_for(born, date(2026, 11, 24), is_pupil=True) is Capacity.SELF


def test_a_pupil_without_birth_date_counts_as_a_minor() -> None:
    assert capacity_for(None, date(2026, 1, 1), is_pupil=True) is Capacity.PARENT
    assert capacity_for(None, date(2026, 1, 1), is_pupil=False) is Capacity.SELF


def test_silence_is_not_consent() -> None:
    assert status_of([], birth_date=None, day=date(2026, 1, 9)) is Status.UNKNOWN


def test_the_latest_statement_wins() -> None:
    given = Statement("given", "self", at(1))
    withdrawn = Statement("withdrawn", "self", at(2))
    again = Statement("given", "self", at(3))
    day = date(2026, 1, 9)
    assert status_of([given, withdrawn], birth_date=None, day=day) is Status.WITHDRAWN
    assert status_of([again, given, withdrawn], birth_date=None, day=day) is Status.YES


def test_a_parents_consent_stops_counting_at_16() -> None:
    parent_yes = Statement("given", "parent", at(1))
    born = date(2010, 1, 5)
    assert status_of([parent_yes], birth_date=born, day=date(2026, 1, 4)) is Status.YES
    assert status_of([parent_yes], birth_date=born, day=date(2026, 1, 5)) is Status.UNKNOWN


def test_a_finished_round_lapses_older_standing_statements() -> None:
    old = Statement("given", "self", at(1))
    assert status_of([old], birth_date=None, day=date(2026, 1, 9), cutoff=at(2)) is Status.UNKNOWN


def test_a_per_post_answer_counts_only_for_that_post() -> None:
    yes_for_a = Statement("given", "self", at(1), publication="a")
    assert status_of([yes_for_a], birth_date=None, day=date(2026, 1, 9)) is Status.UNKNOWN
    assert (
        status_of([yes_for_a], birth_date=None, day=date(2026, 1, 9), publication="b")
        is Status.UNKNOWN
    )
    assert (
        status_of([yes_for_a], birth_date=None, day=date(2026, 1, 9), publication="a") is Status.YES
    )


def test_only_faces_tagged_with_consent_stay_visible() -> None:
    tags = [
        Tag((0, 0, 10, 10), 1),
        Tag((20, 0, 10, 10), 2),
        Tag((40, 0, 10, 10), None),
        Tag((60, 0, 10, 10), None, unknown=True),
        Tag((80, 0, 10, 10), 3),
        Tag((100, 0, 10, 10), 4),
    ]
    statuses = {1: Status.YES, 2: Status.NO, 3: Status.WITHDRAWN}
    assert faces_to_keep(tags, statuses) == [(0, 0, 10, 10)]
    assert len(faces_to_blur(tags, statuses)) == 5


def test_sound_stays_only_when_everyone_heard_consented() -> None:
    assert sound_may_stay([], {})
    assert sound_may_stay([1], {1: Status.YES})
    assert not sound_may_stay([1, 2], {1: Status.YES})
