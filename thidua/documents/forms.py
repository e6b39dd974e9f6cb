from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import AwardType
from thidua.documents import services
from thidua.documents.choices import DocumentKind
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
