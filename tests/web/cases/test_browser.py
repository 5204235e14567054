"""Two cases walked in a browser, the pages passing axe-core (WCAG 2.1 AA) on the way: a staff
case (report → grensoverschrijdend → the vertrouwensinspecteur call recorded → measure → letter
in the personeelsdossier → closed) and a pupil case (report → suspension with its checklist →
letter to the parents in the leerlingendossier)."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings

from socialprotocol.web.cases.models import Case, DossierEntry
from tests.web.browser.test_check_page import axe_violations
from tests.web.cases.conftest import ABUSE, SCREENSHOT, add_personas
from tests.web.conftest import World, verified_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("purge_records_after")]


def as_user(browser: Any, base: str, world: World, name: str) -> Any:
    """A page logged in as ``name`` (past two-factor), via the session cookie."""
    client = verified_client(world[name])
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                          "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                          "url": base}])  # fmt: skip
    return context.new_page()


def report_post(page: Any, base: str, tmp: Any, text: str, poster: str) -> str:
    page.goto(f"{base}/meldingen/nieuw/")
    page.get_by_label("School").select_option(label="De Zonnewijzer")
    page.get_by_label("Platform").fill("Instagram")
    page.get_by_label("Tekst van het bericht").fill(text)
    page.get_by_label("Wie plaatste het bericht?").select_option(poster)
    page.get_by_label("Wat is er gebeurd?").fill("Dit bericht stond op Instagram.")
    shot = tmp / "scherm.png"
    shot.write_bytes(SCREENSHOT)
    page.get_by_label("Schermafbeeldingen (of PDF)").set_input_files(str(shot))
    assert axe_violations(page) == []
    page.get_by_role("button", name="Melding versturen").click()
    page.get_by_role("heading", name="Je melding is ontvangen").wait_for()
    return Case.objects.latest("created").reference


def open_case(page: Any, base: str, reference: str) -> None:
    page.goto(f"{base}/zaken/")
    page.get_by_role("link", name=reference).click()
    page.get_by_role("heading", name="Geschiedenis").wait_for()


def add_reported(page: Any, name: str, role: str) -> None:
    page.get_by_label("Persoon uit de school").select_option(label=name)
    page.locator("#id_person-role").select_option(role)
    page.get_by_label("Betrokken als").select_option("reported")
    page.get_by_role("button", name="Betrokkene toevoegen").click()
    page.get_by_text("Opgeslagen.").wait_for()


def set_state(page: Any, state: str) -> None:
    page.get_by_label("Naar status").select_option(state)
    page.get_by_role("button", name="Status wijzigen").click()
    page.get_by_text("Opgeslagen.").wait_for()


def decide(page: Any, measure: str) -> None:
    page.get_by_label("Maatregel", exact=True).select_option(label=measure)
    page.get_by_label("Besloten op").fill("2026-11-20")
    page.get_by_label("Redenen").fill("Kwetsende uitlatingen over een collega.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.get_by_text("Opgeslagen.").wait_for()


def test_a_staff_case_from_report_to_closed_file(
    browser: Any, live_server: Any, world: World, tmp_path: Any
) -> None:
    add_personas(world)
    base = live_server.url
    reporter = as_user(browser, base, world, "fatma")
    reference = report_post(reporter, base, tmp_path, ABUSE, "staff")

    page = as_user(browser, base, world, "bert")
    open_case(page, base, reference)
    assert "A7" in page.locator("#suggested").inner_text()
    assert axe_violations(page) == []
    add_reported(page, "Sanne Visser", "staff")
    set_state(page, "in_behandeling")
    page.get_by_role("button", name="Kwalificeer als grensoverschrijdend (D2)").click()
    task = page.locator("#task-vertrouwensinspecteur")
    assert "0900-111 3111" in task.inner_text()
    set_state(page, "besluit")
    page.get_by_label("Naar status").select_option("afgesloten")
    page.get_by_role("button", name="Status wijzigen").click()
    page.get_by_text("Rond eerst de verplichte taken af").wait_for()
    task.get_by_label("Gebeld door").fill("Bert Dekker")
    task.get_by_label("Gebeld op").fill("2026-11-20T10:30")
    task.get_by_label("Uitkomst").fill("Besproken; advies: gesprek en maatregel")
    task.get_by_label("Kenmerk").fill("LVI-2026-0412")
    task.get_by_role("button", name="Melding vastleggen").click()
    page.get_by_text("gebeld door Bert Dekker").wait_for()
    set_state(page, "in_behandeling")
    decide(page, "Berisping")
    page.get_by_role("button", name="Brief maken en in het dossier opnemen").click()
    page.get_by_text("Brief verstuurd en in het dossier opgenomen").wait_for()

    page.goto(f"{base}/dossiers/")
    page.get_by_role("link", name="personeelsdossier – Sanne Visser").click()
    page.get_by_label("Waarom zie je dit in?").fill("Controle na besluit")
    page.get_by_role("button", name="Inzien").click()
    assert "Berisping" in page.locator(".entries").inner_text()
    assert axe_violations(page) == []
    with page.expect_download() as info:
        page.get_by_role("link", name="PDF").click()
    assert info.value.path().read_bytes().startswith(b"%PDF-")

    open_case(page, base, reference)
    set_state(page, "besluit")
    set_state(page, "afgesloten")
    assert page.locator("#state").inner_text() == "afgesloten"
    history = page.locator("#history").inner_text()
    assert history.count("bert") >= 4 and "fatma" in history
    entry = DossierEntry.objects.get(dossier__person__first_name="Sanne")
    assert entry.dossier.kind == "personnel"


def test_a_pupil_case_with_a_suspension_and_its_checklist(
    browser: Any, live_server: Any, world: World, tmp_path: Any
) -> None:
    base = live_server.url
    reporter = as_user(browser, base, world, "sanne")
    reference = report_post(reporter, base, tmp_path, "Juf Sanne is dom en lelijk", "pupil")

    page = as_user(browser, base, world, "marieke")
    open_case(page, base, reference)
    add_reported(page, "Lisa Yilmaz", "pupil")
    set_state(page, "in_behandeling")
    decide(page, "Schorsing")
    steps = page.locator(".checklist li")
    assert steps.count() == 2
    assert "Schorsing langer dan één dag: melden bij de inspectie" in steps.nth(1).inner_text()
    steps.nth(0).get_by_role("button", name="Afvinken").click()
    page.get_by_text("Opgeslagen.").wait_for()
    assert "☑" in page.locator(".checklist li").nth(0).inner_text()
    page.get_by_role("button", name="Brief maken en in het dossier opnemen").click()
    page.get_by_text("Brief verstuurd en in het dossier opgenomen").wait_for()

    page.goto(f"{base}/dossiers/")
    page.get_by_role("link", name="leerlingendossier – Lisa Yilmaz").click()
    page.get_by_label("Waarom zie je dit in?").fill("Brief aan ouders nalezen")
    page.get_by_role("button", name="Inzien").click()
    letter = page.locator(".entries").inner_text()
    assert "Aan de ouders/verzorgers van Lisa Yilmaz" in letter and "Schorsing" in letter

    parent = as_user(browser, base, world, "fatma")
    parent.goto(f"{base}/mijn-dossier/")
    assert "leerlingendossier – Lisa Yilmaz" in parent.locator("main").inner_text()
    assert axe_violations(parent) == []
