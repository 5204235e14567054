"""Make the media the media bench runs on, from ``../shared/data/images/city.jpg``.

- ``photo-1mp.jpg``, ``photo-12mp-group.jpg`` (city.jpg at 5x, as a phone's group photo) and
  ``photo-12mp.jpg`` (a crowd: city.jpg seven times at 1x to 3x, some mirrored, faces from 11
  to 130 pixels); ``*.json`` holds their face boxes, taken
  from the hand-checked boxes of city.jpg (tests/media/city_faces.json) through the same scaling.
- ``clip-720p.mp4``: 5 seconds of 1280x720 at 30 frames/s, a camera panning and zooming over
  city.jpg, so faces move, grow and cross the edges.

    .venv/bin/python bench/make_media.py [OUT_DIR]     # default bench/data/media
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import av
import numpy as np
from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parent.parent
CITY = ROOT.parent / "shared" / "data" / "images" / "city.jpg"
FACES = ROOT / "tests" / "media" / "city_faces.json"
OUT = ROOT / "bench" / "data" / "media"

Box = tuple[int, int, int, int]


def city_faces() -> list[Box]:
    return [(b[0], b[1], b[2], b[3]) for b in json.loads(FACES.read_text())["faces"]]


def compose(
    size: tuple[int, int], placements: list[tuple[float, int, int, bool]]
) -> tuple[Image.Image, list[Box]]:
    """city.jpg at (scale, x, y, mirrored) on a grey canvas; returns the picture and face boxes."""
    city = Image.open(CITY).convert("RGB")
    canvas = Image.new("RGB", size, (128, 128, 128))
    boxes: list[Box] = []
    for scale, x0, y0, mirror in placements:
        w, h = round(city.width * scale), round(city.height * scale)
        part = city.resize((w, h), Image.Resampling.LANCZOS)
        if mirror:
            part = ImageOps.mirror(part)
        canvas.paste(part, (x0, y0))
        for bx, by, bw, bh in city_faces():
            if mirror:
                bx = city.width - bx - bw
            box = (
                x0 + round(bx * scale),
                y0 + round(by * scale),
                round(bw * scale),
                round(bh * scale),
            )
            if box[0] + box[2] <= size[0] and box[1] + box[3] <= size[1]:
                boxes.append(box)
    return canvas, boxes


def photo_1mp() -> tuple[Image.Image, list[Box]]:
    return compose((1200, 846), [(1.5, 0, 0, False)])


def photo_12mp_group() -> tuple[Image.Image, list[Box]]:
    """A group photo as a phone takes it: city.jpg at 5x, faces of 55 to 220 pixels."""
    return compose((4000, 2820), [(5.0, 0, 0, False)])


def photo_12mp() -> tuple[Image.Image, list[Box]]:
    """A crowd mosaic: city.jpg seven times at 1x to 3x, faces of 11 to 130 pixels."""
    return compose(
        (4000, 3000),
        [
            (3.0, 0, 0, False),
            (1.6, 2400, 0, True),
            (1.6, 2400, 910, False),
            (2.0, 0, 1700, True),
            (1.0, 1650, 1750, False),
            (1.0, 1650, 2350, True),
            (1.35, 2460, 1830, True),
        ],
    )


def clip(
    path: Path, size: tuple[int, int] = (1280, 720), seconds: float = 5.0, fps: int = 30
) -> None:
    """A camera panning and zooming over city.jpg."""
    city = Image.open(CITY).convert("RGB")
    big = city.resize((city.width * 3, city.height * 3), Image.Resampling.BICUBIC)
    n = round(seconds * fps)
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = size[0], size[1], "yuv420p"
        stream.options = {"preset": "veryfast", "crf": "20"}
        for i in range(n):
            t = i / max(1, n - 1)
            zoom = 1.0 + 0.6 * np.sin(np.pi * t)  # window shrinks: faces grow mid-clip
            cw, ch = size[0] * 1.2 / zoom, size[1] * 1.2 / zoom
            cx = cw / 2 + (big.width - cw) * t
            cy = big.height * 0.3 + 60 * np.sin(6 * np.pi * t)
            cy = min(max(cy, ch / 2), big.height - ch / 2)
            box = (cx - cw / 2, cy - ch / 2, cx + cw / 2, cy + ch / 2)
            frame = big.resize(size, Image.Resampling.BILINEAR, box=box)
            pixels = np.asarray(frame, dtype=np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


def main(out_dir: Path = OUT) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    made = (
        ("photo-1mp", photo_1mp()),
        ("photo-12mp-group", photo_12mp_group()),
        ("photo-12mp", photo_12mp()),
    )
    for name, (img, boxes) in made:
        img.save(out_dir / f"{name}.jpg", quality=92)
        (out_dir / f"{name}.json").write_text(json.dumps({"faces": boxes}))
    clip(out_dir / "clip-720p.mp4")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
