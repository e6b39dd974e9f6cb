"""The 12-digit personal identification number (số định danh cá nhân, CCCD)."""

import datetime

from django.utils.translation import gettext as _

# Province and city codes of the first three digits (Circular 59/2021/TT-BCA annex).
PROVINCE_CODES = frozenset(
    ["001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096"]
)
# Fourth digit: century of birth and gender (even: male, odd: female).
CENTURY_START = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100, 6: 2200, 7: 2200,
                 8: 1800, 9: 1800}


def personal_id_errors(value: str, *, gender: str = "", birth_date: datetime.date | None = None
                       ) -> list[str]:
    """Every reason `value` is not a valid personal ID for this gender and birth date."""
    digits = read_digits(value)
    if digits is None:
        return [_("The personal identification number must have exactly 12 digits.")]
    errors = []
    known_province, female, year = digits
    if not known_province:
        errors.append(_("The first three digits (%(code)s) are not a province code.")
                      % {"code": value[:3]})
    if gender and female != (gender == "female"):
        errors.append(_("The fourth digit does not match the gender."))
    if birth_date is not None and year != birth_date.year:
        errors.append(_("Digits 4 to 6 give birth year %(year)s, not %(birth)s.")
                      % {"year": year, "birth": birth_date.year})
    return errors


def read_digits(value: str) -> tuple[bool, bool, int] | None:
    """What the digits of an ID say: (the province code is known, female, birth year); None
    when `value` is not 12 digits."""
    if not (len(value) == 12 and value.isascii() and value.isdigit()):
        return None
    digit = int(value[3])
    return value[:3] in PROVINCE_CODES, digit % 2 == 1, CENTURY_START[digit] + int(value[4:6])


def matches(digits: tuple[bool, bool, int] | None, gender: str,
            birth_date: datetime.date | None) -> bool:
    """Whether `personal_id_errors` finds nothing, from the ID's `read_digits`: for checking
    many rows, with the digits of each ID read once."""
    return (digits is not None and digits[0] and (not gender or digits[1] == (gender == "female"))
            and (birth_date is None or birth_date.year == digits[2]))


def make_personal_id(province: str, gender: str, birth_year: int, serial: int) -> str:
    """A well-formed ID, for demo and generated data."""
    century = (birth_year // 100) * 100
    digit = {1900: 0, 2000: 2, 2100: 4, 2200: 6, 1800: 8}[century] + (gender == "female")
    return f"{province}{digit}{birth_year % 100:02d}{serial % 1_000_000:06d}"
