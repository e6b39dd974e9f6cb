"""The Decree 30/2020 page, built with python-docx: A4, margins, Times New Roman, the header
table (issuing body | national title and motto; number | place and date), the title block,
the closing table (recipients | signature) and page numbers from page 2.

The built-in templates (`builtin`) are written with these helpers and keep docxtpl tags in
their text: `{{ name }}` for a value, a paragraph holding only `{%p for … %}` for a repeated
paragraph, a table row holding `{%tr for … %}` for repeated rows."""

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

FONT = "Times New Roman"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
CENTER, LEFT, RIGHT, JUSTIFY = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT,
                                WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY)
# document-forms.md §0: A4, top/bottom 20 mm, left 30 mm, right 15 mm; text width 165 mm.
MARGINS = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH = 165
# Model 1.2/1.4 columns of the official Word file (3936 + 5704 twips, 69 + 101 mm), narrowed
# on the left to fit the 165 mm text width.
HEADER_COLUMNS = (62, 103)
CLOSING_COLUMNS = (64, 101)


class Page:
    """A document being built; `doc` is the python-docx Document."""

    def __init__(self, size: int = 14):
        self.doc = Document()
        self.set_up_styles(size)
        self.set_up_section(self.doc.sections[0])

    # -- page and styles ------------------------------------------------------------------
    def set_up_styles(self, size: int) -> None:
        normal = self.doc.styles["Normal"]
        normal.font.name, normal.font.size = FONT, Pt(size)
        fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT)
        spacing = normal.paragraph_format
        spacing.space_before, spacing.space_after, spacing.line_spacing = Pt(0), Pt(0), 1.0

    def set_up_section(self, section, *, restart: bool = False) -> None:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(MARGINS["top"]), Mm(MARGINS["bottom"])
        section.left_margin, section.right_margin = Mm(MARGINS["left"]), Mm(MARGINS["right"])
        section.header_distance = Mm(10)
        # Page numbers top centre, not on the first page (Decree 30, Annex I).
        section.different_first_page_header_footer = True
        if restart:
            number_type = OxmlElement("w:pgNumType")
            number_type.set(qn("w:start"), "1")
            section._sectPr.append(number_type)
        else:
            self.page_number(section.header.paragraphs[0])

    @staticmethod
    def page_number(paragraph) -> None:
        paragraph.alignment = CENTER
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "2"
        run.append(text)
        field.append(run)
        paragraph._p.append(field)

    def new_section(self) -> None:
        """An annex: a new page whose numbers start again at 1 (each annex is numbered on its
        own), with the same header."""
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        self.set_up_section(section, restart=True)

    # -- paragraphs -----------------------------------------------------------------------
    def para(self, text: str = "", *, container=None, align=JUSTIFY, bold=False, italic=False,
             size: float | None = None, indent: bool = False, before: float = 0,
             after: float = 0, keep: bool = False):
        """One paragraph of one run; `text` may hold tags. `container`: a cell, else the body."""
        paragraph = (container or self.doc).add_paragraph()
        self.fill(paragraph, text, align=align, bold=bold, italic=italic, size=size,
                  indent=indent, before=before, after=after)
        paragraph.paragraph_format.keep_with_next = keep or None
        return paragraph

    @staticmethod
    def fill(paragraph, text: str, *, align=JUSTIFY, bold=False, italic=False, size=None,
             indent=False, before: float = 0, after: float = 0):
        paragraph.alignment = align
        form = paragraph.paragraph_format
        form.space_before, form.space_after = Pt(before), Pt(after)
        if indent:
            form.first_line_indent = Cm(1.27)
        if text:
            run = paragraph.add_run(text)
            run.bold, run.italic = bold or None, italic or None
            if size:
                run.font.size = Pt(size)
        return paragraph

    def runs(self, parts: list[tuple[str, dict]], *, container=None, align=JUSTIFY,
             indent: bool = True, after: float = 6):
        """A paragraph of several runs, e.g. a bold "Điều 1. " then the article's text."""
        paragraph = (container or self.doc).add_paragraph()
        self.fill(paragraph, "", align=align, indent=indent, after=after)
        for text, style in parts:
            run = paragraph.add_run(text)
            run.bold, run.italic = style.get("bold"), style.get("italic")
        return paragraph

    def tag(self, tag: str, container=None) -> None:
        """A paragraph holding only a docxtpl paragraph tag ({%p … %}): removed on rendering."""
        (container or self.doc).add_paragraph(tag)

    def repeat(self, loop: str, text: str, *, container=None, **style) -> None:
        """`text` once per item: {%p for … %} / the paragraph / {%p endfor %}."""
        self.tag(f"{{%p for {loop} %}}", container)
        self.para(text, container=container, **style)
        self.tag("{%p endfor %}", container)

    def when(self, condition: str, text: str, *, container=None, **style) -> None:
        """A paragraph that appears only when `condition` holds (an empty line otherwise)."""
        self.tag(f"{{%p if {condition} %}}", container)
        self.para(text, container=container, **style)
        self.tag("{%p endif %}", container)

    def rule(self, width: float, column: float, *, container=None, before: float = 0,
             after: float = 0) -> None:
        """A solid line `width` mm long, centred in a `column` mm wide (the short rules under
        the issuing body, the motto and the title): the bottom border of an empty paragraph."""
        paragraph = self.para("", container=container, align=CENTER, before=before, after=after)
        form = paragraph.paragraph_format
        form.left_indent = form.right_indent = Mm(max((column - width) / 2, 0))
        border = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"),
                           ("w:color", "000000")):
            bottom.set(qn(key), value)
        border.append(bottom)
        paragraph._p.get_or_add_pPr().append(border)
        mark = OxmlElement("w:rPr")
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), "4")
        mark.append(size)
        paragraph._p.get_or_add_pPr().append(mark)

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # -- tables ---------------------------------------------------------------------------
    def grid(self, rows: int, widths: tuple[float, ...], *, borders: bool = False):
        table = self.doc.add_table(rows=rows, cols=len(widths))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        if borders:
            table.style = self.doc.styles["Table Grid"]
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        table._tbl.tblPr.append(layout)
        # LibreOffice reads the grid, Word the cells: set both.
        for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
            column.w = Mm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Mm(width)
        return table

    @staticmethod
    def cell(table, row: int, column: int):
        """A cell emptied of its first paragraph, ready for `para(container=cell)`."""
        cell = table.cell(row, column)
        first = cell.paragraphs[0]._p
        first.getparent().remove(first)
        return cell

    def header(self, *, place_date: bool = True, body: bool = True) -> None:
        """Boxes 1–4: issuing body | national title and motto; number | place and date.
        Two rows, so that number and date share a line however long the body's name."""
        table = self.grid(2, HEADER_COLUMNS)
        left, right = self.cell(table, 0, 0), self.cell(table, 0, 1)
        if body:
            self.when("co_quan_chu_quan", "{{ co_quan_chu_quan }}", container=left,
                      align=CENTER, size=13)
            self.para("{{ co_quan_ban_hanh }}", container=left, align=CENTER, bold=True, size=13)
            self.rule(25, HEADER_COLUMNS[0], container=left)
        self.para(NATIONAL_TITLE, container=right, align=CENTER, bold=True, size=13)
        self.para(MOTTO, container=right, align=CENTER, bold=True, size=14)
        self.rule(60, HEADER_COLUMNS[1], container=right)
        left, right = self.cell(table, 1, 0), self.cell(table, 1, 1)
        self.para("Số: {{ so_ky_hieu }}" if body else "", container=left, align=CENTER,
                  size=13, before=6)
        self.para("{{ dia_danh_ngay }}" if place_date else "", container=right, align=CENTER,
                  italic=True, before=6)

    def title(self, kind: str, summary: str = "{{ trich_yeu }}") -> None:
        """Box 5a: the type of document and its summary, with a short rule under them."""
        self.para(kind, align=CENTER, bold=True, before=18)
        if summary:
            self.para(summary, align=CENTER, bold=True)
        self.rule(40, TEXT_WIDTH, before=3, after=12)  # clear of the summary's descenders

    def closing(self, *, recipients: bool = True, signer: str = "chuc_danh_ky",
                name: str = "nguoi_ky") -> None:
        """Boxes 7 and 9b: recipients on the left, the signer's position, room for the
        signature and seal, and the name on the right."""
        table = self.grid(1, CLOSING_COLUMNS)
        left, right = self.cell(table, 0, 0), self.cell(table, 0, 1)
        if recipients:
            self.para("Nơi nhận:", container=left, align=LEFT, bold=True, italic=True, size=12,
                      before=12)
            self.repeat("dong in noi_nhan", "{{ dong }}", container=left, align=LEFT, size=11)
        else:
            self.para("", container=left)
        self.signature(right, signer, name)

    def signature(self, cell, signer: str, name: str, *, hint: str = "") -> None:
        self.repeat(f"dong in {signer}", "{{ dong }}", container=cell, align=CENTER, bold=True,
                    before=0)
        if hint:
            self.para(hint, container=cell, align=CENTER, italic=True)
        for _ in range(4):  # room for signature and seal (about 30 mm)
            self.para("", container=cell)
        self.para(f"{{{{ {name} }}}}", container=cell, align=CENTER, bold=True)

    def annex_table(self, columns: list[tuple[str, float, str]], loop: str) -> None:
        """A bordered list: the header row, then one row per item of `loop` (docxtpl row
        tags). `columns`: label, width in mm, cell text."""
        widths = tuple(width for _, width, _ in columns)
        table = self.grid(4, widths, borders=True)
        for index, (label, _, text) in enumerate(columns):
            self.fill(table.cell(0, index).paragraphs[0], label, align=CENTER, bold=True,
                      size=13)
            self.fill(table.cell(2, index).paragraphs[0], text,
                      align=CENTER if index == 0 else LEFT, size=13)
        table.cell(1, 0).paragraphs[0].text = f"{{%tr for {loop} %}}"
        table.cell(3, 0).paragraphs[0].text = "{%tr endfor %}"
        repeat_header = OxmlElement("w:tblHeader")
        table.rows[0]._tr.get_or_add_trPr().append(repeat_header)
