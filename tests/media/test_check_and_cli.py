"""The media check inside the protocol check, and the `socialprotocol media` command."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from socialprotocol.cli.main import main
from socialprotocol.engine.checker import Checker
from socialprotocol.engine.model import (
    ContextEvidence,
    ImageEvidence,
    MediaRef,
    Post,
    PostContext,
    Role,
    Setting,
    Verdict,
)
from socialprotocol.engine.report import report_dict, report_schema
from tests.media.conftest import CITY


@pytest.fixture(scope="module")
def checker() -> Checker:
    if not CITY.exists():
        pytest.skip("../shared/data/images/city.jpg is not here")
    return Checker(analysers=["media"])


def _post(*paths: Path | str) -> Post:
    return Post(
        "Onze klas op schoolreis naar het museum!",
        PostContext(Role.STAFF, Setting.WORK, about_school=True),
        tuple(MediaRef(str(p)) for p in paths),
    )


def test_a_class_photo_with_gps_is_not_allowed_and_each_face_is_a_finding_under_a5(
    checker: Checker, city_gps: Path
) -> None:
    report = checker.check(_post(city_gps))
    assert report.verdict is Verdict.NOT_ALLOWED
    faces = [f for f in report.findings if f.category == "face"]
    assert len(faces) >= 21
    assert all(f.rule == "A5" and f.fix is not None and f.fix.action == "blur" for f in faces)
    assert all(isinstance(f.evidence, ImageEvidence) and f.evidence.media == 0 for f in faces)
    gps = [f for f in report.findings if f.category == "location_metadata"]
    assert len(gps) == 1 and isinstance(gps[0].evidence, ContextEvidence)
    assert gps[0].fix is not None and gps[0].fix.action == "strip_metadata"
    assert "A5" not in {n.rule for n in report.not_checked}
    as_json = report_dict(report)
    jsonschema.validate(as_json, report_schema())
    assert {f["evidence"]["kind"] for f in as_json["findings"]} == {"image", "context"}


def test_a_file_that_cannot_be_read_leaves_a5_not_checked_instead_of_clean(
    checker: Checker, tmp_path: Path
) -> None:
    broken = tmp_path / "foto.jpg"
    broken.write_bytes(CITY.read_bytes()[:5000])
    report = checker.check(_post(CITY, broken))
    a5 = [n for n in report.not_checked if n.rule == "A5"]
    assert a5 and set(a5[0].categories) == {"face", "voice", "location_metadata", "metadata"}
    analyser = next(a for a in checker.analysers if a.name == "media")
    assert "beschadigd" in analyser.errors(_post(broken))[0]  # type: ignore[attr-defined]


def test_a_post_without_media_is_covered_without_loading_the_models() -> None:
    checker = Checker(analysers=["media"])
    report = checker.check(_post())
    assert "A5" not in {n.rule for n in report.not_checked}
    assert checker.analysers[0]._engine is None  # type: ignore[attr-defined]


def test_media_redact_writes_a_copy_and_reports_in_dutch(
    city_gps: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "veilig.jpg"
    assert (
        main(
            [
                "media",
                "redact",
                str(city_gps),
                str(out),
                "--keep",
                "50,125,40,48",
                "--style",
                "blur",
            ]
        )
        == 0
    )
    said = capsys.readouterr().out
    assert "onherkenbaar gemaakt, 1 bewaard" in said and "metadata-veld(en) verwijderd" in said
    assert out.exists()
    assert main(["media", "scan", str(out), "--json"]) == 1  # the kept face is still there
    scanned = json.loads(capsys.readouterr().out)
    assert len(scanned[0]["faces"]) == 1 and scanned[0]["metadata"] == []


def test_media_commands_print_one_dutch_line_for_a_bad_file_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "leeg.jpg"
    empty.write_bytes(b"")
    assert main(["media", "scan", str(empty)]) == 2
    assert (
        capsys.readouterr().err.strip() == "socialprotocol: Bestand 'leeg.jpg' is leeg (0 bytes)."
    )
    assert main(["media", "redact", str(CITY), str(tmp_path / "x.jpg"), "--keep", "1,2,3"]) == 2
    assert "X,Y,BREEDTE,HOOGTE" in capsys.readouterr().err


def test_a_video_reports_each_followed_face_with_its_time_range_and_its_gps_tag(
    checker: Checker, media: Path
) -> None:
    from socialprotocol.engine.model import VideoEvidence
    from tests.media.conftest import panning_clip

    clip = panning_clip(media / "uitje.mp4", size=(320, 180), frames=12, fps=6,
                        metadata={"location": "+52.3702+004.8952/"})  # fmt: skip
    report = checker.check(_post(clip))
    faces = [f for f in report.findings if f.category == "face"]
    assert faces and all(isinstance(f.evidence, VideoEvidence) for f in faces)
    assert all(0 <= f.evidence.from_s <= f.evidence.to_s <= 2.0 for f in faces)  # type: ignore[union-attr]
    assert [f.category for f in report.findings if f.rule == "A5" and f.category != "face"] == [
        "location_metadata"
    ]
