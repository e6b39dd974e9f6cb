"""The export package's format (docs/packages.md), shared by the decision package (awards/
package.py) and the dossier package (proposals/package.py): the zip of `package.json` and the
attached files; writing it; reading it back with every check (entries, sizes, zip bombs,
hashes, schema and version); a field reader whose messages name the JSON path; and matching the
people and units it names against this end's records."""

import datetime
import hashlib
import json
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, BinaryIO

from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards import services
from thidua.core.services import log_action
from thidua.core.text import clean, fold
from thidua.organisations.models import Unit
from thidua.organisations.queries import match_by_name
from thidua.people import services as people_services
from thidua.people.choices import Gender, PersonGroup
from thidua.people.models import Person
from thidua.people.validators import personal_id_errors

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



def log_exported(data: dict, *, by, obj) -> None:
    """Who took which records out, with or without ID numbers."""
    log_action(f"thidua.package.exported_{data['kind']}", by=by, obj=obj,
               after={"with_ids": data["with_ids"], "exported_at": data["exported_at"]})



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

