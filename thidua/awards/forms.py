"""Input gate of the award screens: the register import, decision drafts, revocations."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from thidua.awards.choices import Authority
from thidua.core.ids import ModelMultipleIdField
from thidua.core.text import sizes
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
                % sizes(upload.size, settings.IMPORT_MAX_BYTES))
        if not upload.name.lower().endswith(XLSX_SUFFIXES):
            raise forms.ValidationError(_(
                "Only Excel workbooks (.xlsx) can be imported: save the register in that format."))
        return upload


# -- decision drafts and revocations ---------------------------------------------------------
SELECT = {"class": "form-select"}
TEXT = {"class": "form-control"}
DATE = {"class": "form-control", "placeholder": "dd/mm/yyyy"}
YEAR = {"class": "form-control", "min": 1945, "max": 2100}
NOT_A_DATE = {"invalid": _("Enter a date as dd/mm/yyyy.")}
OUTSIDE = {"invalid_choice": _("This unit does not exist or is outside your scope.")}


class DecisionHeaderForm(forms.Form):
    """The header of a decision: who issues it, when, under which authority, signed by whom."""

    issuer = forms.ModelChoiceField(label=_("Issuing body"), queryset=None,
                                    widget=forms.Select(attrs=SELECT), error_messages=OUTSIDE)
    date = forms.DateField(label=_("Decision date"), widget=forms.DateInput(attrs=DATE),
                           error_messages=NOT_A_DATE)
    number_symbol = forms.CharField(
        label=_("Number symbol"), max_length=40, initial="QĐ-UBND",
        widget=forms.TextInput(attrs=TEXT),
        help_text=_("The number is given when the decision is issued: 123/QĐ-UBND."))
    decided_by = forms.ChoiceField(label=_("Authority"), required=False,
                                   choices=[("", "—"), *Authority.choices],
                                   widget=forms.Select(attrs=SELECT))
    signer_name = forms.CharField(label=_("Signer"), max_length=120, required=False,
                                  widget=forms.TextInput(attrs=TEXT))
    signer_title = forms.CharField(label=_("Signer's position"), max_length=150,
                                   required=False, widget=forms.TextInput(attrs=TEXT),
                                   help_text=_("For example: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"))

    def __init__(self, *args, issuers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = issuers


class DraftForm(DecisionHeaderForm):
    issuer_name = forms.CharField(
        label=_("Issuing body name (as printed)"), max_length=255, required=False,
        widget=forms.TextInput(attrs=TEXT),
        help_text=_("Empty: the issuing body's name on the decision date."))
    subject = forms.CharField(label=_("Summary line (Về việc …)"), max_length=500,
                              required=False, widget=forms.TextInput(attrs=TEXT))
    legal_basis = forms.CharField(label=_("Basis"), required=False,
                                  widget=forms.Textarea(attrs={**TEXT, "rows": 4}),
                                  help_text=_("One basis per line."))
    period = forms.CharField(label=_("Achievement period"), max_length=120, required=False,
                             widget=forms.TextInput(attrs=TEXT))
    period_start_year = forms.IntegerField(label=_("Period from (year)"), required=False,
                                           min_value=1945, max_value=2100,
                                           widget=forms.NumberInput(attrs=YEAR))
    period_end_year = forms.IntegerField(label=_("Period to (year)"), required=False,
                                         min_value=1945, max_value=2100,
                                         widget=forms.NumberInput(attrs=YEAR))
    proposals = ModelMultipleIdField(
        label=_("Voted dossiers"), queryset=None, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one voted dossier."),
                        "invalid_choice": _("This dossier cannot be chosen."),
                        "invalid_pk_value": _("This dossier cannot be chosen.")})

    def __init__(self, *args, dossiers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposals"].queryset = dossiers

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("period_start_year"), data.get("period_end_year")
        if start and end and start > end:
            self.add_error("period_end_year", _("The period cannot end before it starts."))
        return data


class RevocationForm(DecisionHeaderForm):
    number = forms.CharField(
        label=_("Number of the revoking decision"), max_length=60, required=False,
        widget=forms.TextInput(attrs=TEXT),
        help_text=_("Empty: the next number of the issuing body is given."))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={**TEXT, "rows": 3}),
                             error_messages={"required": _("Give the reason for the revocation.")})
    basis = forms.CharField(label=_("Basis"), max_length=255, required=False,
                            initial="Luật Thi đua, khen thưởng 2022, Điều 93",
                            widget=forms.TextInput(attrs=TEXT))
    awards = ModelMultipleIdField(
        label=_("Awards to revoke"), queryset=None, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one award to revoke."),
                        "invalid_choice": _("This award cannot be chosen."),
                        "invalid_pk_value": _("This award cannot be chosen.")})

    def __init__(self, *args, awards, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["awards"].queryset = awards
