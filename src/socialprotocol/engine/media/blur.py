"""Making a face unrecognisable in pixels. Works on any H x W x C uint8 array (RGB, or one
plane of a YUV frame), in place.

Every style reduces the padded face to ``cells`` x ``cells`` averages first, so no detail
finer than a cell survives, whatever the face size: "pixelate" shows them as blocks, "blur"
takes one cell fewer, halves their contrast and smooths between them, "solid" paints one flat
colour. The strength is set so that the face detector itself no longer finds a face there.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from socialprotocol.engine.media.config import Style

Box = tuple[int, int, int, int]
Array = npt.NDArray[np.uint8]


def pad_box(box: Box, margin: float, width: int, height: int) -> Box:
    """The box grown by ``margin`` of its size on every side, clipped to the picture."""
    x, y, w, h = box
    mx, my = round(w * margin), round(h * margin)
    x0, y0 = max(0, x - mx), max(0, y - my)
    x1, y1 = min(width, x + w + mx), min(height, y + h + my)
    return x0, y0, max(0, x1 - x0), max(0, y1 - y0)


def cover(pixels: Array, box: Box, style: Style, cells: int, solid: int = 40) -> None:
    """Make ``box`` of ``pixels`` unrecognisable, in place. ``box`` is already padded."""
    x, y, w, h = box
    if w <= 0 or h <= 0:
        return
    region = pixels[y : y + h, x : x + w]
    if style == "solid":
        region[...] = solid
        return
    if style == "pixelate":
        region[...] = _blocks(_cell_means(region, cells), h, w)
        return
    grid = _cell_means(region, max(2, cells - 1))
    # halve the contrast between cells: a smooth light-dark blob still reads as a face
    mean = grid.reshape(-1, *grid.shape[2:]).mean(axis=0)
    region[...] = _smooth(grid * 0.5 + mean * 0.5, h, w)


def _cell_means(region: Array, cells: int) -> npt.NDArray[np.float32]:
    h, w = region.shape[:2]
    ny, nx = min(cells, h), min(cells, w)
    ys = np.arange(ny + 1) * h // ny
    xs = np.arange(nx + 1) * w // nx
    rows = np.add.reduceat(region.astype(np.float32), ys[:-1], axis=0)
    sums = np.add.reduceat(rows, xs[:-1], axis=1)
    counts = np.outer(np.diff(ys), np.diff(xs)).astype(np.float32)
    if sums.ndim == 3:
        counts = counts[:, :, None]
    means: npt.NDArray[np.float32] = (sums / counts).astype(np.float32)
    return means


def _blocks(grid: npt.NDArray[np.float32], h: int, w: int) -> Array:
    ny, nx = grid.shape[:2]
    iy = np.minimum((np.arange(h) * ny) // h, ny - 1)
    ix = np.minimum((np.arange(w) * nx) // w, nx - 1)
    out: Array = np.rint(grid[iy][:, ix]).astype(np.uint8)
    return out


def _smooth(grid: npt.NDArray[np.float32], h: int, w: int) -> Array:
    """Bilinear interpolation between cell centres: a blur with no more detail than the grid."""
    ny, nx = grid.shape[:2]
    fy = np.clip((np.arange(h) + 0.5) * ny / h - 0.5, 0, ny - 1)
    fx = np.clip((np.arange(w) + 0.5) * nx / w - 0.5, 0, nx - 1)
    y0 = np.floor(fy).astype(int)
    x0 = np.floor(fx).astype(int)
    y1, x1 = np.minimum(y0 + 1, ny - 1), np.minimum(x0 + 1, nx - 1)
    wy, wx = (fy - y0).astype(np.float32), (fx - x0).astype(np.float32)
    if grid.ndim == 3:
        wy, wx = wy[:, None, None], wx[None, :, None]
    else:
        wy, wx = wy[:, None], wx[None, :]
    top = grid[y0][:, x0] * (1 - wx) + grid[y0][:, x1] * wx
    bottom = grid[y1][:, x0] * (1 - wx) + grid[y1][:, x1] * wx
    out: Array = np.rint(top * (1 - wy) + bottom * wy).astype(np.uint8)
    return out
