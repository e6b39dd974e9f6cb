import datetime
import io
import unicodedata

import pytest
from docx import Document

from tests.factories import make_award, make_decision, make_person, make_unit
from thidua.awards.models import Award
from thidua.organisations.choices import UnitKind

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Given names chosen to test the Vietnamese order (An < Ánh < Bình < Dung < Đức < Hoà).
NAMES = ["Trần Văn Bình", "Nguyễn Thị Hoà", "Lê Văn An", "Đặng Thị Ánh", "Nguyễn Văn Đức",
         "Võ Thị Dung"]


def opened(content: bytes):
    """A generated document opened again, as Word would."""
    return Document(io.BytesIO(content))


def downloaded(response):
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == DOCX
    return opened(response.content)


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def cells(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


@pytest.fixture
def decision(tree):
    """A provincial decision of 05/01/2026: six people of Phú Quý and two collectives, one
    name stored in NFD with Ð (U+00D0), as legacy imports left some."""
    decision = make_decision("05/QĐ-UBND", datetime.date(2026, 1, 5), issuer=tree.province,
                             decided_by="provincial_chair", signer_name="Nguyễn Văn Phong",
                             signer_title="Phó Chủ tịch", period="trong công tác năm 2025")
    for name in NAMES:
        person = make_person(name, tree.phu_quy, gender="female" if " Thị " in name else "male")
        make_award("bk_bo_tinh_individual", person=person, decision=decision, year=2025)
    for name in ("Phòng Nội vụ", "Ban Chỉ huy Quân sự"):
        team = make_unit(name, UnitKind.DIVISION, tree.phu_quy)
        make_award("bk_bo_tinh_collective", collective=team, decision=decision, year=2025)
    legacy = unicodedata.normalize("NFD", "Đặng Thị Ánh").replace("Đ", "\u00d0")
    Award.objects.filter(decision=decision, awardee_name="Đặng Thị Ánh").update(
        awardee_name=legacy)
    return decision
