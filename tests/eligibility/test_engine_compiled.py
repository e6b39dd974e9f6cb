"""The compiled fast path (engine.Plan, explain=False) answers what the engine with reasons
answers, over generated cases (with and without a provincial overlay)."""

import datetime

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.eligibility.test_properties import cases
from thidua.eligibility.cases import parse_case
from thidua.eligibility.compiled import Context
from thidua.eligibility.conditions import Leaf
from thidua.eligibility.engine import check_case, check_codes, plan_for
from thidua.eligibility.environment import Env, Fixed, Needs
from thidua.eligibility.evaluation import Evaluation
from thidua.eligibility.history import History
from thidua.eligibility.predicates import compile_predicate
from thidua.eligibility.rules import registry

SETTINGS = settings(max_examples=400, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])
SAME = ("verdict", "code", "year", "rule", "to_confirm")


@st.composite
def anywhere(draw):
    """A generated case, in Bắc Ninh (whose overlay adds conditions and a deadline) or not."""
    data = draw(cases())
    if draw(st.booleans()):
        data["propose"]["province"] = "bac_ninh"
        if draw(st.booleans()):
            data["propose"]["decision_date"] = f"{max(data['propose']['year'], 2025)}-12-31"
    return data


@SETTINGS
@given(anywhere())
def test_the_fast_path_gives_the_verdict_of_the_full_engine(data):
    case = parse_case(data)
    fast = check_case(case, explain=False, earliest=True)
    full = check_case(case, explain=True, earliest=True)
    assert {key: fast[key] for key in SAME} == {key: full[key] for key in SAME}
    assert fast.get("earliest_year") == full.get("earliest_year")
    assert fast["reasons"] == []
    # and exactly what the uncompiled evaluation answers without reasons
    assert fast == Evaluation(case, registry(), explain=False, earliest=True).verdict()


@SETTINGS
@given(anywhere())
def test_a_plans_verdict_alone_is_its_answers_verdict(data):
    case = parse_case(data)
    plan = plan_for(registry(), case, case.propose.code)
    assert plan.verdict(History(case)) == check_case(case, explain=False)["verdict"]


def test_every_code_of_a_person_at_once(db):
    case = parse_case({
        "subject": {"kind": "individual", "group": "direct_worker", "gender": "female"},
        "ratings": {"2021": "HTT", "2022": "HTXS", "2023": "HTXS", "2024": "HTXS",
                    "2025": "HTXS"},
        "awards": [{"code": "bk_bo_tinh_individual", "year": 2020},
                   {"code": "cstd_co_so", "year": 2023}, {"code": "cstd_co_so", "year": 2024},
                   {"code": "cstd_co_so", "year": 2025, "kind": "chuyen_de"}],
        "initiatives": [{"year": 2025, "scope": "co_so"}],
        "propose": {"code": "ldtt", "year": 2025},
    })
    rules = registry()
    codes = [*rules.families, "hc_sao_vang", "ttldtt", "bk_ttg_worker"]
    fast = check_codes(case, codes, explain=False, earliest=True)
    full = check_codes(case, codes, explain=True, earliest=True)
    assert [{key: answer[key] for key in SAME} for answer in fast] == [
        {key: answer[key] for key in SAME} for answer in full]
    assert [answer.get("earliest_year") for answer in fast] == [
        answer.get("earliest_year") for answer in full]
    assert {answer["code"]: answer["verdict"] for answer in fast}["cstd_co_so"] == "ELIGIBLE"


def test_needs_name_the_rows_the_compiled_rules_read(db):
    """A batch reads only what the plans read: here the BK TTg path of a civil servant
    (facts not claimed), whose window reads every year only of the holders of a BK."""
    case = parse_case({"propose": {"code": "bk_ttg_individual", "year": 2025}})
    plan = plan_for(registry(), case, "bk_ttg_individual")
    needs = Needs()
    needs.merge(plan.paths[0].context.needs)
    assert needs.awards.keys() >= {"bk_bo_tinh_individual", "cstd_co_so"}
    assert needs.awards["bk_bo_tinh_individual"].first is None  # the prior: any year
    assert needs.awards["cstd_co_so"].deep >= {"bk_bo_tinh_individual"}
    assert needs.ratings.deep >= {"bk_bo_tinh_individual"}
    assert not needs.details  # no tenure rule is read without its fact


def test_a_compiled_context_is_reused(db):
    case = parse_case({"propose": {"code": "ldtt", "year": 2025,
                                   "decision_date": datetime.date(2025, 12, 1).isoformat()}})
    rules = registry()
    assert plan_for(rules, case, "ldtt") is plan_for(rules, case, "ldtt")


def leaves(node):
    """Every predicate under a condition node."""
    if isinstance(node, Leaf):
        yield node.pred
    for child in getattr(node, "children", ()):
        yield from leaves(child)
    for name in ("child", "every", "require"):
        if getattr(node, name, None) is not None:
            yield from leaves(getattr(node, name))


PREDICATES = list({id(pred): pred for rule in registry().rules.values()
                   for version in rule.versions for pred in leaves(version.conditions)}.values())


CODES = sorted({code for pred in PREDICATES
                for name in ("code", "codes", "title", "chain_code")
                for code in ((getattr(pred, name, None),) if isinstance(getattr(pred, name, None),
                                                                        str)
                             else getattr(pred, name, None) or ())})


@st.composite
def dense(draw):
    """A history dense around T: every code the rules read, in many years and kinds, some
    without a year, and a discipline ending near T — boundaries for every predicate."""
    T = draw(st.integers(2024, 2027))
    years = range(T - 12, T + 1)
    kind = draw(st.sampled_from(["individual", "individual", "collective", "enterprise"]))
    data = {
        "subject": {"kind": kind, "gender": draw(st.sampled_from(["female", "male"])),
                    "group": draw(st.sampled_from(["cbccvc_nld", "direct_worker"]))},
        "ratings": {str(y): draw(st.sampled_from(["HTXS", "HTXS", "HTT", "HTT", "HT", "KHT"]))
                    for y in years if draw(st.integers(0, 9))},
        "awards": [],
        "initiatives": [{"year": y, "scope": draw(st.sampled_from(["co_so", "bo_tinh",
                                                                   "toan_quoc"]))}
                        for y in years if draw(st.integers(0, 3)) == 0],
        "propose": {"code": "ldtt", "year": T},
    }
    for code in CODES:  # some codes held almost every year (chains), others now and then
        often = draw(st.booleans())
        data["awards"] += [
            {"code": code, "year": y,
             "kind": draw(st.sampled_from(["cong_trang"] * 5 + ["cong_hien", "chuyen_de",
                                                                  "dot_xuat"]))}
            for y in years if draw(st.integers(0, 9)) < (8 if often else 2)]
    for code in draw(st.lists(st.sampled_from(CODES), max_size=3)):
        day = draw(st.dates(datetime.date(T - 8, 1, 1), datetime.date(T, 12, 31)))
        data["awards"].append({"code": code, "decision_date": day.isoformat()})
    if kind != "individual":
        total = draw(st.integers(1, 30))
        data["members"] = {str(T - back): {
            "total": total, "ldtt": draw(st.integers(0, total)), "cstd_co_so": 0,
            "rated_ht_or_better": draw(st.integers(0, total)), "disciplined": []}
            for back in range(3)}
    return data


# No shrinking: each example runs every predicate a few thousand times, and the message of a
# failure already names the predicate, the year and the window.
@settings(max_examples=40, deadline=None, database=None,
          phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(dense(), st.one_of(st.none(), st.integers(-12, 0)))
def test_each_compiled_predicate_answers_what_it_evaluates(data, anchor):
    """Every predicate of the rule file, compiled for the case's context, against its own
    `evaluate`: for each year looked at, several windows and bound priors, and a discipline
    ending in each year around T (the G06 clock at every boundary)."""
    T = data["propose"]["year"]
    ends = [None, "", f"{T - 1}-06-30", *(f"{year}-12-31" for year in range(T - 7, T + 1))]
    for end in ends:
        if end is not None:
            data["discipline"] = [{"level": "khien_trach", "from": f"{T - 8}-05-01",
                                   **({"to": end} if end else {})}]
        case = parse_case(data)
        p, h = case.propose, History(case)
        context = Context(registry(), T, p.decision_date, p.received_date, "", case.facts,
                          case.subject.kind, case.subject.group)
        compiled = [(pred, compile_predicate(pred, context)) for pred in PREDICATES]
        for y in range(T - 8, T + 1):
            for w in (None, (T - 5, T), (y - 2, y)):
                for pred, test in compiled:
                    bound = {} if anchor is None else {"P": T + anchor}
                    env = Env(T=T, D=p.decision_date, R=p.received_date, year=y,
                              bind=dict(bound), window=w)
                    expected = pred.evaluate(h, env)[0]
                    got = test.value if isinstance(test, Fixed) else test(h, y, w, bound)
                    assert (got, bound) == (expected, env.bind), (type(pred).__name__, y, w)
