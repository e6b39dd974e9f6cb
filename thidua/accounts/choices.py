from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("System administrator")
    REVIEWER = "reviewer", _("Provincial reviewer (Department of Home Affairs)")
    OFFICER = "officer", _("Unit emulation and commendation officer")
    LEADER = "leader", _("Leader (read-only, signs decisions)")
    COUNCIL_MEMBER = "council_member", _("Member of the Emulation and Commendation Council")
    EDITOR = "editor", _("Portal editor")


# Roles that see the whole province, whatever their own unit.
PROVINCE_WIDE = {Role.ADMIN, Role.REVIEWER}
# Roles that may change records (the others read only).
WRITERS = {Role.ADMIN, Role.REVIEWER, Role.OFFICER}
# Roles that may see personal identification numbers.
SEES_PERSONAL_ID = {Role.ADMIN, Role.REVIEWER, Role.OFFICER}
