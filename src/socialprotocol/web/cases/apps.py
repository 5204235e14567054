from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "socialprotocol.web.cases"
    label = "cases"
    verbose_name = "Zaken en dossiers"

    def ready(self) -> None:
        from socialprotocol.web.cases.models import records  # noqa: F401  (connects the guards)
