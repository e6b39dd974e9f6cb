"""Issuing a decision draft: one transaction from approved nominees to awards in the register,
and every refusal leaving the database exactly as it was."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.awards.decisions import DECISION_DATE, counts, make_draft, nominate, voted_round
from tests.factories import UserFactory, make_award, make_decision
from thidua.awards import services as award_services
from thidua.awards.choices import DraftState
from thidua.awards.models import Award, DecisionDraft, DecisionSequence
from thidua.awards.services import IssueError
from thidua.core.models import AuditEntry, Notification
from thidua.people import services as people_services
from thidua.proposals.choices import Outcome, State
from thidua.proposals.models import Nominee, Proposal, Transition


@pytest.fixture
def voted(tree, people):
    return voted_round(tree, people)


@pytest.fixture
def draft(voted, tree):
    return make_draft(voted, tree.phu_quy)


def refused(draft, by, version=None) -> list[str]:
    """Issue `draft`, expecting a refusal that writes nothing; returns the messages."""
    before = counts()
    with pytest.raises(ValidationError) as error:
        award_services.issue_decision(by=by, draft=draft, version=version)
    assert counts() == before
    assert DecisionDraft.objects.get(pk=draft.pk).state == DraftState.DRAFT
    return error.value.messages


def test_issue_writes_the_decision_awards_dossiers_and_notifications(draft, voted, tree, people,
                                                                    leader):
    decision = award_services.issue_decision(by=leader, draft=draft, version=draft.version)

    assert (decision.number, decision.date, decision.issuer, decision.issuer_name) == (
        "1/QĐ-UBND", DECISION_DATE, tree.phu_quy, "UBND huyện Phú Quý")
    assert (decision.decided_by, decision.signer_name, decision.subject, decision.period) == (
        "unit_head", "Nguyễn Văn Ký", "Về việc công nhận danh hiệu năm 2024", "Năm 2024")
    awards = list(decision.awards.order_by("register_number").values_list(
        "register_number", "awardee_name", "award_type__code", "year", "kind", "unit_name"))
    assert awards == [
        ("1", "UBND xã Tam Thanh", "ttldtt", 2024, "cong_trang", "UBND xã Tam Thanh"),
        ("2", "Lê Văn An", "ldtt", 2024, "cong_trang", "UBND xã Tam Thanh"),
        ("3", "Trần Văn Bình", "ldtt", 2024, "cong_trang", "UBND xã Tam Thanh"),
        ("4", "Nguyễn Thị Hoà", "ldtt", 2024, "cong_trang", "UBND huyện Phú Quý"),
    ]
    hoa = Nominee.objects.get(pk=voted.nominees.hoa.pk)
    assert (hoa.outcome, hoa.award.person) == (Outcome.AWARDED, people.hoa)
    assert Nominee.objects.get(pk=voted.nominees.phuc.pk).outcome == Outcome.REJECTED
    for dossier in (voted.district, voted.commune):
        stored = Proposal.objects.get(pk=dossier.pk)
        assert (stored.state, stored.decision, stored.version) == (State.DECIDED, decision, 8)
        assert Transition.objects.filter(proposal=dossier).values_list(
            "from_state", "to_state", "action", "actor").get() == (
            State.VOTED, State.DECIDED, "decide", leader.pk)
    stored_draft = DecisionDraft.objects.get(pk=draft.pk)
    assert (stored_draft.state, stored_draft.decision, stored_draft.number,
            stored_draft.issued_by) == (DraftState.ISSUED, decision, "1/QĐ-UBND", leader)
    link = reverse("awards:decision_detail", args=[decision.pk])
    assert list(Notification.objects.order_by("unit__name").values_list("unit", "text", "link")) \
        == [
        (tree.phu_quy.pk, "Quyết định số 1/QĐ-UBND ngày 10/01/2025 khen thưởng 1 người, tập thể "
                          "trong hồ sơ “Đề nghị khen thưởng huyện Phú Quý” của đơn vị.", link),
        (tree.tam_thanh.pk, "Quyết định số 1/QĐ-UBND ngày 10/01/2025 khen thưởng 3 người, tập "
                            "thể trong hồ sơ “Đề nghị khen thưởng xã Tam Thanh” của đơn vị.",
         link),
    ]
    assert AuditEntry.objects.filter(action="thidua.award.recorded").count() == 4
    assert AuditEntry.objects.filter(action="thidua.decision_draft.issued", actor=leader).count() \
        == 1


def test_the_new_awards_show_in_the_persons_history(draft, people, leader, officer, client):
    award_services.issue_decision(by=leader, draft=draft)
    client.force_login(officer)
    response = client.get(reverse("people:detail", args=[people.hoa.pk]))
    section = response.content.decode().split('id="year-2024"')[1].split("</section>")[0]
    assert "<strong>Lao động tiên tiến</strong>" in section
    assert "Quyết định số 1/QĐ-UBND ngày 10/01/2025 của UBND huyện Phú Quý" in section


def test_a_person_nominated_without_a_record_gets_one_in_the_proposing_unit(voted, tree,
                                                                          leader):
    nominate(voted.district, "ldtt", name="Phạm Thị Mai")
    draft = make_draft(voted, tree.phu_quy)
    decision = award_services.issue_decision(by=leader, draft=draft)
    award = decision.awards.get(awardee_name="Phạm Thị Mai")
    assert (award.person.full_name, award.person.unit, award.unit_name) == (
        "Phạm Thị Mai", tree.phu_quy, "UBND huyện Phú Quý")


def test_numbers_follow_the_issuer_and_year_and_skip_numbers_already_in_the_register(
        voted, tree, leader):
    make_decision("1/QĐ-UBND", datetime.date(2025, 1, 3), issuer=tree.phu_quy)
    make_decision("2/QĐ-CT", datetime.date(2025, 1, 4), issuer=tree.phu_quy)
    make_decision("3/QĐ-UBND", datetime.date(2024, 5, 4), issuer=tree.phu_quy)  # another year
    make_decision("3/QĐ-UBND", datetime.date(2025, 1, 5), issuer=tree.phan_thiet)  # another body
    draft = make_draft(voted, tree.phu_quy)
    assert award_services.issue_decision(by=leader, draft=draft).number == "3/QĐ-UBND"
    assert list(DecisionSequence.objects.values_list("issuer", "year", "last_number")) == [
        (tree.phu_quy.pk, 2025, 3)]


def test_a_nominee_no_longer_approved_is_refused(draft, voted, leader):
    Nominee.objects.filter(pk=voted.nominees.binh.pk).update(outcome=Outcome.REJECTED)
    assert refused(draft, leader) == [
        f"Trần Văn Bình chưa được Hội đồng thông qua (hiện: {Outcome.REJECTED.label})."]


def test_an_approved_but_since_revoked_nominee_is_refused(draft, voted, people, tree, leader):
    """Hoà's LĐTT 2024 was given by another decision and revoked since: not given again."""
    award = make_award("ldtt", person=people.hoa, year=2024,
                       decision=make_decision("5/QĐ-UBND", datetime.date(2024, 12, 30)))
    award_services.revoke_award(by=None, award=award, reason="Kê khai không trung thực",
                                decision=make_decision("9/QĐ-UBND", datetime.date(2025, 1, 6)))
    assert refused(draft, leader) == [
        "Nguyễn Thị Hoà: danh hiệu Lao động tiên tiến năm 2024 đã bị hủy bỏ theo Quyết định "
        "số 9/QĐ-UBND; khen thưởng đã bị hủy bỏ không được trao lại."]


def test_a_nominee_whose_verdict_became_ineligible_since_the_vote_is_refused(draft, voted,
                                                                           people, leader):
    people_services.record_rating(by=None, person=people.binh, year=2024, level="HT")
    assert refused(draft, leader) == [
        "Trần Văn Bình không còn đủ điều kiện nhận Lao động tiên tiến: Năm 2024 được đánh giá "
        "HT, thấp hơn mức HTT (Hoàn thành tốt nhiệm vụ). Chưa ban hành gì; hãy trả người này "
        "về Hội đồng hoặc bỏ hồ sơ khỏi dự thảo."]


def test_an_ineligible_nominee_voted_knowingly_with_a_justification_is_awarded(
        draft, voted, people, leader):
    people_services.record_rating(by=None, person=people.binh, year=2024, level="HT")
    Nominee.objects.filter(pk=voted.nominees.binh.pk).update(
        verdict="INELIGIBLE", justification="Thành tích đột xuất trong cứu hộ bão số 9")
    decision = award_services.issue_decision(by=leader, draft=draft)
    assert decision.awards.filter(person=people.binh).count() == 1


def test_an_authority_without_power_over_the_award_is_refused(voted, tree, leader):
    draft = make_draft(voted, tree.phu_quy, decided_by="provincial_chair")
    messages = refused(draft, leader)
    assert len(messages) == 3
    assert messages[0].startswith("Lê Văn An: Chủ tịch UBND tỉnh không có thẩm quyền tặng "
                                  "Lao động tiên tiến vào ngày này (")


def test_a_nominee_already_awarded_is_refused(draft, voted, people, leader):
    make_award("ldtt", person=people.hoa, year=2024, decision=make_decision("7/QĐ-UBND"))
    assert refused(draft, leader) == [
        "Nguyễn Thị Hoà đã có Lao động tiên tiến năm 2024 (Quyết định số 7/QĐ-UBND)."]


def test_issuing_twice_is_refused(draft, leader):
    award_services.issue_decision(by=leader, draft=draft)
    before = counts()
    with pytest.raises(IssueError) as error:
        award_services.issue_decision(by=leader, draft=draft)
    assert error.value.messages == ["Dự thảo này đã được ban hành thành Quyết định số "
                                    "1/QĐ-UBND."]
    assert counts() == before


def test_a_stale_draft_version_is_refused(draft, leader):
    assert refused(draft, leader, version=draft.version - 1) == [
        "Dự thảo này vừa được người khác thay đổi. Hãy tải lại trang rồi thử lại."]


def test_a_dossier_changed_since_the_draft_is_refused(draft, voted, leader):
    Proposal.objects.filter(pk=voted.commune.pk).update(version=8)
    assert refused(draft, leader) == [
        "Hồ sơ “2/TTr – UBND xã Tam Thanh” đã được người khác thay đổi sau khi lưu dự thảo: "
        "hãy lưu lại dự thảo để cập nhật."]


def test_a_dossier_moved_to_another_state_is_refused(draft, voted, leader):
    Proposal.objects.filter(pk=voted.district.pk).update(state=State.FORWARDED)
    assert refused(draft, leader) == [
        f"Hồ sơ “1/TTr – UBND huyện Phú Quý” hiện ở trạng thái “{State.FORWARDED.label}”: không "
        "thể quyết định nữa."]


def test_a_nominee_approved_after_the_draft_was_saved_is_refused(draft, voted, leader):
    Nominee.objects.filter(pk=voted.nominees.phuc.pk).update(outcome=Outcome.APPROVED)
    assert refused(draft, leader) == [
        "Đỗ Văn Phúc được thông qua sau khi lưu dự thảo nên chưa có trong danh sách: hãy lưu "
        "lại dự thảo."]


def test_an_officer_may_not_issue(draft, officer):
    assert refused(draft, officer) == [
        "Chỉ lãnh đạo, người thẩm định cấp tỉnh hoặc quản trị viên được ban hành quyết định."]


def test_a_leader_outside_the_dossiers_scope_may_not_issue(draft, tree):
    """The workflow's `decide` step refuses a leader of another unit: nothing is kept."""
    outsider = UserFactory(role="leader", unit=tree.phan_thiet)
    [message] = refused(draft, outsider)
    assert "Ghi nhận quyết định" in message


def test_the_awards_count_in_force_in_the_register(draft, leader):
    decision = award_services.issue_decision(by=leader, draft=draft)
    assert Award.objects.filter(decision=decision, revocation__isnull=True).count() == 4
