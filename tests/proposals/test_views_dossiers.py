"""The dossier screens: the list in scope with filters and a pinned query count, the page with
its buttons and history, the workflow buttons (stale pages get a message, never a 500)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory, make_award, make_decision, make_proposal
from tests.proposals.conftest import counts, snapshot_of
from thidua.accounts.choices import Role
from thidua.proposals import services
from thidua.proposals.choices import State
from thidua.proposals.models import Proposal


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def lines(dossier, rated, zone_officer, ldtt):
    services.add_nominee(by=zone_officer, proposal=dossier, person=rated.hoa, award_type=ldtt)
    services.add_nominee(by=zone_officer, proposal=dossier, person=rated.binh, award_type=ldtt,
                         justification="Có thành tích trong phòng chống bão số 9")
    dossier.refresh_from_db()
    return dossier


@pytest.fixture
def elsewhere(round_, tree, other_officer):
    """A dossier of Phan Thiết: what the officer of Phú Quý must never see."""
    return make_proposal(round_, tree.phan_thiet, by=other_officer, title="Tờ trình Phan Thiết",
                         number="99/TTr-UBND")


def test_the_officer_lists_only_the_dossiers_of_their_scope(dossier, elsewhere, zone_officer):
    page = client_for(zone_officer).get(reverse("proposals:list"))
    assert page.status_code == 200
    assert [row["proposal"].pk for row in page.context["rows"]] == [dossier.pk]
    assert "Tờ trình Phan Thiết" not in page.content.decode()


def test_the_reviewer_lists_every_dossier_and_filters_them(dossier, elsewhere,
                                                           province_reviewer):
    client = client_for(province_reviewer)
    listed = client.get(reverse("proposals:list"))
    assert {row["proposal"].pk for row in listed.context["rows"]} == {dossier.pk, elsewhere.pk}
    by_text = client.get(reverse("proposals:list"), {"q": "phan thiet"})
    assert [row["proposal"].pk for row in by_text.context["rows"]] == [elsewhere.pk]
    by_unit = client.get(reverse("proposals:list"), {"unit": dossier.unit_id})
    assert [row["proposal"].pk for row in by_unit.context["rows"]] == [dossier.pk]
    by_state = client.get(reverse("proposals:list"), {"state": State.SUBMITTED})
    assert by_state.context["rows"] == []


def test_an_officer_cannot_filter_on_a_unit_outside_the_scope(dossier, elsewhere, zone_officer,
                                                              tree):
    page = client_for(zone_officer).get(reverse("proposals:list"), {"unit": tree.phan_thiet.pk})
    assert [row["proposal"].pk for row in page.context["rows"]] == [dossier.pk]
    assert "Đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn." in page.content.decode()


def test_the_list_takes_the_same_queries_whatever_the_number_of_dossiers(
        round_, tree, zone_officer, province_reviewer, django_assert_num_queries, settings):
    settings.PAGE_SIZE = 5
    for number in range(3):
        make_proposal(round_, tree.special_zone, by=zone_officer, number=f"{number}/TTr")
    client = client_for(province_reviewer)
    client.get(reverse("proposals:list"))  # the user's scope, cached per request anyway
    with django_assert_num_queries(13):
        client.get(reverse("proposals:list"), {"round": round_.pk})
    for number in range(3, 12):
        make_proposal(round_, tree.special_zone, by=zone_officer, number=f"{number}/TTr")
    with django_assert_num_queries(13):
        page = client.get(reverse("proposals:list"), {"round": round_.pk, "page": 2})
    assert len(page.context["rows"]) == 5


def test_the_page_shows_lines_verdicts_justification_and_buttons(lines, zone_officer):
    page = client_for(zone_officer).get(reverse("proposals:detail", args=[lines.pk]))
    html = page.content.decode()
    assert [shown["label"] for shown in page.context["lines"]] == ["Đủ điều kiện",
                                                                   "Không đủ điều kiện"]
    assert "Có thành tích trong phòng chống bão số 9" in html
    assert [action["name"] for action in page.context["actions"]] == ["submit", "withdraw"]
    assert f'name="version" value="{lines.version}"' in html
    assert "Luật Thi đua, khen thưởng" in html


def test_the_reviewer_sees_the_justification_and_no_edit_button(lines, zone_officer,
                                                                province_reviewer):
    services.act(lines, "submit", by=zone_officer, version=lines.version)
    page = client_for(province_reviewer).get(reverse("proposals:detail", args=[lines.pk]))
    html = page.content.decode()
    assert "Có thành tích trong phòng chống bão số 9" in html
    assert page.context["editable"] is False
    assert [action["name"] for action in page.context["actions"]] == ["receive", "return"]


def test_leaders_and_council_members_read_only(lines, tree, council_member):
    leader = UserFactory(username="lanhdao-ld", role=Role.LEADER, unit=tree.lam_dong)
    for user in (leader, council_member):
        page = client_for(user).get(reverse("proposals:detail", args=[lines.pk]))
        assert page.status_code == 200
        assert (page.context["actions"], page.context["editable"]) == ([], False)


def test_a_decided_dossier_links_to_its_decision_for_those_who_may_open_it(
        dossier, tree, people, zone_officer, province_reviewer):
    decision = make_decision("7/QĐ-UBND", datetime.date(2026, 1, 15), issuer=tree.lam_dong)
    Proposal.objects.filter(pk=dossier.pk).update(state=State.DECIDED, decision=decision)
    address = reverse("awards:decision_detail", args=[decision.pk])

    # Nothing of the decision lies in the officer's scope yet: its number, without a link.
    page = client_for(zone_officer).get(reverse("proposals:detail", args=[dossier.pk]))
    assert "7/QĐ-UBND ngày 15/01/2026" in page.content.decode()
    assert address not in page.content.decode()

    make_award("ldtt", person=people.hoa, year=2025, decision=decision)
    for user in (zone_officer, province_reviewer):
        client = client_for(user)
        page = client.get(reverse("proposals:detail", args=[dossier.pk]))
        assert f'href="{address}" id="decision-link">7/QĐ-UBND ngày 15/01/2026</a>' in \
            page.content.decode()
        assert client.get(address).status_code == 200


def test_another_units_dossier_is_not_found(lines, other_officer):
    client = client_for(other_officer)
    assert client.get(reverse("proposals:detail", args=[lines.pk])).status_code == 404
    response = client.post(reverse("proposals:act", args=[lines.pk, "withdraw"]),
                           {"withdraw-version": lines.version, "withdraw-note": "x"})
    assert response.status_code == 404


def test_submitting_through_the_button(lines, zone_officer):
    response = client_for(zone_officer).post(
        reverse("proposals:act", args=[lines.pk, "submit"]), {"submit-version": lines.version},
        follow=True)
    assert response.status_code == 200
    assert snapshot_of(lines).state == State.SUBMITTED
    assert "Đã thực hiện: Trình." in response.content.decode()


def test_a_stale_page_gets_the_conflict_message_and_nothing_changes(lines, zone_officer,
                                                                   admin_user):
    stale = lines.version
    services.update_proposal(by=admin_user, proposal=lines, title="Tờ trình (sửa)",
                             version=stale)
    before, state = counts(), snapshot_of(lines)
    response = client_for(zone_officer).post(
        reverse("proposals:act", args=[lines.pk, "submit"]), {"submit-version": stale},
        follow=True)
    assert response.status_code == 200
    assert ("Hồ sơ này vừa được người khác thay đổi (hiện ở trạng thái: Dự thảo). Hãy tải lại "
            "trang rồi thử lại.") in response.content.decode()
    assert (counts(), snapshot_of(lines)) == (before, state)


def test_returning_without_a_reason_is_refused_with_a_message(lines, zone_officer,
                                                             province_reviewer):
    services.act(lines, "submit", by=zone_officer, version=lines.version)
    lines.refresh_from_db()
    before = counts()
    response = client_for(province_reviewer).post(
        reverse("proposals:act", args=[lines.pk, "return"]),
        {"return-version": lines.version, "return-note": ""}, follow=True)
    assert "“Trả lại để hoàn thiện” cần ghi rõ lý do." in response.content.decode()
    assert counts() == before


def test_a_step_out_of_order_posted_by_hand_is_refused(lines, province_reviewer):
    before = counts()
    response = client_for(province_reviewer).post(
        reverse("proposals:act", args=[lines.pk, "appraise"]),
        {"appraise-version": lines.version}, follow=True)
    assert response.status_code == 200
    assert ("Không thể “Hoàn thành thẩm định” khi hồ sơ đang ở trạng thái “Dự thảo”."
            in response.content.decode())
    assert counts() == before


def test_an_unknown_action_is_a_message_not_a_500(lines, zone_officer):
    response = client_for(zone_officer).post(
        reverse("proposals:act", args=[lines.pk, "explode"]), {"explode-version": lines.version},
        follow=True)
    assert "Thao tác “explode” không tồn tại." in response.content.decode()


def test_the_reviewer_rechecks_from_the_page(lines, zone_officer, province_reviewer):
    services.act(lines, "submit", by=zone_officer, version=lines.version)
    response = client_for(province_reviewer).post(reverse("proposals:check", args=[lines.pk]),
                                                  follow=True)
    assert "Đã kiểm tra lại 2 người được đề nghị." in response.content.decode()


def test_an_officer_creates_a_dossier(round_, tree, zone_officer):
    response = client_for(zone_officer).post(reverse("proposals:create"), {
        "round": round_.pk, "unit": tree.special_zone.pk, "number": "7/TTr-UBND",
        "title": "Tờ trình đề nghị tặng danh hiệu Lao động tiên tiến"})
    created = round_.proposals.get()
    assert response.status_code == 302
    assert (created.unit_name, created.number, created.state) == (
        "UBND đặc khu Phú Quý", "7/TTr-UBND", "draft")


def test_an_officer_cannot_create_a_dossier_for_another_unit(round_, tree, zone_officer):
    response = client_for(zone_officer).post(reverse("proposals:create"), {
        "round": round_.pk, "unit": tree.phan_thiet.pk, "title": "Tờ trình"})
    assert response.status_code == 200
    assert round_.proposals.count() == 0


def test_a_lines_criteria_load_when_opened_and_stay_in_scope(lines, zone_officer,
                                                             other_officer):
    line = lines.nominees.get(position=2)
    url = reverse("proposals:nominee_reasons", args=[lines.pk, line.pk])
    page = client_for(zone_officer).get(reverse("proposals:detail", args=[lines.pk]))
    assert f'hx-get="{url}"' in page.content.decode()
    fragment = client_for(zone_officer).get(url, headers={"HX-Request": "true"})
    html = fragment.content.decode()
    assert html.startswith('<ul class="list-unstyled mb-0"')
    assert html.count("<li") == len(line.reasons) and "Điều 24" in html
    assert client_for(zone_officer).get(url).templates[0].name == "proposals/reasons.html"
    assert client_for(other_officer).get(url).status_code == 404
