"""Amounts in Vietnamese words, as written on decisions and payment lists:
1.205.000 → "một triệu hai trăm linh năm nghìn đồng".

Our own implementation rather than num2words: num2words' Vietnamese skips "không trăm" inside a
number (1.014 → "một nghìn lẻ mười bốn"), which accounting practice and invoices do not accept.
Each group of three digits after the first is read in full ("không trăm linh năm"); groups of
zeros are skipped. The word for a zero ten (linh / lẻ) and for a thousand (nghìn / ngàn) follow
the settings AMOUNT_ZERO_TEN and AMOUNT_THOUSAND (southern usage is lẻ / ngàn)."""

from decimal import Decimal

from django.conf import settings

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
ZERO_TEN = {"linh": "linh", "le": "lẻ", "lẻ": "lẻ"}
THOUSAND = {"nghin": "nghìn", "nghìn": "nghìn", "ngan": "ngàn", "ngàn": "ngàn"}
BILLION = 1_000_000_000


def words_style(zero_ten: str | None = None, thousand: str | None = None) -> tuple[str, str]:
    """The two words of the style in force: the arguments, else the settings."""
    zero_ten = (zero_ten or getattr(settings, "AMOUNT_ZERO_TEN", "linh")).strip().lower()
    thousand = (thousand or getattr(settings, "AMOUNT_THOUSAND", "nghìn")).strip().lower()
    if zero_ten not in ZERO_TEN or thousand not in THOUSAND:
        raise ValueError(f"unknown style {zero_ten!r}/{thousand!r}: use linh|le and nghin|ngan")
    return ZERO_TEN[zero_ten], THOUSAND[thousand]


def number_in_words(value: int | Decimal, *, zero_ten: str | None = None,
                    thousand: str | None = None) -> str:
    """A whole number in words, lower case: 21 → "hai mươi mốt", 105 → "một trăm linh năm"."""
    if value != int(value):
        raise ValueError(f"{value} is not a whole number")
    value = int(value)
    if value < 0:
        return "âm " + number_in_words(-value, zero_ten=zero_ten, thousand=thousand)
    if value == 0:
        return DIGITS[0]
    return " ".join(_words(value, *words_style(zero_ten, thousand), leading=True))


def amount_in_words(value: int | Decimal, **style) -> str:
    """An amount of Vietnamese đồng in words: 1000005 → "một triệu không trăm linh năm đồng"."""
    return f"{number_in_words(value, **style)} đồng"


def amount_figures(value: int | Decimal) -> str:
    """1205000 → "1.205.000" (the Vietnamese thousands separator)."""
    return f"{int(value):,}".replace(",", ".")


def _words(value: int, zero_ten: str, thousand: str, *, leading: bool) -> list[str]:
    """Below a billion the groups are nghìn and triệu; above, the billions are read again as a
    number followed by "tỷ" (1.000.000.000.000 → "một nghìn tỷ")."""
    if value >= BILLION:
        high, low = divmod(value, BILLION)
        words = [*_words(high, zero_ten, thousand, leading=leading), "tỷ"]
        return words + (_words(low, zero_ten, thousand, leading=False) if low else [])
    words = []
    for scale, name in ((1_000_000, "triệu"), (1000, thousand), (1, "")):
        group = value // scale % 1000
        if group:
            words += _group(group, zero_ten, full=not leading)
            words += [name] if name else []
            leading = False
    return words


def _group(number: int, zero_ten: str, *, full: bool) -> list[str]:
    """Three digits; `full` when a higher group was read, so that 005 says "không trăm linh năm"."""
    hundreds, tens, units = number // 100, number // 10 % 10, number % 10
    words = [DIGITS[hundreds], "trăm"] if hundreds or full else []
    if tens == 0:
        return words + ([zero_ten, DIGITS[units]] if units and words else
                        [DIGITS[units]] if units else [])
    words += ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    if units == 1:
        words.append("một" if tens == 1 else "mốt")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(DIGITS[units])
    return words
