"""API: POST /eligibility/check, the same case format and the same JSON as
`thidua eligibility check` (contracts §2). Mounted by thidua/api.py with
`api.add_router("", eligibility_router)`."""

import json

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from thidua.eligibility.cases import CaseError
from thidua.eligibility.engine import check

router = Router(tags=["eligibility"])

EXAMPLE = {
    "subject": {"kind": "individual", "group": "cbccvc_nld", "gender": "female",
                "name": "Nguyễn Thị An"},
    "ratings": {"2023": "HTXS", "2024": "HTT", "2025": "HTXS"},
    "awards": [{"code": "cstd_co_so", "year": 2024}],
    "initiatives": [{"year": 2025, "scope": "co_so", "recognised_by": "unit_head"}],
    "council": {"total": 15, "yes": 14, "no": 1},
    "propose": {"code": "cstd_bo_tinh", "year": 2025, "decision_date": "2025-12-20",
                "decided_by": "provincial_chair"},
}
CASE_SCHEMA = {
    "description": "One case, or an array of cases (contracts §2: subject, ratings, awards, "
                   "initiatives, discipline, positions, members, facts, council, propose).",
    "oneOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}],
    "example": EXAMPLE,
}


class ReasonOut(Schema):
    check: str
    met: bool | None = Field(description="true, false, or null when not decidable.")
    message: str = Field(description="In Vietnamese.")
    basis: str = Field(description="The document and article (Điều) the check rests on.")


class RuleOut(Schema):
    id: str
    version: str
    status: str = Field(description="in_force, historical or unconfirmed.")


class VerdictOut(Schema):
    verdict: str = Field(description="INVALID_AUTHORITY, INELIGIBLE, DEFERRED, "
                                     "NEEDS_HUMAN_REVIEW or ELIGIBLE.")
    code: str
    year: int
    rule: RuleOut | None
    reasons: list[ReasonOut]
    to_confirm: list[str] = Field(description="Facts assumed true because the case does not "
                                              "give them.")
    earliest_year: int | None = Field(None, description="Only when it can be computed.")


class Problem(Schema):
    detail: str


@router.post("/eligibility/check", response={200: VerdictOut | list[VerdictOut], 400: Problem,
                                             422: Problem},
             # Public: it reads nothing stored, only the case it is sent (contracts.md §2).
             auth=None, summary="Check eligibility", openapi_extra={
                 "requestBody": {"required": True,
                                 "content": {"application/json": {"schema": CASE_SCHEMA}}}})
def check_eligibility(request: HttpRequest):
    """The verdict for one case, or the verdicts for an array of cases in the same order.
    Unreadable input answers 400 (not JSON) or 422 (a field is wrong), with the field named."""
    with translation.override("vi"):
        try:
            data = json.loads(request.body.decode("utf-8-sig"))
        except RequestDataTooBig:
            return answer({"detail": _("The request is too large.")}, 400)
        except RecursionError:
            return answer({"detail": _("The JSON is nested too deeply.")}, 400)
        except (UnicodeDecodeError, ValueError) as error:
            return answer({"detail": _("The body is not valid JSON: %(error)s")
                           % {"error": error}}, 400)
        try:
            return answer(check(data), 200)
        except CaseError as error:
            return answer({"detail": str(error)}, 422)


def answer(data, status: int) -> HttpResponse:
    """The same JSON text as the command line prints (UTF-8, not escaped)."""
    return HttpResponse(json.dumps(data, ensure_ascii=False), status=status,
                        content_type="application/json; charset=utf-8")
