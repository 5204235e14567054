from django.urls import path

from socialprotocol.web.consent import link_views, paper_views, post_views, school_views, views

app_name = "consent"
urlpatterns = [
    path("", views.home, name="home"),
    path("<int:person_id>/doel/<int:purpose_id>/", views.decide, name="decide"),
    path("personen/<int:person_id>/", views.person_detail, name="person"),
    path("personen/<int:person_id>/formulier/", paper_views.paper, name="paper"),
    path("scans/<int:record_id>", paper_views.scan, name="scan"),
    path("zoek", post_views.search, name="search"),
    path("start/<uuid:check_id>/<int:index>/", post_views.start, name="start"),
    path("berichten/", post_views.post_list, name="posts"),
    path("berichten/<uuid:pub_id>/", post_views.post, name="post"),
    path("berichten/<uuid:pub_id>/foto", post_views.original, name="original"),
    path("berichten/<uuid:pub_id>/antwoorden", post_views.answers_count, name="answers"),
    path("berichten/<uuid:pub_id>/vraag", post_views.request_consent, name="request"),
    path("berichten/<uuid:pub_id>/kopie", post_views.make_copy, name="copy"),
    path("berichten/<uuid:pub_id>/download", post_views.download, name="download"),
    path("rondes/", school_views.rounds, name="rounds"),
    path("import/", school_views.import_page, name="import"),
    path("school/", school_views.people_page, name="people"),
    path("link/<str:token>/", link_views.answer, name="link"),
    path("link/<str:token>/foto", link_views.preview, name="preview"),
]
