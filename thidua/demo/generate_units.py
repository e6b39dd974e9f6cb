"""The generated province's unit tree before 1 July 2025, its successors after it, and clusters.

Before the reorganisation: a province with departments and agencies (and their divisions),
hospitals, upper-secondary schools, enterprises, district-level units with their offices and
communes, and the schools of each district. On 1 July 2025 the province merges into a new one,
departments merge (Planning and Investment into Finance, …), districts are dissolved, communes
are consolidated about three into one (an island district becomes a special zone), and every
other unit is carried into the new tree by a lineage event. Derived fields (path, depth, folded
name, sort key) are computed here exactly as organisations.services does.
"""

import datetime
import random
from dataclasses import dataclass, field

from thidua.core.text import clean, fold, unit_sort_key
from thidua.demo.names import SCHOOL_PATRONS, PlaceNames
from thidua.organisations.choices import LineageKind
from thidua.organisations.choices import UnitKind as K

REORG = datetime.date(2025, 7, 1)
BEFORE_REORG = REORG - datetime.timedelta(days=1)
REORG_BASIS = ("Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị "
               "hành chính cấp tỉnh; Nghị quyết của Ủy ban Thường vụ Quốc hội về việc sắp xếp "
               "các đơn vị hành chính cấp xã năm 2025")

# Departments and agencies before 2025: (short name, kind, successor short name, armed forces).
# A shared successor name means the departments merged (the 2025 restructuring of departments).
DEPARTMENTS = [
    ("Sở Nội vụ", K.DEPARTMENT, "Sở Nội vụ", False),
    ("Sở Lao động – Thương binh và Xã hội", K.DEPARTMENT, "Sở Nội vụ", False),
    ("Sở Tài chính", K.DEPARTMENT, "Sở Tài chính", False),
    ("Sở Kế hoạch và Đầu tư", K.DEPARTMENT, "Sở Tài chính", False),
    ("Sở Khoa học và Công nghệ", K.DEPARTMENT, "Sở Khoa học và Công nghệ", False),
    ("Sở Thông tin và Truyền thông", K.DEPARTMENT, "Sở Khoa học và Công nghệ", False),
    ("Sở Xây dựng", K.DEPARTMENT, "Sở Xây dựng", False),
    ("Sở Giao thông vận tải", K.DEPARTMENT, "Sở Xây dựng", False),
    ("Sở Nông nghiệp và Phát triển nông thôn", K.DEPARTMENT, "Sở Nông nghiệp và Môi trường", False),
    ("Sở Tài nguyên và Môi trường", K.DEPARTMENT, "Sở Nông nghiệp và Môi trường", False),
    ("Ban Dân tộc", K.DEPARTMENT, "Sở Dân tộc và Tôn giáo", False),
    ("Sở Tư pháp", K.DEPARTMENT, "Sở Tư pháp", False),
    ("Sở Công Thương", K.DEPARTMENT, "Sở Công Thương", False),
    ("Sở Văn hóa, Thể thao và Du lịch", K.DEPARTMENT, "Sở Văn hóa, Thể thao và Du lịch", False),
    ("Sở Giáo dục và Đào tạo", K.DEPARTMENT, "Sở Giáo dục và Đào tạo", False),
    ("Sở Y tế", K.DEPARTMENT, "Sở Y tế", False),
    ("Sở Ngoại vụ", K.DEPARTMENT, "Văn phòng UBND", False),
    ("Văn phòng UBND", K.DEPARTMENT, "Văn phòng UBND", False),
    ("Thanh tra", K.DEPARTMENT, "Thanh tra", False),
    ("Văn phòng Đoàn ĐBQH và HĐND", K.DEPARTMENT, "Văn phòng Đoàn ĐBQH và HĐND", False),
    ("Ban Quản lý các khu công nghiệp", K.AGENCY, "Ban Quản lý các khu công nghiệp", False),
    ("Đài Phát thanh và Truyền hình", K.AGENCY, "Báo và Phát thanh, Truyền hình", False),
    ("Báo", K.AGENCY, "Báo và Phát thanh, Truyền hình", False),
    ("Trường Chính trị", K.AGENCY, "Trường Chính trị", False),
    ("Liên minh Hợp tác xã", K.AGENCY, "Liên minh Hợp tác xã", False),
    ("Ban Quản lý dự án đầu tư xây dựng", K.AGENCY, "Ban Quản lý dự án đầu tư xây dựng", False),
    ("Quỹ Đầu tư phát triển", K.AGENCY, "Quỹ Đầu tư phát triển", False),
    ("Trường Cao đẳng Y tế", K.AGENCY, "Trường Cao đẳng Y tế", False),
    ("Công an", K.AGENCY, "Công an", True),
    ("Bộ Chỉ huy Quân sự", K.AGENCY, "Bộ Chỉ huy Quân sự", True),
]
DEPT_DIVISIONS = ["Văn phòng", "Thanh tra", "Phòng Kế hoạch – Tài chính", "Phòng Tổ chức cán bộ",
                  "Phòng Nghiệp vụ 1", "Phòng Nghiệp vụ 2", "Phòng Pháp chế", "Phòng Quản lý ngành"]
ARMED_DIVISIONS = ["Phòng Tham mưu", "Phòng Chính trị", "Phòng Hậu cần", "Đội Nghiệp vụ 1",
                   "Đội Nghiệp vụ 2", "Đội Nghiệp vụ 3"]
DISTRICT_DIVISIONS = [
    "Văn phòng HĐND và UBND", "Phòng Nội vụ", "Phòng Tài chính – Kế hoạch",
    "Phòng Giáo dục và Đào tạo", "Phòng Tài nguyên và Môi trường", "Phòng Tư pháp",
    "Phòng Lao động – Thương binh và Xã hội", "Phòng Văn hóa và Thông tin",
    "Phòng Kinh tế – Hạ tầng", "Phòng Nông nghiệp và Phát triển nông thôn", "Thanh tra",
    "Phòng Y tế",
]
HOSPITALS = ["Bệnh viện Đa khoa", "Bệnh viện Y dược cổ truyền", "Bệnh viện Lao và Bệnh phổi",
             "Bệnh viện Mắt", "Bệnh viện Nhi", "Bệnh viện Tâm thần", "Bệnh viện Phục hồi chức năng",
             "Bệnh viện Da liễu", "Trung tâm Kiểm soát bệnh tật", "Bệnh viện Sản – Nhi"]
WARDS = ["Khoa Khám bệnh", "Khoa Nội", "Khoa Ngoại", "Khoa Sản", "Khoa Nhi",
         "Khoa Hồi sức cấp cứu", "Khoa Dược", "Khoa Xét nghiệm", "Khoa Chẩn đoán hình ảnh",
         "Khoa Y học cổ truyền", "Phòng Kế hoạch tổng hợp", "Phòng Điều dưỡng",
         "Phòng Tổ chức – Hành chính"]
ENTERPRISES = ["Công ty TNHH MTV Xổ số kiến thiết", "Công ty Cổ phần Cấp thoát nước",
               "Công ty TNHH MTV Lâm nghiệp", "Công ty Cổ phần Môi trường đô thị",
               "Công ty TNHH MTV Khai thác công trình thủy lợi", "Công ty Cổ phần Dược – Vật tư y tế",
               "Công ty Cổ phần Xây dựng", "Công ty Cổ phần Thủy sản", "Công ty Cổ phần Du lịch",
               "Công ty Cổ phần May", "Công ty Cổ phần Chế biến hải sản",
               "Công ty Cổ phần Vận tải", "Công ty TNHH Cao su", "Công ty Cổ phần Muối"]
WORKSHOPS = ["Phòng Kỹ thuật", "Phòng Kinh doanh", "Phòng Tổ chức – Hành chính", "Phân xưởng số 1",
             "Phân xưởng số 2", "Phân xưởng số 3", "Đội sản xuất số 1", "Đội sản xuất số 2"]
SCHOOL_LEVELS = ["Trường Mầm non", "Trường Tiểu học", "Trường THCS"]
ISSUER_KINDS = {K.PROVINCE, K.DEPARTMENT, K.AGENCY, K.DISTRICT, K.COMMUNE, K.WARD, K.TOWNSHIP,
                K.SPECIAL_ZONE, K.HOSPITAL, K.ENTERPRISE}


@dataclass(eq=False)
class U:
    """A generated unit, with what the people and award generators need to know about it."""

    id: int
    code: str
    name: str
    kind: str
    parent: "U | None"
    path: str
    depth: int
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    short_name: str = ""
    sector: str = ""  # where its staff work: drives titles, gender and groups (leaf units only)
    armed: bool = False
    successor: "U | None" = None  # the unit its staff belong to from 1 July 2025
    heirs: list["U"] = field(default_factory=list)  # dissolved units: where their staff went
    schools: list["U"] = field(default_factory=list)  # communes: the schools named after them
    issuer: "U | None" = None  # the unit whose head awards this unit's staff

    @property
    def is_new(self) -> bool:
        return self.valid_from is not None and self.valid_from >= REORG


@dataclass
class Event:
    id: int
    kind: str
    date: datetime.date
    predecessors: list[U]
    successors: list[U]
    basis: str = REORG_BASIS


class UnitTree:
    """Builds both trees. `ids` maps a table name to its next free id (advanced here)."""

    def __init__(self, rng: random.Random, ids: dict[str, int], prefix: str, persons: int,
                 taken_names: set[str]):
        self.rng, self.ids, self.prefix, self.persons = rng, ids, prefix, persons
        self.units: list[U] = []
        self.events: list[Event] = []
        self.places = PlaceNames(rng, taken_names)

    # -- building blocks ------------------------------------------------------------------
    def add(self, name: str, kind: str, parent: U | None, *, new: bool, short: str = "",
            sector: str = "", armed: bool = False) -> U:
        uid = self.ids["unit"]
        self.ids["unit"] += 1
        unit = U(id=uid, code=f"{self.prefix}-{uid}", name=clean(name), kind=kind, parent=parent,
                 path=f"{parent.path if parent else '/'}{uid}/",
                 depth=parent.depth + 1 if parent else 0,
                 valid_from=REORG if new else None, valid_to=None if new else BEFORE_REORG,
                 short_name=clean(short), sector=sector, armed=armed)
        self.units.append(unit)
        return unit

    def event(self, kind: str, predecessors: list[U], successors: list[U]) -> None:
        self.events.append(Event(self.ids["event"], kind, REORG, predecessors, successors))
        self.ids["event"] += 1
        for unit in predecessors:
            if len(successors) == 1:
                unit.successor = successors[0]

    def carry(self, old: U, parent: U, name: str = "", kind: str = LineageKind.MERGE) -> U:
        """The successor of `old` under `parent` (same name unless given), linked by an event."""
        new = self.add(name or old.name, old.kind, parent, new=True, short=old.short_name,
                       sector=old.sector, armed=old.armed)
        self.event(kind, [old], [new])
        return new

    def scaled(self, share: float, per_unit: int, low: int = 1, high: int = 10_000) -> int:
        """How many units of a kind: `share` of the people, about `per_unit` in each."""
        return max(low, min(high, round(self.persons * share / per_unit)))

    # -- the province ---------------------------------------------------------------------
    def build(self) -> None:
        self.old_name, self.new_name = self.places.next(), self.places.next()
        self.old_root = self.add(f"Tỉnh {self.old_name}", K.PROVINCE, None, new=False)
        self.new_root = self.add(f"Tỉnh {self.new_name}", K.PROVINCE, None, new=True)
        self.event(LineageKind.MERGE, [self.old_root], [self.new_root])
        self.build_departments()
        self.build_health()
        self.build_upper_schools()
        self.build_enterprises()
        self.build_districts()
        for unit in self.units:
            unit.issuer = self.issuer_of(unit)

    def build_departments(self) -> None:
        self.departments: dict[str, U] = {}
        new_departments: dict[str, U] = {}
        divisions = min(len(DEPT_DIVISIONS), max(2, round(self.persons / 10_000) + 1))
        for short, kind, heir, armed in DEPARTMENTS:
            old = self.add(f"{short} tỉnh {self.old_name}", kind, self.old_root, new=False,
                           short=short, armed=armed)
            self.departments[short] = old
            if heir not in new_departments:
                new_departments[heir] = self.add(f"{heir} tỉnh {self.new_name}", kind,
                                                 self.new_root, new=True, short=heir, armed=armed)
            names = ARMED_DIVISIONS if armed else DEPT_DIVISIONS
            sector = "armed" if armed else ("agency" if kind == K.AGENCY else "department")
            for division in names[:divisions]:
                unit = self.add(f"{division} ({short})", K.DIVISION, old, new=False,
                                sector=sector, armed=armed)
                self.carry(unit, new_departments[heir], f"{division} ({heir})")
        for heir, new in new_departments.items():
            olds = [self.departments[s] for s, _k, h, _a in DEPARTMENTS if h == heir]
            self.event(LineageKind.MERGE, olds, [new])
        self.new_departments = new_departments

    def build_health(self) -> None:
        old_parent = self.departments["Sở Y tế"]
        new_parent = self.new_departments["Sở Y tế"]
        count = self.scaled(0.08, 350, high=len(HOSPITALS))
        for name in HOSPITALS[:count]:
            old = self.add(f"{name} tỉnh {self.old_name}", K.HOSPITAL, old_parent, new=False,
                           short=name)
            new = self.carry(old, new_parent, f"{name} khu vực {self.old_name}",
                             LineageKind.RENAME)
            wards = max(2, min(len(WARDS), round(self.persons * 0.08 / count / 30)))
            for ward in WARDS[:wards]:
                unit = self.add(f"{ward} ({name} tỉnh {self.old_name})", K.DIVISION, old,
                                new=False, sector="hospital")
                self.carry(unit, new, f"{ward} ({name} khu vực {self.old_name})")

    def build_upper_schools(self) -> None:
        old_parent = self.departments["Sở Giáo dục và Đào tạo"]
        new_parent = self.new_departments["Sở Giáo dục và Đào tạo"]
        names = [f"Trường THPT {patron}" for patron in SCHOOL_PATRONS]
        names.insert(0, f"Trường THPT chuyên {self.old_name}")
        count = self.scaled(0.12, 60, low=2)
        while len(names) < count:
            names.append(f"Trường THPT {self.places.next()}")
        for name in names[:count]:
            old = self.add(name, K.SCHOOL, old_parent, new=False, sector="school")
            self.carry(old, new_parent)

    def build_enterprises(self) -> None:
        count = self.scaled(0.15, 200, low=2)
        per = max(1, min(len(WORKSHOPS), round(self.persons * 0.15 / count / 40)))
        for index in range(count):
            base = ENTERPRISES[index % len(ENTERPRISES)]
            place = self.old_name if index < len(ENTERPRISES) else self.places.next()
            old = self.add(f"{base} {place}", K.ENTERPRISE, self.old_root, new=False, short=base)
            new = self.carry(old, self.new_root)
            for workshop in WORKSHOPS[:per]:
                unit = self.add(f"{workshop} ({old.name})", K.DIVISION, old, new=False,
                                sector="enterprise")
                self.carry(unit, new)

    # -- districts, communes and their schools --------------------------------------------
    def build_districts(self) -> None:
        per_district = max(2, min(10, round(self.persons / 7_000)))
        divisions = max(2, min(len(DISTRICT_DIVISIONS), round(self.persons / 6_000) + 1))
        schools = max(1, min(12, round(self.persons * 0.33 / 35 / (10 * per_district))))
        old_health = self.departments["Sở Y tế"]
        new_health = self.new_departments["Sở Y tế"]
        self.districts: list[U] = []
        for index in range(10):
            style = "thành phố" if index == 0 else "thị xã" if index == 1 else "huyện"
            island = index == 9
            place = self.places.next()
            district = self.add(f"UBND {style} {place}", K.DISTRICT, self.old_root, new=False,
                                short=place)
            self.districts.append(district)
            offices = [district] + [
                self.add(f"{name} {style} {place}", K.DIVISION, district, new=False,
                         sector="district")
                for name in DISTRICT_DIVISIONS[:divisions]
            ]
            communes = self.build_communes(district, style, per_district, schools)
            heirs = self.consolidate(communes, island, place)
            for office in offices:
                office.heirs = heirs
            self.event(LineageKind.DISSOLVE, offices, [])
            centre = self.add(f"Trung tâm Y tế {style} {place}", K.HOSPITAL, old_health,
                              new=False, short="Trung tâm Y tế", sector="health")
            self.carry(centre, new_health, f"Trung tâm Y tế khu vực {place}", LineageKind.RENAME)

    def build_communes(self, district: U, style: str, count: int, schools: int) -> list[U]:
        communes = []
        for index in range(count):
            place = self.places.next()
            if style != "huyện":
                kind, label = K.WARD, "phường"
            elif index == 0:
                kind, label = K.TOWNSHIP, "thị trấn"
            else:
                kind, label = K.COMMUNE, "xã"
            commune = self.add(f"UBND {label} {place}", kind, district, new=False, short=place,
                               sector="commune")
            commune.schools = [
                self.add(f"{SCHOOL_LEVELS[n % 3]} {place}" + (f" {n // 3 + 1}" if n >= 3 else ""),
                         K.SCHOOL, district, new=False, sector="school")
                for n in range(schools)
            ]
            communes.append(commune)
        return communes

    def consolidate(self, communes: list[U], island: bool, district_place: str) -> list[U]:
        """About three communes become one (an island district: one special zone)."""
        groups = [communes] if island else [communes[i:i + 3] for i in range(0, len(communes), 3)]
        heirs = []
        for group in groups:
            if island:
                place, kind, label = district_place, K.SPECIAL_ZONE, "đặc khu"
            else:
                place = group[0].short_name
                kind = K.WARD if group[0].kind == K.WARD else K.COMMUNE
                label = "phường" if kind == K.WARD else "xã"
            heir = self.add(f"UBND {label} {place}", kind, self.new_root, new=True, short=place,
                            sector="commune")
            self.event(LineageKind.MERGE, group, [heir])
            for commune in group:
                for school in commune.schools:
                    self.carry(school, heir)
            heirs.append(heir)
        return heirs

    # -- derived facts --------------------------------------------------------------------
    @staticmethod
    def issuer_of(unit: U) -> U:
        """The nearest unit (itself or above) whose head awards titles to its staff."""
        current = unit if unit.kind != K.SCHOOL else unit.parent
        while current.kind not in ISSUER_KINDS:
            current = current.parent
        return current

    def leaves(self) -> list[U]:
        """Units people work in before 2025 (every one has a successor or heirs)."""
        return [u for u in self.units if u.sector and not u.is_new]

    def root_for(self, new: bool) -> U:
        return self.new_root if new else self.old_root


def unit_row(unit: U) -> tuple:
    """The organisations_unit row (see UNIT_FIELDS), with the derived fields of the service."""
    return (unit.id, unit.code, unit.name, unit.short_name, unit.kind, unit.parent.id
            if unit.parent else None, unit.path, unit.depth,
            unit.valid_from.isoformat() if unit.valid_from else None,
            unit.valid_to.isoformat() if unit.valid_to else None,
            fold(unit.name)[:255], unit_sort_key(unit.name), "")


UNIT_FIELDS = ["id", "code", "name", "short_name", "kind", "parent", "path", "depth", "valid_from",
               "valid_to", "name_folded", "sort_key", "address"]
