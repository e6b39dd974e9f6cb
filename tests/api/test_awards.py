from thidua.awards.models import AwardType


def award_ids(response) -> set[int]:
    return {item["id"] for item in response.json()["items"]}


def test_an_officer_sees_only_the_awards_of_their_subtree(api, officer, register):
    response = api(officer, "/awards")
    assert response.status_code == 200
    assert award_ids(response) == {register.hoa_ldtt.pk, register.hoa_bk.pk,
                                   register.binh_ldtt.pk, register.phu_quy.pk}
    assert response.json()["count"] == 4


def test_the_administrator_sees_the_whole_register(api, admin_user, register):
    assert api(admin_user, "/awards").json()["count"] == 7


def test_awards_are_filtered_by_person_code_year_and_unit(api, officer, tree, people, register):
    assert award_ids(api(officer, "/awards", person=people.hoa.pk)) == {
        register.hoa_ldtt.pk, register.hoa_bk.pk}
    assert award_ids(api(officer, "/awards", code="ldtt", year=2020)) == {
        register.hoa_ldtt.pk, register.binh_ldtt.pk}
    assert award_ids(api(officer, "/awards", unit=tree.tam_thanh.pk)) == {register.binh_ldtt.pk}


def test_filters_never_reach_outside_the_scope(api, officer, tree, people, register):
    assert api(officer, "/awards", person=people.other.pk).json()["count"] == 0
    assert api(officer, "/awards", unit=tree.phan_thiet.pk).json()["count"] == 0


def test_a_revoked_award_says_so(api, officer, people, register):
    item = api(officer, "/awards", person=people.hoa.pk, year=2022).json()["items"][0]
    assert item["status"] == "revoked"
    assert item["revocation"]["decision"]["number"] == "99/QĐ-UBND"


def test_decisions_are_those_issued_in_the_scope_or_awarding_or_revoking_in_it(api, officer,
                                                                             register):
    response = api(officer, "/decisions")
    assert response.status_code == 200
    # Not Phan Thiết's 31/QĐ-UBND, nor the special zone's 5/QĐ-UBND; newest first.
    assert [d["number"] for d in response.json()["items"]] == [
        "99/QĐ-UBND", "250/QĐ-UBND", "12/QĐ-UBND"]


def test_decisions_are_filtered_by_year_and_number(api, admin_user, register):
    assert [d["number"] for d in api(admin_user, "/decisions", year=2021).json()["items"]] == [
        "31/QĐ-UBND", "12/QĐ-UBND"]
    response = api(admin_user, "/decisions", number="250/QĐ-UBND")
    assert [d["id"] for d in response.json()["items"]] == [register.province.pk]


def test_decision_detail_counts_the_awards_in_force_within_the_scope(api, officer, admin_user,
                                                                     tree, register):
    # Under 250/QĐ-UBND: Hoà's award (revoked), Phú Quý's and Phan Thiết's collective awards.
    assert api(officer, f"/decisions/{register.province.pk}").json()["awards_in_force"] == 1
    detail = api(admin_user, f"/decisions/{register.province.pk}").json()
    assert detail == {
        "id": register.province.pk, "number": "250/QĐ-UBND", "date": "2023-03-10",
        "issuer_name": "Tỉnh Bình Thuận",
        "issuer": {"id": tree.province.pk, "code": "binh-thuan", "name": "Tỉnh Bình Thuận"},
        "decided_by": "", "signer_name": "", "signer_title": "", "period": "",
        "legal_basis": "", "awards_in_force": 2,
    }


def test_a_decision_outside_the_scope_is_not_found(api, officer, register):
    response = api(officer, f"/decisions/{register.phan_thiet.pk}")
    assert response.status_code == 404
    assert response.json() == {"detail": f"Không tìm thấy quyết định khen thưởng có mã số "
                                         f"{register.phan_thiet.pk} trong phạm vi bạn được xem."}


def test_the_catalogue_lists_every_title_and_form(api, officer):
    catalogue = api(officer, "/catalogue").json()
    assert len(catalogue) == AwardType.objects.count()
    ldtt = next(entry for entry in catalogue if entry["code"] == "ldtt")
    assert ldtt == {
        "code": "ldtt", "name": "Lao động tiên tiến", "short_name": "LĐTT",
        "category": "title", "category_label": "Danh hiệu thi đua",
        "level": "co_so", "level_label": "Cơ sở", "subjects": ["individual"],
        "kind": "cong_trang",
        "authorities": ["unit_head", "department_head", "commune_chair", "enterprise_director"],
        "is_annual": True, "legal_basis": "Luật Thi đua, khen thưởng 2022, Điều 24",
        "active": True,
    }


def test_an_invalid_parameter_is_named_in_vietnamese(api, officer):
    response = api(officer, "/awards", year="hai nghìn")
    assert response.status_code == 422
    assert response.json() == {
        "detail": "Tham số “year”: phải là một số nguyên.",
        "errors": [{"field": "year", "message": "phải là một số nguyên"}],
    }
    response = api(officer, "/decisions", limit=500)
    assert response.json()["detail"] == "Tham số “limit”: không được lớn hơn 200."
