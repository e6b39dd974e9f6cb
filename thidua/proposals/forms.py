"""Input gate of the dossier screens: typed values, NFC text, Vietnamese messages."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.awards.choices import AwardKind
from thidua.awards.models import AwardType
from thidua.core.text import clean, sizes
from thidua.organisations import queries as unit_queries
from thidua.proposals import filetypes
from thidua.proposals.choices import AttachmentKind, DecidingLevel, State
from thidua.proposals.models import Round

SELECT = {"class": "form-select"}
TEXT = {"class": "form-control"}
DATE = {"class": "form-control", "placeholder": "dd/mm/yyyy"}
NOT_A_DATE = {"invalid": _("Enter a date as dd/mm/yyyy.")}
OUTSIDE = {"invalid_choice": _("This unit does not exist or is outside your scope.")}


class CleanText:
    """NFC and collapsed spaces for every text field of the form."""

    def clean(self) -> dict:
        data = super().clean()
        for name, value in data.items():
            if isinstance(value, str) and name not in getattr(self, "raw_fields", ()):
                data[name] = clean(value)
        return data


class RoundForm(CleanText, forms.Form):
    name = forms.CharField(label=pgettext_lazy("field", "name"), max_length=255,
                           widget=forms.TextInput(attrs=TEXT))
    kind = forms.ChoiceField(label=_("type of commendation"), choices=AwardKind.choices,
                             widget=forms.Select(attrs=SELECT))
    year = forms.IntegerField(label=_("achievement year"), min_value=1945, max_value=2100,
                              widget=forms.NumberInput(attrs=TEXT))
    organiser = forms.ModelChoiceField(label=_("organising body"), queryset=None,
                                       widget=forms.Select(attrs=SELECT),
                                       error_messages=OUTSIDE)
    deciding_level = forms.ChoiceField(label=_("deciding level"), choices=DecidingLevel.choices,
                                       widget=forms.Select(attrs=SELECT))
    opens_on = forms.DateField(label=_("opens on"), widget=forms.DateInput(attrs=DATE),
                               error_messages=NOT_A_DATE)
    submission_deadline = forms.DateField(label=_("submission deadline"),
                                          widget=forms.DateInput(attrs=DATE),
                                          error_messages=NOT_A_DATE)
    council_date = forms.DateField(label=_("planned council meeting"), required=False,
                                   widget=forms.DateInput(attrs=DATE), error_messages=NOT_A_DATE)
    requires_publication = forms.BooleanField(
        label=_("candidates published for comment"), required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = unit_queries.visible_to(user).filter(
            valid_to__isnull=True).order_by("path")

    @classmethod
    def initial_of(cls, round_: Round) -> dict:
        return {name: getattr(round_, name) for name in cls.base_fields}


class ProposalFilterForm(forms.Form):
    q = forms.CharField(label=_("Number, title or unit"), required=False, max_length=120,
                        widget=forms.TextInput(attrs={"type": "search", "class": "form-control"}))
    round = forms.ModelChoiceField(label=_("round"), required=False, queryset=None,
                                   widget=forms.Select(attrs=SELECT))
    state = forms.ChoiceField(label=_("state"), required=False, widget=forms.Select(attrs=SELECT),
                              choices=[("", _("Any")), *State.choices])
    unit = forms.ModelChoiceField(label=_("Unit (with its sub-units)"), required=False,
                                  queryset=None, error_messages=OUTSIDE)

    def __init__(self, *args, user, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds
        self.fields["unit"].queryset = unit_queries.visible_to(user)

    def clean_q(self) -> str:
        return clean(self.cleaned_data["q"])


class ProposalForm(CleanText, forms.Form):
    """A new dossier: its round, its unit (the officer's, or one of their sub-units), title."""

    round = forms.ModelChoiceField(label=_("round"), queryset=None,
                                   widget=forms.Select(attrs=SELECT))
    unit = forms.ModelChoiceField(label=_("proposing unit"), queryset=None,
                                  widget=forms.Select(attrs=SELECT), error_messages=OUTSIDE)
    number = forms.CharField(label=_("submission number"), max_length=60, required=False,
                             widget=forms.TextInput(attrs=TEXT))
    title = forms.CharField(label=pgettext_lazy("document", "summary"), max_length=500, widget=forms.TextInput(attrs=TEXT))

    def __init__(self, *args, user, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds
        self.fields["unit"].queryset = unit_queries.visible_to(user).filter(
            valid_to__isnull=True).order_by("path")
        self.fields["unit"].initial = user.unit_id


class HeaderForm(CleanText, forms.Form):
    number = forms.CharField(label=_("submission number"), max_length=60, required=False,
                             widget=forms.TextInput(attrs=TEXT))
    title = forms.CharField(label=pgettext_lazy("document", "summary"), max_length=500, widget=forms.TextInput(attrs=TEXT))
    version = forms.IntegerField(widget=forms.HiddenInput)


class ActionForm(CleanText, forms.Form):
    """One workflow button: the version the page showed, and a note (a reason to return)."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("Reason or note"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={**TEXT, "rows": 2}))


class NomineeSearchForm(forms.Form):
    q = forms.CharField(label=_("Name or ID number"), required=False, max_length=120,
                        widget=forms.TextInput(attrs={"type": "search", "class": "form-control"}))

    def clean_q(self) -> str:
        return clean(self.cleaned_data["q"])


class NomineeForm(CleanText, forms.Form):
    """A new line: who (a person or a collective chosen on the page, or a household's name),
    for what, and why."""

    award_type = forms.ModelChoiceField(label=_("proposed title/form"), queryset=None,
                                        widget=forms.Select(attrs=SELECT))
    summary = forms.CharField(label=_("summary of achievements"), required=False,
                              max_length=10_000,
                              widget=forms.Textarea(attrs={**TEXT, "rows": 4}))
    justification = forms.CharField(
        label=_("justification for an ineligible nominee"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={**TEXT, "rows": 3}))
    note = forms.CharField(label=_("note"), required=False, max_length=500,
                           widget=forms.TextInput(attrs=TEXT))
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every active title and form; the service refuses one not given to the subject.
        self.fields["award_type"].queryset = AwardType.objects.filter(active=True)


class SubjectForm(forms.Form):
    """The subject of a new line, as the add page posts it."""

    person = forms.IntegerField(required=False, widget=forms.HiddenInput)
    collective = forms.IntegerField(required=False, widget=forms.HiddenInput)
    household = forms.CharField(label=_("Household (name of its head)"), required=False,
                                max_length=255, widget=forms.TextInput(attrs=TEXT))

    household_address = forms.CharField(label=_("Address of the household"), required=False,
                                        max_length=255, widget=forms.TextInput(attrs=TEXT))

    def clean_household(self) -> str:
        return clean(self.cleaned_data["household"])

    def clean_household_address(self) -> str:
        return clean(self.cleaned_data["household_address"])


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("List of nominees (Excel workbook, .xlsx)"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".xlsx"}),
        error_messages={"required": _("Choose the file of the list."),
                        "empty": _("The file is empty.")})
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; files up to %(limit)s can be imported.")
                % sizes(upload.size, settings.IMPORT_MAX_BYTES))
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Only Excel workbooks (.xlsx) can be imported: save "
                                          "the list in that format."))
        return upload


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File (PDF, Word, Excel, JPEG or PNG)"),
        widget=forms.ClearableFileInput(attrs={
            "class": "form-control", "accept": ",".join(filetypes.ALLOWED_SUFFIXES)}),
        error_messages={"required": _("Choose a file to attach."),
                        "empty": _("The file is empty.")})
    kind = forms.ChoiceField(label=_("document type"), choices=AttachmentKind.choices,
                             widget=forms.Select(attrs=SELECT))
    version = forms.IntegerField(widget=forms.HiddenInput)


class DispatchForm(CleanText, forms.Form):
    """The dispatch (công văn) that notified the proposing unit of the result."""

    dispatch_number = forms.CharField(label=_("dispatch number"), max_length=60,
                                      widget=forms.TextInput(attrs=TEXT))
    notified_on = forms.DateField(label=_("dispatch date"), widget=forms.DateInput(attrs=DATE),
                                  error_messages=NOT_A_DATE)
    note = forms.CharField(label=_("note"), required=False, max_length=500,
                           widget=forms.TextInput(attrs=TEXT))
