"""The retention purge (DESIGN §6): the only way evidence and file entries ever disappear."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from socialprotocol.web.cases.models import (
    Case,
    Dossier,
    DossierEntry,
    Evidence,
    FileKind,
    PurgeLock,
    State,
    retention_purge,
)
from socialprotocol.web.core.actions import write_audit


@dataclass
class PurgeReport:
    dossiers: list[str] = field(default_factory=list)
    entries: int = 0
    cases: list[str] = field(default_factory=list)
    evidence: int = 0

    def lines(self) -> list[str]:
        return [
            f"dossiers verwijderd: {len(self.dossiers)} ({', '.join(self.dossiers) or '-'})",
            f"dossierstukken verwijderd: {self.entries}",
            f"zaken verwijderd: {len(self.cases)} ({', '.join(self.cases) or '-'})",
            f"bewijsstukken verwijderd: {self.evidence}",
        ]


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _expired_dossiers(today: dt.date) -> list[Dossier]:
    pupil = years_before(today, settings.PUPIL_FILE_RETENTION_YEARS)
    staff = years_before(today, settings.PERSONNEL_FILE_RETENTION_YEARS)
    return list(
        Dossier.objects.select_related("board", "person").filter(
            Q(kind=FileKind.PUPIL, ended_on__lte=pupil)
            | Q(kind=FileKind.PERSONNEL, ended_on__lte=staff)
        )
    )


def _expired_cases(today: dt.date) -> list[Case]:
    """Closed long enough ago, with nothing left in any file (those go with their file)."""
    limit = years_before(today, settings.CLOSED_CASE_RETENTION_YEARS)
    return list(
        Case.objects.select_related("board")
        .filter(state=State.CLOSED, closed_at__date__lte=limit)
        .exclude(pk__in=DossierEntry.objects.filter(case__isnull=False).values("case_id"))
    )


def _delete_files(rows: list[DossierEntry] | list[Evidence]) -> None:
    for row in rows:
        if row.file:
            row.file.delete(save=False)


def do_purge_expired_records(today: dt.date) -> PurgeReport:
    report = PurgeReport()
    with retention_purge():
        for dossier in _expired_dossiers(today):
            with transaction.atomic():
                lock = PurgeLock.objects.create()  # lets the database triggers allow the delete
                entries = list(dossier.entries.all())
                label = f"{dossier.get_kind_display()} #{dossier.pk}"
                DossierEntry.objects.filter(dossier=dossier).delete()
                write_audit("dossier_purged", acting_user=None, board=dossier.board,
                            subject=dossier, detail={"entries": len(entries),
                                                     "ended_on": str(dossier.ended_on)})  # fmt: skip
                dossier.delete()
                lock.delete()
            _delete_files(entries)  # after the commit: a failed purge keeps its files
            report.dossiers.append(label)
            report.entries += len(entries)
        for case in _expired_cases(today):
            with transaction.atomic():
                lock = PurgeLock.objects.create()
                evidence = list(case.evidence.all())
                write_audit("case_purged", acting_user=None, board=case.board, subject=case,
                            detail={"reference": case.reference, "evidence": len(evidence)})  # fmt: skip
                Evidence.objects.filter(case=case).delete()
                case.delete()
                lock.delete()
            _delete_files(evidence)
            report.cases.append(case.reference)
            report.evidence += len(evidence)
    return report
