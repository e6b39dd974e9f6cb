"""Rounds and dossiers in a given state, written straight to the tables: the deadline, comment and
reminder tests start from a state without walking the whole workflow to reach it."""

import datetime

from thidua.awards.models import AwardType
from thidua.organisations.models import Unit
from thidua.proposals.choices import State
from thidua.proposals.models import Nominee, Proposal, Round


def make_round(organiser, **fields) -> Round:
    fields.setdefault("name", "Khen thưởng tổng kết năm 2026")
    fields.setdefault("year", 2026)
    fields.setdefault("opens_on", datetime.date(2026, 10, 1))
    fields.setdefault("submission_deadline", datetime.date(2026, 11, 30))
    return Round.objects.create(organiser=organiser, **fields)


def make_dossier(unit, state: str = State.DRAFT, *, round_=None, due_on=None, title: str = "",
                 **round_fields) -> Proposal:
    round_ = round_ or make_round(_root(unit), **round_fields)
    return Proposal.objects.create(round=round_, unit=unit, unit_name=unit.name, state=state,
                                   title=title or f"Đề nghị khen thưởng – {unit.name}",
                                   due_on=due_on)


def add_nominee(proposal, name: str, *, person=None, code: str = "cstd_co_so",
                summary: str = "") -> Nominee:
    return Nominee.objects.create(
        proposal=proposal, person=person, name=name, unit_name=proposal.unit_name,
        award_type=AwardType.objects.get(code=code), summary=summary,
        position=proposal.nominees.count() + 1)


def published(unit, opens_on: datetime.date, closes_on: datetime.date, **round_fields):
    dossier = make_dossier(unit, State.PUBLISHED, **round_fields)
    dossier.comment_opens_on, dossier.comment_closes_on = opens_on, closes_on
    dossier.save(update_fields=["comment_opens_on", "comment_closes_on"])
    return dossier


def _root(unit):
    return Unit.objects.get(pk=int(unit.path.strip("/").split("/")[0]))
