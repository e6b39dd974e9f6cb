"""List checks over a unit's nominees for one year: duplicates, awards already held, the same
achievement rewarded twice (G02), member shares and caps. Pure functions over case dicts."""

import datetime
from pathlib import Path

import pytest
from django.utils import translation

from thidua.eligibility import lists
from thidua.eligibility.conditions import RuleFileError
from thidua.eligibility.lists import Nominee
from thidua.eligibility.rules import registry

D = datetime.date
G02 = "Luật Thi đua, khen thưởng 2022, Điều 5, khoản 2, điểm c"
TTLDTT_BASIS = "Luật Thi đua, khen thưởng 2022, Điều 28, khoản 1"


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def case(kind: str = "individual", name: str = "Nguyễn Văn An", year: int = 2025,
         awards: list | None = None, members: dict | None = None,
         province: str = "binh_thuan", gender: str = "") -> dict:
    subject = {"kind": kind, "name": name} | ({"gender": gender} if gender else {})
    found = {"subject": subject, "awards": awards or [],
             "propose": {"code": "ldtt", "year": year, "province": province}}
    if members is not None:
        found["members"] = members
    return found


def person(row: int, code: str, key: str = "", name: str = "Nguyễn Văn An",
           personal_id: str = "", birth: datetime.date | None = None, year: int = 2025,
           awards: list | None = None, gender: str = "") -> Nominee:
    return Nominee(row=row, key=key or f"p:{row}", name=name, code=code,
                   case=case(name=name, year=year, awards=awards, gender=gender),
                   personal_id=personal_id,
                   birth_date=birth)


def collective(row: int, code: str, counts: dict | None, members: tuple[str, ...] = (),
               name: str = "Phòng Nội vụ", year: int = 2025) -> Nominee:
    return Nominee(row=row, key=f"u:{row}", name=name, code=code,
                   case=case("collective", name, year,
                             members=None if counts is None else {str(year): counts}),
                   members=frozenset(members))


def summary(findings: list[lists.Finding]) -> list[tuple]:
    return [(f.check, f.severity, f.rows, f.message, f.basis) for f in findings]


# -- duplicates -------------------------------------------------------------------------------
ID_A, ID_B = "060185000042", "060185000043"
BIRTH = D(1985, 3, 2)
DUPLICATES = [
    pytest.param(
        [person(3, "ldtt", name="Nguyễn Thị Hoà", personal_id=ID_A, birth=BIRTH),
         person(7, "ldtt", name="Nguyễn Thị Hòa Bình", personal_id=ID_A)],
        [("duplicate", "error", (3, 7), "Dòng 3, 7: Nguyễn Thị Hoà được đề nghị Lao động tiên "
          "tiến hai lần cho năm 2025 (trùng số định danh cá nhân)", G02)],
        id="same ID, names written differently"),
    pytest.param(
        [person(2, "ldtt", name="Nguyễn Thị Hoà", birth=BIRTH),
         person(5, "ldtt", name="nguyen thi  HÒA", birth=BIRTH)],
        [("duplicate", "error", (2, 5), "Dòng 2, 5: Nguyễn Thị Hoà được đề nghị Lao động tiên "
          "tiến hai lần cho năm 2025 (trùng họ tên và ngày sinh 02/03/1985)", G02)],
        id="no ID: accent-folded name and birth date"),
    pytest.param(
        [person(2, "ldtt", name="Nguyễn Thị Hoà", personal_id=ID_A, birth=BIRTH),
         person(5, "ldtt", name="Nguyễn Thị Hoà", birth=BIRTH)],
        [("duplicate", "error", (2, 5), "Dòng 2, 5: Nguyễn Thị Hoà được đề nghị Lao động tiên "
          "tiến hai lần cho năm 2025 (trùng họ tên và ngày sinh 02/03/1985)", G02)],
        id="one ID missing: name and birth date decide"),
    pytest.param(
        [person(2, "ldtt", name="Nguyễn Thị Hoà", personal_id=ID_A, birth=BIRTH),
         person(5, "ldtt", name="Nguyễn Thị Hoà", personal_id=ID_B, birth=BIRTH)],
        [], id="two IDs that differ: two people of the same name and birth date"),
    pytest.param(
        [person(2, "ldtt", name="Nguyễn Thị Hoà", birth=BIRTH),
         person(5, "ldtt", name="Nguyễn Thị Hoà", birth=D(1985, 3, 3))],
        [], id="same name, another birth date"),
    pytest.param(
        [person(2, "ldtt", name="Nguyễn Thị Hoà"), person(5, "ldtt", name="Nguyễn Thị Hoà")],
        [], id="same name, no birth date and no ID: not enough to call them one person"),
    pytest.param(
        [person(2, "ldtt", key="p:9"), person(5, "ldtt", key="p:9")],
        [("duplicate", "error", (2, 5), "Dòng 2, 5: Nguyễn Văn An được đề nghị Lao động tiên "
          "tiến hai lần cho năm 2025", G02)],
        id="the same record twice"),
    pytest.param(
        [person(2, "ldtt", key="p:9"), person(5, "ldtt_direct_worker", key="p:9"),
         person(6, "ldtt", key="p:9")],
        [("duplicate", "error", (2, 5), "Dòng 2, 5: Nguyễn Văn An được đề nghị Lao động tiên "
          "tiến hai lần cho năm 2025", G02),
         ("duplicate", "error", (2, 6), "Dòng 2, 6: Nguyễn Văn An được đề nghị Lao động tiên "
          "tiến hai lần cho năm 2025", G02)],
        id="a variant is the same title; each later row is reported against the first"),
    pytest.param(
        [person(2, "ldtt", key="p:9"), person(5, "cstd_co_so", key="p:9")],
        [], id="LĐTT and CSTĐCS in one year are two titles"),
    pytest.param(
        [person(2, "ldtt", key="p:9", year=2024), person(5, "ldtt", key="p:9")],
        [], id="two years"),
]


@pytest.mark.parametrize(("nominees", "expected"), DUPLICATES)
def test_duplicates(nominees, expected):
    assert summary(lists.duplicates(nominees)) == expected


# -- already held -----------------------------------------------------------------------------
def award(code: str, year: int | None, decided: str, kind: str = "cong_trang") -> dict:
    item = {"code": code, "kind": kind, "decision_date": decided}
    if year is not None:
        item["year"] = year
    return item


HELD = [
    pytest.param("ldtt", [award("ldtt", 2025, "2025-12-20")],
                 [("already_held", "error", (4,), "Dòng 4: Nguyễn Văn An đã được tặng Lao động "
                   "tiên tiến năm 2025 (quyết định ngày 20/12/2025)", G02)],
                 id="held for the year"),
    pytest.param("ldtt", [award("ldtt", 2024, "2024-12-20")], [], id="held the year before"),
    pytest.param("giay_khen", [award("giay_khen", None, "2025-06-01")],
                 [("already_held", "error", (4,), "Dòng 4: Nguyễn Văn An đã được tặng Giấy khen "
                   "năm 2025 (quyết định ngày 01/06/2025)", G02)],
                 id="undated: anchored at the decision's year (G10)"),
    pytest.param("giay_khen", [award("giay_khen", 2025, "2025-09-02", kind="chuyen_de")], [],
                 id="a thematic Giấy khen is another achievement"),
    pytest.param("cstd_co_so", [award("ldtt", 2025, "2025-12-20")], [],
                 id="another title of the year"),
]


@pytest.mark.parametrize(("code", "awards", "expected"), HELD)
def test_already_held(code, awards, expected):
    assert summary(lists.already_held([person(4, code, awards=awards)])) == expected


# -- the same achievement rewarded twice (G02) -------------------------------------------------
def test_a_form_of_the_same_level_already_given_for_the_year():
    nominee = person(2, "hcld_3_individual", awards=[award("bk_ttg_individual", 2025,
                                                          "2026-03-01")])
    assert summary(lists.double_rewards([nominee])) == [(
        "double_reward", "error", (2,), "Dòng 2: thành tích năm 2025 của Nguyễn Văn An đã được "
        "khen thưởng bằng Bằng khen của Thủ tướng Chính phủ (cá nhân), cùng cấp với Huân chương "
        "Lao động hạng Ba (cá nhân)", G02)]


def test_two_forms_of_the_same_level_proposed_in_the_list():
    nominees = [person(2, "bk_ttg_individual", key="p:9"),
                person(3, "hcld_3_individual", key="p:9")]
    assert summary(lists.double_rewards(nominees)) == [(
        "double_reward", "error", (2, 3), "Dòng 2, 3: thành tích năm 2025 của Nguyễn Văn An "
        "được đề nghị cả Bằng khen của Thủ tướng Chính phủ (cá nhân) và Huân chương Lao động "
        "hạng Ba (cá nhân), hai hình thức cùng cấp", G02)]


@pytest.mark.parametrize(("code", "awards"), [
    ("bk_bo_tinh_individual", [award("giay_khen", 2025, "2025-06-01")]),  # another level
    ("giay_khen", [award("ldtt", 2025, "2025-12-20")]),  # a title is not a form
    ("hcld_3_individual", [award("bk_ttg_individual", 2024, "2025-03-01")]),  # another year
    ("hcld_3_individual", [award("bk_ttg_individual", 2025, "2025-03-01", kind="dot_xuat")]),
])
def test_no_double_reward(code, awards):
    assert lists.double_rewards([person(2, code, awards=awards)]) == []


# -- member shares ----------------------------------------------------------------------------
def counts(total: int, ldtt: int) -> dict:
    return {"total": total, "rated_ht_or_better": total, "ldtt": ldtt, "cstd_co_so": 0,
            "disciplined": []}


def share_message(row: str, part: int, total: int, percent: str, held: int, added: int,
                  title: str = "Tập thể lao động tiên tiến") -> str:
    return (f"{row}: {part}/{total} thành viên của Phòng Nội vụ ({percent}%) đạt hoặc được đề "
            f"nghị Lao động tiên tiến năm 2025 ({held} đã đạt, {added} được đề nghị trong danh "
            f"sách này); {title} cần ít nhất 70%")


SHARES = [
    pytest.param([collective(1, "ttldtt", counts(100, 69))],
                 ("members_share", "error", (1,), share_message("Dòng 1", 69, 100, "69", 69, 0),
                  TTLDTT_BASIS), id="69% fails"),
    pytest.param([collective(1, "ttldtt", counts(100, 70))],
                 ("members_share", "ok", (1,), share_message("Dòng 1", 70, 100, "70", 70, 0),
                  TTLDTT_BASIS), id="70% passes"),
    pytest.param([collective(1, "ttldtt", counts(100, 68), members=("p:2", "p:3")),
                  person(2, "ldtt"), person(3, "cstd_co_so")],
                 ("members_share", "ok", (1, 2, 3),
                  share_message("Dòng 1, 2, 3", 70, 100, "70", 68, 2), TTLDTT_BASIS),
                 id="68 holders and 2 members proposed in the list reach 70%"),
    pytest.param([collective(1, "ttldtt", counts(100, 68), members=("p:2",)),
                  person(2, "ldtt"), person(3, "ldtt")],
                 ("members_share", "error", (1, 2),
                  share_message("Dòng 1, 2", 69, 100, "69", 68, 1), TTLDTT_BASIS),
                 id="a nominee who is not a member does not count"),
    pytest.param([collective(1, "ttldtt", counts(100, 69), members=("p:2",)),
                  person(2, "ldtt", awards=[award("ldtt", 2025, "2025-12-20")]),
                  person(3, "cstd_co_so", key="p:2")],
                 ("members_share", "error", (1,), share_message("Dòng 1", 69, 100, "69", 69, 0),
                  TTLDTT_BASIS), id="a member who already holds LĐTT is already counted"),
    pytest.param([collective(1, "ttldtt", counts(100, 69), members=("p:2",)),
                  person(2, "ldtt"), person(3, "cstd_co_so", key="p:2")],
                 ("members_share", "ok", (1, 2, 3),
                  share_message("Dòng 1, 2, 3", 70, 100, "70", 69, 1), TTLDTT_BASIS),
                 id="a member proposed for LĐTT and CSTĐCS counts once"),
    pytest.param([collective(1, "ttldtt", counts(3, 2), members=("p:2",)),
                  person(2, "giay_khen")],
                 ("members_share", "error", (1,), share_message("Dòng 1", 2, 3, "66,7", 2, 0),
                  TTLDTT_BASIS), id="a Giấy khen is not LĐTT; Vietnamese decimal comma"),
    pytest.param([collective(1, "ttldxs", counts(10, 7))],
                 ("members_share", "ok", (1,),
                  share_message("Dòng 1", 7, 10, "70", 7, 0, "Tập thể lao động xuất sắc"),
                  "Luật Thi đua, khen thưởng 2022, Điều 27, khoản 1"), id="TTLĐXS: 70% too"),
    pytest.param([collective(1, "ttldtt", None)],
                 ("members_share", "warning", (1,), "Dòng 1: chưa ghi nhận thành viên của Phòng "
                  "Nội vụ năm 2025 nên chưa kiểm tra được tỷ lệ đạt Lao động tiên tiến (Tập thể "
                  "lao động tiên tiến cần ít nhất 70%)", TTLDTT_BASIS),
                 id="members not recorded: cannot be checked"),
]


@pytest.mark.parametrize(("nominees", "expected"), SHARES)
def test_member_shares(nominees, expected):
    assert summary(lists.member_shares(nominees)) == [expected]


@pytest.mark.parametrize(("code", "year"), [("co_thi_dua_bo_tinh", 2025), ("ttldtt", 2023)])
def test_no_share_where_no_rule_asks_for_one(code, year):
    """Cờ thi đua has no member share; decisions of 2023 fall under rules not modelled."""
    assert lists.member_shares([collective(1, code, counts(10, 1), year=year)]) == []


# -- caps -------------------------------------------------------------------------------------
CAP_FILE = """
province: binh_thuan
documents:
  BT_CAPS: {cite: "Quyết định 99/2025/QĐ-UBND tỉnh Bình Thuận", effective_from: "2025-01-01"}
entries: []
caps:
  - codes: [cstd_co_so]
    effective_from: "2025-01-01"
    effective_to: "2025-12-31"
    status: %(status)s
    max_percent: 15
    of: [ldtt, cstd_co_so]
    basis: [{doc: BT_CAPS, article: 7, clause: 2}]
  - codes: [bk_bo_tinh_individual]
    effective_from: "2025-01-01"
    max_count: 2
    basis: [{doc: BT_CAPS, article: 8}]
"""
CAP_BASIS = "Quyết định 99/2025/QĐ-UBND tỉnh Bình Thuận, Điều 7, khoản 2"


@pytest.fixture
def caps(tmp_path):
    def load(status: str = "in_force") -> list[lists.Cap]:
        (tmp_path / "binh_thuan.yaml").write_text(CAP_FILE % {"status": status},
                                                 encoding="utf-8")
        return lists.load_caps(tmp_path)
    return load


def holders(count: int) -> dict:
    return {f"p:{100 + i}": case(awards=[award("ldtt", 2025, "2025-12-20")])
            for i in range(count)}


CSTD_CAP = ("{rows}: {count} đề nghị Chiến sĩ thi đua cơ sở năm 2025; không quá 15% trên tổng "
            "số {base} đạt hoặc được đề nghị Chiến sĩ thi đua cơ sở hoặc Lao động tiên tiến")


G08_BASIS = "Nghị định 152/2025/NĐ-CP, Điều 4, khoản 6"


def tiebreak(rows: str, count: int, places: int, tail: str) -> tuple:
    return ("female_tiebreak", "warning", tuple(range(1, count + 1)),
            f"{rows}: {count} người, tập thể được đề nghị cho {places} suất năm 2025; trong số "
            "những trường hợp có thành tích như nhau, ưu tiên nữ và tập thể có từ 70% thành "
            f"viên là nữ; {tail}", G08_BASIS)


@pytest.mark.parametrize(("proposed", "severity", "rows"), [
    (3, "ok", "Dòng 1, 2, 3"), (4, "error", "Dòng 1, 2, 3, 4")])
def test_a_percentage_cap_over_the_holders_of_the_unit(caps, proposed, severity, rows):
    """17 LĐTT holders in the unit and the nominees for CSTĐCS: 3 of 20 is 15%, 4 of 21 is
    more (3 places: the female tie-break follows)."""
    nominees = [person(i, "cstd_co_so") for i in range(1, proposed + 1)]
    expected = [("cap", severity, tuple(range(1, proposed + 1)),
                 CSTD_CAP.format(rows=rows, count=proposed, base=17 + proposed), CAP_BASIS)]
    if severity == "error":
        expected.append(tiebreak(rows, 4, 3, "chưa ghi nhận giới tính hoặc tỷ lệ nữ, kiểm tra "
                                             "thủ công: dòng 1, 2, 3, 4"))
    assert summary(lists.cap_checks(nominees, holders(17), caps())) == expected


def test_an_unconfirmed_cap_only_warns(caps):
    nominees = [person(i, "cstd_co_so") for i in range(1, 5)]
    assert summary(lists.cap_checks(nominees, holders(17), caps("unconfirmed")))[0] == (
        "cap", "warning", (1, 2, 3, 4),
        CSTD_CAP.format(rows="Dòng 1, 2, 3, 4", count=4, base=21)
        + " (giới hạn chưa được xác nhận: cần cán bộ xem xét)", CAP_BASIS)


@pytest.mark.parametrize(("proposed", "severity"), [(2, "ok"), (3, "error")])
def test_a_number_cap(caps, proposed, severity):
    nominees = [person(i, "bk_bo_tinh_individual") for i in range(1, proposed + 1)]
    rows = ", ".join(str(i) for i in range(1, proposed + 1))
    assert summary(lists.cap_checks(nominees, {}, caps()))[0] == (
        "cap", severity, tuple(range(1, proposed + 1)),
        f"Dòng {rows}: {proposed} đề nghị Bằng khen bộ, ban, ngành, tỉnh (cá nhân) năm 2025; tối "
        f"đa 2", "Quyết định 99/2025/QĐ-UBND tỉnh Bình Thuận, Điều 8")


def test_places_short_prefer_women_and_female_majority_collectives(caps):
    """G08: three nominees for two places: the woman is preferred, the man is not, and the
    nominee whose gender is not recorded is named to check by hand."""
    nominees = [person(1, "bk_bo_tinh_individual", gender="female"),
                person(2, "bk_bo_tinh_individual", gender="male"),
                person(3, "bk_bo_tinh_individual")]
    assert summary(lists.cap_checks(nominees, {}, caps()))[1] == tiebreak(
        "Dòng 1, 2, 3", 3, 2, "được ưu tiên: dòng 1; chưa ghi nhận giới tính hoặc tỷ lệ nữ, "
                              "kiểm tra thủ công: dòng 3")


@pytest.mark.parametrize(("female", "total", "expected"), [
    (7, 10, True), (6, 10, False), (None, 10, None), (3, 0, None)])
def test_a_collective_is_female_majority_from_seventy_percent(female, total, expected):
    counts = {"total": total} | ({} if female is None else {"female": female})
    nominee = Nominee(row=1, key="u:1", name="Phòng", code="bk_bo_tinh_collective",
                      case=case("collective", "Phòng", members={"2025": counts}))
    assert lists.is_female(nominee, 2025) is expected


def test_caps_apply_only_to_their_province_and_dates(caps):
    elsewhere = Nominee(row=1, key="p:1", name="An", code="cstd_co_so",
                        case=case(province="lam_dong"))
    later = person(2, "cstd_co_so", year=2026)
    assert lists.cap_checks([elsewhere], holders(1), caps()) == []
    assert lists.cap_checks([later], holders(1), caps()) == []


def test_only_the_unconfirmed_national_flag_cap_is_shipped():
    """Bắc Ninh's overlay has none; Lâm Đồng's regulation was not found (README); the Cờ CP
    cap of 20% of the provincial flag holders (ND 91/2017) may survive: UNCONFIRMED."""
    (cap,) = lists.load_caps()
    assert (cap.province, cap.codes, cap.max_percent, cap.of, cap.confirmed) == (
        "", {"co_thi_dua_cp"}, 20, {"co_thi_dua_bo_tinh"}, False)


@pytest.mark.parametrize(("text", "message"), [
    ("caps: [{codes: [cstd_xyz], effective_from: '2025-01-01', max_count: 1, basis: []}]",
     "bad.yaml: caps[0]: needs known codes (unknown: ['cstd_xyz'])"),
    ("caps: [{codes: [ldtt], effective_from: '2025-01-01', max_percent: 5, basis: []}]",
     "bad.yaml: caps[0]: needs max_count, or max_percent with `of`"),
    ("caps: [{codes: [ldtt], effective_from: '2025-13-01', max_count: 5, basis: []}]",
     "bad.yaml: caps[0]: month must be in 1..12"),
])
def test_a_wrong_cap_names_its_place(tmp_path, text, message):
    (tmp_path / "bad.yaml").write_text("province: binh_thuan\n" + text, encoding="utf-8")
    with pytest.raises(RuleFileError) as error:
        lists.load_caps(tmp_path)
    assert str(error.value) == message


# -- every check at once ----------------------------------------------------------------------
def test_check_list_reports_in_order(caps):
    nominees = [collective(1, "ttldtt", counts(10, 6), members=("p:2",)),
                person(2, "ldtt", name="Nguyễn Thị Hoà", birth=BIRTH),
                person(3, "ldtt", name="Nguyen Thi Hoa", birth=BIRTH,
                       awards=[award("ldtt", 2025, "2025-12-20")])]
    assert [(f.check, f.severity, f.rows) for f in lists.check_list(nominees, caps=caps())] == [
        ("duplicate", "error", (2, 3)), ("already_held", "error", (3,)),
        ("members_share", "ok", (1, 2))]


# -- caps of an overlay: per unit kind, on members or staff, dated (tests/…/overlays) -----------
EXAMPLE = Path(__file__).parent / "overlays"


def nominee(row: int, code: str, year: int = 2026, gender: str = "") -> Nominee:
    data = case(year=year, province="vi_du", gender=gender)
    return Nominee(row=row, key=f"p:{row}", name=f"Người {row}", code=code, case=data)


def test_one_function_reads_the_caps_of_a_province_date_unit_kind_and_code():
    rules, caps = registry(), lists.load_caps(EXAMPLE)
    assert [cap.codes for cap in rules.caps_for("vi_du", D(2026, 5, 1), unit_kind="school",
                                                caps=caps)] == [
        {"cstd_co_so"}, {"bk_bo_tinh_individual"}]
    assert [cap.codes for cap in rules.caps_for("vi_du", D(2026, 5, 1),
                                                unit_kind="department", caps=caps)] == [
        {"bk_bo_tinh_individual"}]
    assert rules.caps_for("vi_du", D(2027, 5, 1), code="bk_bo_tinh_worker", caps=caps) == []
    assert [cap.base for cap in rules.caps_for("vi_du", D(2026, 5, 1), code="bk_bo_tinh_worker",
                                               caps=caps)] == ["staff"]
    assert rules.caps_for("bac_ninh", D(2026, 5, 1), caps=caps) == []
    # The rule files' own caps: the national (unconfirmed) Cờ CP cap, in every province.
    assert [cap.codes for cap in rules.caps_for("bac_ninh", D(2026, 5, 1))] == [
        {"co_thi_dua_cp"}]


@pytest.mark.parametrize(("proposed", "severity"), [(3, "ok"), (4, "error")])
def test_a_cap_on_the_members_of_a_school(proposed, severity):
    """15% of a school of 20 members: 3 places."""
    nominees = [nominee(i, "cstd_co_so", gender="female" if i == 2 else "male")
                for i in range(1, proposed + 1)]
    found = lists.check_list(nominees, caps=lists.load_caps(EXAMPLE),
                             unit=lists.ListUnit(kind="school", members=20, staff=40))
    rows = ", ".join(str(i) for i in range(1, proposed + 1))
    assert summary(found)[0] == (
        "cap", severity, tuple(range(1, proposed + 1)),
        f"Dòng {rows}: {proposed} đề nghị Chiến sĩ thi đua cơ sở năm 2026; không quá 15% trên "
        "20 thành viên của đơn vị", "Quyết định 1/2026/QĐ-UBND tỉnh Ví Dụ (ví dụ kiểm thử), "
                                    "Điều 5, khoản 1")
    assert [f.check for f in found] == (["cap"] if severity == "ok"
                                        else ["cap", "female_tiebreak"])
    if severity == "error":
        assert found[1].message.endswith("được ưu tiên: dòng 2")


def test_the_cap_of_a_school_does_not_count_for_a_department():
    found = lists.check_list([nominee(i, "cstd_co_so") for i in range(1, 9)],
                             caps=lists.load_caps(EXAMPLE),
                             unit=lists.ListUnit(kind="department", members=20, staff=40))
    assert found == []


def test_members_not_recorded_are_checked_by_hand():
    (finding,) = lists.check_list([nominee(1, "cstd_co_so")], caps=lists.load_caps(EXAMPLE),
                                  unit=lists.ListUnit(kind="school"))
    assert (finding.severity, finding.message) == (
        "warning", "Dòng 1: 1 đề nghị Chiến sĩ thi đua cơ sở năm 2026; không quá 15% số thành "
                   "viên của đơn vị, nhưng số thành viên chưa được ghi nhận: kiểm tra thủ công")


@pytest.mark.parametrize(("staff", "proposed", "severity", "places"), [
    (30, 3, "ok", 3), (30, 4, "error", 3),  # 10% of 30 and at most 3
    (20, 2, "ok", 2), (20, 3, "error", 2),  # 10% of 20
    (80, 4, "error", 3),  # 10% of 80 is 8, but never more than 3
])
def test_a_cap_on_the_staff_and_a_number_at_once(staff, proposed, severity, places):
    nominees = [nominee(i, "bk_bo_tinh_individual") for i in range(1, proposed + 1)]
    found = lists.check_list(nominees, caps=lists.load_caps(EXAMPLE),
                             unit=lists.ListUnit(kind="division", staff=staff))
    assert (found[0].severity, found[0].message.split("; ", 1)[1]) == (
        severity, f"tối đa 3; không quá 10% trên {staff} người của đơn vị")
    if severity == "error":
        assert f"cho {places} suất" in found[1].message


def test_a_cap_counts_only_in_its_dates():
    nominees = [nominee(i, "bk_bo_tinh_individual", year=2027) for i in range(1, 6)]
    assert lists.check_list(nominees, caps=lists.load_caps(EXAMPLE),
                            unit=lists.ListUnit(kind="division", staff=10)) == []
