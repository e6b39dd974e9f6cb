"""Generated collectives: yearly ratings and awards of units, clusters and blocks, revocations."""

import datetime
import random

from thidua.demo.generate_decisions import DecisionBook, Issuer
from thidua.demo.generate_units import BEFORE_REORG, REORG, U, UnitTree
from thidua.demo.names import REVOCATION_REASONS
from thidua.organisations.choices import UnitKind as K

NEW_ERA = REORG.year
# Collective rating levels: cumulative HTXS, HTT, HT (the rest KHT).
COLLECTIVE_LEVELS = (0.25, 0.85, 0.98)
TOP_KINDS = {K.DEPARTMENT, K.AGENCY, K.DISTRICT, K.ENTERPRISE, K.HOSPITAL, K.COMMUNE, K.WARD,
             K.TOWNSHIP, K.SPECIAL_ZONE}
REVOCATION_BASIS = "Luật Thi đua, khen thưởng 2022, Điều 93"


class CollectiveGenerator:
    """Ratings and awards of every unit below the province, year by year."""

    def __init__(self, *, rng: random.Random, tree: UnitTree, tables, ids: dict[str, int],
                 book: DecisionBook, types: dict[str, int], members: dict, first_year: int,
                 last_year: int, now: str):
        self.rng, self.tree, self.t, self.ids, self.book = rng, tree, tables, ids, book
        self.types, self.members, self.now = types, members, now
        self.first, self.last = first_year, last_year

    def run(self) -> None:
        streaks: dict[int, int] = {}
        for year in range(self.first, self.last + 1):
            new = year >= NEW_ERA
            for unit in self.tree.units:
                if unit.parent is not None and unit.is_new == new:
                    self.unit_year(unit, year, streaks)

    def unit_year(self, unit: U, year: int, streaks: dict[int, int]) -> None:
        rnd = self.rng.random
        draw = rnd()
        high, good, done = COLLECTIVE_LEVELS
        level = "HTXS" if draw < high else "HTT" if draw < good else "HT" if draw < done else "KHT"
        count = self.members.get((unit.id, year))
        self.t.collective_rating.add((self.next_id("collective_rating"), unit.id, year, level,
                                      count))
        streaks[unit.id] = streaks.get(unit.id, 0) + 1 if level == "HTXS" else 0
        if level not in ("HTXS", "HTT"):
            return
        head = self.book.issuer(unit.parent.issuer)
        province = self.book.issuer(self.tree.root_for(year >= NEW_ERA))
        if rnd() < 0.9:
            self.give(unit, year, "ttldtt", head, "annual")
        if rnd() < 0.12:
            self.give(unit, year, "giay_khen", head, "annual")
        if level == "HTXS" and rnd() < 0.6:
            self.give(unit, year, "ttldxs", province, "province")
            if unit.kind in TOP_KINDS and rnd() < 0.2:
                self.give(unit, year, "co_thi_dua_bo_tinh", province, "province")
        if streaks[unit.id] >= 2 and rnd() < 0.25:
            self.give(unit, year, "bk_bo_tinh_collective", province, "province")

    def give(self, unit: U, year: int, code: str, issuer: Issuer, phase: str) -> None:
        decision_id, _on = self.book.get(issuer, year, code, "cong_trang", phase)
        parent = unit.parent
        self.t.award.add((self.next_id("award"), self.types[code], None, unit.id, unit.name,
                          parent.id, parent.name, year, "cong_trang", decision_id, "", "", "",
                          "generated", None, self.now))

    def next_id(self, name: str) -> int:
        value = self.ids[name]
        self.ids[name] = value + 1
        return value


def write_revocations(*, rng: random.Random, tree: UnitTree, book: DecisionBook, table,
                      ids: dict[str, int], revocations: list, now: str) -> int:
    """A later decision of the same body (or its successor) revokes each sampled award."""
    written = 0
    for award_id, issuer, awarded_on in revocations:
        on = awarded_on + datetime.timedelta(days=rng.randint(90, 400))
        if on > book.today:
            continue
        if on >= REORG and isinstance(issuer.key, int):
            issuer = book.issuer(successor_issuer(tree, issuer.key))
        decision_id, _on = book.by_key.get((issuer.key, on, "revocation"), (None, None))
        if decision_id is None:
            decision_id = book.create(issuer, on, ("", None, None),
                                      basis=f"Căn cứ {REVOCATION_BASIS}")
            book.by_key[(issuer.key, on, "revocation")] = (decision_id, on)
        table.add((ids["revocation"], award_id, decision_id, rng.choice(REVOCATION_REASONS),
                   REVOCATION_BASIS, now))
        ids["revocation"] += 1
        written += 1
    return written


def successor_issuer(tree: UnitTree, unit_id: int) -> U:
    """Who decides after 1 July 2025 for a body of the old tree: its successor, else the
    new province (districts were dissolved)."""
    unit = next(u for u in tree.units if u.id == unit_id)
    if unit.is_new:
        return unit
    return unit.successor.issuer if unit.successor else tree.new_root


# -- clusters and blocks ------------------------------------------------------------------
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
DEPARTMENT_BLOCKS = ["các cơ quan tổng hợp", "các cơ quan kinh tế", "các cơ quan văn hóa – xã hội",
                     "các cơ quan nội chính"]


class ClusterGenerator:
    """Clusters of district-level units and blocks of departments, enterprises and hospitals
    before 2025; clusters of the new communes and blocks of the new departments after."""

    def __init__(self, *, rng: random.Random, tree: UnitTree, tables, ids: dict[str, int],
                 prefix: str, first_year: int, last_year: int):
        self.rng, self.tree, self.t, self.ids, self.prefix = rng, tree, tables, ids, prefix
        self.first, self.last = first_year, last_year

    def run(self) -> int:
        tree = self.tree
        old = [u for u in tree.units if not u.is_new]
        new = [u for u in tree.units if u.is_new]
        groups = self.groups(old, tree.old_root, tree.old_name, roman=True)
        groups += self.groups(new, tree.new_root, tree.new_name, roman=False)
        for name, kind, organiser, members in groups:
            if members:
                self.cluster(name, kind, organiser, members)
        return len(groups)

    def groups(self, units: list[U], root: U, province: str, *, roman: bool) -> list[tuple]:
        direct = [u for u in units if u.parent is root]
        localities = [u for u in direct if u.kind in (K.DISTRICT, K.COMMUNE, K.WARD,
                                                      K.SPECIAL_ZONE)]
        offices = [u for u in direct if u.kind in (K.DEPARTMENT, K.AGENCY)]
        size = 5 if roman else 8
        result = []
        for index in range(0, len(localities), size):
            label = ROMAN[index // size] if roman else str(index // size + 1)
            result.append((f"Cụm thi đua số {label}", "cluster", root,
                           localities[index:index + size]))
        for index, block in enumerate(DEPARTMENT_BLOCKS):
            result.append((f"Khối thi đua {block}", "block", root,
                           offices[index::len(DEPARTMENT_BLOCKS)]))
        result.append(("Khối thi đua các doanh nghiệp", "block", root,
                       [u for u in direct if u.kind == K.ENTERPRISE]))
        result.append(("Khối thi đua các đơn vị sự nghiệp y tế", "block", root,
                       [u for u in units if u.kind == K.HOSPITAL]))
        return [(f"{name} tỉnh {province}", kind, organiser, members)
                for name, kind, organiser, members in result]

    def cluster(self, name: str, kind: str, organiser: U, members: list[U]) -> None:
        cluster_id = self.next_id("cluster")
        new = organiser.is_new
        self.t.cluster.add((
            cluster_id, f"{self.prefix}-cum-{cluster_id}", name, kind, organiser.id,
            f"Hội đồng Thi đua – Khen thưởng {organiser.name[0].lower()}{organiser.name[1:]}",
            REORG.isoformat() if new else None, None if new else BEFORE_REORG.isoformat(), "",
        ))
        years = [y for y in range(self.first, self.last + 1) if (y >= NEW_ERA) == new]
        previous = None
        for index, year in enumerate(years):
            chair, vice = members[index % len(members)], members[(index + 1) % len(members)]
            self.cluster_year(cluster_id, year, chair, vice, members, new)
            if previous is not None and previous is not chair:
                on = datetime.date(year - 1, 12, self.rng.randint(15, 28))
                self.t.handover.add((self.next_id("handover"), cluster_id, year, on.isoformat(),
                                     previous.id, previous.name, chair.id, chair.name, ""))
            previous = chair

    def cluster_year(self, cluster_id: int, year: int, chair: U, vice: U, members: list[U],
                     new: bool) -> None:
        year_id = self.next_id("cluster_year")
        month = 8 if new and year == NEW_ERA else self.rng.randint(2, 3)
        signed = datetime.date(year, month, self.rng.randint(1, 28))
        self.t.cluster_year.add((year_id, cluster_id, year, chair.id, chair.name, vice.id,
                                 vice.name, signed.isoformat(), ""))
        for unit in members:
            self.t.cluster_member.add((self.next_id("cluster_member"), year_id, unit.id,
                                       unit.name))

    def next_id(self, name: str) -> int:
        value = self.ids[name]
        self.ids[name] = value + 1
        return value


COLLECTIVE_RATING_FIELDS = ["id", "unit", "year", "level", "member_count"]
REVOCATION_FIELDS = ["id", "award", "decision", "reason", "basis", "created_at"]
CLUSTER_FIELDS = ["id", "code", "name", "kind", "organiser", "managing_council", "valid_from",
                  "valid_to", "note"]
CLUSTER_YEAR_FIELDS = ["id", "cluster", "year", "chair", "chair_name", "vice_chair",
                       "vice_chair_name", "covenant_signed_on", "note"]
CLUSTER_MEMBER_FIELDS = ["id", "cluster_year", "unit", "unit_name"]
HANDOVER_FIELDS = ["id", "cluster", "for_year", "date", "from_unit", "from_name", "to_unit",
                   "to_name", "note"]
