from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DocumentKind(models.TextChoices):
    """The Word documents thidua writes, each from a replaceable template."""

    DECISION = "decision", _("Award decision with its annex list")
    SUBMISSION = "submission", _("Submission for commendation")
    VOTE_MINUTES = "vote_minutes", _("Vote-count minutes")
    REPORT_INDIVIDUAL = "report_individual", _("Achievement report of an individual")
    REPORT_COLLECTIVE = "report_collective", _("Achievement report of a collective")


class ExportStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("export status", "Waiting")
    RUNNING = "running", pgettext_lazy("export status", "Writing")
    DONE = "done", pgettext_lazy("export status", "Ready")
    FAILED = "failed", pgettext_lazy("export status", "Failed")
