"""API: people (awardees), and a person's whole history in one answer."""

import datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from thidua.accounts.api_errors import get_or_404
from thidua.awards import queries as award_queries
from thidua.awards.api import AwardOut
from thidua.core.api import DETAIL_ERRORS, LIST_ERRORS, Pagination
from thidua.core.ids import MAX_ID
from thidua.core.text import clean
from thidua.organisations import queries as unit_queries
from thidua.organisations.api import UnitRef
from thidua.people import queries
from thidua.people.models import Person

router = Router(tags=["people"])


class PersonOut(Schema):
    id: int
    full_name: str
    gender: str = Field(description="female, male, or empty.")
    birth_date: datetime.date | None
    group: str = Field(description="cbccvc_nld, direct_worker or armed_forces.")
    unit: UnitRef | None
    title: str = Field(description="Current position.")
    personal_id: str | None = Field(
        description="12-digit personal ID; null unless your role may see it, or when unknown.")

    @staticmethod
    def resolve_personal_id(person: Person, context) -> str | None:
        if not context["request"].auth.can_see_personal_id:
            return None
        return person.personal_id or None


class PositionOut(Schema):
    unit_name: str = Field(description="The unit's name at the time.")
    title: str
    post_group: str
    is_leader: bool
    is_direct_worker: bool
    start: datetime.date
    end: datetime.date | None


class PersonDetail(PersonOut):
    ethnicity: str
    positions: list[PositionOut]

    @staticmethod
    def resolve_positions(person: Person) -> list:
        return list(person.positions.order_by("start", "id"))


class RatingOut(Schema):
    year: int
    level: str = Field(description="HTXS, HTT, HT or KHT.")
    note: str


class InitiativeOut(Schema):
    id: int
    title: str
    year: int
    scope: str = Field(description="co_so, bo_tinh or toan_quoc.")
    recognised_by: str = Field(description="Authority code, may be empty.")
    recognising_body_name: str
    decision_number: str
    decision_date: datetime.date | None


class DisciplineOut(Schema):
    level: str = Field(description="khien_trach, canh_cao, ha_bac_luong, cach_chuc, …")
    level_label: str
    start: datetime.date
    end: datetime.date | None = Field(description="null: still in force.")
    decision: str
    reason: str

    @staticmethod
    def resolve_level_label(discipline) -> str:
        return str(discipline.get_level_display())


class HistoryOut(Schema):
    person: PersonOut
    ratings: list[RatingOut] = Field(description="Task-completion ratings, by year.")
    awards: list[AwardOut] = Field(description="Titles and forms, oldest first.")
    initiatives: list[InitiativeOut]
    discipline: list[DisciplineOut]


class PersonFilter(Schema):
    search: str = Field("", max_length=100, description=(
        "Words of the name, accents and case optional; or a personal ID (9 digits or more)."))
    unit: int | None = Field(None, ge=1, le=MAX_ID,
                             description="People of this unit and its sub-units.")


@router.get(
    "/people", response={200: list[PersonOut], **LIST_ERRORS},
    summary="List and search people",
)
@paginate(Pagination)
def person_list(request: HttpRequest, filters: Query[PersonFilter]):
    """People you may see, in Vietnamese order (given name, then family and middle names).
    `search=nguyen thi hoa` finds "Nguyễn Thị Hoà" and "Nguyễn Thị Hòa"."""
    text = clean(filters.search)
    if text.isdigit() and not request.auth.can_see_personal_id:
        # A search by ID number would tell this role the IDs it may not see.
        return Person.objects.none()
    people = queries.search(queries.visible_to(request.auth), text)
    if filters.unit is not None:
        path = (unit_queries.visible_to(request.auth).filter(pk=filters.unit)
                .values_list("path", flat=True).first())
        people = people.filter(unit__path__startswith=path) if path else people.none()
    return people.select_related("unit").order_by("sort_key", "id")


@router.get(
    "/people/{person_id}", response={200: PersonDetail, **DETAIL_ERRORS},
    summary="One person",
)
def person_detail(request: HttpRequest, person_id: int):
    """A person with their work history (units named as they were at the time)."""
    return get_or_404(queries.visible_to(request.auth).select_related("unit"), person_id)


@router.get(
    "/people/{person_id}/history", response={200: HistoryOut, **DETAIL_ERRORS},
    summary="A person's whole award history",
)
def person_history(request: HttpRequest, person_id: int):
    """Ratings per year, awards (with their decision, and revoked or in force), initiatives and
    discipline of one person, in a fixed number of queries whatever the length of the history."""
    person = get_or_404(queries.visible_to(request.auth).select_related("unit"), person_id)
    return {
        "person": person,
        "ratings": person.ratings.order_by("year"),
        "awards": award_queries.history_of_person(person),
        "initiatives": person.initiatives.order_by("year", "id"),
        "discipline": person.disciplines.order_by("start", "id"),
    }
