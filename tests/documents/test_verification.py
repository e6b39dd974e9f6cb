"""Verification codes and the public page `/xac-minh/<code>/` (contracts §6)."""

import re

import pytest
from django.urls import reverse

from tests.documents.certificate_support import make_certified
from thidua.core.models import AuditEntry
from thidua.documents import verification
from thidua.documents.models import Certificate

pytestmark = pytest.mark.django_db


@pytest.fixture
def certified(tree):
    return make_certified(tree)


@pytest.fixture
def code(certified) -> str:
    return verification.issue_certificates([certified.awards.hoa], by=None)[
        certified.awards.hoa.pk]


def test_codes_are_ten_characters_of_crockford_base32_and_all_different():
    codes = {verification.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{10}", code) for code in codes)


@pytest.mark.parametrize("typed, expected", [
    ("ABCDE12345", "ABCDE12345"),
    ("abcde-12345", "ABCDE12345"),
    (" ab cde 12345 ", "ABCDE12345"),
    ("ABCDEI2345", "ABCDE12345"),  # I read as 1
    ("ABCDEL2345", "ABCDE12345"),  # L read as 1
    ("OBCDE12345", "0BCDE12345"),  # O read as 0
    ("ABCDE1234", ""),  # too short
    ("ABCDE123456", ""),  # too long
    ("ABCDEU2345", ""),  # U is not in the alphabet
    ("ABCDE%2345", ""),
])
def test_typed_codes_are_forgiven_case_separators_and_look_alikes(typed, expected):
    assert verification.normalise(typed) == expected


def test_codes_are_issued_once_per_award_with_one_audit_entry(certified):
    awards = [certified.awards.hoa, certified.awards.binh]
    first = verification.issue_certificates(awards, by=None)
    again = verification.issue_certificates([*awards, certified.awards.team], by=None)

    assert {pk: again[pk] for pk in first} == first
    assert Certificate.objects.count() == 3
    entries = AuditEntry.objects.filter(action="thidua.certificate.issued")
    assert [entry.after["count"] for entry in entries.order_by("pk")] == [2, 1]


def test_the_page_shows_the_award_as_recorded(client, certified, code):
    response = client.get(reverse("verification:detail", args=[code]))

    assert response.status_code == 200
    record = response.context["award"]
    assert record == certified.awards.hoa
    html = response.content.decode()
    assert "Nguyễn Thị Hoà" in html
    assert "UBND huyện Phú Quý" in html
    assert "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (cá nhân) (2024)" in html
    assert "Số 120/QĐ-UBND ngày 20/12/2024" in html
    assert "Tỉnh Bình Thuận" in html
    assert "đang có hiệu lực" in html
    assert verification.grouped(code) in html


def test_the_page_shows_no_personal_data_beyond_the_certificate(client, certified, code):
    html = client.get(reverse("verification:detail", args=[code])).content.decode()
    assert "060185000123" not in html  # the personal ID number
    assert "02/03/1985" not in html and "1985" not in html  # the birth date
    assert "Kê khai" not in html


def test_a_code_typed_loosely_leads_to_its_page(client, code):
    loose = f"{code[:5].lower()}-{code[5:].lower()}"
    response = client.get(reverse("verification:detail", args=[loose]))
    assert response.status_code == 302
    assert response["Location"] == reverse("verification:detail", args=[code])


def test_the_form_sends_a_typed_code_to_its_page(client, code):
    response = client.get(reverse("verification:form"), {"code": f" {code[:5]} {code[5:]} "})
    assert response["Location"] == reverse("verification:detail", args=[code])


def test_the_form_explains_a_malformed_code(client):
    response = client.get(reverse("verification:form"), {"code": "123"})
    assert response.status_code == 200
    assert response.context["form"].errors["code"] == [
        "Mã gồm 10 chữ cái và chữ số, ví dụ ABCDE-12345."]


@pytest.mark.parametrize("typed", ["ZZZZZ99999", "not-a-code", "x" * 300, "%3Cscript%3E"])
def test_an_unknown_code_is_a_plain_404_page(client, db, typed):
    response = client.get(f"/xac-minh/{typed}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không có chứng nhận nào mang mã" in html
    assert "<script>" not in html


def test_a_revoked_award_says_so_with_the_revoking_decision(client, certified):
    revoked = certified.awards.other
    code = verification.issue_certificates([revoked], by=None)[revoked.pk]

    html = client.get(reverse("verification:detail", args=[code])).content.decode()

    assert "Khen thưởng này đã bị hủy bỏ." in html
    assert "Quyết định số 9/QĐ-UBND ngày 01/03/2025" in html
    assert "Lê Văn Cường" in html
    assert "đang có hiệu lực" not in html


def test_the_public_home_page_leads_to_the_check(client, db):
    html = client.get("/").content.decode()
    assert f'href="{reverse("verification:form")}"' in html
