"""Hash every evidence file and letter again and compare with the recorded SHA-256."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from socialprotocol.web.cases.integrity import verify_records


class Command(BaseCommand):
    help = "Controleert of bewijsstukken en brieven nog precies zo zijn als bij het opslaan."

    def handle(self, *args: Any, **options: Any) -> None:
        report = verify_records()
        for problem in report.problems:
            self.stderr.write(problem)
        if report.problems:
            raise CommandError(f"{len(report.problems)} van {report.checked} bestanden kloppen niet")
        self.stdout.write(f"{report.checked} bestanden gecontroleerd; alle SHA-256 kloppen")
