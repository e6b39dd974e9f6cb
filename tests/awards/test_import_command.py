"""`thidua import awards FILE.xlsx [--dry-run] [--unit CODE]` (contracts §3)."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.awards.conftest import database_counts
from tests.awards.xlsx_builder import HOA_ID, binh, hoa, write_register
from thidua.awards.models import Award
from thidua.people.models import Person

ROOT = Path(__file__).resolve().parents[2]


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import", "awards", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_imports_a_valid_register_and_prints_a_summary(tree, tmp_path):
    out, err = run(write_register(tmp_path / "so.xlsx", [hoa(), binh()]))
    assert out == ("Đã nhập so.xlsx: 2 dòng; đã thêm 2 cá nhân, 2 quyết định và 2 khen thưởng; "
                   "0 dòng đã có trong sổ.\n")
    assert err == ""
    assert Award.objects.count() == 2


def test_importing_again_adds_nothing(tree, tmp_path):
    path = write_register(tmp_path / "so.xlsx", [hoa(), binh()])
    run(path)
    out, _err = run(path)
    assert out == ("Đã nhập so.xlsx: 2 dòng; đã thêm 0 cá nhân, 0 quyết định và 0 khen thưởng; "
                   "2 dòng đã có trong sổ.\n")
    assert Award.objects.count() == 2


def test_a_dry_run_reports_and_writes_nothing(tree, tmp_path):
    before = database_counts()
    out, _err = run(write_register(tmp_path / "so.xlsx", [hoa(), binh()]), "--dry-run")
    assert out == ("so.xlsx hợp lệ (chạy thử, không ghi gì): 2 dòng; sẽ thêm 2 cá nhân, "
                   "2 quyết định và 2 khen thưởng; 0 dòng đã có trong sổ.\n")
    assert database_counts() == before


def test_an_invalid_register_exits_1_with_the_report_and_writes_nothing(tree, tmp_path):
    path = write_register(tmp_path / "so.xlsx", [hoa(**{"Ngày sinh": "31/02/2020"}), binh(),
                                                  binh()])
    before = database_counts()
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("import", "awards", str(path), stdout=io.StringIO(), stderr=err)
    assert exit_info.value.code == 1
    assert err.getvalue() == (
        "so.xlsx: có 2 lỗi; không ghi gì vào sổ.\n"
        "- Trang tính “Danh sách”, dòng 2, cột Ngày sinh (C): Ngày 31/02/2020 không có thật.\n"
        "- Trang tính “Danh sách”, dòng 4: Dòng này trùng với dòng 3 của trang tính “Danh sách” "
        "(cùng người, danh hiệu hoặc hình thức, năm và số quyết định).\n")
    assert database_counts() == before


def test_a_dry_run_of_an_invalid_register_exits_1_too(tree, tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        run(write_register(tmp_path / "so.xlsx", [hoa(Năm="abc")]), "--dry-run")
    assert exit_info.value.code == 1


def test_warnings_go_to_standard_error(tree, tmp_path):
    _out, err = run(write_register(tmp_path / "so.xlsx", [hoa(**{"Đơn vị": "Tổ Văn phòng"})]))
    assert err == ("Lưu ý: Trang tính “Danh sách”, dòng 2, cột Đơn vị (F): Hệ thống không có "
                   "đơn vị nào tên “Tổ Văn phòng”: tên được giữ nguyên như trong tệp.\n")


def test_the_unit_option_gives_new_people_a_unit(tree, tmp_path):
    run(write_register(tmp_path / "so.xlsx", [hoa(**{"Đơn vị": "Tổ Văn phòng"})]), "--unit",
        "phu-quy")
    assert Person.objects.get(personal_id=HOA_ID).unit == tree.phu_quy


def test_an_unknown_unit_code(tree, tmp_path):
    with pytest.raises(CommandError) as error:
        run(write_register(tmp_path / "so.xlsx", [hoa()]), "--unit", "khong-co")
    assert str(error.value) == "Không có đơn vị nào có mã “khong-co”."


def test_the_installed_command_exits_1_for_a_file_that_is_not_xlsx(tmp_path):
    path = tmp_path / "so.xlsx"
    path.write_text("không phải Excel", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["SQLITE_PATH"] = str(tmp_path / "db.sqlite3")  # the file is refused before any query
    finished = subprocess.run([sys.executable, "-m", "thidua", "import", "awards", str(path)],
                              cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert finished.returncode == 1
    assert finished.stdout == ""
    assert finished.stderr == ("so.xlsx: có 1 lỗi; không ghi gì vào sổ.\n"
                               "- Tệp không phải tệp Excel (.xlsx).\n")
