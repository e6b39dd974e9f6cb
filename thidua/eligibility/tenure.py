"""Length-of-service predicates (khen thưởng quá trình cống hiến; ND 152/2025 Art. 9, 21)."""

import datetime

from thidua.eligibility import messages as say
from thidua.eligibility.environment import Env
from thidua.eligibility.history import History, years_between
from thidua.eligibility.messages import gettext as _


class TenureInPost:
    """Length of service in leadership posts up to the decision date (ND 152 Art. 9, 21).
    Time in a post too short for its own standard counts for the next lower post; a woman needs
    2/3 of each period unless she has a higher statutory retirement age (G09)."""

    __slots__ = ("table",)
    facts = ()

    def __init__(self, args: dict) -> None:
        self.table = tuple((row["post_group"], float(row["min_years"]),
                            float(row["max_years_exclusive"])) for row in args["table"])

    def evaluate(self, h: History, env: Env):
        factor = 2 / 3 if (h.subject.gender == "female"
                           and not h.facts.get("higher_statutory_retirement_age")) else 1
        served = {group: service_years(h, group, env.D) for group, _min, _max in self.table}
        carried = 0.0
        for group, low, high in self.table:
            total = served[group] + carried
            if total >= low * factor:
                return total < high * factor, (group, total, low * factor, high * factor, factor)
            carried = total
        return False, (None, carried, 0, 0, factor)

    def explain(self, value, detail, h: History, env: Env) -> tuple[str, str]:
        group, total, low, high, factor = detail
        check = "tenure in leadership post"
        values = {"years": say.number(total), "post": say.post(group) if group else "",
                  "min": say.number(low), "max": say.number(high)}
        if group is None:
            message = _("Leadership tenure too short: %(years)s years in the posts listed") % values
        elif value:
            message = _("%(years)s years as %(post)s (required: %(min)s to under %(max)s "
                        "years)") % values
        else:
            message = _("%(years)s years as %(post)s: %(max)s years or more, a higher class "
                        "applies") % values
        if factor != 1:
            message += " " + _("(2/3 of the period for a woman, rule G09)")
        return check, message


def service_years(h: History, group: str, until: datetime.date) -> float:
    """Years in posts of one group up to `until`, overlapping periods counted once."""
    spans = sorted((p.start, min(p.end or until, until)) for p in h.case.positions
                   if p.post_group == group and p.start <= until)
    total, current_start, current_end = 0.0, None, None
    for start, end in spans:
        if current_end is None or start > current_end:
            if current_end is not None:
                total += years_between(current_start, current_end)
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None:
        total += years_between(current_start, current_end)
    return total


class NoDisciplineInTenure:
    __slots__ = ()
    facts = ()

    def __init__(self, args: dict) -> None:
        pass

    def evaluate(self, h: History, env: Env):
        for discipline in h.case.discipline:
            for position in h.case.positions:
                end = position.end or env.D
                if discipline.start <= end and (discipline.end is None
                                                or discipline.end >= position.start):
                    return False, discipline
        return True, None

    def explain(self, value, discipline, h: History, env: Env) -> tuple[str, str]:
        check = "no discipline during leadership tenure"
        if value:
            return check, _("No discipline recorded during the leadership posts")
        return check, _("Disciplined (%(level)s from %(date)s) during a leadership post") % {
            "level": say.discipline(discipline.level), "date": say.date(discipline.start)}
