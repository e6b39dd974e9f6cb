"""The council's writes: attendance, recusals, written opinions, the secret ballot, paper totals,
opening and closing — and every refusal, which writes nothing."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections

from tests.councils.conftest import attend, vote_all
from tests.factories import UserFactory
from thidua.accounts.choices import Role
from thidua.core.models import AuditEntry
from thidua.councils import queries, services
from thidua.councils.choices import RecusalReason, SessionState
from thidua.councils.models import (
    PaperTotal,
    Participation,
    Recusal,
    Result,
    Session,
    Vote,
    WrittenOpinion,
)
from thidua.councils.tally import member_ids
from thidua.proposals.choices import State
from thidua.proposals.models import Transition

YES, NO, ABSTAIN = "yes", "no", "abstain"


def refused(function, message: str, **kwargs) -> None:
    with pytest.raises(ValidationError) as error:
        function(**kwargs)
    assert error.value.messages == [message]


def counts() -> tuple:
    return (Participation.objects.count(), Vote.objects.count(), Result.objects.count(),
            Recusal.objects.count(), WrittenOpinion.objects.count(), PaperTotal.objects.count())


def results(session) -> list[tuple]:
    return list(Result.objects.filter(session=session).order_by("nominee__proposal_id",
                                                                 "nominee__position")
                .values_list("nominee__name", "members_total", "present", "yes", "no", "abstain",
                             "written_yes", "written_no", "absent_without_opinion", "recused",
                             "not_voted", "vote_code", "approved"))


def test_a_ballot_with_a_recusal_and_written_opinions_from_opening_to_the_result(ballot):
    """Ten members, eight present. Nguyễn Quốc Bảo stands aside for Nguyễn Thị Hoà (same unit);
    Bùi Văn Thịnh (absent) sends a signed written opinion; Ngô Thị Mai is absent without one."""
    attend(ballot, 8)
    services.record_recusal(by=ballot.secretary, session=ballot.session, member=ballot.seats[3],
                            nominee=ballot.hoa, reason=RecusalReason.OWN_UNIT)
    services.record_written_opinions(by=ballot.secretary, session=ballot.session,
                                     member=ballot.seats[8],
                                     opinions={ballot.hoa.pk: YES, ballot.binh.pk: NO,
                                               ballot.other.pk: YES})
    services.open_session(by=ballot.secretary, session=ballot.session)
    users = ballot.users
    vote_all(ballot, users[:3] + users[4:8], {ballot.hoa: YES, ballot.binh: YES,
                                               ballot.other: YES})
    vote_all(ballot, [users[3]], {ballot.binh: NO, ballot.other: YES})

    tallies = services.close_session(by=ballot.secretary, session=ballot.session)

    assert [(t.yes, t.no, t.abstain, t.approved) for t in tallies] == [
        (8, 0, 0, False), (7, 2, 0, True), (9, 0, 0, True)]
    assert results(ballot.session) == [
        # Cờ/CSTĐ tỉnh needs 90% of all ten members: 7 votes + 1 written = 8 < 9.
        ("Nguyễn Thị Hoà", 10, 8, 8, 0, 0, 1, 0, 1, 1, 0, "ballot_90", False),
        # Bằng khen: a majority of yes + no + abstain.
        ("Trần Văn Bình", 10, 8, 7, 2, 0, 0, 1, 1, 0, 0, "majority", True),
        # CSTĐ cơ sở needs 80%: 8 votes + 1 written = 9 ≥ 8.
        ("Lê Thị Hòa", 10, 8, 9, 0, 0, 1, 0, 1, 0, 0, "ballot_80", True),
    ]
    ballot.hoa.refresh_from_db()
    ballot.binh.refresh_from_db()
    ballot.other.refresh_from_db()
    assert [ballot.hoa.outcome, ballot.binh.outcome, ballot.other.outcome] == [
        "rejected", "approved", "approved"]
    ballot.phu_quy.refresh_from_db()
    ballot.phan_thiet.refresh_from_db()
    assert [ballot.phu_quy.state, ballot.phan_thiet.state] == [State.VOTED, State.VOTED]
    assert list(Transition.objects.filter(action="close_vote").order_by("proposal_id").values_list(
        "proposal_id", "actor__username")) == [(ballot.phu_quy.pk, "hoidong1"),
                                               (ballot.phan_thiet.pk, "hoidong1")]
    session = Session.objects.get(pk=ballot.session.pk)
    assert session.state == SessionState.CLOSED


def test_the_audit_says_who_voted_never_what(ballot):
    attend(ballot, 7)
    services.open_session(by=ballot.secretary, session=ballot.session)
    services.cast_ballot(by=ballot.users[1], session=ballot.session,
                         choices={ballot.hoa.pk: NO, ballot.binh.pk: ABSTAIN,
                                  ballot.other.pk: YES})
    entry = AuditEntry.objects.get(action="thidua.council.voted")
    assert (entry.actor, entry.summary, entry.before, entry.after) == (
        ballot.users[1], "Võ Văn Hải đã bỏ phiếu tại phiên họp ngày 10/12/2025", None,
        {"member": ballot.seats[1].pk})
    assert list(Participation.objects.values_list("member__full_name", flat=True)) == [
        "Võ Văn Hải"]
    assert sorted(Vote.objects.values_list("nominee__name", "choice")) == [
        ("Lê Thị Hòa", "yes"), ("Nguyễn Thị Hoà", "no"), ("Trần Văn Bình", "abstain")]
    assert {field.name for field in Vote._meta.get_fields()} == {
        "id", "session", "nominee", "choice", "receipt_hash"}


def test_the_receipt_finds_the_members_own_lines_before_and_after_the_close(ballot):
    attend(ballot, 7)
    services.open_session(by=ballot.secretary, session=ballot.session)
    code = services.cast_ballot(by=ballot.users[2], session=ballot.session,
                                choices={ballot.hoa.pk: NO, ballot.binh.pk: YES,
                                         ballot.other.pk: ABSTAIN})
    vote_all(ballot, ballot.users[3:7], {ballot.hoa: YES, ballot.binh: YES, ballot.other: YES})
    assert len(code) == 23 and code.count("-") == 3
    before = queries.check_receipt(code.lower().replace("-", " "))
    ids_before = set(Vote.objects.values_list("id", flat=True))
    services.close_session(by=ballot.secretary, session=ballot.session)
    after = queries.check_receipt(code)
    expected = [("Nguyễn Thị Hoà", "Không đồng ý"), ("Trần Văn Bình", "Đồng ý"),
                ("Lê Thị Hòa", "Không biểu quyết")]
    assert [(n.name, c) for n, c, _revote in before.lines] == expected
    assert [(n.name, c) for n, c, _revote in after.lines] == expected
    assert (before.counted, after.counted) == (False, True)
    # Closing rewrote the lines under new keys: their storage order says nothing any more.
    assert Vote.objects.count() == 15
    assert ids_before.isdisjoint(set(Vote.objects.values_list("id", flat=True)))
    assert queries.check_receipt("AAAAA-AAAAA-AAAAA-AAAAA") is None


# -- bad input: each refused with a Vietnamese message, nothing written -----------------------
def test_a_vote_from_a_non_member_is_refused(ballot, reviewer):
    attend(ballot, 7)
    services.open_session(by=ballot.secretary, session=ballot.session)
    before = counts()
    refused(services.cast_ballot, "Bạn không phải là thành viên của hội đồng này nên không thể "
            "bỏ phiếu.", by=reviewer, session=ballot.session, choices={ballot.hoa.pk: YES})
    assert counts() == before


def test_a_former_member_cannot_vote(ballot):
    import datetime

    services.end_membership(by=ballot.secretary, member=ballot.seats[9],
                            on=datetime.date(2025, 11, 30))
    attend(ballot, 7)
    services.open_session(by=ballot.secretary, session=ballot.session)
    refused(services.cast_ballot, "Bạn không phải là thành viên của hội đồng này nên không thể "
            "bỏ phiếu.", by=ballot.users[9], session=ballot.session,
            choices={ballot.hoa.pk: YES, ballot.binh.pk: YES, ballot.other.pk: YES})
    assert len(member_ids(ballot.session)) == 9


def test_a_second_vote_is_refused_and_the_first_stays(ballot):
    attend(ballot, 7)
    services.open_session(by=ballot.secretary, session=ballot.session)
    choices = {ballot.hoa.pk: YES, ballot.binh.pk: YES, ballot.other.pk: YES}
    services.cast_ballot(by=ballot.users[1], session=ballot.session, choices=choices)
    before = counts()
    refused(services.cast_ballot, "Bạn đã bỏ phiếu trong phiên họp này.", by=ballot.users[1],
            session=ballot.session, choices=dict.fromkeys(choices, NO))
    assert counts() == before
    assert set(Vote.objects.values_list("choice", flat=True)) == {YES}


def test_a_vote_after_closing_is_refused(ballot):
    attend(ballot, 7)
    services.open_session(by=ballot.secretary, session=ballot.session)
    services.close_session(by=ballot.secretary, session=ballot.session)
    before = counts()
    refused(services.cast_ballot, "Phiên họp đã kết thúc bỏ phiếu: không nhận thêm phiếu.",
            by=ballot.users[1], session=ballot.session,
            choices={ballot.hoa.pk: YES, ballot.binh.pk: YES, ballot.other.pk: YES})
    assert counts() == before


def test_a_vote_before_opening_is_refused(ballot):
    attend(ballot, 7)
    refused(services.cast_ballot, "Phiên họp này chưa mở bỏ phiếu.", by=ballot.users[1],
            session=ballot.session, choices={ballot.hoa.pk: YES})
    assert Participation.objects.count() == 0


def test_a_recused_member_cannot_vote_on_that_nominee(ballot):
    attend(ballot, 7)
    services.record_recusal(by=ballot.secretary, session=ballot.session, member=ballot.seats[1],
                            proposal=ballot.phu_quy, reason=RecusalReason.FAMILY,
                            note="Anh ruột của người được đề nghị")
    services.open_session(by=ballot.secretary, session=ballot.session)
    before = counts()
    refused(services.cast_ballot, "Bạn không tham gia xét Trần Văn Bình nên không được bỏ phiếu "
            "cho trường hợp này.", by=ballot.users[1], session=ballot.session,
            choices={ballot.binh.pk: YES, ballot.other.pk: YES})
    assert counts() == before
    # The same member votes on the others.
    services.cast_ballot(by=ballot.users[1], session=ballot.session,
                         choices={ballot.other.pk: NO})
    assert list(Vote.objects.values_list("nominee__name", "choice")) == [("Lê Thị Hòa", "no")]


def test_a_ballot_must_answer_every_nominee_the_member_may_vote_on(ballot):
    attend(ballot, 7)
    services.open_session(by=ballot.secretary, session=ballot.session)
    refused(services.cast_ballot, "Chọn đồng ý, không đồng ý hoặc không biểu quyết cho Trần Văn "
            "Bình.", by=ballot.users[1], session=ballot.session,
            choices={ballot.hoa.pk: YES, ballot.other.pk: YES})
    refused(services.cast_ballot, "Chọn đồng ý, không đồng ý hoặc không biểu quyết cho Lê Thị "
            "Hòa.", by=ballot.users[1], session=ballot.session,
            choices={ballot.hoa.pk: YES, ballot.binh.pk: YES, ballot.other.pk: "maybe"})
    assert counts()[:2] == (0, 0)


def test_an_absent_member_cannot_vote_online(ballot):
    attend(ballot, 7)
    services.open_session(by=ballot.secretary, session=ballot.session)
    refused(services.cast_ballot, "Bạn chưa được ghi nhận có mặt tại phiên họp này.",
            by=ballot.users[9], session=ballot.session,
            choices={ballot.hoa.pk: YES, ballot.binh.pk: YES, ballot.other.pk: YES})


def test_opening_without_quorum_is_refused(ballot):
    attend(ballot, 6)  # 2/3 of 10 members is 6.67: seven are needed
    refused(services.open_session, "Chưa đủ số thành viên dự họp: có mặt 6/10 thành viên, cần ít "
            "nhất 7 (2/3 tổng số thành viên).", by=ballot.secretary, session=ballot.session)
    session = Session.objects.get(pk=ballot.session.pk)
    assert (session.state, session.agenda.count()) == (SessionState.PLANNED, 0)


def test_opening_freezes_the_agenda(ballot, tree):
    from tests.councils.conftest import make_proposal

    attend(ballot, 7)
    services.open_session(by=ballot.secretary, session=ballot.session)
    make_proposal(ballot.round, tree.tam_thanh, [("Nguyễn Văn Muộn", "cstd_co_so")])
    assert sorted(queries.agenda(ballot.session).values_list("name", flat=True)) == [
        "Lê Thị Hòa", "Nguyễn Thị Hoà", "Trần Văn Bình"]


def test_opening_without_any_proposal_before_the_council_is_refused(ballot):
    ballot.phu_quy.state = ballot.phan_thiet.state = State.PUBLISHED
    ballot.phu_quy.save(update_fields=["state"])
    ballot.phan_thiet.save(update_fields=["state"])
    attend(ballot, 7)
    refused(services.open_session, "Đợt này chưa có hồ sơ nào được trình hội đồng.",
            by=ballot.secretary, session=ballot.session)


def test_closing_twice_is_refused(ballot):
    attend(ballot, 7)
    services.open_session(by=ballot.secretary, session=ballot.session)
    services.close_session(by=ballot.secretary, session=ballot.session)
    before = (counts(), Transition.objects.count(), AuditEntry.objects.count())
    refused(services.close_session, "Phiên bỏ phiếu này đã được kết thúc trước đó.",
            by=ballot.secretary, session=ballot.session)
    assert (counts(), Transition.objects.count(), AuditEntry.objects.count()) == before


def test_a_plain_member_cannot_open_or_close(ballot):
    attend(ballot, 7)
    with pytest.raises(PermissionDenied):
        services.open_session(by=ballot.users[4], session=ballot.session)


def test_recusal_after_the_member_voted_is_refused(ballot):
    attend(ballot, 7)
    services.open_session(by=ballot.secretary, session=ballot.session)
    vote_all(ballot, [ballot.users[2]], {ballot.hoa: YES, ballot.binh: YES, ballot.other: YES})
    refused(services.record_recusal, "Đỗ Thị Minh Tâm đã bỏ phiếu: việc không tham gia xét phải "
            "được ghi nhận trước khi thành viên bỏ phiếu.", by=ballot.secretary,
            session=ballot.session, member=ballot.seats[2], nominee=ballot.hoa,
            reason=RecusalReason.OWN_UNIT)
    assert Recusal.objects.count() == 0


def test_other_conflicts_need_a_description(ballot):
    refused(services.record_recusal, "Ghi rõ xung đột lợi ích.", by=ballot.secretary,
            session=ballot.session, member=ballot.seats[2], nominee=ballot.hoa,
            reason=RecusalReason.OTHER, note="  ")


def test_a_present_member_gives_no_written_opinion(ballot):
    attend(ballot, 7)
    refused(services.record_written_opinions, "Võ Văn Hải có mặt tại phiên họp: chỉ thành viên "
            "vắng mặt mới gửi ý kiến bằng văn bản.", by=ballot.secretary,
            session=ballot.session, member=ballot.seats[1], opinions={ballot.hoa.pk: YES})


def test_paper_ballot_totals_replace_online_votes(ballot):
    ballot.session.paper_ballot = True
    ballot.session.save(update_fields=["paper_ballot"])
    attend(ballot, 9)
    services.record_recusal(by=ballot.secretary, session=ballot.session, member=ballot.seats[0],
                            nominee=ballot.other, reason=RecusalReason.OWN_CANDIDACY)
    services.open_session(by=ballot.secretary, session=ballot.session)
    refused(services.cast_ballot, "Phiên họp này bỏ phiếu bằng phiếu giấy.", by=ballot.users[1],
            session=ballot.session, choices={ballot.hoa.pk: YES})
    refused(services.close_session, "Nhập kết quả phiếu giấy của Nguyễn Thị Hoà trước khi kết "
            "thúc.", by=ballot.secretary, session=ballot.session)
    # Eight present may vote on Lê Thị Hòa (one stands aside): nine ballots are too many.
    refused(services.enter_paper_totals, "Lê Thị Hòa: nhập 9 phiếu, nhưng chỉ có 8 thành viên có "
            "mặt được bỏ phiếu cho trường hợp này.", by=ballot.secretary,
            session=ballot.session, totals={ballot.hoa.pk: (9, 0, 0), ballot.binh.pk: (5, 4, 0),
                                            ballot.other.pk: (8, 1, 0)})
    assert PaperTotal.objects.count() == 0
    services.enter_paper_totals(by=ballot.secretary, session=ballot.session,
                                totals={ballot.hoa.pk: (9, 0, 0), ballot.binh.pk: (5, 3, 1),
                                        ballot.other.pk: (7, 1, 0)})
    services.close_session(by=ballot.secretary, session=ballot.session)
    assert results(ballot.session) == [
        ("Nguyễn Thị Hoà", 10, 9, 9, 0, 0, 0, 0, 1, 0, 0, "ballot_90", True),
        ("Trần Văn Bình", 10, 9, 5, 3, 1, 0, 0, 1, 0, 0, "majority", True),
        ("Lê Thị Hòa", 10, 9, 7, 1, 0, 0, 0, 1, 1, 0, "ballot_80", False),
    ]


def test_an_online_session_takes_no_paper_totals(ballot):
    attend(ballot, 7)
    services.open_session(by=ballot.secretary, session=ballot.session)
    refused(services.enter_paper_totals, "Phiên họp này bỏ phiếu trực tuyến: không nhập kết quả "
            "phiếu giấy.", by=ballot.secretary, session=ballot.session,
            totals={ballot.hoa.pk: (1, 0, 0)})


def test_a_member_cannot_sit_twice(ballot):
    import datetime

    refused(services.add_member, "Võ Văn Hải đã là thành viên của hội đồng này.",
            by=ballot.secretary, council=ballot.council, user=ballot.users[1], role="member",
            valid_from=datetime.date(2025, 8, 1))


# -- concurrency ------------------------------------------------------------------------------
@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="SQLite serialises writers; the race needs two PostgreSQL sessions")
@pytest.mark.django_db(transaction=True)
def test_two_ballots_of_the_same_member_at_once_count_once(ballot):
    attend(ballot, 7)
    services.open_session(by=ballot.secretary, session=ballot.session)
    start, outcomes = threading.Barrier(2), []
    choices = {ballot.hoa.pk: YES, ballot.binh.pk: YES, ballot.other.pk: YES}

    def vote():
        start.wait()
        try:
            services.cast_ballot(by=ballot.users[1], session=ballot.session, choices=choices)
            outcomes.append("counted")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=vote) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["Bạn đã bỏ phiếu trong phiên họp này.", "counted"]
    assert (Participation.objects.count(), Vote.objects.count()) == (1, 3)


def test_the_database_refuses_a_second_participation(ballot):
    from django.db import IntegrityError, transaction

    Participation.objects.create(session=ballot.session, member=ballot.seats[1])
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(session=ballot.session, member=ballot.seats[1])
    assert Participation.objects.count() == 1


def test_only_runners_plan_sessions(ballot):
    stranger = UserFactory(role=Role.OFFICER)
    with pytest.raises(PermissionDenied):
        services.create_session(by=stranger, council=ballot.council, round=ballot.round,
                                date=ballot.session.date)
