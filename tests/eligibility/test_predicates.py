"""The predicates as pure functions over a History (legal-reference (d))."""

import datetime

import pytest

from thidua.eligibility.award_predicates import Count, Fact, Prior
from thidua.eligibility.cases import parse_case
from thidua.eligibility.conditions import AllOf, AnyOf, Basis, Compiler, Uncertain
from thidua.eligibility.environment import Env, YearExpr
from thidua.eligibility.history import NEVER, History, discipline_clock
from thidua.eligibility.members import MembersShare
from thidua.eligibility.predicates import Consecutive, RatingAtLeast
from thidua.eligibility.rules import registry
from thidua.eligibility.tenure import TenureInPost, service_years

D = datetime.date


def history(**parts) -> History:
    parts.setdefault("propose", {"code": "ldtt", "year": 2025})
    return History(parse_case(parts))


def env(proposal_year=2025, **changes) -> Env:
    return Env(T=proposal_year, D=changes.pop("D", D(proposal_year, 12, 31)), **changes)


def test_year_expressions():
    e = env(2025, year=2021)
    assert [YearExpr(text)(e) for text in ("T", "T-2", "Y", "Y-1", 2019, None)] == [
        2025, 2023, 2021, 2020, 2019, 2021]


def test_discipline_clock_g06():
    h = history(discipline=[{"level": "khien_trach", "from": "2021-02-01", "to": "2021-12-31"},
                            {"level": "canh_cao", "from": "2022-05-01", "to": "2023-04-30"}])
    assert (h.clock, h.clock_source.level) == (2024, "canh_cao")
    assert discipline_clock(()) == (0, None)
    open_ended = history(discipline=[{"level": "cach_chuc", "from": "2024-05-01"}])
    assert open_ended.clock == NEVER


def test_g03_awards_are_kept_aside():
    h = history(awards=[{"code": "ldtt", "year": 2024},
                        {"code": "ldtt", "year": 2023, "kind": "chuyen_de"},
                        {"code": "giay_khen", "year": 2023, "kind": "dot_xuat"}])
    assert h.years(("ldtt",), ("cong_trang",)) == frozenset({2024})
    assert [(a.code, a.kind) for a in h.ignored] == [("ldtt", "chuyen_de"),
                                                     ("giay_khen", "dot_xuat")]


@pytest.mark.parametrize(("ratings", "expected"), [
    ({"2025": "HTT"}, True), ({"2025": "HT"}, False), ({}, False), ({"2025": "HTXS"}, True)])
def test_rating_at_least(ratings, expected):
    assert RatingAtLeast({"level": "HTT", "year": "T"}).evaluate(history(ratings=ratings),
                                                                 env())[0] is expected


def test_consecutive_reports_the_missing_years():
    pred = Consecutive({"code": "cstd_co_so", "count": 3, "ending_year": "T"})
    value, (years, missing) = pred.evaluate(history(awards=[{"code": "cstd_co_so", "year": 2024}]),
                                            env())
    assert (value, list(years), missing) == (False, [2023, 2024, 2025], [2023, 2025])


def test_prior_anchors_at_the_achievement_year_else_the_decision_year_g10():
    pred = Prior({"codes": ["bk_bo_tinh_individual"], "as": "P"})
    e = env()
    h = history(awards=[{"code": "bk_bo_tinh_individual", "year": 2019,
                         "decision_date": "2020-04-01"},
                        {"code": "bk_bo_tinh_individual", "decision_date": "2021-03-10"}])
    assert pred.evaluate(h, e)[0] is True
    assert e.bind["P"] == 2021
    only_year = history(awards=[{"code": "bk_bo_tinh_individual", "year": 2019,
                                 "decision_date": "2020-04-01"}])
    pred.evaluate(only_year, e)
    assert e.bind["P"] == 2019


def test_prior_ignores_an_award_of_the_proposal_year():
    e = env()
    h = history(awards=[{"code": "bk_bo_tinh_individual", "year": 2025}])
    assert Prior({"codes": ["bk_bo_tinh_individual"]}).evaluate(h, e)[0] is False
    assert e.bind["P"] is None


def test_count_uses_explicit_years_then_the_window_and_respects_g06():
    initiatives = [{"year": y, "scope": s} for y, s in
                   ((2022, "bo_tinh"), (2023, "co_so"), (2024, "toan_quoc"))]
    h = history(initiatives=initiatives)
    wide = Count({"what": "initiative", "scope_at_least": "bo_tinh", "min": 2})
    assert wide.evaluate(h, env())[0] is True
    assert wide.evaluate(h, env(window=(2023, 2025)))[0] is False
    within = Count({"what": "initiative", "scope_at_least": "co_so", "min": 2,
                    "within_years": ["T-1", "T"]})
    assert within.evaluate(h, env())[0] is False
    disciplined = history(initiatives=initiatives,
                          discipline=[{"level": "khien_trach", "from": "2022-01-01",
                                       "to": "2022-12-31"}])
    assert wide.evaluate(disciplined, env())[0] is False


def test_member_share_is_unknown_without_counts_and_exact_at_the_boundary():
    pred = MembersShare({"of": "ldtt", "min_percent": 70, "year": "T"})
    assert pred.evaluate(history(members={"2025": {"total": 10}}), env())[0] is None
    assert pred.evaluate(history(members={"2025": {"total": 10, "ldtt": 7}}), env())[0] is True
    assert pred.evaluate(history(members={"2025": {"total": 1000, "ldtt": 699}}), env())[0] is False
    assert pred.evaluate(history(members={"2025": {"total": 0, "ldtt": 0}}), env())[0] is False


def test_facts_absent_are_not_claimed_except_conduct_and_registration():
    h = history()
    assert Fact("leads_cluster_or_block_in_year").evaluate(h, env())[0] is False
    assert Fact("outstanding_among_peers").evaluate(h, env())[0] is True
    assert Fact("registered_for_emulation").evaluate(h, env())[0] is True
    assert Fact("disciplined_or_serious_violation_in_tenure", negate=True).evaluate(h, env())[0]


def test_service_years_merge_overlapping_posts_and_stop_at_the_decision_date():
    h = history(positions=[
        {"post_group": "vu_truong_tuong_duong", "from": "2016-01-01", "to": "2019-12-31"},
        {"post_group": "vu_truong_tuong_duong", "from": "2019-01-01", "to": "2021-12-31"},
        {"post_group": "vu_truong_tuong_duong", "from": "2024-01-01"}])
    assert round(service_years(h, "vu_truong_tuong_duong", D(2025, 1, 1)), 2) == 7.0


def test_tenure_reduction_for_women_g09():
    table = {"table": [{"post_group": "vu_truong_tuong_duong", "min_years": 6,
                        "max_years_exclusive": 10}]}
    positions = [{"post_group": "vu_truong_tuong_duong", "from": "2021-01-01"}]
    man = history(positions=positions)
    woman = history(positions=positions, subject={"gender": "female"})
    assert TenureInPost(table).evaluate(man, env(D=D(2025, 7, 1)))[0] is False
    assert TenureInPost(table).evaluate(woman, env(D=D(2025, 7, 1)))[0] is True


class Known:
    def __init__(self, value):
        self.value = value

    def run(self, h, e, out):
        return self.value


@pytest.mark.parametrize(("values", "all_of", "any_of"), [
    ((True, True), True, True), ((True, None), None, True), ((False, None), False, None),
    ((None, None), None, None), ((False, False), False, False), ((True, False), False, True)])
def test_three_valued_combinations(values, all_of, any_of):
    nodes = [Known(v) for v in values]
    for out in (None, []):
        assert AllOf(nodes).run(None, None, out) is all_of
        assert AnyOf(nodes).run(None, None, out) is any_of


@pytest.mark.parametrize(("mode", "neutral", "value", "expected"), [
    ("content", True, True, None), ("content", True, False, None),
    ("existence", False, False, False), ("existence", False, True, None),
    ("existence", True, True, True), ("existence", True, False, None)])
def test_uncertain_criteria(mode, neutral, value, expected):
    assert Uncertain(Known(value), mode, neutral).run(None, None, None) is expected


def test_basis_entries_follow_the_date():
    compiler = Compiler(registry().documents, "test")
    basis = compiler.basis([{"doc": "ND_98_2023", "article": 30, "clause": 7, "to": "2025-06-30"},
                            {"doc": "ND_152_2025", "article": 4, "from": "2025-07-01"}])
    assert basis.cite(D(2025, 6, 30)) == "Nghị định 98/2023/NĐ-CP, Điều 30, khoản 7"
    assert basis.cite(D(2025, 7, 1)) == "Nghị định 152/2025/NĐ-CP, Điều 4"
    assert Basis(((None, None, "A"),)).cite(D(2020, 1, 1)) == "A"
