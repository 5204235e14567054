from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "socialprotocol.web.people"
    label = "people"
    verbose_name = "Mensen"
