"""Reading, exporting and closing dossiers. Every read and export is logged with who and why."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

from django.db import transaction
from django.utils.translation import gettext as _

from socialprotocol.web.cases.actions.workflow import WorkflowError
from socialprotocol.web.cases.models import Case, Dossier, DossierEntry, Evidence
from socialprotocol.web.core.actions import ActingUser, write_audit
from socialprotocol.web.core.models import Board


def _reason(reason: str) -> str:
    reason = reason.strip()
    if len(reason) < 3:
        raise WorkflowError(_("Geef de reden waarom je dit inziet."))
    return reason[:500]


def do_log_dossier_read(dossier: Dossier, reason: str, *, acting_user: ActingUser) -> None:
    with transaction.atomic():
        write_audit("dossier_read", acting_user=acting_user, board=dossier.board, subject=dossier,
                    detail={"reason": _reason(reason), "kind": dossier.kind})  # fmt: skip


def do_log_case_read(case: Case, reason: str, *, acting_user: ActingUser) -> None:
    with transaction.atomic():
        write_audit("case_read", acting_user=acting_user, board=case.board, subject=case,
                    detail={"reason": reason[:500], "reference": case.reference})  # fmt: skip


def do_log_file_download(
    row: DossierEntry | Evidence, reason: str, *, acting_user: ActingUser
) -> None:
    board = row.case.board if isinstance(row, Evidence) else row.dossier.board
    with transaction.atomic():
        write_audit("file_downloaded", acting_user=acting_user, board=board, subject=row,
                    detail={"reason": reason[:500], "sha256": row.sha256})  # fmt: skip


def export_bytes(dossier: Dossier) -> bytes:
    """The file as a ZIP: index.json with every entry, and the letters as PDF."""
    buf = io.BytesIO()
    entries = list(dossier.entries.select_related("case").order_by("created", "id"))
    index = {
        "dossier": dossier.get_kind_display(), "person": dossier.person.full_name,
        "entries": [
            {"date": e.created.isoformat(), "kind": e.kind, "title": e.title, "text": e.body,
             "case": e.case.reference if e.case else None, "sha256": e.sha256,
             "file": f"{i:03d}.pdf" if e.file else None}
            for i, e in enumerate(entries)
        ],
    }  # fmt: skip
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("index.json", json.dumps(index, ensure_ascii=False, indent=2))
        for i, entry in enumerate(entries):
            if entry.file:
                with entry.file.open("rb") as fh:
                    zf.writestr(f"{i:03d}.pdf", fh.read())
    return buf.getvalue()


def do_export_dossier(dossier: Dossier, *, acting_user: ActingUser) -> bytes:
    with transaction.atomic():
        write_audit("dossier_exported", acting_user=acting_user, board=dossier.board,
                    subject=dossier, detail={"reason": "inzageverzoek betrokkene (AVG art. 15)",
                                             "kind": dossier.kind})  # fmt: skip
    return export_bytes(dossier)


def do_record_file_end(dossier: Dossier, ended_on: dt.date, *, acting_user: ActingUser) -> None:
    """The pupil left or the employment ended: the retention period starts."""
    with transaction.atomic():
        dossier.ended_on = ended_on
        dossier.save(update_fields=["ended_on"])
        write_audit("dossier_end_recorded", acting_user=acting_user, board=dossier.board,
                    subject=dossier, detail={"ended_on": ended_on.isoformat()})  # fmt: skip


def do_log_list_read(
    event: str, board: Board, count: int, *, acting_user: ActingUser
) -> None:
    """A list of cases or files is a read too: one row per page view."""
    with transaction.atomic():
        write_audit(event, acting_user=acting_user, board=board, detail={"rows": count})
