from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from socialprotocol.web.checks.actions import do_purge_expired_checks


class Command(BaseCommand):
    help = "Verwijder controles (tekst, media, rapport) waarvan de bewaartermijn voorbij is."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{do_purge_expired_checks()} controle(s) verwijderd.")
