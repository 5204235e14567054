"""Settings for media work, as dataclasses with safe defaults.

Limits are what keeps a hostile or huge upload from exhausting a worker: they are checked from
the file's header before anything is decoded. The web app reads its own values from the
environment and passes a ``MediaLimits``; the defaults suit a laptop.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Style = Literal["blur", "pixelate", "solid"]
STYLES: tuple[Style, ...] = ("blur", "pixelate", "solid")


@dataclass(frozen=True, slots=True)
class MediaLimits:
    max_bytes: int = 2 * 1024**3  # 2 GiB
    max_image_pixels: int = 60_000_000  # a 50 MP camera is fine, a decompression bomb is not
    max_frame_pixels: int = 3840 * 2160  # 4K video
    max_duration_s: float = 20 * 60.0  # longer videos and recordings are refused, not cut
    max_frames: int = 20 * 60 * 60  # 20 minutes at 60 frames/s


@dataclass(frozen=True, slots=True)
class DetectorConfig:
    """How the face detector looks at a picture.

    ``work_pixels`` is the size the picture is scaled to for the fine pass: small faces in group
    photos survive, and the cost stays bounded for any camera. A second pass at ``second_scale``
    of that catches weak faces the first one scores just below the threshold; a coarse pass at
    ``coarse_side`` finds faces that fill the frame. Scaled pictures larger than ``tile`` on a
    side are cut into overlapping tiles so memory stays bounded.
    """

    # int8 (bench/tools/quantize_centerface.py): same faces found on the bench photos, about
    # half the CPU time with VNNI; "centerface.onnx" is the float original
    model: str = "centerface-int8.onnx"
    threshold: float = 0.3
    work_pixels: int = 1_500_000
    second_scale: float = 0.75
    max_upscale: float = 1.8
    coarse_side: int = 640
    tile: int = 2048
    tile_overlap: int = 96
    nms_iou: float = 0.3
    min_face_px: int = (
        9  # in the original picture; smaller is noise, and too small to know anyone by
    )
    threads: int = 2

    @classmethod
    def thorough(cls) -> DetectorConfig:
        """For crowds in large photos: the fine pass at about the photo's own size, so faces
        down to about 12 pixels are found; several times slower on photos over 2 megapixels."""
        return cls(work_pixels=13_000_000, second_scale=0.5)


@dataclass(frozen=True, slots=True)
class VideoConfig:
    """Detection on every ``detect_every``-th frame; boxes in between are tracked."""

    detect_every: int = 4
    work_pixels: int = 300_000  # 730x410 for 16:9: faces from about 18 pixels in 720p
    threshold: float = 0.25
    hold_frames: int = 6  # keep a box this long after a face was last seen
    crf: int = 23
    preset: str = "superfast"


@dataclass(frozen=True, slots=True)
class RedactConfig:
    # Blur is the default: on the 12 MP crowd it is the style after which the detector finds
    # nothing left where it covered (pixelated blocks of a big face still read as a face when
    # the photo is looked at small).
    style: Style = "blur"
    # Cells across the padded face for "pixelate": few enough that nobody can be recognised.
    # "blur" takes one fewer, halves their contrast and smooths between them.
    cells: int = 4
    margin: float = 0.6  # padding around the detected box (hair, ears), as a share of its size
    keep_audio: bool = True
    jpeg_quality: int = 90
    detector: DetectorConfig = field(default_factory=DetectorConfig)
    video: VideoConfig = field(default_factory=VideoConfig)
    limits: MediaLimits = field(default_factory=MediaLimits)


@dataclass(frozen=True, slots=True)
class VoiceConfig:
    threshold: float = 0.5
    min_speech_s: float = 0.25
    min_silence_s: float = 0.3
    pad_s: float = 0.05
