from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from thidua.awards.choices import (
    Authority,
    AwardKind,
    Category,
    DecisionFileKind,
    DraftState,
    ImportStatus,
    InitiativeScope,
    Level,
    Source,
    SubjectKind,
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
    subject = models.CharField(_("summary line (Về việc …)"), max_length=500, blank=True)
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


class DecisionSequence(models.Model):
    """The last number an issuing body gave in a year (sổ đăng ký văn bản đi).

    Numbers are taken only by `services.take_number`, which locks this row, so that two
    decisions issued at the same moment never get the same number."""

    issuer = models.ForeignKey(
        "organisations.Unit", verbose_name=_("issuing body"), on_delete=models.PROTECT,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    last_number = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        verbose_name = _("decision numbering")
        verbose_name_plural = _("decision numbering")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "year"], name="decision_sequence_unique")
        ]

    def __str__(self) -> str:
        return f"{self.issuer} {self.year}: {self.last_number}"


class DecisionNumber(models.Model):
    """One number taken from a sequence, with the decision that carries it. The unique
    constraint is the last guard: a number is never given twice by the same body in a year."""

    issuer = models.ForeignKey(
        "organisations.Unit", verbose_name=_("issuing body"), on_delete=models.PROTECT,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    serial = models.PositiveIntegerField(_("serial number"))
    decision = models.OneToOneField(
        Decision, verbose_name=_("decision"), on_delete=models.PROTECT, related_name="taken_number",
    )

    class Meta:
        verbose_name = _("decision number taken")
        verbose_name_plural = _("decision numbers taken")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "year", "serial"],
                                    name="decision_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.serial}/{self.year}"


class DecisionDraft(models.Model):
    """A decision being prepared from the approved nominees of a round's voted dossiers.

    Edited until it is issued: issuing takes the number, writes the Decision and its awards and
    moves the dossiers to `decided`, in one transaction (`services.issue_decision`)."""

    round = models.ForeignKey(
        "proposals.Round", verbose_name=_("round"), on_delete=models.PROTECT,
        related_name="decision_drafts",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=DraftState.choices, default=DraftState.DRAFT,
        db_index=True,
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    issuer = models.ForeignKey(
        "organisations.Unit", verbose_name=_("issuing body"), on_delete=models.PROTECT,
        related_name="+",
    )
    issuer_name = models.CharField(
        _("issuing body name (as printed)"), max_length=255, blank=True,
        help_text=_("Empty: the issuing body's name on the decision date."),
    )
    number_symbol = models.CharField(
        _("number symbol"), max_length=40, default="QĐ-UBND",
        help_text=_("Written after the number: 123/QĐ-UBND. The number itself is given when "
                    "the decision is issued."),
    )
    number = models.CharField(_("decision number"), max_length=60, blank=True)
    date = models.DateField(_("decision date"))
    subject = models.CharField(_("summary line (Về việc …)"), max_length=500, blank=True)
    decided_by = models.CharField(
        _("authority"), max_length=40, choices=Authority.choices, blank=True
    )
    signer_name = models.CharField(_("signer"), max_length=120, blank=True)
    signer_title = models.CharField(_("signer's position"), max_length=150, blank=True)
    legal_basis = models.TextField(_("basis"), blank=True)
    period = models.CharField(_("achievement period"), max_length=120, blank=True)
    period_start_year = models.PositiveSmallIntegerField(
        _("period from (year)"), null=True, blank=True, validators=YEAR_VALIDATORS)
    period_end_year = models.PositiveSmallIntegerField(
        _("period to (year)"), null=True, blank=True, validators=YEAR_VALIDATORS)
    proposals = models.ManyToManyField(
        "proposals.Proposal", verbose_name=_("dossiers"), through="DraftDossier",
        related_name="decision_drafts",
    )
    decision = models.OneToOneField(
        Decision, verbose_name=_("issued decision"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="draft",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)

    class Meta:
        verbose_name = _("decision draft")
        verbose_name_plural = _("decision drafts")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.number or f"#{self.pk}"


class DraftDossier(models.Model):
    """A dossier chosen for a draft, with the version it had then: issuing refuses a dossier
    that changed since (someone acted on it in the meantime)."""

    draft = models.ForeignKey(DecisionDraft, on_delete=models.CASCADE, related_name="dossiers")
    proposal = models.ForeignKey(
        "proposals.Proposal", verbose_name=_("dossier"), on_delete=models.PROTECT,
        related_name="+",
    )
    version = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("dossier of a draft")
        verbose_name_plural = _("dossiers of a draft")
        ordering = ["draft", "proposal_id"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "proposal"], name="draft_dossier_unique")
        ]

    def __str__(self) -> str:
        return f"{self.draft} – {self.proposal_id}"


class AnnexLine(models.Model):
    """One line of the draft's annex (danh sách kèm theo): an approved nominee, with the names
    as they will be printed. `position` runs through the whole annex and becomes the award's
    register number (số sổ vàng)."""

    draft = models.ForeignKey(DecisionDraft, on_delete=models.CASCADE, related_name="lines")
    nominee = models.ForeignKey(
        "proposals.Nominee", verbose_name=_("nominee"), on_delete=models.PROTECT,
        related_name="annex_lines",
    )
    position = models.PositiveIntegerField(_("no."))
    subject_kind = models.CharField(
        _("awardee type"), max_length=20, choices=SubjectKind.choices,
        default=SubjectKind.INDIVIDUAL,
    )
    name = models.CharField(_("awardee name"), max_length=255)
    unit_name = models.CharField(_("unit"), max_length=255, blank=True)
    award_type = models.ForeignKey(
        AwardType, verbose_name=_("title/form"), on_delete=models.PROTECT, related_name="+"
    )
    summary = models.TextField(_("summary of achievements"), blank=True)

    class Meta:
        verbose_name = _("annex line")
        verbose_name_plural = _("annex lines")
        ordering = ["draft", "position"]

    def __str__(self) -> str:
        return f"{self.position}. {self.name}"


class PackageReceipt(models.Model):
    """A package imported at this end (docs/packages.md). Its content hash makes an import
    idempotent: the same dossier or decision sent twice is taken once."""

    kind = models.CharField(_("package kind"), max_length=20)
    content_sha256 = models.CharField(max_length=64)
    object_type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("imported package")
        verbose_name_plural = _("imported packages")
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "content_sha256"],
                                    name="package_receipt_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.content_sha256[:12]}"



class DecisionFile(models.Model):
    """A file received with a decision package (docs/packages.md): the decision as a Word
    document, or an attachment of a dossier it decided. Stored outside the web root under a
    random name (as dossier attachments are), served only through the decision's download view:
    the decision itself to whoever sees the decision, a dossier's file only within the scope of
    its unit. Never edited."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="files")
    receipt = models.ForeignKey(
        PackageReceipt, on_delete=models.PROTECT, related_name="files",
        verbose_name=_("imported package"),
    )
    kind = models.CharField(_("document type"), max_length=20, choices=DecisionFileKind.choices)
    original_name = models.CharField(_("file name"), max_length=255)
    dossier = models.CharField(_("dossier (number as sent)"), max_length=255, blank=True)
    # The unit that proposed the dossier, when it is a unit of this system: its files go only
    # to those whose scope holds it (queries.decision_files_visible_to).
    unit = models.ForeignKey(
        "organisations.Unit", verbose_name=_("proposing unit"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    sha256 = models.CharField(max_length=64, editable=False)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    content_type = models.CharField(_("file type"), max_length=100)
    stored_name = models.CharField(max_length=80, unique=True, editable=False)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("file received with a decision")
        verbose_name_plural = _("files received with decisions")
        ordering = ["decision", "id"]

    def __str__(self) -> str:
        return self.original_name
