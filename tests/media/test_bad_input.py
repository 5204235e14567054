"""Files that are broken, hostile, mislabelled or too big: a clear Dutch error, quickly, with
bounded memory; never a crash or a hang."""

from __future__ import annotations

import struct
import time
import zlib
from pathlib import Path

import av
import numpy as np
import pytest

from socialprotocol.engine.media import MediaEngine, MediaLimits, RedactConfig
from socialprotocol.engine.model import InputError
from tests.media.conftest import CITY, panning_clip


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_it_rejects_a_zero_byte_file(engine: MediaEngine, tmp_path: Path) -> None:
    empty = tmp_path / "foto.jpg"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="leeg"):
        engine.scan(str(empty))


def test_it_rejects_a_truncated_jpeg(engine: MediaEngine, tmp_path: Path) -> None:
    data = CITY.read_bytes()
    cut = tmp_path / "half.jpg"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="beschadigd of onvolledig"):
        engine.scan(str(cut))
    with pytest.raises(InputError, match="beschadigd of onvolledig"):
        engine.redact(str(cut), str(tmp_path / "out.jpg"))
    assert not (tmp_path / "out.jpg").exists()


def test_it_refuses_a_png_decompression_bomb_of_50000_by_50000_pixels_before_decoding(
    engine: MediaEngine, tmp_path: Path
) -> None:
    header = struct.pack(">IIBBBBB", 50_000, 50_000, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (50_000 * 3 + 1) * 8)  # a few rows; the header claims 2.5 Gpixel
    bomb = tmp_path / "bom.png"
    bomb.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", rows)
        + _chunk(b"IEND", b"")
    )
    started = time.perf_counter()
    with pytest.raises(InputError, match="te groot"):
        engine.scan(str(bomb))
    with pytest.raises(InputError, match="te groot"):
        engine.redact(str(bomb), str(tmp_path / "out.png"))
    assert time.perf_counter() - started < 2


def test_it_applies_a_lower_pixel_limit_from_the_settings(tmp_path: Path) -> None:
    strict = MediaEngine(RedactConfig(limits=MediaLimits(max_image_pixels=100_000)))
    with pytest.raises(InputError, match=r"800 x 564 pixels\); de grens is 0,1 megapixel"):
        strict.detect_faces(str(CITY))


def test_it_judges_a_file_by_its_content_not_its_extension(
    engine: MediaEngine, tmp_path: Path
) -> None:
    text = tmp_path / "vakantie.jpg"
    text.write_text("dit is geen foto\n")
    with pytest.raises(InputError, match="geen foto, video of geluidsopname"):
        engine.scan(str(text))
    photo_named_as_video = tmp_path / "film.mp4"
    photo_named_as_video.write_bytes(CITY.read_bytes())
    scan = engine.scan(str(photo_named_as_video))
    assert scan.kind == "image" and len(scan.faces) >= 20


def test_it_reads_an_mp4_without_video_as_sound_and_will_not_make_a_video_of_it(
    engine: MediaEngine, tmp_path: Path
) -> None:
    path = tmp_path / "alleen-geluid.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("aac", rate=16000)
        tone = (0.2 * np.sin(2 * np.pi * 440 * np.arange(32_000) / 16_000)).astype(np.float32)
        for k in range(0, 32_000 - 1024, 1024):
            frame = av.AudioFrame.from_ndarray(
                tone[None, k : k + 1024], format="fltp", layout="mono"
            )
            frame.sample_rate, frame.pts = 16_000, k
            for p in stream.encode(frame):
                out.mux(p)
        for p in stream.encode(None):
            out.mux(p)
    scan = engine.scan(str(path))
    assert scan.kind == "audio" and scan.faces == [] and scan.tracks == [] and scan.voices == []
    with pytest.raises(InputError, match="bevat geen beeld"):
        engine.redact(str(path), str(tmp_path / "uit.mov"))
    assert engine.redact(str(path), str(tmp_path / "uit.m4a")).kind == "audio"
    assert engine.redact(str(path), str(tmp_path / "uit.mp4")).kind == "audio"


def test_it_refuses_a_two_hour_video_from_its_header_without_decoding_it(
    engine: MediaEngine, tmp_path: Path
) -> None:
    # two tiny frames two hours apart: a container that really lasts 2:00:00, made in milliseconds
    path = tmp_path / "lang.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=1)
        stream.width, stream.height, stream.pix_fmt = 16, 16, "yuv420p"
        for pts in (0, 7200):
            frame = av.VideoFrame.from_ndarray(np.zeros((16, 16, 3), np.uint8), format="rgb24")
            frame.pts = pts
            for p in stream.encode(frame):
                out.mux(p)
        for p in stream.encode(None):
            out.mux(p)
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"duurt 2:00:0\d; de grens is 0:20:00"):
        engine.scan(str(path))
    with pytest.raises(InputError, match="duurt 2:00"):
        engine.redact(str(path), str(tmp_path / "uit.mp4"))
    assert time.perf_counter() - started < 2
    longer = MediaEngine(RedactConfig(limits=MediaLimits(max_duration_s=3 * 3600)))
    assert longer.kind(str(path)) == "video"


def test_it_rejects_a_video_with_a_damaged_body(engine: MediaEngine, tmp_path: Path) -> None:
    clip = panning_clip(tmp_path / "goed.mp4", size=(160, 96), frames=6)
    data = clip.read_bytes()
    broken = tmp_path / "kapot.mp4"
    broken.write_bytes(data[:64] + bytes(len(data) - 64))
    with pytest.raises(InputError, match="beschadigd of onleesbaar"):
        engine.scan(str(broken))


def test_it_names_a_missing_file_and_a_folder(engine: MediaEngine, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="bestaat niet"):
        engine.scan(str(tmp_path / "weg.jpg"))
    with pytest.raises(InputError, match="is een map"):
        engine.scan(str(tmp_path))


def test_validate_names_the_kind_of_a_good_file_and_rejects_a_bad_one_from_its_header(
    tmp_path: Path,
) -> None:
    from socialprotocol.engine.media import validate

    assert validate(str(CITY)) == "image"
    clip = panning_clip(tmp_path / "kort.mp4", size=(160, 96), frames=4)
    assert validate(str(clip)) == "video"
    lying = tmp_path / "foto.png"
    lying.write_bytes(b"GIF89a" + bytes(20))
    with pytest.raises(InputError, match="beschadigd of onleesbaar"):
        validate(str(lying))
