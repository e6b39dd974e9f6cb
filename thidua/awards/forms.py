"""Input gate of the award register import page."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from thidua.organisations import queries as unit_queries

XLSX_SUFFIXES = (".xlsx", ".xlsm")


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Award register (Excel workbook, .xlsx)"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".xlsx"}),
        error_messages={"required": _("Choose the file of the register."),
                        "empty": _("The file is empty.")},
    )
    default_unit = forms.ModelChoiceField(
        label=_("Unit of new people"), required=False, queryset=None,
        help_text=_("Given to the people the file adds whose unit (column “Đơn vị”) matches no "
                    "unit of the system."),
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"invalid_choice": _("This unit does not exist or is outside your scope.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["default_unit"].queryset = unit_queries.visible_to(user).order_by("path")
        self.fields["default_unit"].initial = user.unit_id

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; files up to %(limit)s can be imported.")
                % {"size": filesizeformat(upload.size),
                   "limit": filesizeformat(settings.IMPORT_MAX_BYTES)})
        if not upload.name.lower().endswith(XLSX_SUFFIXES):
            raise forms.ValidationError(_(
                "Only Excel workbooks (.xlsx) can be imported: save the register in that format."))
        return upload
