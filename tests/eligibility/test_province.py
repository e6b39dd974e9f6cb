"""The province-wide check (eligibility.province): the same verdicts as the engine gives each
person through queries.facts_for_person, over a varied province, with a fixed number of
queries."""

import datetime
import random
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.factories import make_award, make_decision, make_person, make_unit
from thidua.awards import services as award_services
from thidua.eligibility.cases import CaseError, parse_case
from thidua.eligibility.engine import check_codes
from thidua.eligibility.province import check_people
from thidua.eligibility.rules import registry
from thidua.organisations.choices import UnitKind
from thidua.people import services as people_services
from thidua.people.models import Person

D = datetime.date
GROUPS = ("cbccvc_nld", "direct_worker", "armed_forces")
LEVELS = ("HTXS", "HTT", "HT", "KHT")
POSTS = ("vu_truong_tuong_duong", "pho_vu_truong_tuong_duong", "truong_phong_tuong_duong")


class Register:
    """Writes a history through the services, one decision per date."""

    def __init__(self) -> None:
        self.decisions: dict[datetime.date, object] = {}

    def decision(self, day: datetime.date):
        if day not in self.decisions:
            self.decisions[day] = make_decision(date=day)
        return self.decisions[day]

    def award(self, person, code: str, year: int | None, kind: str = "cong_trang",
              decided: datetime.date | None = None, revoked: bool = False):
        award = make_award(code, person=person, year=year, kind=kind,
                           decision=self.decision(decided or D(year, 12, 20)))
        if revoked:
            award_services.revoke_award(by=None, award=award, reason="Kê khai không đúng",
                                        decision=self.decision(D(2026, 3, 2)))
        return award


def random_history(rng: random.Random, register: Register, person, group: str) -> None:
    """Ratings 2012–2026 and the awards they would bring, with chains, thematic and one-off
    awards, awards without a year, revoked ones, initiatives, discipline and posts."""
    title = {"cbccvc_nld": "ldtt", "direct_worker": "ldtt", "armed_forces": "cstt"}[group]
    for year in range(2012, 2027):
        if rng.random() < 0.1:
            continue
        level = rng.choices(LEVELS, (35, 45, 15, 5))[0]
        people_services.record_rating(by=None, person=person, year=year, level=level)
        if level in ("HTXS", "HTT") and rng.random() < 0.8:
            register.award(person, title, year)
        if level == "HTXS" and rng.random() < 0.75:
            register.award(person, "cstd_co_so", year,
                           kind=rng.choice(("cong_trang", "cong_trang", "chuyen_de")))
        if rng.random() < 0.15:
            register.award(person, "giay_khen", year, kind=rng.choice(("dot_xuat", "chuyen_de")))
    chain = rng.randint(2012, 2020)
    for code, kinds in (("bk_bo_tinh_individual", ("cong_trang", "cong_trang", "dot_xuat")),
                        ("bk_ttg_individual", ("cong_trang",)),
                        ("hcld_3_individual", ("cong_trang", "cong_hien")),
                        ("hcld_2_individual", ("cong_trang",))):
        if rng.random() < 0.45 or chain > 2026:
            break
        undated = rng.random() < 0.2  # anchored by its decision date (G10)
        register.award(person, code, None if undated else chain, kind=rng.choice(kinds),
                       decided=D(chain + 1, 3, 15) if undated else None,
                       revoked=rng.random() < 0.1)
        chain += rng.randint(4, 7)
    if rng.random() < 0.3:
        register.award(person, "cstd_bo_tinh", rng.randint(2018, 2025))
    for _ in range(rng.randint(0, 3)):
        award_services.record_initiative(by=None, person=person, title="Sáng kiến thử",
                                         year=rng.randint(2016, 2026),
                                         scope=rng.choice(("co_so", "bo_tinh", "toan_quoc")))
    if rng.random() < 0.2:
        start = D(rng.randint(2016, 2025), rng.randint(1, 12), 1)
        end = None if rng.random() < 0.3 else start + datetime.timedelta(days=rng.randint(30, 400))
        people_services.record_discipline(by=None, person=person, level=rng.choice(
            ("khien_trach", "canh_cao")), start=start, end=end)
    if rng.random() < 0.4:
        people_services.add_position(by=None, person=person, unit=person.unit or register.home,
                                     title="Lãnh đạo", start=D(rng.randint(2005, 2020), 1, 1),
                                     post_group=rng.choice(POSTS))


def chains(register: Register, unit) -> list[Person]:
    """People who qualify for something (CSTĐ bộ/tỉnh, BK TTg, HCLĐ3 on both paths, LĐTT)
    or do not only because their prior award was revoked."""
    made = []
    fighter = make_person("Chiến Sĩ Tỉnh", unit, gender="female")
    for year in (2023, 2024, 2025):
        people_services.record_rating(by=None, person=fighter, year=year, level="HTXS")
        register.award(fighter, "cstd_co_so", year)
    award_services.record_initiative(by=None, person=fighter, title="Số hóa", year=2024,
                                     scope="bo_tinh")
    made.append(fighter)
    certificate = make_person("Bằng Khen Thủ Tướng", unit)
    register.award(certificate, "bk_bo_tinh_individual", 2019)
    for year in range(2020, 2026):
        people_services.record_rating(by=None, person=certificate, year=year, level="HTT")
    for year in (2021, 2022, 2024):
        register.award(certificate, "cstd_co_so", year)
    made.append(certificate)
    order = make_person("Huân Chương Ba", unit, gender="female")
    register.award(order, "bk_ttg_individual", 2019)
    for year in range(2020, 2026):
        people_services.record_rating(by=None, person=order, year=year,
                                      level="HTXS" if year == 2023 else "HTT")
    for year in (2020, 2022, 2023):
        register.award(order, "cstd_co_so", year)
    people_services.add_position(by=None, person=order, unit=unit, title="Vụ trưởng",
                                 start=D(2017, 1, 1), post_group="vu_truong_tuong_duong")
    made.append(order)
    worker = make_person("Lao Động Mới", unit, group="direct_worker")
    people_services.record_rating(by=None, person=worker, year=2025, level="HTT")
    made.append(worker)
    # The BK TTg path on a revoked BK: no prior award.
    revoked = make_person("Khen Bị Hủy", unit)
    register.award(revoked, "bk_bo_tinh_individual", 2019, decided=D(2020, 2, 10),
                   revoked=True)
    for year in range(2021, 2026):
        people_services.record_rating(by=None, person=revoked, year=year, level="HTT")
    for year in (2021, 2022, 2024):
        register.award(revoked, "cstd_co_so", year)
    # A BK whose decision gives no year: anchored at 2021 (G10), too late for 2025.
    undated = make_person("Khen Không Năm", unit)
    register.award(undated, "bk_bo_tinh_individual", None, decided=D(2021, 3, 1))
    for year in range(2016, 2026):
        people_services.record_rating(by=None, person=undated, year=year, level="HTT")
    for year in (2018, 2019, 2022):
        register.award(undated, "cstd_co_so", year)
    return [*made, revoked, undated]


def drawn(tree, count: int) -> list[Person]:
    """`count` people drawn at random (every group, both genders, units of two provinces —
    Bắc Ninh has an overlay — and none), and four who qualify, in each province."""
    bac_ninh = make_unit("Tỉnh Bắc Ninh", UnitKind.PROVINCE, code="bac-ninh")
    department = make_unit("Sở Nội vụ tỉnh Bắc Ninh", UnitKind.DEPARTMENT, bac_ninh,
                           code="bn-so-noi-vu")
    units = [tree.phu_quy, tree.tam_thanh, tree.special_zone, tree.phan_thiet, department, None]
    register = Register()
    register.home = tree.home_affairs
    rng = random.Random(2025)
    people = []
    for index in range(count):
        group = GROUPS[index % 3]
        person = make_person(f"Người Thử {index}", units[index % len(units)], group=group,
                             gender=("female", "male", "")[index % 3 if index % 5 else 0])
        random_history(rng, register, person, group)
        people.append(person)
    return people + chains(register, department) + chains(register, tree.phu_quy)


@pytest.fixture
def province(tree) -> list[Person]:
    return drawn(tree, 24)


@pytest.fixture
def few(tree) -> list[Person]:
    return drawn(tree, 4)


def engine_verdicts(people, year: int, codes: list[str] | None = None, **options) -> dict:
    """(person id, code) → verdict of the engine with reasons, one person at a time."""
    rules, found = registry(), {}
    for person in people:
        case = parse_case(facts_for_person(person, year, **options))
        wanted = codes or [family for family in rules.families
                           if rules.open_paths(family, case.subject)]
        for code, answer in zip(wanted, check_codes(case, wanted, explain=True), strict=True):
            found[(person.pk, code)] = answer["verdict"]
    return found


def facts_for_person(person, year, **options):
    from thidua.eligibility.queries import facts_for_person as read

    return read(Person.objects.select_related("unit").get(pk=person.pk), year, "ldtt",
                **options)


OPTIONS = [
    {"year": 2025},
    {"year": 2024},
    {"year": 2026},
    {"year": 2025, "facts": {"retiring_or_leaving_leadership_post": True,
                             "outstanding_among_peers": False,
                             "research_accepted_in_year": True}},
    {"year": 2025, "facts": {"registered_for_emulation": False,
                             "higher_statutory_retirement_age": True,
                             "retiring_or_leaving_leadership_post": True}},
    {"year": 2025, "facts": {"investigation_open": True}},
    {"year": 2025, "decided_by": "commune_chair"},
    {"year": 2025, "decided_by": "provincial_chair", "council": {"total": 10, "yes": 8, "no": 2}},
    {"year": 2025, "decision_date": D(2026, 10, 20), "received_date": D(2026, 9, 1)},
    {"year": 2025, "decision_date": D(2026, 10, 20), "received_date": D(2026, 10, 5)},
    {"year": 2025, "decision_date": D(2025, 6, 30), "decided_by": "district_chair"},
    {"year": 2023},
    {"year": 2025, "codes": ["ldtt", "cstd_bo_tinh", "ttldtt", "hc_sao_vang", "bk_ttg_worker",
                             "hcld_3_cong_hien"]},
]


def test_the_batch_gives_the_engines_verdicts(province):
    seen = Counter()
    for options in OPTIONS:
        options = dict(options)
        year, codes = options.pop("year"), options.pop("codes", None)
        result = check_people(year, codes=codes, **options)
        got = {(person_id, code): verdict for person_id, code, verdict in result.rows()}
        assert got == engine_verdicts(province, year, codes, **options), options
        assert result.people == len(province)
        assert {code: dict(counts) for code, counts in result.counts.items()} == {
            code: dict(Counter(v for (_pk, c), v in got.items() if c == code))
            for code in {c for _pk, c in got}}
        seen.update(got.values())
    assert set(seen) == {"ELIGIBLE", "INELIGIBLE", "DEFERRED", "NEEDS_HUMAN_REVIEW",
                         "INVALID_AUTHORITY"}


def test_a_batch_of_some_people(few):
    chosen = Person.objects.filter(pk__in=[person.pk for person in few[::2]])
    result = check_people(2025, people=chosen, keep_rows=True)
    got = {(person_id, code): verdict for person_id, code, verdict in result.rows()}
    assert got == engine_verdicts(chosen, 2025)
    assert [person_id for person_id, _codes, _verdicts in result.verdicts] == sorted(
        chosen.values_list("pk", flat=True))


def test_without_rows_the_counts_remain(few):
    kept, counted = check_people(2025), check_people(2025, keep_rows=False)
    assert counted.verdicts == []
    assert counted.counts == kept.counts
    assert counted.total() == Counter(verdict for _pk, _code, verdict in kept.rows())


def test_the_number_of_queries_does_not_grow_with_the_people(few):
    def queries(people) -> int:
        with CaptureQueriesContext(connection) as captured:
            check_people(2025, people=Person.objects.filter(pk__in=[p.pk for p in people]),
                         facts={"retiring_or_leaving_leadership_post": True})
        return len(captured)

    assert queries(few[:2]) == queries(few)


@pytest.mark.parametrize(("options", "message"), [
    ({"codes": ["ldtt", "cstd_xyz"]}, "codes[1]: mã không xác định 'cstd_xyz'"),
    ({"facts": {"no_such_fact": True}}, "facts.no_such_fact: dữ kiện không xác định "
                                        "'no_such_fact'"),
    ({"decided_by": "king"}, "propose.decided_by: 'king' không thuộc unit_head, "),
])
def test_bad_options_name_the_field(db, options, message):
    with translation.override("vi"), pytest.raises(CaseError) as raised:
        check_people(2025, **options)
    assert str(raised.value).startswith(message)
