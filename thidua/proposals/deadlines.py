"""Due dates of a dossier's current step (hạn xử lý), counted in working days (core.workdays).

`apply()` is called by `workflow.transition` for the state a dossier enters: it sets `due_on`, and
on publication the comment window. The limits, in working days, are the national ones below unless
the province's overlay (eligibility/rules/overlays/<province>.yaml) sets a `deadlines:` mapping.

| key | limit | counted from | basis |
|---|---|---|---|
| receive | 5 | submission | QĐ 311/QĐ-BNV (return an incomplete dossier within 5 working days) |
| appraise | 20 | receipt | QĐ 638/QĐ-BNV (commune or provincial appraisal) |
| publication | 10 | publication | ND 98 Art. 46(2): at least 10 working days before the council |
| notify | 10 | decision date | QĐ 311/QĐ-BNV (send the decision to the awardees) |
| resubmit | none | return | no legal limit; an overlay may set one |
| decide | none | council result | no legal limit; an overlay may set one |

The comment window opens on the day of publication and closes `publication` working days later
(the day of publication does not count, Civil Code Art. 147). When the round has a council date,
the window must close before it: publication is refused when it would close on the council date
or later (the council may meet on the first working day after the window).
"""

from __future__ import annotations

import datetime
from functools import cache

from django.db.models import Case, DateField, Exists, F, Min, OuterRef, Q, QuerySet, When
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core.workdays import add_working_days
from thidua.eligibility.conditions import RuleFileError
from thidua.eligibility.queries import province_of
from thidua.eligibility.rules import OVERLAY_DIR, load_yaml
from thidua.proposals.choices import FINAL, State
from thidua.proposals.models import Proposal, ResultNotice

NATIONAL: dict[str, int | None] = {
    "receive": 5, "appraise": 20, "publication": 10, "notify": 10,
    "resubmit": None, "decide": None,
}
# States whose due date follows the round's own dates, not the day the state was entered.
ROUND_STATES = (State.DRAFT, State.APPRAISED, State.PUBLISHED, State.AT_COUNCIL)
# Warn this many working days before a due date (reminders).
SOON = 3

# Who must act in each active state: the proposing unit, the appraising level or the council.
UNIT, APPRAISAL, COUNCIL = "unit", "appraisal", "council"
LEVELS = {
    UNIT: gettext_lazy("Proposing units"),
    APPRAISAL: gettext_lazy("Appraising level"),
    COUNCIL: gettext_lazy("Council"),
}
LEVEL_OF = {
    State.DRAFT: UNIT, State.RETURNED: UNIT,
    State.SUBMITTED: APPRAISAL, State.RECEIVED: APPRAISAL, State.APPRAISED: APPRAISAL,
    State.PUBLISHED: APPRAISAL, State.VOTED: APPRAISAL,
    State.AT_COUNCIL: COUNCIL,
}


def limits(province: str) -> dict[str, int | None]:
    """The working-day limits for a province: the national ones with its overlay's changes."""
    return {**NATIONAL, **overlay_limits().get(province, {})}


@cache
def overlay_limits() -> dict[str, dict[str, int | None]]:
    """The `deadlines:` mappings of the overlay files, by province key (read once)."""
    found = {}
    for path in sorted(OVERLAY_DIR.glob("*.yaml")):
        spec = load_yaml(path)
        if spec.get("deadlines"):
            found[spec["province"]] = _checked(spec["deadlines"], path.name)
    return found


def _checked(mapping: dict, where: str) -> dict[str, int | None]:
    for key, value in mapping.items():
        if key not in NATIONAL:
            raise RuleFileError(f"{where}: deadlines.{key} is not one of {sorted(NATIONAL)}")
        if value is not None and (not isinstance(value, int) or value < 1):
            raise RuleFileError(f"{where}: deadlines.{key} must be a positive number of days")
    return dict(mapping)


def apply(proposal, target: str, today: datetime.date) -> list[str]:
    """Set the due date (and, on publication, the comment window) for the state `proposal` is
    entering; return the names of the fields changed, for `save(update_fields=...)`."""
    rules = limits(province_of(proposal.unit))
    fields = ["due_on"]
    if target == State.PUBLISHED:
        proposal.comment_opens_on, proposal.comment_closes_on = comment_window(rules, today)
        fields += ["comment_opens_on", "comment_closes_on"]
    proposal.due_on = due_date(proposal, target, today, rules)
    return fields


def due_date(proposal, state: str, today: datetime.date,
             rules: dict[str, int | None] | None = None) -> datetime.date | None:
    """The day by which the step that follows `state` is due, or None when nothing is due."""
    rules = rules or limits(province_of(proposal.unit))
    council = proposal.round.council_date
    after = {State.SUBMITTED: "receive", State.RECEIVED: "appraise",
             State.RETURNED: "resubmit", State.VOTED: "decide"}
    if state in after:
        days = rules[after[state]]
        return add_working_days(today, days) if days else None
    if state == State.DRAFT:
        return proposal.round.submission_deadline
    if state == State.APPRAISED and proposal.round.requires_publication:
        return last_publication_day(council, rules) if council else None
    if state in (State.APPRAISED, State.PUBLISHED, State.AT_COUNCIL):
        return council
    if state == State.DECIDED:
        decided_on = proposal.decision.date if proposal.decision_id else today
        return add_working_days(decided_on, rules["notify"])
    return None


def comment_window(rules: dict[str, int | None],
                   today: datetime.date) -> tuple[datetime.date, datetime.date]:
    return today, add_working_days(today, rules["publication"])


def last_publication_day(council: datetime.date, rules: dict[str, int | None]) -> datetime.date:
    """The last day a list may be published for its window to close before the council."""
    return add_working_days(council, -(rules["publication"] + 1))


def publication_problem(proposal, today: datetime.date) -> str | None:
    """Why publishing today is refused (the council would meet before the window closes)."""
    council = proposal.round.council_date
    if council is None:
        return None
    rules = limits(province_of(proposal.unit))
    if comment_window(rules, today)[1] < council:
        return None
    return _(
        "Publication must come at least %(days)s working days before the council meeting on "
        "%(council)s: the last day to publish was %(last)s. Move the council meeting first."
    ) % {"days": rules["publication"], "council": council.strftime("%d/%m/%Y"),
         "last": last_publication_day(council, rules).strftime("%d/%m/%Y")}


def refresh_round(round_) -> int:
    """After a change of a round's submission deadline or council date: recompute the due dates
    that follow them (drafts, appraised, published and at-council dossiers). Returns how many
    changed."""
    changed = []
    for proposal in round_.proposals.filter(state__in=ROUND_STATES).select_related("unit"):
        proposal.round = round_
        due = due_date(proposal, proposal.state, proposal.round.opens_on)
        if due != proposal.due_on:
            proposal.due_on = due
            changed.append(proposal)
    Proposal.objects.bulk_update(changed, ["due_on"])
    return len(changed)


def notices_due(proposals: QuerySet, horizon: datetime.date) -> QuerySet:
    """Decided dossiers whose unit was not notified of the result by the notification due date
    (`due_on` of a decided dossier), among those due by `horizon`: annotated `due` and
    `notified` (the first notice's date, None when the unit has not been notified at all)."""
    on_time = ResultNotice.objects.filter(proposal=OuterRef("pk"),
                                          notified_on__lte=OuterRef("due_on"))
    return (proposals.filter(state=State.DECIDED, due_on__lte=horizon)
            .exclude(Exists(on_time))
            .annotate(due=F("due_on"), notified=Min("result_notices__notified_on")))


def with_due(proposals: QuerySet) -> QuerySet:
    """Annotate `due`: `due_on`, or for a draft without one the round's submission deadline."""
    return proposals.annotate(due=Case(
        When(state=State.DRAFT, due_on__isnull=True, then=F("round__submission_deadline")),
        default=F("due_on"), output_field=DateField()))


def due_by(proposals: QuerySet, day: datetime.date) -> QuerySet:
    """Active dossiers (not decided, forwarded or withdrawn) whose step is due on or before `day`."""
    return with_due(proposals).filter(~Q(state__in=FINAL), due__lte=day)
