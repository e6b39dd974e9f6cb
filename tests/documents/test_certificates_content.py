"""The lines of a certificate, from the register's snapshots (document-forms.md §3)."""

import datetime

import pytest

from tests.factories import award_type
from thidua.awards.models import Award, Decision
from thidua.documents.certificates import content
from thidua.people.models import Person


def decision(**fields) -> Decision:
    values = {"number": "120/QĐ-UBND", "date": datetime.date(2026, 1, 5),
              "issuer_name": "UBND tỉnh Bình Thuận", "decided_by": "provincial_chair"}
    return Decision(**{**values, **fields})


@pytest.mark.parametrize("decided_by, issuer, expected", [
    ("provincial_chair", "UBND tỉnh Bình Thuận", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN"),
    ("district_chair", "Ủy ban nhân dân huyện Phú Quý",
     "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN PHÚ QUÝ"),
    ("provincial_peoples_committee", "UBND tỉnh Lâm Đồng", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
    ("department_head", "Sở Nội vụ tỉnh Bình Thuận", "GIÁM ĐỐC SỞ NỘI VỤ TỈNH BÌNH THUẬN"),
    ("minister", "Bộ Giáo dục và Đào tạo", "BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO"),
    ("prime_minister", "Chính phủ", "THỦ TƯỚNG CHÍNH PHỦ"),
    ("", "Trường THPT Phan Bội Châu", "TRƯỜNG THPT PHAN BỘI CHÂU"),
])
def test_the_authority_line_names_who_awards(decided_by, issuer, expected):
    assert content.authority_line(decision(decided_by=decided_by, issuer_name=issuer)) == expected


@pytest.mark.parametrize("title, decided_by, expected", [
    ("KT. Chủ tịch – Phó Chủ tịch", "provincial_chair", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"),
    ("Phó Chủ tịch", "provincial_chair", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"),
    ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "provincial_chair", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"),
    ("Chủ tịch UBND tỉnh", "provincial_chair", "CHỦ TỊCH UBND TỈNH"),
    ("", "provincial_peoples_committee", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"),
    ("", "department_head", "GIÁM ĐỐC"),
])
def test_the_signers_position_is_set_line_by_line(title, decided_by, expected):
    record = decision(signer_title=title, decided_by=decided_by)
    assert content.signer_title_line(record) == expected


@pytest.mark.parametrize("issuer, decided_by, expected", [
    ("UBND thành phố Phan Thiết", "district_chair", "Phan Thiết"),
    ("Sở Nội vụ tỉnh Bình Thuận", "department_head", "Bình Thuận"),
    ("Bộ Giáo dục và Đào tạo", "minister", "Hà Nội"),
])
def test_the_place_is_the_issuers_locality(issuer, decided_by, expected):
    assert content.place_of(decision(issuer_name=issuer, decided_by=decided_by)) == expected


def test_the_decision_lines_write_dates_as_documents_do():
    lines = content.decision_lines(decision(date=datetime.date(2026, 2, 5)))
    assert lines.decision == "Quyết định số 120/QĐ-UBND, ngày 05 tháng 02 năm 2026"
    assert lines.place_date == "Bình Thuận, ngày 05 tháng 02 năm 2026"


@pytest.mark.django_db
def test_forms_titles_and_default_achievements():
    title = Award(award_type=award_type("cstd_co_so"), year=2025, awardee_name="Trần Văn Bình",
                  person=Person(pk=1, full_name="Trần Văn Bình", gender="male"),
                  decision=decision(period=""))
    lines = content.lines_of(title, content.decision_lines(title.decision), position=7)
    assert (lines.form, lines.lead, lines.award) == ("title", "TẶNG DANH HIỆU",
                                                     "CHIẾN SĨ THI ĐUA CƠ SỞ")
    assert lines.awardee == "Ông Trần Văn Bình"
    assert lines.achievement == "Đã có thành tích xuất sắc trong phong trào thi đua năm 2025"
    assert lines.register == "Số sổ vàng: 7"

    collective = Award(award_type=award_type("bk_bo_tinh_collective"), year=None,
                       awardee_name="Phòng Nội vụ", register_number="12",
                       decision=decision(period="Giai đoạn 2016–2020"))
    lines = content.lines_of(collective, content.decision_lines(collective.decision))
    assert (lines.form, lines.lead, lines.award) == ("bang_khen", "TẶNG", "BẰNG KHEN")
    assert lines.awardee == "Phòng Nội vụ"
    assert lines.achievement == ("Đã có thành tích xuất sắc trong thực hiện nhiệm vụ "
                                 "giai đoạn 2016–2020, góp phần vào sự phát triển kinh tế - "
                                 "xã hội của địa phương")
    assert lines.register == "Số sổ vàng: 12"


def achievement(code: str, *, collective: bool = False, year: int | None = 2025,
                **decision_fields) -> str:
    award = Award(award_type=award_type(code), year=year, awardee_name="X",
                  collective_id=7 if collective else None, decision=decision(**decision_fields))
    return content.achievement_line(award)


@pytest.mark.django_db
@pytest.mark.parametrize("code, collective, expected", [
    ("cstd_co_so", False, "Đã có thành tích xuất sắc trong phong trào thi đua năm 2025"),
    ("ldtt", False, "Đã hoàn thành tốt nhiệm vụ được giao năm 2025"),
    ("ttldxs", True, "Đã có thành tích xuất sắc, tiêu biểu trong phong trào thi đua năm 2025"),
    ("giay_khen", False, "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025"),
    ("giay_khen", True, "Đã hoàn thành xuất sắc nhiệm vụ năm 2025"),
    ("bk_bo_tinh_individual", False,
     "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025"),
    # No wording in the catalogue (an order): the generic sentence.
    ("hcld_3_individual", False, "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025"),
])
def test_the_achievement_line_follows_the_catalogue_per_code_and_kind(code, collective,
                                                                       expected):
    assert achievement(code, collective=collective) == expected


@pytest.mark.django_db
def test_the_period_of_the_achievement_line():
    # A decision over several years names them, unless the title is a yearly one.
    assert achievement("bk_ttg_individual", period_start_year=2021, period_end_year=2025) == (
        "Đã có thành tích xuất sắc trong công tác từ năm 2021 đến năm 2025, góp phần vào sự "
        "nghiệp xây dựng chủ nghĩa xã hội và bảo vệ Tổ quốc")
    assert achievement("cstd_co_so", period_start_year=2021, period_end_year=2025) == (
        "Đã có thành tích xuất sắc trong phong trào thi đua năm 2025")
    # No year and no period: the sentence without them, never a stray comma.
    assert achievement("bk_bo_tinh_collective", collective=True, year=None, period="") == (
        "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ, góp phần vào sự phát triển kinh "
        "tế - xã hội của địa phương")
    assert achievement("cstd_co_so", year=None, period="") == (
        "Đã có thành tích xuất sắc trong phong trào thi đua")
