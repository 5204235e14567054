"""The report contract: every report validates against the JSON schema in the repo."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from socialprotocol.engine.model import Verdict
from socialprotocol.engine.report import error_dict, report_dict, report_schema

from .helpers import checker, post

EXAMPLES = [
    ("Lekker gefietst", "parent", "private"),
    ("Bel juf Sanne op 06-12345678 over de schoolreis", "parent", "private"),
    ("ASKO doet te weinig. mail me: a@b.nl", "staff", "private"),
    ("Trots op groep 7! Ik werk bij ASKO.", "staff", "work"),
]


@pytest.mark.parametrize(("text", "role", "setting"), EXAMPLES)
def test_reports_validate_against_the_schema(text: str, role: str, setting: str) -> None:
    data = report_dict(checker().check(post(text, role=role, setting=setting)), post_id="x1")
    jsonschema.validate(data, report_schema())
    assert data["schema"] == "socialprotocol/report/v1"
    assert data["protocol"] == {"id": "asko-2018", "approved_on": "2018-03-26"}


def test_a_batch_error_validates_against_the_schema() -> None:
    jsonschema.validate(error_dict(7, "Regel 7 is geen geldige JSON."), report_schema())


def test_a_text_finding_points_at_code_point_offsets() -> None:
    text = "Zoë 😀 belt 06-12345678 over de schoolreis"
    data = report_dict(checker(("identifiers",)).check(post(text)))
    ev = data["findings"][0]["evidence"]
    assert text[ev["start"] : ev["end"]] == ev["excerpt"] == "06-12345678"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Wat een mooie schoolreis!", Verdict.ALLOWED),
        ("Schoolreis: bel 06-12345678", Verdict.NOT_ALLOWED),
        ("ASKO moet beter. Ik werk bij ASKO.", Verdict.REVISE),
    ],
)
def test_the_verdict_follows_the_most_severe_finding(text: str, verdict: Verdict) -> None:
    assert checker().check(post(text, role="staff", setting="private")).verdict is verdict


def test_every_in_scope_report_carries_notices_a3_and_a4() -> None:
    report = checker().check(post("Wat een mooie schoolreis!"))
    assert [n.rule for n in report.notices] == ["A3", "A4"]


def test_articles_no_analyser_can_check_are_listed_as_not_checked() -> None:
    report = checker(("identifiers",)).check(
        post("Wat een mooie schoolreis!", role="staff", setting="private")
    )
    listed = {n.rule: n.categories for n in report.not_checked}
    assert "C2" in listed  # mission and vision: never judged by software
    assert "A6" in listed  # connections: not visible in one post
    assert "email" not in listed.get("C1", ())
    assert "A2" not in listed  # C1 is the article cited for a staff member's private post


def test_a_post_without_text_fixes_has_no_fixed_text() -> None:
    assert checker().check(post("Wat een mooie schoolreis!")).fixed_text is None


def test_a_post_whose_photo_cannot_be_read_is_never_allowed(tmp_path: Path) -> None:
    from socialprotocol.engine.model import MediaRef, Post, PostContext, Role, Setting

    fake = tmp_path / "foto.jpg"
    fake.write_bytes(b"dit is geen foto")
    report = checker().check(
        Post("Schoolreis!", PostContext(Role.PARENT, Setting.PRIVATE), (MediaRef(str(fake)),))
    )
    assert report.verdict is Verdict.REVISE
    assert "A5" in [n.rule for n in report.not_checked]
