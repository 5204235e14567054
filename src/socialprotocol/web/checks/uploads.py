"""Uploaded photos, videos and recordings: bounded in size and count, judged by content."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from socialprotocol.engine.model import InputError

_CONTENT_TYPES = {
    "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp", "heif": "image/heif",
    "gif": "image/gif", "tiff": "image/tiff", "bmp": "image/bmp", "mp4": "video/mp4",
    "mov": "video/quicktime", "webm": "video/webm", "mp3": "audio/mpeg", "wav": "audio/wav",
    "ogg": "audio/ogg", "flac": "audio/flac", "m4a": "audio/mp4",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Upload:
    file: UploadedFile[Any]
    name: str
    kind: str  # image | video | audio
    content_type: str


@contextmanager
def _path_of(upload: UploadedFile[Any]) -> Iterator[str]:
    path = getattr(upload, "temporary_file_path", None)
    if path is not None:
        yield path()
        return
    with tempfile.NamedTemporaryFile(suffix=".upload") as tmp:
        for chunk in upload.chunks():
            tmp.write(chunk)
        tmp.flush()
        yield tmp.name
    upload.seek(0)


def inspect_upload(upload: UploadedFile[Any]) -> Upload:
    """Raise InputError (Dutch) for a file we do not take; never trust the name or the type."""
    name = os.path.basename(upload.name or "bestand")[:120]
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    if upload.size is not None and upload.size > limit:
        raise InputError(
            f"Bestand '{name}' is te groot; de grens is {settings.MAX_UPLOAD_MB} MB per bestand."
        )
    try:
        from socialprotocol.engine.media.config import MediaLimits
        from socialprotocol.engine.media.sniff import sniff
    except ImportError:  # an engine without media support: photos only, checked by Pillow
        return _image_only(upload, name)

    with _path_of(upload) as path:
        try:
            sniffed = sniff(path, MediaLimits(max_bytes=limit))
            if sniffed.kind == "image":
                from socialprotocol.engine.media.images import open_image

                open_image(path).close()
        except InputError as exc:
            # The engine names the file it read: here a temporary file, so say the real name.
            raise InputError(str(exc).replace(os.path.basename(path), name)) from None
        except Exception:
            raise InputError(f"Foto '{name}' is beschadigd en kan niet geopend worden.") from None
    upload.seek(0)
    fmt = sniffed.format
    content_type = _CONTENT_TYPES.get(fmt, "application/octet-stream")
    kind = "image" if sniffed.kind == "image" else content_type.split("/")[0]
    if kind not in {"image", "video", "audio"}:
        kind = "video"
    return Upload(upload, name, kind, content_type)


def _image_only(upload: UploadedFile[Any], name: str) -> Upload:
    from PIL import Image

    try:
        with Image.open(upload) as img:
            fmt = (img.format or "").lower()
            img.verify()
    except Exception:
        raise InputError(f"Bestand '{name}' is geen foto die we kunnen openen.") from None
    upload.seek(0)
    return Upload(upload, name, "image", _CONTENT_TYPES.get(fmt, "image/jpeg"))
