"""The dossier package (docs/packages.md): a dossier with its nominees and attachments, sent to
the level above, and its import there as a dossier `submitted` in one of that level's rounds.
The zip format and its checks are awards/package.py's."""

from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import PurePosixPath
from typing import BinaryIO

from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.choices import SubjectKind
from thidua.awards.models import AwardType
from thidua.awards.package_format import (
    Fields,
    Package,
    find_unit,
    header,
    log_exported,
    person_data,
    read_person,
    unit_data,
    write_zip,
)
from thidua.core.services import log_action
from thidua.core.text import fold
from thidua.eligibility.choices import Verdict
from thidua.organisations.models import Unit
from thidua.people.models import Person
from thidua.proposals import deadlines, filetypes
from thidua.proposals.choices import AttachmentKind, State
from thidua.proposals.models import Attachment, Nominee, Proposal, Round, Transition
from thidua.proposals.services import open_attachment
from thidua.proposals.services.attachments import StoredFiles, check_received, random_name
from thidua.proposals.services.dossiers import search_key


def export_dossier(proposal: Proposal, target: BinaryIO, *, by=None,
                   with_ids: bool = False) -> dict:
    """Write the package of `proposal` (nominees, verdicts, attachments) to `target`; returns
    the manifest."""
    nominees = list(proposal.nominees.select_related("award_type", "person__unit", "collective")
                    .order_by("position", "pk"))
    index = {nominee.pk: number for number, nominee in enumerate(nominees)}
    attachments = list(proposal.attachments.order_by("uploaded_at", "pk"))
    listed = [attachment_data(a, number, index) for number, a in enumerate(attachments, 1)]
    data = header("dossier", by=by, body=proposal.unit, body_name=proposal.unit_name,
                  with_ids=with_ids)
    data["dossier"] = dossier_data(proposal)
    data["nominees"] = [nominee_data(nominee, with_ids) for nominee in nominees]
    data["files"] = listed
    write_zip(target, data, [(item["path"], partial(open_attachment, attachment))
                             for item, attachment in zip(listed, attachments, strict=True)])
    log_exported(data, by=by, obj=proposal)
    return data


def dossier_data(proposal: Proposal) -> dict:
    round_ = proposal.round
    return {"number": proposal.number, "title": proposal.title, "unit": unit_data(proposal.unit),
            "unit_name": proposal.unit_name, "state": proposal.state,
            "submitted_at": proposal.submitted_at.isoformat() if proposal.submitted_at else None,
            "round": {"name": round_.name, "kind": round_.kind, "year": round_.year}}


def nominee_data(nominee: Nominee, with_ids: bool) -> dict:
    return {"position": nominee.position, "subject_kind": nominee.subject_kind,
            "name": nominee.name, "unit_name": nominee.unit_name, "address": nominee.address,
            "code": nominee.award_type.code, "summary": nominee.summary,
            "verdict": nominee.verdict, "reasons": nominee.reasons,
            "justification": nominee.justification,
            "person": person_data(nominee.person, with_ids) if nominee.person_id else None,
            "collective": unit_data(nominee.collective) if nominee.collective_id else None}


def attachment_data(attachment: Attachment, number: int, index: dict[int, int]) -> dict:
    suffix = PurePosixPath(attachment.original_name).suffix.lower()[:10]
    return {"path": f"files/{number:04d}{suffix}", "name": attachment.original_name,
            "sha256": attachment.sha256, "size": attachment.size,
            "content_type": attachment.content_type, "kind": attachment.kind,
            "nominee": index.get(attachment.nominee_id)}


# -- import -----------------------------------------------------------------------------------
@dataclass
class DossierPlan:
    """A checked dossier package, ready to be written at this end."""

    round: Round
    unit: Unit
    header: dict
    nominees: list[dict]
    files: list[dict]
    body_name: str
    stored: StoredFiles = field(default_factory=StoredFiles)

    def write(self, *, by, counts: Counter, dry_run: bool, receipt=None) -> Proposal:
        """The dossier, `submitted` in the round, with its nominees (linked to the people and
        collectives of this end when they match) and its files (stored unless a dry run)."""
        proposal = self.write_proposal(by)
        nominees = [write_nominee(proposal, item, counts) for item in self.nominees]
        for item in self.files:
            self.write_file(proposal, item, nominees, by=by, dry_run=dry_run)
            counts["files"] += 1
        counts["dossiers"] += 1
        return proposal

    def write_proposal(self, by) -> Proposal:
        user = by if getattr(by, "pk", None) else None
        proposal = Proposal(round=self.round, unit=self.unit, state=State.SUBMITTED,
                            submitted_at=timezone.now(), created_by=user, **self.header)
        proposal.search_key = search_key(proposal)
        # Received today: the receiving step is due as for a dossier submitted here.
        deadlines.apply(proposal, State.SUBMITTED, timezone.localdate())
        proposal.save()
        note = _("Received as an export package from %(body)s.") % {"body": self.body_name}
        Transition.objects.create(proposal=proposal, from_state=State.DRAFT,
                                  to_state=State.SUBMITTED, action="import", actor=user,
                                  note=note)
        log_action("thidua.proposal.imported", by=by, obj=proposal, summary=note,
                   after={"state": State.SUBMITTED, "round": self.round.pk})
        return proposal

    def write_file(self, proposal: Proposal, item: dict, nominees: list[Nominee], *, by,
                   dry_run: bool) -> None:
        stored = random_name() if dry_run else self.stored.store(item["content"])
        nominee = nominees[item["nominee"]] if item["nominee"] is not None else None
        Attachment.objects.create(
            proposal=proposal, nominee=nominee, kind=item["kind"], original_name=item["name"],
            stored_name=stored, content_type=item["content_type"], size=len(item["content"]),
            sha256=item["sha256"], uploaded_by=by if getattr(by, "pk", None) else None)

    def discard(self) -> None:
        """The import was rolled back: remove the files it stored."""
        self.stored.discard()


def write_nominee(proposal: Proposal, item: dict, counts: Counter) -> Nominee:
    counts["nominees"] += 1
    return Nominee.objects.create(
        proposal=proposal, position=item["position"], subject_kind=item["subject_kind"],
        person=matching_person(item["person"]), collective=item["collective"],
        name=item["name"], unit_name=item["unit_name"], address=item["address"],
        award_type=item["award_type"],
        summary=item["summary"], verdict=item["verdict"], reasons=item["reasons"],
        justification=item["justification"])


def matching_person(person: dict | None) -> Person | None:
    """The person of this end with the ID number, else with the accent-folded name and date of
    birth; none otherwise (a person is added to the register only when awarded)."""
    if person is None:
        return None
    if person["personal_id"]:
        found = Person.objects.filter(personal_id=person["personal_id"]).first()
        if found is not None:
            return found
    if not person["birth_date"]:
        return None
    return Person.objects.filter(name_folded=fold(person["full_name"])[:120],
                                 birth_date=person["birth_date"]).order_by("pk").first()


def read_dossier(package: Package, *, round_: Round | None = None,
                 unit: Unit | None = None) -> DossierPlan:
    """Every field of a dossier package checked, and its place at this end found: `round_`
    (else the one round of the same year and kind) and `unit` (else the unit with the
    proposing unit's code or name). Raises PackageError listing every problem."""
    fields, data = Fields(), package.data
    raw = fields.obj(data.get("dossier"), "dossier")
    values = {"number": fields.text(raw, "number", "dossier", max_length=60),
              "title": fields.text(raw, "title", "dossier", required=True, max_length=500),
              "unit_name": fields.text(raw, "unit_name", "dossier", required=True)}
    unit = unit or find_unit(fields, fields.obj(raw.get("unit"), "dossier.unit"),
                             "dossier.unit", required=True)
    round_ = round_ or find_round(fields, fields.obj(raw.get("round"), "dossier.round"))
    codes = {t.code: t for t in AwardType.objects.all()}
    nominees = [read_nominee(fields, item, f"nominees[{number}]", codes)
                for number, item in enumerate(fields.items(data, "nominees", ""))]
    files = [read_file(fields, item, f"files[{number}]", package, len(nominees))
             for number, item in enumerate(fields.items(data, "files", ""))]
    fields.raise_errors()
    nominees = [nominee for nominee in nominees if nominee is not None]
    body = fields.obj(data.get("issuing_body"), "issuing_body").get("name") or values["unit_name"]
    return DossierPlan(round_, unit, values, nominees, files, body_name=str(body))


def find_round(fields: Fields, raw: dict) -> Round | None:
    at = "dossier.round"
    year = fields.integer(raw, "year", at, required=True, low=1945, high=2100)
    kind = fields.text(raw, "kind", at, required=True, max_length=20)
    rounds = list(Round.objects.filter(year=year, kind=kind)[:2]) if year and kind else []
    if len(rounds) == 1:
        return rounds[0]
    if year and kind:
        fields.fail(at, _("no single round of this kind for %(year)s at this end (%(count)s "
                          "found): choose the round to receive the dossier")
                    % {"year": year, "count": "0" if not rounds else _("several")})
    return None


def read_nominee(fields: Fields, raw, at: str, codes: dict[str, AwardType]) -> dict | None:
    if not isinstance(raw, dict):
        fields.fail(at, _("must be an object"))
        return None
    code = fields.text(raw, "code", at, required=True, max_length=60)
    if code and code not in codes:
        fields.fail(f"{at}.code", _("unknown code “%(code)s”") % {"code": code})
    person, collective = raw.get("person"), raw.get("collective")
    reasons = raw.get("reasons") or []
    if not isinstance(reasons, list):
        fields.fail(f"{at}.reasons", _("must be a list"))
        reasons = []
    return {
        "position": fields.integer(raw, "position", at, low=0) or 0,
        "subject_kind": fields.choice(raw, "subject_kind", at, SubjectKind.values,
                                      default=SubjectKind.INDIVIDUAL),
        "name": fields.text(raw, "name", at, required=True),
        "unit_name": fields.text(raw, "unit_name", at),
        "address": fields.text(raw, "address", at),
        "award_type": codes.get(code), "summary": fields.text(raw, "summary", at, max_length=0),
        "verdict": fields.choice(raw, "verdict", at, Verdict.values),
        "reasons": reasons,
        "justification": fields.text(raw, "justification", at, max_length=0),
        "person": read_person(fields, fields.obj(person, f"{at}.person"), f"{at}.person")
        if person is not None else None,
        "collective": find_unit(fields, fields.obj(collective, f"{at}.collective"),
                                f"{at}.collective", required=False)
        if collective is not None else None,
    }


def read_file(fields: Fields, raw, at: str, package: Package, nominee_count: int) -> dict:
    """An attachment, whose type is told again by its content: the sending end is not
    trusted more than an upload."""
    raw = fields.obj(raw, at)
    content = package.files.get(raw.get("path"), b"")
    item = {"name": fields.text(raw, "name", at, required=True),
            "kind": fields.choice(raw, "kind", at, AttachmentKind.values,
                                  default=AttachmentKind.OTHER),
            "nominee": fields.integer(raw, "nominee", at, low=0, high=nominee_count - 1),
            "sha256": raw.get("sha256", ""), "content": content, "content_type": ""}
    if item["name"]:
        try:
            item["content_type"] = check_received(content, item["name"]).content_type
        except filetypes.RefusedFile as error:
            fields.fail(at, str(error))
    return item
