"""Every consent page × every persona: parents see their own children, staff their school,
management starts rounds. Henk is HR for the board (which gives no access here) and staff at
De Klimop (which gives him De Klimop's posts and people, not De Zonnewijzer's)."""

from __future__ import annotations

import pytest
from django.test import Client

from socialprotocol.web.consent.models import Purpose
from socialprotocol.web.people.models import Person
from tests.web.conftest import PERSONAS, World

# persona -> expected status per page; {lisa} is lisa's person id.
PAGES = {
    "/toestemming/": dict.fromkeys(PERSONAS, 200),
    "/toestemming/personen/{lisa}/": {"lisa": 200, "fatma": 200, "sanne": 200, "marieke": 200,
                                      "henk": 404, "anna": 200, "olaf": 404},
    "/toestemming/berichten/": {"lisa": 404, "fatma": 404, "sanne": 200, "marieke": 200,
                                "henk": 200, "anna": 200, "olaf": 200},
    "/toestemming/rondes/": {"lisa": 404, "fatma": 404, "sanne": 404, "marieke": 200,
                             "henk": 404, "anna": 200, "olaf": 200},
    "/toestemming/zoek?q=lisa": {"lisa": 404, "fatma": 404, "sanne": 200, "marieke": 200,
                                 "henk": 200, "anna": 200, "olaf": 200},
}  # fmt: skip


@pytest.mark.parametrize("page", list(PAGES))
def test_each_persona_gets_only_what_their_role_allows(
    world: World, clients: dict[str, Client], purposes: dict[str, Purpose], page: str
) -> None:
    lisa = Person.objects.get(board=world.asko, external_id="l1")
    got = {p: clients[p].get(page.format(lisa=lisa.pk)).status_code for p in PERSONAS}
    assert got == PAGES[page]
    if "zoek" in page:
        assert clients["henk"].get(page).json()["results"] == []


def test_nobody_decides_for_a_child_that_is_not_theirs(
    world: World, clients: dict[str, Client], purposes: dict[str, Purpose]
) -> None:
    lisa = Person.objects.get(board=world.asko, external_id="l1")
    url = f"/toestemming/{lisa.pk}/doel/{purposes['social'].pk}/"
    got = {p: clients[p].post(url, {"decision": "given"}).status_code for p in PERSONAS}
    assert got == {p: 302 if p == "fatma" else 404 for p in PERSONAS}


def test_a_teacher_sees_who_in_her_group_may_be_shown_and_the_read_is_logged(
    world: World, clients: dict[str, Client], purposes: dict[str, Purpose]
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from socialprotocol.web.consent.actions import do_record_consent
    from socialprotocol.web.core.models import AuditLog
    from socialprotocol.web.people.models import Group

    lisa = Person.objects.get(board=world.asko, external_id="l1")
    fatma = Person.objects.get(board=world.asko, external_id="o1")
    do_record_consent(lisa, purposes["website"], "given", given_by=fatma, method="form",
                      acting_user=None)  # fmt: skip
    groep6 = Group.objects.get(name="groep 6")
    page = clients["sanne"].get("/toestemming/school/").content.decode()
    assert "groep 6" in page and "groep 3" not in page  # groep 3 is De Klimop's
    with CaptureQueriesContext(connection) as ctx:
        page = clients["sanne"].get("/toestemming/school/", {"groep": groep6.pk}).content.decode()
    assert "Lisa Yilmaz" in page and page.count("badge-yes") == 1
    assert len(ctx) <= 20
    row = AuditLog.objects.get(event="consent_viewed")
    assert row.detail["where"] == "school_list" and lisa.pk in row.detail["people"]
    assert clients["fatma"].get("/toestemming/school/").status_code == 404
