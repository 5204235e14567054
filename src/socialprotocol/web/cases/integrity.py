"""Proof that stored evidence and letters are unchanged: every file is hashed again and
compared with the SHA-256 recorded when it was stored."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from socialprotocol.web.cases.models import DossierEntry, Evidence


@dataclass
class IntegrityReport:
    checked: int = 0
    problems: list[str] = field(default_factory=list)


def _digest(row: Evidence | DossierEntry) -> str:
    sha = hashlib.sha256()
    with row.file.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            sha.update(chunk)
    return sha.hexdigest()


def verify_records() -> IntegrityReport:
    report = IntegrityReport()
    rows: list[Evidence | DossierEntry] = [
        *Evidence.objects.select_related("case").order_by("pk"),
        *DossierEntry.objects.exclude(file="").select_related("dossier").order_by("pk"),
    ]
    for row in rows:
        label = (f"bewijsstuk {row.pk} ({row.case.reference})" if isinstance(row, Evidence)
                 else f"dossierstuk {row.pk} (dossier {row.dossier_id})")  # fmt: skip
        report.checked += 1
        try:
            digest = _digest(row)
        except OSError:
            report.problems.append(f"{label}: bestand ontbreekt")
            continue
        if digest != row.sha256:
            report.problems.append(f"{label}: inhoud gewijzigd (SHA-256 klopt niet)")
    return report
