"""Form parsing for the consent pages (one way to parse requests: Django forms)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from socialprotocol.web.consent.rules import Decision


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Keuze"), choices=[(d.value, d.value) for d in Decision])


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Antwoord"), choices=[("given", _("Ja")), ("refused", _("Nee"))]
    )


class RoundForm(forms.Form):
    name = forms.CharField(label=_("Naam van de ronde"), max_length=100,
                           initial=_("Toestemming schooljaar"))  # fmt: skip
    deadline = forms.DateField(label=_("Uiterste datum"),
                               widget=forms.DateInput(attrs={"type": "date"}))  # fmt: skip
    school = forms.TypedChoiceField(label=_("School"), coerce=int, required=False,
                                    empty_value=None)  # fmt: skip

    def __init__(self, *args: object, schools: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["school"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", _("Alle scholen van het bestuur")), *schools]

    def clean_deadline(self) -> object:
        deadline = self.cleaned_data["deadline"]
        if deadline <= timezone.localdate():
            raise forms.ValidationError(_("Kies een datum na vandaag."))
        return deadline


class PublicationStartForm(forms.Form):
    purpose = forms.IntegerField(required=False)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV-bestand"))
    apply = forms.BooleanField(label=_("Leg de goede regels vast (anders alleen controleren)"),
                               required=False)  # fmt: skip

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("Het bestand is groter dan 5 MB."))
        try:
            return str(upload.read().decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise forms.ValidationError(_("Sla het bestand op als CSV in UTF-8.")) from None
