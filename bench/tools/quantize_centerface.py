"""Make ``centerface-int8.onnx`` from the shipped ``centerface.onnx``: opset 13, then static
int8 quantisation (QDQ, weights per channel, activations calibrated by min/max).

int8 convolutions run about twice as fast on CPUs with VNNI (most Intel and AMD server CPUs of
the last years), which is what makes 12 MP photos and 720p video fit their time budget. The
activation ranges are calibrated on city.jpg (the only real photo with faces in the shared
data) at several scales, brightness and contrast levels, in grey, mirrored, and on noise, so
that the ranges cover more than one photo's light. Run once, in a throw-away environment with
``onnx`` and ``onnxruntime`` (neither the tool nor ``onnx`` is a dependency of socialprotocol):

    python bench/tools/quantize_centerface.py ../shared/data/images/city.jpg \\
        src/socialprotocol/engine/models/centerface.onnx src/socialprotocol/engine/models/centerface-int8.onnx
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import onnx
from onnx import version_converter
from onnxruntime.quantization import (
    CalibrationDataReader,
    CalibrationMethod,
    QuantFormat,
    QuantType,
    quantize_static,
)
from onnxruntime.quantization.shape_inference import quant_pre_process
from PIL import Image, ImageEnhance, ImageOps


def _blob(img: Image.Image) -> np.ndarray:
    a = np.asarray(img.convert("RGB"), dtype=np.float32)
    h, w = a.shape[:2]
    out = np.zeros((1, 3, -(-h // 32) * 32, -(-w // 32) * 32), dtype=np.float32)
    out[0, :, :h, :w] = a.transpose(2, 0, 1)
    return out


def calibration_images(photo: Path) -> Iterator[np.ndarray]:
    city = Image.open(photo).convert("RGB")
    w, h = city.size
    for scale in (0.5, 0.8, 1.35, 1.8, 3.0):
        scaled = city.resize((round(w * scale), round(h * scale)), Image.Resampling.BILINEAR)
        if scaled.width > 1600:  # a face-rich window of the big one
            scaled = scaled.crop((0, 0, 1600, 1000))
        yield _blob(scaled)
    for factor in (0.4, 0.7, 1.4, 1.9):
        yield _blob(ImageEnhance.Brightness(city).enhance(factor))
    for factor in (0.5, 1.8):
        yield _blob(ImageEnhance.Contrast(city).enhance(factor))
    yield _blob(ImageOps.grayscale(city))
    yield _blob(ImageOps.mirror(city))
    rng = np.random.default_rng(0)
    yield _blob(Image.fromarray(rng.integers(0, 256, (480, 640, 3), dtype=np.uint8)))


class _Reader(CalibrationDataReader):  # type: ignore[misc]
    def __init__(self, photo: Path) -> None:
        self._it = calibration_images(photo)

    def get_next(self) -> dict[str, np.ndarray] | None:
        x = next(self._it, None)
        return None if x is None else {"input.1": x}


def main(photo: str, src: str, dst: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        op13 = str(Path(tmp) / "op13.onnx")
        onnx.save(version_converter.convert_version(onnx.load(src), 13), op13)
        pre = str(Path(tmp) / "pre.onnx")
        quant_pre_process(op13, pre, skip_symbolic_shape=True)
        quantize_static(
            pre,
            dst,
            _Reader(Path(photo)),
            quant_format=QuantFormat.QDQ,
            per_channel=True,
            activation_type=QuantType.QUInt8,
            weight_type=QuantType.QInt8,
            calibrate_method=CalibrationMethod.MinMax,
        )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
