"""The engine as the web app uses it: one Checker per board and directory version, per process.

The web app never re-implements an engine rule; it builds the engine's inputs from the
database and hands back the engine's report.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path

from django.conf import settings

from socialprotocol.engine.checker import Checker
from socialprotocol.engine.directory import Directory
from socialprotocol.engine.directory import Person as DirPerson
from socialprotocol.engine.protocol import Protocol, load_protocol
from socialprotocol.web.core.models import Board
from socialprotocol.web.people.models import STAFF_ROLES, Membership, ParentLink, Person

_LOCK = threading.Lock()
_CURRENT = threading.local()  # the media task running in this thread, for progress


def report_progress(label: str, fraction: float) -> None:
    """The media engine's progress callback: forwards to the task running in this thread."""
    sink = getattr(_CURRENT, "sink", None)
    if sink is not None:
        sink(fraction)


def set_progress_sink(sink: Callable[[float], None] | None) -> None:
    _CURRENT.sink = sink
_CHECKERS: dict[tuple[int, int], Checker] = {}  # (board, directory version) -> checker
# Boards with the same protocol and directory share one checker (its models load once).
_BY_CONTENT: dict[tuple[str, int], Checker] = {}
_MAX_CHECKERS = 16


@cache
def _protocol(path: str) -> Protocol:
    return load_protocol(Path(path)) if path else load_protocol()


def _protocol_path(board: Board | None) -> str:
    return (board.protocol_file if board is not None else "") or settings.PROTOCOL_FILE


def protocol_for(board: Board | None) -> Protocol:
    return _protocol(_protocol_path(board))


def checker_for(board: Board) -> Checker:
    key = (board.pk, board.directory_version)
    checker = _CHECKERS.get(key)
    if checker is not None:
        return checker
    with _LOCK:
        checker = _CHECKERS.get(key)
        if checker is None:
            directory = directory_of(board)
            path = _protocol_path(board)
            content = (path, hash(tuple(directory.people)))
            checker = _BY_CONTENT.get(content)
            if checker is None:
                checker = Checker(_protocol(path), directory, options={"progress": report_progress})
                if len(_BY_CONTENT) >= _MAX_CHECKERS:
                    _BY_CONTENT.clear()
                _BY_CONTENT[content] = checker
            for old in [k for k in _CHECKERS if k[0] == board.pk]:
                del _CHECKERS[old]
            if len(_CHECKERS) >= _MAX_CHECKERS:
                _CHECKERS.clear()
            _CHECKERS[key] = checker
    return checker


def directory_of(board: Board) -> Directory:
    """The board's people as the engine's directory (names feed the name detection)."""
    people = {
        p.pk: p for p in Person.objects.filter(board=board, active=True).order_by("external_id")
    }
    first: dict[int, tuple[str, str, str]] = {}
    for m in (
        Membership.objects.filter(person__board=board)
        .select_related("school", "group")
        .order_by("pk")
    ):
        role = "staff" if m.role in STAFF_ROLES else m.role
        current = first.get(m.person_id)
        if current is None or (current[0] == "other" and role != "other"):
            first[m.person_id] = (
                role,
                m.school.name if m.school else "",
                m.group.name if m.group else "",
            )
    children: dict[int, list[str]] = {}
    for parent_id, child in ParentLink.objects.filter(parent__board=board).values_list(
        "parent_id", "child__external_id"
    ):
        children.setdefault(parent_id, []).append(child)
    out = Directory(source=f"board:{board.pk}")
    for pk, p in people.items():
        role, school, group = first.get(pk, ("other", "", ""))
        handles = tuple(
            (h.split(":", 1)[0], h.split(":", 1)[1]) for h in p.handles if ":" in h
        )
        out.people.append(
            DirPerson(
                id=p.external_id,
                first_name=p.first_name,
                last_name=p.last_name,
                role=role,
                prefix=p.prefix,
                nickname=p.nickname,
                school=school,
                group=group,
                birth_date=p.birth_date.isoformat() if p.birth_date else "",
                handles=handles,
                parent_of=tuple(children.get(pk, ())),
            )
        )
    return out
