"""The admin: every page renders, and what it writes goes through the services."""

import datetime

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db import connection
from django.urls import reverse

from tests.awards.decisions import make_draft, voted_round
from tests.documents.test_signing import PASSPHRASE, throwaway_pkcs12
from tests.factories import make_award, make_decision, make_round, make_unit
from thidua.accounts.models import ApiToken, User
from thidua.accounts.services import create_token
from thidua.awards import services as award_services
from thidua.awards.models import (
    Award,
    Decision,
    DecisionDraft,
    DecisionFile,
    DecisionNumber,
    ImportBatch,
    PackageReceipt,
    Revocation,
)
from thidua.core.models import AuditEntry
from thidua.councils import services as council_services
from thidua.documents import signing
from thidua.documents.certificates import services as certificate_services
from thidua.documents.certificates.choices import CertificateForm
from thidua.documents.certificates.layouts import save_layout
from thidua.documents.models import BlankLayout, CertificateBatch
from thidua.documents.verification import issue_certificates
from thidua.movements import services as cluster_services
from thidua.organisations.models import LineageEvent, Unit
from thidua.organisations.services import record_collective_rating
from thidua.people import services as people_services
from thidua.people.models import Person

MODELS = list(admin.site._registry)
OUR_MODELS = [model for model in MODELS if model._meta.app_config.name.startswith("thidua.")]


@pytest.fixture
def records(tree, people, officer, reviewer, leader, settings, tmp_path):
    """At least one row of every model shown in the admin."""
    settings.MEDIA_ROOT = tmp_path
    award = make_award("ldtt", person=people.hoa, year=2023)
    award_services.revoke_award(by=None, award=award, reason="Sai sót",
                                decision=make_decision(date=datetime.date(2024, 5, 2)))
    in_force = make_award("ttldtt", collective=tree.phu_quy, year=2023)
    award_services.record_initiative(by=None, person=people.hoa, title="Sáng kiến", year=2023,
                                     scope="co_so")
    people_services.record_rating(by=None, person=people.hoa, year=2023, level="HTXS")
    people_services.record_discipline(by=None, person=people.binh, level="khien_trach",
                                      start=datetime.date(2022, 1, 1))
    people_services.add_position(by=None, person=people.binh, unit=tree.tam_thanh,
                                 title="Công chức", start=datetime.date(2010, 1, 1))
    record_collective_rating(by=None, unit=tree.phu_quy, year=2023, level="HTXS")
    cluster = cluster_services.create_cluster(by=None, code="cum-1", name="Cụm thi đua số I",
                                              organiser=tree.province)
    cluster_services.set_cluster_year(by=None, cluster=cluster, year=2017,
                                      members=[tree.phu_quy, tree.phan_thiet],
                                      chair=tree.phu_quy)
    cluster_services.hand_over_chair(by=None, cluster=cluster, for_year=2018,
                                     date=datetime.date(2018, 1, 15), from_unit=tree.phu_quy,
                                     to_unit=tree.phan_thiet)
    create_token(by=None, user=officer, name="Báo cáo")
    # The importer's own record of a run; only the importer writes it, so it is made directly.
    ImportBatch.objects.create(file_name="so-khen-thuong.xlsx", file_sha256="0" * 64)
    # A decision issued from a draft: the draft, its annex, the number taken and the sequence.
    # Only the district's dossier: Bình, in the commune's, is under discipline (above).
    voted = voted_round(tree, people)
    award_services.issue_decision(by=leader, draft=make_draft(voted, tree.phu_quy,
                                                              dossiers=[voted.district]))
    # Only the package importer writes receipts and the files received, so they are made
    # directly.
    receipt = PackageReceipt.objects.create(kind="decision", content_sha256="1" * 64,
                                            object_type="awards.decision", object_id="1",
                                            file_name="quyet-dinh.zip")
    DecisionFile.objects.create(decision=award.decision, receipt=receipt, kind="report",
                                original_name="Báo cáo thành tích.pdf", dossier="15/TTr-UBND",
                                sha256="2" * 64, size=1200, content_type="application/pdf",
                                stored_name="attachments/ab/cd")
    council = council_services.create_council(by=None, name="Hội đồng Thi đua – Khen thưởng tỉnh",
                                              organiser=tree.province)
    council_services.create_session(by=reviewer, council=council, date=datetime.date(2026, 1, 5),
                                    round=make_round(tree.province, by=reviewer))
    issue_certificates([award], by=None)
    save_layout(by=None, form=CertificateForm.values[0], unit=None, fields=[],
                page={"page_width": 297, "page_height": 210, "offset_x": 0, "offset_y": 0})
    pdf = certificate_services.decision_pdf(in_force.decision, by=None)
    CertificateBatch.objects.create(decision=award.decision)
    data, _certificate = throwaway_pkcs12()
    signing.sign_pdf(by=None, pdf=pdf, signer=signing.signer_from_pkcs12(data, PASSPHRASE),
                     title="Bằng khen", reason="Cấp bằng khen", location="Bình Thuận")


@pytest.fixture
def site(client, admin_user):
    client.force_login(admin_user)
    return client


def url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_every_changelist_renders_for_a_superuser(site, records, model):
    assert site.get(url(model, "changelist")).status_code == 200
    assert site.get(url(model, "changelist"), {"q": "Phú Quý"}).status_code == 200


@pytest.mark.parametrize("model", OUR_MODELS, ids=lambda m: m._meta.label)
def test_every_record_page_renders_for_a_superuser(site, records, model):
    obj = model._default_manager.first()
    assert site.get(url(model, "change", obj.pk)).status_code == 200


def test_search_ignores_accents(site, records):
    response = site.get(url(Person, "changelist"), {"q": "nguyen thi hoa"})
    assert [p.full_name for p in response.context["cl"].result_list] == ["Nguyễn Thị Hoà"]
    response = site.get(url(Unit, "changelist"), {"q": "Phú Quý"})
    assert sorted(u.code for u in response.context["cl"].result_list) == [
        "dac-khu-phu-quy", "phu-quy"]


@pytest.mark.parametrize("model", [Award, Revocation, AuditEntry, ApiToken, DecisionDraft,
                                   DecisionNumber, PackageReceipt, DecisionFile])
def test_history_is_read_only(site, records, model):
    obj = model._default_manager.first()
    assert site.get(url(model, "add")).status_code == 403
    assert site.get(url(model, "delete", obj.pk)).status_code == 403
    page = site.get(url(model, "change", obj.pk))
    assert page.context["has_change_permission"] is False


def test_adding_a_unit_goes_through_the_service(site, admin_user, tree):
    response = site.post(url(Unit, "add"), {
        "code": "phu-long", "name": "UBND xã  Phú Long", "short_name": "", "kind": "commune",
        "parent": tree.phan_thiet.pk, "valid_from": "", "valid_to": "", "address": "",
    })
    assert response.status_code == 302
    unit = Unit.objects.get(code="phu-long")
    assert (unit.name, unit.name_folded) == ("UBND xã Phú Long", "ubnd xa phu long")
    assert unit.path == f"{tree.phan_thiet.path}{unit.pk}/"
    entry = AuditEntry.objects.get(action="thidua.unit.created", object_id=str(unit.pk))
    assert entry.actor == admin_user


def test_a_unit_is_not_edited_in_place(site, tree):
    page = site.get(url(Unit, "change", tree.phu_quy.pk))
    assert page.context["has_change_permission"] is False


def test_adding_a_lineage_event_closes_the_predecessor(site, tree):
    successor = make_unit("UBND phường Phú Thủy mới", "ward", tree.phan_thiet,
                          valid_from=datetime.date(2026, 1, 1))
    response = site.post(url(LineageEvent, "add"), {
        "kind": "rename", "date": "01/01/2026", "predecessors": str(tree.phu_thuy.pk),
        "successors": str(successor.pk), "basis": "Nghị quyết 1/NQ-HĐND", "note": "",
    })
    assert response.status_code == 302
    event = LineageEvent.objects.get(basis="Nghị quyết 1/NQ-HĐND")
    assert (list(event.predecessors.all()), list(event.successors.all())) == (
        [tree.phu_thuy], [successor])
    tree.phu_thuy.refresh_from_db()
    assert tree.phu_thuy.valid_to == datetime.date(2025, 12, 31)


def test_a_lineage_event_without_a_successor_is_refused_beside_the_field(site, tree):
    response = site.post(url(LineageEvent, "add"), {
        "kind": "rename", "date": "01/01/2026", "predecessors": str(tree.phu_thuy.pk),
        "successors": "", "basis": "", "note": "",
    })
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["successors"] == [
        "Sự kiện thay đổi đơn vị phải có ít nhất một đơn vị sau."]


def test_adding_a_person_goes_through_the_service_and_checks_the_id(site, tree):
    data = {"full_name": "nguyễn văn  an", "birth_date": "02/03/1980", "gender": "male",
            "personal_id": "060080000001", "ethnicity": "", "group": "cbccvc_nld",
            "unit": tree.phu_quy.pk, "title": ""}
    refused = site.post(url(Person, "add"), {**data, "personal_id": "060180000001"})
    assert refused.status_code == 200
    assert refused.context["adminform"].form.errors["personal_id"] == [
        "Chữ số thứ tư không khớp với giới tính."]
    assert site.post(url(Person, "add"), data).status_code == 302
    person = Person.objects.get(personal_id="060080000001")
    assert (person.full_name, person.name_folded) == ("nguyễn văn an", "nguyen van an")
    assert AuditEntry.objects.filter(action="thidua.person.created").count() == 1


def test_changing_a_person_is_audited_with_before_and_after(site, people):
    hoa = people.hoa
    response = site.post(url(Person, "change", hoa.pk), {
        "full_name": hoa.full_name, "birth_date": "02/03/1985", "gender": "female",
        "personal_id": "", "ethnicity": "Kinh", "group": "cbccvc_nld", "unit": hoa.unit_id,
        "title": "Chuyên viên"})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="thidua.person.updated")
    assert (entry.before["title"], entry.after["title"]) == ("", "Chuyên viên")
    assert (entry.before["ethnicity"], entry.after["ethnicity"]) == ("", "Kinh")


def test_adding_a_decision_takes_the_issuer_name_when_left_empty(site, tree):
    response = site.post(url(Decision, "add"), {
        "number": "15/QĐ-UBND", "date": "20/12/2024", "issuer": tree.phu_quy.pk,
        "issuer_name": "", "decided_by": "district_chair", "signer_name": "", "signer_title": "",
        "legal_basis": "", "period": "", "period_start_year": "", "period_end_year": ""})
    assert response.status_code == 302
    assert Decision.objects.get(number="15/QĐ-UBND").issuer_name == "UBND huyện Phú Quý"


def test_revoking_api_keys_from_the_admin(site, admin_user, records):
    token = ApiToken.objects.get()
    response = site.post(url(ApiToken, "changelist"), {
        "action": "revoke", "_selected_action": [token.pk]}, follow=True)
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == ["Đã thu hồi 1 khoá API."]
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEntry.objects.get(action="thidua.api_token.revoked").actor == admin_user


def test_the_user_admin_edits_role_and_unit_and_audits(site, officer, tree):
    page = site.get(url(User, "change", officer.pk))
    assert {"role", "unit", "full_name"} <= set(page.context["adminform"].form.fields)
    response = site.post(url(User, "add"), {
        "username": "tuyphong", "password1": "mat-khau-dai-2025", "password2":
        "mat-khau-dai-2025", "usable_password": "true", "full_name": "Lê Văn Tú",
        "role": "officer", "unit": tree.phan_thiet.pk})
    assert response.status_code == 302
    user = User.objects.get(username="tuyphong")
    assert (user.role, user.unit, user.check_password("mat-khau-dai-2025")) == (
        "officer", tree.phan_thiet, True)
    entry = AuditEntry.objects.get(action="thidua.user.created")
    assert entry.after["username"] == "tuyphong"
    assert "password" not in entry.after


@pytest.mark.parametrize("model", OUR_MODELS, ids=lambda m: m._meta.label)
def test_every_add_page_renders_or_is_refused(site, model, rf, admin_user):
    request = rf.get("/")
    request.user = admin_user
    may_add = admin.site._registry[model].has_add_permission(request)
    assert site.get(url(model, "add")).status_code == (200 if may_add else 403)


def test_a_decision_shows_the_files_received_with_it(site, records):
    received = DecisionFile.objects.get()
    page = site.get(url(Decision, "change", received.decision_id))
    assert [form.instance for form in page.context["inline_admin_formsets"][0].formset.forms] == [
        received]
    assert "Báo cáo thành tích.pdf" in page.content.decode()


# ---- odd input (a fuzzing pass over /admin/): Django's "wrong lookup" or the form's error ----

HUGE = "99999999999999999999"


@pytest.mark.parametrize(("model", "params"), [
    (Person, {"pk__in": HUGE}), (User, {"id__in": HUGE}), (Person, {"unit": HUGE}),
    (Decision, {"date__year": HUGE}), (Decision, {"date__year": "9999", "date__month": "12"}),
    (AuditEntry, {"at__year": HUGE})])
def test_an_odd_list_lookup_shows_the_list_again(site, records, model, params):
    """Where the database refuses the value (SQLite: an id past a bigint; either: a year past
    datetime's) the list comes again as Django's "wrong lookup"; PostgreSQL compares an id past
    a bigint as a number and simply finds nothing."""
    response = site.get(url(model, "changelist"), params)
    if response.status_code == 200:
        assert connection.vendor == "postgresql" and "__year" not in next(iter(params))
        assert response.context["cl"].result_count == 0
    else:
        assert (response.status_code, response["Location"]) == (
            302, url(model, "changelist") + "?e=1")


def test_a_lineage_event_naming_a_unit_past_a_bigint_is_refused_beside_the_field(site, tree):
    response = site.post(url(LineageEvent, "add"), {
        "kind": "rename", "date": "01/01/2026", "predecessors": HUGE,
        "successors": str(tree.phu_quy.pk), "basis": "", "note": ""})
    assert response.status_code == 200
    assert "predecessors" in response.context["adminform"].form.errors


def test_permissions_and_groups_past_a_bigint_are_the_forms_error(site, officer):
    group = site.post(url(Group, "add"), {"name": "Tổ thi đua", "permissions": HUGE})
    assert group.status_code == 200 and not Group.objects.exists()
    user = site.post(url(User, "change", officer.pk), {
        "username": officer.username, "groups": HUGE, "role": officer.role,
        "unit": officer.unit_id, "date_joined_0": "01/01/2026", "date_joined_1": "00:00:00"})
    assert user.status_code == 200
    assert "groups" in user.context["adminform"].form.errors


@pytest.mark.parametrize("chosen", ["²", HUGE])
def test_an_action_on_rows_that_are_not_rows_deletes_nothing(site, records, chosen):
    before = BlankLayout.objects.count()
    response = site.post(url(BlankLayout, "changelist"), {
        "action": "delete_selected", "_selected_action": [chosen]})
    assert response.status_code == 302
    assert BlankLayout.objects.count() == before


def test_a_blank_layout_of_an_odd_unit_is_the_forms_error(site):
    response = site.post(url(BlankLayout, "add"), {
        "form": "bang_khen", "kind": "", "unit": "abc", "page_width": "297",
        "page_height": "210", "offset_x": "0", "offset_y": "0",
        "fields-TOTAL_FORMS": "0", "fields-INITIAL_FORMS": "0"})
    assert response.status_code == 200
    assert "unit" in response.context["adminform"].form.errors


def test_a_many_to_many_name_as_to_field_is_refused(site):
    assert site.get(url(Group, "changelist"), {"_to_field": "user"}).status_code == 400
