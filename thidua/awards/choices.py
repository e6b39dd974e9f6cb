from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AwardKind(models.TextChoices):
    """Type of commendation (loại hình khen thưởng, Law 2022 Art. 8)."""

    CONG_TRANG = "cong_trang", _("Merit")
    DOT_XUAT = "dot_xuat", _("Ad hoc")
    CHUYEN_DE = "chuyen_de", _("Periodic or thematic")
    CONG_HIEN = "cong_hien", _("Career contribution")
    NIEN_HAN = "nien_han", _("Length of service")
    DOI_NGOAI = "doi_ngoai", _("Foreign relations")


# Kinds that never serve as the base of a later merit award (ND 152/2025 Art. 4(3), rule G03).
NOT_A_BASE = {AwardKind.DOT_XUAT, AwardKind.CHUYEN_DE}


class Category(models.TextChoices):
    TITLE = "title", pgettext_lazy("award category", "Emulation title")
    CERTIFICATE = "certificate", pgettext_lazy("award category", "Certificate of merit or commendation")
    ORDER = "order", pgettext_lazy("award category", "Order")
    MEDAL = "medal", pgettext_lazy("award category", "Medal")
    HONORARY_TITLE = "honorary_title", pgettext_lazy("award category", "State honorary title")
    PRIZE = "prize", pgettext_lazy("award category", "Prize")
    COMMEMORATIVE = "commemorative", pgettext_lazy("award category", "Commemorative medal")


class Level(models.TextChoices):
    GRASSROOTS = "co_so", pgettext_lazy("award level", "Grassroots")
    MINISTRY_PROVINCE = "bo_tinh", pgettext_lazy("award level", "Ministry, board, sector or province")
    STATE = "nha_nuoc", pgettext_lazy("award level", "State")


class SubjectKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    COLLECTIVE = "collective", _("Collective")
    HOUSEHOLD = "household", _("Household")
    ENTERPRISE = "enterprise", _("Enterprise")


class Authority(models.TextChoices):
    UNIT_HEAD = "unit_head", _("Head of agency or unit")
    DEPARTMENT_HEAD = "department_head", _("Director of a provincial department or head of a provincial board or sector")
    COMMUNE_CHAIR = "commune_chair", _("Chair of the commune People's Committee")
    DISTRICT_CHAIR = "district_chair", _("Chair of the district People's Committee (before 1 July 2025)")
    ENTERPRISE_DIRECTOR = "enterprise_director", _("Director of an enterprise or cooperative")
    MINISTER = "minister", _("Minister or head of a central agency")
    PROVINCIAL_CHAIR = "provincial_chair", _("Chair of the provincial People's Committee")
    PROVINCIAL_PEOPLES_COMMITTEE = "provincial_peoples_committee", _("Provincial People's Committee")
    PRIME_MINISTER = "prime_minister", _("Prime Minister")
    PRESIDENT = "president", _("President")


class InitiativeScope(models.TextChoices):
    GRASSROOTS = "co_so", pgettext_lazy("initiative scope", "Grassroots level")
    MINISTRY_PROVINCE = "bo_tinh", pgettext_lazy("initiative scope", "Ministry, sector or province level")
    NATIONAL = "toan_quoc", pgettext_lazy("initiative scope", "Nationwide")


class Source(models.TextChoices):
    MANUAL = "manual", _("Manual entry")
    IMPORT = "import", _("Imported from Excel")
    PACKAGE = "package", _("Imported from a package")
    DEMO = "demo", _("Demo data")
    GENERATED = "generated", _("Generated data")


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    RUNNING = "running", _("Processing")
    VALID = "valid", _("Valid (dry run, not saved)")
    DONE = "done", _("Saved")
    FAILED = "failed", _("Failed, not saved")


class DraftState(models.TextChoices):
    """States of a decision draft (dự thảo quyết định): edited, then issued or cancelled."""

    DRAFT = "draft", pgettext_lazy("decision draft state", "Draft")
    ISSUED = "issued", pgettext_lazy("decision draft state", "Issued")
    CANCELLED = "cancelled", pgettext_lazy("decision draft state", "Cancelled")


# Order of the annex sections of a decision: collectives, then individuals, then households.
ANNEX_SECTIONS = (SubjectKind.COLLECTIVE, SubjectKind.ENTERPRISE, SubjectKind.INDIVIDUAL,
                  SubjectKind.HOUSEHOLD)


class DecisionFileKind(models.TextChoices):
    """What a file received with a decision package is (docs/packages.md): the decision itself,
    or an attachment of a dossier it decided (the kinds of proposals' AttachmentKind)."""

    DECISION = "decision", _("Decision (Word document)")
    SUBMISSION = "submission", _("Submission (tờ trình)")
    REPORT = "report", _("Achievement report")
    MINUTES = "minutes", _("Meeting minutes")
    EVIDENCE = "evidence", _("Evidence")
    OTHER = "other", _("Other document")
