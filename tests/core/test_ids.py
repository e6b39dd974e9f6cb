"""Primary keys read from requests (core.ids): what int() or the database would refuse is
None, or the form's own error, never a server error."""

import pytest
from django import forms
from hypothesis import given
from hypothesis import strategies as st

from thidua.core.ids import MAX_ID, ModelMultipleIdField, parse_id, parse_number
from thidua.organisations.models import Unit


@pytest.mark.parametrize("value", ["", " ", None, "0", "-1", "+1", "1.5", "abc", "²", "١٢",
                                   "１２", str(MAX_ID + 1), "99999999999999999999", "9" * 10_000,
                                   "1e3", "0x10", "1\x00"])
def test_what_is_not_a_key_is_none(value):
    assert parse_id(value) is None


@pytest.mark.parametrize(("value", "expected"), [("1", 1), (" 42 ", 42), (7, 7),
                                                 (str(MAX_ID), MAX_ID), ("007", 7)])
def test_keys_are_read(value, expected):
    assert parse_id(value) == expected


def test_a_number_may_be_zero_but_not_past_a_bigint():
    assert (parse_number("0"), parse_number(str(MAX_ID)), parse_number(str(MAX_ID + 1)),
            parse_number("²")) == (0, MAX_ID, None, None)


@given(st.text(max_size=30))
def test_any_text_gives_none_or_a_key_in_range(text):
    found = parse_id(text)
    assert found is None or (1 <= found <= MAX_ID and str(found) == text.strip().lstrip("0"))


class UnitsForm(forms.Form):
    units = ModelMultipleIdField(queryset=Unit.objects.all())


@pytest.mark.parametrize("value", ["99999999999999999999", "²", "abc", "-3"])
def test_a_multiple_choice_of_a_value_that_is_no_key_is_the_forms_error(tree, value):
    form = UnitsForm(data={"units": [str(tree.phu_quy.pk), value]})
    assert not form.is_valid()
    message = ModelMultipleIdField.default_error_messages["invalid_pk_value"] % {"pk": value}
    assert form.errors["units"] == [message]


def test_a_multiple_choice_of_keys_still_works(tree):
    form = UnitsForm(data={"units": [str(tree.phu_quy.pk), str(tree.province.pk)]})
    assert form.is_valid()
    assert set(form.cleaned_data["units"]) == {tree.phu_quy, tree.province}
