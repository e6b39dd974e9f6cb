"""The decision draft screens under /quan-ly/khen-thuong/du-thao/."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from tests.awards.decisions import make_draft, voted_round
from thidua.awards.choices import DraftState
from thidua.awards.models import Decision, DecisionDraft
from thidua.core.models import Notification
from thidua.proposals.choices import State
from thidua.proposals.models import Proposal

DRAFTS = reverse("awards:draft_list")
NEW = reverse("awards:draft_new")


@pytest.fixture
def voted(tree, people):
    return voted_round(tree, people)


def form_data(voted, tree, **changes) -> dict:
    return {"round": voted.round.pk, "issuer": tree.phu_quy.pk, "date": "10/01/2025",
            "number_symbol": "QĐ-UBND", "decided_by": "unit_head", "signer_name": "Nguyễn Văn Ký",
            "signer_title": "Chủ tịch", "subject": "Về việc công nhận danh hiệu năm 2024",
            "legal_basis": "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "period": "Năm 2024", "period_start_year": "2024", "period_end_year": "2024",
            "proposals": [voted.district.pk, voted.commune.pk], **changes}


def test_the_list_offers_rounds_with_voted_dossiers(client, reviewer, voted):
    client.force_login(reviewer)
    response = client.get(DRAFTS)
    assertContains(response, f'<option value="{voted.round.pk}">Khen thưởng năm 2024 (2024)'
                             "</option>", html=True)
    assertContains(response, "Chưa có dự thảo quyết định nào.")


def test_an_officer_elsewhere_sees_no_round_and_no_draft(client, other_officer, voted, tree):
    make_draft(voted, tree.phu_quy)
    client.force_login(other_officer)
    response = client.get(DRAFTS)
    assertNotContains(response, "Khen thưởng năm 2024")
    assert list(response.context["drafts"]) == []
    assert client.get(NEW, {"round": voted.round.pk}).status_code == 404


def test_the_new_draft_form_proposes_the_header_and_every_voted_dossier(client, reviewer,
                                                                       voted, tree):
    client.force_login(reviewer)
    response = client.get(NEW, {"round": voted.round.pk})
    form = response.context["form"]
    assert form.initial["issuer"] == tree.phu_quy  # the round's deciding level: the unit
    assert form.initial["decided_by"] == "unit_head"
    assert form.initial["period"] == "Năm 2024"
    assert form.initial["legal_basis"].startswith(
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\nCăn cứ Nghị định số ")
    assert [p.pk for p in form.initial["proposals"]] == [voted.district.pk, voted.commune.pk]
    assertContains(response, "Dự thảo quyết định mới: Khen thưởng năm 2024")


def test_saving_a_new_draft_shows_its_annex(client, reviewer, voted, tree):
    client.force_login(reviewer)
    response = client.post(NEW, form_data(voted, tree))
    draft = DecisionDraft.objects.get()
    assertRedirects(response, reverse("awards:draft_detail", args=[draft.pk]))
    page = client.get(reverse("awards:draft_detail", args=[draft.pk]))
    assertContains(page, "Danh sách kèm theo: 4 người, tập thể")
    assertContains(page, "Tập thể · Tập thể lao động tiên tiến (1)")
    assertContains(page, "Cá nhân · Lao động tiên tiến (3)")
    assertContains(page, "<tr><td>3</td><td>Nguyễn Thị Hoà</td><td>UBND huyện Phú Quý</td>"
                         '<td class="small">Hoàn thành tốt nhiệm vụ</td><td>4</td></tr>',
                   html=True)


def test_a_bad_date_is_named_and_nothing_is_saved(client, reviewer, voted, tree):
    client.force_login(reviewer)
    response = client.post(NEW, form_data(voted, tree, date="31/02/2025"))
    assertContains(response, "Ngày quyết định: Nhập ngày theo dạng dd/mm/yyyy.")
    assert DecisionDraft.objects.count() == 0


def test_a_stale_edit_shows_a_message_and_keeps_the_draft(client, reviewer, voted, tree):
    draft = make_draft(voted, tree.phu_quy)
    client.force_login(reviewer)
    url = reverse("awards:draft_detail", args=[draft.pk])
    response = client.post(url, form_data(voted, tree, version="0",
                                          proposals=[voted.commune.pk]))
    assertContains(response, "Dự thảo này vừa được người khác thay đổi. Hãy tải lại trang rồi "
                             "thử lại.")
    assert DecisionDraft.objects.get().lines.count() == 4


def test_issuing_from_the_page_leads_to_the_decision(client, leader, voted, tree):
    draft = make_draft(voted, tree.phu_quy)
    client.force_login(leader)
    page = client.get(reverse("awards:draft_detail", args=[draft.pk]))
    assertContains(page, "Ban hành quyết định")
    assert page.context["form"] is not None  # a leader prepares decisions too
    response = client.post(reverse("awards:draft_issue", args=[draft.pk]),
                           {"version": draft.version})
    decision = Decision.objects.get()
    assertRedirects(response, reverse("awards:decision_detail", args=[decision.pk]),
                    fetch_redirect_response=False)
    page = client.get(response.url)
    assertContains(page, "Đã ban hành Quyết định số 1/QĐ-UBND: 4 khen thưởng đã vào sổ.")
    assertContains(page, f'href="{reverse("awards:draft_detail", args=[draft.pk])}"')
    assertContains(page, "Tải gói hồ sơ (.zip)")
    assert Proposal.objects.filter(state=State.DECIDED).count() == 2


def test_a_refused_issue_lists_every_reason_on_the_draft(client, leader, voted, tree):
    draft = make_draft(voted, tree.phu_quy)
    Proposal.objects.filter(pk=voted.commune.pk).update(version=9)
    client.force_login(leader)
    response = client.post(reverse("awards:draft_issue", args=[draft.pk]),
                           {"version": draft.version}, follow=True)
    assertContains(response, "Hồ sơ “2/TTr – UBND xã Tam Thanh” đã được người khác thay đổi "
                             "sau khi lưu dự thảo: hãy lưu lại dự thảo để cập nhật.")
    assert Decision.objects.count() == 0
    assert Notification.objects.count() == 0


def test_an_officer_may_edit_but_not_issue(client, officer, voted, tree):
    draft = make_draft(voted, tree.phu_quy)
    client.force_login(officer)
    page = client.get(reverse("awards:draft_detail", args=[draft.pk]))
    assertNotContains(page, "Ban hành quyết định")
    response = client.post(reverse("awards:draft_issue", args=[draft.pk]),
                           {"version": draft.version})
    assert response.status_code == 403
    assert DecisionDraft.objects.get().state == DraftState.DRAFT


def test_cancelling_frees_the_dossiers(client, reviewer, voted, tree):
    draft = make_draft(voted, tree.phu_quy)
    client.force_login(reviewer)
    response = client.post(reverse("awards:draft_cancel", args=[draft.pk]),
                           {"version": draft.version}, follow=True)
    assertContains(response, "Đã hủy dự thảo; các hồ sơ của dự thảo có thể đưa vào dự thảo "
                             "khác.")
    assertContains(response, '<span class="badge text-bg-secondary" id="draft-state">Đã hủy'
                             "</span>", html=True)
    form = client.get(NEW, {"round": voted.round.pk}).context["form"]
    assert len(form.initial["proposals"]) == 2


def test_a_draft_page_survives_garbage_versions(client, reviewer, voted, tree):
    draft = make_draft(voted, tree.phu_quy)
    client.force_login(reviewer)
    response = client.post(reverse("awards:draft_cancel", args=[draft.pk]),
                           {"version": "abc"}, follow=True)
    assertContains(response, "Dự thảo này vừa được người khác thay đổi.")
    assert client.get(NEW, {"round": "x"}).status_code == 404
