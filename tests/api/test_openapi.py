import json

from django.urls import reverse

from thidua.api import api

PATHS = {
    "/api/v1/units", "/api/v1/units/{unit_id}", "/api/v1/units/{unit_id}/awards",
    "/api/v1/people", "/api/v1/people/{person_id}", "/api/v1/people/{person_id}/history",
    "/api/v1/decisions", "/api/v1/decisions/{decision_id}", "/api/v1/awards",
    "/api/v1/catalogue", "/api/v1/clusters", "/api/v1/clusters/{cluster_id}",
    "/api/v1/eligibility/check",
}


def openapi(client) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_the_description_is_public_and_lists_every_endpoint(client, db):
    document = openapi(client)
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"] == "thidua API"
    assert document["info"]["version"] == "1"
    assert set(document["paths"]) == PATHS


def test_every_read_is_described_and_needs_credentials(client, db):
    for path, operations in openapi(client)["paths"].items():
        # Everything reads, but the eligibility check, which takes a case in its body.
        assert list(operations) == (["post"] if path == "/api/v1/eligibility/check" else ["get"])
        operation = next(iter(operations.values()))
        assert operation["summary"], path
        assert operation["description"], path
        assert "200" in operation["responses"], path
        if path == "/api/v1/eligibility/check":
            assert "security" not in operation  # public: it reads nothing stored
        else:
            assert operation["security"] == [{"ApiKeyAuth": []}, {"SessionAuth": []}], path


def test_every_read_documents_its_error_answers(client, db):
    for path, operations in openapi(client)["paths"].items():
        if "get" in operations:
            errors = {"401", "422"} | ({"404"} if "{" in path else set())
            assert set(operations["get"]["responses"]) == {"200"} | errors, path


def test_both_ways_of_signing_in_are_described(client, db):
    schemes = openapi(client)["components"]["securitySchemes"]
    assert schemes["ApiKeyAuth"] == {"type": "http", "scheme": "bearer"}
    assert schemes["SessionAuth"] == {"type": "apiKey", "in": "cookie", "name": "sessionid"}


def test_every_reference_in_the_document_resolves(client, db):
    document = openapi(client)
    text = json.dumps(document)
    names = {ref.split("/")[-1] for ref in _refs(document)}
    assert names <= set(document["components"]["schemas"]), text[:200]


def test_the_api_urls_are_named_under_the_api_namespace(db):
    assert reverse("api:openapi-json") == "/api/v1/openapi.json"
    assert api.urls_namespace == "api"


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def test_answers_are_utf8_json(client, admin_user, tree):
    client.force_login(admin_user)
    response = client.get("/api/v1/units", {"search": "phu quy", "current": "true"})
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "UBND đặc khu Phú Quý".encode() in response.content
