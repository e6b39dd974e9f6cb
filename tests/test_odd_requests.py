"""Requests no page would send, found by fuzzing every route: digits that int() refuses ("²"),
ids past a bigint, JSON nested a thousand deep. Each gets a page, a 404 or a 4xx answer,
never a server error."""

import pytest
from django.urls import reverse

from tests.api.conftest import api  # noqa: F401 (a fixture)

HUGE = "99999999999999999999"


@pytest.fixture
def signed_in(client):
    def sign_in(user):
        client.force_login(user)
        return client
    return sign_in


@pytest.mark.parametrize("query", [{"award": "²"}, {"decision": "²"}, {"award": HUGE},
                                   {"decision": HUGE}, {"award": ["1", "²", HUGE]}])
def test_the_revocation_page_takes_odd_award_and_decision_ids(signed_in, reviewer, query):
    response = signed_in(reviewer).get(reverse("awards:revoke"), query)
    assert response.status_code == 200


@pytest.mark.parametrize("value", ["²", HUGE, "-1", "abc"])
def test_a_new_draft_of_an_odd_round_is_not_found(signed_in, reviewer, value):
    response = signed_in(reviewer).get(reverse("awards:draft_new"), {"round": value})
    assert response.status_code == 404


@pytest.mark.parametrize("value", ["²", HUGE])
def test_the_blank_layouts_of_an_odd_unit_are_not_found(signed_in, reviewer, value):
    response = signed_in(reviewer).get(reverse("certificates:layouts"), {"don-vi": value})
    assert response.status_code == 404


@pytest.mark.parametrize(("path", "params"), [
    ("/awards", {"person": "9223372036854775808"}), ("/awards", {"unit": HUGE}),
    ("/units", {"parent": HUGE}), ("/people", {"unit": HUGE}), ("/units", {"offset": HUGE})])
def test_the_api_answers_422_to_ids_past_a_bigint(api, reviewer, path, params):  # noqa: F811
    assert api(reviewer, path, **params).status_code == 422


def test_json_nested_a_thousand_deep_is_refused_with_a_reason(client):
    response = client.post("/api/v1/eligibility/check", data="[" * 1000 + "]" * 1000,
                           content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"] == "JSON lồng nhau quá sâu."
