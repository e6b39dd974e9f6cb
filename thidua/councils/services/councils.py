"""Councils and their members."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.core.services import log_action, snapshot
from thidua.core.text import clean
from thidua.councils.models import (
    Council,
    CouncilMember,
)


# -- councils and members --------------------------------------------------------------------
@transaction.atomic
def create_council(*, by, name: str, organiser, quorum_numerator: int = 2,
                   quorum_denominator: int = 3, active: bool = True) -> Council:
    council = Council(name=clean(name), organiser=organiser, quorum_numerator=quorum_numerator,
                      quorum_denominator=quorum_denominator, active=active)
    _check_quorum(council)
    council.full_clean()
    council.save()
    log_action("thidua.council.created", by=by, obj=council, after=snapshot(council))
    return council


@transaction.atomic
def update_council(*, by, council: Council, **changes) -> Council:
    before = snapshot(council)
    for name, value in changes.items():
        setattr(council, name, clean(value) if isinstance(value, str) else value)
    _check_quorum(council)
    council.full_clean()
    council.save()
    log_action("thidua.council.changed", by=by, obj=council, before=before,
               after=snapshot(council))
    return council


def _check_quorum(council: Council) -> None:
    if not 1 <= council.quorum_numerator <= council.quorum_denominator:
        raise ValidationError(_("The quorum must be a fraction between 0 and 1, such as 2/3."))


@transaction.atomic
def add_member(*, by, council: Council, user, role: str, valid_from, full_name: str = "",
               valid_to=None) -> CouncilMember:
    name = clean(full_name) or (user.full_name or user.username if user else "")
    if user is not None and council.members.filter(user=user, valid_to__isnull=True).exists():
        raise ValidationError(_("%(name)s already sits on this council.") % {"name": name})
    if valid_to is not None and valid_to < valid_from:
        raise ValidationError(_("The end of the membership is before its start."))
    member = CouncilMember(council=council, user=user, full_name=name, role=role,
                           valid_from=valid_from, valid_to=valid_to)
    member.full_clean()
    member.save()
    log_action("thidua.council.member_added", by=by, obj=member, after=snapshot(member))
    return member


@transaction.atomic
def end_membership(*, by, member: CouncilMember, on) -> CouncilMember:
    if on < member.valid_from:
        raise ValidationError(_("The end of the membership is before its start."))
    before = snapshot(member, ["valid_to"])
    member.valid_to = on
    member.save(update_fields=["valid_to"])
    log_action("thidua.council.member_ended", by=by, obj=member, before=before,
               after=snapshot(member, ["valid_to"]))
    return member
