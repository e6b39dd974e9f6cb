"""Who sees and runs which council, the minutes as data, and the document date."""

import datetime

from tests.councils.conftest import attend, vote_all
from tests.factories import UserFactory, make_unit
from thidua.accounts.choices import Role
from thidua.councils import queries, services
from thidua.councils.choices import RecusalReason
from thidua.councils.tally import threshold_for
from thidua.organisations.choices import UnitKind
from thidua.proposals.models import Round


def names(user) -> list[str]:
    return list(queries.visible_to(user).values_list("name", flat=True))


def test_councils_visible_to_each_role(ballot, admin_user, officer, tree):
    other_province = make_unit("Tỉnh Ninh Thuận", UnitKind.PROVINCE, code="ninh-thuan")
    services.create_council(by=admin_user, name="Hội đồng tỉnh Ninh Thuận",
                            organiser=other_province)
    lam_dong_reviewer = UserFactory(role=Role.REVIEWER, unit=tree.lam_dong)
    ninh_thuan_reviewer = UserFactory(role=Role.REVIEWER, unit=other_province)
    assert sorted(names(admin_user)) == ["Hội đồng Thi đua – Khen thưởng tỉnh",
                                         "Hội đồng tỉnh Ninh Thuận"]
    assert names(lam_dong_reviewer) == ["Hội đồng Thi đua – Khen thưởng tỉnh"]
    assert names(ninh_thuan_reviewer) == ["Hội đồng tỉnh Ninh Thuận"]
    assert names(ballot.users[5]) == ["Hội đồng Thi đua – Khen thưởng tỉnh"]
    assert names(officer) == []


def test_the_secretary_runs_sessions_while_in_office(ballot):
    day = ballot.session.date
    assert queries.can_run(ballot.secretary, ballot.council, day) is True
    assert queries.can_run(ballot.users[1], ballot.council, day) is False  # the chair votes only
    services.end_membership(by=None, member=ballot.seats[0], on=datetime.date(2025, 11, 30))
    assert queries.can_run(ballot.secretary, ballot.council, day) is False


def test_rounds_of_the_council_include_those_of_the_former_province(ballot, tree):
    older = Round.objects.create(name="Đợt chuyên đề 2024", year=2024, organiser=tree.province,
                                 opens_on=datetime.date(2024, 3, 1),
                                 submission_deadline=datetime.date(2024, 4, 1))
    elsewhere = make_unit("Tỉnh Ninh Thuận", UnitKind.PROVINCE, code="ninh-thuan")
    Round.objects.create(name="Đợt của tỉnh khác", year=2025, organiser=elsewhere,
                         opens_on=datetime.date(2025, 3, 1),
                         submission_deadline=datetime.date(2025, 4, 1))
    assert set(queries.rounds_for(ballot.council)) == {ballot.round, older}


def test_document_dates_pad_the_day_and_only_the_first_two_months():
    assert [queries.document_date(datetime.date(2026, month, day)) for month, day in
            ((1, 5), (2, 28), (3, 9), (12, 10))] == [
        "ngày 05 tháng 01 năm 2026", "ngày 28 tháng 02 năm 2026", "ngày 09 tháng 3 năm 2026",
        "ngày 10 tháng 12 năm 2026"]


def test_the_minutes_as_data(ballot):
    attend(ballot, 7)
    services.record_recusal(by=ballot.secretary, session=ballot.session, member=ballot.seats[1],
                            nominee=ballot.other, reason=RecusalReason.OTHER,
                            note="Từng công tác cùng đơn vị")
    services.record_written_opinions(by=ballot.secretary, session=ballot.session,
                                     member=ballot.seats[8], opinions={ballot.hoa.pk: "yes"})
    services.open_session(by=ballot.secretary, session=ballot.session)
    vote_all(ballot, ballot.users[2:7], {ballot.hoa: "yes", ballot.binh: "yes",
                                         ballot.other: "no"})
    services.close_session(by=ballot.secretary, session=ballot.session)
    ballot.session.refresh_from_db()
    minutes = queries.minutes(ballot.session)
    assert (minutes.council, minutes.organiser, minutes.round, minutes.date_text,
            minutes.members_total, minutes.quorum, minutes.paper_ballot) == (
        "Hội đồng Thi đua – Khen thưởng tỉnh", "Tỉnh Lâm Đồng", "Khen thưởng tổng kết năm 2025",
        "ngày 10 tháng 12 năm 2025", 10, "2/3", False)
    assert minutes.present[:2] == ["Phạm Thị Thu Trang (thư ký hội đồng)",
                                   "Võ Văn Hải (chủ tịch hội đồng)"]
    assert minutes.absent == ["Phan Thị Ngọc Hân (ủy viên)", "Bùi Văn Thịnh (ủy viên)",
                              "Ngô Thị Mai (ủy viên)"]
    assert minutes.absent_with_opinion == ["Bùi Văn Thịnh (ủy viên)"]
    assert [(r.member, r.target, r.reason, r.note) for r in minutes.recusals] == [
        ("Võ Văn Hải", "Lê Thị Hòa", "Xung đột lợi ích khác", "Từng công tác cùng đơn vị")]
    assert [(line.number, line.name, line.vote_kind, line.needed, line.yes, line.no,
             line.written_yes, line.absent_without_opinion, line.recused, line.not_voted,
             line.approved) for line in minutes.lines] == [
        (1, "Nguyễn Thị Hoà", "ballot", 9, 6, 0, 1, 2, 0, 2, False),
        (2, "Trần Văn Bình", "majority", 3, 5, 0, 0, 3, 0, 2, True),
        (3, "Lê Thị Hòa", "ballot", 8, 0, 5, 0, 3, 1, 1, False),
    ]
    assert (minutes.approved, minutes.rejected, minutes.chair, minutes.secretary) == (
        1, 2, "Võ Văn Hải", "Phạm Thị Thu Trang")
    # Each basis once, in the order of the lines: the 90% ballot, the majority (the 80% ballot
    # of Lê Thị Hòa shares the 90% ballot's citation).
    day = ballot.session.date
    assert minutes.bases == [threshold_for("cstd_bo_tinh", day).basis,
                             threshold_for("bk_bo_tinh_individual", day).basis]
    assert minutes.place == "Tỉnh Lâm Đồng"
