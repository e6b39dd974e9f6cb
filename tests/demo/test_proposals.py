"""The demo's proposal round: dossiers at several stages, and the draft a newcomer takes on."""

import pytest
from django.db import transaction

from thidua.accounts.models import User
from thidua.demo.loader import load_demo
from thidua.proposals import services
from thidua.proposals.models import Proposal, Round
from thidua.proposals.workflow import WorkflowError


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


def test_the_round_and_its_dossiers(demo, db):
    round_ = Round.objects.get()
    assert (round_.year, round_.deciding_level, round_.organiser.name) == (
        2025, "province", "UBND tỉnh Lâm Đồng")
    assert list(Proposal.objects.order_by("pk").values_list("unit_name", "state")) == [
        ("UBND đặc khu Phú Quý", "draft"), ("UBND đặc khu Phú Quý", "returned"),
        ("UBND phường Phan Thiết", "submitted"), ("UBND phường Phan Thiết", "published"),
        ("UBND đặc khu Phú Quý", "published")]
    returned = Proposal.objects.get(state="returned")
    assert returned.transitions.last().note.startswith("Thiếu báo cáo thành tích")


def test_the_draft_goes_forward_once_the_ineligible_line_is_justified(demo, db):
    officer = User.objects.get(username="phuquy")
    draft = Proposal.objects.get(state="draft")
    assert list(draft.nominees.values_list("name", "verdict")) == [
        ("Trương Minh Khoa", "ELIGIBLE"), ("Lê Văn Tâm", "ELIGIBLE"),
        ("Nguyễn Thị Hoà", "INELIGIBLE")]
    with pytest.raises(WorkflowError, match="Nguyễn Thị Hoà"):
        services.act(draft, "submit", by=officer, version=draft.version)
    services.update_nominee(by=officer, nominee=draft.nominees.get(name="Nguyễn Thị Hoà"),
                            justification="Có đóng góp nổi bật trong sắp xếp bộ máy.")
    draft.refresh_from_db()
    services.act(draft, "submit", by=officer, version=draft.version)
    assert Proposal.objects.get(pk=draft.pk).state == "submitted"


def test_each_officer_sees_only_their_dossiers(demo, db):
    from thidua.proposals import queries

    seen = {name: set(queries.visible_to(User.objects.get(username=name))
                      .values_list("unit_name", flat=True))
            for name in ("phuquy", "phanthiet", "sonoivu", "lanhdao", "hoidong1")}
    assert seen == {"phuquy": {"UBND đặc khu Phú Quý"}, "phanthiet": {"UBND phường Phan Thiết"},
                    "sonoivu": {"UBND đặc khu Phú Quý", "UBND phường Phan Thiết"},
                    "lanhdao": {"UBND đặc khu Phú Quý", "UBND phường Phan Thiết"},
                    "hoidong1": {"UBND đặc khu Phú Quý", "UBND phường Phan Thiết"}}


def test_one_published_dossier_is_open_for_comment_and_the_other_may_go_to_the_council(demo, db):
    from django.utils import timezone

    reviewer = User.objects.get(username="sonoivu")
    today = timezone.localdate()
    open_, closed = Proposal.objects.filter(state="published").order_by("pk")
    assert open_.comment_closes_on >= today > closed.comment_closes_on
    with pytest.raises(WorkflowError, match="hết thời gian lấy ý kiến"):
        services.act(open_, "to_council", by=reviewer, version=open_.version)
    services.act(closed, "to_council", by=reviewer, version=closed.version)
    assert Proposal.objects.get(pk=closed.pk).state == "at_council"
