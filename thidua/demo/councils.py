"""The demo's provincial council: "Hội đồng Thi đua – Khen thưởng tỉnh" with its nine members,
the accounts hoidong1 … hoidong9 (contracts §5; hoidong1 is the secretary). Written through the
council services by the demo loader, after the accounts."""

import datetime

from thidua.accounts.models import User
from thidua.councils import services
from thidua.councils.choices import MemberRole
from thidua.councils.models import Council

NAME = "Hội đồng Thi đua – Khen thưởng tỉnh"
ORGANISER = "ld"  # Tỉnh Lâm Đồng, since the 2025 reorganisation
SINCE = datetime.date(2025, 7, 1)
ROLES = {"hoidong1": MemberRole.SECRETARY, "hoidong2": MemberRole.CHAIR,
         "hoidong3": MemberRole.VICE_CHAIR, "hoidong4": MemberRole.STANDING}
USERNAMES = [f"hoidong{number}" for number in range(1, 10)]


def load_council(*, by, units: dict) -> Council:
    """Create the council and seat hoidong1 … hoidong9 (who must already exist)."""
    council = services.create_council(by=by, name=NAME, organiser=units[ORGANISER])
    users = User.objects.in_bulk(USERNAMES, field_name="username")
    for username in USERNAMES:
        user = users[username]
        services.add_member(by=by, council=council, user=user, valid_from=SINCE,
                            full_name=user.full_name.split(" (")[0],
                            role=ROLES.get(username, MemberRole.MEMBER))
    return council
