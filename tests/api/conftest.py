"""Fixtures of the API tests: a caller with a real bearer key, and a small award register
spread over Phú Quý (the officer's unit), its successor and Phan Thiết (data that must not leak)."""

import datetime
from types import SimpleNamespace

import pytest

from tests.factories import make_award, make_decision
from thidua.accounts.services import create_token
from thidua.awards import services as award_services


@pytest.fixture
def api(client):
    """`api(user, "/units", search="…")`: a GET on /api/v1 with a fresh API key of `user`."""

    def get(user, path: str, **params):
        _token, raw_key = create_token(by=None, user=user, name="tests")
        return client.get(f"/api/v1{path}", params, HTTP_AUTHORIZATION=f"Bearer {raw_key}")

    return get


@pytest.fixture
def register(tree, people):
    """Awards of Hoà (one revoked), Bình, and Phan Thiết's Hòa; collective awards of huyện Phú
    Quý, of its successor đặc khu Phú Quý, and of Phan Thiết."""
    district = make_decision("12/QĐ-UBND", datetime.date(2021, 1, 15), issuer=tree.phu_quy)
    province = make_decision("250/QĐ-UBND", datetime.date(2023, 3, 10), issuer=tree.province)
    phan_thiet = make_decision("31/QĐ-UBND", datetime.date(2021, 1, 20), issuer=tree.phan_thiet)
    zone = make_decision("5/QĐ-UBND", datetime.date(2026, 1, 12), issuer=tree.special_zone)
    revoking = make_decision("99/QĐ-UBND", datetime.date(2024, 6, 1), issuer=tree.province)
    data = SimpleNamespace(
        district=district, province=province, phan_thiet=phan_thiet, zone=zone, revoking=revoking,
        hoa_ldtt=make_award("ldtt", person=people.hoa, year=2020, decision=district),
        hoa_bk=make_award("bk_bo_tinh_individual", person=people.hoa, year=2022,
                          decision=province),
        binh_ldtt=make_award("ldtt", person=people.binh, year=2020, decision=district),
        other_ldtt=make_award("ldtt", person=people.other, year=2020, decision=phan_thiet),
        phu_quy=make_award("ttldtt", collective=tree.phu_quy, year=2022, decision=province),
        phan_thiet_unit=make_award("ttldtt", collective=tree.phan_thiet, year=2022,
                                   decision=province),
        special_zone=make_award("ttldtt", collective=tree.special_zone, year=2025, decision=zone),
    )
    award_services.revoke_award(by=None, award=data.hoa_bk, decision=revoking,
                                reason="Thành tích không đúng sự thật", basis="Điều 93")
    return data
