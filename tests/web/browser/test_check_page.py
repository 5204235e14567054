"""A person in a browser: log in, check a post with a photo, apply a fix, download the blurred
photo; the pages pass axe-core (WCAG 2.1 AA) on a phone and a desktop."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import PASSWORD, World
from tests.web.helpers import CITY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = Path(__file__).with_name("axe.min.js")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SHOTS = os.environ.get("SOCIALPROTOCOL_SCREENSHOTS")  # a folder: also save screenshots there


def axe_violations(page: Any) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}×)" for v in result["violations"]]


def log_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/account/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{base}/")


@pytest.mark.skipif(not CITY.exists(), reason="needs ../shared/data/images/city.jpg")
def test_a_teacher_checks_a_post_with_a_photo_fixes_it_and_downloads_the_blurred_photo(
    browser: Any, live_server: Any, world: World, tmp_path: Path
) -> None:
    context = browser.new_context(viewport=PHONE, locale="nl-NL", accept_downloads=True)
    page = context.new_page()
    base = live_server.url
    log_in(page, base, "sanne")
    assert page.get_by_role("heading", name="Controleer je bericht").is_visible()
    assert axe_violations(page) == []
    page.get_by_label("Je bericht").fill(
        "Leuke excursie met groep 6 van ASKO! Vragen? Bel me op 06-12345678."
    )
    page.get_by_label("Foto's, video's of geluid (mag leeg)").set_input_files(str(CITY))
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/check-page-phone.png", full_page=True)
    page.get_by_role("button", name="Controleer").click()
    page.wait_for_selector("#verdict", timeout=60_000)
    assert axe_violations(page) == []
    assert page.locator("mark").first.is_visible()
    if SHOTS:
        page.set_viewport_size(DESKTOP)
        page.screenshot(path=f"{SHOTS}/check-result-desktop.png", full_page=True)
        page.set_viewport_size(PHONE)
    page.get_by_role("button", name="Vervang door: [telefoonnummer]").click()
    page.wait_for_selector("#verdict")
    assert "06-12345678" not in page.locator(".post").first.inner_text()
    page.get_by_role("button", name="Vervaag de gezichten").click()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download de vervaagde foto").click()
    saved = tmp_path / "vervaagd.jpg"
    info.value.save_as(saved)
    assert saved.read_bytes()[:3] == b"\xff\xd8\xff"
    context.close()


def test_the_check_page_on_a_desktop_passes_axe_in_english(
    browser: Any, live_server: Any, world: World
) -> None:
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL")
    page = context.new_page()
    log_in(page, live_server.url, "fatma")
    page.get_by_role("button", name="English").click()
    page.wait_for_selector("text=Check your post")
    assert axe_violations(page) == []
    if SHOTS:
        page.get_by_role("button", name="Nederlands").click()
        page.wait_for_selector("text=Controleer je bericht")
        page.screenshot(path=f"{SHOTS}/check-page-desktop.png", full_page=True)
    context.close()


def test_the_login_and_authenticator_pages_pass_axe_on_a_phone(
    browser: Any, live_server: Any, world: World
) -> None:
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{live_server.url}/account/login/")
    assert axe_violations(page) == []
    page.get_by_label("Gebruikersnaam").fill("henk")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_selector("text=Scan deze QR-code met de app:")
    assert axe_violations(page) == []
    context.close()
