"""Condition trees of the rule file compiled once into small node objects.

`node.run(h, env, out)` answers True, False or None (not decidable, Kleene logic). With `out`
None it is the fast path (short-circuits, no text); with a list it evaluates every branch and
appends one reason per check made."""

import datetime

from thidua.eligibility import messages as say
from thidua.eligibility.award_predicates import (
    Count,
    DossierDeadline,
    Fact,
    HasAward,
    NotReused,
    Prior,
)
from thidua.eligibility.environment import Env, YearExpr
from thidua.eligibility.history import History
from thidua.eligibility.members import (
    MembersAllRated,
    MembersNoneDisciplinedAtLeast,
    MembersShare,
    MembersWithAward,
)
from thidua.eligibility.messages import gettext as _
from thidua.eligibility.predicates import (
    Consecutive,
    ConsecutiveRatings,
    ConsecutiveTitleOrRating,
    ConsecutiveTitles,
    RatingAtLeast,
)
from thidua.eligibility.tenure import NoDisciplineInTenure, TenureInPost

PREDICATES = {
    "rating_at_least": RatingAtLeast,
    "collective_rating_at_least": RatingAtLeast,
    "consecutive": Consecutive,
    "consecutive_ratings": ConsecutiveRatings,
    "consecutive_title_or_rating": ConsecutiveTitleOrRating,
    "has_award": HasAward,
    "prior": Prior,
    "count": Count,
    "members_share": MembersShare,
    "members_all_rated": MembersAllRated,
    "members_with_award": MembersWithAward,
    "members_none_disciplined_at_least": MembersNoneDisciplinedAtLeast,
    "not_reused": NotReused,
    "consecutive_titles": ConsecutiveTitles,
    "dossier_deadline": DossierDeadline,
    "tenure_in_post": TenureInPost,
    "no_discipline_in_tenure": NoDisciplineInTenure,
}


class RuleFileError(ValueError):
    """The rule file (or an overlay) does not follow the schema; names the place."""


class Basis:
    """Citations, some valid only from or until a date (e.g. ND 98 before 1 July 2025)."""

    __slots__ = ("entries", "cited")

    def __init__(self, entries: tuple[tuple[datetime.date | None, datetime.date | None, str], ...]):
        self.entries = entries
        self.cited: dict[datetime.date, str] = {}  # by date: every line of a round cites alike

    def cite(self, on: datetime.date) -> str:
        text = self.cited.get(on)
        if text is None:
            if len(self.cited) >= 64:
                self.cited.clear()
            text = self.cited[on] = self.citation(on)
        return text

    def citation(self, on: datetime.date) -> str:
        texts = [text for start, end, text in self.entries
                 if (start is None or start <= on) and (end is None or on <= end)]
        return "; ".join(texts or [text for _start, _end, text in self.entries])


def and3(first: bool | None, second: bool | None) -> bool | None:
    """Kleene "and": False wins, then None (not decidable)."""
    if first is False or second is False:
        return False
    if first is None or second is None:
        return None
    return True


def reason(check: str, met: bool | None, message: str, basis: str) -> dict:
    return {"check": check, "met": met, "message": message, "basis": basis}


class Leaf:
    __slots__ = ("pred", "basis")

    def __init__(self, pred, basis: Basis) -> None:
        self.pred, self.basis = pred, basis

    def run(self, h: History, env: Env, out: list | None):
        value, detail = self.pred.evaluate(h, env)
        if out is not None:
            check, message = self.pred.explain(value, detail, h, env)
            out.append(reason(check, value, message, self.basis.cite(env.D)))
        return value

    def describe(self) -> str:
        if isinstance(self.pred, RatingAtLeast):
            return _("rated %(rating)s or better") % {"rating": self.pred.level}
        if isinstance(self.pred, HasAward):
            return _("holding %(title)s") % {"title": say.names(self.pred.codes)}
        return _("meeting the yearly condition")


class AllOf:
    __slots__ = ("children",)
    neutral = True

    def __init__(self, children: list) -> None:
        self.children = tuple(children)

    def run(self, h: History, env: Env, out: list | None):
        result = True
        for child in self.children:
            value = child.run(h, env, out)
            if value is False:
                if out is None:
                    return False
                result = False
            elif value is None and result is True:
                result = None
        return result


class AnyOf:
    __slots__ = ("children",)
    neutral = False

    def __init__(self, children: list) -> None:
        self.children = tuple(children)

    def run(self, h: History, env: Env, out: list | None):
        result = False
        for child in self.children:
            value = child.run(h, env, out)
            if value is True:
                if out is None:
                    return True
                result = True
            elif value is None and result is False:
                result = None
        return result

    def describe(self) -> str:
        return _(" or ").join(child.describe() for child in self.children)


class Uncertain:
    """A criterion the reference could not confirm. `content`: its result is never trusted;
    `existence`: the clause may not exist, so it only counts where it changes nothing."""

    __slots__ = ("child", "mode", "neutral")

    def __init__(self, child, mode: str, neutral: bool) -> None:
        self.child, self.mode, self.neutral = child, mode, neutral

    def run(self, h: History, env: Env, out: list | None):
        inner = [] if out is not None else None
        value = self.child.run(h, env, inner)
        if inner:
            note = _("(criterion not confirmed: needs review)")
            out.extend({**item, "message": f"{item['message']} {note}"} for item in inner)
        if self.mode == "content":
            return None
        return value if value is self.neutral else None


class Window:
    """The years after a bound prior award up to T (G10), minus those before the end of a
    discipline (G06). The longest run of consecutive years ending at T that satisfy
    `every_year` must be at least `min_years` long; `require` is evaluated inside that run."""

    __slots__ = ("after", "to", "min_years", "every", "require", "basis")

    def __init__(self, after: str, to: YearExpr, min_years: int, every, require, basis: Basis):
        self.after, self.to, self.min_years = after, to, min_years
        self.every, self.require, self.basis = every, require, basis

    def run(self, h: History, env: Env, out: list | None):
        anchor, last = env.bind.get(self.after), self.to(env)
        if anchor is None:
            value, first, start = False, last + 1, last + 1
        else:
            first = max(anchor + 1, h.clock)
            start = self.run_start(h, env, first, last)
            value = last - start + 1 >= self.min_years
        if out is not None:
            out.append(self.explain(value, anchor, first, start, last, h, env))
        if self.require is None or anchor is None or (value is False and out is None):
            return value
        saved, env.window = env.window, (start, last)
        required = self.require.run(h, env, out)
        env.window = saved
        return and3(value, required)

    def run_start(self, h: History, env: Env, first: int, last: int) -> int:
        if self.every is None:
            return min(first, last + 1)
        saved, start = env.year, last + 1
        for year in range(last, first - 1, -1):
            env.year = year
            if self.every.run(h, env, None) is not True:
                break
            start = year
        env.year = saved
        return start

    def explain(self, value, anchor, first, start, last, h: History, env: Env) -> dict:
        basis = self.basis.cite(env.D)
        if anchor is None:
            return reason(f"window after {self.after}", False,
                          _("No prior award to count the years from"), basis)
        count = last - start + 1
        check = f"window after {anchor}: ≥{self.min_years} consecutive years up to {last}"
        values = {"anchor": anchor, "count": count, "min": self.min_years,
                  "span": say.span(start, last) if count else "—",
                  "condition": self.every.describe() if self.every else _("counted")}
        message = _("After %(anchor)s: %(count)s consecutive years %(condition)s up to the "
                    "proposal (%(span)s); required: at least %(min)s") % values
        if start > first and start - 1 >= first:
            message += "; " + _("%(year)s does not qualify") % {"year": start - 1}
        if first > anchor + 1:
            message += "; " + _("years before %(year)s do not count (discipline, rule G06)") % {
                "year": first}
        return reason(check, value, message, basis)


class Satisfies:
    """Meets the standard of another title (e.g. CSTĐCS needs the LĐTT standard)."""

    __slots__ = ("family",)

    def __init__(self, family: str) -> None:
        self.family = family

    def run(self, h: History, env: Env, out: list | None):
        return env.engine.satisfies(self.family, h, env, out)


class Delegated:
    """Standards delegated to ministries, sectors and provinces (e.g. Giấy khen, Art. 75(2)):
    decided by the overlay of the case's province when one is loaded, otherwise not decidable."""

    __slots__ = ("topic", "basis")

    def __init__(self, topic: str, basis: Basis) -> None:
        self.topic, self.basis = topic, basis

    def run(self, h: History, env: Env, out: list | None):
        node = env.overlay.delegated(self.topic, h.subject.kind) if env.overlay else None
        if node is not None:
            return node.run(h, env, out)
        if out is not None:
            out.append(reason(f"standards delegated: {self.topic}", None, _(
                "The standards of %(title)s are set by each ministry, sector or province; no "
                "provincial rules are loaded for this case") % {"title": say.name(self.topic)},
                self.basis.cite(env.D)))
        return None


class Compiler:
    """Turns YAML condition trees into nodes; remembers the default-true facts and the titles
    (`satisfies`) a version refers to, for `to_confirm`."""

    def __init__(self, documents: dict, where: str) -> None:
        self.documents, self.where = documents, where
        self.facts: list[str] = []
        self.all_facts: set[str] = set()
        self.satisfies: list[str] = []

    def basis(self, entries: list | None, inherited: Basis | None = None) -> Basis:
        if not entries:
            if inherited is None:
                raise RuleFileError(f"{self.where}: no basis")
            return inherited
        return Basis(tuple(self.citation(entry) for entry in entries))

    def citation(self, entry: dict) -> tuple:
        document = self.documents.get(entry.get("doc"))
        if document is None:
            raise RuleFileError(f"{self.where}: unknown document {entry.get('doc')!r}")
        parts = [document["cite"]]
        for key, label in (("article", "Điều"), ("clause", "khoản"), ("point", "điểm")):
            if entry.get(key) is not None:
                parts.append(f"{label} {entry[key]}")
        text = ", ".join(parts)
        if entry.get("note"):
            text += f" ({entry['note']})"
        return (_date(entry.get("from")), _date(entry.get("to")), text)

    def node(self, spec, basis: Basis, parent_neutral: bool = True):
        if not isinstance(spec, dict):
            raise RuleFileError(f"{self.where}: a condition must be a mapping, not {spec!r}")
        spec = dict(spec)
        basis = self.basis(spec.pop("basis", None), basis)
        uncertain = spec.pop("uncertain", None)
        if len(spec) != 1:
            raise RuleFileError(f"{self.where}: one predicate per condition, got {sorted(spec)}")
        (key, args), = spec.items()
        built = self.build(key, args, basis)
        if uncertain:
            if uncertain not in ("content", "existence"):
                raise RuleFileError(f"{self.where}: uncertain must be content or existence")
            built = Uncertain(built, uncertain, parent_neutral)
        return built

    def build(self, key: str, args, basis: Basis):
        if key == "all_of":
            return AllOf([self.node(child, basis, True) for child in args])
        if key == "any_of":
            return AnyOf([self.node(child, basis, False) for child in args])
        if key == "not":
            if not (isinstance(args, dict) and set(args) == {"fact"}):
                raise RuleFileError(f"{self.where}: `not` applies to a fact only")
            self.all_facts.add(args["fact"])
            return Leaf(Fact(args["fact"], negate=True), basis)
        if key == "fact":
            fact = Fact(args)
            self.all_facts.add(args)
            self.facts.extend(fact.facts)
            return Leaf(fact, basis)
        if key == "satisfies":
            self.satisfies.append(args)
            return Satisfies(args)
        if key == "delegated":
            return Delegated(args["topic"], basis)
        if key == "window":
            return self.window(args, basis)
        if key not in PREDICATES:
            raise RuleFileError(f"{self.where}: unknown predicate {key!r}")
        try:
            return Leaf(PREDICATES[key](args), basis)
        except (KeyError, TypeError, ValueError) as error:
            raise RuleFileError(f"{self.where}: {key}: {error!r}") from error

    def window(self, args: dict, basis: Basis) -> Window:
        every = self.node(args["every_year"], basis) if args.get("every_year") else None
        require = AllOf([self.node(child, basis) for child in args["require"]]) \
            if args.get("require") else None
        return Window(args.get("after", "P"), YearExpr(args.get("to"), "T"),
                      int(args["min_years"]), every, require, basis)


def _date(value) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))
