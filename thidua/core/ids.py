"""Primary keys read from a request: a query string, a posted field, a multiple choice.

`str.isdigit()` alone lets through digits that `int()` refuses ("²") and numbers past what
either database stores (SQLite raises OverflowError, PostgreSQL an out-of-range error, where
Django does not check them itself: `__in` lookups and foreign-key ids); both were server errors."""

from django import forms
from django.core.exceptions import ValidationError

MAX_ID = 2**63 - 1  # the largest value of a bigint primary key, in SQLite and PostgreSQL


def parse_id(value) -> int | None:
    """The positive integer written in `value` (ASCII digits, at most MAX_ID), or None."""
    number = parse_number(value)
    return number or None


def parse_number(value) -> int | None:
    """A non-negative integer in ASCII digits that a bigint column holds (a version, a count),
    or None."""
    text = str(value).strip() if value is not None else ""
    if not (text.isascii() and text.isdigit() and len(text) <= len(str(MAX_ID))):
        return None
    number = int(text)
    return number if number <= MAX_ID else None


class ModelMultipleIdField(forms.ModelMultipleChoiceField):
    """ModelMultipleChoiceField whose values are primary keys: any value that is not one is the
    field's own "not a valid value" error instead of reaching the database."""

    def _check_values(self, value):
        key = self.to_field_name
        by_pk = not key or key in ("pk", self.queryset.model._meta.pk.name)
        for pk in value if by_pk else ():  # another key field keeps its own rules
            if parse_id(pk) is None:
                raise ValidationError(self.error_messages["invalid_pk_value"],
                                      code="invalid_pk_value", params={"pk": pk})
        return super()._check_values(value)
