"""Face detection with CenterFace through onnxruntime. Detection only: no recognition, no
embeddings, nothing about who a face belongs to is computed or kept.

The detector works on pixels (numpy arrays or Pillow images); reading files is elsewhere.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from importlib import resources

import numpy as np
import numpy.typing as npt
import onnxruntime as ort
from PIL import Image

from socialprotocol.engine.media.config import DetectorConfig

Box = tuple[int, int, int, int]  # x, y, w, h in pixels
RGB = npt.NDArray[np.uint8]  # H x W x 3


@dataclass(frozen=True, slots=True)
class Face:
    box: Box
    score: float

    def as_dict(self) -> dict[str, object]:
        return {"box": list(self.box), "score": round(self.score, 3)}


def model_path(name: str) -> str:
    return str(resources.files("socialprotocol.engine.models").joinpath(name))


def session(name: str, threads: int) -> ort.InferenceSession:
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(model_path(name), opts, providers=["CPUExecutionProvider"])


class FaceDetector:
    """Load once, call often. Thread-safe: onnxruntime sessions may run concurrently."""

    def __init__(self, config: DetectorConfig | None = None) -> None:
        self.config = config or DetectorConfig()
        self._session = session(self.config.model, self.config.threads)

    # --- pictures of any size ---------------------------------------------------------------

    def detect(self, img: Image.Image, threshold: float | None = None) -> list[Face]:
        """All faces in an upright RGB picture, boxes in its pixels."""
        cfg = self.config
        thr = cfg.threshold if threshold is None else threshold
        w, h = img.size
        raw: list[tuple[float, float, float, float, float]] = []
        for scale in pyramid(w, h, cfg):
            raw += self._at_scale(img, scale, thr)
        return _finish(raw, w, h, cfg)

    def _at_scale(
        self, img: Image.Image, scale: float, thr: float
    ) -> list[tuple[float, float, float, float, float]]:
        w, h = img.size
        sw, sh = max(32, round(w * scale)), max(32, round(h * scale))
        scaled = _resize(img, sw, sh)
        arr = np.asarray(scaled, dtype=np.uint8)
        fx, fy = w / sw, h / sh
        out = []
        for x0, y0, tile in _tiles(arr, self.config.tile, self.config.tile_overlap):
            for bx, by, bw, bh, s in self.detect_array(tile, thr):
                out.append(((bx + x0) * fx, (by + y0) * fy, bw * fx, bh * fy, s))
        return out

    # --- one network pass -------------------------------------------------------------------

    def detect_array(
        self, rgb: RGB, threshold: float
    ) -> list[tuple[float, float, float, float, float]]:
        """Raw boxes (x, y, w, h, score) in ``rgb``'s pixels, before merging."""
        h, w = rgb.shape[:2]
        ph, pw = -(-h // 32) * 32, -(-w // 32) * 32
        blob = np.zeros((1, 3, ph, pw), dtype=np.float32)
        blob[0, :, :h, :w] = rgb.transpose(2, 0, 1)
        heat, scale, offset, _ = self._session.run(None, {"input.1": blob})
        ys, xs = np.nonzero(heat[0, 0] > threshold)
        if len(ys) == 0:
            return []
        score = heat[0, 0, ys, xs]
        bh = np.exp(scale[0, 0, ys, xs]) * 4
        bw = np.exp(scale[0, 1, ys, xs]) * 4
        cy = (ys + offset[0, 0, ys, xs] + 0.5) * 4
        cx = (xs + offset[0, 1, ys, xs] + 0.5) * 4
        x1 = np.clip(cx - bw / 2, 0, w)
        y1 = np.clip(cy - bh / 2, 0, h)
        x2 = np.clip(cx + bw / 2, 0, w)
        y2 = np.clip(cy + bh / 2, 0, h)
        return [
            (float(a), float(b), float(c - a), float(d - b), float(s))
            for a, b, c, d, s in zip(x1, y1, x2, y2, score, strict=True)
            if c > a and d > b
        ]


def pyramid(w: int, h: int, cfg: DetectorConfig) -> list[float]:
    """Scales to run the network at, then a coarse one for faces that fill the frame.

    A picture within the budget gets two fine scales a third apart, because a weak face (a
    profile, a head turned down) often scores above the threshold at only one of them. A larger
    picture gets the same budget as one pass at a higher scale: there the smallest faces are
    what is at stake, and one sharper look finds more of them than two blurrier ones."""
    pixels = w * h
    second = cfg.second_scale
    if pixels > cfg.work_pixels:
        scales = [math.sqrt(cfg.work_pixels * (1 + second * second) / pixels)]
    else:
        fine = min(cfg.max_upscale, math.sqrt(cfg.work_pixels / pixels))
        scales = [fine, fine * second]
    coarse = cfg.coarse_side / max(w, h)
    if coarse < scales[-1] * 0.5:
        scales.append(coarse)
    return scales


def _resize(img: Image.Image, w: int, h: int) -> Image.Image:
    if (w, h) == img.size:
        return img
    # a fast integer box reduction first, then a proper filter for the rest of the way
    return img.resize((w, h), Image.Resampling.BILINEAR, reducing_gap=1.0)


def _tiles(arr: RGB, tile: int, overlap: int) -> list[tuple[int, int, RGB]]:
    h, w = arr.shape[:2]
    if w <= tile and h <= tile:
        return [(0, 0, arr)]
    step = tile - overlap
    out = []
    for y0 in range(0, max(1, h - overlap), step):
        for x0 in range(0, max(1, w - overlap), step):
            out.append((x0, y0, arr[y0 : y0 + tile, x0 : x0 + tile]))
    return out


def merge_boxes(
    raw: list[tuple[float, float, float, float, float]], iou: float
) -> list[tuple[float, float, float, float, float]]:
    """Non-maximum suppression that also drops a box mostly inside a stronger one."""
    kept: list[tuple[float, float, float, float, float]] = []
    for box in sorted(raw, key=lambda r: -r[4]):
        x, y, w, h, _ = box
        for kx, ky, kw, kh, _ in kept:
            iw = min(x + w, kx + kw) - max(x, kx)
            ih = min(y + h, ky + kh) - max(y, ky)
            if iw <= 0 or ih <= 0:
                continue
            inter = iw * ih
            if inter / (w * h + kw * kh - inter) > iou or inter / min(w * h, kw * kh) > 0.6:
                break
        else:
            kept.append(box)
    return kept


def _finish(
    raw: list[tuple[float, float, float, float, float]], w: int, h: int, cfg: DetectorConfig
) -> list[Face]:
    faces = []
    for x, y, bw, bh, s in merge_boxes(raw, cfg.nms_iou):
        if min(bw, bh) < cfg.min_face_px:
            continue
        x0, y0 = max(0, round(x)), max(0, round(y))
        x1, y1 = min(w, round(x + bw)), min(h, round(y + bh))
        faces.append(Face((x0, y0, x1 - x0, y1 - y0), s))
    faces.sort(key=lambda f: (f.box[1], f.box[0]))
    return faces
