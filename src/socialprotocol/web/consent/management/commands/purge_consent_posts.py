"""``purge_consent_posts``: delete post photos past SOCIALPROTOCOL_CONSENT_POST_MEDIA_DAYS."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from socialprotocol.web.consent.retention import do_purge_post_media


class Command(BaseCommand):
    help = "Verwijder foto's van berichten (toestemming) na de bewaartermijn."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{do_purge_post_media()} berichten opgeschoond.")
