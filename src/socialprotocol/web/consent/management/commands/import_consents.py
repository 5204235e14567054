"""``import_consents BOARD FILE [--apply]``: check (and with --apply record) consents from CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from socialprotocol.web.consent.importer import import_consents
from socialprotocol.web.core.models import Board


class Command(BaseCommand):
    help = "Importeer bestaande toestemmingen uit CSV (zonder --apply: alleen controleren)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("board", help="naam van het bestuur")
        parser.add_argument("file", type=Path)
        parser.add_argument("--apply", action="store_true", help="de goede regels vastleggen")

    def handle(self, *args: Any, **options: Any) -> None:
        board = Board.objects.filter(name=options["board"]).first()
        if board is None:
            raise CommandError(f"Geen bestuur '{options['board']}'.")
        try:
            text = options["file"].read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Kan {options['file']} niet lezen als UTF-8: {exc}") from None
        result = import_consents(board, text, apply=options["apply"], acting_user=None)
        for line, message in result.errors:
            self.stderr.write(f"regel {line}: {message}")
        verb = "vastgelegd" if options["apply"] else "goed (nog niet vastgelegd: gebruik --apply)"
        self.stdout.write(f"{result.valid} regels {verb}; {len(result.errors)} met fouten.")
