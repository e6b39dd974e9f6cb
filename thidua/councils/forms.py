"""Input gate of the council screens: typed values, NFC text, Vietnamese messages."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.accounts.models import User
from thidua.core.ids import ModelMultipleIdField
from thidua.core.text import clean
from thidua.councils.choices import WRITTEN_CHOICES, Choice, MemberRole, RecusalReason
from thidua.organisations import queries as unit_queries

SELECT = {"class": "form-select"}
TEXT = {"class": "form-control"}
DATE = {"class": "form-control", "placeholder": "dd/mm/yyyy"}
CHECK = {"class": "form-check-input"}
NUMBER = {"class": "form-control form-control-sm", "min": 0}


def field_name(nominee_id: int) -> str:
    return f"n{nominee_id}"


class CouncilForm(forms.Form):
    name = forms.CharField(label=pgettext_lazy("field", "name"), max_length=255,
                           widget=forms.TextInput(attrs=TEXT))
    organiser = forms.ModelChoiceField(
        label=_("Organising unit"), queryset=None, widget=forms.Select(attrs=SELECT),
        error_messages={"invalid_choice": _("This unit does not exist or is outside your scope.")})
    quorum_numerator = forms.IntegerField(label=_("Quorum: members present (numerator)"),
                                          min_value=1, initial=2,
                                          widget=forms.NumberInput(attrs=TEXT))
    quorum_denominator = forms.IntegerField(label=_("… out of (denominator)"), min_value=1,
                                            initial=3, widget=forms.NumberInput(attrs=TEXT))
    active = forms.BooleanField(label=pgettext_lazy("council", "Active"), required=False,
                                initial=True,
                                widget=forms.CheckboxInput(attrs=CHECK))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = unit_queries.visible_to(user).order_by("path")

    def clean_name(self) -> str:
        return clean(self.cleaned_data["name"])

    def clean(self):
        data = super().clean()
        numerator, denominator = data.get("quorum_numerator"), data.get("quorum_denominator")
        if numerator and denominator and numerator > denominator:
            self.add_error("quorum_numerator", _(
                "The quorum must be a fraction between 0 and 1, such as 2/3."))
        return data


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Account"), queryset=User.objects.filter(is_active=True).order_by("username"),
        widget=forms.Select(attrs=SELECT),
        error_messages={"required": _("Choose the member's account.")})
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False,
                                help_text=_("Empty: the account's name."),
                                widget=forms.TextInput(attrs=TEXT))
    role = forms.ChoiceField(label=_("Role in the council"), choices=MemberRole.choices,
                             initial=MemberRole.MEMBER, widget=forms.Select(attrs=SELECT))
    valid_from = forms.DateField(label=_("Member from"), widget=forms.DateInput(attrs=DATE))
    valid_to = forms.DateField(label=_("Member until"), required=False,
                               widget=forms.DateInput(attrs=DATE))

    def clean_full_name(self) -> str:
        return clean(self.cleaned_data["full_name"])


class EndMembershipForm(forms.Form):
    on = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs=DATE))


class SessionForm(forms.Form):
    round = forms.ModelChoiceField(
        label=_("Round"), queryset=None, widget=forms.Select(attrs=SELECT),
        error_messages={"invalid_choice": _("Choose a round of this council's unit.")})
    date = forms.DateField(label=_("Meeting date"), widget=forms.DateInput(attrs=DATE))
    paper_ballot = forms.BooleanField(
        label=_("Paper ballot (the secretary enters the totals)"), required=False,
        widget=forms.CheckboxInput(attrs=CHECK))

    def __init__(self, *args, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds


class AttendanceForm(forms.Form):
    present = ModelMultipleIdField(
        label=_("Members present"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = members
        self.fields["present"].label_from_instance = lambda member: str(member)


class RecusalForm(forms.Form):
    member = forms.ModelChoiceField(label=_("Member"), queryset=None,
                                    widget=forms.Select(attrs=SELECT))
    target = forms.ChoiceField(label=_("Stands aside for"), widget=forms.Select(attrs=SELECT))
    reason = forms.ChoiceField(label=_("Reason"), choices=RecusalReason.choices,
                               widget=forms.Select(attrs=SELECT))
    note = forms.CharField(label=_("Details"), required=False,
                           widget=forms.TextInput(attrs=TEXT))

    def __init__(self, *args, members, nominees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members
        proposals = {nominee.proposal_id: nominee.proposal for nominee in nominees}
        self.fields["target"].choices = [
            (_("Whole proposal"), [(f"p{pk}", str(p)) for pk, p in proposals.items()]),
            (_("One nominee"), [(f"n{n.pk}", f"{n.name} – {n.award_type.name}")
                                for n in nominees]),
        ]

    def clean_note(self) -> str:
        return clean(self.cleaned_data["note"])

    def target_ids(self) -> tuple[int | None, int | None]:
        """(nominee id, proposal id) of the chosen target."""
        target = self.cleaned_data["target"]
        pk = int(target[1:])
        return (pk, None) if target.startswith("n") else (None, pk)


class WrittenOpinionForm(forms.Form):
    """One absent member's signed paper: for or against each nominee (blank: no opinion)."""

    member = forms.ModelChoiceField(label=_("Absent member"), queryset=None,
                                    widget=forms.Select(attrs=SELECT))

    def __init__(self, *args, members, nominees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members
        choices = [("", _("— no opinion —")), *WRITTEN_CHOICES]
        self.nominees = nominees
        for nominee in nominees:
            self.fields[field_name(nominee.pk)] = forms.ChoiceField(
                label=nominee.name, choices=choices, required=False,
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}))

    def opinions(self) -> dict[int, str]:
        return {n.pk: self.cleaned_data[field_name(n.pk)] for n in self.nominees
                if self.cleaned_data.get(field_name(n.pk))}


class PaperTotalsForm(forms.Form):
    """Counted paper ballots: agree / disagree / abstain for every nominee."""

    PARTS = (("yes", Choice.YES.label), ("no", Choice.NO.label),
             ("abstain", Choice.ABSTAIN.label))

    def __init__(self, *args, nominees, **kwargs):
        super().__init__(*args, **kwargs)
        self.nominees = nominees
        for nominee in nominees:
            for part, label in self.PARTS:
                self.fields[f"{field_name(nominee.pk)}_{part}"] = forms.IntegerField(
                    label=f"{nominee.name}: {label}", min_value=0, max_value=999,
                    widget=forms.NumberInput(attrs=NUMBER),
                    error_messages={"required": _("Enter a number (0 if none)."),
                                    "min_value": _("A number of ballots is not negative.")})

    def rows(self):
        """(nominee, [bound fields]) for the template."""
        return [(n, [self[f"{field_name(n.pk)}_{part}"] for part, _label in self.PARTS])
                for n in self.nominees]

    def totals(self) -> dict[int, tuple[int, int, int]]:
        return {n.pk: tuple(self.cleaned_data[f"{field_name(n.pk)}_{part}"]
                            for part, _label in self.PARTS) for n in self.nominees}


class BallotForm(forms.Form):
    """A member's ballot: one choice per nominee they may vote on."""

    def __init__(self, *args, nominees, **kwargs):
        super().__init__(*args, **kwargs)
        self.nominees = nominees
        for nominee in nominees:
            self.fields[field_name(nominee.pk)] = forms.ChoiceField(
                label=nominee.name, choices=Choice.choices, widget=forms.RadioSelect,
                error_messages={"required": _("Choose agree, disagree or abstain for %(name)s.")
                                % {"name": nominee.name}})

    def choices(self) -> dict[int, str]:
        return {n.pk: self.cleaned_data[field_name(n.pk)] for n in self.nominees}


class ReceiptForm(forms.Form):
    code = forms.CharField(
        label=_("Receipt code"), max_length=40,
        widget=forms.TextInput(attrs={**TEXT, "autocomplete": "off",
                                      "placeholder": "XXXXX-XXXXX-XXXXX-XXXXX"}),
        error_messages={"required": _("Enter the receipt code you were given after voting.")})


class WithdrawRecusalForm(forms.Form):
    """A recusal in force, withdrawn before the member votes, with the reason."""

    recusal = forms.ModelChoiceField(
        label=_("Recusal to withdraw (before the member votes)"), queryset=None,
        widget=forms.Select(attrs=SELECT),
        error_messages={"required": _("Choose the recusal to withdraw."),
                        "invalid_choice": _("Choose a recusal in force of this session.")})
    reason = forms.CharField(
        label=_("Reason for withdrawing the recusal"), max_length=2000,
        widget=forms.TextInput(attrs=TEXT),
        error_messages={"required": _("Give the reason why the recusal is withdrawn.")})

    def __init__(self, *args, recusals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recusal"].queryset = recusals
        self.fields["recusal"].label_from_instance = lambda recusal: (
            f"{recusal.member.full_name} — "
            f"{recusal.nominee.name if recusal.nominee else recusal.proposal}")

    def clean_reason(self) -> str:
        return clean(self.cleaned_data["reason"])


class LateArrivalForm(forms.Form):
    member = forms.ModelChoiceField(
        label=_("Member who arrived"), queryset=None, widget=forms.Select(attrs=SELECT),
        error_messages={"required": _("Choose the member who arrived."),
                        "invalid_choice": _("Choose an absent member of the council.")})

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members


class RevoteForm(forms.Form):
    """The council's decision to vote again on some nominees of a closed session."""

    nominees = ModelMultipleIdField(
        label=_("Nominees to vote on again"), queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose the nominees to vote on again."),
                        "invalid_choice": _("Choose nominees voted on in this session.")})
    reason = forms.CharField(
        label=_("The council's reason (a tie, a procedural error…)"), max_length=2000,
        widget=forms.Textarea(attrs={**TEXT, "rows": 2}),
        error_messages={"required": _("Give the council's reason for the re-vote (a tie, a "
                                      "procedural error…).")})
    date = forms.DateField(label=_("Date of the re-vote (empty: the same meeting)"),
                           required=False, widget=forms.DateInput(attrs=DATE))

    def __init__(self, *args, nominees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominees"].queryset = nominees
        self.fields["nominees"].label_from_instance = lambda nominee: (
            f"{nominee.name} – {nominee.award_type.name} ({nominee.get_outcome_display()})")

    def clean_reason(self) -> str:
        return clean(self.cleaned_data["reason"])
