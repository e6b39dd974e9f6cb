"""The import pages: upload, check with preview, confirm, progress, template, access."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook

from tests.awards.conftest import database_counts
from tests.awards.xlsx_builder import binh, hoa, write_register
from thidua.awards.choices import ImportStatus
from thidua.awards.import_rows import COLUMNS
from thidua.awards.models import Award, ImportBatch


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def upload(tmp_path, rows, name="so.xlsx") -> SimpleUploadedFile:
    content = write_register(tmp_path / "build.xlsx", rows).read_bytes()
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def post_file(client, file, run_tasks, **data):
    with run_tasks(execute=True):
        return client.post(reverse("awards:import_start"), {"file": file, **data})


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks):
    """Tasks are queued after commit; the test database never commits, so run them here."""
    return django_capture_on_commit_callbacks


def test_upload_checks_the_file_and_shows_a_preview(client, officer, tree, tmp_path, media,
                                                    run_tasks):
    client.force_login(officer)
    response = post_file(client, upload(tmp_path, [hoa(), binh()]), run_tasks,
                         default_unit=tree.phu_quy.pk)
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("awards:import_detail", args=[batch.pk])
    assert (batch.file_name, batch.status, batch.dry_run, batch.total_rows, batch.default_unit,
            batch.created_by) == ("so.xlsx", ImportStatus.VALID, True, 2, tree.phu_quy, officer)
    stored = Path(media) / batch.stored_path
    assert batch.stored_path.startswith("imports/") and stored.name != "so.xlsx"
    assert stored.read_bytes()[:2] == b"PK"
    assert Award.objects.count() == 0
    page = client.get(response["Location"]).content.decode()
    assert "Mọi dòng đều hợp lệ. Chưa có gì được ghi" in page
    assert "Nguyễn Thị Hoà" in page and "Trần Văn Bình" in page
    assert 'id="import-preview"' in page
    assert "Ghi vào sổ" in page


def test_confirm_writes_the_register(client, officer, tree, tmp_path, run_tasks):
    client.force_login(officer)
    post_file(client, upload(tmp_path, [hoa(), binh()]), run_tasks)
    batch = ImportBatch.objects.get()
    with run_tasks(execute=True):
        response = client.post(reverse("awards:import_confirm", args=[batch.pk]))
    assert response.status_code == 302
    batch.refresh_from_db()
    assert (batch.status, batch.dry_run, batch.created_awards, batch.created_people) == (
        ImportStatus.DONE, False, 2, 2)
    assert set(Award.objects.values_list("import_batch", flat=True)) == {batch.pk}
    page = client.get(reverse("awards:import_detail", args=[batch.pk])).content.decode()
    assert "Đã ghi vào sổ khen thưởng." in page
    # Confirming twice is refused, without a server error and without writing again.
    response = client.post(reverse("awards:import_confirm", args=[batch.pk]), follow=True)
    assert "Chỉ ghi vào sổ được tệp đã kiểm tra đạt yêu cầu." in response.content.decode()
    assert Award.objects.count() == 2


def test_an_invalid_file_shows_the_error_report(client, officer, tree, tmp_path, run_tasks):
    client.force_login(officer)
    post_file(client, upload(tmp_path, [hoa(**{"Ngày sinh": "31/02/2020"})]), run_tasks)
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.FAILED
    page = client.get(reverse("awards:import_detail", args=[batch.pk])).content.decode()
    assert "Tệp có 1 lỗi; không ghi gì vào sổ." in page
    assert "<td>Ngày sinh (C)</td><td>Ngày 31/02/2020 không có thật.</td>" in page
    assert "Ghi vào sổ" not in page


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 broken", "Họ và tên".encode(),
                                     b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100])
def test_any_file_content_ends_in_a_report_not_a_server_error(client, officer, tree, run_tasks,
                                                              content):
    client.force_login(officer)
    response = post_file(client, SimpleUploadedFile("so.xlsx", content), run_tasks)
    if not content:  # an empty upload is refused by the form
        assert "Tệp rỗng." in response.content.decode()
        return
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.FAILED
    page = client.get(reverse("awards:import_detail", args=[batch.pk]))
    assert page.status_code == 200


def test_the_form_refuses_other_formats_and_large_files(client, officer, tree, tmp_path,
                                                        settings, run_tasks):
    client.force_login(officer)
    response = post_file(client, SimpleUploadedFile("so.csv", b"a;b"), run_tasks)
    assert "Chỉ nhập được tệp Excel (.xlsx): hãy lưu sổ khen thưởng ở định dạng này." in (
        response.content.decode())
    settings.IMPORT_MAX_BYTES = 1000
    response = post_file(client, upload(tmp_path, [hoa()]), run_tasks)
    assert "chỉ nhập được tệp tối đa 1000\xa0byte" in response.content.decode()
    assert ImportBatch.objects.count() == 0


def test_the_default_unit_must_be_in_scope(client, officer, tree, tmp_path, run_tasks):
    client.force_login(officer)
    response = post_file(client, upload(tmp_path, [hoa()]), run_tasks,
                         default_unit=tree.phan_thiet.pk)
    assert "Đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn." in response.content.decode()
    assert ImportBatch.objects.count() == 0


def test_progress_polls_while_running_and_reloads_when_done(client, officer, tree):
    client.force_login(officer)
    batch = ImportBatch.objects.create(file_name="so.xlsx", file_sha256="0" * 64,
                                       status=ImportStatus.RUNNING, total_rows=10000,
                                       processed_rows=5000, created_by=officer)
    url = reverse("awards:import_progress", args=[batch.pk])
    page = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert f'hx-get="{url}" hx-trigger="every 1s"' in page
    assert '<progress class="w-100" value="5000" max="10000">' in page
    assert "Đã kiểm tra 5000/10000 dòng" in page
    detail = client.get(reverse("awards:import_detail", args=[batch.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in detail
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportStatus.VALID)
    response = client.get(url, headers={"HX-Request": "true"})
    assert response.headers["HX-Refresh"] == "true"


def test_the_template_is_an_empty_register(client, officer, tree):
    client.force_login(officer)
    response = client.get(reverse("awards:import_template"))
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert response["Content-Disposition"] == 'attachment; filename="mau-so-khen-thuong.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == [column.label for column in COLUMNS]
    assert sheet.max_row == 1
    assert sheet.column_dimensions["E"].number_format == "@"  # the ID keeps its leading zero


def test_the_template_is_accepted_once_filled(client, officer, tree, tmp_path):
    client.force_login(officer)
    workbook = load_workbook(io.BytesIO(client.get(reverse("awards:import_template")).content))
    sheet = workbook.active
    labels = [cell.value for cell in sheet[1]]
    sheet.append([hoa().get(label, "") for label in labels])
    path = tmp_path / "mau.xlsx"
    workbook.save(path)
    out = io.StringIO()
    call_command("import", "awards", str(path), "--dry-run", stdout=out)
    assert "mau.xlsx hợp lệ" in out.getvalue()


@pytest.mark.parametrize("name", ["import_start", "import_template"])
def test_a_leader_may_not_import(client, leader, name):
    client.force_login(leader)
    assert client.get(reverse(f"awards:{name}")).status_code == 403


def test_a_leader_may_not_open_or_confirm_a_batch(client, leader, officer, tree):
    batch = ImportBatch.objects.create(file_name="so.xlsx", file_sha256="0" * 64,
                                       status=ImportStatus.VALID, created_by=officer)
    client.force_login(leader)
    for name in ("import_detail", "import_progress"):
        assert client.get(reverse(f"awards:{name}", args=[batch.pk])).status_code == 403
    before = database_counts()
    assert client.post(reverse("awards:import_confirm", args=[batch.pk])).status_code == 403
    assert database_counts() == before


def test_signing_in_is_required(client):
    response = client.get(reverse("awards:import_start"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_another_officer_cannot_see_my_batch(client, officer, other_officer, admin_user, tree):
    batch = ImportBatch.objects.create(file_name="so.xlsx", file_sha256="0" * 64,
                                       status=ImportStatus.VALID, created_by=officer)
    client.force_login(other_officer)
    assert client.get(reverse("awards:import_detail", args=[batch.pk])).status_code == 404
    assert client.post(reverse("awards:import_confirm", args=[batch.pk])).status_code == 404
    client.force_login(admin_user)
    assert client.get(reverse("awards:import_detail", args=[batch.pk])).status_code == 200


def test_confirm_accepts_post_only(client, officer, tree):
    batch = ImportBatch.objects.create(file_name="so.xlsx", file_sha256="0" * 64,
                                       status=ImportStatus.VALID, created_by=officer)
    client.force_login(officer)
    assert client.get(reverse("awards:import_confirm", args=[batch.pk])).status_code == 405


def test_recent_imports_are_listed_on_the_upload_page(client, officer, other_officer, tree):
    ImportBatch.objects.create(file_name="cua-toi.xlsx", file_sha256="0" * 64, created_by=officer)
    ImportBatch.objects.create(file_name="cua-nguoi-khac.xlsx", file_sha256="0" * 64,
                               created_by=other_officer)
    client.force_login(officer)
    page = client.get(reverse("awards:import_start")).content.decode()
    assert "cua-toi.xlsx" in page
    assert "cua-nguoi-khac.xlsx" not in page


def test_a_database_queue_runs_the_check_in_a_worker(client, officer, tree, tmp_path, settings,
                                                     run_tasks):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(officer)
    post_file(client, upload(tmp_path, [hoa()]), run_tasks)
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.PENDING
    page = client.get(reverse("awards:import_detail", args=[batch.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page
    queued = DBTaskResult.objects.get()
    assert (queued.task_path, queued.args_kwargs) == (
        "thidua.awards.tasks.run_import", {"args": [batch.pk], "kwargs": {}})
    # What `thidua db_worker` does with it (its loop would close the test's connection).
    Worker(queue_names=["default"], interval=0, batch=True, backend_name="default",
           startup_delay=False, max_tasks=1, worker_id="test",
           excluded_queue_names=[]).run_task(queued)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.VALID
    queued.refresh_from_db()
    assert (queued.status, queued.return_value) == ("SUCCESSFUL", "valid")
