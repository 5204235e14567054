from __future__ import annotations

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from socialprotocol.engine.inputs import post_from_mapping
from socialprotocol.web.checks.actions import do_create_check
from socialprotocol.web.checks.models import Check
from socialprotocol.web.people.access import access_of

ROOT = Path(__file__).resolve().parents[2]
CITY = ROOT.parent / "shared" / "data" / "images" / "city.jpg"
PHONE_POST = "Bel me op 06-12345678 over de excursie van ASKO"


def make_check(user: object, text: str = PHONE_POST) -> Check:
    board = access_of(user).board
    assert board is not None
    post = post_from_mapping({"text": text, "role": "staff", "context": "work"})
    return do_create_check(board, post, [], acting_user=user)


def photo_upload(name: str = "klas.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, CITY.read_bytes(), content_type="image/jpeg")


def tiny_png() -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 180, 160)).save(buf, "PNG")
    return buf.getvalue()
