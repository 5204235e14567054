from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError

from socialprotocol.web.api.actions import do_create_api_token


class Command(BaseCommand):
    help = "Maak een API-sleutel voor een account (de sleutel wordt één keer getoond)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="koppeling")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"Account '{options['username']}' bestaat niet.")
        try:
            _, key = do_create_api_token(user, options["name"], acting_user=None)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(key)
