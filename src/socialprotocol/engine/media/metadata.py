"""Metadata that gives away a place or a person: GPS position, camera serial numbers, owner
and author names, people tagged in XMP/IPTC. Read from photos (EXIF, XMP, IPTC, PNG text) and
from MP4/MOV/WebM/audio containers. Stripping is done by writing a new file (see ``redact``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from PIL import Image, ImageFile, IptcImagePlugin

Category = Literal["location_metadata", "metadata"]


@dataclass(frozen=True, slots=True)
class MetadataItem:
    category: Category
    field: str  # where it was found, e.g. "EXIF GPS", "XMP Iptc4xmpExt:PersonInImage"
    label: str  # Dutch, what it is
    value: str  # shortened to 80 characters

    def as_dict(self) -> dict[str, str]:
        return {
            "category": self.category,
            "field": self.field,
            "label": self.label,
            "value": self.value,
        }


# EXIF tags (IFD0 and the Exif IFD) that identify a device or a person.
_EXIF_TAGS: dict[int, str] = {
    0x013B: "maker (Artist)",
    0x8298: "copyright",
    0xA430: "eigenaar van de camera",
    0xA431: "serienummer van de camera",
    0xA435: "serienummer van de lens",
    0xA420: "unieke beeldcode",
    0x927C: "fabrikantgegevens (MakerNote, vaak met serienummer)",
    0x010F: "merk van het toestel",
    0x0110: "model van het toestel",
}
_EXIF_IFD = 0x8769
_GPS_IFD = 0x8825

# XMP properties: (pattern, category, Dutch label)
_XMP: tuple[tuple[str, Category, str], ...] = (
    ("exif:GPSLatitude", "location_metadata", "GPS-positie (XMP)"),
    ("Iptc4xmpCore:Location", "location_metadata", "plaatsnaam (XMP)"),
    ("photoshop:City", "location_metadata", "plaatsnaam (XMP)"),
    ("Iptc4xmpExt:PersonInImage", "metadata", "namen van mensen op de foto (XMP)"),
    ("mwg-rs:Name", "metadata", "getagde personen (XMP-regio's)"),
    ("MPRI:PersonDisplayName", "metadata", "getagde personen (XMP)"),
    ("dc:creator", "metadata", "maker (XMP)"),
    ("aux:SerialNumber", "metadata", "serienummer van de camera (XMP)"),
    ("exifEX:BodySerialNumber", "metadata", "serienummer van de camera (XMP)"),
    ("aux:OwnerName", "metadata", "eigenaar van de camera (XMP)"),
)

# IPTC IIM datasets (record 2)
_IPTC: dict[tuple[int, int], tuple[Category, str]] = {
    (2, 80): ("metadata", "maker (IPTC)"),
    (2, 90): ("location_metadata", "plaatsnaam (IPTC)"),
    (2, 92): ("location_metadata", "wijk (IPTC)"),
    (2, 116): ("metadata", "copyright (IPTC)"),
    (2, 122): ("metadata", "schrijver (IPTC)"),
}

_PNG_TEXT = {
    "author": "maker",
    "copyright": "copyright",
    "source": "toestel",
    "comment": "opmerking",
}

# container tags in MP4/MOV/WebM/MP3 (FFmpeg lower-cases them)
_AV_LOCATION = ("location", "location-eng", "com.apple.quicktime.location.iso6709", "gps")
_AV_PERSON = {
    "artist": "maker",
    "author": "maker",
    "composer": "maker",
    "copyright": "copyright",
    "com.apple.quicktime.author": "maker",
    "com.apple.quicktime.artist": "maker",
    "com.apple.quicktime.make": "merk van het toestel",
    "com.apple.quicktime.model": "model van het toestel",
    "com.apple.quicktime.camera.identifier": "camera-id",
    "com.apple.quicktime.content.identifier": "unieke opnamecode",
    "make": "merk van het toestel",
    "model": "model van het toestel",
    "com.android.manufacturer": "merk van het toestel",
    "com.android.model": "model van het toestel",
    "serial": "serienummer",
}


def _short(value: object) -> str:
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    text = " ".join(text.replace("\x00", " ").split())
    return text if len(text) <= 80 else text[:77] + "..."


def image_metadata(img: Image.Image) -> list[MetadataItem]:
    """Identifying metadata of an opened (not necessarily decoded) Pillow image."""
    items: list[MetadataItem] = []
    exif = img.getexif()
    gps = exif.get_ifd(_GPS_IFD)
    if gps:
        items.append(MetadataItem("location_metadata", "EXIF GPS", "GPS-positie", _gps_text(gps)))
    tags = dict(exif)
    tags.update(exif.get_ifd(_EXIF_IFD))
    for tag, label in _EXIF_TAGS.items():
        value = tags.get(tag)
        if value not in (None, "", b""):
            shown = "aanwezig" if tag == 0x927C else _short(value)
            items.append(MetadataItem("metadata", f"EXIF 0x{tag:04X}", label, shown))
    for key in ("xmp", "XML:com.adobe.xmp"):
        xmp = img.info.get(key)
        if xmp:
            items.extend(
                _xmp_items(xmp if isinstance(xmp, str) else bytes(xmp).decode("utf-8", "replace"))
            )
    if img.format == "JPEG" and isinstance(img, ImageFile.ImageFile):
        iptc = IptcImagePlugin.getiptcinfo(img) or {}
        for ds, (cat, label) in _IPTC.items():
            if ds in iptc:
                items.append(MetadataItem(cat, f"IPTC {ds[0]}:{ds[1]}", label, _short(iptc[ds])))
    if img.format == "PNG":
        for info_key, value in img.info.items():
            text_label = _PNG_TEXT.get(str(info_key).lower())
            if text_label and isinstance(value, str | bytes):
                items.append(MetadataItem("metadata", f"PNG {info_key}", text_label, _short(value)))
    return items


def _gps_text(gps: Mapping[int, object]) -> str:
    try:
        lat = _dms(gps[2], gps.get(1))
        lon = _dms(gps[4], gps.get(3))
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        return "aanwezig"
    return f"{lat:.5f}, {lon:.5f}"


def _dms(value: object, ref: object) -> float:
    if not isinstance(value, tuple | list) or len(value) != 3:
        raise ValueError("not degrees, minutes, seconds")
    d, m, s = (float(v) for v in value)
    sign = -1 if str(ref).upper() in {"S", "W"} else 1
    return sign * (d + m / 60 + s / 3600)


def _xmp_items(xmp: str) -> list[MetadataItem]:
    items = []
    for prop, cat, label in _XMP:
        # attribute form prop="value" or element form <prop>...</prop>
        m = re.search(rf'{re.escape(prop)}="([^"]*)"', xmp) or re.search(
            rf"<{re.escape(prop)}>(.*?)</{re.escape(prop)}>", xmp, re.S
        )
        if m:
            value = re.sub(r"<[^>]+>", " ", m.group(1))
            items.append(MetadataItem(cat, f"XMP {prop}", label, _short(value) or "aanwezig"))
    return items


def av_metadata(tags: Iterable[tuple[str, str]]) -> list[MetadataItem]:
    """Identifying container or stream tags of a video or audio file."""
    items = []
    seen = set()
    for key, value in tags:
        k = key.lower()
        if not value or value in seen:  # "location" and "location-eng" hold the same value
            continue
        seen.add(value)
        if k in _AV_LOCATION or k.endswith("location.iso6709"):
            items.append(
                MetadataItem("location_metadata", f"tag {key}", "GPS-positie", _short(value))
            )
        elif k in _AV_PERSON:
            items.append(MetadataItem("metadata", f"tag {key}", _AV_PERSON[k], _short(value)))
    return items
