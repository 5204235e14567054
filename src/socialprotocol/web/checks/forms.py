"""The one parser of a check request, for the page and the API alike.

Field names are those of a batch line (DESIGN §4); the engine's ``post_from_mapping`` turns
them into a Post, so the CLI, the page and the API accept exactly the same input.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from socialprotocol.engine.inputs import post_from_mapping
from socialprotocol.engine.model import InputError, Post
from socialprotocol.web.checks.uploads import Upload, inspect_upload

ROLE_CHOICES = [
    ("staff", _("medewerker")),
    ("pupil", _("leerling")),
    ("parent", _("ouder of verzorger")),
    ("other", _("betrokkene")),
]
CONTEXT_CHOICES = [("work", _("voor mijn werk of de school")), ("private", _("privé"))]
PLATFORM_CHOICES = [
    ("", _("— kies (mag leeg) —")),
    ("instagram", "Instagram"),
    ("facebook", "Facebook"),
    ("x", "X (Twitter)"),
    ("linkedin", "LinkedIn"),
    ("tiktok", "TikTok"),
    ("whatsapp", "WhatsApp"),
    ("parro", "Parro"),
    ("website", _("website van de school")),
    ("other", _("anders")),
]
ABOUT_CHOICES = [
    ("", _("laat de controle het bepalen")),
    ("true", _("ja, het gaat over school")),
    ("false", _("nee, het gaat niet over school")),
]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*,video/*,audio/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class CheckForm(forms.Form):
    text = forms.CharField(
        label=_("Je bericht"),
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "true"}),
        required=False,
        strip=False,
    )
    role = forms.ChoiceField(label=_("Ik plaats dit als"), choices=ROLE_CHOICES)
    context = forms.ChoiceField(
        label=_("Waar plaats je het?"), choices=CONTEXT_CHOICES, widget=forms.RadioSelect
    )
    platform = forms.ChoiceField(label=_("Platform"), choices=PLATFORM_CHOICES, required=False)
    at = forms.CharField(
        label=_("Wanneer plaats je het? (mag leeg)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    about_school = forms.ChoiceField(
        label=_("Gaat het over school?"), choices=ABOUT_CHOICES, required=False
    )
    media = MultipleFileField(  # type: ignore[assignment]  # the API field name
       label=_("Foto's, video's of geluid (mag leeg)"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].validators.append(MaxLengthValidator(settings.MAX_TEXT_CHARS))
        self.fields["text"].widget.attrs["maxlength"] = str(settings.MAX_TEXT_CHARS)
        self.post: Post | None = None
        self.uploads: list[Upload] = []

    def clean_media(self) -> list[Any]:
        files: list[Any] = self.cleaned_data.get("media") or []
        if len(files) > settings.MAX_UPLOAD_FILES:
            raise forms.ValidationError(
                _("Hoogstens %(n)d bestanden per controle."), params={"n": settings.MAX_UPLOAD_FILES}
            )
        uploads = []
        for f in files:
            try:
                uploads.append(inspect_upload(f))
            except InputError as exc:
                raise forms.ValidationError(str(exc)) from None
        self.uploads = uploads
        return files

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        if not (data.get("text") or "").strip() and not self.uploads:
            raise forms.ValidationError(_("Schrijf een bericht of kies een foto, video of opname."))
        about = {"true": True, "false": False}.get(data.get("about_school") or "")
        mapping: dict[str, Any] = {
            "text": data.get("text") or "",
            "role": data["role"],
            "context": data["context"],
            "platform": data.get("platform") or None,
            "at": data.get("at") or None,
            "about_school": about,
        }
        try:
            self.post = post_from_mapping(mapping)
        except InputError as exc:
            raise forms.ValidationError(str(exc)) from None
        return data
