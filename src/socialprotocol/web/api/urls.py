from django.urls import include, path

from socialprotocol.web.api import views

app_name = "api"
urlpatterns = [
    path("", views.index, name="index"),
    path("openapi.json", views.openapi, name="openapi"),
    path("rules", views.rules, name="rules"),
    path("checks", views.checks, name="checks"),
    path("checks/<uuid:check_id>", views.check_detail, name="check"),
    path("checks/<uuid:check_id>/media/<int:index>/redacted", views.redacted, name="redacted"),
    path("", include("socialprotocol.web.cases.api_urls")),
    path("consent/", include("socialprotocol.web.consent.api_urls")),
]
