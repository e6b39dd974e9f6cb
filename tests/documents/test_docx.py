"""The Word documents opened again: the Decree 30 header block, the annex in Vietnamese order,
the articles with the bonus in words, and text normalised whatever the input."""

import datetime

from django.urls import reverse
from docx.shared import Pt

from tests.documents.conftest import cells, downloaded, opened, texts
from thidua.documents.choices import DocumentKind
from thidua.documents.word import builtin, render

ANNEX_PEOPLE = [
    ["STT", "Họ và tên", "Chức vụ, đơn vị công tác"],
    ["1", "Ông Lê Văn An", "UBND huyện Phú Quý"],
    ["2", "Bà Đặng Thị Ánh", "UBND huyện Phú Quý"],
    ["3", "Ông Trần Văn Bình", "UBND huyện Phú Quý"],
    ["4", "Bà Võ Thị Dung", "UBND huyện Phú Quý"],
    ["5", "Ông Nguyễn Văn Đức", "UBND huyện Phú Quý"],
    ["6", "Bà Nguyễn Thị Hoà", "UBND huyện Phú Quý"],
]


def test_the_decision_with_its_annex(client, reviewer, decision):
    client.force_login(reviewer)
    document = downloaded(client.get(reverse("documents:decision", args=[decision.pk])))
    header, closing, teams, people = document.tables
    assert cells(header) == [
        ["ỦY BAN NHÂN DÂN\nTỈNH BÌNH THUẬN\n",
         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"],
        ["Số: 05/QĐ-UBND", "Bình Thuận, ngày 05 tháng 01 năm 2026"]]
    body = texts(document)
    assert body[:7] == [
        "QUYẾT ĐỊNH", "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về "
        "phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng "
        "dẫn thi hành một số điều của Luật Thi đua, khen thưởng.",
        "QUYẾT ĐỊNH:"]
    assert body[7] == ("Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 tập thể "
                       "và 06 cá nhân (có danh sách kèm theo), đã có thành tích xuất sắc trong "
                       "công tác năm 2025.")
    # No bonus in the catalogue for this form: the execution article comes second.
    assert body[8].startswith("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.")
    assert cells(closing) == [["Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.",
                               "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\n\nNguyễn Văn Phong"]]
    assert body[9:14] == [
        "DANH SÁCH", "TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        "(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2026 của Chủ tịch Ủy ban nhân "
        "dân tỉnh Bình Thuận)", "I. TẬP THỂ (02)", "II. CÁ NHÂN (06)"]
    assert body[-1] == "(Danh sách này có 02 tập thể và 06 cá nhân)./."
    assert cells(teams) == [["STT", "Tên tập thể", "Đơn vị"],
                            ["1", "Ban Chỉ huy Quân sự", "UBND huyện Phú Quý"],
                            ["2", "Phòng Nội vụ", "UBND huyện Phú Quý"]]
    # Given names in Vietnamese order; the NFD name with Ð comes out NFC with Đ.
    assert cells(people) == ANNEX_PEOPLE


def test_the_page_follows_decree_30(client, reviewer, decision):
    client.force_login(reviewer)
    document = downloaded(client.get(reverse("documents:decision", args=[decision.pk])))
    first, annex = document.sections
    def mm(*lengths):
        return tuple(round(length.mm) for length in lengths)

    assert mm(first.page_width, first.page_height) == (210, 297)
    assert mm(first.top_margin, first.bottom_margin, first.left_margin,
              first.right_margin) == (20, 20, 30, 15)
    assert first.different_first_page_header_footer
    assert annex._sectPr.xml.count('w:start="1"') == 1  # the annex is numbered on its own
    normal = document.styles["Normal"].font
    assert (normal.name, normal.size) == ("Times New Roman", Pt(14))


def test_the_bonus_in_figures_and_words(client, reviewer, tree):
    from tests.factories import make_award, make_decision, make_person

    decision = make_decision("07/QĐ-UBND", datetime.date(2026, 1, 5), issuer=tree.phu_quy,
                             decided_by="district_chair", signer_title="Chủ tịch")
    make_award("ldtt", person=make_person("Nguyễn Thị Hoà", tree.phu_quy, gender="female"),
               decision=decision, year=2025)
    client.force_login(reviewer)
    body = texts(downloaded(client.get(reverse("documents:decision", args=[decision.pk]))))
    # 0.3 × 2,340,000 = 702,000, rounded up to the next 10,000 đồng.
    assert body[:3] == ["QUYẾT ĐỊNH", "Về việc công nhận danh hiệu Lao động tiên tiến năm 2025",
                        "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN PHÚ QUÝ"]
    assert body[7] == ("Điều 1. Công nhận danh hiệu Lao động tiên tiến cho Bà Nguyễn Thị Hoà, "
                       "UBND huyện Phú Quý, đã có thành tích xuất sắc.")
    assert body[8] == ("Điều 2. Kèm theo mức tiền thưởng theo quy định: mỗi cá nhân được thưởng "
                       "710.000 đồng (bằng chữ: Bảy trăm mười nghìn đồng). Tổng số tiền thưởng: "
                       "710.000 đồng (bằng chữ: Bảy trăm mười nghìn đồng), chi từ Quỹ thi đua, "
                       "khen thưởng theo quy định.")


def test_a_draft_leaves_number_and_date_blank(client, reviewer, decision):
    client.force_login(reviewer)
    document = downloaded(client.get(reverse("documents:decision", args=[decision.pk]),
                                     {"ban-nhap": "1"}))
    assert cells(document.tables[0])[1] == ["Số:        /QĐ-UBND",
                                            "Bình Thuận, ngày      tháng      năm 2026"]


def test_decisions_of_other_units_are_not_given_out(client, officer, other_officer, decision):
    """The officer of Phú Quý sees the lines of its people in the register, but the whole
    provincial decision (every unit's awardees) belongs to the issuing side."""
    for user in (officer, other_officer):
        client.force_login(user)
        assert client.get(reverse("documents:decision", args=[decision.pk])).status_code == 404


def test_values_are_normalised_and_escaped():
    context = {"co_quan_chu_quan": "", "co_quan_ban_hanh": "S\u01a0\u0300 N\u00d0I",
               "so_ky_hieu": "1/QĐ", "dia_danh_ngay": "x", "trich_yeu": "A & B <C>",
               "tham_quyen": "", "can_cu": [], "de_nghi": "", "cac_dieu": ["Đi\u0300u"],
               "noi_nhan": [], "chuc_danh_ky": [], "nguoi_ky": "", "tap_the": [],
               "ca_nhan": [], "so_tap_the": "", "so_ca_nhan": "", "tong_so": "",
               "tieu_de_danh_sach": "", "kem_theo": ""}
    document = opened(render.render(builtin.template_bytes(DocumentKind.DECISION), context))
    assert cells(document.tables[0])[0][0] == "SỜ NĐI\n"
    assert texts(document)[1] == "A & B <C>"
    assert texts(document)[3] == "Điều 1. Đìu"
