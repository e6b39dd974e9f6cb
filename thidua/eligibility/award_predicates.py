"""The predicates of legal-reference (d) on awards held, counts, facts and deadlines, as pure
functions over a History; predicates.py says how predicates are built, evaluated, explained
and compiled."""

import datetime

from thidua.eligibility import messages as say
from thidua.eligibility.choices import (
    BASE_KIND,
    DEFAULT_TRUE_FACTS,
    RANK,
    SCOPE_RANK,
)
from thidua.eligibility.environment import FIRST_YEAR, Env, Fixed, YearExpr
from thidua.eligibility.history import History
from thidua.eligibility.messages import gettext as _
from thidua.eligibility.predicates import codes_of, kinds_of


class HasAward:
    __slots__ = ("codes", "kinds", "year")
    facts = ()

    def __init__(self, args: dict) -> None:
        self.codes, self.kinds, self.year = codes_of(args), kinds_of(args), YearExpr(args.get("year"))

    def evaluate(self, h: History, env: Env):
        year = self.year(env)
        return (year in h.years(self.codes, self.kinds) and h.counts(year)), year

    def compile(self, cx):
        codes, kinds, year = self.codes, self.kinds, self.year.at(cx.T)
        cx.needs.award(codes, year)
        if year is None:
            offset = self.year.offset

            def test(h, y, w, b):
                looked = y + offset
                return looked in h.years(codes, kinds) and looked >= h.clock
            return test

        def test(h, y, w, b):
            return year in h.years(codes, kinds) and year >= h.clock
        return test

    def explain(self, value, year, h: History, env: Env) -> tuple[str, str]:
        check = f"award {'|'.join(self.codes)} in {year}"
        values = {"title": say.names(self.codes), "year": year}
        if value:
            return check, _("Holds %(title)s for %(year)s") % values
        return check, _("Does not hold %(title)s for %(year)s") % values


class Prior:
    """Binds the latest qualifying prior award (before T) to a name; its anchor is the
    achievement year in the decision, else the decision year (G10)."""

    __slots__ = ("codes", "kinds", "name")
    facts = ()

    def __init__(self, args: dict) -> None:
        self.codes, self.kinds, self.name = codes_of(args), kinds_of(args), args.get("as", "P")

    def evaluate(self, h: History, env: Env):
        award = h.latest(self.codes, self.kinds, before=env.T)
        env.bind[self.name] = award.anchor_year if award else None
        return award is not None, award

    def compile(self, cx):
        # The latest anchor year before T is the anchor of h.latest(codes, kinds, before=T).
        codes, kinds, name, T = self.codes, self.kinds, self.name, cx.T
        cx.needs.award(codes)
        cx.needs.bind(name, codes)

        def test(h, y, w, b):
            best = None
            if len(codes) > 1 or codes[0] in h.awards:
                for year in h.years(codes, kinds):
                    if year < T and (best is None or year > best):
                        best = year
            b[name] = best
            return best is not None
        test.binds = True
        return test

    def explain(self, value, award, h: History, env: Env) -> tuple[str, str]:
        check = f"prior {'|'.join(self.codes)} ({', '.join(self.kinds)})"
        values = {"title": say.names(self.codes), "kind": say.kinds(self.kinds), "year": env.T}
        if not value:
            return check, _("Holds no %(title)s (%(kind)s) before %(year)s") % values
        values.update(year=award.anchor_year, kind=say.kind(award.kind))
        if award.year is None:
            values["date"] = say.date(award.decision_date)
            return check, _("Holds %(title)s (%(kind)s) decided on %(date)s, with no achievement "
                            "year: later years are counted from %(year)s (rule G10)") % values
        return check, _("Holds %(title)s (%(kind)s) for %(year)s: later years are counted from "
                        "it (rule G10)") % values


class Count:
    """Counts awards, ratings or initiatives in a range of years: one year, `within_years`,
    or else the current window; years before the end of a discipline do not count (G06)."""

    __slots__ = ("what", "codes", "kinds", "level", "need", "scope", "min", "year", "within")
    facts = ()

    def __init__(self, args: dict) -> None:
        self.what, self.min = args["what"], int(args.get("min", 1))
        self.codes = codes_of(args) if self.what == "award" else ()
        self.kinds = kinds_of(args)
        self.level = args.get("level", "")
        self.need = RANK.get(self.level, 0)
        self.scope = args.get("scope_at_least", "co_so")
        self.year = YearExpr(args["year"]) if "year" in args else None
        within = args.get("within_years")
        self.within = (YearExpr(within[0]), YearExpr(within[1])) if within else None

    def span(self, env: Env) -> tuple[int, int]:
        if self.year is not None:
            year = self.year(env)
            return year, year
        if self.within is not None:
            return self.within[0](env), self.within[1](env)
        return env.window or (FIRST_YEAR, env.T)

    def evaluate(self, h: History, env: Env):
        first, last = self.span(env)
        first = max(first, h.clock)
        if self.what == "award":
            found = [a for code in self.codes for a in h.awards.get(code, ())
                     if a.kind in self.kinds and first <= a.anchor_year <= last]
        elif self.what == "rating":
            found = [y for y, rank in h.ratings.items() if first <= y <= last and rank >= self.need]
        else:
            need = SCOPE_RANK[self.scope]
            found = [i for i in h.initiatives if first <= i[0] <= last and i[1] >= need]
        return len(found) >= self.min, (first, last, found)

    def compile(self, cx):
        fixed = self.fixed_span(cx.T)
        first = fixed[0] if fixed else None
        if self.what == "award":
            cx.needs.award(self.codes, first)
            count = self._award_counter()
        elif self.what == "rating":
            cx.needs.rating(first)
            count = self._rating_counter()
        else:
            cx.needs.initiative(first)
            count = self._initiative_counter()
        least = self.min
        if fixed:
            low, last = fixed

            def test(h, y, w, b):
                clock = h.clock
                return count(h, low if low >= clock else clock, last) >= least
            return test
        span = self.span_at(cx.T)

        def test(h, y, w, b):
            low, last = span(y, w)
            clock = h.clock
            return count(h, low if low >= clock else clock, last) >= least
        return test

    def span_at(self, T: int):
        """`span` for a proposal year T, as a function of the year looked at and the window."""
        year, within, everything = self.year, self.within, (FIRST_YEAR, T)
        if year is not None:
            def span(y, w):
                looked = year.value(T, y)
                return looked, looked
        elif within is not None:
            def span(y, w):
                return within[0].value(T, y), within[1].value(T, y)
        else:
            def span(y, w):
                return w or everything
        return span

    def fixed_span(self, T: int) -> tuple[int, int] | None:
        """The years counted when they follow from T alone (not from Y or a window)."""
        if self.year is not None:
            year = self.year.at(T)
            return None if year is None else (year, year)
        if self.within is not None:
            first, last = self.within[0].at(T), self.within[1].at(T)
            return None if first is None or last is None else (first, last)
        return None

    def _award_counter(self):
        codes, kinds = self.codes, self.kinds

        def count(h, first, last):
            found = 0
            for code in codes:
                for award in h.awards.get(code, ()):
                    if award.kind in kinds and first <= award.anchor_year <= last:
                        found += 1
            return found
        return count

    def _rating_counter(self):
        need = self.need

        def count(h, first, last):
            return sum(1 for year, rank in h.ratings.items()
                       if first <= year <= last and rank >= need)
        return count

    def _initiative_counter(self):
        need = SCOPE_RANK[self.scope]

        def count(h, first, last):
            return sum(1 for item in h.initiatives if first <= item[0] <= last and item[1] >= need)
        return count

    def explain(self, value, detail, h: History, env: Env) -> tuple[str, str]:
        first, last, found = detail
        period = say.span(first, last) if first <= last else "—"
        values = {"count": len(found), "min": self.min, "span": period}
        if self.what == "award":
            check = f"count {'|'.join(self.codes)} ≥{self.min} in {period}"
            values["title"] = say.names(self.codes)
            return check, _("%(count)s × %(title)s (%(span)s), required: at least %(min)s") % values
        if self.what == "rating":
            check = f"count rating {self.level} ≥{self.min} in {period}"
            values["rating"] = say.rating(self.level)
            return check, _("%(count)s years rated %(rating)s (%(span)s), required: at least "
                            "%(min)s") % values
        check = f"count initiative ≥ {self.scope} ≥{self.min} in {period}"
        values["scope"] = say.scope(self.scope)
        message = _("%(count)s initiatives recognised at %(scope)s or wider (%(span)s), "
                    "required: at least %(min)s") % values
        recognisers = sorted({i[2] for i in found if i[2]})
        if recognisers:
            message += "; " + _("recognised by: %(by)s") % {
                "by": ", ".join(say.authority(code) for code in recognisers)}
        return check, message


class Fact:
    """A boolean asserted by a person with evidence. Absent: false (not claimed), except the
    conduct facts and registration, which count as true until given as false (contracts §2)."""

    __slots__ = ("name", "negate", "default", "facts")

    def __init__(self, name: str, negate: bool = False) -> None:
        self.name, self.negate = name, negate
        self.default = name in DEFAULT_TRUE_FACTS
        self.facts = (name,) if self.default else ()

    def evaluate(self, h: History, env: Env):
        value = h.facts.get(self.name, self.default)
        return (not value) if self.negate else value, None

    def compile(self, cx):
        value = cx.facts.get(self.name, self.default)
        return Fixed((not value) if self.negate else value)

    def explain(self, value, detail, h: History, env: Env) -> tuple[str, str]:
        given = h.facts.get(self.name)
        text = say.fact_text(self.name)
        if self.negate:
            check = f"not fact {self.name}"
            if given:
                return check, _("Stated: %(fact)s") % {"fact": text}
            return check, _("Not stated: %(fact)s") % {"fact": text}
        check = f"fact {self.name}"
        if given is None and self.default:
            return check, _("Asserted by the proposal, to be confirmed: %(fact)s") % {"fact": text}
        if given:
            return check, _("Confirmed: %(fact)s") % {"fact": text}
        if given is None:
            return check, _("Not claimed: %(fact)s") % {"fact": text}
        return check, _("Stated as not the case: %(fact)s") % {"fact": text}


class NotReused:
    """Each new title of `for` needs its own `count` chain years after the previous one."""

    __slots__ = ("code", "count", "title")
    facts = ()

    def __init__(self, args: dict) -> None:
        self.code, self.count, self.title = args["code"], int(args["count"]), args["for"]

    def evaluate(self, h: History, env: Env):
        previous = h.latest((self.title,), (BASE_KIND,), before=env.T)
        if previous is None:
            return True, None
        return previous.anchor_year <= env.T - self.count, previous.anchor_year

    def compile(self, cx):
        codes, kinds, T, limit = (self.title,), (BASE_KIND,), cx.T, cx.T - self.count
        cx.needs.award(codes)

        def test(h, y, w, b):
            previous = None
            if self.title not in h.awards:
                return True
            for year in h.years(codes, kinds):
                if year < T and (previous is None or year > previous):
                    previous = year
            return previous is None or previous <= limit
        return test

    def explain(self, value, previous, h: History, env: Env) -> tuple[str, str]:
        first = env.T - self.count + 1
        check = f"{self.code} years {say.span(first, env.T)} not used for an earlier {self.title}"
        values = {"title": say.name(self.title), "chain": say.name(self.code),
                  "span": say.span(first, env.T), "year": previous}
        if previous is None:
            return check, _("No earlier %(title)s: the %(chain)s years %(span)s are unused") % values
        if value:
            return check, _("The earlier %(title)s (%(year)s) used %(chain)s years up to %(year)s "
                            "only") % values
        return check, _("The earlier %(title)s (%(year)s) already used %(chain)s years of "
                        "%(span)s") % values


class DossierDeadline:
    """The dossier reaches the appraising body by 31 December of `years_after` years after the
    latest title (the receipt date when given, else the proposal year)."""

    __slots__ = ("title", "years_after")
    facts = ()

    def __init__(self, args: dict) -> None:
        self.title, self.years_after = args["title"], int(args.get("years_after", 1))

    def evaluate(self, h: History, env: Env):
        titles = [y for y in h.years((self.title,), (BASE_KIND,)) if y <= env.T]
        if not titles:
            return False, None
        deadline = datetime.date(max(titles) + self.years_after, 12, 31)
        if env.R is not None:
            return deadline >= env.R, deadline
        return deadline.year >= env.T, deadline

    def compile(self, cx):
        codes, kinds, env = (self.title,), (BASE_KIND,), cx.static_env
        cx.needs.award(codes)
        evaluate = self.evaluate

        def test(h, y, w, b):
            if self.title not in h.awards or not h.years(codes, kinds):
                return False
            return evaluate(h, env)[0]
        return test

    def explain(self, value, deadline, h: History, env: Env) -> tuple[str, str]:
        if deadline is None:
            return f"dossier deadline after {self.title}", _(
                "No %(title)s to count the dossier deadline from") % {"title": say.name(self.title)}
        check = f"dossier deadline {deadline.isoformat()}"
        values = {"deadline": say.date(deadline), "title": say.name(self.title)}
        if env.R is not None:
            values["received"] = say.date(env.R)
            if value:
                return check, _("Dossier received on %(received)s, by the deadline "
                                "%(deadline)s") % values
            return check, _("Dossier received on %(received)s, after the deadline %(deadline)s") % values
        if value:
            return check, _("The dossier must arrive by %(deadline)s (the end of the year after "
                            "the latest %(title)s)") % values
        return check, _("The deadline %(deadline)s (the end of the year after the latest "
                        "%(title)s) has passed") % values
