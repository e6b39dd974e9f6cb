"""Load the curated demo (thidua/demo/data.py) through the app services, in one transaction."""

import dataclasses
import datetime
import zlib
from collections import Counter

from django.contrib.auth.hashers import make_password
from django.db import transaction

from thidua.accounts import services as account_services
from thidua.accounts.models import User
from thidua.awards import services as award_services
from thidua.awards.choices import Source
from thidua.awards.models import Award, AwardType, Decision
from thidua.demo import councils as demo_councils
from thidua.demo import data
from thidua.demo import proposals as demo_proposals
from thidua.movements import services as movement_services
from thidua.movements.models import Cluster
from thidua.organisations import services as unit_services
from thidua.organisations.choices import LineageKind
from thidua.organisations.models import Unit
from thidua.people import services as people_services
from thidua.people.models import Person
from thidua.people.validators import make_personal_id

TITLE_CODES = {"L": ("ldtt",), "C": ("ldtt", "cstd_co_so"), "T": ("ttldtt",)}
PROVINCE_CODE = "060"  # Bình Thuận, first digits of the personal ID
ID_SERIAL_START = 240_000


@dataclasses.dataclass
class DemoSummary:
    """How many records the demo loader wrote."""

    units: int = 0
    lineage_events: int = 0
    clusters: int = 0
    cluster_years: int = 0
    cluster_members: int = 0
    handovers: int = 0
    people: int = 0
    positions: int = 0
    ratings: int = 0
    disciplines: int = 0
    initiatives: int = 0
    decisions: int = 0
    awards: int = 0
    revocations: int = 0
    collective_ratings: int = 0
    accounts: int = 0


class DemoConflict(Exception):
    """The database already holds records the demo would create (codes, usernames)."""

    def __init__(self, existing: list[str]):
        super().__init__(", ".join(existing))
        self.existing = existing


def conflicts() -> list[str]:
    """Unit and cluster codes and usernames of the demo that already exist in the database."""
    units = Unit.objects.filter(code__in=[spec.code for spec in data.UNITS])
    clusters = Cluster.objects.filter(code__in=[spec.code for spec in data.CLUSTERS])
    users = User.objects.filter(username__in=[spec.username for spec in data.ACCOUNTS])
    return [*sorted(units.values_list("code", flat=True)),
            *sorted(clusters.values_list("code", flat=True)),
            *sorted(users.values_list("username", flat=True))]


def load_demo(*, by=None) -> DemoSummary:
    """Write the whole demo, or nothing: raises DemoConflict if any of it already exists."""
    with transaction.atomic():
        existing = conflicts()
        if existing:
            raise DemoConflict(existing)
        return _Loader(by).run()


def demo_accounts() -> list[User]:
    """The demo accounts present in the database, in the order of data.ACCOUNTS."""
    order = [spec.username for spec in data.ACCOUNTS]
    users = User.objects.filter(username__in=order).select_related("unit")
    return sorted(users, key=lambda user: order.index(user.username))


class _Loader:
    def __init__(self, by):
        self.by = by
        self.count: Counter[str] = Counter()
        self.units: dict[str, Unit] = {}
        self.decisions: dict[object, Decision] = {}
        self.taken: set[tuple[str, datetime.date]] = set()
        self.types = {t.code: t for t in AwardType.objects.all()}

    def run(self) -> DemoSummary:
        for spec in data.UNITS:
            self._unit(spec)
        for spec in data.LINEAGE:
            self._lineage(spec)
        for spec in data.CLUSTERS:
            self._cluster(spec)
        for key, spec in data.DECISIONS.items():
            self._decision(key, spec)
        for index, spec in enumerate(data.PEOPLE):
            self._person(index, spec)
        for spec in data.COLLECTIVES:
            self._collective(spec)
        for code, grant in data.COLLECTIVE_GRANTS:
            self._grant(grant, collective=self.units[code])
        self._accounts()
        demo_proposals.load_proposals(by=self.by, units=self.units)
        demo_councils.load_council(by=self.by, units=self.units)
        return DemoSummary(**self.count)

    # Units and their history.

    def _unit(self, spec: data.UnitSpec) -> None:
        self.units[spec.code] = unit_services.create_unit(
            by=self.by, code=spec.code, name=spec.name, kind=spec.kind,
            parent=self.units.get(spec.parent), valid_from=spec.valid_from,
            short_name=spec.short_name)
        self.count["units"] += 1

    def _lineage(self, spec: data.LineageSpec) -> None:
        predecessors = [self.units[code] for code in spec.predecessors]
        unit_services.record_lineage(
            by=self.by, kind=spec.kind, date=data.REORG, predecessors=predecessors,
            successors=[self.units[code] for code in spec.successors], basis=spec.basis,
            note=spec.note)
        if spec.kind == LineageKind.TRANSFER:
            # The service keeps a transferred unit open; here the successor is a new record
            # under the new parent, so the old record ends.
            for unit in predecessors:
                unit_services.close_unit(by=self.by, unit=unit, on=data.REORG)
        self.count["lineage_events"] += 1

    # Clusters.

    def _cluster(self, spec: data.ClusterSpec) -> None:
        cluster = movement_services.create_cluster(
            by=self.by, code=spec.code, name=spec.name, organiser=self.units["bt"],
            managing_council=data.COUNCIL, note=spec.note,
            valid_to=datetime.date(max(year for year, *_ in spec.years), 12, 31))
        members = [self.units[code] for code in spec.members]
        chairs = {}
        for year, chair, vice_chair, covenant in spec.years:
            movement_services.set_cluster_year(
                by=self.by, cluster=cluster, year=year, members=members,
                chair=self.units[chair], vice_chair=self.units[vice_chair],
                covenant_signed_on=covenant)
            chairs[year] = self.units[chair]
        for year, day in spec.handovers:
            movement_services.hand_over_chair(
                by=self.by, cluster=cluster, for_year=year, date=day, from_unit=chairs[year - 1],
                to_unit=chairs[year], note=f"Bàn giao tại hội nghị tổng kết năm {year - 1} của cụm")
        self.count.update(clusters=1, cluster_years=len(spec.years),
                          cluster_members=len(spec.years) * len(members),
                          handovers=len(spec.handovers))

    # Decisions.

    def _decision(self, key: object, spec: data.DecisionSpec) -> Decision:
        issuer = self.units.get(spec.issuer) if spec.issuer else None
        decision = award_services.create_decision(
            by=self.by, number=spec.number, date=spec.date, issuer=issuer,
            issuer_name=spec.issuer_name or issuer.name, decided_by=spec.decided_by,
            signer_title=spec.signer_title, legal_basis=data.legal_basis_on(spec.date),
            period=spec.period, period_start_year=spec.period_start_year,
            period_end_year=spec.period_end_year, source=Source.DEMO)
        self.decisions[key] = decision
        self.taken.add((spec.number, spec.date))
        self.count["decisions"] += 1
        return decision

    def _yearly_decision(self, unit: Unit, year: int) -> Decision:
        """The decision of the body awarding `unit` its yearly titles for `year`."""
        body = _body_of(unit)
        key = ("yearly", body.code, year)
        if key not in self.decisions:
            decided_by, signer, suffix = _body_terms(body)
            number, day = self._yearly_number(body.code, year, suffix)
            self._decision(key, data.DecisionSpec(
                number, day, body.code, decided_by, signer, period=f"Năm {year}",
                period_start_year=year, period_end_year=year))
        return self.decisions[key]

    def _yearly_number(self, code: str, year: int, suffix: str) -> tuple[str, datetime.date]:
        """A plausible number and a working day in January of the next year, stable per body."""
        seed = zlib.crc32(f"{code}:{year}".encode())
        day = datetime.date(year + 1, 1, 8 + seed % 16)
        while day.weekday() >= 5:
            day += datetime.timedelta(days=1)
        number = 5 + (seed >> 8) % 120
        while (f"{number}/{suffix}", day) in self.taken:
            number += 1
        return f"{number}/{suffix}", day

    # People.

    def _person(self, index: int, spec: data.PersonSpec) -> None:
        personal_id = make_personal_id(PROVINCE_CODE, spec.gender, spec.born.year,
                                       ID_SERIAL_START + 1373 * (index + 1)) if spec.has_id else ""
        person = people_services.create_person(
            by=self.by, full_name=spec.name, birth_date=spec.born, gender=spec.gender,
            personal_id=personal_id, ethnicity=spec.ethnicity, group=spec.group,
            unit=self.units[spec.unit], title=spec.title)
        self.count["people"] += 1
        for post in spec.posts:
            people_services.add_position(
                by=self.by, person=person, unit=self.units[post.unit], title=post.title,
                start=post.start, end=post.end, post_group=post.post_group,
                is_leader=post.leader, is_direct_worker=post.direct)
        self.count["positions"] += len(spec.posts)
        self._history(person, spec)

    def _history(self, person: Person, spec: data.PersonSpec) -> None:
        for year, level in data.by_year(spec.ratings).items():
            people_services.record_rating(by=self.by, person=person, year=year, level=level)
            self.count["ratings"] += 1
        for penalty in spec.penalties:
            people_services.record_discipline(
                by=self.by, person=person, level=penalty.level, start=penalty.start,
                end=penalty.end, decision=penalty.decision, reason=penalty.reason)
            self.count["disciplines"] += 1
        for idea in spec.ideas:
            award_services.record_initiative(
                by=self.by, person=person, title=idea.title, year=idea.year, scope=idea.scope,
                recognised_by=idea.recognised_by, recognising_body=self.units[idea.body],
                decision_number=idea.number, decision_date=idea.date)
            self.count["initiatives"] += 1
        awards = self._yearly_titles(person, spec)
        for grant in spec.grants:
            decision = self.decisions[grant.decision]
            unit = self._unit_on(spec, decision.date)
            awards[grant.code, grant.year] = self._grant(grant, person=person, unit=unit)
        for revoke in spec.revoked:
            award_services.revoke_award(
                by=self.by, award=awards[revoke.code, revoke.year],
                decision=self.decisions[revoke.decision], reason=revoke.reason,
                basis=revoke.basis)
            self.count["revocations"] += 1

    def _yearly_titles(self, person: Person, spec: data.PersonSpec) -> dict:
        awards = {}
        for year, letter in data.by_year(spec.titles).items():
            unit = self._unit_on(spec, datetime.date(year, 12, 31))
            decision = self._yearly_decision(unit, year)
            for code in TITLE_CODES[letter]:
                awards[code, year] = self._award(code, decision, year, person=person, unit=unit)
        return awards

    def _unit_on(self, spec: data.PersonSpec, day: datetime.date) -> Unit:
        """The unit of the post held on `day`, else of the last post begun before it."""
        begun = [post for post in spec.posts if post.start <= day] or list(spec.posts[:1])
        held = [post for post in begun if post.end is None or day <= post.end]
        return self.units[(held or begun)[-1].unit]

    # Awards.

    def _grant(self, grant: data.Grant, **awardee) -> Award:
        return self._award(grant.code, self.decisions[grant.decision], grant.year,
                           kind=grant.kind, summary=grant.summary, **awardee)

    def _award(self, code: str, decision: Decision, year: int | None, **fields) -> Award:
        self.count["awards"] += 1
        return award_services.record_award(by=self.by, award_type=self.types[code],
                                           decision=decision, year=year, source=Source.DEMO,
                                           **fields)

    def _collective(self, spec: data.CollectiveSpec) -> None:
        unit = self.units[spec.unit]
        for year, token in data.by_year(spec.ratings).items():
            level, _, members = token.partition("/")
            unit_services.record_collective_rating(
                by=self.by, unit=unit, year=year, level=level,
                member_count=int(members) if members else None)
            self.count["collective_ratings"] += 1
        for year, letter in data.by_year(spec.titles).items():
            decision = self._yearly_decision(unit.parent, year)
            for code in TITLE_CODES[letter]:
                self._award(code, decision, year, collective=unit)
        for grant in spec.grants:
            self._grant(grant, collective=unit)

    # Accounts.

    def _accounts(self) -> None:
        # Hashed once: every demo account has the same published password.
        password = make_password(data.DEMO_PASSWORD)
        for spec in data.ACCOUNTS:
            account_services.create_account(
                by=self.by, username=spec.username, full_name=spec.full_name, role=spec.role,
                unit=self.units.get(spec.unit), password_hash=password,
                is_superuser=spec.admin)
            self.count["accounts"] += 1


def _body_of(unit: Unit) -> Unit:
    """The nearest unit, `unit` itself or an ancestor, that decides yearly titles."""
    while unit.code not in data.BODY_OVERRIDES and unit.kind not in data.BODY_BY_KIND:
        unit = unit.parent
    return unit


def _body_terms(body: Unit) -> tuple[str, str, str]:
    return data.BODY_OVERRIDES.get(body.code) or data.BODY_BY_KIND[body.kind]
