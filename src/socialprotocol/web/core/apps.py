from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "socialprotocol.web.core"
    label = "core"
    verbose_name = "Kern"
