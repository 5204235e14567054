"""Redaction of photos: faces unrecognisable, consenting faces kept, metadata gone."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PIL import Image

from socialprotocol.engine.media import STYLES, MediaEngine, Style
from socialprotocol.engine.model import InputError
from tests.media.conftest import CITY_FACES, centre_in


@pytest.mark.parametrize("style", STYLES)
def test_it_leaves_no_detectable_face_where_it_covered_one(
    engine: MediaEngine, media: Path, city_gps: Path, style: Style
) -> None:
    out = media / f"city-{style}.png"
    result = engine.redact(str(city_gps), str(out), style=style)
    assert len(result.covered) >= 21
    left = engine.detect_faces(str(out))
    assert [f for f in left if any(centre_in(f.box, c) for c in result.covered)] == []
    assert all(any(centre_in(c, t) for c in result.covered) for t in CITY_FACES)


def test_it_writes_no_gps_owner_serial_or_tagged_people_into_the_copy(
    engine: MediaEngine, media: Path, city_gps: Path
) -> None:
    before = {m.field for m in engine.read_metadata(str(city_gps))}
    assert {"EXIF GPS", "EXIF 0x013B", "EXIF 0xA431", "XMP Iptc4xmpExt:PersonInImage"} <= before
    out = media / "city-clean.jpg"
    result = engine.redact(str(city_gps), str(out))
    assert {m.field for m in result.metadata_removed} == before
    assert engine.read_metadata(str(out)) == []
    copy = Image.open(out)
    assert not copy.getexif().get_ifd(0x8825)
    assert "xmp" not in copy.info


def test_it_keeps_the_face_inside_a_keep_box_and_covers_the_others(
    engine: MediaEngine, media: Path, city_gps: Path
) -> None:
    consenting = CITY_FACES[0]
    x, y, w, h = consenting
    keep = (x - 5, y - 5, w + 10, h + 10)
    out = media / "city-keep.png"
    result = engine.redact(str(city_gps), str(out), keep=[keep])
    assert len(result.kept) == 1 and centre_in(result.kept[0], consenting)
    left = engine.detect_faces(str(out))
    assert any(centre_in(f.box, consenting) for f in left)
    assert not any(centre_in(f.box, t) for f in left for t in CITY_FACES[1:])


def test_it_never_changes_the_original(engine: MediaEngine, media: Path, city_gps: Path) -> None:
    digest = hashlib.sha256(city_gps.read_bytes()).hexdigest()
    engine.redact(str(city_gps), str(media / "city-copy.webp"))
    assert hashlib.sha256(city_gps.read_bytes()).hexdigest() == digest
    with pytest.raises(InputError, match="ander bestand"):
        engine.redact(str(city_gps), str(city_gps))


@pytest.mark.parametrize("suffix", [".png", ".webp", ".heic"])
def test_it_reads_and_strips_gps_in_other_photo_formats(
    engine: MediaEngine, media: Path, city_gps: Path, suffix: str
) -> None:
    from tests.media.conftest import gps_exif

    img = Image.open(city_gps)
    src = media / f"city-gps{suffix}"
    if suffix == ".heic":
        from pillow_heif import register_heif_opener

        register_heif_opener()
    img.save(src, exif=gps_exif(img).tobytes(), quality=90)
    assert "location_metadata" in {m.category for m in engine.read_metadata(str(src))}
    out = media / f"city-clean{suffix}"
    result = engine.redact(str(src), str(out))
    assert len(result.covered) >= 21
    assert engine.read_metadata(str(out)) == []


def test_it_refuses_an_output_type_that_does_not_fit_the_input(
    engine: MediaEngine, media: Path, city_gps: Path
) -> None:
    with pytest.raises(InputError, match=r"\.jpg, \.png"):
        engine.redact(str(city_gps), str(media / "city.mp4"))


def test_pixelate_leaves_no_detail_finer_than_the_cells_whatever_the_face_size() -> None:
    import numpy as np

    from socialprotocol.engine.media.blur import cover

    rng = np.random.default_rng(1)
    for size in (17, 64, 301):
        pixels = rng.integers(0, 256, (size + 20, size + 20, 3), dtype=np.uint8)
        before = pixels.copy()
        cover(pixels, (10, 10, size, size), "pixelate", 5)
        region = pixels[10 : 10 + size, 10 : 10 + size].reshape(-1, 3)
        assert len(np.unique(region, axis=0)) <= 25
        assert (pixels[:10] == before[:10]).all()  # nothing outside the box changes
