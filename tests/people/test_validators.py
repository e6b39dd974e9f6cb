import datetime

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from thidua.people.validators import make_personal_id, matches, personal_id_errors, read_digits


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_well_formed_id_for_a_woman_born_in_1985():
    value = make_personal_id("060", "female", 1985, 123)
    assert value == "060185000123"
    assert personal_id_errors(value, gender="female", birth_date=datetime.date(1985, 3, 2)) == []


def test_man_born_in_2001():
    assert make_personal_id("068", "male", 2001, 7) == "068201000007"


def test_length_and_digits():
    assert personal_id_errors("06018500012") == [
        "The personal identification number must have exactly 12 digits."
    ]
    assert personal_id_errors("06018500012A") == [
        "The personal identification number must have exactly 12 digits."
    ]
    assert personal_id_errors("０６０１８５０００１２３") == [
        "The personal identification number must have exactly 12 digits."
    ]


def test_unknown_province_code():
    assert personal_id_errors("003185000123") == [
        "The first three digits (003) are not a province code."
    ]


def test_gender_and_birth_year_must_match():
    value = make_personal_id("060", "female", 1985, 1)
    assert personal_id_errors(value, gender="male") == [
        "The fourth digit does not match the gender."
    ]
    assert personal_id_errors(value, birth_date=datetime.date(1986, 1, 1)) == [
        "Digits 4 to 6 give birth year 1985, not 1986."
    ]


@given(st.from_regex(r"0[0-9]{11}", fullmatch=True)
       | st.text(alphabet="0123456789０a", min_size=10, max_size=13),
       st.sampled_from(["", "male", "female"]),
       st.none() | st.dates(min_value=datetime.date(1800, 1, 1),
                            max_value=datetime.date(2299, 12, 31)))
def test_matches_is_personal_id_errors_finding_nothing(value, gender, birth):
    """The importer's one-comparison check agrees with the full check."""
    assert matches(read_digits(value), gender, birth) == (
        personal_id_errors(value, gender=gender, birth_date=birth) == [])
