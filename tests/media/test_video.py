"""Video: faces tracked between detections so that no frame shows a face uncovered."""

from __future__ import annotations

import struct
from pathlib import Path

import av
import numpy as np
import pytest

from socialprotocol.engine.media import MediaEngine
from socialprotocol.engine.media.tracking import Tracker
from socialprotocol.engine.media.video import _detect, _work_size, redact_video
from tests.media.conftest import Box, centre_in, panning_clip


def _faces_per_frame(
    engine: MediaEngine, path: Path, threshold: float
) -> list[list[tuple[float, ...]]]:
    out = []
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            size = _work_size(frame.width, frame.height, engine.config.video)
            found = _detect(engine.faces, frame, size, (frame.width, frame.height), threshold)
            out.append([box for box, _ in found])
    return out


@pytest.fixture(scope="module")
def clip(media: Path) -> Path:
    return panning_clip(
        media / "pan.mp4", metadata={"location": "+52.3702+004.8952/", "artist": "Meester Bas"}
    )


def test_it_covers_every_face_the_detector_sees_on_any_frame_not_only_on_detection_frames(
    engine: MediaEngine, media: Path, clip: Path
) -> None:
    covered: dict[int, list[Box]] = {}
    out = media / "pan-out.mp4"
    result = redact_video(
        str(clip),
        str(out),
        engine.faces,
        engine.config,
        [],
        on_frame=lambda i, boxes: covered.__setitem__(i, boxes),
    )
    assert result.frames == 40 and len(covered) == 40
    seen = _faces_per_frame(engine, clip, 0.5)  # the detector run on every single input frame
    assert sum(map(len, seen)) > 100
    missed = [
        (i, b)
        for i, boxes in enumerate(seen)
        for b in boxes
        if not any(centre_in(b, c) for c in covered[i])
    ]
    assert missed == []
    assert all(boxes == [] for boxes in _faces_per_frame(engine, out, 0.5))


def test_it_keeps_a_face_covered_through_a_missed_detection_so_the_blur_does_not_flicker() -> None:
    tracker = Tracker(detect_every=4, hold_frames=6)
    tracker.update(0, [((100.0, 100.0, 40.0, 40.0), 0.9)])
    tracker.update(4, [])  # the detector missed the face here (motion blur, a hand)
    tracker.update(8, [((140.0, 100.0, 40.0, 40.0), 0.9)])
    for frame in range(9):
        boxes = [box for _, box in tracker.boxes_at(frame)]
        assert len(boxes) == 1, frame
        x = boxes[0][0] + boxes[0][2] / 2
        assert abs(x - (120 + 5 * frame)) <= 6, frame  # on the line between the two sightings


def test_it_follows_faces_a_panning_camera_moves_further_than_their_own_width() -> None:
    tracker = Tracker(detect_every=4, hold_frames=6)
    row = [(float(x), 100.0, 30.0, 30.0) for x in (100, 150, 200, 250)]
    tracker.update(0, [(b, 0.9) for b in row])
    tracker.update(4, [((x - 70, y, w, h), 0.9) for x, y, w, h in row])  # everything 70 px left
    assert len(tracker.tracks) == 4
    for t in tracker.tracks:
        (_, a, _), (_, b, _) = t.seen
        assert b[0] - a[0] == -70
    mid = sorted(box[0] for _, box in tracker.boxes_at(2))
    assert [round(x) for x in mid] == [
        48,
        98,
        148,
        198,
    ]  # halfway (65), widened by 17.5 for the motion


def test_it_removes_container_metadata_and_keeps_or_drops_sound_on_request(
    engine: MediaEngine, media: Path
) -> None:
    tone = (0.1 * np.sin(2 * np.pi * 330 * np.arange(32_000) / 16_000)).astype(np.float32)
    src = panning_clip(
        media / "pan-sound.mp4",
        size=(320, 180),
        frames=20,
        audio=tone,
        metadata={"location": "+52.3702+004.8952/"},
    )
    assert {m.category for m in engine.read_metadata(str(src))} == {"location_metadata"}
    with_sound = media / "pan-sound-out.mov"
    result = engine.redact(str(src), str(with_sound))
    assert result.kind == "video" and result.frames == 20 and result.tracks >= 5
    assert engine.read_metadata(str(with_sound)) == []
    with av.open(str(with_sound)) as c:
        assert len(c.streams.audio) == 1 and len(c.streams.video) == 1
    silent = media / "pan-silent.mp4"
    engine.redact(str(src), str(silent), keep_audio=False)
    with av.open(str(silent)) as c:
        assert len(c.streams.audio) == 0


def test_it_reports_faces_in_a_video_as_tracks_with_times(engine: MediaEngine, clip: Path) -> None:
    progress: list[float] = []
    scan = engine.scan(str(clip), progress=lambda label, fraction: progress.append(fraction))
    assert scan.kind == "video" and (scan.width, scan.height) == (640, 360)
    assert len(scan.tracks) >= 8
    assert all(0 <= t.from_s <= t.to_s <= 2.0 for t in scan.tracks)
    assert progress and all(0 <= p <= 1 for p in progress)
    assert {m.label for m in scan.metadata} == {"GPS-positie", "maker"}


def _as_phone_portrait(src: Path, dst: Path) -> Path:
    """The clip stored the way a phone stores it: frames turned a quarter counterclockwise,
    with a rotation in the track header (tkhd matrix) saying to turn them back to view."""
    turned = dst.with_suffix(".tmp.mp4")
    with av.open(str(src)) as inp, av.open(str(turned), "w") as out:
        vin = inp.streams.video[0]
        vs = out.add_stream("libx264", rate=vin.average_rate)
        vs.width, vs.height, vs.pix_fmt = vin.height, vin.width, "yuv420p"
        vs.options = {"preset": "ultrafast", "crf": "18"}
        for i, frame in enumerate(inp.decode(vin)):
            stored = np.ascontiguousarray(np.rot90(frame.to_ndarray(format="rgb24"), 1))
            f = av.VideoFrame.from_ndarray(stored, format="rgb24")
            f.pts = i
            for p in vs.encode(f):
                out.mux(p)
        for p in vs.encode(None):
            out.mux(p)
    data = bytearray(turned.read_bytes())
    at = data.index(b"tkhd") + 4
    matrix_at = at + (
        4 + 8 + 8 + 4 + 4 + 8 + 8 + 8 if data[at] == 1 else 4 + 4 + 4 + 4 + 4 + 4 + 8 + 8
    )
    # the matrix a phone writes for a portrait video: (0, 1, 0; -1, 0, 0; 0, 0, 1)
    matrix = struct.pack(">9i", 0, 0x10000, 0, -0x10000, 0, 0, 0, 0, 0x40000000)
    data[matrix_at : matrix_at + 36] = matrix
    dst.write_bytes(bytes(data))
    turned.unlink()
    return dst


def test_it_turns_a_phone_video_upright_before_looking_for_faces(
    engine: MediaEngine, media: Path, clip: Path
) -> None:
    portrait = _as_phone_portrait(clip, media / "phone.mp4")
    with av.open(str(portrait)) as c:
        first = next(c.decode(video=0))
        assert (first.width, first.height, first.rotation) == (360, 640, -90)
    scan = engine.scan(str(portrait))
    assert (scan.width, scan.height) == (640, 360)
    assert len(scan.tracks) >= 8
    out = media / "phone-out.mp4"
    result = engine.redact(str(portrait), str(out))
    assert result.frames == 40
    with av.open(str(out)) as c:
        frame = next(c.decode(video=0))
        assert (frame.width, frame.height) == (640, 360)  # written upright
    assert all(boxes == [] for boxes in _faces_per_frame(engine, out, 0.5))
