"""Amounts in Vietnamese words, in both styles (linh/nghìn and lẻ/ngàn)."""

from decimal import Decimal

import pytest

from thidua.documents.numbers import amount_figures, amount_in_words, number_in_words

CASES = [
    (0, "không", "không"),
    (10, "mười", "mười"),
    (15, "mười lăm", "mười lăm"),
    (21, "hai mươi mốt", "hai mươi mốt"),
    (105, "một trăm linh năm", "một trăm lẻ năm"),
    (110, "một trăm mười", "một trăm mười"),
    (1014, "một nghìn không trăm mười bốn", "một ngàn không trăm mười bốn"),
    (1_205_000, "một triệu hai trăm linh năm nghìn", "một triệu hai trăm lẻ năm ngàn"),
    (1_000_005, "một triệu không trăm linh năm", "một triệu không trăm lẻ năm"),
    (1_000_100, "một triệu một trăm", "một triệu một trăm"),
    (1_000_000_000, "một tỷ", "một tỷ"),
    (1_000_000_005, "một tỷ không trăm linh năm", "một tỷ không trăm lẻ năm"),
    (2_530_000, "hai triệu năm trăm ba mươi nghìn", "hai triệu năm trăm ba mươi ngàn"),
    (1_000_000_000_000, "một nghìn tỷ", "một ngàn tỷ"),
]


@pytest.mark.parametrize(("value", "linh", "le"), CASES)
def test_both_styles(value, linh, le):
    assert number_in_words(value, zero_ten="linh", thousand="nghin") == linh
    assert number_in_words(value, zero_ten="le", thousand="ngan") == le


def test_amounts_follow_the_settings(settings):
    settings.AMOUNT_ZERO_TEN, settings.AMOUNT_THOUSAND = "linh", "nghìn"
    assert amount_in_words(1_205_000) == "một triệu hai trăm linh năm nghìn đồng"
    settings.AMOUNT_ZERO_TEN, settings.AMOUNT_THOUSAND = "lẻ", "ngan"
    assert amount_in_words(1_205_000) == "một triệu hai trăm lẻ năm ngàn đồng"
    assert amount_in_words(Decimal("702000")) == "bảy trăm lẻ hai ngàn đồng"


def test_figures_and_edge_values():
    assert amount_figures(1_205_000) == "1.205.000"
    assert amount_figures(0) == "0"
    assert number_in_words(-5, zero_ten="linh", thousand="nghin") == "âm năm"
    with pytest.raises(ValueError, match="not a whole number"):
        number_in_words(Decimal("1.5"))
    with pytest.raises(ValueError, match="unknown style"):
        number_in_words(5, zero_ten="zero")
