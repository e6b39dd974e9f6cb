from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.documents.certificates.choices import Align, BlankFieldName
from thidua.documents.certificates.layouts import LayoutSpec

NUMBER = {"class": "form-control form-control-sm", "step": "0.1"}


def mm_field(label, low: int, high: int) -> forms.DecimalField:
    return forms.DecimalField(label=label, min_value=Decimal(low), max_value=Decimal(high),
                              max_digits=6, decimal_places=1,
                              widget=forms.NumberInput(attrs=NUMBER))


class LayoutPageForm(forms.Form):
    page_width = mm_field(_("Paper width (mm)"), 1, 1000)
    page_height = mm_field(_("Paper height (mm)"), 1, 1000)
    offset_x = mm_field(_("Shift right (mm)"), -50, 50)
    offset_y = mm_field(_("Shift down (mm)"), -50, 50)

    @classmethod
    def initial_from(cls, spec: LayoutSpec) -> dict:
        return {"page_width": spec.width, "page_height": spec.height,
                "offset_x": spec.offset_x, "offset_y": spec.offset_y}


class BlankFieldForm(forms.Form):
    name = forms.ChoiceField(choices=BlankFieldName.choices, widget=forms.HiddenInput)
    enabled = forms.BooleanField(label=_("Printed"), required=False,
                                 widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))
    x = mm_field(_("x (mm)"), -50, 1000)
    y = mm_field(_("y (mm)"), -50, 1000)
    width = mm_field(_("Width (mm)"), 1, 1000)
    height = mm_field(_("Height (mm)"), 1, 1000)
    font_size = forms.DecimalField(label=_("Size (pt)"), min_value=4, max_value=96,
                                   max_digits=4, decimal_places=1,
                                   widget=forms.NumberInput(attrs=NUMBER))
    align = forms.ChoiceField(label=_("Alignment"), choices=Align.choices,
                              widget=forms.Select(attrs={"class": "form-select form-select-sm"}))
    bold = forms.BooleanField(label=_("Bold"), required=False,
                              widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))
    italic = forms.BooleanField(label=_("Italic"), required=False,
                                widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))

    @property
    def label(self) -> str:
        """The field's name as the page shows it; a posted name that is none of ours (only a
        hand-made request sends one) is shown as sent, next to the form's error."""
        value = self["name"].value()
        return BlankFieldName(value).label if value in BlankFieldName.values else str(value or "")


BlankFieldFormSet = forms.formset_factory(BlankFieldForm, extra=0, min_num=len(BlankFieldName),
                                          max_num=len(BlankFieldName), validate_min=True,
                                          validate_max=True)


def field_initial(spec: LayoutSpec) -> list[dict]:
    return [{"name": f.name, "enabled": f.enabled, "x": f.x, "y": f.y, "width": f.width,
             "height": f.height, "font_size": f.font_size, "align": f.align, "bold": f.bold,
             "italic": f.italic} for f in spec.fields]


def fields_from(formset) -> list[dict]:
    """The cleaned rows, one per field name (a repeated name keeps its last row)."""
    return list({row["name"]: row for row in formset.cleaned_data}.values())


class VerifyForm(forms.Form):
    code = forms.CharField(label=_("Verification code"), max_length=40, widget=forms.TextInput(
        attrs={"class": "form-control form-control-lg", "autocomplete": "off",
               "placeholder": "ABCDE-12345", "autofocus": True}))
