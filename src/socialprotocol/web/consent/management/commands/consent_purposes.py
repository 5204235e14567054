"""``consent_purposes BOARD``: give a board the usual purposes (social media, website, ...)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from socialprotocol.web.consent.actions import do_create_default_purposes
from socialprotocol.web.core.models import Board


class Command(BaseCommand):
    help = "Maak de gebruikelijke doelen voor toestemming aan voor een bestuur."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("board", help="naam van het bestuur")

    def handle(self, *args: Any, **options: Any) -> None:
        board = Board.objects.filter(name=options["board"]).first()
        if board is None:
            raise CommandError(f"Geen bestuur '{options['board']}'.")
        made = do_create_default_purposes(board, acting_user=None)
        self.stdout.write(f"{len(made)} doelen aangemaakt.")
