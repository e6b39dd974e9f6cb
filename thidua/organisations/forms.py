"""Input gate of the unit screens: the tree's search and filter."""

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.core.text import clean
from thidua.organisations import queries as unit_queries

CURRENT, HISTORICAL = "current", "historical"


class UnitFilterForm(forms.Form):
    q = forms.CharField(label=_("Unit name"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Show"), required=False,
        choices=[("", _("All units")), (CURRENT, _("Current units")),
                 (HISTORICAL, _("Units no longer in existence"))],
    )

    def clean_q(self) -> str:
        return clean(self.cleaned_data["q"])


def unit_choices(user) -> list[tuple[str, str]]:
    """The visible units as (id, name indented by depth), in tree order, for a unit filter.

    Rendered by the template itself: a Select widget renders thousands of options slowly."""
    rows = list(unit_queries.visible_to(user).values_list("pk", "name", "depth"))
    top = min((depth for _pk, _name, depth in rows), default=0)
    return [(str(pk), "\u00a0\u00a0" * (depth - top) + name) for pk, name, depth in rows]
