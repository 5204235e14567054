"""Photos, video and sound (protocol article A5): faces, voices, metadata, redaction.

The library API the CLI and the web app use. Build a ``MediaEngine`` once (it loads the ONNX
models) and call it from any thread; the module-level functions use a shared default engine.

    from socialprotocol.engine.media import MediaEngine, RedactConfig
    engine = MediaEngine(RedactConfig(style="pixelate"))
    faces = engine.detect_faces("klas.jpg")                 # list[Face], Face.box = (x, y, w, h)
    engine.redact("klas.jpg", "klas-veilig.jpg", keep=[faces[0].box])
    scan = engine.scan("uitje.mp4", progress=lambda label, fraction: ...)

Every function raises ``socialprotocol.engine.model.InputError`` with a Dutch message for a
file it cannot take (empty, damaged, wrong type, over a limit). Faces are detected, never
recognised: nothing about who someone is is computed or stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from socialprotocol.engine.media.config import (
    STYLES,
    DetectorConfig,
    MediaLimits,
    RedactConfig,
    Style,
    VideoConfig,
    VoiceConfig,
)
from socialprotocol.engine.media.engine import MediaEngine, MediaKind, MediaScan, RedactResult
from socialprotocol.engine.media.faces import Box, Face, FaceDetector
from socialprotocol.engine.media.metadata import MetadataItem
from socialprotocol.engine.media.video import FaceTrack, Progress
from socialprotocol.engine.media.voice import Speech, VoiceDetector

__all__ = [
    "STYLES",
    "Box",
    "DetectorConfig",
    "Face",
    "FaceDetector",
    "FaceTrack",
    "MediaEngine",
    "MediaKind",
    "MediaLimits",
    "MediaScan",
    "MetadataItem",
    "Progress",
    "RedactConfig",
    "RedactResult",
    "Speech",
    "Style",
    "VideoConfig",
    "VoiceConfig",
    "VoiceDetector",
    "default_engine",
    "detect_faces",
    "find_voices",
    "read_metadata",
    "redact",
    "scan",
    "validate",
]


def validate(path: str, limits: MediaLimits | None = None) -> MediaKind:
    """Check a file from its header only (type by content, size, pixels, duration) without
    loading any model; raise ``InputError`` with a Dutch message when it cannot be used.
    For upload forms and the command line, before a check is queued."""
    from socialprotocol.engine.media.avfile import probe_av
    from socialprotocol.engine.media.images import open_image
    from socialprotocol.engine.media.sniff import sniff

    limits = limits or MediaLimits()
    if sniff(path, limits).kind == "image":
        open_image(path, limits).close()
        return "image"
    return "video" if probe_av(path, limits).has_video else "audio"


@cache
def default_engine() -> MediaEngine:
    """The shared engine with default settings, loaded on first use."""
    return MediaEngine()


def detect_faces(path: str) -> list[Face]:
    return default_engine().detect_faces(path)


def find_voices(path: str) -> list[Speech]:
    return default_engine().find_voices(path)


def read_metadata(path: str) -> list[MetadataItem]:
    return default_engine().read_metadata(path)


def scan(path: str, progress: Progress | None = None) -> MediaScan:
    return default_engine().scan(path, progress)


def redact(
    in_path: str,
    out_path: str,
    keep: Sequence[Box] = (),
    *,
    style: Style | None = None,
    keep_audio: bool | None = None,
    progress: Progress | None = None,
) -> RedactResult:
    return default_engine().redact(
        in_path, out_path, keep, style=style, keep_audio=keep_audio, progress=progress
    )
