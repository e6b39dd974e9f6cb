"""What an uploaded file really is, told by its content (never by its name): PDF, DOCX, XLSX,
JPEG or PNG. Office files are zip packages: their `[Content_Types].xml` names the main part,
and the package is refused when it would unpack to too much (a zip bomb). Pure: no database."""

import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from xml.etree import ElementTree

from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
# Limits of an office package: what it may unpack to, how much each part may expand, how many
# parts it may hold. A 300-page report with photos stays far below them.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
MAX_PARTS = 5000
MAX_CONTENT_TYPES_BYTES = 1024 * 1024
# A PDF may carry a few bytes before its header; readers look in the first kilobyte.
PDF_HEADER_WINDOW = 1024


@dataclass(frozen=True)
class FileType:
    key: str
    content_type: str
    extensions: tuple[str, ...]
    label: str


PDF = FileType("pdf", "application/pdf", (".pdf",), "PDF")
DOCX = FileType("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                (".docx",), "Word (.docx)")
XLSX = FileType("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                (".xlsx",), "Excel (.xlsx)")
JPEG = FileType("jpeg", "image/jpeg", (".jpg", ".jpeg"), "JPEG")
PNG = FileType("png", "image/png", (".png",), "PNG")
ALLOWED = (PDF, DOCX, XLSX, JPEG, PNG)
ALLOWED_SUFFIXES = tuple(suffix for kind in ALLOWED for suffix in kind.extensions)


class RefusedFile(Exception):
    """The file may not be attached; the message says why, for the user."""


def detect(handle, name: str) -> FileType:
    """The type of the open binary file `handle` (rewound afterwards), checked against the
    extension of `name`. Raises RefusedFile for anything else."""
    handle.seek(0)
    head = handle.read(PDF_HEADER_WINDOW)
    handle.seek(0)
    found = sniff(handle, head)
    handle.seek(0)
    suffix = PurePosixPath(name.lower()).suffix
    if suffix not in found.extensions:
        raise RefusedFile(_(
            "The file's name ends in “%(suffix)s” but its content is a %(type)s file: rename it "
            "or attach the right file.") % {"suffix": suffix or _("(no extension)"),
                                            "type": found.label})
    return found


def sniff(handle, head: bytes) -> FileType:
    if b"%PDF-" in head:
        return check_pdf(handle)
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return check_image(handle, PNG)
    if head.startswith(b"\xff\xd8\xff"):
        return check_image(handle, JPEG)
    if head.startswith(b"PK\x03\x04"):
        return check_package(handle)
    raise RefusedFile(_("Only PDF, Word (.docx), Excel (.xlsx), JPEG and PNG files can be "
                        "attached; this file is none of them."))


def check_pdf(handle) -> FileType:
    """A PDF ends with an end-of-file marker; a truncated upload does not."""
    handle.seek(0, 2)
    size = handle.tell()
    handle.seek(max(0, size - 2048))
    if b"%%EOF" not in handle.read():
        raise RefusedFile(_("The PDF file is incomplete or damaged."))
    return PDF


def check_image(handle, kind: FileType) -> FileType:
    try:
        with Image.open(handle) as image:
            if image.format != ("PNG" if kind is PNG else "JPEG"):
                raise RefusedFile(_("The image is damaged or not of the type it claims."))
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError) as error:
        raise RefusedFile(_("The image is damaged or too large to open.")) from error
    return kind


def check_package(handle) -> FileType:
    """A .docx or .xlsx: a zip whose content types name the document's or workbook's main
    part, small enough once unpacked."""
    try:
        with zipfile.ZipFile(handle) as archive:
            infos = archive.infolist()
            check_bomb(infos)
            main = package_main(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ElementTree.ParseError, KeyError,
            EOFError, ValueError, NotImplementedError) as error:
        raise RefusedFile(_("The file is damaged or is not a Word or Excel document.")) from error
    if main == DOCX_MAIN:
        return DOCX
    if main == XLSX_MAIN:
        return XLSX
    raise RefusedFile(_("This kind of zip package cannot be attached: only Word (.docx) and "
                        "Excel (.xlsx) documents, without macros."))


def check_bomb(infos: list[zipfile.ZipInfo]) -> None:
    """Refuse a package that would unpack to too much, or whose parts expand too much."""
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    expands = any(info.file_size > MAX_RATIO * max(info.compress_size, 1) and
                  info.file_size > 1024 * 1024 for info in infos)
    if (len(infos) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES or expands
            or unpacked > MAX_RATIO * max(packed, 1) and unpacked > 1024 * 1024):
        raise RefusedFile(_("The document unpacks to far more data than its size (a “zip "
                            "bomb”); it was refused."))


def package_main(archive: zipfile.ZipFile) -> str:
    """The content type of the package's main part, from `[Content_Types].xml`."""
    info = archive.getinfo("[Content_Types].xml")
    if info.file_size > MAX_CONTENT_TYPES_BYTES:
        raise ValueError("content types too large")
    root = ElementTree.fromstring(archive.read(info))
    names = set(archive.namelist())
    for override in root.iter(f"{CONTENT_TYPES}Override"):
        kind = override.get("ContentType", "")
        if kind in (DOCX_MAIN, XLSX_MAIN) and override.get("PartName", "").lstrip("/") in names:
            return kind
    return ""
