"""The overdue view: per level, in working days, within the user's scope only."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.proposals.dossiers import make_dossier
from thidua.core.workdays import add_working_days, working_days_between
from thidua.proposals.choices import State

URL = "/quan-ly/ho-so/qua-han/"


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def late(tree, today):
    """Late dossiers at each level in Phú Quý, one in Phan Thiết, and some not late."""
    back = add_working_days
    specs = {
        "draft": (tree.phu_quy, State.DRAFT, None, {"submission_deadline": back(today, -4)}),
        "received": (tree.tam_thanh, State.RECEIVED, back(today, -2), {}),
        "council": (tree.phu_quy, State.AT_COUNCIL, back(today, -1), {}),
        "soon": (tree.phu_quy, State.RECEIVED, back(today, 2), {}),
        "later": (tree.phu_quy, State.RECEIVED, back(today, 10), {}),
        "decided": (tree.phu_quy, State.DECIDED, back(today, -9), {}),
        "other": (tree.phan_thiet, State.RETURNED, back(today, -3), {}),
    }
    return {key: make_dossier(unit, state, due_on=due, title=f"Hồ sơ {key}", **extra)
            for key, (unit, state, due, extra) in specs.items()}


def days_late(dossier, today) -> str:
    return str(working_days_between(dossier.due_on or dossier.round.submission_deadline, today))


def rows(html: str, level: str) -> list[tuple[str, str]]:
    """(dossier title, working days) of the late table of one level section."""
    section = html.split(f'id="level-{level}"')[1].split("<section")[0]
    late_table = section.split("<h3")[0]
    return re.findall(r'<a href="/quan-ly/ho-so/\d+/">([^<]+)</a>.*?'
                      r'<td class="text-end text-danger fw-semibold">(\d+)</td>',
                      late_table, flags=re.S)


def test_the_officer_sees_the_late_dossiers_of_their_subtree_per_level(client, officer, late,
                                                                        today):
    client.force_login(officer)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert rows(html, "unit") == [("Hồ sơ draft", days_late(late["draft"], today))]
    assert rows(html, "appraisal") == [("Hồ sơ received", days_late(late["received"], today))]
    assert rows(html, "council") == [("Hồ sơ council", days_late(late["council"], today))]
    assert "Hồ sơ soon" in html
    # Decided 9 working days past its notification due date, and its unit never notified.
    assert rows(html, "notify") == [("Hồ sơ decided", days_late(late["decided"], today))]
    for absent in ("later", "other"):
        assert f'/quan-ly/ho-so/{late[absent].pk}/"' not in html


def test_the_reviewer_sees_the_whole_province(client, reviewer, late, today):
    client.force_login(reviewer)
    html = client.get(URL).content.decode()
    assert rows(html, "unit") == [("Hồ sơ draft", days_late(late["draft"], today)),
                                  ("Hồ sơ other", days_late(late["other"], today))]


def test_another_officer_sees_only_their_own(client, other_officer, late, today):
    client.force_login(other_officer)
    html = client.get(URL).content.decode()
    assert rows(html, "unit") == [("Hồ sơ other", days_late(late["other"], today))]
    assert rows(html, "appraisal") == []
    assert f'/quan-ly/ho-so/{late["draft"].pk}/"' not in html


def test_the_page_needs_a_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/accounts/login/")


def test_the_query_count_does_not_grow_with_the_rows(client, reviewer, late, tree, today):
    client.force_login(reviewer)
    client.get(URL)  # warm the per-process caches (holiday file, overlays)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for _ in range(20):
        make_dossier(tree.phu_thuy, State.RECEIVED, due_on=add_working_days(today, -1))
    with CaptureQueriesContext(connection) as many:
        html = client.get(URL).content.decode()
    assert len(rows(html, "appraisal")) == 21
    assert len(many.captured_queries) == len(few.captured_queries)
