"""The consent flows in a real browser (Debian's chromium through Playwright):

- the teacher uploads a class photo, tags all its faces (23 people) by keyboard in under a
  minute, asks for the missing consent, the parent answers by the e-mailed link, the teacher
  downloads the copy;
- the parent gives and withdraws consent and sees where it was used.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core import mail

from socialprotocol.web.consent.actions import do_record_consent
from socialprotocol.web.consent.models import ConsentRecord, FaceTag, Publication, Purpose
from socialprotocol.web.consent.post_actions import (
    do_create_publication,
    do_make_copy,
    do_tag_faces,
)
from socialprotocol.web.people.models import Person
from tests.web.browser.test_check_page import DESKTOP, PHONE, SHOTS, axe_violations, log_in
from tests.web.conftest import World
from tests.web.consent.conftest import (  # noqa: F401  (fixtures)
    add_pupil,
    born_years_ago,
    fatma_person,
    purposes,
    tim,
)
from tests.web.consent.helpers import check_with_photo, link_in_last_mail
from tests.web.helpers import CITY

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CITY.exists(), reason="needs ../shared/data/images/city.jpg"),
]

NAMES = ["Aaron", "Bram", "Cas", "Emma", "Fenna", "Gijs", "Hugo", "Ilse", "Jesse", "Kees",
         "Lotte", "Mila", "Nina", "Olivier", "Pien", "Quinten", "Ruben", "Sophie", "Thijs",
         "Uma", "Vera"]  # fmt: skip


def test_a_teacher_tags_a_class_photo_asks_consent_and_downloads_the_blurred_copy(
    browser: Any, live_server: Any, world: World, purposes: dict[str, Purpose],  # noqa: F811
    fatma_person: Person, tim: Person, tmp_path: Path,  # noqa: F811
) -> None:  # fmt: skip
    world["fatma"].email = "fatma@example.org"
    world["fatma"].save()
    for i, name in enumerate(NAMES):
        pupil = add_pupil(world, f"c{i}", name, "Klas", born_years_ago(10))
        do_record_consent(pupil, purposes["social"], "given", given_by=fatma_person,
                          method="form", acting_user=None)  # fmt: skip
    context = browser.new_context(viewport=PHONE, locale="nl-NL", accept_downloads=True)
    page = context.new_page()
    base = live_server.url
    log_in(page, base, "sanne")
    page.get_by_label("Je bericht").fill("Groep 6 van ASKO in het museum!")
    page.get_by_label("Foto's, video's of geluid (mag leeg)").set_input_files(str(CITY))
    page.get_by_role("button", name="Controleer").click()
    page.wait_for_selector("#verdict", timeout=60_000)
    page.get_by_role("button", name="Tag wie erop staat en vraag toestemming").click()
    page.wait_for_selector("#tag-form")
    assert axe_violations(page) == []
    inputs = page.locator(".js-person")
    count = inputs.count()
    assert count >= 20  # the photo has 23 faces; the detector finds nearly all of them
    who = [*NAMES[: count - 2], "Tim"]  # everyone but the last face, which is 'onbekend'
    started = time.monotonic()
    inputs.first.focus()
    for i in range(count):
        field = inputs.nth(i)
        if i < len(who):
            page.keyboard.type(who[i])
            page.locator(f"#face-{i}-list [role=option]").first.wait_for()
            page.keyboard.press("Enter")
        else:
            page.keyboard.type("?")
            page.locator(f"#face-{i}-list [role=option]").last.wait_for()
            page.keyboard.press("ArrowUp")  # the last option: onbekend / niet herkenbaar
            page.keyboard.press("Enter")
        assert field.evaluate("el => el !== document.activeElement")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_selector(".messages")
    if SHOTS:
        page.set_viewport_size(DESKTOP)
        page.screenshot(path=f"{SHOTS}/consent-tagging-desktop.png", full_page=True)
        page.set_viewport_size(PHONE)
    elapsed = time.monotonic() - started
    print(f"tagged {count} faces by keyboard in {elapsed:.1f} s")
    assert elapsed < 60, elapsed
    pub = Publication.objects.get()
    tags = list(FaceTag.objects.filter(publication=pub).order_by("index"))
    assert [t.person.first_name for t in tags[:-1] if t.person] == who
    assert tags[-1].unknown
    assert page.locator("[data-untagged]").inner_text() == "0"

    page.get_by_role("button", name="Vraag toestemming aan wie nog niet ja zei").click()
    page.wait_for_selector(".messages")
    assert [m.to for m in mail.outbox] == [["fatma@example.org"]]  # only Tim's parent
    parent = browser.new_context(viewport=PHONE, locale="nl-NL").new_page()
    parent.goto(base + urlsplit(link_in_last_mail()).path)
    assert parent.get_by_role("img", name="De foto waarover het gaat").is_visible()
    assert axe_violations(parent) == []
    if SHOTS:
        parent.screenshot(path=f"{SHOTS}/consent-link-phone.png", full_page=True)
    parent.get_by_role("button", name="Ja, dit mag").click()
    parent.wait_for_selector("#answered")
    assert ConsentRecord.objects.filter(subject=tim, publication=pub, decision="given").exists()

    page.reload()
    page.get_by_role("button", name="Maak de publiceerbare kopie").click()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download de publiceerbare kopie").click()
    saved = tmp_path / "kopie.jpg"
    info.value.save_as(saved)
    assert saved.read_bytes()[:3] == b"\xff\xd8\xff"
    shown = FaceTag.objects.filter(publication=pub, shown_in_copy=True).count()
    assert shown == count - 1  # everyone tagged with consent; the unknown face is blurred
    context.close()


def test_a_parent_gives_and_withdraws_consent_and_sees_where_it_was_used(
    browser: Any, live_server: Any, world: World, purposes: dict[str, Purpose],  # noqa: F811
    fatma_person: Person, tim: Person,  # noqa: F811
) -> None:  # fmt: skip
    social = purposes["social"]
    do_record_consent(tim, social, "given", given_by=fatma_person, method="paper",
                      acting_user=None)  # fmt: skip
    item = check_with_photo(world["sanne"]).media.get()
    pub = do_create_publication(item, social, title="Schoolreisje", acting_user=world["sanne"])
    do_tag_faces(pub, {0: tim}, acting_user=world["sanne"])
    do_make_copy(pub, acting_user=world["sanne"])

    page = browser.new_context(viewport=PHONE, locale="nl-NL").new_page()
    log_in(page, live_server.url, "fatma")
    page.get_by_role("link", name="Toestemming", exact=True).click()
    section = page.locator(f"#person-{tim.pk}")
    assert "Schoolreisje" in section.inner_text()
    assert axe_violations(page) == []
    website = section.get_by_role("button", name="Ja, mag: Website van de school")
    website.click()
    page.wait_for_selector(".messages")
    assert ConsentRecord.objects.filter(subject=tim, purpose=purposes["website"]).exists()
    page.locator(f"#person-{tim.pk}").get_by_role(
        "button", name="Intrekken: Sociale media van de school"
    ).click()
    page.wait_for_selector(".messages")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/consent-parent-phone.png", full_page=True)
    text = page.locator(f"#person-{tim.pk}").inner_text()
    assert "geen toestemming meer: de school haalt dit weg" in text
    page.context.close()


def test_the_schools_consent_pages_pass_axe(
    browser: Any, live_server: Any, world: World, purposes: dict[str, Purpose],  # noqa: F811
    fatma_person: Person, tim: Person,  # noqa: F811
) -> None:  # fmt: skip
    from socialprotocol.web.people.models import Group

    do_record_consent(tim, purposes["social"], "given", given_by=fatma_person, method="paper",
                      evidence="archief 1", acting_user=None)  # fmt: skip
    groep = Group.objects.get(name="groep 6")
    page = browser.new_context(viewport=DESKTOP, locale="nl-NL").new_page()
    base = live_server.url
    log_in(page, base, "marieke")
    for url in ("/toestemming/", f"/toestemming/school/?groep={groep.pk}", "/toestemming/rondes/",
                f"/toestemming/personen/{tim.pk}/", f"/toestemming/personen/{tim.pk}/formulier/",
                "/toestemming/berichten/"):  # fmt: skip
        page.goto(base + url)
        assert axe_violations(page) == [], url
    page.context.close()
