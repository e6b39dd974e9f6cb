"""Overdue dossiers (/quan-ly/ho-so/qua-han/): per level that must act — proposing units, the
appraising level, the council — the dossiers in the user's scope whose step is past its due date,
with how many working days late, and those due within the next few working days; and the decided
dossiers whose unit was not notified of the result in time (or not yet)."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.core.workdays import add_working_days, working_days_between
from thidua.proposals import deadlines, queries

# Rows shown per table; a province with more late dossiers than this has a bigger problem.
LIMIT = 500


@dataclass
class Level:
    code: str
    label: str
    late: list
    soon: list
    notices: bool = False  # rows are decided dossiers: show when the unit was notified


@login_required
def overdue(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    horizon = add_working_days(today, deadlines.SOON)
    due = (deadlines.due_by(queries.visible_to(request.user), horizon)
           .select_related("round").order_by("due", "pk")[:LIMIT * 2])
    levels = {code: Level(code, label, [], []) for code, label in deadlines.LEVELS.items()}
    for proposal in due:
        proposal.late_by = working_days_between(proposal.due, today)
        level = levels[deadlines.LEVEL_OF.get(proposal.state, deadlines.APPRAISAL)]
        (level.late if proposal.due < today else level.soon).append(proposal)
    notify = Level("notify", _("Notification of results to the proposing units"), [], [],
                   notices=True)
    for proposal in (deadlines.notices_due(queries.visible_to(request.user), horizon)
                     .select_related("round").order_by("due", "pk")[:LIMIT]):
        proposal.late_by = working_days_between(proposal.due, proposal.notified or today)
        (notify.late if proposal.due < today else notify.soon).append(proposal)
    levels[notify.code] = notify
    return render(request, "proposals/overdue.html", {
        "levels": list(levels.values()), "today": today, "horizon": horizon,
        "soon_days": deadlines.SOON, "limit": LIMIT,
        "total": sum(len(level.late) for level in levels.values())})
