"""Evidence uploads: bounded in size, judged by content (never by name or declared type)."""

from __future__ import annotations

import hashlib
import io
import os
import warnings
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image

_IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
MAX_PIXELS = 60_000_000


class EvidenceError(ValueError):
    """A file we do not take; the message is Dutch and shown to the user."""


@dataclass(frozen=True, slots=True)
class CheckedFile:
    name: str
    data: bytes
    sha256: str
    content_type: str


def _content_type(data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                if img.width * img.height > MAX_PIXELS:
                    raise EvidenceError(_("Deze afbeelding heeft te veel pixels."))
                kind = _IMAGE_TYPES.get(img.format or "")
                img.verify()
    except EvidenceError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError,
            Image.DecompressionBombWarning):  # fmt: skip
        kind = None
    if kind is None:
        raise EvidenceError(_("Alleen schermafbeeldingen (JPEG, PNG, WebP, GIF) en PDF's kunnen mee."))
    return kind


def check_evidence(upload: UploadedFile[Any]) -> CheckedFile:
    name = os.path.basename(upload.name or "bestand")[:120]
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    if upload.size is not None and upload.size > limit:
        raise EvidenceError(_("'%(name)s' is groter dan %(mb)s MB.") % {"name": name, "mb": settings.MAX_UPLOAD_MB})
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise EvidenceError(_("'%(name)s' is groter dan %(mb)s MB.") % {"name": name, "mb": settings.MAX_UPLOAD_MB})
    if not data:
        raise EvidenceError(_("'%(name)s' is leeg.") % {"name": name})
    try:
        kind = _content_type(data)
    except EvidenceError as exc:
        raise EvidenceError(f"'{name}': {exc}") from None
    return CheckedFile(name, data, hashlib.sha256(data).hexdigest(), kind)
