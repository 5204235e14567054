"""What a file really is, judged by its first bytes and never by its name."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

from socialprotocol.engine.media.config import MediaLimits
from socialprotocol.engine.model import InputError

Kind = Literal["image", "av"]  # "av" = audio and/or video; PyAV tells which streams it has

_FTYP_IMAGE = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif"}


@dataclass(frozen=True, slots=True)
class Sniffed:
    kind: Kind
    format: str  # jpeg, png, webp, heif, gif, tiff, bmp, mp4, webm, mp3, wav, ogg, flac, ...
    size: int


def sniff(path: str, limits: MediaLimits | None = None) -> Sniffed:
    """Classify ``path`` by content; raise ``InputError`` (Dutch) for what we cannot take."""
    limits = limits or MediaLimits()
    name = os.path.basename(path)
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as fh:
            head = fh.read(64)
    except FileNotFoundError:
        raise InputError(f"Bestand '{name}' bestaat niet.") from None
    except IsADirectoryError:
        raise InputError(f"'{name}' is een map, geen bestand.") from None
    except OSError as exc:
        raise InputError(f"Bestand '{name}' kan niet gelezen worden ({exc.strerror}).") from None
    if size == 0:
        raise InputError(f"Bestand '{name}' is leeg (0 bytes).")
    if size > limits.max_bytes:
        raise InputError(
            f"Bestand '{name}' is te groot ({size / 1024**2:.0f} MB); "
            f"de grens is {limits.max_bytes / 1024**2:.0f} MB."
        )
    fmt = _format(head)
    if fmt is None:
        raise InputError(
            f"Bestand '{name}' is geen foto, video of geluidsopname die we kennen "
            "(JPEG, PNG, WebP, HEIC, MP4, MOV, WebM, MP3, M4A, WAV, OGG)."
        )
    kind: Kind = "image" if fmt in {"jpeg", "png", "webp", "heif", "gif", "tiff", "bmp"} else "av"
    return Sniffed(kind, fmt, size)


def _format(head: bytes) -> str | None:
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _FTYP_IMAGE:
            return "heif"
        return "mp4"  # mp4, mov (qt), m4a, 3gp: PyAV reads the streams
    if head[4:8] in {b"moov", b"mdat", b"wide", b"free"}:
        return "mp4"  # old QuickTime files without ftyp
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"fLaC"):
        return "flac"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "mp3"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"BM"):
        return "bmp"
    return None
