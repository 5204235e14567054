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


SCAN_TYPES = {b"%PDF": "pdf", b"\xff\xd8\xff": "jpg", b"\x89PNG": "png"}
MAX_SCAN_BYTES = 5 * 1024 * 1024


class PaperForm(forms.Form):
    """A signed paper form, recorded by the school's administration."""

    purpose = forms.TypedChoiceField(label=_("Doel"), coerce=int)
    decision = forms.ChoiceField(
        label=_("Keuze op het formulier"),
        choices=[("given", _("ja")), ("refused", _("nee")), ("withdrawn", _("ingetrokken"))],
    )
    given_by = forms.TypedChoiceField(label=_("Ondertekend door"), coerce=int, required=False,
                                      empty_value=None)  # fmt: skip
    given_by_name = forms.CharField(label=_("Of: naam zoals op het formulier"), max_length=200,
                                    required=False)  # fmt: skip
    decided_on = forms.DateField(label=_("Datum op het formulier"),
                                 widget=forms.DateInput(attrs={"type": "date"}))  # fmt: skip
    evidence = forms.CharField(label=_("Kenmerk van de scan of het archief"), max_length=200)
    scan = forms.FileField(label=_("Scan (pdf, jpg of png, mag leeg)"), required=False)

    def __init__(
        self,
        *args: object,
        purposes: list[tuple[int, str]],
        signers: list[tuple[int, str]],
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for name, choices in (("purpose", purposes), ("given_by", [("", "—"), *signers])):
            field = self.fields[name]
            assert isinstance(field, forms.TypedChoiceField)
            field.choices = choices

    def clean_scan(self) -> object:
        scan = self.cleaned_data.get("scan")
        if not scan:
            return None
        if scan.size > MAX_SCAN_BYTES:
            raise forms.ValidationError(_("De scan is groter dan 5 MB."))
        head = scan.read(8)
        scan.seek(0)
        if not any(head.startswith(magic) for magic in SCAN_TYPES):
            raise forms.ValidationError(_("Kies een pdf, jpg of png."))
        return scan

    def clean(self) -> dict[str, object] | None:
        data = super().clean()
        if data and not data.get("given_by") and not data.get("given_by_name", "").strip():
            raise forms.ValidationError(_("Kies wie tekende of schrijf de naam over."))
        return data
