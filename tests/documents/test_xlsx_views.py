"""The award register exported with the filters of its page: written at once when small, by a
background task with a progress page when large; each user sees only their scope and exports."""

import datetime
import io

from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import make_award, make_person
from thidua.documents.models import ExportJob

EXPORT = reverse("documents:register_export")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def book_of(content: bytes):
    return load_workbook(io.BytesIO(content))["Sổ khen thưởng"]


def test_a_small_export_is_written_at_once(client, officer, tree, people):
    make_award("ldtt", person=people.hoa, year=2025)
    make_award("ldtt", person=people.other, year=2025)  # Phan Thiết: outside the scope
    client.force_login(officer)
    response = client.get(EXPORT, {"year": 2025})
    assert response["Content-Type"] == XLSX
    sheet = book_of(b"".join(response.streaming_content))
    rows = list(sheet.values)
    assert rows[0][0] == "ỦY BAN NHÂN DÂN" and rows[1][0] == "HUYỆN PHÚ QUÝ"
    assert rows[4][0] == "SỔ KHEN THƯỞNG" and rows[5][0] == "Năm thành tích 2025"
    assert rows[7][:4] == ("STT", "Họ và tên hoặc tập thể", "Ngày sinh",
                           "Đơn vị (khi khen thưởng)")
    assert rows[8] == (1, "Nguyễn Thị Hoà", datetime.datetime(1985, 3, 2), "UBND huyện Phú Quý",
                       "Lao động tiên tiến", 2025, "Công trạng", rows[8][7],
                       datetime.datetime(2025, 12, 20), "UBND tỉnh Bình Thuận", "Còn hiệu lực")
    assert len(rows) == 9 + 3  # one award, then the signature block


def test_a_large_export_runs_as_a_task_with_progress(client, officer, other_officer, tree,
                                                     settings,
                                                     django_capture_on_commit_callbacks):
    settings.EXPORT_INLINE_MAX_ROWS = 2
    for index in range(3):
        make_award("ldtt", person=make_person(f"Người Số {index}", tree.tam_thanh), year=2024)
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(EXPORT, {"year": 2024})
    job = ExportJob.objects.get()
    assert response.url == reverse("documents:export_detail", args=[job.pk])
    # Tests run tasks inline: the job has finished by now.
    job.refresh_from_db()
    assert (job.status, job.total_rows, job.processed_rows) == ("done", 3, 3)
    page = client.get(response.url).content.decode()
    assert reverse("documents:export_download", args=[job.pk]) in page
    download = client.get(reverse("documents:export_download", args=[job.pk]))
    rows = list(book_of(b"".join(download.streaming_content)).values)
    assert sorted(row[1] for row in rows[8:11]) == ["Người Số 0", "Người Số 1", "Người Số 2"]
    progress = client.get(reverse("documents:export_progress", args=[job.pk]),
                          headers={"HX-Request": "true"})
    assert progress["HX-Refresh"] == "true"
    client.force_login(other_officer)
    assert client.get(response.url).status_code == 404
