"""Export packages (docs/packages.md): a zip holding `package.json` and the attached files, sent
to the level above or to the national database, and imported at the receiving end.

This module holds the decision package and the import of either kind (all or nothing,
idempotent by a content hash); the format both share is package_format.py, the dossier
package proposals/package.py."""

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from thidua.awards import services
from thidua.awards.choices import Authority, AwardKind, DecisionFileKind, Source
from thidua.awards.models import (
    Award,
    AwardType,
    Decision,
    DecisionFile,
    PackageReceipt,
    Revocation,
)
from thidua.awards.package_files import decision_files
from thidua.awards.package_format import (
    YEAR_RANGE,
    Fields,
    Package,
    PackageError,
    find_unit,
    header,
    log_exported,
    match_person,
    person_data,
    read_package,
    read_person,
    unit_data,
    write_zip,
)
from thidua.core.services import log_action
from thidua.organisations.models import Unit
from thidua.proposals.filetypes import RefusedFile
from thidua.proposals.services.attachments import StoredFiles, check_received, random_name


@dataclass
class ImportResult:
    kind: str
    dry_run: bool
    already: bool = False
    object_type: str = ""
    object_id: str = ""
    counts: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)



# -- writing ----------------------------------------------------------------------------------
def export_decision(decision: Decision, target: BinaryIO, *, by=None, with_ids: bool = False,
                    awards=None) -> dict:
    """Write the package of `decision` (its awards, or only `awards` when given: a user
    exports what their scope shows) to `target`; returns the manifest."""
    awards = (awards if awards is not None else decision.awards.all()).select_related(
        "award_type", "person__unit", "collective", "revocation__decision").order_by("pk")
    data = header("decision", by=by, body=decision.issuer, body_name=decision.issuer_name,
                  with_ids=with_ids)
    data["decision"] = decision_data(decision)
    data["awards"] = [award_data(award, with_ids) for award in awards]
    data["files"], openers = decision_files(decision, awards)
    write_zip(target, data, openers)
    log_exported(data, by=by, obj=decision)
    return data



def decision_data(decision: Decision) -> dict:
    return {"number": decision.number, "date": decision.date.isoformat(),
            "issuer": {"code": decision.issuer.code if decision.issuer_id else "",
                       "name": decision.issuer_name},
            "decided_by": decision.decided_by, "signer_name": decision.signer_name,
            "signer_title": decision.signer_title, "subject": decision.subject,
            "legal_basis": decision.legal_basis, "period": decision.period,
            "period_start_year": decision.period_start_year,
            "period_end_year": decision.period_end_year}



def award_data(award: Award, with_ids: bool) -> dict:
    awardee = ({"type": "person", **person_data(award.person, with_ids)} if award.person_id
               else {"type": "collective", **unit_data(award.collective)})
    revocation = getattr(award, "revocation", None) if award.is_revoked else None
    return {"code": award.award_type.code, "year": award.year, "kind": award.kind,
            "register_number": award.register_number, "summary": award.summary,
            "unit_name": award.unit_name, "awardee": awardee,
            "revoked": None if revocation is None else {
                "number": revocation.decision.number,
                "date": revocation.decision.date.isoformat(),
                "issuer_name": revocation.decision.issuer_name,
                "reason": revocation.reason, "basis": revocation.basis}}



# -- the decision package ---------------------------------------------------------------------
@dataclass
class DecisionPlan:
    decision: dict
    issuer: Unit | None
    awards: list[dict]
    files: list[dict] = field(default_factory=list)
    stored: StoredFiles = field(default_factory=StoredFiles)

    def write(self, *, by, counts: Counter, dry_run: bool,
              receipt: PackageReceipt | None = None) -> Decision:
        """The decision (found or created), its awards, and the files received with it (stored
        unless a dry run)."""
        decision = find_or_create_decision(self.decision, self.issuer, by=by, counts=counts)
        for item in self.awards:
            write_award(item, decision, by=by, counts=counts)
        for item in self.files:
            self.write_file(decision, item, receipt=receipt, counts=counts, dry_run=dry_run)
        return decision

    def write_file(self, decision: Decision, item: dict, *, receipt: PackageReceipt | None,
                   counts: Counter, dry_run: bool) -> None:
        """Keep a received file with the decision, unless the decision already holds it (the
        same content, name and dossier, from another package of the same decision)."""
        if DecisionFile.objects.filter(decision=decision, sha256=item["sha256"],
                                       original_name=item["name"],
                                       dossier=item["dossier"]).exists():
            return
        stored = random_name() if dry_run else self.stored.store(item["content"])
        DecisionFile.objects.create(
            decision=decision, receipt=receipt, kind=item["kind"], original_name=item["name"],
            dossier=item["dossier"], unit=item["unit"], sha256=item["sha256"],
            size=len(item["content"]),
            content_type=item["content_type"], stored_name=stored)
        counts["files"] += 1

    def discard(self) -> None:
        """The import was rolled back: remove the files it stored."""
        self.stored.discard()



def read_decision(package: Package) -> DecisionPlan:
    """Every field of a decision package checked; the catalogue codes and the collectives
    looked up. Raises PackageError listing every bad value."""
    fields, data = Fields(), package.data
    at = "decision"
    raw = fields.obj(data.get("decision"), at)
    issuer_data = fields.obj(raw.get("issuer", {}), f"{at}.issuer")
    decision = {
        "number": fields.text(raw, "number", at, required=True, max_length=60),
        "date": fields.date(raw, "date", at, required=True),
        "issuer_name": fields.text(issuer_data, "name", f"{at}.issuer", required=True),
        "decided_by": fields.choice(raw, "decided_by", at, Authority.values),
        "signer_name": fields.text(raw, "signer_name", at, max_length=120),
        "signer_title": fields.text(raw, "signer_title", at, max_length=150),
        "subject": fields.text(raw, "subject", at, max_length=500),
        "legal_basis": fields.text(raw, "legal_basis", at, max_length=0),
        "period": fields.text(raw, "period", at, max_length=120),
        "period_start_year": fields.integer(raw, "period_start_year", at, **YEAR_RANGE),
        "period_end_year": fields.integer(raw, "period_end_year", at, **YEAR_RANGE),
    }
    issuer = find_unit(fields, issuer_data, f"{at}.issuer", required=False)
    codes = {t.code: t for t in AwardType.objects.all()}
    awards = [read_award(fields, item, f"awards[{index}]", codes)
              for index, item in enumerate(fields.items(data, "awards", ""))]
    awards = [award for award in awards if award is not None]
    if not awards and not fields.errors:
        fields.fail("awards", _("the decision has no award"))
    files = [read_decision_file(fields, item, f"files[{index}]", package)
             for index, item in enumerate(fields.items(data, "files", "", required=False))]
    fields.raise_errors()
    return DecisionPlan(decision, issuer, awards, files)



def read_decision_file(fields: Fields, raw: Any, at: str, package: Package) -> dict:
    """A file sent with the decision (its presence, size and hash are read_files' checks),
    whose type is told again by its content: it is kept and served at this end."""
    raw = fields.obj(raw, at)
    content = package.files.get(raw.get("path"), b"")
    item = {"name": fields.text(raw, "name", at, required=True),
            "kind": fields.choice(raw, "kind", at, DecisionFileKind.values,
                                  default=DecisionFileKind.OTHER),
            "dossier": fields.text(raw, "dossier", at),
            "unit": None,
            "sha256": hashlib.sha256(content).hexdigest(), "content": content,
            "content_type": ""}
    if raw.get("unit") is not None:  # absent from packages of version 1 made before it
        item["unit"] = find_unit(fields, fields.obj(raw["unit"], f"{at}.unit"), f"{at}.unit",
                                 required=False)
    if item["name"]:
        try:
            item["content_type"] = check_received(content, item["name"]).content_type
        except RefusedFile as error:
            fields.fail(at, str(error))
    return item



def read_award(fields: Fields, raw: Any, at: str, codes: dict[str, AwardType]) -> dict | None:
    if not isinstance(raw, dict):
        fields.fail(at, _("must be an object"))
        return None
    code = fields.text(raw, "code", at, required=True, max_length=60)
    if code and code not in codes:
        fields.fail(f"{at}.code", _("unknown code “%(code)s”") % {"code": code})
    awardee = fields.obj(raw.get("awardee"), f"{at}.awardee")
    kind = fields.choice(awardee, "type", f"{at}.awardee", ("person", "collective"),
                         required=True)
    revoked = raw.get("revoked")
    return {
        "award_type": codes.get(code), "year": fields.integer(raw, "year", at, **YEAR_RANGE),
        "kind": fields.choice(raw, "kind", at, AwardKind.values, default=AwardKind.CONG_TRANG),
        "register_number": fields.text(raw, "register_number", at, max_length=40),
        "summary": fields.text(raw, "summary", at, max_length=0),
        "unit_name": fields.text(raw, "unit_name", at),
        "person": read_person(fields, awardee, f"{at}.awardee") if kind == "person" else None,
        "collective": find_unit(fields, awardee, f"{at}.awardee", required=True)
        if kind == "collective" else None,
        "revoked": read_revoked(fields, revoked, f"{at}.revoked") if revoked else None,
    }



def read_revoked(fields: Fields, raw: Any, at: str) -> dict:
    raw = fields.obj(raw, at)
    return {"number": fields.text(raw, "number", at, required=True, max_length=60),
            "date": fields.date(raw, "date", at, required=True),
            "issuer_name": fields.text(raw, "issuer_name", at),
            "reason": fields.text(raw, "reason", at, required=True, max_length=0),
            "basis": fields.text(raw, "basis", at)}



def find_or_create_decision(values: dict, issuer: Unit | None, *, by,
                            counts: Counter) -> Decision:
    found = Decision.objects.filter(number=values["number"], date=values["date"]).first()
    if found is not None:
        return found
    counts["decisions"] += 1
    return services.create_decision(by=by, issuer=issuer, source=Source.PACKAGE, **values)



def write_award(item: dict, decision: Decision, *, by, counts: Counter) -> None:
    person = match_person(item["person"], by=by, counts=counts) if item["person"] else None
    collective = item["collective"]
    award = Award.objects.filter(
        person=person, collective=collective, award_type=item["award_type"], year=item["year"],
        decision=decision).first()
    if award is None:
        award = services.record_award(
            by=by, award_type=item["award_type"], decision=decision, person=person,
            collective=collective, year=item["year"], kind=item["kind"],
            summary=item["summary"], register_number=item["register_number"],
            unit_name=item["unit_name"], source=Source.PACKAGE)
        counts["awards"] += 1
    else:
        counts["skipped"] += 1
    if item["revoked"] and not Revocation.objects.filter(award=award).exists():
        revoke_imported(award, item["revoked"], by=by, counts=counts)



def revoke_imported(award: Award, revoked: dict, *, by, counts: Counter) -> None:
    decision = Decision.objects.filter(number=revoked["number"], date=revoked["date"]).first()
    if decision is None:
        counts["decisions"] += 1
        decision = services.create_decision(
            by=by, number=revoked["number"], date=revoked["date"], source=Source.PACKAGE,
            issuer_name=revoked["issuer_name"] or award.decision.issuer_name,
            issuer=award.decision.issuer)
    services.revoke_award(by=by, award=award, decision=decision, reason=revoked["reason"],
                          basis=revoked["basis"])
    counts["revocations"] += 1



# -- importing --------------------------------------------------------------------------------
def import_package(source, *, by=None, dry_run: bool = False, round_=None, unit=None,
                   file_name: str = "") -> ImportResult:
    """Import a package, all or nothing; a package already imported (same content) adds
    nothing. `round_` and `unit` place a dossier at this end (see proposals/package.py).
    Raises PackageError, with nothing written, for any bad entry or value."""
    package = read_package(source)
    kind = package.data["kind"]
    plan = read_decision(package) if kind == "decision" else read_dossier_plan(
        package, round_=round_, unit=unit)
    result = ImportResult(kind=kind, dry_run=dry_run)
    receipt = PackageReceipt.objects.filter(kind=kind, content_sha256=package.digest).first()
    if receipt is not None:
        result.already, result.object_type, result.object_id = (
            True, receipt.object_type, receipt.object_id)
        return result
    try:
        with transaction.atomic():
            # The receipt first: the files received are kept with it, and a second import of
            # the same package at the same moment stops here, before writing anything.
            receipt = PackageReceipt.objects.create(
                kind=kind, content_sha256=package.digest, file_name=file_name[:255],
                received_by=by if getattr(by, "pk", None) else None)
            written = plan.write(by=by, counts=result.counts, dry_run=dry_run, receipt=receipt)
            result.object_type, result.object_id = written._meta.label_lower, str(written.pk)
            receive(result, receipt, package, by=by, file_name=file_name)
            if dry_run:
                transaction.set_rollback(True)
    except IntegrityError:  # the same package imported at the same moment by someone else
        discard(plan)
        raise PackageError([_("This package is being imported by someone else; try again.")]) \
            from None
    except ValidationError as error:  # a record this end refuses (services' own checks)
        discard(plan)
        raise PackageError(error.messages) from None
    except OSError as error:  # the storage refused a file (disk full, permissions)
        discard(plan)
        raise PackageError([_("The files of the package could not be stored (%(error)s); "
                              "nothing was written.") % {"error": error.strerror or error}]) \
            from None
    except Exception:
        discard(plan)
        raise
    return result



def discard(plan) -> None:
    """Files a rolled-back import stored are removed (the rows went with the transaction)."""
    if hasattr(plan, "discard"):
        plan.discard()



def read_dossier_plan(package: Package, *, round_, unit):
    from thidua.proposals.package import read_dossier  # proposals builds on awards

    return read_dossier(package, round_=round_, unit=unit)



def receive(result: ImportResult, receipt: PackageReceipt, package: Package, *, by,
            file_name: str) -> None:
    """The receipt names what the package became; the import is audited."""
    receipt.object_type, receipt.object_id = result.object_type, result.object_id
    receipt.save(update_fields=["object_type", "object_id"])
    log_action(f"thidua.package.imported_{result.kind}", by=by,
               object_type=result.object_type, object_id=result.object_id, summary=file_name,
               after={"sha256": package.digest, **dict(result.counts)})



def describe(result: ImportResult) -> str:
    """One sentence saying what an import added (or would have added)."""
    if result.already:
        return _("This package was already imported (%(object)s #%(id)s): nothing added.") % {
            "object": result.object_type, "id": result.object_id}
    counts = {"decisions": 0, "awards": 0, "people": 0, "skipped": 0, "revocations": 0,
              "dossiers": 0, "nominees": 0, "files": 0, **result.counts}
    if result.kind == "decision":
        text = _("added %(decisions)s decisions, %(awards)s awards (%(skipped)s already in the "
                 "register), %(people)s people, %(revocations)s revocations, %(files)s files "
                 "received") % counts
    else:
        text = _("added %(dossiers)s dossier with %(nominees)s nominees and %(files)s files") \
            % counts
    if result.dry_run:
        return _("The package is valid (dry run, nothing written): it would have %(text)s.") % {
            "text": text}
    return _("Package imported: %(text)s.") % {"text": text}

