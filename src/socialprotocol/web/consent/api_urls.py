from django.urls import path

from socialprotocol.web.consent import api

app_name = "consent"
urlpatterns = [
    path("purposes", api.purposes, name="purposes"),
    path("people/<int:person_id>", api.person, name="person"),
    path("people/<int:person_id>/decisions", api.decide, name="decide"),
    path("lookup", api.lookup, name="lookup"),
    path("search", api.search, name="search"),
    path("posts", api.posts, name="posts"),
    path("posts/<uuid:post_id>", api.post, name="post"),
    path("posts/<uuid:post_id>/tags", api.tags, name="tags"),
    path("posts/<uuid:post_id>/requests", api.requests, name="requests"),
    path("posts/<uuid:post_id>/copy", api.copy, name="copy"),
    path("takedowns", api.takedowns, name="takedowns"),
    path("rounds", api.rounds, name="rounds"),
    path("import", api.imports, name="import"),
    path("links/<str:token>", api.link, name="link"),
]
