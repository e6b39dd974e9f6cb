"""Writes of rounds (đợt xét khen): created and changed by the appraising level."""

from django.db import transaction
from django.utils.translation import gettext as _

from thidua.core.services import log_action, snapshot
from thidua.core.text import clean
from thidua.organisations.models import Unit
from thidua.organisations.queries import in_scope, scope_paths
from thidua.proposals import deadlines
from thidua.proposals.models import Round
from thidua.proposals.queries import may_organise
from thidua.proposals.services.base import DossierError

ROUND_FIELDS = ["name", "kind", "year", "organiser_id", "deciding_level", "opens_on",
                "submission_deadline", "council_date", "requires_publication"]


def create_round(*, by, name: str, year: int, organiser: Unit, opens_on, submission_deadline,
                 **fields) -> Round:
    """Open a round. `fields`: kind, deciding_level, council_date, requires_publication."""
    round_ = Round(name=clean(name), year=year, organiser=organiser, opens_on=opens_on,
                   submission_deadline=submission_deadline, created_by=by_user(by), **fields)
    with transaction.atomic():
        check(round_, by)
        round_.save()
        log_action("thidua.round.created", by=by, obj=round_,
                   after=snapshot(round_, ROUND_FIELDS))
    return round_


def update_round(*, by, round_: Round, **changes) -> Round:
    """Change a round's name, dates or settings (its year and kind only while it has no
    dossier: the dossiers' verdicts were checked for them)."""
    with transaction.atomic():
        round_ = Round.objects.select_for_update().get(pk=round_.pk)
        before = snapshot(round_, ROUND_FIELDS)
        for name, value in changes.items():
            setattr(round_, name, clean(value) if name == "name" else value)
        if round_.proposals.exists() and (round_.year != before["year"]
                                          or round_.kind != before["kind"]):
            raise DossierError(_("The year and type of a round that has dossiers cannot "
                                 "change."))
        check(round_, by)
        round_.save()
        # The due dates of drafts and of dossiers waiting for the council follow these dates.
        deadlines.refresh_round(round_)
        log_action("thidua.round.updated", by=by, obj=round_, before=before,
                   after=snapshot(round_, ROUND_FIELDS))
    return round_


def check(round_: Round, by) -> None:
    if not may_organise(by):
        raise DossierError(_("Only the appraising level opens and changes rounds."))
    paths = scope_paths(by)
    if paths is not None and not Unit.objects.filter(in_scope(paths),
                                                     pk=round_.organiser_id).exists():
        raise DossierError(_("The organising body is outside your scope."))
    if not round_.name:
        raise DossierError(_("Give the round a name."))
    if round_.submission_deadline < round_.opens_on:
        raise DossierError(_("The submission deadline is before the round opens."))
    if round_.council_date and round_.council_date < round_.submission_deadline:
        raise DossierError(_("The council cannot meet before the submission deadline."))
    round_.full_clean(exclude=["created_by"])


def by_user(by):
    return by if getattr(by, "pk", None) else None
