"""Emulation and commendation councils, their sessions and the secret ballot.

The ballot is secret by construction: `Participation` records WHO voted (and when), `Vote`
records WHAT was voted, and nothing links one to the other — no member column, no timestamp, a
random primary key, rows written in random order. docs/workflow.md ("Council and secret ballot")
describes the design and its limits.
"""

import uuid
from fractions import Fraction

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.councils.choices import (
    WRITTEN_CHOICES,
    Choice,
    MemberRole,
    RecusalReason,
    SessionState,
)


class Council(models.Model):
    """A council (Hội đồng Thi đua – Khen thưởng) of a unit, with its quorum rule."""

    name = models.CharField(pgettext_lazy("field", "name"), max_length=255)
    organiser = models.ForeignKey(
        "organisations.Unit", verbose_name=_("organising unit"), on_delete=models.PROTECT,
        related_name="councils",
    )
    quorum_numerator = models.PositiveSmallIntegerField(_("quorum (numerator)"), default=2)
    quorum_denominator = models.PositiveSmallIntegerField(_("quorum (denominator)"), default=3)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("council")
        verbose_name_plural = _("councils")
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quorum_numerator__gte=1)
                & Q(quorum_numerator__lte=models.F("quorum_denominator")),
                name="council_quorum_is_a_fraction_up_to_one",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def quorum(self) -> Fraction:
        return Fraction(self.quorum_numerator, self.quorum_denominator)


class CouncilMember(models.Model):
    """A seat in a council for a period. Members who leave keep their row (`valid_to`)."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="council_seats",
    )
    full_name = models.CharField(_("full name"), max_length=150)
    role = models.CharField(
        _("role in the council"), max_length=20, choices=MemberRole.choices,
        default=MemberRole.MEMBER,
    )
    valid_from = models.DateField(_("member from"))
    valid_to = models.DateField(_("member until"), null=True, blank=True)

    class Meta:
        verbose_name = _("council member")
        verbose_name_plural = _("council members")
        ordering = ["council", "valid_from", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "user"], condition=Q(valid_to__isnull=True),
                name="council_member_one_open_seat_per_account",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.get_role_display()})"

    def serves_on(self, day) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class Session(models.Model):
    """A meeting of a council that votes on the nominees of one round."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="sessions")
    round = models.ForeignKey(
        "proposals.Round", verbose_name=_("round"), on_delete=models.PROTECT,
        related_name="council_sessions",
    )
    date = models.DateField(_("meeting date"))
    state = models.CharField(
        _("state"), max_length=20, choices=SessionState.choices, default=SessionState.PLANNED
    )
    paper_ballot = models.BooleanField(
        _("paper ballot"), default=False,
        help_text=_("The members vote on paper; the secretary enters the totals."),
    )
    # Frozen when the ballot opens: the nominees of the round's proposals before the council.
    agenda = models.ManyToManyField(
        "proposals.Nominee", verbose_name=_("nominees voted on"), blank=True,
        related_name="council_sessions",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    opened_at = models.DateTimeField(_("ballot opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ballot closed at"), null=True, blank=True)
    # A re-vote (bỏ phiếu lại) of some nominees of a closed session: its own ballot (its own
    # participation, votes, receipts and tally), whose results supersede the earlier ones.
    revote_of = models.ForeignKey(
        "self", verbose_name=_("re-vote of"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="revotes",
    )
    revote_reason = models.TextField(_("reason for the re-vote"), blank=True)

    class Meta:
        verbose_name = _("council session")
        verbose_name_plural = _("council sessions")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.council} – {self.date:%d/%m/%Y}"


class Attendance(models.Model):
    """Whether a member attends a session (điểm danh)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+")
    present = models.BooleanField(_("present"), default=False)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "member"], name="attendance_once"),
        ]

    def __str__(self) -> str:
        return f"{self.member_id}: {'+' if self.present else '-'}"


class WrittenOpinion(models.Model):
    """An absent member's signed written opinion on one nominee, entered by the secretary.

    Not secret: the member signed it. It counts in the tally as a yes or a no (contracts §2)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="written_opinions")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+")
    nominee = models.ForeignKey("proposals.Nominee", on_delete=models.CASCADE, related_name="+")
    choice = models.CharField(_("opinion"), max_length=10, choices=WRITTEN_CHOICES)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("written opinion")
        verbose_name_plural = _("written opinions")
        constraints = [
            models.UniqueConstraint(fields=["session", "member", "nominee"],
                                    name="written_opinion_once"),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} → {self.nominee_id}: {self.choice}"


class RecusalQuerySet(models.QuerySet):
    def in_force(self):
        """The recusals not withdrawn."""
        return self.filter(withdrawal__isnull=True)


class Recusal(models.Model):
    """A member who stands aside for a nominee, or for a whole proposal, for a conflict."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="recusals")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+")
    nominee = models.ForeignKey(
        "proposals.Nominee", verbose_name=_("nominee"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="+",
    )
    proposal = models.ForeignKey(
        "proposals.Proposal", verbose_name=_("whole proposal"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=RecusalReason.choices)
    note = models.TextField(_("details"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = RecusalQuerySet.as_manager()

    class Meta:
        verbose_name = _("recusal")
        verbose_name_plural = _("recusals")
        ordering = ["session", "recorded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(nominee__isnull=True) ^ Q(proposal__isnull=True),
                name="recusal_from_a_nominee_or_a_proposal",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member_id}: {self.get_reason_display()}"


class RecusalWithdrawal(models.Model):
    """A recusal withdrawn before the member voted, with the reason: the recusal row stays (the
    minutes show both); the member may then vote on the nominee."""

    recusal = models.OneToOneField(Recusal, on_delete=models.CASCADE, related_name="withdrawal")
    reason = models.TextField(_("reason"))
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    withdrawn_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("withdrawn recusal")
        verbose_name_plural = _("withdrawn recusals")

    def __str__(self) -> str:
        return f"{self.recusal_id} withdrawn"


class LateArrival(models.Model):
    """A member absent when the ballot opened who arrives while it is open: from then on
    present (and may vote); the attendance taken before the opening is kept as it was."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="late_arrivals")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    arrived_at = models.DateTimeField(_("arrived at"), auto_now_add=True)

    class Meta:
        verbose_name = _("late arrival")
        verbose_name_plural = _("late arrivals")
        constraints = [
            models.UniqueConstraint(fields=["session", "member"], name="late_arrival_once"),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} late @ {self.session_id}"


class Participation(models.Model):
    """WHO voted in a session. Kept apart from `Vote`: nothing links the two."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="participations")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+")
    voted_at = models.DateTimeField(_("voted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("participation in a ballot")
        verbose_name_plural = _("participation in ballots")
        constraints = [
            # The last guard against a double vote, whatever the race (two tabs, two devices).
            models.UniqueConstraint(fields=["session", "member"], name="participation_once"),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} @ {self.session_id}"


class Vote(models.Model):
    """WHAT was voted: one ballot line. No member, no time; a random key; written in random
    order. `receipt_hash` lets the member who holds the receipt code find their own lines."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="votes")
    nominee = models.ForeignKey("proposals.Nominee", on_delete=models.CASCADE, related_name="+")
    choice = models.CharField(max_length=10, choices=Choice.choices)
    receipt_hash = models.CharField(max_length=64, db_index=True)

    class Meta:
        verbose_name = _("ballot line")
        verbose_name_plural = _("ballot lines")
        indexes = [models.Index(fields=["session", "nominee", "choice"])]

    def __str__(self) -> str:
        return self.get_choice_display()


class PaperTotal(models.Model):
    """The counted paper ballots for one nominee, entered by the secretary (phiếu giấy)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="paper_totals")
    nominee = models.ForeignKey("proposals.Nominee", on_delete=models.CASCADE, related_name="+")
    yes = models.PositiveSmallIntegerField(pgettext_lazy("ballot", "Agree"))
    no = models.PositiveSmallIntegerField(pgettext_lazy("ballot", "Disagree"))
    abstain = models.PositiveSmallIntegerField(pgettext_lazy("ballot", "Abstain"))
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("paper ballot totals")
        verbose_name_plural = _("paper ballot totals")
        constraints = [
            models.UniqueConstraint(fields=["session", "nominee"], name="paper_total_once"),
        ]

    def __str__(self) -> str:
        return f"{self.nominee_id}: {self.yes}/{self.no}/{self.abstain}"


class Result(models.Model):
    """The tally of one nominee, written when the ballot closes (the minutes read it).

    `yes` and `no` include the written opinions (`written_yes`, `written_no`), as contracts §2
    counts them; `members_total` is the whole membership, recused members included."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="results")
    nominee = models.ForeignKey("proposals.Nominee", on_delete=models.CASCADE,
                                related_name="council_results")
    members_total = models.PositiveSmallIntegerField(_("members of the council"))
    present = models.PositiveSmallIntegerField(_("members present"))
    yes = models.PositiveSmallIntegerField(pgettext_lazy("ballot", "Agree"))
    no = models.PositiveSmallIntegerField(pgettext_lazy("ballot", "Disagree"))
    abstain = models.PositiveSmallIntegerField(pgettext_lazy("ballot", "Abstain"))
    written_yes = models.PositiveSmallIntegerField(_("written opinions for"))
    written_no = models.PositiveSmallIntegerField(_("written opinions against"))
    absent_without_opinion = models.PositiveSmallIntegerField(_("absent without an opinion"))
    recused = models.PositiveSmallIntegerField(_("recused"))
    not_voted = models.PositiveSmallIntegerField(_("present but did not vote"))
    vote_code = models.CharField(_("vote rule"), max_length=30)
    vote_kind = models.CharField(max_length=20)
    min_percent = models.PositiveSmallIntegerField(default=0)
    basis = models.CharField(_("legal basis"), max_length=500, blank=True)
    approved = models.BooleanField(_("approved"))

    class Meta:
        verbose_name = _("council result")
        verbose_name_plural = _("council results")
        constraints = [
            models.UniqueConstraint(fields=["session", "nominee"], name="result_once"),
        ]

    def __str__(self) -> str:
        return f"{self.nominee_id}: {self.yes}/{self.members_total}"
