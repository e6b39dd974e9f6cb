"""The built-in templates, written as code on the Decree 30/2020 grid. Each builder returns a
python-docx Document holding docxtpl tags; `template_bytes(kind)` saves it once per process.
An administrator downloads one, edits it in Word and uploads it back (DocumentTemplate).

The placeholders each template may use are listed with their meaning in `samples.FIELDS` and
in docs/documents.md."""

import io
from functools import cache

from thidua.documents.choices import DocumentKind
from thidua.documents.word.layout import CENTER, LEFT, TEXT_WIDTH, Page


def decision() -> Page:
    """Model 1.2 (an individual decision), then the annex list on its own numbered pages."""
    page = Page()
    page.header()
    page.title("QUYẾT ĐỊNH")
    page.para("{{ tham_quyen }}", align=CENTER, bold=True, after=12)
    page.repeat("dong in can_cu", "{{ dong }}", italic=True, indent=True, after=6)
    page.when("de_nghi", "{{ de_nghi }}", italic=True, indent=True, after=6)
    page.para("QUYẾT ĐỊNH:", align=CENTER, bold=True, before=6, after=12)
    page.tag("{%p for dieu in cac_dieu %}")
    page.runs([("Điều {{ loop.index }}. ", {"bold": True}), ("{{ dieu }}", {})])
    page.tag("{%p endfor %}")
    page.closing()
    page.new_section()
    annex(page, "Họ và tên", "{{ cn.danh_xung }} {{ cn.ho_ten }}")
    return page


def annex(page: Page, name_label: str, name_text: str) -> None:
    """The list attached to a decision or a submission: collectives, then individuals."""
    page.para("DANH SÁCH", align=CENTER, bold=True)
    page.para("{{ tieu_de_danh_sach }}", align=CENTER, bold=True)
    page.para("{{ kem_theo }}", align=CENTER, italic=True)
    page.rule(40, TEXT_WIDTH, before=3, after=12)
    page.when("tap_the", "I. TẬP THỂ ({{ so_tap_the }})", align=LEFT, bold=True, after=6)
    page.tag("{%p if tap_the %}")
    page.annex_table([("STT", 14, "{{ tt.stt }}"), ("Tên tập thể", 76, "{{ tt.ten }}"),
                      ("Đơn vị", 75, "{{ tt.don_vi }}")], "tt in tap_the")
    page.tag("{%p endif %}")
    page.when("ca_nhan", "{{ 'II' if tap_the else 'I' }}. CÁ NHÂN ({{ so_ca_nhan }})",
              align=LEFT, bold=True, before=12, after=6)
    page.tag("{%p if ca_nhan %}")
    page.annex_table([("STT", 14, "{{ cn.stt }}"), (name_label, 60, name_text),
                      ("Chức vụ, đơn vị công tác", 91, "{{ cn.chuc_vu_don_vi }}")],
                     "cn in ca_nhan")
    page.tag("{%p endif %}")
    page.para("(Danh sách này có {{ tong_so }})./.", align=CENTER, italic=True, before=12)


def submission() -> Page:
    """Form 01 of the Decree 152/2025 annex on model 1.4: Kính gửi, bases, grounds, the
    proposal, then the list of nominees."""
    page = Page()
    page.header()
    page.title("TỜ TRÌNH")
    page.para("Kính gửi: {{ kinh_gui }}", align=CENTER, after=12)
    page.repeat("dong in can_cu", "{{ dong }}", indent=True, after=6)
    page.repeat("doan in noi_dung", "{{ doan }}", indent=True, after=6)
    page.para("{{ de_nghi }}", indent=True, after=6)
    page.para("{{ ket_thuc }}", indent=True, after=6)
    page.closing()
    page.new_section()
    annex(page, "Họ và tên", "{{ cn.danh_xung }} {{ cn.ho_ten }}")
    return page


def vote_minutes() -> Page:
    """Model 1.9 (biên bản): no place and date in the header; opening facts, the ballots,
    the result per candidate, the conclusion; signed by the secretary and the chair."""
    page = Page()
    page.header(place_date=False)
    page.title("BIÊN BẢN", "{{ ten_cuoc_hop }}")
    for text in ("Thời gian bắt đầu: {{ thoi_gian_bat_dau }}.", "Địa điểm: {{ dia_diem }}.",
                 "Chủ trì: {{ chu_tri }}.", "Thư ký: {{ thu_ky }}.",
                 "Thành phần: {{ tong_thanh_vien }} thành viên Hội đồng; có mặt {{ co_mat }}, "
                 "vắng mặt {{ so_vang_mat }}."):
        page.para(text, indent=True, after=6)
    page.repeat("vm in vang_mat", "- {{ vm }}", indent=True, after=3)
    page.repeat("dc in dieu_chinh", "{{ dc }}", indent=True, after=6)
    page.para("Ban kiểm phiếu gồm:", indent=True, after=3)
    page.repeat("tv in ban_kiem_phieu", "- {{ tv.ho_ten }}, {{ tv.nhiem_vu }};", indent=True,
                after=3)
    page.para("I. KẾT QUẢ KIỂM PHIẾU", align=LEFT, bold=True, before=6, after=6)
    for text in ("Số phiếu phát ra: {{ phieu_phat_ra }}; số phiếu thu vào: {{ phieu_thu_vao }}.",
                 "Số phiếu hợp lệ: {{ phieu_hop_le }}; số phiếu không hợp lệ: "
                 "{{ phieu_khong_hop_le }}.", "{{ cach_tinh }}"):
        page.para(text, indent=True, after=6)
    page.annex_table([("STT", 12, "{{ kq.stt }}"), ("Họ và tên, tập thể", 45, "{{ kq.ten }}"),
                      ("Đề nghị", 40, "{{ kq.de_nghi }}"), ("Đồng ý", 18, "{{ kq.dong_y }}"),
                      ("Tỷ lệ", 20, "{{ kq.ty_le }}"), ("Kết quả", 30, "{{ kq.ket_qua }}")],
                     "kq in ket_qua")
    page.para("II. KẾT LUẬN", align=LEFT, bold=True, before=12, after=6)
    page.para("{{ ket_luan }}", indent=True, after=6)
    page.para("Biên bản kết thúc lúc {{ thoi_gian_ket_thuc }}, đã được đọc lại cho các thành "
              "viên dự họp cùng nghe và thống nhất./.", indent=True, after=12)
    two_signatures(page, ("THƯ KÝ", "thu_ky"), ("CHỦ TỌA", "chu_tri"))
    page.para("CÁC THÀNH VIÊN BAN KIỂM PHIẾU", align=CENTER, bold=True, before=12)
    page.repeat("tv in ban_kiem_phieu", "{{ tv.ho_ten }}", align=CENTER)
    return page


def two_signatures(page: Page, left: tuple[str, str], right: tuple[str, str], *,
                   hint: str = "") -> None:
    table = page.grid(1, (82, 83))
    for column, (title, name) in enumerate((left, right)):
        cell = page.cell(table, 0, column)
        page.para(title, container=cell, align=CENTER, bold=True)
        if hint:
            page.para(hint, container=cell, align=CENTER, italic=True)
        for _ in range(4):
            page.para("", container=cell)
        page.para(f"{{{{ {name} }}}}", container=cell, align=CENTER, bold=True)


def history_tables(page: Page) -> None:
    """Part III of every achievement report: the titles, then the awards received."""
    page.para("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", align=LEFT, bold=True, before=12,
              after=6)
    page.para("1. Danh hiệu thi đua:", align=LEFT, bold=True, after=6)
    page.annex_table([("Năm", 18, "{{ dh.nam }}"), ("Danh hiệu thi đua", 62, "{{ dh.ten }}"),
                      ("Số, ngày, tháng, năm của quyết định công nhận; cơ quan ban hành "
                       "quyết định", 85, "{{ dh.quyet_dinh }}")], "dh in danh_hieu")
    page.para("2. Hình thức khen thưởng:", align=LEFT, bold=True, before=12, after=6)
    page.annex_table([("Năm", 18, "{{ kt.nam }}"), ("Hình thức khen thưởng", 62, "{{ kt.ten }}"),
                      ("Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan ban hành "
                       "quyết định", 85, "{{ kt.quyet_dinh }}")], "kt in khen_thuong")


def report_heading(page: Page) -> None:
    """Reports are written by the awardee: the national title and the place and date only."""
    page.header(body=False)
    page.title("BÁO CÁO THÀNH TÍCH", "{{ danh_hieu_de_nghi }}")


def report_individual() -> Page:
    """Form 05 of the Decree 152/2025 annex (merit award, individual)."""
    page = Page()
    report_heading(page)
    page.para("I. SƠ LƯỢC LÝ LỊCH", align=LEFT, bold=True, after=6)
    for text in ("- Họ tên: {{ ho_ten }}", "- Sinh ngày, tháng, năm: {{ ngay_sinh }}; "
                 "Giới tính: {{ gioi_tinh }}", "- Quê quán: {{ que_quan }}",
                 "- Trú quán: {{ tru_quan }}", "- Đơn vị công tác: {{ don_vi }}",
                 "- Chức vụ (Đảng, chính quyền, đoàn thể): {{ chuc_vu }}",
                 "- Trình độ chuyên môn, nghiệp vụ: {{ trinh_do }}",
                 "- Học hàm, học vị, danh hiệu, giải thưởng: {{ hoc_ham }}"):
        page.para(text, indent=True, after=3)
    page.para("II. THÀNH TÍCH ĐẠT ĐƯỢC", align=LEFT, bold=True, before=12, after=6)
    page.para("1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận:", bold=True, indent=True,
              after=3)
    page.repeat("ct in qua_trinh_cong_tac", "- {{ ct }}", indent=True, after=3)
    page.para("2. Thành tích đạt được:", bold=True, indent=True, after=3)
    page.repeat("dong in ket_qua", "- {{ dong }}", indent=True, after=3)
    page.when("sang_kien", "Sáng kiến, đề tài được công nhận:", indent=True, after=3)
    page.repeat("sk in sang_kien", "- {{ sk }}", indent=True, after=3)
    history_tables(page)
    report_signatures(page, ("THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ", "(Ký, đóng dấu)", ""),
                      ("NGƯỜI BÁO CÁO THÀNH TÍCH", "(Ký, ghi rõ họ và tên)", "ho_ten"))
    return page


def report_collective() -> Page:
    """Form 04 of the Decree 152/2025 annex (merit award, collective)."""
    page = Page()
    report_heading(page)
    page.para("{{ ten_tap_the }}", align=CENTER, bold=True, after=12)
    page.para("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", align=LEFT, bold=True, after=6)
    page.para("1. Đặc điểm, tình hình:", bold=True, indent=True, after=3)
    for text in ("- Địa chỉ trụ sở: {{ dia_chi }}", "- Đơn vị cấp trên: {{ don_vi_cap_tren }}",
                 "- {{ dac_diem }}"):
        page.para(text, indent=True, after=3)
    page.para("2. Chức năng, nhiệm vụ: {{ chuc_nang }}", bold=False, indent=True, after=3)
    page.para("II. THÀNH TÍCH ĐẠT ĐƯỢC", align=LEFT, bold=True, before=12, after=6)
    page.para("1. Kết quả thực hiện nhiệm vụ được giao:", bold=True, indent=True, after=3)
    page.repeat("dong in ket_qua", "- {{ dong }}", indent=True, after=3)
    page.para("2. Các biện pháp, nguyên nhân đạt được thành tích; các phong trào thi đua: "
              "{{ bien_phap }}", indent=True, after=3)
    history_tables(page)
    report_signatures(page, ("XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", "(Ký, đóng dấu)", ""),
                      ("THỦ TRƯỞNG ĐƠN VỊ", "(Ký, đóng dấu)", "thu_truong"))
    return page


def report_signatures(page: Page, left: tuple[str, str, str], right: tuple[str, str, str]
                      ) -> None:
    page.para("", after=12)
    table = page.grid(1, (82, 83))
    for column, (title, hint, name) in enumerate((left, right)):
        cell = page.cell(table, 0, column)
        page.para(title, container=cell, align=CENTER, bold=True)
        page.para(hint, container=cell, align=CENTER, italic=True)
        for _ in range(4):
            page.para("", container=cell)
        page.para(f"{{{{ {name} }}}}" if name else "", container=cell, align=CENTER, bold=True)
    if left[0].startswith("THỦ TRƯỞNG"):
        page.para("XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", align=CENTER, bold=True, before=18)
        page.para("(Ký, đóng dấu)", align=CENTER, italic=True)


BUILDERS = {
    DocumentKind.DECISION: decision,
    DocumentKind.SUBMISSION: submission,
    DocumentKind.VOTE_MINUTES: vote_minutes,
    DocumentKind.REPORT_INDIVIDUAL: report_individual,
    DocumentKind.REPORT_COLLECTIVE: report_collective,
}


@cache
def template_bytes(kind: str) -> bytes:
    """The built-in template of `kind` as .docx bytes (built once per process)."""
    buffer = io.BytesIO()
    BUILDERS[DocumentKind(kind)]().doc.save(buffer)
    return buffer.getvalue()
