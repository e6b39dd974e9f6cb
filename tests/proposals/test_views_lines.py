"""Adding lines (a person found in scope only), the justification on the page, removing a line,
the Excel import page and its template; rounds and attachments through their pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.awards.xlsx_builder import write_register
from tests.proposals.conftest import counts
from tests.proposals.test_attachments import PDF
from tests.proposals.test_import import HEADER, hoa_row
from thidua.proposals import services
from thidua.proposals.models import Round


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_person_search_shows_only_people_of_the_units_scope(dossier, rated, zone_officer,
                                                               admin_user):
    """Lê Thị Hòa of Phan Thiết is a namesake: she must not show, even to an administrator
    working on Phú Quý's dossier."""
    for user in (zone_officer, admin_user):
        page = client_for(user).get(reverse("proposals:nominee_add", args=[dossier.pk]),
                                    {"q": "thi hoa"})
        assert [person.full_name for person in page.context["people"]] == ["Nguyễn Thị Hoà"]
        assert "Lê Thị Hòa" not in page.content.decode()


def test_adding_a_person_posted_from_outside_the_scope_is_refused(dossier, rated, zone_officer,
                                                                  ldtt):
    before = counts()
    page = client_for(zone_officer).post(
        reverse("proposals:nominee_add", args=[dossier.pk]),
        {"person": rated.other.pk, "award_type": ldtt.pk, "version": dossier.version})
    assert page.status_code == 200
    assert "Hãy chọn một người trong kết quả tìm kiếm." in page.content.decode()
    assert counts() == before


def test_adding_a_person_and_a_collective(dossier, rated, tree, zone_officer, ldtt):
    from tests.factories import award_type

    client = client_for(zone_officer)
    added = client.post(reverse("proposals:nominee_add", args=[dossier.pk]),
                        {"person": rated.hoa.pk, "award_type": ldtt.pk,
                         "summary": "Hoàn thành tốt", "version": dossier.version})
    assert added.status_code == 302
    dossier.refresh_from_db()
    client.post(reverse("proposals:nominee_add", args=[dossier.pk]),
                {"collective": tree.special_zone.pk, "award_type": award_type("ttldtt").pk,
                 "version": dossier.version})
    assert list(dossier.nominees.values_list("name", "subject_kind", "verdict")) == [
        ("Nguyễn Thị Hoà", "individual", "ELIGIBLE"),
        ("UBND đặc khu Phú Quý", "collective", "INELIGIBLE")]


def test_adding_a_household_with_its_address_shows_it_on_the_dossier(dossier, zone_officer):
    from tests.factories import award_type

    client = client_for(zone_officer)
    added = client.post(reverse("proposals:nominee_add", args=[dossier.pk]),
                        {"household": "Lê Văn Tư", "household_address": "Thôn Triều Dương",
                         "award_type": award_type("gia_dinh_van_hoa").pk,
                         "version": dossier.version})
    assert added.status_code == 302
    assert list(dossier.nominees.values_list("name", "subject_kind", "address")) == [
        ("Lê Văn Tư", "household", "Thôn Triều Dương")]
    page = client.get(reverse("proposals:detail", args=[dossier.pk])).content.decode()
    assert "UBND đặc khu Phú Quý · Thôn Triều Dương" in page


def test_the_add_page_does_not_exist_after_submission_or_for_another_unit(
        dossier, rated, zone_officer, other_officer, ldtt):
    assert client_for(other_officer).get(
        reverse("proposals:nominee_add", args=[dossier.pk])).status_code == 404
    services.add_nominee(by=zone_officer, proposal=dossier, person=rated.hoa, award_type=ldtt)
    dossier.refresh_from_db()
    services.act(dossier, "submit", by=zone_officer, version=dossier.version)
    assert client_for(zone_officer).get(
        reverse("proposals:nominee_add", args=[dossier.pk])).status_code == 404


def test_the_justification_is_written_on_the_page(dossier, rated, zone_officer, ldtt):
    line = services.add_nominee(by=zone_officer, proposal=dossier, person=rated.binh,
                                award_type=ldtt)
    dossier.refresh_from_db()
    client_for(zone_officer).post(
        reverse("proposals:nominee_justify", args=[dossier.pk, line.pk]),
        {"justification": "  Dũng cảm cứu người  ", "version": dossier.version})
    line.refresh_from_db()
    assert line.justification == "Dũng cảm cứu người"


def test_removing_a_line_from_a_stale_page_is_refused(dossier, rated, zone_officer, ldtt):
    line = services.add_nominee(by=zone_officer, proposal=dossier, person=rated.hoa,
                                award_type=ldtt)
    before = counts()
    response = client_for(zone_officer).post(
        reverse("proposals:nominee_remove", args=[dossier.pk, line.pk]),
        {"version": dossier.version}, follow=True)  # the version before the line was added
    assert "Hồ sơ này vừa được người khác thay đổi" in response.content.decode()
    assert counts() == before


def test_the_import_page_lists_the_errors_and_writes_nothing(dossier, rated, zone_officer,
                                                             tmp_path):
    path = write_register(tmp_path / "sai.xlsx", [hoa_row(**{"Ngày sinh": "32/01/1985"})],
                          header=HEADER)
    before = counts()
    page = client_for(zone_officer).post(
        reverse("proposals:nominee_import", args=[dossier.pk]),
        {"file": SimpleUploadedFile("sai.xlsx", path.read_bytes()), "version": dossier.version})
    assert page.status_code == 200
    assert ("Trang tính “Danh sách”, dòng 2, cột Ngày sinh (C): Ngày 32/01/1985 không có thật."
            in page.content.decode())
    assert counts() == before


def test_the_import_page_adds_the_lines(dossier, rated, zone_officer, tmp_path):
    path = write_register(tmp_path / "dung.xlsx", [hoa_row()], header=HEADER)
    response = client_for(zone_officer).post(
        reverse("proposals:nominee_import", args=[dossier.pk]),
        {"file": SimpleUploadedFile("dung.xlsx", path.read_bytes()), "version": dossier.version})
    assert response.status_code == 302
    assert list(dossier.nominees.values_list("name", flat=True)) == ["Nguyễn Thị Hoà"]


def test_a_pdf_renamed_xlsx_is_refused_by_the_import_page(dossier, zone_officer):
    page = client_for(zone_officer).post(
        reverse("proposals:nominee_import", args=[dossier.pk]),
        {"file": SimpleUploadedFile("danh-sach.xlsx", PDF), "version": dossier.version})
    assert "Tệp không phải tệp Excel (.xlsx)." in page.content.decode()


def test_the_template_downloads(zone_officer):
    response = client_for(zone_officer).get(reverse("proposals:nominee_template"))
    assert response.status_code == 200
    assert response.content.startswith(b"PK\x03\x04")


# -- attachments through the page -------------------------------------------------------------
@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_upload_and_download_only_for_those_who_see_the_dossier(dossier, zone_officer,
                                                                 other_officer, media):
    client = client_for(zone_officer)
    client.post(reverse("proposals:attachment_add", args=[dossier.pk]), {
        "file": SimpleUploadedFile("to-trinh.pdf", PDF), "kind": "submission",
        "version": dossier.version})
    attachment = dossier.attachments.get()
    url = reverse("proposals:attachment_download", args=[dossier.pk, attachment.pk])
    response = client.get(url)
    assert (response.status_code, b"".join(response.streaming_content)) == (200, PDF)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="to-trinh.pdf"'
    assert client_for(other_officer).get(url).status_code == 404


def test_an_exe_renamed_pdf_is_refused_by_the_page(dossier, zone_officer, media):
    before = counts()
    response = client_for(zone_officer).post(
        reverse("proposals:attachment_add", args=[dossier.pk]),
        {"file": SimpleUploadedFile("hoa-don.pdf", b"MZ\x90\x00" + b"\x00" * 300),
         "kind": "evidence", "version": dossier.version}, follow=True)
    assert response.status_code == 200
    assert "tệp này không thuộc loại nào trong số đó" in response.content.decode()
    assert counts() == before


# -- rounds -----------------------------------------------------------------------------------
def test_a_reviewer_opens_a_round_and_an_officer_may_not(tree, province_reviewer, zone_officer):
    data = {"name": "Khen thưởng chuyên đề phòng chống bão 2025", "kind": "chuyen_de",
            "year": 2025, "organiser": tree.lam_dong.pk, "deciding_level": "province",
            "opens_on": "05/01/2026", "submission_deadline": "27/02/2026",
            "requires_publication": "on"}
    assert client_for(zone_officer).post(reverse("proposals:round_create"),
                                         data).status_code == 403
    response = client_for(province_reviewer).post(reverse("proposals:round_create"), data)
    assert response.status_code == 302
    opened = Round.objects.get()
    assert (opened.kind, opened.submission_deadline.isoformat(), opened.created_by) == (
        "chuyen_de", "2026-02-27", province_reviewer)


def test_a_round_whose_deadline_is_before_it_opens_is_refused(tree, province_reviewer):
    page = client_for(province_reviewer).post(reverse("proposals:round_create"), {
        "name": "Đợt sai", "kind": "cong_trang", "year": 2025, "organiser": tree.lam_dong.pk,
        "deciding_level": "province", "opens_on": "05/03/2026",
        "submission_deadline": "27/02/2026"})
    assert "Hạn nộp hồ sơ sớm hơn ngày bắt đầu đợt." in page.content.decode()
    assert Round.objects.count() == 0


def test_the_round_check_button(round_, dossier, rated, zone_officer, province_reviewer, ldtt):
    services.add_nominee(by=zone_officer, proposal=dossier, person=rated.hoa, award_type=ldtt)
    response = client_for(province_reviewer).post(
        reverse("proposals:round_check", args=[round_.pk]), follow=True)
    assert "Đã kiểm tra 1 người được đề nghị của đợt." in response.content.decode()


def test_the_edit_page_offers_the_criteria_the_unit_may_assert(tree, rated, zone_officer,
                                                              admin_user):
    from tests.factories import award_type, make_proposal, make_round

    provincial = make_round(tree.lam_dong, by=admin_user, name="Bằng khen năm 2025")
    dossier = make_proposal(provincial, tree.special_zone, by=zone_officer)
    line = services.add_nominee(by=zone_officer, proposal=dossier, person=rated.hoa,
                                award_type=award_type("bk_bo_tinh_individual"))
    dossier.refresh_from_db()
    url = reverse("proposals:nominee_edit", args=[dossier.pk, line.pk])
    client = client_for(zone_officer)
    page = client.get(url)
    assert [name for name, _text, held in page.context["facts"]][:1] == [
        "outstanding_in_ministry_or_province_movement"]
    response = client.post(url, {
        "award_type": line.award_type_id, "summary": "Dẫn đầu phong trào thi đua của tỉnh",
        "fact": ["outstanding_in_ministry_or_province_movement", "not_offered"],
        "version": dossier.version})
    assert response.status_code == 302
    line.refresh_from_db()
    assert (line.facts, line.verdict) == (
        {"outstanding_in_ministry_or_province_movement": True}, "ELIGIBLE")


def test_a_household_without_its_address_is_refused(dossier, zone_officer):
    from tests.factories import award_type

    response = client_for(zone_officer).post(
        reverse("proposals:nominee_add", args=[dossier.pk]),
        {"household": "Lê Văn Tư", "household_address": "  ",
         "award_type": award_type("gia_dinh_van_hoa").pk, "version": dossier.version},
        follow=True)
    assert ("Hộ gia đình được xác định bằng chủ hộ và địa chỉ: hãy ghi địa chỉ."
            in response.content.decode())
    assert not dossier.nominees.exists()
