"""Reads: the case of contracts §2 for a person or a collective, built from the database, so
that the command line's JSON and the register go through the same engine (engine.check)."""

import datetime

from django.db.models import Q

from thidua.awards.choices import NOT_A_BASE
from thidua.awards.models import Award, Initiative
from thidua.awards.queries import in_force
from thidua.organisations.choices import LineageKind, UnitKind
from thidua.organisations.models import CollectiveRating, Unit
from thidua.people.choices import RATING_RANK, DisciplineLevel
from thidua.people.models import Discipline, Person, Position, Rating

LDTT_CODES = ("ldtt", "cstt", "cstd_co_so")  # LĐTT count includes CSTT and CSTĐCS holders
DISCIPLINE_ORDER = {level: rank for rank, level in enumerate(DisciplineLevel.values)}


def facts_for_person(person: Person, year: int, propose_code: str, *,
                     decision_date: datetime.date | None = None,
                     received_date: datetime.date | None = None, decided_by: str = "",
                     facts: dict | None = None, council: dict | None = None) -> dict:
    """The person's case for a proposal of `propose_code` for `year`: ratings, awards in force
    (revoked ones left out), initiatives, discipline and leadership posts up to that year."""
    case = {
        "subject": {"kind": "individual", "group": person.group, "gender": person.gender,
                    "name": person.full_name},
        "ratings": {str(r.year): r.level
                    for r in Rating.objects.filter(person=person, year__lte=year).order_by("year")},
        "awards": awards(Award.objects.filter(person=person), year),
        "initiatives": [
            {"year": i.year, "scope": i.scope, **({"recognised_by": i.recognised_by}
                                                  if i.recognised_by else {})}
            for i in Initiative.objects.filter(person=person, year__lte=year).order_by("year", "id")],
        "discipline": [period(d.level, d.start, d.end, "level")
                       for d in Discipline.objects.filter(person=person).order_by("start", "id")
                       if d.start.year <= year],
        "positions": [period(p.post_group, p.start, p.end, "post_group")
                      for p in Position.objects.filter(person=person).exclude(post_group="")
                      .order_by("start", "id") if p.start.year <= year],
    }
    return finish(case, person.unit, year, propose_code, decision_date, received_date,
                  decided_by, facts, council)


def facts_for_collective(unit: Unit, year: int, propose_code: str, *,
                         decision_date: datetime.date | None = None,
                         received_date: datetime.date | None = None, decided_by: str = "",
                         facts: dict | None = None, council: dict | None = None) -> dict:
    """The collective's case: its own ratings and awards (with those of the names it had
    before a rename), and the counts over its members in `year`."""
    ids = renamed_from(unit)
    kind = "enterprise" if unit.kind == UnitKind.ENTERPRISE else "collective"
    counts = member_counts(unit, year)
    case = {
        "subject": {"kind": kind, "name": unit.name},
        "ratings": {str(r.year): r.level for r in CollectiveRating.objects.filter(
            unit_id__in=ids, year__lte=year).order_by("year", "unit_id")},
        "awards": awards(Award.objects.filter(collective_id__in=ids), year),
        "members": {str(year): counts} if counts else {},
    }
    return finish(case, unit, year, propose_code, decision_date, received_date, decided_by,
                  facts, council)


def finish(case: dict, unit: Unit | None, year: int, code: str, decision_date, received_date,
           decided_by: str, facts: dict | None, council: dict | None) -> dict:
    propose = {"code": code, "year": year}
    if decision_date:
        propose["decision_date"] = decision_date.isoformat()
    if received_date:
        propose["received_date"] = received_date.isoformat()
    if decided_by:
        propose["decided_by"] = decided_by
    province = province_of(unit)
    if province:
        propose["province"] = province
    case["facts"] = dict(facts or {})
    if council:
        case["council"] = dict(council)
    case["propose"] = propose
    return case


def awards(queryset, year: int) -> list[dict]:
    """Awards in force up to `year`, in the case format (kind always given, G10 date kept)."""
    rows = (in_force(queryset).filter(Q(year__lte=year) | Q(year__isnull=True, decision__date__year__lte=year))
            .order_by("year", "decision__date", "id")
            .values_list("award_type__code", "year", "kind", "decision__date"))
    found = []
    for code, award_year, kind, decided in rows:
        item = {"code": code}
        if award_year is not None:
            item["year"] = award_year
        item["kind"] = kind
        item["decision_date"] = decided.isoformat()
        found.append(item)
    return found


def period(value: str, start: datetime.date, end: datetime.date | None, key: str) -> dict:
    item = {key: value, "from": start.isoformat()}
    if end is not None:
        item["to"] = end.isoformat()
    return item


def province_of(unit: Unit | None) -> str:
    """The overlay key of the province a unit belongs to: the root unit's code."""
    if unit is None or not unit.path:
        return ""
    root_id = int(unit.path.strip("/").split("/")[0])
    code = unit.code if root_id == unit.pk else (
        Unit.objects.filter(pk=root_id).values_list("code", flat=True).first() or "")
    return code.lower().replace("-", "_")


def renamed_from(unit: Unit) -> set[int]:
    """The unit with the units it was renamed from (a rename keeps the same collective; a merge
    or split makes a new one, whose record starts afresh)."""
    ids, frontier = {unit.pk}, {unit.pk}
    while frontier:
        found = set(Unit.objects.filter(
            lineage_as_predecessor__kind=LineageKind.RENAME,
            lineage_as_predecessor__successors__in=frontier).values_list("pk", flat=True))
        frontier = found - ids
        ids |= frontier
    return ids


def member_ids(unit: Unit, year: int) -> set[int]:
    """People who held a post in the unit during `year`; people without any recorded post
    count where their current unit is."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    posted = Position.objects.filter(unit=unit, start__lte=end).filter(
        Q(end__isnull=True) | Q(end__gte=start)).values_list("person_id", flat=True)
    unposted = Person.objects.filter(unit=unit, positions__isnull=True).values_list("pk", flat=True)
    return set(posted) | set(unposted)


def member_counts(unit: Unit, year: int) -> dict:
    """Counts over the members in `year` (contracts §2); empty when no member is recorded."""
    members = member_ids(unit, year)
    if not members:
        return {}
    good = [level for level, rank in RATING_RANK.items() if rank >= RATING_RANK["HT"]]
    rated = Rating.objects.filter(person_id__in=members, year=year, level__in=good).count()
    held = holders(members, year)
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    heaviest: dict[int, str] = {}
    for person_id, level in Discipline.objects.filter(person_id__in=members, start__lte=end).filter(
            Q(end__isnull=True) | Q(end__gte=start)).values_list("person_id", "level"):
        if DISCIPLINE_ORDER[level] >= DISCIPLINE_ORDER.get(heaviest.get(person_id), -1):
            heaviest[person_id] = level
    return {"total": len(members), "rated_ht_or_better": rated,
            "ldtt": len(held["ldtt"]), "cstd_co_so": len(held["cstd_co_so"]),
            "disciplined": [{"level": heaviest[pid]} for pid in sorted(heaviest)]}


def holders(members: set[int], year: int) -> dict[str, set[int]]:
    rows = (in_force(Award.objects.filter(person_id__in=members, year=year,
                                          award_type__code__in=LDTT_CODES))
            .exclude(kind__in=list(NOT_A_BASE)).values_list("person_id", "award_type__code"))
    held = {"ldtt": set(), "cstd_co_so": set()}
    for person_id, code in rows:
        held["ldtt"].add(person_id)
        if code == "cstd_co_so":
            held["cstd_co_so"].add(person_id)
    return held
