"""A visitor without an account opens the published candidate list and sends a comment, in
headless Chromium (Debian's, driven by Playwright; fixtures in tests/conftest.py)."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import make_person
from tests.proposals.dossiers import add_nominee, published
from thidua.core.workdays import add_working_days
from thidua.proposals.models import Comment

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True)]


def test_a_visitor_reads_the_list_and_sends_a_comment(live_server, page, tree):
    from playwright.sync_api import expect

    today = timezone.localdate()
    dossier = published(tree.phu_quy, today - datetime.timedelta(days=1),
                        add_working_days(today, 9), name="Khen thưởng tổng kết năm 2026")
    hoa = make_person("Nguyễn Thị Hoà", tree.phu_quy, gender="female",
                      personal_id="046185000123", birth_date=datetime.date(1985, 3, 2))
    add_nominee(dossier, "Nguyễn Thị Hoà", person=hoa, summary="Sáng kiến cấp huyện.")

    page.goto(f"{live_server.url}/gop-y/")
    page.click(f"#public-lists >> text={dossier.title}")
    expect(page.locator("h1")).to_have_text(dossier.title)
    expect(page.locator("#candidates")).to_contain_text("Nguyễn Thị Hoà")
    expect(page.locator("#candidates")).to_contain_text("Chiến sĩ thi đua cơ sở")
    expect(page.locator("body")).not_to_contain_text("046185000123")
    expect(page.locator("#id_website")).to_be_hidden()

    page.fill("#id_author_name", "Lê Văn Dân")
    page.select_option("#id_nominee", label="1. Nguyễn Thị Hoà")
    page.fill("#id_body", "Tôi xác nhận sáng kiến của chị Hoà đã được áp dụng ở xã.")
    page.click("#comment-form button[type=submit]")
    expect(page.locator(".alert-success")).to_contain_text(
        "Cảm ơn bạn: góp ý của bạn đã được tiếp nhận.")
    comment = Comment.objects.get()
    assert (comment.author_name, comment.nominee.name, comment.body) == (
        "Lê Văn Dân", "Nguyễn Thị Hoà", "Tôi xác nhận sáng kiến của chị Hoà đã được áp dụng ở xã.")
