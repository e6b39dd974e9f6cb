"""The officer's path through the screens, in headless Chromium (Debian's, driven by Playwright).

Set THIDUA_SCREENSHOTS=1 to save a screenshot of the person page to docs/screenshots/person.png."""

import datetime
import os
from pathlib import Path

import pytest

from tests.factories import UserFactory, make_award, make_decision, make_person
from thidua.accounts.choices import Role
from thidua.awards import services as award_services
from thidua.movements import services as cluster_services
from thidua.people import services as people_services

SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "screenshots" / "person.png"

# Transactional (the live server reads what the test writes); the catalogue that a flush
# removes is written again by the `catalogue_rows` fixture of tests/conftest.py.
pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True)]


@pytest.fixture
def province(tree, people):
    """Two spellings of Hoà in Phú Quý, one Hòa in Phan Thiết, Hoà's history and cluster I."""
    make_person("Nguyễn Thị Hòa", tree.tam_thanh, gender="female")
    hoa = people.hoa
    people_services.record_rating(by=None, person=hoa, year=2024, level="HTXS")
    make_award("cstd_co_so", person=hoa, year=2024,
               decision=make_decision("120/QĐ-UBND", datetime.date(2024, 12, 20)))
    revoked = make_award("ldtt", person=hoa, year=2023,
                         decision=make_decision("15/QĐ-UBND", datetime.date(2023, 12, 28)))
    award_services.revoke_award(by=None, award=revoked, reason="Kê khai sai",
                                decision=make_decision("9/QĐ-UBND", datetime.date(2024, 3, 1)))
    cluster = cluster_services.create_cluster(by=None, code="cum-1", name="Cụm thi đua số I",
                                              organiser=tree.province)
    for year, chair in ((2017, tree.phu_quy), (2018, tree.phan_thiet)):
        cluster_services.set_cluster_year(by=None, cluster=cluster, year=year, chair=chair,
                                          members=[tree.phu_quy, tree.phan_thiet])
    cluster_services.hand_over_chair(by=None, cluster=cluster, for_year=2018,
                                     date=datetime.date(2018, 1, 25), from_unit=tree.phu_quy,
                                     to_unit=tree.phan_thiet)
    UserFactory(username="phuquy", role=Role.OFFICER, unit=tree.phu_quy)
    return hoa


def test_officer_signs_in_searches_without_accents_and_reads_a_history(live_server, page,
                                                                        province):
    from playwright.sync_api import expect

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "phuquy")
    page.fill("#id_password", "secret-pass-123")
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Tổng quan")

    page.click("nav >> text=Dữ liệu")  # the menu of records opens, then its entry
    page.click("nav >> text=Cá nhân")
    expect(page.locator("#people-count")).to_have_text("Tìm thấy 3 cá nhân")
    page.evaluate("window.tdStillHere = true")  # gone if the page were reloaded
    page.fill("#id_q", "nguyen thi hoa")
    expect(page.locator("#people-count")).to_have_text("Tìm thấy 2 cá nhân")
    names = page.locator("#people-table tbody td:first-child").all_inner_texts()
    assert names == ["Nguyễn Thị Hoà", "Nguyễn Thị Hòa"]
    assert page.evaluate("window.tdStillHere") is True  # swapped by htmx, not reloaded
    assert page.url == f"{live_server.url}/quan-ly/ca-nhan/?q=nguyen+thi+hoa"  # HX-Push-Url
    expect(page.locator("#people-table")).not_to_contain_text("Lê Thị Hòa")

    page.click("#people-table >> text=Nguyễn Thị Hoà")
    expect(page.locator("h1")).to_have_text("Nguyễn Thị Hoà")
    expect(page.locator("#year-2024")).to_contain_text("Xếp loại: HTXS")
    expect(page.locator("#year-2024")).to_contain_text("Chiến sĩ thi đua cơ sở")
    expect(page.locator("#year-2023 .td-revoked")).to_contain_text("Lao động tiên tiến")
    expect(page.locator("#year-2023")).to_contain_text(
        "Bị hủy bỏ theo Quyết định số 9/QĐ-UBND ngày 01/03/2024: Kê khai sai")
    if os.environ.get("THIDUA_SCREENSHOTS") == "1":
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT), full_page=True)

    page.click("nav >> text=Dữ liệu")
    page.click("nav >> text=Cụm, khối thi đua")
    page.click("text=Cụm thi đua số I")
    expect(page.locator("h1")).to_have_text("Cụm thi đua số I")
    expect(page.locator("tr.td-handover")).to_have_text(
        "2018 UBND huyện Phú Quý → UBND thành phố Phan Thiết 25/01/2018", use_inner_text=True)
    expect(page.locator("#year-2017 .td-member")).to_have_count(2)
