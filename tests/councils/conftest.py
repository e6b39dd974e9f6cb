"""A provincial council of ten members and a round with three nominees before it.

The proposals are written straight in the state "before the council" (at_council): how they got
there is the proposals app's business (tests/proposals); here only the council acts on them.
Ten members make the thresholds easy to read: 90% needs 9 "yes", 80% needs 8."""

import datetime
from types import SimpleNamespace

import pytest

from tests.factories import UserFactory, award_type
from thidua.accounts.choices import Role
from thidua.councils import services
from thidua.councils.choices import MemberRole
from thidua.proposals.choices import State
from thidua.proposals.models import Nominee, Proposal, Round

MEETING = datetime.date(2025, 12, 10)
NAMES = ["Phạm Thị Thu Trang", "Võ Văn Hải", "Đỗ Thị Minh Tâm", "Nguyễn Quốc Bảo",
         "Trịnh Thị Lan Anh", "Lê Văn Khánh", "Hà Minh Đức", "Phan Thị Ngọc Hân", "Bùi Văn Thịnh",
         "Ngô Thị Mai"]


def make_proposal(round_, unit, nominees: list[tuple[str, str]], state=State.AT_COUNCIL):
    proposal = Proposal.objects.create(round=round_, unit=unit, unit_name=unit.name,
                                       number=f"{unit.code}/TTr", title="Đề nghị khen thưởng",
                                       state=state)
    for position, (name, code) in enumerate(nominees, start=1):
        Nominee.objects.create(proposal=proposal, position=position, name=name,
                               unit_name=unit.name, award_type=award_type(code),
                               verdict="ELIGIBLE", checked_at=datetime.datetime(
                                   2025, 11, 1, tzinfo=datetime.UTC))
    return proposal


@pytest.fixture
def ballot(tree, admin_user):
    """council, its ten seats (seats[0] is the secretary), a planned session, the proposals."""
    round_ = Round.objects.create(name="Khen thưởng tổng kết năm 2025", year=2025,
                                  organiser=tree.lam_dong, opens_on=datetime.date(2025, 10, 1),
                                  submission_deadline=datetime.date(2025, 11, 15))
    phu_quy = make_proposal(round_, tree.phu_quy, [
        ("Nguyễn Thị Hoà", "cstd_bo_tinh"), ("Trần Văn Bình", "bk_bo_tinh_individual")])
    phan_thiet = make_proposal(round_, tree.phan_thiet, [("Lê Thị Hòa", "cstd_co_so")])
    council = services.create_council(by=admin_user, name="Hội đồng Thi đua – Khen thưởng tỉnh",
                                      organiser=tree.lam_dong)
    users, seats = [], []
    for number, name in enumerate(NAMES, start=1):
        user = UserFactory(username=f"hoidong{number}", full_name=name,
                           role=Role.COUNCIL_MEMBER, unit=tree.lam_dong)
        role = MemberRole.SECRETARY if number == 1 else (
            MemberRole.CHAIR if number == 2 else MemberRole.MEMBER)
        users.append(user)
        seats.append(services.add_member(by=admin_user, council=council, user=user, role=role,
                                         valid_from=datetime.date(2025, 7, 1)))
    session = services.create_session(by=admin_user, council=council, round=round_,
                                      date=MEETING)
    hoa, binh = phu_quy.nominees.order_by("position")
    return SimpleNamespace(round=round_, council=council, users=users, seats=seats,
                           secretary=users[0], session=session, phu_quy=phu_quy,
                           phan_thiet=phan_thiet, hoa=hoa, binh=binh,
                           other=phan_thiet.nominees.get())


def attend(ballot, count: int) -> None:
    """The first `count` members attend."""
    services.set_attendance(by=ballot.secretary, session=ballot.session,
                            present={seat.pk for seat in ballot.seats[:count]})


def vote_all(ballot, users, choices: dict) -> list[str]:
    """Each user votes `choices` (nominee → choice); returns the receipt codes."""
    return [services.cast_ballot(by=user, session=ballot.session,
                                 choices={n.pk: c for n, c in choices.items()}) for user in users]
