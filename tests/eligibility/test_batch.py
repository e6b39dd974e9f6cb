"""The codes each subject is checked for, and the reason that explains a verdict in the batch
table."""

import datetime
import random
from collections import Counter

import pytest

from tests.eligibility.test_province import Register, chains, random_history
from tests.factories import make_person
from thidua.accounts.models import User
from thidua.demo.loader import load_demo
from thidua.eligibility import batch, queries
from thidua.eligibility.cases import CaseError, parse_case
from thidua.eligibility.engine import check_codes
from thidua.eligibility.facts import Subject
from thidua.organisations import queries as unit_queries
from thidua.organisations.choices import UnitKind
from thidua.organisations.models import Unit
from thidua.people import services as people_services
from thidua.people.models import Person, Rating


def reason(check: str, met: bool | None) -> dict:
    return {"check": check, "met": met, "message": check, "basis": "Điều 1"}


@pytest.mark.parametrize(("verdict", "reasons", "expected"), [
    ("ELIGIBLE", [reason("any_of first way", False), reason("rating", True)], None),
    ("INELIGIBLE", [reason("count initiative", False), reason("rating ≥ HTXS", True),
                    reason("G02 not already rewarded for 2025", False)],
     "G02 not already rewarded for 2025"),
    ("INELIGIBLE", [reason("rating ≥ HTT in 2025", None), reason("consecutive", False),
                    reason("vote majority", None)], "consecutive"),
    ("INELIGIBLE", [reason("rating", True), reason("vote ≥80% of all members", False)],
     "vote ≥80% of all members"),
    ("DEFERRED", [reason("research accepted", False), reason("G05 nothing pending", False)],
     "G05 nothing pending"),
    ("INVALID_AUTHORITY", [reason("rating", False), reason("G12 authority x on 2025", False)],
     "G12 authority x on 2025"),
    ("NEEDS_HUMAN_REVIEW", [reason("vote majority", None),
                            reason("standards delegated: giay_khen", None)],
     "standards delegated: giay_khen"),
    ("NEEDS_HUMAN_REVIEW", [reason("vote majority", None)], "vote majority"),
])
def test_the_reason_that_explains_a_verdict(verdict, reasons, expected):
    found = batch.first_unmet({"verdict": verdict, "reasons": reasons})
    assert (found["check"] if found else None) == expected


def test_the_codes_of_each_subject():
    assert batch.rule_codes(Subject(kind="individual", group="armed_forces")) == [
        "ldtt", "cstd_co_so", "cstd_bo_tinh", "cstd_toan_quoc", "giay_khen",
        "bk_bo_tinh_individual", "bk_ttg_individual", "hcld_3_individual", "hcld_2_individual",
        "hcld_1_individual"]
    assert batch.rule_codes(Subject(kind="enterprise"), "enterprise") == [
        "ttldtt", "ttldxs", "co_thi_dua_bo_tinh", "co_thi_dua_cp", "giay_khen",
        "bk_bo_tinh_collective", "bk_ttg_collective", "hcld_3_collective", "hcld_2_collective",
        "hcld_1_collective"]
    assert "thon_tdp_van_hoa" in batch.rule_codes(Subject(kind="collective"), "village")
    assert "xa_tieu_bieu" not in batch.rule_codes(Subject(kind="collective"), "village")
    advisory = batch.advisory_codes(Subject(kind="individual"))
    assert (len(advisory), advisory[0], "ldtt" in advisory) == (38, "hc_sao_vang", False)
    assert batch.advisory_codes(Subject(kind="enterprise"))[:2] == ["hc_sao_vang",
                                                                    "hc_ho_chi_minh"]


def test_the_codes_offered_once_each():
    groups = dict(batch.code_groups())
    assert [code for code, _name in groups["both"]] == ["giay_khen"]
    assert [code for code, _name in groups["individual"]][:2] == ["ldtt", "cstd_co_so"]
    assert [code for code, _name in groups["collective"]][-1] == "hcld_1_collective"


# -- the screen's fast verdicts are the explained engine's -----------------------------------
def explained_verdicts(entry: batch.Entry, year: int) -> list[str]:
    """The verdicts of the explained engine (reasons written) for the codes of a batch entry,
    from the case the person's or the unit's own page reads (queries.facts_for_*)."""
    if entry.is_person:
        case = queries.facts_for_person(Person.objects.select_related("unit").get(pk=entry.pk),
                                        year, "ldtt")
    else:
        case = queries.facts_for_collective(entry.unit, year, "ttldtt")
    try:
        parsed = parse_case(case)
    except CaseError:
        return [batch.DATA_ERROR] * len(entry.codes)
    return [answer["verdict"]
            for answer in check_codes(parsed, list(entry.codes), explain=True, earliest=False)]


@pytest.fixture
def demo_and_generated(db):
    """The curated demo province, a generated set of people with random histories in its units
    (every group, both genders, chains, revoked and undated awards, discipline, posts), and two
    records the parser refuses."""
    load_demo()
    units = list(Unit.objects.filter(kind__in=[UnitKind.DEPARTMENT, UnitKind.COMMUNE,
                                               UnitKind.SPECIAL_ZONE]).order_by("pk")[:4])
    register, rng = Register(), random.Random(3)
    register.home = units[0]
    for index in range(45):
        group = ("cbccvc_nld", "direct_worker", "armed_forces")[index % 3]
        person = make_person(f"Người Sinh {index}", units[index % len(units)], group=group,
                             gender=("female", "male", "")[index % 3])
        random_history(rng, register, person, group)
    chains(register, units[1])
    broken = list(Person.objects.order_by("pk")[:2])
    people_services.add_position(by=None, person=broken[0], unit=units[0], title="Phó phòng",
                                 start=datetime.date(2020, 5, 1), end=datetime.date(2019, 1, 1),
                                 post_group="pho_truong_phong_tuong_duong")
    people_services.record_rating(by=None, person=broken[1], year=2019, level="HT")
    Rating.objects.filter(person=broken[1], year=2019).update(level="XYZ")
    return [root for root in unit_queries.roots()
            if Person.objects.filter(unit__path__startswith=root.path).exists()]


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_every_verdict_of_the_screen_is_the_explained_engines(demo_and_generated, year):
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    seen, rows = Counter(), 0
    for root in demo_and_generated:
        found = batch.run_batch(admin, root, year, None)
        for entry in found.entries:
            assert list(entry.verdicts) == explained_verdicts(entry, year), entry.name
            seen.update(entry.verdicts)
        rows += found.size
    assert rows > 500
    assert {"ELIGIBLE", "INELIGIBLE", "NEEDS_HUMAN_REVIEW", batch.DATA_ERROR} <= set(seen)
