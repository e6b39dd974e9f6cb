"""Issue 4's "done when", walked by a newcomer in a real browser (headless Chromium driven by
Playwright, fixtures in tests/conftest.py) on the demo data, as `thidua demo` loads it.

The officer of đặc khu Phú Quý makes a dossier in the open round, finds two people with the
page's own search, asserts a criterion for one and justifies the other, submits; the Department
of Home Affairs returns it for a missing report, the officer attaches it and submits again; the
reviewer receives, appraises and publishes the list; a visitor without an account comments on
the portal and the reviewer answers; the council's secretary takes the attendance, records one
recusal and opens the secret ballot; the nine members vote from their own accounts, one checks
his receipt; the secretary closes the ballot and the minutes show the counts; the leader drafts
and issues the decision, the award shows in the person's history, one award is revoked, and the
decision package is downloaded and opened.

Every step is a click or a typed field on the real pages. The only write outside them, besides
loading the demo, moves the comment period into the past (see `close_comment_period`)."""

import datetime
import json
import re
import zipfile

import pytest
from django.utils import timezone

from thidua.core.workdays import add_working_days
from thidua.demo import data
from thidua.demo.loader import load_demo
from thidua.proposals.models import Proposal

# Without Playwright the module is skipped, as the `browser` fixture skips without Chromium.
expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = [pytest.mark.browser,
              pytest.mark.django_db(transaction=True)]

TITLE = "Tờ trình đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho công chức đặc khu năm 2025"
NUMBER = "45/TTr-UBND"
HANH, BINH = "Phan Thị Mỹ Hạnh", "Trần Văn Bình"
BK = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (cá nhân)"
RETURN_REASON = "Thiếu báo cáo thành tích của ông Trần Văn Bình có xác nhận của thủ trưởng."
COMMENT = "Chị Hạnh đã chỉ đạo rất sát việc sắp xếp bộ máy ở xã đảo Ngũ Phụng."
REVOKED_FOR = "Thành tích khai không đúng sự thật."
ANSWER = "Cảm ơn ông; ý kiến đã được chuyển tới Hội đồng Thi đua – Khen thưởng tỉnh."
COUNCIL = "Hội đồng Thi đua – Khen thưởng tỉnh"
MEMBERS = [f"hoidong{number}" for number in range(1, 10)]
RECUSED = "hoidong5"  # Trịnh Thị Lan Anh, who stands aside for Trần Văn Bình
DISSENTER = "hoidong9"  # disagrees on Trần Văn Bình, abstains on Phan Thị Mỹ Hạnh
# The smallest file a PDF reader opens: the achievement report the reviewer asked for.
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Twelve sign-ins: a fast hash of the demo password (written by the loader below) keeps
    # them from costing a second of CPU each; the sign-in page is the same.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return load_demo()


@pytest.fixture
def new_page(browser):
    """Opens browsers of their own (own cookies), in Vietnamese at a desktop's width; all are
    closed after the test, which ends their connections to the live server."""
    contexts = []

    def open_page():
        contexts.append(browser.new_context(locale="vi-VN", accept_downloads=True,
                                            viewport={"width": 1280, "height": 900}))
        page = contexts[-1].new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


def sign_in(page, live_server, username: str):
    """Sign in as `username` through the sign-in page."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", data.DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Tổng quan")
    return page


def menu(page, group: str, entry: str) -> None:
    """Open a menu of the navigation bar and follow one of its entries."""
    nav = page.locator("#td-nav")
    nav.get_by_role("button", name=group).click()
    nav.get_by_role("link", name=entry, exact=True).click()


def open_dossier(page) -> None:
    menu(page, "Đề nghị và xét khen", "Hồ sơ đề nghị khen thưởng")
    page.get_by_role("link", name=TITLE, exact=True).click()
    expect(page.locator("h1")).to_have_text(TITLE)


def act(page, label: str, state: str) -> None:
    """Press a workflow button of the dossier page and see the new state."""
    page.locator("#actions").get_by_role("button", name=label, exact=True).click()
    expect(page.locator("#dossier-state")).to_have_text(state)


def close_comment_period(title: str) -> None:
    """The law's 10 working days of public comment cannot pass during a test, and no page (nor
    service) moves a publication's dates: the window opened by the reviewer's click is set in
    the past here, written straight to the table as tests/proposals/dossiers.py does, so that
    the dossier may go to the council. Nothing else of the walk is written outside the pages."""
    opened = timezone.localdate() - datetime.timedelta(days=21)
    Proposal.objects.filter(title=title).update(
        comment_opens_on=opened, comment_closes_on=add_working_days(opened, 10))


def vote(page, username: str, receipts: dict) -> None:
    """On the session page: open the ballot, choose for each nominee, keep the receipt."""
    page.get_by_role("link", name="Bỏ phiếu (phiếu kín)").click()
    rows = page.locator("main form tbody tr")
    for name in (HANH, BINH):
        if username == RECUSED and name == BINH:
            expect(rows.filter(has_text=BINH)).to_contain_text(
                "Bạn không tham gia xét trường hợp này.")
            continue
        choice = ("Đồng ý" if username != DISSENTER else
                  "Không đồng ý" if name == BINH else "Không biểu quyết")
        rows.filter(has_text=name).get_by_label(choice, exact=True).check()
    page.get_by_role("button", name="Gửi phiếu").click()
    expect(page.locator("h1")).to_have_text("Phiếu của bạn đã được ghi nhận")
    receipts[username] = page.locator("p.display-6").inner_text().strip()


def test_a_newcomer_takes_a_dossier_from_draft_to_decision(live_server, new_page, demo,
                                                            tmp_path):
    today = timezone.localdate().strftime("%d/%m/%Y")
    # 1. The officer makes the dossier and finds the nominees with the page's search.
    officer = sign_in(new_page(), live_server, "phuquy")
    menu(officer, "Đề nghị và xét khen", "Hồ sơ đề nghị khen thưởng")
    officer.get_by_role("link", name="Lập hồ sơ mới").click()
    officer.select_option("#id_round", label="Xét khen thưởng thành tích năm 2025")
    officer.select_option("#id_unit", label="UBND đặc khu Phú Quý")
    officer.fill("#id_number", NUMBER)
    officer.fill("#id_title", TITLE)
    officer.get_by_role("button", name="Lập hồ sơ").click()
    expect(officer.locator("h1")).to_have_text(TITLE)
    expect(officer.locator("#dossier-state")).to_have_text("Dự thảo")

    for name, search, summary in (
            (HANH, "phan thi my hanh", "Chỉ đạo sắp xếp bộ máy xã đảo Ngũ Phụng vào đặc khu."),
            (BINH, "tran van binh", "Tổ chức tốt các hoạt động văn hóa, thể thao của đặc khu.")):
        officer.get_by_role("link", name="Thêm người được đề nghị").click()
        officer.fill("#id_q", search)  # without accents: the search folds them
        officer.get_by_role("button", name="Tìm kiếm").click()
        expect(officer.locator("#person-results")).to_contain_text(name)
        officer.locator("#person-results").get_by_label(name).check()
        officer.select_option("#id_award_type", label=BK)
        officer.fill("#id_summary", summary)
        officer.get_by_role("button", name="Thêm và kiểm tra").click()
        expect(officer.locator("#nominee-table")).to_contain_text(name)
    lines = officer.locator("#nominee-table tbody tr")
    expect(lines).to_have_count(2)
    expect(lines.filter(has_text=HANH)).to_contain_text("Không đủ điều kiện")
    expect(lines.filter(has_text=BINH)).to_contain_text("Không đủ điều kiện")

    # Phan Thị Mỹ Hạnh: the unit asserts her outstanding achievement in a provincial movement.
    lines.filter(has_text=HANH).get_by_role("link", name="Sửa").click()
    officer.locator("#asserted-facts").get_by_label(
        "Có thành tích xuất sắc được bình xét trong phong trào thi đua do bộ, ban, ngành, tỉnh "
        "phát động").check()
    officer.get_by_role("button", name="Lưu và kiểm tra").click()
    expect(lines.filter(has_text=HANH)).to_contain_text("Đủ điều kiện")
    expect(lines.filter(has_text=HANH)).not_to_contain_text("Không đủ điều kiện")
    # Trần Văn Bình stays ineligible: the unit writes why it proposes him all the same.
    lines.filter(has_text=BINH).locator("textarea").fill(
        "Đơn vị đề nghị Hội đồng xem xét thành tích tổ chức lễ hội Nghinh Ông năm 2025.")
    lines.filter(has_text=BINH).get_by_role("button", name="Lưu lý do").click()
    act(officer, "Trình", "Đã trình")

    # The reviewer receives it and returns it with a reason.
    reviewer = sign_in(new_page(), live_server, "sonoivu")
    open_dossier(reviewer)
    act(reviewer, "Tiếp nhận", "Đã tiếp nhận")
    reviewer.locator("#action-return summary").click()
    reviewer.locator("#action-return textarea").fill(RETURN_REASON)
    reviewer.get_by_role("button", name="Xác nhận: Trả lại để hoàn thiện").click()
    expect(reviewer.locator("#dossier-state")).to_have_text("Trả lại để hoàn thiện")

    # The officer reads the reason, attaches the report and submits again.
    open_dossier(officer)
    expect(officer.locator("#dossier-state")).to_have_text("Trả lại để hoàn thiện")
    expect(officer.locator("#history")).to_contain_text(RETURN_REASON)
    report = tmp_path / "bao-cao-thanh-tich-tran-van-binh.pdf"
    report.write_bytes(PDF)
    officer.set_input_files("#id_file", str(report))
    officer.select_option("#id_kind", label="Báo cáo thành tích")
    officer.get_by_role("button", name="Đính kèm").click()
    expect(officer.locator("#attachments")).to_contain_text(report.name)
    act(officer, "Trình", "Đã trình")

    # The reviewer receives it again, appraises it and publishes the list for comment.
    open_dossier(reviewer)
    expect(reviewer.locator("#attachments")).to_contain_text(report.name)
    act(reviewer, "Tiếp nhận", "Đã tiếp nhận")
    act(reviewer, "Hoàn thành thẩm định", "Đã thẩm định")
    act(reviewer, "Công khai lấy ý kiến", "Đang công khai lấy ý kiến")

    # 2. A visitor without an account comments on the portal.
    visitor = new_page()
    visitor.goto(f"{live_server.url}/gop-y/")
    visitor.locator("#public-lists").get_by_role("link", name=TITLE).click()
    expect(visitor.locator("h1")).to_have_text(TITLE)
    expect(visitor.locator("#candidates")).to_contain_text(HANH)
    visitor.fill("#id_author_name", "Nguyễn Văn Dân")
    visitor.select_option("#id_nominee", label=f"1. {HANH}")
    visitor.fill("#id_body", COMMENT)
    visitor.get_by_role("button", name="Gửi góp ý").click()
    expect(visitor.locator(".alert-success")).to_contain_text(
        "Cảm ơn bạn: góp ý của bạn đã được tiếp nhận.")

    # The reviewer answers it, shown on the portal.
    reviewer.reload()
    reviewer.locator("#comments-link").click()
    expect(reviewer.locator("main")).to_contain_text(COMMENT)
    comment = reviewer.locator(".card").filter(has_text=COMMENT)
    comment.get_by_role("textbox", name="Trả lời").fill(ANSWER)
    comment.get_by_role("button", name="Thêm câu trả lời").click()
    expect(reviewer.locator("main")).to_contain_text(ANSWER)
    visitor.reload()
    expect(visitor.locator("main")).to_contain_text(ANSWER)

    close_comment_period(TITLE)
    open_dossier(reviewer)
    act(reviewer, "Trình Hội đồng", "Trình Hội đồng")

    # 3. The secretary schedules the session, takes the attendance, records a recusal, opens.
    secretary = sign_in(new_page(), live_server, "hoidong1")
    menu(secretary, "Đề nghị và xét khen", "Hội đồng")
    secretary.get_by_role("link", name=COUNCIL).click()
    secretary.select_option("#id_round", label="Xét khen thưởng thành tích năm 2025")
    secretary.fill("#id_date", today)
    secretary.get_by_role("button", name="Lên lịch phiên họp").click()
    expect(secretary.locator("main")).to_contain_text(BINH)
    for box in secretary.locator("input[name=present]").all():
        box.check()
    secretary.get_by_role("button", name="Lưu điểm danh").click()
    expect(secretary.locator("main")).to_contain_text("Có mặt 9/9 thành viên")
    secretary.select_option("#id_member", label="Trịnh Thị Lan Anh (Ủy viên)")
    secretary.select_option("#id_target", label=f"{BINH} – {BK}")
    secretary.select_option("#id_reason", label="Người thân trong gia đình của thành viên là người được đề nghị")
    secretary.get_by_role("button", name="Ghi nhận không tham gia xét").click()
    expect(secretary.locator("main")).to_contain_text(f"Trịnh Thị Lan Anh — {BINH}")
    secretary.get_by_role("button", name="Mở bỏ phiếu").click()
    session_url = secretary.url

    # Each member votes from their own account and gets a receipt code: the secretary on her
    # page, the others in turn at one computer, each signing in and out.
    vote(secretary, "hoidong1", receipts := {})
    booth = new_page()
    for username in MEMBERS[1:]:
        sign_in(booth, live_server, username)
        if username == MEMBERS[1]:  # the way to the session, through the menus
            menu(booth, "Đề nghị và xét khen", "Hội đồng")
            booth.get_by_role("link", name=COUNCIL).click()
            booth.get_by_role("link", name=today).click()
        else:
            booth.goto(session_url)
        vote(booth, username, receipts)
        if username != DISSENTER:
            booth.get_by_role("button", name="Đăng xuất").click()
    assert len(set(receipts.values())) == 9

    # The last member checks their receipt while the ballot is open.
    menu(booth, "Đề nghị và xét khen", "Hội đồng")
    booth.get_by_role("link", name="Kiểm tra biên nhận phiếu bầu").click()
    booth.fill("#id_code", receipts[DISSENTER])
    booth.get_by_role("button", name="Kiểm tra", exact=True).click()
    found = booth.locator("main table tbody tr")
    expect(found.filter(has_text=BINH)).to_contain_text("Không đồng ý")
    expect(found.filter(has_text=HANH)).to_contain_text("Không biểu quyết")
    expect(booth.locator("main")).to_contain_text("sẽ được tính khi kết thúc bỏ phiếu")

    # The secretary closes the ballot; the minutes show the counts.
    secretary.get_by_role("link", name=f"← {COUNCIL} · {today}").click()
    secretary.get_by_role("button", name="Kết thúc và kiểm phiếu").click()
    expect(secretary.locator("h1")).to_have_text("BIÊN BẢN KIỂM PHIẾU")
    counts = secretary.locator(".td-minutes-table tbody tr")
    # agree, disagree, abstain, absent without opinion, recused, result
    expect(counts.filter(has_text=HANH).locator("td").nth(4)).to_have_text("8")
    expect(counts.filter(has_text=HANH).locator("td").nth(6)).to_have_text("1")
    expect(counts.filter(has_text=BINH).locator("td").nth(4)).to_have_text("7")
    expect(counts.filter(has_text=BINH).locator("td").nth(5)).to_have_text("1")
    expect(counts.filter(has_text=BINH).locator("td").nth(8)).to_have_text("1")
    expect(counts.filter(has_text=HANH).locator("td").nth(9)).to_have_text("Đạt")
    expect(counts.filter(has_text=BINH).locator("td").nth(9)).to_have_text("Đạt")
    booth.fill("#id_code", receipts[DISSENTER])
    booth.get_by_role("button", name="Kiểm tra", exact=True).click()
    expect(booth.locator("main")).to_contain_text("đã được tính trong kết quả kiểm phiếu")

    # 4. The leader drafts the decision from the approved nominees and issues it.
    leader = sign_in(new_page(), live_server, "lanhdao")
    menu(leader, "Quyết định, văn bản", "Dự thảo quyết định")
    leader.select_option("#id_round", label="Xét khen thưởng thành tích năm 2025 (2025)")
    leader.get_by_role("button", name="Soạn quyết định").click()
    leader.locator("#dossier-choice").get_by_label(f"{NUMBER} – UBND đặc khu Phú Quý").check()
    leader.fill("#id_subject", "Về việc tặng Bằng khen của Chủ tịch UBND tỉnh")
    leader.fill("#id_signer_name", "Nguyễn Văn Ký")
    leader.fill("#id_signer_title", "Chủ tịch")
    leader.get_by_role("button", name="Lưu dự thảo").click()
    annex = leader.locator(".td-annex")
    expect(annex).to_contain_text(HANH)
    expect(annex).to_contain_text(BINH)
    leader.get_by_role("button", name="Ban hành quyết định").click()
    expect(leader.locator(".alert-success")).to_contain_text("2 khen thưởng đã vào sổ")
    number = re.fullmatch(r"Quyết định số (\S+/QĐ-UBND) ngày \S+",
                          leader.locator("h1").inner_text()).group(1)

    # The person's history shows the new award.
    leader.locator("#award-table").get_by_role("link", name=BINH).click()
    expect(leader.locator("h1")).to_have_text(BINH)
    expect(leader.locator("#year-2025")).to_contain_text(BK)
    expect(leader.locator("#year-2025")).to_contain_text(number)

    # 5. The reviewer finds the decision from the dossier and revokes Trần Văn Bình's award.
    open_dossier(reviewer)
    expect(reviewer.locator("#dossier-state")).to_have_text("Đã có quyết định")
    reviewer.locator("#decision-link").click()
    reviewer.get_by_role("link", name="Hủy bỏ khen thưởng của quyết định này").click()
    reviewer.locator("#revocable tbody tr").filter(has_text=BINH).get_by_role("checkbox").check()
    reviewer.fill("#id_signer_name", "Nguyễn Văn Ký")
    reviewer.fill("#id_signer_title", "Chủ tịch")
    reviewer.fill("#id_reason", REVOKED_FOR)
    reviewer.fill("#id_basis", "Luật Thi đua, khen thưởng 2022, Điều 93")
    reviewer.get_by_role("button", name="Ban hành quyết định hủy bỏ").click()
    expect(reviewer.locator("#revocation-table")).to_contain_text(BINH)
    reviewer.locator("#revocation-table").get_by_role("link", name=number).click()
    awards = reviewer.locator("#award-table tbody tr")
    expect(awards.filter(has_text=BINH)).to_contain_text("Đã hủy bỏ")
    expect(awards.filter(has_text=HANH)).to_contain_text("Còn hiệu lực")
    awards.get_by_role("link", name=BINH).click()
    expect(reviewer.locator("#year-2025 .td-revoked")).to_contain_text(BK)
    expect(reviewer.locator("#year-2025")).to_contain_text(REVOKED_FOR)

    # 6. The decision package (.zip), from the decision's page, holds the returned report.
    leader.locator("#year-2025 .td-award").filter(has_text=BK).get_by_role(
        "link", name="xem quyết định").click()
    with leader.expect_download() as download:
        leader.get_by_role("link", name="Tải gói hồ sơ (.zip)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        manifest = json.loads(archive.read("package.json"))
        files = {name: archive.read(name) for name in archive.namelist()
                 if name.startswith("files/")}
    assert manifest["decision"]["number"] == number
    listed = {entry["name"]: entry["path"] for entry in manifest["files"]}
    assert files[listed[report.name]] == PDF
    assert set(files) == set(listed.values())
