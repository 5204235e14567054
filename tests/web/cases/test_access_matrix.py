"""Every case and dossier view and API endpoint × every persona: only the allowed accesses
succeed, and each allowed read leaves a log row with who (and why, for files)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

from socialprotocol.web.core.models import AuditLog
from tests.web.cases.conftest import ALL, SCREENSHOT, CaseWorld

HANDLERS = {"bert", "marieke"}  # the board; management of the case's school
KEEPERS = {"henk", "bert", "marieke", "kees", "ilse"}  # see some file list
PERSONNEL_READERS = {"henk", "bert"}
PUPIL_READERS = {"marieke", "ilse"}

# (name, method, url template, data, allowed personas, allowed status, denied status, logs)
ROUTES: list[tuple[str, str, str, dict[str, Any], set[str], int, int, str]] = [
    ("report form", "get", "/meldingen/nieuw/", {}, set(ALL), 200, 0, ""),
    ("own reports", "get", "/meldingen/", {}, set(ALL), 200, 0, ""),
    ("case list", "get", "/zaken/", {}, HANDLERS | {"kees"}, 200, 403, "case_list_read"),
    ("case", "get", "/zaken/{staff}/", {}, HANDLERS, 200, 404, "case_read"),
    ("evidence", "get", "/zaken/{staff}/bewijs/{evidence}", {}, HANDLERS, 200, 404,
     "file_downloaded"),
    ("transition", "post", "/zaken/{pupil}/status/", {"to_state": "besluit"}, HANDLERS, 302, 404,
     "case_transitioned"),
    ("qualify", "post", "/zaken/{staff}/grensoverschrijdend/", {}, {"bert"}, 302, 404,
     "case_qualified_grensoverschrijdend"),
    ("staff measure", "post", "/zaken/{staff}/maatregel/",
     {"involvement": "{sanne_inv}", "measure": "berisping", "decided_on": "2026-11-20",
      "reasons": "Herhaling"}, {"bert"}, 302, 404, "case_measure_decided"),
    ("pupil measure", "post", "/zaken/{pupil}/maatregel/",
     {"involvement": "{lisa_inv}", "measure": "waarschuwing", "decided_on": "2026-11-20",
      "reasons": "Eerste keer"}, HANDLERS, 302, 404, "case_measure_decided"),
    ("articles", "post", "/zaken/{staff}/artikelen/", {"articles": ["A7", "D2"]}, HANDLERS, 302,
     404, "case_articles_set"),
    ("assign", "post", "/zaken/{staff}/toewijzen/", {"deadline": "2026-12-01"}, HANDLERS, 302,
     404, "case_assigned"),
    ("add person", "post", "/zaken/{pupil}/betrokkene/",
     {"person-name": "Buurman", "person-role": "other", "person-part": "witness"}, HANDLERS, 302,
     404, "case_person_added"),
    ("possibly criminal", "post", "/zaken/{pupil}/strafbaar/", {}, HANDLERS, 302, 404,
     "case_marked_possibly_criminal"),
    ("police task", "post", "/zaken/{staff}/taak/{police_task}/",
     {"police-decision": "nee", "police-outcome": "Geen strafbaar feit"}, HANDLERS, 302, 404,
     "case_task_completed"),
    ("checklist step", "post", "/zaken/{pupil}/stap/{suspension}/", {"index": "0"}, HANDLERS, 302,
     404, "case_measure_step_checked"),
    ("pupil letter", "post", "/zaken/{pupil}/brief/{suspension}/", {}, HANDLERS, 302, 404,
     "dossier_entry_added"),
    ("staff letter", "post", "/zaken/{staff}/brief/{warning}/", {}, {"bert"}, 302, 404,
     "dossier_entry_added"),
    ("add evidence", "post", "/zaken/{staff}/bewijs/", {"evidence": "<png>"}, HANDLERS, 302, 404,
     "evidence_added"),
    ("overview", "get", "/zaken/overzicht/", {}, {"bert"}, 200, 403, "case_overview_read"),
    ("file list", "get", "/dossiers/", {}, KEEPERS, 200, 403, "dossier_list_read"),
    ("personnel reason form", "get", "/dossiers/{personnel}/", {}, PERSONNEL_READERS, 200, 404, ""),
    ("personnel read", "post", "/dossiers/{personnel}/", {"reason": "Besluit voorbereiden"},
     PERSONNEL_READERS, 200, 404, "dossier_read"),
    ("pupil reason form", "get", "/dossiers/{pupil_file}/", {}, PUPIL_READERS, 200, 404, ""),
    ("pupil read", "post", "/dossiers/{pupil_file}/", {"reason": "Gesprek met ouders"},
     PUPIL_READERS, 200, 404, "dossier_read"),
    ("personnel end", "post", "/dossiers/{personnel}/einde/", {"ended_on": "2026-12-31"},
     {"henk"}, 302, 404, "dossier_end_recorded"),
    ("file entry without reason", "get", "/dossiers/{personnel}/stuk/{entry}", {},
     PERSONNEL_READERS, 302, 404, ""),
    ("own files", "get", "/mijn-dossier/", {}, set(ALL), 200, 0, ""),
    ("follow unknown code", "post", "/meldingen/volgen/", {"code": "ABCDEF123456"}, set(ALL), 404,
     0, ""),
    ("personnel export", "post", "/mijn-dossier/{personnel}/export/", {}, {"sanne"}, 200, 404,
     "dossier_exported"),
    ("pupil export", "post", "/mijn-dossier/{pupil_file}/export/", {}, {"lisa", "fatma"}, 200, 404,
     "dossier_exported"),
    ("audit log", "get", "/privacy/log/", {}, {"priya"}, 200, 403, "audit_log_read"),
    ("api report", "post", "/api/v1/reports", {"description": "Pesten", "post_text": "x"},
     set(ALL), 201, 0, ""),
    ("api cases", "get", "/api/v1/cases", {}, HANDLERS | {"kees"}, 200, 403, "case_list_read"),
    ("api case", "get", "/api/v1/cases/{staff}", {}, HANDLERS, 200, 404, "case_read"),
    ("api transition", "post", "/api/v1/cases/{pupil}/transitions", {"to": "besluit"},
     HANDLERS, 200, 404, "case_transitioned"),
    ("api personnel", "get", "/api/v1/dossiers/{personnel}?reason=Besluit", {},
     PERSONNEL_READERS, 200, 404, "dossier_read"),
    ("api pupil file", "get", "/api/v1/dossiers/{pupil_file}?reason=Gesprek", {},
     PUPIL_READERS, 200, 404, "dossier_read"),
    ("api personnel export", "get", "/api/v1/dossiers/{personnel}/export", {}, {"sanne"}, 200,
     404, "dossier_exported"),
    ("api pupil export", "get", "/api/v1/dossiers/{pupil_file}/export", {}, {"lisa", "fatma"},
     200, 404, "dossier_exported"),
]  # fmt: skip


def _ids(cw: CaseWorld) -> dict[str, Any]:
    return {
        "staff": cw.staff_case.pk, "pupil": cw.pupil_case.pk,
        "evidence": cw.staff_case.evidence.get().pk,
        "personnel": cw.personnel_file.pk, "pupil_file": cw.pupil_file.pk,
        "sanne_inv": cw.staff_case.people.get(role="staff").pk,
        "lisa_inv": cw.pupil_case.people.get(role="pupil").pk,
        "police_task": cw.staff_case.tasks.get(kind="aangifte").pk,
        "suspension": cw.pupil_case.measures.get().pk,
        "warning": cw.staff_case.measures.get().pk,
        "entry": cw.personnel_file.entries.get().pk,
    }  # fmt: skip


def _call(client: Client, method: str, url: str, data: dict[str, Any]) -> Any:
    if url.startswith("/api/") and method == "post":
        return client.post(url, data, content_type="application/json")
    return getattr(client, method)(url, data)


# Management of the school handles the case, so these board-only steps are refused openly.
FORBIDDEN_NOT_HIDDEN = {("qualify", "marieke"), ("staff measure", "marieke"),
                        ("staff letter", "marieke"), ("personnel end", "bert")}


def _check(cw: CaseWorld, client: Client, persona: str, route: tuple[Any, ...]) -> None:
    name, method, url, data, allowed, ok, denied, event = route
    ids = _ids(cw)
    url = url.format(**ids)
    data = {k: v.format(**ids) if isinstance(v, str) else v for k, v in data.items()}
    if data.get("evidence") == "<png>":
        data["evidence"] = SimpleUploadedFile("extra.png", SCREENSHOT, content_type="image/png")
    logged = AuditLog.objects.filter(acting_user=cw[persona], event=event)
    before = logged.count()
    response = _call(client, method, url, data)
    status = response.status_code
    if persona in allowed:
        assert status == ok, (persona, response.content[:300])
        if event:
            assert logged.count() == before + 1, persona
            if event == "dossier_read":
                assert len(logged.first().detail["reason"]) >= 3  # type: ignore[union-attr]
    else:
        expected = 403 if (name, persona) in FORBIDDEN_NOT_HIDDEN else denied
        assert status == expected, (persona, status)
        assert logged.count() == before, persona


@pytest.mark.parametrize("route", ROUTES, ids=[r[0] for r in ROUTES])
def test_only_the_allowed_personas_get_through_and_their_reads_are_logged(
    case_world: CaseWorld, case_clients: dict[str, Client], route: tuple[Any, ...]
) -> None:
    for persona in ALL:
        # Each persona starts from the same state: their request runs in a savepoint.
        with transaction.atomic():
            _check(case_world, case_clients[persona], persona, route)
            transaction.set_rollback(True)


@pytest.mark.parametrize("route", [r for r in ROUTES if r[0] not in {"report form", "own reports", "own files"} and not r[2].startswith("/api/")], ids=lambda r: r[0])
def test_it_sends_anonymous_visitors_to_the_login(case_world: CaseWorld, route: tuple[Any, ...]) -> None:
    url = route[2].format(**_ids(case_world))
    response = getattr(Client(), route[1])(url)
    assert response.status_code == 302 and response["Location"].startswith("/account/login/")


def test_management_may_not_decide_a_staff_measure_nor_qualify(
    case_world: CaseWorld, case_clients: dict[str, Client]
) -> None:
    client = case_clients["marieke"]
    case = case_world.staff_case.pk
    assert client.post(f"/zaken/{case}/grensoverschrijdend/").status_code == 403
    inv = case_world.staff_case.people.get(role="staff").pk
    response = client.post(f"/zaken/{case}/maatregel/", {"involvement": inv, "measure": "ontslag",
                                                        "decided_on": "2026-11-20", "reasons": "x"})
    assert response.status_code == 403
    assert case_world.staff_case.measures.count() == 1


def test_the_case_list_shows_each_handler_only_their_cases(
    case_world: CaseWorld, case_clients: dict[str, Client]
) -> None:
    ref = case_world.staff_case.reference
    assert ref in case_clients["bert"].get("/zaken/").content.decode()
    assert ref in case_clients["marieke"].get("/zaken/").content.decode()
    assert ref not in case_clients["kees"].get("/zaken/").content.decode()


def test_a_file_download_needs_a_recent_logged_reason(
    case_world: CaseWorld, case_clients: dict[str, Client]
) -> None:
    client = case_clients["henk"]
    file = case_world.personnel_file
    entry = file.entries.get().pk
    first = client.get(f"/dossiers/{file.pk}/stuk/{entry}")
    assert first.status_code == 302  # back to the reason form
    client.post(f"/dossiers/{file.pk}/", {"reason": "Brief nalezen"})
    response = client.get(f"/dossiers/{file.pk}/stuk/{entry}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")  # type: ignore[attr-defined]
    row = AuditLog.objects.filter(event="file_downloaded", acting_user=case_world["henk"]).get()
    assert row.detail["reason"] == "Brief nalezen"


def test_a_read_without_a_reason_is_refused_and_not_shown(
    case_world: CaseWorld, case_clients: dict[str, Client]
) -> None:
    response = case_clients["henk"].post(f"/dossiers/{case_world.personnel_file.pk}/", {"reason": ""})
    assert response.status_code == 400
    assert "Kwetsende taal" not in response.content.decode()
    api = case_clients["henk"].get(f"/api/v1/dossiers/{case_world.personnel_file.pk}")
    assert api.status_code == 400 and api.json()["error"]["code"] == "reason_required"


def test_cases_and_files_need_two_factor_also_for_management(case_world: CaseWorld) -> None:
    client = Client()
    client.force_login(case_world["marieke"])  # logged in, no authenticator confirmed
    response = client.get(f"/dossiers/{case_world.pupil_file.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/account/2fa/")
    response = client.get(f"/zaken/{case_world.pupil_case.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/account/2fa/")


def test_an_api_token_cannot_read_a_file_or_a_case(case_world: CaseWorld) -> None:
    from socialprotocol.web.api.actions import do_create_api_token

    _, key = do_create_api_token(case_world["henk"], "koppeling", acting_user=None)
    response = Client().get(f"/api/v1/dossiers/{case_world.personnel_file.pk}?reason=test",
                            HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "two_factor_required"
    _, key = do_create_api_token(case_world["bert"], "koppeling", acting_user=None)
    for url in ("/api/v1/cases", f"/api/v1/cases/{case_world.staff_case.pk}"):
        response = Client().get(url, HTTP_AUTHORIZATION=f"Bearer {key}")
        assert response.status_code == 403
