"""Import existing consents from CSV (a school's spreadsheet or its administration system).

Columns (header row; ``,`` or ``;``): ``person,purpose,decision,given_by,given_by_name,
decided_on,evidence``. ``person`` and ``given_by`` are directory ids, ``purpose`` a purpose
code, ``decision`` ja/nee/ingetrokken (or given/refused/withdrawn), ``decided_on`` YYYY-MM-DD.
Every row is checked on its own; rows with errors are reported and skipped, never guessed.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from socialprotocol.web.consent.actions import ConsentError, do_record_consent
from socialprotocol.web.consent.models import Method, Purpose
from socialprotocol.web.core.actions import ActingUser, write_audit
from socialprotocol.web.core.models import Board
from socialprotocol.web.people.models import Person

REQUIRED = ("person", "purpose", "decision")
DECISIONS = {
    "ja": "given", "given": "given", "yes": "given", "toestemming": "given",
    "nee": "refused", "refused": "refused", "no": "refused", "geen toestemming": "refused",
    "ingetrokken": "withdrawn", "withdrawn": "withdrawn",
}  # fmt: skip
MAX_ROWS = 50_000


@dataclass(slots=True)
class ImportResult:
    imported: int = 0
    valid: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line number, message)

    def as_dict(self) -> dict[str, object]:
        return {
            "imported": self.imported,
            "valid": self.valid,
            "errors": [{"line": line, "message": msg} for line, msg in self.errors],
        }


def _rows(text: str) -> tuple[list[dict[str, str]], list[tuple[int, str]]]:
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    reader = csv.DictReader(
        io.StringIO(text), delimiter=";" if first.count(";") > first.count(",") else ","
    )
    names = [(n or "").strip().lower() for n in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        return [], [(1, f"Kolom ontbreekt: {', '.join(missing)}.")]
    reader.fieldnames = names
    rows = []
    for row in reader:
        rows.append({k: (v or "").strip() for k, v in row.items() if k})
        if len(rows) > MAX_ROWS:
            return [], [(1, f"Meer dan {MAX_ROWS} regels: splits het bestand.")]
    return rows, []


def import_consents(
    board: Board, text: str, *, apply: bool, acting_user: ActingUser
) -> ImportResult:
    """Check every row; with ``apply`` record the valid ones (each with its own audit row)."""
    result = ImportResult()
    rows, result.errors = _rows(text)
    people = {p.external_id: p for p in Person.objects.filter(board=board)}
    purposes = {p.key: p for p in Purpose.objects.filter(board=board)}
    for number, row in enumerate(rows, start=2):
        try:
            args = _parse(row, people, purposes)
        except ConsentError as exc:
            result.errors.append((number, str(exc)))
            continue
        subject, purpose, decision, given_by, name, day, evidence = args
        try:
            with transaction.atomic():
                do_record_consent(
                    subject, purpose, decision, given_by=given_by, given_by_name=name,
                    decided_on=day, method=Method.IMPORT,
                    evidence=evidence or f"import regel {number}", acting_user=acting_user,
                )  # fmt: skip
                if not apply:
                    transaction.set_rollback(True)  # the dry run checks with the real rules
        except ConsentError as exc:
            result.errors.append((number, str(exc)))
            continue
        result.valid += 1
        result.imported += int(apply)
    if apply:
        with transaction.atomic():
            write_audit(
                "consents_imported",
                acting_user=acting_user,
                board=board,
                detail={"imported": result.imported, "errors": len(result.errors)},
            )
    return result


def _parse(
    row: dict[str, str], people: dict[str, Person], purposes: dict[str, Purpose]
) -> tuple[Person, Purpose, str, Person | None, str, date | None, str]:
    subject = people.get(row.get("person", ""))
    if subject is None:
        raise ConsentError(f"Onbekende persoon '{row.get('person', '')}'.")
    purpose = purposes.get(row.get("purpose", ""))
    if purpose is None:
        raise ConsentError(f"Onbekend doel '{row.get('purpose', '')}'.")
    decision = DECISIONS.get(row.get("decision", "").lower())
    if decision is None:
        raise ConsentError(f"Onbekende keuze '{row.get('decision', '')}': ja, nee of ingetrokken.")
    given_by = None
    if row.get("given_by"):
        given_by = people.get(row["given_by"])
        if given_by is None:
            raise ConsentError(f"Onbekende gever '{row['given_by']}'.")
    day = None
    if row.get("decided_on"):
        try:
            day = date.fromisoformat(row["decided_on"])
        except ValueError:
            raise ConsentError(f"Datum '{row['decided_on']}' is geen JJJJ-MM-DD.") from None
    return (
        subject,
        purpose,
        decision,
        given_by,
        row.get("given_by_name", ""),
        day,
        row.get("evidence", ""),
    )
