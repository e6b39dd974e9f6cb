"""A case indexed once for the predicates: ratings by rank, base awards by code (G03 applied),
initiatives by year, and the first year that counts after discipline (G06)."""

import datetime
from functools import cached_property

from thidua.eligibility.choices import NOT_BASE_KINDS, RANK, SCOPE_RANK
from thidua.eligibility.facts import AwardFact, Case, DisciplineFact

NEVER = 10_000  # the clock of a discipline still in force: no year counts


class History:
    """Read-only view of one case. Awards of kind dot_xuat or chuyen_de are kept aside in
    `ignored`: no chain, prior award or count ever sees them (G03)."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.subject = case.subject
        self.ratings = {year: RANK[level] for year, level in case.ratings.items()}
        self.facts = case.facts
        self.members = case.members
        self.awards: dict[str, list[AwardFact]] = {}
        self.ignored: list[AwardFact] = []
        for award in case.awards:
            if award.kind in NOT_BASE_KINDS:
                self.ignored.append(award)
            else:
                self.awards.setdefault(award.code, []).append(award)
        self.initiatives = tuple(sorted((i.year, SCOPE_RANK[i.scope], i.recognised_by)
                                        for i in case.initiatives))
        self.clock, self.clock_source = discipline_clock(case.discipline)
        self._years: dict[tuple, frozenset[int]] = {}

    def years(self, codes: tuple[str, ...], kinds: tuple[str, ...]) -> frozenset[int]:
        """Anchor years (G10) of the base awards of `codes` and `kinds`, cached."""
        key = (codes, kinds)
        found = self._years.get(key)
        if found is None:
            found = frozenset(award.anchor_year for code in codes
                              for award in self.awards.get(code, ()) if award.kind in kinds)
            self._years[key] = found
        return found

    def latest(self, codes: tuple[str, ...], kinds: tuple[str, ...], before: int) -> AwardFact | None:
        """The base award of `codes`/`kinds` with the latest anchor year before `before`."""
        best = None
        for code in codes:
            for award in self.awards.get(code, ()):
                if award.kind in kinds and award.anchor_year < before and (
                        best is None or award.anchor_year > best.anchor_year):
                    best = award
        return best

    def counts(self, year: int) -> bool:
        """G06: a year counts only after every discipline period has ended."""
        return year >= self.clock

    def rating(self, year: int) -> int:
        return self.ratings.get(year, 0)

    @cached_property
    def last_member_total(self) -> int | None:
        known = [(year, m.total) for year, m in self.members.items() if m.total is not None]
        return max(known)[1] if known else None


def discipline_clock(periods: tuple[DisciplineFact, ...]) -> tuple[int, DisciplineFact | None]:
    """The first year that counts (G06) and the discipline that sets it. A period ending on
    31 December frees the next year; one ending earlier still spoils its own year."""
    clock, source = 0, None
    for period in periods:
        year = NEVER if period.end is None else period.end.year + 1
        if year > clock:
            clock, source = year, period
    return clock, source


def years_between(start: datetime.date, end: datetime.date) -> float:
    return (end - start).days / 365.25
