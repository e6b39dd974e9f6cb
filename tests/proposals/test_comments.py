"""Public comments: the window, the text rules, the rate limit per client, answers and set-asides."""

import datetime
import unicodedata

import pytest
from django.utils import timezone

from tests.factories import UserFactory, make_unit
from tests.proposals.dossiers import add_nominee, make_dossier, published
from thidua.accounts.choices import Role
from thidua.core.models import AuditEntry
from thidua.organisations.choices import UnitKind
from thidua.proposals.choices import CommentStatus, State
from thidua.proposals.models import Comment, CommentAnswer
from thidua.proposals.services import comments
from thidua.proposals.services.comments import CommentError

D = datetime.date
TODAY = D(2026, 11, 25)
CLIENT = comments.client_hash("203.0.113.7")


@pytest.fixture
def dossier(tree):
    return published(tree.phu_quy, D(2026, 11, 20), D(2026, 12, 4))


def post(dossier, **fields):
    fields.setdefault("author_name", "Nguyễn Văn Dân")
    fields.setdefault("body", "Đề nghị xem xét lại thành tích năm 2025.")
    fields.setdefault("client", CLIENT)
    return comments.post_comment(dossier, today=TODAY, **fields)


def test_client_hash_is_a_keyed_sha256_that_hides_the_address():
    assert len(CLIENT) == 64
    assert comments.client_hash("203.0.113.7") == CLIENT
    assert comments.client_hash("203.0.113.8") != CLIENT
    assert "203.0.113.7" not in CLIENT


def test_a_comment_is_stored_in_nfc_and_audited(dossier):
    decomposed = unicodedata.normalize("NFD", "Trần  Thị Ðào")
    nominee = add_nominee(dossier, "Lê Văn Nam")
    comment = post(dossier, author_name=decomposed, nominee=nominee, contact=" 0912 345 678 ",
                   body="Dòng một.\n\n\n  Dòng   hai, có ý kiến.  ")
    comment.refresh_from_db()
    assert comment.author_name == "Trần Thị Đào"
    assert comment.contact == "0912 345 678"
    assert comment.body == "Dòng một.\n\nDòng hai, có ý kiến."
    assert (comment.nominee, comment.status, comment.client_hash) == (
        nominee, CommentStatus.NEW, CLIENT)
    entry = AuditEntry.objects.get(action="thidua.comment.posted")
    assert (entry.actor, entry.object_id) == (None, str(comment.pk))


@pytest.mark.parametrize(("today", "state"), [
    (D(2026, 11, 19), State.PUBLISHED), (D(2026, 12, 5), State.PUBLISHED),
    (D(2026, 11, 25), State.AT_COUNCIL),
])
def test_comments_are_refused_outside_the_window(dossier, today, state):
    dossier.state = state
    dossier.save(update_fields=["state"])
    with pytest.raises(CommentError, match="^Danh sách này hiện không nhận góp ý.$"):
        comments.post_comment(dossier, author_name="An", body="Một ý kiến góp ý.",
                              client=CLIENT, today=today)
    assert Comment.objects.count() == 0


def test_the_last_day_of_the_window_still_accepts_comments(dossier):
    comments.post_comment(dossier, author_name="An", body="Ý kiến ngày cuối.", client=CLIENT,
                          today=D(2026, 12, 4))
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(("fields", "message"), [
    ({"author_name": "   "}, "Xin cho biết họ tên của bạn."),
    ({"author_name": "A" * 121}, "Họ tên và thông tin liên hệ dài tối đa 120 ký tự."),
    ({"contact": "1" * 121}, "Họ tên và thông tin liên hệ dài tối đa 120 ký tự."),
    ({"body": "Ngắn."}, "Nội dung góp ý phải dài từ 10 đến 4000 ký tự."),
    ({"body": "x" * 4001}, "Nội dung góp ý phải dài từ 10 đến 4000 ký tự."),
])
def test_text_limits(dossier, fields, message):
    with pytest.raises(CommentError) as refused:
        post(dossier, **fields)
    assert str(refused.value) == message
    assert Comment.objects.count() == 0


def test_a_candidate_of_another_list_is_refused(dossier, tree):
    other = make_dossier(tree.phan_thiet, State.PUBLISHED)
    stranger = add_nominee(other, "Phạm Thị Lạ")
    with pytest.raises(CommentError, match="Người được chọn không có trong danh sách này."):
        post(dossier, nominee=stranger)


def test_five_comments_per_hour_per_client_and_dossier(dossier, tree):
    for _ in range(5):
        post(dossier)
    with pytest.raises(CommentError) as refused:
        post(dossier)
    assert str(refused.value) == ("Bạn đã gửi 5 góp ý cho danh sách này trong một giờ qua. "
                                  "Xin vui lòng chờ một lúc rồi gửi tiếp.")
    post(dossier, client=comments.client_hash("198.51.100.1"))  # another client
    other = published(tree.phan_thiet, D(2026, 11, 20), D(2026, 12, 4))
    post(other)  # another dossier
    Comment.objects.filter(client_hash=CLIENT, proposal=dossier).update(
        created_at=timezone.now() - datetime.timedelta(minutes=61))
    post(dossier)  # an hour later
    assert Comment.objects.filter(proposal=dossier).count() == 7


def test_the_reviewer_answers_and_the_answer_is_a_new_row(dossier, reviewer):
    comment = post(dossier)
    first = comments.answer_comment(comment, by=reviewer, body="Cảm ơn ông/bà, đã ghi nhận.")
    second = comments.answer_comment(comment, by=reviewer, body="Nội bộ: đã xác minh.",
                                     published=False)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.ANSWERED
    assert list(CommentAnswer.objects.values_list("body", "published")) == [
        ("Cảm ơn ông/bà, đã ghi nhận.", True), ("Nội bộ: đã xác minh.", False)]
    assert (first.answered_by, second.answered_by) == (reviewer, reviewer)
    assert AuditEntry.objects.filter(action="thidua.comment.answered",
                                     object_id=str(comment.pk)).count() == 2


def test_setting_a_comment_aside_is_audited(dossier, admin_user):
    comment = post(dossier)
    comments.set_aside(comment, by=admin_user, reason="Trùng lặp")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.DISMISSED
    entry = AuditEntry.objects.get(action="thidua.comment.set_aside")
    assert (entry.actor, entry.summary, entry.after) == (
        admin_user, "Trùng lặp", {"status": "dismissed"})


def test_only_the_appraising_level_in_scope_answers(dossier, officer, tree):
    comment = post(dossier)
    outsider = UserFactory(role=Role.REVIEWER,
                           unit=make_unit("Tỉnh Khánh Hòa", UnitKind.PROVINCE, code="khanh-hoa"))
    for user in (officer, outsider):
        with pytest.raises(CommentError,
                           match="Chỉ cấp thẩm định mới trả lời góp ý về danh sách này."):
            comments.answer_comment(comment, by=user, body="Trả lời")
    assert CommentAnswer.objects.count() == 0


def test_an_empty_answer_is_refused(dossier, reviewer):
    comment = post(dossier)
    with pytest.raises(CommentError, match="Hãy viết nội dung trả lời."):
        comments.answer_comment(comment, by=reviewer, body=" \n ")


def test_an_answered_comment_cannot_be_set_aside(dossier, reviewer):
    comment = post(dossier)
    comments.answer_comment(comment, by=reviewer, body="Đã trả lời.")
    with pytest.raises(CommentError, match="^Góp ý này đã được trả lời.$"):
        comments.set_aside(comment, by=reviewer)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.ANSWERED
