"""Predicates over a collective's members in one year (contracts §2 `members`): a count that
is absent is unknown, so a condition on it is None (not decidable), never False."""

from thidua.eligibility import messages as say
from thidua.eligibility.choices import DISCIPLINE_RANK
from thidua.eligibility.environment import Env, YearExpr
from thidua.eligibility.history import History
from thidua.eligibility.messages import gettext as _


class _MemberPredicate:
    """Shared by the member aggregates: the counts of year Y, None when unknown."""

    __slots__ = ("year",)
    facts = ()

    def counts(self, h: History, env: Env):
        year = self.year(env)
        return year, h.members.get(year)


class MembersShare(_MemberPredicate):
    __slots__ = ("of", "percent")

    def __init__(self, args: dict) -> None:
        self.of, self.percent, self.year = args["of"], int(args["min_percent"]), YearExpr(args.get("year"))

    def evaluate(self, h: History, env: Env):
        year, members = self.counts(h, env)
        part = getattr(members, self.of) if members else None
        total = members.total if members else None
        if part is None or total is None:
            return None, (year, part, total)
        return (total > 0 and part * 100 >= self.percent * total), (year, part, total)

    def explain(self, value, detail, h: History, env: Env) -> tuple[str, str]:
        year, part, total = detail
        check = f"members {self.of} ≥ {self.percent}% in {year}"
        values = {"title": say.name(self.of), "year": year, "min": self.percent}
        if value is None:
            return check, _("Not known how many members hold %(title)s in %(year)s") % values
        values.update(part=part, total=total,
                      percent=say.number(part * 100 / total) if total else "0")
        return check, _("%(part)s of %(total)s members (%(percent)s%%) hold %(title)s in "
                        "%(year)s (required: at least %(min)s%%)") % values


class MembersAllRated(_MemberPredicate):
    __slots__ = ("level",)

    def __init__(self, args: dict) -> None:
        self.level, self.year = args.get("level", "HT"), YearExpr(args.get("year"))

    def evaluate(self, h: History, env: Env):
        year, members = self.counts(h, env)
        rated = members.rated_ht_or_better if members else None
        total = members.total if members else None
        if rated is None or total is None:
            return None, (year, rated, total)
        return rated == total, (year, rated, total)

    def explain(self, value, detail, h: History, env: Env) -> tuple[str, str]:
        year, rated, total = detail
        check = f"members all rated ≥ {self.level} in {year}"
        values = {"rating": say.rating(self.level), "year": year, "rated": rated, "total": total}
        if value is None:
            return check, _("Not known how many members were rated %(rating)s or better in "
                            "%(year)s") % values
        return check, _("%(rated)s of %(total)s members rated %(rating)s or better in %(year)s "
                        "(required: all)") % values


class MembersWithAward(_MemberPredicate):
    __slots__ = ("of", "min")

    def __init__(self, args: dict) -> None:
        self.of, self.min, self.year = args["of"], int(args.get("min", 1)), YearExpr(args.get("year"))

    def evaluate(self, h: History, env: Env):
        year, members = self.counts(h, env)
        count = getattr(members, self.of) if members else None
        return (None if count is None else count >= self.min), (year, count)

    def explain(self, value, detail, h: History, env: Env) -> tuple[str, str]:
        year, count = detail
        check = f"members {self.of} ≥ {self.min} in {year}"
        values = {"title": say.name(self.of), "year": year, "count": count, "min": self.min}
        if value is None:
            return check, _("Not known how many members hold %(title)s in %(year)s") % values
        return check, _("%(count)s members hold %(title)s in %(year)s (required: at least "
                        "%(min)s)") % values


class MembersNoneDisciplinedAtLeast(_MemberPredicate):
    __slots__ = ("level", "rank")

    def __init__(self, args: dict) -> None:
        self.level, self.year = args["level"], YearExpr(args.get("year"))
        self.rank = DISCIPLINE_RANK[self.level]

    def evaluate(self, h: History, env: Env):
        year, members = self.counts(h, env)
        levels = members.disciplined if members else None
        if levels is None:
            return None, (year, None)
        heavy = [level for level in levels if DISCIPLINE_RANK[level] >= self.rank]
        return not heavy, (year, heavy)

    def explain(self, value, detail, h: History, env: Env) -> tuple[str, str]:
        year, heavy = detail
        check = f"members none disciplined ≥ {self.level} in {year}"
        values = {"level": say.discipline(self.level), "year": year}
        if value is None:
            return check, _("Not known whether members were disciplined in %(year)s") % values
        if value:
            return check, _("No member disciplined at %(level)s level or above in %(year)s") % values
        values["count"] = len(heavy)
        return check, _("%(count)s members disciplined at %(level)s level or above in %(year)s") % values
