"""POST /eligibility/check: the same case format and the same JSON as the command (contracts §2).
The router is tested on its own; thidua/api.py mounts it under /api/v1/."""

import json

from ninja import NinjaAPI
from ninja.testing import TestClient

from tests.eligibility.conftest import case, verdict
from tests.eligibility.test_engine import CONTRACT_EXAMPLE
from thidua.eligibility.api import router

client = TestClient(router)


def post(body: str):
    return client.post("/eligibility/check", data=body.encode("utf-8"),
                       content_type="application/json")


def test_one_case_answers_the_same_json_as_the_engine():
    response = post(json.dumps(CONTRACT_EXAMPLE, ensure_ascii=False))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == verdict(CONTRACT_EXAMPLE)
    assert "Chưa đạt Chiến sĩ thi đua cơ sở" in response.content.decode("utf-8")


def test_an_array_answers_an_array_in_order():
    cases = [case("ldtt", ratings={"2025": "HTT"}), CONTRACT_EXAMPLE]
    response = post(json.dumps(cases))
    assert response.status_code == 200
    assert [a["verdict"] for a in response.json()] == ["ELIGIBLE", "INELIGIBLE"]


def test_a_bad_field_answers_422_with_the_field_named_in_vietnamese():
    bad = case("ldtt", awards=[{"code": "ldtt", "year": 2024}, {"code": "cstd_xyz", "year": 2024}])
    response = post(json.dumps([case("ldtt"), case("ldtt"), case("ldtt"), bad]))
    assert response.status_code == 422
    assert response.json() == {"detail": "cases[3].awards[1].code: mã không xác định 'cstd_xyz'"}


def test_invalid_json_answers_400():
    response = post('{"propose": ')
    assert response.status_code == 400
    assert response.json() == {"detail": "Nội dung gửi lên không phải JSON hợp lệ: Expecting "
                                         "value: line 1 column 13 (char 12)"}


def test_a_body_that_is_not_utf8_answers_400():
    response = client.post("/eligibility/check", data=b'{"x": "\xff"}',
                           content_type="application/json")
    assert response.status_code == 400


def test_a_scalar_body_answers_422():
    response = post("42")
    assert response.status_code == 422
    assert response.json() == {"detail": "phải là một đối tượng JSON"}


def test_the_operation_is_described_in_openapi():
    api = NinjaAPI(urls_namespace="eligibility-openapi-test")
    api.add_router("", router)
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    operation = schema["paths"]["/api/v1/eligibility/check"]["post"]
    assert operation["tags"] == ["eligibility"]
    assert set(operation["responses"]) == {200, 400, 422}
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body["example"]["propose"]["code"] == "cstd_bo_tinh"


def test_the_mounted_endpoint_answers_without_an_account(db):
    from django.test import Client

    response = Client().post("/api/v1/eligibility/check",
                             data=json.dumps(CONTRACT_EXAMPLE, ensure_ascii=False),
                             content_type="application/json")
    assert response.status_code == 200
    assert response.json() == verdict(CONTRACT_EXAMPLE)
