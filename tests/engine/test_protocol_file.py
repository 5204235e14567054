"""The protocol as data: the ASKO file is complete, and a broken file is refused clearly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from socialprotocol.engine.protocol import ProtocolError, load_protocol, parse_protocol
from socialprotocol.engine.protocol.schema import CATEGORIES

ASKO = Path(__file__).parents[2] / "src" / "socialprotocol" / "protocols" / "asko-2018.yaml"
SOURCE = Path(__file__).parents[3] / "shared" / "protocol" / "protocol-sociale-media-asko-2018.txt"


def test_every_part_of_the_asko_protocol_is_in_the_file() -> None:
    protocol = load_protocol("asko-2018")
    ids = [a.id for a in protocol.articles]
    expected = (
        [f"U{i}" for i in range(1, 6)]
        + ["R1", "R2"]
        + [f"A{i}" for i in range(1, 8)]
        + [f"B{i}" for i in range(1, 4)]
        + [f"C{i}" for i in range(1, 5)]
        + [f"D{i}" for i in range(1, 7)]
    )
    assert ids == expected
    assert protocol.approval.body == "GMR"
    assert protocol.approval.date.isoformat() == "2018-03-26"
    for article in protocol.articles:
        assert article.statement.nl and article.statement.en and article.guidance.nl


@pytest.mark.skipif(not SOURCE.exists(), reason="the shared protocol text is beside the repo in CI")
def test_each_article_quotes_the_source_text() -> None:
    source = re.sub(r"\s+", " ", SOURCE.read_text(encoding="utf-8"))
    for article in load_protocol().articles:
        words = re.sub(r"\s+", " ", article.source_text).split()
        # the quoted text is in the protocol (ignoring the line breaks of the PDF export)
        assert " ".join(words[-6:]) in source, article.id


def test_every_category_of_the_report_contract_has_texts() -> None:
    protocol = load_protocol()
    assert set(protocol.categories) == CATEGORIES
    disclosure = protocol.categories["missing_disclosure"].fix
    assert disclosure is not None and disclosure.action == "append" and disclosure.text is not None


def test_a_protocol_file_loads_by_path(tmp_path: Path) -> None:
    copy = tmp_path / "ander-bestuur.yaml"
    copy.write_text(
        ASKO.read_text(encoding="utf-8").replace("id: asko-2018", "id: ander-bestuur"),
        encoding="utf-8",
    )
    assert load_protocol(copy).id == "ander-bestuur"


BROKEN = [
    ("articles:\n  - id: A1\n    section: [", "geen geldige YAML"),
    ("- just\n- a list\n", "YAML-mapping"),
]


@pytest.mark.parametrize(("text", "says"), BROKEN)
def test_it_refuses_a_file_that_is_not_a_protocol(text: str, says: str) -> None:
    with pytest.raises(ProtocolError, match=says):
        parse_protocol(text, "kapot.yaml")


def _asko_with(old: str, new: str) -> str:
    text = ASKO.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "line_of", "field"),
    [
        (
            "    checks: [during_lesson]",
            "    checks: [during_lessons]",
            "checks: [during_lessons]",
            "articles.7.checks",
        ),
        (
            "    roles: [staff, pupil]",
            "    roles: [staff, leerkracht]",
            "roles: [staff, leerkracht]",
            "articles.7.roles.1",
        ),
        ("  date: 2018-03-26", "  date: 26 maart", "date: 26 maart", "approval.date"),
        ("  phone:\n    label:", "  telefoon:\n    label:", "  telefoon:", "categories"),
    ],
)
def test_a_broken_field_is_named_with_its_line(
    old: str, new: str, line_of: str, field: str
) -> None:
    text = _asko_with(old, new)
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if line_of in ln)
    with pytest.raises(ProtocolError) as err:
        parse_protocol(text, "asko-2018.yaml")
    message = str(err.value)
    assert f"veld '{field}" in message
    assert f"regel {line}" in message or field == "categories"


def test_an_unknown_protocol_id_lists_the_bundled_ones() -> None:
    with pytest.raises(ProtocolError, match="asko-2018"):
        load_protocol("bestaat-niet")


def test_a_missing_protocol_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ProtocolError, match="bestaat niet"):
        load_protocol(tmp_path / "weg.yaml")
