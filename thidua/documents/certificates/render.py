"""Certificates as PDF, compiled by Typst from the templates in thidua/documents/typst/.

A batch is a compile for what its pages share (the paper, the ornaments, the decision's
lines), then compiles of the pages, which draw that layer as a PDF image (written once into the
file) under their own text. The pages' text goes in as one JSON input. A large batch is cut
into as many runs of pages as the machine has cores (at most CERTIFICATE_WORKERS), compiled at
once on threads of a pool kept by the process, each thread with its own Typst compiler (Typst
runs without Python's GIL), and the parts are joined by PDFium in their order.

Fonts: the ones bundled with Typst (Libertinus Serif has every Vietnamese letter and stacked
tone mark), plus any folder in the CERTIFICATE_FONT_DIRS setting; the font used is the
CERTIFICATE_FONT setting. The PDF embeds the subsets it uses."""

import io
import json
import os
import re
import shutil
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import cache, lru_cache
from pathlib import Path

import pypdfium2
import segno
import typst
from django.conf import settings

from thidua.core.text import clean
from thidua.documents.certificates import qr
from thidua.documents.certificates.content import PAPER, Lines
from thidua.documents.certificates.fitting import surely_fits
from thidua.documents.certificates.layouts import GRID_WIDTH, LayoutSpec

TEMPLATES = Path(__file__).resolve().parent.parent / "typst"
DEFAULT_FONT = "Libertinus Serif"
CODE_LABEL = "Mã xác minh"  # printed words, Vietnamese whatever the user's language
# Mask pattern of the QR codes (any of the eight is valid and every reader decodes them all).
# Choosing the best by the standard's penalty score costs 2.4 ms a code in pure Python, more
# than all the rest of a certificate.
QR_MASK = 4
_local = threading.local()  # a Typst compiler per thread: its methods are not re-entrant
_pool_lock = threading.Lock()
_pools: dict[int, ThreadPoolExecutor] = {}
PART_PAGES = 100  # the fewest pages worth a compile of their own
_LUMA = bytes.maketrans(b"\x00\x01", b"\xff\x00")  # segno: 1 is a dark module
QUIET = 4  # modules of white around a QR code
_LONG_WORD = re.compile(r"\S{28,}")

# The text of a designed certificate, on the 297 × 210 mm grid (scaled to the paper):
# name: (x, y, width, height in mm, size in pt, bold, italic, red, alignment).
DESIGNED_FIELDS = {
    "authority": (30, 53, 237, 9, 16, True, False, True, "center"),
    "lead": (30, 62.5, 237, 7, 14, True, False, False, "center"),
    "award": (30, 70, 237, 17, 40, True, False, True, "center"),
    "awardee": (30, 90, 237, 14, 26, True, False, False, "center"),
    "unit": (30, 105, 237, 10, 15, False, False, False, "center"),
    "achievement": (30, 116, 237, 24, 15, False, True, False, "center"),
    "decision": (22, 146, 112, 10, 12, True, True, False, "center"),
    "register": (22, 157, 112, 6, 12, True, True, False, "center"),
    "code_label": (53, 168, 80, 5, 8, False, False, False, "left"),
    "code": (53, 173.5, 80, 7, 13, True, False, False, "left"),
    "verify_at": (53, 181.5, 80, 9, 8, False, False, False, "left"),
    "place_date": (160, 146, 115, 7, 13, True, True, False, "center"),
    "signer_title": (160, 154, 115, 13, 13, True, False, False, "center"),
    "signer_name": (160, 186, 115, 8, 14, True, False, False, "center"),
}
TITLE_AWARD_SIZE = 28  # a title's name ("CHIẾN SĨ THI ĐUA CƠ SỞ") is longer than "BẰNG KHEN"


@lru_cache(maxsize=4096)  # a batch repeats its decision's lines and unit names on every page
def breakable(text: str) -> str:
    """`text` in NFC with Đ (line by line), and a break opportunity (zero-width space) every
    12 characters of a "word" so long (a name typed without spaces) that it could not wrap."""
    text = "\n".join(clean(line) for line in str(text).split("\n"))  # lines are kept
    return _LONG_WORD.sub(lambda m: "\u200b".join(_chunks(m.group(0), 12)), text)


def _chunks(word: str, size: int) -> list[str]:
    return [word[i:i + size] for i in range(0, len(word), size)]


class RenderError(Exception):
    """Typst could not compile a document (a font or a template problem, never the data)."""


@cache
def fonts() -> typst.Fonts:
    """The fonts, loaded once per process and shared by every thread's compiler."""
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True,
                       font_paths=[str(p) for p in getattr(settings, "CERTIFICATE_FONT_DIRS",
                                                           [])])


def compiler() -> typst.Compiler:
    """This thread's compiler (made on first use, with the shared fonts)."""
    found = getattr(_local, "compiler", None)
    if found is None:
        found = _local.compiler = typst.Compiler(root=str(TEMPLATES), font_paths=fonts(),
                                                 ignore_system_fonts=True)
    return found


def workers() -> int:
    """How many compiles run at once: the cores, at most CERTIFICATE_WORKERS."""
    return max(1, min(os.cpu_count() or 1, int(getattr(settings, "CERTIFICATE_WORKERS", 4))))


def pool(size: int) -> ThreadPoolExecutor:
    """The process's threads for compiles in parallel (kept, with their compilers)."""
    with _pool_lock:
        if size not in _pools:
            _pools[size] = ThreadPoolExecutor(max_workers=size, thread_name_prefix="typst")
        return _pools[size]


def font() -> str:
    return getattr(settings, "CERTIFICATE_FONT", "") or DEFAULT_FONT


def compile_pdf(template: str, data: dict, *, root: Path = TEMPLATES) -> bytes:
    payload = json.dumps({"font": font(), **data}, ensure_ascii=False)
    try:
        return compiler().compile(input=str(root / template), root=str(root),
                                  sys_inputs={"data": payload}, pdf_tags=False)
    except typst.TypstError as error:
        raise RenderError(f"{error} {getattr(error, 'diagnostic', '')}") from error


def compile_layered(template: str, data: dict) -> bytes:
    """The layers the pages share (`mode` "layers"), then the pages drawing them as a PDF
    image (`mode` "pages"), in parts compiled at once (see `parts`). Each part's QR codes go
    in as one file of raw pixels."""
    with tempfile.TemporaryDirectory(prefix="thidua-typst-") as folder:
        root = Path(folder)
        layers = compile_pdf(template, {**data, "mode": "layers"},
                             root=_workspace(root / "layers"))

        def compile_part(number_and_pages: tuple[int, list[dict]]) -> bytes:
            number, pages = number_and_pages
            place = _workspace(root / f"part-{number}")
            packed, pixels = _pack_qr_codes(pages)
            (place / "qr.raw").write_bytes(pixels)
            (place / "layers.pdf").write_bytes(layers)
            return compile_pdf(template, {**data, "mode": "pages", "pages": packed}, root=place)

        chunks = list(enumerate(parts(data["pages"], workers())))
        if len(chunks) == 1:
            return compile_part(chunks[0])
        return joined(list(pool(len(chunks)).map(compile_part, chunks)))


def parts(pages: list[dict], count: int) -> list[list[dict]]:
    """`pages` cut into at most `count` runs, in order, none shorter than PART_PAGES."""
    count = max(1, min(count, len(pages) // PART_PAGES))
    size, extra = divmod(len(pages), count)
    runs, start = [], 0
    for number in range(count):
        end = start + size + (1 if number < extra else 0)
        runs.append(pages[start:end])
        start = end
    return runs


def joined(pdfs: list[bytes]) -> bytes:
    """The parts as one PDF, in order (PDFium copies the pages with what they draw; the first
    part's document information, its title, stays)."""
    whole = pypdfium2.PdfDocument(pdfs[0])
    try:
        for pdf in pdfs[1:]:
            part = pypdfium2.PdfDocument(pdf)
            try:
                whole.import_pages(part)
            finally:
                part.close()
        buffer = io.BytesIO()
        whole.save(buffer)
        return buffer.getvalue()
    finally:
        whole.close()


def _workspace(folder: Path) -> Path:
    folder.mkdir()
    for source in TEMPLATES.glob("*.typ"):
        shutil.copyfile(source, folder / source.name)
    return folder


def _pack_qr_codes(pages: list[dict]) -> tuple[list[dict], bytes]:
    """Each page's QR code drawn (on the part's own thread: while one part compiles, the next
    draws its codes) into one blob of pixels; the page keeps where its code is."""
    packed, blob, offset = [], [], 0
    for page in pages:
        side, pixels = qr_pixels(page["qr_url"])
        packed.append({**page, "qr": {"offset": offset, "side": side}})
        blob.append(pixels)
        offset += len(pixels)
    return packed, b"".join(blob)


# -- QR codes -------------------------------------------------------------------------------
def qr_matrix(url: str) -> tuple[bytes, ...]:
    """Rows of modules (1 dark). Error correction level M (15%): a scuffed or folded
    certificate still reads."""
    return qr.matrix(url.encode(), QR_MASK)


def qr_pixels(url: str) -> tuple[int, bytes]:
    """The QR code of `url` as 8-bit grey pixels, one per module (black 0, white 255), with
    the quiet zone the standard asks for (4 modules): (side, pixels). Typst draws them
    unsmoothed, so each module prints as a sharp square whatever the size."""
    matrix = qr_matrix(url)
    side = len(matrix) + 2 * QUIET
    margin = b"\xff" * QUIET
    rows = [margin + bytes(row).translate(_LUMA) + margin for row in matrix]
    blank = [b"\xff" * side] * QUIET
    return side, b"".join([*blank, *rows, *blank])


def qr_png(url: str, scale: int = 8) -> bytes:
    """The same QR code as PNG (for Word documents and other places without SVG)."""
    buffer = io.BytesIO()
    segno.make_qr(url, error="m", mask=QR_MASK, boost_error=False).save(
        buffer, kind="png", scale=scale, border=QUIET)
    return buffer.getvalue()


# -- designed certificates ----------------------------------------------------------------
def page_data(lines: Lines, *, code: str, url: str) -> dict:
    """One certificate's entry in `designed_pdf` or `blank_pdf`: its lines (NFC, Đ), its code
    (as printed) and the QR code of its verification address `url`."""
    width, height = PAPER[lines.form]
    text = {name: breakable(value) for name, value in vars(lines).items()}
    return {**text, "width": width, "height": height, "code": code,
            "code_label": CODE_LABEL, "verify_at": url.rsplit("/", 2)[0] + "/",
            "qr_url": url}


def designed_pdf(pages: list[dict], *, title: str) -> bytes:
    """Designed certificates, one page per item of `pages` (see `page_data`)."""
    forms = list(dict.fromkeys(page["form"] for page in pages))
    shared = {form: shared_fields([p for p in pages if p["form"] == form], DESIGNED_FIELDS)
              for form in forms}
    pages = [{**page, "known": known_to_fit(page, shared[page["form"]])} for page in pages]
    fields = {name: dict(zip(("x", "y", "width", "height", "size", "bold", "italic", "red",
                              "align"), box, strict=True))
              for name, box in DESIGNED_FIELDS.items()}
    return compile_layered("certificate.typ", {"title": title, "pages": pages, "forms": forms,
                                               "shared": shared, "fields": fields})


def shared_fields(pages: list[dict], names) -> list[str]:
    """The fields equal on every page (the authority, the date, the signer…): the templates
    set them once, in the shared layer."""
    return [name for name in names if len({page.get(name, "") for page in pages}) == 1]


def known_to_fit(page: dict, shared: list[str]) -> list[str]:
    scale = page["width"] / GRID_WIDTH
    known = []
    for name, (_x, _y, width, height, size, *_style) in DESIGNED_FIELDS.items():
        if name == "award" and page["form"] == "title":
            size = TITLE_AWARD_SIZE
        if name not in shared and surely_fits(page[name], width_mm=width * scale,
                                              height_mm=height * scale, size_pt=size * scale):
            known.append(name)
    return known


# -- blanks and their calibration ---------------------------------------------------------
def blank_pdf(pages: list[dict], layouts: dict[str, LayoutSpec], *, title: str) -> bytes:
    """Only the variable text, for pre-printed blanks; each page names its layout (`layout`)."""
    data = {key: spec.as_data() for key, spec in layouts.items()}
    keys = list(dict.fromkeys(page["layout"] for page in pages))
    shared = {}
    for key in keys:
        names = [f["name"] for f in data[key]["fields"] if f["name"] != "qr"]
        shared[key] = shared_fields([p for p in pages if p["layout"] == key], names)
    pages = [{**page, "known": _known_on_blank(page, data[page["layout"]], shared)}
             for page in pages]
    return compile_layered("blank.typ", {"title": title, "pages": pages, "layouts": data,
                                         "keys": keys, "shared": shared})


def _known_on_blank(page: dict, layout: dict, shared: dict) -> list[str]:
    return [f["name"] for f in layout["fields"]
            if f["name"] != "qr" and f["name"] not in shared[page["layout"]]
            and surely_fits(page.get(f["name"], ""), width_mm=f["width"],
                            height_mm=f["height"], size_pt=f["size"])]


def calibration_pdf(spec: LayoutSpec, *, heading: str, labels: dict[str, str]) -> bytes:
    """A millimetre grid with the box of every printed field, to align the printer."""
    data = spec.as_data()
    for item in data["fields"]:
        item["label"] = f"{labels[item['name']]} ({item['x']:g}, {item['y']:g})"
    return compile_pdf("calibration.typ", {"title": heading, "heading": heading, "layout": data})
