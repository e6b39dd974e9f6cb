"""The batch facts builder gives, for many subjects at once and with a fixed number of queries,
exactly the cases that queries.facts_for_person and facts_for_collective give one by one."""

import datetime

import pytest
from django.db import connection

from tests.eligibility.screens import office, varied_people
from tests.factories import make_award, make_decision, make_person
from thidua.awards.models import Award
from thidua.eligibility import facts_batch
from thidua.eligibility.cases import CaseError, parse_case
from thidua.eligibility.queries import facts_for_collective, facts_for_person
from thidua.organisations.models import Unit
from thidua.people import services as people_services
from thidua.people.models import Person

D = datetime.date
OPTIONS = [
    {},
    {"decision_date": D(2025, 12, 20), "decided_by": "provincial_chair",
     "received_date": D(2025, 11, 30), "facts": {"outstanding_among_peers": True},
     "council": {"total": 15, "yes": 14, "no": 1}},
]


def by_nulls(items: list) -> list:
    """`items` (the undated one first) in the database's order: SQLite sorts NULL years
    first, PostgreSQL last; the batch and the one-by-one cases follow the database alike."""
    return items if connection.vendor == "sqlite" else [*items[1:], items[0]]


@pytest.fixture
def varied(tree, people):
    return varied_people(tree)


@pytest.fixture
def collectives(tree, people):
    return office(tree)


@pytest.mark.parametrize("year", [2023, 2024, 2025])
@pytest.mark.parametrize("options", OPTIONS)
def test_person_cases_equal_the_one_by_one_cases(varied, year, options):
    homeless = make_person("Đỗ Văn Lạc", None, birth_date=D(1999, 9, 9))
    people = Person.objects.all()
    batch = facts_batch.person_cases(people, year, "cstd_bo_tinh", **options)
    assert list(batch) == [person.pk for person in people]
    assert len(batch) == 8
    for person in people:
        assert batch[person.pk] == facts_for_person(person, year, "cstd_bo_tinh", **options), \
            person.full_name
    assert batch[homeless.pk]["propose"].get("province") is None
    assert batch[varied.soldier.pk]["propose"]["province"] == "lam_dong"
    assert batch[varied.an.pk]["propose"]["province"] == "binh_thuan"


def test_the_cases_read_every_part_of_the_record(varied):
    case = facts_batch.person_cases(Person.objects.filter(pk=varied.undated.pk), 2025, "ldtt")
    assert case[varied.undated.pk] == {
        "subject": {"kind": "individual", "group": "direct_worker", "gender": "male",
                    "name": "Trần Văn Ba"},
        "ratings": {"2024": "HT"},
        "awards": by_nulls([
            {"code": "giay_khen", "kind": "cong_trang", "decision_date": "2024-05-06"},
            {"code": "ldtt", "year": 2024, "kind": "cong_trang", "decision_date": "2024-12-01"},
        ]),
        "initiatives": [{"year": 2025, "scope": "co_so"}],
        "discipline": [{"level": "canh_cao", "from": "2025-02-01"}],
        "positions": [],
        "facts": {},
        "propose": {"code": "ldtt", "year": 2025, "province": "binh_thuan"},
    }


def test_person_cases_take_a_fixed_number_of_queries(varied, django_assert_num_queries):
    with django_assert_num_queries(7):
        assert len(facts_batch.person_cases(Person.objects.all(), 2025, "ldtt")) == 7
    with django_assert_num_queries(7):
        assert len(facts_batch.person_cases(Person.objects.filter(gender="female"), 2025,
                                            "ldtt")) == 4


@pytest.mark.parametrize("year", [2019, 2023, 2024, 2025])
@pytest.mark.parametrize("options", OPTIONS)
def test_collective_cases_equal_the_one_by_one_cases(tree, collectives, year, options):
    units = list(Unit.objects.all())
    batch = facts_batch.collective_cases(units, year, "ttldtt", **options)
    assert list(batch) == [unit.pk for unit in units]
    for unit in units:
        assert batch[unit.pk] == facts_for_collective(unit, year, "ttldtt", **options), unit.name


def test_a_renamed_office_counts_its_members_and_its_earlier_names(collectives):
    found = facts_batch.collectives([collectives.unit, collectives.empty], 2025, "ttldtt")
    office_facts = found[collectives.unit.pk]
    assert office_facts.case["ratings"] == {"2019": "HT", "2023": "HTXS", "2025": "HTXS"}
    assert [award["code"] for award in office_facts.case["awards"]] == by_nulls(
        ["ttldtt", "ttldxs", "bk_bo_tinh_collective"])
    assert office_facts.case["members"] == {"2025": {
        "total": 10, "rated_ht_or_better": 10, "ldtt": 6, "cstd_co_so": 1,
        "disciplined": [{"level": "khien_trach"}]}}
    assert office_facts.members == frozenset(person.pk for person in collectives.members)
    assert found[collectives.empty.pk].case["members"] == {}
    assert found[collectives.empty.pk].members == frozenset()


def test_collective_cases_take_a_fixed_number_of_queries(tree, collectives,
                                                         django_assert_num_queries):
    few = [collectives.unit]
    many = list(Unit.objects.all())
    for units in (few, many):
        with django_assert_num_queries(9):
            facts_batch.collective_cases(units, 2025, "ttldtt")


@pytest.mark.parametrize("year", [2023, 2025])
@pytest.mark.parametrize("options", OPTIONS)
def test_the_typed_cases_equal_the_parsed_dicts(varied, year, options):
    """The batch check builds the engine's Case straight from the rows: the same as parsing
    the dict the command line would read."""
    make_person("Đỗ Văn Lạc", None, birth_date=D(1999, 9, 9))
    rows = facts_batch.PeopleRows(Person.objects.all(), year, "ldtt", **options)
    for person in rows.people:
        assert rows.typed(person) == parse_case(rows.case(person)), person.full_name


def test_a_record_the_parser_refuses_raises_the_same_error(tree, varied):
    people_services.add_position(by=None, person=varied.an, unit=tree.phu_quy, title="Phó phòng",
                                 start=D(2020, 5, 1), end=D(2019, 1, 1),
                                 post_group="pho_truong_phong_tuong_duong")
    rows = facts_batch.PeopleRows(Person.objects.filter(pk=varied.an.pk), 2025, "ldtt")
    with pytest.raises(CaseError) as typed:
        rows.typed(rows.people[0])
    with pytest.raises(CaseError) as parsed:
        parse_case(facts_for_person(varied.an, 2025, "ldtt"))
    assert str(typed.value) == str(parsed.value)
    assert typed.value.path == "positions[1].to"  # after the post held since 2019


def test_people_awarded_by_one_decision_share_its_award_facts(tree):
    """One fact per distinct award row, however many people hold it; a row the parser refuses
    (a legacy year before 1945) raises the parser's error for the person holding it only."""
    decision = make_decision(date=D(2024, 12, 20), issuer=tree.phu_quy)
    first, second, third = (make_person(name, tree.phu_quy) for name in
                            ("Trần Văn Bình", "Lê Thị Cúc", "Phạm Văn Dũng"))
    for person in (first, second, third):
        make_award("ldtt", person=person, year=2024, decision=decision)
    legacy = make_award("ldtt", person=third, year=2023, decision=decision)
    Award.objects.filter(pk=legacy.pk).update(year=1900)
    rows = facts_batch.PeopleRows(Person.objects.filter(pk__in=[first.pk, second.pk, third.pk]),
                                  2025, "ldtt")
    people = {person.pk: person for person in rows.people}
    cases = {pk: rows.typed(people[pk]) for pk in (first.pk, second.pk)}
    for pk, case in cases.items():
        assert case == parse_case(rows.case(people[pk]))
    assert cases[first.pk].awards[0] is cases[second.pk].awards[0]
    with pytest.raises(CaseError) as typed:
        rows.typed(people[third.pk])
    with pytest.raises(CaseError) as parsed:
        parse_case(rows.case(people[third.pk]))
    assert str(typed.value) == str(parsed.value)
    assert "1900" in str(typed.value)
