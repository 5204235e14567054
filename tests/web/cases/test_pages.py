"""What the case pages show: history with actor and time, suggestion, no names in the overview;
lists with a fixed number of queries."""

from __future__ import annotations

from typing import Any

from django.test import Client

from tests.web.cases.conftest import CaseWorld, report


def test_the_case_page_shows_every_transition_with_actor_and_time(
    case_world: CaseWorld, case_clients: dict[str, Client]
) -> None:
    client = case_clients["marieke"]
    case = case_world.pupil_case
    response = client.post(f"/zaken/{case.pk}/status/", {"to_state": "besluit", "note": "Klaar"})
    assert response.status_code == 302
    body = client.get(f"/zaken/{case.pk}/").content.decode()
    history = body[body.index('id="history"'):]
    for t in case.transitions.select_related("actor"):
        assert t.to_state.replace("_", " ") in history or t.get_to_state_display() in history
        assert t.actor is not None and t.actor.username in history
    assert history.count("<tr>") == 1 + case.transitions.count()
    assert "Klaar" in history


def test_a_refused_step_says_why_and_changes_nothing(
    case_world: CaseWorld, case_clients: dict[str, Client]
) -> None:
    client = case_clients["marieke"]
    case = case_world.pupil_case
    response = client.post(f"/zaken/{case.pk}/status/", {"to_state": "heropend"}, follow=True)
    assert "kan de zaak niet naar" in response.content.decode()
    case.refresh_from_db()
    assert case.state == "in_behandeling"


def test_the_overview_counts_without_names(
    case_world: CaseWorld, case_clients: dict[str, Client]
) -> None:
    body = case_clients["bert"].get("/zaken/overzicht/").content.decode()
    assert "<svg" in body and "De Zonnewijzer" in body and "Waarschuwing" in body
    for name in ("Sanne", "Lisa", "Yilmaz", "Visser", "Fatma"):
        assert name not in body


def test_the_case_list_takes_the_same_queries_for_many_cases(
    case_world: CaseWorld, case_clients: dict[str, Client], django_assert_max_num_queries: Any
) -> None:
    client = case_clients["marieke"]
    client.get("/zaken/")  # warm the session
    with django_assert_max_num_queries(12) as few:
        client.get("/zaken/")
    for _ in range(6):
        report(case_world.world, "lisa", "Pesten")
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get("/zaken/").content.decode()
    assert body.count("/zaken/") >= 8


def test_the_file_list_takes_the_same_queries_for_many_files(
    case_world: CaseWorld, case_clients: dict[str, Client], django_assert_max_num_queries: Any
) -> None:
    from socialprotocol.web.cases.actions.measures import dossier_of
    from socialprotocol.web.people.models import Person

    client = case_clients["henk"]
    client.get("/dossiers/")
    with django_assert_max_num_queries(12) as few:
        client.get("/dossiers/")
    for p in Person.objects.filter(board=case_world.world.asko, external_id__startswith="m"):
        dossier_of(p, "personnel")
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get("/dossiers/").content.decode()
    assert body.count("personeelsdossier") >= 8


def test_a_pupil_reports_with_a_screenshot_and_hides_their_name(
    case_world: CaseWorld, case_clients: dict[str, Client]
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from socialprotocol.web.cases.models import Case
    from tests.web.cases.conftest import SCREENSHOT

    form = case_clients["lisa"].get("/meldingen/nieuw/").content.decode()
    assert 'name="hide_name"' in form and 'name="anonymous"' not in form
    response = case_clients["lisa"].post("/meldingen/nieuw/", {
        "description": "Ze schelden mij uit", "platform": "TikTok", "poster_role": "pupil",
        "post_context": "private", "hide_name": "on",
        "evidence": SimpleUploadedFile("x.png", SCREENSHOT, content_type="image/png"),
    })  # fmt: skip
    assert response.status_code == 200 and "Zaaknummer" in response.content.decode()
    case = Case.objects.get(description="Ze schelden mij uit")
    assert case.reporter_hidden and case.reporter is not None and case.evidence.count() == 1
    staff_form = case_clients["sanne"].get("/meldingen/nieuw/").content.decode()
    assert 'name="hide_name"' not in staff_form


def test_a_report_with_a_fake_image_is_refused_with_a_clear_message(
    case_world: CaseWorld, case_clients: dict[str, Client]
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = case_clients["lisa"].post("/meldingen/nieuw/", {
        "description": "x", "poster_role": "pupil", "post_context": "private",
        "evidence": SimpleUploadedFile("x.png", b"MZ not really", content_type="image/png"),
    })  # fmt: skip
    assert response.status_code == 400
    assert "Alleen schermafbeeldingen" in response.content.decode()


def test_an_anonymous_reporter_follows_up_with_the_receipt_code(
    case_world: CaseWorld, case_clients: dict[str, Client]
) -> None:
    import re

    from socialprotocol.web.cases.models import CaseSettings

    CaseSettings.objects.create(board=case_world.world.asko, anonymous_reports=True)
    client = case_clients["fatma"]
    response = client.post("/meldingen/nieuw/", {
        "description": "Anoniem", "post_text": "iets", "poster_role": "other",
        "post_context": "private", "anonymous": "on"})  # fmt: skip
    code = re.search(r'id="receipt">([0-9A-F]+)<', response.content.decode())
    assert code is not None
    found = client.post("/meldingen/volgen/", {"code": code.group(1)})
    assert found.status_code == 200 and "gemeld" in found.content.decode()
    assert client.post("/meldingen/volgen/", {"code": "ABCDEF123456"}).status_code == 404
    from socialprotocol.web.cases.models import Case

    anonymous = Case.objects.get(description="Anoniem")
    assert anonymous.reference not in client.get("/meldingen/").content.decode()


def test_the_report_page_speaks_english_when_asked(
    case_world: CaseWorld, case_clients: dict[str, Client]
) -> None:
    client = case_clients["lisa"]
    client.cookies["django_language"] = "en"
    body = client.get("/meldingen/nieuw/").content.decode()
    assert "Report a post" in body and "Do not show my name to the person I report" in body


def test_the_case_page_takes_a_bounded_number_of_queries(
    case_world: CaseWorld, case_clients: dict[str, Client], django_assert_max_num_queries: Any
) -> None:
    client = case_clients["bert"]
    url = f"/zaken/{case_world.staff_case.pk}/"
    client.get(url)
    with django_assert_max_num_queries(17):  # measured: 17 (incl. session, user, 2FA, audit)
        assert client.get(url).status_code == 200


def test_the_reported_persons_own_export_never_names_the_reporter(
    case_world: CaseWorld, case_clients: dict[str, Client]
) -> None:
    import io
    import zipfile

    response = case_clients["sanne"].post(f"/mijn-dossier/{case_world.personnel_file.pk}/export/")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    index = archive.read("index.json").decode()
    assert "Waarschuwing" in index and "Sanne Visser" in index
    assert "Fatma" not in index and "Yilmaz" not in index  # fatma reported this case
    assert archive.read("000.pdf").startswith(b"%PDF-")


def test_case_states_and_refusals_speak_english_when_asked(
    case_world: CaseWorld, case_clients: dict[str, Client]
) -> None:
    client = case_clients["marieke"]
    client.cookies["django_language"] = "en"
    case = case_world.pupil_case
    body = client.get(f"/zaken/{case.pk}/").content.decode()
    assert "in progress" in body and "History" in body
    response = client.post(f"/zaken/{case.pk}/status/", {"to_state": "heropend"}, follow=True)
    assert "the case cannot go to" in response.content.decode()


def test_the_case_page_shows_the_engines_findings_as_a_suggestion(
    case_world: CaseWorld, case_clients: dict[str, Client]
) -> None:
    body = case_clients["bert"].get(f"/zaken/{case_world.staff_case.pk}/").content.decode()
    suggestion = case_world.staff_case.suggestion
    assert suggestion is not None
    finding = next(f for f in suggestion["findings"] if f["rule"] == "A7")
    assert f'A7 · {finding["category"]}' in body
    from django.utils.html import escape

    assert escape(finding["message"]["nl"])[:30] in body


def test_the_audit_log_page_takes_the_same_queries_for_many_rows(
    case_world: CaseWorld, case_clients: dict[str, Client], django_assert_max_num_queries: Any
) -> None:
    client = case_clients["priya"]
    client.get("/privacy/log/")
    with django_assert_max_num_queries(12) as few:
        body = client.get("/privacy/log/").content.decode()
    assert "dossier_entry_added" in body and "case_transitioned" in body
    for _ in range(5):
        report(case_world.world, "lisa", "Pesten")
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get("/privacy/log/?event=case_reported").content.decode()
    assert body.count("case_reported") >= 7
