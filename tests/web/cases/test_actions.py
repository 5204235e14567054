"""The workflow itself: state machine, mandatory tasks, measures from the protocol, files."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from socialprotocol.web.cases.actions import measures, workflow
from socialprotocol.web.cases.actions.report import Involved, do_add_involvement
from socialprotocol.web.cases.models import DossierEntry, FileKind, State
from socialprotocol.web.cases.protocol import measures_for
from socialprotocol.web.core.models import AuditLog
from tests.web.cases.conftest import CaseWorld, person, report


def test_a_report_gets_the_engines_suggestion_of_articles(case_world: CaseWorld) -> None:
    case = case_world.staff_case
    assert case.suggestion is not None
    assert case.suggestion["schema"] == "socialprotocol/report/v1"
    assert "A7" in {f["rule"] for f in case.suggestion["findings"]}


def test_every_transition_is_in_the_history_with_actor_and_time(case_world: CaseWorld) -> None:
    case = case_world.pupil_case
    marieke = case_world["marieke"]
    workflow.do_transition_case(case, "besluit", acting_user=marieke)
    workflow.do_transition_case(case, "afgesloten", acting_user=marieke)
    workflow.do_transition_case(case, "heropend", note="Nieuw bericht", acting_user=marieke)
    rows = list(case.transitions.all())
    assert [(r.from_state, r.to_state) for r in rows] == [
        ("", "gemeld"), ("gemeld", "in_behandeling"), ("in_behandeling", "besluit"),
        ("besluit", "afgesloten"), ("afgesloten", "heropend"),
    ]  # fmt: skip
    assert [r.actor.username if r.actor else None for r in rows] == [
        "sanne", "marieke", "marieke", "marieke", "marieke"]
    assert all(r.at is not None for r in rows)
    audited = AuditLog.objects.filter(event="case_transitioned", subject_id=str(case.pk))
    assert audited.count() == 4


def test_it_refuses_a_transition_the_state_machine_does_not_have(case_world: CaseWorld) -> None:
    with pytest.raises(workflow.WorkflowError):
        workflow.do_transition_case(case_world.pupil_case, "gemeld", acting_user=None)


def test_a_case_with_an_open_mandatory_task_cannot_be_closed(case_world: CaseWorld) -> None:
    case = case_world.pupil_case
    task = workflow.do_mark_possibly_criminal(case, acting_user=case_world["marieke"])
    assert task is not None and task.title.startswith("Besluit over aangifte")
    workflow.do_transition_case(case, "besluit", acting_user=None)
    with pytest.raises(workflow.WorkflowError, match="verplichte taken"):
        workflow.do_transition_case(case, "afgesloten", acting_user=None)
    with pytest.raises(workflow.WorkflowError):
        workflow.do_complete_police_task(task, decision="ja", outcome="Bedreiging",
                                         acting_user=None)  # fmt: skip  (no reference)
    workflow.do_complete_police_task(task, decision="nee", outcome="Geen strafbaar feit",
                                     acting_user=None)  # fmt: skip
    workflow.do_transition_case(case, "afgesloten", acting_user=None)


def test_the_vertrouwensinspecteur_task_comes_from_the_protocol_file(case_world: CaseWorld) -> None:
    task = case_world.staff_case.tasks.get(kind="vertrouwensinspecteur")
    assert task.title == "Meld telefonisch bij de Landelijke Vertrouwensinspecteur, 0900-111 3111"
    assert task.phone == "0900-111 3111"
    assert task.done and task.called_by == "Bert Dekker" and task.outcome


def test_the_call_task_needs_who_called_when_and_the_outcome(case_world: CaseWorld) -> None:
    case = report(case_world.world, "lisa", "De meester is gek", poster_role="staff")
    do_add_involvement(case, Involved("staff", "reported", person(case_world.world, "sanne")),
                       acting_user=None)  # fmt: skip
    task = workflow.do_qualify_grensoverschrijdend(case, acting_user=case_world["bert"])
    assert task is not None
    for kwargs in ({"called_by": "", "outcome": "x"}, {"called_by": "Bert", "outcome": " "}):
        with pytest.raises(workflow.WorkflowError):
            workflow.do_complete_call_task(task, called_at=timezone.now(), acting_user=None,
                                           **kwargs)  # fmt: skip
    task.refresh_from_db()
    assert not task.done


def test_only_staff_communication_is_qualified_grensoverschrijdend(case_world: CaseWorld) -> None:
    with pytest.raises(workflow.WorkflowError):
        workflow.do_qualify_grensoverschrijdend(case_world.pupil_case, acting_user=None)


def test_measures_follow_the_protocol_ladder_of_the_role(case_world: CaseWorld) -> None:
    board = case_world.world.asko
    assert [m.id for m in measures_for(board, "staff")] == [
        "waarschuwing", "berisping", "schorsing", "ontslag", "ontslag_op_staande_voet"]
    lisa = case_world.pupil_case.people.get(role="pupil")
    with pytest.raises(workflow.WorkflowError):
        measures.do_decide_measure(lisa, "ontslag", decided_on=dt.date(2026, 1, 1), reasons="x",
                                   acting_user=None)  # fmt: skip


def test_a_suspension_carries_the_legal_steps_as_a_checklist(case_world: CaseWorld) -> None:
    measure = case_world.pupil_case.measures.get()
    assert [s["nl"] for s in measure.steps][1].startswith("Schorsing langer dan één dag")
    measures.do_check_measure_step(measure, 0, acting_user=case_world["marieke"])
    measure.refresh_from_db()
    assert measure.steps[0]["done"] and measure.steps[0]["by"] == "marieke"
    assert not measure.steps[1]["done"]


def test_removal_shows_the_wpo_steps(case_world: CaseWorld) -> None:
    lisa = case_world.pupil_case.people.get(role="pupil")
    removal = measures.do_decide_measure(lisa, "verwijdering", decided_on=dt.date(2026, 11, 9),
                                         reasons="Ernstig", acting_user=None)  # fmt: skip
    texts = [s["nl"] for s in removal.steps]
    assert "De groepsleerkracht is gehoord" in texts
    assert "De leerplichtambtenaar is geïnformeerd" in texts


def test_staff_letters_go_to_the_personnel_file_as_pdf(case_world: CaseWorld) -> None:
    entry = case_world.personnel_file.entries.get()
    assert case_world.personnel_file.kind == FileKind.PERSONNEL
    assert entry.file.read().startswith(b"%PDF-")
    assert "Waarschuwing" in entry.title and "Sanne Visser" in entry.body


def test_a_parents_case_goes_to_their_childs_pupil_file(case_world: CaseWorld) -> None:
    w = case_world.world
    case = report(w, "sanne", "Ouder scheldt", poster_role="parent")
    fatma = do_add_involvement(case, Involved("parent", "reported", person(w, "fatma")),
                               acting_user=None)  # fmt: skip
    assert fatma.child == person(w, "lisa")
    warning = measures.do_decide_measure(fatma, "waarschuwing", decided_on=dt.date(2026, 11, 9),
                                         reasons="Schelden", acting_user=None)  # fmt: skip
    (entry,) = measures.do_send_measure_letter(warning, acting_user=None)
    assert entry.dossier == case_world.pupil_file
    assert DossierEntry.objects.filter(dossier__person=person(w, "fatma")).count() == 0


def test_the_board_can_edit_the_letter_template(case_world: CaseWorld) -> None:
    from socialprotocol.web.cases.models import LetterTemplate

    LetterTemplate.objects.create(board=case_world.world.asko, measure="schorsing",
                                  ladder="pupil_parent", subject="Schorsing $naam",
                                  body="Geachte ouders van $naam, besluit $zaak.")  # fmt: skip
    lisa = case_world.pupil_case.people.get(role="pupil")
    m = measures.do_decide_measure(lisa, "schorsing", decided_on=dt.date(2026, 11, 9),
                                   reasons="x", acting_user=None)  # fmt: skip
    (entry,) = measures.do_send_measure_letter(m, acting_user=None)
    assert entry.title == "Schorsing Lisa Yilmaz"
    assert entry.body == f"Geachte ouders van Lisa Yilmaz, besluit {case_world.pupil_case.reference}."


def test_an_anonymous_report_needs_the_board_setting_and_keeps_no_reporter(
    case_world: CaseWorld,
) -> None:
    from socialprotocol.web.cases.actions.report import NewReport, do_report_case, hash_receipt
    from socialprotocol.web.cases.models import CaseSettings

    w = case_world.world
    new = NewReport(description="Pesten", post_text="x", reporter=person(w, "lisa"), anonymous=True)
    case, code = do_report_case(w.asko, new, acting_user=w["lisa"])
    assert code == "" and not case.anonymous and case.reporter == person(w, "lisa")
    CaseSettings.objects.create(board=w.asko, anonymous_reports=True)
    case, code = do_report_case(w.asko, new, acting_user=w["lisa"])
    assert case.anonymous and case.reporter is None and len(code) == 12
    assert case.receipt_hash == hash_receipt(code)
    row = AuditLog.objects.get(event="case_reported", subject_id=str(case.pk))
    assert row.acting_user is None
    assert not case.transitions.filter(actor__isnull=False).exists()
    assert case.state == State.REPORTED


def test_a_letter_survives_emoji_long_words_and_typographic_quotes(case_world: CaseWorld) -> None:
    from socialprotocol.web.cases.letters import render_pdf

    pdf = render_pdf("Besluit – zaak 😀", "x" * 600 + " “citaat” é ë ï 😀\n" * 40, "ASKO")
    assert pdf.startswith(b"%PDF-") and len(pdf) > 1000


def test_the_overview_counts_cases_per_school_article_measure_and_month(
    case_world: CaseWorld,
) -> None:
    from socialprotocol.web.cases.overview import overview

    workflow.do_set_case_articles(case_world.staff_case, ["A7", "D2"], acting_user=None)
    workflow.do_set_case_articles(case_world.pupil_case, ["A7"], acting_user=None)
    charts = {c.title: {b.label: b.count for b in c.bars} for c in overview(case_world.world.asko)}
    assert charts["Zaken per school"] == {"De Zonnewijzer": 2}
    assert charts["Zaken per artikel"] == {"A7": 2, "D2": 1}
    assert charts["Maatregelen"] == {"Schorsing": 1, "Waarschuwing": 1}
    assert sum(charts["Zaken per maand"].values()) == 2
    assert overview(case_world.world.other)[0].bars == []


@pytest.mark.parametrize(("reporter", "school"), [("lisa", "De Zonnewijzer"), ("fatma", "De Zonnewijzer"), ("bert", None), ("henk", "De Klimop")])
def test_a_report_without_a_school_goes_to_the_reporters_school(
    case_world: CaseWorld, reporter: str, school: str | None
) -> None:
    from socialprotocol.web.cases.actions.report import NewReport, do_report_case

    w = case_world.world
    case, _ = do_report_case(w.asko, NewReport(description="x", reporter=person(w, reporter)),
                             acting_user=w[reporter])  # fmt: skip
    assert (case.school.name if case.school else None) == school
