"""Properties of every verdict (issue 3), over generated histories."""

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.eligibility.conftest import verdict
from thidua.eligibility.rules import registry

RULE_CODES = sorted(registry().rules)
OTHER_CODES = ["hc_sao_vang", "anh_hung_lao_dong", "ky_niem_chuong"]
HISTORY_CODES = ["ldtt", "cstd_co_so", "cstd_bo_tinh", "bk_bo_tinh_individual",
                 "bk_ttg_individual", "hcld_3_individual", "hcld_2_individual", "ttldxs",
                 "co_thi_dua_bo_tinh", "bk_bo_tinh_collective", "bk_ttg_collective",
                 "hcld_3_collective", "giay_khen"]
AUTHORITIES = ["unit_head", "commune_chair", "district_chair", "provincial_chair",
               "prime_minister", "president"]
SETTINGS = settings(max_examples=150, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


def iso(day: datetime.date) -> str:
    return day.isoformat()


@st.composite
def cases(draw, codes=RULE_CODES + OTHER_CODES):
    year = draw(st.integers(2024, 2028))
    kind = draw(st.sampled_from(["individual", "individual", "collective", "household",
                                 "enterprise"]))
    years = st.integers(year - 9, year)
    unrated = draw(st.integers(0, 4)) == 0  # no rating for the proposal year (G07)
    case = {
        "subject": {"kind": kind,
                    "group": draw(st.sampled_from(["cbccvc_nld", "direct_worker", "armed_forces"])),
                    "gender": draw(st.sampled_from(["female", "male"]))},
        "ratings": {str(y): draw(st.sampled_from(["HTXS", "HTT", "HTT", "HT", "KHT"]))
                    for y in range(year - 9, year + 1)
                    if (draw(st.booleans()) or y > year - 3) and not (unrated and y == year)},
        "awards": [{"code": draw(st.sampled_from(HISTORY_CODES)), "year": draw(years),
                    "kind": draw(st.sampled_from(["cong_trang", "cong_trang", "cong_hien"]))}
                   for _ in range(draw(st.integers(0, 8)))],
        "initiatives": [{"year": draw(years),
                         "scope": draw(st.sampled_from(["co_so", "bo_tinh", "toan_quoc"]))}
                        for _ in range(draw(st.integers(0, 3)))],
        "facts": {fact: draw(st.booleans()) for fact in draw(st.lists(st.sampled_from([
            "outstanding_among_peers", "registered_for_emulation", "investigation_open",
            "leads_cluster_or_block_in_year", "research_accepted_in_year",
            "retiring_or_leaving_leadership_post", "maternity_leave_in_year",
            "initiative_already_used"]), max_size=3))},
        "propose": {"code": draw(st.sampled_from(codes)), "year": year},
    }
    if draw(st.booleans()):
        start = draw(st.dates(datetime.date(year - 6, 1, 1), datetime.date(year, 12, 31)))
        end = draw(st.one_of(st.none(), st.dates(start, datetime.date(year + 1, 12, 31))))
        case["discipline"] = [{"level": draw(st.sampled_from(["khien_trach", "canh_cao"])),
                               "from": iso(start), **({"to": iso(end)} if end else {})}]
    if draw(st.booleans()):
        case["positions"] = [{"post_group": "vu_truong_tuong_duong",
                              "from": iso(draw(st.dates(datetime.date(2010, 1, 1),
                                                        datetime.date(year, 1, 1))))}]
    if kind != "individual":
        total = draw(st.integers(1, 40))
        ldtt = draw(st.integers(0, total))
        case["members"] = {str(year): {"total": total, "ldtt": ldtt,
                                       "rated_ht_or_better": draw(st.integers(0, total)),
                                       "cstd_co_so": draw(st.integers(0, ldtt)),
                                       "disciplined": []}}
    decided = draw(st.dates(datetime.date(year, 1, 1), datetime.date(year + 1, 6, 30)))
    case["propose"]["decision_date"] = iso(decided)
    if draw(st.booleans()):
        case["propose"]["received_date"] = iso(decided - datetime.timedelta(
            days=draw(st.integers(0, 120))))
    if draw(st.booleans()):
        case["propose"]["decided_by"] = draw(st.sampled_from(AUTHORITIES))
    if draw(st.booleans()):
        total = draw(st.integers(5, 30))
        yes = draw(st.integers(0, total))
        case["council"] = {"total": total, "yes": yes, "no": total - yes}
    return case


@SETTINGS
@given(cases())
def test_a_verdict_never_cites_a_rule_version_outside_its_effective_dates(case):
    answer = verdict(case)
    cited = [(answer["rule"]["id"], answer["rule"]["version"])] if answer["rule"] else []
    cited += [(r.get("rule", answer["rule"] and answer["rule"]["id"]), r["version"])
              for r in answer["reasons"] if "version" in r]
    decided = datetime.date.fromisoformat(case["propose"]["decision_date"])
    received = case["propose"].get("received_date")
    received = datetime.date.fromisoformat(received) if received else None
    for rule_id, number in cited:
        version = next(v for v in registry().rules[rule_id].versions if v.version == number)
        by_receipt = version.select_by_received and received and version.in_effect(received)
        assert version.in_effect(decided) or by_receipt, (rule_id, number, decided, received)


@SETTINGS
@given(cases(), st.sampled_from(HISTORY_CODES), st.sampled_from(["dot_xuat", "chuyen_de"]),
       st.integers(0, 9))
def test_a_thematic_or_one_off_award_never_creates_an_eligibility(case, code, kind, back):
    before = verdict(case)
    extra = {**case, "awards": [*case["awards"], {"code": code, "kind": kind,
                                                  "year": case["propose"]["year"] - back}]}
    after = verdict(extra)
    assert after["verdict"] == before["verdict"]
    assert after.get("earliest_year") == before.get("earliest_year")
    assert [r for r in after["reasons"] if not r["check"].startswith("G03")] == before["reasons"]


@SETTINGS
@given(cases())
def test_every_ineligible_verdict_has_an_unmet_reason_citing_an_article(case):
    answer = verdict(case)
    if answer["verdict"] == "INELIGIBLE":
        assert any(r["met"] is False and "Điều" in r["basis"] for r in answer["reasons"])
    assert all("Điều" in r["basis"] for r in answer["reasons"])
