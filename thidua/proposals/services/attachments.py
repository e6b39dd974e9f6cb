"""The files of a dossier: checked by content, size-capped, stored under random names outside
anything the web server serves (MEDIA_ROOT/attachments/, which no URL maps), read back only
through the dossier's download view.

The storage itself (`store`, `StoredFiles`, `open_stored`, `check_received`) is shared with the
files received in packages: a dossier package's attachments (proposals/package.py) and a
decision package's files (awards.DecisionFile, awards/package.py)."""

import hashlib
import io
import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.core.services import log_action, snapshot
from thidua.core.text import clean, sizes
from thidua.proposals import filetypes, workflow
from thidua.proposals.choices import EDITABLE
from thidua.proposals.models import Attachment, Nominee, Proposal
from thidua.proposals.services.base import DossierError, lock, refuse_final, touch
from thidua.proposals.workflow import APPRAISER, PROPOSER

UPLOAD_DIR = "attachments"
ATTACHMENT_FIELDS = ["kind", "original_name", "content_type", "size", "sha256", "nominee_id"]


def add_attachment(*, by, proposal: Proposal, upload, kind: str, nominee: Nominee | None = None,
                   version: int | None = None) -> Attachment:
    """Attach a PDF, DOCX, XLSX, JPEG or PNG file (type told by its content, never by its
    name). The proposing unit attaches while it may edit; the appraising level adds its own
    documents (appraisal report, minutes) until the dossier closes."""
    check_size(upload.size)
    try:
        found = filetypes.detect(upload, upload.name)
    except filetypes.RefusedFile as error:
        raise DossierError(str(error)) from error
    digest = sha256_of(upload)
    with transaction.atomic():
        locked = lock(proposal, version=version)
        may_attach(by, locked)
        if nominee is not None and nominee.proposal_id != locked.pk:
            raise DossierError(_("That nominee is not in this dossier."))
        saved = store(upload)
        attachment = Attachment(proposal=locked, nominee=nominee, kind=kind,
                                original_name=safe_name(upload.name, found),
                                stored_name=saved, content_type=found.content_type,
                                size=upload.size, sha256=digest,
                                uploaded_by=by if getattr(by, "pk", None) else None)
        try:
            attachment.full_clean(exclude=["proposal", "nominee", "uploaded_by"])
            attachment.save()
            touch(locked)
            log_action("thidua.attachment.added", by=by, obj=attachment,
                       summary=attachment.original_name,
                       after=snapshot(attachment, ATTACHMENT_FIELDS))
        except Exception:  # the row is rolled back: the file goes too
            default_storage.delete(saved)
            raise
    return attachment


def remove_attachment(*, by, attachment: Attachment, version: int | None = None) -> None:
    """Remove a file: the row at once, the stored file once the transaction has committed."""
    with transaction.atomic():
        locked = lock(attachment.proposal, version=version)
        may_attach(by, locked)
        if locked.state not in EDITABLE and attachment.uploaded_by_id != getattr(by, "pk", None):
            raise DossierError(_("Only the person who attached this file may remove it now."))
        before = snapshot(attachment, ATTACHMENT_FIELDS)
        stored = attachment.stored_name
        attachment.delete()
        touch(locked)
        log_action("thidua.attachment.removed", by=by, obj=locked, summary=before["original_name"],
                   before=before)
        transaction.on_commit(lambda: default_storage.delete(stored))


def open_attachment(attachment: Attachment):
    """The stored file, opened for reading (the caller closes it)."""
    return open_stored(attachment.stored_name)


# -- the storage, shared with the files received in packages -----------------------------------
def random_name() -> str:
    """A new name under MEDIA_ROOT/attachments/: nothing of the original name, nothing to guess."""
    return f"{UPLOAD_DIR}/{secrets.token_hex(2)}/{secrets.token_hex(16)}"


def store(content: bytes | File) -> str:
    """Write `content` (bytes, or an uploaded file) under a random name; returns the name it was
    stored under (the storage may change it to keep it unique)."""
    return default_storage.save(random_name(),
                                content if isinstance(content, File) else ContentFile(content))


def open_stored(name: str):
    """A stored file, opened for reading (the caller closes it)."""
    return default_storage.open(name, "rb")


class StoredFiles:
    """The files one import writes, removed again when it is rolled back (its rows go with the
    transaction; the files must go by hand)."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def store(self, content: bytes) -> str:
        name = store(content)
        self.names.append(name)
        return name

    def discard(self) -> None:
        for name in self.names:
            default_storage.delete(name)
        self.names.clear()


def check_received(content: bytes, name: str) -> filetypes.FileType:
    """A file received in a package, trusted no more than an upload: its size capped and its type
    told by its content. Raises filetypes.RefusedFile saying why it is refused."""
    limit = settings.ATTACHMENT_MAX_BYTES
    if len(content) > limit:
        raise filetypes.RefusedFile(
            _("the file is %(size)s; files up to %(limit)s are accepted")
            % sizes(len(content), limit))
    return filetypes.detect(io.BytesIO(content), name)


def may_attach(by, locked: Proposal) -> None:
    refuse_final(locked)
    if locked.state in EDITABLE and workflow.may_act(by, locked, PROPOSER):
        return
    if locked.state not in EDITABLE and workflow.may_act(by, locked, APPRAISER):
        return
    raise DossierError(_("You may not attach files to this dossier now."))


def check_size(size: int) -> None:
    limit = settings.ATTACHMENT_MAX_BYTES
    if size > limit:
        raise DossierError(_("The file is %(size)s; files up to %(limit)s can be attached.")
                           % sizes(size, limit))
    if size == 0:
        raise DossierError(_("The file is empty."))


def sha256_of(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def safe_name(name: str, found: filetypes.FileType) -> str:
    """The file's own name without any folder part, NFC, at most 255 characters."""
    base = clean(PurePosixPath(name.replace("\\", "/")).name) or f"tep{found.extensions[0]}"
    stem, suffix = base[: -len(PurePosixPath(base).suffix) or None], PurePosixPath(base).suffix
    return f"{stem[:255 - len(suffix)]}{suffix}"
