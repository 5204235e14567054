from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "socialprotocol.web.consent"
    label = "consent"
    verbose_name = "Toestemming"
