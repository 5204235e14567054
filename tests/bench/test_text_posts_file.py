"""The labelled text posts (bench/data/text_posts.jsonl, and the held-out
heldout*_text_posts.jsonl) stay well-formed: a broken label file fails CI instead of silently
skewing the accuracy benchmark."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from stdnum import iban
from stdnum.nl import bsn, onderwijsnummer

ROOT = Path(__file__).resolve().parents[2]
FILE = ROOT / "bench" / "data" / "text_posts.jsonl"
HELD_OUT = sorted(FILE.parent.glob("heldout*_text_posts.jsonl"))
# Fixed vocabulary of DESIGN §4 that the file labels (the identifier categories).
CATEGORIES = {
    "email", "phone", "iban", "bsn", "student_number", "postcode", "address", "birth_date",
    "license_plate",
}  # fmt: skip
ROLES = {"staff", "pupil", "parent", "other"}
CONTEXTS = {"work", "private"}
KEYS = {"id", "text", "role", "context", "platform", "scope", "spans", "disclosure_ok",
        "disclaimer_ok"}  # fmt: skip
OPTIONAL = {"about_school"}


def load(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        assert line.strip(), f"{path.name} line {n} is empty"
        row = json.loads(line)
        assert isinstance(row, dict), f"{path.name} line {n} is not an object"
        rows.append(row)
    return rows


ROWS = load(FILE)
HELD_OUT_ROWS = [row for path in HELD_OUT for row in load(path)]
EVERY_ROW = ROWS + HELD_OUT_ROWS
EVERY_ID = [r["id"] for r in EVERY_ROW]


def test_it_has_enough_posts() -> None:
    assert len(ROWS) >= 300


def test_ids_and_texts_are_unique() -> None:
    assert all(re.fullmatch(r"tp-\d{4}", r["id"]) for r in ROWS)
    assert all(re.fullmatch(r"(ho|[hds]\d{1,2}[a-z]?)-\d{4}", r["id"]) for r in HELD_OUT_ROWS)
    assert len(EVERY_ID) == len(set(EVERY_ID)), "duplicate ids"
    texts = [r["text"] for r in EVERY_ROW]
    assert len(texts) == len(set(texts)), "duplicate texts (also across the two files)"


@pytest.mark.parametrize("row", EVERY_ROW, ids=EVERY_ID)
def test_row_schema(row: dict[str, Any]) -> None:
    assert KEYS <= row.keys() <= KEYS | OPTIONAL, row.keys() ^ KEYS
    assert isinstance(row["text"], str) and row["text"].strip()
    assert row["role"] in ROLES
    assert row["context"] in CONTEXTS
    assert isinstance(row["platform"], str) and row["platform"]
    assert isinstance(row["scope"], bool)
    assert isinstance(row.get("about_school", False), bool)
    assert row["disclosure_ok"] in (True, False, None)
    assert row["disclaimer_ok"] in (True, False, None)
    assert isinstance(row["spans"], list)


@pytest.mark.parametrize("row", EVERY_ROW, ids=EVERY_ID)
def test_spans_are_in_bounds_and_do_not_overlap(row: dict[str, Any]) -> None:
    text = row["text"]
    last_end = 0
    for span in sorted(row["spans"], key=lambda s: s["start"]):
        assert set(span) == {"category", "start", "end"}
        assert span["category"] in CATEGORIES
        start, end = span["start"], span["end"]
        assert isinstance(start, int) and isinstance(end, int)
        assert 0 <= start < end <= len(text)
        assert start >= last_end, f"overlapping spans in {row['id']}"
        last_end = end
        value = text[start:end]
        assert value == value.strip(), f"span with outer white space: {value!r}"


@pytest.mark.parametrize("row", EVERY_ROW, ids=EVERY_ID)
def test_checksummed_spans_are_valid(row: dict[str, Any]) -> None:
    check = {"iban": iban.is_valid, "bsn": bsn.is_valid, "student_number": onderwijsnummer.is_valid}
    for span in row["spans"]:
        validate = check.get(span["category"])
        if validate is not None:
            value = row["text"][span["start"] : span["end"]]
            assert validate(value), f"{span['category']} {value!r} fails its checksum"


@pytest.mark.parametrize("row", EVERY_ROW, ids=EVERY_ID)
def test_labels_follow_the_rules(row: dict[str, Any]) -> None:
    if "about_school" in row:
        assert row["scope"] is row["about_school"], "about_school decides the scope"
    elif row["role"] == "staff" and row["context"] == "work":
        assert row["scope"] is True, "staff posts at work are in scope"
    staff_in_scope = row["role"] == "staff" and row["scope"]
    if not staff_in_scope:
        assert row["disclosure_ok"] is None and row["disclaimer_ok"] is None
    if row["context"] == "work":
        assert row["disclaimer_ok"] is None, "C4 applies to the private context only"
    else:
        assert (row["disclosure_ok"] is None) == (row["disclaimer_ok"] is None)


def test_file_matches_its_generator() -> None:
    """Edit bench/data/textposts/posts_*.py and rebuild; never the JSONL by hand."""
    build = pytest.importorskip("bench.data.textposts.build")
    rows = build.build()
    assert [json.dumps(r, ensure_ascii=False) for r in rows] == [
        json.dumps(r, ensure_ascii=False) for r in ROWS
    ], "text_posts.jsonl is out of date: run bench/.venv/bin/python -m bench.data.textposts.build"
