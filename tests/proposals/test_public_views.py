"""The portal's public comment pages, for anonymous visitors: what a candidate shows (never an ID
number or a birth date), the form, the honeypot, the rate limit and the closed window."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_person
from tests.proposals.dossiers import add_nominee, make_dossier, published
from thidua.core.workdays import add_working_days
from thidua.proposals.choices import CommentStatus, State
from thidua.proposals.models import Comment, CommentAnswer
from thidua.proposals.services import comments


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def open_list(tree, today):
    dossier = published(tree.phu_quy, today - datetime.timedelta(days=2),
                        add_working_days(today, 8))
    hoa = make_person("Nguyễn Thị Hoà", tree.phu_quy, gender="female", personal_id="046185000123",
                      birth_date=datetime.date(1985, 3, 2))
    line = add_nominee(dossier, "Nguyễn Thị Hoà", person=hoa,
                       summary="Hoàn thành xuất sắc nhiệm vụ;\nsáng kiến cấp huyện.")
    line.verdict, line.justification = "INELIGIBLE", "Lý do nội bộ không công khai"
    line.save(update_fields=["verdict", "justification"])
    add_nominee(dossier, "Trần Văn Bình", code="ldtt", summary="Hoàn thành tốt nhiệm vụ.")
    return dossier


def test_the_list_shows_open_lists_only(client, tree, open_list, today):
    closed = published(tree.phan_thiet, today - datetime.timedelta(days=30),
                       today - datetime.timedelta(days=1))
    make_dossier(tree.phu_thuy, State.APPRAISED)
    response = client.get("/gop-y/")
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("public_comments:detail", args=[open_list.pk]) in html
    assert reverse("public_comments:detail", args=[closed.pk]) not in html
    assert html.count('href="/gop-y/') == 1


def test_a_candidate_shows_name_unit_award_summary_and_never_ids_or_birth_dates(client,
                                                                                 open_list):
    response = client.get(f"/gop-y/{open_list.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    for shown in ("Nguyễn Thị Hoà", "UBND huyện Phú Quý", "Chiến sĩ thi đua cơ sở",
                  "Hoàn thành xuất sắc nhiệm vụ;<br>sáng kiến cấp huyện.", "Trần Văn Bình",
                  "Lao động tiên tiến"):
        assert shown in html
    for hidden in ("046185000123", "02/03/1985", "1985-03-02", "02.03.1985", "1985",
                   "Lý do nội bộ", "INELIGIBLE"):
        assert hidden not in html
    assert 'id="comment-form"' in html


def test_a_list_not_published_is_not_found(client, tree):
    draft = make_dossier(tree.phu_quy, State.APPRAISED)
    assert client.get(f"/gop-y/{draft.pk}/").status_code == 404
    assert client.get("/gop-y/999999/").status_code == 404


def test_an_anonymous_comment_is_stored_with_the_client_hash(client, open_list):
    line = open_list.nominees.get(name="Trần Văn Bình")
    response = client.post(f"/gop-y/{open_list.pk}/", {
        "author_name": "Lê Văn Dân", "contact": "dan@example.vn", "nominee": line.pk,
        "body": "Ông Bình còn vi phạm quy định năm 2025.", "website": ""})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/gop-y/{open_list.pk}/"
    comment = Comment.objects.get()
    assert (comment.author_name, comment.contact, comment.nominee, comment.client_hash) == (
        "Lê Văn Dân", "dan@example.vn", line, comments.client_hash("127.0.0.1"))
    page = client.get(response.headers["Location"]).content.decode()
    assert "Cảm ơn bạn: góp ý của bạn đã được tiếp nhận." in page


def test_the_honeypot_is_thanked_and_dropped(client, open_list):
    response = client.post(f"/gop-y/{open_list.pk}/", {
        "author_name": "Bot", "body": "Buy cheap things here now", "website": "http://spam"})
    assert response.status_code == 302
    assert Comment.objects.count() == 0


def test_the_sixth_comment_in_an_hour_gets_a_clear_message(client, open_list):
    data = {"author_name": "Lê Văn Dân", "body": "Một ý kiến góp ý nữa.", "website": ""}
    for _ in range(5):
        assert client.post(f"/gop-y/{open_list.pk}/", data).status_code == 302
    response = client.post(f"/gop-y/{open_list.pk}/", data)
    assert response.status_code == 429
    assert ("Bạn đã gửi 5 góp ý cho danh sách này trong một giờ qua. "
            "Xin vui lòng chờ một lúc rồi gửi tiếp.") in response.content.decode()
    assert Comment.objects.count() == 5


@pytest.mark.parametrize(("data", "message"), [
    ({"author_name": "", "body": "Một ý kiến góp ý."}, "Trường này là bắt buộc."),
    ({"author_name": "An", "body": "Ngắn"}, "Nội dung góp ý phải dài từ 10 đến 4000 ký tự."),
    ({"author_name": "An", "body": "Một ý kiến góp ý.", "nominee": "abc"},
     "Hãy chọn một lựa chọn hợp lệ."),
    ({"author_name": "An", "body": "x" * 4001}, "4000"),
])
def test_bad_input_is_a_400_with_a_message_and_nothing_stored(client, open_list, data, message):
    response = client.post(f"/gop-y/{open_list.pk}/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Comment.objects.count() == 0


def test_a_closed_window_shows_no_form_and_refuses_a_post(client, tree, today):
    closed = published(tree.phu_quy, today - datetime.timedelta(days=30),
                       today - datetime.timedelta(days=1))
    page = client.get(f"/gop-y/{closed.pk}/").content.decode()
    assert 'id="comment-form"' not in page
    ended = (today - datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    assert f"Thời gian góp ý đã kết thúc ngày {ended}; không nhận thêm góp ý." in page
    response = client.post(f"/gop-y/{closed.pk}/", {"author_name": "An",
                                                   "body": "Góp ý muộn một chút."})
    assert response.status_code == 400
    assert "Danh sách này hiện không nhận góp ý." in response.content.decode()
    assert Comment.objects.count() == 0


def test_after_the_window_the_list_stays_with_a_plain_message_and_no_form(client, open_list,
                                                                          tree, today):
    closes = open_list.comment_closes_on.strftime("%d/%m/%Y")
    for state in (State.AT_COUNCIL, State.VOTED, State.FORWARDED):
        open_list.state = state
        open_list.save(update_fields=["state"])
        response = client.get(f"/gop-y/{open_list.pk}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert f"Thời gian góp ý đã kết thúc ngày {closes}; không nhận thêm góp ý." in html
        assert "Nguyễn Thị Hoà" in html and "Hoàn thành tốt nhiệm vụ." in html
        assert 'id="comment-form"' not in html and "046185000123" not in html
    assert "Danh sách đã được chuyển lên cấp trên xem xét, quyết định." in html
    response = client.post(f"/gop-y/{open_list.pk}/", {"author_name": "An",
                                                      "body": "Góp ý muộn một chút."})
    assert response.status_code == 400
    assert "Danh sách này hiện không nhận góp ý." in response.content.decode()
    assert Comment.objects.count() == 0
    # Only lists open today are listed on /gop-y/.
    assert f"/gop-y/{open_list.pk}/" not in client.get("/gop-y/").content.decode()


def test_a_decided_list_says_so(client, open_list, tree):
    from tests.factories import make_decision

    decision = make_decision("125/QĐ-UBND", datetime.date(2026, 1, 5), issuer=tree.phu_quy)
    open_list.state, open_list.decision = State.DECIDED, decision
    open_list.save(update_fields=["state", "decision"])
    html = client.get(f"/gop-y/{open_list.pk}/").content.decode()
    assert "Danh sách đã được quyết định tại Quyết định số 125/QĐ-UBND ngày 05/01/2026." in html


def test_a_list_never_published_or_withdrawn_is_not_found(client, tree, open_list):
    unpublished = make_dossier(tree.phan_thiet, State.AT_COUNCIL)
    assert client.get(f"/gop-y/{unpublished.pk}/").status_code == 404
    open_list.state = State.WITHDRAWN
    open_list.save(update_fields=["state"])
    assert client.get(f"/gop-y/{open_list.pk}/").status_code == 404


def test_published_answers_show_and_internal_ones_and_contacts_do_not(client, open_list,
                                                                       reviewer):
    shown = comments.post_comment(open_list, author_name="Lê Văn Dân", contact="0912345678",
                                  body="Đề nghị làm rõ sáng kiến.", client="x")
    comments.answer_comment(shown, by=reviewer, body="Sáng kiến đã được Hội đồng huyện công nhận.")
    comments.answer_comment(shown, by=reviewer, body="Ghi chú nội bộ", published=False)
    comments.post_comment(open_list, author_name="Ẩn Danh", body="Góp ý chưa được trả lời.",
                          client="x")
    html = client.get(f"/gop-y/{open_list.pk}/").content.decode()
    assert "Đề nghị làm rõ sáng kiến." in html
    assert "Sáng kiến đã được Hội đồng huyện công nhận." in html
    for hidden in ("Ghi chú nội bộ", "0912345678", "Lê Văn Dân", "Góp ý chưa được trả lời."):
        assert hidden not in html
    assert CommentAnswer.objects.count() == 2


def test_officers_read_answer_and_set_aside_on_the_dossier_comment_page(client, open_list,
                                                                         reviewer):
    first = comments.post_comment(open_list, author_name="Lê Văn Dân", contact="0912345678",
                                  body="Đề nghị làm rõ sáng kiến.", client="x")
    second = comments.post_comment(open_list, author_name="Spam", body="Quảng cáo linh tinh.",
                                   client="y")
    client.force_login(reviewer)
    url = f"/quan-ly/ho-so/{open_list.pk}/gop-y/"
    html = client.get(url).content.decode()
    assert "0912345678" in html and "Quảng cáo linh tinh." in html
    response = client.post(f"{url}{first.pk}/tra-loi/", {"body": "Đã xác minh.",
                                                         "published": "on"})
    assert response.status_code == 302
    client.post(f"{url}{second.pk}/bo-qua/", {"reason": "Quảng cáo"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (CommentStatus.ANSWERED, CommentStatus.DISMISSED)
    assert list(first.answers.values_list("body", "published", "answered_by")) == [
        ("Đã xác minh.", True, reviewer.pk)]
    empty = client.post(f"{url}{first.pk}/tra-loi/", {"body": ""}, follow=True)
    assert "Hãy viết nội dung trả lời (tối đa 4000 ký tự)." in empty.content.decode()
    assert first.answers.count() == 1


def test_the_comment_page_is_not_found_for_an_officer_or_outside_scope(client, open_list,
                                                                       officer, other_officer):
    for user in (officer, other_officer):
        client.force_login(user)
        assert client.get(f"/quan-ly/ho-so/{open_list.pk}/gop-y/").status_code == 404
    client.logout()
    response = client.get(f"/quan-ly/ho-so/{open_list.pk}/gop-y/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/accounts/login/")


def test_a_spoofed_forwarded_header_does_not_escape_the_rate_limit(client, open_list,
                                                                   settings):
    settings.TRUSTED_PROXY_COUNT = 0
    data = {"author_name": "Lê Văn Dân", "body": "Một ý kiến góp ý nữa.", "website": ""}
    for number in range(5):
        assert client.post(f"/gop-y/{open_list.pk}/", data,
                           HTTP_X_FORWARDED_FOR=f"198.51.100.{number}").status_code == 302
    response = client.post(f"/gop-y/{open_list.pk}/", data,
                           HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert response.status_code == 429
    assert len({comment.client_hash for comment in Comment.objects.all()}) == 1


def test_behind_a_trusted_proxy_each_client_has_its_own_limit(client, open_list, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    data = {"author_name": "Lê Văn Dân", "body": "Một ý kiến góp ý nữa.", "website": ""}
    for _ in range(5):  # one client, also writing a forged entry on the left
        assert client.post(f"/gop-y/{open_list.pk}/", data, REMOTE_ADDR="10.0.0.2",
                           HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7").status_code == 302
    assert client.post(f"/gop-y/{open_list.pk}/", data, REMOTE_ADDR="10.0.0.2",
                       HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.7").status_code == 429
    # Another client behind the same proxy is not blocked.
    assert client.post(f"/gop-y/{open_list.pk}/", data, REMOTE_ADDR="10.0.0.2",
                       HTTP_X_FORWARDED_FOR="203.0.113.8").status_code == 302
    assert Comment.objects.filter(
        client_hash=comments.client_hash("203.0.113.7")).count() == 5
