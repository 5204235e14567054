"""Nothing is ever shown of a person without consent: consent histories × purposes × age."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from socialprotocol.web.consent.actions import ConsentError, do_record_consent, do_start_round
from socialprotocol.web.consent.lookup import statuses_for_purpose
from socialprotocol.web.consent.models import ConsentRecord, Publication, Purpose
from socialprotocol.web.consent.rules import Status, Tag, faces_to_keep
from socialprotocol.web.people.models import Person
from tests.web.conftest import World
from tests.web.consent.conftest import add_pupil, born_years_ago

TODAY = timezone.localdate


def _say(subject: Person, purpose: Purpose, decision: str, giver: Person, **kw: Any) -> None:
    do_record_consent(subject, purpose, decision, given_by=giver, method="form",
                      acting_user=None, **kw)  # fmt: skip


History = Callable[[Person, Purpose, Person, Publication | None, Publication | None], None]


def _none(s: Person, p: Purpose, g: Person, this: Any, other: Any) -> None:
    return None


def _given(s: Person, p: Purpose, g: Person, this: Any, other: Any) -> None:
    _say(s, p, "given", g)


def _refused(s: Person, p: Purpose, g: Person, this: Any, other: Any) -> None:
    _say(s, p, "refused", g)


def _withdrawn(s: Person, p: Purpose, g: Person, this: Any, other: Any) -> None:
    _say(s, p, "given", g)
    _say(s, p, "withdrawn", g)


def _given_again(s: Person, p: Purpose, g: Person, this: Any, other: Any) -> None:
    _say(s, p, "given", g)
    _say(s, p, "withdrawn", g)
    _say(s, p, "given", g)


def _post_yes(s: Person, p: Purpose, g: Person, this: Any, other: Any) -> None:
    _say(s, p, "given", g, publication=this)


def _post_yes_elsewhere(s: Person, p: Purpose, g: Person, this: Any, other: Any) -> None:
    _say(s, p, "given", g, publication=other)


def _standing_yes_post_no(s: Person, p: Purpose, g: Person, this: Any, other: Any) -> None:
    _say(s, p, "given", g)
    _say(s, p, "refused", g, publication=this)


def _post_yes_then_withdrawn(s: Person, p: Purpose, g: Person, this: Any, other: Any) -> None:
    _say(s, p, "given", g, publication=this)
    _say(s, p, "withdrawn", g)


def _paper_by_name(s: Person, p: Purpose, g: Person, this: Any, other: Any) -> None:
    do_record_consent(s, p, "given", given_by=None, given_by_name="handtekening ouder",
                      method="paper", evidence="scan 12", acting_user=None)  # fmt: skip


HISTORIES: dict[str, tuple[History, Status]] = {
    "none": (_none, Status.UNKNOWN),
    "given": (_given, Status.YES),
    "refused": (_refused, Status.NO),
    "withdrawn": (_withdrawn, Status.WITHDRAWN),
    "given_again": (_given_again, Status.YES),
    "post_yes": (_post_yes, Status.YES),
    "post_yes_elsewhere": (_post_yes_elsewhere, Status.UNKNOWN),
    "standing_yes_post_no": (_standing_yes_post_no, Status.NO),
    "post_yes_then_withdrawn": (_post_yes_then_withdrawn, Status.WITHDRAWN),
    "paper_by_name": (_paper_by_name, Status.YES),
}
PURPOSE_KEYS = ("social", "website", "newsletter", "guide", "press")


def _publication(world: World, purpose: Purpose, title: str) -> Publication:
    return Publication.objects.create(board=world.asko, title=title, purpose=purpose,
                                      original="consent/x.jpg")  # fmt: skip


@pytest.mark.parametrize("age", [15, 16])
@pytest.mark.parametrize("history", list(HISTORIES))
def test_only_a_yes_for_exactly_this_purpose_keeps_a_face_visible(
    world: World, purposes: dict[str, Purpose], fatma_person: Person, age: int, history: str
) -> None:
    """For each purpose a consent history is recorded for, every purpose is asked: only the
    expected answer for exactly that purpose, unknown for the others, and a face stays visible
    only when the answer is yes."""
    birth = born_years_ago(16, plus_days=1) if age == 15 else born_years_ago(16)
    record, expected = HISTORIES[history]
    for recorded_for in PURPOSE_KEYS:
        subject = add_pupil(world, f"l{age}{recorded_for}", "Kim", "Test", birth)
        giver = fatma_person if age == 15 else subject
        this_pub = _publication(world, purposes[recorded_for], "dit bericht")
        other_pub = _publication(world, purposes[recorded_for], "ander bericht")
        record(subject, purposes[recorded_for], giver, this_pub, other_pub)
        for key in PURPOSE_KEYS:
            pub = this_pub if key == recorded_for else _publication(world, purposes[key], key)
            status = statuses_for_purpose(world.asko, [subject.pk], purposes[key].pk,
                                          day=TODAY(), publication=pub)[subject.pk]  # fmt: skip
            want = expected if key == recorded_for else Status.UNKNOWN
            assert status is want, (recorded_for, key)
            kept = faces_to_keep([Tag((1, 2, 30, 30), subject.pk)], {subject.pk: status})
            assert bool(kept) == (want is Status.YES)


@pytest.mark.parametrize("age", [15, 16])
def test_only_the_right_person_may_decide_for_the_age(
    world: World, purposes: dict[str, Purpose], fatma_person: Person, age: int
) -> None:
    birth = born_years_ago(16, plus_days=1) if age == 15 else born_years_ago(16)
    subject = add_pupil(world, f"l{age}y", "Kim", "Test", birth)
    wrong = subject if age == 15 else fatma_person
    with pytest.raises(ConsentError):
        _say(subject, purposes["social"], "given", wrong)
    assert not ConsentRecord.objects.filter(subject=subject).exists()


def test_a_parents_yes_from_before_16_does_not_speak_for_a_16_year_old(
    world: World, purposes: dict[str, Purpose], fatma_person: Person, noor: Person
) -> None:
    year_ago = TODAY() - timedelta(days=365)
    _say(noor, purposes["social"], "given", fatma_person, decided_on=year_ago)
    status = statuses_for_purpose(world.asko, [noor.pk], purposes["social"].pk, day=TODAY())
    assert status[noor.pk] is Status.UNKNOWN
    _say(noor, purposes["social"], "given", noor)
    status = statuses_for_purpose(world.asko, [noor.pk], purposes["social"].pk, day=TODAY())
    assert status[noor.pk] is Status.YES


def test_a_finished_round_lapses_consent_that_was_not_confirmed_again(
    world: World, purposes: dict[str, Purpose], fatma_person: Person, tim: Person,
    lisa_person: Person,
) -> None:  # fmt: skip
    social = purposes["social"]
    _say(tim, social, "given", fatma_person)
    _say(lisa_person, social, "given", fatma_person)
    do_start_round(world.asko, "Schooljaar", TODAY() + timedelta(days=1), acting_user=None)
    _say(lisa_person, social, "given", fatma_person)  # confirmed again in the round
    tomorrow, after = TODAY(), TODAY() + timedelta(days=2)
    ids = [tim.pk, lisa_person.pk]
    during = statuses_for_purpose(world.asko, ids, social.pk, day=tomorrow)
    assert during == {tim.pk: Status.YES, lisa_person.pk: Status.YES}
    later = statuses_for_purpose(world.asko, ids, social.pk, day=after)
    assert later == {tim.pk: Status.UNKNOWN, lisa_person.pk: Status.YES}


def test_records_are_append_only(
    world: World, purposes: dict[str, Purpose], fatma_person: Person, tim: Person
) -> None:
    _say(tim, purposes["social"], "given", fatma_person)
    record = ConsentRecord.objects.get(subject=tim)
    with pytest.raises(TypeError):
        record.save()
    with pytest.raises(TypeError):
        record.delete()
    with pytest.raises(TypeError):
        ConsentRecord.objects.filter(subject=tim).update(decision="refused")
    with pytest.raises(TypeError):
        ConsentRecord.objects.filter(subject=tim).delete()


def test_it_looks_up_30_people_in_one_query(
    world: World, purposes: dict[str, Purpose], fatma_person: Person
) -> None:
    people = [add_pupil(world, f"k{i}", f"Kind{i}", "Klas", born_years_ago(10)) for i in range(30)]
    for i, person in enumerate(people):
        _say(person, purposes["social"], ("given", "refused", "withdrawn")[i % 3], fatma_person)
    do_start_round(world.asko, "Schooljaar", TODAY() + timedelta(days=30), acting_user=None)
    with CaptureQueriesContext(connection) as queries:
        found = statuses_for_purpose(world.asko, [p.pk for p in people], purposes["social"].pk,
                                     day=TODAY())  # fmt: skip
    assert len(queries) == 1
    assert sum(s is Status.YES for s in found.values()) == 10
    assert sum(s is Status.NO for s in found.values()) == 10


def test_a_per_post_answer_never_becomes_a_standing_consent(
    world: World, purposes: dict[str, Purpose], fatma_person: Person, tim: Person
) -> None:
    from django.db.models import RestrictedError

    pub = _publication(world, purposes["social"], "uitje")
    _say(tim, purposes["social"], "given", fatma_person, publication=pub)
    with pytest.raises(RestrictedError):
        pub.delete()
    world.asko.delete()  # a whole board still goes (its records with it)
    assert not ConsentRecord.objects.exists()
