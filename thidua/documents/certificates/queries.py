"""Reads behind the certificates: which awards of a decision get one, and which decision a
number names."""

import datetime

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from thidua.accounts.choices import Role
from thidua.awards import queries as award_queries
from thidua.awards.models import Award, Decision
from thidua.core.text import clean
from thidua.documents.models import CertificateBatch


class DecisionNotFound(Exception):
    """No decision, or more than one, answers a number (the message says which)."""


def awards_to_print(decision: Decision, user=None) -> QuerySet[Award]:
    """The awards in force under `decision`, in the decision's order; only those inside the
    user's scope when a user is given (an officer prints their own units' certificates)."""
    awards = award_queries.visible_to(user) if user is not None else Award.objects.all()
    return award_queries.in_force(awards.filter(decision=decision)).select_related(
        "award_type", "person", "decision").order_by("pk")


def positions(decision: Decision) -> dict[int, int]:
    """Each award's place in its decision (from 1), revoked ones included so that numbers
    never shift: the register number (số sổ vàng) when none was recorded."""
    ids = Award.objects.filter(decision=decision).order_by("pk").values_list("pk", flat=True)
    return {pk: index for index, pk in enumerate(ids, start=1)}


def decision_by_number(number: str, date: datetime.date | None = None) -> Decision:
    """The decision numbered `number` (case aside), on `date` when given. Two decisions may
    share a number in different years: then the date must say which."""
    # Numbers are written in capitals ("QĐ-UBND"); SQLite folds the case of ASCII only.
    wanted = clean(number)
    decisions = Decision.objects.filter(number__in={wanted, wanted.upper()})
    if date is not None:
        decisions = decisions.filter(date=date)
    found = list(decisions.order_by("date", "pk")[:10])
    if not found:
        raise DecisionNotFound(_("No decision numbered “%(number)s”%(on)s.") % {
            "number": wanted, "on": _(" dated %(date)s") % {"date": f"{date:%d/%m/%Y}"}
            if date else ""})
    if len(found) > 1:
        dates = ", ".join(f"{d.date:%Y-%m-%d}" for d in found)
        raise DecisionNotFound(_("Several decisions are numbered “%(number)s” (dated %(dates)s): "
                                 "say which with --date YYYY-MM-DD.") % {"number": wanted,
                                                                         "dates": dates})
    return found[0]


def batches_visible_to(user) -> QuerySet[CertificateBatch]:
    """Administrators see every batch; the others their own."""
    batches = CertificateBatch.objects.select_related("decision", "created_by")
    if user.is_superuser or user.role == Role.ADMIN:
        return batches
    return batches.filter(created_by=user)
