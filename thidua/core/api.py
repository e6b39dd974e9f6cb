"""Building blocks shared by the API routers of every app."""

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PaginationBase

from thidua.core.ids import MAX_ID

MAX_PAGE_SIZE = 200


class Pagination(PaginationBase):
    """`limit` and `offset`; the answer says how many items match in all (`count`)."""

    class Input(Schema):
        limit: int = Field(settings.PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE,
                           description="Items per page (at most 200).")
        offset: int = Field(0, ge=0, le=MAX_ID, description="Items to skip.")

    class Output(Schema):
        count: int = Field(description="How many items match, over all pages.")
        limit: int
        offset: int
        items: list[Any]

    def paginate_queryset(self, queryset: QuerySet, pagination: Input, request: HttpRequest,
                          **params: Any) -> dict[str, Any]:
        start, stop = pagination.offset, pagination.offset + pagination.limit
        return {"count": queryset.count(), "limit": pagination.limit,
                "offset": pagination.offset, "items": queryset[start:stop]}



class ProblemOut(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    """Every error answer: a message in the user's language (Vietnamese by default)."""

    detail: str
    errors: list[ProblemOut] | None = Field(None, description="Invalid parameters, for 422.")


# Documented error answers of every operation (thidua.accounts.api_errors produces them).
LIST_ERRORS = {401: ErrorOut, 422: ErrorOut}
DETAIL_ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}
