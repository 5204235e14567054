"""People in the admin, with the directory import (dry run first)."""

from __future__ import annotations

import secrets
from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from socialprotocol.engine.model import InputError
from socialprotocol.web.core.admin import TenantAdmin, TenantInlinePermissions, admin_board_id
from socialprotocol.web.core.models import Board
from socialprotocol.web.people.actions import do_create_account, do_import_directory
from socialprotocol.web.people.importer import plan_import
from socialprotocol.web.people.models import Group, Membership, ParentLink, Person, School
from socialprotocol.web.people.sources import directory_from_upload


class MembershipInline(TenantInlinePermissions, admin.TabularInline):  # type: ignore[type-arg]
    model = Membership
    extra = 0
    fk_name = "person"

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if not request.user.is_superuser:
            board_id = admin_board_id(request) or 0
            if db_field.name == "school":
                kwargs["queryset"] = School.objects.filter(board_id=board_id)
            elif db_field.name == "group":
                kwargs["queryset"] = Group.objects.filter(school__board_id=board_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ImportForm(forms.Form):
    file = forms.FileField(label="Personenbestand (CSV) of OneRoster (ZIP)")
    deactivate_missing = forms.BooleanField(
        label="Mensen die niet in het bestand staan op inactief zetten", required=False
    )
    apply = forms.BooleanField(
        label="Echt importeren (anders alleen laten zien wat er verandert)", required=False
    )


@admin.register(Person)
class PersonAdmin(TenantAdmin):
    list_display = ("full_name", "external_id", "active", "user")
    search_fields = ("first_name", "last_name", "external_id")
    list_filter = ("active",)
    inlines = [MembershipInline]
    exclude = ("board",)
    readonly_fields = ("user",)
    actions = ["create_accounts"]

    @admin.action(description="Account aanmaken (wachtwoord wordt één keer getoond)")
    def create_accounts(self, request: HttpRequest, queryset: QuerySet[Person]) -> None:
        made = []
        for person in queryset.filter(user__isnull=True):
            username = person.external_id.lower()
            if User.objects.filter(username=username).exists():
                username = f"{username}-{person.board_id}"
            password = secrets.token_urlsafe(9)
            do_create_account(person, username, password, acting_user=request.user)
            made.append(f"{person.full_name}: {username} / {password}")
        if made:
            self.message_user(request, "Nieuwe accounts (geef ze veilig door): " + "; ".join(made))

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change and not request.user.is_superuser:
            obj.board_id = admin_board_id(request)
        super().save_model(request, obj, form, change)

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="people_person_import"), *super().get_urls()]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        board_id = admin_board_id(request)
        if board_id is None:
            raise PermissionDenied
        board = Board.objects.get(pk=board_id)
        form = ImportForm(request.POST or None, request.FILES or None)
        context: dict[str, Any] = {**self.admin_site.each_context(request), "form": form,
                                   "title": "Personen importeren"}  # fmt: skip
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                directory = directory_from_upload(upload.name, upload.read())
            except InputError as exc:
                context["error"] = str(exc)
            else:
                if form.cleaned_data["apply"]:
                    plan = do_import_directory(
                        board, directory,
                        deactivate_missing=form.cleaned_data["deactivate_missing"],
                        acting_user=request.user,
                    )  # fmt: skip
                    context["applied"] = True
                else:
                    plan = plan_import(board, directory)
                context["summary"] = plan.summary()
                context["lines"] = plan.lines()[:1000]
        return render(request, "admin/people/import.html", context)


@admin.register(School)
class SchoolAdmin(TenantAdmin):
    list_display = ("name",)
    exclude = ("board",)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change and not request.user.is_superuser:
            obj.board_id = admin_board_id(request)
        super().save_model(request, obj, form, change)


@admin.register(ParentLink)
class ParentLinkAdmin(TenantAdmin):
    board_path = "parent__board"
    list_display = ("parent", "child")
    raw_id_fields = ("parent", "child")
