"""Reading and checking award registers (contracts §3), and every kind of bad input: each is
rejected with its Vietnamese message naming sheet, row and column, and nothing is written."""

import datetime
import unicodedata
import zipfile

import pytest
from django.utils import timezone
from openpyxl import Workbook

from tests.awards.xlsx_builder import (
    BINH_ID,
    HEADER,
    HOA_ID,
    binh,
    hoa,
    to_tcvn3,
    to_vni,
    write_register,
    write_sheets,
)
from tests.factories import make_award, make_decision, make_person
from thidua.awards import importer

SHEET = "Trang tính “Danh sách”"
NEXT_YEAR = timezone.localdate().year + 1


def read(path) -> importer.Reading:
    return importer.read(path)


def errors_of(path) -> list[str]:
    return [str(issue) for issue in read(path).errors]


# ---- reading valid registers ---------------------------------------------------------------


def test_reads_rows_after_title_rows(db, tmp_path):
    path = write_register(tmp_path / "so.xlsx", [hoa(), binh()],
                          title_rows=("UBND HUYỆN PHÚ QUÝ", "SỔ KHEN THƯỞNG NĂM 2023", ""))
    reading = read(path)
    assert reading.errors == []
    assert reading.total_rows == 2
    first, second = reading.rows
    assert (first.sheet, first.number, first.full_name, first.birth_date, first.gender,
            first.personal_id, first.unit_name, first.year, first.award_type.code, first.kind,
            first.decision_number, first.decision_date, first.issuer_name, first.note) == (
        "Danh sách", 5, "Nguyễn Thị Hoà", datetime.date(1985, 3, 2), "female", HOA_ID,
        "UBND huyện Phú Quý", 2023, "cstd_co_so", "cong_trang", "125/QĐ-UBND",
        datetime.date(2023, 12, 20), "UBND huyện Phú Quý", "")
    # Excel dates and a short name (LĐTT) of the catalogue
    assert (second.number, second.birth_date, second.decision_date, second.award_type.code,
            second.gender) == (6, datetime.date(1979, 11, 30), datetime.date(2023, 12, 15),
                               "ldtt", "male")


def test_columns_in_any_order_with_labels_in_any_case_and_without_accents(db, tmp_path):
    labels = {"Họ và tên": "HO VA TEN", "Ngày sinh": "ngay sinh", "Giới tính": "GIỚI TÍNH",
              "Số định danh cá nhân": "So dinh danh ca nhan", "Đơn vị": "don vi", "Năm": "NĂM",
              "Danh hiệu/Hình thức": "Danh hieu / Hinh thuc", "Số quyết định": "so quyet dinh",
              "Ngày quyết định": "Ngày\nquyết định", "Cơ quan ban hành": "CO QUAN BAN HANH"}
    header = list(reversed(labels))
    rows = [{labels[label]: value for label, value in hoa().items()}]
    path = write_register(tmp_path / "so.xlsx", rows, header=[labels[h] for h in header])
    reading = read(path)
    assert reading.errors == []
    assert [(row.full_name, row.personal_id, row.award_type.code) for row in reading.rows] == [
        ("Nguyễn Thị Hoà", HOA_ID, "cstd_co_so")]


def test_optional_columns_may_be_left_out(db, tmp_path):
    header = [label for label in HEADER if label not in ("STT", "Loại khen thưởng", "Ghi chú")]
    reading = read(write_register(tmp_path / "so.xlsx", [hoa()], header=header))
    assert reading.errors == []
    assert reading.rows[0].kind == "cong_trang"


@pytest.mark.parametrize(("written", "kind"), [
    ("Đột xuất", "dot_xuat"), ("dot xuat", "dot_xuat"), ("chuyen_de", "chuyen_de"),
    ("Theo đợt, chuyên đề", "chuyen_de"), ("Niên hạn", "nien_han"), ("", "cong_trang"),
])
def test_kind_of_award_by_vietnamese_label_or_code(db, tmp_path, written, kind):
    reading = read(write_register(tmp_path / "so.xlsx", [hoa(**{"Loại khen thưởng": written})]))
    assert reading.errors == []
    assert reading.rows[0].kind == kind


def test_a_title_by_its_code_or_an_alias(db, tmp_path):
    rows = [hoa(**{"Danh hiệu/Hình thức": "bk_bo_tinh_individual"}),
            hoa(**{"Danh hiệu/Hình thức": "Bằng khen của Chủ tịch UBND tỉnh", "Năm": 2022})]
    reading = read(write_register(tmp_path / "so.xlsx", rows))
    assert [row.award_type.code for row in reading.rows] == ["bk_bo_tinh_individual"] * 2


def test_a_personal_id_in_a_number_cell_gets_its_leading_zero_back(db, tmp_path):
    path = write_register(tmp_path / "so.xlsx", [hoa(**{"Số định danh cá nhân": int(HOA_ID)})])
    assert read(path).rows[0].personal_id == "060185000123"


def test_text_is_stored_in_nfc_with_d_look_alikes_fixed(db, tmp_path):
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hoà")
    path = write_register(tmp_path / "so.xlsx", [hoa(**{
        "Họ và tên": f"  {decomposed} ", "Cơ quan ban hành": "Ðảng ủy huyện Phú Quý"})])
    row = read(path).rows[0]
    assert row.full_name == "Nguyễn Thị Hoà"
    assert unicodedata.is_normalized("NFC", row.full_name)
    assert row.issuer_name == "Đảng ủy huyện Phú Quý"


def test_legacy_fonts_are_converted_by_font_name(db, tmp_path):
    path = write_register(
        tmp_path / "so.xlsx",
        [hoa(**{"Họ và tên": to_tcvn3("Nguyễn Thị Hoà"), "Đơn vị": to_vni("UBND huyện Phú Quý"),
                "Cơ quan ban hành": to_tcvn3("ubnd huyện phú quý")})],
        fonts={"Họ và tên": ".VnTime", "Đơn vị": "VNI-Times", "Cơ quan ban hành": ".VnTimeH"})
    row = read(path).rows[0]
    assert (row.full_name, row.unit_name, row.issuer_name) == (
        "Nguyễn Thị Hoà", "UBND huyện Phú Quý", "UBND HUYỆN PHÚ QUÝ")


def test_a_workbook_whose_default_font_is_tcvn3(db, tmp_path):
    path = write_register(tmp_path / "so.xlsx", [hoa(**{
        "Họ và tên": to_tcvn3("Trần Thị Thuỷ"),
        "Danh hiệu/Hình thức": to_tcvn3("Lao động tiên tiến"),
        "Số quyết định": to_tcvn3("125/QĐ-UBND")})], default_font=".VnTime")
    reading = read(path)
    assert reading.errors == []
    row = reading.rows[0]
    assert (row.full_name, row.award_type.code, row.decision_number) == (
        "Trần Thị Thuỷ", "ldtt", "125/QĐ-UBND")


def test_legacy_text_without_its_font_is_recognised_by_content(db, tmp_path):
    path = write_register(tmp_path / "so.xlsx", [
        hoa(**{"Họ và tên": "NguyÔn ThÞ Hoµ"}),
        binh(**{"Họ và tên": "Traàn Vaên Bình", "Đơn vị": "UBND xaõ Tam Thanh"})])
    assert [(row.full_name, row.unit_name) for row in read(path).rows] == [
        ("Nguyễn Thị Hoà", "UBND huyện Phú Quý"), ("Trần Văn Bình", "UBND xã Tam Thanh")]


def test_reading_stops_at_the_first_row_without_a_name(db, tmp_path):
    path = write_register(tmp_path / "so.xlsx", [hoa(), {"Năm": 2023}, binh()])
    reading = read(path)
    assert [row.full_name for row in reading.rows] == ["Nguyễn Thị Hoà"]
    assert reading.total_rows == 1
    assert [str(issue) for issue in reading.warnings] == [
        f"{SHEET}, dòng 3: Dừng đọc tại dòng này vì ô họ và tên để trống; các dòng bên dưới "
        "không được đọc."]


def test_every_sheet_with_a_header_row_is_read(db, tmp_path):
    header = HEADER[1:11]
    path = write_sheets(tmp_path / "so.xlsx", {
        "Hướng dẫn": [["Điền mỗi khen thưởng trên một dòng."]],
        "2022": [header, [hoa(Năm=2022)[label] for label in header]],
        "2023": [["SỔ KHEN THƯỞNG 2023"], header, [binh()[label] for label in header]],
    })
    reading = read(path)
    assert [(row.sheet, row.number, row.year) for row in reading.rows] == [
        ("2022", 2, 2022), ("2023", 3, 2023)]
    assert [str(issue) for issue in reading.warnings] == [
        "Trang tính “Hướng dẫn”: Không tìm thấy dòng tiêu đề cột của sổ khen thưởng trong trang "
        "tính này; trang tính không được đọc."]


def test_a_row_without_id_joins_the_person_who_has_one(db, tmp_path):
    rows = [hoa(), hoa(**{"Số định danh cá nhân": "", "Năm": 2022, "Số quyết định": "9/QĐ"})]
    reading = read(write_register(tmp_path / "so.xlsx", rows))
    assert [row.person_key for row in reading.rows] == [("id", HOA_ID), ("id", HOA_ID)]


# ---- bad input: nothing is written ---------------------------------------------------------


def test_a_text_file_renamed_to_xlsx(db, tmp_path, rejected):
    path = tmp_path / "so.xlsx"
    path.write_text("Họ và tên;Ngày sinh\nNguyễn Thị Hoà;02/03/1985\n", encoding="utf-8")
    assert rejected(path) == ["Tệp không phải tệp Excel (.xlsx)."]


def test_a_word_document_renamed_to_xlsx(db, tmp_path, rejected):
    path = tmp_path / "so.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    assert rejected(path) == ["Tệp không phải tệp Excel (.xlsx)."]


def test_a_damaged_workbook(db, tmp_path, rejected):
    whole = write_register(tmp_path / "whole.xlsx", [hoa()]).read_bytes()
    path = tmp_path / "so.xlsx"
    path.write_bytes(whole[:len(whole) // 2])
    assert rejected(path) == ["Tệp bị hỏng hoặc không phải tệp Excel hợp lệ (.xlsx)."]


def test_an_old_xls_workbook(db, tmp_path, rejected):
    path = tmp_path / "so.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    assert rejected(path) == [
        "Tệp ở định dạng Excel 97–2003 cũ (.xls) hoặc có đặt mật khẩu: hãy mở tệp bằng Excel và "
        "lưu lại thành tệp Excel (.xlsx) không có mật khẩu."]


def test_a_missing_file(db, tmp_path, rejected):
    assert rejected(tmp_path / "khong-co.xlsx") == ["Không mở được tệp."]


def test_an_empty_workbook(db, tmp_path, rejected):
    path = tmp_path / "so.xlsx"
    Workbook().save(path)
    assert rejected(path) == [
        "Trang tính “Sheet”: Tệp Excel trống: không trang tính nào có dữ liệu."]


def test_a_header_without_data_rows(db, tmp_path, rejected):
    path = write_register(tmp_path / "so.xlsx", [])
    assert rejected(path) == [
        f"{SHEET}, dòng 2: Không có dòng dữ liệu nào dưới dòng tiêu đề cột."]


def test_missing_required_columns_are_named(db, tmp_path, rejected):
    left_out = ("Số định danh cá nhân", "Cơ quan ban hành")
    header = [label for label in HEADER if label not in left_out]
    path = write_register(tmp_path / "so.xlsx", [hoa()], header=header)
    assert rejected(path) == [
        f"{SHEET}, dòng 1: Thiếu các cột bắt buộc: Số định danh cá nhân, Cơ quan ban hành."]


def test_a_sheet_without_any_header_row(db, tmp_path, rejected):
    path = write_sheets(tmp_path / "so.xlsx", {"Sheet1": [["Nguyễn Thị Hoà", "02/03/1985"]]})
    assert rejected(path) == [
        "Trang tính “Sheet1”: Không tìm thấy dòng tiêu đề cột của sổ khen thưởng. Các cột bắt "
        "buộc: Họ và tên, Ngày sinh, Giới tính, Số định danh cá nhân, Đơn vị, Năm, Danh hiệu/Hình "
        "thức, Số quyết định, Ngày quyết định, Cơ quan ban hành."]


@pytest.mark.parametrize(("changes", "message"), [
    ({"Danh hiệu/Hình thức": "Chiến sĩ xuất sắc"},
     "cột Danh hiệu/Hình thức (H): “Chiến sĩ xuất sắc” không phải là danh hiệu thi đua hay hình "
     "thức khen thưởng có trong danh mục (hãy ghi tên, tên viết tắt hoặc mã)."),
    ({"Danh hiệu/Hình thức": "Tập thể lao động tiên tiến"},
     "cột Danh hiệu/Hình thức (H): “Tập thể lao động tiên tiến” không xét tặng cho cá nhân."),
    ({"Danh hiệu/Hình thức": ""},
     "cột Danh hiệu/Hình thức (H): Ô này đang trống; đây là thông tin bắt buộc."),
    ({"Ngày sinh": "31/02/2020"}, "cột Ngày sinh (C): Ngày 31/02/2020 không có thật."),
    ({"Ngày sinh": "ngày mai"},
     "cột Ngày sinh (C): “ngày mai” không phải là ngày: hãy ghi theo dạng dd/mm/yyyy."),
    ({"Ngày sinh": 1985},
     "cột Ngày sinh (C): “1985” không phải là ngày: hãy ghi theo dạng dd/mm/yyyy."),
    ({"Ngày quyết định": "30/13/2023"},
     "cột Ngày quyết định (J): Ngày 30/13/2023 không có thật."),
    ({"Ngày quyết định": ""},
     "cột Ngày quyết định (J): Ô này đang trống; đây là thông tin bắt buộc."),
    ({"Số quyết định": ""}, "cột Số quyết định (I): Ô này đang trống; đây là thông tin bắt buộc."),
    ({"Cơ quan ban hành": " "},
     "cột Cơ quan ban hành (K): Ô này đang trống; đây là thông tin bắt buộc."),
    ({"Giới tính": "Khác"},
     "cột Giới tính (D): “Khác” không phải là giới tính: hãy ghi Nam hoặc Nữ."),
    ({"Năm": "năm ngoái"}, "cột Năm (G): “năm ngoái” không phải là năm."),
    ({"Năm": "2²"}, "cột Năm (G): “2²” không phải là năm."),
    ({"Năm": "9" * 5000}, f"cột Năm (G): “{'9' * 5000}” không phải là năm."),
    ({"Năm": 1930}, "cột Năm (G): Năm 1930 trước năm 1945."),
    ({"Loại khen thưởng": "Thường xuyên"},
     "cột Loại khen thưởng (L): “Thường xuyên” không phải là loại hình khen thưởng; hãy ghi một "
     "trong các loại: Công trạng, Đột xuất, Theo đợt, chuyên đề, Quá trình cống hiến, Niên hạn, "
     "Đối ngoại."),
    ({"Số định danh cá nhân": "12345"},
     "cột Số định danh cá nhân (E): Số định danh cá nhân phải có đúng 12 chữ số."),
    ({"Số định danh cá nhân": "06018500012A"},
     "cột Số định danh cá nhân (E): Số định danh cá nhân phải có đúng 12 chữ số."),
    ({"Số định danh cá nhân": "999185000123"},
     "cột Số định danh cá nhân (E): Ba chữ số đầu (999) không phải là mã tỉnh."),
    ({"Giới tính": "Nam"},
     "cột Số định danh cá nhân (E): Chữ số thứ tư không khớp với giới tính."),
    ({"Ngày sinh": "02/03/1986"},
     "cột Số định danh cá nhân (E): Các chữ số thứ 4 đến 6 cho năm sinh 1985, không phải 1986."),
    ({"Số định danh cá nhân": "", "Ngày sinh": ""},
     "cột Ngày sinh (C): Không có số định danh cá nhân thì phải có ngày sinh để xác định người "
     "được khen thưởng."),
    ({"Năm": 2024, "Ngày quyết định": "20/12/2023"},
     "cột Năm (G): Năm thành tích 2024 sau ngày quyết định 20/12/2023."),
    ({"Họ và tên": "Nguyễn " + "Thị " * 30 + "Hoà"},
     "cột Họ và tên (B): Nội dung dài 130 ký tự; tối đa được 120 ký tự."),
    ({"Số quyết định": "1" * 61},
     "cột Số quyết định (I): Nội dung dài 61 ký tự; tối đa được 60 ký tự."),
    ({"Ghi chú": "x" * 501}, "cột Ghi chú (M): Nội dung dài 501 ký tự; tối đa được 500 ký tự."),
])
def test_a_bad_cell_is_named_by_sheet_row_and_column(db, tmp_path, rejected, changes, message):
    path = write_register(tmp_path / "so.xlsx", [hoa(**changes)])
    assert rejected(path) == [f"{SHEET}, dòng 2, {message}"]


def test_dates_in_the_future(db, tmp_path, rejected):
    soon = f"01/01/{NEXT_YEAR}"
    path = write_register(tmp_path / "so.xlsx", [
        hoa(**{"Ngày sinh": soon, "Số định danh cá nhân": ""}),
        binh(Năm=NEXT_YEAR),
        binh(**{"Ngày quyết định": soon, "Năm": 2024}),
    ])
    assert rejected(path) == [
        f"{SHEET}, dòng 2, cột Ngày sinh (C): Ngày sinh {soon} ở trong tương lai.",
        f"{SHEET}, dòng 3, cột Năm (G): Năm {NEXT_YEAR} ở trong tương lai.",
        f"{SHEET}, dòng 4, cột Ngày quyết định (J): Ngày quyết định {soon} ở trong tương lai.",
    ]


def test_every_error_of_a_row_is_reported_in_column_order(db, tmp_path, rejected):
    path = write_register(tmp_path / "so.xlsx", [
        hoa(**{"Ngày sinh": "31/02/2020", "Năm": NEXT_YEAR, "Danh hiệu/Hình thức": "xyz"})])
    assert rejected(path) == [
        f"{SHEET}, dòng 2, cột Ngày sinh (C): Ngày 31/02/2020 không có thật.",
        f"{SHEET}, dòng 2, cột Năm (G): Năm {NEXT_YEAR} ở trong tương lai.",
        f"{SHEET}, dòng 2, cột Danh hiệu/Hình thức (H): “xyz” không phải là danh hiệu thi đua hay "
        "hình thức khen thưởng có trong danh mục (hãy ghi tên, tên viết tắt hoặc mã).",
    ]


def test_a_duplicate_row_inside_the_file(db, tmp_path, rejected):
    path = write_register(tmp_path / "so.xlsx", [hoa(), binh(), hoa(**{"Ghi chú": "nhập lại"})])
    assert rejected(path) == [
        f"{SHEET}, dòng 4: Dòng này trùng với dòng 2 của trang tính “Danh sách” (cùng người, danh "
        "hiệu hoặc hình thức, năm và số quyết định)."]


def test_a_duplicate_row_written_with_another_name_of_the_same_title(db, tmp_path, rejected):
    path = write_register(tmp_path / "so.xlsx", [
        binh(), binh(**{"Danh hiệu/Hình thức": "Lao động tiên tiến", "Số định danh cá nhân": ""})])
    assert rejected(path) == [
        f"{SHEET}, dòng 3: Dòng này trùng với dòng 2 của trang tính “Danh sách” (cùng người, danh "
        "hiệu hoặc hình thức, năm và số quyết định)."]


def test_one_personal_id_for_two_people(db, tmp_path, rejected):
    path = write_register(tmp_path / "so.xlsx", [
        hoa(), hoa(**{"Họ và tên": "Lê Thị Hoa", "Năm": 2022})])
    assert rejected(path) == [
        f"{SHEET}, dòng 3, cột Số định danh cá nhân (E): Số định danh cá nhân {HOA_ID} đã được "
        "ghi ở dòng 2 cho Nguyễn Thị Hoà, sinh ngày 02/03/1985."]


def test_a_cell_holding_a_formula(db, tmp_path, rejected):
    path = write_register(tmp_path / "so.xlsx", [hoa(), binh(Năm="=2020+3")])
    assert rejected(path) == [
        f"{SHEET}, dòng 3, cột Năm (G): Ô có chứa công thức; sổ khen thưởng chỉ được chứa giá trị "
        "(hãy sao chép các ô rồi dán dưới dạng giá trị)."]


# ---- the plan: matching the database ---------------------------------------------------------


def plan_of(path, by=None) -> importer.Plan:
    reading = read(path)
    assert reading.errors == []
    return importer.plan(reading.rows, by=by, labels=reading.labels)


def test_units_and_issuers_are_linked_by_accent_folded_name(tree, tmp_path):
    path = write_register(tmp_path / "so.xlsx", [
        hoa(**{"Đơn vị": "UBND HUYEN PHU QUY"}), binh(**{"Cơ quan ban hành": "Hội Nông dân xã"})])
    plan = plan_of(path)
    assert plan.units == {"ubnd huyen phu quy": tree.phu_quy.pk,
                          "ubnd xa tam thanh": tree.tam_thanh.pk}
    assert plan.issuers == {"ubnd huyen phu quy": tree.phu_quy.pk}
    assert [str(issue) for issue in plan.warnings] == [
        f"{SHEET}, dòng 3, cột Cơ quan ban hành (K): Hệ thống không có đơn vị nào tên “Hội Nông "
        "dân xã”: cơ quan ban hành được giữ nguyên như trong tệp."]


def test_an_unknown_unit_is_only_a_warning(tree, tmp_path):
    path = write_register(tmp_path / "so.xlsx", [hoa(**{"Đơn vị": "Trường THCS Ngũ Phụng"})])
    plan = plan_of(path)
    assert plan.errors == []
    assert [str(issue) for issue in plan.warnings] == [
        f"{SHEET}, dòng 2, cột Đơn vị (F): Hệ thống không có đơn vị nào tên “Trường THCS Ngũ "
        "Phụng”: tên được giữ nguyên như trong tệp."]


def test_people_are_matched_by_id_then_by_name_and_birth_date(tree, people, tmp_path):
    binh_with_id = make_person("Trần Văn Bình", tree.tam_thanh, personal_id=BINH_ID,
                               birth_date=datetime.date(1979, 11, 30))
    path = write_register(tmp_path / "so.xlsx", [
        binh(**{"Họ và tên": "Trần Văn Bình"}),
        hoa(**{"Số định danh cá nhân": "", "Họ và tên": "nguyễn thị hòa"}),
        hoa(**{"Họ và tên": "Phạm Văn Mới", "Số định danh cá nhân": "", "Giới tính": "Nam",
               "Ngày sinh": "01/01/1990"}),
    ])
    plan = plan_of(path)
    assert plan.people == {("id", BINH_ID): binh_with_id.pk,
                           ("name", "nguyen thi hoa", datetime.date(1985, 3, 2)): people.hoa.pk}
    assert list(plan.new_people) == [("name", "pham van moi", datetime.date(1990, 1, 1))]
    assert plan.id_fills == {}


def test_a_person_recorded_without_id_gets_the_id_of_the_file(tree, people, tmp_path):
    plan = plan_of(write_register(tmp_path / "so.xlsx", [hoa()]))
    assert plan.people == {("id", HOA_ID): people.hoa.pk}
    assert plan.id_fills == {people.hoa.pk: HOA_ID}


def test_namesakes_without_id_need_one(tree, people, tmp_path):
    make_person("Nguyễn Thị Hòa", tree.phan_thiet, gender="female",
                birth_date=datetime.date(1985, 3, 2))
    path = write_register(tmp_path / "so.xlsx", [hoa(**{"Số định danh cá nhân": ""})])
    assert plan_of(path).errors[0].message == (
        "Hệ thống có nhiều người tên Nguyễn Thị Hoà, sinh ngày 02/03/1985: hãy ghi số định danh "
        "cá nhân.")


def test_an_officer_cannot_reach_people_or_units_outside_their_scope(tree, people, officer,
                                                                    tmp_path):
    path = write_register(tmp_path / "so.xlsx", [
        hoa(**{"Họ và tên": "Lê Thị Hòa", "Ngày sinh": "15/01/1990", "Số định danh cá nhân": "",
               "Đơn vị": "UBND phường Phú Thủy"})])
    plan = plan_of(path, by=officer)
    assert [str(issue) for issue in plan.errors] == [
        f"{SHEET}, dòng 2, cột Họ và tên (B): Lê Thị Hòa thuộc một đơn vị nằm ngoài phạm vi "
        "của bạn."]
    assert [str(issue) for issue in plan.warnings] == [
        f"{SHEET}, dòng 2, cột Đơn vị (F): Đơn vị “UBND phường Phú Thủy” nằm ngoài phạm vi của "
        "bạn: tên được giữ nguyên như trong tệp nhưng không được liên kết."]


def test_awards_already_in_the_register_are_skipped(tree, people, tmp_path):
    decision = make_decision("125/QĐ-UBND", datetime.date(2023, 12, 20), issuer=tree.phu_quy)
    make_award("cstd_co_so", person=people.hoa, year=2023, decision=decision)
    path = write_register(tmp_path / "so.xlsx", [hoa(**{"Số định danh cá nhân": ""}), binh()])
    plan = plan_of(path)
    assert plan.skipped == 1
    assert [row.full_name for row in plan.new_awards] == ["Trần Văn Bình"]
    assert plan.decisions == {("125/QĐ-UBND", datetime.date(2023, 12, 20)): decision.pk}
    assert list(plan.new_decisions) == [("87/QĐ-UBND", datetime.date(2023, 12, 15))]
    assert [(row["full_name"], row["status"], row["new_person"]) for row in plan.preview] == [
        ("Nguyễn Thị Hoà", "recorded", False), ("Trần Văn Bình", "new", False)]


def test_a_person_found_by_id_under_another_name_is_a_warning(tree, tmp_path):
    known = make_person("Trần Văn Bình", tree.tam_thanh, personal_id=BINH_ID,
                        birth_date=datetime.date(1979, 11, 30))
    plan = plan_of(write_register(tmp_path / "so.xlsx", [binh(**{"Họ và tên": "Trần Bình"})]))
    assert plan.people == {("id", BINH_ID): known.pk}
    assert [str(issue) for issue in plan.warnings] == [
        f"{SHEET}, dòng 2, cột Họ và tên (B): Người có số định danh này được lưu trong hệ thống "
        "với tên “Trần Văn Bình”; khen thưởng giữ tên như ghi trong tệp."]
