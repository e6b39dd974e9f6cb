"""Render the sample certificate shown in the documentation: docs/images/certificate-sample.png.

    .venv/bin/python scripts/render_certificate_sample.py [OUTPUT.png]

A designed Bằng khen with made-up data (no database needed), drawn by the same code as the
real ones (thidua/documents/certificates/render.py), rendered to pixels with pypdfium2 and
reduced to a small palette image (the file stays well under 300 KB)."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "images" / "certificate-sample.png"
WIDTH = 1400  # pixels


def main(output: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    import django

    django.setup()
    import pypdfium2
    from PIL import Image

    from thidua.documents.certificates import render
    from thidua.documents.certificates.content import Lines

    lines = Lines(
        form="bang_khen", authority="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN", lead="TẶNG",
        award="BẰNG KHEN", awardee="Bà Nguyễn Thị Hoà",
        unit="Phó Trưởng phòng Nội vụ, UBND huyện Phú Quý",
        achievement="Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2024, góp phần "
                    "vào sự nghiệp xây dựng và phát triển tỉnh nhà",
        decision="Quyết định số 120/QĐ-UBND, ngày 20 tháng 12 năm 2024",
        register="Số sổ vàng: 15", place_date="Bình Thuận, ngày 20 tháng 12 năm 2024",
        signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", signer_name="Nguyễn Hồng Hải")
    page = render.page_data(lines, code="7K3QX-M9D2P",
                            url="https://thidua.example.gov.vn/xac-minh/7K3QXM9D2P/")
    pdf = render.designed_pdf([page], title="Mẫu bằng khen")
    document = pypdfium2.PdfDocument(pdf)
    image = document[0].render(scale=WIDTH / document[0].get_width()).to_pil()
    document.close()
    image = image.convert("RGB").quantize(colors=48, method=Image.Quantize.MEDIANCUT)
    output.parent.mkdir(parents=True, exist_ok=True)
    image.save(output, optimize=True)
    print(f"{output}: {image.width} × {image.height} px, {output.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT)
