"""The admin site, scoped per board: a board's admin sees and changes only their own board.

Superusers (the site operator) see everything. Changes made here go through the admin's
``save_model``/``delete_model``, which call the audited actions or write the audit row.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import transaction
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from socialprotocol.web.core.actions import write_audit
from socialprotocol.web.core.models import AuditLog, Board
from socialprotocol.web.people.access import access_of

admin.site.site_header = "socialprotocol – beheer"
admin.site.site_title = "socialprotocol"
admin.site.index_title = "Beheer"


def admin_board_id(request: HttpRequest) -> int | None:
    access = access_of(request.user)
    return access.board_id if access.has("admin") else None


# How each tenant-owned model reaches its board, for choices in admin forms.
_BOARD_PATHS = {
    "core.board": "pk",
    "people.school": "board",
    "people.group": "school__board",
    "people.person": "board",
}


class TenantAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """``board_path`` is the lookup from this model to its board, e.g. ``person__board``."""

    board_path = "board"

    def _allowed(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser or admin_board_id(request) is not None)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(**{self.board_path: admin_board_id(request) or 0})

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._allowed(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._allowed(request)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._allowed(request)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            write_audit(
                f"admin_{'changed' if change else 'added'}",
                acting_user=request.user,
                board=self.board_of(obj),
                subject=obj,
                detail={"fields": sorted(form.changed_data)},
            )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic():
            write_audit("admin_deleted", acting_user=request.user, board=self.board_of(obj), subject=obj)
            super().delete_model(request, obj)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        with transaction.atomic():
            super().save_formset(request, form, formset, change)
            if formset.has_changed():
                write_audit(
                    "admin_inline_changed",
                    acting_user=request.user,
                    board=self.board_of(form.instance),
                    subject=form.instance,
                    detail={"inline": formset.model._meta.label_lower},
                )

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        board_id = admin_board_id(request) or 0
        related = db_field.related_model
        if not request.user.is_superuser and related is not None:
            path = _BOARD_PATHS.get(related._meta.label_lower)
            if path is not None:
                kwargs["queryset"] = related._default_manager.filter(**{path: board_id})
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def board_of(self, obj: Any) -> Board | None:
        for part in self.board_path.split("__"):
            obj = getattr(obj, part, None)
        return obj if isinstance(obj, Board) else None


class TenantInlinePermissions:
    """Inlines ask Django's model permissions; a board admin has the board's, not Django's."""

    def _allowed(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser or admin_board_id(request) is not None)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._allowed(request)

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._allowed(request)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._allowed(request)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._allowed(request)


@admin.register(AuditLog)
class AuditLogAdmin(TenantAdmin):
    list_display = ("created", "event", "acting_user", "subject_type", "subject_id")
    list_filter = ("event",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False
