"""Fixtures of the dossier tests: a 2025 round of Lâm Đồng decided by the commune chair (so
that LĐTT is within the decider's power), a draft dossier of đặc khu Phú Quý, and a reviewer
of Lâm Đồng (who, through the merger, also sees what Bình Thuận recorded)."""

from types import SimpleNamespace

import pytest

from tests.factories import UserFactory, award_type, make_proposal, make_round
from thidua.accounts.choices import Role
from thidua.core.models import AuditEntry
from thidua.people import services as people_services
from thidua.proposals.choices import DecidingLevel
from thidua.proposals.models import Attachment, Nominee, Proposal, Transition


@pytest.fixture
def province_reviewer(tree):
    return UserFactory(username="sonoivu-ld", role=Role.REVIEWER, unit=tree.lam_dong)


@pytest.fixture
def council_member(tree):
    return UserFactory(username="hoidong", role=Role.COUNCIL_MEMBER, unit=tree.lam_dong)


@pytest.fixture
def round_(tree, admin_user):
    return make_round(tree.lam_dong, by=admin_user, deciding_level=DecidingLevel.COMMUNE,
                      name="Khen thưởng công tác năm 2025")


@pytest.fixture
def dossier(round_, tree, zone_officer):
    return make_proposal(round_, tree.special_zone, by=zone_officer, number="15/TTr-UBND")


@pytest.fixture
def rated(people, admin_user):
    """Hoà rated HTT in 2025 (eligible for LĐTT); Bình has no 2025 rating (not eligible)."""
    people_services.record_rating(by=admin_user, person=people.hoa, year=2025, level="HTT")
    return people


@pytest.fixture
def ldtt():
    return award_type("ldtt")


def counts() -> dict[str, int]:
    """Rows of everything a dossier service may write, to check that nothing was."""
    return {"proposals": Proposal.objects.count(), "nominees": Nominee.objects.count(),
            "attachments": Attachment.objects.count(),
            "transitions": Transition.objects.count(), "audit": AuditEntry.objects.count()}


def snapshot_of(proposal: Proposal) -> SimpleNamespace:
    proposal.refresh_from_db()
    return SimpleNamespace(state=proposal.state, version=proposal.version,
                           lines=list(proposal.nominees.values_list(
                               "name", "verdict", "checked_at", "justification")))
