"""Face detection on real photos: city.jpg (21 faces, many small, some in profile)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from socialprotocol.engine.media import MediaEngine
from tests.media.conftest import CITY, CITY_FACES, centre_in


def _score(
    found: list[tuple[int, int, int, int]], truth: list[tuple[int, int, int, int]]
) -> tuple[int, int]:
    hit = {i for i, t in enumerate(truth) for f in found if centre_in(f, t)}
    false = [f for f in found if not any(centre_in(f, t) for t in truth)]
    return len(hit), len(false)


def test_it_finds_all_21_faces_in_city_jpg_with_at_most_two_false_boxes(
    engine: MediaEngine,
) -> None:
    faces = engine.detect_faces(str(CITY))
    found, false = _score([f.box for f in faces], CITY_FACES)
    assert found == 21
    assert false <= 2
    assert all(0.0 < f.score <= 1.0 for f in faces)


def test_it_finds_the_faces_of_a_group_photo_shot_at_12_megapixels(
    engine: MediaEngine, media: Path
) -> None:
    big = Image.open(CITY).resize((4000, 2820), Image.Resampling.BICUBIC)
    path = media / "city-12mp.jpg"
    big.save(path, quality=90)
    faces = engine.detect_faces(str(path))
    found, false = _score([f.box for f in faces], [tuple(v * 5 for v in b) for b in CITY_FACES])  # type: ignore[misc]
    assert found >= 20
    assert false <= 3


def test_it_reports_boxes_in_the_upright_picture_when_exif_says_the_camera_was_turned(
    engine: MediaEngine, media: Path
) -> None:
    # stored on its side, with EXIF orientation 6 (turn 90 degrees clockwise to view)
    img = Image.open(CITY).transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    path = media / "city-turned.jpg"
    img.save(path, quality=95, exif=exif)
    faces = engine.detect_faces(str(path))
    found, false = _score([f.box for f in faces], CITY_FACES)
    assert found >= 20
    assert false <= 2


def test_it_finds_no_faces_in_a_picture_without_people(engine: MediaEngine, media: Path) -> None:
    # the street above the crowd: trees, buildings and a bus shelter
    path = media / "no-people.png"
    Image.open(CITY).crop((0, 0, 800, 95)).save(path)
    assert engine.detect_faces(str(path)) == []
