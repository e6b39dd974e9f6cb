"""The one xlsx writer behind every list export (style habit 9: exports are row iterators
with a shared formatter).

Each sheet: the official header block (issuing body on the left, national title and motto on
the right, the place and date under them), the title and its lines, the column header (bold,
frozen, repeated on every printed page), the rows, and a signature block. Dates are real dates
shown dd/mm/yyyy. A text that a spreadsheet would run as a formula (= + - @, tab, CR) is stored
as text with Excel's quote prefix, the typed apostrophe of a user: shown as written, never
evaluated, not even after editing the cell. The writer has no way to write a formula at all.

The SpreadsheetML is written here rather than through openpyxl, for speed: openpyxl makes and
checks a cell object per value, here a value becomes its XML in one step (bench_xlsx.py).
Rows come from an iterator and go through the deflate stream of the zip a few hundred at a time:
memory stays flat whatever the count. The styles are a fixed table (STYLES). The tests read
every file back with openpyxl and python-calamine."""

import datetime
import math
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import chain, islice, zip_longest

from django.utils import timezone

from thidua.documents.bodies import Body

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
# A cell starting with one of these is read as a formula (or a DDE call) by spreadsheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "DD/MM/YYYY"
PROGRESS_EVERY = 2000
WRAP_FROM = 40  # characters; shorter texts stay on one line
MAX_ROWS = 1_048_576  # of a sheet in Excel: longer lists go on in a continuation sheet
MAX_TEXT = 32_767  # characters of a cell in Excel
# zlib on the 65 MiB of XML of 100k register rows: levels 1 and 2 take 0.44 s (7.4 and 6.8 MiB),
# 3 takes 0.58 s (6.4 MiB), 6 takes 1.6 s (5.7 MiB) where the whole export takes 5 s.
COMPRESSLEVEL = 2
FLUSH_EVERY = 500  # rows of XML handed to the deflate stream at once
HINT = "(Ký, ghi rõ họ tên)"

# -- styles: the cellXfs of STYLES, by index ------------------------------------------------
# Text styles first, then the same with the quote prefix (QUOTED + style), then numbers. Body
# cells keep the default font (Calibri 11); the blocks are Times New Roman, centred, wrapped.
DEFAULT, WRAP, PLAIN, BOLD, ITALIC, TITLE, COLUMN = range(7)
QUOTED = 7
DATE, INTEGER = 2 * QUOTED, 2 * QUOTED + 1
_CENTRE = 'horizontal="center" vertical="center" wrapText="1"'
_TEXT_STYLES = [  # (font, fill, border, alignment), fonts and fills as numbered in STYLES
    (0, 0, 0, ""), (0, 0, 0, 'vertical="top" wrapText="1"'), (1, 0, 0, _CENTRE),
    (2, 0, 0, _CENTRE), (3, 0, 0, _CENTRE), (4, 0, 0, _CENTRE), (2, 2, 1, _CENTRE)]


def _xf(font: int = 0, fill: int = 0, border: int = 0, align: str = "", *, number: int = 0,
        quote: bool = False) -> str:
    applied = [name for name, used in (("NumberFormat", number), ("Font", font), ("Fill", fill),
                                       ("Border", border), ("Alignment", align)) if used]
    attributes = (f'numFmtId="{number}" fontId="{font}" fillId="{fill}" borderId="{border}" '
                  'xfId="0"' + ' quotePrefix="1"' * quote
                  + "".join(f' apply{name}="1"' for name in applied))
    return f"<xf {attributes}><alignment {align}/></xf>" if align else f"<xf {attributes}/>"


_XFS = [*(_xf(*style) for style in _TEXT_STYLES),
        *(_xf(*style, quote=True) for style in _TEXT_STYLES), _xf(number=164), _xf(number=1)]
_TNR = '<name val="Times New Roman"/><family val="1"/>'
_THIN = "".join(f'<{side} style="thin"><color indexed="64"/></{side}>'
                for side in ("left", "right", "top", "bottom"))
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STYLES = (
    f'{XML}<styleSheet xmlns="{MAIN}">'
    f'<numFmts count="1"><numFmt numFmtId="164" formatCode="{DATE_FORMAT}"/></numFmts>'
    '<fonts count="5"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    f'<font><sz val="12"/>{_TNR}</font><font><b/><sz val="12"/>{_TNR}</font>'
    f'<font><i/><sz val="12"/>{_TNR}</font><font><b/><sz val="14"/>{_TNR}</font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid">'
    '<fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill></fills>'
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
    f'<border>{_THIN}<diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    f'<cellXfs count="{len(_XFS)}">{"".join(_XFS)}</cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>')


@dataclass
class Heading:
    """What the header and signature blocks say; the same on every sheet of a workbook."""

    body: Body
    title: str
    lines: list[str] = field(default_factory=list)  # under the title, italic
    place_date: str = ""
    signatures: tuple[str, ...] = ("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ")


@dataclass
class Sheet:
    title: str
    header: list[str]
    rows: Iterable[list]
    widths: list[int]
    wrap: frozenset[int] = frozenset()  # indexes of columns whose long texts wrap


def write_workbook(target, heading: Heading, sheets: list[Sheet],
                   progress: Callable[[int], None] | None = None) -> int:
    """Write the sheets to `target` (a path or a binary file); returns the number of rows.
    `progress(rows so far)` is called every PROGRESS_EVERY rows of a sheet."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED,
                         compresslevel=COMPRESSLEVEL) as archive:
        book = Book(archive, heading)
        for sheet in sheets:
            book.add(sheet, progress)
        book.close()
    return book.total


class Book:
    """The sheets in turn, then the parts that list them."""

    def __init__(self, archive: zipfile.ZipFile, heading: Heading):
        self.archive, self.heading = archive, heading
        self.sheets: list[tuple[str, int]] = []  # name and header row
        self.total = 0

    def add(self, sheet: Sheet, progress) -> None:
        """The sheet, and continuation sheets "Title (2)"… while its rows pass Excel's limit."""
        rows: Iterator[list] | None = iter(sheet.rows)
        title = str(sheet.title)  # a lazy translation too
        while rows is not None:
            writer = Writer(self.heading, sheet, selected=not self.sheets)
            self.sheets.append((unique_title(safe_title(title), self.sheets), writer.header_row))
            with self.archive.open(f"xl/worksheets/sheet{len(self.sheets)}.xml", "w") as stream:
                written = writer.write(stream, rows, progress, self.total)
            self.total += written
            rows = rest(rows) if written == writer.room else None
            title = f"{str(sheet.title)[:24]} ({len(self.sheets) + 1})"

    def close(self) -> None:
        count = len(self.sheets)
        parts = {"xl/styles.xml": STYLES, "xl/workbook.xml": workbook(self.sheets),
                 "xl/_rels/workbook.xml.rels": workbook_rels(count),
                 "docProps/core.xml": core_properties(str(self.heading.title)),
                 "docProps/app.xml": APP_PROPERTIES, "_rels/.rels": ROOT_RELS,
                 "[Content_Types].xml": content_types(count)}
        for name, text in parts.items():
            self.archive.writestr(name, text.encode())


def rest(rows: Iterator[list]) -> Iterator[list] | None:
    """The rows not yet read, or None when there are none."""
    first = next(rows, rest)
    return None if first is rest else chain([first], rows)


class Writer:
    """One worksheet, streamed: each row becomes its XML at once and goes to the archive
    FLUSH_EVERY rows at a time; only the merged ranges (a dozen) wait for the end."""

    def __init__(self, heading: Heading, sheet: Sheet, *, selected: bool):
        self.heading, self.sheet, self.selected = heading, sheet, selected
        self.width = max(len(sheet.header), 2)
        self.block = self.header_block()
        self.header_row = len(self.block) + 1
        self.room = MAX_ROWS - self.header_row - len(self.signature_block())
        self.row = 0
        self.merges: list[str] = []
        self.letters = [column_letter(index) for index in range(max(self.width, 26))]
        self.pending: list[str] = []

    def write(self, stream, rows: Iterator[list], progress, done: int) -> int:
        """The sheet into `stream`, at most `room` rows; returns the rows written."""
        self.stream = stream
        self.pending.append(self.opening())
        for pieces in [*self.block, self.column_labels()]:
            self.pieces(pieces)
        count = self.body(islice(rows, self.room), progress, done)
        for pieces in self.signature_block():
            self.pieces(pieces)
        self.pending.append(self.closing())
        self.flush()
        return count

    def body(self, rows: Iterator[list], progress, done: int) -> int:
        count = 0
        for count, values in enumerate(rows, start=1):
            self.row += 1
            self.pending.append(self.cells(values))
            if count % FLUSH_EVERY == 0:
                self.flush()
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(done + count)
        return count

    def flush(self) -> None:
        self.stream.write("".join(self.pending).encode())
        self.pending.clear()

    def cells(self, values: list) -> str:
        """The XML of one data row. The types most cells hold are tested first by exact type:
        this loop is most of the writer's time."""
        row, wrap, letters = str(self.row), self.sheet.wrap, self.letters
        if len(values) > len(letters):
            letters.extend(column_letter(index) for index in range(len(letters), len(values)))
        parts = [f'<row r="{row}">']
        for index, value in enumerate(values):
            if value is None:
                continue
            kind = type(value)
            if kind is str:
                parts.append(text_cell(letters[index] + row, value, index in wrap, DEFAULT))
            elif kind is int:
                parts.append(f'<c r="{letters[index]}{row}" s="{INTEGER}"><v>{value}</v></c>')
            elif kind is datetime.date:
                parts.append(date_cell(letters[index] + row, value))
            else:
                parts.append(other_cell(letters[index] + row, value, index in wrap))
        parts.append("</row>")
        return "".join(parts)

    # -- the blocks around the rows ---------------------------------------------------------
    def header_block(self) -> list[list[tuple]]:
        """Rows of pieces (column, text, style, columns spanned): bodies and motto, place and
        date, a gap, title and lines, a gap."""
        heading, right = self.heading, [(NATIONAL_TITLE, BOLD), (MOTTO, BOLD)]
        rows = [self.pair(left, right) for left, right in zip_longest(self.left_lines(), right)]
        if heading.place_date:
            rows.append(self.pair(None, (heading.place_date, ITALIC)))
        rows += [[], [(0, heading.title, TITLE, self.width)]]
        rows += [[(0, line, ITALIC, self.width)] for line in heading.lines]
        return [*rows, []]

    def left_lines(self) -> list[tuple[str, int]]:
        body = self.heading.body
        parent = [(body.parent, PLAIN)] if body.parent else []
        return parent + [(line, BOLD) for line in body.name_lines]

    def column_labels(self) -> list[tuple]:
        return [(index, label, COLUMN, 1) for index, label in enumerate(self.sheet.header)]

    def signature_block(self) -> list[list[tuple]]:
        left, right = self.heading.signatures
        return [[], self.pair((left, BOLD), (right, BOLD)),
                self.pair((HINT, ITALIC), (HINT, ITALIC))]

    def pair(self, left: tuple | None, right: tuple | None) -> list[tuple]:
        """A left piece over about two fifths of the width (at least one column), a right one
        over the rest."""
        split = max(1, self.width * 2 // 5)
        pieces = [(0, *left, split)] if left else []
        return pieces + ([(split, *right, self.width - split)] if right else [])

    def pieces(self, pieces: list[tuple]) -> None:
        """A row of the blocks; a piece spanning several columns is merged across them."""
        self.row += 1
        row, parts = str(self.row), [f'<row r="{self.row}">']
        for column, text, style, span in pieces:
            parts.append(text_cell(self.letters[column] + row, str(text), False, style))
            if span > 1:
                last = self.letters[column + span - 1]
                self.merges.append(f"{self.letters[column]}{row}:{last}{row}")
        self.pending.append("".join([*parts, "</row>"]))

    # -- what comes before and after sheetData ----------------------------------------------
    def opening(self) -> str:
        first = f"A{self.header_row + 1}"
        columns = "".join(f'<col min="{index}" max="{index}" width="{width}" customWidth="1"/>'
                          for index, width in enumerate(self.sheet.widths, start=1))
        return (f'{XML}<worksheet xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
                '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView'
                + ' tabSelected="1"' * self.selected + ' workbookViewId="0">'
                f'<pane ySplit="{self.header_row}" topLeftCell="{first}" activePane="bottomLeft"'
                f' state="frozen"/><selection pane="bottomLeft" activeCell="{first}" '
                f'sqref="{first}"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
                + (f"<cols>{columns}</cols>" if columns else "") + "<sheetData>")

    def closing(self) -> str:
        merges = "".join(f'<mergeCell ref="{ref}"/>' for ref in self.merges)
        orientation = "landscape" if self.width > 5 else "portrait"
        return ("</sheetData>"
                + (f'<mergeCells count="{len(self.merges)}">{merges}</mergeCells>' * bool(merges))
                + '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" '
                f'footer="0.5"/><pageSetup paperSize="9" orientation="{orientation}" '
                'fitToHeight="0"/></worksheet>')


# -- cells ------------------------------------------------------------------------------------
# What needs more than copying: markup, CR (a parser reads it as LF), characters XML 1.0 forbids.
_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_EPOCH = datetime.date(1899, 12, 30).toordinal()  # Excel's day 0, the 1900 leap year aside


def text_cell(ref: str, text: str, wrap: bool, style: int) -> str:
    """An inline string (NFC, within Excel's length); "" for a text left empty. One that
    starts like a formula takes the quoted form of its style."""
    special = _SPECIAL.search(text)
    if special:
        text = _ILLEGAL.sub("", text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not text:
        return ""
    if len(text) > WRAP_FROM:
        text = text[:MAX_TEXT]
        style = WRAP if wrap else style
    if text.startswith(FORMULA_START):
        style += QUOTED
    # A spreadsheet may trim the spaces at the ends of a text not marked to keep them.
    space = ' xml:space="preserve"' if text[0] <= " " or text[-1] <= " " else ""
    if special:
        text = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", "&#13;"))
    styled = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{styled} t="inlineStr"><is><t{space}>{text}</t></is></c>'


def date_cell(ref: str, value: datetime.date) -> str:
    """A date (or time) as Excel's serial number, shown dd/mm/yyyy; a date before 1900, which
    Excel cannot hold, as the text it would show."""
    serial = value.toordinal() - _EPOCH
    if serial < 61:  # Excel counts 29/02/1900, which never was
        serial -= 1
    if serial < 1:
        return text_cell(ref, f"{value:%d/%m/%Y}", False, DEFAULT)
    if isinstance(value, datetime.datetime):
        seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
        serial += seconds / 86400
    return f'<c r="{ref}" s="{DATE}"><v>{serial}</v></c>'


def other_cell(ref: str, value, wrap: bool) -> str:
    """A value of a less common type: booleans, times, subclasses, other numbers; anything
    else as its text. A number a spreadsheet cannot hold (nan, infinity) is left empty."""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{value:d}</v></c>'
    if isinstance(value, datetime.date):
        return date_cell(ref, naive(value))
    if isinstance(value, int):
        return f'<c r="{ref}" s="{INTEGER}"><v>{int(value)}</v></c>'
    if isinstance(value, float):
        return f'<c r="{ref}"><v>{float(value)!r}</v></c>' if math.isfinite(value) else ""
    if isinstance(value, Decimal):
        return f'<c r="{ref}"><v>{value}</v></c>' if value.is_finite() else ""
    return text_cell(ref, str(value), wrap, DEFAULT)


def naive(value: datetime.date) -> datetime.date:
    """Excel has no time zones: an aware time is written as the local time it shows."""
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


# -- the parts around the sheets --------------------------------------------------------------
def safe_title(title: str) -> str:
    """Sheet names: at most 31 characters, none of []:*?/\\, no apostrophe at either end."""
    title = _ILLEGAL.sub("", title)
    return "".join(" " if ch in "[]:*?/\\" else ch for ch in title)[:31].strip("'") or "Sheet"


def unique_title(title: str, sheets: list[tuple[str, int]]) -> str:
    """Excel refuses two sheets of the same name, whatever their case."""
    taken, candidate, number = {name.casefold() for name, _ in sheets}, title, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{title[:26]} ({number})"
    return candidate


def attribute(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def workbook(sheets: list[tuple[str, int]]) -> str:
    """The sheets, each with its column header as the rows printed on every page."""
    listed = "".join(f'<sheet name="{attribute(name)}" sheetId="{number}" r:id="rId{number}"/>'
                     for number, (name, _) in enumerate(sheets, start=1))
    titles = "".join(
        f'<definedName name="_xlnm.Print_Titles" localSheetId="{number}">'
        f"{attribute(quote_name(name))}!${row}:${row}</definedName>"
        for number, (name, row) in enumerate(sheets))
    return (f'{XML}<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><workbookPr/>'
            f'<bookViews><workbookView activeTab="0"/></bookViews><sheets>{listed}</sheets>'
            f"<definedNames>{titles}</definedNames></workbook>")


def quote_name(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def workbook_rels(count: int) -> str:
    sheets = "".join(f'<Relationship Id="rId{number}" Type="{RELATIONSHIPS}/worksheet" '
                     f'Target="worksheets/sheet{number}.xml"/>' for number in range(1, count + 1))
    return (f'{XML}<Relationships xmlns="{PACKAGE}/relationships">{sheets}'
            f'<Relationship Id="rId{count + 1}" Type="{RELATIONSHIPS}/styles" '
            'Target="styles.xml"/></Relationships>')


def content_types(count: int) -> str:
    office = "application/vnd.openxmlformats-officedocument"
    parts = {"/xl/workbook.xml": f"{office}.spreadsheetml.sheet.main+xml",
             "/xl/styles.xml": f"{office}.spreadsheetml.styles+xml",
             "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
             "/docProps/app.xml": f"{office}.extended-properties+xml"}
    parts |= {f"/xl/worksheets/sheet{number}.xml": f"{office}.spreadsheetml.worksheet+xml"
              for number in range(1, count + 1)}
    overrides = "".join(f'<Override PartName="{name}" ContentType="{kind}"/>'
                        for name, kind in parts.items())
    return (f'{XML}<Types xmlns="{PACKAGE}/content-types"><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>')


def core_properties(title: str) -> str:
    now = f"{datetime.datetime.now(datetime.UTC):%Y-%m-%dT%H:%M:%SZ}"
    dates = "".join(f'<dcterms:{name} xsi:type="dcterms:W3CDTF">{now}</dcterms:{name}>'
                    for name in ("created", "modified"))
    return (f'{XML}<cp:coreProperties xmlns:cp="{PACKAGE}/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{attribute(_ILLEGAL.sub('', title))}</dc:title><dc:creator>thidua"
            f"</dc:creator>{dates}</cp:coreProperties>")


PACKAGE = "http://schemas.openxmlformats.org/package/2006"
ROOT_RELS = (
    f'{XML}<Relationships xmlns="{PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
    f'<Relationship Id="rId2" Type="{PACKAGE}/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{RELATIONSHIPS}/extended-properties" '
    'Target="docProps/app.xml"/></Relationships>')
APP_PROPERTIES = (
    f'{XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>thidua</Application></Properties>')
