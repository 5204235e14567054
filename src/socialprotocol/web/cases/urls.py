from django.urls import path

from socialprotocol.web.cases.views import case, dossier, oversight, report, steps

app_name = "cases"
urlpatterns = [
    path("meldingen/", report.my_reports, name="my_reports"),
    path("meldingen/nieuw/", report.new_report, name="report"),
    path("meldingen/volgen/", report.follow, name="follow"),
    path("zaken/", case.case_list, name="list"),
    path("zaken/overzicht/", oversight.board_overview, name="overview"),
    path("zaken/<uuid:case_id>/", case.case_detail, name="detail"),
    path("zaken/<uuid:case_id>/bewijs/<int:evidence_id>", case.evidence_file, name="evidence"),
    path("zaken/<uuid:case_id>/<slug:step>/", steps.case_step, name="step"),
    path("zaken/<uuid:case_id>/<slug:step>/<str:arg>/", steps.case_step, name="step_arg"),
    path("dossiers/", dossier.dossier_list, name="dossiers"),
    path("dossiers/<int:dossier_id>/", dossier.dossier_read, name="dossier"),
    path("dossiers/<int:dossier_id>/stuk/<int:entry_id>", dossier.dossier_entry_file, name="entry"),
    path("dossiers/<int:dossier_id>/einde/", dossier.dossier_end, name="dossier_end"),
    path("mijn-dossier/", dossier.my_files, name="my_files"),
    path("mijn-dossier/<int:dossier_id>/export/", dossier.export, name="export"),
    path("privacy/log/", oversight.audit_log, name="audit_log"),
]
