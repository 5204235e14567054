"""Video: faces detected every few frames and tracked in between; redaction re-encodes.

Frames are kept in a short buffer until the next detection, so every frame is covered using
detections on both sides of it. Sound is copied as it is, re-encoded when the new container
cannot hold it, or left out on request. The output container gets no metadata.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import av
import numpy as np

from socialprotocol.engine.media.avfile import AV_ERRORS, AvInfo, open_av
from socialprotocol.engine.media.blur import cover, pad_box
from socialprotocol.engine.media.config import RedactConfig, VideoConfig
from socialprotocol.engine.media.faces import Box, FaceDetector, merge_boxes
from socialprotocol.engine.media.tracking import FBox, Tracker
from socialprotocol.engine.model import InputError

Progress = Callable[[str, float], None]

_CONTAINERS = {".mp4": "mp4", ".m4v": "mp4", ".mov": "mov", ".mkv": "matroska", ".webm": "webm"}


@dataclass(frozen=True, slots=True)
class FaceTrack:
    """One face followed through a video: when it is visible and its first box."""

    from_s: float
    to_s: float
    box: Box
    score: float
    detections: int

    def as_dict(self) -> dict[str, object]:
        return {
            "from_s": round(self.from_s, 2),
            "to_s": round(self.to_s, 2),
            "box": list(self.box),
            "score": round(self.score, 3),
        }


@dataclass(frozen=True, slots=True)
class VideoResult:
    tracks: list[FaceTrack]
    frames: int
    covered_boxes: int  # face boxes covered, summed over frames
    info: AvInfo


def _work_size(w: int, h: int, cfg: VideoConfig) -> tuple[int, int]:
    scale = min(1.0, math.sqrt(cfg.work_pixels / (w * h)))
    return max(32, round(w * scale / 2) * 2), max(32, round(h * scale / 2) * 2)


def _detect(
    detector: FaceDetector,
    frame: Any,
    size: tuple[int, int],
    full: tuple[int, int],
    threshold: float,
    turns: int = 0,
) -> list[tuple[FBox, float]]:
    """Faces on one frame, in pixels of the upright frame (``full``). ``size`` is the stored
    (unturned) size to scale to first; ``turns`` quarter turns counterclockwise make it upright."""
    rgb = frame.reformat(width=size[0], height=size[1], format="rgb24").to_ndarray()
    if turns:
        rgb = np.rot90(rgb, turns)
    fx, fy = full[0] / rgb.shape[1], full[1] / rgb.shape[0]
    raw = detector.detect_array(rgb, threshold)
    min_px = detector.config.min_face_px
    return [
        ((x * fx, y * fy, w * fx, h * fy), s)
        for x, y, w, h, s in merge_boxes(raw, detector.config.nms_iou)
        if min(w * fx, h * fy) >= min_px
    ]


def rotation_turns(path: str) -> int:
    """Quarter turns (counterclockwise) that make the stored frames upright: phones store a
    portrait video as landscape frames plus a rotation in the container."""
    try:
        with av.open(path) as container:
            for frame in container.decode(video=0):
                return round((frame.rotation or 0) / 90) % 4
    except AV_ERRORS:
        return 0
    return 0


def _upright(w: int, h: int, turns: int) -> tuple[int, int]:
    return (h, w) if turns % 2 else (w, h)


def _time(frame: Any, index: int, fps: float) -> float:
    if frame.pts is not None and frame.time_base:
        return float(frame.pts * frame.time_base)
    return index / fps


def _int_box(box: FBox) -> Box:
    x, y, w, h = box
    return round(x), round(y), round(w), round(h)


def _tracks(tracker: Tracker, times: dict[int, float]) -> list[FaceTrack]:
    out = []
    for t in tracker.tracks:
        first, last = t.seen[0], t.seen[-1]
        out.append(
            FaceTrack(
                times.get(first[0], 0.0),
                times.get(last[0], 0.0),
                _int_box(first[1]),
                max(s for _, _, s in t.seen),
                len(t.seen),
            )
        )
    return out


def scan_video(
    path: str,
    detector: FaceDetector,
    config: RedactConfig | None = None,
    progress: Progress | None = None,
    label: str = "",
) -> VideoResult:
    """Faces in a video, as tracks. Looks at about three frames a second."""
    cfg = config or RedactConfig()
    name = os.path.basename(path)
    with open_av(path, cfg.limits) as (container, info):
        if not info.has_video:
            return VideoResult([], 0, 0, info)
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        every = max(1, round(info.fps / 3))
        tracker = Tracker(every, every * 2)
        size = _work_size(info.width, info.height, cfg.video)
        turns = rotation_turns(path)
        times: dict[int, float] = {}
        index = -1
        try:
            for index, frame in enumerate(container.decode(stream)):
                if index % every:
                    continue
                times[index] = _time(frame, index, info.fps)
                tracker.update(
                    index,
                    _detect(
                        detector,
                        frame,
                        size,
                        _upright(frame.width, frame.height, turns),
                        cfg.video.threshold,
                        turns,
                    ),
                )
                _report(progress, label or name, index, info.frames)
        except AV_ERRORS as exc:
            if index < 0:
                raise InputError(f"Video '{name}' is onleesbaar ({exc}).") from None
        if progress is not None:
            progress(label or name, 1.0)
        return VideoResult(_tracks(tracker, times), index + 1, 0, info)


def _report(progress: Progress | None, label: str, index: int, total: int) -> None:
    if progress is not None and total > 0 and index % 30 == 0:
        progress(label, min(1.0, index / total))


FrameHook = Callable[[int, list[Box]], None]


def redact_video(
    in_path: str,
    out_path: str,
    detector: FaceDetector,
    config: RedactConfig,
    keep: list[Box],
    progress: Progress | None = None,
    on_frame: FrameHook | None = None,
) -> VideoResult:
    """Re-encode ``in_path`` with faces covered. ``on_frame(index, boxes)`` is told, for each
    frame, which (padded) boxes were covered: for tests and audits."""
    name = os.path.basename(in_path)
    ext = os.path.splitext(out_path)[1].lower()
    fmt = _CONTAINERS.get(ext)
    if fmt is None:
        raise InputError(
            f"Kies voor de video een uitvoerbestand op .mp4, .mov, .mkv of .webm, niet '{ext}'."
        )
    vcfg = config.video
    with open_av(in_path, config.limits) as (src, info):
        if not info.has_video:
            raise InputError(f"'{name}' bevat geen beeld; gebruik een geluidsbestand als uitvoer.")
        vin = src.streams.video[0]
        vin.thread_type = "AUTO"
        ain = src.streams.audio[0] if (src.streams.audio and config.keep_audio) else None
        try:
            dst = av.open(out_path, "w", format=fmt)
        except AV_ERRORS as exc:
            raise InputError(f"Kan '{out_path}' niet schrijven ({exc}).") from None
        try:
            writer = _Writer(dst, fmt, vin, ain, vcfg, rotation_turns(in_path))
            result = _redact_frames(
                src, vin, ain, writer, detector, config, keep, info, progress, name, on_frame
            )
            writer.close()
        finally:
            dst.close()
    return result


class _Writer:
    def __init__(
        self, dst: Any, fmt: str, vin: Any, ain: Any, cfg: VideoConfig, turns: int
    ) -> None:
        self.dst = dst
        self.turns = turns  # frames are written upright; the container gets no rotation flag
        self.stored = (vin.codec_context.width // 2 * 2, vin.codec_context.height // 2 * 2)
        w, h = _upright(*self.stored, turns)
        codec = "libvpx-vp9" if fmt == "webm" else "libx264"
        rate = vin.average_rate or vin.guessed_rate or 30
        self.v = dst.add_stream(codec, rate=rate)
        self.v.width, self.v.height, self.v.pix_fmt = w, h, "yuv420p"
        self.v.time_base = vin.time_base
        if codec == "libx264":
            self.v.options = {"preset": cfg.preset, "crf": str(cfg.crf)}
        else:
            self.v.options = {"deadline": "realtime", "cpu-used": "8", "crf": "32", "b": "0"}
        self.v.thread_count = 0
        self.size = (w, h)
        self.a_copy = False
        self.a: Any = None
        self.resampler: Any = None
        if ain is not None:
            copyable = {
                "mp4": {"aac", "mp3", "alac"},
                "mov": {"aac", "mp3", "alac", "pcm_s16le"},
                "matroska": {"aac", "mp3", "opus", "vorbis", "flac"},
                "webm": {"opus", "vorbis"},
            }
            if ain.codec_context.name in copyable.get(fmt, set()):
                self.a = dst.add_stream_from_template(ain)
                self.a_copy = True
            else:
                self.a = dst.add_stream(
                    "libopus" if fmt == "webm" else "aac",
                    rate=48000 if fmt == "webm" else ain.rate or 44100,
                )
        self.dst.metadata.clear()

    def frame(self, arr: np.ndarray[Any, Any], pts: int | None, index: int) -> None:
        out = av.VideoFrame.from_ndarray(arr, format="yuv420p")
        out.pts = pts if pts is not None else index
        out.time_base = self.v.time_base
        for packet in self.v.encode(out):
            self.dst.mux(packet)

    def audio_packet(self, packet: Any) -> None:
        if self.a is None or packet.dts is None:
            return
        if self.a_copy:
            packet.stream = self.a
            self.dst.mux(packet)
            return
        for frame in packet.decode():
            frame.pts = None
            for p in self.a.encode(frame):
                self.dst.mux(p)

    def close(self) -> None:
        for packet in self.v.encode(None):
            self.dst.mux(packet)
        if self.a is not None and not self.a_copy:
            for packet in self.a.encode(None):
                self.dst.mux(packet)


def _redact_frames(
    src: Any,
    vin: Any,
    ain: Any,
    writer: _Writer,
    detector: FaceDetector,
    config: RedactConfig,
    keep: list[Box],
    info: AvInfo,
    progress: Progress | None,
    name: str,
    on_frame: FrameHook | None,
) -> VideoResult:
    vcfg = config.video
    tracker = Tracker(vcfg.detect_every, vcfg.hold_frames)
    size = _work_size(info.width, info.height, vcfg)
    upright = writer.size
    buffer: list[tuple[int, Any]] = []  # (index, frame) since the last detection
    times: dict[int, float] = {}
    covered = 0
    index = -1
    last_detected = -1

    def flush(upto: int) -> None:
        nonlocal covered
        while buffer and buffer[0][0] < upto:
            i, frame = buffer.pop(0)
            covered += _write(writer, frame, i, tracker, config, keep, on_frame)
        tracker.forget_before(upto)

    streams = [vin] + ([ain] if ain is not None else [])
    try:
        for packet in src.demux(*streams):
            if packet.stream is not vin:
                writer.audio_packet(packet)
                continue
            for frame in packet.decode():
                index += 1
                if index >= config.limits.max_frames:
                    raise InputError(f"Video '{name}' heeft meer beelden dan de grens.")
                buffer.append((index, frame))
                if index % vcfg.detect_every == 0:
                    times[index] = _time(frame, index, info.fps)
                    tracker.update(
                        index,
                        _detect(detector, frame, size, upright, vcfg.threshold, writer.turns),
                    )
                    last_detected = index
                    flush(index)
                _report(progress, name, index, info.frames)
    except AV_ERRORS as exc:
        if index < 0:
            raise InputError(f"Video '{name}' is onleesbaar ({exc}).") from None
    if buffer and last_detected != buffer[-1][0]:
        i, frame = buffer[-1]
        times[i] = _time(frame, i, info.fps)
        tracker.update(i, _detect(detector, frame, size, upright, vcfg.threshold, writer.turns))
    flush(index + 1)
    if progress is not None:
        progress(name, 1.0)
    return VideoResult(_tracks(tracker, times), index + 1, covered, info)


def _write(
    writer: _Writer,
    frame: Any,
    index: int,
    tracker: Tracker,
    config: RedactConfig,
    keep: list[Box],
    on_frame: FrameHook | None,
) -> int:
    w, h = writer.size
    sw, sh = writer.stored
    yuv = frame.reformat(format="yuv420p").to_ndarray()
    if yuv.shape != (sh * 3 // 2, sw):  # odd sizes: let swscale crop to even
        yuv = frame.reformat(width=sw, height=sh, format="yuv420p").to_ndarray()
    flat = yuv.reshape(-1)
    quarter = (sh // 2) * (sw // 2)
    y = flat[: sh * sw].reshape(sh, sw)
    u = flat[sh * sw : sh * sw + quarter].reshape(sh // 2, sw // 2)
    v = flat[sh * sw + quarter :].reshape(sh // 2, sw // 2)
    if writer.turns:
        y, u, v = (np.ascontiguousarray(np.rot90(p, writer.turns)) for p in (y, u, v))
    done: list[Box] = []
    for _, fbox in tracker.boxes_at(index):
        box = _int_box(fbox)
        if _kept(box, keep):
            continue
        x0, y0, bw, bh = pad_box(box, config.margin, w, h)
        x0, y0 = x0 // 2 * 2, y0 // 2 * 2
        bw, bh = -(-bw // 2) * 2, -(-bh // 2) * 2
        cover(y, (x0, y0, bw, bh), config.style, config.cells, solid=40)
        half = (x0 // 2, y0 // 2, bw // 2, bh // 2)
        cover(u, half, config.style, config.cells, solid=128)
        cover(v, half, config.style, config.cells, solid=128)
        done.append((x0, y0, bw, bh))
    if writer.turns:
        yuv = np.concatenate([y.reshape(-1), u.reshape(-1), v.reshape(-1)]).reshape(h * 3 // 2, w)
    writer.frame(yuv, frame.pts, index)
    if on_frame is not None:
        on_frame(index, done)
    return len(done)


def _kept(box: Box, keep: list[Box]) -> bool:
    """A face is kept (not covered) when its centre lies inside a box the poster marked."""
    cx, cy = box[0] + box[2] / 2, box[1] + box[3] / 2
    return any(k[0] <= cx <= k[0] + k[2] and k[1] <= cy <= k[1] + k[3] for k in keep)
