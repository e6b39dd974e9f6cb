from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CertificateForm(models.TextChoices):
    """The paper an award is printed on; each has its design and its blanks (phôi)."""

    BANG_KHEN = "bang_khen", pgettext_lazy("certificate form", "Certificate of merit (Bằng khen)")
    GIAY_KHEN = "giay_khen", pgettext_lazy("certificate form", "Commendation (Giấy khen)")
    TITLE = "title", pgettext_lazy("certificate form", "Emulation title certificate")


class AwardeeKind(models.TextChoices):
    """Whom a blank layout serves: individuals, collectives, or (empty) both — the default of
    its form, used where no layout for the kind exists."""

    ANY = "", _("individuals and collectives")
    INDIVIDUAL = "individual", _("individuals")
    COLLECTIVE = "collective", _("collectives")


class BlankFieldName(models.TextChoices):
    """The variable fields printed onto a blank, in reading order."""

    AUTHORITY = "authority", _("Awarding authority")
    AWARD = "award", _("Award name")
    AWARDEE = "awardee", _("Awardee")
    UNIT = "unit", _("Position and unit")
    ACHIEVEMENT = "achievement", _("Achievement")
    DECISION = "decision", _("Decision number and date")
    REGISTER = "register", _("Register number")
    PLACE_DATE = "place_date", _("Place and date")
    SIGNER_TITLE = "signer_title", _("Signer's position")
    SIGNER_NAME = "signer_name", _("Signer's name")
    CODE = "code", _("Verification code")
    QR = "qr", _("QR code")


class Align(models.TextChoices):
    LEFT = "left", _("Left")
    CENTER = "center", _("Centre")
    RIGHT = "right", _("Right")


class BatchStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
