from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "socialprotocol.web.api"
    label = "api"
    verbose_name = "API"
