"""What a predicate (predicates.py, award_predicates.py) is evaluated in: the environment of
one evaluation (`Env`, `YearExpr`) and, for the compiled closures of the fast path, a value known
in advance (`Fixed`) and the rows a batch must read (`Needs`)."""

import datetime
from dataclasses import dataclass, field

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
