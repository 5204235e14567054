"""The consent operations through /api/v1/consent/: same actions, same permissions, audited."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client

from socialprotocol.web.api.actions import do_create_api_token
from socialprotocol.web.consent.actions import do_record_consent
from socialprotocol.web.consent.models import ConsentRecord, Purpose
from socialprotocol.web.core.models import AuditLog
from socialprotocol.web.people.models import Person
from tests.web.conftest import World
from tests.web.consent.helpers import check_with_photo

API = "/api/v1/consent"


def bearer(world: World, name: str) -> dict[str, str]:
    return {
        "HTTP_AUTHORIZATION": f"Bearer {do_create_api_token(world[name], 't', acting_user=None)[1]}"
    }


def call(method: str, url: str, auth: dict[str, str], body: Any = None, **kw: Any) -> Any:
    client = Client()
    if body is not None:
        kw.setdefault("content_type", "application/json")
        return getattr(client, method)(url, body, **kw, **auth)
    return getattr(client, method)(url, **auth)


def test_a_parent_gives_and_withdraws_consent_through_the_api(
    world: World, purposes: dict[str, Purpose], tim: Person
) -> None:
    auth = bearer(world, "fatma")
    url = f"{API}/people/{tim.pk}/decisions"
    assert call("post", url, auth, {"purpose": "website", "decision": "given"}).status_code == 201
    assert (
        call("post", url, auth, {"purpose": "website", "decision": "withdrawn"}).status_code == 201
    )
    data = call("get", f"{API}/people/{tim.pk}", auth).json()
    assert {c["purpose"]: c["status"] for c in data["consents"]}["website"] == "withdrawn"
    assert [h["decision"] for h in data["history"]] == ["withdrawn", "given"]
    assert not AuditLog.objects.filter(event="consent_viewed").exists()  # a parent's own read


def test_the_api_refuses_what_the_rules_refuse(
    world: World, purposes: dict[str, Purpose], noor: Person, lisa_person: Person
) -> None:
    fatma = bearer(world, "fatma")
    body = {"purpose": "social", "decision": "given"}
    assert call("post", f"{API}/people/{noor.pk}/decisions", fatma, body).status_code == 404
    assert (
        call(
            "post", f"{API}/people/{lisa_person.pk}/decisions", bearer(world, "olaf"), body
        ).status_code
        == 404
    )
    bad = call(
        "post",
        f"{API}/people/{lisa_person.pk}/decisions",
        fatma,
        {"purpose": "social", "decision": "maybe"},
    )
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_input"
    assert not ConsentRecord.objects.exists()


def test_staff_look_up_their_school_only_and_every_look_up_is_logged(
    world: World, purposes: dict[str, Purpose], fatma_person: Person, lisa_person: Person
) -> None:
    do_record_consent(lisa_person, purposes["social"], "given", given_by=fatma_person,
                      method="form", acting_user=None)  # fmt: skip
    daan = Person.objects.get(board=world.asko, external_id="l2")  # De Klimop
    found = call("post", f"{API}/lookup", bearer(world, "sanne"),
                 {"purpose": "social", "people": [lisa_person.pk, daan.pk]}).json()  # fmt: skip
    assert found["statuses"] == {str(lisa_person.pk): "yes"}
    row = AuditLog.objects.get(event="consent_viewed")
    assert row.detail == {"people": [lisa_person.pk], "where": "api_lookup"}
    assert call("post", f"{API}/lookup", bearer(world, "fatma"),
                {"purpose": "social", "people": [lisa_person.pk]}).status_code == 403  # fmt: skip


def test_the_post_flow_runs_through_the_api(
    world: World, purposes: dict[str, Purpose], tim: Person, lisa_person: Person,
    fatma_person: Person,
) -> None:  # fmt: skip
    world["fatma"].email = "fatma@example.org"
    world["fatma"].save()
    do_record_consent(lisa_person, purposes["press"], "given", given_by=fatma_person,
                      method="form", acting_user=None)  # fmt: skip
    auth = bearer(world, "sanne")
    check = check_with_photo(world["sanne"])
    made = call("post", f"{API}/posts", auth, {"check_id": str(check.pk), "media_index": 0})
    assert made.status_code == 201, made.content
    post = made.json()
    assert len(post["faces"]) >= 20 and post["purpose"] == "social"
    url = f"{API}/posts/{post['id']}"
    tagged = call("put", f"{url}/tags", auth,
                  {"faces": {"0": lisa_person.pk, "1": tim.pk, "2": "unknown"}, "purpose": "press"})  # fmt: skip
    assert tagged.status_code == 200, tagged.content
    faces = tagged.json()["faces"]
    assert [f["status"] for f in faces[:3]] == ["yes", "unknown", None]
    sent = call("post", f"{url}/requests", auth).json()
    assert sent == {"sent": 1, "unreachable": []} and len(mail.outbox) == 1
    token = mail.outbox[0].body.split("/toestemming/link/")[1].split("/")[0]
    answered = call("post", f"{API}/links/{token}", {}, {"answer": "refused"})
    assert answered.json()["answer"] == "refused"
    copy = call("post", f"{url}/copy", auth).json()
    assert [f["shown_in_copy"] for f in copy["faces"][:3]] == [True, False, False]
    assert call("get", f"{url}/copy", auth).status_code == 200
    assert call("get", url, bearer(world, "olaf")).status_code == 404  # another board
    assert call("get", url, bearer(world, "henk")).status_code == 404  # another school
    assert call("get", url, bearer(world, "fatma")).status_code == 403  # a parent


def test_outsiders_cannot_tag_people_of_another_school(
    world: World, purposes: dict[str, Purpose]
) -> None:
    auth = bearer(world, "sanne")
    check = check_with_photo(world["sanne"])
    post = call("post", f"{API}/posts", auth, {"check_id": str(check.pk), "media_index": 0}).json()
    daan = Person.objects.get(board=world.asko, external_id="l2")
    refused = call("put", f"{API}/posts/{post['id']}/tags", auth, {"faces": {"0": daan.pk}})
    assert refused.status_code == 400


@pytest.mark.parametrize(("apply", "imported"), [(False, 0), (True, 2)])
def test_an_import_reports_errors_per_row_and_records_only_good_rows(
    world: World, purposes: dict[str, Purpose], tim: Person, noor: Person, apply: bool,
    imported: int,
) -> None:  # fmt: skip
    csv_text = (
        "person;purpose;decision;given_by;given_by_name;decided_on;evidence\n"
        "l15;social;ja;o1;;2026-09-01;formulier 2026\n"
        "l16;website;nee;l16;;;\n"
        "l16;website;ja;o1;;;\n"
        "zz9;social;ja;o1;;;\n"
        "l15;weather;ja;o1;;;\n"
        "l15;social;misschien;o1;;;\n"
        "l15;social;ja;;;;\n"
    )
    url = f"{API}/import" + ("?apply=true" if apply else "")
    response = Client().post(url, csv_text, content_type="text/csv", **bearer(world, "anna"))
    assert response.status_code == 200, response.content
    result = response.json()
    assert (result["valid"], result["imported"]) == (2, imported)
    assert [e["line"] for e in result["errors"]] == [4, 5, 6, 7, 8]
    assert "Vanaf 16" in result["errors"][0]["message"]
    assert ConsentRecord.objects.count() == imported
    sanne = Client().post(url, csv_text, content_type="text/csv", **bearer(world, "sanne"))
    assert sanne.status_code == 403


def test_management_starts_a_round_through_the_api(
    world: World, purposes: dict[str, Purpose], lisa_person: Person
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    world["fatma"].email = "fatma@example.org"
    world["fatma"].save()
    school = lisa_person.memberships.get().school
    assert school is not None
    body = {"name": "Schooljaar", "school": school.pk,
            "deadline": (timezone.localdate() + timedelta(days=20)).isoformat()}  # fmt: skip
    made = call("post", f"{API}/rounds", bearer(world, "marieke"), body)
    assert made.status_code == 201 and made.json()["emails"] == 1
    assert call("post", f"{API}/rounds", bearer(world, "sanne"), body).status_code == 403
