"""Letters as PDF from templates the board can edit (LetterTemplate), else a default text."""

from __future__ import annotations

from dataclasses import dataclass
from string import Template

from fpdf import FPDF

from socialprotocol.web.cases.models import LetterTemplate
from socialprotocol.web.core.models import Board

DEFAULT_SUBJECT = "$maatregel – zaak $zaak"
DEFAULT_BODY = {
    "staff": (
        "Beste $naam,\n\n"
        "Naar aanleiding van uw uitlatingen op sociale media (zaak $zaak) heeft het bevoegd gezag "
        "van $bestuur op $datum besloten tot de volgende maatregel: $maatregel.\n\n"
        "De redenen voor dit besluit zijn:\n$redenen\n\n"
        "Deze brief wordt opgenomen in uw personeelsdossier (Protocol Sociale Media, artikel D1).\n\n"
        "Met vriendelijke groet,\n\nHet bevoegd gezag van $bestuur"
    ),
    "pupil_parent": (
        "Aan de ouders/verzorgers van $naam,\n\n"
        "Naar aanleiding van uitlatingen op sociale media (zaak $zaak) heeft de directie van "
        "$school op $datum besloten tot de volgende maatregel: $maatregel.\n\n"
        "De redenen voor dit besluit zijn:\n$redenen\n\n"
        "Deze brief wordt opgenomen in het leerlingendossier (Protocol Sociale Media, artikel D4). "
        "Wilt u hierover in gesprek, neem dan contact op met de directie van de school.\n\n"
        "Met vriendelijke groet,\n\nDe directie van $school"
    ),
}


@dataclass(frozen=True, slots=True)
class Letter:
    subject: str
    body: str
    pdf: bytes


def template_for(board: Board, ladder: str, measure: str) -> tuple[str, str]:
    row = LetterTemplate.objects.filter(board=board, ladder=ladder, measure=measure).first()
    if row is not None:
        return row.subject, row.body
    return DEFAULT_SUBJECT, DEFAULT_BODY[ladder]


def _latin1(text: str) -> str:
    # The PDF core fonts cover Latin-1 (all Dutch letters); typographic marks are mapped.
    table = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"',
                           "…": "...", "€": "EUR"})  # fmt: skip
    return text.translate(table).encode("latin-1", "replace").decode("latin-1")


def render_pdf(subject: str, body: str, sender: str) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, _latin1(sender), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_font("Helvetica", "B", 13)
    pdf.multi_cell(0, 7, _latin1(subject), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, _latin1(body), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def compose(board: Board, ladder: str, measure: str, values: dict[str, str]) -> Letter:
    subject_t, body_t = template_for(board, ladder, measure)
    subject = Template(subject_t).safe_substitute(values)
    body = Template(body_t).safe_substitute(values)
    return Letter(subject, body, render_pdf(subject, body, board.name))
