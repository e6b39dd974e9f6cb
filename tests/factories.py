"""Factories for every model, in one place. They go through the services where a service exists,
so that derived fields (paths, folded names, sort keys) are always right."""

import datetime
import itertools

import factory

from thidua.accounts.choices import Role
from thidua.accounts.models import User
from thidua.awards import services as award_services
from thidua.awards.models import AwardType, Decision
from thidua.organisations import services as unit_services
from thidua.organisations.choices import UnitKind
from thidua.people import services as people_services

_counter = itertools.count(1)


def make_unit(name: str, kind: str = UnitKind.AGENCY, parent=None, code: str = "", **extra):
    return unit_services.create_unit(
        by=None, code=code or f"u{next(_counter)}", name=name, kind=kind, parent=parent, **extra
    )


def make_person(full_name: str = "Nguyễn Văn An", unit=None, **fields):
    fields.setdefault("gender", "male")
    return people_services.create_person(by=None, full_name=full_name, unit=unit, **fields)


def award_type(code: str) -> AwardType:
    return AwardType.objects.get(code=code)


def make_decision(number: str = "", date: datetime.date = datetime.date(2024, 12, 20),
                  issuer=None, **fields) -> Decision:
    return award_services.create_decision(
        by=None, number=number or f"{next(_counter)}/QĐ-UBND", date=date, issuer=issuer,
        issuer_name=fields.pop("issuer_name", issuer.name if issuer else "UBND tỉnh Bình Thuận"),
        **fields,
    )


def make_award(code: str, *, person=None, collective=None, year: int | None = 2024,
               decision=None, **fields):
    decision = decision or make_decision(date=datetime.date((year or 2024), 12, 20))
    return award_services.record_award(
        by=None, award_type=award_type(code), decision=decision, person=person,
        collective=collective, year=year, **fields,
    )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Faker("name", locale="vi_VN")
    role = Role.OFFICER
    password = factory.PostGenerationMethodCall("set_password", "secret-pass-123")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def make_round(organiser, *, year: int = 2025, by=None, **fields):
    """A proposal round (proposals app); `by` defaults to a fresh administrator."""
    from thidua.proposals import services as proposal_services

    fields.setdefault("name", f"Đợt xét khen thưởng năm {year}")
    fields.setdefault("opens_on", datetime.date(year + 1, 1, 5))
    fields.setdefault("submission_deadline", datetime.date(year + 1, 2, 27))
    by = by or UserFactory(role=Role.ADMIN, is_superuser=True)
    return proposal_services.create_round(by=by, year=year, organiser=organiser, **fields)


def make_proposal(round_, unit, *, by, title: str = "", **fields):
    """A draft dossier of `unit`, written by `by` (an officer of that unit, or an admin)."""
    from thidua.proposals import services as proposal_services

    return proposal_services.create_proposal(
        by=by, round_=round_, unit=unit,
        title=title or f"Tờ trình đề nghị khen thưởng năm {round_.year}", **fields)
