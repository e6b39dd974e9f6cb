from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.documents.certificates.choices import (
    Align,
    AwardeeKind,
    BatchStatus,
    BlankFieldName,
    CertificateForm,
)
from thidua.documents.choices import DocumentKind, ExportStatus

MM = {"max_digits": 6, "decimal_places": 1}
ON_PAPER = [MinValueValidator(-50), MaxValueValidator(1000)]  # mm; a little off-sheet is allowed
POSITIVE_MM = [MinValueValidator(1), MaxValueValidator(1000)]


# -- certificates (Bằng khen, Giấy khen) ------------------------------------------------------
class Certificate(models.Model):
    """The verification code printed on an award's certificate (and as a QR code).

    Issued the first time the certificate is printed, never changed and never reused: the row
    protects its award from deletion, so that a code always names the same award."""

    award = models.OneToOneField("awards.Award", verbose_name=_("award"),
                                 on_delete=models.PROTECT, related_name="certificate")
    code = models.CharField(_("verification code"), max_length=16, unique=True)
    issued_at = models.DateTimeField(_("issued on"), auto_now_add=True)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("issued by"),
                                  null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self) -> str:
        return self.code


class BlankLayout(models.Model):
    """Where each field goes on a pre-printed blank (phôi) of one form, for one issuing unit
    (or, without a unit, for every unit that has none of its own), for individuals or for
    collectives (or, with an empty kind, for both: the form's default)."""

    form = models.CharField(_("certificate form"), max_length=20, choices=CertificateForm.choices)
    kind = models.CharField(_("awardees"), max_length=12, choices=AwardeeKind.choices,
                            default=AwardeeKind.ANY, blank=True)
    unit = models.ForeignKey("organisations.Unit", verbose_name=_("issuing unit"), null=True,
                             blank=True, on_delete=models.PROTECT, related_name="+")
    page_width = models.DecimalField(_("paper width (mm)"), **MM, validators=POSITIVE_MM)
    page_height = models.DecimalField(_("paper height (mm)"), **MM, validators=POSITIVE_MM)
    # Printers feed paper a little off; one shift for every field corrects it.
    offset_x = models.DecimalField(_("horizontal shift (mm)"), **MM, default=0,
                                   validators=[MinValueValidator(-50), MaxValueValidator(50)])
    offset_y = models.DecimalField(_("vertical shift (mm)"), **MM, default=0,
                                   validators=[MinValueValidator(-50), MaxValueValidator(50)])
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)

    class Meta:
        verbose_name = _("blank layout")
        verbose_name_plural = _("blank layouts")
        ordering = ["form", "kind", "unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["form", "kind", "unit"],
                                    name="blank_layout_form_kind_unit"),
            models.UniqueConstraint(fields=["form", "kind"],
                                    condition=models.Q(unit__isnull=True),
                                    name="blank_layout_default_form_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.get_form_display()} ({self.get_kind_display()}) – " \
               f"{self.unit or _('default')}"


class BlankField(models.Model):
    """One field of a blank layout: its box in mm from the sheet's top-left corner."""

    layout = models.ForeignKey(BlankLayout, on_delete=models.CASCADE, related_name="fields")
    name = models.CharField(_("field"), max_length=20, choices=BlankFieldName.choices)
    enabled = models.BooleanField(_("printed"), default=True)
    x = models.DecimalField(_("x (mm)"), **MM, validators=ON_PAPER)
    y = models.DecimalField(_("y (mm)"), **MM, validators=ON_PAPER)
    width = models.DecimalField(_("width (mm)"), **MM, validators=POSITIVE_MM)
    height = models.DecimalField(_("height (mm)"), **MM, validators=POSITIVE_MM)
    font_size = models.DecimalField(_("font size (pt)"), max_digits=4, decimal_places=1,
                                    validators=[MinValueValidator(4), MaxValueValidator(96)])
    align = models.CharField(_("alignment"), max_length=10, choices=Align.choices,
                             default=Align.CENTER)
    bold = models.BooleanField(_("bold"), default=False)
    italic = models.BooleanField(_("italic"), default=False)

    class Meta:
        verbose_name = _("blank field")
        verbose_name_plural = _("blank fields")
        ordering = ["layout", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["layout", "name"], name="blank_field_unique_name"),
        ]

    def __str__(self) -> str:
        return self.get_name_display()


class CertificateBatch(models.Model):
    """The certificates of one decision rendered in the background: one PDF and a zip."""

    decision = models.ForeignKey("awards.Decision", verbose_name=_("decision"),
                                 on_delete=models.PROTECT, related_name="+")
    blank = models.BooleanField(_("for pre-printed blanks"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=BatchStatus.choices,
                              default=BatchStatus.PENDING)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    pdf = models.FileField(upload_to="certificates/%Y/", blank=True)
    archive = models.FileField(upload_to="certificates/%Y/", blank=True)
    error = models.CharField(max_length=500, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("certificate batch")
        verbose_name_plural = _("certificate batches")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.decision} ({self.get_status_display()})"


# -- digital signatures ------------------------------------------------------------------------
class SignedDocument(models.Model):
    """A PDF signed with a PAdES signature. The bytes are written once and never changed: the
    row cannot be saved again, and its SHA-256 is also in the audit log."""

    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(_("file"), upload_to="signed/%Y/")
    sha256 = models.CharField(_("SHA-256 of the signed file"), max_length=64, unique=True)
    source_sha256 = models.CharField(_("SHA-256 of the unsigned file"), max_length=64)
    signer_subject = models.CharField(_("signer (certificate subject)"), max_length=500)
    signer_name = models.CharField(_("signer"), max_length=255, blank=True)
    signed_at = models.DateTimeField(_("signed on"))
    # The time certified by a time-stamping authority (RFC 3161), when the signature has one.
    timestamped_at = models.DateTimeField(_("time stamp"), null=True, blank=True)
    # Whether the signer's certificate chains to a root of SIGNING_TRUST_ROOTS (the VGCA's):
    # None when no root was configured when the file was kept (trust not judged).
    trusted = models.BooleanField(_("certificate chains to a trusted root"), null=True,
                                  blank=True)
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("signed by"),
                                  null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("signed document")
        verbose_name_plural = _("signed documents")
        ordering = ["-signed_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(_("A signed document is never changed."))
        super().save(*args, **kwargs)


# -- Word templates and Excel exports ----------------------------------------------------------
class DocumentTemplate(models.Model):
    """A Word template (docxtpl) that replaces the built-in one of its kind: for one issuing
    unit, or without a unit for every unit that has none of its own. Checked on upload
    (thidua.documents.word.render.check); replaced templates stay, inactive, as history."""

    kind = models.CharField(_("document"), max_length=30, choices=DocumentKind.choices)
    unit = models.ForeignKey("organisations.Unit", verbose_name=_("issuing unit"), null=True,
                             blank=True, on_delete=models.PROTECT, related_name="+")
    file = models.FileField(_("file"), upload_to="document-templates/%Y/")
    original_name = models.CharField(_("file name"), max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"),
                                    null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded on"), auto_now_add=True)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("document template")
        verbose_name_plural = _("document templates")
        ordering = ["kind", "unit__path", "-uploaded_at"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "unit"], condition=models.Q(active=True),
                                    name="document_template_one_active"),
            models.UniqueConstraint(fields=["kind"],
                                    condition=models.Q(active=True, unit__isnull=True),
                                    name="document_template_one_active_default"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.unit or _('every unit')}"


class ExportJob(models.Model):
    """A large Excel export written in the background; the user downloads the file."""

    kind = models.CharField(_("export"), max_length=40)
    params = models.JSONField(default=dict)
    status = models.CharField(_("status"), max_length=10, choices=ExportStatus.choices,
                              default=ExportStatus.PENDING)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to="exports/%Y/", blank=True)
    file_name = models.CharField(_("file name"), max_length=255)
    error = models.CharField(max_length=500, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Excel export")
        verbose_name_plural = _("Excel exports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.file_name
