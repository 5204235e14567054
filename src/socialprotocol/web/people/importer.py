"""Plan an import of the directory (CSV or OneRoster, read by the engine) against the database.

The plan says what would change, row by row, before anything changes: the dry run shows it,
and ``do_import_directory`` applies exactly that plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from socialprotocol.engine.directory import Directory
from socialprotocol.engine.directory import Person as DirPerson
from socialprotocol.web.core.models import Board
from socialprotocol.web.people.models import Membership, ParentLink, Person

FIELDS = ("first_name", "prefix", "last_name", "nickname", "birth_date", "handles")


@dataclass(slots=True)
class PlannedPerson:
    source: DirPerson
    values: dict[str, Any]
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # field -> (old, new)


@dataclass(slots=True)
class ImportPlan:
    create: list[PlannedPerson] = field(default_factory=list)
    update: list[PlannedPerson] = field(default_factory=list)
    unchanged: int = 0
    missing: list[str] = field(default_factory=list)  # in the database, not in the file
    errors: list[str] = field(default_factory=list)  # "regel N: ..." per row that was skipped
    links: list[tuple[str, str]] = field(default_factory=list)  # (parent id, child id)

    def summary(self) -> dict[str, int]:
        return {
            "nieuw": len(self.create),
            "gewijzigd": len(self.update),
            "ongewijzigd": self.unchanged,
            "niet_in_bestand": len(self.missing),
            "fouten": len(self.errors),
            "ouder_kind": len(self.links),
        }

    def lines(self) -> list[str]:
        """The dry-run report, in Dutch, one line per change."""
        out = [f"nieuw: {p.source.id} {_name(p.source)}" for p in self.create]
        for p in self.update:
            diff = ", ".join(f"{k}: {old!r} → {new!r}" for k, (old, new) in p.changes.items())
            out.append(f"gewijzigd: {p.source.id} {_name(p.source)} ({diff})")
        out += [f"niet in bestand: {pid}" for pid in self.missing]
        out += [f"fout: {e}" for e in self.errors]
        return out


def _name(p: DirPerson) -> str:
    return " ".join(x for x in (p.first_name, p.prefix, p.last_name) if x)


def _values(p: DirPerson, line_errors: list[str]) -> dict[str, Any]:
    birth: dt.date | None = None
    if p.birth_date:
        try:
            birth = dt.date.fromisoformat(p.birth_date)
        except ValueError:
            line_errors.append(
                f"id {p.id}: geboortedatum '{p.birth_date}' is geen datum (JJJJ-MM-DD); leeg gelaten"
            )
    return {
        "first_name": p.first_name,
        "prefix": p.prefix,
        "last_name": p.last_name,
        "nickname": p.nickname,
        "birth_date": birth,
        "handles": [f"{platform}:{handle}" for platform, handle in p.handles],
    }


def plan_import(board: Board, directory: Directory) -> ImportPlan:
    plan = ImportPlan(errors=[str(e) for e in directory.errors])
    existing = {p.external_id: p for p in Person.objects.filter(board=board)}
    memberships: dict[int, set[tuple[str, str, str]]] = {}
    for m in Membership.objects.filter(person__board=board).select_related("school", "group"):
        key = (m.role, m.school.name if m.school else "", m.group.name if m.group else "")
        memberships.setdefault(m.person_id, set()).add(key)
    ids = {p.id for p in directory.people}
    for src in directory.people:
        values = _values(src, plan.errors)
        current = existing.get(src.id)
        if current is None:
            plan.create.append(PlannedPerson(src, values))
            continue
        changes = {
            k: (getattr(current, k), v) for k, v in values.items() if getattr(current, k) != v
        }
        role_key = (src.role, src.school, src.group)
        if role_key not in memberships.get(current.pk, set()):
            changes["rol"] = ("", f"{src.role} {src.school} {src.group}".strip())
        if not current.active:
            changes["actief"] = (False, True)
        if changes:
            plan.update.append(PlannedPerson(src, values, changes))
        else:
            plan.unchanged += 1
    for src in directory.people:
        for child in src.parent_of:
            if child in ids or child in existing:
                plan.links.append((src.id, child))
            else:
                plan.errors.append(f"id {src.id}: kind '{child}' staat niet in het bestand")
    plan.missing = sorted(pid for pid, p in existing.items() if pid not in ids and p.active)
    return plan


def existing_links(board: Board) -> set[tuple[str, str]]:
    return set(
        ParentLink.objects.filter(parent__board=board).values_list(
            "parent__external_id", "child__external_id"
        )
    )
