"""Designed certificates and certificates for blanks: the PDFs are opened again (text, fonts,
page sizes) and rendered to pixels to check where the ink goes."""

import io
import unicodedata

import pytest
from pypdf import PdfReader

from tests.documents.certificate_support import (
    box_px,
    changed_box,
    embedded_fonts,
    ink,
    inside,
    make_certified,
    page_sizes_mm,
    page_texts,
    rendered,
)
from thidua.awards.models import Award
from thidua.documents.certificates import render, services
from thidua.documents.certificates.content import Lines
from thidua.documents.models import Certificate
from thidua.documents.verification import grouped

pytestmark = pytest.mark.django_db


@pytest.fixture
def certified(tree):
    return make_certified(tree)


def lines(**changes) -> Lines:
    values = {
        "form": "bang_khen", "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
        "lead": "TẶNG", "award": "BẰNG KHEN", "awardee": "Bà Nguyễn Thị Hoà",
        "unit": "UBND huyện Phú Quý",
        "achievement": "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2024",
        "decision": "Quyết định số 120/QĐ-UBND, ngày 20 tháng 12 năm 2024",
        "register": "Số sổ vàng: 1", "place_date": "Bình Thuận, ngày 20 tháng 12 năm 2024",
        "signer_title": "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "signer_name": "Nguyễn Hồng Hải",
    }
    return Lines(**{**values, **changes})


def designed(*all_lines: Lines) -> bytes:
    pages = [render.page_data(item, code="ABCDE-FGHJK", url="http://testserver/xac-minh/"
                              "ABCDEFGHJK/") for item in all_lines]
    return render.designed_pdf(pages, title="test")


def test_a_decision_prints_one_page_per_award_in_force(certified):
    awards = certified.awards
    pdf = services.decision_pdf(certified.decision, by=None)

    texts = page_texts(pdf)
    assert len(texts) == 4  # the revoked award has no certificate
    codes = dict(Certificate.objects.values_list("award_id", "code"))
    assert sorted(codes) == sorted([awards.hoa.pk, awards.binh.pk, awards.team.pk,
                                    awards.dung.pk])
    for text, award, awardee, register in (
            (texts[0], awards.hoa, "Bà Nguyễn Thị Hoà", "Số sổ vàng: 1"),
            (texts[1], awards.binh, "Ông Trần Văn Bình", "Số sổ vàng: 57"),
            (texts[2], awards.team, "Phòng Nội vụ huyện Phú Quý", "Số sổ vàng: 3"),
            (texts[3], awards.dung, "Bà Phạm Thị Dung", "Số sổ vàng: 4")):
        assert awardee in text
        assert "BẰNG KHEN" in text
        assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN" in text
        assert "Quyết định số 120/QĐ-UBND, ngày 20 tháng 12 năm 2024" in text
        assert "Bình Thuận, ngày 20 tháng 12 năm 2024" in text
        assert grouped(codes[award.pk]) in text
        assert register in text
        assert "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n" in text  # two lines, as signed
        assert "Nguyễn Hồng Hải" in text
    assert "UBND huyện Phú Quý" in texts[0]
    assert "UBND xã Tam Thanh" in texts[1]
    assert page_sizes_mm(pdf) == [(420, 297)] * 4  # Bằng khen: A3 landscape
    assert embedded_fonts(pdf) >= {"LibertinusSerif-Regular", "LibertinusSerif-Bold"}


def test_printing_again_keeps_the_codes(certified):
    services.decision_pdf(certified.decision, by=None)
    first = dict(Certificate.objects.values_list("award_id", "code"))
    services.decision_pdf(certified.decision, by=None)
    assert dict(Certificate.objects.values_list("award_id", "code")) == first


def test_names_in_nfd_or_with_eth_print_in_composed_vietnamese(certified):
    legacy = unicodedata.normalize("NFD", "Đỗ Thị Ữ Ặng").replace("Đ", "\u00d0")
    Award.objects.filter(pk=certified.awards.hoa.pk).update(awardee_name=legacy)

    text = page_texts(services.decision_pdf(certified.decision, by=None))[0]

    assert "Bà Đỗ Thị Ữ Ặng" in text
    assert "\u00d0" not in text
    assert unicodedata.normalize("NFC", text) == text


def test_a_title_certificate_names_the_title_on_a4():
    pdf = designed(lines(form="title", lead="TẶNG DANH HIỆU", award="CHIẾN SĨ THI ĐUA CƠ SỞ"))
    assert "TẶNG DANH HIỆU" in page_texts(pdf)[0]
    assert "CHIẾN SĨ THI ĐUA CƠ SỞ" in page_texts(pdf)[0]
    assert page_sizes_mm(pdf) == [(297, 210)]


# Boxes of the designed layout on the A4 grid (render.DESIGNED_FIELDS), scaled for A3.
A3 = 420 / 297


def field_box(name: str, scale: float = A3, margin_mm: float = 0.5):
    x, y, width, height, *_style = render.DESIGNED_FIELDS[name]
    return box_px(x * scale, y * scale, width * scale, height * scale, margin_mm=margin_mm)


@pytest.mark.parametrize("field, value", [
    ("awardee", "Bà " + " ".join(["Công Tằng Tôn Nữ Thị Huyền Trân Ngọc Diệp"] * 6)),
    ("unit", " ".join(["Trường Trung học cơ sở Nguyễn Trường Tộ, xã Tam Thanh"] * 8)),
    ("achievement", " ".join(["Đã có thành tích xuất sắc trong phong trào thi đua"] * 20)),
    ("awardee", "Bà " + "Nguyễn" * 40),  # one "word" with no space to break at
])
def test_long_text_shrinks_inside_its_box_and_never_overflows(field, value):
    short = rendered(designed(lines()))
    long = rendered(designed(lines(**{field: value})))

    changed = changed_box(short, long)
    assert changed is not None
    assert inside(changed, field_box(field))
    assert ink(long, field_box(field, margin_mm=0)) > 500


def test_every_field_holds_ink_where_the_layout_puts_it():
    image = rendered(designed(lines()))
    for name in ("authority", "award", "awardee", "unit", "achievement", "decision",
                 "register", "code", "place_date", "signer_title", "signer_name"):
        assert ink(image, field_box(name, margin_mm=0)) > 50, name
    qr = box_px(24 * A3, 166 * A3, 26 * A3, 26 * A3)
    assert ink(image, qr) > 2000


def test_the_qr_code_drawn_on_the_page_is_the_code_of_its_address():
    url = "http://testserver/xac-minh/ABCDEFGHJK/"
    matrix = render.qr_matrix(url)
    size, dpi = len(matrix), 400
    image = rendered(designed(lines()), dpi=dpi).convert("L")

    module_mm = 26 * A3 / (size + 8)  # the drawing includes a quiet zone of 4 modules
    px = dpi / 25.4
    read = [[image.getpixel((round((24 * A3 + (4 + col + 0.5) * module_mm) * px),
                             round((166 * A3 + (4 + row + 0.5) * module_mm) * px))) < 128
             for col in range(size)] for row in range(size)]

    assert read == [[bool(value) for value in row] for row in matrix]


def test_runs_of_pages_are_cut_in_order_and_none_too_short(monkeypatch):
    monkeypatch.setattr(render, "PART_PAGES", 2)
    pages = [{"n": n} for n in range(7)]
    assert [[p["n"] for p in run] for run in render.parts(pages, 3)] == [[0, 1, 2], [3, 4],
                                                                        [5, 6]]
    # Too few pages to be worth more compiles: 3 pages make one run of 3, not 2 + 1.
    assert [len(run) for run in render.parts(pages[:3], 4)] == [3]
    assert render.parts([], 4) == [[]]


def test_a_batch_compiled_in_parts_is_one_pdf_in_the_order_of_its_pages(monkeypatch, settings):
    """With several cores, a large batch is compiled in parts at once and joined: every page
    in its place, the shared layer on each, the document's title kept."""
    monkeypatch.setattr(render, "PART_PAGES", 2)
    monkeypatch.setattr(render.os, "cpu_count", lambda: 3)
    settings.CERTIFICATE_WORKERS = 3
    names = [f"Ông Trần Văn Thứ {number}" for number in range(1, 8)]
    pdf = designed(*(lines(awardee=name, register=f"Số sổ vàng: {number}")
                     for number, name in enumerate(names, start=1)))
    texts = [unicodedata.normalize("NFC", text) for text in page_texts(pdf)]
    assert len(texts) == 7
    for number, (name, text) in enumerate(zip(names, texts, strict=True), start=1):
        assert name in text and f"Số sổ vàng: {number}" in text
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text  # from the shared layer
    assert PdfReader(io.BytesIO(pdf)).metadata.title == "test"
