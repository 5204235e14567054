from django.urls import path

from socialprotocol.web.checks import views

app_name = "checks"
urlpatterns = [
    path("", views.new, name="new"),
    path("controles/", views.history, name="list"),
    path("controles/<uuid:check_id>/", views.detail, name="detail"),
    path("controles/<uuid:check_id>/status", views.status, name="status"),
    path("controles/<uuid:check_id>/bewaren", views.save, name="save"),
    path("controles/<uuid:check_id>/verwijderen", views.delete, name="delete"),
    path("controles/<uuid:check_id>/verbeter/<int:finding>", views.fix, name="fix"),
    path("controles/<uuid:check_id>/media/<int:index>", views.media_file, name="media"),
    path("controles/<uuid:check_id>/media/<int:index>/vervaag", views.blur, name="blur"),
    path("controles/<uuid:check_id>/media/<int:index>/vervaagd", views.blurred, name="blurred"),
    path("protocol/", views.protocol, name="protocol"),
]
