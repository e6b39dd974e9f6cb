"""The officer's certificate screens: a decision's batch with its progress and files, one
award's certificate, blank layouts and their calibration sheet; scope and roles."""

import io
import zipfile

import pytest
from django.urls import reverse

from tests.documents.certificate_support import (
    box_px,
    changed_box,
    ink,
    make_certified,
    page_sizes_mm,
    page_texts,
    post_data,
    rendered,
)
from tests.factories import UserFactory
from thidua.accounts.choices import Role
from thidua.core.models import AuditEntry
from thidua.documents.certificates import layouts
from thidua.documents.models import BlankLayout, Certificate, CertificateBatch

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def certified(tree):
    return make_certified(tree)


@pytest.fixture
def signed_in(client, officer):
    client.force_login(officer)
    return client


def test_the_decision_page_lists_the_awards_in_the_officers_scope(signed_in, certified,
                                                                  django_assert_max_num_queries):
    url = reverse("certificates:decision", args=[certified.decision.pk])
    with django_assert_max_num_queries(12):  # whatever the number of awards
        response = signed_in.get(url)
    assert response.status_code == 200
    names = [award.awardee_name for award in response.context["awards"]]
    assert names == ["Nguyễn Thị Hoà", "Trần Văn Bình", "Phòng Nội vụ huyện Phú Quý"]
    assert "3 khen thưởng còn hiệu lực trong phạm vi của bạn" in response.content.decode()


def test_a_batch_makes_one_pdf_and_a_zip_of_the_scope(signed_in, certified,
                                                     django_capture_on_commit_callbacks):
    url = reverse("certificates:start_batch", args=[certified.decision.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(url)
    batch = CertificateBatch.objects.get()
    assert response["Location"] == reverse("certificates:batch", args=[batch.pk])
    assert (batch.status, batch.total, batch.done) == ("done", 3, 3)

    page = signed_in.get(response["Location"])
    assert b'id="download-pdf"' in page.content
    pdf = b"".join(signed_in.get(reverse("certificates:batch_pdf", args=[batch.pk])))
    texts = page_texts(pdf)
    assert len(texts) == 3
    assert "Bà Nguyễn Thị Hoà" in texts[0] and "Ông Trần Văn Bình" in texts[1]
    assert all("Phạm Thị Dung" not in text for text in texts)  # Phan Thiết: another scope

    archive = b"".join(signed_in.get(reverse("certificates:batch_zip", args=[batch.pk])))
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        names = opened.namelist()
        singles = [opened.read(name) for name in names]
    awards = certified.awards
    assert names == [f"{awards.hoa.pk:07d}-nguyen-thi-hoa.pdf",
                     f"{awards.binh.pk:07d}-tran-van-binh.pdf",
                     f"{awards.team.pk:07d}-phong-noi-vu-huyen-phu-quy.pdf"]
    assert [page_texts(single)[0] for single in singles] == texts


def test_a_batch_for_blanks_prints_only_the_variable_text(signed_in, certified,
                                                         django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(reverse("certificates:start_batch", args=[certified.decision.pk]),
                       {"blank": "1"})
    batch = CertificateBatch.objects.get()
    assert batch.blank is True
    pdf = b"".join(signed_in.get(reverse("certificates:batch_pdf", args=[batch.pk])))
    text = page_texts(pdf)[0]
    assert "Bà Nguyễn Thị Hoà" in text
    assert "Quyết định số 120/QĐ-UBND, ngày 20 tháng 12 năm 2024" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text
    assert "BẰNG KHEN" not in text
    image = rendered(pdf)
    assert ink(image, box_px(0, 0, 420, 60)) == 0  # no frame, emblem or motto
    assert ink(image, box_px(0, 0, 12, 297)) == 0


def test_the_progress_bar_reloads_the_page_when_the_batch_is_done(signed_in, officer,
                                                                  certified):
    batch = CertificateBatch.objects.create(decision=certified.decision, created_by=officer,
                                            status="running", total=3, done=1)
    url = reverse("certificates:batch_progress", args=[batch.pk])
    running = signed_in.get(url, headers={"HX-Request": "true"})
    assert b'value="1" max="3"' in running.content
    batch.status = "done"
    batch.save()
    done = signed_in.get(url, headers={"HX-Request": "true"})
    assert done["HX-Refresh"] == "true"


def test_another_officer_cannot_open_the_batch(client, signed_in, certified, other_officer,
                                               django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(reverse("certificates:start_batch", args=[certified.decision.pk]))
    batch = CertificateBatch.objects.get()
    client.force_login(other_officer)
    assert client.get(reverse("certificates:batch", args=[batch.pk])).status_code == 404
    assert client.get(reverse("certificates:batch_pdf", args=[batch.pk])).status_code == 404


def test_one_awards_certificate_designed_or_on_a_blank(signed_in, certified):
    award = certified.awards.binh
    url = reverse("certificates:award", args=[award.pk])

    designed = signed_in.get(url)
    blank = signed_in.get(url, {"phoi": "1"})

    assert designed["Content-Type"] == "application/pdf"
    code = Certificate.objects.get(award=award).code
    assert f"{code[:5]}-{code[5:]}" in page_texts(designed.content)[0]
    assert f"{code[:5]}-{code[5:]}" in page_texts(blank.content)[0]
    assert "CỘNG HÒA" in page_texts(designed.content)[0]
    assert "CỘNG HÒA" not in page_texts(blank.content)[0]


def test_certificates_outside_the_scope_or_revoked_are_not_found(signed_in, certified):
    for award in (certified.awards.dung, certified.awards.other):
        response = signed_in.get(reverse("certificates:award", args=[award.pk]))
        assert response.status_code == 404
    assert Certificate.objects.count() == 0


def test_a_read_only_leader_may_not_print(client, certified, leader):
    client.force_login(leader)
    assert client.get(reverse("certificates:decision",
                              args=[certified.decision.pk])).status_code == 403
    assert client.get(reverse("certificates:award",
                              args=[certified.awards.hoa.pk])).status_code == 403
    assert client.get(reverse("certificates:layouts")).status_code == 403


# -- blank layouts (per kind: test_certificates_layouts.py) -------------------------------
def test_an_officers_layout_is_for_their_units_blanks_only(signed_in, certified, tree):
    url = reverse("certificates:layout_edit", args=["bang_khen"]) + f"?don-vi={tree.province.pk}"
    before = b"".join(signed_in.get(reverse("certificates:award", args=[certified.awards.hoa.pk]),
                                    {"phoi": "1"}))
    page = signed_in.get(url)
    assert page.status_code == 404  # the province is outside a district officer's scope

    url = reverse("certificates:layout_edit", args=["bang_khen"]) + f"?don-vi={tree.phu_quy.pk}"
    spec = layouts.complete(layouts.resolve("bang_khen", tree.phu_quy))
    assert len(signed_in.get(url).context["fields"].forms) == 12
    response = signed_in.post(url, post_data(spec, y="40.0"))
    assert response.status_code == 302
    layout = BlankLayout.objects.get(unit=tree.phu_quy, form="bang_khen")
    assert float(layout.fields.get(name="awardee").y) == 40.0
    assert AuditEntry.objects.filter(action="thidua.blank_layout.saved").count() == 1
    # The province issued the decision: its blanks, not Phú Quý's, are used for it.
    after = b"".join(signed_in.get(reverse("certificates:award", args=[certified.awards.hoa.pk]),
                                   {"phoi": "1"}))
    assert changed_box(rendered(before), rendered(after)) is None


def test_a_unit_layout_is_used_for_the_decisions_it_issues(client, reviewer, certified, tree):
    client.force_login(reviewer)
    url = reverse("certificates:layout_edit", args=["bang_khen"]) + f"?don-vi={tree.province.pk}"
    spec = layouts.complete(layouts.resolve("bang_khen", tree.province))
    award_url = reverse("certificates:award", args=[certified.awards.hoa.pk])
    before = rendered(b"".join(client.get(award_url, {"phoi": "1"})))

    client.post(url, post_data(spec, y="40.0"))

    after = rendered(b"".join(client.get(award_url, {"phoi": "1"})))
    scale = 420 / 297
    old_box = box_px(30 * scale, 90 * scale, 237 * scale, 14 * scale)
    new_box = box_px(30 * scale, 40, 237 * scale, 14 * scale)
    assert ink(after, old_box) == 0
    assert ink(after, new_box) > 500
    assert ink(before, new_box) == 0


def test_bad_layout_values_are_reported_and_nothing_is_saved(signed_in, tree):
    url = reverse("certificates:layout_edit", args=["giay_khen"]) + f"?don-vi={tree.phu_quy.pk}"
    spec = layouts.complete(layouts.resolve("giay_khen", tree.phu_quy))
    response = signed_in.post(url, post_data(spec, width="0", x="abc"))
    assert response.status_code == 200
    rows = {form["name"].value(): form for form in response.context["fields"].forms}
    assert sorted(rows["awardee"].errors) == ["width", "x"]
    assert BlankLayout.objects.count() == 0


def test_the_calibration_sheet_has_the_paper_size_and_the_boxes(signed_in, tree):
    url = reverse("certificates:calibration", args=["giay_khen"]) + f"?don-vi={tree.phu_quy.pk}"
    response = signed_in.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert page_sizes_mm(response.content) == [(297, 210)]
    text = page_texts(response.content)[0]
    assert "Người, tập thể được khen (30, 90)" in text
    assert "Mã QR (24, 166)" in text
    assert "Tờ căn chỉnh máy in – Giấy khen" in text


def test_the_layout_list_offers_the_units_in_scope(signed_in, tree):
    response = signed_in.get(reverse("certificates:layouts"))
    assert response.context["unit"] == tree.phu_quy
    assert [(form, kind) for form, kind, _query, _spec in response.context["rows"]] == [
        (form, kind) for form in ("bang_khen", "giay_khen", "title")
        for kind in ("", "individual", "collective")]
    assert tree.phan_thiet not in list(response.context["units"])


def test_an_officer_without_a_unit_picks_one(client, tree):
    user = UserFactory(username="nounit", role=Role.ADMIN, unit=None)
    client.force_login(user)
    response = client.get(reverse("certificates:layouts"))
    assert response.status_code == 200
    assert response.context["unit"] is None
