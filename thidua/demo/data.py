"""The curated demo: Bình Thuận province before 2025, carried into Lâm Đồng on 1 July 2025.

Everything here is plain data; `loader.load_demo` writes it through the app services. Names of
units, decisions and people are illustrative (legal bases included: check them against the
official texts before relying on them). People are invented; any likeness is a coincidence.

Notation of the year strings (see `by_year`): "2015: HTT*3 HTXS -" means 2015, 2016 and 2017
rated HTT, 2018 HTXS, 2019 nothing. Ratings are HTXS/HTT/HT/KHT. Titles of a person: `L` is
Lao động tiên tiến, `C` is Chiến sĩ thi đua cơ sở (with the LĐTT it requires). Titles of a
collective: `T` is Tập thể lao động tiên tiến. A collective rating may carry its member count
after a slash ("HTXS/6"). Yearly titles are decided early the next year by the body that
awards the unit the person (or collective) belonged to on 31 December: the UBND of the district
or commune, the director of the department, hospital or cooperative (see BODY_BY_KIND and
BODY_OVERRIDES), under a decision the loader makes for that body and year.
"""

import datetime
from typing import NamedTuple

from thidua.accounts.choices import Role
from thidua.organisations.choices import LineageKind
from thidua.organisations.choices import UnitKind as K
from thidua.people.choices import PostGroup


def d(text: str) -> datetime.date:
    """A date written dd/mm/yyyy, as on Vietnamese documents."""
    day, month, year = (int(part) for part in text.split("/"))
    return datetime.date(year, month, day)


def by_year(text: str) -> dict[int, str]:
    """"2015: HTT*3 HTXS -" -> {2015: "HTT", 2016: "HTT", 2017: "HTT", 2018: "HTXS"}."""
    if not text:
        return {}
    start, _, rest = text.partition(":")
    tokens: list[str] = []
    for token in rest.split():
        value, _, times = token.partition("*")
        tokens += [value] * int(times or 1)
    return {int(start) + i: value for i, value in enumerate(tokens) if value != "-"}


DEMO_PASSWORD = "thidua-demo-2017"
REORG = d("01/07/2025")  # two-tier local government; Bình Thuận becomes part of Lâm Đồng
ILLUSTRATIVE = "Căn cứ và cách sắp xếp trong dữ liệu mẫu mang tính minh họa."
BASIS_PROVINCES = "Nghị quyết 202/2025/QH15"
BASIS_COMMUNES = "Nghị quyết 202/2025/QH15; Nghị quyết 1671/NQ-UBTVQH15"
BASIS_AGENCIES = "Nghị quyết 202/2025/QH15; Nghị định 150/2025/NĐ-CP"
COUNCIL = "Hội đồng Thi đua – Khen thưởng tỉnh Bình Thuận"

# The law a decision cites, by its date.
LEGAL_BASES = (
    (d("01/01/2000"), "Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung năm 2005, 2009, 2013); "
                      "Nghị định 42/2010/NĐ-CP; Nghị định 65/2014/NĐ-CP"),
    (d("01/10/2017"), "Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung năm 2005, 2009, 2013); "
                      "Nghị định 91/2017/NĐ-CP"),
    (d("01/01/2024"), "Luật Thi đua, khen thưởng 2022; Nghị định 98/2023/NĐ-CP"),
    (REORG, "Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP; Nghị định 129/2025/NĐ-CP"),
)


def legal_basis_on(day: datetime.date) -> str:
    return [text for start, text in LEGAL_BASES if start <= day][-1]


class UnitSpec(NamedTuple):
    code: str
    name: str
    kind: str
    parent: str | None = None
    valid_from: datetime.date | None = None
    short_name: str = ""


def _new(code: str, name: str, kind: str, parent: str | None, short_name: str = "") -> UnitSpec:
    """A unit of the new Lâm Đồng province, from the reorganisation on."""
    return UnitSpec(code, name, kind, parent, REORG, short_name)


def _district(code: str, name: str, *communes: tuple[str, str, str]) -> tuple[UnitSpec, ...]:
    return (UnitSpec(code, name, K.DISTRICT, "bt"),
            *(UnitSpec(c, n, kind, code) for c, n, kind in communes))


UNITS = (
    UnitSpec("bt", "Tỉnh Bình Thuận", K.PROVINCE, short_name="Bình Thuận"),
    UnitSpec("bt-ubnd", "UBND tỉnh Bình Thuận", K.PEOPLES_COMMITTEE, "bt"),
    UnitSpec("bt-snv", "Sở Nội vụ tỉnh Bình Thuận", K.DEPARTMENT, "bt", short_name="Sở Nội vụ"),
    UnitSpec("bt-snv-btdkt", "Ban Thi đua – Khen thưởng tỉnh Bình Thuận", K.DIVISION, "bt-snv",
             short_name="Ban TĐKT"),
    UnitSpec("bt-snv-vp", "Văn phòng Sở Nội vụ tỉnh Bình Thuận", K.DIVISION, "bt-snv"),
    UnitSpec("bt-sgd", "Sở Giáo dục và Đào tạo tỉnh Bình Thuận", K.DEPARTMENT, "bt"),
    UnitSpec("bt-thpt-thd", "Trường THPT Chuyên Trần Hưng Đạo", K.SCHOOL, "bt-sgd"),
    UnitSpec("bt-thpt-thd-toan", "Tổ Toán – Tin học, Trường THPT Chuyên Trần Hưng Đạo",
             K.DIVISION, "bt-thpt-thd"),
    UnitSpec("bt-syt", "Sở Y tế tỉnh Bình Thuận", K.DEPARTMENT, "bt"),
    UnitSpec("bt-bvdk", "Bệnh viện Đa khoa tỉnh Bình Thuận", K.HOSPITAL, "bt-syt"),
    UnitSpec("bt-bvdk-hstc", "Khoa Hồi sức tích cực – Chống độc, Bệnh viện Đa khoa tỉnh Bình Thuận",
             K.DIVISION, "bt-bvdk"),
    *_district("bt-phan-thiet", "UBND thành phố Phan Thiết",
               ("bt-phan-thiet-pnv", "Phòng Nội vụ thành phố Phan Thiết", K.DIVISION),
               ("bt-duc-nghia", "UBND phường Đức Nghĩa", K.WARD),
               ("bt-duc-thang", "UBND phường Đức Thắng", K.WARD),
               ("bt-phu-thuy", "UBND phường Phú Thủy", K.WARD),
               ("bt-phu-trinh", "UBND phường Phú Trinh", K.WARD),
               ("bt-mui-ne", "UBND phường Mũi Né", K.WARD),
               ("bt-ham-tien", "UBND phường Hàm Tiến", K.WARD),
               ("bt-tien-thanh", "UBND xã Tiến Thành", K.COMMUNE),
               ("bt-tien-loi", "UBND xã Tiến Lợi", K.COMMUNE)),
    UnitSpec("bt-htx-tien-thanh", "Hợp tác xã Nông nghiệp Tiến Thành", K.ENTERPRISE,
             "bt-tien-thanh"),
    *_district("bt-la-gi", "UBND thị xã La Gi",
               ("bt-phuoc-hoi", "UBND phường Phước Hội", K.WARD),
               ("bt-tan-an", "UBND phường Tân An", K.WARD),
               ("bt-tan-tien", "UBND xã Tân Tiến", K.COMMUNE)),
    *_district("bt-tuy-phong", "UBND huyện Tuy Phong",
               ("bt-lien-huong", "UBND thị trấn Liên Hương", K.TOWNSHIP),
               ("bt-phan-ri-cua", "UBND thị trấn Phan Rí Cửa", K.TOWNSHIP),
               ("bt-chi-cong", "UBND xã Chí Công", K.COMMUNE)),
    *_district("bt-bac-binh", "UBND huyện Bắc Bình",
               ("bt-cho-lau", "UBND thị trấn Chợ Lầu", K.TOWNSHIP),
               ("bt-phan-thanh", "UBND xã Phan Thanh", K.COMMUNE)),
    *_district("bt-ham-thuan-bac", "UBND huyện Hàm Thuận Bắc",
               ("bt-ma-lam", "UBND thị trấn Ma Lâm", K.TOWNSHIP),
               ("bt-ham-tri", "UBND xã Hàm Trí", K.COMMUNE)),
    *_district("bt-ham-thuan-nam", "UBND huyện Hàm Thuận Nam",
               ("bt-thuan-nam", "UBND thị trấn Thuận Nam", K.TOWNSHIP),
               ("bt-ham-my", "UBND xã Hàm Mỹ", K.COMMUNE)),
    *_district("bt-tanh-linh", "UBND huyện Tánh Linh",
               ("bt-lac-tanh", "UBND thị trấn Lạc Tánh", K.TOWNSHIP),
               ("bt-gia-an", "UBND xã Gia An", K.COMMUNE)),
    *_district("bt-duc-linh", "UBND huyện Đức Linh",
               ("bt-vo-xu", "UBND thị trấn Võ Xu", K.TOWNSHIP),
               ("bt-duc-tai", "UBND thị trấn Đức Tài", K.TOWNSHIP)),
    *_district("bt-ham-tan", "UBND huyện Hàm Tân",
               ("bt-tan-nghia", "UBND thị trấn Tân Nghĩa", K.TOWNSHIP),
               ("bt-tan-minh", "UBND thị trấn Tân Minh", K.TOWNSHIP)),
    *_district("bt-phu-quy", "UBND huyện Phú Quý",
               ("bt-phu-quy-pnv", "Phòng Nội vụ huyện Phú Quý", K.DIVISION),
               ("bt-phu-quy-vp", "Văn phòng HĐND và UBND huyện Phú Quý", K.DIVISION),
               ("bt-tam-thanh", "UBND xã Tam Thanh", K.COMMUNE),
               ("bt-ngu-phung", "UBND xã Ngũ Phụng", K.COMMUNE),
               ("bt-long-hai", "UBND xã Long Hải", K.COMMUNE)),
    UnitSpec("bt-htx-phu-quy", "Hợp tác xã Dịch vụ nghề cá Tam Thanh", K.ENTERPRISE,
             "bt-tam-thanh"),
    # From 1 July 2025.
    _new("ld", "Tỉnh Lâm Đồng", K.PROVINCE, None, "Lâm Đồng"),
    _new("ld-ubnd", "UBND tỉnh Lâm Đồng", K.PEOPLES_COMMITTEE, "ld"),
    _new("ld-snv", "Sở Nội vụ tỉnh Lâm Đồng", K.DEPARTMENT, "ld", "Sở Nội vụ"),
    _new("ld-snv-btdkt", "Phòng Thi đua – Khen thưởng, Sở Nội vụ tỉnh Lâm Đồng", K.DIVISION,
         "ld-snv", "Phòng TĐKT"),
    _new("ld-snv-vp", "Văn phòng Sở Nội vụ tỉnh Lâm Đồng", K.DIVISION, "ld-snv"),
    _new("ld-sgd", "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng", K.DEPARTMENT, "ld"),
    _new("ld-thpt-thd", "Trường THPT Chuyên Trần Hưng Đạo", K.SCHOOL, "ld-sgd"),
    _new("ld-thpt-thd-toan", "Tổ Toán – Tin học, Trường THPT Chuyên Trần Hưng Đạo", K.DIVISION,
         "ld-thpt-thd"),
    _new("ld-syt", "Sở Y tế tỉnh Lâm Đồng", K.DEPARTMENT, "ld"),
    _new("ld-bvdk", "Bệnh viện Đa khoa Bình Thuận", K.HOSPITAL, "ld-syt"),
    _new("ld-bvdk-hstc", "Khoa Hồi sức tích cực – Chống độc, Bệnh viện Đa khoa Bình Thuận",
         K.DIVISION, "ld-bvdk"),
    _new("ld-dac-khu-phu-quy", "UBND đặc khu Phú Quý", K.SPECIAL_ZONE, "ld", "Đặc khu Phú Quý"),
    _new("ld-dk-vp", "Văn phòng HĐND và UBND đặc khu Phú Quý", K.DIVISION, "ld-dac-khu-phu-quy"),
    _new("ld-dk-vhxh", "Phòng Văn hóa – Xã hội đặc khu Phú Quý", K.DIVISION, "ld-dac-khu-phu-quy"),
    _new("ld-htx-phu-quy", "Hợp tác xã Dịch vụ nghề cá Tam Thanh", K.ENTERPRISE,
         "ld-dac-khu-phu-quy"),
    _new("ld-phan-thiet", "UBND phường Phan Thiết", K.WARD, "ld"),
    _new("ld-phan-thiet-vp", "Văn phòng HĐND và UBND phường Phan Thiết", K.DIVISION,
         "ld-phan-thiet"),
    _new("ld-mui-ne", "UBND phường Mũi Né", K.WARD, "ld"),
    _new("ld-phu-thuy", "UBND phường Phú Thủy", K.WARD, "ld"),
    _new("ld-tien-thanh", "UBND phường Tiến Thành", K.WARD, "ld"),
    _new("ld-htx-tien-thanh", "Hợp tác xã Nông nghiệp Tiến Thành", K.ENTERPRISE, "ld-tien-thanh"),
    _new("ld-la-gi", "UBND phường La Gi", K.WARD, "ld"),
    _new("ld-phuoc-hoi", "UBND phường Phước Hội", K.WARD, "ld"),
    _new("ld-lien-huong", "UBND xã Liên Hương", K.COMMUNE, "ld"),
    _new("ld-tuy-phong", "UBND xã Tuy Phong", K.COMMUNE, "ld"),
    _new("ld-bac-binh", "UBND xã Bắc Bình", K.COMMUNE, "ld"),
    _new("ld-ham-thuan", "UBND xã Hàm Thuận", K.COMMUNE, "ld"),
    _new("ld-ham-thuan-nam", "UBND xã Hàm Thuận Nam", K.COMMUNE, "ld"),
    _new("ld-tanh-linh", "UBND xã Tánh Linh", K.COMMUNE, "ld"),
    _new("ld-duc-linh", "UBND xã Đức Linh", K.COMMUNE, "ld"),
    _new("ld-ham-tan", "UBND xã Hàm Tân", K.COMMUNE, "ld"),
)


class LineageSpec(NamedTuple):
    kind: str
    predecessors: tuple[str, ...]
    successors: tuple[str, ...]
    basis: str = BASIS_COMMUNES
    note: str = ""


_MERGE, _SPLIT, _TRANSFER = LineageKind.MERGE, LineageKind.SPLIT, LineageKind.TRANSFER
_MOVED = "Chuyển về trực thuộc cơ quan mới của tỉnh Lâm Đồng. " + ILLUSTRATIVE

# Every unit of Bình Thuận ends on 30/06/2025 through one of these (all dated 01/07/2025).
# A transfer opens a new record under the new parent, so the loader also closes the old one.
LINEAGE = (
    LineageSpec(_MERGE, ("bt",), ("ld",), BASIS_PROVINCES,
                "Hợp nhất tỉnh Bình Thuận, tỉnh Lâm Đồng và tỉnh Đắk Nông thành tỉnh Lâm Đồng; "
                "dữ liệu mẫu chỉ có tỉnh Bình Thuận. " + ILLUSTRATIVE),
    LineageSpec(_MERGE, ("bt-ubnd",), ("ld-ubnd",), BASIS_PROVINCES,
                "Cùng UBND tỉnh Lâm Đồng và UBND tỉnh Đắk Nông trước sắp xếp. " + ILLUSTRATIVE),
    LineageSpec(_MERGE, ("bt-snv",), ("ld-snv",), BASIS_AGENCIES,
                "Cùng Sở Nội vụ tỉnh Lâm Đồng và Sở Nội vụ tỉnh Đắk Nông trước sắp xếp. "
                + ILLUSTRATIVE),
    LineageSpec(_MERGE, ("bt-snv-btdkt",), ("ld-snv-btdkt",), BASIS_AGENCIES,
                "Cùng Ban Thi đua – Khen thưởng các tỉnh Lâm Đồng, Đắk Nông trước sắp xếp. "
                + ILLUSTRATIVE),
    LineageSpec(_MERGE, ("bt-snv-vp",), ("ld-snv-vp",), BASIS_AGENCIES, ILLUSTRATIVE),
    LineageSpec(_MERGE, ("bt-sgd",), ("ld-sgd",), BASIS_AGENCIES,
                "Cùng Sở Giáo dục và Đào tạo các tỉnh Lâm Đồng, Đắk Nông trước sắp xếp. "
                + ILLUSTRATIVE),
    LineageSpec(_MERGE, ("bt-syt",), ("ld-syt",), BASIS_AGENCIES,
                "Cùng Sở Y tế các tỉnh Lâm Đồng, Đắk Nông trước sắp xếp. " + ILLUSTRATIVE),
    LineageSpec(_TRANSFER, ("bt-thpt-thd",), ("ld-thpt-thd",), BASIS_AGENCIES, _MOVED),
    LineageSpec(_TRANSFER, ("bt-thpt-thd-toan",), ("ld-thpt-thd-toan",), BASIS_AGENCIES, _MOVED),
    LineageSpec(_TRANSFER, ("bt-bvdk",), ("ld-bvdk",), BASIS_AGENCIES,
                "Chuyển về trực thuộc Sở Y tế tỉnh Lâm Đồng và đổi tên. " + ILLUSTRATIVE),
    LineageSpec(_TRANSFER, ("bt-bvdk-hstc",), ("ld-bvdk-hstc",), BASIS_AGENCIES, _MOVED),
    LineageSpec(_MERGE, ("bt-phu-quy", "bt-tam-thanh", "bt-ngu-phung", "bt-long-hai"),
                ("ld-dac-khu-phu-quy",), note=(
                    "Huyện Phú Quý và các xã Tam Thanh, Ngũ Phụng, Long Hải sắp xếp thành đặc khu "
                    "Phú Quý; đặc khu không tổ chức cấp xã. " + ILLUSTRATIVE)),
    LineageSpec(_MERGE, ("bt-phu-quy-pnv", "bt-phu-quy-vp"), ("ld-dk-vp",), note=(
        "Phòng Nội vụ và Văn phòng HĐND và UBND huyện kết thúc hoạt động; công chức bố trí về "
        "Văn phòng HĐND và UBND đặc khu. " + ILLUSTRATIVE)),
    LineageSpec(LineageKind.ESTABLISH, (), ("ld-dk-vhxh",),
                "Quyết định thành lập của UBND đặc khu Phú Quý", ILLUSTRATIVE),
    LineageSpec(_TRANSFER, ("bt-htx-phu-quy",), ("ld-htx-phu-quy",), note=_MOVED),
    LineageSpec(_SPLIT, ("bt-phan-thiet",),
                ("ld-phan-thiet", "ld-mui-ne", "ld-phu-thuy", "ld-tien-thanh"), note=(
                    "Thành phố Phan Thiết (cấp huyện) kết thúc hoạt động; địa bàn sắp xếp thành "
                    "các phường Phan Thiết, Mũi Né, Phú Thủy, Tiến Thành và một phần các phường "
                    "Hàm Thắng, Bình Thuận. " + ILLUSTRATIVE)),
    LineageSpec(_MERGE, ("bt-duc-nghia", "bt-duc-thang"), ("ld-phan-thiet",), note=ILLUSTRATIVE),
    LineageSpec(_MERGE, ("bt-phu-thuy", "bt-phu-trinh"), ("ld-phu-thuy",), note=ILLUSTRATIVE),
    LineageSpec(_MERGE, ("bt-mui-ne", "bt-ham-tien"), ("ld-mui-ne",), note=ILLUSTRATIVE),
    LineageSpec(_MERGE, ("bt-tien-thanh", "bt-tien-loi"), ("ld-tien-thanh",), note=ILLUSTRATIVE),
    LineageSpec(_MERGE, ("bt-phan-thiet-pnv",), ("ld-phan-thiet-vp",), note=(
        "Phòng Nội vụ thành phố kết thúc hoạt động; công chức bố trí về Văn phòng HĐND và UBND "
        "phường Phan Thiết. " + ILLUSTRATIVE)),
    LineageSpec(_TRANSFER, ("bt-htx-tien-thanh",), ("ld-htx-tien-thanh",), note=_MOVED),
    LineageSpec(_SPLIT, ("bt-la-gi", "bt-phuoc-hoi", "bt-tan-an", "bt-tan-tien"),
                ("ld-la-gi", "ld-phuoc-hoi"), note=ILLUSTRATIVE),
    LineageSpec(_SPLIT, ("bt-tuy-phong", "bt-lien-huong", "bt-phan-ri-cua", "bt-chi-cong"),
                ("ld-lien-huong", "ld-tuy-phong"), note=ILLUSTRATIVE),
    LineageSpec(_MERGE, ("bt-bac-binh", "bt-cho-lau", "bt-phan-thanh"), ("ld-bac-binh",),
                note=ILLUSTRATIVE),
    LineageSpec(_MERGE, ("bt-ham-thuan-bac", "bt-ma-lam", "bt-ham-tri"), ("ld-ham-thuan",),
                note=ILLUSTRATIVE),
    LineageSpec(_MERGE, ("bt-ham-thuan-nam", "bt-thuan-nam", "bt-ham-my"), ("ld-ham-thuan-nam",),
                note=ILLUSTRATIVE),
    LineageSpec(_MERGE, ("bt-tanh-linh", "bt-lac-tanh", "bt-gia-an"), ("ld-tanh-linh",),
                note=ILLUSTRATIVE),
    LineageSpec(_MERGE, ("bt-duc-linh", "bt-vo-xu", "bt-duc-tai"), ("ld-duc-linh",),
                note=ILLUSTRATIVE),
    LineageSpec(_MERGE, ("bt-ham-tan", "bt-tan-nghia", "bt-tan-minh"), ("ld-ham-tan",),
                note=ILLUSTRATIVE),
)


class ClusterSpec(NamedTuple):
    code: str
    name: str
    members: tuple[str, ...]
    years: tuple[tuple[int, str, str, datetime.date], ...]  # year, chair, vice-chair, covenant
    handovers: tuple[tuple[int, datetime.date], ...]  # year of office, date (previous chair → chair)
    note: str


CLUSTER_NOTE = (
    "Cụm thi đua các huyện, thị xã, thành phố do Hội đồng Thi đua – Khen thưởng tỉnh Bình Thuận "
    "tổ chức. Dữ liệu mẫu ghi các năm 2017–2024; từ ngày 01/07/2025 không còn cấp huyện, các xã, "
    "phường, đặc khu được tổ chức lại thành các cụm thi đua mới của tỉnh Lâm Đồng."
)
CLUSTERS = (
    ClusterSpec(
        "cum-thi-dua-so-1", "Cụm thi đua số I",
        ("bt-phu-quy", "bt-tuy-phong", "bt-ham-thuan-nam", "bt-la-gi", "bt-phan-thiet"),
        years=(
            (2017, "bt-phu-quy", "bt-phan-thiet", d("24/02/2017")),
            (2018, "bt-phan-thiet", "bt-la-gi", d("09/03/2018")),
            (2019, "bt-la-gi", "bt-tuy-phong", d("01/03/2019")),
            (2020, "bt-tuy-phong", "bt-ham-thuan-nam", d("28/02/2020")),
            (2021, "bt-ham-thuan-nam", "bt-phu-quy", d("05/03/2021")),
            (2022, "bt-phu-quy", "bt-phan-thiet", d("25/02/2022")),
            (2023, "bt-phan-thiet", "bt-la-gi", d("24/02/2023")),
            (2024, "bt-la-gi", "bt-tuy-phong", d("01/03/2024")),
        ),
        # At the cluster's review of the previous year.
        handovers=((2018, d("15/01/2018")), (2019, d("17/01/2019")), (2020, d("14/01/2020")),
                   (2021, d("15/01/2021")), (2022, d("14/01/2022")), (2023, d("13/01/2023")),
                   (2024, d("12/01/2024"))),
        note=CLUSTER_NOTE,
    ),
    ClusterSpec(
        "cum-thi-dua-so-2", "Cụm thi đua số II",
        ("bt-bac-binh", "bt-ham-thuan-bac", "bt-tanh-linh", "bt-duc-linh", "bt-ham-tan"),
        years=(
            (2017, "bt-duc-linh", "bt-bac-binh", d("03/03/2017")),
            (2018, "bt-bac-binh", "bt-ham-tan", d("02/03/2018")),
            (2019, "bt-ham-tan", "bt-tanh-linh", d("08/03/2019")),
            (2020, "bt-tanh-linh", "bt-ham-thuan-bac", d("06/03/2020")),
            (2021, "bt-ham-thuan-bac", "bt-duc-linh", d("12/03/2021")),
            (2022, "bt-duc-linh", "bt-bac-binh", d("04/03/2022")),
            (2023, "bt-bac-binh", "bt-ham-tan", d("03/03/2023")),
            (2024, "bt-ham-tan", "bt-tanh-linh", d("08/03/2024")),
        ),
        handovers=((2018, d("19/01/2018")), (2019, d("18/01/2019")), (2020, d("10/01/2020")),
                   (2021, d("20/01/2021")), (2022, d("18/01/2022")), (2023, d("10/01/2023")),
                   (2024, d("16/01/2024"))),
        note=CLUSTER_NOTE,
    ),
)

# The unit leading each cluster's emulation that year: the provincial flag (Cờ thi đua của
# UBND tỉnh) goes to it, and its own rating that year is HTXS.
CLUSTER_LEADERS = {
    2017: ("bt-phu-quy", "bt-duc-linh"), 2018: ("bt-phan-thiet", "bt-ham-thuan-bac"),
    2019: ("bt-la-gi", "bt-bac-binh"), 2020: ("bt-phan-thiet", "bt-tanh-linh"),
    2021: ("bt-phu-quy", "bt-duc-linh"), 2022: ("bt-tuy-phong", "bt-ham-tan"),
    2023: ("bt-phan-thiet", "bt-bac-binh"), 2024: ("bt-phu-quy", "bt-ham-thuan-bac"),
}


class DecisionSpec(NamedTuple):
    number: str
    date: datetime.date
    issuer: str | None  # unit code; None for central bodies outside the tree
    decided_by: str
    signer_title: str
    issuer_name: str = ""  # the issuer's name of its time when it is not a unit
    period: str = ""
    period_start_year: int | None = None
    period_end_year: int | None = None


def _province(number: str, day: str, period: str = "", **extra) -> DecisionSpec:
    """A decision of the chair of UBND tỉnh Bình Thuận (Bằng khen, CSTĐ tỉnh, TTLĐXS)."""
    return DecisionSpec(number, d(day), "bt-ubnd", "provincial_chair", "Chủ tịch UBND tỉnh",
                        period=period, **extra)


def _flags(number: str, day: str, year: int) -> DecisionSpec:
    """Cờ thi đua của UBND tỉnh for the units leading the clusters in `year`."""
    return DecisionSpec(number, d(day), "bt-ubnd", "provincial_peoples_committee",
                        "TM. UBND tỉnh – Chủ tịch", period=f"Năm {year}",
                        period_start_year=year, period_end_year=year)


# Decisions other than the yearly titles (those are made per body and year by the loader).
DECISIONS = {
    "bt-bk-2014": _province("245/QĐ-UBND", "28/01/2015", "Năm 2014"),
    "bt-bk-2016": _province("412/QĐ-UBND", "15/02/2017", "Năm 2016"),
    "bt-bk-2017": _province("338/QĐ-UBND", "06/02/2018", "Năm 2017"),
    "ctn-hcld-2018": DecisionSpec("1102/QĐ-CTN", d("20/06/2018"), None, "president", "Chủ tịch nước",
                                  "Chủ tịch nước", "Quá trình cống hiến"),
    "bt-bk-2018": _province("287/QĐ-UBND", "30/01/2019", "Năm 2018"),
    "bt-bk-2019": _province("362/QĐ-UBND", "12/02/2020", "Năm 2018 và năm 2019",
                            period_start_year=2018, period_end_year=2019),
    "ttg-bk-2019": DecisionSpec("1256/QĐ-TTg", d("14/08/2020"), None, "prime_minister",
                                "Thủ tướng Chính phủ", "Thủ tướng Chính phủ", "Từ năm 2015 đến năm 2019",
                                2015, 2019),
    "bt-phu-quy-gk-2020": DecisionSpec("1630/QĐ-UBND", d("22/10/2020"), "bt-phu-quy",
                                       "district_chair", "Chủ tịch UBND huyện"),
    "bt-bk-cd-2020": _province("2790/QĐ-UBND", "20/11/2020", "Giai đoạn 2016–2020",
                               period_start_year=2016, period_end_year=2020),
    "bgd-knc-2020": DecisionSpec("4020/QĐ-BGDĐT", d("10/11/2020"), None, "minister",
                                 "Bộ trưởng Bộ Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo"),
    "bt-snv-gk-2021": DecisionSpec("115/QĐ-SNV", d("15/06/2021"), "bt-snv", "department_head",
                                   "Giám đốc Sở"),
    "bt-bk-dx-2021": _province("2215/QĐ-UBND", "10/09/2021"),
    "bt-bk-2022": _province("455/QĐ-UBND", "20/02/2023", "Năm 2022"),
    "bt-ttldxs-2022": _province("470/QĐ-UBND", "24/02/2023", "Năm 2022"),
    "bt-cstd-2022": _province("512/QĐ-UBND", "08/03/2023", "Từ năm 2020 đến năm 2022",
                              period_start_year=2020, period_end_year=2022),
    "bt-ttldxs-2023": _province("398/QĐ-UBND", "23/02/2024", "Năm 2023"),
    "bt-bk-2023": _province("520/QĐ-UBND", "05/03/2024", "Năm 2022 và năm 2023",
                            period_start_year=2022, period_end_year=2023),
    "bt-phan-thiet-revoke-2024": DecisionSpec("1520/QĐ-UBND", d("16/05/2024"), "bt-phan-thiet",
                                              "district_chair", "Chủ tịch UBND thành phố"),
    "bt-ttldxs-2024": _province("365/QĐ-UBND", "21/02/2025", "Năm 2024"),
    "bt-co-2017": _flags("215/QĐ-UBND", "24/01/2018", 2017),
    "bt-co-2018": _flags("198/QĐ-UBND", "23/01/2019", 2018),
    "bt-co-2019": _flags("240/QĐ-UBND", "31/01/2020", 2019),
    "bt-co-2020": _flags("176/QĐ-UBND", "22/01/2021", 2020),
    "bt-co-2021": _flags("231/QĐ-UBND", "26/01/2022", 2021),
    "bt-co-2022": _flags("188/QĐ-UBND", "20/01/2023", 2022),
    "bt-co-2023": _flags("205/QĐ-UBND", "25/01/2024", 2023),
    "bt-co-2024": _flags("192/QĐ-UBND", "22/01/2025", 2024),
}

# Who decides the yearly titles of the units below them: (authority, signer, number suffix).
_CHAIR = ("Chủ tịch UBND", "QĐ-UBND")
BODY_BY_KIND = {
    K.DISTRICT: ("district_chair", *_CHAIR),
    K.COMMUNE: ("commune_chair", *_CHAIR),
    K.WARD: ("commune_chair", *_CHAIR),
    K.TOWNSHIP: ("commune_chair", *_CHAIR),
    K.SPECIAL_ZONE: ("commune_chair", *_CHAIR),
}
BODY_OVERRIDES = {
    "bt-snv": ("department_head", "Giám đốc Sở", "QĐ-SNV"),
    "ld-snv": ("department_head", "Giám đốc Sở", "QĐ-SNV"),
    "bt-sgd": ("department_head", "Giám đốc Sở", "QĐ-SGDĐT"),
    "ld-sgd": ("department_head", "Giám đốc Sở", "QĐ-SGDĐT"),
    "bt-bvdk": ("unit_head", "Giám đốc Bệnh viện", "QĐ-BVĐK"),
    "ld-bvdk": ("unit_head", "Giám đốc Bệnh viện", "QĐ-BVĐK"),
    "bt-htx-phu-quy": ("enterprise_director", "Giám đốc Hợp tác xã", "QĐ-HTX"),
    "ld-htx-phu-quy": ("enterprise_director", "Giám đốc Hợp tác xã", "QĐ-HTX"),
}


class Post(NamedTuple):
    unit: str
    title: str
    start: datetime.date
    end: datetime.date | None = None
    post_group: str = ""
    leader: bool = False
    direct: bool = False


class Grant(NamedTuple):
    """An award other than the yearly titles, under a decision of DECISIONS."""

    code: str
    year: int | None
    decision: str
    kind: str = ""  # the award type's default when empty
    summary: str = ""


class Idea(NamedTuple):
    """An initiative (sáng kiến) and the decision recognising it."""

    title: str
    year: int
    scope: str
    recognised_by: str
    body: str
    number: str
    date: datetime.date


class Penalty(NamedTuple):
    level: str
    start: datetime.date
    end: datetime.date | None
    decision: str
    reason: str


class Revoke(NamedTuple):
    """The person's award `code` of `year` revoked under a later decision of DECISIONS."""

    code: str
    year: int
    decision: str
    reason: str
    basis: str = "Luật Thi đua, khen thưởng 2022, Điều 93"


class PersonSpec(NamedTuple):
    name: str
    born: datetime.date
    gender: str
    unit: str
    title: str
    posts: tuple[Post, ...]
    ratings: str = ""
    titles: str = ""
    grants: tuple[Grant, ...] = ()
    ideas: tuple[Idea, ...] = ()
    penalties: tuple[Penalty, ...] = ()
    revoked: tuple[Revoke, ...] = ()
    group: str = "cbccvc_nld"
    ethnicity: str = "Kinh"
    has_id: bool = True  # old records may lack the 12-digit ID


F, M = "female", "male"
GD, PGD = PostGroup.VU_TRUONG, PostGroup.PHO_VU_TRUONG  # director / deputy of a department
TP, PTP = PostGroup.TRUONG_PHONG, PostGroup.PHO_TRUONG_PHONG
END = d("30/06/2025")  # last day of the units of Bình Thuận
BK, BKTTG = "bk_bo_tinh_individual", "bk_ttg_individual"
WORKER = "direct_worker"

PEOPLE = (
    # ---- Sở Nội vụ (Department of Home Affairs) ----
    # Cống hiến path (HCLĐ hạng Ba, point g): department director 2016–2025 (9 years 4 months),
    # left the post in the 2025 reorganisation for a lower one.
    PersonSpec("Huỳnh Ngọc Thạch", d("20/08/1966"), M, "ld-snv", "Phó Giám đốc Sở Nội vụ", posts=(
        Post("bt-snv", "Phó Giám đốc Sở", d("01/05/2010"), d("29/02/2016"), PGD, leader=True),
        Post("bt-snv", "Giám đốc Sở", d("01/03/2016"), END, GD, leader=True),
        Post("ld-snv", "Phó Giám đốc Sở", REORG, None, PGD, leader=True)),
        ratings="2015: HTT HTT HTXS HTT HTXS HTT HTT HTXS HTT HTXS HTT", titles="2015: L*11",
        grants=(Grant(BK, 2017, "bt-bk-2017", summary="Đã có thành tích xuất sắc trong công tác "
                      "cải cách hành chính năm 2017"),)),
    # Woman leader (G09): deputy director 8 years, enough only with the 2/3 reduction; retired.
    PersonSpec("Trần Thị Kim Oanh", d("14/05/1969"), F, "ld-snv",
               "Nguyên Phó Giám đốc Sở Nội vụ (nghỉ hưu từ 01/01/2026)", posts=(
        Post("bt-snv", "Trưởng phòng Công chức, viên chức", d("01/04/2011"), d("01/01/2018"), TP,
             leader=True),
        Post("bt-snv", "Phó Giám đốc Sở", d("02/01/2018"), END, PGD, leader=True),
        Post("ld-snv", "Phó Giám đốc Sở", REORG, d("31/12/2025"), PGD, leader=True)),
        ratings="2015: HTT HTT HTT HTXS HTT HTT HTXS HTT HTT HTXS HTT", titles="2015: L*11"),
    # BKTTg path (point b): BK tỉnh (công trạng) for 2019, then 2020–2025 rated HTT or better
    # with CSTĐCS in 2021, 2023 and 2025 (eligible for 2025, not yet for 2024).
    PersonSpec("Phạm Quốc Việt", d("09/02/1980"), M, "ld-snv",
               "Phó Trưởng phòng Công chức, viên chức", posts=(
        Post("bt-snv", "Chuyên viên Phòng Công chức, viên chức", d("15/08/2006"), d("31/03/2021")),
        Post("bt-snv", "Phó Trưởng phòng Công chức, viên chức", d("01/04/2021"), END, PTP,
             leader=True),
        Post("ld-snv", "Phó Trưởng phòng Công chức, viên chức", REORG, None, PTP, leader=True)),
        ratings="2015: HTT HTT HTT HTXS HTXS HTT HTXS HTT HTXS HTT HTXS",
        titles="2015: L L L C C L C L C L C",
        ideas=(Idea("Giải pháp chuẩn hóa cơ sở dữ liệu công chức, viên chức tỉnh Bình Thuận", 2018,
                    "co_so", "department_head", "bt-snv", "95/QĐ-SNV", d("20/11/2018")),
               Idea("Bộ tiêu chí đánh giá, xếp loại viên chức theo vị trí việc làm", 2019, "co_so",
                    "department_head", "bt-snv", "102/QĐ-SNV", d("25/11/2019"))),
        grants=(Grant(BK, 2019, "bt-bk-2019", summary="Hai năm liên tục đạt danh hiệu Chiến sĩ "
                      "thi đua cơ sở (2018, 2019), có 2 sáng kiến được công nhận"),)),
    # HCLĐ hạng Ba path (point e): BKTTg for 2015–2019, then 2020–2024 rated HTT or better
    # with HTXS and CSTĐCS in 2021, 2022 and 2024.
    PersonSpec("Lê Hoàng Phúc", d("03/11/1972"), M, "ld-snv-btdkt", "Trưởng phòng Thi đua – Khen thưởng",
               posts=(
        Post("bt-snv-btdkt", "Chuyên viên", d("01/10/1996"), d("31/08/2014")),
        Post("bt-snv-btdkt", "Trưởng Ban", d("01/09/2014"), END, TP, leader=True),
        Post("ld-snv-btdkt", "Trưởng phòng", REORG, None, TP, leader=True)),
        ratings="2015: HTXS HTXS HTT HTXS HTXS HTT HTXS HTXS HTT HTXS HTXS",
        titles="2015: C C L C C L C C L C L",
        grants=(Grant(BK, 2014, "bt-bk-2014", summary="Đã có thành tích xuất sắc trong công tác "
                      "thi đua, khen thưởng năm 2014"),
                Grant(BKTTG, 2019, "ttg-bk-2019", summary="Đã có thành tích trong công tác từ năm "
                      "2015 đến năm 2019, góp phần vào sự nghiệp xây dựng chủ nghĩa xã hội và "
                      "bảo vệ Tổ quốc"))),
    # BK tỉnh point d: CSTĐCS 2022 and 2023 with two grassroots initiatives in those years.
    PersonSpec("Nguyễn Thị Thanh Hương", d("21/07/1979"), F, "ld-snv-btdkt",
               "Phó Trưởng phòng Thi đua – Khen thưởng", posts=(
        Post("bt-snv-btdkt", "Chuyên viên", d("01/03/2005"), d("28/02/2017")),
        Post("bt-snv-btdkt", "Phó Trưởng Ban", d("01/03/2017"), END, PTP, leader=True),
        Post("ld-snv-btdkt", "Phó Trưởng phòng", REORG, None, PTP, leader=True)),
        ratings="2015: HTT HTT HTXS HTT HTT HTXS HTT HTXS HTXS HTT HTT",
        titles="2015: L L C L L C L C C L L",
        ideas=(Idea("Quy trình thẩm định hồ sơ khen thưởng theo thủ tục đơn giản", 2022, "co_so",
                    "department_head", "bt-snv", "118/QĐ-SNV", d("22/11/2022")),
               Idea("Sổ tay hướng dẫn lập hồ sơ khen thưởng cho cấp xã", 2023, "co_so",
                    "department_head", "bt-snv", "121/QĐ-SNV", d("21/11/2023"))),
        grants=(Grant(BK, 2023, "bt-bk-2023", summary="Hai năm liên tục đạt danh hiệu Chiến sĩ "
                      "thi đua cơ sở (2022, 2023), có 2 sáng kiến được công nhận"),)),
    # Ban TĐKT member: CSTĐCS 2023 (HTXS), one of the two CSTĐCS its TTLĐXS 2023 needs.
    PersonSpec("Võ Thị Ngọc Ánh", d("05/10/1988"), F, "ld-snv-btdkt", "Chuyên viên", posts=(
        Post("bt-snv-btdkt", "Chuyên viên", d("01/08/2012"), END),
        Post("ld-snv-btdkt", "Chuyên viên", REORG)),
        ratings="2015: HTT*8 HTXS HTT HTT", titles="2015: L*8 C L L"),
    # Ban TĐKT member since 2016: LĐTT every year, CSTĐCS 2024 (HTXS).
    PersonSpec("Đinh Công Thành", d("17/01/1990"), M, "ld-snv-btdkt", "Chuyên viên", posts=(
        Post("bt-snv-btdkt", "Chuyên viên", d("01/03/2016"), END),
        Post("ld-snv-btdkt", "Chuyên viên", REORG)),
        ratings="2016: HTT*8 HTXS HTT", titles="2016: L*8 C L"),
    # A first year rated HT: no LĐTT in 2019.
    PersonSpec("Lý Thị Mỹ Duyên", d("28/06/1993"), F, "ld-snv-btdkt", "Chuyên viên", posts=(
        Post("bt-snv-btdkt", "Chuyên viên", d("03/09/2019"), END),
        Post("ld-snv-btdkt", "Chuyên viên", REORG)),
        ratings="2019: HT HTT*6", titles="2020: L*6"),
    # Ban TĐKT member since 2021: LĐTT every year (100% LĐTT for TTLĐXS 2022–2023).
    PersonSpec("Hồ Minh Nhật", d("12/12/1995"), M, "ld-snv-btdkt", "Chuyên viên", posts=(
        Post("bt-snv-btdkt", "Chuyên viên", d("01/02/2021"), END),
        Post("ld-snv-btdkt", "Chuyên viên", REORG)),
        ratings="2021: HTT*5", titles="2021: L*5"),
    # A Giấy khen of kind đột xuất: never the base of a later award (G03).
    PersonSpec("Bùi Thị Thu Hà", d("09/04/1983"), F, "ld-snv-vp", "Phó Chánh Văn phòng", posts=(
        Post("bt-snv-vp", "Chuyên viên", d("01/10/2007"), d("31/12/2018")),
        Post("bt-snv-vp", "Chánh Văn phòng", d("01/01/2019"), END, TP, leader=True),
        Post("ld-snv-vp", "Phó Chánh Văn phòng", REORG, None, PTP, leader=True)),
        ratings="2015: HTT*11", titles="2015: L*11",
        grants=(Grant("giay_khen", 2021, "bt-snv-gk-2021", "dot_xuat", "Đã có thành tích xuất sắc "
                      "đột xuất trong công tác phục vụ bầu cử đại biểu Quốc hội khóa XV và đại biểu "
                      "HĐND các cấp nhiệm kỳ 2021–2026"),)),
    # An ordinary history with one year rated HT (no LĐTT in 2019).
    PersonSpec("Nguyễn Văn Hiếu", d("30/09/1987"), M, "ld-snv-vp", "Chuyên viên", posts=(
        Post("bt-snv-vp", "Chuyên viên", d("15/03/2012"), END),
        Post("ld-snv-vp", "Chuyên viên", REORG)),
        ratings="2015: HTT*4 HT HTT*6", titles="2015: L*4 - L*6"),

    # ---- Phú Quý: district until 30/06/2025, special zone since ----
    # CSTĐ tỉnh path: CSTĐCS 2023, 2024 (UBND huyện) and 2025 (UBND đặc khu) with an initiative
    # recognised by the provincial chair in 2025.
    PersonSpec("Trương Minh Khoa", d("12/04/1986"), M, "ld-dk-vp", "Chuyên viên", posts=(
        Post("bt-phu-quy-pnv", "Chuyên viên", d("01/09/2010"), END),
        Post("ld-dk-vp", "Chuyên viên", REORG)),
        ratings="2015: HTT*5 HTXS HTT HTT HTXS HTXS HTXS", titles="2015: L*5 C L L C C C",
        ideas=(Idea("Giải pháp quản lý hồ sơ cán bộ, công chức cấp xã bằng phần mềm dùng chung",
                    2020, "co_so", "district_chair", "bt-phu-quy", "1875/QĐ-UBND", d("10/12/2020")),
               Idea("Quy trình số hóa hồ sơ đề nghị khen thưởng tại Phòng Nội vụ huyện Phú Quý", 2023,
                    "co_so", "district_chair", "bt-phu-quy", "2204/QĐ-UBND", d("12/12/2023")),
               Idea("Mô hình tiếp nhận, xử lý hồ sơ thi đua – khen thưởng trực tuyến liên thông "
                    "từ cấp xã đến cấp tỉnh", 2025, "bo_tinh", "provincial_chair", "ld-ubnd",
                    "2150/QĐ-UBND", d("18/11/2025")))),
    # Accent-insensitive search: "Nguyễn Thị Hoà" here, "Nguyễn Thị Hòa" in Phú Thủy.
    PersonSpec("Nguyễn Thị Hoà", d("02/03/1985"), F, "ld-dk-vp", "Chuyên viên", posts=(
        Post("bt-phu-quy-vp", "Chuyên viên", d("01/06/2009"), END),
        Post("ld-dk-vp", "Chuyên viên", REORG)),
        ratings="2015: HTT*4 HTXS HTT*6", titles="2015: L*4 C L*6"),
    # A BK tỉnh of kind chuyên đề that must not count: 2021–2025 rated HTT or better with 3
    # CSTĐCS, yet no BKTTg (no merit BK tỉnh before the window).
    PersonSpec("Lê Văn Tâm", d("15/08/1978"), M, "ld-dk-vp", "Phó Chánh Văn phòng", posts=(
        Post("bt-phu-quy-pnv", "Chuyên viên", d("01/02/2004"), d("31/12/2015")),
        Post("bt-phu-quy-pnv", "Phó Trưởng phòng", d("01/01/2016"), END, PTP, leader=True),
        Post("ld-dk-vp", "Phó Chánh Văn phòng", REORG, None, PTP, leader=True)),
        ratings="2015: HTT*6 HTXS HTT HTXS HTT HTXS", titles="2015: L*6 C L C L C",
        grants=(Grant(BK, 2020, "bt-bk-cd-2020", "chuyen_de", "Đã có thành tích xuất sắc trong "
                      "phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” giai đoạn "
                      "2016–2020"),)),
    # Direct worker (LĐTT worker variant: no rating needed), awarded by the cooperative's
    # director; also a Giấy khen đột xuất for a rescue at sea.
    PersonSpec("Huỳnh Văn Út", d("10/02/1975"), M, "ld-htx-phu-quy", "Thuyền trưởng tàu cá", posts=(
        Post("bt-htx-phu-quy", "Thuyền trưởng tàu cá", d("01/01/2012"), END, direct=True),
        Post("ld-htx-phu-quy", "Thuyền trưởng tàu cá", REORG, direct=True)),
        titles="2022: L*4", group=WORKER,
        grants=(Grant("giay_khen", 2020, "bt-phu-quy-gk-2020", "dot_xuat", "Đã có thành tích đột "
                      "xuất trong cứu hộ, cứu nạn ngư dân gặp nạn trên biển"),)),
    # Direct worker with two LĐTT (2024 under the old cooperative record, 2025 under the new).
    PersonSpec("Nguyễn Thị Lài", d("07/07/1982"), F, "ld-htx-phu-quy", "Xã viên, thợ vá lưới", posts=(
        Post("bt-htx-phu-quy", "Xã viên, thợ vá lưới", d("01/05/2015"), END, direct=True),
        Post("ld-htx-phu-quy", "Xã viên, thợ vá lưới", REORG, direct=True)),
        titles="2024: L L", group=WORKER),
    # Pre-2025 person of the district (retired 2018), seen by the officer of the special zone;
    # an order for career contribution with no achievement year (G10 anchors on the decision).
    PersonSpec("Đặng Văn Hùng", d("20/01/1958"), M, "bt-phu-quy",
               "Nguyên Chủ tịch UBND huyện Phú Quý (nghỉ hưu từ 01/02/2018)", posts=(
        Post("bt-phu-quy", "Phó Chủ tịch UBND huyện", d("01/07/2005"), d("30/06/2010"), leader=True),
        Post("bt-phu-quy", "Chủ tịch UBND huyện", d("01/07/2010"), d("31/01/2018"), leader=True)),
        ratings="2015: HTT HTXS HTT", has_id=False,
        grants=(Grant(BK, 2016, "bt-bk-2016", summary="Đã có thành tích xuất sắc trong lãnh đạo "
                      "phát triển kinh tế – xã hội huyện đảo năm 2016"),
                Grant("hcld_3_individual", None, "ctn-hcld-2018", "cong_hien", "Đã có quá trình "
                      "cống hiến trong sự nghiệp xây dựng và phát triển huyện đảo Phú Quý"))),
    # Woman commune chair, now vice-chair of the special zone: a merit BK tỉnh for 2022.
    PersonSpec("Phan Thị Mỹ Hạnh", d("18/09/1980"), F, "ld-dac-khu-phu-quy",
               "Phó Chủ tịch UBND đặc khu", posts=(
        Post("bt-ngu-phung", "Công chức Văn phòng – Thống kê", d("01/03/2006"), d("31/12/2015")),
        Post("bt-ngu-phung", "Chủ tịch UBND xã", d("01/01/2016"), END, leader=True),
        Post("ld-dac-khu-phu-quy", "Phó Chủ tịch UBND đặc khu", REORG, leader=True)),
        ratings="2015: HTT HTT HTT HTXS HTT HTT HTXS HTXS HTT HTT HTXS",
        grants=(Grant(BK, 2022, "bt-bk-2022", summary="Đã có thành tích xuất sắc trong lãnh đạo "
                      "xây dựng xã đảo Ngũ Phụng năm 2022"),)),
    # Commune civil servant: yearly LĐTT from the commune chair.
    PersonSpec("Trần Văn Bình", d("30/11/1979"), M, "ld-dk-vhxh", "Chuyên viên", posts=(
        Post("bt-tam-thanh", "Công chức Văn hóa – Xã hội", d("01/08/2008"), END),
        Post("ld-dk-vhxh", "Chuyên viên", REORG)),
        ratings="2015: HTT*11", titles="2015: L*11"),
    # CSTĐCS through a recognised initiative with an HTT rating (Law 2022, Art. 23).
    PersonSpec("Lê Thị Thu Sương", d("04/06/1990"), F, "ld-dk-vhxh", "Chuyên viên", posts=(
        Post("bt-long-hai", "Công chức Tư pháp – Hộ tịch", d("01/10/2014"), END),
        Post("ld-dk-vhxh", "Chuyên viên", REORG)),
        ratings="2015: HTT*11", titles="2015: L*9 C L",
        ideas=(Idea("Sắp xếp, tra cứu sổ hộ tịch bằng mã QR tại xã Long Hải", 2024, "co_so",
                    "commune_chair", "bt-long-hai", "87/QĐ-UBND", d("15/11/2024")),)),
    # Head of the district's home-affairs office: a merit BK tỉnh for 2018.
    PersonSpec("Võ Thanh Long", d("22/05/1976"), M, "ld-dk-vp", "Chánh Văn phòng", posts=(
        Post("bt-phu-quy-pnv", "Trưởng phòng", d("01/10/2014"), END, TP, leader=True),
        Post("ld-dk-vp", "Chánh Văn phòng", REORG, None, TP, leader=True)),
        ratings="2015: HTT HTXS HTT HTXS HTXS HTT HTT HTXS HTT HTT HTT",
        titles="2015: L C L C C L L C L L L",
        grants=(Grant(BK, 2018, "bt-bk-2018", summary="Đã có thành tích xuất sắc trong công tác "
                      "xây dựng chính quyền cơ sở năm 2018"),)),
    # Member of Phòng Nội vụ huyện Phú Quý: all four members are in the demo (its TTLĐTT).
    PersonSpec("Nguyễn Thị Kim Yến", d("11/11/1992"), F, "ld-dk-vhxh", "Chuyên viên", posts=(
        Post("bt-phu-quy-pnv", "Chuyên viên", d("15/08/2016"), END),
        Post("ld-dk-vhxh", "Chuyên viên", REORG)),
        ratings="2016: HTT*10", titles="2016: L*10"),

    # ---- Phan Thiết: provincial city until 30/06/2025, then its wards ----
    # Chain broken: CSTĐCS 2023 and 2024, only LĐTT in 2025 (no CSTĐ tỉnh for 2025).
    PersonSpec("Nguyễn Hoàng Nam", d("25/03/1987"), M, "ld-phan-thiet-vp", "Chuyên viên", posts=(
        Post("bt-phan-thiet-pnv", "Chuyên viên", d("01/07/2011"), END),
        Post("ld-phan-thiet-vp", "Chuyên viên", REORG)),
        ratings="2015: HTT*8 HTXS HTXS HTT", titles="2015: L*8 C C L"),
    # Accent-insensitive search: "Nguyễn Thị Hòa" here, "Nguyễn Thị Hoà" in Phú Quý.
    PersonSpec("Nguyễn Thị Hòa", d("15/01/1990"), F, "ld-phu-thuy", "Kế toán", posts=(
        Post("bt-phu-thuy", "Công chức Tài chính – Kế toán", d("01/04/2013"), END),
        Post("ld-phu-thuy", "Kế toán", REORG)),
        ratings="2015: HTT*7 HTXS HTT*3", titles="2015: L*7 C L*3"),
    # An award revoked by a later decision: CSTĐCS 2021 earned with a copied initiative.
    PersonSpec("Trần Minh Tuấn", d("02/06/1985"), M, "ld-phan-thiet", "Chuyên viên Phòng Kinh tế, "
               "Hạ tầng và Đô thị", posts=(
        Post("bt-phan-thiet", "Chuyên viên Phòng Kinh tế", d("01/09/2009"), END),
        Post("ld-phan-thiet", "Chuyên viên Phòng Kinh tế, Hạ tầng và Đô thị", REORG)),
        ratings="2015: HTT*11", titles="2015: L*6 C L*4",
        ideas=(Idea("Theo dõi tiến độ giải quyết thủ tục hành chính bằng bảng tính dùng chung", 2021,
                    "co_so", "district_chair", "bt-phan-thiet", "3012/QĐ-UBND", d("08/12/2021")),),
        revoked=(Revoke("cstd_co_so", 2021, "bt-phan-thiet-revoke-2024", "Sáng kiến làm căn cứ "
                        "công nhận danh hiệu được xác định là sao chép giải pháp đã được công nhận "
                        "tại đơn vị khác"),)),
    # Discipline in force (cảnh cáo since 15/09/2025, no end): proposals are deferred, and the
    # office's TTLĐTT 2025 fails (a member disciplined at warning level).
    PersonSpec("Lê Quốc Bảo", d("08/12/1982"), M, "ld-phan-thiet-vp", "Chuyên viên", posts=(
        Post("bt-phan-thiet-pnv", "Chuyên viên", d("01/01/2010"), END),
        Post("ld-phan-thiet-vp", "Chuyên viên", REORG)),
        ratings="2015: HTT*10 KHT", titles="2015: L*10",
        penalties=(Penalty("canh_cao", d("15/09/2025"), None, "1245/QĐ-UBND ngày 15/09/2025 của "
                           "Chủ tịch UBND phường Phan Thiết", "Vi phạm quy định về tiếp nhận, giải "
                           "quyết hồ sơ thủ tục hành chính"),)),
    # Discipline ended (khiển trách until 19/12/2022): chains count only from 2023 (G06).
    PersonSpec("Phạm Văn Đức", d("17/04/1983"), M, "ld-phan-thiet", "Chuyên viên Phòng Kinh tế, "
               "Hạ tầng và Đô thị", posts=(
        Post("bt-duc-nghia", "Công chức Địa chính – Xây dựng", d("01/05/2008"), END),
        Post("ld-phan-thiet", "Chuyên viên Phòng Kinh tế, Hạ tầng và Đô thị", REORG)),
        ratings="2015: HTT*6 KHT HT HTT HTXS HTXS", titles="2015: L*6 - - L C C",
        penalties=(Penalty("khien_trach", d("20/12/2021"), d("19/12/2022"), "3150/QĐ-UBND ngày "
                           "20/12/2021 của Chủ tịch UBND thành phố Phan Thiết", "Chậm giải quyết "
                           "hồ sơ đất đai của công dân"),)),
    # Merit BK tỉnh 2018, then only 2 CSTĐCS in 2019–2025: no BKTTg yet.
    PersonSpec("Võ Thị Bích Ngọc", d("09/09/1978"), F, "ld-phan-thiet-vp", "Chánh Văn phòng", posts=(
        Post("bt-phan-thiet-pnv", "Phó Trưởng phòng", d("01/01/2012"), d("31/12/2014"), PTP,
             leader=True),
        Post("bt-phan-thiet-pnv", "Trưởng phòng", d("01/01/2015"), END, TP, leader=True),
        Post("ld-phan-thiet-vp", "Chánh Văn phòng", REORG, None, TP, leader=True)),
        ratings="2015: HTT HTT HTT HTXS HTT HTT HTT HTXS HTT HTXS HTT",
        titles="2015: L L L C L L L C L C L",
        grants=(Grant(BK, 2018, "bt-bk-2018", summary="Đã có thành tích xuất sắc trong công tác "
                      "tổ chức bộ máy, cải cách hành chính năm 2018"),)),
    # Member of Phòng Nội vụ thành phố Phan Thiết: all four members are in the demo.
    PersonSpec("Đặng Thị Thu Thảo", d("14/02/1991"), F, "ld-phan-thiet-vp", "Chuyên viên", posts=(
        Post("bt-phan-thiet-pnv", "Chuyên viên", d("01/03/2016"), END),
        Post("ld-phan-thiet-vp", "Chuyên viên", REORG)),
        ratings="2016: HTT*10", titles="2016: L*10"),
    # Ward civil servant, now in the new phường Mũi Né.
    PersonSpec("Nguyễn Văn Lộc", d("19/08/1980"), M, "ld-mui-ne", "Chuyên viên Phòng Văn hóa – Xã hội",
               posts=(
        Post("bt-ham-tien", "Công chức Văn hóa – Xã hội", d("01/06/2006"), END),
        Post("ld-mui-ne", "Chuyên viên Phòng Văn hóa – Xã hội", REORG)),
        ratings="2015: HTT*11", titles="2015: L*11"),
    # Direct worker, a dragon-fruit farmer: LĐTT from the commune chair (then the ward's).
    PersonSpec("Trần Văn Sang", d("03/03/1972"), M, "ld-htx-tien-thanh", "Xã viên, trồng thanh long",
               posts=(
        Post("bt-htx-tien-thanh", "Xã viên, trồng thanh long", d("01/01/2010"), END, direct=True),
        Post("ld-htx-tien-thanh", "Xã viên, trồng thanh long", REORG, direct=True)),
        titles="2023: L*3", group=WORKER),
    # First year rated HT (no LĐTT); CSTĐCS 2025 from the chair of the new ward.
    PersonSpec("Lâm Thị Bảo Trân", d("26/10/1994"), F, "ld-phan-thiet",
               "Chuyên viên Phòng Văn hóa – Xã hội", posts=(
        Post("bt-duc-thang", "Công chức Văn phòng – Thống kê", d("01/09/2018"), END),
        Post("ld-phan-thiet", "Chuyên viên Phòng Văn hóa – Xã hội", REORG)),
        ratings="2018: HT HTT*6 HTXS", titles="2019: L*6 C"),
    # Now in the new phường Phú Thủy: not seen by the officer of phường Phan Thiết.
    PersonSpec("Tô Văn Hưng", d("07/01/1981"), M, "ld-phu-thuy", "Chuyên viên Phòng Văn hóa – Xã hội",
               posts=(
        Post("bt-phu-trinh", "Công chức Tư pháp – Hộ tịch", d("01/02/2007"), END),
        Post("ld-phu-thuy", "Chuyên viên Phòng Văn hóa – Xã hội", REORG)),
        ratings="2015: HTT*11", titles="2015: L*11"),
    # Pre-2025 person of Phan Thiết (retired 2019): must not leak to the Phú Quý officer.
    PersonSpec("Ngô Thị Thanh Xuân", d("10/10/1963"), F, "bt-phan-thiet",
               "Nguyên Phó Chủ tịch UBND thành phố Phan Thiết (nghỉ hưu từ 01/05/2019)", posts=(
        Post("bt-phan-thiet", "Phó Chủ tịch UBND thành phố", d("01/01/2011"), d("30/04/2019"),
             leader=True),),
        ratings="2015: HTT HTXS HTT HTT",
        grants=(Grant(BK, 2016, "bt-bk-2016", summary="Đã có thành tích xuất sắc trong chỉ đạo "
                      "phát triển du lịch thành phố năm 2016"),)),

    # ---- Elsewhere in the province ----
    # A second CSTĐ tỉnh: CSTĐCS 2020–2022 were used for CSTĐ tỉnh 2022, so 2023–2025 (with a
    # provincial initiative in 2024) qualify for 2025 while 2024 does not.
    PersonSpec("Phạm Thị Ngọc Lan", d("22/01/1980"), F, "ld-thpt-thd-toan", "Giáo viên Toán", posts=(
        Post("bt-thpt-thd-toan", "Giáo viên Toán", d("01/09/2004"), END),
        Post("ld-thpt-thd-toan", "Giáo viên Toán", REORG)),
        ratings="2015: HTT*5 HTXS*6", titles="2015: L*5 C*6",
        ideas=(Idea("Dạy học chuyên đề hình học không gian với phần mềm GeoGebra", 2022, "bo_tinh",
                    "provincial_chair", "bt-ubnd", "2610/QĐ-UBND", d("25/11/2022")),
               Idea("Ngân hàng đề kiểm tra năng lực môn Toán dùng chung cho các trường THPT trong "
                    "tỉnh", 2024, "bo_tinh", "provincial_chair", "bt-ubnd", "2735/QĐ-UBND",
                    d("03/12/2024"))),
        grants=(Grant("cstd_bo_tinh", 2022, "bt-cstd-2022", summary="Ba năm liên tục đạt danh hiệu "
                      "Chiến sĩ thi đua cơ sở (2020–2022), có sáng kiến được công nhận phạm vi tỉnh"),)),
    # A ministry's commemorative medal (no achievement year).
    PersonSpec("Lưu Đức Trọng", d("15/05/1976"), M, "ld-thpt-thd-toan", "Tổ trưởng Tổ Toán – Tin học",
               posts=(
        Post("bt-thpt-thd-toan", "Tổ trưởng Tổ Toán – Tin học", d("01/09/2000"), END),
        Post("ld-thpt-thd-toan", "Tổ trưởng Tổ Toán – Tin học", REORG)),
        ratings="2015: HTT*11", titles="2015: L*11",
        grants=(Grant("ky_niem_chuong", None, "bgd-knc-2020",
                      summary="Kỷ niệm chương “Vì sự nghiệp giáo dục”"),)),
    # A BK tỉnh of kind đột xuất (COVID-19), next to CSTĐCS 2020–2021.
    PersonSpec("Nguyễn Hữu Phước", d("12/12/1975"), M, "ld-bvdk-hstc", "Trưởng khoa", posts=(
        Post("bt-bvdk-hstc", "Trưởng khoa", d("01/01/2014"), END, TP, leader=True),
        Post("ld-bvdk-hstc", "Trưởng khoa", REORG, None, TP, leader=True)),
        ratings="2015: HTT*5 HTXS HTXS HTT*4", titles="2015: L*5 C C L*4",
        grants=(Grant(BK, 2021, "bt-bk-dx-2021", "dot_xuat", "Đã có thành tích xuất sắc đột xuất "
                      "trong công tác điều trị bệnh nhân COVID-19 nặng"),)),
    # Hospital nurse: yearly LĐTT from the hospital's director (unit_head).
    PersonSpec("Đoàn Thị Mai", d("08/08/1989"), F, "ld-bvdk-hstc", "Điều dưỡng", posts=(
        Post("bt-bvdk-hstc", "Điều dưỡng", d("01/10/2011"), END),
        Post("ld-bvdk-hstc", "Điều dưỡng", REORG)),
        ratings="2015: HTT*11", titles="2015: L*11"),
    # Staff of thị xã La Gi (cluster I), now phường La Gi: yearly LĐTT from the district.
    PersonSpec("Châu Văn Tài", d("16/06/1983"), M, "ld-la-gi", "Chuyên viên Văn phòng HĐND và UBND",
               posts=(
        Post("bt-la-gi", "Chuyên viên Phòng Nội vụ", d("01/03/2008"), END),
        Post("ld-la-gi", "Chuyên viên Văn phòng HĐND và UBND", REORG)),
        ratings="2015: HTT*11", titles="2015: L*11"),
    # Chăm civil servant of a township of Tuy Phong: CSTĐCS 2024.
    PersonSpec("Thông Thị Hồng Nhung", d("21/03/1988"), F, "ld-lien-huong",
               "Chuyên viên Phòng Văn hóa – Xã hội", posts=(
        Post("bt-lien-huong", "Công chức Văn hóa – Xã hội", d("01/07/2012"), END),
        Post("ld-lien-huong", "Chuyên viên Phòng Văn hóa – Xã hội", REORG)),
        ratings="2015: HTT*9 HTXS HTT", titles="2015: L*9 C L", ethnicity="Chăm"),
    # District staff with a merit BK tỉnh for 2022.
    PersonSpec("Nguyễn Văn Phú", d("04/04/1979"), M, "ld-ham-thuan-nam",
               "Chuyên viên Văn phòng HĐND và UBND", posts=(
        Post("bt-ham-thuan-nam", "Chuyên viên Văn phòng HĐND và UBND", d("01/01/2005"), END),
        Post("ld-ham-thuan-nam", "Chuyên viên Văn phòng HĐND và UBND", REORG)),
        ratings="2015: HTT*7 HTXS HTT*3", titles="2015: L*7 C L*3",
        grants=(Grant(BK, 2022, "bt-bk-2022", summary="Đã có thành tích xuất sắc trong công tác "
                      "chuyển đổi số năm 2022"),)),
    # Chăm civil servant of huyện Bắc Bình (cluster II), now xã Bắc Bình.
    PersonSpec("Quảng Đại Thiện", d("02/09/1985"), M, "ld-bac-binh",
               "Chuyên viên Phòng Văn hóa – Xã hội", posts=(
        Post("bt-bac-binh", "Chuyên viên Phòng Dân tộc", d("01/06/2010"), END),
        Post("ld-bac-binh", "Chuyên viên Phòng Văn hóa – Xã hội", REORG)),
        ratings="2015: HTT*11", titles="2015: L*11", ethnicity="Chăm"),
    # Township staff of Hàm Thuận Bắc (cluster II), now xã Hàm Thuận: LĐTT from the township.
    PersonSpec("Lê Thị Cẩm Tú", d("30/10/1987"), F, "ld-ham-thuan",
               "Chuyên viên Văn phòng HĐND và UBND", posts=(
        Post("bt-ma-lam", "Công chức Văn phòng – Thống kê", d("01/08/2011"), END),
        Post("ld-ham-thuan", "Chuyên viên Văn phòng HĐND và UBND", REORG)),
        ratings="2015: HTT*11", titles="2015: L*11"),
    # Deputy head of an office with a post group (Đức Linh, cluster II): CSTĐCS 2019.
    PersonSpec("Ngô Văn Sơn", d("27/07/1977"), M, "ld-duc-linh", "Phó Chánh Văn phòng HĐND và UBND",
               posts=(
        Post("bt-duc-linh", "Phó Trưởng phòng Nội vụ", d("01/03/2015"), END, PTP, leader=True),
        Post("ld-duc-linh", "Phó Chánh Văn phòng HĐND và UBND", REORG, None, PTP, leader=True)),
        ratings="2015: HTT*4 HTXS HTT*6", titles="2015: L*4 C L*6"),
    # Township staff of Tánh Linh (cluster II), now xã Tánh Linh.
    PersonSpec("Hà Thị Thanh Tâm", d("13/05/1986"), F, "ld-tanh-linh", "Chuyên viên", posts=(
        Post("bt-lac-tanh", "Công chức Tư pháp – Hộ tịch", d("01/02/2010"), END),
        Post("ld-tanh-linh", "Chuyên viên", REORG)),
        ratings="2015: HTT*11", titles="2015: L*11"),
    # Township staff of Hàm Tân (cluster II), now xã Hàm Tân.
    PersonSpec("Dương Quốc Khánh", d("02/09/1990"), M, "ld-ham-tan", "Chuyên viên Phòng Kinh tế",
               posts=(
        Post("bt-tan-nghia", "Công chức Địa chính – Xây dựng", d("01/12/2014"), END),
        Post("ld-ham-tan", "Chuyên viên Phòng Kinh tế", REORG)),
        ratings="2015: HTT*11", titles="2015: L*11"),
)


class CollectiveSpec(NamedTuple):
    unit: str
    ratings: str  # "2019: HTT/5 HTXS/6": level and, after the slash, the number of members
    titles: str = ""
    grants: tuple[Grant, ...] = ()


_FLAG = "Đơn vị dẫn đầu phong trào thi đua {cluster} năm {year}"


def _district_collectives() -> tuple[CollectiveSpec, ...]:
    """The ten district-level units: HTXS and the provincial flag the years they led a cluster."""
    specs = []
    for index, cluster in enumerate(CLUSTERS):
        for code in cluster.members:
            led = [year for year, leaders in CLUSTER_LEADERS.items() if leaders[index] == code]
            ratings = " ".join("HTXS" if year in led else "HTT" for year in range(2017, 2025))
            grants = tuple(Grant("co_thi_dua_bo_tinh", year, f"bt-co-{year}", summary=_FLAG.format(
                cluster=cluster.name, year=year)) for year in led)
            specs.append(CollectiveSpec(code, f"2017: {ratings}", grants=grants))
    return tuple(specs)


COLLECTIVES = (
    # Every member is in the demo: TTLĐXS 2022 and 2023, then a BK tỉnh (point d).
    CollectiveSpec("bt-snv-btdkt", "2019: HTT/5 HTT/5 HTT/6 HTXS/6 HTXS/6 HTT/6", "2019: T T T - - T",
                   grants=(Grant("ttldxs", 2022, "bt-ttldxs-2022"),
                           Grant("ttldxs", 2023, "bt-ttldxs-2023"),
                           Grant("bk_bo_tinh_collective", 2023, "bt-bk-2023", summary="Hai năm liên "
                                 "tục đạt danh hiệu Tập thể lao động xuất sắc (2022, 2023)"))),
    CollectiveSpec("bt-phu-quy-pnv", "2016: HTT/4 HTT/4 HTXS/4 HTXS/4 HTT/4 HTT/4 HTT/4 HTXS/4 HTXS/4",
                   "2017: T*8"),
    CollectiveSpec("ld-dk-vp", "2025: HTT/4", "2025: T"),
    CollectiveSpec("bt-phan-thiet-pnv", "2017: HTT/4 HTT/4 HTXS/4 HTT/4 HTT/4 HTT/4 HTXS/4 HTT/4",
                   "2017: T*8"),
    # One of its four members is disciplined (cảnh cáo) in 2025: no TTLĐTT that year.
    CollectiveSpec("ld-phan-thiet-vp", "2025: HTT/4"),
    # Most members of these are not in the demo (their counts are real-sized).
    CollectiveSpec("bt-tam-thanh", "2023: HTT/21 HTT/22", "2023: T T"),
    CollectiveSpec("bt-thpt-thd", "2023: HTXS/86 HTXS/88",
                   grants=(Grant("ttldxs", 2023, "bt-ttldxs-2023"),
                           Grant("ttldxs", 2024, "bt-ttldxs-2024"))),
    *_district_collectives(),
)
# A few district-level units also received a provincial Bằng khen as collectives.
COLLECTIVE_GRANTS = (
    ("bt-la-gi", Grant("bk_bo_tinh_collective", 2018, "bt-bk-2018", summary="Đã có thành tích xuất "
                       "sắc trong phong trào thi đua năm 2018")),
    ("bt-tanh-linh", Grant("bk_bo_tinh_collective", 2022, "bt-bk-2022", summary="Đã có thành tích "
                           "xuất sắc trong phong trào thi đua năm 2022")),
)


class AccountSpec(NamedTuple):
    username: str
    role: str
    unit: str | None
    full_name: str
    admin: bool = False


ACCOUNTS = (
    AccountSpec("admin", Role.ADMIN, None, "Quản trị hệ thống", admin=True),
    AccountSpec("sonoivu", Role.REVIEWER, "ld-snv",
                "Trần Minh Quân (chuyên viên thẩm định, Sở Nội vụ)"),
    AccountSpec("phuquy", Role.OFFICER, "ld-dac-khu-phu-quy",
                "Nguyễn Thị Bích (cán bộ thi đua – khen thưởng đặc khu Phú Quý)"),
    AccountSpec("phanthiet", Role.OFFICER, "ld-phan-thiet",
                "Lê Văn Hậu (cán bộ thi đua – khen thưởng phường Phan Thiết)"),
    AccountSpec("lanhdao", Role.LEADER, "ld", "Hoàng Đức Minh (lãnh đạo UBND tỉnh)"),
    AccountSpec("hoidong1", Role.COUNCIL_MEMBER, "ld-snv",
                "Phạm Thị Thu Trang (Thư ký Hội đồng Thi đua – Khen thưởng tỉnh)"),
    *(AccountSpec(f"hoidong{number}", Role.COUNCIL_MEMBER, "ld-snv",
                  f"{name} (Ủy viên Hội đồng Thi đua – Khen thưởng tỉnh)")
      for number, name in enumerate(("Võ Văn Hải", "Đỗ Thị Minh Tâm", "Nguyễn Quốc Bảo",
                                     "Trịnh Thị Lan Anh", "Lê Văn Khánh", "Hà Minh Đức",
                                     "Phan Thị Ngọc Hân", "Bùi Văn Thịnh"), start=2)),
    AccountSpec("bientap", Role.EDITOR, "ld-snv", "Đoàn Thị Hồng Nhung (biên tập viên cổng thông tin)"),
)
