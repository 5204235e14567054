"""Forms: the one way requests are parsed for the case pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from socialprotocol.web.cases.evidence import CheckedFile, EvidenceError, check_evidence
from socialprotocol.web.cases.models import InvolvedRole, Part, State
from socialprotocol.web.core.models import Board
from socialprotocol.web.people.models import Person, School

ROLE_CHOICES = [("staff", _("medewerker")), ("pupil", _("leerling")),
                ("parent", _("ouder/verzorger")), ("other", _("iemand anders / onbekend"))]  # fmt: skip
CONTEXT_CHOICES = [("private", _("privé")), ("work", _("voor school / werk"))]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data: Any, initial: Any = None) -> Any:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


class ReportForm(forms.Form):
    school = forms.ModelChoiceField(queryset=School.objects.none(), required=False,
                                    label=_("School"))  # fmt: skip
    platform = forms.CharField(max_length=40, required=False, label=_("Platform"),
                               help_text=_("Bijvoorbeeld Instagram, TikTok, WhatsApp"))  # fmt: skip
    link = forms.URLField(max_length=500, required=False, label=_("Link naar het bericht"),
                          assume_scheme="https")  # fmt: skip
    post_text = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False,
                                max_length=10_000, label=_("Tekst van het bericht"))  # fmt: skip
    poster_role = forms.ChoiceField(choices=ROLE_CHOICES, initial="other",
                                    label=_("Wie plaatste het bericht?"))  # fmt: skip
    post_context = forms.ChoiceField(choices=CONTEXT_CHOICES, initial="private",
                                     label=_("Geplaatst"))  # fmt: skip
    involved_text = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False,
                                    max_length=2000, label=_("Wie zijn erbij betrokken?"))  # fmt: skip
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), max_length=10_000,
                                  label=_("Wat is er gebeurd?"))  # fmt: skip
    evidence = MultipleFileField(widget=MultipleFileInput(), required=False,
                                 label=_("Schermafbeeldingen (of PDF)"))  # fmt: skip
    hide_name = forms.BooleanField(required=False,
                                   label=_("Laat mijn naam niet zien aan wie ik meld"))  # fmt: skip
    anonymous = forms.BooleanField(required=False, label=_("Anoniem melden (je krijgt een "
                                   "ontvangstcode om je melding te volgen)"))  # fmt: skip

    def __init__(self, *args: Any, board: Board, can_hide: bool, can_be_anonymous: bool,
                 **kwargs: Any) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        self.checked: list[CheckedFile] = []
        school_field: Any = self.fields["school"]
        school_field.queryset = School.objects.filter(board=board)
        if not can_hide:
            del self.fields["hide_name"]
        if not can_be_anonymous:
            del self.fields["anonymous"]

    def clean_evidence(self) -> list[Any]:
        files: list[Any] = self.cleaned_data.get("evidence") or []
        try:
            self.checked = [check_evidence(f) for f in files]
        except EvidenceError as exc:
            raise forms.ValidationError(str(exc)) from None
        return files

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        if not (data.get("link") or data.get("post_text") or self.checked):
            raise forms.ValidationError(
                _("Geef een link, de tekst of een schermafbeelding van het bericht.")
            )
        return data


class TransitionForm(forms.Form):
    to_state = forms.ChoiceField(choices=State.choices)
    note = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class ArticlesForm(forms.Form):
    articles = forms.MultipleChoiceField(choices=[], required=False,
                                         widget=forms.CheckboxSelectMultiple)  # fmt: skip

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["articles"]
        field.choices = choices


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(queryset=Person.objects.none(), required=False,
                                      label=_("Behandelaar"))  # fmt: skip
    deadline = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}),
                               label=_("Termijn"))  # fmt: skip

    def __init__(self, *args: Any, handlers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["assignee"]
        field.queryset = handlers


class InvolvementForm(forms.Form):
    person = forms.ModelChoiceField(queryset=Person.objects.none(), required=False,
                                    label=_("Persoon uit de school"))  # fmt: skip
    name = forms.CharField(required=False, max_length=200, label=_("Of: naam (buiten de school)"))
    role = forms.ChoiceField(choices=InvolvedRole.choices, label=_("Rol"))
    part = forms.ChoiceField(choices=Part.choices, label=_("Betrokken als"))

    def __init__(self, *args: Any, board: Board, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["person"]
        field.queryset = Person.objects.filter(board=board, active=True)

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        if not data.get("person") and not data.get("name"):
            raise forms.ValidationError(_("Kies een persoon of vul een naam in."))
        return data


class MeasureForm(forms.Form):
    involvement = forms.IntegerField()
    measure = forms.CharField(max_length=40)
    decided_on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    reasons = forms.CharField(max_length=10_000, widget=forms.Textarea(attrs={"rows": 3}))


class CallTaskForm(forms.Form):
    called_by = forms.CharField(max_length=200, label=_("Gebeld door"))
    called_at = forms.DateTimeField(label=_("Gebeld op"),
                                    widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))  # fmt: skip
    outcome = forms.CharField(max_length=5000, label=_("Uitkomst"),
                              widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip
    reference = forms.CharField(max_length=200, required=False, label=_("Kenmerk"))


class PoliceTaskForm(forms.Form):
    decision = forms.ChoiceField(choices=[("ja", _("ja, aangifte gedaan")),
                                          ("nee", _("nee, geen aangifte"))],
                                 label=_("Besluit"))  # fmt: skip
    outcome = forms.CharField(max_length=5000, label=_("Toelichting"),
                              widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip
    reference = forms.CharField(max_length=200, required=False, label=_("Kenmerk aangifte"))


class ReasonForm(forms.Form):
    reason = forms.CharField(min_length=3, max_length=500, label=_("Waarom zie je dit in?"))


class FileEndForm(forms.Form):
    ended_on = forms.DateField(label=_("Van school / uit dienst op"),
                               widget=forms.DateInput(attrs={"type": "date"}))  # fmt: skip


class ReceiptForm(forms.Form):
    code = forms.CharField(max_length=40, label=_("Ontvangstcode"))
