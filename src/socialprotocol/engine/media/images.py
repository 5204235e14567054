"""Reading photos safely: size checked from the header, EXIF orientation applied."""

from __future__ import annotations

import os
import warnings
from functools import cache

from PIL import Image, ImageOps

from socialprotocol.engine.media.config import MediaLimits
from socialprotocol.engine.media.sniff import sniff
from socialprotocol.engine.model import InputError


@cache
def _register_heif() -> None:
    from pillow_heif import register_heif_opener

    register_heif_opener()


def open_image(path: str, limits: MediaLimits | None = None) -> Image.Image:
    """Open a photo lazily (header only) after checking its pixel count; still undecoded."""
    limits = limits or MediaLimits()
    name = os.path.basename(path)
    info = sniff(path, limits)
    if info.kind != "image":
        raise InputError(f"Bestand '{name}' is geen foto maar een video- of geluidsbestand.")
    if info.format == "heif":
        _register_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InputError(_too_many_pixels(name, None, limits)) from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise InputError(f"Foto '{name}' is beschadigd of onleesbaar ({exc}).") from None
    w, h = img.size
    if w * h > limits.max_image_pixels or w <= 0 or h <= 0:
        img.close()
        raise InputError(_too_many_pixels(name, (w, h), limits))
    return img


def load_upright(path: str, limits: MediaLimits | None = None) -> tuple[Image.Image, Image.Image]:
    """The photo decoded, turned upright per EXIF, as RGB; plus the opened original (metadata)."""
    img = open_image(path, limits)
    name = os.path.basename(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img.load()
            upright = ImageOps.exif_transpose(img)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InputError(_too_many_pixels(name, img.size, limits or MediaLimits())) from None
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise InputError(f"Foto '{name}' is beschadigd of onvolledig ({exc}).") from None
    if upright.mode != "RGB":
        upright = _to_rgb(upright)
    return upright, img


def _to_rgb(img: Image.Image) -> Image.Image:
    if img.mode in {"RGBA", "LA", "PA"} or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        canvas = Image.new("RGB", rgba.size, (255, 255, 255))
        canvas.paste(rgba, mask=rgba.getchannel("A"))
        return canvas
    return img.convert("RGB")


def _too_many_pixels(name: str, size: tuple[int, int] | None, limits: MediaLimits) -> str:
    limit_mp = f"{limits.max_image_pixels / 1e6:.3g}".replace(".", ",")
    dims = f" ({size[0]:,} x {size[1]:,} pixels)".replace(",", ".") if size else ""
    return (
        f"Foto '{name}' is te groot{dims}; de grens is {limit_mp} megapixel. "
        "Verklein de foto en probeer het opnieuw."
    )
