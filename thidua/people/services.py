"""Every write to people, their positions, ratings and discipline (actor as `by=`)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from thidua.core.services import log_action, snapshot
from thidua.core.text import clean, fold, sort_key
from thidua.people.models import Discipline, Person, Position, Rating
from thidua.people.validators import personal_id_errors

PERSON_FIELDS = ["full_name", "birth_date", "gender", "personal_id", "ethnicity", "group",
                 "unit_id", "title"]


def prepare(person: Person) -> Person:
    """Normalise text (NFC, Đ) and compute the search and sort keys; validate the ID."""
    person.full_name = clean(person.full_name)
    person.personal_id = clean(person.personal_id)
    person.title = clean(person.title)
    person.ethnicity = clean(person.ethnicity)
    person.name_folded = fold(person.full_name)[:120]
    person.sort_key = sort_key(person.full_name)
    if person.personal_id:
        errors = personal_id_errors(person.personal_id, gender=person.gender,
                                    birth_date=person.birth_date)
        if errors:
            raise ValidationError({"personal_id": errors})
    return person


@transaction.atomic
def create_person(*, by, **fields) -> Person:
    person = prepare(Person(**fields))
    person.full_clean()
    person.save()
    log_action("thidua.person.created", by=by, obj=person, after=snapshot(person, PERSON_FIELDS))
    return person


@transaction.atomic
def update_person(*, by, person: Person, **changes) -> Person:
    before = snapshot(person, PERSON_FIELDS)
    for name, value in changes.items():
        setattr(person, name, value)
    prepare(person)
    person.full_clean()
    person.save()
    log_action("thidua.person.updated", by=by, obj=person, before=before,
               after=snapshot(person, PERSON_FIELDS))
    return person


@transaction.atomic
def record_rating(*, by, person: Person, year: int, level: str, note: str = "") -> Rating:
    rating, _created = Rating.objects.update_or_create(
        person=person, year=year, defaults={"level": level, "note": clean(note)}
    )
    log_action("thidua.rating.recorded", by=by, obj=rating,
               after=snapshot(rating, ["person_id", "year", "level"]))
    return rating


@transaction.atomic
def add_position(*, by, person: Person, unit, title: str, start: datetime.date,
                 end: datetime.date | None = None, post_group: str = "", is_leader: bool = False,
                 is_direct_worker: bool = False) -> Position:
    position = Position(person=person, unit=unit, unit_name=unit.name, title=clean(title),
                        start=start, end=end, post_group=post_group, is_leader=is_leader,
                        is_direct_worker=is_direct_worker)
    position.full_clean()
    position.save()
    log_action("thidua.position.added", by=by, obj=position, after=snapshot(position))
    return position


@transaction.atomic
def record_discipline(*, by, person: Person, level: str, start: datetime.date,
                      end: datetime.date | None = None, decision: str = "",
                      reason: str = "") -> Discipline:
    discipline = Discipline(person=person, level=level, start=start, end=end,
                            decision=clean(decision), reason=clean(reason))
    discipline.full_clean()
    discipline.save()
    log_action("thidua.discipline.recorded", by=by, obj=discipline, after=snapshot(discipline))
    return discipline
