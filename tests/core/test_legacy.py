"""TCVN3 and VNI text, letter by letter: the expected codes are written out here by hand, not
derived from the tables under test."""

import unicodedata

import pytest

from thidua.core import legacy

LOWER = ("a à ả ã á ạ ă ằ ẳ ẵ ắ ặ â ầ ẩ ẫ ấ ậ e è ẻ ẽ é ẹ ê ề ể ễ ế ệ i ì ỉ ĩ í ị "
         "o ò ỏ õ ó ọ ô ồ ổ ỗ ố ộ ơ ờ ở ỡ ớ ợ u ù ủ ũ ú ụ ư ừ ử ữ ứ ự y ỳ ỷ ỹ ý ỵ đ")
UPPER = LOWER.upper()

TCVN3_LOWER = ("a µ ¶ · ¸ ¹ ¨ » ¼ ½ ¾ Æ © Ç È É Ê Ë e Ì Î Ï Ð Ñ ª Ò Ó Ô Õ Ö i × Ø Ü Ý Þ "
               "o ß á â ã ä « å æ ç è é ¬ ê ë ì í î u ï ñ ò ó ô \u00ad õ ö ÷ ø ù y ú û ü ý þ ®")
VNI_LOWER = ("a aø aû aõ aù aï aê aè aú aü aé aë aâ aà aå aã aá aä e eø eû eõ eù eï "
             "eâ eà eå eã eá eä i ì æ ó í ò o oø oû oõ où oï oâ oà oå oã oá oä "
             "ô ôø ôû ôõ ôù ôï u uø uû uõ uù uï ö öø öû öõ öù öï y yø yû yõ yù î ñ")
VNI_UPPER = ("A AØ AÛ AÕ AÙ AÏ AÊ AÈ AÚ AÜ AÉ AË AÂ AÀ AÅ AÃ AÁ AÄ E EØ EÛ EÕ EÙ EÏ "
             "EÂ EÀ EÅ EÃ EÁ EÄ I Ì Æ Ó Í Ò O OØ OÛ OÕ OÙ OÏ OÂ OÀ OÅ OÃ OÁ OÄ "
             "Ô ÔØ ÔÛ ÔÕ ÔÙ ÔÏ U UØ UÛ UÕ UÙ UÏ Ö ÖØ ÖÛ ÖÕ ÖÙ ÖÏ Y YØ YÛ YÕ YÙ Î Ñ")


def pairs(encoded: str, expected: str) -> list[tuple[str, str]]:
    return list(zip(encoded.split(" "), expected.split(" "), strict=True))


def test_the_alphabet_has_every_vietnamese_letter():
    # 12 vowels, each without a tone mark and with the 5 tones, and đ
    assert len(LOWER.split(" ")) == 12 * 6 + 1
    assert all(unicodedata.is_normalized("NFC", letter) for letter in LOWER.split(" "))


@pytest.mark.parametrize(("code", "letter"), pairs(TCVN3_LOWER, LOWER))
def test_tcvn3_lowercase_letter(code, letter):
    assert legacy.from_tcvn3(code) == letter


@pytest.mark.parametrize(("code", "letter"), pairs(TCVN3_LOWER, UPPER))
def test_tcvn3_h_fonts_draw_the_same_codes_as_capitals(code, letter):
    assert legacy.from_tcvn3(code, upper=True) == letter


def test_tcvn3_capital_letters_with_their_own_codes():
    assert legacy.from_tcvn3("¡ ¢ £ ¤ ¥ ¦ §") == "Ă Â Ê Ô Ơ Ư Đ"


@pytest.mark.parametrize(("code", "letter"), pairs(VNI_LOWER, LOWER))
def test_vni_lowercase_letter(code, letter):
    assert legacy.from_vni(code) == letter


@pytest.mark.parametrize(("code", "letter"), pairs(VNI_UPPER, UPPER))
def test_vni_capital_letter(code, letter):
    assert legacy.from_vni(code) == letter


@pytest.mark.parametrize(("encoded", "text"), [
    ("NguyÔn ThÞ Hoµ", "Nguyễn Thị Hoà"),
    ("Uû ban nh©n d©n tØnh B×nh ThuËn", "Uỷ ban nhân dân tỉnh Bình Thuận"),
    ("Chñ tÞch UBND huyÖn Phó Quý", "Chủ tịch UBND huyện Phú Quý"),
    ("Chiến sĩ thi đua cơ sở", "Chiến sĩ thi đua cơ sở"),  # already Unicode: left alone
])
def test_tcvn3_words(encoded, text):
    assert legacy.convert(encoded, legacy.TCVN3) == text


@pytest.mark.parametrize(("encoded", "text"), [
    ("Nguyeãn Thò Hoøa", "Nguyễn Thị Hòa"),
    ("Uûy ban nhaân daân tænh Bình Thuaän", "Ủy ban nhân dân tỉnh Bình Thuận"),
    ("Tröôøng THCS Ngoâ Quyeàn", "Trường THCS Ngô Quyền"),
    ("NGUYEÃN VAÊN ÑÖÙC", "NGUYỄN VĂN ĐỨC"),
])
def test_vni_words(encoded, text):
    assert legacy.convert(encoded, legacy.VNI) == text


def test_an_h_font_writes_plain_letters_in_capitals_too():
    assert legacy.convert("Phan ThiÕt", legacy.TCVN3_UPPER) == "PHAN THIẾT"
    assert legacy.convert("Phan Thiet", legacy.TCVN3_UPPER) == "PHAN THIET"


@pytest.mark.parametrize(("font", "encoding"), [
    (".VnTime", legacy.TCVN3), (".VnArial", legacy.TCVN3), (".VnTimeH", legacy.TCVN3_UPPER),
    (".VnArial NarrowH", legacy.TCVN3_UPPER), ("VNI-Times", legacy.VNI),
    ("VNI-Helve-Condense", legacy.VNI), ("Times New Roman", None), ("Calibri", None),
])
def test_encoding_of_font(font, encoding):
    assert legacy.encoding_of_font(font) == encoding


@pytest.mark.parametrize(("text", "repaired"), [
    ("NguyÔn ThÞ Hoµ", "Nguyễn Thị Hoà"),  # TCVN3
    ("Nguyeãn Thò Hoøa", "Nguyễn Thị Hòa"),  # VNI
    ("Tr\u00adêng TiÓu häc", "Trường Tiểu học"),
    ("Huyønh Taán Phaùt", "Huỳnh Tấn Phát"),
    ("Nguyễn Thị Hoà", "Nguyễn Thị Hoà"),  # Unicode stays
    ("Lê Hà", "Lê Hà"),  # Unicode made of Latin-1 letters only, and valid: stays
    ("Nguyen Van An", "Nguyen Van An"),
    ("123/QĐ-UBND", "123/QĐ-UBND"),
    ("Müller", "Müller"),  # not Vietnamese, nor is any conversion of it: stays
])
def test_repair_converts_only_text_that_is_not_vietnamese(text, repaired):
    assert legacy.repair(text) == repaired


@pytest.mark.parametrize(("text", "valid"), [
    ("Nguyễn Thị Hoà", True), ("Trường Tiểu học Phú Quý", True), ("LĐTT, CSTĐCS", True),
    ("Khuyến khích", True), ("NguyÔn", False), ("Traàn", False), ("Hoµ", False),
    ("Vâ", False),
])
def test_is_vietnamese(text, valid):
    assert legacy.is_vietnamese(text) is valid
