"""Export packages (docs/packages.md): a zip holding `package.json` and the attached files, sent
to the level above or to the national database, and imported at the receiving end.

This module holds what both kinds share (writing the zip; reading it back with every check:
entries, sizes, hashes, schema and version; a field reader whose messages name the JSON path;
the import itself: all or nothing, idempotent by a content hash) and the decision package.
The dossier package is proposals/package.py."""

import datetime
import hashlib
import json
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, BinaryIO

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
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
from thidua.core.services import log_action
from thidua.core.text import clean, fold
from thidua.organisations.models import Unit
from thidua.organisations.queries import match_by_name
from thidua.people import services as people_services
from thidua.people.choices import Gender, PersonGroup
from thidua.people.models import Person
from thidua.people.validators import personal_id_errors
from thidua.proposals.filetypes import RefusedFile
from thidua.proposals.services.attachments import StoredFiles, check_received, random_name

SCHEMA = "thidua-package"
VERSION = 1
SUPPORTED_VERSIONS = (1,)
KINDS = ("decision", "dossier")
MANIFEST = "package.json"
FILES_DIR = "files/"
MAX_ENTRIES = 5000
MAX_BYTES = 1024 * 1024 * 1024  # what a package may unpack to
MAX_RATIO = 200  # how much one entry may expand: more is a zip bomb
# Left out of the content hash: the same dossier or decision exported twice is one package.
VOLATILE = ("exported_at", "exporter")


class PackageError(Exception):
    """A package that cannot be imported; `messages` name the entry or the JSON path."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = list(messages)


@dataclass
class Package:
    data: dict
    files: dict[str, bytes]
    digest: str  # sha256 of the manifest without its volatile fields


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
def header(kind: str, *, by, body: Unit | None, body_name: str, with_ids: bool) -> dict:
    user = by if getattr(by, "pk", None) else None
    return {
        "schema": SCHEMA, "version": VERSION, "kind": kind,
        "exported_at": timezone.localtime().isoformat(timespec="seconds"),
        "exporter": {"system": "thidua", "user": user.username if user else "",
                     "name": str(user) if user else "",
                     "unit": user.unit.name if user and user.unit_id else ""},
        "issuing_body": {"code": body.code if body else "", "name": body_name},
        "with_ids": with_ids,
    }


def write_zip(target: BinaryIO, data: dict, files: list[tuple[str, Any]]) -> None:
    """`files` are (path inside the zip, a callable opening the content for reading)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(data, ensure_ascii=False, indent=2))
        for path, opener in files:
            with opener() as source, archive.open(path, "w") as sink:
                while chunk := source.read(1024 * 1024):
                    sink.write(chunk)


def person_data(person: Person, with_ids: bool) -> dict:
    data = {"full_name": person.full_name,
            "birth_date": person.birth_date.isoformat() if person.birth_date else None,
            "gender": person.gender, "group": person.group,
            "unit_name": person.unit.name if person.unit_id else ""}
    if with_ids:
        data["personal_id"] = person.personal_id
    return data


def unit_data(unit: Unit) -> dict:
    return {"code": unit.code, "name": unit.name}


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


def log_exported(data: dict, *, by, obj) -> None:
    """Who took which records out, with or without ID numbers."""
    log_action(f"thidua.package.exported_{data['kind']}", by=by, obj=obj,
               after={"with_ids": data["with_ids"], "exported_at": data["exported_at"]})


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


# -- reading ----------------------------------------------------------------------------------
def read_package(source) -> Package:
    """The package at `source` (a path or a binary file), checked: a zip holding package.json
    and exactly the files its manifest lists, each of the size and sha256 given there, in a
    schema and version this system reads."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise PackageError([_("The file is not a package (.zip) or it is damaged.")]) from None
    with archive:
        check_entries(archive.infolist())
        data = read_manifest(archive)
        check_format(data)
        files = read_files(archive, data)
    return Package(data, files, content_digest(data))


def check_entries(infos: list[zipfile.ZipInfo]) -> None:
    problems = []
    if len(infos) > MAX_ENTRIES:
        problems.append(_("The package holds %(count)s files; at most %(limit)s are read.")
                        % {"count": len(infos), "limit": MAX_ENTRIES})
    if sum(info.file_size for info in infos) > MAX_BYTES:
        problems.append(_("The package would unpack to more than %(limit)s MB.")
                        % {"limit": MAX_BYTES // (1024 * 1024)})
    for info in infos:
        path = PurePosixPath(info.filename)
        if path.is_absolute() or ".." in path.parts or "\\" in info.filename:
            problems.append(_("%(entry)s: a path outside the package is not allowed.")
                            % {"entry": info.filename})
        elif info.file_size > MAX_RATIO * max(info.compress_size, 1024):
            problems.append(_("%(entry)s: expands too much when unpacked (a zip bomb?).")
                            % {"entry": info.filename})
    if problems:
        raise PackageError(problems)


def read_entry(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        with archive.open(name) as handle:
            return handle.read(MAX_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile):
        raise PackageError([_("%(entry)s: the entry is damaged (its checksum does not match).")
                            % {"entry": name}]) from None


def read_manifest(archive: zipfile.ZipFile) -> dict:
    if MANIFEST not in archive.namelist():
        raise PackageError([_("The package has no package.json.")])
    try:
        data = json.loads(read_entry(archive, MANIFEST).decode("utf-8"))
    except UnicodeDecodeError:
        raise PackageError([_("package.json: the text is not UTF-8.")]) from None
    except json.JSONDecodeError as error:
        raise PackageError([_("package.json: not valid JSON (line %(line)s, column "
                              "%(column)s).") % {"line": error.lineno,
                                                 "column": error.colno}]) from None
    if not isinstance(data, dict):
        raise PackageError([_("package.json: must be a JSON object.")])
    return data


def check_format(data: dict) -> None:
    if data.get("schema") != SCHEMA:
        raise PackageError([_("schema: “%(value)s” is not a thidua package (expected "
                              "“%(schema)s”).") % {"value": data.get("schema"),
                                                   "schema": SCHEMA}])
    version = data.get("version")
    if version not in SUPPORTED_VERSIONS or isinstance(version, bool):
        raise PackageError([_("version: version %(version)s of the package format is not "
                              "supported (supported: %(supported)s).") % {
            "version": json.dumps(version),
            "supported": ", ".join(str(v) for v in SUPPORTED_VERSIONS)}])
    if data.get("kind") not in KINDS:
        raise PackageError([_("kind: “%(value)s” is not a kind of package (decision or "
                              "dossier).") % {"value": data.get("kind")}])


def read_files(archive: zipfile.ZipFile, data: dict) -> dict[str, bytes]:
    """The attached files, each checked against its line in the manifest's `files`."""
    fields = Fields()
    listed = fields.items(data, "files", "")
    files, problems = {}, []
    for index, item in enumerate(listed):
        at = f"files[{index}]"
        item = fields.obj(item, at)
        path = fields.text(item, "path", at, required=True)
        sha256 = fields.text(item, "sha256", at, required=True, max_length=64)
        size = fields.integer(item, "size", at, required=True, low=0)
        if not path:
            continue
        if not path.startswith(FILES_DIR) or path in files:
            fields.fail(f"{at}.path", _("must be a distinct path under files/"))
        elif path not in archive.namelist():
            fields.fail(f"{at}.path", _("%(path)s is not in the package") % {"path": path})
        else:
            content = read_entry(archive, path)
            files[path] = content
            if size is not None and len(content) != size:
                fields.fail(f"{at}.size", _("%(path)s has %(actual)s bytes, not %(size)s")
                            % {"path": path, "actual": len(content), "size": size})
            if hashlib.sha256(content).hexdigest() != sha256:
                fields.fail(f"{at}.sha256", _("%(path)s does not match its hash: the file was "
                                              "changed or damaged") % {"path": path})
    for name in archive.namelist():
        if name != MANIFEST and name not in files and not name.endswith("/"):
            problems.append(_("%(entry)s: this file is not listed in package.json.")
                            % {"entry": name})
    fields.raise_errors(problems)
    return files


def content_digest(data: dict) -> str:
    kept = {key: value for key, value in data.items() if key not in VOLATILE}
    canonical = json.dumps(kept, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class Fields:
    """Reads values of the manifest, keeping one message per bad value, named by its JSON path
    (`awards[3].awardee.birth_date: …`); raise_errors() raises them all at once."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def fail(self, path: str, message: str) -> None:
        self.errors.append(f"{path}: {message}")

    def raise_errors(self, more: list[str] = ()) -> None:
        if self.errors or more:
            raise PackageError([*self.errors, *more])

    @staticmethod
    def join(at: str, name: str) -> str:
        return f"{at}.{name}" if at else name

    def obj(self, value: Any, at: str) -> dict:
        if isinstance(value, dict):
            return value
        self.fail(at, _("must be an object"))
        return {}

    def items(self, data: dict, name: str, at: str, *, required: bool = True) -> list:
        value = data.get(name)
        if value is None and not required:
            return []
        if not isinstance(value, list):
            self.fail(self.join(at, name), _("must be a list"))
            return []
        return value

    def text(self, data: dict, name: str, at: str, *, required: bool = False,
             max_length: int = 255) -> str:
        value = data.get(name)
        path = self.join(at, name)
        if value is None or value == "":
            if required:
                self.fail(path, _("is required"))
            return ""
        if not isinstance(value, str):
            self.fail(path, _("must be text"))
            return ""
        if max_length and len(value) > max_length:
            self.fail(path, _("is longer than %(limit)s characters") % {"limit": max_length})
            return ""
        return services.clean_lines(value) if "\n" in value else clean(value)

    def integer(self, data: dict, name: str, at: str, *, required: bool = False,
                low: int | None = None, high: int | None = None) -> int | None:
        value = data.get(name)
        path = self.join(at, name)
        if value is None:
            if required:
                self.fail(path, _("is required"))
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(path, _("must be a whole number"))
            return None
        if (low is not None and value < low) or (high is not None and value > high):
            self.fail(path, _("%(value)s is out of range") % {"value": value})
            return None
        return value

    def date(self, data: dict, name: str, at: str, *,
             required: bool = False) -> datetime.date | None:
        value = data.get(name)
        path = self.join(at, name)
        if value is None or value == "":
            if required:
                self.fail(path, _("is required"))
            return None
        if isinstance(value, str) and len(value) == 10:
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        self.fail(path, _("“%(value)s” is not a date (YYYY-MM-DD)") % {"value": value})
        return None

    def choice(self, data: dict, name: str, at: str, choices, *, required: bool = False,
               default: str = "") -> str:
        value = data.get(name)
        if value is None or value == "":
            if required:
                self.fail(self.join(at, name), _("is required"))
            return default
        if value not in choices:
            self.fail(self.join(at, name), _("“%(value)s” is not one of %(allowed)s") % {
                "value": value, "allowed": ", ".join(choices)})
            return default
        return value

    def boolean(self, data: dict, name: str, at: str) -> bool:
        value = data.get(name, False)
        if not isinstance(value, bool):
            self.fail(self.join(at, name), _("must be true or false"))
            return False
        return value


# -- matching people and units ----------------------------------------------------------------
YEAR_RANGE = {"low": 1945, "high": 2100}


def read_person(fields: Fields, data: dict, at: str) -> dict:
    """A person of the manifest as typed values (matched against the register when written)."""
    person = {"full_name": fields.text(data, "full_name", at, required=True, max_length=120),
              "birth_date": fields.date(data, "birth_date", at),
              "gender": fields.choice(data, "gender", at, Gender.values),
              "group": fields.choice(data, "group", at, PersonGroup.values,
                                     default=PersonGroup.STAFF),
              "unit_name": fields.text(data, "unit_name", at),
              "personal_id": fields.text(data, "personal_id", at, max_length=12)}
    if person["personal_id"]:
        for problem in personal_id_errors(person["personal_id"], gender=person["gender"],
                                          birth_date=person["birth_date"]):
            fields.fail(f"{at}.personal_id", str(problem))
    return person


def find_unit(fields: Fields, data: dict, at: str, *, required: bool) -> Unit | None:
    """A unit of this end, by its code, else by its accent-folded name."""
    code = fields.text(data, "code", at, max_length=60)
    name = fields.text(data, "name", at, required=required)
    unit = Unit.objects.filter(code=code).first() if code else None
    unit = unit or (match_by_name(name) if name else None)
    if unit is None and required and name:
        fields.fail(at, _("no unit of this system is called “%(name)s” (code “%(code)s”)")
                    % {"name": name, "code": code})
    return unit


def match_person(person: dict, *, by, counts: Counter) -> Person:
    """By ID number, else by accent-folded name and date of birth; else a new person."""
    found = None
    if person["personal_id"]:
        found = Person.objects.filter(personal_id=person["personal_id"]).first()
    if found is None and person["birth_date"]:
        found = Person.objects.filter(name_folded=fold(person["full_name"])[:120],
                                      birth_date=person["birth_date"]).order_by("pk").first()
    if found is not None:
        return found
    counts["people"] += 1
    return people_services.create_person(
        by=by, full_name=person["full_name"], birth_date=person["birth_date"],
        gender=person["gender"], group=person["group"], personal_id=person["personal_id"],
        unit=match_by_name(person["unit_name"]) if person["unit_name"] else None)


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
            dossier=item["dossier"], sha256=item["sha256"], size=len(item["content"]),
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
            "sha256": hashlib.sha256(content).hexdigest(), "content": content,
            "content_type": ""}
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
                        object_type=result.object_type, object_id=result.object_id,
                        summary=file_name, after={"sha256": package.digest,
                                                  **dict(result.counts)})


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
