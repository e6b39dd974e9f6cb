"""The count: vote rules read from the rule base, the arithmetic of contracts §2, and who counts
where (written opinions, recusals, absent members)."""

import datetime

import pytest

from tests.councils.conftest import attend, vote_all
from thidua.councils import services
from thidua.councils.choices import RecusalReason
from thidua.councils.tally import Threshold, compute_tally, threshold_for

ON = datetime.date(2025, 12, 10)


@pytest.mark.parametrize(("code", "rule"), [
    ("cstd_toan_quoc", ("ballot_90", "ballot", 90)),
    ("cstd_bo_tinh", ("ballot_90", "ballot", 90)),
    ("cstd_co_so", ("ballot_80", "ballot", 80)),
    ("co_thi_dua_bo_tinh", ("ballot_80", "ballot", 80)),
    ("co_thi_dua_cp", ("ballot_80", "ballot", 80)),
    ("bk_bo_tinh_individual", ("majority", "majority", 0)),
    ("ttldxs", ("majority", "majority", 0)),
    # LĐTT: the CBCCVC path votes by majority, the direct-worker path has no vote: the
    # strictest rule of the code wins.
    ("ldtt", ("majority", "majority", 0)),
    # No rule in the rule base (state honorary titles): a majority…
    ("nha_giao_uu_tu", ("majority", "majority", 0)),
    # … except the heroes' titles, balloted at 90% of all members (national.yaml code_votes).
    ("anh_hung_lao_dong", ("ballot_90", "ballot", 90)),
    ("anh_hung_llvtnd", ("ballot_90", "ballot", 90)),
])
def test_the_vote_rule_of_a_code_comes_from_the_rule_base(code, rule):
    threshold = threshold_for(code, ON)
    assert (threshold.code, threshold.kind, threshold.min_percent) == rule


def test_the_basis_of_a_ballot_is_cited_for_the_date():
    assert threshold_for("cstd_bo_tinh", datetime.date(2025, 3, 1)).basis == (
        "Nghị định 98/2023/NĐ-CP, Điều 30, khoản 7")


def test_worked_numbers_of_the_legal_reference():
    """15 members: CSTĐ tỉnh needs 14 yes, Cờ tỉnh 12; an absent member counts in the total."""
    ninety, eighty = threshold_for("cstd_bo_tinh", ON), threshold_for("co_thi_dua_bo_tinh", ON)
    assert (ninety.needed(15, 0), eighty.needed(15, 0)) == (14, 12)
    assert ninety.passes(yes=14, no=0, abstain=0, total=15) is True
    assert ninety.passes(yes=13, no=0, abstain=0, total=15) is False
    assert eighty.passes(yes=12, no=3, abstain=0, total=15) is True
    assert eighty.passes(yes=11, no=0, abstain=0, total=15) is False


def test_a_majority_needs_more_yes_than_half_of_the_votes_cast():
    majority = Threshold("majority", "majority", 0, "")
    assert majority.passes(yes=5, no=4, abstain=0, total=15) is True
    assert majority.passes(yes=5, no=3, abstain=2, total=15) is False  # 5 of 10 is not more
    assert majority.needed(15, 10) == 6


def test_nothing_cast_is_counted_as_such(ballot):
    """Members present who did not vote, absent members without an opinion, and a recused
    absent member are each counted once, in their own column."""
    attend(ballot, 7)
    services.record_recusal(by=ballot.secretary, session=ballot.session, member=ballot.seats[9],
                            proposal=ballot.phan_thiet, reason=RecusalReason.OWN_UNIT)
    services.record_written_opinions(by=ballot.secretary, session=ballot.session,
                                     member=ballot.seats[7], opinions={ballot.binh.pk: "no"})
    services.open_session(by=ballot.secretary, session=ballot.session)
    vote_all(ballot, ballot.users[:5], {ballot.hoa: "yes", ballot.binh: "abstain",
                                        ballot.other: "yes"})
    session = ballot.session
    session.refresh_from_db()
    rows = [(t.yes, t.no, t.abstain, t.written_no, t.absent_without_opinion, t.recused,
             t.not_voted, t.approved) for t in compute_tally(session)]
    assert rows == [
        (5, 0, 0, 0, 3, 0, 2, False),  # 5 of 10 < 90%
        (0, 1, 5, 1, 2, 0, 2, False),  # written "no" of Phan Thị Ngọc Hân counts as a no
        (5, 0, 0, 0, 2, 1, 2, False),  # Ngô Thị Mai stands aside: not "absent without opinion"
    ]
