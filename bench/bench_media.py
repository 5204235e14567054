"""Photos, video and sound (issue 5), side by side with deface in one run.

Media come from ``bench/make_media.py`` (made on first run): city.jpg with its 21 hand-checked
faces, a 1 MP photo, a 12 MP group photo and a 12 MP crowd composed from it, and a 5 s 720p clip of a camera panning over it.
deface runs in ``bench/.venv`` (see ``bench/deface_peer.py``), with its default settings.
Photo timing is end to end for both: decode, faces, blur, encode (ours also strips metadata).
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import tempfile
import time
import wave
from pathlib import Path
from typing import Any

import av
import numpy as np

from bench.common import ROOT, SHARED, Row
from bench.make_media import OUT as MEDIA
from bench.make_media import city_faces
from bench.make_media import main as make_media
from socialprotocol.engine.media import DetectorConfig, MediaEngine, RedactConfig
from socialprotocol.engine.media.video import _detect, _work_size, redact_video

PEER = "deface 1.5.0"
PEER_PYTHON = ROOT / "bench" / ".venv" / "bin" / "python"
CITY = SHARED / "data" / "images" / "city.jpg"

Box = tuple[float, float, float, float]


def _photos() -> dict[str, tuple[Path, list[Box]]]:
    if not (MEDIA / "photo-12mp-group.jpg").exists():
        make_media()
    out: dict[str, tuple[Path, list[Box]]] = {
        "city.jpg (21 faces)": (CITY, [_box(b) for b in city_faces()])
    }
    for name, label in (
        ("photo-1mp", "photo 1 MP"),
        ("photo-12mp-group", "photo 12 MP group"),
        ("photo-12mp", "photo 12 MP crowd"),
    ):
        boxes = json.loads((MEDIA / f"{name}.json").read_text())["faces"]
        out[f"{label} ({len(boxes)} faces)"] = (MEDIA / f"{name}.jpg", [_box(b) for b in boxes])
    return out


def _box(b: Any) -> Box:
    return float(b[0]), float(b[1]), float(b[2]), float(b[3])


def _centre_in(b: Box, area: Box) -> bool:
    cx, cy = b[0] + b[2] / 2, b[1] + b[3] / 2
    return area[0] <= cx <= area[0] + area[2] and area[1] <= cy <= area[1] + area[3]


def _score(found: list[Box], truth: list[Box]) -> tuple[int, int, int]:
    """found, missed, false: a face counts as found when a box's centre lies in it."""
    hit = sum(1 for t in truth if any(_centre_in(f, t) for f in found))
    false = sum(1 for f in found if not any(_centre_in(f, t) for t in truth))
    return hit, len(truth) - hit, false


def _peer(photos: list[Path], video: Path, repeat: int, out: Path) -> dict[str, Any] | None:
    if not PEER_PYTHON.exists():
        return None
    spec = {
        "photos": [str(p) for p in photos],
        "video": str(video),
        "repeat": repeat,
        "out": str(out),
    }
    done = subprocess.run(
        [str(PEER_PYTHON), str(ROOT / "bench" / "deface_peer.py"), json.dumps(spec)],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if done.returncode != 0:
        return None
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _uncovered_frames(
    engine: MediaEngine, clip: Path, covered: dict[int, list[tuple[int, int, int, int]]]
) -> tuple[int, int]:
    """Frames where the detector, run on every input frame (score >= 0.5), sees a face that
    was not covered; and how many faces it saw in all."""
    bad, seen = 0, 0
    with av.open(str(clip)) as container:
        for i, frame in enumerate(container.decode(video=0)):
            size = _work_size(frame.width, frame.height, engine.config.video)
            faces = _detect(engine.faces, frame, size, (frame.width, frame.height), 0.5)
            seen += len(faces)
            if any(not any(_centre_in(b, c) for c in covered.get(i, [])) for b, _ in faces):
                bad += 1
    return bad, seen


SPEECH = [
    ("nl", "Goedemorgen allemaal, vandaag gaan we met groep zeven naar het Rijksmuseum."),
    ("nl", "Wil je je gymspullen morgen niet vergeten? Dan kunnen we buiten spelen."),
    ("nl", "Ja."),
    ("nl", "Juf Fatima leest voor uit het boek over de ridders en de draak."),
    ("en", "Welcome to the school concert, please take your seats."),
]


def _wav(path: Path, samples: np.ndarray, rate: int = 16000) -> Path:
    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())
    return path


def _no_voice_signals() -> dict[str, np.ndarray]:
    """Silence, noises and music-like signals (the same kinds as tests/media/test_voice.py)."""
    rate = 16000
    rng = np.random.default_rng(11)
    t = np.arange(8 * rate) / rate
    notes = [261.6, 329.6, 392.0, 523.3, 440.0, 349.2, 293.7, 392.0]
    one = t[:rate]
    melody = np.concatenate(
        [
            sum(a * np.sin(2 * np.pi * f * k * one) for k, a in ((1, 0.3), (2, 0.15), (3, 0.08)))
            * np.exp(-3 * one)
            for f in notes
        ]
    )
    chords = sum(0.1 * np.sin(2 * np.pi * f * t) for f in (220.0, 277.2, 329.6, 440.0))
    beat = rng.standard_normal(len(t)) * 0.3 * (np.mod(t, 0.5) < 0.05)
    brown = np.cumsum(rng.standard_normal(len(t)))
    brown = 0.3 * (brown - brown.mean()) / np.abs(brown).max()
    return {
        "silence": np.zeros(len(t)),
        "white noise": rng.standard_normal(len(t)) * 0.1,
        "brown noise": brown,
        "50 Hz hum": 0.2 * np.sin(2 * np.pi * 50 * t),
        "melody": melody,
        "chords + beat": chords + beat,
    }


def _voices(engine: MediaEngine, tmp: Path) -> list[Row]:
    rows: list[Row] = []
    if shutil.which("espeak-ng"):
        found = 0
        for k, (voice, text) in enumerate(SPEECH):
            path = tmp / f"speech-{k}.wav"
            subprocess.run(["espeak-ng", "-v", voice, "-w", str(path), text], check=True)
            found += bool(engine.find_voices(str(path)))
        rows.append(
            Row("voices, espeak-ng speech", "recordings with a voice found", found,
                target=f">= {len(SPEECH)}", note=f"of {len(SPEECH)} (4 Dutch, 1 English)")
        )  # fmt: skip
    signals = _no_voice_signals()
    false = sum(
        bool(engine.find_voices(str(_wav(tmp / f"s{i}.wav", s.astype(np.float32)))))
        for i, s in enumerate(signals.values())
    )
    rows.append(
        Row("voices, silence/noise/music", "recordings with a voice found", false,
            target="<= 0", note=f"of {len(signals)}: " + ", ".join(signals))
    )  # fmt: skip
    return rows


def _thorough(
    photos: dict[str, tuple[Path, list[Box]]], peer: dict[str, Any] | None, tmp: Path, repeat: int
) -> list[Row]:
    """The crowd photo again with DetectorConfig.thorough() (fine pass at the photo's own size)."""
    label, (path, truth) = next((k, v) for k, v in photos.items() if "crowd" in k)
    engine = MediaEngine(RedactConfig(detector=DetectorConfig.thorough()))
    times = []
    for _ in range(max(1, repeat // 2) + 1):
        t0 = time.perf_counter()
        result = engine.redact(str(path), str(tmp / "thorough.jpg"))
        times.append(time.perf_counter() - t0)
    ours = _score([_box(b) for b in result.covered], truth)
    theirs = _score([_box(b) for b in peer["photos"][str(path)]["boxes"]], truth) if peer else None
    name = label.replace("crowd", "crowd, thorough")
    rows = [
        Row(name, metric, ours[k], PEER if theirs else None, theirs[k] if theirs else None)
        for k, metric in enumerate(("faces found", "faces missed", "false boxes"))
    ]
    rows.append(
        Row(name, "end-to-end ms", round(statistics.median(times[1:]) * 1000, 1),
            PEER if peer else None, round(peer["photos"][str(path)]["ms"], 1) if peer else None,
            note="DetectorConfig.thorough(): faces down to about 12 px")
    )  # fmt: skip
    return rows


def run(quick: bool) -> list[Row]:
    repeat = 1 if quick else 5
    photos = _photos()
    clip = MEDIA / "clip-720p.mp4"
    engine = MediaEngine()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        peer = _peer([p for p, _ in photos.values()], clip, repeat, tmp)
        peer_note = "" if peer else "deface not run: bench/.venv missing or failed"
        for label, (path, truth) in photos.items():
            out = tmp / f"ours-{path.name}"
            times = []
            for _ in range(repeat + 1):
                t0 = time.perf_counter()
                result = engine.redact(str(path), str(out))
                times.append(time.perf_counter() - t0)
            ms = statistics.median(times[1:] or times) * 1000
            ours = _score([_box(b) for b in result.covered], truth)
            theirs = (
                _score([_box(b) for b in peer["photos"][str(path)]["boxes"]], truth)
                if peer
                else None
            )
            for k, metric in enumerate(("faces found", "faces missed", "false boxes")):
                target = None
                if label.startswith("city"):
                    target = ">= 21" if k == 0 else ("<= 0" if k == 1 else "<= 2")
                rows.append(
                    Row(
                        label,
                        metric,
                        ours[k],
                        PEER if theirs else None,
                        theirs[k] if theirs else None,
                        target,
                        peer_note,
                    )
                )
            target_ms = "<= 400" if "12 MP group" in label else None
            rows.append(
                Row(
                    label,
                    "end-to-end ms",
                    round(ms, 1),
                    PEER if peer else None,
                    round(peer["photos"][str(path)]["ms"], 1) if peer else None,
                    target_ms,
                    "decode + faces + blur + metadata strip + encode, median",
                )
            )
        rows.extend(_thorough(photos, peer, tmp, repeat))
        covered: dict[int, list[tuple[int, int, int, int]]] = {}
        t0 = time.perf_counter()
        video = redact_video(
            str(clip),
            str(tmp / "ours-clip.mp4"),
            engine.faces,
            engine.config,
            [],
            on_frame=lambda i, boxes: covered.__setitem__(i, boxes),
        )
        fps = video.frames / (time.perf_counter() - t0)
        rows.append(
            Row(
                "720p video, 5 s pan",
                "frames/s",
                round(fps, 1),
                PEER if peer else None,
                round(peer["video"]["fps"], 1) if peer and peer["video"] else None,
                ">= 30",
                "2 cores; ratio target >= 5",
            )
        )
        bad, seen = _uncovered_frames(engine, clip, covered)
        rows.append(
            Row(
                "720p video, 5 s pan",
                "frames with an uncovered face",
                bad,
                target="<= 0",
                note=f"{seen} faces (score >= 0.5) seen by detecting on every frame",
            )
        )
        rows.extend(_voices(engine, tmp))
    return rows
