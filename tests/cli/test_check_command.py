"""`socialprotocol check` as people use it: one post, a batch, and every kind of bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from socialprotocol.cli.main import main
from socialprotocol.engine.report import report_schema


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "socialprotocol", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
    )


def test_a_staff_member_gets_a_dutch_answer_citing_the_articles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(
        [
            "check",
            "Bel me over de schoolreis: 06-12345678",
            "--role",
            "medewerker",
            "--context",
            "werk",
        ]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert "Plaats dit zo niet." in out
    assert "[A2, mag niet]" in out and "»06-12345678«" in out
    assert "[telefoonnummer]" in out
    assert "Let op: je bent zelf verantwoordelijk" in out


def test_an_allowed_post_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["check", "Wat een mooie schoolreis!", "--role", "ouder", "--context", "prive"]) == 0
    )
    assert "Je kunt dit plaatsen." in capsys.readouterr().out


def test_english_messages_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    main(
        [
            "check",
            "schoolreis: bel 06-12345678",
            "--role",
            "parent",
            "--context",
            "private",
            "--lang",
            "en",
        ]
    )
    assert "Do not post this as it is." in capsys.readouterr().out


def test_json_output_is_the_report_contract(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "ASKO is traag", "--role", "staff", "--context", "private", "--json"])
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, report_schema())
    assert {f["category"] for f in data["findings"]} >= {"missing_disclosure", "missing_disclaimer"}


def test_text_can_come_from_standard_input() -> None:
    result = run(
        "check",
        "-",
        "--role",
        "leerling",
        "--context",
        "prive",
        "--json",
        stdin=b"juf@school.nl schoolreis",
    )
    assert result.returncode == 1
    assert json.loads(result.stdout)["findings"][0]["category"] == "email"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["check", "hoi", "--role", "baas", "--context", "werk"], "Onbekende rol 'baas'"),
        (["check", "hoi", "--role", "ouder", "--context", "thuis"], "Onbekende context 'thuis'"),
        (["check", "hoi", "--context", "werk"], "--role ontbreekt"),
        (["check", "--role", "ouder", "--context", "werk"], "Geef de tekst"),
        (
            ["check", "hoi", "--role", "ouder", "--context", "werk", "--at", "morgen"],
            "Tijdstip 'morgen'",
        ),
        (
            ["check", "hoi", "--role", "ouder", "--context", "werk", "--protocol", "onbekend"],
            "Onbekend protocol",
        ),
        (
            ["check", "hoi", "--role", "ouder", "--context", "werk", "--directory", "/nergens.csv"],
            "bestaat niet",
        ),
        (
            ["check", "hoi", "--role", "ouder", "--context", "werk", "--media", "/nergens.jpg"],
            "bestaat niet",
        ),
        (["check", "--jsonl", "/nergens.jsonl"], "bestaat niet"),
        (
            [
                "check",
                "hoi",
                "--role",
                "ouder",
                "--context",
                "werk",
                "--decency-model",
                "/nergens.onnx",
            ],
            "Fatsoenmodel",
        ),
    ],
)
def test_bad_usage_gets_one_dutch_line_and_exit_two(args: list[str], says: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    err = result.stderr.decode()
    assert says in err
    assert "Traceback" not in err


def test_a_five_megabyte_text_is_refused_clearly() -> None:
    result = run("check", "-", "--role", "ouder", "--context", "prive", stdin=b"a" * 5_000_000)
    assert result.returncode == 2
    assert "hoogstens 100.000 tekens" in result.stderr.decode()


def test_invalid_utf8_on_standard_input_is_refused_clearly() -> None:
    result = run(
        "check", "-", "--role", "ouder", "--context", "prive", stdin=b"schoolreis \xff\xfe"
    )
    assert result.returncode == 2
    assert "geen geldige UTF-8" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_a_batch_reports_every_line_in_order_and_goes_on_after_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"id": "a", "text": "Schoolreis! bel 06-12345678", "role": "ouder", "context": "prive"}
        ).encode(),
        b'{"id": "b", "text": kapot',
        json.dumps({"id": "c", "text": "hoi", "role": "directeur", "context": "werk"}).encode(),
        b"\xff\xfe niet utf8",
        b"[1, 2]",
        json.dumps(
            {"id": "f", "text": "x" * 200_000, "role": "ouder", "context": "prive"}
        ).encode(),
        json.dumps(
            {"id": "g", "text": "Lekker gefietst", "role": "ouder", "context": "prive"}
        ).encode(),
    ]
    src = tmp_path / "posts.jsonl"
    src.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "reports.jsonl"
    result = run("check", "--jsonl", str(src), "--out", str(out))
    assert result.returncode == 1
    assert "7/7 berichten" in result.stderr.decode()
    reports = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(reports) == 7
    for r in reports:
        jsonschema.validate(r, report_schema())
    assert [r.get("id") for r in reports] == ["a", None, "c", None, None, "f", "g"]
    assert reports[0]["verdict"] == "not_allowed"
    assert "geen geldige JSON" in reports[1]["error"]["nl"]
    assert "Onbekende rol" in reports[2]["error"]["nl"]
    assert "UTF-8" in reports[3]["error"]["nl"]
    assert "JSON-object" in reports[4]["error"]["nl"]
    assert "100.000 tekens" in reports[5]["error"]["nl"]
    assert reports[6]["in_scope"] is False


def test_a_clean_batch_exits_zero(tmp_path: Path) -> None:
    src = tmp_path / "posts.jsonl"
    src.write_text(
        json.dumps({"id": 1, "text": "Mooie schoolreis", "role": "leerling", "context": "prive"})
        + "\n",
        encoding="utf-8",
    )
    result = run("check", "--jsonl", str(src))
    assert result.returncode == 0
    assert json.loads(result.stdout)["id"] == 1


def test_a_directory_with_bad_rows_warns_and_still_checks(tmp_path: Path) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text(
        "id,first_name,prefix,last_name,nickname,role,school,group,birth_date,handles,parent_of\n"
        "p1,Sem,,Jansen,,pupil,De Zonnebloem,7,,,\n"
        "p2,Kees,,Bos,,rector,De Zonnebloem,,,,\n",
        encoding="utf-8",
    )
    result = run(
        "check",
        "Feest op de Zonnebloem",
        "--role",
        "ouder",
        "--context",
        "prive",
        "--directory",
        str(csv),
        "--json",
    )
    assert "regel 3" in result.stderr.decode()
    assert json.loads(result.stdout)["in_scope"] is True


def test_a_file_that_is_not_a_photo_is_refused_in_one_dutch_line(tmp_path: Path) -> None:
    fake = tmp_path / "foto.jpg"
    fake.write_bytes(b"dit is geen foto")
    result = run(
        "check", "Schoolreis!", "--role", "ouder", "--context", "prive", "--media", str(fake)
    )
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.startswith(f"socialprotocol: Mediabestand '{fake}'")
    assert "Traceback" not in err


def test_a_batch_line_with_a_broken_photo_gets_an_error_report(tmp_path: Path) -> None:
    fake = tmp_path / "leeg.jpg"
    fake.write_bytes(b"")
    src = tmp_path / "posts.jsonl"
    line = {
        "id": 1,
        "text": "Schoolreis",
        "role": "ouder",
        "context": "prive",
        "media": [str(fake)],
    }
    src.write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = run("check", "--jsonl", str(src))
    report = json.loads(result.stdout)
    assert "Mediabestand" in report["error"]["nl"]
    assert result.returncode == 1


def test_faces_in_one_photo_are_one_line_in_the_answer(capsys: pytest.CaptureFixture[str]) -> None:
    city = Path(__file__).parents[3] / "shared" / "data" / "images" / "city.jpg"
    if not city.exists():
        pytest.skip("shared data beside the repo")
    main(["check", "Schoolreis!", "--role", "ouder", "--context", "prive", "--media", str(city)])
    out = capsys.readouterr().out
    face_lines = [ln for ln in out.splitlines() if "gezicht" in ln and "[A5" in ln]
    assert len(face_lines) == 1
    assert "in bestand 1)" in face_lines[0]


def test_an_internal_error_is_one_dutch_line_and_exit_three(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from socialprotocol.engine.checker import Checker

    def broken(self: Checker, post: object) -> None:
        raise ValueError("a bug")

    monkeypatch.setattr(Checker, "check", broken)
    code = main(["check", "Hallo", "--role", "ouder", "--context", "prive"])
    err = capsys.readouterr().err
    assert code == 3
    assert err.startswith("socialprotocol: interne fout (ValueError)")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_an_internal_error_costs_a_batch_only_its_own_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from socialprotocol.engine.checker import Checker

    real = Checker.check

    def sometimes_broken(self: Checker, post: Any) -> Any:
        if post.text == "kapot":
            raise ValueError("a bug")
        return real(self, post)

    monkeypatch.setattr(Checker, "check", sometimes_broken)
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    rows = [{"id": i, "text": t, "role": "ouder", "context": "prive"} for i, t in
            enumerate(["Mooie dag!", "kapot", "Nog een mooie dag!"])]  # fmt: skip
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert main(["check", "--jsonl", str(src), "--out", str(out)]) == 1
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x.get("id") for x in lines] == [0, 1, 2]
    assert "interne fout (ValueError)" in lines[1]["error"]["nl"]
    assert lines[0]["verdict"] == lines[2]["verdict"] == "allowed"


def test_the_progress_line_says_one_post_in_the_singular() -> None:
    import io

    from socialprotocol.cli.progress import Progress

    out = io.StringIO()
    progress = Progress(None, out)
    progress.step()
    progress.done()
    assert out.getvalue().splitlines()[-1].startswith("1 bericht,")
