"""The outcome of a rule path (contracts §2): how the results of its versions combine into
ELIGIBLE, INELIGIBLE or NEEDS_HUMAN_REVIEW. Shared by the explained evaluation
(evaluation.py) and the compiled plans (compiled.py, engine.Plan)."""

from thidua.eligibility.choices import Verdict

ELIGIBLE, INELIGIBLE, REVIEW = Verdict.ELIGIBLE.value, Verdict.INELIGIBLE.value, \
    Verdict.NEEDS_HUMAN_REVIEW.value
RANKING = {ELIGIBLE: 0, REVIEW: 1, INELIGIBLE: 2}
OUTCOME_VALUE = {ELIGIBLE: True, REVIEW: None, INELIGIBLE: False}

def combine(confirmed: list, unconfirmed: list, favourable: list) -> str:
    """One path's outcome from its versions' results (contracts §2): INELIGIBLE only when every
    version that could apply fails; ELIGIBLE when every one passes (a version that counts only if
    more favourable cannot spoil it); anything else depends on an unconfirmed rule or an unknown
    count."""
    if confirmed and all(v is False for v in (*confirmed, *unconfirmed, *favourable)):
        return INELIGIBLE
    if confirmed and all(v is True for v in (*confirmed, *unconfirmed)):
        return ELIGIBLE
    return REVIEW
