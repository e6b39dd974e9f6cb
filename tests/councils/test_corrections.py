"""Corrections of a session, each a new record beside what it corrects: a recusal withdrawn
before the member votes, a member who arrives after the opening, a re-vote of chosen nominees
whose results supersede the earlier ones — and the out-of-order requests, refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.councils.conftest import attend, vote_all
from tests.documents.conftest import opened, texts
from thidua.awards import services as award_services
from thidua.awards.models import Award
from thidua.core.models import AuditEntry
from thidua.councils import queries, services
from thidua.councils.choices import RecusalReason, SessionState
from thidua.councils.models import (
    Attendance,
    LateArrival,
    Participation,
    Recusal,
    RecusalWithdrawal,
    Result,
    Session,
    Vote,
)
from thidua.proposals.choices import State

YES, NO, ABSTAIN = "yes", "no", "abstain"


def refused(function, message: str, **kwargs) -> None:
    before = (RecusalWithdrawal.objects.count(), LateArrival.objects.count(),
              Session.objects.count(), Recusal.objects.count(), Attendance.objects.count())
    with pytest.raises(ValidationError) as error:
        function(**kwargs)
    assert error.value.messages == [message]
    assert (RecusalWithdrawal.objects.count(), LateArrival.objects.count(),
            Session.objects.count(), Recusal.objects.count(),
            Attendance.objects.count()) == before


def recuse(ballot, seat: int = 3, **target):
    return services.record_recusal(by=ballot.secretary, session=ballot.session,
                                   member=ballot.seats[seat], reason=RecusalReason.OWN_UNIT,
                                   **(target or {"nominee": ballot.hoa}))


# -- (a) a recusal withdrawn ---------------------------------------------------------------------
def test_a_withdrawn_recusal_lets_the_member_vote_and_stays_in_the_minutes(ballot):
    attend(ballot, 9)
    recusal = recuse(ballot)
    services.open_session(by=ballot.secretary, session=ballot.session)
    services.withdraw_recusal(by=ballot.secretary, recusal=recusal,
                              reason="Nhầm đơn vị: ông Bảo không cùng đơn vị với bà Hoà")
    vote_all(ballot, ballot.users[:9], {ballot.hoa: YES, ballot.binh: YES, ballot.other: YES})
    tallies = services.close_session(by=ballot.secretary, session=ballot.session)
    assert [(t.yes, t.recused, t.approved) for t in tallies] == [
        (9, 0, True), (9, 0, True), (9, 0, True)]
    assert Recusal.objects.filter(session=ballot.session).count() == 1
    assert [(r.member, r.withdrawn) for r in queries.minutes(ballot.session).recusals] == [
        ("Nguyễn Quốc Bảo", "Nhầm đơn vị: ông Bảo không cùng đơn vị với bà Hoà")]
    entry = AuditEntry.objects.get(action="thidua.council.recusal_withdrawn")
    assert (entry.actor, entry.summary) == (ballot.secretary,
                                            "Đã rút việc không tham gia xét của Nguyễn Quốc Bảo")


def test_a_recusal_is_not_withdrawn_after_the_member_voted_twice_or_without_a_reason(ballot):
    attend(ballot, 8)
    recusal = recuse(ballot)
    refused(services.withdraw_recusal, "Hãy ghi lý do rút việc không tham gia xét.",
            by=ballot.secretary, recusal=recusal, reason="  ")
    services.open_session(by=ballot.secretary, session=ballot.session)
    vote_all(ballot, [ballot.users[3]], {ballot.binh: YES, ballot.other: YES})
    refused(services.withdraw_recusal,
            "Nguyễn Quốc Bảo đã bỏ phiếu: chỉ được rút việc không tham gia xét trước khi thành viên "
            "bỏ phiếu.", by=ballot.secretary, recusal=recusal, reason="Nhầm")
    second = recuse(ballot, seat=4)
    services.withdraw_recusal(by=ballot.secretary, recusal=second, reason="Nhầm người")
    refused(services.withdraw_recusal, "Việc không tham gia xét này đã được rút.",
            by=ballot.secretary, recusal=second, reason="Nhầm người")
    # Withdrawn, it may be recorded again (a new row).
    recuse(ballot, seat=4)
    assert Recusal.objects.in_force().filter(session=ballot.session).count() == 2


def test_a_plain_member_cannot_withdraw_and_nothing_after_the_close(ballot):
    from django.core.exceptions import PermissionDenied

    attend(ballot, 8)
    recusal = recuse(ballot)
    with pytest.raises(PermissionDenied):
        services.withdraw_recusal(by=ballot.users[5], recusal=recusal, reason="Nhầm")
    services.open_session(by=ballot.secretary, session=ballot.session)
    services.close_session(by=ballot.secretary, session=ballot.session)
    refused(services.withdraw_recusal, "Phiên họp này đã kết thúc bỏ phiếu.",
            by=ballot.secretary, recusal=recusal, reason="Nhầm")


# -- (b) a late arrival --------------------------------------------------------------------------
def test_a_member_arriving_late_is_present_and_votes_while_the_ballot_is_open(ballot):
    attend(ballot, 7)
    services.open_session(by=ballot.secretary, session=ballot.session)
    late = ballot.seats[8]
    services.record_late_arrival(by=ballot.secretary, session=ballot.session, member=late)
    assert queries.is_present(ballot.session, late)
    assert Attendance.objects.get(session=ballot.session, member=late).present is False
    entry = AuditEntry.objects.get(action="thidua.council.late_arrival")
    assert entry.summary == "Bùi Văn Thịnh đến muộn: 8/10 thành viên có mặt"
    vote_all(ballot, ballot.users[:7] + [ballot.users[8]],
             {ballot.hoa: YES, ballot.binh: YES, ballot.other: YES})
    tallies = services.close_session(by=ballot.secretary, session=ballot.session)
    assert [(t.present, t.yes, t.absent_without_opinion, t.approved) for t in tallies] == [
        (8, 8, 2, False), (8, 8, 2, True), (8, 8, 2, True)]
    minutes = queries.minutes(ballot.session)
    assert (len(minutes.present), minutes.late) == (8, ["Bùi Văn Thịnh (ủy viên)"])


def test_a_late_arrival_out_of_order_is_refused(ballot):
    attend(ballot, 7)
    refused(services.record_late_arrival,
            "Phiếu bầu chưa mở: hãy đánh dấu Bùi Văn Thịnh có mặt trong phần điểm danh.",
            by=ballot.secretary, session=ballot.session, member=ballot.seats[8])
    services.record_written_opinions(by=ballot.secretary, session=ballot.session,
                                     member=ballot.seats[9], opinions={ballot.hoa.pk: YES})
    services.open_session(by=ballot.secretary, session=ballot.session)
    refused(services.record_late_arrival, "Phạm Thị Thu Trang đã được ghi nhận có mặt.",
            by=ballot.secretary, session=ballot.session, member=ballot.seats[0])
    refused(services.record_late_arrival,
            "Ngô Thị Mai đã có ý kiến bằng văn bản cho phiên họp này với tư cách vắng mặt: hãy "
            "nhập lại ý kiến đó để trống trước khi ghi nhận có mặt.",
            by=ballot.secretary, session=ballot.session, member=ballot.seats[9])
    services.record_late_arrival(by=ballot.secretary, session=ballot.session,
                                 member=ballot.seats[8])
    refused(services.record_late_arrival, "Bùi Văn Thịnh đã được ghi nhận có mặt.",
            by=ballot.secretary, session=ballot.session, member=ballot.seats[8])
    services.close_session(by=ballot.secretary, session=ballot.session)
    refused(services.record_late_arrival, "Phiên họp này đã kết thúc bỏ phiếu.",
            by=ballot.secretary, session=ballot.session, member=ballot.seats[7])


# -- (c) a re-vote -------------------------------------------------------------------------------
def closed_with_a_tie(ballot):
    """Nine present; Nguyễn Quốc Bảo stands aside for Trần Văn Bình (majority), who gets 4 yes
    and 4 no: not approved."""
    attend(ballot, 9)
    recuse(ballot, seat=3, nominee=ballot.binh)
    services.open_session(by=ballot.secretary, session=ballot.session)
    users = ballot.users
    vote_all(ballot, users[:3] + users[4:5], {ballot.hoa: YES, ballot.binh: YES,
                                               ballot.other: YES})
    codes = vote_all(ballot, users[5:9], {ballot.hoa: YES, ballot.binh: NO, ballot.other: YES})
    vote_all(ballot, [users[3]], {ballot.hoa: YES, ballot.other: YES})
    services.close_session(by=ballot.secretary, session=ballot.session)
    return codes


def test_a_revote_supersedes_the_earlier_result_which_stays_shown(ballot):
    old_codes = closed_with_a_tie(ballot)
    ballot.binh.refresh_from_db()
    assert ballot.binh.outcome == "rejected"
    revote = services.order_revote(by=ballot.secretary, session=ballot.session,
                                   nominees=[ballot.binh],
                                   reason="Hòa phiếu do một thành viên bỏ phiếu nhầm")
    assert (revote.state, revote.date, revote.revote_of, list(revote.agenda.all())) == (
        SessionState.PLANNED, ballot.session.date, ballot.session, [ballot.binh])
    # Same meeting: who was present carries over, the recusal too (as a new row).
    assert Attendance.objects.filter(session=revote, present=True).count() == 9
    assert list(Recusal.objects.filter(session=revote).values_list(
        "member__full_name", "nominee__name")) == [("Nguyễn Quốc Bảo", "Trần Văn Bình")]
    services.open_session(by=ballot.secretary, session=revote)
    users = ballot.users
    codes = [services.cast_ballot(by=user, session=revote, choices={ballot.binh.pk: YES})
             for user in users[:3] + users[4:9]]
    services.close_session(by=ballot.secretary, session=revote)

    ballot.binh.refresh_from_db()
    assert ballot.binh.outcome == "approved"
    assert list(Result.objects.filter(nominee=ballot.binh).order_by("session_id").values_list(
        "session_id", "yes", "no", "approved")) == [
        (ballot.session.pk, 4, 4, False), (revote.pk, 8, 0, True)]
    # The earlier votes are kept; each round has its own participation and receipts.
    assert Vote.objects.filter(session=ballot.session, nominee=ballot.binh).count() == 8
    assert Participation.objects.filter(session=revote).count() == 8
    old = queries.check_receipt(old_codes[0])
    assert [(n.name, c, r) for n, c, r in old.lines] == [
        ("Nguyễn Thị Hoà", "Đồng ý", None), ("Trần Văn Bình", "Không đồng ý", revote),
        ("Lê Thị Hòa", "Đồng ý", None)]
    assert [(n.name, c, r) for n, c, r in queries.check_receipt(codes[0]).lines] == [
        ("Trần Văn Bình", "Đồng ý", None)]
    earlier = queries.minutes(ballot.session)
    assert [(line.name, line.approved, line.superseded_by) for line in earlier.lines] == [
        ("Nguyễn Thị Hoà", True, None), ("Trần Văn Bình", False, revote),
        ("Lê Thị Hòa", True, None)]
    later = queries.minutes(revote)
    assert (later.revote_of, later.revote_reason, [line.name for line in later.lines]) == (
        ballot.session, "Hòa phiếu do một thành viên bỏ phiếu nhầm", ["Trần Văn Bình"])
    ballot.phu_quy.refresh_from_db()
    assert ballot.phu_quy.state == State.VOTED


def test_a_revote_out_of_order_is_refused(ballot):
    attend(ballot, 8)
    services.open_session(by=ballot.secretary, session=ballot.session)
    refused(services.order_revote,
            "Chỉ được quyết định bỏ phiếu lại khi phiếu bầu đã kết thúc và kiểm phiếu: hãy kết "
            "thúc phiếu bầu này trước.",
            by=ballot.secretary, session=ballot.session, nominees=[ballot.binh], reason="Hòa")
    vote_all(ballot, ballot.users[:8], {ballot.hoa: YES, ballot.binh: YES, ballot.other: YES})
    services.close_session(by=ballot.secretary, session=ballot.session)
    refused(services.order_revote,
            "Hãy ghi lý do Hội đồng quyết định bỏ phiếu lại (hòa phiếu, sai sót về thủ tục…).",
            by=ballot.secretary, session=ballot.session, nominees=[ballot.binh], reason=" ")
    refused(services.order_revote, "Hãy chọn những người được bỏ phiếu lại.",
            by=ballot.secretary, session=ballot.session, nominees=[], reason="Hòa")
    revote = services.order_revote(by=ballot.secretary, session=ballot.session,
                                   nominees=[ballot.binh], reason="Sai sót thủ tục",
                                   date=datetime.date(2025, 12, 12))
    assert Attendance.objects.filter(session=revote, present=True).count() == 0
    refused(services.order_revote, "Trần Văn Bình đang có một lần bỏ phiếu lại đã lên kế hoạch "
            "hoặc đang mở.",
            by=ballot.secretary, session=ballot.session, nominees=[ballot.binh], reason="Hòa")
    attend_revote = {seat.pk for seat in ballot.seats[:8]}
    services.set_attendance(by=ballot.secretary, session=revote, present=attend_revote)
    services.open_session(by=ballot.secretary, session=revote)
    for user in ballot.users[:8]:
        services.cast_ballot(by=user, session=revote, choices={ballot.binh.pk: NO})
    services.close_session(by=ballot.secretary, session=revote)
    refused(services.order_revote, "Trần Văn Bình đã được bỏ phiếu lại (phiên họp ngày "
            "12/12/2025): hãy quyết định bỏ phiếu lại từ phiên họp đó.",
            by=ballot.secretary, session=ballot.session, nominees=[ballot.binh], reason="Hòa")
    refused(services.order_revote, "Nguyễn Thị Hoà không được bỏ phiếu trong phiên họp này.",
            by=ballot.secretary, session=revote, nominees=[ballot.hoa], reason="Hòa")


def test_no_revote_once_the_dossier_is_decided(ballot):
    attend(ballot, 8)
    services.open_session(by=ballot.secretary, session=ballot.session)
    services.close_session(by=ballot.secretary, session=ballot.session)
    ballot.phu_quy.state = State.DECIDED
    ballot.phu_quy.save(update_fields=["state"])
    refused(services.order_revote,
            "Trần Văn Bình không thể bỏ phiếu lại nữa: hồ sơ phu-quy/TTr – UBND huyện Phú Quý đã "
            "có quyết định hoặc đã chuyển lên cấp trên.",
            by=ballot.secretary, session=ballot.session, nominees=[ballot.binh], reason="Hòa")


def test_the_minutes_documents_say_what_the_revote_changed(client, ballot):
    closed_with_a_tie(ballot)
    revote = services.order_revote(by=ballot.secretary, session=ballot.session,
                                   nominees=[ballot.binh], reason="Hòa phiếu.")
    services.open_session(by=ballot.secretary, session=revote)
    for user in ballot.users[:3] + ballot.users[4:9]:
        services.cast_ballot(by=user, session=revote, choices={ballot.binh.pk: YES})
    services.close_session(by=ballot.secretary, session=revote)
    client.force_login(ballot.secretary)

    earlier = texts(opened(client.get(reverse("documents:minutes",
                                              args=[ballot.session.pk])).content))
    assert ("Nguyễn Quốc Bảo không tham gia bỏ phiếu đối với Trần Văn Bình "
            "(Người được đề nghị thuộc đơn vị của thành viên).") in earlier
    assert ("Có 02 trường hợp đạt tỷ lệ phiếu đồng ý theo quy định và 01 trường hợp không đạt. "
            "Kết quả của 01 trường hợp đã được thay thế bằng kết quả bỏ phiếu lại ngày "
            "10/12/2025.") in earlier
    later = texts(opened(client.get(reverse("documents:minutes", args=[revote.pk])).content))
    assert ("Bỏ phiếu lại đối với một số trường hợp của phiên họp ngày 10/12/2025; lý do: "
            "Hòa phiếu.") in later
    page = client.get(reverse("councils:minutes", args=[ballot.session.pk])).content.decode()
    assert "Trong đó, 1 kết quả đã được thay thế bằng kết quả bỏ phiếu lại." in page


def test_a_pending_revote_holds_back_the_decision(ballot, tree, admin_user):
    closed_with_a_tie(ballot)
    draft = award_services.draft_decision(by=admin_user, round=ballot.round,
                                          proposals=[ballot.phu_quy], issuer=tree.lam_dong,
                                          date=datetime.date(2025, 12, 20))
    revote = services.order_revote(by=ballot.secretary, session=ballot.session,
                                   nominees=[ballot.binh], reason="Hòa phiếu")
    pending = ("Hội đồng sẽ bỏ phiếu lại đối với Trần Văn Bình (phiên họp ngày 10/12/2025): hãy "
               "kết thúc phiếu bầu đó trước khi quyết định.")
    with pytest.raises(ValidationError) as error:
        award_services.issue_decision(by=admin_user, draft=draft)
    assert pending in error.value.messages
    assert not Award.objects.exists()
    award_services.cancel_draft(by=admin_user, draft=draft, version=None)
    with pytest.raises(ValidationError) as error:
        award_services.draft_decision(by=admin_user, round=ballot.round,
                                      proposals=[ballot.phu_quy], issuer=tree.lam_dong,
                                      date=datetime.date(2025, 12, 20))
    assert error.value.messages == [pending]

    services.open_session(by=ballot.secretary, session=revote)
    for user in ballot.users[:3] + ballot.users[4:9]:
        services.cast_ballot(by=user, session=revote, choices={ballot.binh.pk: YES})
    services.close_session(by=ballot.secretary, session=revote)
    draft = award_services.draft_decision(by=admin_user, round=ballot.round,
                                          proposals=[ballot.phu_quy], issuer=tree.lam_dong,
                                          date=datetime.date(2025, 12, 20))
    assert list(draft.lines.values_list("name", flat=True)) == ["Nguyễn Thị Hoà",
                                                                "Trần Văn Bình"]
