from django.urls import path

from socialprotocol.web.cases import api

urlpatterns = [
    path("reports", api.reports, name="reports"),
    path("cases", api.cases, name="cases"),
    path("cases/<uuid:case_id>", api.case_detail, name="case"),
    path("cases/<uuid:case_id>/transitions", api.case_transition, name="case_transition"),
    path("dossiers/<int:dossier_id>", api.dossier_detail, name="dossier"),
    path("dossiers/<int:dossier_id>/export", api.dossier_export, name="dossier_export"),
]
