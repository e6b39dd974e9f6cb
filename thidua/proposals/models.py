"""Rounds of proposals, dossiers and their nominees, attachments, history and public comments.

A proposal (hồ sơ đề nghị) belongs to one proposing unit and one round (đợt). Its state changes only
through `proposals.workflow.transition`, which writes one `Transition` row and one audit entry in the
same transaction and bumps `version` (the optimistic-lock counter every screen posts back).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.awards.choices import AwardKind, SubjectKind
from thidua.awards.models import YEAR_VALIDATORS
from thidua.proposals.choices import (
    AttachmentKind,
    CommentStatus,
    DecidingLevel,
    NoticeChannel,
    Outcome,
    State,
)


class Round(models.Model):
    """A round of proposals (đợt xét khen): annual merit, a thematic movement, one-off…"""

    name = models.CharField(pgettext_lazy("field", "name"), max_length=255)
    kind = models.CharField(
        _("type of commendation"), max_length=20, choices=AwardKind.choices,
        default=AwardKind.CONG_TRANG,
    )
    year = models.PositiveSmallIntegerField(_("achievement year"), validators=YEAR_VALIDATORS)
    organiser = models.ForeignKey(
        "organisations.Unit", verbose_name=_("organising body"), on_delete=models.PROTECT,
        related_name="rounds",
    )
    deciding_level = models.CharField(
        _("deciding level"), max_length=20, choices=DecidingLevel.choices,
        default=DecidingLevel.PROVINCE,
    )
    opens_on = models.DateField(_("opens on"))
    submission_deadline = models.DateField(_("submission deadline"))
    council_date = models.DateField(_("planned council meeting"), null=True, blank=True)
    requires_publication = models.BooleanField(_("candidates published for comment"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("proposal round")
        verbose_name_plural = _("proposal rounds")
        ordering = ["-year", "-opens_on", "name"]

    def __str__(self) -> str:
        return self.name


class Proposal(models.Model):
    """A proposal dossier: a unit's submission with its nominees and attachments."""

    round = models.ForeignKey(
        Round, verbose_name=_("round"), on_delete=models.PROTECT, related_name="proposals"
    )
    unit = models.ForeignKey(
        "organisations.Unit", verbose_name=_("proposing unit"), on_delete=models.PROTECT,
        related_name="proposals",
    )
    unit_name = models.CharField(_("proposing unit name (at the time)"), max_length=255)
    number = models.CharField(_("submission number"), max_length=60, blank=True)
    title = models.CharField(pgettext_lazy("document", "summary"), max_length=500)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    received_at = models.DateTimeField(_("received at"), null=True, blank=True)
    due_on = models.DateField(_("current step due on"), null=True, blank=True, db_index=True)
    comment_opens_on = models.DateField(_("comment period opens"), null=True, blank=True)
    comment_closes_on = models.DateField(_("comment period closes"), null=True, blank=True)
    decision = models.ForeignKey(
        "awards.Decision", verbose_name=_("decision"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="proposals",
    )
    checked_at = models.DateTimeField(_("nominees last checked at"), null=True, blank=True)
    # Accent-folded number, title and unit name: the list's text search (services keep it).
    search_key = models.CharField(max_length=1000, blank=True, editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("proposal dossier")
        verbose_name_plural = _("proposal dossiers")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["round", "state"]), models.Index(fields=["unit", "state"])]

    def __str__(self) -> str:
        return f"{self.number or '#' + str(self.pk)} – {self.unit_name}"


class Nominee(models.Model):
    """One line of a proposal: who is proposed for what, with the engine's verdict."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="nominees")
    position = models.PositiveIntegerField(_("no."), default=0)
    subject_kind = models.CharField(
        _("nominee type"), max_length=20, choices=SubjectKind.choices,
        default=SubjectKind.INDIVIDUAL,
    )
    person = models.ForeignKey(
        "people.Person", verbose_name=_("person"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="nominations",
    )
    collective = models.ForeignKey(
        "organisations.Unit", verbose_name=_("collective"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="nominations",
    )
    name = models.CharField(_("nominee name"), max_length=255)
    unit_name = models.CharField(_("unit (at the time)"), max_length=255, blank=True)
    # A household is named by its head (`name`) and its address.
    address = models.CharField(_("address"), max_length=255, blank=True)
    award_type = models.ForeignKey(
        "awards.AwardType", verbose_name=_("proposed title/form"), on_delete=models.PROTECT,
        related_name="+",
    )
    summary = models.TextField(_("summary of achievements"), blank=True)
    verdict = models.CharField(_("eligibility verdict"), max_length=30, blank=True)
    reasons = models.JSONField(_("eligibility reasons"), default=list, blank=True)
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    justification = models.TextField(_("justification for an ineligible nominee"), blank=True)
    # The list checks (duplicates, ratios, caps, G02) that name this line: [{check, severity,
    # message, basis}], written with the verdict.
    findings = models.JSONField(_("list check findings"), default=list, blank=True)
    # Criteria the records cannot tell (a movement's result, a research work…), asserted by
    # the proposing unit with its evidence: {fact name: true}, as contracts §2 `facts`.
    facts = models.JSONField(_("criteria asserted by the proposing unit"), default=dict,
                             blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, default=Outcome.PENDING
    )
    award = models.OneToOneField(
        "awards.Award", verbose_name=_("award"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="nomination",
    )

    class Meta:
        verbose_name = _("nominee")
        verbose_name_plural = _("nominees")
        ordering = ["proposal", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~(models.Q(person__isnull=False) & models.Q(collective__isnull=False)),
                name="nominee_at_most_one_awardee",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.award_type}"


class Attachment(models.Model):
    """A file of the dossier, stored outside the web root under a random name."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")
    nominee = models.ForeignKey(
        Nominee, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField(
        _("document type"), max_length=20, choices=AttachmentKind.choices,
        default=AttachmentKind.EVIDENCE,
    )
    original_name = models.CharField(_("file name"), max_length=255)
    stored_name = models.CharField(max_length=80, unique=True, editable=False)
    content_type = models.CharField(_("file type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(max_length=64, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["proposal", "uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class Transition(models.Model):
    """One change of a dossier's state: the history shown on the dossier page."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(_("from"), max_length=20, choices=State.choices)
    to_state = models.CharField(_("to"), max_length=20, choices=State.choices)
    action = models.CharField(_("action"), max_length=30)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("performed by"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    at = models.DateTimeField(_("time"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("dossier state change")
        verbose_name_plural = _("dossier history")
        ordering = ["proposal", "at", "id"]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.from_state} → {self.to_state}"


class Comment(models.Model):
    """A public comment on a published candidate list (góp ý), sent without an account."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="comments")
    nominee = models.ForeignKey(
        Nominee, verbose_name=_("candidate"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="comments",
    )
    author_name = models.CharField(_("your name"), max_length=120)
    contact = models.CharField(_("email or phone (optional)"), max_length=120, blank=True)
    body = models.TextField(_("comment"))
    status = models.CharField(
        _("status"), max_length=20, choices=CommentStatus.choices, default=CommentStatus.NEW
    )
    client_hash = models.CharField(max_length=64, editable=False, db_index=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("public comment")
        verbose_name_plural = _("public comments")
        ordering = ["proposal", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.author_name}: {self.body[:40]}"


class CommentAnswer(models.Model):
    """An officer's answer to a public comment. Answers are added, never edited."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="answers")
    body = models.TextField(_("answer"))
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("answered by"), on_delete=models.PROTECT,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), auto_now_add=True)
    published = models.BooleanField(_("shown on the portal"), default=True)

    class Meta:
        verbose_name = _("answer to a comment")
        verbose_name_plural = _("answers to comments")
        ordering = ["comment", "answered_at", "id"]

    def __str__(self) -> str:
        return self.body[:60]


class ResultNotice(models.Model):
    """One notification of a decided dossier's result to its proposing unit: the automatic one
    in thidua when the decision is issued, or a dispatch an officer records (number and date).
    The law wants the unit notified within `deadlines.NATIONAL["notify"]` working days of the
    decision; each notice is a new row, never edited."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE,
                                 related_name="result_notices")
    decision = models.ForeignKey("awards.Decision", verbose_name=_("decision"),
                                 on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(_("channel"), max_length=20, choices=NoticeChannel.choices)
    notified_on = models.DateField(_("notified on"))
    dispatch_number = models.CharField(_("dispatch number"), max_length=60, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("result notice")
        verbose_name_plural = _("result notices")
        ordering = ["proposal", "notified_on", "id"]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.channel} {self.notified_on:%d/%m/%Y}"
