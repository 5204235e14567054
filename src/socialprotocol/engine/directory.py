"""The people directory: the school community as the checker knows it.

Reads the directory CSV of DESIGN §4. A bad row is reported with its line number and
skipped; the rest loads.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from socialprotocol.engine.model import InputError

CSV_COLUMNS = (
    "id", "first_name", "prefix", "last_name", "nickname", "role", "school", "group",
    "birth_date", "handles", "parent_of",
)  # fmt: skip
ROLES = frozenset({"pupil", "staff", "parent", "other"})


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    first_name: str
    last_name: str
    role: str
    prefix: str = ""
    nickname: str = ""
    school: str = ""
    group: str = ""
    birth_date: str = ""
    handles: tuple[tuple[str, str], ...] = ()
    parent_of: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"regel {self.line}: {self.message}"


@dataclass(slots=True)
class Directory:
    people: list[Person] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    source: str = ""

    @property
    def schools(self) -> list[str]:
        return sorted({p.school for p in self.people if p.school})

    def by_id(self, person_id: str) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)


def read_text_file(path: Path, what: str) -> str:
    """Read a text file people made, in UTF-8 (with or without BOM) or Windows-1252."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{what} '{path}' bestaat niet.") from None
    except IsADirectoryError:
        raise InputError(f"{what} '{path}' is een map, geen bestand.") from None
    except OSError as exc:
        raise InputError(f"{what} '{path}' is niet leesbaar ({exc.strerror}).") from None
    if b"\x00" in raw[:4096]:
        raise InputError(f"{what} '{path}' is geen tekstbestand.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows still saves CSV as Windows-1252.
        return raw.decode("cp1252", errors="replace")


def parse_directory_csv(text: str, source: str = "<csv>") -> Directory:
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, None)
    if header is None:
        raise InputError(f"{source}: het bestand is leeg.")
    names = [h.strip().lower() for h in header]
    missing = [c for c in ("id", "first_name", "last_name", "role") if c not in names]
    if missing:
        raise InputError(
            f"{source}, regel 1: kolom(men) {', '.join(missing)} ontbreken; "
            f"verwacht: {','.join(CSV_COLUMNS)}."
        )
    directory = Directory(source=source)
    seen: set[str] = set()
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(names):
            directory.errors.append(
                RowError(line, f"{len(row)} velden in plaats van {len(names)}; rij overgeslagen")
            )
            continue
        rec = {k: v.strip() for k, v in zip(names, row, strict=True)}
        problem = _row_problem(rec, seen)
        if problem:
            directory.errors.append(RowError(line, problem))
            continue
        seen.add(rec["id"])
        directory.people.append(_person(rec))
    return directory


def _row_problem(rec: dict[str, str], seen: set[str]) -> str | None:
    if not rec["id"]:
        return "id is leeg; rij overgeslagen"
    if rec["id"] in seen:
        return f"id '{rec['id']}' komt twee keer voor; tweede rij overgeslagen"
    if not rec.get("first_name") and not rec.get("last_name"):
        return "voornaam en achternaam zijn allebei leeg; rij overgeslagen"
    if rec["role"].lower() not in ROLES:
        return f"onbekende rol '{rec['role']}' (pupil, staff, parent of other); rij overgeslagen"
    for pair in rec.get("handles", "").split():
        if ":" not in pair:
            return f"handle '{pair}' is niet in de vorm platform:naam; rij overgeslagen"
    return None


def _person(rec: dict[str, str]) -> Person:
    handles = tuple(
        (p.split(":", 1)[0].lower(), p.split(":", 1)[1].lstrip("@"))
        for p in rec.get("handles", "").split()
    )
    return Person(
        id=rec["id"],
        first_name=rec.get("first_name", ""),
        prefix=rec.get("prefix", ""),
        last_name=rec.get("last_name", ""),
        nickname=rec.get("nickname", ""),
        role=rec["role"].lower(),
        school=rec.get("school", ""),
        group=rec.get("group", ""),
        birth_date=rec.get("birth_date", ""),
        handles=handles,
        parent_of=tuple(rec.get("parent_of", "").split()),
    )


def load_directory(path: str | Path) -> Directory:
    p = Path(path)
    return parse_directory_csv(read_text_file(p, "Personenbestand"), str(p))
