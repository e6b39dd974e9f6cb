"""The predicates of legal-reference (d) as pure functions over a History (no ORM): here those
on ratings and titles in a row; award_predicates.py holds those on awards held, counts, facts
and deadlines, environment.py what they are evaluated in.

Each predicate is a small object built once from the rule file: `evaluate(h, env)` answers
(value, detail) with value True, False or None (not decidable); `explain(value, detail, h,
env)` turns that answer into (check, message) only when reasons are wanted.

For verdicts without reasons (batches, lists) `compile(cx)` turns a predicate into a closure
`test(h, y, w, b)` for one proposal context (T, the dates and the facts, from `cx`): y is the
year looked at, w the current window (or None), b the prior anchors bound so far. Years fixed
by T are computed once, and a predicate whose answer does not depend on the history (a fact)
compiles to a `Fixed` value. A closure answers exactly what `evaluate` answers (tests compare
them); it also tells `cx.needs` which rows it reads, so that a batch reads no others."""


from thidua.eligibility import messages as say
from thidua.eligibility.choices import (
    BASE_KIND,
    RANK,
)
from thidua.eligibility.environment import NO_YEARS, Env, Fixed, YearExpr
from thidua.eligibility.history import History
from thidua.eligibility.messages import gettext as _


def kinds_of(args: dict) -> tuple[str, ...]:
    return tuple(args.get("kinds") or (BASE_KIND,))


def codes_of(args: dict) -> tuple[str, ...]:
    return tuple(args["codes"]) if "codes" in args else (args["code"],)


def clock_note(h: History, years: list[int]) -> str:
    late = [y for y in years if not h.counts(y)]
    if not late:
        return ""
    return " " + _("(%(years)s not counted: discipline period, rule G06)") % {"years": say.years(late)}


def _generic(pred, cx):
    """The closure of a predicate that has no faster one: `evaluate` in an Env made per call."""
    T, D, R, overlay = cx.T, cx.D, cx.R, cx.overlay
    evaluate = pred.evaluate

    def test(h, y, w, b):
        return evaluate(h, Env(T=T, D=D, R=R, year=y, bind=b, window=w, overlay=overlay))[0]
    return test


def compile_predicate(pred, cx):
    """A predicate's closure (or Fixed); predicates without `compile` (tenure, members) read
    the posts, discipline and members of the case, which a batch then reads too."""
    if hasattr(pred, "compile"):
        return pred.compile(cx)
    cx.needs.details = True
    return _generic(pred, cx)


class RatingAtLeast:
    __slots__ = ("level", "need", "year")
    facts = ()

    def __init__(self, args: dict) -> None:
        self.level, self.need, self.year = args["level"], RANK[args["level"]], YearExpr(args.get("year"))

    def evaluate(self, h: History, env: Env):
        year = self.year(env)
        rank = h.ratings.get(year, 0)
        return (rank >= self.need and h.counts(year)), year

    def compile(self, cx):
        # `year >= h.clock` is h.counts(year) (G06), inlined in the closures of this module.
        need, year = self.need, self.year.at(cx.T)
        cx.needs.rating(year)
        if year is None:
            offset = self.year.offset

            def test(h, y, w, b):
                looked = y + offset
                return h.ratings.get(looked, 0) >= need and looked >= h.clock
            return test

        def test(h, y, w, b):
            return h.ratings.get(year, 0) >= need and year >= h.clock
        return test

    def explain(self, value, year, h: History, env: Env) -> tuple[str, str]:
        check = f"rating ≥ {self.level} in {year}"
        given = h.case.ratings.get(year)
        values = {"year": year, "required": say.rating(self.level), "rating": given}
        if given is None:
            return check, _("No rating recorded for %(year)s (required: %(required)s or better)") % values
        if not h.counts(year):
            return check, _("%(year)s does not count: it is not after the end of a discipline "
                            "period (rule G06)") % values
        if value:
            return check, _("Rated %(rating)s in %(year)s (required: %(required)s or better)") % values
        return check, _("Rated %(rating)s in %(year)s, below %(required)s") % values


class Consecutive:
    """The code is held (base kinds, counted years) in each of `count` years ending at a year."""

    __slots__ = ("code", "count", "ending", "kinds")
    facts = ()

    def __init__(self, args: dict) -> None:
        self.code, self.count = args["code"], int(args["count"])
        self.ending, self.kinds = YearExpr(args.get("ending_year"), "T"), kinds_of(args)

    def evaluate(self, h: History, env: Env):
        last = self.ending(env)
        held = h.years((self.code,), self.kinds)
        years = range(last - self.count + 1, last + 1)
        missing = [y for y in years if y not in held or not h.counts(y)]
        return not missing, (years, missing)

    def compile(self, cx):
        codes, kinds, count, last = (self.code,), self.kinds, self.count, self.ending.at(cx.T)
        if count <= 0:
            return Fixed(True)
        if last is None:
            cx.needs.award(codes)
            return _generic(self, cx)
        first, wanted = last - count + 1, frozenset(range(last - count + 1, last + 1))
        cx.needs.award(codes, first)

        code = codes[0]

        def test(h, y, w, b):  # `code in h.awards`: no work for a code never received
            return code in h.awards and first >= h.clock and wanted <= h.years(codes, kinds)
        return test

    def explain(self, value, detail, h: History, env: Env) -> tuple[str, str]:
        years, missing = detail
        check = f"consecutive {self.code} ×{self.count} ending {years[-1]}"
        values = {"title": say.name(self.code), "count": self.count,
                  "span": say.span(years[0], years[-1]), "years": say.years(missing)}
        if value:
            return check, _("Held %(title)s %(count)s years in a row (%(span)s)") % values
        return check, (_("Has not held %(title)s %(count)s years in a row (missing %(years)s)")
                       % values + clock_note(h, missing))


class ConsecutiveRatings:
    __slots__ = ("level", "need", "count", "ending")
    facts = ()

    def __init__(self, args: dict) -> None:
        self.level, self.need, self.count = args["level"], RANK[args["level"]], int(args["count"])
        self.ending = YearExpr(args.get("ending_year"), "T")

    def evaluate(self, h: History, env: Env):
        last = self.ending(env)
        years = range(last - self.count + 1, last + 1)
        missing = [y for y in years if h.ratings.get(y, 0) < self.need or not h.counts(y)]
        return not missing, (years, missing)

    def compile(self, cx):
        need, count, last = self.need, self.count, self.ending.at(cx.T)
        if count <= 0:
            return Fixed(True)
        if last is None:
            cx.needs.rating(None)
            return _generic(self, cx)
        years = tuple(range(last - count + 1, last + 1))
        first = years[0]
        cx.needs.rating(first)

        def test(h, y, w, b):
            if first < h.clock:
                return False
            ratings = h.ratings
            return all(ratings.get(year, 0) >= need for year in years)
        return test

    def explain(self, value, detail, h: History, env: Env) -> tuple[str, str]:
        years, missing = detail
        check = f"consecutive rating ≥ {self.level} ×{self.count} ending {years[-1]}"
        values = {"rating": say.rating(self.level), "count": self.count,
                  "span": say.span(years[0], years[-1]), "years": say.years(missing)}
        if value:
            return check, _("Rated %(rating)s or better %(count)s years in a row (%(span)s)") % values
        return check, (_("Not rated %(rating)s or better %(count)s years in a row (missing "
                         "%(years)s)") % values + clock_note(h, missing))


class ConsecutiveTitleOrRating:
    """Each of `count` years ending at a year holds the code or is rated at least `level`
    (Art. 74(1)(d) as MOHA reads it: a CSTĐCS year and an HTXS-only year also make two)."""

    __slots__ = ("code", "level", "need", "count", "ending", "kinds")
    facts = ()

    def __init__(self, args: dict) -> None:
        self.code, self.level, self.need = args["code"], args["level"], RANK[args["level"]]
        self.count, self.ending, self.kinds = int(args["count"]), YearExpr(args.get("ending_year"), "T"), kinds_of(args)

    def evaluate(self, h: History, env: Env):
        last = self.ending(env)
        held = h.years((self.code,), self.kinds)
        years = range(last - self.count + 1, last + 1)
        missing = [y for y in years if not h.counts(y)
                   or (y not in held and h.ratings.get(y, 0) < self.need)]
        return not missing, (years, missing)

    def compile(self, cx):
        codes, kinds, need = (self.code,), self.kinds, self.need
        count, last = self.count, self.ending.at(cx.T)
        if count <= 0:
            return Fixed(True)
        if last is None:
            cx.needs.award(codes)
            cx.needs.rating(None)
            return _generic(self, cx)
        years = tuple(range(last - count + 1, last + 1))
        first, code = years[0], codes[0]
        cx.needs.award(codes, first)
        cx.needs.rating(first)

        def test(h, y, w, b):
            if first < h.clock:
                return False
            held = h.years(codes, kinds) if code in h.awards else NO_YEARS
            ratings = h.ratings
            return all(year in held or ratings.get(year, 0) >= need for year in years)
        return test

    def explain(self, value, detail, h: History, env: Env) -> tuple[str, str]:
        years, missing = detail
        check = f"consecutive {self.code} or rating ≥ {self.level} ×{self.count} ending {years[-1]}"
        values = {"title": say.name(self.code), "rating": say.rating(self.level),
                  "count": self.count, "span": say.span(years[0], years[-1]),
                  "years": say.years(missing)}
        if value:
            return check, _("Held %(title)s or was rated %(rating)s in each of %(count)s "
                            "consecutive years (%(span)s)") % values
        return check, (_("Neither %(title)s nor a rating of %(rating)s in every one of %(count)s "
                         "consecutive years (missing %(years)s)") % values
                       + clock_note(h, missing))


class ConsecutiveTitles:
    """`count` titles of `code`, each `chain_length` years after the previous one, the latest in
    T-latest_after … T, with the chain code held every year of the whole period (CSTĐTQ: CSTĐ
    bộ/tỉnh in years 3 and 6 of six consecutive CSTĐCS years)."""

    __slots__ = ("code", "count", "chain_code", "chain_length", "latest_after")
    facts = ()

    def __init__(self, args: dict) -> None:
        self.code, self.count = args["code"], int(args["count"])
        self.chain_code, self.chain_length = args["chain_code"], int(args["chain_length"])
        self.latest_after = int(args.get("latest_after", 0))

    def evaluate(self, h: History, env: Env):
        titles = {y for y in h.years((self.code,), (BASE_KIND,)) if h.counts(y)}
        recent = [y for y in titles if env.T - self.latest_after <= y <= env.T]
        if not recent:
            return False, ("none", env.T - self.latest_after, env.T)
        last = max(recent)
        wanted = [last - k * self.chain_length for k in range(self.count - 1, -1, -1)]
        missing_titles = [y for y in wanted if y not in titles]
        chain = range(wanted[0] - self.chain_length + 1, last + 1)
        held = h.years((self.chain_code,), (BASE_KIND,))
        missing_chain = [y for y in chain if y not in held or not h.counts(y)]
        ok = not missing_titles and not missing_chain
        return ok, ("chain", wanted, missing_titles, chain, missing_chain)

    def compile(self, cx):
        # Without any title of `code` the answer is False; otherwise `evaluate` (rare).
        codes, kinds, env = (self.code,), (BASE_KIND,), cx.static_env
        cx.needs.award(codes)
        saved, cx.needs.gate = cx.needs.gate, frozenset(codes)  # the chain: holders only
        cx.needs.award((self.chain_code,))
        cx.needs.gate = saved
        evaluate = self.evaluate

        def test(h, y, w, b):
            if self.code not in h.awards or not h.years(codes, kinds):
                return False
            return evaluate(h, env)[0]
        return test

    def explain(self, value, detail, h: History, env: Env) -> tuple[str, str]:
        check = f"consecutive {self.code} ×{self.count} with unbroken {self.chain_code} chain"
        values = {"title": say.name(self.code), "chain": say.name(self.chain_code),
                  "count": self.count}
        if detail[0] == "none":
            values["span"] = say.span(detail[1], detail[2])
            return check, _("No %(title)s in %(span)s") % values
        _tag, wanted, missing_titles, chain, missing_chain = detail
        values.update(years=say.years(wanted), span=say.span(chain[0], chain[-1]))
        if value:
            return check, _("Held %(title)s in %(years)s with %(chain)s every year of "
                            "%(span)s") % values
        problems = []
        if missing_titles:
            problems.append(_("%(title)s missing for %(years)s")
                            % {"title": values["title"], "years": say.years(missing_titles)})
        if missing_chain:
            problems.append(_("%(title)s missing for %(years)s")
                            % {"title": values["chain"], "years": say.years(missing_chain)})
        values["problems"] = "; ".join(problems)
        return check, _("Not %(count)s consecutive %(title)s titles in %(years)s: %(problems)s") % values
