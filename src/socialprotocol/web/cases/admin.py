"""Only the board's settings and letter templates are edited in the admin. Cases, evidence and
dossiers are never shown there: they have their own pages with their own access rules."""

from __future__ import annotations

from django.contrib import admin

from socialprotocol.web.cases.models import CaseSettings, LetterTemplate
from socialprotocol.web.core.admin import TenantAdmin


@admin.register(CaseSettings)
class CaseSettingsAdmin(TenantAdmin):
    list_display = ("board", "anonymous_reports")


@admin.register(LetterTemplate)
class LetterTemplateAdmin(TenantAdmin):
    list_display = ("subject", "measure", "ladder", "board")
    list_filter = ("ladder",)
