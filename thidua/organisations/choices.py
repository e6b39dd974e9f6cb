from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Province or centrally governed city")
    PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee")
    DEPARTMENT = "department", _("Provincial department, board or sector")
    AGENCY = "agency", _("Agency or organisation")
    DISTRICT = "district", _("District, town or provincial city (before 1 July 2025)")
    COMMUNE = "commune", _("Commune")
    WARD = "ward", _("Ward")
    TOWNSHIP = "township", _("Township (before 1 July 2025)")
    SPECIAL_ZONE = "special_zone", _("Special zone")
    SCHOOL = "school", _("School")
    HOSPITAL = "hospital", _("Hospital or health facility")
    ENTERPRISE = "enterprise", _("Enterprise or cooperative")
    DIVISION = "division", _("Office, board, faculty or team (subordinate unit)")
    VILLAGE = "village", _("Village or residential group")


class LineageKind(models.TextChoices):
    RENAME = "rename", pgettext_lazy("lineage", "Rename")
    MERGE = "merge", pgettext_lazy("lineage", "Consolidation or merger")
    SPLIT = "split", pgettext_lazy("lineage", "Split")
    DISSOLVE = "dissolve", pgettext_lazy("lineage", "Dissolution")
    TRANSFER = "transfer", pgettext_lazy("lineage", "Transfer or reassignment")
    ESTABLISH = "establish", pgettext_lazy("lineage", "Establishment")
