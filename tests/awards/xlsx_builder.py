"""Award registers built with openpyxl in a test's tmp_path (no binary file is committed)."""

import datetime
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from thidua.core import legacy
from thidua.people.validators import make_personal_id

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số định danh cá nhân", "Đơn vị", "Năm",
          "Danh hiệu/Hình thức", "Số quyết định", "Ngày quyết định", "Cơ quan ban hành",
          "Loại khen thưởng", "Ghi chú"]

HOA_ID = make_personal_id("060", "female", 1985, 123)
BINH_ID = make_personal_id("060", "male", 1979, 456)


def hoa(**changes) -> dict:
    """A valid row: Nguyễn Thị Hoà of huyện Phú Quý, Chiến sĩ thi đua cơ sở 2023."""
    row = {"Họ và tên": "Nguyễn Thị Hoà", "Ngày sinh": "02/03/1985", "Giới tính": "Nữ",
           "Số định danh cá nhân": HOA_ID, "Đơn vị": "UBND huyện Phú Quý", "Năm": 2023,
           "Danh hiệu/Hình thức": "Chiến sĩ thi đua cơ sở", "Số quyết định": "125/QĐ-UBND",
           "Ngày quyết định": "20/12/2023", "Cơ quan ban hành": "UBND huyện Phú Quý"}
    row.update(changes)
    return row


def binh(**changes) -> dict:
    """Another valid row: Trần Văn Bình of xã Tam Thanh, Lao động tiên tiến 2023."""
    row = {"Họ và tên": "Trần Văn Bình", "Ngày sinh": datetime.date(1979, 11, 30),
           "Giới tính": "Nam", "Số định danh cá nhân": BINH_ID, "Đơn vị": "UBND xã Tam Thanh",
           "Năm": 2023, "Danh hiệu/Hình thức": "LĐTT", "Số quyết định": "87/QĐ-UBND",
           "Ngày quyết định": datetime.date(2023, 12, 15), "Cơ quan ban hành": "UBND xã Tam Thanh"}
    row.update(changes)
    return row


def write_register(path: Path, rows: list[dict], *, header: list[str] = HEADER,
                   title_rows: tuple[str, ...] = (), sheet: str = "Danh sách",
                   fonts: dict[str, str] | None = None, default_font: str = "") -> Path:
    """An xlsx with optional title rows, a header row and one row per dict (keys are header
    labels; a value starting with "=" is a formula). `fonts` gives a font name per column
    label; `default_font` the workbook's default font."""
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    if default_font:
        workbook._fonts[0] = Font(name=default_font, sz=11)  # the style of every plain cell
    for title in title_rows:
        worksheet.append([title])
    worksheet.append(header)
    for number, row in enumerate(rows, start=1):
        values = {"STT": number, **row}
        worksheet.append([values.get(label, "") for label in header])
    for label, font in (fonts or {}).items():
        col = header.index(label) + 1
        for cells in worksheet.iter_rows(min_row=len(title_rows) + 2, min_col=col, max_col=col):
            for cell in cells:
                cell.font = Font(name=font)
    workbook.save(path)
    return path


def write_sheets(path: Path, sheets: dict[str, list[list]]) -> Path:
    """An xlsx with the given rows per sheet, written as they are."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        worksheet = workbook.create_sheet(name)
        for row in rows:
            worksheet.append(row)
    workbook.save(path)
    return path


def replace_in_workbook(path: Path, old: bytes, new: bytes) -> Path:
    """Edit the XML inside an xlsx, for content openpyxl refuses to write."""
    with zipfile.ZipFile(path) as archive:
        parts = [(item, archive.read(item.filename)) for item in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for item, data in parts:
            archive.writestr(item, data.replace(old, new))
    return path


_TO_TCVN3 = {letter: code for code, letter in legacy.TCVN3_LETTERS.items() if letter.islower()
             or letter in "ĂÂÊÔƠƯĐ"}
_TO_VNI = {**{letter: sequence for sequence, letter in legacy.VNI_PAIRS.items()
              if sequence[0].isupper() == sequence[1].isupper()},
           **{letter: code for code, letter in legacy.VNI_SINGLES.items() if code != letter}}


def to_tcvn3(text: str) -> str:
    """Unicode text as a .VnTime font shows it (lowercase letters only carry tones)."""
    return "".join(_TO_TCVN3.get(ch, ch) for ch in text)


def to_vni(text: str) -> str:
    return "".join(_TO_VNI.get(ch, ch) for ch in text)
