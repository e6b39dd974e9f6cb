"""Importing a dossier's lines from the units' Excel list: the register importer's reader
(header by labels, legacy fonts, formulas refused), people matched in scope, all or nothing."""

import datetime
from types import SimpleNamespace

import pytest

from tests.awards.xlsx_builder import to_tcvn3, write_register
from tests.factories import make_person
from tests.proposals.conftest import counts
from thidua.people.validators import make_personal_id
from thidua.proposals import nominee_xlsx, services
from thidua.proposals.services import DossierError

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số định danh cá nhân", "Đơn vị",
          "Danh hiệu/Hình thức đề nghị", "Tóm tắt thành tích", "Ghi chú"]
LAN_ID = make_personal_id("060", "female", 1988, 771)


@pytest.fixture
def lan(tree):
    return make_person("Phạm Thị Lan", tree.tam_thanh, gender="female",
                       birth_date=datetime.date(1988, 6, 9), personal_id=LAN_ID)


def hoa_row(**changes) -> dict:
    row = {"Họ và tên": "Nguyễn Thị Hoà", "Ngày sinh": "02/03/1985", "Giới tính": "Nữ",
           "Đơn vị": "UBND huyện Phú Quý", "Danh hiệu/Hình thức đề nghị": "Lao động tiên tiến",
           "Tóm tắt thành tích": "Hoàn thành tốt nhiệm vụ được giao"}
    row.update(changes)
    return row


def lan_row(**changes) -> dict:
    row = {"Họ và tên": "Phạm Thị Lan", "Ngày sinh": "09/06/1988", "Giới tính": "Nữ",
           "Số định danh cá nhân": LAN_ID, "Đơn vị": "UBND xã Tam Thanh",
           "Danh hiệu/Hình thức đề nghị": "LĐTT", "Tóm tắt thành tích": "Cán bộ văn hóa xã",
           "Ghi chú": "Nữ"}
    row.update(changes)
    return row


def rejected(dossier, path, by) -> list[str]:
    before = counts()
    outcome = services.import_nominees(dossier, path, by=by)
    assert outcome.ok is False
    assert counts() == before
    return [str(issue) for issue in outcome.errors]


def test_a_list_is_imported_matched_by_id_and_by_name_and_checked(dossier, rated, lan,
                                                                   zone_officer, tmp_path):
    path = write_register(tmp_path / "danh-sach.xlsx", [hoa_row(), lan_row()], header=HEADER,
                          title_rows=("UBND ĐẶC KHU PHÚ QUÝ", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"))
    outcome = services.import_nominees(dossier, path, by=zone_officer)
    assert (outcome.ok, outcome.added, outcome.errors) == (True, 2, [])
    assert list(dossier.nominees.order_by("position").values_list(
        "position", "person_id", "award_type__code", "summary", "note", "verdict")) == [
        (1, rated.hoa.pk, "ldtt", "Hoàn thành tốt nhiệm vụ được giao", "", "ELIGIBLE"),
        (2, lan.pk, "ldtt", "Cán bộ văn hóa xã", "Nữ", "INELIGIBLE")]


def test_names_typed_in_a_legacy_font_are_converted(dossier, rated, zone_officer, tmp_path):
    row = hoa_row(**{"Họ và tên": to_tcvn3("Nguyễn Thị Hoà")})
    path = write_register(tmp_path / "tcvn3.xlsx", [row], header=HEADER,
                          fonts={"Họ và tên": ".VnTime"})
    outcome = services.import_nominees(dossier, path, by=zone_officer)
    assert outcome.ok, [str(issue) for issue in outcome.errors]
    assert list(dossier.nominees.values_list("name", flat=True)) == ["Nguyễn Thị Hoà"]


def test_every_wrong_cell_is_named_and_nothing_is_written(dossier, rated, zone_officer,
                                                          tmp_path):
    rows = [hoa_row(**{"Ngày sinh": "31/02/1985"}),
            hoa_row(**{"Danh hiệu/Hình thức đề nghị": "Huân chương Mặt Trăng"}),
            hoa_row(**{"Danh hiệu/Hình thức đề nghị": "Tập thể lao động tiên tiến"})]
    path = write_register(tmp_path / "sai.xlsx", rows, header=HEADER)
    assert rejected(dossier, path, zone_officer) == [
        "Trang tính “Danh sách”, dòng 2, cột Ngày sinh (C): Ngày 31/02/1985 không có thật.",
        "Trang tính “Danh sách”, dòng 3, cột Danh hiệu/Hình thức đề nghị (G): “Huân chương Mặt "
        "Trăng” không phải là danh hiệu thi đua hay hình thức khen thưởng có trong danh mục "
        "(hãy ghi tên, tên viết tắt hoặc mã).",
        "Trang tính “Danh sách”, dòng 4, cột Danh hiệu/Hình thức đề nghị (G): “Tập thể lao động "
        "tiên tiến” không xét tặng cho cá nhân."]


def test_an_unknown_person_or_one_outside_the_scope_is_an_error_naming_the_row(
        dossier, rated, zone_officer, tmp_path):
    rows = [hoa_row(),
            hoa_row(**{"Họ và tên": "Lê Thị Hòa", "Ngày sinh": "15/01/1990"}),
            hoa_row(**{"Họ và tên": "Đỗ Văn Mới", "Ngày sinh": "01/01/1990",
                       "Giới tính": "Nam"})]
    path = write_register(tmp_path / "ngoai.xlsx", rows, header=HEADER)
    assert rejected(dossier, path, zone_officer) == [
        "Trang tính “Danh sách”, dòng 3, cột Họ và tên (B): Không có người nào tên Lê Thị Hòa "
        "(sinh ngày 15/01/1990) trong UBND đặc khu Phú Quý hoặc các đơn vị trực thuộc: hãy "
        "cập nhật người này vào danh sách cá nhân trước.",
        "Trang tính “Danh sách”, dòng 4, cột Họ và tên (B): Không có người nào tên Đỗ Văn Mới "
        "(sinh ngày 01/01/1990) trong UBND đặc khu Phú Quý hoặc các đơn vị trực thuộc: hãy "
        "cập nhật người này vào danh sách cá nhân trước."]


def test_a_row_repeated_in_the_file_or_already_in_the_dossier_is_refused(
        dossier, rated, zone_officer, tmp_path, ldtt):
    services.add_nominee(by=zone_officer, proposal=dossier, person=rated.binh, award_type=ldtt)
    rows = [hoa_row(), hoa_row(),
            hoa_row(**{"Họ và tên": "Trần Văn Bình", "Ngày sinh": "30/11/1979",
                       "Giới tính": "Nam"})]
    path = write_register(tmp_path / "trung.xlsx", rows, header=HEADER)
    assert rejected(dossier, path, zone_officer) == [
        "Trang tính “Danh sách”, dòng 3: Dòng này trùng với dòng 2 (cùng người và cùng danh "
        "hiệu, hình thức).",
        "Trang tính “Danh sách”, dòng 4, cột Danh hiệu/Hình thức đề nghị (G): Trần Văn Bình đã "
        "được đề nghị Lao động tiên tiến trong hồ sơ này."]


def test_a_formula_is_refused(dossier, rated, zone_officer, tmp_path):
    path = write_register(tmp_path / "cong-thuc.xlsx", [hoa_row(**{"Ghi chú": "=1+1"})],
                          header=HEADER)
    assert rejected(dossier, path, zone_officer) == [
        "Trang tính “Danh sách”, dòng 2, cột Ghi chú (I): Ô có chứa công thức; danh sách chỉ "
        "được chứa giá trị (hãy sao chép các ô rồi dán dưới dạng giá trị)."]


def test_missing_columns_and_files_that_are_not_workbooks(dossier, zone_officer, tmp_path):
    path = write_register(tmp_path / "thieu.xlsx", [hoa_row()],
                          header=["STT", "Họ và tên", "Ngày sinh", "Đơn vị"])
    assert rejected(dossier, path, zone_officer) == [
        "Trang tính “Danh sách”, dòng 1: Thiếu các cột bắt buộc: Giới tính, Số định danh cá "
        "nhân, Danh hiệu/Hình thức đề nghị, Tóm tắt thành tích."]
    fake = tmp_path / "gia.xlsx"
    fake.write_bytes(b"MZ" + b"\x00" * 100)
    assert rejected(dossier, fake, zone_officer) == ["Tệp không phải tệp Excel (.xlsx)."]


def test_a_zip_bomb_workbook_is_refused(dossier, zone_officer, tmp_path, monkeypatch):
    from thidua.awards import import_xlsx

    monkeypatch.setattr(import_xlsx, "MAX_UNPACKED_BYTES", 10_000)
    path = write_register(tmp_path / "lon.xlsx", [hoa_row()] * 50, header=HEADER)
    assert rejected(dossier, path, zone_officer) == ["Tệp Excel quá lớn, không thể nhập."]


def test_import_into_a_submitted_dossier_is_refused(dossier, rated, zone_officer, ldtt,
                                                    tmp_path):
    services.add_nominee(by=zone_officer, proposal=dossier, person=rated.hoa, award_type=ldtt)
    dossier.refresh_from_db()
    services.act(dossier, "submit", by=zone_officer, version=dossier.version)
    path = write_register(tmp_path / "muon.xlsx", [hoa_row(**{
        "Danh hiệu/Hình thức đề nghị": "Giấy khen"})], header=HEADER)
    before = counts()
    with pytest.raises(DossierError, match="không thể thay đổi"):
        services.import_nominees(dossier, path, by=zone_officer)
    assert counts() == before


def test_the_template_has_the_header_the_reader_finds(db, tmp_path):
    path = tmp_path / "mau.xlsx"
    path.write_bytes(nominee_xlsx.template_workbook())
    reading = nominee_xlsx.read(path, today=datetime.date(2026, 1, 10))
    assert [str(issue) for issue in reading.errors] == [
        "Trang tính “Người được đề nghị”, dòng 2: Không có dòng dữ liệu nào dưới dòng tiêu đề "
        "cột."]



# -- collectives and households -----------------------------------------------------------------
KINDS_HEADER = ["STT", "Đối tượng", "Họ và tên", "Ngày sinh", "Giới tính", "Số định danh cá nhân",
                "Đơn vị", "Địa chỉ", "Danh hiệu/Hình thức đề nghị", "Tóm tắt thành tích",
                "Ghi chú"]


@pytest.fixture
def villages(tree):
    from tests.factories import make_unit
    from thidua.organisations.choices import UnitKind

    return SimpleNamespace(
        trieu_duong=make_unit("Thôn Triều Dương", UnitKind.VILLAGE, tree.special_zone,
                              code="trieu-duong"),
        to1_a=make_unit("Tổ dân phố 1", UnitKind.VILLAGE, tree.special_zone, code="tdp1-a"),
        to1_b=make_unit("Tổ dân phố 1", UnitKind.VILLAGE, tree.special_zone, code="tdp1-b"),
        outside=make_unit("Thôn Xa", UnitKind.VILLAGE, tree.phu_thuy, code="thon-xa"))


def kind_row(kind: str, name: str, award: str, **changes) -> dict:
    row = {"Đối tượng": kind, "Họ và tên": name, "Danh hiệu/Hình thức đề nghị": award,
           "Tóm tắt thành tích": "Dẫn đầu phong trào"}
    row.update(changes)
    return row


def test_collectives_by_name_or_code_and_households_are_imported(dossier, rated, villages,
                                                                 zone_officer, tmp_path):
    rows = [hoa_row(**{"Đối tượng": "Cá nhân"}),
            kind_row("Tập thể", "thôn triều dương", "Giấy khen"),
            kind_row("TẬP THỂ", "tdp1-b", "Giấy khen"),
            kind_row("Hộ gia đình", "Lê Văn Tư", "Gia đình văn hóa",
                     **{"Địa chỉ": "Thôn Triều Dương, đặc khu Phú Quý"})]
    path = write_register(tmp_path / "cac-loai.xlsx", rows, header=KINDS_HEADER)
    outcome = services.import_nominees(dossier, path, by=zone_officer)
    assert (outcome.ok, outcome.added, [str(issue) for issue in outcome.errors]) == (True, 4, [])
    assert list(dossier.nominees.order_by("position").values_list(
        "subject_kind", "person_id", "collective_id", "name", "unit_name", "address",
        "award_type__code")) == [
        ("individual", rated.hoa.pk, None, "Nguyễn Thị Hoà", "UBND huyện Phú Quý", "", "ldtt"),
        ("collective", None, villages.trieu_duong.pk, "Thôn Triều Dương",
         "UBND đặc khu Phú Quý", "", "giay_khen"),
        ("collective", None, villages.to1_b.pk, "Tổ dân phố 1", "UBND đặc khu Phú Quý", "",
         "giay_khen"),
        ("household", None, None, "Lê Văn Tư", "UBND đặc khu Phú Quý",
         "Thôn Triều Dương, đặc khu Phú Quý", "gia_dinh_van_hoa")]
    assert all(verdict for verdict in dossier.nominees.values_list("verdict", flat=True))


def test_collective_and_household_cells_are_checked_and_nothing_is_written(
        dossier, rated, villages, zone_officer, tmp_path):
    rows = [kind_row("Đoàn thể", "Thôn Triều Dương", "Giấy khen"),
            kind_row("Tập thể", "Thôn Triều Dương", "Lao động tiên tiến"),
            kind_row("Hộ gia đình", "Lê Văn Tư", "Gia đình văn hóa"),
            kind_row("Hộ gia đình", "Lê Văn Năm", "Tập thể lao động tiên tiến",
                     **{"Địa chỉ": "Thôn Triều Dương"})]
    path = write_register(tmp_path / "sai-loai.xlsx", rows, header=KINDS_HEADER)
    assert rejected(dossier, path, zone_officer) == [
        "Trang tính “Danh sách”, dòng 2, cột Đối tượng (B): “Đoàn thể” không phải là loại đối "
        "tượng: hãy ghi Cá nhân, Tập thể hoặc Hộ gia đình.",
        "Trang tính “Danh sách”, dòng 3, cột Danh hiệu/Hình thức đề nghị (I): “Lao động tiên "
        "tiến” không xét tặng cho tập thể.",
        "Trang tính “Danh sách”, dòng 4, cột Địa chỉ (H): Hộ gia đình được xác định bằng chủ hộ "
        "và địa chỉ: hãy ghi địa chỉ.",
        "Trang tính “Danh sách”, dòng 5, cột Danh hiệu/Hình thức đề nghị (I): “Tập thể lao động "
        "tiên tiến” không xét tặng cho hộ gia đình."]


def test_a_collective_is_found_only_under_the_proposing_unit_and_once(
        dossier, rated, villages, zone_officer, tmp_path):
    rows = [kind_row("Tập thể", "Tổ dân phố 1", "Giấy khen"),
            kind_row("Tập thể", "Thôn Xa", "Giấy khen"),
            kind_row("Tập thể", "thon-xa", "Giấy khen"),
            kind_row("Tập thể", "trieu-duong", "Giấy khen"),
            kind_row("Tập thể", "Thôn Triều Dương", "Giấy khen"),
            kind_row("Hộ gia đình", "Lê Văn Tư", "Giấy khen", **{"Địa chỉ": "Thôn 1"}),
            kind_row("Hộ gia đình", "Lê Văn Tư", "Giấy khen", **{"Địa chỉ": "thôn 1"})]
    path = write_register(tmp_path / "tap-the.xlsx", rows, header=KINDS_HEADER)
    assert rejected(dossier, path, zone_officer) == [
        "Trang tính “Danh sách”, dòng 2, cột Họ và tên (C): Có nhiều đơn vị thuộc UBND đặc khu "
        "Phú Quý mang tên Tổ dân phố 1: hãy ghi mã đơn vị thay cho tên (tdp1-a, tdp1-b).",
        "Trang tính “Danh sách”, dòng 3, cột Họ và tên (C): Không có đơn vị nào có tên hoặc mã "
        "“Thôn Xa” thuộc UBND đặc khu Phú Quý trong phạm vi của bạn.",
        "Trang tính “Danh sách”, dòng 4, cột Họ và tên (C): Không có đơn vị nào có tên hoặc mã "
        "“thon-xa” thuộc UBND đặc khu Phú Quý trong phạm vi của bạn.",
        "Trang tính “Danh sách”, dòng 6: Dòng này trùng với dòng 5 (cùng đối tượng và cùng danh "
        "hiệu, hình thức).",
        "Trang tính “Danh sách”, dòng 8: Dòng này trùng với dòng 7 (cùng đối tượng và cùng danh "
        "hiệu, hình thức)."]


def test_collective_names_in_a_legacy_font_are_converted(dossier, villages, zone_officer,
                                                         tmp_path):
    rows = [kind_row("Tập thể", to_tcvn3("Thôn Triều Dương"), "Giấy khen")]
    path = write_register(tmp_path / "vntime.xlsx", rows, header=KINDS_HEADER,
                          fonts={"Họ và tên": ".VnTime"})
    outcome = services.import_nominees(dossier, path, by=zone_officer)
    assert outcome.ok, [str(issue) for issue in outcome.errors]
    assert list(dossier.nominees.values_list("collective_id", flat=True)) == [
        villages.trieu_duong.pk]


def test_the_template_offers_the_kind_and_the_address(db, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "mau.xlsx"
    path.write_bytes(nominee_xlsx.template_workbook())
    sheet = load_workbook(path).active
    assert [cell.value for cell in sheet[1]] == [
        "STT", "Đối tượng", "Họ và tên", "Ngày sinh", "Giới tính", "Số định danh cá nhân",
        "Đơn vị", "Địa chỉ", "Danh hiệu/Hình thức đề nghị", "Tóm tắt thành tích", "Ghi chú"]
