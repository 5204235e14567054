"""The media engine: scan a file (faces, voices, metadata) or write a redacted copy."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import av
import numpy as np
from PIL import Image

from socialprotocol.engine.media.avfile import AV_ERRORS, open_av, read_sound
from socialprotocol.engine.media.blur import cover, pad_box
from socialprotocol.engine.media.config import RedactConfig, Style, VoiceConfig
from socialprotocol.engine.media.faces import Box, Face, FaceDetector
from socialprotocol.engine.media.images import load_upright, open_image
from socialprotocol.engine.media.metadata import MetadataItem, av_metadata, image_metadata
from socialprotocol.engine.media.sniff import sniff
from socialprotocol.engine.media.video import (
    FaceTrack,
    Progress,
    redact_video,
    rotation_turns,
    scan_video,
)
from socialprotocol.engine.media.voice import Speech, VoiceDetector
from socialprotocol.engine.model import InputError

MediaKind = Literal["image", "video", "audio"]

_IMAGE_OUT = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".heic": "HEIF"}
_AUDIO_OUT = {
    ".m4a": "ipod",
    ".mp4": "mp4",
    ".mp3": "mp3",
    ".wav": "wav",
    ".ogg": "ogg",
    ".opus": "ogg",
}


@dataclass(frozen=True, slots=True)
class MediaScan:
    """What a file shows and holds. Boxes are in pixels of the upright picture."""

    kind: MediaKind
    width: int = 0
    height: int = 0
    duration_s: float = 0.0
    faces: list[Face] = field(default_factory=list)  # photos
    tracks: list[FaceTrack] = field(default_factory=list)  # videos
    voices: list[Speech] = field(default_factory=list)  # videos and audio
    metadata: list[MetadataItem] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RedactResult:
    kind: MediaKind
    out_path: str
    covered: list[Box]  # photos: the face boxes made unrecognisable
    kept: list[Box]  # photos: faces left as they are because a keep box marked them
    tracks: int = 0  # videos: faces followed
    frames: int = 0
    metadata_removed: list[MetadataItem] = field(default_factory=list)


class MediaEngine:
    """Holds the loaded models. Build once (about 0.2 s), use from any thread."""

    def __init__(
        self, config: RedactConfig | None = None, voice: VoiceConfig | None = None
    ) -> None:
        self.config = config or RedactConfig()
        self.faces = FaceDetector(self.config.detector)
        self.voices = VoiceDetector(voice)

    # --- looking ------------------------------------------------------------------------------

    def kind(self, path: str) -> MediaKind:
        sniffed = sniff(path, self.config.limits)
        if sniffed.kind == "image":
            return "image"
        with open_av(path, self.config.limits) as (_, info):
            return "video" if info.has_video else "audio"

    def detect_faces(self, path: str) -> list[Face]:
        """Faces in a photo (boxes in upright pixels). Raises InputError for a bad file."""
        upright, _ = load_upright(path, self.config.limits)
        return self.faces.detect(upright)

    def find_voices(self, path: str) -> list[Speech]:
        """Stretches of speech in an audio file or in a video's sound."""
        return self.voices.segments(read_sound(path, self.config.limits))

    def read_metadata(self, path: str) -> list[MetadataItem]:
        if sniff(path, self.config.limits).kind == "image":
            with open_image(path, self.config.limits) as img:
                return image_metadata(img)
        with open_av(path, self.config.limits) as (_, info):
            return av_metadata(info.tags)

    def scan(self, path: str, progress: Progress | None = None) -> MediaScan:
        if sniff(path, self.config.limits).kind == "image":
            upright, original = load_upright(path, self.config.limits)
            meta = image_metadata(original)
            original.close()
            w, h = upright.size
            return MediaScan("image", w, h, faces=self.faces.detect(upright), metadata=meta)
        with open_av(path, self.config.limits) as (_, info):
            meta = av_metadata(info.tags)
        voices = self.find_voices(path) if info.has_audio else []
        if not info.has_video:
            return MediaScan("audio", duration_s=info.duration_s, voices=voices, metadata=meta)
        video = scan_video(path, self.faces, self.config, progress)
        width, height = (
            (info.height, info.width) if rotation_turns(path) % 2 else (info.width, info.height)
        )
        return MediaScan(
            "video",
            width,
            height,
            info.duration_s,
            tracks=video.tracks,
            voices=voices,
            metadata=meta,
        )

    # --- redacting ----------------------------------------------------------------------------

    def redact(
        self,
        in_path: str,
        out_path: str,
        keep: Sequence[Box] = (),
        *,
        style: Style | None = None,
        keep_audio: bool | None = None,
        progress: Progress | None = None,
    ) -> RedactResult:
        """Write a copy of ``in_path`` to ``out_path`` with every face not inside a ``keep`` box
        made unrecognisable and identifying metadata removed. The original is never changed."""
        cfg = self.config
        if style is not None or keep_audio is not None:
            cfg = replace(
                cfg,
                style=style or cfg.style,
                keep_audio=cfg.keep_audio if keep_audio is None else keep_audio,
            )
        if os.path.abspath(in_path) == os.path.abspath(out_path):
            raise InputError("Het uitvoerbestand moet een ander bestand zijn dan het origineel.")
        kind = self.kind(in_path)
        removed = self.read_metadata(in_path)
        if kind == "image":
            return replace(
                self._redact_image(in_path, out_path, list(keep), cfg), metadata_removed=removed
            )
        if kind == "audio":
            _copy_audio(in_path, out_path, cfg)
            return RedactResult("audio", out_path, [], [], metadata_removed=removed)
        result = redact_video(in_path, out_path, self.faces, cfg, list(keep), progress)
        return RedactResult("video", out_path, [], [], len(result.tracks), result.frames, removed)

    def _redact_image(
        self, in_path: str, out_path: str, keep: list[Box], cfg: RedactConfig
    ) -> RedactResult:
        ext = os.path.splitext(out_path)[1].lower()
        fmt = _IMAGE_OUT.get(ext)
        if fmt is None:
            raise InputError(
                f"Kies voor de foto een uitvoerbestand op .jpg, .png, .webp of .heic, niet '{ext}'."
            )
        upright, original = load_upright(in_path, cfg.limits)
        icc = original.info.get("icc_profile")
        original.close()
        faces = self.faces.detect(upright)
        w, h = upright.size
        covered, kept = [], []
        for face in faces:
            if _inside(face.box, keep):
                kept.append(face.box)
                continue
            x, y, bw, bh = pad_box(face.box, cfg.margin, w, h)
            region = np.array(upright.crop((x, y, x + bw, y + bh)), dtype=np.uint8)
            cover(region, (0, 0, bw, bh), cfg.style, cfg.cells)
            upright.paste(Image.fromarray(region, "RGB"), (x, y))
            covered.append(face.box)
        _save_clean(upright, out_path, fmt, cfg.jpeg_quality, icc)
        return RedactResult("image", out_path, covered, kept)


def _inside(box: Box, keep: list[Box]) -> bool:
    cx, cy = box[0] + box[2] / 2, box[1] + box[3] / 2
    return any(k[0] <= cx <= k[0] + k[2] and k[1] <= cy <= k[1] + k[3] for k in keep)


def _save_clean(img: Image.Image, out_path: str, fmt: str, quality: int, icc: object) -> None:
    """Save with no EXIF, XMP, IPTC or text chunks: the info they would come from is emptied."""
    img.info = {}
    kwargs: dict[str, object] = {}
    if isinstance(icc, bytes):
        kwargs["icc_profile"] = icc  # colours only; says nothing about a person or place
    if fmt == "JPEG":
        kwargs.update(quality=quality, optimize=False)
    elif fmt == "WEBP":
        kwargs.update(quality=quality)
    elif fmt == "HEIF":
        from pillow_heif import register_heif_opener

        register_heif_opener()
        kwargs.update(quality=quality)
    try:
        img.save(out_path, fmt, **kwargs)
    except OSError as exc:
        raise InputError(f"Kan '{out_path}' niet schrijven ({exc.strerror or exc}).") from None


def _copy_audio(in_path: str, out_path: str, cfg: RedactConfig) -> None:
    """Audio keeps its sound (voices need consent, not blurring); only metadata goes."""
    ext = os.path.splitext(out_path)[1].lower()
    fmt = _AUDIO_OUT.get(ext)
    if fmt is None:
        raise InputError(
            f"'{os.path.basename(in_path)}' bevat geen beeld, alleen geluid; kies een "
            f"uitvoerbestand op .m4a, .mp4, .mp3, .wav of .ogg, niet '{ext}'."
        )
    codec = {
        "ipod": "aac",
        "mp4": "aac",
        "mp3": "libmp3lame",
        "wav": "pcm_s16le",
        "ogg": "libopus",
    }[fmt]
    with open_av(in_path, cfg.limits) as (src, _):
        ain = src.streams.audio[0]
        try:
            dst = av.open(out_path, "w", format=fmt)
        except AV_ERRORS as exc:
            raise InputError(f"Kan '{out_path}' niet schrijven ({exc}).") from None
        try:
            rate = 48000 if codec == "libopus" else (ain.rate or 44100)
            out: Any = dst.add_stream(codec, rate=rate)
            dst.metadata.clear()
            for frame in src.decode(ain):
                frame.pts = None
                for packet in out.encode(frame):
                    dst.mux(packet)
            for packet in out.encode(None):
                dst.mux(packet)
        finally:
            dst.close()
