"""The public verification page in headless Chromium: what someone sees after scanning the QR
code of a certificate, or typing its code (Debian's Chromium, driven by Playwright), at a
phone's width: the page is opened from a QR code."""

import pytest

from tests.documents.certificate_support import make_certified
from thidua.documents import verification

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True)]


def test_a_scanned_code_shows_the_award_and_a_typed_one_too(live_server, page, tree):
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 412, "height": 900})
    certified = make_certified(tree)
    award = certified.awards.hoa
    code = verification.issue_certificates([award], by=None)[award.pk]

    page.goto(f"{live_server.url}/xac-minh/{code}/")
    expect(page.locator("#verify-status")).to_contain_text("đang có hiệu lực")
    expect(page.locator("#verify-record")).to_contain_text("Nguyễn Thị Hoà")
    expect(page.locator("#verify-record")).to_contain_text("Số 120/QĐ-UBND ngày 20/12/2024")
    expect(page.locator("#verify-record")).to_contain_text("Tỉnh Bình Thuận")

    page.goto(f"{live_server.url}/xac-minh/")
    page.fill("#id_code", f"{code[:5].lower()}-{code[5:].lower()}")
    page.click("#verify-form button[type=submit]")
    expect(page).to_have_url(f"{live_server.url}/xac-minh/{code}/")
    expect(page.locator("h1")).to_have_text("Xác minh bằng, giấy chứng nhận")

    response = page.goto(f"{live_server.url}/xac-minh/ZZZZZ99999/")
    assert response.status == 404
    expect(page.locator("#verify-status")).to_contain_text(
        "Không có chứng nhận nào mang mã “ZZZZZ99999”")
