"""The people directory: the school community as the checker knows it.

Reads the directory CSV of DESIGN §4 or a OneRoster 1.1 CSV folder (``oneroster.py``). A bad
row is reported with its line number and skipped; the rest loads. The name index that finds
these people in a post is built on first use and kept with the directory.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from socialprotocol.engine.model import ROLE_WORDS, InputError
from socialprotocol.engine.names import split_surname

if TYPE_CHECKING:
    from socialprotocol.engine.names import NameIndex
    from socialprotocol.engine.textview import TextView

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
    file: str = ""  # set when a directory comes in several files (OneRoster)

    def __str__(self) -> str:
        where = f"{self.file}, regel {self.line}" if self.file else f"regel {self.line}"
        return f"{where}: {self.message}"


@dataclass(slots=True)
class Directory:
    people: list[Person] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    source: str = ""
    _ids: dict[str, Person] | None = field(default=None, repr=False, compare=False)
    _index: NameIndex | None = field(default=None, repr=False, compare=False)
    _indexed: int = field(default=-1, repr=False, compare=False)  # people count at build time

    @property
    def schools(self) -> list[str]:
        return sorted({p.school for p in self.people if p.school})

    def by_id(self, person_id: str) -> Person | None:
        if self._ids is None or len(self._ids) != len(self.people):
            self._ids = {p.id: p for p in self.people}
        return self._ids.get(person_id)

    def parents_of(self, person_id: str) -> list[Person]:
        return [p for p in self.people if person_id in p.parent_of]

    def children_of(self, person_id: str) -> list[Person]:
        parent = self.by_id(person_id)
        if parent is None:
            return []
        return [c for c in (self.by_id(i) for i in parent.parent_of) if c is not None]

    @property
    def names(self) -> NameIndex:
        """The automaton of everyone's names; built once, on first use."""
        from socialprotocol.engine.names import NameIndex

        # Rebuilt when people were added or replaced since (the web app fills the list first).
        if (
            self._index is None
            or self._index.people is not self.people
            or (self._indexed != len(self.people))
        ):
            self._index = NameIndex(self.people)
            self._indexed = len(self.people)
        return self._index

    @property
    def scope_matcher(self) -> Callable[[TextView], str | None]:
        """For the scope check: the first community member a post clearly names, or None."""
        from socialprotocol.engine.mentions import find_mentions

        index = self.names

        def match(view: TextView) -> str | None:
            for m in find_mentions(index, view):
                if m.candidates and (m.kind != "first" or m.titled or m.group_hint):
                    return view.text[m.start : m.end]
            return None

        return match


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
    lines: dict[str, int] = {}
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
        lines[rec["id"]] = line
        directory.people.append(_person(rec))
    for person in directory.people:
        unknown = [c for c in person.parent_of if c not in seen]
        if unknown:
            directory.errors.append(RowError(lines[person.id], (
                f"parent_of verwijst naar onbekende id('s) {', '.join(unknown)}; "
                "die koppeling is genegeerd")))  # fmt: skip
    return directory


def _row_problem(rec: dict[str, str], seen: set[str]) -> str | None:
    if not rec["id"]:
        return "id is leeg; rij overgeslagen"
    if rec["id"] in seen:
        return f"id '{rec['id']}' komt twee keer voor; tweede rij overgeslagen"
    if not rec.get("first_name") and not rec.get("last_name"):
        return "voornaam en achternaam zijn allebei leeg; rij overgeslagen"
    if _role(rec["role"]) not in ROLES:
        return f"onbekende rol '{rec['role']}' (pupil, staff, parent of other); rij overgeslagen"
    birth = rec.get("birth_date", "")
    if birth and not _DATE_RE.match(birth):
        return f"geboortedatum '{birth}' is niet in de vorm JJJJ-MM-DD; rij overgeslagen"
    for pair in rec.get("handles", "").split():
        if ":" not in pair:
            return f"handle '{pair}' is niet in de vorm platform:naam; rij overgeslagen"
    return None


_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _role(word: str) -> str:
    role = ROLE_WORDS.get(word.strip().casefold())
    return role.value if role is not None else word.strip().lower()


def _person(rec: dict[str, str]) -> Person:
    handles = tuple(
        (p.split(":", 1)[0].lower(), p.split(":", 1)[1].lstrip("@"))
        for p in rec.get("handles", "").split()
    )
    prefix, last = split_surname(rec.get("prefix", ""), rec.get("last_name", ""))
    return Person(
        id=rec["id"],
        first_name=rec.get("first_name", ""),
        prefix=prefix,
        last_name=last,
        nickname=rec.get("nickname", ""),
        role=_role(rec["role"]),
        school=rec.get("school", ""),
        group=rec.get("group", ""),
        birth_date=rec.get("birth_date", ""),
        handles=handles,
        parent_of=tuple(rec.get("parent_of", "").split()),
    )


def load_directory(path: str | Path) -> Directory:
    """The DESIGN §4 CSV, or a OneRoster 1.1 CSV folder (users.csv, orgs.csv, ...)."""
    p = Path(path)
    if p.is_dir():
        from socialprotocol.engine.oneroster import load_oneroster

        return load_oneroster(p)
    return parse_directory_csv(read_text_file(p, "Personenbestand"), str(p))
