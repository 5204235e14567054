"""Admin: a board's admin configures its purposes; consent records are read-only (the proof),
and every look at them here is logged like any other staff read."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import transaction
from django.db.models import Model
from django.http import HttpRequest, HttpResponse

from socialprotocol.web.consent.models import ConsentRecord, ConsentRound, Purpose
from socialprotocol.web.core.actions import write_audit
from socialprotocol.web.core.admin import TenantAdmin, admin_board_id
from socialprotocol.web.core.models import Board


@admin.register(Purpose)
class PurposeAdmin(TenantAdmin):
    list_display = ("name", "key", "position", "active")
    list_editable = ("position", "active")


@admin.register(ConsentRound)
class ConsentRoundAdmin(TenantAdmin):
    list_display = ("name", "school", "started", "deadline")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # started from the school page, through the audited action

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(ConsentRecord)
class ConsentRecordAdmin(TenantAdmin):
    list_display = ("created", "subject", "purpose", "decision", "capacity", "method")
    list_filter = ("decision", "method", "purpose")
    list_select_related = ("subject", "purpose")
    search_fields = ("subject__last_name", "subject__first_name", "subject__external_id")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def _log(self, request: HttpRequest, where: str, detail: dict[str, Any]) -> None:
        board_id = admin_board_id(request)
        with transaction.atomic():
            write_audit(
                "consent_viewed",
                acting_user=request.user,
                board=Board.objects.filter(pk=board_id).first() if board_id else None,
                detail={"where": where, **detail},
            )

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        self._log(request, "admin_list", {"query": request.GET.urlencode()[:200]})
        return super().changelist_view(request, extra_context)

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        self._log(request, "admin_record", {"record": object_id})
        return super().change_view(request, object_id, form_url, extra_context)
