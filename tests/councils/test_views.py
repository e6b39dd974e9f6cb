"""The council screens, as the secretary, a member, a reviewer and an outsider use them."""

import re

from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.councils.conftest import attend
from tests.factories import UserFactory
from thidua.accounts.choices import Role
from thidua.councils import services
from thidua.councils.choices import RecusalReason
from thidua.councils.models import Council, CouncilMember, Participation, Recusal, Session, Vote


def url(name: str, *args) -> str:
    return reverse(f"councils:{name}", args=args)


def opened(ballot, present: int = 8):
    attend(ballot, present)
    return services.open_session(by=ballot.secretary, session=ballot.session)


def test_members_see_their_council_in_the_menu_and_outsiders_do_not(client, ballot, officer):
    client.force_login(ballot.users[4])
    response = client.get(url("list"))
    assertContains(response, '<a class="dropdown-item" href="/quan-ly/hoi-dong/">Hội đồng</a>',
                   html=True)
    assertContains(response, f'<a href="/quan-ly/hoi-dong/{ballot.council.pk}/">'
                             "Hội đồng Thi đua – Khen thưởng tỉnh</a>", html=True)
    client.force_login(officer)
    response = client.get(url("list"))
    assertNotContains(response, 'href="/quan-ly/hoi-dong/"')
    assertNotContains(response, "Hội đồng Thi đua – Khen thưởng tỉnh")
    assert client.get(url("detail", ballot.council.pk)).status_code == 404
    assert client.get(url("session", ballot.session.pk)).status_code == 404


def test_a_reviewer_creates_a_council_and_seats_members(client, reviewer, tree, ballot):
    client.force_login(reviewer)
    response = client.post(url("create"), {
        "name": "Hội đồng Thi đua – Khen thưởng Sở Nội vụ", "organiser": tree.home_affairs.pk,
        "quorum_numerator": 4, "quorum_denominator": 5, "active": "on"})
    council = Council.objects.get(name="Hội đồng Thi đua – Khen thưởng Sở Nội vụ")
    assert response.status_code == 302 and response["Location"] == url("detail", council.pk)
    assert (council.quorum_numerator, council.quorum_denominator) == (4, 5)
    response = client.post(url("member_add", council.pk), {
        "user": ballot.users[3].pk, "full_name": "", "role": "chair", "valid_from": "01/01/2026"})
    assert response.status_code == 302
    assert list(council.members.values_list("full_name", "role")) == [
        ("Nguyễn Quốc Bảo", "chair")]
    response = client.post(url("member_add", council.pk), {
        "user": ballot.users[3].pk, "role": "member", "valid_from": "02/01/2026"})
    assertContains(response, "Nguyễn Quốc Bảo đã là thành viên của hội đồng này.")
    assert council.members.count() == 1


def test_a_quorum_above_one_is_refused_by_the_form(client, reviewer, tree):
    client.force_login(reviewer)
    response = client.post(url("create"), {
        "name": "Hội đồng thử", "organiser": tree.home_affairs.pk,
        "quorum_numerator": 4, "quorum_denominator": 3})
    assertContains(response, "Tỷ lệ dự họp tối thiểu phải là một phân số từ 0 đến 1, ví dụ 2/3.")
    assert not Council.objects.filter(name="Hội đồng thử").exists()


def test_members_and_officers_do_not_manage_councils(client, ballot, officer):
    client.force_login(ballot.users[4])
    assert client.get(url("create")).status_code == 403
    assert client.post(url("member_add", ballot.council.pk), {}).status_code == 403
    assert client.post(url("open", ballot.session.pk)).status_code == 403
    client.force_login(officer)
    assert client.get(url("create")).status_code == 403


def test_the_secretary_plans_a_session_takes_attendance_and_opens_the_ballot(client, ballot):
    client.force_login(ballot.secretary)
    response = client.post(url("session_create", ballot.council.pk), {
        "round": ballot.round.pk, "date": "15/12/2025"})
    session = Session.objects.exclude(pk=ballot.session.pk).get()
    assert response["Location"] == url("session", session.pk)
    present = [seat.pk for seat in ballot.seats[:6]]
    client.post(url("attendance", session.pk), {"present": present})
    response = client.post(url("open", session.pk), follow=True)
    assertContains(response, "Chưa đủ số thành viên dự họp: có mặt 6/10 thành viên, cần ít nhất 7 "
                             "(2/3 tổng số thành viên).")
    client.post(url("attendance", session.pk), {"present": present + [ballot.seats[6].pk]})
    response = client.post(url("open", session.pk), follow=True)
    assertContains(response, "Đã mở bỏ phiếu.")
    assertContains(response, "Có mặt 7/10 thành viên; cần tối thiểu 7.")
    assertContains(response, '<button class="btn btn-danger" type="submit">Kết thúc và kiểm phiếu'
                             "</button>", html=True)


def test_a_member_votes_once_and_gets_a_receipt(client, ballot):
    opened(ballot)
    client.force_login(ballot.users[4])
    page = client.get(url("ballot", ballot.session.pk))
    assertContains(page, "<td>Nguyễn Thị Hoà</td>", html=True)
    assertContains(page, '<span class="badge text-bg-success td-verdict">Đủ điều kiện</span>',
                   count=3, html=True)
    choices = {f"n{ballot.hoa.pk}": "yes", f"n{ballot.binh.pk}": "no",
               f"n{ballot.other.pk}": "abstain"}
    response = client.post(url("ballot", ballot.session.pk), choices)
    assertContains(response, "Phiếu của bạn đã được ghi nhận")
    assert response["Cache-Control"].startswith("max-age=0")
    code = re.search(r"[A-Z2-9]{5}(?:-[A-Z2-9]{5}){3}", response.content.decode()).group()
    again = client.post(url("ballot", ballot.session.pk), choices)
    assertContains(again, "Bạn đã bỏ phiếu trong phiên họp này.")
    assert (Participation.objects.count(), Vote.objects.count()) == (1, 3)
    check = client.post(url("receipt"), {"code": code})
    assertContains(check, "<tr><td>Trần Văn Bình</td><td>Bằng khen của Chủ tịch Ủy ban nhân dân "
                          "tỉnh (cá nhân)</td><td>Không đồng ý</td></tr>", html=True)
    assertContains(check, "Đang bỏ phiếu: các lựa chọn này sẽ được tính khi kết thúc bỏ phiếu.")
    unknown = client.post(url("receipt"), {"code": "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ"})
    assertContains(unknown, "Không có phiếu nào được ghi nhận với mã biên nhận này.")


def test_an_incomplete_ballot_names_the_missing_nominee_and_writes_nothing(client, ballot):
    opened(ballot)
    client.force_login(ballot.users[4])
    response = client.post(url("ballot", ballot.session.pk), {f"n{ballot.hoa.pk}": "yes"})
    assertContains(response, "Chọn đồng ý, không đồng ý hoặc không biểu quyết cho Trần Văn Bình.")
    assert Participation.objects.count() == 0


def test_a_recused_member_sees_the_nominee_without_a_choice(client, ballot):
    services.record_recusal(by=ballot.secretary, session=ballot.session, member=ballot.seats[4],
                            nominee=ballot.other, reason=RecusalReason.FAMILY)
    opened(ballot)
    client.force_login(ballot.users[4])
    page = client.get(url("ballot", ballot.session.pk))
    assertContains(page, "Bạn không tham gia xét trường hợp này.", count=1)
    assertNotContains(page, f'name="n{ballot.other.pk}"')
    # A forged post with the recused nominee is refused and nothing is written.
    response = client.post(url("ballot", ballot.session.pk), {
        f"n{ballot.hoa.pk}": "yes", f"n{ballot.binh.pk}": "yes", f"n{ballot.other.pk}": "yes"})
    assertContains(response, "Phiếu của bạn đã được ghi nhận")
    assert Vote.objects.filter(nominee=ballot.other).count() == 0


def test_a_non_member_administrator_cannot_vote(client, ballot, admin_user):
    opened(ballot)
    client.force_login(admin_user)
    page = client.get(url("ballot", ballot.session.pk))
    assertContains(page, "Bạn không phải là thành viên của hội đồng này nên không thể bỏ phiếu.")
    response = client.post(url("ballot", ballot.session.pk), {
        f"n{ballot.hoa.pk}": "yes", f"n{ballot.binh.pk}": "yes", f"n{ballot.other.pk}": "yes"})
    assertContains(response, "Bạn không phải là thành viên của hội đồng này nên không thể bỏ phiếu.")
    assert Participation.objects.count() == 0


def test_recusal_and_written_opinion_screens(client, ballot):
    attend(ballot, 8)
    client.force_login(ballot.secretary)
    response = client.post(url("recusal", ballot.session.pk), {
        "member": ballot.seats[2].pk, "target": f"p{ballot.phu_quy.pk}", "reason": "other",
        "note": ""})
    assertContains(response, "Ghi rõ xung đột lợi ích.")
    response = client.post(url("recusal", ballot.session.pk), {
        "member": ballot.seats[2].pk, "target": f"p{ballot.phu_quy.pk}", "reason": "own_unit"},
        follow=True)
    assertContains(response, "Đã ghi nhận không tham gia xét.")
    assertContains(response, "<li>Đỗ Thị Minh Tâm — cả hồ sơ phu-quy/TTr – UBND huyện Phú Quý: "
                             "Người được đề nghị thuộc đơn vị của thành viên</li>", html=True)
    page = client.get(url("written", ballot.session.pk))
    assertContains(page, f'<option value="{ballot.seats[8].pk}">Bùi Văn Thịnh (Ủy viên)</option>',
                   html=True)
    assertNotContains(page, "Võ Văn Hải (Ủy viên)")  # present: no written opinion
    response = client.post(url("written", ballot.session.pk), {
        "member": ballot.seats[8].pk, f"n{ballot.hoa.pk}": "yes", f"n{ballot.other.pk}": "no"},
        follow=True)
    assertContains(response, "Đã ghi nhận 2 ý kiến bằng văn bản của Bùi Văn Thịnh.")


def test_closing_shows_the_minutes(client, ballot):
    services.record_recusal(by=ballot.secretary, session=ballot.session, member=ballot.seats[3],
                            nominee=ballot.hoa, reason=RecusalReason.OWN_UNIT)
    opened(ballot)
    for user in ballot.users[:8]:
        client.force_login(user)
        choices = {f"n{ballot.binh.pk}": "yes", f"n{ballot.other.pk}": "yes"}
        if user != ballot.users[3]:
            choices[f"n{ballot.hoa.pk}"] = "yes"
        client.post(url("ballot", ballot.session.pk), choices)
    client.force_login(ballot.secretary)
    response = client.post(url("close", ballot.session.pk), follow=True)
    assert response.redirect_chain == [(url("minutes", ballot.session.pk), 302)]
    assertContains(response, "Đã kết thúc bỏ phiếu: 2/3 trường hợp đạt.")
    assertContains(response, "BIÊN BẢN KIỂM PHIẾU")
    assertContains(response, "Tỉnh Lâm Đồng, ngày 10 tháng 12 năm 2025")
    assertContains(response, "Hội đồng Thi đua – Khen thưởng tỉnh họp ngày 10 tháng 12 năm 2025. "
                             "Hội đồng có 10 thành viên; có mặt 8 thành viên (dự họp tối thiểu: 2/3 "
                             "tổng số thành viên).")
    assertContains(response, "Nguyễn Quốc Bảo — Nguyễn Thị Hoà (Người được đề nghị thuộc đơn vị "
                             "của thành viên)")
    assertContains(response, "<td>≥ 90% tổng số thành viên (9 phiếu)</td>", html=True)
    assertContains(response, "<td><strong>Không đạt</strong></td>", count=1, html=True)
    assertContains(response, "<td><strong>Đạt</strong></td>", count=2, html=True)
    assertContains(response, "Kết quả: 2 trường hợp đạt, 1 trường hợp không đạt.")
    again = client.post(url("close", ballot.session.pk), follow=True)
    assertContains(again, "Phiên bỏ phiếu này đã được kết thúc trước đó.")


def test_the_minutes_wait_for_the_close(client, ballot):
    client.force_login(ballot.users[5])
    response = client.get(url("minutes", ballot.session.pk), follow=True)
    assertContains(response, "Biên bản kiểm phiếu chỉ có sau khi kết thúc bỏ phiếu.")


def test_paper_totals_screen_refuses_more_ballots_than_members_present(client, ballot):
    ballot.session.paper_ballot = True
    ballot.session.save(update_fields=["paper_ballot"])
    opened(ballot, present=7)
    client.force_login(ballot.secretary)
    data = {f"n{n.pk}_{part}": 0 for n in (ballot.hoa, ballot.binh, ballot.other)
            for part in ("yes", "no", "abstain")}
    response = client.post(url("paper", ballot.session.pk), {**data, f"n{ballot.hoa.pk}_yes": 8})
    assertContains(response, "Nguyễn Thị Hoà: nhập 8 phiếu, nhưng chỉ có 7 thành viên có mặt được "
                             "bỏ phiếu cho trường hợp này.")
    response = client.post(url("paper", ballot.session.pk), {**data, f"n{ballot.hoa.pk}_yes": -1})
    assertContains(response, "Số phiếu không được âm.")
    response = client.post(url("paper", ballot.session.pk), {**data, f"n{ballot.hoa.pk}_yes": 7},
                           follow=True)
    assertContains(response, "Đã lưu kết quả kiểm phiếu giấy.")
    member = client.get(url("session", ballot.session.pk))
    assertContains(member, '<span class="badge text-bg-warning">phiếu giấy</span>', html=True)


def test_ending_a_membership(client, ballot, tree):
    client.force_login(UserFactory(role=Role.REVIEWER, unit=tree.lam_dong))
    seat = ballot.seats[9]
    response = client.post(url("member_end", seat.pk), {"on": "31/12/2025"}, follow=True)
    assertContains(response, "Ngô Thị Mai thôi là thành viên từ sau ngày 31/12/2025.")
    assert str(CouncilMember.objects.get(pk=seat.pk).valid_to) == "2025-12-31"


def test_the_secretary_withdraws_a_recusal_and_marks_a_late_arrival_on_the_session_page(
        client, ballot):
    recusal = services.record_recusal(by=ballot.secretary, session=ballot.session,
                                      member=ballot.seats[3], nominee=ballot.hoa,
                                      reason=RecusalReason.OWN_UNIT)
    opened(ballot, 7)
    client.force_login(ballot.secretary)
    page = client.get(url("session", ballot.session.pk))
    assertContains(page, f'<option value="{recusal.pk}">Nguyễn Quốc Bảo — Nguyễn Thị Hoà</option>',
                   html=True)
    assertContains(page, "Ghi nhận đã đến (được bỏ phiếu khi phiếu bầu còn mở)")
    response = client.post(url("recusal_withdraw", ballot.session.pk),
                           {"recusal": recusal.pk, "reason": ""}, follow=True)
    assertContains(response, "Hãy ghi lý do rút việc không tham gia xét.")
    assert not hasattr(Recusal.objects.get(pk=recusal.pk), "withdrawal")
    client.post(url("recusal_withdraw", ballot.session.pk),
                {"recusal": recusal.pk, "reason": "Nhầm đơn vị"})
    response = client.post(url("late_arrival", ballot.session.pk),
                           {"member": ballot.seats[8].pk}, follow=True)
    assertContains(response, "Bùi Văn Thịnh đã có mặt và được bỏ phiếu.")
    assertContains(response, "Có mặt 8/10 thành viên; cần tối thiểu 7.")
    assertContains(response, "đã rút trước khi bỏ phiếu: Nhầm đơn vị")
    assertContains(response, "đến muộn")
    client.force_login(ballot.users[8])
    assertContains(client.get(url("ballot", ballot.session.pk)), "Trần Văn Bình")
    client.force_login(ballot.users[5])
    assert client.post(url("late_arrival", ballot.session.pk),
                       {"member": ballot.seats[9].pk}).status_code == 403


def test_the_secretary_orders_a_revote_from_the_closed_session(client, ballot):
    opened(ballot, 8)
    services.close_session(by=ballot.secretary, session=ballot.session)
    client.force_login(ballot.secretary)
    assertContains(client.get(url("session", ballot.session.pk)), url("revote", ballot.session.pk))
    response = client.post(url("revote", ballot.session.pk), {"reason": "Hòa phiếu"})
    assertContains(response, "Hãy chọn những người được bỏ phiếu lại.")
    response = client.post(url("revote", ballot.session.pk),
                           {"nominees": [ballot.binh.pk], "reason": "Hòa phiếu", "date": ""})
    revote = Session.objects.get(revote_of=ballot.session)
    assert response["Location"] == url("session", revote.pk)
    page = client.get(url("session", revote.pk))
    assertContains(page, "Bỏ phiếu lại đối với một số người của")
    assertContains(page, "Trần Văn Bình")
    assertNotContains(page, "Lê Thị Hòa")
