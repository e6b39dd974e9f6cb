"""`thidua certificates NUMBER --out FILE.pdf [--blank]` (contracts §4)."""

import datetime
import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from tests.documents.certificate_support import make_certified, page_texts
from tests.factories import make_award, make_decision, make_person
from thidua.awards import services as award_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def certified(tree):
    return make_certified(tree)


def run(*args) -> str:
    out = io.StringIO()
    call_command("certificates", *args, stdout=out)
    return out.getvalue()


def test_every_award_in_force_gets_a_page(certified, tmp_path):
    target = tmp_path / "bang-khen.pdf"
    message = run("120/QĐ-UBND", "--out", str(target))

    texts = page_texts(target.read_bytes())
    assert [text.split("\n")[0] for text in texts] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"] * 4
    assert ["Nguyễn Thị Hoà" in texts[0], "Trần Văn Bình" in texts[1],
            "Phòng Nội vụ huyện Phú Quý" in texts[2], "Phạm Thị Dung" in texts[3]] == [True] * 4
    assert all("Lê Văn Cường" not in text for text in texts)  # revoked
    assert message == (f"Đã ghi 4 chứng nhận của quyết định 120/QĐ-UBND vào {target}.\n")


def test_blank_mode_and_a_zip_of_single_pages(certified, tmp_path):
    target, archive = tmp_path / "phoi.pdf", tmp_path / "phoi.zip"
    run("120/qđ-ubnd", "--out", str(target), "--blank", "--zip", str(archive))

    texts = page_texts(target.read_bytes())
    assert len(texts) == 4
    assert all("CỘNG HÒA" not in text and "BẰNG KHEN" not in text for text in texts)
    with zipfile.ZipFile(archive) as opened:
        assert len(opened.namelist()) == 4
        assert page_texts(opened.read(opened.namelist()[3])) == [texts[3]]


def test_a_number_shared_by_two_decisions_needs_the_date(certified, tree, tmp_path):
    later = make_decision("120/QĐ-UBND", datetime.date(2025, 12, 19), issuer=tree.province,
                          decided_by="provincial_chair")
    make_award("giay_khen", person=make_person("Võ Thị Én", tree.phu_quy, gender="female"),
               decision=later, year=2025)
    target = tmp_path / "out.pdf"

    with pytest.raises(CommandError) as error:
        run("120/QĐ-UBND", "--out", str(target))
    assert str(error.value) == ("Có nhiều quyết định cùng số “120/QĐ-UBND” (ngày 2024-12-20, "
                                "2025-12-19): hãy chỉ rõ bằng --date YYYY-MM-DD.")
    assert not target.exists()

    run("120/QĐ-UBND", "--date", "2025-12-19", "--out", str(target))
    [text] = page_texts(target.read_bytes())
    assert "Bà Võ Thị Én" in text and "GIẤY KHEN" in text


@pytest.mark.parametrize("args, message", [
    (["999/QĐ-UBND"], "Không có quyết định số “999/QĐ-UBND”."),
    (["120/QĐ-UBND", "--date", "2024-12-21"],
     "Không có quyết định số “120/QĐ-UBND” ngày 21/12/2024."),
    (["120/QĐ-UBND", "--date", "20/12/2024"],
     "--date: “20/12/2024” không phải là ngày viết theo dạng YYYY-MM-DD."),
])
def test_unknown_decisions_are_clear_errors(certified, tmp_path, args, message):
    with pytest.raises(CommandError) as error:
        run(*args, "--out", str(tmp_path / "out.pdf"))
    assert str(error.value) == message


def test_a_decision_whose_awards_were_all_revoked_prints_nothing(tree, tmp_path):
    decision = make_decision("7/QĐ-UBND", datetime.date(2024, 5, 2), issuer=tree.province)
    award = make_award("giay_khen", person=make_person("Đỗ Văn Phúc", tree.phu_quy),
                       decision=decision, year=2024)
    award_services.revoke_award(by=None, award=award, reason="Sai sót", decision=make_decision(
        "8/QĐ-UBND", datetime.date(2024, 6, 2), issuer=tree.province))

    with pytest.raises(CommandError) as error:
        run("7/QĐ-UBND", "--out", str(tmp_path / "out.pdf"))
    assert str(error.value) == "Không có khen thưởng nào còn hiệu lực để in."
