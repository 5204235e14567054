"""Import the people directory (CSV of DESIGN §4, or a OneRoster folder) into a board."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from socialprotocol.engine.model import InputError
from socialprotocol.web.core.models import Board
from socialprotocol.web.people.actions import do_import_directory
from socialprotocol.web.people.importer import plan_import
from socialprotocol.web.people.sources import directory_from_path


class Command(BaseCommand):
    help = "Importeer het personenbestand (CSV of OneRoster-map) in een bestuur."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", help="people.csv, een OneRoster-map of een OneRoster-ZIP")
        parser.add_argument("--board", required=True, help="naam van het bestuur")
        parser.add_argument("--dry-run", action="store_true", help="laat alleen zien wat verandert")
        parser.add_argument("--create-board", action="store_true", help="maak het bestuur aan")
        parser.add_argument(
            "--deactivate-missing", action="store_true", help="wie niet in het bestand staat: inactief"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        board = Board.objects.filter(name=options["board"]).first()
        if board is None:
            if not options["create_board"]:
                raise CommandError(f"Bestuur '{options['board']}' bestaat niet (--create-board).")
            from socialprotocol.web.core.actions import do_create_board

            board = do_create_board(options["board"], acting_user=None)
        try:
            directory = directory_from_path(Path(options["path"]))
        except InputError as exc:
            raise CommandError(str(exc)) from None
        if options["dry_run"]:
            plan = plan_import(board, directory)
            self.stdout.write("Proefimport, er is niets veranderd.")
        else:
            plan = do_import_directory(
                board, directory, deactivate_missing=options["deactivate_missing"], acting_user=None
            )
        for line in plan.lines():
            self.stdout.write(line)
        summary = ", ".join(f"{k}: {v}" for k, v in plan.summary().items())
        self.stdout.write(summary)
