"""`thidua eligibility check FILE|-` (contracts §2): exit codes, stdout JSON, stderr messages."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.eligibility.conftest import case
from tests.eligibility.test_engine import CONTRACT_EXAMPLE

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    """The real command in a child process, as a user or a script runs it."""
    return subprocess.run([sys.executable, "-m", "thidua", "eligibility", *args], cwd=ROOT,
                          input=stdin.encode("utf-8"), capture_output=True, timeout=120)


def test_one_case_from_a_file_prints_one_verdict(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(CONTRACT_EXAMPLE, ensure_ascii=False), encoding="utf-8")
    out = io.StringIO()
    call_command("eligibility", "check", str(path), stdout=out)
    answer = json.loads(out.getvalue())
    assert answer["verdict"] == "INELIGIBLE"
    assert answer["reasons"][0]["message"] == ("Chưa đạt Chiến sĩ thi đua cơ sở 3 năm liên tục "
                                               "(thiếu năm 2023, 2025)")
    # Pretty-printed, Vietnamese kept as text (ensure_ascii=False, indent 2).
    assert out.getvalue().startswith('{\n  "verdict": "INELIGIBLE",')
    assert "Chưa đạt" in out.getvalue()


def test_an_array_on_standard_input_prints_an_array_in_the_same_order():
    cases = [case("ldtt", ratings={"2025": "HT"}), case("ldtt", ratings={"2025": "HTT"})]
    result = run("check", "-", stdin=json.dumps(cases))
    assert result.returncode == 0
    assert result.stderr == b""
    answers = json.loads(result.stdout.decode("utf-8"))
    assert [a["verdict"] for a in answers] == ["INELIGIBLE", "ELIGIBLE"]


def test_exit_status_is_zero_whatever_the_verdicts():
    result = run("check", "-", stdin=json.dumps(case("hc_sao_vang", decided_by="commune_chair")))
    assert result.returncode == 0
    assert json.loads(result.stdout)["verdict"] == "INVALID_AUTHORITY"


def test_unknown_code_in_an_array_exits_2_naming_the_field():
    good = case("ldtt")
    bad = case("ldtt", awards=[{"code": "ldtt", "year": 2024}, {"code": "cstd_xyz", "year": 2024}])
    result = run("check", "-", "--language", "en", stdin=json.dumps([good, good, good, bad]))
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode("utf-8") == "cases[3].awards[1].code: unknown code 'cstd_xyz'\n"


def test_the_message_is_vietnamese_by_default():
    bad = case("ldtt", ratings={"2024": "XS"})
    result = run("check", "-", stdin=json.dumps(bad))
    assert result.returncode == 2
    assert result.stderr.decode("utf-8") == (
        "ratings.2024: mức xếp loại 'XS' không thuộc HTXS, HTT, HT, KHT\n")


def test_invalid_json_exits_2():
    result = run("check", "-", stdin='{"propose": ')
    assert result.returncode == 2
    assert result.stderr.decode("utf-8") == (
        "-: không phải JSON hợp lệ (dòng 1, cột 13): Expecting value\n")


def test_missing_file_exits_2(tmp_path):
    missing = tmp_path / "none.json"
    with pytest.raises(SystemExit) as raised:
        call_command("eligibility", "check", str(missing), "--language", "en",
                     stdout=io.StringIO(), stderr=(err := io.StringIO()))
    assert raised.value.code == 2
    assert err.getvalue() == (f"{missing}: cannot be read: [Errno 2] No such file or directory: "
                              f"'{missing}'\n")


def test_a_future_year_in_a_file_exits_2(tmp_path):
    path = tmp_path / "future.json"
    path.write_text(json.dumps(case("ldtt", ratings={"2030": "HTT"})), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(SystemExit) as raised:
        call_command("eligibility", "check", str(path), "--language", "en", stdout=io.StringIO(),
                     stderr=err)
    assert raised.value.code == 2
    assert err.getvalue() == "ratings.2030: year 2030 is after the proposal year 2025\n"
