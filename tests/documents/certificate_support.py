"""Helpers and data of the certificate tests: PDFs opened again (pypdf), rendered to pixels
(pypdfium2), and a decision of the province with people, a collective and a revoked award."""

import datetime
import io
from types import SimpleNamespace

import pypdfium2 as pdfium
from PIL import Image, ImageChops
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from tests.factories import make_award, make_decision, make_person, make_unit
from thidua.awards import services as award_services
from thidua.organisations.choices import UnitKind

DPI = 72  # one pixel per point: mm × 72 / 25.4
WHITE = (255, 255, 255)


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def page_sizes_mm(pdf: bytes) -> list[tuple[int, int]]:
    """(width, height) of each page, rounded to whole millimetres."""
    return [(round(float(p.mediabox.width) * 25.4 / 72), round(float(p.mediabox.height) * 25.4 / 72))
            for p in PdfReader(io.BytesIO(pdf)).pages]


def embedded_fonts(pdf: bytes) -> set[str]:
    """Base names of the fonts whose program is embedded in the file (FontFile, 2 or 3)."""
    reader = PdfReader(io.BytesIO(pdf))
    names = set()
    for number in range(1, int(reader.trailer["/Size"])):
        obj = reader.get_object(number)
        if (isinstance(obj, DictionaryObject) and obj.get("/Type") == "/FontDescriptor"
                and any(key in obj for key in ("/FontFile", "/FontFile2", "/FontFile3"))):
            names.add(str(obj["/FontName"]).split("+")[-1])
    return names


def rendered(pdf: bytes, page: int = 0, dpi: int = DPI) -> Image.Image:
    document = pdfium.PdfDocument(pdf)
    try:
        return document[page].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        document.close()


def box_px(x_mm: float, y_mm: float, w_mm: float, h_mm: float, dpi: int = DPI,
           margin_mm: float = 0) -> tuple[int, int, int, int]:
    scale = dpi / 25.4
    return (round((x_mm - margin_mm) * scale), round((y_mm - margin_mm) * scale),
            round((x_mm + w_mm + margin_mm) * scale), round((y_mm + h_mm + margin_mm) * scale))


def ink(image: Image.Image, box=None, *, background=WHITE) -> int:
    """Pixels in `box` that differ from the background."""
    region = image.crop(box) if box else image
    plain = Image.new("RGB", region.size, background)
    return sum(ImageChops.difference(region, plain).convert("L").histogram()[41:])


def changed_box(before: Image.Image, after: Image.Image):
    """The bounding box of the pixels that differ between two renderings (None if none)."""
    return ImageChops.difference(before, after).convert("L").point(
        lambda v: 255 if v > 40 else 0).getbbox()


def inside(inner, outer) -> bool:
    return (inner[0] >= outer[0] and inner[1] >= outer[1] and inner[2] <= outer[2]
            and inner[3] <= outer[3])


def make_certified(tree):
    """Decision 120/QĐ-UBND of 20/12/2024 of the provincial chair: Bằng khen for a woman of
    Phú Quý, a man of Tam Thanh and a collective of Phú Quý; for a woman of Phan Thiết
    (another officer's unit), and a man of Phan Thiết whose award was later revoked."""
    decision = make_decision("120/QĐ-UBND", datetime.date(2024, 12, 20), issuer=tree.province,
                             decided_by="provincial_chair", signer_name="Nguyễn Hồng Hải",
                             signer_title="KT. Chủ tịch – Phó Chủ tịch")
    hoa = make_person("Nguyễn Thị Hoà", tree.phu_quy, gender="female",
                      birth_date=datetime.date(1985, 3, 2), personal_id="060185000123")
    binh = make_person("Trần Văn Bình", tree.tam_thanh, birth_date=datetime.date(1979, 11, 30))
    team = make_unit("Phòng Nội vụ huyện Phú Quý", UnitKind.DIVISION, tree.phu_quy)
    dung = make_person("Phạm Thị Dung", tree.phan_thiet, gender="female")
    other = make_person("Lê Văn Cường", tree.phan_thiet)
    awards = SimpleNamespace(
        hoa=make_award("bk_bo_tinh_individual", person=hoa, decision=decision, year=2024),
        binh=make_award("bk_bo_tinh_individual", person=binh, decision=decision, year=2024,
                        register_number="57"),
        team=make_award("bk_bo_tinh_collective", collective=team, decision=decision, year=2024),
        dung=make_award("bk_bo_tinh_individual", person=dung, decision=decision, year=2024),
        other=make_award("bk_bo_tinh_individual", person=other, decision=decision, year=2024),
    )
    revoking = make_decision("9/QĐ-UBND", datetime.date(2025, 3, 1), issuer=tree.province,
                             decided_by="provincial_chair")
    award_services.revoke_award(by=None, award=awards.other, decision=revoking,
                                reason="Kê khai sai thành tích")
    return SimpleNamespace(decision=decision, revoking=revoking, awards=awards, hoa=hoa)


def post_data(spec, **changes) -> dict:
    """The edit form as the browser posts it, with `changes` to the awardee row."""
    data = {"page_width": spec.width, "page_height": spec.height, "offset_x": spec.offset_x,
            "offset_y": spec.offset_y, "form-TOTAL_FORMS": len(spec.fields),
            "form-INITIAL_FORMS": len(spec.fields), "form-MIN_NUM_FORMS": len(spec.fields),
            "form-MAX_NUM_FORMS": len(spec.fields)}
    for index, field in enumerate(spec.fields):
        values = {"name": field.name, "x": field.x, "y": field.y, "width": field.width,
                  "height": field.height, "font_size": field.font_size, "align": field.align}
        if field.name == "awardee":
            values.update(changes)
        for flag in ("enabled", "bold", "italic"):
            if getattr(field, flag):
                values[flag] = "on"
        data.update({f"form-{index}-{key}": value for key, value in values.items()})
    return data
