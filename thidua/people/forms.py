"""Input gate of the people screens: the list's search and filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import AwardType
from thidua.core.text import clean
from thidua.organisations import queries as unit_queries
from thidua.people.choices import Gender, PersonGroup

SELECT = forms.Select(attrs={"class": "form-select"})
YEAR = forms.NumberInput(attrs={"class": "form-control", "min": 1900, "max": 2100})
NOT_A_YEAR = {"invalid": _("Enter a year as a whole number, e.g. 1985.")}


def award_code_choices() -> list[tuple[str, str]]:
    return [("", _("Any")), *AwardType.objects.values_list("code", "name")]


class PersonFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or ID number"), required=False, max_length=120,
                        widget=forms.TextInput(attrs={"type": "search", "class": "form-control"}))
    unit = forms.ModelChoiceField(
        label=_("Unit (with its sub-units)"), required=False, queryset=None,
        error_messages={"invalid_choice": _("This unit does not exist or is outside your scope.")},
    )
    gender = forms.ChoiceField(label=_("Gender"), required=False, widget=SELECT,
                               choices=[("", _("Any")), *Gender.choices])
    group = forms.ChoiceField(label=_("Group"), required=False, widget=SELECT,
                              choices=[("", _("Any")), *PersonGroup.choices])
    born_from = forms.IntegerField(label=_("Born from year"), required=False, widget=YEAR,
                                   error_messages=NOT_A_YEAR, min_value=1900, max_value=2100)
    born_to = forms.IntegerField(label=_("Born up to year"), required=False, widget=YEAR,
                                 error_messages=NOT_A_YEAR, min_value=1900, max_value=2100)
    award = forms.ChoiceField(label=_("Has the award (in force)"), required=False, widget=SELECT)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only units the user may see are valid choices: a unit outside the scope is refused.
        self.fields["unit"].queryset = unit_queries.visible_to(user)
        # A list, not a callable: the select would run the catalogue query once per iteration.
        self.fields["award"].choices = award_code_choices()

    def clean_q(self) -> str:
        return clean(self.cleaned_data["q"])

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("born_from"), data.get("born_to")
        if start is not None and end is not None and start > end:
            self.add_error("born_to", _("The last birth year cannot be before the first one."))
        return data
