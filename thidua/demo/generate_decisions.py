"""Decisions for generated awards: one per issuing body, year, title or form, and kind.

Numbers run per issuer and calendar year ("123/QĐ-UBND"); the issuer's name is the one it bore on
the decision date (old names before 1 July 2025, since the unit tree has both).
"""

import datetime
import random
from dataclasses import dataclass

from thidua.awards.choices import Authority
from thidua.demo.generate_units import REORG, U
from thidua.demo.names import NameMaker
from thidua.organisations.choices import UnitKind as K

# When decisions on a year's achievements are signed: (month, day, years after the achievement).
PHASES = {
    "annual": ((12, 10, 0), (2, 28, 1)),  # LĐTT, CSTĐCS, Giấy khen, TTLĐTT: year-end review
    "province": ((3, 1, 1), (6, 20, 1)),  # Bằng khen, CSTĐ and Cờ of the province
    "state": ((7, 1, 1), (12, 20, 1)),  # Prime Minister and President
    "review": ((10, 1, 0), (12, 20, 0)),  # five-year reviews of a movement (chuyên đề)
    "inyear": ((3, 1, 0), (11, 30, 0)),  # ad hoc and thematic awards during the year
}
LAW_2003 = ("Căn cứ Luật Thi đua, khen thưởng ngày 26/11/2003; Luật sửa đổi, bổ sung một số điều "
            "của Luật Thi đua, khen thưởng ngày 16/11/2013")
LAW_2022 = ("Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022; Nghị định số 98/2023/NĐ-CP ngày "
            "31/12/2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, "
            "khen thưởng")
LAW_2025 = ("Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022; Nghị định số 152/2025/NĐ-CP ngày "
            "14/6/2025 của Chính phủ quy định về phân quyền, phân cấp trong lĩnh vực thi đua, "
            "khen thưởng")
SIGNER_BY_PREFIX = [("Sở", "Giám đốc"), ("Ban", "Trưởng ban"), ("Trường", "Hiệu trưởng"),
                    ("Bộ Chỉ huy", "Chỉ huy trưởng"), ("Thanh tra", "Chánh Thanh tra"),
                    ("Văn phòng", "Chánh Văn phòng"), ("Báo", "Tổng Biên tập"),
                    ("Liên minh", "Chủ tịch")]


@dataclass(eq=False)
class Issuer:
    key: object  # unit id, or a name for bodies outside the tree
    unit_id: int | None
    name: str
    symbol: str
    authority: str
    signer_title: str


PRIME_MINISTER = Issuer("ttg", None, "Thủ tướng Chính phủ", "TTg", Authority.PRIME_MINISTER,
                        "Thủ tướng")
PRESIDENT = Issuer("ctn", None, "Chủ tịch nước", "CTN", Authority.PRESIDENT, "Chủ tịch nước")


def symbol(short_name: str) -> str:
    """"Sở Giáo dục và Đào tạo" -> "SGDĐT": initials, acronyms kept whole."""
    letters = [w if w.isupper() and len(w) > 1 else w[0].upper()
               for w in short_name.replace("–", " ").replace(",", " ").split()
               if w not in {"và", "tỉnh"}]
    return "".join(letters)[:10]


def issuer_for(unit: U) -> Issuer:
    """The decision-making body a unit of the tree is, with its authority code."""
    kind = unit.kind
    if kind == K.PROVINCE:
        return Issuer(unit.id, unit.id, "UBND t" + unit.name[1:], "UBND",
                      Authority.PROVINCIAL_CHAIR, "Chủ tịch")
    if kind == K.DISTRICT:
        return Issuer(unit.id, unit.id, unit.name, "UBND", Authority.DISTRICT_CHAIR, "Chủ tịch")
    if kind in (K.COMMUNE, K.WARD, K.TOWNSHIP, K.SPECIAL_ZONE):
        return Issuer(unit.id, unit.id, unit.name, "UBND", Authority.COMMUNE_CHAIR, "Chủ tịch")
    if kind == K.ENTERPRISE:
        return Issuer(unit.id, unit.id, unit.name, symbol(unit.short_name),
                      Authority.ENTERPRISE_DIRECTOR, "Giám đốc")
    if kind == K.HOSPITAL:
        return Issuer(unit.id, unit.id, unit.name, "BV" if unit.name.startswith("B") else "TTYT",
                      Authority.UNIT_HEAD, "Giám đốc")
    title = next((t for prefix, t in SIGNER_BY_PREFIX if unit.short_name.startswith(prefix)),
                 "Giám đốc")
    return Issuer(unit.id, unit.id, unit.name, symbol(unit.short_name),
                  Authority.DEPARTMENT_HEAD, title)


def legal_basis(on: datetime.date) -> str:
    if on < datetime.date(2024, 1, 1):
        return LAW_2003
    return LAW_2022 if on < REORG else LAW_2025


class DecisionBook:
    """Creates decisions on first use and remembers them; `table` receives their rows."""

    def __init__(self, table, rng: random.Random, first_id: int, today: datetime.date,
                 now: str, taken: set[tuple[str, str]]):
        self.table, self.rng, self.next_id, self.today, self.now = table, rng, first_id, today, now
        self.taken = taken  # (number, ISO date) already in the database
        self.by_key: dict[tuple, tuple[int, datetime.date]] = {}
        self.numbers: dict[tuple, int] = {}
        self.signers: dict[tuple, str] = {}
        self.names = NameMaker(rng)
        self.issuers: dict[int, Issuer] = {}

    def issuer(self, unit: U) -> Issuer:
        found = self.issuers.get(unit.id)
        if found is None:
            found = self.issuers[unit.id] = issuer_for(unit)
        return found

    def get(self, issuer: Issuer, year: int, code: str, kind: str, phase: str
            ) -> tuple[int, datetime.date]:
        """(id, date) of the decision of `issuer` on `code` of `kind` for `year`."""
        key = (issuer.key, year, code, kind)
        found = self.by_key.get(key)
        if found is None:
            on = self.date_in(phase, year)
            if phase == "review":
                period = (f"Giai đoạn {year - 4}–{year}", year - 4, year)
            elif kind == "dot_xuat":
                period = ("", None, None)
            else:
                period = (f"Năm {year}", year, year)
            found = self.by_key[key] = (self.create(issuer, on, period), on)
        return found

    def date_in(self, phase: str, year: int) -> datetime.date:
        (m1, d1, y1), (m2, d2, y2) = PHASES[phase]
        start = datetime.date(year + y1, m1, d1)
        end = min(datetime.date(year + y2, m2, d2), self.today)
        if start < REORG <= end:  # never straddle the reorganisation: names change on that day
            start = REORG
        start = min(start, end)
        return start + datetime.timedelta(days=self.rng.randint(0, (end - start).days))

    def create(self, issuer: Issuer, on: datetime.date, period: tuple, basis: str = "") -> int:
        decision_id = self.next_id
        self.next_id += 1
        self.table.add((
            decision_id, self.number(issuer, on), on.isoformat(), issuer.unit_id, issuer.name,
            issuer.authority, self.signer(issuer, on), issuer.signer_title,
            basis or legal_basis(on), period[0], period[1], period[2], "generated", self.now,
            "Về việc khen thưởng",
        ))
        return decision_id

    def number(self, issuer: Issuer, on: datetime.date) -> str:
        key = (issuer.key, on.year)
        current = self.numbers.get(key) or self.rng.randint(5, 150)
        current += self.rng.randint(1, 30)
        iso = on.isoformat()
        while (f"{current}/QĐ-{issuer.symbol}", iso) in self.taken:
            current += 1
        number = f"{current}/QĐ-{issuer.symbol}"
        self.taken.add((number, iso))
        self.numbers[key] = current
        return number

    def signer(self, issuer: Issuer, on: datetime.date) -> str:
        """The head who signed: one person per issuer per five-year term."""
        key = (issuer.key, on.year // 5)
        name = self.signers.get(key)
        if name is None:
            name = self.signers[key] = self.names.one(self.rng.choice(("male", "male", "female")))
        return name


DECISION_FIELDS = ["id", "number", "date", "issuer", "issuer_name", "decided_by", "signer_name",
                   "signer_title", "legal_basis", "period", "period_start_year",
                   "period_end_year", "source", "created_at", "subject"]
