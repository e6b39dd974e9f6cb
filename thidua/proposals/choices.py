from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DecidingLevel(models.TextChoices):
    """Who decides the awards of a round (cấp quyết định)."""

    UNIT = "unit", _("Head of the unit")
    COMMUNE = "commune", _("Commune chair")
    PROVINCE = "province", _("Provincial chair")
    CENTRAL = "central", _("Central level (forwarded as an export package)")


class State(models.TextChoices):
    """States of a proposal dossier (hồ sơ đề nghị). docs/workflow.md draws them."""

    DRAFT = "draft", pgettext_lazy("dossier state", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("dossier state", "Submitted")
    RECEIVED = "received", pgettext_lazy("dossier state", "Received")
    RETURNED = "returned", pgettext_lazy("dossier state", "Returned for completion")
    APPRAISED = "appraised", pgettext_lazy("dossier state", "Appraised")
    PUBLISHED = "published", pgettext_lazy("dossier state", "Published for comment")
    AT_COUNCIL = "at_council", pgettext_lazy("dossier state", "Before the council")
    VOTED = "voted", pgettext_lazy("dossier state", "Voted by the council")
    DECIDED = "decided", pgettext_lazy("dossier state", "Decided")
    FORWARDED = "forwarded", pgettext_lazy("dossier state", "Forwarded to the level above")
    WITHDRAWN = "withdrawn", pgettext_lazy("dossier state", "Withdrawn")


# States in which the proposing unit may still change its nominees and attachments.
EDITABLE = {State.DRAFT, State.RETURNED}
# States after which nothing in the dossier changes any more.
FINAL = {State.DECIDED, State.FORWARDED, State.WITHDRAWN}


class Outcome(models.TextChoices):
    """The result for one nominee after the council (and the decision)."""

    PENDING = "pending", pgettext_lazy("nominee outcome", "Pending")
    APPROVED = "approved", pgettext_lazy("nominee outcome", "Approved")
    REJECTED = "rejected", pgettext_lazy("nominee outcome", "Not approved")
    AWARDED = "awarded", pgettext_lazy("nominee outcome", "Awarded")


class AttachmentKind(models.TextChoices):
    SUBMISSION = "submission", _("Submission (tờ trình)")
    REPORT = "report", _("Achievement report")
    MINUTES = "minutes", _("Meeting minutes")
    EVIDENCE = "evidence", _("Evidence")
    OTHER = "other", _("Other document")


class CommentStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("comment status", "New")
    ANSWERED = "answered", pgettext_lazy("comment status", "Answered")
    DISMISSED = "dismissed", pgettext_lazy("comment status", "Set aside (no answer needed)")


class NoticeChannel(models.TextChoices):
    """How a proposing unit was told the result of its dossier (thông báo kết quả)."""

    IN_APP = "in_app", _("Notification in thidua (sent when the decision was issued)")
    DISPATCH = "dispatch", _("Official dispatch (công văn)")
