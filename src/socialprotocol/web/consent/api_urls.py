from django.urls import path

from socialprotocol.web.consent import api, api_posts

app_name = "consent"
urlpatterns = [
    path("purposes", api.purposes, name="purposes"),
    path("people/<int:person_id>", api.person, name="person"),
    path("people/<int:person_id>/decisions", api.decide, name="decide"),
    path("lookup", api.lookup, name="lookup"),
    path("search", api.search, name="search"),
    path("posts", api_posts.posts, name="posts"),
    path("posts/<uuid:post_id>", api_posts.post, name="post"),
    path("posts/<uuid:post_id>/tags", api_posts.tags, name="tags"),
    path("posts/<uuid:post_id>/requests", api_posts.requests, name="requests"),
    path("posts/<uuid:post_id>/copy", api_posts.copy, name="copy"),
    path("takedowns", api_posts.takedowns, name="takedowns"),
    path("rounds", api.rounds, name="rounds"),
    path("import", api.imports, name="import"),
    path("links/<str:token>", api_posts.link, name="link"),
]
