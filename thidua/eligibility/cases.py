"""The only gate for a case (contracts §2): JSON in, a facts.Case out, or a CaseError whose text
names the offending field — `awards[1].code: …` for one case, `cases[3].awards[1].code: …`
inside an array."""

import datetime
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from thidua.eligibility import choices
from thidua.eligibility.facts import (
    AwardFact,
    Case,
    Council,
    DisciplineFact,
    InitiativeFact,
    Members,
    PositionFact,
    Proposal,
    Subject,
)
from thidua.eligibility.rules import registry

MIN_YEAR, MAX_YEAR = 1945, 2100


class CaseError(ValueError):
    """Input that cannot be read; str() is `path: message` (contracts §2). Short messages
    about a field carry the context "case field": other apps use the same English words with
    other Vietnamese, and the first catalogue would win."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path, self.message = path, message


def parse_payload(data: Any) -> Case | list[Case]:
    """One case (an object) or an array of cases, each checked with its own path prefix."""
    if isinstance(data, list):
        return [parse_case(item, prefix=f"cases[{index}]") for index, item in enumerate(data)]
    return parse_case(data)


def parse_case(data: Any, prefix: str = "") -> Case:
    return _Reader(prefix).case(data)


class _Reader:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.rules = registry()

    # -- paths and errors
    def path(self, *parts: object) -> str:
        text = self.prefix
        for part in parts:
            if isinstance(part, int):
                text += f"[{part}]"
            else:
                text += f".{part}" if text else str(part)
        return text

    def fail(self, parts: tuple, message: str) -> None:
        raise CaseError(self.path(*parts), message)

    # -- the case
    def case(self, data: Any) -> Case:
        data = self.mapping(data, ())
        propose = self.proposal(data.get("propose"))
        return Case(
            propose=propose,
            subject=self.subject(data.get("subject")),
            ratings=self.ratings(data.get("ratings"), propose.year),
            awards=tuple(self.each(data, "awards", lambda item, at: self.award(item, at, propose))),
            initiatives=tuple(self.each(data, "initiatives",
                                        lambda item, at: self.initiative(item, at, propose))),
            discipline=tuple(self.each(data, "discipline", self.discipline)),
            positions=tuple(self.each(data, "positions", self.position)),
            members=self.members(data.get("members"), propose.year),
            facts=self.facts(data.get("facts")),
            council=self.council(data.get("council")),
        )

    def each(self, data: dict, name: str, read: Callable) -> list:
        items = data.get(name)
        if items is None:
            return []
        if not isinstance(items, list):
            self.fail((name,), pgettext("case field", "must be a list"))
        return [read(self.mapping(item, (name, i)), (name, i)) for i, item in enumerate(items)]

    def proposal(self, data: Any) -> Proposal:
        at = ("propose",)
        if data is None:
            self.fail(at, pgettext("case field", "is required"))
        data = self.mapping(data, at)
        code = self.code(self.required(data, "code", at), (*at, "code"))
        year = self.year(self.required(data, "year", at), (*at, "year"))
        decision_date = self.date(data.get("decision_date"), (*at, "decision_date"))
        if decision_date is None:
            decision_date = datetime.date(year, 12, 31)
        elif decision_date.year < year:
            self.fail((*at, "decision_date"), _("%(date)s is before the proposal year %(year)s")
                      % {"date": decision_date.isoformat(), "year": year})
        decided_by = data.get("decided_by") or ""
        if decided_by:
            self.enum(decided_by, (*at, "decided_by"), choices.AUTHORITIES)
        province = data.get("province") or ""
        if not isinstance(province, str):
            self.fail((*at, "province"), pgettext("case field", "must be text"))
        return Proposal(code=code, year=year, decision_date=decision_date,
                        received_date=self.date(data.get("received_date"), (*at, "received_date")),
                        decided_by=decided_by, province=province.strip().lower().replace("-", "_"))

    def subject(self, data: Any) -> Subject:
        if data is None:
            return Subject()
        at = ("subject",)
        data = self.mapping(data, at)
        kind = data.get("kind") or "individual"
        group = data.get("group") or "cbccvc_nld"
        gender = data.get("gender") or ""
        name = data.get("name") or ""
        self.enum(kind, (*at, "kind"), choices.SUBJECT_KINDS)
        self.enum(group, (*at, "group"), choices.PERSON_GROUPS)
        if gender:
            self.enum(gender, (*at, "gender"), choices.GENDERS)
        if not isinstance(name, str):
            self.fail((*at, "name"), pgettext("case field", "must be text"))
        return Subject(kind=kind, group=group, gender=gender, name=name)

    def ratings(self, data: Any, proposal_year: int) -> dict[int, str]:
        if data is None:
            return {}
        data = self.mapping(data, ("ratings",))
        ratings = {}
        for key, level in data.items():
            year = self.year_key(key, ("ratings",), proposal_year)
            if level not in choices.RATINGS:
                self.fail(("ratings", str(key)), _("rating '%(value)s' is not one of %(allowed)s")
                          % {"value": level, "allowed": ", ".join(choices.RATINGS)})
            ratings[year] = level
        return ratings

    def award(self, data: dict, at: tuple, propose: Proposal) -> AwardFact:
        code = self.code(self.required(data, "code", at), (*at, "code"))
        year = data.get("year")
        if year is not None:
            year = self.year(year, (*at, "year"))
            self.not_future(year, (*at, "year"), propose.year)
        kind = data.get("kind") or self.rules.award_kind_of(code)
        self.enum(kind, (*at, "kind"), choices.KINDS)
        decision_date = self.date(data.get("decision_date"), (*at, "decision_date"))
        if year is None and decision_date is None:
            self.fail(at, _("needs a year or a decision_date"))
        if year is None:
            self.not_future(decision_date.year, (*at, "decision_date"), propose.year)
        return AwardFact(code=self.rules.award_code_of(code), year=year, kind=kind,
                         decision_date=decision_date)

    def initiative(self, data: dict, at: tuple, propose: Proposal) -> InitiativeFact:
        year = self.year(self.required(data, "year", at), (*at, "year"))
        self.not_future(year, (*at, "year"), propose.year)
        scope = self.required(data, "scope", at)
        self.enum(scope, (*at, "scope"), choices.SCOPES)
        recognised_by = data.get("recognised_by") or ""
        if recognised_by:
            self.enum(recognised_by, (*at, "recognised_by"), choices.AUTHORITIES)
        return InitiativeFact(year=year, scope=scope, recognised_by=recognised_by)

    def discipline(self, data: dict, at: tuple) -> DisciplineFact:
        level = self.required(data, "level", at)
        self.enum(level, (*at, "level"), choices.DISCIPLINE_LEVELS)
        start, end = self.period(data, at)
        return DisciplineFact(level=level, start=start, end=end)

    def position(self, data: dict, at: tuple) -> PositionFact:
        post_group = self.required(data, "post_group", at)
        self.enum(post_group, (*at, "post_group"), choices.POST_GROUPS)
        start, end = self.period(data, at)
        return PositionFact(post_group=post_group, start=start, end=end)

    def period(self, data: dict, at: tuple) -> tuple[datetime.date, datetime.date | None]:
        start = self.date(self.required(data, "from", at), (*at, "from"))
        end = self.date(data.get("to"), (*at, "to"))
        if end is not None and end < start:
            self.fail((*at, "to"), _("%(end)s is before the start date %(start)s")
                      % {"end": end.isoformat(), "start": start.isoformat()})
        return start, end

    def members(self, data: Any, proposal_year: int) -> dict[int, Members]:
        if data is None:
            return {}
        data = self.mapping(data, ("members",))
        return {self.year_key(key, ("members",), proposal_year):
                self.member_counts(self.mapping(value, ("members", str(key))), ("members", str(key)))
                for key, value in data.items()}

    def member_counts(self, data: dict, at: tuple) -> Members:
        counts = {name: self.count(data.get(name), (*at, name))
                  for name in ("total", "rated_ht_or_better", "ldtt", "cstd_co_so", "female")}
        disciplined = data.get("disciplined")
        if disciplined is not None:
            if not isinstance(disciplined, list):
                self.fail((*at, "disciplined"), pgettext("case field", "must be a list"))
            levels = []
            for i, item in enumerate(disciplined):
                item = self.mapping(item, (*at, "disciplined", i))
                level = self.required(item, "level", (*at, "disciplined", i))
                self.enum(level, (*at, "disciplined", i, "level"), choices.DISCIPLINE_LEVELS)
                levels.append(level)
            disciplined = tuple(levels)
        self.parts_within(counts, disciplined, at)
        return Members(disciplined=disciplined, **counts)

    def parts_within(self, counts: dict, disciplined: tuple | None, at: tuple) -> None:
        """A part never exceeds its whole: cstd_co_so ≤ ldtt ≤ total, rated ≤ total."""
        wholes = [("rated_ht_or_better", "total"), ("ldtt", "total"), ("cstd_co_so", "ldtt"),
                  ("cstd_co_so", "total"), ("female", "total")]
        for part, whole in wholes:
            if counts[part] is not None and counts[whole] is not None and counts[part] > counts[whole]:
                self.fail((*at, part), _("%(value)s is more than %(whole)s (%(limit)s)")
                          % {"value": counts[part], "whole": whole, "limit": counts[whole]})
        if disciplined is not None and counts["total"] is not None and len(disciplined) > counts["total"]:
            self.fail((*at, "disciplined"), _("%(value)s is more than %(whole)s (%(limit)s)")
                      % {"value": len(disciplined), "whole": "total", "limit": counts["total"]})

    def facts(self, data: Any) -> dict[str, bool]:
        if data is None:
            return {}
        data = self.mapping(data, ("facts",))
        for name, value in data.items():
            if name not in self.rules.known_facts:
                self.fail(("facts", name), _("unknown fact '%(name)s'") % {"name": name})
            if not isinstance(value, bool):
                self.fail(("facts", name), pgettext("case field", "must be true or false"))
        return dict(data)

    def council(self, data: Any) -> Council | None:
        if data is None:
            return None
        at = ("council",)
        data = self.mapping(data, at)
        total = self.count(self.required(data, "total", at), (*at, "total"))
        if total == 0:
            self.fail((*at, "total"), pgettext("case field", "must be at least %(limit)s") % {"limit": 1})
        votes = {name: self.count(self.required(data, name, at), (*at, name))
                 for name in ("yes", "no")}
        for name in ("abstain", "absent_without_written_opinion"):
            votes[name] = self.count(data.get(name), (*at, name)) or 0
        if sum(votes.values()) > total:
            self.fail((*at, "total"), _("yes, no, abstain and absent members (%(sum)s) are more "
                                        "than the total (%(total)s)")
                      % {"sum": sum(votes.values()), "total": total})
        return Council(total=total, **votes)

    # -- scalar readers
    def mapping(self, value: Any, at: tuple) -> dict:
        if not isinstance(value, dict):
            self.fail(at, pgettext("case field", "must be an object"))
        return value

    def required(self, data: dict, name: str, at: tuple) -> Any:
        if data.get(name) is None:
            self.fail((*at, name), pgettext("case field", "is required"))
        return data[name]

    def code(self, value: Any, at: tuple) -> str:
        if not isinstance(value, str) or value not in self.rules.known_codes:
            self.fail(at, _("unknown code '%(code)s'") % {"code": value})
        return value

    def enum(self, value: Any, at: tuple, allowed: tuple) -> None:
        if value not in allowed:
            self.fail(at, _("'%(value)s' is not one of %(allowed)s")
                      % {"value": value, "allowed": ", ".join(allowed)})

    def count(self, value: Any, at: tuple) -> int | None:
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(at, pgettext("case field", "must be a whole number"))
        if value < 0:
            self.fail(at, pgettext("case field", "must be at least %(limit)s") % {"limit": 0})
        return value

    def year(self, value: Any, at: tuple) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(at, _("must be a year (a whole number)"))
        if not MIN_YEAR <= value <= MAX_YEAR:
            self.fail(at, _("%(value)s is not a year between %(low)s and %(high)s")
                      % {"value": value, "low": MIN_YEAR, "high": MAX_YEAR})
        return value

    def year_key(self, key: Any, at: tuple, proposal_year: int) -> int:
        text = str(key)
        if not (text.isascii() and text.isdigit() and len(text) == 4):
            self.fail((*at, text), _("'%(value)s' is not a year") % {"value": text})
        year = self.year(int(text), (*at, text))
        self.not_future(year, (*at, text), proposal_year)
        return year

    def not_future(self, year: int, at: tuple, proposal_year: int) -> None:
        if year > proposal_year:
            self.fail(at, _("year %(year)s is after the proposal year %(proposal)s")
                      % {"year": year, "proposal": proposal_year})

    def date(self, value: Any, at: tuple) -> datetime.date | None:
        if value is None:
            return None
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.fail(at, _("'%(value)s' is not a date written YYYY-MM-DD") % {"value": value})
