"""Opening video and audio files with PyAV, within limits, and reading their sound as 16 kHz mono."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import av
import numpy as np
import numpy.typing as npt

from socialprotocol.engine.media.config import MediaLimits
from socialprotocol.engine.media.sniff import sniff
from socialprotocol.engine.model import InputError

AV_ERRORS: tuple[type[BaseException], ...] = (av.FFmpegError, OSError, ValueError, EOFError)


@dataclass(frozen=True, slots=True)
class AvInfo:
    duration_s: float
    has_video: bool
    has_audio: bool
    width: int = 0
    height: int = 0
    fps: float = 0.0
    frames: int = 0  # estimated
    tags: tuple[tuple[str, str], ...] = ()


@contextmanager
def open_av(path: str, limits: MediaLimits | None = None) -> Iterator[tuple[Any, AvInfo]]:
    """Open a video or audio file, check its limits and yield (container, info)."""
    limits = limits or MediaLimits()
    name = os.path.basename(path)
    kind = sniff(path, limits)
    if kind.kind != "av":
        raise InputError(f"Bestand '{name}' is een foto, geen video of geluidsopname.")
    try:
        container = av.open(path, metadata_errors="ignore")
    except AV_ERRORS as exc:
        raise InputError(f"Bestand '{name}' is beschadigd of onleesbaar ({_why(exc)}).") from None
    try:
        info = _info(container)
        _check(name, info, limits)
        yield container, info
    finally:
        container.close()


def probe_av(path: str, limits: MediaLimits | None = None) -> AvInfo:
    with open_av(path, limits) as (_, info):
        return info


def _info(container: Any) -> AvInfo:
    video = container.streams.video[0] if container.streams.video else None
    audio = container.streams.audio[0] if container.streams.audio else None
    duration = container.duration / 1_000_000 if container.duration else 0.0
    for stream in (video, audio):
        if stream is not None and stream.duration and stream.time_base:
            duration = max(duration, float(stream.duration * stream.time_base))
    tags = list(container.metadata.items())
    for stream in container.streams:
        tags.extend(stream.metadata.items())
    if video is None:
        return AvInfo(duration, False, audio is not None, tags=tuple(tags))
    rate = video.average_rate or video.guessed_rate or Fraction(30)
    fps = float(rate)
    frames = video.frames or round(duration * fps)
    return AvInfo(
        duration,
        True,
        audio is not None,
        video.codec_context.width,
        video.codec_context.height,
        fps,
        frames,
        tuple(tags),
    )


def _check(name: str, info: AvInfo, limits: MediaLimits) -> None:
    if not info.has_video and not info.has_audio:
        raise InputError(f"Bestand '{name}' bevat geen beeld en geen geluid.")
    if info.duration_s > limits.max_duration_s:
        raise InputError(
            f"'{name}' duurt {_hms(info.duration_s)}; de grens is {_hms(limits.max_duration_s)}. "
            "Knip de opname in kortere stukken."
        )
    if info.has_video:
        if info.width * info.height > limits.max_frame_pixels:
            raise InputError(
                f"Video '{name}' is te groot ({info.width} x {info.height}); "
                f"de grens is {limits.max_frame_pixels / 1e6:.1f} megapixel per beeld."
            )
        if info.frames > limits.max_frames:
            raise InputError(
                f"Video '{name}' heeft te veel beelden ({info.frames}); de grens is {limits.max_frames}."
            )


def _hms(seconds: float) -> str:
    s = round(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def _why(exc: BaseException) -> str:
    return str(exc).split(":")[0] if str(exc) else type(exc).__name__


def read_sound(
    path: str, limits: MediaLimits | None = None, rate: int = 16000
) -> npt.NDArray[np.float32]:
    """The first sound track as mono float32 samples at ``rate``; empty if there is none."""
    limits = limits or MediaLimits()
    name = os.path.basename(path)
    max_samples = int(limits.max_duration_s * rate) + rate
    with open_av(path, limits) as (container, info):
        if not info.has_audio:
            return np.zeros(0, dtype=np.float32)
        stream = container.streams.audio[0]
        resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
        chunks: list[npt.NDArray[np.float32]] = []
        total = 0
        try:
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    chunk = out.to_ndarray().reshape(-1).astype(np.float32, copy=False)
                    chunks.append(chunk)
                    total += len(chunk)
                if total > max_samples:
                    raise InputError(f"Het geluid van '{name}' duurt langer dan de grens.")
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1).astype(np.float32, copy=False))
        except AV_ERRORS as exc:
            if not chunks:
                raise InputError(f"Het geluid van '{name}' is onleesbaar ({_why(exc)}).") from None
            # a damaged tail: keep what was decoded
    return np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.float32)
