"""Forms of the public comment page and of the officers' answers (the input gate: lengths and
types here, NFC and the rules in services.comments)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.proposals.services.comments import BODY_MAX, CONTACT_MAX, NAME_MAX


class CommentForm(forms.Form):
    """A comment from the public. `website` is a honeypot: hidden from people by the page's
    stylesheet, filled in only by robots; such a post is thanked and dropped."""

    author_name = forms.CharField(label=_("Your name"), max_length=NAME_MAX)
    contact = forms.CharField(label=_("Email or phone (optional)"), max_length=CONTACT_MAX,
                              required=False)
    nominee = forms.TypedChoiceField(label=_("About the candidate (optional)"), coerce=int,
                                     required=False, empty_value=None)
    body = forms.CharField(label=_("Comment"), max_length=BODY_MAX,
                           widget=forms.Textarea(attrs={"rows": 5}))
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, nominees=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominee"].choices = [("", _("The whole list"))] + [
            (nominee.pk, f"{nominee.position}. {nominee.name}") for nominee in nominees]
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        for name, field in self.fields.items():
            css = "form-select" if name == "nominee" else "form-control"
            field.widget.attrs.setdefault("class", css)

    @property
    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class AnswerForm(forms.Form):
    body = forms.CharField(label=_("Answer"), max_length=BODY_MAX,
                           widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}))
    published = forms.BooleanField(label=_("Show the answer on the portal"), required=False,
                                   initial=True)


class SetAsideForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False,
                             widget=forms.TextInput(attrs={"class": "form-control"}))
