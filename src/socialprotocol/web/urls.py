from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from socialprotocol.web.core import views as core

urlpatterns = [
    path("account/login/", core.login, name="login"),
    path("account/logout/", core.logout, name="logout"),
    path("account/2fa/", core.two_factor, name="two_factor"),
    path("i18n/setlang/", set_language, name="set_language"),
    # The admin logs in through the site's own login: throttled, with two-factor.
    path("beheer/login/", core.admin_login),
    path("beheer/", admin.site.urls),
    path("api/v1/", include("socialprotocol.web.api.urls")),
    path("toestemming/", include("socialprotocol.web.consent.urls")),
    path("", include("socialprotocol.web.cases.urls")),
    path("", include("socialprotocol.web.checks.urls")),
]

handler400 = "socialprotocol.web.core.views.bad_request"
handler403 = "socialprotocol.web.core.views.permission_denied"
handler404 = "socialprotocol.web.core.views.page_not_found"
handler500 = "socialprotocol.web.core.views.server_error"
