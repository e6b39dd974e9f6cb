from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.awards.choices import (
    Authority,
    AwardKind,
    Category,
    ImportStatus,
    InitiativeScope,
    Level,
    Source,
)

YEAR_VALIDATORS = [MinValueValidator(1945), MaxValueValidator(2100)]


class AwardType(models.Model):
    """A title or form of commendation in the catalogue (danh hiệu thi đua, hình thức khen thưởng)."""

    code = models.CharField(_("code"), max_length=60, unique=True)
    name = models.CharField(pgettext_lazy("field", "name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    subjects = models.JSONField(_("eligible subjects"), default=list)  # SubjectKind values
    default_kind = models.CharField(
        _("default kind"), max_length=20, choices=AwardKind.choices, default=AwardKind.CONG_TRANG
    )
    authorities = models.JSONField(_("authorities (from 1 July 2025)"), default=list)  # Authority values
    is_annual = models.BooleanField(_("considered annually"), default=False)
    bonus_coefficient = models.DecimalField(
        _("bonus coefficient"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)
    aliases = models.JSONField(_("aliases"), default=list)
    sort_order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("emulation title or award form")
        verbose_name_plural = _("catalogue of emulation titles and award forms")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name


class Decision(models.Model):
    """A decision on commendation (quyết định khen thưởng), with names as they were on its date."""

    number = models.CharField(_("decision number"), max_length=60)
    date = models.DateField(_("decision date"))
    issuer = models.ForeignKey(
        "organisations.Unit", verbose_name=_("issuing body"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="decisions",
    )
    issuer_name = models.CharField(_("issuing body name (at the time of issue)"), max_length=255)
    decided_by = models.CharField(
        _("authority"), max_length=40, choices=Authority.choices, blank=True
    )
    signer_name = models.CharField(_("signer"), max_length=120, blank=True)
    signer_title = models.CharField(_("signer's position"), max_length=150, blank=True)
    legal_basis = models.TextField(_("basis"), blank=True)
    period = models.CharField(_("achievement period"), max_length=120, blank=True)
    period_start_year = models.PositiveSmallIntegerField(null=True, blank=True)
    period_end_year = models.PositiveSmallIntegerField(null=True, blank=True)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.MANUAL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("award decision")
        verbose_name_plural = _("award decisions")
        ordering = ["-date", "number"]
        constraints = [
            models.UniqueConstraint(fields=["number", "date"], name="decision_number_date_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number} ngày {self.date:%d/%m/%Y}"


class Award(models.Model):
    """One award in the register: a title or form given to a person or a collective."""

    award_type = models.ForeignKey(
        AwardType, verbose_name=_("title/form"), on_delete=models.PROTECT, related_name="+"
    )
    # No single-column indexes on person and collective: the natural-key unique indexes below
    # start with them and serve every lookup. The register holds millions of rows, and each
    # index costs on every import and generation.
    person = models.ForeignKey(
        "people.Person", verbose_name=_("person"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="awards", db_index=False,
    )
    collective = models.ForeignKey(
        "organisations.Unit", verbose_name=_("collective"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="collective_awards", db_index=False,
    )
    awardee_name = models.CharField(_("awardee name (at the time of award)"), max_length=255)
    unit = models.ForeignKey(
        "organisations.Unit", verbose_name=_("unit (at the time of award)"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="member_awards",
    )
    unit_name = models.CharField(_("unit name (at the time of award)"), max_length=255, blank=True)
    year = models.PositiveSmallIntegerField(
        _("achievement year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=AwardKind.choices, default=AwardKind.CONG_TRANG
    )
    decision = models.ForeignKey(
        Decision, verbose_name=_("decision"), on_delete=models.PROTECT, related_name="awards"
    )
    summary = models.TextField(_("summary of achievements"), blank=True)
    register_number = models.CharField(_("register number"), max_length=40, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.MANUAL)
    import_batch = models.ForeignKey(  # batches are never deleted: no index needed
        "awards.ImportBatch", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        db_index=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("award register")
        ordering = ["-year", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(person__isnull=False) & models.Q(collective__isnull=True))
                | (models.Q(person__isnull=True) & models.Q(collective__isnull=False)),
                name="award_one_awardee",
            ),
            models.UniqueConstraint(
                fields=["person", "award_type", "year", "decision"],
                condition=models.Q(person__isnull=False), name="award_person_natural_key",
            ),
            models.UniqueConstraint(
                fields=["collective", "award_type", "year", "decision"],
                condition=models.Q(collective__isnull=False), name="award_collective_natural_key",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award_type} – {self.awardee_name} ({self.year or '—'})"

    @property
    def is_revoked(self) -> bool:
        return hasattr(self, "revocation")


class Revocation(models.Model):
    """A later decision that revokes an award (Law 2022 Art. 93). The award itself is never edited."""

    award = models.OneToOneField(Award, on_delete=models.PROTECT, related_name="revocation")
    decision = models.ForeignKey(
        Decision, verbose_name=_("revoking decision"), on_delete=models.PROTECT,
        related_name="revocations",
    )
    reason = models.TextField(_("reason"))
    basis = models.CharField(_("basis"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("award revocation")
        verbose_name_plural = _("award revocations")

    def __str__(self) -> str:
        return f"{self.award} – {self.decision}"


class Initiative(models.Model):
    """An initiative (sáng kiến) recognised at a scope by a body in a year."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="initiatives"
    )
    title = models.CharField(_("initiative title"), max_length=500)
    year = models.PositiveSmallIntegerField(_("year recognised"), validators=YEAR_VALIDATORS)
    scope = models.CharField(_("scope of impact"), max_length=10, choices=InitiativeScope.choices)
    recognised_by = models.CharField(
        _("recognising authority"), max_length=40, choices=Authority.choices, blank=True
    )
    recognising_body = models.ForeignKey(
        "organisations.Unit", verbose_name=_("recognising body"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    recognising_body_name = models.CharField(_("recognising body name"), max_length=255, blank=True)
    decision_number = models.CharField(_("recognition decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["person", "year"]

    def __str__(self) -> str:
        return self.title


class ImportBatch(models.Model):
    """One run of the award register importer: its file, progress and report."""

    file_name = models.CharField(_("file name"), max_length=255)
    file_sha256 = models.CharField(max_length=64)
    stored_path = models.CharField(max_length=255, blank=True)
    dry_run = models.BooleanField(_("dry run"), default=False)
    status = models.CharField(max_length=10, choices=ImportStatus.choices, default=ImportStatus.PENDING)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_awards = models.PositiveIntegerField(default=0)
    created_people = models.PositiveIntegerField(default=0)
    created_decisions = models.PositiveIntegerField(default=0)
    skipped_rows = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict)
    default_unit = models.ForeignKey(
        "organisations.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("award register import")
        verbose_name_plural = _("award register imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name
