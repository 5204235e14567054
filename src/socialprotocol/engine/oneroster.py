"""OneRoster 1.1 CSV folders as a people directory.

Dutch pupil administrations export OneRoster as ``users.csv``, ``orgs.csv``, ``classes.csv``
and ``enrollments.csv`` (``demographics.csv`` optional). Roles map to ours: student -> pupil,
teacher/administrator/aide/proctor -> staff, parent/guardian/relative -> parent. Parents are
linked to pupils through ``agentSourcedIds`` (either side may carry the link). A pupil's group
is the title of the class they are enrolled in.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from socialprotocol.engine.directory import Directory, Person, RowError, read_text_file
from socialprotocol.engine.model import InputError
from socialprotocol.engine.names import PREFIX_WORDS, split_surname

ROLE_MAP = {
    "student": "pupil",
    "teacher": "staff",
    "administrator": "staff",
    "aide": "staff",
    "proctor": "staff",
    "parent": "parent",
    "guardian": "parent",
    "relative": "parent",
}
_Rows = list[tuple[int, dict[str, str]]]


def _read(folder: Path, name: str, required: bool, errors: list[RowError]) -> _Rows:
    path = folder / name
    if not path.exists():
        if required:
            raise InputError(f"OneRoster-map '{folder}': {name} ontbreekt.")
        return []
    reader = csv.reader(io.StringIO(read_text_file(path, "OneRoster-bestand")))
    header = [h.strip() for h in next(reader, [])]
    if "sourcedId" not in header:
        raise InputError(f"{name}, regel 1: kolom sourcedId ontbreekt.")
    rows: _Rows = []
    for row in reader:
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            errors.append(RowError(reader.line_num, (
                f"{len(row)} velden in plaats van {len(header)}; rij overgeslagen"), name))  # fmt: skip
            continue
        rec = {k: v.strip() for k, v in zip(header, row, strict=True)}
        if rec.get("status", "").lower() == "tobedeleted":
            continue
        rows.append((reader.line_num, rec))
    return rows


def _names(rec: dict[str, str]) -> tuple[str, str, str]:
    """First name, tussenvoegsel, last name. Exports put the tussenvoegsel in middleName or
    at the start of familyName; a real middle name stays out of the surname."""
    first = rec.get("preferredFirstName") or rec.get("givenName", "")
    middle = rec.get("middleName", "")
    prefix, last = split_surname("", rec.get("familyName", ""))
    if middle and all(w.lower() in PREFIX_WORDS for w in middle.split()):
        prefix = f"{middle} {prefix}".strip()
    return first, prefix.lower(), last


def load_oneroster(folder: Path) -> Directory:
    errors: list[RowError] = []
    users = _read(folder, "users.csv", True, errors)
    orgs = {r["sourcedId"]: r.get("name", "") for _, r in _read(folder, "orgs.csv", False, errors)}
    classes = {r["sourcedId"]: r for _, r in _read(folder, "classes.csv", False, errors)}
    births = {
        r.get("userSourcedId") or r["sourcedId"]: r.get("birthDate", "")
        for _, r in _read(folder, "demographics.csv", False, errors)
    }
    group: dict[str, str] = {}
    for line, r in _read(folder, "enrollments.csv", False, errors):
        cls = classes.get(r.get("classSourcedId", ""))
        if cls is None:
            errors.append(RowError(line, (
                f"klas '{r.get('classSourcedId', '')}' staat niet in classes.csv; "
                "inschrijving overgeslagen"), "enrollments.csv"))  # fmt: skip
            continue
        group.setdefault(r.get("userSourcedId", ""), cls.get("title", ""))
    kept: list[tuple[int, dict[str, str], str]] = []
    seen: set[str] = set()
    for line, rec in users:
        uid, role = rec["sourcedId"], ROLE_MAP.get(rec.get("role", "").lower())
        problem = None
        if not uid:
            problem = "sourcedId is leeg; rij overgeslagen"
        elif uid in seen:
            problem = f"sourcedId '{uid}' komt twee keer voor; tweede rij overgeslagen"
        elif role is None:
            problem = (f"onbekende rol '{rec.get('role', '')}' (student, teacher, parent, "
                       "guardian, administrator); rij overgeslagen")  # fmt: skip
        elif not rec.get("givenName") and not rec.get("familyName"):
            problem = "givenName en familyName zijn allebei leeg; rij overgeslagen"
        if problem:
            errors.append(RowError(line, problem, "users.csv"))
            continue
        seen.add(uid)
        kept.append((line, rec, role or "other"))
    children: dict[str, list[str]] = {}
    for _, rec, role in kept:
        for agent in rec.get("agentSourcedIds", "").replace(";", ",").split(","):
            agent = agent.strip()
            if not agent or agent not in seen:
                continue
            parent, child = (rec["sourcedId"], agent) if role == "parent" else (
                agent, rec["sourcedId"])  # fmt: skip
            if child not in children.setdefault(parent, []):
                children[parent].append(child)
    people = []
    for _, rec, role in kept:
        first, prefix, last = _names(rec)
        school_ids = [s.strip() for s in rec.get("orgSourcedIds", "").replace(";", ",").split(",")]
        school = next((orgs[s] for s in school_ids if s in orgs), "")
        people.append(Person(
            id=rec["sourcedId"], first_name=first, prefix=prefix, last_name=last, role=role,
            nickname=rec.get("preferredFirstName", "") and rec.get("givenName", ""),
            school=school, group=group.get(rec["sourcedId"], ""),
            birth_date=births.get(rec["sourcedId"], ""),
            parent_of=tuple(children.get(rec["sourcedId"], ())),
        ))  # fmt: skip
    return Directory(people=people, errors=errors, source=str(folder))
