from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "socialprotocol.web.checks"
    label = "checks"
    verbose_name = "Controles"
