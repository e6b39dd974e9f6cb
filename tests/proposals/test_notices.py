"""Notifying the proposing units of a decision's result: the automatic notice when it is issued,
a dispatch an officer records, the dossier page and the overdue view."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.awards.decisions import DECISION_DATE, make_draft, voted_round
from thidua.awards import services as award_services
from thidua.core.models import AuditEntry
from thidua.proposals import services
from thidua.proposals.models import Proposal, ResultNotice
from thidua.proposals.services import DossierError


@pytest.fixture
def decided(tree, people, leader):
    voted = voted_round(tree, people)
    decision = award_services.issue_decision(by=leader, draft=make_draft(voted, tree.phu_quy))
    return voted, decision


def test_issuing_a_decision_records_the_in_app_notice_of_each_unit(decided, leader):
    voted, decision = decided
    assert sorted(ResultNotice.objects.values_list(
        "proposal_id", "decision_id", "channel", "notified_on", "recorded_by")) == sorted([
        (voted.district.pk, decision.pk, "in_app", timezone.localdate(), leader.pk),
        (voted.commune.pk, decision.pk, "in_app", timezone.localdate(), leader.pk)])


def test_an_officer_records_the_dispatch_as_a_new_notice(decided, reviewer):
    voted, decision = decided
    dossier = Proposal.objects.get(pk=voted.commune.pk)
    notice = services.record_dispatch(by=reviewer, proposal=dossier, dispatch_number=" 15/UBND-NV ",
                                      notified_on=datetime.date(2025, 1, 15), note="Gửi kèm QĐ")
    assert (notice.channel, notice.dispatch_number, notice.notified_on, notice.note) == (
        "dispatch", "15/UBND-NV", datetime.date(2025, 1, 15), "Gửi kèm QĐ")
    assert dossier.result_notices.count() == 2
    assert AuditEntry.objects.filter(action="thidua.proposal.result_notified",
                                     actor=reviewer).get().summary == \
        "Công văn số 15/UBND-NV ngày 15/01/2025"


@pytest.mark.parametrize(("number", "day", "message"), [
    ("", datetime.date(2025, 1, 15), "Hãy ghi số công văn."),
    ("15/UBND", DECISION_DATE - datetime.timedelta(days=1),
     "Ngày công văn phải từ ngày quyết định 10/01/2025 đến hôm nay."),
    ("15/UBND", timezone.localdate() + datetime.timedelta(days=1),
     "Ngày công văn phải từ ngày quyết định 10/01/2025 đến hôm nay."),
])
def test_a_wrong_dispatch_is_refused(decided, reviewer, number, day, message):
    voted, _decision = decided
    before = ResultNotice.objects.count()
    with pytest.raises(DossierError, match=message):
        services.record_dispatch(by=reviewer, proposal=voted.commune, dispatch_number=number,
                                 notified_on=day)
    assert ResultNotice.objects.count() == before


def test_only_the_appraising_level_records_and_only_once_decided(decided, officer, reviewer,
                                                                 tree):
    voted, _decision = decided
    with pytest.raises(DossierError, match="Chỉ cấp thẩm định"):
        services.record_dispatch(by=officer, proposal=voted.district, dispatch_number="1/UBND",
                                 notified_on=datetime.date(2025, 1, 15))
    from tests.proposals.dossiers import make_dossier
    from thidua.proposals.choices import State

    voted_only = make_dossier(tree.phu_quy, State.VOTED)
    with pytest.raises(DossierError, match="Chỉ thông báo kết quả khi hồ sơ đã có quyết định."):
        services.record_dispatch(by=reviewer, proposal=voted_only, dispatch_number="1/UBND",
                                 notified_on=datetime.date(2025, 1, 15))


def test_the_dossier_page_shows_the_notices_and_the_dispatch_form(decided, reviewer, client):
    voted, _decision = decided
    client.force_login(reviewer)
    url = reverse("proposals:detail", args=[voted.commune.pk])
    response = client.post(reverse("proposals:record_dispatch", args=[voted.commune.pk]),
                           {"dispatch_number": "15/UBND-NV", "notified_on": "15/01/2025"})
    assert response["Location"] == f"{url}#result-notices"
    html = client.get(url).content.decode()
    section = html.split('id="result-notices"')[1].split("</section>")[0]
    assert "Thông báo trên hệ thống thidua (gửi khi ban hành quyết định)" in section
    assert "15/UBND-NV" in section and "15/01/2025" in section
    assert reverse("proposals:record_dispatch", args=[voted.commune.pk]) in section


def test_the_overdue_view_lists_decided_dossiers_not_notified_in_time(decided, reviewer, client):
    voted, _decision = decided
    # The decision of 10/01/2025 was issued today: the in-app notice came after the due date.
    ResultNotice.objects.filter(proposal=voted.district).delete()
    client.force_login(reviewer)
    html = client.get("/quan-ly/ho-so/qua-han/").content.decode()
    section = html.split('id="level-notify"')[1].split("</section>")[0]
    assert f">{voted.district.number}</a>" in section and "chưa thông báo" in section
    assert f">{voted.commune.number}</a>" in section
    assert timezone.localdate().strftime("%d/%m/%Y") in section
