"""Generated people with their positions, yearly ratings, initiatives, discipline and awards.

The proportions are those of a real province: ratings HTXS ≈ 15%, HTT ≈ 60%, HT ≈ 22%, KHT ≈ 3%;
LĐTT for most HTT-or-better years; CSTĐCS for 12–15% of staff a year (only with HTXS or an
initiative); Giấy khen ≈ 25%; Bằng khen of the province ≈ 2%; CSTĐ of the province, the Prime
Minister's Bằng khen and the Labour Order only at the end of their chains of earlier awards; and
thematic (chuyên đề) and ad hoc (đột xuất) awards that never count toward a chain.
Everything is drawn from one seeded random.Random in a fixed order, so a seed gives the same rows.
"""

import datetime
import random

from thidua.core.text import fold, sort_key
from thidua.demo.generate_decisions import PRESIDENT, PRIME_MINISTER, DecisionBook
from thidua.demo.generate_units import BEFORE_REORG, REORG, U
from thidua.demo.names import (
    DISCIPLINE_REASONS,
    ETHNICITIES,
    NameMaker,
    cumulative,
    initiative_title,
)
from thidua.people.choices import PersonGroup, PostGroup
from thidua.people.validators import PROVINCE_CODES, make_personal_id

NEW_ERA = REORG.year  # achievements of this year onwards are decided by the new units
SECTOR_SHARES = {"school": 0.45, "enterprise": 0.15, "department": 0.10, "hospital": 0.08,
                 "health": 0.05, "district": 0.05, "commune": 0.05, "agency": 0.04, "armed": 0.03}
FEMALE_SHARE = {"school": 0.75, "hospital": 0.65, "health": 0.65, "armed": 0.12,
                "enterprise": 0.40}
OFFICE = [("Chuyên viên", 55), ("Chuyên viên chính", 20), ("Cán sự", 5), ("Kế toán", 8),
          ("Văn thư", 5), ("Nhân viên", 7)]
MEDICAL = [("Bác sĩ", 25), ("Điều dưỡng", 35), ("Dược sĩ", 6), ("Kỹ thuật viên", 10),
           ("Hộ sinh", 5), ("Hộ lý", 8), ("Nhân viên", 11)]
STAFF_TITLES = {
    "department": OFFICE, "agency": OFFICE, "district": OFFICE, "hospital": MEDICAL,
    "health": MEDICAL, "armed": [("Cán bộ", 60), ("Chiến sĩ", 40)],
    "school": [("Giáo viên", 82), ("Nhân viên văn phòng", 7), ("Kế toán", 3),
               ("Nhân viên phục vụ", 8)],
    "commune": [("Công chức Văn phòng – Thống kê", 1), ("Công chức Tư pháp – Hộ tịch", 1),
                ("Công chức Địa chính – Xây dựng", 1), ("Công chức Tài chính – Kế toán", 1),
                ("Công chức Văn hóa – Xã hội", 1)],
    "enterprise": [("Công nhân", 82), ("Kỹ sư", 6), ("Nhân viên", 8), ("Kế toán", 4)],
}
HEAD, DEPUTY = PostGroup.TRUONG_PHONG.value, PostGroup.PHO_TRUONG_PHONG.value
LEADER_TITLES = {
    "school": [("Hiệu trưởng", ""), ("Phó Hiệu trưởng", "")],
    "hospital": [("Trưởng khoa", HEAD), ("Phó Trưởng khoa", DEPUTY)],
    "health": [("Trưởng khoa", HEAD), ("Phó Trưởng khoa", DEPUTY)],
    "commune": [("Chủ tịch UBND", ""), ("Phó Chủ tịch UBND", "")],
    "enterprise": [("Quản đốc", ""), ("Phó Quản đốc", "")],
    "armed": [("Đội trưởng", ""), ("Phó Đội trưởng", "")],
}
OFFICE_LEADERS = [("Trưởng phòng", HEAD), ("Phó Trưởng phòng", DEPUTY)]
DIRECT_TITLES = {"Công nhân", "Hộ lý", "Nhân viên phục vụ"}
LEADER_SHARE = 0.08
ID_SHARE = 0.80

# Performance tiers: (share of people, cumulative thresholds of HTXS, HTT, HT, discipline/year).
TIERS = [(0.15, (0.60, 0.95, 1.00, 0.003)), (0.55, (0.10, 0.85, 0.99, 0.007)),
         (0.25, (0.02, 0.52, 0.96, 0.015)), (0.05, (0.00, 0.25, 0.75, 0.05))]
LDTT = {"HTXS": 0.98, "HTT": 0.96}
GIAY_KHEN = {"HTXS": 0.60, "HTT": 0.27}
INITIATIVE = {"HTXS": 0.35, "HTT": 0.06, "HT": 0.005, "KHT": 0.0}
CSTD_CO_SO = 0.75
THEMATIC = {"review": 0.6, "other": 0.38}  # Giấy khen chuyên đề, of HTT-or-better years
AD_HOC = {"usual": 0.10, "epidemic_health": 0.5, "epidemic": 0.15}  # Giấy khen đột xuất
EPIDEMIC_YEARS = {2020, 2021}
REVOKE = 0.00005
DISCIPLINE_CODES = ["khien_trach", "canh_cao", "ha_bac_luong", "cach_chuc"]
DISCIPLINE_WEIGHTS = [60, 30, 6, 4]


class Person:
    __slots__ = ("id", "name", "gender", "birth", "group", "sector", "old", "new", "start",
                 "end", "tier", "title", "leader", "post_group", "direct", "personal_id",
                 "ethnicity")


class Chain:
    """What a person's earlier years allow: streaks and the years of the chain awards."""

    __slots__ = ("htt_streak", "cstd_streak", "cstd_years", "htxs_years", "bo_tinh_years",
                 "bk_year", "bkttg_year", "blocked_until")

    def __init__(self):
        self.htt_streak = self.cstd_streak = self.blocked_until = 0
        self.cstd_years, self.htxs_years, self.bo_tinh_years = [], [], []
        self.bk_year = self.bkttg_year = None

    def count(self, years: list[int], since: int) -> int:
        return sum(1 for year in years if year > since)


class PeopleGenerator:
    """Draws the people of a unit tree and writes their rows through `tables`."""

    def __init__(self, *, rng: random.Random, tree, tables, ids: dict[str, int],
                 book: DecisionBook, types: dict[str, int], persons: int, first_year: int,
                 last_year: int, now: str, taken_ids: set[str]):
        self.rng, self.tree, self.t, self.ids, self.book = rng, tree, tables, ids, book
        self.types, self.count, self.first, self.last, self.now = (
            types, persons, first_year, last_year, now)
        self.taken_ids = taken_ids
        self.names = NameMaker(rng)
        self.members: dict[tuple[int, int], int] = {}  # (unit id, year) -> people rated
        self.revocations: list[tuple[int, object, datetime.date]] = []
        self.folded: dict[str, tuple[str, str]] = {}
        self.titles = [initiative_title(rng) for _ in range(120)]
        self.home_code = rng.choice(sorted(PROVINCE_CODES))

    # -- drawing people -------------------------------------------------------------------
    def draw(self) -> list[Person]:
        units = self.assign_units()
        genders = [self.gender(u.sector) for u in units]
        names = self.names.full_names(genders)
        values, weights = cumulative(ETHNICITIES)
        ethnicities = self.rng.choices(values, cum_weights=weights, k=len(units))
        people = []
        for unit, gender, name, ethnicity in zip(units, genders, names, ethnicities, strict=True):
            person = Person()
            person.id = self.ids["person"]
            self.ids["person"] += 1
            person.name, person.gender, person.ethnicity = name, gender, ethnicity
            person.sector, person.old = unit.sector, unit
            person.new = unit.successor or self.rng.choice(unit.heirs)
            self.lifetime(person)
            self.job(person)
            people.append(person)
        return people

    def assign_units(self) -> list[U]:
        """One pre-2025 unit per person: sectors by share, units of unequal sizes."""
        by_sector: dict[str, list[U]] = {}
        for unit in self.tree.leaves():
            by_sector.setdefault(unit.sector, []).append(unit)
        assigned = []
        remaining = self.count
        for sector, share in SECTOR_SHARES.items():
            count = remaining if sector == "armed" else round(self.count * share)
            count = min(count, remaining)
            remaining -= count
            units = by_sector[sector]
            weights = [self.rng.uniform(0.5, 1.5) for _ in units]
            assigned += self.rng.choices(units, weights=weights, k=count)
        self.rng.shuffle(assigned)
        return assigned

    def gender(self, sector: str) -> str:
        return "female" if self.rng.random() < FEMALE_SHARE.get(sector, 0.5) else "male"

    def lifetime(self, person: Person) -> None:
        """Birth date and the years worked: most people work through, some join or retire."""
        rng, first, last = self.rng, self.first, self.last
        draw = rng.random()
        if draw < 0.08 and first - 22 <= last - 23:  # joins during the period
            year = rng.randint(first - 22, last - 23)
        elif draw < 0.15 and first - 59 <= last - 60:  # retires during the period
            year = rng.randint(first - 59, last - 60)
        else:  # works through it (for very long periods: as much of it as a career allows)
            low, high = last - 59, first - 23
            year = rng.randint(low, high) if low <= high else rng.randint(high, low)
        person.birth = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
        person.start = max(first, year + rng.randint(22, 28))
        person.end = min(last, year + 59)
        if person.start > person.end:
            person.start = person.end
        person.tier = rng.choices(range(4), cum_weights=[0.15, 0.70, 0.95, 1.0])[0]
        if rng.random() < ID_SHARE:
            person.personal_id = self.personal_id(person)
        else:
            person.personal_id = ""

    def personal_id(self, person: Person) -> str:
        province = self.home_code if self.rng.random() < 0.85 else self.rng.choice(
            sorted(PROVINCE_CODES))
        serial = (person.id * 618_033 + 4_049) % 1_000_000  # a bijection on ids below 10⁶
        value = make_personal_id(province, person.gender, person.birth.year, serial)
        while value in self.taken_ids:
            serial += 1
            value = make_personal_id(province, person.gender, person.birth.year, serial)
        self.taken_ids.add(value)
        return value

    def job(self, person: Person) -> None:
        rng, sector = self.rng, person.sector
        person.leader = rng.random() < LEADER_SHARE
        if person.leader:
            options = LEADER_TITLES.get(sector, OFFICE_LEADERS)
            person.title, person.post_group = options[0 if rng.random() < 0.33 else 1]
        else:
            titles = STAFF_TITLES[sector]
            person.title = rng.choices([t for t, _ in titles], [w for _, w in titles])[0]
            person.post_group = ""
        person.direct = person.title in DIRECT_TITLES
        if person.old.armed:
            person.group = PersonGroup.ARMED_FORCES.value
        elif person.direct:
            person.group = PersonGroup.DIRECT_WORKER.value
        else:
            person.group = PersonGroup.STAFF.value

    # -- rows -----------------------------------------------------------------------------
    def run(self, people: list[Person]) -> None:
        for person in people:
            self.person_rows(person)
            self.years(person)

    def person_rows(self, person: Person) -> None:
        keys = self.folded.get(person.name)
        if keys is None:
            keys = self.folded[person.name] = (fold(person.name)[:120], sort_key(person.name))
        working_after = person.end >= NEW_ERA
        current = person.new if working_after else person.old
        self.t.person.add((
            person.id, person.name, person.birth.isoformat(), person.gender, person.personal_id,
            person.ethnicity, person.group, current.id, person.title, keys[0], keys[1],
            self.now, self.now,
        ))
        retire = datetime.date(person.birth.year + 60, person.birth.month, 1)
        start = datetime.date(person.start, self.rng.randint(1, 12), 1)
        if person.start < NEW_ERA or (person.start == NEW_ERA and start < REORG):
            self.position(person, person.old, start,
                          BEFORE_REORG if working_after else min(retire, BEFORE_REORG))
        if working_after:
            end = retire if person.end < self.last or retire <= self.book.today else None
            self.position(person, person.new, max(start, REORG), end)

    def position(self, person: Person, unit: U, start: datetime.date,
                 end: datetime.date | None) -> None:
        self.t.position.add((
            self.next_id("position"), person.id, unit.id, unit.name, person.title,
            person.post_group, person.leader, person.direct, start.isoformat(),
            end.isoformat() if end else None,
        ))

    def next_id(self, name: str) -> int:
        value = self.ids[name]
        self.ids[name] = value + 1
        return value

    def years(self, person: Person) -> None:
        """Ratings and awards, year by year. Hot loop: locals instead of attribute lookups."""
        rnd, add_rating, give = self.rng.random, self.t.rating.add, self.give
        htxs, htt, ht, disc = TIERS[person.tier][1]
        chain = Chain()
        members = self.members
        title_code = "cstt" if person.group == PersonGroup.ARMED_FORCES else "ldtt"
        health = person.sector in ("hospital", "health")
        for year in range(person.start, person.end + 1):
            unit = person.new if year >= NEW_ERA else person.old
            key = (unit.id, year)
            members[key] = members.get(key, 0) + 1
            if rnd() < disc:
                level = "HT" if rnd() < 0.7 else "KHT"
                chain.blocked_until = self.discipline(person, unit, year)
            else:
                draw = rnd()
                level = ("HTXS" if draw < htxs else "HTT" if draw < htt else "HT" if draw < ht
                         else "KHT")
            add_rating((self.next_id("rating"), person.id, year, level, ""))
            good = level == "HTXS" or level == "HTT"
            chain.htt_streak = chain.htt_streak + 1 if good else 0
            if level == "HTXS":
                chain.htxs_years.append(year)
            if year <= chain.blocked_until:
                chain.cstd_streak = 0
                continue
            initiative = rnd() < INITIATIVE[level] and self.initiative(person, unit, year, chain)
            if not good:
                chain.cstd_streak = 0
            else:
                self.merit_titles(person, unit, year, level, initiative, chain, title_code)
                if rnd() < GIAY_KHEN[level]:
                    give(person, unit, year, "giay_khen", "cong_trang", "annual")
                self.higher(person, unit, year, level, chain)
                review = year % 5 == 0
                if rnd() < THEMATIC["review" if review else "other"]:
                    give(person, unit, year, "giay_khen", "chuyen_de",
                         "review" if review else "inyear")
                if review and level == "HTXS" and rnd() < 0.15:
                    give(person, unit, year, "bk_bo_tinh_individual", "chuyen_de", "review",
                         province=True)
            if year in EPIDEMIC_YEARS:
                ad_hoc = AD_HOC["epidemic_health" if health else "epidemic"]
            else:
                ad_hoc = AD_HOC["usual"]
            if rnd() < ad_hoc:
                give(person, unit, year, "giay_khen", "dot_xuat", "inyear")
            elif rnd() < 0.002:
                give(person, unit, year, "bk_bo_tinh_individual", "dot_xuat", "inyear",
                     province=True)

    def merit_titles(self, person: Person, unit: U, year: int, level: str, initiative: bool,
                     chain: Chain, title_code: str) -> None:
        rnd = self.rng.random
        if rnd() >= LDTT[level]:
            chain.cstd_streak = 0
            return
        self.give(person, unit, year, title_code, "cong_trang", "annual")
        if (level == "HTXS" or initiative) and rnd() < CSTD_CO_SO:
            self.give(person, unit, year, "cstd_co_so", "cong_trang", "annual")
            chain.cstd_years.append(year)
            chain.cstd_streak += 1
        else:
            chain.cstd_streak = 0

    def higher(self, person: Person, unit: U, year: int, level: str, chain: Chain) -> None:
        """Province and state awards, each only at the end of its chain of earlier awards."""
        rnd, give = self.rng.random, self.give
        years = chain.cstd_years
        two_cstd = len(years) >= 2 and years[-1] == year and years[-2] == year - 1
        chance = 0.3 if two_cstd else 0.02 if person.direct else 0.009
        if rnd() < chance:
            give(person, unit, year, "bk_bo_tinh_individual", "cong_trang", "province",
                 province=True)
            chain.bk_year = year
        if (chain.cstd_streak >= 3 and any(y >= year - 2 for y in chain.bo_tinh_years)
                and rnd() < 0.6):
            give(person, unit, year, "cstd_bo_tinh", "cong_trang", "province", province=True)
            chain.cstd_streak = 0  # those CSTĐCS years are used up
        if year >= self.last or chain.htt_streak < 5:
            return
        since = max(year - chain.htt_streak, chain.bk_year or year)
        if (chain.bk_year and year - chain.bk_year >= 5 and chain.count(years, since) >= 3
                and rnd() < 0.15):
            give(person, unit, year, "bk_ttg_individual", "cong_trang", "state")
            chain.bkttg_year = year
            return
        since = max(year - chain.htt_streak, chain.bkttg_year or year)
        if (chain.bkttg_year and year - chain.bkttg_year >= 5 and chain.count(years, since) >= 3
                and chain.count(chain.htxs_years, since) >= 1 and rnd() < 0.3):
            give(person, unit, year, "hcld_3_individual", "cong_trang", "state")
            chain.bkttg_year = None

    def give(self, person: Person, unit: U, year: int, code: str, kind: str, phase: str,
             province: bool = False) -> None:
        book = self.book
        if phase == "state":
            issuer = PRIME_MINISTER if code.startswith("bk_") else PRESIDENT
            # Decided in the following year: from 1 July 2025 the person is in the new unit.
            unit = person.new if year + 1 >= NEW_ERA and person.end >= NEW_ERA else person.old
        elif province:
            issuer = book.issuer(self.tree.root_for(year >= NEW_ERA))
        else:
            issuer = book.issuer(unit.issuer)
        decision_id, on = book.get(issuer, year, code, kind, phase)
        award_id = self.next_id("award")
        self.t.award.add((award_id, self.types[code], person.id, None, person.name, unit.id,
                          unit.name, year, kind, decision_id, "", "", "", "generated", None,
                          self.now))
        if self.rng.random() < REVOKE:
            self.revocations.append((award_id, issuer, on))

    # -- rarer records --------------------------------------------------------------------
    def initiative(self, person: Person, unit: U, year: int, chain: Chain) -> bool:
        rng, book = self.rng, self.book
        draw = rng.random()
        on = datetime.date(year, rng.randint(10, 12), rng.randint(1, 28))
        if draw < 0.88:
            scope, issuer = "co_so", book.issuer(unit.issuer)
        elif draw < 0.99:
            scope, issuer = "bo_tinh", book.issuer(self.tree.root_for(on >= REORG))
            chain.bo_tinh_years.append(year)
        else:
            scope, issuer = "toan_quoc", None
        number = f"{rng.randint(1, 400)}/QĐ-{issuer.symbol if issuer else 'BKHCN'}"
        self.t.initiative.add((
            self.next_id("initiative"), person.id, rng.choice(self.titles), year, scope,
            issuer.authority if issuer else "minister", issuer.unit_id if issuer else None,
            issuer.name if issuer else "Bộ Khoa học và Công nghệ", number, on.isoformat(),
        ))
        return True

    def discipline(self, person: Person, unit: U, year: int) -> int:
        """Record a measure; returns the last year it blocks awards (rule G06)."""
        rng = self.rng
        level = rng.choices(DISCIPLINE_CODES, DISCIPLINE_WEIGHTS)[0]
        start = datetime.date(year, rng.randint(1, 10), rng.randint(1, 28))
        months = 24 if level == "cach_chuc" else 12
        end = datetime.date(start.year + (start.month - 1 + months) // 12,
                            (start.month - 1 + months) % 12 + 1, start.day)
        end -= datetime.timedelta(days=1)
        issuer = self.book.issuer(unit.issuer)
        self.t.discipline.add((
            self.next_id("discipline"), person.id, level, start.isoformat(), end.isoformat(),
            f"{rng.randint(1, 300)}/QĐ-{issuer.symbol}", rng.choice(DISCIPLINE_REASONS),
        ))
        return end.year


PERSON_FIELDS = ["id", "full_name", "birth_date", "gender", "personal_id", "ethnicity", "group",
                 "unit", "title", "name_folded", "sort_key", "created_at", "updated_at"]
POSITION_FIELDS = ["id", "person", "unit", "unit_name", "title", "post_group", "is_leader",
                   "is_direct_worker", "start", "end"]
RATING_FIELDS = ["id", "person", "year", "level", "note"]
AWARD_FIELDS = ["id", "award_type", "person", "collective", "awardee_name", "unit", "unit_name",
                "year", "kind", "decision", "summary", "register_number", "note", "source",
                "import_batch", "created_at"]
INITIATIVE_FIELDS = ["id", "person", "title", "year", "scope", "recognised_by",
                     "recognising_body", "recognising_body_name", "decision_number",
                     "decision_date"]
DISCIPLINE_FIELDS = ["id", "person", "level", "start", "end", "decision", "reason"]
