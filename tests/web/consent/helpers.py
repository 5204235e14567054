from __future__ import annotations

import re

from django.core import mail
from django.core.files.base import ContentFile

from socialprotocol.web.checks.models import Check, CheckMedia
from tests.web.helpers import CITY, make_check


def check_with_photo(user: object) -> Check:
    """A check by ``user`` holding the 23-face city photo (no media run needed)."""
    check = make_check(user, "Onze klas bij het museum, ASKO excursie")
    item = CheckMedia(check_obj=check, index=0, name="klas.jpg", kind="image",
                      content_type="image/jpeg", size=CITY.stat().st_size, width=800, height=564)  # fmt: skip
    item.file.save("klas.jpg", ContentFile(CITY.read_bytes()), save=False)
    item.save()
    return check


def link_in_last_mail() -> str:
    body = mail.outbox[-1].body
    found = re.search(r"https?://\S+/toestemming/link/\S+/", body)
    assert found, body
    return found.group(0)
