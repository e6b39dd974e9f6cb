"""The shared xlsx writer: the official header block, frozen header, dates, streamed rows, and
no cell that a spreadsheet would run as a formula. Every file is read back with openpyxl (values
and styles) and python-calamine (values, as the importer reads them)."""

import datetime
import io
import shutil
import subprocess
import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from thidua.awards.choices import AwardKind
from thidua.documents import xlsx
from thidua.documents.bodies import Body
from thidua.documents.xlsx import Heading, Sheet, write_workbook

BODY = Body("UBND TỈNH BÌNH THUẬN", "SỞ NỘI VỤ", "Bình Thuận")
HEADING = Heading(BODY, "DANH SÁCH KHEN THƯỞNG", ["Năm 2025"],
                  place_date="Bình Thuận, ngày 05 tháng 01 năm 2026")
HEADER = ("STT", "Họ và tên", "Ngày sinh", "Ghi chú")
HINT = "(Ký, ghi rõ họ tên)"


def workbook_bytes(rows, *, header=HEADER, heading=HEADING, **options) -> bytes:
    target = io.BytesIO()
    write_workbook(target, heading, [Sheet("Danh sách", list(header), rows, [6, 30, 12, 40],
                                           **options)])
    return target.getvalue()


def written(rows, **options):
    return load_workbook(io.BytesIO(workbook_bytes(rows, **options)))["Danh sách"]


def calamine(content: bytes, name: str = "Danh sách") -> list[list]:
    return CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_name(name).to_python()


def data_rows(content: bytes) -> tuple[list[tuple], list[list]]:
    """The rows between the column header (row 8) and the signature block, by both readers."""
    sheet = load_workbook(io.BytesIO(content))["Danh sách"]
    return list(sheet.values)[8:-3], calamine(content)[8:-3]


def test_header_block_rows_and_signatures():
    rows = iter([[1, "Nguyễn Thị Hoà", datetime.date(1985, 3, 2), None],
                 [2, "Trần Văn Bình", None, "Ghi chú"]])
    target = io.BytesIO()
    count = write_workbook(target, HEADING, [Sheet("Danh sách", list(HEADER), rows,
                                                   [6, 30, 12, 40])])
    sheet = load_workbook(target)["Danh sách"]
    assert count == 2
    assert list(sheet.values) == [
        ("UBND TỈNH BÌNH THUẬN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", None, None),
        ("SỞ NỘI VỤ", "Độc lập - Tự do - Hạnh phúc", None, None),
        (None, "Bình Thuận, ngày 05 tháng 01 năm 2026", None, None),
        (None, None, None, None),
        ("DANH SÁCH KHEN THƯỞNG", None, None, None),
        ("Năm 2025", None, None, None),
        (None, None, None, None),
        ("STT", "Họ và tên", "Ngày sinh", "Ghi chú"),
        (1, "Nguyễn Thị Hoà", datetime.datetime(1985, 3, 2), None),
        (2, "Trần Văn Bình", None, "Ghi chú"),
        (None, None, None, None),
        ("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", None, None),
        (HINT, HINT, None, None),
    ]
    assert sheet.freeze_panes == "A9"
    assert sheet["C9"].number_format == "DD/MM/YYYY"
    assert sheet["A1"].font.bold is False and sheet["A2"].font.bold is True
    assert sheet["A5"].font.size == 14 and sheet["A5"].font.name == "Times New Roman"
    assert sheet["A8"].font.bold is True
    assert {str(cells) for cells in sheet.merged_cells.ranges} == {
        "B1:D1", "B2:D2", "B3:D3", "A5:D5", "A6:D6", "B12:D12", "B13:D13"}
    assert [sheet.column_dimensions[c].width for c in "ABCD"] == [6, 30, 12, 40]
    assert sheet.print_title_rows == "$8:$8"


def test_calamine_reads_the_same_sheet_with_real_dates():
    content = workbook_bytes(iter([[1, "Nguyễn Thị Hoà", datetime.date(1985, 3, 2), None]]))
    assert calamine(content) == [
        ["UBND TỈNH BÌNH THUẬN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "", ""],
        ["SỞ NỘI VỤ", "Độc lập - Tự do - Hạnh phúc", "", ""],
        ["", "Bình Thuận, ngày 05 tháng 01 năm 2026", "", ""],
        ["", "", "", ""], ["DANH SÁCH KHEN THƯỞNG", "", "", ""], ["Năm 2025", "", "", ""],
        ["", "", "", ""], list(HEADER),
        [1.0, "Nguyễn Thị Hoà", datetime.date(1985, 3, 2), ""],
        ["", "", "", ""], ["NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "", ""], [HINT, HINT, "", ""]]
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_name("Danh sách")
    assert sheet.merged_cell_ranges == [
        ((0, 1), (0, 3)), ((1, 1), (1, 3)), ((2, 1), (2, 3)), ((4, 0), (4, 3)),
        ((5, 0), (5, 3)), ((10, 1), (10, 3)), ((11, 1), (11, 3))]


def test_styles_of_the_blocks_the_header_and_the_body():
    content = workbook_bytes(iter([[1, "Hoà", datetime.date(1985, 3, 2), "x" * 41]]),
                             wrap=frozenset({3}))
    sheet = load_workbook(io.BytesIO(content))["Danh sách"]
    fonts = {ref: (sheet[ref].font.name, sheet[ref].font.size, sheet[ref].font.bold,
                   sheet[ref].font.italic) for ref in ("A1", "A2", "B2", "B3", "A5", "A6", "A8",
                                                       "A11", "A12")}
    assert fonts == {"A1": ("Times New Roman", 12, False, False),
                     "A2": ("Times New Roman", 12, True, False),
                     "B2": ("Times New Roman", 12, True, False),
                     "B3": ("Times New Roman", 12, False, True),
                     "A5": ("Times New Roman", 14, True, False),
                     "A6": ("Times New Roman", 12, False, True),
                     "A8": ("Times New Roman", 12, True, False),
                     "A11": ("Times New Roman", 12, True, False),
                     "A12": ("Times New Roman", 12, False, True)}
    label = sheet["B8"]
    assert (label.alignment.horizontal, label.alignment.wrap_text) == ("center", True)
    assert {side.style for side in (label.border.left, label.border.right, label.border.top,
                                    label.border.bottom)} == {"thin"}
    assert (label.fill.fill_type, label.fill.fgColor.rgb) == ("solid", "FFD9D9D9")
    # The body keeps the spreadsheet's default font; numbers and dates get their formats.
    assert (sheet["B9"].font.name, sheet["B9"].font.size) == ("Calibri", 11)
    assert [sheet[ref].number_format for ref in ("A9", "B9", "C9")] == ["0", "General",
                                                                         "DD/MM/YYYY"]
    assert (sheet["D9"].alignment.wrap_text, sheet["D9"].alignment.vertical) == (True, "top")
    assert (sheet.page_setup.paperSize, sheet.page_setup.orientation) == (9, "portrait")
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True


FORMULAS = ['=HYPERLINK("http://x.invalid","Bấm")', "+84 912 345 678", "-Trần Văn B",
            "@SUM(A1)", "\t=1+1", "\r=1+1"]


def test_formula_like_texts_are_stored_as_quoted_text():
    rows = [[index, text, None, text] for index, text in enumerate(FORMULAS, start=1)]
    content = workbook_bytes(iter(rows), wrap=frozenset({3}))
    sheet = load_workbook(io.BytesIO(content))["Danh sách"]
    cells = [sheet.cell(row=9 + index, column=column) for index in range(len(FORMULAS))
             for column in (2, 4)]
    assert [cell.value for cell in cells[::2]] == FORMULAS
    assert {(cell.data_type, cell.quotePrefix) for cell in cells} == {("s", True)}
    # Plain texts and numbers keep the default style; numbers stay numbers.
    assert (sheet["A9"].data_type, sheet["A9"].quotePrefix) == ("n", False)
    assert [row[1] for row in calamine(content)[8:-3]] == FORMULAS
    # No formula anywhere in the package: the writer cannot write one.
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert not any(b"<f>" in archive.read(name) or b"<f " in archive.read(name)
                       for name in archive.namelist())


def test_formula_like_heading_and_control_characters():
    heading = Heading(Body("", "=TỔ 1+1", ""), "-DANH SÁCH")
    target = io.BytesIO()
    write_workbook(target, heading, [Sheet("A", ["x", "@y"], iter([["a\x00b\x07", 1]]), [5, 5])])
    target.seek(0)
    sheet = load_workbook(target)["A"]
    assert (sheet["A1"].value, sheet["A1"].data_type, sheet["A1"].quotePrefix) == (
        "=TỔ 1+1", "s", True)
    assert sheet["A4"].value == "-DANH SÁCH" and sheet["A4"].data_type == "s"
    assert (sheet["B6"].value, sheet["B6"].quotePrefix, sheet["B6"].font.bold) == ("@y", True,
                                                                                 True)
    assert sheet["A7"].value == "ab"


def test_texts_are_escaped_normalised_and_kept_whole():
    texts = ["<b>Tom & Jerry</b> \"x\" 'y'", "  hai đầu  ", "dòng 1\ndòng 2", "a\r\nb",
             unicodedata.normalize("NFD", "Nguyễn Thị Hoà"), "Giải 🏆"]
    content = workbook_bytes(iter([[index, text] for index, text in enumerate(texts)]))
    expected = [*texts[:4], "Nguyễn Thị Hoà", "Giải 🏆"]
    by_openpyxl, by_calamine = data_rows(content)
    assert [row[1] for row in by_openpyxl] == expected
    assert [row[1] for row in by_calamine] == expected
    assert unicodedata.is_normalized("NFC", by_openpyxl[4][1])


def test_values_of_every_type():
    moment = datetime.datetime(2026, 1, 5, 8, 30, 15)
    rows = [[True, False, 2.5, Decimal("12.50")],
            [float("nan"), float("inf"), Decimal("NaN"), ""],
            [moment, datetime.date(1900, 1, 15), datetime.date(1899, 5, 1), None],
            [AwardKind.CONG_TRANG, gettext_lazy("Revoked"), 2**40, -7]]
    by_openpyxl, by_calamine = data_rows(workbook_bytes(iter(rows)))
    assert by_openpyxl == [
        (True, False, 2.5, 12.5), (None, None, None, None),
        (moment, datetime.datetime(1900, 1, 15), "01/05/1899", None),
        ("cong_trang", "Đã hủy bỏ", 2**40, -7)]
    assert by_calamine == [
        [True, False, 2.5, 12.5], ["", "", "", ""],
        [moment, datetime.date(1900, 1, 15), "01/05/1899", ""],
        ["cong_trang", "Đã hủy bỏ", float(2**40), -7.0]]


def test_a_text_longer_than_a_cell_holds_is_cut_at_the_limit():
    by_openpyxl, by_calamine = data_rows(workbook_bytes(iter([[1, "x" * 40_000]])))
    assert len(by_openpyxl[0][1]) == len(by_calamine[0][1]) == 32_767


def test_long_texts_of_wrapped_columns_wrap():
    sheet = written(iter([[1, "A", None, "x" * 41], [2, "B", None, "ngắn"]]),
                    wrap=frozenset({3}))
    assert sheet["D9"].alignment.wrap_text is True
    assert sheet["D10"].alignment.wrap_text is None


def test_aware_times_are_written_as_local_time():
    moment = datetime.datetime(2026, 1, 5, 1, 30, tzinfo=datetime.UTC)
    sheet = written(iter([[1, "A", moment, None]]))
    assert sheet["C9"].value == datetime.datetime(2026, 1, 5, 8, 30)


def test_progress_is_reported_while_rows_stream(monkeypatch):
    monkeypatch.setattr("thidua.documents.xlsx.PROGRESS_EVERY", 10)
    seen = []
    rows = ([i, f"Người {i}", None, None] for i in range(1, 26))
    target = io.BytesIO()
    count = write_workbook(target, HEADING, [Sheet("A", ["a", "b", "c", "d"], rows, [5] * 4)],
                           progress=seen.append)
    assert (count, seen) == (25, [10, 20])


@pytest.mark.parametrize(("title", "expected"), [("Kết quả: 2025/2026", "Kết quả  2025 2026"),
                                                 ("x" * 40, "x" * 31), ("'Tổ'", "Tổ")])
def test_sheet_titles_are_made_valid(title, expected):
    target = io.BytesIO()
    write_workbook(target, HEADING, [Sheet(title, ["a"], iter([]), [5])])
    target.seek(0)
    assert load_workbook(target).sheetnames == [expected]


def test_lazy_translations_are_written_as_their_text():
    heading = Heading(BODY, gettext_lazy("AWARD REGISTER"))
    target = io.BytesIO()
    write_workbook(target, heading, [Sheet(gettext_lazy("Award register"), [gettext_lazy("No.")],
                                           iter([[gettext_lazy("In force")]]), [5])])
    book = load_workbook(target)
    assert book.sheetnames == ["Sổ khen thưởng"]
    assert [book.active[ref].value for ref in ("A4", "A6", "A7")] == [
        "SỔ KHEN THƯỞNG", "STT", "Còn hiệu lực"]
    assert book.properties.title == "SỔ KHEN THƯỞNG"

def test_every_sheet_has_its_own_name_frozen_header_and_print_titles(tmp_path):
    path = tmp_path / "ket-qua.xlsx"
    sheets = [Sheet("Kết quả", ["a", "b"], iter([[1, "x"]]), [5, 5]),
              Sheet("KẾT QUẢ", ["a", "b", "c", "d", "e", "f"], iter([[2, "y"]]), [5] * 6)]
    assert write_workbook(path, HEADING, sheets) == 2
    book = load_workbook(path)
    assert book.sheetnames == ["Kết quả", "KẾT QUẢ (2)"]
    assert [(sheet.freeze_panes, sheet.print_title_rows, sheet.page_setup.orientation)
            for sheet in book] == [("A9", "$8:$8", "portrait"), ("A9", "$8:$8", "landscape")]
    assert [bool(sheet.sheet_view.tabSelected) for sheet in book] == [True, False]
    assert [row[:2] for row in calamine(path.read_bytes(), "KẾT QUẢ (2)")[8:9]] == [[2.0, "y"]]


def test_rows_beyond_the_sheet_limit_go_on_in_continuation_sheets(monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_ROWS", 20)  # 7 heading rows, the column header, 3 to sign
    counts = {}
    for total in (9, 18, 25):
        rows = ([number, f"Người {number}"] for number in range(1, total + 1))
        target = io.BytesIO()
        assert write_workbook(target, HEADING, [Sheet("Sổ", ["STT", "Tên"], rows, [5, 5])]) == (
            total)
        book = load_workbook(target)
        counts[total] = {sheet.title: [row[0] for row in list(sheet.values)[8:-3]]
                         for sheet in book}
        assert {sheet.max_row for sheet in book} <= set(range(12, 21))
    assert counts[9] == {"Sổ": list(range(1, 10))}
    assert counts[18] == {"Sổ": list(range(1, 10)), "Sổ (2)": list(range(10, 19))}
    assert counts[25] == {"Sổ": list(range(1, 10)), "Sổ (2)": list(range(10, 19)),
                          "Sổ (3)": list(range(19, 26))}


def test_the_package_holds_well_formed_parts():
    content = workbook_bytes(iter([[1, "<&>"]]))
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
        assert names == {"[Content_Types].xml", "_rels/.rels", "docProps/core.xml",
                         "docProps/app.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                         "xl/styles.xml", "xl/worksheets/sheet1.xml"}
        roots = {name: ElementTree.fromstring(archive.read(name)).tag for name in names}
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_DEFLATED}
    assert roots["xl/worksheets/sheet1.xml"] == (
        "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}worksheet")
    assert load_workbook(io.BytesIO(content)).properties.title == "DANH SÁCH KHEN THƯỞNG"


def test_a_hundred_thousand_rows_are_written_and_read_back():
    count = 100_000
    rows = ([number, f"Người số {number}", datetime.date(1980, 1, 1 + number % 28)]
            for number in range(1, count + 1))
    target = io.BytesIO()
    assert write_workbook(target, HEADING, [Sheet("Danh sách", ["STT", "Tên", "Ngày"], rows,
                                                  [6, 20, 12])]) == count
    values = calamine(target.getvalue())
    assert len(values) == 8 + count + 3
    assert values[8 + count - 1] == [float(count), f"Người số {count}", datetime.date(1980, 1, 13)]
    sheet = load_workbook(target, read_only=True)["Danh sách"]
    numbers = [row[0] for row in sheet.iter_rows(min_row=9, max_col=1, values_only=True)]
    assert numbers[:count] == list(range(1, count + 1))


def calc_missing() -> bool:
    """LibreOffice may be installed without Calc (Debian's libreoffice-core without -calc)."""
    soffice = shutil.which("soffice")
    return soffice is None or not (Path(soffice).resolve().parent / "libsclo.so").exists()


@pytest.mark.skipif(calc_missing(), reason="LibreOffice Calc is not installed")
def test_libreoffice_reads_the_file_as_a_person_sees_it(tmp_path):
    rows = [[1, FORMULAS[0], datetime.date(1985, 3, 2), "Hoà"], [2, "-1+2", None, True]]
    (tmp_path / "in.xlsx").write_bytes(workbook_bytes(iter(rows)))
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
                    "--outdir", str(tmp_path), str(tmp_path / "in.xlsx")],
                   check=True, capture_output=True, timeout=120)
    lines = (tmp_path / "in.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == '"UBND TỈNH BÌNH THUẬN","CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",,'
    assert lines[7:10] == ['"STT","Họ và tên","Ngày sinh","Ghi chú"',
                           '1,"=HYPERLINK(""http://x.invalid"",""Bấm"")",02/03/1985,"Hoà"',
                           '2,"-1+2",,TRUE']
    assert lines[-2:] == ['"NGƯỜI LẬP BIỂU","THỦ TRƯỞNG ĐƠN VỊ",,', f'"{HINT}","{HINT}",,']
