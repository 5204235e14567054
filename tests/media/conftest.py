"""Media for the media tests, made on the fly from city.jpg and generated signals.

Only ``city_faces.json`` is committed; every photo, clip and recording is built here.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import wave
from collections.abc import Callable
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from socialprotocol.engine.media import MediaEngine

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CITY = ROOT.parent / "shared" / "data" / "images" / "city.jpg"
CITY_FACES: list[tuple[int, int, int, int]] = [
    (b[0], b[1], b[2], b[3]) for b in json.loads((HERE / "city_faces.json").read_text())["faces"]
]

Box = tuple[int, int, int, int]


def centre_in(box: Box | tuple[float, ...], area: Box | tuple[float, ...]) -> bool:
    cx, cy = box[0] + box[2] / 2, box[1] + box[3] / 2
    return area[0] <= cx <= area[0] + area[2] and area[1] <= cy <= area[1] + area[3]


@pytest.fixture(scope="session")
def engine() -> MediaEngine:
    if not CITY.exists():
        pytest.skip("../shared/data/images/city.jpg is not here")
    return MediaEngine()


@pytest.fixture(scope="session")
def media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("media")


def gps_exif(img: Image.Image) -> Image.Exif:
    exif = img.getexif()
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (52.0, 22.0, 12.7), 3: "E", 4: (4.0, 53.0, 42.7)})
    exif[0x8825] = gps
    exif[0x013B] = "Juf Anna de Vries"
    exif_ifd = exif.get_ifd(0x8769)
    exif_ifd[0xA431] = "SN-4451-2209"
    exif[0x8769] = exif_ifd
    return exif


XMP_PEOPLE = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">'
    "<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Sanne Jansen</rdf:li></rdf:Bag>"
    "</Iptc4xmpExt:PersonInImage></rdf:Description></rdf:RDF></x:xmpmeta>"
)


@pytest.fixture(scope="session")
def city_gps(media: Path) -> Path:
    """city.jpg with a GPS position, the owner's name, a camera serial and a tagged person."""
    img = Image.open(CITY)
    path = media / "city-gps.jpg"
    img.save(path, quality=92, exif=gps_exif(img), xmp=XMP_PEOPLE.encode())
    return path


def write_wav(path: Path, samples: np.ndarray, rate: int = 16000) -> Path:
    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())
    return path


@pytest.fixture(scope="session")
def speak(media: Path) -> Callable[[str, str], Path]:
    """Dutch (or other) speech synthesised by espeak-ng into a WAV file."""
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed (it is in .ci/run APT_PACKAGES)")

    def make(text: str, voice: str = "nl") -> Path:
        path = media / f"speech-{abs(hash((text, voice)))}.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-w", str(path), text], check=True)
        return path

    return make


def panning_clip(
    path: Path,
    size: tuple[int, int] = (640, 360),
    frames: int = 40,
    fps: int = 20,
    audio: np.ndarray | None = None,
    metadata: dict[str, str] | None = None,
) -> Path:
    """A camera sweeping over city.jpg (faces move 6-10 pixels a frame), optional sound track."""
    city = Image.open(CITY).convert("RGB")
    big = city.resize((city.width * 2, city.height * 2), Image.Resampling.BICUBIC)
    with av.open(str(path), "w") as out:
        out.metadata.update(metadata or {})
        vs = out.add_stream("libx264", rate=fps)
        vs.width, vs.height, vs.pix_fmt = size[0], size[1], "yuv420p"
        vs.options = {"preset": "ultrafast", "crf": "18"}
        as_ = out.add_stream("aac", rate=16000) if audio is not None else None
        for i in range(frames):
            t = i / max(1, frames - 1)
            w, h = size[0] * 1.4, size[1] * 1.4
            x0 = (big.width - w) * t
            y0 = min(big.height - h, max(0.0, 230 - h / 2 + 40 * np.sin(4 * np.pi * t)))
            img = big.resize(size, Image.Resampling.BILINEAR, box=(x0, y0, x0 + w, y0 + h))
            frame = av.VideoFrame.from_ndarray(np.asarray(img), format="rgb24")
            frame.pts = i
            for p in vs.encode(frame):
                out.mux(p)
        for p in vs.encode(None):
            out.mux(p)
        if as_ is not None and audio is not None:
            block = 1024
            for k in range(0, len(audio) - block + 1, block):
                af = av.AudioFrame.from_ndarray(
                    audio[None, k : k + block].astype(np.float32), format="fltp", layout="mono"
                )
                af.sample_rate = 16000
                af.pts = k
                for p in as_.encode(af):
                    out.mux(p)
            for p in as_.encode(None):
                out.mux(p)
    return path


def read_wav(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as w:
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768
        rate = w.getframerate()
    if rate != 16000:  # espeak-ng speaks at 22,050 Hz
        n = round(len(data) * 16000 / rate)
        data = np.interp(np.linspace(0, len(data) - 1, n), np.arange(len(data)), data).astype(
            np.float32
        )
    return data
