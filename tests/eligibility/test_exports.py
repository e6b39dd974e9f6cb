"""The batch check exported to xlsx: the header block, every row with its first unmet reason,
the list checks, and no cell that a spreadsheet would run as a formula."""

import datetime
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pytest_django.asserts import assertContains

from tests.eligibility.screens import D, hoa_record, rate
from tests.factories import make_person, make_unit
from thidua.documents.dates import document_date
from thidua.eligibility import batch
from thidua.organisations.choices import UnitKind
from thidua.people import services as people_services

EXPORT = reverse("eligibility:export")
HEADER = ("STT", "Họ và tên hoặc tập thể", "Ngày sinh", "Đơn vị", "Danh hiệu, hình thức", "Mã",
          "Kết quả", "Lý do chưa đạt đầu tiên", "Căn cứ pháp lý", "Đề nghị")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NO_RATING = ("Chưa có kết quả đánh giá năm 2025 (yêu cầu từ HTT (Hoàn thành tốt nhiệm vụ) trở "
             "lên)")
LDTT_BASIS = "Luật Thi đua, khen thưởng 2022, Điều 24, khoản 1"


def opened(response):
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    return load_workbook(BytesIO(b"".join(response.streaming_content)))


DATA = slice(7, -3)  # the official header block above, the signature block below


def heading(width: int) -> list[tuple]:
    """The header block of the shared writer (thidua.documents.xlsx) for UBND huyện Phú Quý."""
    split = max(1, width * 2 // 5)

    def pair(left, right):
        return (left, *[None] * (split - 1), right, *[None] * (width - split - 1))

    title = "KẾT QUẢ KIỂM TRA ĐIỀU KIỆN KHEN THƯỞNG NĂM 2025"
    empty = (None,) * width
    return [pair("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            pair("HUYỆN PHÚ QUÝ", "Độc lập - Tự do - Hạnh phúc"),
            pair(None, f"Phú Quý, {document_date(timezone.localdate())}"), empty,
            (title, *[None] * (width - 1)), empty]


def signatures(width: int) -> list[tuple]:
    split = max(1, width * 2 // 5)
    hint = "(Ký, ghi rõ họ tên)"
    return [(None,) * width,
            ("NGƯỜI LẬP BIỂU", *[None] * (split - 1), "THỦ TRƯỞNG ĐƠN VỊ",
             *[None] * (width - split - 1)),
            (hint, *[None] * (split - 1), hint, *[None] * (width - split - 1))]


@pytest.fixture
def hoa(tree, people):
    hoa_record(tree, people.hoa)
    return people.hoa


def test_the_results_with_the_header_block_and_the_list_checks(client, officer, tree, people,
                                                               hoa):
    twin = make_person("Nguyễn Thị Hòa", tree.tam_thanh, gender="female",
                       birth_date=datetime.date(1985, 3, 2))
    client.force_login(officer)
    response = client.get(EXPORT, {"unit": tree.phu_quy.pk, "year": 2025, "codes": ["ldtt"],
                                   "proposed": [f"p:{hoa.pk}:ldtt", f"p:{twin.pk}:ldtt"]})
    assert response["Content-Disposition"] == (
        'attachment; filename="ket-qua-kiem-tra-dieu-kien-phu-quy-2025.xlsx"')
    book = opened(response)
    assert book.sheetnames == ["Kết quả", "Kiểm tra danh sách"]
    assert list(book["Kết quả"].values) == [
        *heading(10), HEADER,
        (1, "Trần Văn Bình", datetime.datetime(1979, 11, 30), "UBND xã Tam Thanh", "Lao động tiên tiến", "ldtt",
         "Không đủ điều kiện", NO_RATING, LDTT_BASIS, None),
        (2, "Nguyễn Thị Hoà", datetime.datetime(1985, 3, 2), "UBND huyện Phú Quý",
         "Lao động tiên tiến", "ldtt", "Đủ điều kiện", None, None, "có"),
        (3, "Nguyễn Thị Hòa", datetime.datetime(1985, 3, 2), "UBND xã Tam Thanh",
         "Lao động tiên tiến", "ldtt", "Không đủ điều kiện", NO_RATING, LDTT_BASIS, "có"),
        *signatures(10),
    ]
    assert list(book["Kiểm tra danh sách"].values) == [
        *heading(4),
        ("Dòng liên quan", "Kết quả", "Nội dung", "Căn cứ pháp lý"),
        ("2, 3", "Vấn đề", "Dòng 2, 3: Nguyễn Thị Hoà được đề nghị Lao động tiên tiến hai lần "
         "cho năm 2025 (trùng họ tên và ngày sinh 02/03/1985)",
         "Luật Thi đua, khen thưởng 2022, Điều 5, khoản 2, điểm c"),
        *signatures(4),
    ]
    assert book["Kết quả"]["A1"].font.bold
    assert book["Kết quả"]["A5"].font.size == 14
    assert book["Kết quả"]["C8"].number_format == "DD/MM/YYYY"


def test_the_export_follows_the_filters_and_the_scope(client, officer, tree, people, hoa):
    client.force_login(officer)
    book = opened(client.get(EXPORT, {"unit": tree.phu_quy.pk, "year": 2025,
                                      "codes": ["ldtt", "cstd_co_so"], "verdict": "ELIGIBLE"}))
    born = datetime.datetime(1985, 3, 2)
    assert [row[:7] for row in list(book["Kết quả"].values)[DATA]] == [
        (3, "Nguyễn Thị Hoà", born, "UBND huyện Phú Quý", "Lao động tiên tiến", "ldtt",
         "Đủ điều kiện"),
        (4, "Nguyễn Thị Hoà", born, "UBND huyện Phú Quý", "Chiến sĩ thi đua cơ sở",
         "cstd_co_so", "Đủ điều kiện")]
    assert book.sheetnames == ["Kết quả"]
    names = [row[1] for row in list(book["Kết quả"].values)]
    assert "Lê Thị Hòa" not in names
    response = client.get(EXPORT, {"unit": tree.phan_thiet.pk, "year": 2025, "codes": ["ldtt"]})
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assertContains(response, "Đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn.")


def test_collectives_and_unreadable_records_are_exported(client, officer, tree, people):
    people_services.add_position(by=None, person=people.binh, unit=tree.tam_thanh,
                                 title="Phó Chủ tịch", start=D(2021, 5, 1), end=D(2020, 1, 1),
                                 post_group="pho_truong_phong_tuong_duong")
    client.force_login(officer)
    book = opened(client.get(EXPORT, {"unit": tree.tam_thanh.pk, "year": 2025,
                                      "codes": ["ttldtt", "ldtt"]}))
    assert list(book["Kết quả"].values)[DATA] == [
        (1, "UBND xã Tam Thanh", None, "UBND huyện Phú Quý", "Tập thể lao động tiên tiến",
         "ttldtt", "Không đủ điều kiện", "Chưa có kết quả đánh giá năm 2025 (yêu cầu từ HTT "
         "(Hoàn thành tốt nhiệm vụ) trở lên)", "Luật Thi đua, khen thưởng 2022, Điều 28, khoản 1",
         None),
        (2, "Trần Văn Bình", datetime.datetime(1979, 11, 30), "UBND xã Tam Thanh",
         "Lao động tiên tiến", "ldtt",
         "Không kiểm tra được hồ sơ", "positions[0].to: 2020-01-01 trước ngày bắt đầu "
         "2021-05-01", None, None),
    ]


FORMULAS = ['=HYPERLINK("http://x.invalid","Bấm")', "+84 Nguyễn Văn A", "-Trần Văn B",
            "@Lê Văn C"]


def test_cells_that_a_spreadsheet_would_run_are_neutralised(client, officer, tree):
    team = make_unit("=Tổ 1+1", UnitKind.DIVISION, tree.phu_quy, code="to-mot")
    for name in FORMULAS:
        rate(make_person(name, team, birth_date=D(1990, 1, 1)), y2025="HTT")
    client.force_login(officer)
    book = opened(client.get(EXPORT, {"unit": team.pk, "year": 2025, "codes": ["ldtt"]}))
    sheet = book["Kết quả"]
    assert sheet["A2"].value == "=TỔ 1+1"
    assert sorted(row[1] for row in list(sheet.values)[DATA]) == sorted(FORMULAS)
    assert {row[3] for row in list(sheet.values)[DATA]} == {"=Tổ 1+1"}
    # Text cells with Excel's quote prefix: shown as typed, never run (thidua.documents.xlsx).
    texts = [cell for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str) and cell.value[0] in "=+-@"]
    assert len(texts) == 9  # the unit line of the header, then name and unit of 4 rows
    assert {(cell.data_type, cell.quotePrefix) for cell in texts} == {("s", True)}


def test_the_export_takes_a_fixed_number_of_queries(client, officer, tree, people,
                                                    django_assert_num_queries):
    """As the page, without the unit choices: the verdicts (the province batch for people),
    then the reasons of every row, read a chunk of subjects at a time (one chunk here)."""
    client.force_login(officer)
    query = {"unit": tree.phu_quy.pk, "year": 2025, "every_code": "on"}
    with django_assert_num_queries(33):
        opened(client.get(EXPORT, query))
    for i in range(10):
        rate(make_person(f"Đặng Văn Số {i}", tree.tam_thanh), y2025="HTXS")
    with django_assert_num_queries(33):
        opened(client.get(EXPORT, query))


def test_a_wrong_request_gets_the_page_with_its_errors(client, officer, tree):
    client.force_login(officer)
    response = client.get(EXPORT, {"year": "20x5"})
    assert response.status_code == 200
    assertContains(response, "<div>Năm đề nghị: Nhập năm là một số nguyên, ví dụ 2025.</div>",
                   html=True)
    assertContains(response, "Hãy chọn một đơn vị.")


def test_a_large_export_reads_the_cases_with_the_batch_query(client, officer, tree, people,
                                                             hoa, monkeypatch):
    """Beyond LOAD_BY_ID people, the reasons are read for the whole selection at once (SQLite
    limits the parameters of a statement): the same workbook either way."""
    client.force_login(officer)
    query = {"unit": tree.phu_quy.pk, "year": 2025, "codes": ["ldtt", "cstd_bo_tinh"]}
    by_id = list(opened(client.get(EXPORT, query))["Kết quả"].values)
    monkeypatch.setattr(batch, "LOAD_BY_ID", 1)
    assert list(opened(client.get(EXPORT, query))["Kết quả"].values) == by_id
    assert [row[7] for row in by_id[DATA]] == [
        NO_RATING, "Chưa đạt Chiến sĩ thi đua cơ sở 3 năm liên tục (thiếu năm 2023, 2024, 2025)",
        None, "Chưa đạt Chiến sĩ thi đua cơ sở 3 năm liên tục (thiếu năm 2023, 2025)"]
