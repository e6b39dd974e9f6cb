"""import: a 100,000-row award register (contracts §3) imported end to end into the generated
province with `thidua.awards.import_writer.import_awards`, in rows per second (goal ≥ 20,000).

The workbook is built with openpyxl (not timed): about 60% of the rows are new awards of people
already in the database (with their personal ID), 40% awards of new people; under two title
rows, with dates as dd/mm/yyyy text. Baseline: the bare python-calamine parse of the same file,
in rows per second; ratio = import time / parse time.

A second line, `import_floor`, is what no importer could beat on this machine and database: the
same parse plus the database's own work of writing the rows this import wrote (its new people,
then its awards, each FK and unique index checked as the import's are), copied by the database
itself with INSERT … SELECT in a transaction that is rolled back. Our Python is not in it, nor
the lookups of the plan: it is a lower bound of the import's time."""

import datetime
import importlib.util
import random
import time
from pathlib import Path

from support import Context, line, skipped, timed

NAME = "import"
ORDER = 50
ROWS = 100_000
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số định danh cá nhân", "Đơn vị", "Năm",
          "Danh hiệu/Hình thức", "Số quyết định", "Ngày quyết định", "Cơ quan ban hành",
          "Loại khen thưởng", "Ghi chú"]
# (as written in the register, the title or form it names): two spellings of LĐTT.
AWARDS = [("Lao động tiên tiến", "ldtt"), ("LĐTT", "ldtt"), ("Giấy khen", "giay_khen"),
          ("Chiến sĩ thi đua cơ sở", "cstd_co_so"), ("Bằng khen của Chủ tịch UBND tỉnh", "bk")]
GENDER_LABELS = {"male": "Nam", "female": "Nữ"}


def run(ctx: Context) -> list[str]:
    if importlib.util.find_spec("thidua.awards.import_writer") is None:
        return [skipped(ctx.name(NAME), "importer missing")]
    from thidua.awards import import_writer

    if not hasattr(import_writer, "import_awards"):
        return [skipped(ctx.name(NAME), "importer missing")]
    path = Path(ctx.workdir) / "register.xlsx"
    build_workbook(path, random.Random(ctx.seed))
    parse_seconds, rows = timed(parse, path)
    admin = administrator()
    before = last_ids()
    seconds, result = timed(import_writer.import_awards, by=admin, path=str(path),
                            dry_run=False)
    if not result.ok:
        first = result.errors[0]
        return [f"{ctx.name(NAME)}: failed ({len(result.errors)} errors; first: row "
                f"{first.row}, {first.column}: {first.message})"]
    floor = parse_seconds + database_seconds(*before)
    return [line(ctx.name(NAME), ROWS / seconds, "rows/s", rows / parse_seconds, "rows/s",
                 seconds / parse_seconds),
            line(ctx.name("import_floor"), ROWS / floor, "rows/s", rows / parse_seconds,
                 "rows/s", floor / parse_seconds)]


def parse(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return len(sheet) - 3  # two title rows and the header


def last_ids() -> tuple[int, int]:
    """The highest person and award ids before the import: what it writes comes after them."""
    from django.db.models import Max

    from thidua.awards.models import Award
    from thidua.people.models import Person

    return (Person.objects.aggregate(last=Max("pk"))["last"] or 0,
            Award.objects.aggregate(last=Max("pk"))["last"] or 0)


def database_seconds(last_person: int, last_award: int) -> float:
    """Seconds the database takes to write again the people and awards written after these ids,
    by itself (INSERT … SELECT), with the import's indexes and foreign keys, rolled back. The
    copies differ only where a unique index would refuse them: a personal ID starting with 9
    (none does: they start with a province code 001–096) and the year plus 1,000."""
    from django.db import connection, transaction

    from thidua.awards.models import Award
    from thidua.people.models import Person

    copies = []
    for model, last, changed in (
            (Person, last_person, {"personal_id": "CASE WHEN personal_id = '' THEN '' "
                                                  "ELSE '9' || substr(personal_id, 2) END"}),
            (Award, last_award, {"year": "year + 1000"})):
        columns = [f.column for f in model._meta.concrete_fields if not f.primary_key]
        quote = connection.ops.quote_name
        table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
        copies.append(
            f"INSERT INTO {table} ({', '.join(quote(column) for column in columns)}) "
            f"SELECT {', '.join(changed.get(column, quote(column)) for column in columns)} "
            f"FROM {table} WHERE {pk} > {int(last)} ORDER BY {pk}")
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # the foreign keys checked in the statements
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        started = time.perf_counter()
        for sql in copies:
            cursor.execute(sql)
        seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    return seconds


def administrator():
    from thidua.accounts.choices import Role
    from thidua.accounts.models import User

    return User.objects.create_superuser(username="bench-admin", password="bench-pass-2026",
                                         role=Role.ADMIN)


# -- the workbook ---------------------------------------------------------------------------
def build_workbook(path: Path, rng: random.Random) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Danh sách")
    sheet.append(["DANH SÁCH CÁ NHÂN ĐƯỢC KHEN THƯỞNG"])
    sheet.append(["(Sổ khen thưởng nhập từ hồ sơ lưu trữ)"])
    sheet.append(HEADER)
    for number, row in enumerate(register_rows(rng), start=1):
        sheet.append([number, *row])
    workbook.save(path)


def register_rows(rng: random.Random):
    """ROWS rows, unique by (person, award, year, decision number) as the importer requires."""
    from thidua.awards.models import Decision
    from thidua.organisations.models import Unit
    from thidua.people.models import Person

    today = datetime.date.today()
    existing = list(Person.objects.exclude(personal_id="").order_by("pk").values_list(
        "full_name", "birth_date", "gender", "personal_id", "unit__name"))
    units = list(Unit.objects.filter(valid_from__isnull=False, kind="school")
                 .values_list("name", flat=True))
    issuers = sorted(set(Decision.objects.filter(date__year=today.year - 1, issuer__isnull=False)
                         .values_list("issuer_name", flat=True)))
    decisions = Decisions(rng, issuers, today)
    seen: set[tuple] = set()
    people = NewPeople(rng, {row[3] for row in existing})  # every ID already in the database
    while len(seen) < ROWS:
        if rng.random() < 0.6:
            name, birth, gender, personal_id, unit = rng.choice(existing)
        else:
            name, birth, gender, personal_id = people.next()
            unit = rng.choice(units)
        (award, code), year = rng.choice(AWARDS), rng.randint(2016, today.year - 1)
        number, on, issuer = decisions.pick(year)
        key = (personal_id, code, year, number)
        if key in seen:
            continue
        seen.add(key)
        yield [name, f"{birth:%d/%m/%Y}", GENDER_LABELS[gender], personal_id, unit, year, award,
               number, f"{on:%d/%m/%Y}", issuer, "", ""]


class Decisions:
    """About 400 decisions, numbered per year."""

    def __init__(self, rng: random.Random, issuers: list[str], today: datetime.date):
        self.rng, self.issuers, self.today = rng, issuers, today
        self.by_year: dict[int, list[tuple]] = {}

    def pick(self, year: int) -> tuple[str, datetime.date, str]:
        made = self.by_year.setdefault(year, [])
        if len(made) < 40:
            on = min(datetime.date(year + 1, self.rng.randint(1, 3), self.rng.randint(1, 28)),
                     self.today)
            made.append((f"{len(made) + 1}/QĐ-NK{year}", on, self.rng.choice(self.issuers)))
        return self.rng.choice(made)


class NewPeople:
    """People not yet in the database, each with a valid personal ID of their own."""

    def __init__(self, rng: random.Random, taken: set[str]):
        from thidua.demo.names import NameMaker

        self.rng, self.taken, self.names = rng, taken, NameMaker(rng)
        self.serial = 990_000

    def next(self) -> tuple:
        from thidua.people.validators import make_personal_id

        gender = self.rng.choice(("male", "female"))
        birth = datetime.date(self.rng.randint(1966, 2000), self.rng.randint(1, 12),
                              self.rng.randint(1, 28))
        personal_id = make_personal_id("060", gender, birth.year, self.serial)
        while personal_id in self.taken:
            self.serial += 1
            personal_id = make_personal_id("060", gender, birth.year, self.serial)
        self.taken.add(personal_id)
        return self.names.one(gender), birth, gender, personal_id
