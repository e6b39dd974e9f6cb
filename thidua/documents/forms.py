from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import AwardType
from thidua.core.text import clean
from thidua.documents import services, signing
from thidua.documents.choices import DocumentKind
from thidua.documents.models import CertificateBatch
from thidua.documents.word.render import TemplateProblem
from thidua.organisations.models import Unit

SELECT = forms.Select(attrs={"class": "form-select"})
NUMBER = forms.NumberInput(attrs={"class": "form-control"})


class TemplateUploadForm(forms.Form):
    """A replacement Word template; the file is checked against its kind here."""

    kind = forms.ChoiceField(label=_("Document"), choices=DocumentKind.choices, widget=SELECT)
    unit = forms.ModelChoiceField(
        label=_("For the unit (empty: every unit)"), required=False, queryset=Unit.objects.all(),
        error_messages={"invalid_choice": _("This unit does not exist.")})
    file = forms.FileField(label=_("Word file (.docx)"),
                           widget=forms.ClearableFileInput(attrs={"class": "form-control",
                                                                  "accept": ".docx"}))

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is None or not data.get("kind"):
            return data
        data["source"] = upload.read()
        try:
            services.check_template(data["kind"], data["source"])
        except TemplateProblem as problem:
            self.add_error("file", str(problem))
        return data


class ReportForm(forms.Form):
    """The period and the award an achievement report is written for."""

    nam = forms.IntegerField(label=_("Up to the year"), min_value=1945, max_value=2100,
                             required=False, widget=NUMBER)
    so_nam = forms.IntegerField(label=_("Number of years"), min_value=1, max_value=15,
                                required=False, widget=NUMBER)
    danh_hieu = forms.ModelChoiceField(
        label=_("Proposed title or form"), required=False, to_field_name="code",
        queryset=AwardType.objects.all(), widget=SELECT,
        error_messages={"invalid_choice": _("Unknown title or form.")})

    def options(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {"year": data.get("nam") or timezone.localdate().year - 1,
                "years": data.get("so_nam") or 5, "award_type": data.get("danh_hieu")}


# -- digital signatures ------------------------------------------------------------------
MAX_KEY_BYTES = 64 * 1024  # a PKCS#12 file with its chain is a few kilobytes


class SignForm(forms.Form):
    """A generated PDF (a finished certificate batch) to sign with a PKCS#12 key. The key is
    read into a signer here and kept nowhere else (`signer` in cleaned_data)."""

    batch = forms.ModelChoiceField(label=_("PDF to sign"), queryset=CertificateBatch.objects.none(),
                                   widget=SELECT, empty_label=None,
                                   error_messages={"invalid_choice": _("Choose a finished batch.")})
    key_file = forms.FileField(label=_("Certificate and key (.p12 or .pfx file)"),
                               widget=forms.ClearableFileInput(attrs={"class": "form-control",
                                                                      "accept": ".p12,.pfx"}))
    passphrase = forms.CharField(label=_("Passphrase of the file"), required=False, strip=False,
                                 widget=forms.PasswordInput(attrs={"class": "form-control",
                                                                   "autocomplete": "off"}))
    timestamp = forms.BooleanField(label=_("Add a time stamp from the time-stamping authority"),
                                   required=False, initial=True)

    def __init__(self, *args, batches, timestamps: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["batch"].queryset = batches
        self.fields["batch"].label_from_instance = batch_label
        if not timestamps:
            del self.fields["timestamp"]

    def clean(self):
        data = super().clean()
        upload = data.get("key_file")
        if upload is None:
            return data
        if upload.size > MAX_KEY_BYTES:
            self.add_error("key_file", _("The file is larger than 64 KB: it is not a PKCS#12 "
                                         "file of a signing certificate."))
            return data
        try:
            data["signer"] = signing.signer_from_pkcs12(upload.read(), data.get("passphrase"))
        except signing.WrongPassphrase as error:
            self.add_error("passphrase", str(error))
        except signing.SigningError as error:
            self.add_error("key_file", str(error))
        return data


class SignedUploadForm(forms.Form):
    """A PDF signed elsewhere (a USB token's tool, a remote signing service)."""

    title = forms.CharField(label=_("Title"), max_length=255,
                            widget=forms.TextInput(attrs={"class": "form-control"}))
    file = forms.FileField(label=_("Signed PDF"),
                           widget=forms.ClearableFileInput(attrs={"class": "form-control",
                                                                  "accept": ".pdf"}))

    def clean_title(self) -> str:
        return clean(self.cleaned_data["title"])

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.SIGNING_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB.")
                % {"limit": settings.SIGNING_UPLOAD_MAX_BYTES // (1024 * 1024)})
        return upload


def batch_label(batch: CertificateBatch) -> str:
    kind = _("for blanks") if batch.blank else _("designed")
    return _("Certificates, %(kind)s, made %(time)s (%(count)s pages)") % {
        "kind": kind, "time": timezone.localtime(batch.created_at).strftime("%d/%m/%Y %H:%M"),
        "count": batch.done}
