"""The facts snapshot of one case (contracts §2) as small frozen values. Built by cases.parse_case
from JSON, or from the database through queries.py; read by the engine, never by the ORM."""

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Subject:
    kind: str = "individual"
    group: str = "cbccvc_nld"
    gender: str = ""
    name: str = ""


@dataclass(frozen=True, slots=True)
class AwardFact:
    code: str
    year: int | None = None
    kind: str = "cong_trang"
    decision_date: datetime.date | None = None

    @property
    def anchor_year(self) -> int:
        """G10: the achievement year written in the decision, else the decision's year."""
        return self.year if self.year is not None else self.decision_date.year


@dataclass(frozen=True, slots=True)
class InitiativeFact:
    year: int
    scope: str
    recognised_by: str = ""


@dataclass(frozen=True, slots=True)
class DisciplineFact:
    level: str
    start: datetime.date
    end: datetime.date | None = None  # None: still in force


@dataclass(frozen=True, slots=True)
class PositionFact:
    post_group: str
    start: datetime.date
    end: datetime.date | None = None  # None: still held


@dataclass(frozen=True, slots=True)
class Members:
    """Counts over a collective's members in one year; None means unknown (not zero)."""

    total: int | None = None
    rated_ht_or_better: int | None = None
    ldtt: int | None = None
    cstd_co_so: int | None = None
    disciplined: tuple[str, ...] | None = None
    female: int | None = None  # women among the members (G08, list checks; an extension)


@dataclass(frozen=True, slots=True)
class Council:
    total: int
    yes: int
    no: int
    abstain: int = 0
    absent_without_written_opinion: int = 0


@dataclass(frozen=True, slots=True)
class Proposal:
    code: str
    year: int
    decision_date: datetime.date
    received_date: datetime.date | None = None
    decided_by: str = ""
    province: str = ""


@dataclass(frozen=True, slots=True)
class Case:
    propose: Proposal
    subject: Subject = Subject()
    ratings: dict[int, str] = field(default_factory=dict)
    awards: tuple[AwardFact, ...] = ()
    initiatives: tuple[InitiativeFact, ...] = ()
    discipline: tuple[DisciplineFact, ...] = ()
    positions: tuple[PositionFact, ...] = ()
    members: dict[int, Members] = field(default_factory=dict)
    facts: dict[str, bool] = field(default_factory=dict)
    council: Council | None = None
