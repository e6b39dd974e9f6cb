"""Input gate of the eligibility screens: the proposal year of a person's or a unit's page,
and the batch check's unit, year, codes, filters and the rows ticked as proposed."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.text import clean
from thidua.eligibility.batch import VERDICT_LABELS, VERDICT_ORDER, code_groups
from thidua.eligibility.cases import MIN_YEAR
from thidua.organisations import queries as unit_queries

YEAR = forms.NumberInput(attrs={"class": "form-control", "min": MIN_YEAR})
NOT_A_YEAR = {"invalid": _("Enter a year as a whole number, e.g. 2025."),
              "min_value": _("The proposal year cannot be before %(limit_value)s.")}
ROW_KEY = re.compile(r"^[pu]:\d{1,12}:[a-z0-9_]{1,60}$")
MAX_PROPOSED = 5000
MAX_UPLOAD = 20 * 1024 * 1024  # bytes of an uploaded nominee list


def this_year() -> int:
    return timezone.localdate().year


class YearField(forms.IntegerField):
    """A proposal year from 1945 up to next year; empty means this year."""

    def __init__(self, **kwargs):
        super().__init__(label=_("Proposal year"), required=False, min_value=MIN_YEAR,
                         widget=YEAR, error_messages=NOT_A_YEAR, **kwargs)

    def clean(self, value):
        year = super().clean(value)
        if year is None:
            return this_year()
        if year > this_year() + 1:
            raise ValidationError(_("The proposal year cannot be after %(year)s.")
                                  % {"year": this_year() + 1})
        return year


class YearForm(forms.Form):
    year = YearField()

    def chosen_year(self) -> int | None:
        """The valid year asked for (this year when none is given), or None."""
        return self.cleaned_data["year"] if self.is_valid() else None


class RowKeysField(forms.Field):
    """The rows ticked as proposed: keys like "p:12:ldtt" (person 12, LĐTT)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[str]:
        values = [clean(item) for item in (value or [])]
        if len(values) > MAX_PROPOSED:
            raise ValidationError(_("At most %(max)s rows can be ticked as proposed.")
                                  % {"max": MAX_PROPOSED})
        wrong = [item for item in values if not ROW_KEY.match(item)]
        if wrong:
            raise ValidationError(_("Unknown row ticked as proposed: %(row)s")
                                  % {"row": wrong[0][:80]})
        return list(dict.fromkeys(values))


class BatchForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit (with its sub-units)"), queryset=None,
        error_messages={"required": _("Choose a unit."),
                        "invalid_choice": _("This unit does not exist or is outside your "
                                            "scope.")})
    year = YearField()
    codes = forms.MultipleChoiceField(label=_("Titles and forms"), required=False,
                                      widget=forms.CheckboxSelectMultiple)
    every_code = forms.BooleanField(label=_("Every title and form that applies"), required=False)
    verdict = forms.ChoiceField(label=_("Verdict"), required=False,
                                widget=forms.Select(attrs={"class": "form-select"}))
    only = forms.ChoiceField(label=_("Title or form"), required=False,
                             widget=forms.Select(attrs={"class": "form-select"}))
    q = forms.CharField(label=_("Name"), required=False, max_length=120,
                        widget=forms.TextInput(attrs={"type": "search",
                                                      "class": "form-control"}))
    proposed = RowKeysField(required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only units the user may see are valid choices: a unit outside the scope is refused.
        self.fields["unit"].queryset = unit_queries.visible_to(user)
        labels = {"individual": _("Individuals"), "collective": _("Collectives"),
                  "both": _("Individuals and collectives")}
        self.code_groups = [(labels[group], choices) for group, choices in code_groups()]
        every = [choice for _group, choices in self.code_groups for choice in choices]
        self.fields["codes"].choices = every
        self.fields["only"].choices = [("", _("Any")), *every]
        self.fields["verdict"].choices = [("", _("Any")), *(
            (verdict, VERDICT_LABELS[verdict]) for verdict in VERDICT_ORDER)]

    def clean_q(self) -> str:
        return clean(self.cleaned_data["q"])

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("codes") and not data.get("every_code"):
            self.add_error("codes", _("Choose at least one title or form, or every one that "
                                      "applies."))
        return data

    def chosen_codes(self) -> list[str] | None:
        """The codes asked for; None means every code that applies to each subject."""
        return None if self.cleaned_data["every_code"] else self.cleaned_data["codes"]



class ListUploadForm(forms.Form):
    """A nominee list (xlsx) of a unit for a year, for the list checks (nothing is stored)."""

    unit = forms.ModelChoiceField(
        label=_("Unit the list comes from"), queryset=None,
        error_messages={"required": _("Choose a unit."),
                        "invalid_choice": _("This unit does not exist or is outside your "
                                            "scope.")})
    year = YearField()
    file = forms.FileField(label=_("List of nominees (Excel .xlsx)"),
                           error_messages={"required": _("Choose the Excel file of the list."),
                                           "empty": _("The file is empty.")})

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_queries.visible_to(user)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise ValidationError(_("The file is larger than %(size)s MB.")
                                  % {"size": MAX_UPLOAD // (1024 * 1024)})
        if not upload.name.lower().endswith(".xlsx"):
            raise ValidationError(_("The file is not an Excel workbook (.xlsx)."))
        return upload
