import datetime

from thidua.documents.dates import document_date, place_and_date, short_date


def test_zero_padding_of_days_and_of_january_and_february_only():
    assert document_date(datetime.date(2026, 1, 5)) == "ngày 05 tháng 01 năm 2026"
    assert document_date(datetime.date(2026, 2, 28)) == "ngày 28 tháng 02 năm 2026"
    assert document_date(datetime.date(2026, 3, 15)) == "ngày 15 tháng 3 năm 2026"
    assert document_date(datetime.date(2026, 12, 9)) == "ngày 09 tháng 12 năm 2026"


def test_place_and_date_and_the_blanks_of_a_draft():
    assert place_and_date("Phan Thiết", datetime.date(2026, 1, 5)) == (
        "Phan Thiết, ngày 05 tháng 01 năm 2026")
    assert place_and_date("Phan Thiết", None, year=2026) == (
        "Phan Thiết, ngày      tháng      năm 2026")
    assert short_date(datetime.date(2026, 1, 5)) == "05/01/2026"
    assert short_date(None) == ""
