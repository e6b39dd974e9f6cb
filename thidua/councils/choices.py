from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MemberRole(models.TextChoices):
    """A member's place in the council (chủ tịch, phó chủ tịch, thường trực, thư ký, ủy viên)."""

    CHAIR = "chair", pgettext_lazy("council role", "Chair")
    VICE_CHAIR = "vice_chair", pgettext_lazy("council role", "Vice-chair")
    STANDING = "standing", pgettext_lazy("council role", "Standing member")
    SECRETARY = "secretary", pgettext_lazy("council role", "Secretary")
    MEMBER = "member", pgettext_lazy("council role", "Member")


class SessionState(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("session state", "Planned")
    OPEN = "open", pgettext_lazy("session state", "Ballot open")
    CLOSED = "closed", pgettext_lazy("session state", "Closed")


class Choice(models.TextChoices):
    """What a ballot says about one nominee."""

    YES = "yes", pgettext_lazy("ballot", "Agree")
    NO = "no", pgettext_lazy("ballot", "Disagree")
    ABSTAIN = "abstain", pgettext_lazy("ballot", "Abstain")


# A written opinion of an absent member is for or against: it has no abstention.
WRITTEN_CHOICES = [(Choice.YES.value, Choice.YES.label), (Choice.NO.value, Choice.NO.label)]


class RecusalReason(models.TextChoices):
    OWN_UNIT = "own_unit", _("The nominee is from the member's own unit")
    OWN_CANDIDACY = "own_candidacy", _("The member is the nominee")
    FAMILY = "family", _("A family member of the member is the nominee")
    OTHER = "other", _("Other conflict of interest")
