"""The predicates of legal-reference (d) as pure functions over a History (no ORM).

Each predicate is a small object built once from the rule file: `evaluate(h, env)` answers
(value, detail) with value True, False or None (not decidable); `explain(value, detail, h,
env)` turns that answer into (check, message) only when reasons are wanted.

For verdicts without reasons (batches, lists) `compile(cx)` turns a predicate into a closure
`test(h, y, w, b)` for one proposal context (T, the dates and the facts, from `cx`): y is the
year looked at, w the current window (or None), b the prior anchors bound so far. Years fixed
by T are computed once, and a predicate whose answer does not depend on the history (a fact)
compiles to a `Fixed` value. A closure answers exactly what `evaluate` answers (tests compare
them); it also tells `cx.needs` which rows it reads, so that a batch reads no others."""

import datetime
from dataclasses import dataclass, field

from thidua.eligibility import messages as say
from thidua.eligibility.choices import (
    BASE_KIND,
    DEFAULT_TRUE_FACTS,
    RANK,
    SCOPE_RANK,
)
from thidua.eligibility.history import History
from thidua.eligibility.messages import gettext as _

FIRST_YEAR = 1945
NO_YEAR = 10_000  # Needs: no row of that kind is read
NO_YEARS: frozenset[int] = frozenset()


class Fixed:
    """A compiled condition whose value does not depend on the history."""

    __slots__ = ("value",)

    def __init__(self, value: bool | None) -> None:
        self.value = value


class Need:
    """The rows of one kind (ratings, initiatives, or the awards of one code) that compiled
    conditions read: everyone's from year `first` on (None: every year; NO_YEAR: none), and
    every year of the people who hold an award of a code in `deep` — the prior award that
    opens a window, outside which the window reads nothing."""

    __slots__ = ("first", "deep")

    def __init__(self) -> None:
        self.first: int | None = NO_YEAR
        self.deep: set[str] = set()

    def add(self, first: int | None, gate: frozenset | None) -> None:
        if first is None and gate is not None:
            self.deep |= gate
        else:
            self.first = _earliest(self.first, first)

    def merge(self, other: "Need") -> None:
        self.first = _earliest(self.first, other.first)
        self.deep |= other.deep

    @property
    def wanted(self) -> bool:
        return self.first != NO_YEAR or bool(self.deep)


class Needs:
    """What compiled conditions read from a history, so that a batch reads only those rows
    (ratings, initiatives, awards by code, and `details`: the posts, discipline periods and
    members read by the tenure and member predicates). While a window is compiled, `gate`
    holds the codes of its prior award; `bound` the codes each prior name was bound to."""

    def __init__(self) -> None:
        self.ratings, self.initiatives = Need(), Need()
        self.awards: dict[str, Need] = {}
        self.details = False
        self.gate: frozenset | None = None
        self.bound: dict[str, set[str]] = {}

    def rating(self, first: int | None) -> None:
        self.ratings.add(first, self.gate)

    def initiative(self, first: int | None) -> None:
        self.initiatives.add(first, self.gate)

    def award(self, codes, first: int | None = None) -> None:
        for code in codes:
            self.awards.setdefault(code, Need()).add(first, self.gate)

    def bind(self, name: str, codes) -> None:
        self.bound.setdefault(name, set()).update(codes)

    def merge(self, other: "Needs") -> None:
        self.ratings.merge(other.ratings)
        self.initiatives.merge(other.initiatives)
        for code, need in other.awards.items():
            self.awards.setdefault(code, Need()).merge(need)
        self.details |= other.details


def _earliest(current: int | None, first: int | None) -> int | None:
    return None if current is None or first is None else min(current, first)


@dataclass(slots=True)
class Env:
    """Where an evaluation stands: the proposal year T, the year Y being looked at, the decision
    and receipt dates, bound prior awards (P), the current window, and the engine's hooks."""

    T: int
    D: datetime.date
    R: datetime.date | None = None
    year: int = 0
    bind: dict = field(default_factory=dict)
    window: tuple[int, int] | None = None
    overlay: object = None
    engine: object = None

    def __post_init__(self) -> None:
        self.year = self.year or self.T


class YearExpr:
    """"T", "T-2", "Y" (the year looked at) or a plain year."""

    __slots__ = ("base", "offset")

    def __init__(self, text: object, default: str = "Y") -> None:
        text = default if text is None else str(text).replace(" ", "")
        self.base, self.offset = (text[0], int(text[1:] or 0)) if text[0] in "TY" else ("", int(text))

    def __call__(self, env: Env) -> int:
        if self.base == "T":
            return env.T + self.offset
        if self.base == "Y":
            return env.year + self.offset
        return self.offset

    def value(self, T: int, y: int) -> int:
        """The year for a proposal year T when the year looked at is y."""
        if self.base == "T":
            return T + self.offset
        return y + self.offset if self.base == "Y" else self.offset

    def at(self, T: int) -> int | None:
        """The year for a proposal year T, or None when it is the year looked at (Y)."""
        if self.base == "Y":
            return None
        return T + self.offset if self.base == "T" else self.offset


def _kinds(args: dict) -> tuple[str, ...]:
    return tuple(args.get("kinds") or (BASE_KIND,))


def _codes(args: dict) -> tuple[str, ...]:
    return tuple(args["codes"]) if "codes" in args else (args["code"],)


def _clock_note(h: History, years: list[int]) -> str:
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
        self.ending, self.kinds = YearExpr(args.get("ending_year"), "T"), _kinds(args)

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
                       % values + _clock_note(h, missing))


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
                         "%(years)s)") % values + _clock_note(h, missing))


class ConsecutiveTitleOrRating:
    """Each of `count` years ending at a year holds the code or is rated at least `level`
    (Art. 74(1)(d) as MOHA reads it: a CSTĐCS year and an HTXS-only year also make two)."""

    __slots__ = ("code", "level", "need", "count", "ending", "kinds")
    facts = ()

    def __init__(self, args: dict) -> None:
        self.code, self.level, self.need = args["code"], args["level"], RANK[args["level"]]
        self.count, self.ending, self.kinds = int(args["count"]), YearExpr(args.get("ending_year"), "T"), _kinds(args)

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
                       + _clock_note(h, missing))


class HasAward:
    __slots__ = ("codes", "kinds", "year")
    facts = ()

    def __init__(self, args: dict) -> None:
        self.codes, self.kinds, self.year = _codes(args), _kinds(args), YearExpr(args.get("year"))

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
        self.codes, self.kinds, self.name = _codes(args), _kinds(args), args.get("as", "P")

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
        self.codes = _codes(args) if self.what == "award" else ()
        self.kinds = _kinds(args)
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
