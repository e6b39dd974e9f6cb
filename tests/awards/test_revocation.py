"""Revocation (Law 2022 Art. 93): a later decision revokes awards, as new records; the awards
stay visible as revoked. From the service, from an award and from a decision."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.awards.decisions import counts
from tests.factories import make_award, make_decision
from thidua.awards import services as award_services
from thidua.awards.models import Decision, DecisionNumber, Revocation

REVOKE = reverse("awards:revoke")


@pytest.fixture
def given(tree, people):
    decision = make_decision("120/QĐ-UBND", datetime.date(2024, 12, 20), issuer=tree.phu_quy,
                             decided_by="unit_head")
    return {
        "decision": decision,
        "hoa": make_award("ldtt", person=people.hoa, year=2024, decision=decision),
        "binh": make_award("ldtt", person=people.binh, year=2024, decision=decision),
        "other": make_award("ldtt", person=people.other, year=2024,
                            decision=make_decision("30/QĐ-UBND", issuer=tree.phan_thiet)),
    }


def revoke(given, tree, *awards, **fields):
    return award_services.revoke_awards(
        by=None, awards=awards, reason=fields.pop("reason", "Kê khai thành tích không trung thực"),
        basis="Luật Thi đua, khen thưởng 2022, Điều 93", issuer=tree.phu_quy,
        date=fields.pop("date", datetime.date(2025, 3, 5)), **fields)


def test_one_decision_revokes_several_awards_with_a_number_of_its_own(given, tree):
    decision = revoke(given, tree, given["hoa"], given["binh"], signer_name="Nguyễn Văn Ký")
    assert (decision.number, decision.issuer, decision.signer_name) == (
        "1/QĐ-UBND", tree.phu_quy, "Nguyễn Văn Ký")
    assert DecisionNumber.objects.get().decision == decision
    assert list(Revocation.objects.order_by("award_id").values_list(
        "award", "decision", "reason", "basis")) == [
        (given["hoa"].pk, decision.pk, "Kê khai thành tích không trung thực",
         "Luật Thi đua, khen thưởng 2022, Điều 93"),
        (given["binh"].pk, decision.pk, "Kê khai thành tích không trung thực",
         "Luật Thi đua, khen thưởng 2022, Điều 93")]
    given["hoa"].refresh_from_db()
    assert given["hoa"].decision == given["decision"]  # the award row is never changed


def test_a_revoking_decision_signed_on_paper_keeps_its_number(given, tree):
    decision = revoke(given, tree, given["hoa"], number="45/QĐ-UBND")
    assert decision.number == "45/QĐ-UBND"
    assert DecisionNumber.objects.count() == 0


def test_revoking_twice_is_refused_and_writes_nothing(given, tree):
    revoke(given, tree, given["hoa"])
    before = counts()
    with pytest.raises(ValidationError) as error:
        revoke(given, tree, given["binh"], given["hoa"], date=datetime.date(2025, 4, 1))
    assert error.value.messages == [
        "Lao động tiên tiến của Nguyễn Thị Hoà (Quyết định số 120/QĐ-UBND) đã bị hủy bỏ trước "
        "đó."]
    assert counts() == before
    assert not Revocation.objects.filter(award=given["binh"]).exists()


def test_a_revocation_dated_before_the_award_or_without_reason_is_refused(given, tree):
    with pytest.raises(ValidationError) as error:
        revoke(given, tree, given["hoa"], reason="  ", date=datetime.date(2024, 12, 1))
    assert error.value.messages == [
        "Hãy ghi lý do hủy bỏ khen thưởng.",
        "Ngày của quyết định hủy bỏ không được trước Quyết định số 120/QĐ-UBND đã tặng Lao "
        "động tiên tiến cho Nguyễn Thị Hoà."]
    assert Decision.objects.count() == 2


def test_nothing_chosen_is_refused(given, tree):
    with pytest.raises(ValidationError) as error:
        revoke(given, tree)
    assert error.value.messages == ["Hãy chọn ít nhất một khen thưởng cần hủy bỏ."]


# -- screens ----------------------------------------------------------------------------------
def test_from_an_award_the_form_has_it_chosen(client, reviewer, given):
    client.force_login(reviewer)
    response = client.get(REVOKE, {"award": given["hoa"].pk})
    assertContains(response, f'<input class="form-check-input" type="checkbox" name="awards" '
                             f'value="{given["hoa"].pk}" id="award-{given["hoa"].pk}" checked>',
                   html=True)
    assertNotContains(response, "Trần Văn Bình")
    assert response.context["form"].initial["issuer"] == given["decision"].issuer_id


def test_from_a_decision_every_award_in_force_is_offered(client, reviewer, given, tree):
    revoke(given, tree, given["binh"])
    client.force_login(reviewer)
    response = client.get(REVOKE, {"decision": given["decision"].pk})
    assert [(award.awardee_name, award.revoked) for award in response.context["candidates"]] \
        == [("Nguyễn Thị Hoà", False), ("Trần Văn Bình", True)]
    assertNotContains(response, f'value="{given["binh"].pk}" id="award-')


def test_revoking_from_the_screen_issues_the_decision_and_strikes_the_award(
        client, reviewer, given, tree, people):
    client.force_login(reviewer)
    response = client.post(REVOKE, {
        "decision": given["decision"].pk, "awards": [given["hoa"].pk, given["binh"].pk],
        "issuer": tree.phu_quy.pk, "date": "05/03/2025", "number_symbol": "QĐ-UBND",
        "reason": "Kê khai thành tích không trung thực",
        "basis": "Luật Thi đua, khen thưởng 2022, Điều 93"}, follow=True)
    assertContains(response, "Quyết định số 1/QĐ-UBND hủy bỏ 2 khen thưởng.")
    assertContains(response, '<td class="td-revoked">Lao động tiên tiến (2024)</td>', html=True)
    person = client.get(reverse("people:detail", args=[people.hoa.pk]))
    assertContains(person, '<span class="td-revoked">')
    assertContains(person, "Kê khai thành tích không trung thực")
    register = client.get(reverse("awards:award_list"), {"status": "revoked"})
    assert sorted(a.awardee_name for a in register.context["page"]) == [
        "Nguyễn Thị Hoà", "Trần Văn Bình"]


def test_a_second_revocation_from_a_stale_page_shows_why(client, reviewer, given, tree):
    revoke(given, tree, given["hoa"])
    client.force_login(reviewer)
    response = client.post(REVOKE, {
        "award": [given["hoa"].pk], "awards": [given["hoa"].pk], "issuer": tree.phu_quy.pk,
        "date": "05/04/2025", "number_symbol": "QĐ-UBND", "reason": "Lý do khác"})
    assertContains(response, "Lao động tiên tiến của Nguyễn Thị Hoà (Quyết định số "
                             "120/QĐ-UBND) đã bị hủy bỏ trước đó.")
    assertContains(response, '<span class="text-danger small">Đã hủy bỏ</span>', html=True)
    assert Revocation.objects.count() == 1


def test_an_officer_may_not_revoke_and_data_outside_the_scope_is_not_offered(
        client, officer, leader, given):
    client.force_login(officer)
    assert client.get(REVOKE, {"award": given["hoa"].pk}).status_code == 403
    district_leader = leader
    district_leader.unit = given["decision"].issuer
    district_leader.save()
    client.force_login(district_leader)
    response = client.get(REVOKE, {"award": [given["hoa"].pk, given["other"].pk]})
    assert [award.pk for award in response.context["candidates"]] == [given["hoa"].pk]


def test_the_register_offers_revoking_to_those_who_may(client, reviewer, officer, given):
    link = f'href="{REVOKE}?award={given["hoa"].pk}"'
    client.force_login(reviewer)
    assertContains(client.get(reverse("awards:award_list")), link)
    client.force_login(officer)
    assertNotContains(client.get(reverse("awards:award_list")), link)


def test_the_service_checks_the_role_and_the_scope(given, tree, officer, leader):
    with pytest.raises(ValidationError) as error:
        award_services.revoke_awards(by=officer, awards=[given["hoa"]], reason="Sai",
                                     issuer=tree.phu_quy, date=datetime.date(2025, 3, 5))
    assert error.value.messages == [
        "Chỉ lãnh đạo, người thẩm định cấp tỉnh hoặc quản trị viên được hủy bỏ khen thưởng."]
    leader.unit = tree.phu_quy
    leader.save()
    with pytest.raises(ValidationError) as error:
        award_services.revoke_awards(by=leader, awards=[given["hoa"], given["other"]],
                                     reason="Sai", issuer=tree.phu_quy,
                                     date=datetime.date(2025, 3, 5))
    assert error.value.messages == ["Một số khen thưởng đã chọn nằm ngoài phạm vi của bạn."]
    assert Revocation.objects.count() == 0
