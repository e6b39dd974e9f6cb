"""Every write of the award register importer: the import itself (`import_awards`, all or
nothing, one transaction, audited) and the upload batches of the import page."""

import hashlib
import secrets
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

from django.core.files.storage import default_storage
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards import importer
from thidua.awards.choices import ImportStatus, Source
from thidua.awards.import_rows import Issue
from thidua.awards.importer import Plan, Reading
from thidua.awards.models import Award, Decision, ImportBatch
from thidua.core.batching import collector_paused
from thidua.core.bulk import insert_rows
from thidua.core.services import log_action
from thidua.core.text import clean, sort_key
from thidua.people.models import Person

BATCH_SIZE = 2000
WRITE_CACHE_KIB = 256 * 1024  # SQLite page cache while writing; it grows only as pages are read
REPORT_LIMIT = 500  # issues kept in ImportBatch.report; the counts are always complete
UPLOAD_DIR = "imports"


@dataclass
class ImportResult:
    """The outcome of one import or dry run. `ok` is False when anything is wrong: then
    nothing was written."""

    ok: bool
    dry_run: bool
    file_name: str = ""
    total_rows: int = 0
    created_people: int = 0
    created_decisions: int = 0
    created_awards: int = 0
    skipped_rows: int = 0
    filled_ids: int = 0
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    preview: list[dict] = field(default_factory=list)
    batch: ImportBatch | None = None

    def counts(self) -> dict[str, int]:
        return {"total_rows": self.total_rows, "created_people": self.created_people,
                "created_decisions": self.created_decisions,
                "created_awards": self.created_awards, "skipped_rows": self.skipped_rows,
                "filled_ids": self.filled_ids}

    def report(self) -> dict:
        return {
            "counts": self.counts(),
            "errors": [issue.as_dict() for issue in self.errors[:REPORT_LIMIT]],
            "error_count": len(self.errors),
            "warnings": [issue.as_dict() for issue in self.warnings[:REPORT_LIMIT]],
            "warning_count": len(self.warnings),
            "preview": self.preview,
        }


def import_awards(*, by, path=None, file=None, dry_run: bool, default_unit=None,
                  batch: ImportBatch | None = None) -> ImportResult:
    """Import the award register in `path` (or the binary `file`).

    Writes nothing when any row is invalid or when `dry_run`; otherwise writes every new
    person, decision and award in one transaction. Awards already in the register (same person,
    title or form, year and decision number) are skipped, so importing a file twice adds nothing.
    With `batch`, its status, progress and report follow the run."""
    source = path if path is not None else file
    name = Path(str(path)).name if path is not None else Path(getattr(file, "name", "") or "").name
    _start(batch)
    # A register is hundreds of thousands of short-lived tuples and rows, none in a cycle: the
    # collector's passes over them took a third of the import (core.batching).
    with collector_paused():
        reading = importer.read(source, progress=_progress(batch))
        result = ImportResult(ok=False, dry_run=dry_run, file_name=name,
                              total_rows=reading.total_rows, errors=list(reading.errors),
                              warnings=list(reading.warnings))
        if not reading.errors:
            try:
                batch = _plan_and_write(result, reading, by=by, source=source, batch=batch,
                                        default_unit=default_unit)
            except IntegrityError:
                # PostgreSQL only (SQLite serialises writers): someone else recorded the same
                # person or award between our reading of the database and our commit.
                result.errors.append(Issue("", None, "", _(
                    "The register was changed by someone else during this import; nothing was "
                    "written. Import the file again.")))
    result.ok = not result.errors
    result.batch = batch
    _finish(batch, result)
    return result


def _plan_and_write(result: ImportResult, reading: Reading, *, by, source, batch, default_unit):
    """Match the rows against the database and, unless it is a dry run or something is wrong,
    write them: one transaction. Returns the batch (created here for a command-line import)."""
    with transaction.atomic():
        plan = importer.plan(reading.rows, by=by, labels=reading.labels)
        _count(result, plan)
        if result.errors or result.dry_run:
            return batch
        batch = batch or _new_batch(by, result.file_name, _sha256(source), default_unit)
        _write(plan, batch=batch, default_unit=default_unit)
        log_action("thidua.award.imported", by=by, obj=batch,
                   summary=_("%(file)s: %(awards)s awards imported")
                   % {"file": result.file_name, "awards": result.created_awards},
                   after=result.counts())
        return batch


def _count(result: ImportResult, plan: Plan) -> None:
    result.errors += plan.errors
    result.warnings += plan.warnings
    result.preview = plan.preview
    result.created_people = len(plan.new_people)
    result.created_decisions = len(plan.new_decisions)
    result.created_awards = len(plan.new_awards)
    result.skipped_rows = plan.skipped
    result.filled_ids = len(plan.id_fills)


# ---- writing (inside the transaction) --------------------------------------------------------


def _write(plan: Plan, *, batch: ImportBatch, default_unit) -> None:
    with _large_page_cache():
        _write_rows(plan, batch=batch, default_unit=default_unit)


@contextmanager
def _large_page_cache():
    """SQLite: a larger page cache for this connection while the rows are written. New awards
    land all over the indexes of a register of millions of rows; with the connection's usual
    cache most of those index pages are read again from the file for every few rows."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (usual,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = {-WRITE_CACHE_KIB}")
        try:
            yield
        finally:
            cursor.execute(f"PRAGMA cache_size = {int(usual)}")


def _write_rows(plan: Plan, *, batch: ImportBatch, default_unit) -> None:
    people = dict(plan.people)
    people.update(_create_people(plan, default_unit))
    if plan.id_fills:
        Person.objects.bulk_update(
            [Person(pk=pk, personal_id=personal_id) for pk, personal_id in plan.id_fills.items()],
            ["personal_id"], batch_size=BATCH_SIZE)
    decisions = dict(plan.decisions)
    decisions.update(_create_decisions(plan))
    units, source, batch_id = plan.units, Source.IMPORT.value, batch.pk
    awards = [(row.award_type.id, people[row.person_key], row.full_name, units.get(row.unit_key),
               row.unit_name, row.year, row.kind,
               decisions[(row.decision_number, row.decision_date)], row.note, source, batch_id)
              for row in plan.new_awards]
    # Written person by person (a stable sort: each person's awards keep the file's order), so
    # that the index on (person, title, year, decision) takes them page by page.
    awards.sort(key=itemgetter(1))
    insert_rows(Award, ["award_type_id", "person_id", "awardee_name", "unit_id", "unit_name",
                        "year", "kind", "decision_id", "note", "source", "import_batch_id"],
                awards)


def _create_people(plan: Plan, default_unit) -> dict[tuple, int]:
    default_id = default_unit.pk if default_unit is not None else None
    date = connection.ops.adapt_datefield_value
    keys: dict[str, str] = {}  # namesakes are common; a sort key costs tens of microseconds
    units = plan.units
    people = [(key, (row.full_name, date(row.birth_date), row.gender, row.personal_id,
                     units.get(row.unit_key, default_id), row.name_key[:120],
                     keys.get(row.full_name) or keys.setdefault(row.full_name,
                                                                sort_key(row.full_name))))
              for key, row in plan.new_people.items()]
    # In the order of their sort key (namesakes keep the file's order, as Person.Meta.ordering
    # breaks ties by id), so that the name indexes take the new people page by page.
    people.sort(key=_sort_key_of)
    ids = insert_rows(Person, ["full_name", "birth_date", "gender", "personal_id", "unit_id",
                               "name_folded", "sort_key"], [values for _key, values in people],
                      returning=True)
    return dict(zip((key for key, _values in people), ids, strict=True))


def _sort_key_of(person: tuple) -> str:
    return person[1][6]


def _create_decisions(plan: Plan) -> dict[tuple, int]:
    date = connection.ops.adapt_datefield_value
    ids = insert_rows(Decision, ["number", "date", "issuer_id", "issuer_name", "source"], (
        (row.decision_number, date(row.decision_date), plan.issuers.get(row.issuer_key),
         row.issuer_name, Source.IMPORT.value)
        for row in plan.new_decisions.values()), returning=True)
    return dict(zip(plan.new_decisions, ids, strict=True))


# ---- the batch record ------------------------------------------------------------------------


def _sha256(source) -> str:
    digest = hashlib.sha256()
    if hasattr(source, "read"):
        source.seek(0)
        for chunk in iter(lambda: source.read(1 << 20), b""):
            digest.update(chunk)
        source.seek(0)
    else:
        with open(source, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def _new_batch(by, name: str, sha256: str, default_unit) -> ImportBatch:
    return ImportBatch.objects.create(
        file_name=clean(name)[:255], file_sha256=sha256, dry_run=False,
        status=ImportStatus.RUNNING, default_unit=default_unit,
        created_by=by if getattr(by, "pk", None) else None)


def _start(batch: ImportBatch | None) -> None:
    if batch is not None:
        ImportBatch.objects.filter(pk=batch.pk).update(status=ImportStatus.RUNNING,
                                                       processed_rows=0, finished_at=None)


def _progress(batch: ImportBatch | None):
    """Progress of the reading phase, saved outside the import's transaction so that the
    progress bar sees it."""
    if batch is None:
        return None

    def report(done: int, total: int) -> None:
        ImportBatch.objects.filter(pk=batch.pk).update(processed_rows=done, total_rows=total)

    return report


def _finish(batch: ImportBatch | None, result: ImportResult) -> None:
    if batch is None:
        return
    if not result.ok:
        status = ImportStatus.FAILED
    else:
        status = ImportStatus.VALID if result.dry_run else ImportStatus.DONE
    batch.status = status
    batch.total_rows = batch.processed_rows = result.total_rows
    batch.created_people = 0 if result.dry_run or not result.ok else result.created_people
    batch.created_decisions = 0 if result.dry_run or not result.ok else result.created_decisions
    batch.created_awards = 0 if result.dry_run or not result.ok else result.created_awards
    batch.skipped_rows = result.skipped_rows
    batch.report = result.report()
    batch.finished_at = timezone.now()
    batch.save(update_fields=["status", "total_rows", "processed_rows", "created_people",
                              "created_decisions", "created_awards", "skipped_rows", "report",
                              "finished_at"])


# ---- the import page's batches ---------------------------------------------------------------


@transaction.atomic
def start_import(*, by, upload, default_unit=None) -> ImportBatch:
    """Keep an uploaded register under MEDIA_ROOT/imports/ with a random name and open a batch
    for its dry run (the caller queues tasks.run_import)."""
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    stored = default_storage.save(f"{UPLOAD_DIR}/{secrets.token_hex(16)}.xlsx", upload)
    batch = ImportBatch.objects.create(
        file_name=clean(Path(upload.name).name)[:255], file_sha256=digest.hexdigest(),
        stored_path=stored, dry_run=True, status=ImportStatus.PENDING,
        default_unit=default_unit, created_by=by)
    log_action("thidua.award_import.uploaded", by=by, obj=batch,
               after={"file_name": batch.file_name, "sha256": batch.file_sha256})
    return batch


@transaction.atomic
def confirm_import(*, by, batch: ImportBatch) -> ImportBatch:
    """Turn a batch whose dry run passed into the real import (the caller queues the task)."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != ImportStatus.VALID:
        raise ValueError(_("Only a file whose check has passed can be written to the register."))
    batch.dry_run = False
    batch.status = ImportStatus.PENDING
    batch.processed_rows = 0
    batch.save(update_fields=["dry_run", "status", "processed_rows"])
    log_action("thidua.award_import.confirmed", by=by, obj=batch)
    return batch


def stored_file(batch: ImportBatch) -> str:
    return default_storage.path(batch.stored_path)
