"""What the case workflow takes from the board's protocol file: articles, measures, tasks."""

from __future__ import annotations

from socialprotocol.engine.protocol.schema import Measure
from socialprotocol.engine.protocol.schema import Task as TaskSpec
from socialprotocol.web.checks.engine import protocol_for
from socialprotocol.web.core.models import Board

# The measure ladder of the protocol for each role of an involved person.
LADDERS = {"staff": "staff", "pupil": "pupil_parent", "parent": "pupil_parent"}
# The protocol article each mandatory task hangs off (the file names the task per article).
GRENSOVERSCHRIJDEND_RULE = "D2"
CRIMINAL_RULE = "D6"


def article_choices(board: Board) -> list[tuple[str, str]]:
    return [(a.id, f"{a.id} – {a.statement.nl}") for a in protocol_for(board).articles]


def measures_for(board: Board, ladder: str) -> list[Measure]:
    measures = protocol_for(board).measures
    return list(measures.staff if ladder == "staff" else measures.pupil_parent)


def measure_spec(board: Board, ladder: str, measure_id: str) -> Measure | None:
    return next((m for m in measures_for(board, ladder) if m.id == measure_id), None)


def task_for_rule(board: Board, rule: str) -> TaskSpec | None:
    return next((t for t in protocol_for(board).tasks if t.rule == rule), None)
