"""A nominee list uploaded as Excel on the list-check screen: the award importer's reader
(header by labels after title rows, legacy fonts, every cell checked), rows matched with the
register in the user's scope, the list checks, and nothing stored."""

import datetime

import pytest
from django.urls import reverse

from tests.awards.xlsx_builder import to_tcvn3, write_register
from tests.factories import make_person
from thidua.people.models import Person
from thidua.people.validators import make_personal_id

URL = reverse("eligibility:list_upload")
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số định danh cá nhân", "Đơn vị",
          "Danh hiệu/Hình thức đề nghị"]
LAN_ID = make_personal_id("060", "female", 1988, 771)
TITLES = ("UBND HUYỆN PHÚ QUÝ", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025")
FIRST = len(TITLES) + 2  # the sheet row of the first nominee


@pytest.fixture
def lan(tree):
    return make_person("Phạm Thị Lan", tree.tam_thanh, gender="female",
                       birth_date=datetime.date(1988, 6, 9), personal_id=LAN_ID)


def row(name: str, award: str, **cells) -> dict:
    return {"Họ và tên": name, "Danh hiệu/Hình thức đề nghị": award, **cells}


def upload(client, path, unit, year: int = 2025):
    with open(path, "rb") as handle:
        return client.post(URL, {"unit": unit.pk, "year": year, "file": handle})


def test_the_page_offers_the_upload(client, officer, tree):
    client.force_login(officer)
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["form"]["unit"].value() == tree.phu_quy.pk
    assert b'enctype="multipart/form-data"' in response.content
    assert reverse("eligibility:list_upload").encode() in client.get(
        reverse("eligibility:batch")).content


def test_a_list_is_matched_in_scope_and_checked(client, officer, tree, people, lan, tmp_path):
    rows = [
        # Found by name and date of birth.
        row("Nguyễn Thị Hoà", "Lao động tiên tiến", **{"Ngày sinh": "02/03/1985"}),
        # Found by personal ID, twice: a duplicate.
        row("Phạm Thị Lan", "LĐTT", **{"Số định danh cá nhân": LAN_ID, "Giới tính": "Nữ",
                                       "Ngày sinh": "09/06/1988"}),
        row("Pham Thi Lan", "Lao động tiên tiến", **{"Số định danh cá nhân": LAN_ID}),
        # Not in the register; and a person of Phan Thiết, outside the officer's scope.
        row("Đỗ Văn Mới", "Lao động tiên tiến", **{"Ngày sinh": "01/01/1990"}),
        row("Lê Thị Hòa", "Lao động tiên tiến", **{"Ngày sinh": "15/01/1990"}),
        # A collective of the unit.
        row("UBND xã Tam Thanh", "Tập thể lao động tiên tiến"),
    ]
    for item in rows:  # the names typed in a legacy .VnTime (TCVN3) font
        item["Họ và tên"] = to_tcvn3(item["Họ và tên"])
    path = write_register(tmp_path / "danh-sach.xlsx", rows, header=HEADER, title_rows=TITLES,
                          fonts={"Họ và tên": ".VnTime"})
    client.force_login(officer)
    people_before = Person.objects.count()
    response = upload(client, path, tree.phu_quy)
    assert response.status_code == 200
    assert response.context["reading"].errors == []
    found = [(item["row"].number, item["row"].name, item["row"].key, item["row"].note)
             for item in response.context["rows"]]
    assert found[0][:3] == (FIRST, "Nguyễn Thị Hoà", f"p:{people.hoa.pk}")
    assert [key for _n, _name, key, _note in found[1:3]] == [f"p:{lan.pk}", f"p:{lan.pk}"]
    assert found[3][1:] == ("Đỗ Văn Mới", f"x:Danh sách:{FIRST + 3}",
                            "Không có người nào có họ tên và ngày sinh này trong phạm vi quản lý")
    assert found[4][2:] == (f"x:Danh sách:{FIRST + 4}", found[3][3])  # other's scope: not found
    assert found[5][2:] == (f"u:{tree.tam_thanh.pk}", "")
    assert [(f.check, f.severity, f.rows) for f, _css in response.context["findings"]] == [
        ("duplicate", "error", (FIRST + 1, FIRST + 2)),
        ("members_share", "error", (FIRST + 5, FIRST + 1, FIRST + 2))]
    assert Person.objects.count() == people_before  # nothing stored


def test_each_bad_cell_is_named_in_vietnamese_and_nothing_is_checked(client, officer, tree,
                                                                     tmp_path):
    rows = [row("Nguyễn Văn A", "Danh hiệu không có", **{"Ngày sinh": "31/02/1990"}),
            row("Trần Văn B", "LĐTT", **{"Số định danh cá nhân": "123", "Giới tính": "Trai"}),
            row("=1+1", "LĐTT")]
    path = write_register(tmp_path / "loi.xlsx", rows, header=HEADER)
    client.force_login(officer)
    response = upload(client, path, tree.phu_quy)
    assert [str(issue) for issue in response.context["reading"].errors] == [
        "Trang tính “Danh sách”, dòng 4, cột Họ và tên (B): Ô có chứa công thức; danh sách chỉ "
        "được chứa giá trị (hãy sao chép các ô rồi dán dưới dạng giá trị).",
        "Trang tính “Danh sách”, dòng 2, cột Ngày sinh (C): Ngày 31/02/1990 không có thật.",
        "Trang tính “Danh sách”, dòng 2, cột Danh hiệu/Hình thức đề nghị (G): “Danh hiệu không "
        "có” không phải là danh hiệu thi đua hay hình thức khen thưởng có trong danh mục (hãy "
        "ghi tên, tên viết tắt hoặc mã).",
        "Trang tính “Danh sách”, dòng 3, cột Giới tính (D): “Trai” không phải là giới tính: hãy "
        "ghi Nam hoặc Nữ.",
        "Trang tính “Danh sách”, dòng 3, cột Số định danh cá nhân (E): Số định danh cá nhân "
        "phải có đúng 12 chữ số."]
    assert "rows" not in response.context and "findings" not in response.context
    assert response.content.decode().count('id="list-upload-issue-table"') == 1


@pytest.mark.parametrize(("content", "name", "message"), [
    (b"not a workbook", "danh-sach.xlsx", "Tệp không phải tệp Excel (.xlsx)."),
    (b"PK\x03\x04broken", "danh-sach.xlsx", "Tệp bị hỏng hoặc không phải tệp Excel hợp lệ (.xlsx)."),
])
def test_a_file_that_is_not_a_workbook_is_named(client, officer, tree, tmp_path, content, name,
                                                message):
    path = tmp_path / name
    path.write_bytes(content)
    client.force_login(officer)
    response = upload(client, path, tree.phu_quy)
    assert response.status_code == 200
    assert [str(issue) for issue in response.context["reading"].errors] == [message]


def test_a_sheet_without_the_header_is_named(client, officer, tree, tmp_path):
    path = write_register(tmp_path / "khac.xlsx", [{"A": 1}], header=["A", "B", "C"])
    client.force_login(officer)
    response = upload(client, path, tree.phu_quy)
    assert [str(issue) for issue in response.context["reading"].errors] == [
        "Trang tính “Danh sách”: Không tìm thấy dòng tiêu đề cột của danh sách đề nghị. Các "
        "cột bắt buộc: Họ và tên, Danh hiệu/Hình thức."]


def test_a_wrong_form_is_named_not_a_server_error(client, officer, other_officer, tree,
                                                  tmp_path):
    client.force_login(officer)
    response = client.post(URL, {"unit": tree.phu_quy.pk, "year": 2025})
    assert response.status_code == 200
    assert "Tệp danh sách (Excel .xlsx): Hãy chọn tệp Excel của danh sách." in \
        response.content.decode()
    client.force_login(other_officer)  # Phú Quý is outside Phan Thiết's scope
    path = write_register(tmp_path / "a.xlsx", [row("A", "LĐTT")], header=HEADER)
    response = upload(client, path, tree.phu_quy)
    assert response.context["form"].errors["unit"] == [
        "Đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn."]
